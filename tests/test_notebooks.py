"""Every notebook is committed clean, and every lesson runs top to bottom."""
from __future__ import annotations

import time

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import REPO

COMMITTED = sorted(p for folder in ("notebooks", "source", "release", "samples")
                   for p in (REPO / folder).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
LESSONS = sorted((REPO / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: str(p.relative_to(REPO)))
def test_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                f"{path.name}: clear outputs before committing")


def test_there_is_a_lesson_for_every_assignment(course):
    assert len(LESSONS) >= len(course.assignments())


@pytest.mark.slow
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_runs_top_to_bottom(path, tmp_path):
    """Each lesson runs in a scratch folder, so files it writes (a submission) stay out of the repo."""
    notebook = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    NotebookClient(notebook, timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    print(f"{path.name} executed in {time.perf_counter() - started:.1f} s")
    assert "What you learned" in "".join(c.source for c in notebook.cells if c.cell_type == "markdown")
