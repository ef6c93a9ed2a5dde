"""Every assignment ends the same way: a "Before you submit" summary of the checks, then its outro.

Read as plain JSON (no kernel), so these checks take milliseconds.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlcourse.instructor.cells import SUMMARY_CELLS

REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted((REPO / "source").glob("*/*.ipynb"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.parent.name)
def test_the_summary_comes_just_before_the_outro(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    ids = [cell.get("id") for cell in cells]
    assert ids[-3:-1] == list(SUMMARY_CELLS), f"{path.name}: the summary should come just before the outro"
    assert cells[-1]["metadata"]["nbgrader"]["grade_id"] == "outro"
    assert "summary()" in "".join(cells[-2]["source"]) and "nbgrader" not in cells[-2]["metadata"]
