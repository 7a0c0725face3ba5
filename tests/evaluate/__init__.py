"""Tests of generator/evaluate/; its shared helpers import as ``tests.evaluate.<module>``."""
