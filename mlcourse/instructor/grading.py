"""Autograde every submission of an assignment, one learner at a time, reporting as it goes.

nbgrader already grades a broken notebook as zero and restores tampered test cells; this
module adds what a batch of hundreds needs around it: a progress line per learner, a plain
reason for every submission that could not be graded normally, and a gradebook that no
submission can damage (see :mod:`mlcourse.instructor.gradebook_guard`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import nbformat

from mlcourse.instructor.course import Course
from mlcourse.instructor.expected import require_expected
from mlcourse.instructor.gradebook_guard import GradebookTampered, guarding
from mlcourse.instructor.intake import refusal

# Log lines of nbgrader's autograde that an instructor should hear about, in plain words.
_LOG_PROBLEMS = [
    (re.compile(r"Timeout waiting for execute reply \((\d+)s\)"),
     "a cell ran longer than {0} s and was interrupted, twice (graded again alone): a loop that never ends?"),
    (re.compile(r"Notebook time limit of (\d+) s reached"),
     "the notebook ran longer than {0} s in all and was stopped; later cells did not run"),
    (re.compile(r"Kernel died"), "the Python kernel died while running the notebook"),
    # nbgrader's OverwriteCells restores the original cell each time. Its 'checksum' warnings are left out:
    # they also fire for a learner who worked on an earlier release of the assignment.
    (re.compile(r"Attribute '(points|locked|cell_type)' for cell (\S+) has changed"),
     "the '{0}' setting of cell {1} was altered; nbgrader graded with the original"),
]


@dataclass
class Outcome:
    """What happened to one learner's submission."""

    student: str
    graded: bool
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    worker: str = ""  # who graded it, when a batch is shared out (mlcourse.instructor.workers)

    @property
    def status(self) -> str:
        return ("graded" if self.graded else "could not be graded, scored 0") + (
            ": " + "; ".join(self.problems) if self.problems else "")


def submission_file_problems(course: Course, assignment: str, student: str) -> list[str]:
    """Plain reasons why a submission's notebooks cannot be graded: missing, or not readable."""
    problems = []
    folder = course.root / "submitted" / student / assignment
    expected = sorted(p.name for p in (course.release / assignment).glob("*.ipynb"))
    for name in expected:
        path = folder / name
        if not path.exists():
            others = ", ".join(sorted(p.name for p in folder.glob("*.ipynb"))) or "no notebook"
            problems.append(f"{name} is missing from the submission (it holds {others})")
            continue
        try:
            nbformat.validate(nbformat.read(path, as_version=4))
        except nbformat.reader.NotJSONError:
            problems.append(f"{name} is not valid JSON (cut off or corrupted), so no cell could run")
        except Exception as error:  # any unreadable file is reported, never raised
            reason = str(error).splitlines()[0][:100]
            problems.append(f"{name} is not a valid notebook ({type(error).__name__}: {reason})")
    return problems


def problems_in_log(log: str) -> list[str]:
    """The noteworthy events of an autograde log, each reported once, in plain words."""
    found = []
    for pattern, message in _LOG_PROBLEMS:
        for match in pattern.finditer(log):
            text = message.format(*match.groups())
            if text not in found:
                found.append(text)
    return found


def record_zero(course: Course, assignment: str, student: str) -> None:
    """Give ``student`` a submission worth zero, so they are listed, flagged and can be hand-graded."""
    with course.gradebook() as gradebook:
        gradebook.update_or_create_student(student)
        gradebook.update_or_create_submission(assignment, student)


