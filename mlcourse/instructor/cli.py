"""The instructor's command line: ``mlcourse demo | release | collect | grade | feedback | lab | competition
| score | leaderboard | portfolio | skills``.

Exit codes: 0 success; 1 done, but some submissions need attention (not graded, flagged for
review, or the demo's scores differ from the samples); 2 usage error; 3 course error (unknown
assignment, missing files, bad configuration).
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path

from mlcourse.instructor.course import Course, CourseError

__all__ = ["ATTENTION", "COURSE_ERROR", "OK", "USAGE", "main"]

OK, ATTENTION, USAGE, COURSE_ERROR = 0, 1, 2, 3

EXIT_CODES = """exit codes:
  0  success
  1  done, but some submissions need attention (not graded, flagged, or demo scores differ)
  2  usage error (unknown command or option)
  3  course error (unknown assignment, missing files, bad configuration)"""


def _demo(course: Course, args) -> int:
    from mlcourse.instructor.demo import run_demo

    return OK if run_demo(course, args.workdir.resolve()) else ATTENTION


def _release(course: Course, args) -> int:
    from mlcourse.instructor.reference import record_reference_runs
    from mlcourse.instructor.release import generate_release

    for assignment in args.assignments:
        course.require_assignment(assignment)
    generate_release(course, args.assignments or None)
    if not args.no_calibrate:
        record_reference_runs(course, args.assignments or course.assignments())
    return OK


def _collect(course: Course, args) -> int:
    from mlcourse.instructor.intake import collect

    refused = collect(course, course.require_released(args.assignment))
    for student, reasons in refused.items():
        print(f"{student}: refused, will score 0: {'; '.join(reasons)}")
    refusals = f"; {len(refused)} submission{'s' if len(refused) != 1 else ''} refused" if refused else ""
    print(f"collected {args.assignment}{refusals}")
    return ATTENTION if refused else OK


def _grade(course: Course, args) -> int:
    """Autograde every collected submission, generate feedback, export grades.csv, print the table."""
    from mlcourse.instructor.grading import autograde_all, generate_feedback
    from mlcourse.instructor.progress import grading_progress
    from mlcourse.instructor.report import grade_report

    assignment = course.require_released(args.assignment)
    sandboxed = course.require_sandbox() and not args.no_sandbox
    students = course.submitted_students(assignment)
    with grading_progress(len(students), quiet=args.quiet) as report:
        outcomes = autograde_all(course, assignment, students, progress=report.line, sandbox=sandboxed,
                                 workers=args.workers, scheduler=args.scheduler, on_outcome=report.outcome)
    generate_feedback(course, assignment, outcomes)
    print(grade_report(course, assignment, outcomes)[1])
    if not sandboxed:
        print("WARNING: graded WITHOUT the sandbox: learners' code ran with your permissions.")
    return ATTENTION if any(o.problems or not o.graded for o in outcomes) else OK


def _feedback(course: Course, args) -> int:
    """Regenerate every learner's feedback from the gradebook as it is now (manual grades and comments
    included: plain `nbgrader generate_feedback` skips feedback that exists), then release it."""
    from mlcourse.instructor.grading import generate_feedback

    assignment = course.require_released(args.assignment)
    exchange = Path(course.config().Exchange.root)
    if not exchange.is_dir():
        raise CourseError(f"the exchange folder {exchange} does not exist, so no learner could fetch "
                          f"feedback: release the assignment to the class first "
                          f"(nbgrader release_assignment {assignment}).")
    failed = generate_feedback(course, assignment)
    course.nbgrader("release_feedback", assignment)
    for student, reason in failed.items():
        print(f"{student}: {reason}")
    summary = f"; {len(failed)} failed" if failed else ""
    print(f"feedback of {assignment} regenerated and released{summary}")
    return ATTENTION if failed else OK


def _lab(course: Course, args) -> int:
    """Open JupyterLab: the course folder for the instructor, or with --learner a learner's workspace."""
    from mlcourse.instructor.lab import (
        DEFAULT_WORKSPACE,
        lab_command,
        lab_environment,
        learner_workspace,
        prepare_instructor_lab,
    )

    if args.learner or args.self_study:
        root = learner_workspace(course, args.workspace or DEFAULT_WORKSPACE, self_study=args.self_study)
        print(f"your workspace: {root}\n  lessons/: the lessons, yours to run and change"
              + ("\n  assignments/: the assignments, to do on your own" if args.self_study else
                 "\n  assignments of your class: menu Nbgrader > Assignment List > Fetch"))
    else:
        exchange = prepare_instructor_lab(course)
        root = course.root
        print(f"course folder: {root}\n  Formgrader: menu Nbgrader > Formgrader; exchange: {exchange}")
    command = lab_command(root, args.jupyter_args)
    if args.dry_run:
        print(" ".join(command))
        return OK
    os.chdir(root)
    os.execvpe(command[0], command, lab_environment(root))


