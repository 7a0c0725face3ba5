"""A bulk run's progress: documents done of those planned, and the time left once it can be told.

The bar counts documents (a member's bản tự kiểm điểm, a biểu điểm, a list: one each, whatever the
formats), not organisations: a chi bộ of 80 members is not one step like a chi bộ of 5. The time
left is the pace so far applied to what remains; nothing is said before enough documents are done
to make the pace mean something. Drawn on a terminal only; the web page shows the same figures.
"""

from __future__ import annotations

import sys
import time

MIN_DOCUMENTS, MIN_SECONDS = 10, 3.0  # before this, a guess would be noise


def time_left_words(seconds: float) -> str:
    """ "còn khoảng 2 phút": rounded as a person says it (10 s steps, then minutes, then 5-minute steps)."""
    if seconds < 10:
        return "còn vài giây"
    if seconds < 55:
        return f"còn khoảng {round(seconds / 10) * 10} giây"
    minutes = max(1, round(seconds / 60))
    if minutes < 60:
        return f"còn khoảng {minutes} phút"
    hours, minutes = divmod(round(seconds / 300) * 5, 60)
    return f"còn khoảng {hours} giờ" + (f" {minutes} phút" if minutes else "")


class Progress:
    def __init__(self, total_documents: int = 0, stream=None, enabled: bool | None = None, clock=time.monotonic):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.clock = clock
        self.total, self.organisations = total_documents, 0
        self.start = clock()
        self.last = float("-inf")
        self._width = 0  # of the line drawn last: a shorter one blanks what is left of it

    def begin(self, total_documents: int, organisations: int = 0) -> None:
        """Called by ``run_bulk`` once the source is open and its documents are counted."""
        self.total, self.organisations = total_documents, organisations
        self.start = self.clock()

    def time_left(self, documents: int) -> str | None:
        """The time left at the pace so far, in words; None while too few documents are done."""
        elapsed = self.clock() - self.start
        if documents < MIN_DOCUMENTS or elapsed < MIN_SECONDS or documents >= self.total:
            return None
        return time_left_words((self.total - documents) * elapsed / documents)

    def update(
        self, documents: int, written: int, skipped: int, failed: int, force: bool = False, organisations: int = 0
    ) -> None:
        """``organisations``: those done so far (the web page's status keeps it; the line shows documents)."""
        now = self.clock()
        if not self.enabled or (not force and now - self.last < 0.2):
            return
        self.last = now
        width = 24
        filled = min(width, int(width * documents / self.total)) if self.total else width
        rate = written / (now - self.start) if now > self.start else 0
        left = self.time_left(documents)
        line = (
            f"\r[{'#' * filled}{'.' * (width - filled)}] văn bản {documents}/{max(self.total, documents)} · "
            f"{written} tệp đã in ({rate:.0f}/s) · {skipped} bỏ qua (không đổi) · {failed} lỗi"
            + (f" · {left}" if left else "")
        )
        self.stream.write(line.ljust(self._width))
        self._width = len(line)
        self.stream.flush()

    def done(self, documents: int | None = None) -> None:
        """The run is over; ``documents``: how many there were in the end (some planned may have failed)."""
        if documents is not None:
            self.total = documents
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
