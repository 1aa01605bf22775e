"""Progress of a long ingest on standard error: what a person watching it, or reading its log, needs.

On a terminal, a tqdm bar with the total, the rate and the time left. Elsewhere (a file, a pipe, a
CI log, `nohup`), where a bar redrawn in place is noise or nothing, one plain line every
`settings.PROGRESS_SECONDS`. Either way a rejected input is said when its group is written, not only
in the summary at the end. The total is counted in a thread (`app.ingest.expected_records`), so the
work starts at once and the total appears when known.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from sukien import settings
from sukien.errors import InputError


def duration(seconds: float) -> str:
    """0:07, 12:30, 1:02:03."""
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    def __init__(
        self, unit: str, prog: str, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic
    ):
        self.unit, self.prog = unit, prog
        self.stream = stream or sys.stderr
        self.clock = clock
        self.started = self.last = clock()
        self.done = 0
        self.rejected = 0
        self.total: int | None = None
        self.bar: Any = None
        if self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(unit=unit, file=self.stream, dynamic_ncols=True)

    def count_in_background(self, count: Callable[[Iterable[str | Path]], int], paths: list[str]) -> None:
        def run() -> None:
            self.total = count(paths)

        threading.Thread(target=run, name="count-inputs", daemon=True).start()

    def update(self, handled: int) -> None:
        self.done += handled
        if self.bar is not None:
            if self.total is not None and self.bar.total != self.total:
                self.bar.total = max(self.total, self.done)
            self.bar.update(handled)
            return
        now = self.clock()
        if now - self.last >= settings.PROGRESS_SECONDS:
            self.last = now
            self.say(self.line(now))

    def reject(self, error: InputError) -> None:
        self.rejected += 1
        self.say(str(error))  # the one shape of an error line: `file[:line]: CODE message`

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        parts = [f"{self.done} {self.unit}s handled"]
        if self.total:
            total = max(self.total, self.done)
            parts[0] = f"{self.done} of {total} {self.unit}s ({100 * self.done // total}%)"
        parts.append(f"{rate:.0f}/s")
        if self.total and rate > 0:
            parts.append(f"about {duration(max(self.total - self.done, 0) / rate)} left")
        parts.append(f"{duration(elapsed)} so far")
        if self.rejected:
            parts.append(f"{self.rejected} rejected")
        return ", ".join(parts)

    def say(self, message: str) -> None:
        text = f"{self.prog}: {message}"
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.done and self.last != self.started:  # a log that had progress lines gets the last one
            self.say(self.line(self.clock()))