def _competition(course: Course, args) -> int:
    from mlcourse.instructor.cohort.generate import read_secret, write_competition

    settings = course.competition()
    seed = read_secret(course.root / settings.secret_file, renew=args.new_secret)
    for path in write_competition(settings, args.out.resolve(), course.root / settings.labels_file, seed):
        print(f"wrote {path}")
    return OK


def _leaderboard(course: Course, args, public: bool = False) -> int:
    from mlcourse.instructor.leaderboard import build_leaderboard, leaderboard_table

    rows, csv_path, html_path = build_leaderboard(course, args.out, public)
    print(leaderboard_table(rows, public))
    print(f"wrote {csv_path} and {html_path}")
    return ATTENTION if any(row.flag for row in rows) and not public else OK


def _score(course: Course, args) -> int:
    from mlcourse.instructor.scoring import score_all

    course.require_released(course.competition().assignment)
    score_all(course)
    return _leaderboard(course, args)


def _portfolio(course: Course, args) -> int:
    from mlcourse.instructor.portfolio import export_portfolio

    out = export_portfolio(course, args.student, (args.out or Path("portfolios") / args.student).resolve())
    print(f"wrote the portfolio of {args.student} to {out}")
    return OK


def _skills(course: Course, args) -> int:
    from mlcourse.instructor.skills import chart_path, mastery, skills_chart, skills_table

    table = mastery(course, args.student)
    if not table:
        raise CourseError("the gradebook has no learners yet: autograde some submissions first.")
    print(skills_table(table))
    chart = skills_chart(table, chart_path(course, args.out),
                         f"Skills of {args.student}" if args.student else "Skills of the class")
    print(f"wrote {chart}")
    return OK


