"""The scorer's gradebook side: the competition's points as the capstone's manual grade, and scoring every
submitted file, in a gradebook built through nbgrader's API (no kernel, no nbgrader command)."""
from __future__ import annotations

import shutil

import pytest

from mlcourse.instructor.cli import ATTENTION, COURSE_ERROR, main
from mlcourse.instructor.course import Course, CourseError
from mlcourse.instructor.scoring import (
    HISTORY_FILE,
    Scored,
    history,
    load_labels,
    record_points,
    score_all,
    score_submission,
)
from tests.conftest import REPO
from tests.unit.gradebooks import CAPSTONE_CELLS, add_assignment, scratch, submit

SAMPLES = REPO / "samples" / "capstone"
LABELS = "competition/test_labels.csv"


def capstone(root, autograded=("ada", "ben", "gil"), labels=True):
    """A course whose gradebook has the capstone, autograded for ``autograded``."""
    course = scratch(root, "capstone")
    with course.gradebook() as gb:
        add_assignment(gb, "capstone", CAPSTONE_CELLS, score_cell="competition-score")
        for student in autograded:
            submit(gb, "capstone", student)
    if labels:
        (course.root / "competition").mkdir()
        shutil.copy2(REPO / LABELS, course.root / LABELS)
    return course


@pytest.fixture()
def course(tmp_path):
    return capstone(tmp_path / "course")


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """One course for the record_points tests: each writes the grade of its own learner only."""
    return capstone(tmp_path_factory.mktemp("recorded") / "course")


def competition_grade(course, student):
    with course.gradebook() as gb:
        grade = gb.find_grade("competition-score", "capstone", "capstone", student)
        comment = gb.find_comment("competition-score", "capstone", "capstone", student)
        return grade.manual_score, grade.needs_manual_grade, grade.score, comment.manual_comment


def entry(student, public, private, points, status="scored", message=""):
    return Scored(student, "2026-01-10T10:00:00+00:00", "sha", status, public, private, points, message)


def test_points_become_the_manual_grade_with_the_scores_as_comment(recorded):
    assert competition_grade(recorded, "ada")[:2] == (None, True)  # as autograding leaves the task cell
    assert record_points(recorded, entry("ada", 0.93124, 0.92456, 10.0)) is True
    assert competition_grade(recorded, "ada") == (
        10.0, False, 10.0, "Competition: public ROC-AUC 0.9312, private ROC-AUC 0.9246, 10 points.")


def test_no_points_says_what_passing_takes(recorded):
    bar = Course.at(REPO).competition().baseline_auc
    assert record_points(recorded, entry("ben", 0.7, bar, 0.0)) is True
    assert competition_grade(recorded, "ben") == (
        0.0, False, 0.0, f"Competition: public ROC-AUC 0.7000, private ROC-AUC {bar:.4f}, 0 points "
                         f"(beat the baseline's {bar} to pass).")


def test_an_unscorable_file_gets_zero_and_the_reason(recorded):
    assert record_points(recorded, entry("gil", None, None, 0.0, "invalid", "not a CSV file")) is True
    assert competition_grade(recorded, "gil") == (
        0.0, False, 0.0, "Your submission.csv could not be scored: not a CSV file")


def test_a_learner_not_autograded_yet_gets_nothing(recorded):
    assert record_points(recorded, entry("kim", 0.9, 0.9, 8.0)) is False
    with recorded.gradebook() as gb:
        assert "kim" not in {s.id for s in gb.students}


def hand_in(course, student, sample=None):
    folder = course.root / "submitted" / student / "capstone"
    folder.mkdir(parents=True)
    if sample:
        shutil.copyfile(SAMPLES / sample, folder / "submission.csv")


