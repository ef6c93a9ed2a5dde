"""A learner's and an instructor's day, in the real JupyterLab, in headless Chromium.

On a scratch copy of the course with `python_for_ml` released, two JupyterLabs run as `mlcourse lab` starts
them: the instructor's on the course folder, a learner's on a workspace of their own. The steps run in order
and share the servers and the browser (one tab each); each saves screenshots into one folder, named in every
failure:

1. both labs serve, each with the Nbgrader menu, the Formgrader in the instructor's only;
2. the learner runs a lesson top to bottom (Run → Run All Cells), with no error; Validate says a lesson has
   nothing to validate;
3. the learner fetches the assignment (Assignment List), writes a right answer and a wrong one and reads
   each check's message, and asks for a hint;
4. the learner writes the written answer, saves, validates (the toolbar's Validate: long lines wrap) and
   submits: the first Submit names the failing exercises and submits nothing, the second submits and a
   dialog confirms it, with its time;
5. the instructor collects and autogrades (`mlcourse collect`, `mlcourse grade`), then grades the written
   answer by hand in the Formgrader (Manual Grading): a score and a comment, saved in the gradebook;
6. the instructor returns feedback (`mlcourse feedback`); the learner fetches it, "view feedback" opens it,
   and the learner reads the score and the comment.

The browser is Debian's chromium and chromium-driver (`make browser-tool`); without them the walk fails,
saying how to install them.
"""
from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from mlcourse.exercises.python_for_ml import q1
from mlcourse.instructor.course import tool_environment
from mlcourse.instructor.lab import learner_workspace, prepare_instructor_lab
from tests.answers.python_for_ml import WRONG
from tests.browser import LabServer, browser_paths
from tests.browser.ui import Browser
from tests.conftest import REPO, scratch_course

pytestmark = pytest.mark.slow  # Jupyter servers, kernels and nbgrader commands

ASSIGNMENT = "python_for_ml"
LESSON = "01_python_for_ml.ipynb"
WRITTEN = ("Dropping every penguin with a missing value throws away birds measured on most features, and "
           "biases the data if the gaps are not random. It is fine for a handful of rows; otherwise impute.")
COMMENT = "Good point about bias; say which imputation you would use."
MANUAL_SCORE = 2
# nbgrader 0.9 knows a learner by the account that runs their JupyterLab (nbgrader.utils.get_username reads
# the user database, not USER or LOGNAME), as on a shared machine where each learner has an account.
LEARNER = pwd.getpwuid(os.getuid()).pw_name

# The Assignment List's three sections, as nbgrader's lab extension draws them.
RELEASED, FETCHED, SUBMITTED = (
    f"//div[@id='{section}_assignments_list']/div[contains(@class, 'list_item')][contains(., '{ASSIGNMENT}')]"
    for section in ("released", "fetched", "submitted"))
VISIBLE_TAB = "//div[contains(@class, 'lm-DockPanel-widget') and not(contains(@class, 'lm-mod-hidden'))]"
VALIDATE = (f"{VISIBLE_TAB}[contains(@class, 'jp-NotebookPanel')]"
            "//jp-button[contains(@class, 'validate-button')]")


class Walk:
    """What the steps share: the course, the learner's workspace, both servers, the browser."""

    def __init__(self, course, workspace: Path, instructor: LabServer, learner: LabServer, browser: Browser):
        self.course, self.workspace = course, workspace
        self.instructor, self.learner, self.browser = instructor, learner, browser
        settings = course.config()
        self.course_id, self.exchange = settings.CourseDirectory.course_id, Path(settings.Exchange.root)
        # Where the Assignment List's Fetch puts the assignment in the learner's workspace.
        self.notebook = workspace / self.course_id / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        self.tabs: dict[str, str] = {}
        self.failed: str | None = None
        self.feedback = ""

    def expect(self, ok, message: str) -> None:
        """A check of the walk: when it fails, a screenshot, and the message names the screenshots' folder."""
        if not ok:
            self.browser.fail(message)

    def tab(self, who: str) -> None:
        """Switch to the learner's or the instructor's browser tab."""
        self.browser.driver.switch_to.window(self.tabs[who])

    def cells(self):
        """The fetched assignment's cells, open in the learner's lab, and a function from grade id to cell."""
        count = len(nbformat.read(self.notebook, as_version=4).cells)
        cells = self.browser.notebook(count, self.notebook.name)
        return cells, lambda grade_id, offset=0: cells[cell_index(self.notebook, grade_id) + offset]


