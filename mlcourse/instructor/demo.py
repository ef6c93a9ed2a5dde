"""The course loop end to end, on sample learners: ``make demo``.

It plays every part with nbgrader's own commands in a scratch copy of the course, so the
instructor's real gradebook is never touched: the instructor generates and releases the
assignment; each sample learner fetches it, puts in their work and submits; the instructor
collects, autogrades, generates and returns feedback, which each learner fetches; grades are
exported to CSV and printed. For the capstone, the learners also hand in a ``submission.csv``,
which the competition's scorer ranks on the leaderboard and turns into gradebook points before
feedback is generated. The samples and the scores they must earn are listed in
``samples/<assignment>/samples.csv``.
"""

from __future__ import annotations

import csv
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from mlcourse.instructor.course import Course
from mlcourse.instructor.expected import EXPECTED_DIR
from mlcourse.instructor.grading import autograde_all, generate_feedback
from mlcourse.instructor.intake import collect
from mlcourse.instructor.leaderboard import build_leaderboard, leaderboard_table
from mlcourse.instructor.release import generate_release
from mlcourse.instructor.report import grade_report
from mlcourse.instructor.scoring import score_all
from mlcourse.instructor.timing import TIMES_FILE

__all__ = ["Sample", "load_samples", "run_demo"]


@dataclass(frozen=True)
class Sample:
    """A sample learner: the file they hand in, the score it must earn, and why."""

    student: str
    file: Path | None  # None: the learner submits the notebook as fetched
    expected_score: float
    story: str
    submission: Path | None = None  # a capstone learner's submission.csv, handed in beside the notebook
    hands_in: str = "notebook"  # or "link-to-source": a symbolic link to the instructor's notebook


def load_samples(course: Course, assignment: str) -> list[Sample]:
    """The sample learners of ``assignment``, from ``samples/<assignment>/samples.csv``."""
    folder = course.root / "samples" / assignment
    with (folder / "samples.csv").open(newline="", encoding="utf-8") as handle:
        return [Sample(row["student"], folder / row["file"] if row["file"] else None,
                       float(row["expected_score"]), row["story"],
                       folder / row["submission"] if row.get("submission") else None,
                       row.get("hands_in") or "notebook")
                for row in csv.DictReader(handle)]


