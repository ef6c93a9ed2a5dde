"""Grade several learners at once: each worker autogrades in a scratch course of its own, and the batch
alone writes the course's gradebook.

nbgrader has no parallel autograde (jupyter/nbgrader#174, #1456), and ``nbgrader autograde`` run once per
learner side by side corrupts a shared SQLite gradebook. So a worker is handed what grading the
assignment needs as plain data (:class:`GradingMaterial`: the configuration, the source notebooks, the
expected results, the cell times, and a gradebook holding the assignment alone), unpacks it, once, into a
scratch course of its own, and for each learner it is handed (the submitted files, as bytes) runs the
very autograde of a one-at-a-time batch (:func:`mlcourse.instructor.grading.grade_one`: sandbox, guard,
second try after a timeout). It hands back the scores, comments and graded notebook (:class:`Graded`),
and the batch records them in the course's gradebook (:func:`record_graded`): one writer, whatever the
database. Grades are those of a one-at-a-time batch, cell for cell.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mlcourse.instructor.course import Course
from mlcourse.instructor.expected import EXPECTED_DIR
from mlcourse.instructor.grading import Outcome, grade_one
from mlcourse.instructor.timing import TIMES_FILE

__all__ = ["Graded", "GradingMaterial", "grade_in_parallel", "grade_on_cluster", "grade_submission",
           "grading_environment", "grading_material", "record_graded", "require_same_environment",
           "submission_files"]

#: What a worker's environment must not pass on to its scratch course: the course's own gradebook and
#: exchange (the worker grades into a gradebook of its own).
COURSE_SETTINGS = ("MLCOURSE_DB_URL", "MLCOURSE_EXCHANGE")


@dataclass(frozen=True)
class GradingMaterial:
    """Everything a worker needs to grade one assignment, as plain data it can receive anywhere."""

    assignment: str
    files: dict[str, bytes]  # path in the course folder -> content
    sandbox: bool = True

    @property
    def digest(self) -> str:
        """Names this material: a worker builds its scratch course once per digest."""
        hashed = hashlib.sha256(f"{self.assignment}\n{self.sandbox}".encode())
        for path in sorted(self.files):
            hashed.update(path.encode() + b"\0" + hashlib.sha256(self.files[path]).digest())
        return hashed.hexdigest()[:16]


@dataclass
class Graded:
    """One learner's grading as a worker hands it back: outcome, what the gradebook got, graded files."""

    outcome: Outcome
    timestamp: str | None = None
    notebooks: dict[str, dict] = field(default_factory=dict)  # name -> scores, comments, late penalty
    files: dict[str, bytes] = field(default_factory=dict)  # path under autograded/<student>/<assignment>


def grading_material(course: Course, assignment: str, sandbox: bool = True) -> GradingMaterial:
    """The material of ``assignment`` in ``course``: configuration, sources, expected results, cell times,
    and a SQLite gradebook with the assignment alone (its cells and deadline), built here once."""
    from mlcourse.instructor.release import generate_release

    root = course.root
    paths = [root / "nbgrader_config.py", root / EXPECTED_DIR / f"{assignment}.json", root / TIMES_FILE,
             *sorted(p for p in (course.source / assignment).rglob("*") if p.is_file())]
    files = {path.relative_to(root).as_posix(): path.read_bytes() for path in paths if path.is_file()}
    with course.gradebook() as gradebook:
        duedate = gradebook.find_assignment(assignment).duedate
    with tempfile.TemporaryDirectory(prefix="mlcourse-material-") as folder, _own_gradebook(Path(folder)):
        template = _unpacked(Path(folder), files)
        generate_release(template, [assignment], progress=lambda line: None)
        if duedate:
            with template.gradebook() as gradebook:
                gradebook.update_or_create_assignment(assignment, duedate=duedate)
        for path in sorted(p for p in template.root.rglob("*") if p.is_file()):
            if path.name == "gradebook.db" or path.is_relative_to(template.release):
                files[path.relative_to(template.root).as_posix()] = path.read_bytes()
    return GradingMaterial(assignment, files, sandbox)


@contextmanager
def _own_gradebook(root: Path):
    """The course settings of this environment set aside, so that a scratch course in ``root`` uses a
    gradebook and an exchange of its own, not the course's (a PostgreSQL gradebook's URL, say)."""
    saved = {name: os.environ.pop(name) for name in COURSE_SETTINGS if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def _unpacked(root: Path, files: dict[str, bytes]) -> Course:
    """A course folder in ``root`` made of ``files``."""
    for relative, content in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(content)
    return Course.at(root)


def submission_files(course: Course, assignment: str, student: str) -> dict[str, bytes]:
    """A collected submission's files (intake already refused links, devices and oversized files)."""
    folder = course.root / "submitted" / student / assignment
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and not path.is_symlink()}


_SCRATCH: dict[str, tuple[Course, object]] = {}  # material digest -> this worker's scratch course, its API


