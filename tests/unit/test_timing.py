"""Per-cell limits calibrated on the reference solutions: the table, its use, and that it is up to date."""

from __future__ import annotations

import json

import nbformat
import pytest

from mlcourse.instructor.cells import is_instructor_code
from mlcourse.instructor.course import Course
from mlcourse.instructor.timing import TIMES_FILE, CellTimeouts, cell_key
from tests.conftest import ASSIGNMENTS, REPO

TIMES = json.loads((REPO / TIMES_FILE).read_text(encoding="utf-8"))


def code(source: str):
    return nbformat.v4.new_code_cell(source)


def test_a_calibrated_cell_gets_ten_times_its_reference_time_never_less_than_the_default(tmp_path):
    table = tmp_path / TIMES_FILE
    table.write_text(json.dumps({"unit": {cell_key("slow()"): 4.2, cell_key("fast()"): 0.1}}))
    limits = CellTimeouts(table, default=30, factor=10)
    assert limits(code("slow()")) == 42
    assert limits(code("fast()")) == 30
    assert limits(code("slow() # edited by a learner")) == 30


def test_without_a_table_every_cell_gets_the_default(tmp_path):
    assert CellTimeouts(tmp_path / "missing.json", default=7)(code("anything")) == 7


def test_the_course_configuration_uses_the_calibrated_limits(monkeypatch):
    monkeypatch.setenv("MLCOURSE_CELL_TIMEOUT", "12")
    limits = Course.at(REPO).config().Execute.timeout_func
    assert isinstance(limits, CellTimeouts) and (limits.default, limits.factor) == (12, 10)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_locked_cell_of_every_assignment_has_its_reference_time(assignment):
    """cell_times.json is stale when a setup or test cell changed: run `make release` and commit it."""
    notebook = nbformat.read(REPO / "source" / assignment / f"{assignment}.ipynb", as_version=4)
    locked = {cell_key(cell.source) for cell in notebook.cells if is_instructor_code(cell)}
    assert locked and set(TIMES.get(assignment, {})) == locked, "run `make release`; commit cell_times.json"
    assert all(0 <= seconds < 30 for seconds in TIMES[assignment].values()), "a reference cell is too slow"
