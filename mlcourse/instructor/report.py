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


def grade_table(rows: list[dict], notes: dict[str, str] | None = None) -> str:
    """A fixed-width table of exported grades: assignment, student, score, max and a note.

    ``notes`` maps a student to what the instructor should know (for example why a
    submission scored zero); students without a note who await a written-answer grade
    are marked so, since their score is not final yet.
    """
    notes = notes or {}
    header = ("assignment", "student", "score", "max", "note")
    lines = [(r["assignment"], r["student_id"], f"{float(r['score']):g}", f"{float(r['max_score']):g}",
              notes.get(r["student_id"], "")) for r in rows]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines)]
    widths[-1] = 0  # the note is free text at the end of the line
    fmt = "  ".join(f"{{:<{w}}}" if i != 2 and i != 3 else f"{{:>{w}}}" for i, w in enumerate(widths))
    rule = "  ".join("-" * w for w in widths[:-1]) + "  ----"
    return "\n".join([fmt.format(*header).rstrip(), rule] + [fmt.format(*line).rstrip() for line in lines])