def _scratch_course(material: GradingMaterial) -> tuple[Course, object]:
    """This worker's scratch course for ``material``, unpacked on first use, and nbgrader's API bound to
    it (made once, as a batch graded one at a time makes it once)."""
    if material.digest not in _SCRATCH:
        for name in COURSE_SETTINGS:  # a worker grades into its scratch course's gradebook, always
            os.environ.pop(name, None)
        from multiprocessing.util import Finalize

        folder = tempfile.mkdtemp(prefix="mlcourse-worker-", dir=_memory_folder())
        # Removed when the worker process ends (multiprocessing runs its finalizers; atexit it does not).
        Finalize(None, shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True}, exitpriority=10)
        course = _unpacked(Path(folder), material.files)
        _SCRATCH[material.digest] = course, course.api(sandbox=material.sandbox)
    return _SCRATCH[material.digest]


def _memory_folder() -> str | None:
    """Where a worker keeps its scratch course: in memory (``/dev/shm``) when the machine has it, since
    nothing there needs to outlive the worker and the throwaway gradebook's commits then cost no disk
    flush; else the usual temporary folder."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def grade_submission(material: GradingMaterial, student: str, files: dict[str, bytes]) -> Graded:
    """Autograde one learner's submitted ``files`` in this worker's scratch course (see the module)."""
    started = time.perf_counter()
    course, api = _scratch_course(material)
    assignment = material.assignment
    submitted = course.root / "submitted" / student / assignment
    autograded = course.root / "autograded" / student / assignment
    for folder in (submitted, autograded):
        shutil.rmtree(folder, ignore_errors=True)
    for relative, content in files.items():
        (submitted / relative).parent.mkdir(parents=True, exist_ok=True)
        (submitted / relative).write_bytes(content)
    try:
        outcome = grade_one(api, course, assignment, student)
        graded = Graded(outcome, *_recorded(course, assignment, student))
        graded.files = {path.relative_to(autograded).as_posix(): path.read_bytes()
                        for path in sorted(autograded.rglob("*")) if path.is_file()}
    finally:
        for folder in (submitted, autograded):
            shutil.rmtree(folder, ignore_errors=True)
    graded.outcome.seconds = time.perf_counter() - started
    graded.outcome.worker = _worker_name()
    return graded


def _worker_name() -> str:
    """The name of the Dask worker running this task, or else this machine and process."""
    try:
        from distributed import get_worker

        return str(get_worker().name)
    except (ImportError, ValueError):
        return f"{socket.gethostname()}:{os.getpid()}"


def _recorded(course: Course, assignment: str, student: str) -> tuple[str | None, dict[str, dict]]:
    """(timestamp, notebook name -> what the gradebook holds) of a learner's submission, as plain data."""
    from nbgrader.api import MissingEntry

    with course.gradebook() as gradebook:
        try:
            submission = gradebook.find_submission(assignment, student)
        except MissingEntry:
            return None, {}
        notebooks = {notebook.name: {
            "grades": {g.name: [g.auto_score, g.needs_manual_grade] for g in notebook.grades},
            "comments": {c.name: c.auto_comment for c in notebook.comments},
            "late_penalty": notebook.late_submission_penalty,
            "flagged": notebook.flagged,
        } for notebook in submission.notebooks}
        return (submission.timestamp.isoformat() if submission.timestamp else None), notebooks


def record_graded(course: Course, assignment: str, graded: Graded, gradebook=None) -> None:
    """Write a worker's grading of one learner into the course's gradebook and ``autograded/`` folder.

    A batch passes its open ``gradebook``, so that recording costs no reopening per learner.
    """
    student = graded.outcome.student
    with nullcontext(gradebook) if gradebook is not None else course.gradebook() as gradebook:
        gradebook.update_or_create_student(student)
        timestamp = datetime.fromisoformat(graded.timestamp) if graded.timestamp else None
        submission = gradebook.update_or_create_submission(assignment, student, timestamp=timestamp)
        for notebook in submission.notebooks if graded.notebooks else ():  # none: a zero, hand-gradable
            recorded = graded.notebooks.get(notebook.name, {})
            for grade in notebook.grades:
                grade.auto_score, grade.needs_manual_grade = recorded.get("grades", {}).get(
                    grade.name, (None, True))
            for comment in notebook.comments:
                comment.auto_comment = recorded.get("comments", {}).get(comment.name)
            notebook.late_submission_penalty = recorded.get("late_penalty")
            notebook.flagged = recorded.get("flagged", False)
        gradebook.db.commit()
    folder = course.root / "autograded" / student / assignment
    shutil.rmtree(folder, ignore_errors=True)
    for relative, content in graded.files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(content)


