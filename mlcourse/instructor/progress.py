"""What an instructor sees while a class is graded: a progress bar, and one line per learner for the logs.

The bar (tqdm, on standard error) shows how many learners are done, how many could not be graded so
far, the rate and the time left; the per-learner lines go above it, on standard output, so that a log
of the run keeps them. ``quiet`` keeps both for scripts: only the final grade table is printed.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager

__all__ = ["GradingProgress", "grading_progress"]


class GradingProgress:
    """The two callbacks :func:`mlcourse.instructor.grading.autograde_all` reports to."""

    def __init__(self, bar, quiet: bool):
        self.bar, self.quiet, self.done, self.failed = bar, quiet, 0, 0

    def line(self, text: str) -> None:
        if not self.quiet:
            self.bar.write(text, file=sys.stdout)

    def outcome(self, outcome) -> None:
        self.done += 1
        self.failed += not outcome.graded
        self.bar.set_postfix_str(f"{self.failed} not graded", refresh=False)
        self.bar.update(1)


@contextmanager
def grading_progress(total: int, quiet: bool = False):
    """A :class:`GradingProgress` for ``total`` learners, its bar closed on exit."""
    from tqdm import tqdm

    with tqdm(total=total, unit="learner", desc="grading", file=sys.stderr, disable=quiet or None,
              dynamic_ncols=True) as bar:
        yield GradingProgress(bar, quiet)
