"""Every lesson ends the same way: what you learned, further reading, and where to go next.

Read as plain JSON (no kernel, no nbformat), so these checks take milliseconds.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
LINK = re.compile(r"\[[^\]]+\]\((https?://[^)\s]+)\)")


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def title(path: Path) -> str:
    """The lesson's title: its first heading, without the '#'."""
    return "".join(cells(path)[0]["source"]).splitlines()[0].lstrip("# ").strip()


def markdown_tail(path: Path) -> list[str]:
    """The markdown cells after the lesson's last code cell, in order."""
    tail = []
    for cell in reversed(cells(path)):
        if cell["cell_type"] != "markdown":
            break
        tail.insert(0, "".join(cell["source"]))
    return tail


def test_there_are_lessons():
    assert len(LESSONS) >= 10


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_a_lesson_ends_with_what_you_learned_then_readings_and_next(path):
    tail = markdown_tail(path)
    assert tail, f"{path.name} ends with a code cell"
    *_, learned, last = ["", *tail]
    assert "What you learned" in learned or "What you learned" in last, (
        f"{path.name}: the 'What you learned' cell should be the last or the one before it")
    assert "Next:" in last, f"{path.name}: the last cell should say where to go next ('Next:')"
    links = set(LINK.findall(last))
    assert len(links) >= 2, f"{path.name}: give at least two further readings as links, found {sorted(links)}"


@pytest.mark.parametrize("index", range(len(LESSONS)), ids=lambda i: LESSONS[i].name)
def test_next_points_to_the_next_lesson_or_from_the_capstone_kickoff_to_the_capstone(index):
    next_line = " ".join(markdown_tail(LESSONS[index])[-1].split("Next:", 1)[1].split())
    if "capstone" in LESSONS[index].name:
        assert "`capstone`" in next_line and (REPO / "source" / "capstone").is_dir()
    elif index + 1 < len(LESSONS):
        following = LESSONS[index + 1]
        assert following.name in next_line or title(following) in next_line, (
            f"{LESSONS[index].name}: 'Next:' should name the next lesson, "
            f"{following.name} ({title(following)})")
