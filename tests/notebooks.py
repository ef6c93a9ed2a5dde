"""Build learner submissions from the course's own notebooks, as the tests need them."""

from __future__ import annotations

import copy

import nbformat

from mlcourse.instructor.cells import HIDDEN_MARKERS, SOLUTION_MARKERS, answer_cells, grade_id

__all__ = ["answer_cells", "fill", "grade_id", "hidden_lines", "read", "reference_answers"]


def reference_answers(source) -> dict[str, str]:
    """The reference solution of every answer cell of a source notebook, markers removed."""
    return {gid: "\n".join(line for line in cell.source.splitlines() if line.strip() not in SOLUTION_MARKERS)
            for gid, cell in answer_cells(source).items()}


def fill(released, answers: dict[str, str]):
    """A copy of a released notebook with some answer cells replaced, as a learner would."""
    notebook = copy.deepcopy(released)
    for gid, cell in answer_cells(notebook).items():
        if gid in answers:
            cell.source = answers[gid]
    return notebook


def read(path):
    return nbformat.read(path, as_version=4)


def hidden_lines(source) -> list[str]:
    """Every substantial line of the hidden tests of a source notebook: what feedback must never show."""
    lines, inside = [], False
    for cell in source.cells:
        for line in cell.source.splitlines():
            if line.strip() in HIDDEN_MARKERS:
                inside = line.strip() == HIDDEN_MARKERS[0]
            elif inside and len(line.strip()) > 12:
                lines.append(line.strip())
    return lines
