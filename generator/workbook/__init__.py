"""The Excel workbook of a whole đảng bộ: its columns, the template, the reader."""

from .reader import WorkbookSource, open_workbook
from .template import write_workbook

__all__ = ["WorkbookSource", "open_workbook", "write_workbook"]
