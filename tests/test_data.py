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
