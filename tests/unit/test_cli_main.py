"""The instructor's command line, called in-process: its help, its exit codes and each command's wiring.

No command here starts a kernel or an nbgrader command: the ones that would (demo, release, grade) get
stand-ins for the steps they call, so what is tested is the command line's own part.
"""
from __future__ import annotations

import argparse
import re
import runpy
import shutil
import sys
import warnings

import pytest

from mlcourse.instructor import cli
from mlcourse.instructor.cli import ATTENTION, COURSE_ERROR, OK, USAGE, main
from mlcourse.instructor.competition import PACKAGE_DATA
from mlcourse.instructor.grading import Outcome
from mlcourse.instructor.scoring import HISTORY_FILE, Scored, _append
from tests.conftest import REPO
from tests.unit.gradebooks import PYTHON_FOR_ML_CELLS, add_assignment, scratch

# The commands the module's docstring documents: ``mlcourse demo | release | ...``.
COMMANDS = re.search(r"``mlcourse (.*?)``", cli.__doc__, re.S).group(1).replace("|", " ").split()


@pytest.fixture()
def course(tmp_path):
    return scratch(tmp_path / "course", "python_for_ml", "capstone")


def run(course, *args: str) -> int:
    return main(["--course", str(course.root), *args])


def subcommands() -> dict[str, argparse.ArgumentParser]:
    (action,) = [a for a in cli.parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def test_exit_codes_are_distinct():
    assert (OK, ATTENTION, USAGE, COURSE_ERROR) == (0, 1, 2, 3)


def test_help_lists_the_exit_codes_and_every_command(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: mlcourse")
    for code, meaning in [(0, "success"), (1, "need attention"), (2, "usage error"), (3, "course error")]:
        assert any(line.strip().startswith(str(code)) and meaning in line for line in out.splitlines())
    for command in COMMANDS:
        assert f"    {command} " in out, command


def test_the_parser_knows_exactly_the_documented_commands():
    assert {"demo", "release", "grade", "competition", "score", "leaderboard", "portfolio",
            "skills"} <= set(COMMANDS)
    assert sorted(subcommands()) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help_for_every_argument(command, capsys):
    sub = subcommands()[command]
    arguments = [a for a in sub._actions if not isinstance(a, argparse._HelpAction)]
    assert arguments, f"{command} takes no argument"
    for action in arguments:
        assert action.help and len(action.help) > 10, (command, action.dest)
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: mlcourse {command}") and "exit codes:" in out
    for action in arguments:
        assert (action.option_strings[0] if action.option_strings else action.dest) in out


@pytest.mark.parametrize("argv", [["--bogus"], [], ["nosuch"], ["grade"], ["skills", "--bogus"],
                                  ["portfolio"], ["leaderboard", "--public", "extra"]])
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == USAGE
    assert "usage: mlcourse" in capsys.readouterr().err


def test_running_the_module_runs_main(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["mlcourse", "--help"])
    with warnings.catch_warnings(), pytest.raises(SystemExit) as exited:
        warnings.simplefilter("ignore", RuntimeWarning)  # the module is imported already
        runpy.run_module("mlcourse.instructor.cli", run_name="__main__")
    assert exited.value.code == 0 and "exit codes:" in capsys.readouterr().out


def test_a_folder_that_is_not_a_course_is_a_course_error(tmp_path, capsys):
    assert main(["--course", str(tmp_path), "skills"]) == COURSE_ERROR
    assert "is not a course directory: it has no nbgrader_config.py" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["grade", "release"])
def test_an_unknown_assignment_is_refused_with_the_known_ones(course, command, capsys, monkeypatch):
    monkeypatch.setattr("mlcourse.instructor.release.generate_release",
                        lambda *args, **kwargs: pytest.fail("nothing may be released"))
    assert run(course, command, "python_for_m") == COURSE_ERROR
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"error: there is no assignment 'python_for_m' in {course.source}; "
                            "the course has: capstone, python_for_ml.\n")


