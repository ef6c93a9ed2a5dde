"""Run each assignment's reference solution as grading would, and record what grading needs from it.

``mlcourse release`` calls :func:`record_reference_runs` after building the release: each source
notebook (the reference solution with its hidden tests) runs in the sandbox, on a scratch copy of
its folder, and the run gives

- how long every locked cell took (``cell_times.json``, :mod:`mlcourse.instructor.timing`), and
- what every hidden test recorded (``expected/<assignment>.json``, :mod:`mlcourse.instructor.expected`),
  the values a learner's results are compared with.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mlcourse.instructor.course import Course
from mlcourse.instructor.expected import record_expected
from mlcourse.instructor.timing import record_times

__all__ = ["record_reference_runs", "run_reference"]


def run_reference(course: Course, assignment: str):
    """The assignment's source notebook, executed in the sandbox with its outputs."""
    import nbformat
    from nbclient import NotebookClient

    from mlcourse.instructor.sandbox import SandboxedKernelManager

    with tempfile.TemporaryDirectory() as scratch:
        folder = shutil.copytree(course.source / assignment, Path(scratch) / assignment)
        notebook = nbformat.read(folder / f"{assignment}.ipynb", as_version=4)
        NotebookClient(notebook, timeout=600, kernel_name="python3", allow_errors=True,
                       kernel_manager_class=SandboxedKernelManager, config=course.config(),
                       resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def record_reference_runs(course: Course, assignments: list[str], progress=print) -> None:
    """Run each assignment's reference solution; record its cell times and its expected results."""
    for assignment in assignments:
        notebook = run_reference(course, assignment)
        path = record_expected(course, assignment, notebook)
        slowest = record_times(course, assignment, notebook)
        progress(f"recorded {assignment}: expected results in {path.relative_to(course.root)}, "
                 f"slowest locked cell {slowest:.1f} s")
