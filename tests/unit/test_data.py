"""data: the loaders of the files bundled with the course's packages (shapes, columns, missing values),
the capstone competition's files, and the refusal of anything that would need the network."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import sklearn.datasets  # noqa: F401  (its import takes a second: paid here, not by one test)

from mlcourse import data
from mlcourse.submission_format import problems

ADULT_COLUMNS = ["age", "workclass", "education", "education-num", "marital-status", "occupation",
                 "relationship", "race", "gender", "capital-gain", "capital-loss", "hours-per-week",
                 "native-country"]


# --- files inside installed packages ------------------------------------------------------------


def test_dataset_path_finds_a_bundled_file_without_importing_its_package():
    path = data.dataset_path("palmerpenguins", "data/penguins.csv")
    assert path.is_file() and path.name == "penguins.csv"


@pytest.mark.parametrize("package, relative", [("palmerpenguins", "data/no_such_file.csv"),
                                               ("no_such_package_xyz", "data.csv"),
                                               ("palmerpenguins", "data")])  # a folder is not a data file
def test_a_missing_data_file_is_a_dataset_missing_error_naming_package_and_fix(package, relative):
    with pytest.raises(data.DatasetMissingError) as caught:
        data.dataset_path(package, relative)
    message = str(caught.value)
    assert f"'{relative}'" in message and f"'{package}'" in message and "pip install -e ." in message
    assert isinstance(caught.value, FileNotFoundError)


# --- penguins -----------------------------------------------------------------------------------


def test_penguin_records_parse_numbers_as_int_or_float_and_missing_as_none():
    records = data.penguin_records()
    assert len(records) == 344
    assert list(records[0]) == ["species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                                "body_mass_g", "sex", "year"]
    assert type(records[0]["bill_length_mm"]) is float and type(records[0]["flipper_length_mm"]) is int
    assert type(records[0]["year"]) is int
    missing = records[3]
    measured = ("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex")
    assert all(missing[column] is None for column in measured)
    assert {r["species"] for r in records} == {"Adelie", "Chinstrap", "Gentoo"}
    assert sum(r["sex"] is None for r in records) == 11
    assert not any(isinstance(r[c], str) for r in records for c in data.PENGUIN_NUMERIC_COLUMNS)


def test_load_penguins_matches_the_records():
    frame = data.load_penguins()
    records = data.penguin_records()
    assert frame.shape == (344, 8) and list(frame.columns) == list(records[0])
    assert frame["sex"].isna().sum() == 11
    assert frame["flipper_length_mm"].sum() == sum(r["flipper_length_mm"] or 0 for r in records)


def test_load_penguins_raw_has_the_published_columns():
    raw = data.load_penguins_raw()
    assert raw.shape == (344, 17)
    assert {"studyName", "Sample Number", "Species", "Body Mass (g)", "Sex", "Comments"} <= set(raw.columns)
    assert set(raw["Sex"].dropna()) == {"MALE", "FEMALE"}


def test_load_adult_raw_drops_only_the_index_column():
    adult = data.load_adult_raw()
    assert adult.shape == (32561, 14)
    assert list(adult.columns) == ADULT_COLUMNS + ["income"]
    assert set(adult["income"]) == {" <=50K", " >50K"}


# --- scikit-learn's bundled datasets ------------------------------------------------------------


@pytest.mark.parametrize("name, shape, classes", [("iris", (150, 4), 3), ("wine", (178, 13), 3),
                                                  ("breast_cancer", (569, 30), 2), ("digits", (1797, 64), 10),
                                                  ("diabetes", (442, 10), None)])
def test_each_bundled_sklearn_dataset_loads_as_frames(name, shape, classes):
    bunch = data.load_sklearn(name)
    assert isinstance(bunch.data, pd.DataFrame) and isinstance(bunch.target, pd.Series)
    assert bunch.data.shape == shape and len(bunch.target) == shape[0]
    assert list(bunch.data.columns) == list(bunch.feature_names)
    if classes is not None:
        assert bunch.target.nunique() == classes


def test_load_sklearn_without_frames_gives_arrays_and_digits_keeps_its_images():
    digits = data.load_sklearn("digits", as_frame=False)
    assert isinstance(digits.data, np.ndarray) and digits.images.shape == (1797, 8, 8)


@pytest.mark.parametrize("name", ["california_housing", "fetch_california_housing", "openml", "load_iris",
                                  "Iris"])
def test_load_sklearn_refuses_datasets_it_would_have_to_download(name):
    refusal = rf"^'{name}' is not one of the datasets bundled with scikit-learn .*runs offline.*\(fetch_\*\)"
    with pytest.raises(data.DatasetMissingError, match=refusal + " are not available"):
        data.load_sklearn(name)


# --- the capstone competition -------------------------------------------------------------------


def test_competition_train_and_test_split_the_adult_data_by_id():
    train = data.load_competition("train")
    test = data.load_competition("test")
    assert list(train.columns) == ["id"] + ADULT_COLUMNS + ["income"]
    assert list(test.columns) == ["id"] + ADULT_COLUMNS
    assert len(train) + len(test) == 32561
    assert train["id"].is_unique and test["id"].is_unique
    assert not set(train["id"]) & set(test["id"])
    assert set(train["income"]) == {" <=50K", " >50K"}


def test_the_sample_submission_is_in_the_format_the_scorer_checks():
    sample = data.load_competition("sample_submission")
    test = data.load_competition("test")
    assert list(sample.columns) == ["id", "probability"]
    assert sample["id"].tolist() == test["id"].tolist()
    assert problems(sample, test["id"].tolist()) == []


@pytest.mark.parametrize("part", ["labels", "test_labels", "Train", ""])
def test_load_competition_refuses_other_parts(part):
    with pytest.raises(ValueError, match=r"part must be one of \('train', 'test', 'sample_submission'\)"):
        data.load_competition(part)
