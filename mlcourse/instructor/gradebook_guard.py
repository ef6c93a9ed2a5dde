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
from contextlib import closing, contextmanager
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
            ids = connection.execute(sa.text("SELECT id FROM assignment WHERE name = :name"),
                                     {"name": assignment})
            aid = ids.scalar()
            for table in sorted(sa.inspect(connection).get_table_names()):
                where = f" WHERE NOT ({OWN_ROWS[table]})" if table in OWN_ROWS else ""
                rows = connection.execute(sa.text(f"SELECT * FROM {table}{where}"),
                                          {"student": student, "aid": aid})
                digest.update(table.encode())
                for row in sorted(repr(tuple(r)) for r in rows):
                    digest.update(row.encode())
    except sa.exc.SQLAlchemyError as error:
        raise GradebookTampered("the gradebook can no longer be read "
                                f"({error.__class__.__name__})") from error
    finally:
        engine.dispose()
    return digest.hexdigest()


@contextmanager
def guarding(db_url: str, student: str, assignment: str):
    """Wrap one learner's autograde: raise GradebookTampered, after undoing what can be undone,
    if anything outside ``student``'s submission of ``assignment`` changed."""
    before = fingerprint(db_url, student, assignment)
    file = sqlite_file(db_url)
    copy = _snapshot(file) if file is not None and file.exists() else None
    try:
        yield
    finally:  # checked even when grading itself failed: a crash must not hide a tampered gradebook
        try:
            try:
                changed = fingerprint(db_url, student, assignment) != before
                problem = "rows of other submissions or of the assignment changed" if changed else None
            except GradebookTampered as error:
                problem = str(error)
            if problem:
                action = _restore(file, copy)
                raise GradebookTampered("grading this submission altered the "
                                        f"gradebook ({problem}); {action}")
        finally:
            if copy is not None:
                shutil.rmtree(copy.parent, ignore_errors=True)


def _snapshot(file: Path) -> Path:
    """A consistent copy of a SQLite gradebook, outside the course folder where graded code looks."""
    copy = Path(tempfile.mkdtemp(prefix="gradebook-")) / file.name
    with closing(sqlite3.connect(file)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
    return copy


def _restore(file: Path | None, copy: Path | None) -> str:
    """Put the snapshot back; say what happened, for the instructor's report."""
    if copy is None:
        return "it is not a SQLite file, so restore it from your database backups"
    for leftover in ("-journal", "-wal", "-shm"):
        file.with_name(file.name + leftover).unlink(missing_ok=True)
    shutil.copyfile(copy, file)
    return "it was restored to its state before this submission"
