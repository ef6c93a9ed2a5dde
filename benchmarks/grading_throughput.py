"""How long autograding takes per learner, and what the sandbox and the gradebook guard add, in figures.

Grades N copies of the complete sample submission in a scratch course, once in the sandbox and
once without it, and prints the time per submission, the sandbox's cost, the guard's share, and
what that means for a class of 1,000.

    .venv/bin/python benchmarks/grading_throughput.py [--learners 20] [--class-size 1000]
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
import warnings
from pathlib import Path

from mlcourse.instructor.course import Course
from mlcourse.instructor.gradebook_guard import fingerprint
from mlcourse.instructor.grading import autograde_all
from mlcourse.instructor.release import generate_release

REPO = Path(__file__).resolve().parents[1]
ASSIGNMENT = "python_for_ml"


def time_fingerprint(course: Course, student: str) -> float:
    started = time.perf_counter()
    fingerprint(course.db_url(), student, ASSIGNMENT)
    return time.perf_counter() - started


def time_grading(course: Course, students: list[str], sandbox: bool) -> float:
    """Seconds to autograde ``students``, every one of them graded."""
    started = time.perf_counter()
    outcomes = autograde_all(course, ASSIGNMENT, students, progress=lambda line: None, sandbox=sandbox)
    assert all(o.graded for o in outcomes), [o.status for o in outcomes if not o.graded]
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=20, help="submissions to autograde")
    parser.add_argument("--class-size", type=int, default=1000,
                        help="gradebook size at which to time the guard's fingerprint")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", module="nbgrader.api")

    root = Path(tempfile.mkdtemp(prefix="grading-benchmark-"))
    try:
        shutil.copy2(REPO / "nbgrader_config.py", root)
        shutil.copytree(REPO / "source", root / "source")
        shutil.copytree(REPO / "expected", root / "expected")
        course = Course.at(root)
        generate_release(course, [ASSIGNMENT], progress=lambda line: None)
        students = [f"learner{n:04d}" for n in range(args.learners)]
        for student in students:
            folder = root / "submitted" / student / ASSIGNMENT
            folder.mkdir(parents=True)
            shutil.copyfile(REPO / "samples" / ASSIGNMENT / "ada_complete.ipynb",
                            folder / f"{ASSIGNMENT}.ipynb")

        plain = time_grading(course, students, sandbox=False)
        total = time_grading(course, students, sandbox=True)

        small = time_fingerprint(course, students[0])
        with course.gradebook() as gradebook:
            for n in range(args.learners, args.class_size):
                gradebook.add_student(f"learner{n:04d}")
                gradebook.add_submission(ASSIGNMENT, f"learner{n:04d}")
        large = time_fingerprint(course, students[0])
    finally:
        shutil.rmtree(root, ignore_errors=True)

    per_learner = total / args.learners
    print(f"learners graded:               {args.learners}")
    print(f"wall time:                     {total:.1f} s")
    print(f"per submission:                {per_learner:.2f} s")
    print(f"without the sandbox:           {plain / args.learners:.2f} s per submission "
          f"(the sandbox costs {(total - plain) / args.learners:+.2f} s each)")
    print(f"guard fingerprint, taken twice per submission: {small * 1000:.1f} ms with {args.learners} "
          f"submissions in the gradebook, {large * 1000:.1f} ms with {args.class_size}")
    projected = args.class_size * (per_learner + 2 * large)
    print(f"projected for {args.class_size:,} learners: {projected / 60:.0f} min "
          f"(guard: {args.class_size * 2 * large / 60:.1f} min of it)")


if __name__ == "__main__":
    main()