def _positive(text: str) -> int:
    """A count of at least 1, for argparse."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return int(text)


def parser() -> argparse.ArgumentParser:
    """Every subcommand with help for each argument; each subcommand names its handler."""
    main_parser = argparse.ArgumentParser(prog="mlcourse", description=__doc__.split("\n\n")[0],
                                          epilog=EXIT_CODES,
                                          formatter_class=argparse.RawDescriptionHelpFormatter)
    main_parser.add_argument("--course", type=Path, default=Path("."),
                             help="course directory, the folder holding nbgrader_config.py (default: here)")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="command")

    def command(name: str, handler, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help, epilog=EXIT_CODES,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.set_defaults(handler=handler)
        return sub

    demo = command("demo", _demo, "run the whole course loop on the sample learners")
    demo.add_argument("--workdir", type=Path, default=Path("build/demo"),
                      help="scratch course folder, emptied first (default: build/demo)")
    release = command("release", _release, "regenerate release/ from source/ (nbgrader generate_assignment) "
                      "and run the reference solutions to record the hidden tests' expected results "
                      "(expected/) and each cell's time (cell_times.json)")
    release.add_argument("--no-calibrate", action="store_true",
                         help="skip running the reference solutions (expected/ and cell_times.json keep "
                              "what they hold)")
    release.add_argument("assignments", nargs="*",
                         help="assignments to release (default: every one in source/)")
    collect = command("collect", _collect, "collect submissions from the exchange (nbgrader collect), "
                      "refusing links, devices and oversized files unread")
    collect.add_argument("assignment", help="the assignment to collect, as named in source/")
    grade = command("grade", _grade, "autograde every collected submission, then export and print grades")
    grade.add_argument("assignment", help="the assignment to grade, as named in source/")
    grade.add_argument("--no-sandbox", action="store_true",
                       help="run learners' code without the bubblewrap sandbox (only for trusted notebooks "
                            "on a machine without bubblewrap; the grade table says so)")
    grade.add_argument("--workers", type=_positive, default=os.cpu_count() or 1,
                       help="learners graded at once, each by its own process in a scratch course; the "
                            "grades are the same as one at a time (default: this machine's cores, "
                            f"{os.cpu_count() or 1})")
    grade.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                       help="grade on the workers of this Dask cluster instead (each needs the course "
                            "package and bubblewrap; see README, 'Grading a large class')")
    grade.add_argument("--quiet", action="store_true",
                       help="no progress bar and no line per learner, for scripts: only the grade table")
    feedback = command("feedback", _feedback, "after manual grading: regenerate every learner's feedback "
                       "with the manual scores and comments, and release it to the exchange")
    feedback.add_argument("assignment", help="the assignment, as named in source/")
    lab = command("lab", _lab, "open JupyterLab: the course folder with the Formgrader (instructor), or with "
                  "--learner a learner's own workspace outside the course folder")
    lab.add_argument("--learner", action="store_true",
                     help="open a learner's workspace: copies of the lessons, and the class's assignments "
                          "through Nbgrader > Assignment List (never the course folder and its solutions)")
    lab.add_argument("--self-study", action="store_true",
                     help="a learner's workspace with the released assignments copied in, for a learner "
                          "without a class")
    lab.add_argument("--workspace", type=Path, default=None,
                     help="the learner's workspace (default: $MLCOURSE_WORKSPACE, else ~/mlcourse-workspace)")
    lab.add_argument("--dry-run", action="store_true", help="prepare, print the command, do not start it")
    lab.add_argument("jupyter_args", nargs="*", help="options passed on to `jupyter lab` (after --)")
    competition = command("competition", _competition,
                          "(re)generate the capstone competition's data from the Adult census data with "
                          "the secret seed (Competition.secret_file), with its points scale")
    competition.add_argument("--out", type=Path, default=Path("build/competition"),
                             help="folder for the learners' train.csv, test.csv, sample_submission.csv and "
                                  "scale.json (default: build/competition); the labels go to "
                                  "Competition.labels_file")
    competition.add_argument("--new-secret", action="store_true",
                             help="draw a fresh secret seed first: a new cohort's competition")
    score = command("score", _score, "score every submitted capstone submission.csv, record points, "
                    "print the leaderboard")
    score.add_argument("--out", type=Path, help="folder for leaderboard.csv/.html (default: competition/)")
    board = command("leaderboard", lambda course, args: _leaderboard(course, args, args.public),
                    "rank the scored capstone submissions into CSV and HTML")
    board.add_argument("--out", type=Path, help="folder for leaderboard.csv/.html (default: competition/)")
    board.add_argument("--public", action="store_true",
                       help="the learners' board: ranked by public score, nothing of the private split")
    portfolio = command("portfolio", _portfolio,
                        "turn a learner's graded capstone into a publishable project folder")
    portfolio.add_argument("student", help="the learner's id, as in submitted/")
    portfolio.add_argument("--out", type=Path, help="the folder to write (default: portfolios/<student>)")
    skills = command("skills", _skills, "mastery per skill from the gradebook, as a table and a chart")
    skills.add_argument("--student", help="one learner (default: the whole class)")
    skills.add_argument("--out", type=Path, help="chart file (default: skills.png in the course folder)")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)  # exits with USAGE (2) on bad arguments, as argparse does
    # nbgrader 0.9 triggers SQLAlchemy 2 autoflush warnings that say nothing to an instructor.
    warnings.filterwarnings("ignore", module="nbgrader.api")
    try:
        return args.handler(Course.at(args.course), args)
    except CourseError as error:
        print(f"error: {error}", file=sys.stderr)
        return COURSE_ERROR


if __name__ == "__main__":
    sys.exit(main())
