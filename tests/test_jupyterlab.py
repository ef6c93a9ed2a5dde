"""Real JupyterLab on the course: it serves, the nbgrader extension is loaded, and the
formgrader reads the course's gradebook (what an instructor opens for manual grading)."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # Jupyter kernels, notebooks or nbgrader commands

TOKEN = "course-tests"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab(released_course):
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", "--allow-root",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", f"--ServerApp.token={TOKEN}",
         f"--ServerApp.root_dir={released_course.root}"],
        cwd=released_course.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            get(base, "/api/status")
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not start within 90 s")
    yield base
    server.terminate()
    server.wait(timeout=30)


def get(base: str, path: str):
    request = urllib.request.Request(base + path, headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


def test_jupyterlab_serves_the_course(lab):
    status, page = get(lab, "/lab")
    assert status == 200 and "JupyterLab" in page


def test_nbgrader_labextension_is_enabled(lab):
    _, body = get(lab, "/lab/api/extensions")
    extension = next(e for e in json.loads(body) if e["name"] == "jupyter-nbgrader")
    assert extension["enabled"] and extension["status"] == "ok"


def test_formgrader_reads_the_course_gradebook(lab):
    _, body = get(lab, "/formgrader/api/assignments")
    assignment = next(a for a in json.loads(body) if a["name"] == "python_for_ml")
    assert assignment["max_code_score"] == 10 and assignment["max_written_score"] == 3
