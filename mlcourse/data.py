"""Data loaders: every dataset the course uses, loaded offline from files that ship with it.

Each loader names the package that provides its file, so a missing file gives a clear error
that says what to install rather than a bare FileNotFoundError deep inside pandas or csv.
Sources and licenses of every dataset are listed in DATASETS.md.
"""
from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

PENGUIN_NUMERIC_COLUMNS = ("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "year")


class DatasetMissingError(FileNotFoundError):
    """A dataset file the course needs is not installed."""


def dataset_path(package: str, relative: str) -> Path:
    """Return the path of a data file bundled inside an installed package.

    Raises DatasetMissingError naming the package to (re)install, because the usual cause
    is an environment set up without the course's dependencies.
    """
    try:
        path = Path(str(resources.files(package).joinpath(relative)))
    except ModuleNotFoundError:
        path = None
    if path is None or not path.is_file():
        raise DatasetMissingError(
            f"The data file '{relative}' from the package '{package}' was not found. "
            f"Run `make demo` or `pip install -e .` in the course folder to install the course's "
            f"dependencies, then restart the kernel."
        )
    return path


def _parse_penguin_value(column: str, text: str):
    """Turn one CSV field into None (missing), a number, or the text itself."""
    if text in ("", "NA"):
        return None
    if column in PENGUIN_NUMERIC_COLUMNS:
        number = float(text)
        return int(number) if number.is_integer() else number
    return text


def penguin_records() -> list[dict]:
    """The Palmer penguins as a list of dicts, one per bird, with None for missing values.

    Plain Python structures, so the first unit can teach lists, dicts and comprehensions
    before pandas appears.
    """
    path = dataset_path("palmerpenguins", "data/penguins.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            {column: _parse_penguin_value(column, text) for column, text in row.items()}
            for row in csv.DictReader(handle)
        ]


def load_penguins():
    """The Palmer penguins as a pandas DataFrame (344 rows, 8 columns, NaN for missing)."""
    import pandas as pd

    return pd.read_csv(dataset_path("palmerpenguins", "data/penguins.csv"))
