"""Tests of generator/bulk/; its shared helpers import as ``tests.bulk.<module>``."""
