"""Opening the course in JupyterLab: a learner's workspace holds copies and no solution; the instructor's
Formgrader finds its gradebook and exchange; the command works as root and finds nbgrader's tools."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from traitlets.config import PyFileConfigLoader

from mlcourse.instructor import lab
from mlcourse.instructor.cli import main
from mlcourse.instructor.course import Course, CourseError
from tests.conftest import REPO


@pytest.fixture()
def course(tmp_path) -> Course:
    root = tmp_path / "course"
    (root / "notebooks").mkdir(parents=True)
    (root / "release" / "unit_one").mkdir(parents=True)
    (root / "source" / "unit_one").mkdir(parents=True)
    shutil.copy2(REPO / "nbgrader_config.py", root)
    (root / "notebooks" / "01_lesson.ipynb").write_text("lesson")
    (root / "release" / "unit_one" / "unit_one.ipynb").write_text("released")
    (root / "source" / "unit_one" / "unit_one.ipynb").write_text("SOLUTION")
    return Course.at(root)


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_a_learner_workspace_holds_the_lessons_and_the_class_settings_never_a_solution(course, tmp_path):
    workspace = lab.learner_workspace(course, tmp_path / "alice")
    settings_files = {f"{lab.LEARNER_SETTINGS}/{name}" for name in (
        "labconfig/page_config.json", "jupyter_server_config.json", "jupyter_server_config.d/mlcourse.json",
        "custom/custom.css")}
    assert files(workspace) == {"lessons/01_lesson.ipynb", "nbgrader_config.py", *settings_files}
    settings = PyFileConfigLoader("nbgrader_config.py", path=str(workspace)).load_config()
    assert settings.CourseDirectory.course_id == "ml-internship"
    assert settings.Exchange.root == str(course.root / "exchange") and (course.root / "exchange").is_dir()
    assert "SOLUTION" not in "".join(p.read_text() for p in workspace.rglob("*") if p.is_file())


def test_a_learners_work_is_never_overwritten(course, tmp_path):
    workspace = lab.learner_workspace(course, tmp_path / "alice", self_study=True)
    (workspace / "lessons" / "01_lesson.ipynb").write_text("my notes")
    (workspace / "assignments" / "unit_one" / "unit_one.ipynb").write_text("my answers")
    lab.learner_workspace(course, workspace, self_study=True)
    assert (workspace / "lessons" / "01_lesson.ipynb").read_text() == "my notes"
    assert (workspace / "assignments" / "unit_one" / "unit_one.ipynb").read_text() == "my answers"


def test_a_workspace_inside_the_course_folder_is_refused(course):
    for inside in (course.root, course.root / "build" / "me", course.root.parent):
        with pytest.raises(CourseError, match="outside the course folder"):
            lab.learner_workspace(course, inside)


def test_the_instructors_lab_has_its_gradebook_and_exchange_before_the_first_page(course):
    exchange = lab.prepare_instructor_lab(course)
    assert exchange == course.root / "exchange" and exchange.is_dir()
    assert (course.root / "gradebook.db").is_file()


def test_the_command_runs_as_root_and_finds_nbgraders_tools(monkeypatch, tmp_path):
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert "--allow-root" in lab.lab_command(tmp_path)
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert "--allow-root" not in lab.lab_command(tmp_path, ["--no-browser"])
    assert lab.lab_environment()["PATH"].split(os.pathsep)[0] == str(Path(sys.executable).parent)


def test_mlcourse_lab_learner_prepares_the_workspace_and_names_the_command(course, tmp_path, capsys):
    code = main(["--course", str(course.root), "lab", "--learner", "--workspace", str(tmp_path / "bob"),
                 "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0 and "Assignment List" in out and f"--ServerApp.root_dir={tmp_path / 'bob'}" in out
    assert (tmp_path / "bob" / "lessons" / "01_lesson.ipynb").is_file()


def test_a_learners_lab_leaves_out_the_instructor_tools(course, tmp_path, monkeypatch):
    monkeypatch.delenv("JUPYTER_CONFIG_PATH", raising=False)
    workspace = lab.learner_workspace(course, tmp_path / "alice")
    env = lab.lab_environment(workspace)
    assert env["JUPYTER_CONFIG_PATH"] == str(workspace / lab.LEARNER_SETTINGS)
    page = json.loads((workspace / lab.LEARNER_SETTINGS / "labconfig" / "page_config.json").read_text())
    assert set(page["disabledExtensions"]) == {f"@jupyter/nbgrader:{plugin}" for plugin in (
        "formgrader", "course-list", "create-assignment")}
    assert "JUPYTER_CONFIG_PATH" not in lab.lab_environment(course.root)


def test_a_learners_lab_runs_the_course_extension_and_wraps_dialog_lines(course, tmp_path):
    settings = lab.learner_workspace(course, tmp_path / "alice") / lab.LEARNER_SETTINGS
    server = json.loads((settings / "jupyter_server_config.d" / "mlcourse.json").read_text())
    assert server["ServerApp"]["jpserver_extensions"] == {"mlcourse.learner_lab": True}
    assert json.loads((settings / "jupyter_server_config.json").read_text())["LabApp"]["custom_css"] is True
    assert "pre-wrap" in (settings / "custom" / "custom.css").read_text()


def test_a_learners_lab_finds_the_courses_prebuilt_lab_extension(course, tmp_path, monkeypatch):
    monkeypatch.delenv("JUPYTER_PATH", raising=False)
    workspace = lab.learner_workspace(course, tmp_path / "alice")
    assert lab.lab_environment(workspace)["JUPYTER_PATH"] == str(lab.LAB_EXTENSION)
    assert "JUPYTER_PATH" not in lab.lab_environment(course.root)  # the instructor's lab: nbgrader's only
    built = lab.LAB_EXTENSION / "labextensions" / "mlcourse-learner-lab"
    manifest = json.loads((built / "package.json").read_text())
    assert manifest["name"] == "mlcourse-learner-lab"
    assert (built / manifest["jupyterlab"]["_build"]["load"]).is_file()  # what JupyterLab loads
