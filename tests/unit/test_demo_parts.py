"""The demo's parts that need no kernel: its sample learners, its scratch course, the learners' commands,
the comparison with the expected scores, and the order of the loop (nbgrader's steps replaced by
stand-ins that record what they were asked to do)."""
from __future__ import annotations

import shutil

import pytest

from mlcourse.instructor import demo
from mlcourse.instructor.course import Course
from mlcourse.instructor.demo import Sample, as_learner, compare_with_expected, load_samples, prepare_workdir
from mlcourse.instructor.grading import Outcome
from tests.conftest import REPO
from tests.unit.gradebooks import scratch

SAMPLES = REPO / "samples"


@pytest.fixture()
def course(tmp_path):
    """A course with two assignments that have samples and one without."""
    course = scratch(tmp_path / "course", "capstone", "python_for_ml", "visualization")
    (course.source / "python_for_ml" / "python_for_ml.ipynb").write_text("{}")
    shutil.copytree(SAMPLES, course.root / "samples")
    (course.root / "competition").mkdir()
    (course.root / "competition" / "test_labels.csv").write_text("id,income_over_50k,public\n9,1,True\n")
    return course


def test_the_samples_of_an_assignment_are_read_with_their_files(course):
    samples = load_samples(Course.at(REPO), "python_for_ml")
    folder = SAMPLES / "python_for_ml"
    assert [(s.student, s.expected_score) for s in samples] == [
        ("ada", 10), ("ben", 0), ("cleo", 6), ("dev", 9), ("eve", 0), ("finn", 9), ("gus", 10), ("hank", 0),
        ("ivy", 0)]
    assert samples[0] == Sample("ada", folder / "ada_complete.ipynb", 10.0, samples[0].story, None)
    assert samples[0].story.startswith("every exercise correct")
    assert all(s.file.is_file() and s.submission is None for s in samples if s.hands_in == "notebook")
    assert [s.student for s in samples if s.hands_in != "notebook"] == ["hank"]
    assert samples[7].hands_in == "link-to-source" and samples[7].file is None


def test_capstone_samples_hand_in_a_submission_file_or_nothing():
    samples = {s.student: s for s in load_samples(Course.at(REPO), "capstone")}
    folder = SAMPLES / "capstone"
    assert samples["ada"].file == folder / "ada_complete.ipynb"
    assert samples["ada"].submission == folder / "ada_submission.csv" and samples["ada"].expected_score == 21
    assert samples["ben"].file is None and samples["ben"].submission == folder / "ben_baseline.csv"
    assert samples["kim"].file is None and samples["kim"].submission is None
    assert all(s.submission.is_file() for s in samples.values() if s.submission)


def test_samples_of_an_assignment_without_any_are_a_missing_file(course):
    with pytest.raises(FileNotFoundError):
        load_samples(course, "visualization")


def rows(**scores):
    return [{"student_id": student, "score": str(score)} for student, score in scores.items()]


SAMPLED = [Sample("ada", None, 10.0, ""), Sample("ben", None, 0.0, ""), Sample("cleo", None, 8.4, "")]


def test_scores_as_expected_say_so():
    said = []
    assert compare_with_expected(rows(ada=10.0, ben=0, cleo=8.4), SAMPLED, said.append) is True
    assert said == ["All 3 sample learners scored as expected."]


def test_each_score_that_differs_is_listed():
    said = []
    assert compare_with_expected(rows(ada=9.5, ben=0.0), SAMPLED, said.append) is False
    assert said == ["Scores differ from samples.csv:\n  ada: expected 10, got 9.5\n  cleo: expected 8.4, "
                    "got no grade"]


def test_the_workdir_is_a_fresh_course_with_the_configuration_sources_and_labels(course, tmp_path):
    workdir = tmp_path / "build" / "demo"
    (workdir / "submitted" / "old").mkdir(parents=True)
    (workdir / "gradebook.db").write_text("an earlier run's")
    scratch_course = prepare_workdir(course, workdir)
    assert scratch_course == Course.at(workdir)
    assert sorted(p.name for p in workdir.iterdir()) == ["competition", "nbgrader_config.py", "source"]
    assert (workdir / "nbgrader_config.py").read_bytes() == (REPO / "nbgrader_config.py").read_bytes()
    assert scratch_course.assignments() == ["capstone", "python_for_ml", "visualization"]
    assert (workdir / "source" / "python_for_ml" / "python_for_ml.ipynb").read_text() == "{}"
    labels = "competition/test_labels.csv"
    assert (workdir / labels).read_bytes() == (course.root / labels).read_bytes()
    assert course.root.is_dir() and (course.root / "samples").is_dir()  # the course itself is untouched


def test_a_course_without_labels_gets_a_workdir_without_them(course, tmp_path):
    (course.root / "competition" / "test_labels.csv").unlink()
    workdir = prepare_workdir(course, tmp_path / "demo").root
    assert sorted(p.name for p in workdir.iterdir()) == ["nbgrader_config.py", "source"]


class Calls(list):
    """What Course.nbgrader's stand-in was asked: (course folder name, args, cwd) per command."""


@pytest.fixture()
def nbgrader(monkeypatch) -> Calls:
    """Course.nbgrader replaced by a stand-in that records each command and fetches as nbgrader would."""
    calls = Calls()

    def fake(course, *args, cwd=None):
        calls.append((course.root.name, args, cwd))
        if args[0] == "fetch_assignment":
            fetched = cwd / "ml-internship" / args[1]
            fetched.mkdir(parents=True, exist_ok=True)
            (fetched / f"{args[1]}.ipynb").write_text("as released")
        return ""

    monkeypatch.setattr(Course, "nbgrader", fake)
    return calls


