"""The instructor's command line: ``mlcourse demo | release | grade | competition | score | leaderboard | portfolio | skills``."""
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
    commands.add_parser("competition", help="(re)write the capstone competition's files from the seeded split")
    commands.add_parser("score", help="score every submitted capstone submission.csv, record points, print the leaderboard")
    board = commands.add_parser("leaderboard", help="rank the scored capstone submissions into CSV and HTML")
    board.add_argument("--out", type=Path, help="folder for leaderboard.csv/.html (default: competition/)")
    board.add_argument("--public", action="store_true",
                       help="the learners' board: ranked by public score, nothing of the private split")
    portfolio = commands.add_parser("portfolio", help="turn a learner's graded capstone into a publishable project folder")
    portfolio.add_argument("student")
    portfolio.add_argument("--out", type=Path, help="default: portfolios/<student>")
    skills = commands.add_parser("skills", help="mastery per skill from the gradebook, as a table and a chart")
    skills.add_argument("--student", help="one learner (default: the whole class)")
    skills.add_argument("--out", type=Path, default=Path("skills.png"), help="chart file (default: skills.png)")
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
        if args.command == "grade":
            return _grade(course, args.assignment)
        return _capstone(course, args)
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


def _capstone(course: Course, args) -> int:
    """The competition's commands: data, scoring, leaderboard, portfolio, and the skills report."""
    from mlcourse.instructor import competition, leaderboard, portfolio, scoring, skills

    if args.command == "competition":
        for path in competition.write_competition(course.root):
            print(f"wrote {path}")
    elif args.command in ("score", "leaderboard"):
        if args.command == "score":
            scoring.score_all(course)
        public = getattr(args, "public", False)
        rows, csv_path, html_path = leaderboard.build_leaderboard(course, getattr(args, "out", None), public)
        print(leaderboard.leaderboard_table(rows, public))
        print(f"wrote {csv_path} and {html_path}")
    elif args.command == "portfolio":
        out = portfolio.export_portfolio(course, args.student, (args.out or Path("portfolios") / args.student).resolve())
        print(f"wrote the portfolio of {args.student} to {out}")
    else:
        table = skills.mastery(course, args.student)
        if not table:
            raise CourseError("the gradebook has no learners yet: autograde some submissions first.")
        print(skills.skills_table(table))
        chart = skills.skills_chart(table, args.out, f"Skills of {args.student}" if args.student else "Skills of the class")
        print(f"wrote {chart}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
