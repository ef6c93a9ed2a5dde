"""The instructor's command line: ``mlcourse demo | release | grade``."""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from mlcourse.instructor.course import Course, CourseError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mlcourse", description=__doc__)
    parser.add_argument("--course", type=Path, default=Path("."), help="course directory (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="run the whole course loop on the sample learners")
    demo.add_argument("--workdir", type=Path, default=Path("build/demo"),
                      help="scratch course folder, emptied first (default: build/demo)")
    release = commands.add_parser("release", help="regenerate release/ from source/ (nbgrader generate_assignment)")
    release.add_argument("assignments", nargs="*", help="default: every assignment in source/")
    grade = commands.add_parser("grade", help="autograde every collected submission, then export and print grades")
    grade.add_argument("assignment")
    args = parser.parse_args(argv)

    # nbgrader 0.9 triggers SQLAlchemy 2 autoflush warnings that say nothing to an instructor.
    warnings.filterwarnings("ignore", module="nbgrader.api")
    try:
        course = Course.at(args.course)
        if args.command == "demo":
            from mlcourse.instructor.demo import run_demo

            return 0 if run_demo(course, args.workdir.resolve()) else 1
        if args.command == "release":
            from mlcourse.instructor.release import generate_release

            generate_release(course, args.assignments or None)
            return 0
        return _grade(course, args.assignment)
    except CourseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _grade(course: Course, assignment: str) -> int:
    """Autograde every collected submission, generate feedback, export grades.csv, print the table."""
    from mlcourse.instructor.grading import autograde_all, generate_feedback
    from mlcourse.instructor.report import grade_report

    outcomes = autograde_all(course, assignment)
    generate_feedback(course, assignment)
    print(grade_report(course, assignment, outcomes)[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