def test_a_learners_command_names_them_and_runs_from_their_home(course, nbgrader):
    as_learner(course, "ada", "fetch_assignment", "python_for_ml")
    home = course.root / "learners" / "ada"
    assert home.is_dir()
    exchange = course.config().Exchange.root
    assert nbgrader == [("course", ("fetch_assignment", "python_for_ml", "--student=ada",
                                          "--course=ml-internship", f"--Exchange.root={exchange}",
                                          "--Exchange.path_includes_course=True",
                                          f"--Exchange.cache={home / '.nbgrader_cache'}"), home)]


def test_each_sample_learner_fetches_hands_in_their_files_and_submits(course, nbgrader):
    samples = load_samples(course, "capstone")
    said = []
    demo.submit_samples(course, "capstone", samples[:3], said.append)
    assert [(args[0], args[2]) for _, args, _ in nbgrader] == [
        ("fetch_assignment", "--student=ada"), ("submit", "--student=ada"),
        ("fetch_assignment", "--student=ben"), ("submit", "--student=ben"),
        ("fetch_assignment", "--student=cleo"), ("submit", "--student=cleo")]
    assert said[0] == f"  [1/3] ada fetches, works, submits: {samples[0].story}"
    learners = course.root / "learners"
    ada, ben = (learners / name / "ml-internship" / "capstone" for name in ("ada", "ben"))
    assert (ada / "capstone.ipynb").read_bytes() == samples[0].file.read_bytes()
    assert (ada / "submission.csv").read_bytes() == samples[0].submission.read_bytes()
    assert (ben / "capstone.ipynb").read_text() == "as released"  # ben hands in the notebook as fetched
    assert (ben / "submission.csv").read_bytes() == samples[1].submission.read_bytes()


@pytest.mark.parametrize("capstone_scores_differ", [False, True])
def test_the_loop_runs_each_sampled_assignment_capstone_last(course, nbgrader, monkeypatch, tmp_path,
                                                               capstone_scores_differ):
    steps = []
    step = lambda name, result=None: lambda *args, **kwargs: steps.append(name) or result  # noqa: E731

    def grade_report(scratch_course, assignment, outcomes):
        steps.append(f"report {assignment}")
        scores = {s.student: s.expected_score for s in load_samples(course, assignment)}
        if capstone_scores_differ and assignment == "capstone":
            scores["ada"] = 11
        return [{"student_id": s, "score": str(v)} for s, v in scores.items()], "TABLE"

    def autograde_all(scratch_course, assignment, **options):
        steps.append(f"autograde {assignment}")
        return [Outcome("ada", True), Outcome("eve", False)]

    def generate_release(scratch_course, assignments, progress):
        steps.append(f"release {' '.join(assignments)}")

    monkeypatch.setattr(demo, "generate_release", generate_release)
    monkeypatch.setattr(demo, "autograde_all", autograde_all)
    monkeypatch.setattr(demo, "score_all", step("score"))
    monkeypatch.setattr(demo, "build_leaderboard", step("leaderboard", ([], None, tmp_path / "board.html")))
    monkeypatch.setattr(demo, "leaderboard_table", step("table", "BOARD"))
    monkeypatch.setattr(demo, "generate_feedback", step("feedback"))
    monkeypatch.setattr(demo, "grade_report", grade_report)
    # Collecting is moving from `nbgrader collect` to the course's own intake: either is recorded.
    monkeypatch.setattr(demo, "collect", lambda scratch_course, assignment:
                        steps.append(f"collect {assignment}") or {}, raising=False)
    said = []
    workdir = tmp_path / "demo"
    assert demo.run_demo(course, workdir, said.append) is not capstone_scores_differ
    collected = [step for step in steps if step.startswith("collect ")] + [
        f"collect {args[1]}" for _, args, _ in nbgrader if args[0] == "collect"]
    assert sorted(collected) == ["collect capstone", "collect python_for_ml"]
    assert [step for step in steps if not step.startswith("collect ")] == ["release python_for_ml capstone",
                     "autograde python_for_ml", "feedback", "report python_for_ml",
                     "autograde capstone", "score", "leaderboard", "table", "feedback", "report capstone"]
    commands = [(args[0], args[1] if len(args) > 1 else None) for folder, args, _ in nbgrader
                if args[0] not in ("fetch_assignment", "submit", "collect")]
    assert commands == [("release_assignment", "python_for_ml"),
                        ("release_feedback", "python_for_ml"), ("fetch_feedback", "python_for_ml"),
                        ("release_assignment", "capstone"),
                        ("release_feedback", "capstone"), ("fetch_feedback", "capstone")]
    assert {folder for folder, _, _ in nbgrader} == {"demo"}  # the course's own gradebook is untouched
    assert len([c for c in nbgrader if c[1][0] == "submit"]) == 9 + 10
    assert said[0] == f"Scratch course: {workdir}"
    assert said[-2] == f"Grades: {workdir / 'grades.csv'}   Feedback: {workdir / 'feedback'}"
    assert said[-1].startswith("Demo finished in ")
    assert ("Scores differ from samples.csv:\n  ada: expected 21, got 11.0" in said) is capstone_scores_differ
