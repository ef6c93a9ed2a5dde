"""The skills report: mastery per learner and skill, read from a gradebook built through nbgrader's API."""
from __future__ import annotations

from pathlib import Path

import matplotlib.image
import pytest
from matplotlib.text import Text

from mlcourse.exercise import (
    COMMUNICATION,
    DATA_HANDLING,
    ML_ALGORITHMS,
    PROGRAMMING,
    SKILLS,
    STATISTICS,
    VISUALIZATION,
)
from mlcourse.instructor.cli import main
from mlcourse.instructor.skills import (
    CHART_FILE,
    cell_skill,
    chart_path,
    mastery,
    skills_chart,
    skills_figure,
    skills_table,
)
from tests.unit.gradebooks import CAPSTONE_CELLS, PYTHON_FOR_ML_CELLS, add_assignment, grade, scratch, submit

PNG = b"\x89PNG\r\n\x1a\n"
NOTHING = {skill: (0.0, 0.0) for skill in SKILLS}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """ada: both assignments graded, her python_for_ml written answer still waits for the instructor;
    ben: python_for_ml only, nothing right, his written answer graded by hand; cleo: no submission.
    python_for_ml also has two graded cells the course does not know, worth points nobody may count."""
    course = scratch(tmp_path_factory.mktemp("skills"), "python_for_ml", "capstone")
    with course.gradebook() as gb:
        add_assignment(gb, "python_for_ml", {**PYTHON_FOR_ML_CELLS, "q9-tests": 4, "bonus": 4})
        add_assignment(gb, "capstone", CAPSTONE_CELLS, "competition-score")
        submit(gb, "python_for_ml", "ada")
        grade(gb, "python_for_ml", "ada", {"q1-tests": 1, "q2-tests": 1, "q3-tests": 2, "q4-tests": 2,
                                           "q5-tests": 1, "q6-tests": 2, "q9-tests": 4, "bonus": 4,
                                           "written-answer": None})
        submit(gb, "capstone", "ada")
        grade(gb, "capstone", "ada", {"q1-tests": 2, "q2-tests": 2, "q3-tests": 1, "q4-tests": 1,
                                      "q5-tests": 1, "q6-tests": 3, "written-answer": None,
                                      "competition-score": None})
        for name, manual in (("written-answer", 4.0), ("competition-score", 8.4)):
            found = gb.find_grade(name, "capstone", "capstone", "ada")
            found.manual_score, found.needs_manual_grade = manual, False
        submit(gb, "python_for_ml", "ben")
        grade(gb, "python_for_ml", "ben", dict.fromkeys([*PYTHON_FOR_ML_CELLS, "q9-tests", "bonus"], 0))
        found = gb.find_grade("written-answer", "python_for_ml", "python_for_ml", "ben")
        found.manual_score = 2.0
        gb.add_student("cleo")
        gb.db.commit()
    return course


@pytest.mark.parametrize("assignment, cell, skill", [
    ("python_for_ml", "q1-tests", PROGRAMMING),
    ("python_for_ml", "q5-tests", DATA_HANDLING),
    ("capstone", "q1-tests", DATA_HANDLING),
    ("capstone", "q2-tests", ML_ALGORITHMS),
    ("stats_linear_algebra", "q1-tests", STATISTICS),
    ("visualization", "q3-tests", VISUALIZATION),
    ("python_for_ml", "written-answer", COMMUNICATION),
    ("capstone", "competition-score", ML_ALGORITHMS),
    ("python_for_ml", "q9-tests", None),  # no such exercise
    ("no_such_unit", "q1-tests", None),
    ("python_for_ml", "q1-answer", None),  # answers are proven by their tests, not counted twice
    ("python_for_ml", "bonus", None),
])
def test_each_graded_cell_proves_one_skill(assignment, cell, skill):
    assert cell_skill(assignment, cell, "competition-score") == skill


def test_the_score_cell_is_the_one_the_course_configures():
    assert cell_skill("capstone", "points", "points") == ML_ALGORITHMS
    assert cell_skill("capstone", "competition-score", "points") is None


def test_mastery_sums_points_earned_and_graded_per_skill(course):
    table = mastery(course)
    assert sorted(table) == ["ada", "ben", "cleo"]
    assert {skill: (round(earned, 6), possible) for skill, (earned, possible) in table["ada"].items()} == {
        PROGRAMMING: (9.0, 9.0),  # python_for_ml q1-q4, q6 (8) and capstone q5 (1)
        DATA_HANDLING: (3.0, 4.0),  # python_for_ml q5 half right, capstone q1
        ML_ALGORITHMS: (15.4, 18.0),  # capstone q2, q3, q4, q6 (7 of 8) and the competition (8.4 of 10)
        COMMUNICATION: (4.0, 5.0),  # the capstone's report; python_for_ml's awaits manual grading
        STATISTICS: (0.0, 0.0),
        VISUALIZATION: (0.0, 0.0),
    }


