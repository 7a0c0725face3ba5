"""Tests of generator/blank/; its shared helpers import as ``tests.blank.<module>``."""
