"""Grades out of the gradebook: nbgrader's CSV export and a table an instructor can read."""

from __future__ import annotations

import csv
from pathlib import Path

from mlcourse.instructor.course import Course


def export_grades(course: Course, destination: Path) -> list[dict]:
    """Run ``nbgrader export`` to ``destination`` (CSV) and return its rows."""
    course.nbgrader("export", f"--to={destination}")
    with destination.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def grade_table(rows: list[dict], notes: dict[str, str] | None = None,
                graded_by: dict[str, str] | None = None) -> str:
    """A fixed-width table of exported grades: assignment, student, score, max and a note.

    ``notes`` maps a student to what the instructor should know, from :func:`instructor_notes`;
    ``graded_by`` to the worker that graded them, a column of its own when grading was shared out.
    """
    notes, graded_by = notes or {}, graded_by or {}
    worker = ("graded by",) if graded_by else ()
    header = ("assignment", "student", "score", "max", *worker, "note")
    lines = [(r["assignment"], r["student_id"], f"{float(r['score']):g}", f"{float(r['max_score']):g}",
              *((graded_by.get(r["student_id"], ""),) if graded_by else ()), notes.get(r["student_id"], ""))
             for r in rows]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines)]
    widths[-1] = 0  # the note is free text at the end of the line
    fmt = "  ".join(f"{{:>{w}}}" if i in (2, 3) else f"{{:<{w}}}" for i, w in enumerate(widths))
    rule = "  ".join("-" * w for w in widths[:-1]) + "  ----"
    return "\n".join([fmt.format(*header).rstrip(), rule] + [fmt.format(*line).rstrip() for line in lines])


def instructor_notes(course: Course, assignment: str, outcomes) -> dict[str, str]:
    """What the instructor should know per student: grading problems, then pending written answers."""
    notes = {o.student: o.status for o in outcomes if o.problems or not o.graded}
    with course.gradebook() as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            if submission.needs_manual_grade and submission.student_id not in notes:
                notes[submission.student_id] = "written answers await manual grading (formgrader)"
    return notes


def grade_report(course: Course, assignment: str, outcomes) -> tuple[list[dict], str]:
    """Export every grade to ``grades.csv`` and return this assignment's rows and their table."""
    rows = [r for r in export_grades(course, course.root / "grades.csv") if r["assignment"] == assignment]
    notes = instructor_notes(course, assignment, outcomes)
    for row in rows:
        if not row["timestamp"]:  # nbgrader exports every learner of the course, submitted or not
            notes.setdefault(row["student_id"], "no submission")
    return rows, grade_table(rows, notes, {o.student: o.worker for o in outcomes if o.worker})