def autograde_all(course: Course, assignment: str, students: list[str] | None = None,
                  progress=print, sandbox: bool = True, workers: int = 1, scheduler: str | None = None,
                  on_outcome: Callable[[Outcome], None] = lambda outcome: None) -> list[Outcome]:
    """Autograde each submitted learner, ``workers`` at a time; no submission can stop the batch.

    Learners' code runs in the sandbox (:mod:`mlcourse.instructor.sandbox`) unless ``sandbox`` is
    False or the course turned it off; a missing sandbox tool stops the batch before anything
    runs. A notebook with a cell that timed out is graded once more before its result stands,
    so a burst of load on the grading machine cannot cost a learner points. A submission nbgrader
    cannot grade still gets a gradebook entry worth zero (nbgrader makes it; after a restored
    gradebook, :func:`record_zero` does), so exported grades list every learner who submitted.
    Missing or stale expected results (:mod:`mlcourse.instructor.expected`) stop it before anything runs.
    With ``workers`` above 1, that many processes grade at once, each in a scratch course of its own,
    and this process records their results (:mod:`mlcourse.instructor.workers`): the grades are the same.
    With ``scheduler`` (a Dask scheduler's address), the workers of that cluster grade instead.
    ``progress`` gets one line per learner as each is done, ``on_outcome`` the learner's outcome.
    """
    from mlcourse.instructor.workers import grade_in_parallel, grade_on_cluster

    require_expected(course, assignment)
    sandboxed = course.require_sandbox() if sandbox else False
    students = course.submitted_students(assignment) if students is None else students
    done: dict[str, Outcome] = {}

    def finished(outcome: Outcome, ran: bool = True) -> None:
        done[outcome.student] = outcome
        where = f", {outcome.worker}" if outcome.worker else ""
        timing = f" ({outcome.seconds:.1f} s{where})" if ran else ""
        progress(f"[{len(done)}/{len(students)}] {outcome.student}: {outcome.status}{timing}")
        on_outcome(outcome)

    accepted = []
    for student in students:
        refused = refusal(course.root / "submitted" / student / assignment)
        if refused:  # never read further, never run: links, devices, oversized or over-nested files
            record_zero(course, assignment, student)
            finished(Outcome(student, False, refused), ran=False)
        else:
            accepted.append(student)
    if scheduler:
        grade_on_cluster(course, assignment, accepted, scheduler, sandboxed, finished)
    elif workers > 1 and len(accepted) > 1:
        grade_in_parallel(course, assignment, accepted, workers, sandboxed, finished)
    else:
        api = course.api(sandbox=sandboxed)
        for student in accepted:
            started = time.perf_counter()
            outcome = grade_one(api, course, assignment, student)
            outcome.seconds = time.perf_counter() - started
            finished(outcome)
    return [done[student] for student in students]


def grade_one(api, course: Course, assignment: str, student: str) -> Outcome:
    """Autograde one learner's submission (already accepted at intake), once more if a cell timed out."""
    problems = submission_file_problems(course, assignment, student)
    graded, found = _autograde_one(api, course, assignment, student)
    if any(TIMEOUT in problem for problem in found):
        graded, found = _autograde_one(api, course, assignment, student)
        if not any(TIMEOUT in problem for problem in found):
            found.append("a cell timed out at first but not when graded again; this grade stands")
    return Outcome(student, graded, problems + found)


#: The words every timeout problem shares (see _LOG_PROBLEMS).
TIMEOUT = "was interrupted"


def _autograde_one(api, course: Course, assignment: str, student: str) -> tuple[bool, list[str]]:
    """nbgrader autograde of one learner, guarded: (graded, problems found in the log or the gradebook)."""
    try:
        with guarding(course.db_url(), student, assignment):
            result = api.autograde(assignment, student, force=True, create=True)
        return result["success"], problems_in_log(result.get("log", ""))
    except GradebookTampered as error:
        record_zero(course, assignment, student)
        return False, [str(error)]


def generate_feedback(course: Course, assignment: str, outcomes: list[Outcome] = ()) -> dict[str, str]:
    """``nbgrader generate_feedback`` for every autograded submission, with hidden tests redacted and
    learners' markup sanitized by the course's feedback preprocessors (see nbgrader_config.py).

    nbgrader stops at the first notebook it cannot turn into feedback. So when the class's run
    fails, each learner's feedback is generated on their own: one broken notebook costs only its
    learner their feedback. Returns learner -> why their feedback could not be generated, and adds
    that reason to the learner's entry of ``outcomes``, for the grade table.
    """
    api = course.api()
    if api.generate_feedback(assignment)["success"]:
        return {}
    failed = {}
    for folder in sorted((course.root / "autograded").glob(f"*/{assignment}")):
        result = api.generate_feedback(assignment, student_id=folder.parent.name)
        if not result["success"]:
            reason = (result.get("error") or result.get("log") or "").strip().splitlines()[-1:]
            failed[folder.parent.name] = f"feedback could not be generated ({' '.join(reason)[:200]})"
    for outcome in outcomes:
        if outcome.student in failed:
            outcome.problems.append(failed[outcome.student])
    return failed
