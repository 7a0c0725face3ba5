"""Tests of generator/web/; its shared helpers import as ``tests.web.<module>``."""
