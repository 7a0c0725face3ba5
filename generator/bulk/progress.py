"""A progress line on a terminal; nothing at all when output goes to a file or a pipe."""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total_organisations: int = 0, stream=None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total_organisations
        self.start = time.monotonic()
        self.last = 0.0

    def begin(self, total_organisations: int) -> None:
        """Called by ``run_bulk`` once the source is open and its organisations are counted."""
        self.total = total_organisations
        self.start = time.monotonic()

    def update(self, organisations: int, written: int, skipped: int, failed: int, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self.last < 0.2):
            return
        self.last = now
        width = 24
        filled = int(width * organisations / self.total) if self.total else width
        rate = written / (now - self.start) if now > self.start else 0
        line = (f"\r[{'#' * filled}{'.' * (width - filled)}] tổ chức {organisations}/{self.total} · "
                f"{written} tệp đã in ({rate:.0f}/s) · {skipped} bỏ qua (không đổi) · {failed} lỗi")
        self.stream.write(line)
        self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
