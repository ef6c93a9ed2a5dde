"""submission_format: reading a capstone submission CSV and listing every way it breaks the format.

Each test writes a small file to ``tmp_path``; the test set has the ids 1 to 4.
"""
from __future__ import annotations

import gzip

import pandas as pd
import pytest

from mlcourse.submission_format import as_sentences, problems, read_submission

TEST_IDS = [1, 2, 3, 4]


def read(tmp_path, text: str, name: str = "submission.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_submission(path)


def problems_of(tmp_path, text: str) -> list[str]:
    frame, problem = read(tmp_path, text)
    assert problem is None, problem
    return problems(frame, TEST_IDS)


GOOD = "id,probability\n1,0.1\n2,0.9\n3,0\n4,1\n"


def test_a_good_file_is_read_and_has_no_problems(tmp_path):
    frame, problem = read(tmp_path, GOOD)
    assert problem is None
    assert list(frame.columns) == ["id", "probability"] and len(frame) == 4
    assert problems(frame, TEST_IDS) == []


def test_rows_in_any_order_are_fine(tmp_path):
    assert problems_of(tmp_path, "id,probability\n4,0.5\n2,0.5\n3,0.5\n1,0.5\n") == []


def test_a_file_written_by_pandas_without_its_index_is_fine(tmp_path):
    path = tmp_path / "submission.csv"
    pd.DataFrame({"id": TEST_IDS, "probability": [0.2, 0.4, 0.6, 0.8]}).to_csv(path, index=False)
    frame, problem = read_submission(path)
    assert problem is None and problems(frame, TEST_IDS) == []


def test_a_written_index_is_reported_as_an_unnamed_column_with_the_fix(tmp_path):
    path = tmp_path / "submission.csv"
    pd.DataFrame({"id": TEST_IDS, "probability": [0.2, 0.4, 0.6, 0.8]}).to_csv(path)
    frame, problem = read_submission(path)
    assert problem is None
    assert problems(frame, TEST_IDS) == [
        "unexpected column: Unnamed: 0 (an unnamed first column usually means the index was written: "
        "use index=False)."]


def test_a_missing_column_is_named(tmp_path):
    found = problems_of(tmp_path, "id,prediction\n1,0.1\n2,0.9\n3,0\n4,1\n")
    assert found == ["missing column: probability (the header must be exactly `id,probability`).",
                     "unexpected column: prediction."]


def test_an_extra_column_is_named_without_the_index_hint(tmp_path):
    found = problems_of(tmp_path, "id,probability,label\n1,0.1,0\n2,0.9,1\n3,0,0\n4,1,1\n")
    assert found == ["unexpected column: label."]


def test_a_file_without_a_header_has_both_columns_missing(tmp_path):
    found = problems_of(tmp_path, "1,0.1\n2,0.9\n3,0\n4,1\n")
    assert found[0] == "missing columns: id, probability (the header must be exactly `id,probability`)."
    assert found[1].startswith("unexpected columns: 1, 0.1")
    assert found[2] == "3 rows, but the test set has 4: one row per test id."


def test_semicolons_make_one_unexpected_column(tmp_path):
    found = problems_of(tmp_path, "id;probability\n1;0.1\n2;0.9\n3;0\n4;1\n")
    assert found == ["missing columns: id, probability (the header must be exactly `id,probability`).",
                     "unexpected column: id;probability."]


def test_too_few_rows_are_counted_without_listing_absent_ids(tmp_path):
    assert problems_of(tmp_path, "id,probability\n1,0.1\n2,0.9\n") == [
        "2 rows, but the test set has 4: one row per test id."]


def test_a_header_alone_is_zero_rows(tmp_path):
    assert problems_of(tmp_path, "id,probability\n") == [
        "0 rows, but the test set has 4: one row per test id."]


def test_a_duplicated_id_is_reported_with_the_id_it_displaced(tmp_path):
    assert problems_of(tmp_path, "id,probability\n1,0.1\n2,0.9\n2,0.9\n4,1\n") == [
        "1 id appears more than once: 2.",
        "1 test id has no prediction: 3."]


def test_unknown_ids_are_listed_and_only_the_first_five_shown(tmp_path):
    rows = "".join(f"{i},0.5\n" for i in [1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 16])
    found = problems_of(tmp_path, "id,probability\n" + rows)
    assert found == ["11 rows, but the test set has 4: one row per test id.",
                     "7 ids are not in the test set: 10, 11, 12, 13, 14 and 2 more."]


def test_an_unknown_id_in_place_of_a_test_id_is_reported_both_ways(tmp_path):
    assert problems_of(tmp_path, "id,probability\n1,0.1\n2,0.9\n3,0\n99,1\n") == [
        "1 id is not in the test set: 99.",
        "1 test id has no prediction: 4."]


@pytest.mark.parametrize("ids", ["1.5", "abc", ""])
def test_ids_that_are_not_whole_numbers_are_reported(tmp_path, ids):
    assert problems_of(tmp_path, f"id,probability\n1,0.1\n2,0.9\n3,0\n{ids},1\n") == [
        "some ids are not whole numbers: copy the `id` column of test.csv unchanged."]


def test_whole_numbers_written_as_floats_are_accepted_as_ids(tmp_path):
    assert problems_of(tmp_path, "id,probability\n1.0,0.1\n2.0,0.9\n3.0,0\n4.0,1\n") == []


def test_missing_probabilities_are_counted(tmp_path):
    assert problems_of(tmp_path, "id,probability\n1,0.1\n2,\n3,NaN\n4,1\n") == [
        "2 probabilities are missing (NaN): predict every row."]


def test_probabilities_outside_zero_one_are_counted_with_the_usual_cause(tmp_path):
    assert problems_of(tmp_path, "id,probability\n1,-0.2\n2,1.5\n3,0\n4,1\n") == [
        "2 probabilities are outside [0, 1]: use predict_proba(...)[:, 1], not decision scores."]


def test_text_in_place_of_probabilities_is_counted(tmp_path):
    assert problems_of(tmp_path, "id,probability\n1,>50K\n2,<=50K\n3,0.5\n4,0.5\n") == [
        "2 probabilities are not numbers."]


def test_every_problem_of_a_bad_file_is_listed_at_once(tmp_path):
    found = problems_of(tmp_path, ",id,probability\n0,1,2.0\n1,1,\n")
    assert found == [
        "unexpected column: Unnamed: 0 (an unnamed first column usually means the index was written: "
        "use index=False).",
        "2 rows, but the test set has 4: one row per test id.",
        "1 id appears more than once: 1.",
        "1 probability is missing (NaN): predict every row.",
        "1 probability is outside [0, 1]: use predict_proba(...)[:, 1], not decision scores."]


# --- files that cannot be read at all -----------------------------------------------------------


def test_a_missing_file_says_how_to_write_it(tmp_path):
    frame, problem = read_submission(tmp_path / "submission.csv")
    assert frame is None
    assert problem == ("there is no file submission.csv: write it with "
                       "`frame.to_csv('submission.csv', index=False)`.")


def test_a_folder_is_not_a_file(tmp_path):
    (tmp_path / "submission.csv").mkdir()
    frame, problem = read_submission(tmp_path / "submission.csv")
    assert frame is None and problem.startswith("there is no file submission.csv")


def test_an_empty_file_is_not_a_csv(tmp_path):
    frame, problem = read(tmp_path, "")
    assert frame is None
    assert problem == "submission.csv is not a CSV file pandas can read: No columns to parse from file."


def test_a_binary_file_is_not_even_text(tmp_path):
    path = tmp_path / "submission.csv"
    path.write_bytes(gzip.compress(GOOD.encode()))
    frame, problem = read_submission(path)
    assert frame is None and problem == "submission.csv is not a CSV file: it is not even text (UTF-8)."


def test_ragged_rows_are_not_a_csv_pandas_can_read(tmp_path):
    frame, problem = read(tmp_path, "id,probability\n1,0.5\n2,0.5,0.3,0.1\n")
    assert frame is None
    assert problem.startswith("submission.csv is not a CSV file pandas can read: Error tokenizing data")
    assert "Expected 2 fields in line 3, saw 4" in problem


# --- messages read as sentences, with the right plural -------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("id,probability\n1,0.1\n", ["1 row, but the test set has 4: one row per test id."]),
    ("id,probability\n1,0.1\n1,0.9\n2,0.9\n2,0.1\n",
     ["2 ids appear more than once: 1, 2.", "2 test ids have no prediction: 3, 4."]),
    ("id,probability\n1,0.1\n2,0.9\n98,0\n99,1\n",
     ["2 ids are not in the test set: 98, 99.", "2 test ids have no prediction: 3, 4."]),
    ("id,probability\n1,x\n2,0.9\n3,0\n4,1\n", ["1 probability is not a number."]),
    ("id,probability\n1,\n2,0.9\n3,0\n4,1\n", ["1 probability is missing (NaN): predict every row."]),
    ("id,probability\n1,2\n2,0.9\n3,0\n4,1\n",
     ["1 probability is outside [0, 1]: use predict_proba(...)[:, 1], not decision scores."]),
    ("probability\n0.1\n0.9\n0\n1\n",
     ["missing column: id (the header must be exactly `id,probability`)."]),
])
def test_counts_take_the_singular_or_the_plural(tmp_path, text, expected):
    assert problems_of(tmp_path, text) == expected


def test_no_message_has_a_placeholder_plural(tmp_path):
    found = problems_of(tmp_path, ",id,probability,x\n0,1,,1\n1,1,2,1\n")
    assert found and not any("(s)" in problem for problem in found)


def test_problems_join_into_sentences_without_semicolons_after_a_full_stop():
    found = ["2 rows, but the test set has 4: one row per test id.", "1 id appears more than once: 2.",
             "some ids are not whole numbers: copy the `id` column of test.csv unchanged."]
    assert as_sentences(found) == ("2 rows, but the test set has 4: one row per test id. "
                                   "1 id appears more than once: 2. "
                                   "Some ids are not whole numbers: "
                                   "copy the `id` column of test.csv unchanged.")
    assert as_sentences(["there is no file submission.csv"]) == "there is no file submission.csv."
    assert as_sentences([]) == ""
