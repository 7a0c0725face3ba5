"""Tests of generator/workbook/; its shared helpers import as ``tests.workbook.<module>``."""
