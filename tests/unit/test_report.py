"""report.grade_table: the fixed-width grade table an instructor reads (no gradebook is opened)."""
from __future__ import annotations

from mlcourse.instructor.report import grade_table


def row(student: str, score: str, max_score: str = "10.0", assignment: str = "ps1") -> dict:
    """One row as nbgrader's CSV export writes it: every field is text."""
    return {"assignment": assignment, "student_id": student, "score": score, "max_score": max_score,
            "timestamp": "2024-05-01 10:00:00"}


def test_the_table_has_a_header_a_rule_and_one_line_per_row():
    table = grade_table([row("alice", "7.5"), row("bob", "10.0")])
    assert table.splitlines() == [
        "assignment  student  score  max  note",
        "----------  -------  -----  ---  ----",
        "ps1         alice      7.5   10",
        "ps1         bob         10   10",
    ]


def test_scores_are_right_aligned_and_drop_trailing_zeros():
    table = grade_table([row("a", "0.0", "2.0"), row("b", "12.25", "100.0"), row("c", "3", "100")])
    lines = table.splitlines()
    assert lines[2:] == [
        "ps1         a            0    2",
        "ps1         b        12.25  100",
        "ps1         c            3  100",
    ]
    score_end = lines[0].index("score") + len("score")
    # each score's last digit sits under the header's last letter
    assert {line[score_end - 1] for line in lines[2:]} == {"0", "5", "3"}


def test_columns_widen_to_the_longest_cell():
    table = grade_table([row("a-very-long-student-name", "1", assignment="capstone_project")])
    header, rule, line = table.splitlines()
    assert header == "assignment        student                   score  max  note"
    assert rule == "----------------  ------------------------  -----  ---  ----"
    assert line == "capstone_project  a-very-long-student-name      1   10"


def test_notes_come_last_and_only_for_their_student():
    notes = {"bob": "could not be graded, scored 0: ps1.ipynb is missing", "zoe": "no such row"}
    table = grade_table([row("alice", "7.5"), row("bob", "0")], notes)
    assert table.splitlines()[2:] == [
        "ps1         alice      7.5   10",
        "ps1         bob          0   10  could not be graded, scored 0: ps1.ipynb is missing",
    ]
    assert "zoe" not in table and "no such row" not in table


def test_a_long_note_does_not_widen_the_table():
    short = grade_table([row("alice", "1")])
    noted = grade_table([row("alice", "1")], {"alice": "x" * 200})
    assert noted.splitlines()[:2] == short.splitlines()[:2]
    assert noted.splitlines()[2] == short.splitlines()[2] + "  " + "x" * 200


def test_no_rows_is_just_the_header_and_rule():
    assert grade_table([]) == "assignment  student  score  max  note\n----------  -------  -----  ---  ----"

