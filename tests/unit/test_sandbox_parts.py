"""The sandbox's parts that need no kernel: its command line, environment, users, and the
preprocessors that keep markers and outputs in bounds. (tests/test_hostile.py runs the real thing.)"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

from mlcourse.instructor import sandbox
from mlcourse.instructor.markers import NeutralizeMarkers
from mlcourse.instructor.output_limit import LimitOutputSize
from mlcourse.instructor.sandbox import SandboxLimits, bwrap_command, kernel_environment


@pytest.fixture()
def bwrap(monkeypatch):
    """A machine that has bwrap, prlimit and setpriv where Debian puts them."""
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: f"/usr/bin/{Path(name).name}")


def command(uid, limits=None, tmp=Path("/tmp/box")):
    return bwrap_command(["python", "-m", "ipykernel_launcher"], Path("/course/autograded/ada/unit"),
                         tmp / "work", tmp / "runtime", limits or SandboxLimits(), uid)


def test_a_root_grader_drops_to_the_sandbox_user_without_capabilities(bwrap):
    args = command(2_100_000_123)
    kernel = args.index("--", args.index("/usr/bin/bwrap"))
    drop = args[kernel + 1:args.index("python")]
    assert drop[:3] == ["/usr/bin/setpriv", "--reuid=2100000123", "--regid=2100000123"]
    assert {"--clear-groups", "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all"} <= set(drop)
    isolated = {"--unshare-net", "--unshare-pid", "--unshare-ipc", "--die-with-parent", "--new-session"}
    assert isolated <= set(args)
    assert "--nproc=256" in args


def test_only_the_private_copy_and_the_sockets_are_writable(bwrap):
    args = command(None)
    writable = [(args[i + 1], args[i + 2]) for i, arg in enumerate(args) if arg == "--bind"]
    assert writable == [("/tmp/box/work", "/course/autograded/ada/unit"),
                        ("/tmp/box/runtime", "/tmp/box/runtime")]
    readable = [args[i + 1] for i, arg in enumerate(args) if arg == "--ro-bind"]
    assert not [path for path in readable if path.startswith("/course")]
    assert "--unshare-all" in args and "--nproc=256" not in args  # not root: the process limit is per user


def test_limits_come_from_the_configuration(bwrap):
    limits = SandboxLimits(memory_mb=100, file_size_mb=2, cpu_seconds=7, tmp_mb=3)
    args = command(5, limits)
    assert {f"--as={100 * 2**20}", f"--fsize={2 * 2**20}", "--cpu=7"} <= set(args)
    assert args[args.index("--tmpfs") - 1] == str(3 * 2**20)


def test_without_bwrap_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    with pytest.raises(sandbox.SandboxMissing, match="apt-get install bubblewrap"):
        command(None)
    assert not sandbox.sandbox_available()


def test_the_kernel_environment_holds_nothing_of_the_graders(monkeypatch):
    monkeypatch.setenv("MLCOURSE_DB_URL", "postgresql://grader:secret@db/gradebook")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    environment = kernel_environment()
    assert "secret" not in repr(environment)
    assert environment["OMP_NUM_THREADS"] == environment["OPENBLAS_NUM_THREADS"] == "1"
    assert environment["NBGRADER_EXECUTION"] == "autograde" and environment["HOME"] == "/tmp"


def test_each_kernel_gets_its_own_user_until_it_releases_it(tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "UID_LOCKS", tmp_path / "locks")
    first, second = sandbox.claim_uid(), sandbox.claim_uid()
    assert first != second and {first, second} <= set(sandbox.SANDBOX_UIDS)
    sandbox.release_uid(first)
    assert sorted(os.listdir(tmp_path / "locks")) == [str(second)]


def answer(source: str):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"solution": True, "grade": False, "locked": False, "grade_id": "q1-answer"}
    return cell


def test_markers_in_answers_are_broken_and_nothing_else_changes():
    cell = answer("x = 1\n# ### BEGIN HIDDEN TESTS\n# ### END SOLUTION\n")
    test = nbformat.v4.new_code_cell("### BEGIN HIDDEN TESTS\nassert x\n### END HIDDEN TESTS")
    test.metadata["nbgrader"] = {"solution": False, "grade": True, "locked": True, "grade_id": "q1-tests"}
    notebook = nbformat.v4.new_notebook(cells=[cell, test])
    NeutralizeMarkers().preprocess(notebook, {})
    assert cell.source == "x = 1\n# ### BEGIN HIDDEN-TESTS\n# ### END-SOLUTION\n"
    assert test.source.startswith("### BEGIN HIDDEN TESTS"), "the instructor's own markers stay"


def test_outputs_are_cut_at_the_budget_with_a_note():
    cell = nbformat.v4.new_code_cell("print('x' * 10**6)")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="a" * 1500),
                    nbformat.v4.new_output("display_data", data={"text/html": "<b>" * 1000})]
    LimitOutputSize(max_kb=1).preprocess_cell(cell, {}, 0)
    assert cell.outputs[0].text == "a" * 1000
    assert "[output cut: this cell printed more than 1 kB]" in cell.outputs[1].text and len(cell.outputs) == 2


def test_small_outputs_are_kept_whole():
    cell = nbformat.v4.new_code_cell("1")
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=1)]
    LimitOutputSize().preprocess_cell(cell, {}, 0)
    assert cell.outputs[0].data == {"text/plain": "1"} and len(cell.outputs) == 1


@pytest.mark.parametrize("execution, sandboxed", [("autograde", True), (None, True), ("validate", False)])
def test_kernels_are_sandboxed_except_when_a_learner_validates(monkeypatch, execution, sandboxed):
    if execution is None:
        monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    else:
        monkeypatch.setenv("NBGRADER_EXECUTION", execution)
    assert sandbox.SandboxedKernelManager().sandboxed is sandboxed
    assert not sandbox.SandboxedKernelManager(config=_off()).sandboxed


def _off():
    from traitlets.config import Config

    config = Config()
    config.SandboxLimits.enabled = False
    return config
