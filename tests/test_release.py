"""release/ is exactly what nbgrader generates from source/, and gives nothing away."""
from __future__ import annotations

import json

import pytest

from tests.conftest import ASSIGNMENTS, REPO
from tests.notebooks import answer_cells, read

RELEASED_FILES = sorted(p.relative_to(REPO / "release") for p in (REPO / "release").rglob("*") if p.is_file())
SECRETS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def test_every_assignment_is_released(course):
    assert course.assignments()
    for assignment in course.assignments():
        assert (course.release / assignment).is_dir(), f"run `make release`: {assignment} is not in release/"


@pytest.mark.slow
def test_committed_release_is_exactly_what_generate_assignment_produces(released_course):
    fresh = sorted(p.relative_to(released_course.release) for p in released_course.release.rglob("*")
                   if p.is_file())
    assert fresh == RELEASED_FILES, "release/ is stale: run `make release` and commit the result"
    for relative in fresh:
        assert ((released_course.release / relative).read_bytes()
                == (REPO / "release" / relative).read_bytes()), (
            f"release/{relative} differs from a fresh `nbgrader generate_assignment`: run `make release`")


@pytest.mark.parametrize("relative", RELEASED_FILES, ids=str)
def test_released_file_has_no_markers_or_hidden_tests(relative):
    text = (REPO / "release" / relative).read_text(encoding="utf-8")
    for marker in SECRETS:
        assert marker not in text


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_no_solution_line_reaches_the_release(assignment):
    source = read(REPO / "source" / assignment / f"{assignment}.ipynb")
    released_code = "\n".join(c.source
                              for c in read(REPO / "release" / assignment / f"{assignment}.ipynb").cells
                              if c.cell_type == "code")
    written = json.dumps([c.source for c in answer_cells(source).values() if c.cell_type == "markdown"])
    for cell in answer_cells(source).values():
        inside = False
        for line in cell.source.splitlines():
            if "### BEGIN SOLUTION" in line or "### END SOLUTION" in line:
                inside = "BEGIN" in line
            elif inside and len(line.strip()) > 12:
                assert line.strip() not in released_code, f"solution line in release: {line.strip()}"
    release_text = (REPO / "release" / assignment / f"{assignment}.ipynb").read_text(encoding="utf-8")
    assert "Model answer" in written and "Model answer" not in release_text
