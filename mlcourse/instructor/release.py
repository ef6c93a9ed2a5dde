"""Build the learners' versions of the assignments with ``nbgrader generate_assignment``."""
from __future__ import annotations

from mlcourse.instructor.course import Course, succeeded


def generate_release(course: Course, assignments: list[str] | None = None, progress=print) -> None:
    """Regenerate ``release/<assignment>`` from ``source/<assignment>`` for each assignment.

    This also records each assignment's cells in the gradebook, which autograding needs to
    restore the hidden tests. The result is deterministic, so the committed ``release/``
    can be compared with a fresh build.
    """
    api = course.api()
    for assignment in assignments or course.assignments():
        progress(f"generate_assignment {assignment}")
        result = api.generate_assignment(assignment, force=True, create=True)
        succeeded(result, f"generate_assignment {assignment}")
