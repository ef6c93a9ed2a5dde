"""Hidden tests record, the grader decides: encoding in the kernel (mlcourse.results), comparison and
verdict in the grading process (comparison, decide), and the expected results file (expected)."""
from __future__ import annotations

import json
import math

import nbformat
import numpy as np
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output
from nbgrader.utils import determine_grade

from mlcourse.instructor.comparison import matches
from mlcourse.instructor.course import Course, CourseError
from mlcourse.instructor.decide import HIDDEN_FAILURE, DecideTestCells, verdict
from mlcourse.instructor.expected import (
    EXPECTED_DIR,
    expected_file,
    load_expected,
    record_expected,
    require_expected,
)
from mlcourse.instructor.timing import cell_key
from mlcourse.results import MAX_ITEMS, RESULT_MIME, encode
from tests.conftest import ASSIGNMENTS, REPO

TEST_SOURCE = "q1.check(mass_kg)\n### BEGIN HIDDEN TESTS\nrecord('mass', mass_kg(4200))\n### END HIDDEN TESTS"


class AlwaysEqual(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


class Opaque:
    def __eq__(self, other):
        return True


# --- encoding: plain data, whatever the learner returned ----------------------------------------------


@pytest.mark.parametrize("value, plain", [
    (3, 3), (np.int64(3), 3), (2.5, 2.5), (np.float32(0.5), 0.5), (True, True), (np.bool_(False), False),
    ("Adelie", "Adelie"), (None, None), ((1, 2.0), [1, 2.0]), (np.array([[1, 2], [3, 4]]), [[1, 2], [3, 4]]),
    (float("nan"), {"$float": "nan"}), (-math.inf, {"$float": "-inf"}), (pd.NA, None),
    ({"b": 1, "a": 2}, {"$map": [["a", 2], ["b", 1]]}), ({2, 1}, {"$set": [1, 2]}),
    (pd.Series([1.5, 2.5], index=["x", "y"]), {"$series": {"index": ["x", "y"], "values": [1.5, 2.5]}}),
    (pd.DataFrame({"a": [1, 2], "b": ["u", "v"]}),
     {"$frame": {"columns": ["a", "b"], "index": [0, 1], "values": [[1, 2], ["u", "v"]]}}),
    (pd.Timestamp("2026-11-26"), {"$time": "2026-11-26T00:00:00"}),
])
def test_values_become_plain_json(value, plain):
    assert encode(value) == plain
    json.dumps(encode(value), allow_nan=False)  # strict JSON: no NaN literal, no object


def test_objects_of_unexpected_types_are_recorded_as_unsupported():
    assert encode(Opaque()) == {"$unsupported": "tests.unit.test_results_decided_by_grader.Opaque"}
    assert encode(AlwaysEqual(0.0)) == 0.0  # its value, never its __eq__
    assert encode([Opaque()])[0].keys() == {"$unsupported"}


def test_huge_and_self_referencing_results_stop_early():
    assert "$unsupported" in json.dumps(encode(list(range(MAX_ITEMS + 10))))
    loop = []
    loop.append(loop)
    assert "$unsupported" in json.dumps(encode(loop))


# --- comparison: in the grader, on plain data ---------------------------------------------------------


def test_numbers_match_within_the_tolerances_and_integers_exactly():
    assert matches(0.1 + 0.2, 0.3) and matches(1.0, 1.0 + 1e-9) and not matches(1.0, 1.001)
    assert matches(1.0, 1.0009, rtol=1e-3) and not matches(1.0, 1.0011, rtol=1e-3)
    assert matches(3, 3.0) and matches(3.0, 3) and not matches(1_000_000, 1_000_001)
    assert not matches(1, True) and not matches(True, 1) and matches(True, True)


def test_missing_values_match_only_missing_values():
    nan = encode(float("nan"))
    assert matches(nan, None) and matches(None, nan) and not matches(nan, 0.0) and not matches(0.0, nan)


def test_containers_match_part_by_part():
    assert matches([1, [2.0, "a"]], [1, [2.0 + 1e-12, "a"]]) and not matches([1, 2], [1, 2, 3])
    assert matches(encode({"a": 1.0, "b": 2}), encode({"b": 2, "a": 1.0 + 1e-12}))
    assert not matches(encode({"a": 1}), encode({"a": 1, "b": 2}))
    assert matches([3, 1, 2], [1, 2, 3], unordered=True) and not matches([3, 1, 2], [1, 2, 3])
    frame = pd.DataFrame({"a": [1.0, 2.0]}, index=["x", "y"])
    assert matches(encode(frame), encode(frame + 1e-12)) and not matches(encode(frame), encode(frame + 1))
    assert not matches(encode(frame), encode(frame.rename(index={"x": "z"})))
    assert not matches(encode(frame["a"]), encode(list(frame["a"])))  # a Series is not a list


@pytest.mark.parametrize("forged", [
    {"$unsupported": "x"}, {"$map": "not pairs"}, {"$map": [[1]]}, {"$frame": {"values": 1}},
    {"$float": "nan"}, {"$series": None}, [[[]]], "1.0", {"a": 1, "b": 2},
])
def test_malformed_or_forged_values_never_match(forged):
    for expected in (1.0, encode({"a": 1}), encode(pd.Series([1.0])), [1.0], {"$unsupported": "x"}):
        assert not matches(expected, forged)


# --- verdict and the preprocessor: what nbgrader then grades ------------------------------------------


def entry(name, value, **tolerance):
    return {"name": name, "value": encode(value), "rtol": 1e-6, "atol": 1e-9, "unordered": False, **tolerance}


def test_verdict_needs_each_expected_result_once_matching_and_nothing_else():
    expected = [entry("a", 1.0), entry("b", [1, 2])]
    assert verdict(expected, [entry("a", 1.0), entry("b", [1, 2])]) is None
    assert "stopped at the case 'b', so 1 of 2 results" in verdict(expected, [entry("a", 1.0)])
    assert "1 of 2 results" in verdict(expected, [entry("a", 1.0), entry("b", [2, 1])])
    assert "'b'" in verdict(expected, [entry("a", 1.0), entry("b", [2, 1])])  # the failing case by name
    assert "'a'" not in verdict(expected, [entry("a", 1.0), entry("b", [2, 1])])
    assert "[1, 2]" not in verdict(expected, [entry("a", 1.0), entry("b", [2, 1])])  # never its value
    assert "did not ask for" in verdict(expected, [entry("a", 1.0), entry("b", [1, 2]), entry("c", 0)])
    assert "did not ask for" in verdict(expected, [entry("a", 1.0), entry("a", 1.0), entry("b", [1, 2])])
    assert verdict(expected, ["junk", {"name": None}]) is not None


def test_the_reference_tolerance_counts_never_the_learners():
    expected = [entry("a", 1.0)]
    assert verdict(expected, [entry("a", 2.0, rtol=1e9, atol=1e9)]) is not None


def record_output(name, value):
    return new_output("display_data", data={RESULT_MIME: entry(name, value), "text/plain": "recorded"})


def graded_cell(*outputs, source=TEST_SOURCE):
    meta = {"nbgrader": {"grade": True, "solution": False, "locked": True, "grade_id": "q1-tests",
                         "points": 2, "schema_version": 3}}
    return new_code_cell(source, outputs=list(outputs), metadata=meta)


def decide(tmp_path, cell, expected=4.2):
    folder = tmp_path / EXPECTED_DIR
    folder.mkdir(exist_ok=True)
    expected_file(folder, "unit").write_text(json.dumps(
        {"q1-tests": {"digest": cell_key(TEST_SOURCE), "records": [entry("mass", expected)]}}))
    notebook = new_notebook(cells=[cell])
    DecideTestCells(expected_dir=str(folder)).preprocess(notebook, {"nbgrader": {"assignment": "unit"}})
    return notebook.cells[0], determine_grade(notebook.cells[0])[0]


def test_right_values_earn_the_points_whatever_else_the_kernel_showed(tmp_path):
    cell, score = decide(tmp_path, graded_cell(
        new_output("stream", name="stdout", text="✓ looks right\n"), record_output("mass", 4.2),
        new_output("execute_result", data={"text/plain": "0.5"}, execution_count=1),
        new_output("stream", name="stderr", text="warning\n"),
        new_output("error", ename="ValueError", evalue="a hook raised", traceback=[])))
    assert score == 2
    assert [o.output_type for o in cell.outputs] == ["stream"]  # the records and the rest are gone


@pytest.mark.parametrize("outputs", [
    [],  # nothing recorded: a blank notebook whose hooks swallowed every error
    [new_output("execute_result", data={"text/plain": "'ok'"}, execution_count=1)],  # partial-credit rule
    [new_output("execute_result", data={"text/plain": "2.0"}, execution_count=1), record_output("mass", 0.0)],
    [record_output("mass", 4.2), record_output("mass", 4.2)],
    [record_output("mass", 4.2), record_output("extra", 1)],
    [new_output("display_data", data={RESULT_MIME: "junk"})],
])
def test_anything_but_the_right_values_earns_nothing_and_says_why(tmp_path, outputs):
    cell, score = decide(tmp_path, graded_cell(*outputs))
    assert score == 0
    assert [o.ename for o in cell.outputs if o.output_type == "error"] == [HIDDEN_FAILURE]
    assert not any(o.output_type == "execute_result" or RESULT_MIME in o.get("data", {})
                   for o in cell.outputs)


def test_a_failed_cell_keeps_the_learners_own_error_message(tmp_path):
    mistake = new_output("error", ename="Mistake", evalue="mass_kg(1000) should be 1.0", traceback=[])
    cell, score = decide(tmp_path, graded_cell(mistake))
    assert score == 0 and [o.evalue for o in cell.outputs] == ["mass_kg(1000) should be 1.0"]


def test_an_error_the_learners_code_raised_in_a_hidden_test_is_named_with_its_case(tmp_path):
    crash = new_output("error", ename="KeyError", evalue="'body_mass_g'", traceback=["KeyError ..."])
    cell, score = decide(tmp_path, graded_cell(crash))
    errors = [o for o in cell.outputs if o.output_type == "error"]
    assert score == 0 and [o.ename for o in errors] == ["KeyError", HIDDEN_FAILURE]
    assert errors[1].evalue.startswith("a hidden test failed: your code raised KeyError; the hidden tests "
                                       "stopped at the case 'mass'")


def test_a_test_cell_changed_since_its_results_were_recorded_stops_grading(tmp_path):
    with pytest.raises(ValueError, match="run `mlcourse release`"):
        decide(tmp_path, graded_cell(record_output("mass", 4.2), source=TEST_SOURCE + "\n"))


# --- the expected results file --------------------------------------------------------------------------


def reference_run(*outputs):
    return new_notebook(cells=[graded_cell(*outputs)])


def test_expected_results_are_recorded_from_the_reference_run(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("")
    course = Course.at(tmp_path)
    path = record_expected(course, "unit", reference_run(record_output("mass", 4.2)))
    assert load_expected(tmp_path / EXPECTED_DIR, "unit") == {
        "q1-tests": {"digest": cell_key(TEST_SOURCE), "records": [entry("mass", 4.2)]}}
    assert len(path.read_text().splitlines()) == 4  # one line per record: readable diffs


@pytest.mark.parametrize("outputs, message", [
    ([], "records no result"),
    ([record_output("mass", 4.2), record_output("mass", 4.2)], "the same name twice"),
    ([new_output("display_data", data={RESULT_MIME: {**entry("mass", 0), "value": encode(Opaque())}})],
     "cannot compare"),
    ([new_output("error", ename="NameError", evalue="name 'record' is not defined", traceback=[])],
     "fails its own test cell"),
])
def test_a_reference_run_the_grader_could_not_use_is_refused(tmp_path, outputs, message):
    (tmp_path / "nbgrader_config.py").write_text("")
    with pytest.raises(CourseError, match=message):
        record_expected(Course.at(tmp_path), "unit", reference_run(*outputs))


def test_grading_refuses_missing_or_stale_expected_results(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("")
    (tmp_path / "source" / "unit").mkdir(parents=True)
    nbformat.write(reference_run(), tmp_path / "source" / "unit" / "unit.ipynb")
    course = Course.at(tmp_path)
    with pytest.raises(CourseError, match="run `mlcourse release unit`"):
        require_expected(course, "unit")
    record_expected(course, "unit", reference_run(record_output("mass", 4.2)))
    require_expected(course, "unit")


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_assignment_has_up_to_date_expected_results(course, assignment):
    """expected/<assignment>.json matches the source's test cells: run `mlcourse release` and commit it."""
    require_expected(course, assignment)
    hidden = [cell for cell in nbformat.read(REPO / "source" / assignment / f"{assignment}.ipynb", 4).cells
              if "### BEGIN HIDDEN TESTS" in cell.source]
    for cell in hidden:
        block = cell.source.split("### BEGIN HIDDEN TESTS")[1]
        assert "record(" in block and "assert " not in block, f"{assignment}: hidden tests only record"


# --- results judged by a score the grader computes ------------------------------------------------------


def metric_entry(name, truth, at_least, metric="roc_auc"):
    return {**entry(name, None), "metric": metric, "at_least": at_least, "truth": encode(truth)}


def test_a_metric_is_computed_by_the_grader_against_the_references_truth():
    truth = [0, 0, 1, 1]
    expected = [metric_entry("p", truth, 0.9)]
    assert verdict(expected, [entry("p", [0.1, 0.2, 0.8, 0.9])]) is None
    assert verdict(expected, [entry("p", [0.9, 0.2, 0.8, 0.1])]) is not None  # AUC 0.5
    # The learner's own truth and bar never count: only the predictions are read.
    forged = {**entry("p", [0.9, 0.2, 0.8, 0.1]), "metric": "roc_auc", "at_least": 0.0, "truth": [1, 0, 1, 0]}
    assert verdict(expected, [forged]) is not None
    assert verdict([metric_entry("h", [1.0, 2.0, 3.0], 0.5, "r2")], [entry("h", [1.1, 2.0, 2.9])]) is None


@pytest.mark.parametrize("predictions", [[0.1, 0.2, 0.8], [0.1, 0.2, 0.8, float("nan")], ["a", "b", "c", "d"],
                                         {"p": 1}, [[0.1], [0.2], [0.8], [0.9]], None, "0.9"])
def test_predictions_of_another_shape_or_kind_never_pass(predictions):
    assert verdict([metric_entry("p", [0, 0, 1, 1], 0.0)], [entry("p", predictions)]) is not None


def test_predictions_for_hidden_labels_must_name_the_same_people():
    truth = pd.Series([0, 1, 1], index=[11, 12, 13])
    expected = [metric_entry("p", truth, 0.9)]
    assert verdict(expected, [entry("p", pd.Series([0.1, 0.7, 0.9], index=[11, 12, 13]))]) is None
    assert verdict(expected, [entry("p", pd.Series([0.1, 0.7, 0.9], index=[11, 12, 14]))]) is not None
    assert verdict(expected, [entry("p", [0.1, 0.7, 0.9])]) is not None


def hidden_label_record(probabilities, at_least):
    data = {**entry("p", pd.Series(probabilities, index=[5, 3, 9])), "metric": "roc_auc",
            "at_least": at_least, "truth": "competition"}
    return new_output("display_data", data={RESULT_MIME: data})


def test_hidden_labels_are_looked_up_when_the_reference_is_recorded_and_must_be_cleared(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("")
    (tmp_path / "competition").mkdir()
    (tmp_path / "competition" / "test_labels.csv").write_text(
        "id,income_over_50k,public\n3,1,True\n5,0,False\n9,1,False\n")
    course = Course.at(tmp_path)
    record_expected(course, "unit", reference_run(hidden_label_record([0.2, 0.7, 0.9], 0.9)))
    (stored,) = load_expected(tmp_path / EXPECTED_DIR, "unit")["q1-tests"]["records"]
    assert stored["truth"] == encode(pd.Series([0, 1, 1], index=[5, 3, 9]))
    assert stored["value"] is None and stored["reference_score"] == 1.0
    with pytest.raises(CourseError, match="does not reach its own bar"):
        record_expected(course, "unit", reference_run(hidden_label_record([0.9, 0.7, 0.2], 0.9)))


MASSES = np.random.default_rng(0).normal(4200, 800, 344)  # penguin body masses, in grams


def z_scores(values, ddof: int = 0):
    return (values - values.mean()) / values.std(ddof=ddof)


def test_a_float32_answer_earns_the_points_a_float64_one_does():
    expected = encode(z_scores(MASSES))
    single = encode(z_scores(MASSES.astype(np.float32)))
    assert not np.allclose(single, expected, rtol=1e-6, atol=1e-9)  # float32 misses float64's tolerances
    assert matches(expected, single)
    frame = pd.DataFrame({"z": z_scores(MASSES)})
    assert matches(encode(frame), encode(frame.astype("float32")))


def test_a_float32_answer_still_loses_the_points_for_a_real_mistake():
    expected = encode(z_scores(MASSES))
    assert not matches(expected, encode(z_scores(MASSES.astype(np.float32), ddof=1)))  # n - 1: off by 0.15 %
    assert not matches(encode(0.1), encode(np.float32(0.1) * np.float32(1.0001)))


def test_float64_answers_and_exact_comparisons_keep_their_tolerances():
    assert not matches(0.3, 0.3 * (1 + 5e-6))  # float64, off by more than the exercise's 1e-6
    assert not matches(0.3, float(np.float32(0.3)), rtol=0.0, atol=0.0)  # exact stays exact
    assert matches(0.3, float(np.float32(0.3)))
