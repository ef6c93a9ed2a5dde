"""One nbgrader course directory: where it is, what it holds, and nbgrader configured for it."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from traitlets.config.loader import PyFileConfigLoader


class CourseError(RuntimeError):
    """A course step failed; the message says which step and why, for the instructor."""


def ensure_tools_on_path() -> None:
    """nbgrader runs ``alembic`` by name to migrate the gradebook, so this Python's scripts
    folder must be on PATH even when the virtual environment was not activated."""
    scripts = str(Path(sys.executable).parent)
    if scripts not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")


@dataclass(frozen=True)
class Course:
    """An nbgrader course directory: ``nbgrader_config.py``, ``source/``, ``release/`` and the rest."""

    root: Path

    @classmethod
    def at(cls, root: Path | str) -> "Course":
        """The course at ``root``, checked to be one so a typo fails early and clearly."""
        root = Path(root).resolve()
        if not (root / "nbgrader_config.py").is_file():
            raise CourseError(f"{root} is not a course directory: it has no nbgrader_config.py.")
        return cls(root)

    @property
    def source(self) -> Path:
        return self.root / "source"

    @property
    def release(self) -> Path:
        return self.root / "release"

    def assignments(self) -> list[str]:
        """Names of the assignments in ``source/``, sorted by name."""
        return sorted(p.name for p in self.source.iterdir() if p.is_dir() and not p.name.startswith("."))

    def submitted_students(self, assignment: str) -> list[str]:
        """Students with a submission of ``assignment`` in ``submitted/``."""
        submitted = self.root / "submitted"
        if not submitted.is_dir():
            return []
        return sorted(p.name for p in submitted.iterdir() if (p / assignment).is_dir())

    def config(self):
        """The course's nbgrader configuration, loaded from its ``nbgrader_config.py``."""
        return PyFileConfigLoader("nbgrader_config.py", path=str(self.root)).load_config()

    def api(self):
        """nbgrader's Python API bound to this course, for steps run once per student."""
        from nbgrader.apps import NbGraderAPI

        ensure_tools_on_path()
        return NbGraderAPI(config=self.config())

    def db_url(self) -> str:
        return self.config().CourseDirectory.db_url

    def nbgrader(self, *args: str, cwd: Path | None = None) -> str:
        """Run one ``nbgrader`` command in this course; return its log, or raise CourseError with it."""
        ensure_tools_on_path()
        result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd or self.root,
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise CourseError(f"`nbgrader {' '.join(args)}` failed:\n{result.stdout}{result.stderr}")
        return result.stdout + result.stderr