def test_score_all_scores_each_submitted_file_and_records_the_counted_points(course):
    for student, sample in [("ada", "ada_submission.csv"), ("ben", "ben_baseline.csv"),
                            ("gil", "gil_not_a_csv.csv"), ("kim", None), ("zoe", "zoe_looked_up_labels.csv")]:
        hand_in(course, student, sample)
    said = []
    results = {r.student: r for r in score_all(course, progress=said.append)}
    assert sorted(results) == ["ada", "ben", "gil", "kim", "zoe"]
    ada = results["ada"]
    assert ada.status == "scored" and ada.points == 10
    assert ada.private_auc >= course.competition().full_marks_auc
    assert results["ben"].status == "scored" and results["ben"].points == 0
    assert results["gil"].status == "invalid" and results["gil"].points == 0 and results["gil"].message
    assert results["kim"].status == "invalid" and results["kim"].sha256 == ""
    assert [e.student for e in history(course)] == ["ada", "ben", "gil", "kim", "zoe"]
    assert said[0] == f"ada: public {ada.public_auc:.4f}  private {ada.private_auc:.4f}  10 points"
    assert said[2] == f"gil: not scored: {results['gil'].message}"
    not_autograded = "  (not in the gradebook yet: autograde first)"
    assert said[3].startswith("kim: not scored: ") and said[3].endswith(not_autograded)
    assert said[4].startswith("zoe: public") and said[4].endswith(not_autograded)
    assert not any("not in the gradebook" in line for line in said[:3])
    assert competition_grade(course, "ada")[:2] == (10.0, False)
    assert competition_grade(course, "ben")[:2] == (0.0, False)
    assert competition_grade(course, "gil")[0] == 0.0


def test_a_worse_later_file_does_not_lower_the_points(course):
    hand_in(course, "ada", "ada_submission.csv")
    score_all(course, progress=lambda line: None)
    handed_in = course.root / "submitted" / "ada" / "capstone" / "submission.csv"
    shutil.copyfile(SAMPLES / "cleo_tree.csv", handed_in)
    (later,) = score_all(course, progress=lambda line: None)
    assert later.points < 10 and len(history(course)) == 2
    manual, _, _, comment = competition_grade(course, "ada")
    assert manual == 10.0 and comment.endswith("10 points.")


def test_scoring_without_labels_is_a_course_error(tmp_path):
    course = capstone(tmp_path / "course", labels=False)
    hand_in(course, "ada", "ada_submission.csv")
    with pytest.raises(CourseError, match=r"test_labels.csv is missing: run `mlcourse competition`"):
        score_all(course)
    assert not (course.root / HISTORY_FILE).exists()


def test_the_score_command_scores_then_shows_the_leaderboard(course, capsys):
    hand_in(course, "ada", "ada_submission.csv")
    hand_in(course, "zoe", "zoe_looked_up_labels.csv")
    assert main(["--course", str(course.root), "score"]) == ATTENTION  # zoe's 0.98 is flagged for review
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ada: public ") and out[1].startswith("zoe: public ")
    assert out[2].split()[:2] == ["rank", "learner"]
    assert out[3].split()[:2] == ["1", "zoe"] and "review" in out[3] and out[4].split()[:2] == ["2", "ada"]
    assert (course.root / "competition" / "leaderboard.html").is_file()


def test_the_score_command_needs_the_capstone_released(tmp_path, capsys):
    course = capstone(tmp_path / "course", autograded=())
    with course.gradebook() as gb:
        gb.remove_assignment("capstone")
    assert main(["--course", str(course.root), "score"]) == COURSE_ERROR
    assert "run `mlcourse release capstone`" in capsys.readouterr().err


def test_a_file_with_several_problems_gets_one_message_in_sentences(course):
    found = score_submission(course, "hal", SAMPLES / "hal_partial.csv", load_labels(course))
    assert found.status == "invalid"
    assert found.message == ("500 rows, but the test set has 9769: one row per test id. "
                             "1 id appears more than once: 4.")
    assert "; " not in found.message and "(s)" not in found.message
    assert history(course)[-1].message == found.message
