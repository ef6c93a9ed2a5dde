"""What a learner hands in is read without following links, and refused with a plain reason."""

from __future__ import annotations

import json
import os

import pytest

from mlcourse.instructor.intake import REFUSED, IntakeLimits, refusal, unsafe_entries


@pytest.fixture()
def submission(tmp_path):
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / "unit.ipynb").write_text(json.dumps({"cells": [], "metadata": {}, "nbformat": 4}))
    return folder


def test_a_plain_submission_is_accepted(submission):
    assert unsafe_entries(submission) == [] and refusal(submission) == []


@pytest.mark.parametrize("make, reason", [
    (lambda f: (f / "link.ipynb").symlink_to("/etc/passwd"), "link.ipynb is a symbolic link"),
    (lambda f: os.link(f / "unit.ipynb", f / "twin.ipynb"), "is a hard link to another file"),
    (lambda f: os.mkfifo(f / "pipe"), "pipe is not a regular file"),
    (lambda f: (f / "big.bin").write_bytes(b"0" * (2 * 2**20)), "big.bin is larger than 1 MB"),
    (lambda f: (f / "deep.ipynb").write_text("[" * 100 + "]" * 100), "deep.ipynb is nested 100 levels deep"),
    (lambda f: (f / "copy.ipynb").write_text('{"source": "### BEGIN SOLUTION"}'),
     "instructor's solution markers"),
    (lambda f: (f / "a" / "b" / "c").mkdir(parents=True), "has folders nested deeper than 2 levels"),
])
def test_unsafe_entries_are_named(submission, make, reason):
    make(submission)
    found = unsafe_entries(submission, IntakeLimits(file_mb=1, depth=2, notebook_nesting=64))
    assert any(reason in problem for problem in found), found


def test_too_many_files_are_refused(submission):
    for number in range(5):
        (submission / f"{number}.txt").write_text("x")
    assert "the submission holds more than 3 files" in unsafe_entries(submission, IntakeLimits(files=3))


def test_a_refusal_at_collection_is_read_back_with_its_reasons(submission):
    (submission / REFUSED).write_text(json.dumps(["x.ipynb is a symbolic link"]))
    assert refusal(submission) == ["refused at collection: x.ipynb is a symbolic link"]


def test_a_link_never_gets_followed_even_to_a_huge_file(submission, tmp_path):
    (tmp_path / "huge").write_bytes(b"0" * (3 * 2**20))
    (submission / "notes.txt").symlink_to(tmp_path / "huge")
    found = unsafe_entries(submission, IntakeLimits(file_mb=1))
    assert found == ["notes.txt is a symbolic link (submit the file itself)"]