@pytest.fixture(scope="module")
def walk(tmp_path_factory):
    browser_path, driver_path = browser_paths()
    tmp = tmp_path_factory.mktemp("browser-walk")
    course = scratch_course(tmp / "course", [ASSIGNMENT])
    shutil.copytree(REPO / "notebooks", course.root / "notebooks")
    nbgrader = str(Path(sys.executable).parent / "nbgrader")
    released = subprocess.run([nbgrader, "release_assignment", ASSIGNMENT], cwd=course.root,
                              env=tool_environment(), capture_output=True, text=True)
    assert released.returncode == 0, released.stdout + released.stderr
    prepare_instructor_lab(course)
    workspace = learner_workspace(course, tmp / "learner")
    instructor = LabServer("instructor", course.root, tmp / "instructor-jupyter").launch()
    learner = LabServer("learner", workspace, tmp / "learner-jupyter").launch()
    browser = None
    try:
        instructor.wait_ready()
        learner.wait_ready()
        browser = Browser(browser_path, driver_path, tmp_path_factory.mktemp("browser-screenshots"),
                          tmp / "chromium-profile")
        yield Walk(course, workspace, instructor, learner, browser)
    finally:
        if browser:
            browser.quit()
        learner.stop()
        instructor.stop()


@pytest.fixture
def step(walk, request):
    """One step of the walk; a step after a failed one is not attempted (the walk goes in order)."""
    if walk.failed:
        pytest.skip(f"an earlier step failed: {walk.failed}")
    failures = request.session.testsfailed
    yield walk
    if request.session.testsfailed != failures:
        walk.failed = request.node.name


