"""A learner's JupyterLab: nbgrader's Validate and Submit buttons, made to tell the truth.

``mlcourse lab --learner`` turns this Jupyter server extension on in the learner's workspace (and nowhere
else). It changes two answers of nbgrader's server extensions, which the buttons of nbgrader's lab
extension show as they are:

- **Validate on a lesson.** nbgrader finds no test to fail in a notebook without graded cells and says
  "Success! Your notebook passes all the tests." A lesson has no tests, so the learner is told that,
  and where the graded notebooks are.
- **Long lines in their dialogs** run off the dialog; the workspace's ``custom.css`` wraps them.
- **Submit with failing checks.** nbgrader submits without a word about validation. The first Submit of
  an assignment whose checks fail is held back with the list of failing exercises; Submit again (the
  same failures) submits as it is, since learners may hand in unfinished work before a deadline.

Only the learner's own server runs this, in the learner's own account, on the learner's own files.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

__all__ = ["LESSON_MESSAGE", "failing_exercises", "has_graded_cells", "held_back"]

LESSON_MESSAGE = ("{name} is a lesson: it has no graded exercises, so there is nothing to validate. Validate "
                  "the notebook of an assignment (Nbgrader → Assignment List → Fetch), which is graded.")

#: (course id, assignment id) -> the failing exercises the learner was last warned about.
_WARNED: dict[tuple[str, str], tuple[str, ...]] = {}


def has_graded_cells(path: Path) -> bool:
    """Whether the notebook at ``path`` holds an nbgrader answer or test cell: an assignment, not a lesson."""
    notebook = nbformat.read(path, as_version=4)
    return any(cell.metadata.get("nbgrader", {}).get(kind) for cell in notebook.cells
               for kind in ("grade", "solution", "task"))


def failing_exercises(validation: dict) -> list[str]:
    """The exercises (q1, q2, ...) whose test cell failed in an nbgrader ``Validator.validate`` result, or
    a description of each other problem it found (a changed read-only cell)."""
    failing = []
    for cell in validation.get("failed", []):
        found = re.search(r"\b(q\d+)\.check\(", cell.get("source", ""))
        failing.append(found.group(1) if found else "a test cell")
    if validation.get("changed") or validation.get("type_changed"):
        failing.append("a cell that should not be edited was changed")
    return failing


def held_back(key: tuple[str, str], failing: list[str]) -> str | None:
    """Why a Submit is held back, or None to submit: the first time these checks fail for this assignment,
    the learner is told which; the same request again submits."""
    found = tuple(failing)
    if not found or _WARNED.get(key) == found:
        _WARNED.pop(key, None)
        return None
    _WARNED[key] = found
    names = ", ".join(dict.fromkeys(found))
    return (f"Not submitted yet: the checks of {names} fail in {key[1]} (Validate in the notebook's toolbar "
            "shows why). Fix them and submit, or click Submit again to hand it in as it is: you may submit "
            "again until the deadline, and the last submission counts.")


def _validate_notebook(original):
    def validate_notebook(handler, path):
        root = Path(handler.root_dir).resolve()
        target = (root / path).resolve()
        if (target.is_relative_to(root) and target.suffix == ".ipynb" and target.is_file()
                and not has_graded_cells(target)):
            return {"success": False, "value": LESSON_MESSAGE.format(name=target.name)}
        return original(handler, path)

    return validate_notebook


def _submit_assignment(original):
    def submit_assignment(manager, course_id, assignment_id):
        from nbgrader.validator import Validator

        root = Path(manager.root_dir).resolve()
        fetched = (root / course_id / assignment_id, root / assignment_id)
        folder = next((f for f in fetched if f.is_dir()), None)
        failing = []
        if folder is not None:
            validator = Validator(config=manager.load_config())
            for notebook in sorted(folder.glob("*.ipynb")):
                failing += failing_exercises(validator.validate(str(notebook)))
        reason = held_back((course_id, assignment_id), failing)
        if reason is not None:
            return {"success": False, "value": reason}
        return original(manager, course_id, assignment_id)

    return submit_assignment


def _jupyter_server_extension_points():
    return [{"module": "mlcourse.learner_lab"}]


def _load_jupyter_server_extension(serverapp) -> None:
    """Wrap nbgrader's validate and submit (see the module's docstring); nbgrader's own code does the rest."""
    from nbgrader.server_extensions.assignment_list.handlers import AssignmentList
    from nbgrader.server_extensions.validate_assignment.handlers import ValidateAssignmentHandler

    from mlcourse.instructor.lab import LEARNER_SETTINGS

    custom = Path(serverapp.root_dir) / LEARNER_SETTINGS / "custom"  # the page's custom.css (wrapped dialogs)
    if custom.is_dir():
        serverapp.web_app.settings["static_custom_path"].insert(0, str(custom))
    if not getattr(AssignmentList.submit_assignment, "mlcourse", False):
        handler = ValidateAssignmentHandler
        handler.validate_notebook = _validate_notebook(handler.validate_notebook)
        AssignmentList.submit_assignment = _submit_assignment(AssignmentList.submit_assignment)
        AssignmentList.submit_assignment.mlcourse = True
    serverapp.log.info("mlcourse: Validate tells lessons apart, Submit warns of failing checks once")
