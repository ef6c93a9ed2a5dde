"""What a learner hands in, checked before anything of the course reads it.

A submission is a folder the learner controls entirely. nbgrader's ``collect`` copies it with
``shutil.copytree``, which follows symbolic links: a learner who submits a link to the
instructor's ``source/`` notebook, or to the gradebook, would have that file copied into their
own submission. So the course collects through :func:`collect`, which first looks at every
submission waiting in the exchange and refuses the ones holding anything but plain files and
folders of a sane size; a refused learner's collected files are deleted unread and replaced by
a ``REFUSED.txt`` note, which :func:`refusal` finds so grading scores them zero with the reason.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from nbgrader.utils import temp_attrs

from mlcourse.instructor.cells import SOLUTION_MARKERS
from mlcourse.instructor.course import Course, succeeded

__all__ = ["REFUSED", "IntakeLimits", "collect", "refusal", "unsafe_entries"]

REFUSED = "REFUSED.txt"


@dataclass(frozen=True)
class IntakeLimits:
    """What a submission may hold. nbgrader's own ``max_file_size`` also applies when it copies."""

    files: int = 200
    depth: int = 6
    file_mb: float = 50.0
    notebook_mb: float = 20.0
    notebook_nesting: int = 64  # JSON depth; a notebook's own structure needs about 10


def unsafe_entries(folder: Path, limits: IntakeLimits = IntakeLimits()) -> list[str]:
    """Plain reasons why ``folder`` cannot be accepted, read without following any link; [] if none."""
    found = []
    count = 0
    for root, folders, files in os.walk(folder, followlinks=False):
        depth = len(Path(root).relative_to(folder).parts)
        for name in folders + files:
            path = Path(root, name)
            relative = path.relative_to(folder)
            info = path.lstat()
            count += 1
            if stat.S_ISLNK(info.st_mode):
                found.append(f"{relative} is a symbolic link (submit the file itself)")
            elif not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
                found.append(f"{relative} is not a regular file")
            elif stat.S_ISREG(info.st_mode) and info.st_nlink > 1:
                found.append(f"{relative} is a hard link to another file")
            elif stat.S_ISREG(info.st_mode) and info.st_size > limits.file_mb * 2**20:
                found.append(f"{relative} is larger than {limits.file_mb:g} MB")
            elif stat.S_ISREG(info.st_mode) and name.endswith(".ipynb"):
                found += _notebook_problems(path, relative, info.st_size, limits)
        if depth >= limits.depth and folders:
            nested = Path(root).relative_to(folder)
            found.append(f"{nested} has folders nested deeper than {limits.depth} levels")
            folders.clear()
        if count > limits.files:
            found.append(f"the submission holds more than {limits.files} files")
            break
    return found


def _notebook_problems(path: Path, relative: Path, size: int, limits: IntakeLimits) -> list[str]:
    """A notebook too large or too deeply nested to be read safely (json would exhaust the stack)."""
    if size > limits.notebook_mb * 2**20:
        return [f"{relative} is larger than {limits.notebook_mb:g} MB"]
    depth = deepest = 0
    for character in path.read_bytes().decode("utf-8", errors="replace"):
        if character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth -= 1
    if deepest > limits.notebook_nesting:
        return [f"{relative} is nested {deepest} levels deep, more than a notebook ever is"]
    text = path.read_text(encoding="utf-8", errors="replace")
    if any(marker in text for marker in SOLUTION_MARKERS):
        return [f"{relative} holds the instructor's solution markers ({SOLUTION_MARKERS[0]}): it is a copy "
                "of the instructor's notebook, not the learner's work"]
    return []


def _waiting(course: Course, assignment: str) -> dict[str, Path]:
    """Each learner's newest submission of ``assignment`` waiting in the exchange's inbound folder."""
    config = course.config()
    inbound = Path(config.Exchange.root) / config.CourseDirectory.course_id / "inbound"
    newest: dict[str, tuple[str, Path]] = {}
    for entry in inbound.glob(f"*+{assignment}+*") if inbound.is_dir() else []:
        student, _, timestamp = entry.name.split("+")[:3]
        if student not in newest or timestamp > newest[student][0]:
            newest[student] = (timestamp, entry)
    return {student: entry for student, (_, entry) in newest.items()}


def collect(course: Course, assignment: str, limits: IntakeLimits = IntakeLimits()) -> dict[str, list[str]]:
    """``nbgrader collect`` of ``assignment``, refusing unsafe submissions; returns learner -> reasons."""
    refused = {}
    for student, entry in _waiting(course, assignment).items():
        if entry.is_symlink():
            refused[student] = [f"{entry.name} is a symbolic link"]
        elif reasons := unsafe_entries(entry, limits):
            refused[student] = reasons
    api = course.api()
    safe = [student for student in _waiting(course, assignment) if student not in refused]
    # A refused submission is never copied: nbgrader would follow its links. Without refusals, one
    # collect takes everyone; with some, each accepted learner is collected on their own.
    for student in ([None] if not refused else safe):
        with temp_attrs(api.coursedir, student_id=student or "*"):
            succeeded(api.collect(assignment, update=True), f"collect {assignment}")
    for student, reasons in refused.items():
        _refuse(course.root / "submitted" / student / assignment, reasons)
    return refused


def _refuse(folder: Path, reasons: list[str]) -> None:
    """Leave only the reasons (and the learner's timestamp, if an earlier collect left one) in the refused
    learner's submission folder: anything there is from an earlier submission, now replaced."""
    timestamp = (folder / "timestamp.txt").read_text() if (folder / "timestamp.txt").is_file() else None
    for root, folders, files in os.walk(folder, topdown=False):
        for name in files:
            Path(root, name).unlink()
        for name in folders:
            Path(root, name).rmdir()
    folder.mkdir(parents=True, exist_ok=True)
    if timestamp is not None:
        (folder / "timestamp.txt").write_text(timestamp)
    (folder / REFUSED).write_text(json.dumps(reasons), encoding="utf-8")


def refusal(folder: Path) -> list[str]:
    """Why the submission in ``folder`` was refused at collection, or unsafe now; [] if it may be graded."""
    note = folder / REFUSED
    if note.is_file() and not note.is_symlink():
        return ["refused at collection: " + reason for reason in json.loads(note.read_text(encoding="utf-8"))]
    return unsafe_entries(folder) if folder.is_dir() else []
