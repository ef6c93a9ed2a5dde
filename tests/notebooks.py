"""Build learner submissions from the course's own notebooks, as the tests need them."""
from __future__ import annotations

import copy

import nbformat

MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


def grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def solution_cells(notebook) -> dict:
    """The cells a learner answers in, by grade_id."""
    return {grade_id(c): c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution")}


def reference_answers(source) -> dict[str, str]:
    """The reference solution of every answer cell of a source notebook, markers removed."""
    return {gid: "\n".join(line for line in cell.source.splitlines() if line.strip() not in MARKERS)
            for gid, cell in solution_cells(source).items()}


def fill(released, answers: dict[str, str]):
    """A copy of a released notebook with some answer cells replaced, as a learner would."""
    notebook = copy.deepcopy(released)
    for gid, cell in solution_cells(notebook).items():
        if gid in answers:
            cell.source = answers[gid]
    return notebook


def read(path):
    return nbformat.read(path, as_version=4)
