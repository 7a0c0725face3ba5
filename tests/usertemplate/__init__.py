"""Tests of generator/usertemplate/; its shared helpers import as ``tests.usertemplate.<module>``."""
