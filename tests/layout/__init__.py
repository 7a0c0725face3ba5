"""Page-layout tests of the rendered PDFs and DOCX; the helpers import as ``tests.layout.pages``."""
