"""Scoring capstone submissions outside the learner's kernel, as Kaggle does.

A submission file is first checked for format (the same checks the learner's notebook runs),
then scored against the instructor's test labels: a public ROC-AUC on the fixed ~30% of test
rows the leaderboard shows during the competition, and a private ROC-AUC on the rest, which
sets the points. Every scored file is appended to ``competition/scores.csv``, the history the
leaderboard is built from.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

from mlcourse.instructor.course import Course, CourseError
from mlcourse.submission_format import as_sentences, problems, read_submission

__all__ = ["HISTORY_FILE", "Scored", "counted_file", "history", "load_labels", "record_points", "score_all",
           "score_file", "score_submission", "selected"]

HISTORY_FILE = Path("competition") / "scores.csv"


@dataclass(frozen=True)
class Scored:
    """One scored (or refused) submission file: a row of the competition's history."""

    student: str
    scored_at: str
    sha256: str
    status: str  # "scored" or "invalid"
    public_auc: float | None
    private_auc: float | None
    points: float
    message: str


def load_labels(course: Course):
    """The instructor's test labels; a clear error if this course has none."""
    import pandas as pd

    path = course.root / course.competition().labels_file
    if not path.is_file():
        raise CourseError(f"{path} is missing: run `mlcourse competition` to write the competition files.")
    return pd.read_csv(path)


def score_file(path: Path, labels) -> tuple[float | None, float | None, list[str]]:
    """(public AUC, private AUC, []) for a well-formed file; (None, None, problems) otherwise."""
    from sklearn.metrics import roc_auc_score

    frame, unreadable = read_submission(path)
    if unreadable:
        return None, None, [unreadable]
    found = problems(frame, labels["id"])
    if found:
        return None, None, found
    merged = labels.merge(frame.astype({"id": "int64", "probability": "float64"}), on="id")
    public = merged[merged["public"]]
    private = merged[~merged["public"]]
    return (float(roc_auc_score(public["income_over_50k"], public["probability"])),
            float(roc_auc_score(private["income_over_50k"], private["probability"])), [])


def history(course: Course) -> list[Scored]:
    """Every submission scored so far, oldest first."""
    path = course.root / HISTORY_FILE
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    number = lambda text: float(text) if text else None  # noqa: E731
    return [Scored(r["student"], r["scored_at"], r["sha256"], r["status"], number(r["public_auc"]),
                   number(r["private_auc"]), float(r["points"]), r["message"]) for r in rows]


def _append(course: Course, entry: Scored) -> None:
    path = course.root / HISTORY_FILE
    path.parent.mkdir(exist_ok=True)
    new = not path.is_file()
    with path.open("a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[f.name for f in fields(Scored)], lineterminator="\n")
        if new:
            writer.writeheader()
        writer.writerow({k: "" if v is None else v for k, v in asdict(entry).items()})


def score_submission(course: Course, student: str, path: Path, labels) -> Scored:
    """Score one learner's file and add it to the history, unless this exact file was scored before."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    for earlier in history(course):  # the same file (or the same missing file) again: nothing new
        if earlier.student == student and earlier.sha256 == digest:
            return earlier
    public, private, found = score_file(path, labels)
    entry = Scored(student, datetime.now(UTC).isoformat(timespec="seconds"), digest,
                   "scored" if not found else "invalid", public, private,
                   course.competition().points_for(private) if private is not None else 0.0,
                   as_sentences(found))
    _append(course, entry)
    return entry


def selected(entries: list[Scored]) -> Scored | None:
    """A learner's file that counts: the best public score (the earlier on a tie), or None if none is valid.

    Choosing by the public score, as Kaggle does when nobody picks, means that submitting many
    files never lets a learner fish for the best private score.
    """
    scored = [e for e in entries if e.status == "scored"]
    return max(scored, key=lambda e: (e.public_auc, -entries.index(e)), default=None)


def counted_file(course: Course, student: str) -> Scored | None:
    """The file that counts for ``student`` among everything scored so far, or None."""
    return selected([e for e in history(course) if e.student == student])


def record_points(course: Course, entry: Scored) -> bool:
    """Put the selected file's points into the gradebook as the capstone's competition grade.

    The grade belongs to the notebook's locked task cell (``Competition.score_cell``), which nbgrader
    marks for manual grading; the score is written as its manual score (so formgrader shows it
    and an instructor can still override it), with the scorer's message as the comment.
    Returns False when the learner's capstone has not been autograded yet.
    """
    from nbgrader.api import MissingEntry

    settings = course.competition()
    cell, assignment = settings.score_cell, settings.assignment
    with course.gradebook() as gradebook:
        try:
            grade = gradebook.find_grade(cell, assignment, assignment, entry.student)
            comment = gradebook.find_comment(cell, assignment, assignment, entry.student)
        except MissingEntry:
            return False
        grade.manual_score = entry.points
        grade.needs_manual_grade = False  # as formgrader does when a score is entered
        if entry.status != "scored":
            comment.manual_comment = f"Your submission.csv could not be scored: {entry.message}"
        else:
            comment.manual_comment = (
                f"Competition: public ROC-AUC {entry.public_auc:.4f}, "
                f"private ROC-AUC {entry.private_auc:.4f}, {entry.points:g} points"
                + (f" (beat the baseline's {settings.baseline_auc} to pass)." if not entry.points else "."))
        gradebook.db.commit()
    return True


def score_all(course: Course, progress=print) -> list[Scored]:
    """Score every learner's submitted ``submission.csv``; record their selected file's points in the
    gradebook."""
    labels = load_labels(course)
    settings = course.competition()
    results = []
    for student in course.submitted_students(settings.assignment):
        submitted = course.root / "submitted" / student / settings.assignment / settings.submission_file
        entry = score_submission(course, student, submitted, labels)
        in_gradebook = record_points(course, counted_file(course, student) or entry)
        shown = (f"public {entry.public_auc:.4f}  private {entry.private_auc:.4f}  {entry.points:g} points"
                 if entry.status == "scored" else f"not scored: {entry.message}")
        progress(f"{student}: {shown}"
                 + ("" if in_gradebook else "  (not in the gradebook yet: autograde first)"))
        results.append(entry)
    return results
