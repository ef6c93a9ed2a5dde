"""A real PostgreSQL gradebook: a server started for the test (initdb and pg_ctl in a temporary folder, a
free port on 127.0.0.1, a password), and the instructor's commands run against it as against SQLite:
release, parallel autograde, feedback, grade export, capstone scoring, leaderboard and skills. The
server's password never reaches a graded kernel."""

from __future__ import annotations

import csv
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("initdb") is None, reason="PostgreSQL is not installed")]

MLCOURSE = str(Path(sys.executable).parent / "mlcourse")
PASSWORD = "pg-secret-4f1c9e"
# Prints every variable of its environment, where a careless grader would have put the database's URL.
SNOOP = "import os\nprint(sorted(os.environ.items()))\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def postgres():
    """postgresql://grader:...@127.0.0.1:<port>/gradebook, on a server of its own; stopped afterwards."""
    # Not under pytest's folders, which the server's user cannot enter.
    folder = Path(tempfile.mkdtemp(prefix="mlcourse-postgres-"))
    data, port = folder / "data", free_port()
    (folder / "password").write_text(PASSWORD)
    # PostgreSQL refuses to run as root: as root, the server runs as the system's postgres user.
    user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if user:
        account = pwd.getpwnam("postgres")
        for path in (folder, folder / "password"):
            os.chown(path, account.pw_uid, account.pw_gid)
    run = lambda *command: subprocess.run([*user, *command], check=True, capture_output=True)  # noqa: E731
    run("initdb", "-D", str(data), "-U", "grader", "--auth=scram-sha-256", f"--pwfile={folder / 'password'}")
    run("pg_ctl", "-D", str(data), "-l", str(folder / "server.log"), "-w", "start", "-o",
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder}")
    url = f"postgresql://grader:{PASSWORD}@127.0.0.1:{port}"
    import psycopg

    with psycopg.connect(f"{url}/postgres", autocommit=True) as connection:
        connection.execute("CREATE DATABASE gradebook")
    yield f"{url}/gradebook"
    run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
    shutil.rmtree(folder, ignore_errors=True)


def instructor(*args, cwd, db_url):
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "LANG": "C.UTF-8", "MLCOURSE_DB_URL": db_url}
    return subprocess.run([MLCOURSE, *args], cwd=cwd, capture_output=True, text=True, timeout=900,
                          env=environment)


def hand_in(course: Path, student: str, assignment: str, notebook: Path, extra: dict | None = None):
    folder = course / "submitted" / student / assignment
    folder.mkdir(parents=True)
    shutil.copyfile(notebook, folder / f"{assignment}.ipynb")
    for name, path in (extra or {}).items():
        shutil.copyfile(path, folder / name)


def test_the_whole_term_runs_on_a_postgresql_gradebook(tmp_path, postgres):
    import nbformat

    course = tmp_path / "course"
    course.mkdir()
    shutil.copy2(REPO / "nbgrader_config.py", course)
    for folder in ("source", "expected", "competition"):
        shutil.copytree(REPO / folder, course / folder,
                        ignore=shutil.ignore_patterns("scores.csv", "leaderboard.*"))
    shutil.copy2(REPO / "cell_times.json", course)
    released = instructor("release", "--no-calibrate", "python_for_ml", "capstone", cwd=course,
                          db_url=postgres)
    assert released.returncode == 0, released.stderr

    samples = REPO / "samples"
    hand_in(course, "ada", "python_for_ml", samples / "python_for_ml" / "ada_complete.ipynb")
    hand_in(course, "cleo", "python_for_ml", samples / "python_for_ml" / "cleo_partly_wrong.ipynb")
    snoop = nbformat.read(samples / "python_for_ml" / "ben_blank.ipynb", as_version=4)
    snoop.cells.insert(1, nbformat.v4.new_code_cell(SNOOP))
    nbformat.write(snoop, tmp_path / "snoop.ipynb")
    hand_in(course, "sam", "python_for_ml", tmp_path / "snoop.ipynb")
    graded = instructor("grade", "python_for_ml", "--workers", "2", cwd=course, db_url=postgres)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    with (course / "grades.csv").open(newline="") as handle:
        scores = {row["student_id"]: float(row["score"]) for row in csv.DictReader(handle)
                  if row["assignment"] == "python_for_ml"}
    assert scores == {"ada": 10.0, "cleo": 6.0, "sam": 0.0}  # samples/python_for_ml/samples.csv
    graded_files = [*(course / "autograded" / "sam").rglob("*"), *(course / "feedback" / "sam").rglob("*")]
    for path in graded_files:
        if path.is_file():
            assert PASSWORD not in path.read_text(errors="replace"), path

    hand_in(course, "ada", "capstone", samples / "capstone" / "ada_complete.ipynb",
            {"submission.csv": samples / "capstone" / "ada_submission.csv"})
    assert instructor("grade", "capstone", "--quiet", cwd=course, db_url=postgres).returncode == 0
    scored = instructor("score", cwd=course, db_url=postgres)
    assert scored.returncode == 0 and "ada" in scored.stdout, scored.stderr
    board = instructor("leaderboard", cwd=course, db_url=postgres)
    assert board.returncode == 0 and "ada" in board.stdout
    skills = instructor("skills", "--student", "ada", "--out", "ada.png", cwd=course, db_url=postgres)
    assert skills.returncode == 0 and (course / "ada.png").is_file(), skills.stderr
    assert not (course / "gradebook.db").exists()  # everything went to PostgreSQL

    import psycopg

    with psycopg.connect(postgres) as connection:
        counted = connection.execute("SELECT count(*) FROM submitted_assignment").fetchone()[0]
    assert counted == 4  # three python_for_ml learners and ada's capstone