def test_grading_before_release_says_to_release_first(course, capsys):
    assert run(course, "grade", "python_for_ml") == COURSE_ERROR
    err = capsys.readouterr().err
    assert "run `mlcourse release python_for_ml` (nbgrader generate_assignment) first" in err


@pytest.mark.parametrize("argv, released", [([], None),
                                            (["capstone", "python_for_ml"], ["capstone", "python_for_ml"])])
def test_release_passes_the_assignments_on(course, monkeypatch, argv, released):
    calls = []
    monkeypatch.setattr("mlcourse.instructor.release.generate_release",
                        lambda course, assignments: calls.append((course.root, assignments)))
    assert run(course, "release", "--no-calibrate", *argv) == OK
    assert calls == [(course.root, released)]


def test_release_runs_the_reference_solutions_unless_told_not_to(course, monkeypatch):
    calls = []
    monkeypatch.setattr("mlcourse.instructor.release.generate_release", lambda course, assignments: None)
    monkeypatch.setattr("mlcourse.instructor.reference.record_reference_runs",
                        lambda course, assignments: calls.append(assignments))
    assert run(course, "release", "capstone") == OK and calls == [["capstone"]]


@pytest.fixture()
def released(course):
    with course.gradebook() as gb:
        add_assignment(gb, "python_for_ml", PYTHON_FOR_ML_CELLS)
    return course


@pytest.mark.parametrize("outcomes, code", [
    ([Outcome("ada", True), Outcome("ben", True)], OK),
    ([Outcome("ada", True), Outcome("ben", False)], ATTENTION),
    ([Outcome("ada", True, ["the gradebook was restored"])], ATTENTION),
])
def test_grade_needs_attention_when_a_submission_was_not_cleanly_graded(released, monkeypatch, capsys,
                                                                        outcomes, code):
    # The grading steps start kernels: stand-ins record them. (Keyword options such as the sandbox's,
    # being added to grading now, are accepted and not looked at; the sandbox is switched off so that
    # a machine without it can run this.)
    monkeypatch.setenv("MLCOURSE_SANDBOX", "0")
    steps = []
    grading = "mlcourse.instructor.grading"
    monkeypatch.setattr(f"{grading}.autograde_all",
                        lambda course, assignment, *_, **__: steps.append(("autograde", assignment))
                        or outcomes)
    monkeypatch.setattr(f"{grading}.generate_feedback",
                        lambda course, assignment, *_: steps.append(("feedback", assignment)))
    monkeypatch.setattr("mlcourse.instructor.report.grade_report",
                        lambda course, assignment, given: steps.append(("report", given)) or ([], "TABLE"))
    assert run(released, "grade", "python_for_ml") == code
    assert steps == [("autograde", "python_for_ml"), ("feedback", "python_for_ml"), ("report", outcomes)]
    assert capsys.readouterr().out.splitlines()[0] == "TABLE"


@pytest.mark.parametrize("as_expected, code", [(True, OK), (False, ATTENTION)])
def test_demo_needs_attention_when_scores_differ_from_the_samples(course, monkeypatch, tmp_path, as_expected,
                                                                  code):
    calls = []
    monkeypatch.setattr("mlcourse.instructor.demo.run_demo",
                        lambda course, workdir: calls.append((course.root, workdir)) or as_expected)
    monkeypatch.chdir(tmp_path)
    assert run(course, "demo", "--workdir", "scratch") == code
    assert calls == [(course.root, tmp_path / "scratch")]  # resolved against the current folder


