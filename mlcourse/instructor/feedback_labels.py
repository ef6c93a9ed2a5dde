"""Name each exercise in the feedback returned to learners.

nbgrader's feedback page lists the graded cells as "Test cell (Score: 1 / 2)" and "Comment", and heads
each test cell with its grade_id alone, so a learner cannot tell which exercise a score belongs to. This
preprocessor adds, from the course's exercise catalog, a list of the scores by exercise at the top
(each linking to its cell, and to its comment if there is one) and a heading naming the exercise above each
test cell. It only reads cell metadata (the grade_id, and the score and points nbgrader's ``GetGrades``
put there) and never a cell's code or outputs, so it shows nothing of the hidden tests; it runs after
``ClearHiddenTests`` and ``RedactHiddenTestErrors`` and before the HTML sanitizer (nbgrader_config.py).
"""
from __future__ import annotations

import re

from nbformat.v4 import new_markdown_cell
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import is_grade

from mlcourse.exercises import catalog
from mlcourse.instructor.cells import WRITTEN_ANSWER, exercise_name, grade_id, is_task, is_test_cell

__all__ = ["LABEL_MARK", "LabelExercises", "cell_label"]

#: Metadata that marks the cells this preprocessor adds (so that running it twice adds nothing twice).
LABEL_MARK = "mlcourse_feedback_label"
_SAFE_ID = re.compile(r"^[A-Za-z0-9_.-]+$")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _text(text: str) -> str:
    """``text`` shown literally in markdown."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def cell_label(assignment: str, cell_id: str) -> str:
    """What a learner calls a graded cell: "Exercise q3 · Count values with a dict" for an exercise's
    cells (its title from the catalog), "Written answer", or the grade_id in words."""
    if cell_id == WRITTEN_ANSWER:
        return "Written answer"
    name = exercise_name(cell_id)
    if name:
        exercise = catalog.find(assignment, name)
        title = exercise.title if exercise else ""
        return f"Exercise {name}" + (f" · {title[:1].upper()}{title[1:]}" if title else "")
    words = cell_id.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _points(value) -> str:
    return f"{float(value):g}"


def _score(cell) -> str:
    meta = cell.metadata.get("nbgrader", {})
    if meta.get("points") is None:
        return ""
    if meta.get("score") is None:
        return f"not graded yet (of {_points(meta['points'])})"
    return f"{_points(meta['score'])} / {_points(meta['points'])}"


def _link(text: str, anchor: str) -> str:
    return f"[{_text(text)}](#{anchor})" if _SAFE_ID.match(anchor) else _text(text)


class LabelExercises(NbGraderPreprocessor):
    """Add a list of the scores by exercise at the top of the feedback and name the exercise above each
    graded test cell."""

    def preprocess(self, nb, resources):
        assignment = (resources.get("nbgrader") or {}).get("assignment", "")
        original = [cell for cell in nb.cells if LABEL_MARK not in cell.metadata]
        comments = {grade_id(cell): cell for cell in original
                    if grade_id(cell) and cell.metadata.get("nbgrader", {}).get("comment")}
        rows, cells = [], []
        for cell in original:
            cell_id = grade_id(cell)
            if cell_id and (is_grade(cell) or is_task(cell)):
                label = cell_label(assignment, cell_id)
                name = exercise_name(cell_id) if cell_id != WRITTEN_ANSWER else None
                commented = (f"{name}-answer" if name and f"{name}-answer" in comments
                             else cell_id if cell_id in comments else None)
                score = _score(cell)
                rows.append(f"- {_link(label, cell_id)}" + (f": {score}" if score else "")
                            + (f" ({_link('comment', f'comment-{commented}')})" if commented else ""))
                if is_test_cell(cell):
                    cells.append(self._mark(new_markdown_cell(f"#### {_text(label)}: tests")))
            cells.append(cell)
        if rows:
            summary = self._mark(new_markdown_cell("### Your scores by exercise\n\n" + "\n".join(rows)))
            cells.insert(1 if cells and grade_id(cells[0]) == "intro" else 0, summary)
        nb.cells = cells
        return nb, resources

    @staticmethod
    def _mark(cell):
        cell.metadata[LABEL_MARK] = True
        return cell