def test_a_manual_score_counts_and_cells_the_course_does_not_know_never_do(course):
    assert mastery(course)["ben"] == NOTHING | {PROGRAMMING: (0.0, 8.0), DATA_HANDLING: (0.0, 2.0),
                                                COMMUNICATION: (2.0, 3.0)}


def test_a_learner_without_submissions_has_nothing_graded(course):
    assert mastery(course)["cleo"] == NOTHING


def test_mastery_of_one_learner_reads_only_theirs(course):
    assert mastery(course, "ben") == {"ben": mastery(course)["ben"]}


def test_the_table_shows_percent_per_learner_then_the_class(course):
    lines = skills_table(mastery(course)).splitlines()
    assert lines[0].split() == ["learner", "programming", "statistics", "data", "handling", "ML",
                                "algorithms", "visualization", "communication"]
    assert len(lines[0]) == 14 + 15 * len(SKILLS)
    assert lines[1].split() == ["ada", "100%", "-", "75%", "86%", "-", "80%"]
    assert lines[2].split() == ["ben", "0%", "-", "0%", "-", "-", "67%"]
    assert lines[3].split() == ["cleo", "-", "-", "-", "-", "-", "-"]
    # the class pools everyone's points: 9 of 17, 3 of 6, 15.4 of 18, 6 of 8
    assert lines[4].split() == ["class", "53%", "-", "50%", "86%", "-", "75%"]
    assert all(len(line) == len(lines[0]) for line in lines)


def test_one_learner_gets_no_class_row():
    lines = skills_table({"ada": NOTHING | {PROGRAMMING: (1.0, 3.0)}}).splitlines()
    assert len(lines) == 2 and lines[1].split() == ["ada", "33%", "-", "-", "-", "-", "-"]


def test_the_chart_is_a_png(course, tmp_path):
    path = skills_chart(mastery(course), tmp_path / "class.png", "Skills of the class")
    assert path == tmp_path / "class.png" and path.read_bytes().startswith(PNG)


def test_a_chart_with_nothing_graded_is_still_drawn(tmp_path):
    path = skills_chart({"cleo": NOTHING}, tmp_path / "cleo.png", "Skills of cleo")
    assert path.read_bytes().startswith(PNG)


def test_the_command_prints_the_table_and_writes_the_chart(course, tmp_path, capsys):
    assert main(["--course", str(course.root), "skills", "--student", "ada", "--out",
                 str(tmp_path / "ada.png")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].split() == ["ada", "100%", "-", "75%", "86%", "-", "80%"]
    assert f"wrote {tmp_path / 'ada.png'}" in out and (tmp_path / "ada.png").read_bytes().startswith(PNG)


def test_an_unknown_learner_is_a_course_error(course, tmp_path, capsys):
    assert main(["--course", str(course.root), "skills", "--student", "adaa", "--out",
                 str(tmp_path / "adaa.png")]) == 3
    assert "adaa" in capsys.readouterr().err


def test_the_chart_is_at_least_1200_px_wide(course, tmp_path):
    path = skills_chart(mastery(course), tmp_path / "class.png", "Skills of the class")
    height, width, _ = matplotlib.image.imread(path).shape
    assert width >= 1200 and height >= 500


def test_every_text_of_the_chart_is_at_least_11_pt(course):
    fig = skills_figure(mastery(course), "Skills of the class")
    fig.canvas.draw()
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    assert {"programming", "Skills of the class", "not graded yet"} <= {t.get_text() for t in texts}
    assert min(t.get_fontsize() for t in texts) >= 11


def test_every_bar_label_stays_inside_the_chart(tmp_path):
    full = NOTHING | {PROGRAMMING: (3.0, 3.0), STATISTICS: (1.0, 4.0)}
    fig = skills_figure({"ada": full}, "Skills of ada")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    (ax,) = fig.axes
    frame = ax.get_window_extent(renderer)
    for label in ax.texts:  # "100% of 3 points" inside its bar, shorter bars' labels after them
        box = label.get_window_extent(renderer)
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1, label.get_text()


def test_the_chart_goes_to_the_course_folder_unless_told_otherwise(course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert CHART_FILE.name == "skills.png"
    assert chart_path(course) == course.root / "skills.png"
    assert chart_path(course, Path("mine.png")) == tmp_path.resolve() / "mine.png"
    assert chart_path(course).is_absolute() and chart_path(course, Path("mine.png")).is_absolute()


def test_the_chart_folder_is_made_if_needed(course, tmp_path):
    path = skills_chart(mastery(course), tmp_path / "reports" / "skills.png", "Skills of the class")
    assert path.read_bytes().startswith(PNG)