def cell_index(notebook: Path, grade_id: str) -> int:
    cells = nbformat.read(notebook, as_version=4).cells
    return next(i for i, cell in enumerate(cells)
                if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def solution(grade_id: str) -> str:
    """The reference solution's code of one answer cell, without nbgrader's solution markers."""
    notebook = REPO / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    source = nbformat.read(notebook, as_version=4).cells[cell_index(notebook, grade_id)].source
    return "\n".join(line for line in source.splitlines()
                     if "### BEGIN SOLUTION" not in line and "### END SOLUTION" not in line) + "\n"


def mlcourse(course, *arguments: str) -> str:
    """An instructor's command, in the course folder."""
    result = subprocess.run([str(Path(sys.executable).parent / "mlcourse"), *arguments], cwd=course.root,
                            env=tool_environment(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"mlcourse {' '.join(arguments)}: {result.stdout}{result.stderr}"
    return result.stdout


def test_1_both_labs_serve_with_the_nbgrader_menu_the_formgrader_for_the_instructor_only(step):
    browser = step.browser
    for who, server in (("instructor", step.instructor), ("learner", step.learner)):
        if step.tabs:
            browser.driver.switch_to.new_window("tab")
        step.tabs[who] = browser.driver.current_window_handle
        browser.open_lab(server.url("/lab"))
        entries = browser.menu_entries("Nbgrader")
        assert "Assignment List" in entries, f"the {who}'s Nbgrader menu: {entries}"
        assert ("Formgrader" in entries) == (who == "instructor"), (
            f"only the instructor's lab offers the Formgrader; the {who}'s Nbgrader menu: {entries}")
        browser.shot(f"{who}-lab")


def test_2_learner_runs_a_lesson_top_to_bottom(step):
    browser, lesson = step.browser, step.workspace / "lessons" / LESSON
    step.tab("learner")
    browser.open_in_file_browser("lessons", LESSON)
    cells = browser.notebook(len(nbformat.read(lesson, as_version=4).cells), LESSON)
    code = [cell for cell in cells if "jp-CodeCell" in cell.get_attribute("class")]
    browser.menu("Run", "Run All Cells")
    browser.wait(lambda d: browser.prompt(code[-1]) is not None, "the lesson's last cell to run", 120)
    browser.shot("lesson-ran")
    step.expect([browser.prompt(cell) for cell in code] == list(range(1, len(code) + 1)),
                "every cell of the lesson should have run once, in order")
    errors = [text for cell in code for text in browser.errors(cell)]
    step.expect(not errors, f"the lesson wrote errors or warnings: {errors}")
    step.expect(not browser.dialogs(), f"a dialog opened: {browser.dialogs()}")

    browser.click(VALIDATE, "the notebook toolbar's Validate button")
    result = browser.wait(lambda d: (texts := browser.dialogs()) and texts[0], "Validate's result dialog", 60)
    browser.shot("lesson-validated")
    step.expect("is a lesson" in result and "Success" not in result,
                f"Validate on a lesson should say it has nothing to validate, not pass it: {result!r}")
    browser.close_dialog()


def test_3_learner_fetches_the_assignment_and_reads_the_checks(step):
    browser = step.browser
    step.tab("learner")
    browser.menu("Nbgrader", "Assignment List")
    browser.find(RELEASED, "the released assignment in the Assignment List")
    browser.shot("assignment-list")
    browser.click(f"{RELEASED}//button[text()='Fetch']", "the Fetch button")
    browser.click(f"{FETCHED}//a[contains(@class, 'assignment-notebooks-link')]",
                  "the fetched assignment in the Assignment List")
    step.expect(step.notebook.is_file(), f"Fetch should put the assignment in {step.notebook.parent}")
    browser.shot("fetched")
    browser.click(f"{FETCHED}//div[contains(@class, 'assignment-notebooks')]//a[text()='{ASSIGNMENT}']",
                  "the fetched notebook's link")
    _, cell = step.cells()

    browser.run_cell(cell("setup"), "the setup cell")
    browser.paste(cell("q1-answer"), solution("q1-answer"))
    browser.run_cell(cell("q1-answer"), "exercise 1's answer")
    right = browser.run_cell(cell("q1-tests"), "exercise 1's check")
    browser.paste(cell("q2-answer"), WRONG["q2-answer"].code)
    browser.run_cell(cell("q2-answer"), "exercise 2's answer")
    wrong = browser.run_cell(cell("q2-tests"), "exercise 2's check")
    browser.shot("checks")
    step.expect(not browser.errors(cell("q1-tests")) and "Incorrect" not in right,
                f"the right answer to exercise 1 should pass its check, which shows: {right!r}")
    message = WRONG["q2-answer"].message
    step.expect(message in wrong, f"the wrong answer to exercise 2 should say {message!r}, not {wrong!r}")

    scratch = cell("q1-answer", 1)  # the "Try your function here" cell below the answer
    browser.paste(scratch, "q1.hint()")
    hint = browser.run_cell(scratch, "q1.hint()")
    browser.shot("hint")
    step.expect(q1.hints[0] in hint, f"q1.hint() should show {q1.hints[0]!r}; it shows: {hint!r}")


def test_4_learner_saves_validates_and_submits(step):
    browser = step.browser
    step.tab("learner")
    _, cell = step.cells()
    browser.paste(cell("written-answer"), WRITTEN)
    browser.render(cell("written-answer"))
    browser.menu("File", "Save Notebook")
    browser.wait(lambda d: WRITTEN in step.notebook.read_text(), "the notebook saved with the written answer")
    browser.click(VALIDATE, "the notebook toolbar's Validate button")
    result = browser.wait(lambda d: (texts := browser.dialogs()) and "Validat" in texts[0] and texts[0],
                          "Validate's result dialog", 120)
    browser.shot("validated")
    step.expect(WRONG["q2-answer"].message in result, f"Validate should name exercise 2's mistake: {result}")
    step.expect("q1.check" not in result, f"Validate should pass exercise 1: {result!r}")
    wrapping = browser.driver.execute_script(
        "return [...document.querySelectorAll('.jp-Dialog pre')].map(e => getComputedStyle(e).whiteSpace)")
    step.expect(wrapping and set(wrapping) == {"pre-wrap"},
                f"the dialog's long lines should wrap: {wrapping}")
    browser.close_dialog()

    # Exercises 2 to 6 fail their checks: the first Submit says so and submits nothing; the second submits.
    browser.menu("Nbgrader", "Assignment List")
    inbound = step.exchange / step.course_id / "inbound"
    browser.click(f"{FETCHED}//button[text()='Submit']", "the Submit button")
    warning = browser.wait(lambda d: (texts := browser.dialogs()) and texts[0], "Submit's warning", 120)
    browser.shot("submit-warned")
    step.expect("Not submitted yet" in warning and "q2" in warning and "q1," not in warning,
                f"the first Submit should name the failing exercises and submit nothing: {warning!r}")
    step.expect(not list(inbound.glob(f"{LEARNER}+{ASSIGNMENT}+*")), "nothing should be submitted yet")
    browser.close_dialog()
    browser.click(f"{FETCHED}//button[text()='Submit']", "the Submit button, again")
    entry = browser.find(SUBMITTED, "the submission under Submitted assignments")
    confirmed = browser.wait(lambda d: (texts := browser.dialogs()) and texts[0], "Submit's confirmation")
    browser.shot("submitted")
    step.expect("Submitted" in confirmed and "submitted at" in confirmed and "UTC" in confirmed,
                f"a dialog should confirm the submission and its time: {confirmed!r}")
    browser.close_dialog()
    step.expect(list(inbound.glob(f"{LEARNER}+{ASSIGNMENT}+*")), f"the submission should be in {inbound}")
    step.expect("UTC" in entry.text, f"the submitted entry should say when it was submitted: {entry.text!r}")


def test_5_instructor_autogrades_then_grades_the_written_answer_by_hand(step):
    browser, course = step.browser, step.course
    mlcourse(course, "collect", ASSIGNMENT)
    mlcourse(course, "grade", ASSIGNMENT, "--workers", "1")
    step.tab("instructor")
    browser.menu("Nbgrader", "Formgrader")
    browser.driver.switch_to.frame(browser.find(f"{VISIBLE_TAB}//iframe", "the Formgrader's frame"))
    try:
        browser.click("//a[normalize-space()='Manual Grading']", "Manual Grading in the Formgrader")
        browser.click(f"//td//a[normalize-space()='{ASSIGNMENT}']", "the assignment in Manual Grading")
        browser.click(f"//td//a[normalize-space()='{ASSIGNMENT}']", "the assignment's notebook")
        browser.click("//td//a[contains(normalize-space(), 'Submission #1')]", "the learner's submission")
        score = browser.find("//input[@id='written-answer']", "the written answer's score box")
        browser.shot("formgrader-submission")
        score.clear()
        score.send_keys(str(MANUAL_SCORE), Keys.TAB)  # the Formgrader saves a score when it changes
        comment = browser.find("//textarea[@id='written-answer-comment']", "the written answer's comment box")
        comment.click()
        comment.send_keys(COMMENT, Keys.TAB)
    finally:
        browser.driver.switch_to.default_content()

    def saved(driver):
        with course.gradebook() as gradebook:
            grade = gradebook.find_grade("written-answer", ASSIGNMENT, ASSIGNMENT, LEARNER)
            comment = gradebook.find_comment("written-answer", ASSIGNMENT, ASSIGNMENT, LEARNER)
            return grade.manual_score == MANUAL_SCORE and comment.manual_comment == COMMENT
    browser.wait(saved, "the score and the comment in the gradebook")
    browser.shot("graded-by-hand")


def test_6_learner_fetches_feedback_and_reads_score_and_comment(step):
    browser = step.browser
    mlcourse(step.course, "feedback", ASSIGNMENT)
    step.tab("learner")
    browser.menu("Nbgrader", "Assignment List")
    browser.click(f"{SUBMITTED}//button[text()='Fetch Feedback']", "the Fetch Feedback button")
    # "view feedback" opens the feedback page itself (the course's lab extension), in the HTML viewer.
    browser.click(f"{SUBMITTED}//a[contains(., 'view feedback')]", "the view feedback link")
    viewer = "//div[contains(@class, 'jp-HTMLViewer') and not(contains(@class, 'lm-mod-hidden'))]//iframe"
    browser.driver.switch_to.frame(browser.find(viewer, "the feedback in JupyterLab's HTML viewer"))
    try:
        step.feedback = browser.wait(lambda d: COMMENT in (text := d.find_element(By.TAG_NAME, "body").text)
                                     and text, "the instructor's comment in the feedback")
    finally:
        browser.driver.switch_to.default_content()
    browser.shot("feedback")
    step.expect(f"Written response (Score: {MANUAL_SCORE:.1f} / 3.0)" in step.feedback,
                f"the feedback should give the written answer {MANUAL_SCORE} of 3: {step.feedback[:3000]}")


def test_7_feedback_shows_no_raw_markup(step):
    """The feedback shows the notebook's HTML outputs (summary()'s table), not their markup as text."""
    assert step.feedback, "step 6 should have read the feedback"
    leaked = [tag for tag in ("<p>", "<table>", "<thead>", "<div", "<br>") if tag in step.feedback]
    assert not leaked, f"the feedback shows markup as text: {leaked}"
