"""Per-cell time limits calibrated on the reference solution, so a busy grader never fails a correct cell.

A single limit for every cell (``MLCOURSE_CELL_TIMEOUT``, 30 s) must be short enough to stop an
endless loop quickly, yet a few test cells (a cross-validated model on the capstone data) take
seconds on a quiet machine and several times that on a loaded one. So ``mlcourse release`` runs
each assignment's reference notebook (:mod:`mlcourse.instructor.reference`) and records how long
every locked cell took
(``cell_times.json`` in the course folder); while grading, a test cell may run
``CellTimeouts.factor`` times its reference time, and never less than the usual limit.

Cells are recognised by a digest of their source, and only the locked ones count (setup and tests):
nbgrader restores those from the gradebook before running them, so a learner's own code never
gets a calibrated cell's longer limit.
"""

from __future__ import annotations

import hashlib
import json
import math
from datetime import datetime
from pathlib import Path

from mlcourse.instructor.cells import is_instructor_code
from mlcourse.instructor.course import Course

__all__ = ["TIMES_FILE", "CellTimeouts", "cell_key", "record_times"]

TIMES_FILE = "cell_times.json"


def cell_key(source: str) -> str:
    """The digest a test cell is known by in the table."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


class CellTimeouts:
    """nbclient's ``timeout_func``: the limit of one cell, from the calibrated table or the default."""

    def __init__(self, table: Path, default: int, factor: float = 10.0):
        self.default = default
        self.factor = factor
        recorded = json.loads(table.read_text(encoding="utf-8")) if table.is_file() else {}
        self.times = {key: seconds for cells in recorded.values() for key, seconds in cells.items()}

    def __call__(self, cell) -> int:
        seconds = self.times.get(cell_key(cell.source))
        return self.default if seconds is None else max(self.default, math.ceil(self.factor * seconds))


def _seconds(cell) -> float | None:
    """How long a cell ran, from the timestamps nbclient records in its metadata."""
    timing = cell.metadata.get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return None
    parse = lambda stamp: datetime.fromisoformat(stamp.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds()


def record_times(course: Course, assignment: str, notebook) -> float:
    """Replace ``assignment``'s times in the table with those of its reference notebook just run; return
    the slowest locked cell's time."""
    path = course.root / TIMES_FILE
    times = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    times[assignment] = {cell_key(cell.source): round(_seconds(cell) or 0.0, 2)
                         for cell in notebook.cells if is_instructor_code(cell)}
    path.write_text(json.dumps(dict(sorted(times.items())), indent=1) + "\n", encoding="utf-8")
    return max(times[assignment].values(), default=0.0)