def prepare_workdir(course: Course, workdir: Path) -> Course:
    """A fresh scratch course in ``workdir`` with the course's configuration and sources."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    shutil.copy2(course.root / "nbgrader_config.py", workdir)
    shutil.copytree(course.source, workdir / "source")
    if (course.root / TIMES_FILE).is_file():
        shutil.copy2(course.root / TIMES_FILE, workdir)
    if (course.root / EXPECTED_DIR).is_dir():
        shutil.copytree(course.root / EXPECTED_DIR, workdir / EXPECTED_DIR)
    labels = course.competition().labels_file
    if (course.root / labels).is_file():
        (workdir / labels).parent.mkdir(parents=True)
        shutil.copy2(course.root / labels, workdir / labels)
    return Course.at(workdir)


def as_learner(course: Course, student: str, *args: str) -> str:
    """Run a learner's nbgrader command (fetch, submit) as ``student``, from their home folder.

    nbgrader takes the learner's id from the login name; all demo learners share one login,
    so each command names its learner with ``--student`` and keeps the submission cache (which
    fetch_feedback reads to find the learner's own feedback) in the learner's home folder, as a
    separate login would. The course's exchange and id are passed as in a learner's configuration.
    """
    home = course.root / "learners" / student
    home.mkdir(parents=True, exist_ok=True)
    config = course.config()
    return course.nbgrader(*args, f"--student={student}", f"--course={config.CourseDirectory.course_id}",
                           f"--Exchange.root={config.Exchange.root}", "--Exchange.path_includes_course=True",
                           f"--Exchange.cache={home / '.nbgrader_cache'}",
                           cwd=home)


def submit_samples(course: Course, assignment: str, samples: list[Sample], progress) -> None:
    """Each sample learner fetches the assignment, replaces it with their work, and submits."""
    course_id = course.config().CourseDirectory.course_id
    for number, sample in enumerate(samples, start=1):
        progress(f"  [{number}/{len(samples)}] {sample.student} fetches, works, submits: {sample.story}")
        as_learner(course, sample.student, "fetch_assignment", assignment)
        fetched = course.root / "learners" / sample.student / course_id / assignment / f"{assignment}.ipynb"
        if sample.file:
            shutil.copyfile(sample.file, fetched)
        if sample.hands_in == "link-to-source":
            fetched.unlink()
            fetched.symlink_to(course.source / assignment / f"{assignment}.ipynb")
        if sample.submission:
            shutil.copyfile(sample.submission, fetched.parent / course.competition().submission_file)
        as_learner(course, sample.student, "submit", assignment)


def run_demo(course: Course, workdir: Path, progress=print) -> bool:
    """Run the whole loop for every assignment that has samples; True if every score is as expected."""
    started = time.perf_counter()
    demo = prepare_workdir(course, workdir)
    competition = course.competition().assignment
    # The capstone comes last, as in the course.
    assignments = sorted((a for a in course.assignments()
                          if (course.root / "samples" / a / "samples.csv").exists()),
                         key=lambda a: a == competition)
    progress(f"Scratch course: {demo.root}")
    progress("1. Instructor generates the learners' versions (nbgrader generate_assignment)")
    generate_release(demo, assignments, progress=lambda line: progress("  " + line))
    all_as_expected = True
    for assignment in assignments:
        samples = load_samples(course, assignment)
        progress(f"2. Instructor releases '{assignment}' to the exchange (nbgrader release_assignment)")
        demo.nbgrader("release_assignment", assignment)
        progress(f"3. {len(samples)} learners fetch it, work and submit (nbgrader fetch_assignment, submit)")
        submit_samples(demo, assignment, samples, progress)
        progress("4. Instructor collects the submissions (mlcourse collect: nbgrader collect, unsafe files "
                 "refused)")
        for student, reasons in collect(demo, assignment).items():
            progress(f"  {student}: refused: {'; '.join(reasons)}")
        workers = os.cpu_count() or 1
        progress(f"5. Instructor autogrades the submissions, {workers} at a time (nbgrader autograde)")
        outcomes = autograde_all(demo, assignment, progress=lambda line: progress("  " + line),
                                 workers=workers)
        if assignment == competition:
            progress("5b. Instructor scores each submission.csv "
                     "outside the learners' kernels (mlcourse score)")
            score_all(demo, progress=lambda line: progress("  " + line))
            rows, _, board = build_leaderboard(demo)
            progress("\n" + leaderboard_table(rows) + f"\n   leaderboard: {board}\n")
        progress("6. Instructor generates and returns feedback "
                 "(nbgrader generate_feedback, release_feedback)")
        generate_feedback(demo, assignment, outcomes)
        demo.nbgrader("release_feedback", assignment)
        for outcome in outcomes:
            if outcome.graded:
                as_learner(demo, outcome.student, "fetch_feedback", assignment)
        progress(f"   feedback fetched by {sum(o.graded for o in outcomes)} learners into learners/<name>/")
        progress("7. Instructor exports grades (nbgrader export)")
        rows, table = grade_report(demo, assignment, outcomes)
        progress("\n" + table + "\n")
        all_as_expected &= compare_with_expected(rows, samples, progress)
    progress(f"Grades: {demo.root / 'grades.csv'}   Feedback: {demo.root / 'feedback'}")
    progress(f"Demo finished in {time.perf_counter() - started:.0f} s.")
    return all_as_expected


def compare_with_expected(rows: list[dict], samples: list[Sample], progress) -> bool:
    """Report whether each sample learner earned the score the samples promise."""
    scores = {row["student_id"]: float(row["score"]) for row in rows}
    wrong = [f"{s.student}: expected {s.expected_score:g}, got {scores.get(s.student, 'no grade')}"
             for s in samples if scores.get(s.student) != s.expected_score]
    if wrong:
        progress("Scores differ from samples.csv:\n  " + "\n  ".join(wrong))
    else:
        progress(f"All {len(samples)} sample learners scored as expected.")
    return not wrong
