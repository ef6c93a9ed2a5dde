"""One nbgrader course directory: where it is, what it holds, and nbgrader configured for it.

Everything the instructor's tools do to a course goes through :class:`Course`: its gradebook
(:meth:`Course.gradebook`, the one way in), nbgrader's API and commands, and the competition's
settings. None of it changes the process's environment: a command that needs this Python's
scripts on ``PATH`` (nbgrader runs ``alembic`` by name) gets them in its own environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from traitlets.config.loader import PyFileConfigLoader

__all__ = ["Course", "CourseError", "prepare_gradebook", "succeeded", "tool_environment"]


class CourseError(RuntimeError):
    """A course step failed; the message says which step and why, for the instructor."""


def succeeded(result: dict, step: str) -> dict:
    """The result of one call of nbgrader's API, or a CourseError with ``step`` and nbgrader's log."""
    if not result["success"]:
        raise CourseError(f"nbgrader {step} failed:\n{result.get('log', '')}{result.get('error', '')}")
    return result


def tool_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """A copy of this process's environment with this Python's scripts folder first on ``PATH``,
    for child processes: nbgrader runs ``alembic`` by name, and the venv may not be activated."""
    env = dict(os.environ, **(extra or {}))
    scripts = str(Path(sys.executable).parent)
    if scripts not in env.get("PATH", "").split(os.pathsep):
        env["PATH"] = scripts + os.pathsep + env.get("PATH", "")
    return env


def prepare_gradebook(db_url: str) -> None:
    """Bring the gradebook at ``db_url`` to nbgrader's current schema, as nbgrader itself would.

    A new database gets nbgrader's tables and is stamped with the newest migration (what
    ``nbgrader.api.Gradebook`` does by running ``alembic heads``); an older one is upgraded
    with nbgrader's own migrations (``nbgrader db upgrade``). Doing it here, with this Python,
    means opening a gradebook never depends on ``alembic`` being on ``PATH``.
    """
    import sqlalchemy as sa
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from nbgrader.api import Base
    from nbgrader.dbutil import ALEMBIC_DIR, write_alembic_ini

    head = ScriptDirectory(ALEMBIC_DIR).get_current_head()
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as connection:
            if not sa.inspect(connection).get_table_names():
                Base.metadata.create_all(bind=connection)
                MigrationContext.configure(connection).stamp(ScriptDirectory(ALEMBIC_DIR), head)
                return
            current = MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()
    if current != head:
        with tempfile.TemporaryDirectory() as folder:
            ini = str(Path(folder) / "alembic.ini")
            write_alembic_ini(ini, db_url)
            result = subprocess.run([sys.executable, "-m", "alembic", "-c", ini, "upgrade", "head"],
                                    capture_output=True, text=True)
        if result.returncode != 0:
            raise CourseError(f"the gradebook could not be upgraded to nbgrader's schema:\n{result.stderr}")


@dataclass(frozen=True)
class Course:
    """An nbgrader course directory: ``nbgrader_config.py``, ``source/``, ``release/`` and the rest."""

    root: Path

    @classmethod
    def at(cls, root: Path | str) -> Course:
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
        if not self.source.is_dir():
            return []
        return sorted(p.name for p in self.source.iterdir() if p.is_dir() and not p.name.startswith("."))

    def require_assignment(self, assignment: str) -> str:
        """``assignment`` if the course has it; otherwise a CourseError listing the ones it has."""
        known = self.assignments()
        if assignment not in known:
            raise CourseError(f"there is no assignment {assignment!r} in {self.source}; "
                              f"the course has: {', '.join(known) or 'none'}.")
        return assignment

    def require_released(self, assignment: str) -> str:
        """``assignment`` if nbgrader knows it (``generate_assignment`` recorded it in the gradebook)."""
        self.require_assignment(assignment)
        with self.gradebook() as gradebook:
            if assignment not in {a.name for a in gradebook.assignments}:
                raise CourseError(f"the assignment {assignment!r} is not in the gradebook yet: "
                                  f"run `mlcourse release {assignment}` "
                                  "(nbgrader generate_assignment) first.")
        return assignment

    def submitted_students(self, assignment: str) -> list[str]:
        """Students with a submission of ``assignment`` in ``submitted/``."""
        submitted = self.root / "submitted"
        if not submitted.is_dir():
            return []
        return sorted(p.name for p in submitted.iterdir() if (p / assignment).is_dir())

    def config(self):
        """The course's nbgrader configuration, loaded from its ``nbgrader_config.py``."""
        try:
            return PyFileConfigLoader("nbgrader_config.py", path=str(self.root)).load_config()
        except Exception as error:  # a broken config file is the instructor's to fix
            raise CourseError(f"{self.root / 'nbgrader_config.py'} could not be loaded: "
                              f"{type(error).__name__}: {error}") from error

    def db_url(self) -> str:
        return self.config().CourseDirectory.db_url

    @contextmanager
    def gradebook(self) -> Iterator:
        """The course's nbgrader :class:`~nbgrader.api.Gradebook`, migrated, closed on exit.

        The one way the course's tools open the gradebook, so that a new or old database is
        brought to nbgrader's schema first, whatever ``PATH`` the instructor's shell has.
        """
        from nbgrader.api import Gradebook

        url = self.db_url()
        prepare_gradebook(url)
        with Gradebook(url, course_id=self.config().CourseDirectory.course_id) as gradebook:
            yield gradebook

    def api(self, sandbox: bool = True):
        """nbgrader's Python API bound to this course, its gradebook prepared first.

        With ``sandbox=False`` graded kernels run without the sandbox, whatever the configuration says.
        """
        from nbgrader.apps import NbGraderAPI

        prepare_gradebook(self.db_url())
        config = self.config()
        if not sandbox:
            config.SandboxLimits.enabled = False
        return NbGraderAPI(config=config)

    def require_sandbox(self) -> bool:
        """True if graded kernels will be sandboxed; False if the configuration turned the sandbox off
        (``MLCOURSE_SANDBOX=0``); a CourseError saying how to install it if the tool is missing."""
        from mlcourse.instructor.sandbox import INSTALL_HINT, SandboxLimits, sandbox_available

        limits = SandboxLimits(config=self.config())
        if limits.enabled and not sandbox_available(limits):
            raise CourseError(INSTALL_HINT)
        return limits.enabled

    def competition(self):
        """The capstone competition's settings, as ``nbgrader_config.py`` sets them."""
        from mlcourse.instructor.competition import Competition

        return Competition(config=self.config())

    def nbgrader(self, *args: str, cwd: Path | None = None) -> str:
        """Run one ``nbgrader`` command in this course; return its log, or raise CourseError with it."""
        prepare_gradebook(self.db_url())
        result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd or self.root,
                                capture_output=True, text=True, env=tool_environment())
        if result.returncode != 0:
            raise CourseError(f"`nbgrader {' '.join(args)}` failed:\n{result.stdout}{result.stderr}")
        return result.stdout + result.stderr
