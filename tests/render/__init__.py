"""Tests of generator/render/; its shared helpers import as ``tests.render.<module>``."""
