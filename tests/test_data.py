import pytest

from mlcourse import data


def test_penguin_records_are_plain_python_with_none_for_missing():
    records = data.penguin_records()
    assert len(records) == 344
    assert records[0] == {"species": "Adelie", "island": "Torgersen", "bill_length_mm": 39.1,
                          "bill_depth_mm": 18.7, "flipper_length_mm": 181, "body_mass_g": 3750,
                          "sex": "male", "year": 2007}
    assert records[3]["body_mass_g"] is None and records[3]["sex"] is None
    assert sum(r["body_mass_g"] is None for r in records) == 2


def test_load_penguins_is_the_same_table_as_a_dataframe():
    frame = data.load_penguins()
    assert frame.shape == (344, 8)
    assert frame["body_mass_g"].isna().sum() == 2


def test_a_missing_data_file_names_the_package_to_install():
    with pytest.raises(data.DatasetMissingError, match="palmerpenguins.*pip install -e"):
        data.dataset_path("palmerpenguins", "data/no_such_file.csv")
    with pytest.raises(data.DatasetMissingError, match="no_such_package"):
        data.dataset_path("no_such_package", "data.csv")


def test_penguins_raw_is_the_messy_original_table():
    raw = data.load_penguins_raw()
    assert raw.shape == (344, 17)
    assert "Culmen Length (mm)" in raw.columns and raw["Date Egg"].iloc[0] == "2007-11-11"
    assert raw["Species"].iloc[0] == "Adelie Penguin (Pygoscelis adeliae)"


def test_adult_raw_keeps_its_sentinels_spaces_and_repeats():
    adult = data.load_adult_raw()
    assert adult.shape == (32561, 14)
    assert adult.columns[0] == "age" and adult.columns[-1] == "income"
    assert (adult["workclass"] == " ?").sum() == 1836
    assert adult["income"].value_counts().to_dict() == {" <=50K": 24720, " >50K": 7841}
    assert adult.duplicated().sum() > 0


def test_load_sklearn_gives_bundled_data_and_refuses_downloads():
    iris = data.load_sklearn("iris")
    assert iris.data.shape == (150, 4) and iris.target.nunique() == 3
    with pytest.raises(data.DatasetMissingError, match="runs offline"):
        data.load_sklearn("california_housing")
