"""Protect the gradebook from the code it grades.

Autograding runs each learner's notebook with the instructor's file permissions, so a hostile
notebook can reach a SQLite gradebook in the course folder: overwrite it, or raise another
learner's score. Around each learner's autograde the guard takes a fingerprint of every row
that does not belong to that learner's submission, and a copy of a SQLite file. If the
fingerprint changed or the database no longer opens, the copy is put back and the learner is
reported instead of graded.
"""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

import sqlalchemy as sa

# Rows that autograding one submission legitimately writes: the learner and their submission.
_SUBMISSION = "SELECT id FROM submitted_assignment WHERE student_id = :student AND assignment_id = :aid"
_NOTEBOOKS = f"SELECT id FROM submitted_notebook WHERE assignment_id IN ({_SUBMISSION})"
OWN_ROWS = {
    "student": "id = :student",
    "submitted_assignment": "student_id = :student AND assignment_id = :aid",
    "submitted_notebook": f"assignment_id IN ({_SUBMISSION})",
    "grade": f"notebook_id IN ({_NOTEBOOKS})",
    "comment": f"notebook_id IN ({_NOTEBOOKS})",
}


class GradebookTampered(RuntimeError):
    """Rows outside the graded submission changed, or the gradebook became unreadable."""


def sqlite_file(db_url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL, or None for a database server."""
    url = sa.engine.make_url(db_url)
    return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None


def fingerprint(db_url: str, student: str, assignment: str) -> str:
    """A digest of every gradebook row except those of ``student``'s submission of ``assignment``."""
    engine = sa.create_engine(db_url)
    digest = hashlib.sha256()
    try:
        with engine.connect() as connection:
            ids = connection.execute(sa.text("SELECT id FROM assignment WHERE name = :name"), {"name": assignment})
            aid = ids.scalar()
            for table in sorted(sa.inspect(connection).get_table_names()):
                where = f" WHERE NOT ({OWN_ROWS[table]})" if table in OWN_ROWS else ""
                rows = connection.execute(sa.text(f"SELECT * FROM {table}{where}"), {"student": student, "aid": aid})
                digest.update(table.encode())
                for row in sorted(repr(tuple(r)) for r in rows):
                    digest.update(row.encode())
    except sa.exc.SQLAlchemyError as error:
        raise GradebookTampered(f"the gradebook can no longer be read ({error.__class__.__name__})") from error
    finally:
        engine.dispose()
    return digest.hexdigest()


class GradebookGuard:
    """Use ``with guard.watching(student, assignment):`` around one learner's autograde."""

    def __init__(self, db_url: str):
        self.db_url = db_url
        self.file = sqlite_file(db_url)

    def watching(self, student: str, assignment: str):
        return _Watch(self, student, assignment)

    def _snapshot(self) -> Path | None:
        if self.file is None or not self.file.exists():
            return None
        # Outside the course folder, where the notebook being graded does not go looking.
        copy = Path(tempfile.mkdtemp(prefix="gradebook-")) / self.file.name
        with closing(sqlite3.connect(self.file)) as source, closing(sqlite3.connect(copy)) as target:
            source.backup(target)
        return copy

    def _restore(self, copy: Path | None) -> str:
        if copy is None:
            return "it is not a SQLite file, so restore it from your database backups"
        for leftover in ("-journal", "-wal", "-shm"):
            self.file.with_name(self.file.name + leftover).unlink(missing_ok=True)
        shutil.copyfile(copy, self.file)
        return "it was restored to its state before this submission"


class _Watch:
    def __init__(self, guard: GradebookGuard, student: str, assignment: str):
        self.guard, self.student, self.assignment = guard, student, assignment

    def __enter__(self):
        self.before = fingerprint(self.guard.db_url, self.student, self.assignment)
        self.copy = self.guard._snapshot()
        return self

    def __exit__(self, *exc_info):
        try:
            try:
                after = fingerprint(self.guard.db_url, self.student, self.assignment)
                problem = None if after == self.before else "rows of other submissions or of the assignment changed"
            except GradebookTampered as error:
                problem = str(error)
            if problem:
                action = self.guard._restore(self.copy)
                raise GradebookTampered(f"grading this submission altered the gradebook ({problem}); {action}")
        finally:
            if self.copy is not None:
                shutil.rmtree(self.copy.parent, ignore_errors=True)
        return False
