"""Tests of generator/present/; its shared helpers import as ``tests.present.<module>``."""
