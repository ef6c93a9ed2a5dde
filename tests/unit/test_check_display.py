"""What a check shows in a real IPython kernel: in a learner's own kernel a coloured box and never an
error, so *Restart and Run All* reaches every exercise; under nbgrader (``NBGRADER_EXECUTION``) a failed
cell whose error is one line, ``Mistake: <message>``, without a traceback into the course's code."""
from __future__ import annotations

import html
import os
import shutil

import nbformat
import pytest
from jupyter_client import KernelManager
from nbclient import NotebookClient

from mlcourse.exercise import Mistake
from mlcourse.exercises.python_for_ml import q1
from tests.conftest import REPO

pytestmark = pytest.mark.slow  # starts real kernels

SETUP = "from mlcourse.exercises.python_for_ml import q1, q2\nfrom mlcourse.exercise import summary\n"
#: A wrong answer whose message quotes markup: the box must show it as text, never render it.
WRONG = 'def mass_kg(grams):\n    return "<b>3.75</b> & more"\n'
RIGHT = "def mass_kg(grams):\n    return None if grams is None else grams / 1000\n"
STUB = "def mass_kg(grams):\n    raise NotImplementedError()\n"


def message_of(code: str) -> str:
    """The message of the Mistake that ``q1.check`` raises in this process for the answer ``code``."""
    namespace: dict = {}
    exec(code, namespace)
    with pytest.raises(Mistake) as caught:
        q1.check(namespace["mass_kg"])
    return str(caught.value)


class Kernel:
    """A python3 kernel of the course's venv, started with ``NBGRADER_EXECUTION`` set to ``execution``
    (or unset), that runs code and returns its reply and its outputs."""

    def __init__(self, execution: str | None):
        env = {k: v for k, v in os.environ.items() if k != "NBGRADER_EXECUTION"}
        if execution:
            env["NBGRADER_EXECUTION"] = execution
        self.manager = KernelManager(kernel_name="python3")
        self.manager.start_kernel(env=env, cwd=str(REPO))
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)

    def run(self, code: str) -> tuple[str, list[dict]]:
        """(reply status, outputs as {"type", **content}) of ``code``."""
        outputs: list[dict] = []

        def keep(message):
            if message["msg_type"] in ("stream", "display_data", "execute_result", "error"):
                outputs.append({"type": message["msg_type"], **message["content"]})

        reply = self.client.execute_interactive(code, timeout=60, output_hook=keep)
        return reply["content"]["status"], outputs

    def stop(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def learners_kernel():
    kernel = Kernel(None)
    assert kernel.run(SETUP) == ("ok", [])
    yield kernel
    kernel.stop()


@pytest.fixture(scope="module")
def validating_kernel():
    kernel = Kernel("validate")
    assert kernel.run(SETUP) == ("ok", [])
    yield kernel
    kernel.stop()


def only_display(outputs: list[dict]) -> dict:
    assert [o["type"] for o in outputs] == ["display_data"], outputs
    return outputs[0]["data"]


def test_in_a_learners_kernel_a_wrong_answer_shows_an_incorrect_box_and_no_error(learners_kernel):
    message = message_of(WRONG)
    assert "<b>3.75</b> & more" in message
    status, outputs = learners_kernel.run(WRONG + "q1.check(mass_kg)")
    assert status == "ok"
    data = only_display(outputs)
    page = data["text/html"]
    assert "Incorrect" in page and html.escape(message) in page
    assert "<b>3.75</b>" not in page and "&lt;b&gt;3.75&lt;/b&gt; &amp; more" in page
    assert data["text/plain"].startswith(f"✗ Incorrect: {message}\n")


def test_in_a_learners_kernel_a_right_answer_shows_correct_and_a_stub_not_answered(learners_kernel):
    status, outputs = learners_kernel.run(RIGHT + "q1.check(mass_kg)")
    data = only_display(outputs)
    assert status == "ok" and "Correct" in data["text/html"] and "Incorrect" not in data["text/html"]
    assert data["text/plain"].startswith(
        "✓ Correct: q1 (convert grams to kilograms): the visible checks pass.")
    status, outputs = learners_kernel.run(STUB + "q1.check(mass_kg)")
    data = only_display(outputs)
    assert status == "ok" and "Not answered yet" in data["text/html"]
    assert data["text/plain"] == f"Not answered yet: {message_of(STUB)}"


def test_summary_lists_the_latest_check_of_each_exercise_run_in_the_kernel(learners_kernel):
    learners_kernel.run(RIGHT + "q1.check(mass_kg)")
    learners_kernel.run("q2.check(lambda rows, columns: rows)")
    status, outputs = learners_kernel.run("summary()")
    data = only_display(outputs)
    lines = data["text/plain"].splitlines()
    assert status == "ok" and lines[0] == "1 of 6 exercises pass their visible checks (python_for_ml):"
    assert lines[1] == "  ✓ q1  convert grams to kilograms: passed"
    assert lines[2].startswith("  ✗ q2  keep complete rows: incorrect: ")
    assert lines[3:7] == [f"  · q{n}  {title}: not run yet" for n, title in [
        (3, "count values with a dict"), (4, "mean per group"), (5, "clean one text field"),
        (6, "standardize with NumPy")]]
    page = data["text/html"]
    assert "<b>1 of 6 exercises pass their visible checks</b>" in page and page.count("<tr>") == 7
    assert "✓ passed" in page and "✗ incorrect" in page and page.count("· not run yet") == 4


@pytest.mark.parametrize("answer", [WRONG, STUB], ids=["wrong", "stub"])
def test_under_validate_a_mistake_fails_the_cell_with_its_message_and_no_traceback(validating_kernel, answer):
    message = message_of(answer)
    status, outputs = validating_kernel.run(answer + "q1.check(mass_kg)")
    assert status == "error"
    (error,) = [o for o in outputs if o["type"] == "error"]
    assert [o["type"] for o in outputs] == ["error"]
    assert error["ename"] == "Mistake" and error["evalue"] == message
    shown = "\n".join(error["traceback"])  # what nbgrader's Validate prints
    assert f"Mistake\x1b[0m: {message}" in shown
    assert not any("exercise.py" in line or "Traceback" in line or "----> " in line
                   for line in error["traceback"]), error["traceback"]


def test_under_validate_a_right_answer_prints_the_tick_line(validating_kernel):
    status, outputs = validating_kernel.run(RIGHT + "q1.check(mass_kg)")
    assert status == "ok"
    assert [(o["type"], o.get("text", "")[:2]) for o in outputs] == [("stream", "✓ ")]


def test_restart_and_run_all_of_the_released_stub_reaches_every_exercise(tmp_path, monkeypatch):
    """The released notebook, every answer still a stub, runs to its end in a learner's kernel: no cell
    fails, and each test cell shows its exercise as not answered yet."""
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    folder = shutil.copytree(REPO / "release" / "python_for_ml", tmp_path / "python_for_ml")
    notebook = nbformat.read(folder / "python_for_ml.ipynb", as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()  # raises if a cell fails
    tests = [c for c in notebook.cells
             if c.metadata.get("nbgrader", {}).get("grade_id", "").endswith("-tests")]
    assert len(tests) == 6
    for cell in tests:
        (output,) = cell.outputs
        assert output.output_type == "display_data"
        assert output.data["text/plain"].startswith("Not answered yet: q"), output.data
