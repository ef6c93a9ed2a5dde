"""Open the course in JupyterLab: the instructor in the course folder, a learner in a workspace of their own.

The course folder holds the solutions (``source/``, ``tests/answers/``), so a learner never works there:
:func:`learner_workspace` makes a folder with copies of the lessons and, for a class, the student side of
nbgrader's configuration (the course id and the exchange), so that the *Assignment List* fetches the
released assignments into it and submits from it. Working through a lesson changes only the copy.
For the instructor, :func:`prepare_instructor_lab` readies what the Formgrader needs on its first page
(a migrated gradebook, an exchange folder), and :func:`lab_command` starts JupyterLab with this
environment's tools on ``PATH`` (nbgrader runs ``alembic`` and ``nbgrader`` by name) and, as root (a
container, a cloud VM), with ``--allow-root``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from mlcourse.instructor.course import Course, CourseError, prepare_gradebook

__all__ = ["DEFAULT_WORKSPACE", "INSTRUCTOR_PLUGINS", "LAB_EXTENSION", "LEARNER_CONFIG", "LEARNER_SETTINGS",
           "WRAPPED_DIALOGS", "lab_command", "lab_environment", "learner_workspace", "prepare_instructor_lab",
           "write_learner_settings"]

#: Where a learner's workspace goes unless MLCOURSE_WORKSPACE or the command line says otherwise: in the
#: learner's home, so that each learner of a shared machine has their own.
DEFAULT_WORKSPACE = Path(os.environ.get("MLCOURSE_WORKSPACE", Path.home() / "mlcourse-workspace"))

#: JupyterLab plugins a learner has no use for: nbgrader's instructor tools, switched off in a workspace.
INSTRUCTOR_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:course-list",
                      "@jupyter/nbgrader:create-assignment")
#: The workspace's hidden folder of Jupyter settings (``labconfig/page_config.json``), read through
#: ``JUPYTER_CONFIG_PATH`` by :func:`lab_environment`.
LEARNER_SETTINGS = ".mlcourse-jupyter"

#: The student side of nbgrader's configuration, written into a learner's workspace.
LEARNER_CONFIG = '''"""nbgrader's settings for this learner's workspace, from `mlcourse lab --learner`."""
c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)
c.CourseDirectory.course_id = {course_id!r}
c.Exchange.root = {exchange!r}
c.Exchange.path_includes_course = True
'''


#: The data folder of the course's prebuilt lab extension for learners (mlcourse/lab_extension: a confirmation
#: after Submit, feedback that opens itself), found by JupyterLab through ``JUPYTER_PATH``.
LAB_EXTENSION = Path(__file__).resolve().parents[1] / "lab_extension" / "share"

#: CSS for a learner's lab: the text of nbgrader's Validate and Submit dialogs wraps instead of running off.
WRAPPED_DIALOGS = """/* mlcourse: long lines in nbgrader's Validate and Submit dialogs wrap. */
.jp-Dialog-body pre { white-space: pre-wrap; overflow-wrap: anywhere; }
"""


def prepare_instructor_lab(course: Course) -> Path:
    """The gradebook migrated and the exchange folder made, so the Formgrader's first page works and
    offers its Release buttons. Returns the exchange folder."""
    prepare_gradebook(course.db_url())
    exchange = Path(course.config().Exchange.root)
    exchange.mkdir(parents=True, exist_ok=True)
    return exchange


def learner_workspace(course: Course, folder: Path, self_study: bool = False) -> Path:
    """A learner's workspace in ``folder``: ``lessons/`` (copies of the course's lessons) and the
    nbgrader settings of the class, so the Assignment List works there. With ``self_study``, also
    ``assignments/``: the released assignments, for a learner without a class. Files already there
    are the learner's work and are never overwritten."""
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    if folder == course.root or folder.is_relative_to(course.root) or course.root.is_relative_to(folder):
        raise CourseError(f"a learner's workspace must be outside the course folder {course.root}, which "
                          f"holds the solutions; {folder} is not")
    copies = [(course.root / "notebooks", folder / "lessons")]
    if self_study:
        copies.append((course.release, folder / "assignments"))
    for source, target in copies:
        for path in sorted(source.rglob("*")):
            if path.is_file() and ".ipynb_checkpoints" not in path.parts:
                destination = target / path.relative_to(source)
                if not destination.exists():
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, destination)
    settings = course.config()
    exchange = Path(settings.Exchange.root)
    exchange.mkdir(parents=True, exist_ok=True)  # an empty Assignment List rather than an error
    (folder / "nbgrader_config.py").write_text(LEARNER_CONFIG.format(
        course_id=settings.CourseDirectory.course_id, exchange=str(exchange)))
    write_learner_settings(folder / LEARNER_SETTINGS)
    return folder


def write_learner_settings(settings: Path) -> None:
    """The learner's Jupyter settings in ``settings``: no instructor tools; the course's server extension
    (:mod:`mlcourse.learner_lab`: Validate tells a lesson apart, Submit warns once of failing checks); and
    dialogs whose long lines wrap (nbgrader's show each error line unwrapped, most of it off screen)."""
    files = {
        "labconfig/page_config.json": {"disabledExtensions": dict.fromkeys(INSTRUCTOR_PLUGINS, True)},
        "jupyter_server_config.d/mlcourse.json": {
            "ServerApp": {"jpserver_extensions": {"mlcourse.learner_lab": True}}},
        "jupyter_server_config.json": {"LabApp": {"custom_css": True}},
    }
    for name, content in files.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(content, indent=1))
    (settings / "custom").mkdir(exist_ok=True)
    (settings / "custom" / "custom.css").write_text(WRAPPED_DIALOGS)


def lab_environment(root: Path | None = None) -> dict[str, str]:
    """This environment with its ``bin`` folder first on ``PATH`` and, for a learner's workspace at
    ``root``, the workspace's Jupyter settings (no instructor tools) first on ``JUPYTER_CONFIG_PATH`` and
    the course's lab extension (:data:`LAB_EXTENSION`) on ``JUPYTER_PATH``."""
    tools = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": os.pathsep.join([tools, os.environ.get("PATH", "")])}
    if root is not None and (root / LEARNER_SETTINGS).is_dir():
        env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
            filter(None, [str(root / LEARNER_SETTINGS), os.environ.get("JUPYTER_CONFIG_PATH")]))
        env["JUPYTER_PATH"] = os.pathsep.join(
            filter(None, [str(LAB_EXTENSION), os.environ.get("JUPYTER_PATH")]))
    return env


def lab_command(root_dir: Path, extra: list[str] = ()) -> list[str]:
    """The command that opens JupyterLab on ``root_dir``, as root too."""
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", f"--ServerApp.root_dir={root_dir}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return [*command, *extra]