@pytest.mark.slow  # generates a whole competition and fits its two models
def test_competition_writes_the_public_files_and_the_labels(course, tmp_path, capsys):
    out = tmp_path / "public"
    (course.root / "competition").mkdir(exist_ok=True)
    shutil.copy2(REPO / "competition" / "secret.txt", course.root / "competition")  # the default cohort
    assert run(course, "competition", "--out", str(out)) == OK
    labels = course.root / "competition" / "test_labels.csv"
    written = [out / "train.csv", out / "test.csv", out / "sample_submission.csv", labels, out / "scale.json"]
    assert capsys.readouterr().out.splitlines() == [f"wrote {path}" for path in written]
    assert sorted(p.name for p in out.iterdir()) == ["sample_submission.csv", "scale.json", "test.csv",
                                                     "train.csv"]
    for path in [*written[:3], written[4]]:
        assert path.read_bytes() == (PACKAGE_DATA / path.name).read_bytes(), path.name
    assert labels.read_bytes() == (REPO / "competition" / "test_labels.csv").read_bytes()


def scored(student: str, public: float | None, private: float | None, sha: str = "") -> Scored:
    status = "scored" if private is not None else "invalid"
    return Scored(student, "2026-01-10T10:00:00+00:00", sha or f"sha-{student}-{public}", status, public,
                  private, 0.0 if private is None else 5.0, "" if private is not None else "not a CSV file")


def write_history(course, *entries: Scored) -> None:
    for entry in entries:
        _append(course, entry)


def test_the_leaderboard_needs_attention_when_a_file_is_flagged(course, capsys):
    write_history(course, scored("ana", 0.90, 0.91), scored("zoe", 0.985, 0.98), scored("gil", None, None))
    assert run(course, "leaderboard") == ATTENTION
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "rank  learner       public AUC  submissions  private AUC  points  flag"
    assert out[1].split()[:6] == ["1", "zoe", "0.9850", "1", "0.9800", "5"]
    assert "review: ROC-AUC above 0.97" in out[1]
    assert out[2].split() == ["2", "ana", "0.9000", "1", "0.9100", "5"]
    assert out[3].split() == ["gil", "1", "0", "no", "valid", "submission:", "not", "a", "CSV", "file"]
    folder = course.root / "competition"
    assert out[4] == f"wrote {folder / 'leaderboard.csv'} and {folder / 'leaderboard.html'}"
    board = (folder / "leaderboard.csv").read_text().splitlines()
    assert board[1].startswith("1,zoe,0.9850,1,0.9800,5,review")


def test_the_public_leaderboard_never_needs_attention_and_shows_nothing_private(course, capsys, tmp_path):
    write_history(course, scored("ana", 0.90, 0.91), scored("zoe", 0.985, 0.98))
    assert run(course, "leaderboard", "--public", "--out", str(tmp_path / "board")) == OK
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == ["rank  learner       public AUC  submissions",
                                    "1     zoe           0.9850      1",
                                    "2     ana           0.9000      1"]
    assert "0.98" not in out.replace("0.9850", "") and "review" not in out
    assert (tmp_path / "board" / "public_leaderboard.csv").is_file()
    assert not (course.root / "competition" / "leaderboard.csv").exists()


def test_a_clean_leaderboard_is_ok(course, capsys):
    write_history(course, scored("ana", 0.90, 0.91), scored("bo", 0.86, 0.85))
    assert run(course, "leaderboard") == OK
    assert (course.root / HISTORY_FILE).is_file() and "flag" in capsys.readouterr().out


def test_skills_of_an_empty_gradebook_is_a_course_error(course, capsys, tmp_path):
    assert run(course, "skills", "--out", str(tmp_path / "skills.png")) == COURSE_ERROR
    assert capsys.readouterr().err == ("error: the gradebook has no learners yet: "
                                       "autograde some submissions first.\n")
    assert not (tmp_path / "skills.png").exists()


def test_a_portfolio_without_an_autograded_capstone_is_a_course_error(course, capsys, tmp_path):
    assert run(course, "portfolio", "ada", "--out", str(tmp_path / "ada")) == COURSE_ERROR
    err = capsys.readouterr().err
    assert err.startswith("error: ada has no autograded capstone") and "autograde it first" in err
    assert not (tmp_path / "ada").exists()