def grade_in_parallel(course: Course, assignment: str, students: Iterable[str], workers: int, sandbox: bool,
                      finished: Callable[[Outcome], None]) -> None:
    """Grade ``students`` on ``workers`` local processes; record and report each as soon as it is done.

    A learner whose worker died (killed, out of memory) is graded again here once the others are done:
    no submission is lost.
    """
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    waiting, lost = list(students), []

    def here(student: str, note: str = "") -> None:
        graded = grade_submission(material, student, submission_files(course, assignment, student))
        graded.outcome.problems += [note] if note else []
        record_graded(course, assignment, graded)
        finished(graded.outcome)

    # Workers fork from this process, which has imported everything grading needs (nbgrader alone takes
    # seconds to import), so each starts at once; they drop the event loop they inherit (see
    # _forget_event_loop). They start before this process runs any grading of its own.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_forget_event_loop) as pool, course.gradebook() as gradebook:
        material = grading_material(course, assignment, sandbox)
        tasks = {}
        while waiting or tasks:
            while waiting and len(tasks) < 2 * workers:  # enough queued to keep every worker busy
                student = waiting.pop(0)
                try:
                    tasks[pool.submit(grade_submission, material, student,
                                      submission_files(course, assignment, student))] = student
                except BrokenProcessPool:  # no worker can start: this process grades the rest
                    lost += [student, *waiting]
                    waiting.clear()
            done, _ = wait(tasks, return_when=FIRST_COMPLETED)
            for task in done:
                student = tasks.pop(task)
                try:
                    graded = task.result()
                except Exception:  # the worker died: grade this learner again below
                    lost.append(student)
                    continue
                record_graded(course, assignment, graded, gradebook)
                finished(graded.outcome)
    for student in lost:
        here(student, "its grading worker stopped; graded again by the batch itself")
    scratch = _SCRATCH.pop(material.digest, None)  # this process's own, if it graded any learner
    if scratch is not None:
        shutil.rmtree(scratch[0].root, ignore_errors=True)


def _forget_event_loop() -> None:
    """In a worker just forked from the batch: forget the asyncio event loop the batch left behind (as
    nbclient's ``run_sync`` keeps one per thread), so that kernels are run on a loop of this process's own.
    It is not closed: its epoll instance is shared with the batch, and closing would unregister the batch's
    sockets."""
    import asyncio

    from jupyter_core.utils import _loop

    _loop.set(None)
    asyncio.set_event_loop(None)


def grade_on_cluster(course: Course, assignment: str, students: Iterable[str], scheduler: str, sandbox: bool,
                     finished: Callable[[Outcome], None]) -> None:
    """Grade ``students`` on the workers of the Dask cluster at ``scheduler`` (``tcp://host:port``).

    Each worker needs the course package and the sandbox tool, nothing of the instructor's folders: the
    material goes to every worker once, each learner's files with their task, and the graded notebook and
    scores come back here to be recorded. Dask runs the task of a worker that dies on another one.
    """
    from distributed import Client, as_completed

    with Client(scheduler, timeout="30s") as client:
        require_same_environment(client)
        (material,) = client.scatter([grading_material(course, assignment, sandbox)], broadcast=True)
        tasks = {client.submit(grade_submission, material, student,
                               submission_files(course, assignment, student),
                               key=f"grade-{assignment}-{student}-{os.urandom(4).hex()}", pure=False): student
                 for student in students}
        for task in as_completed(tasks):
            try:
                graded = task.result()
            except Exception as error:  # given up by the cluster: listed, scored 0, with the reason
                graded = Graded(Outcome(tasks[task], False, [f"the cluster could not grade it ({error})"]))
            record_graded(course, assignment, graded)
            finished(graded.outcome)


def grading_environment() -> dict[str, str]:
    """What must be the same wherever a learner is graded: the course package's code (a digest of its
    modules, the instructor's cohort generator aside) and the version of every library it depends on
    (the expected results were recorded with the instructor's, and another scikit-learn or NumPy can
    compute another value)."""
    import re
    from importlib import metadata

    import mlcourse

    package = Path(mlcourse.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if not relative.startswith("instructor/cohort/"):
            digest.update(relative.encode() + b"\0" + path.read_bytes())
    versions = {"mlcourse code": digest.hexdigest()[:16]}
    for requirement in metadata.requires("mlcourse") or []:
        if "extra ==" not in requirement:
            name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
            versions[name] = metadata.version(name)
    return versions


def require_same_environment(client) -> None:
    """Refuse to grade on a cluster whose workers have another course package or library version than
    this machine, naming each difference (a ``CourseError``, before any learner is sent)."""
    from mlcourse.instructor.course import CourseError

    here = grading_environment()
    differences = [f"{worker}: {name} {theirs.get(name, 'missing')} (here {version})"
                   for worker, theirs in sorted(client.run(grading_environment).items())
                   for name, version in here.items() if theirs.get(name) != version]
    if differences:
        raise CourseError("the cluster's workers do not grade with this course's environment, so their "
                          "grades could differ from the expected results: " + "; ".join(differences)
                          + ". Install the same course package and versions on every worker.")
