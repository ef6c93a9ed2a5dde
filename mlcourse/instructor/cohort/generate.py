"""Generate a cohort's competition: synthetic data from the secret seed, its split and its points scale.

Instructor-only: the learners' wheel leaves this package out (``pyproject.toml``), and its seed
lives in the instructor's ``competition/secret.txt``. See :mod:`mlcourse.instructor.competition`
for the competition's policy and :mod:`mlcourse.instructor.cohort.synthetic` for how the people
are drawn.
"""

from __future__ import annotations

import json
import math
import secrets
from pathlib import Path

import numpy as np

from mlcourse.instructor.competition import SCALE_FILE, Competition

__all__ = ["NUMERIC", "baseline_model", "build_competition", "read_secret", "reference_model",
           "write_competition"]

NUMERIC = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]


def read_secret(path: Path, renew: bool = False) -> int:
    """The secret seed kept in ``path``; a fresh 128-bit one is drawn (and kept, readable by the
    instructor alone) when there is none or ``renew`` asks for it."""
    if renew or not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(16) + "\n", encoding="utf-8")
        path.chmod(0o600)
    return int(path.read_text(encoding="utf-8").strip(), 16)


def build_competition(settings: Competition, seed: int):
    """(train, test, sample_submission, labels, scale) of a competition generated with ``seed``.

    Rows keep the raw file's text (leading spaces, "?" sentinels) so cleaning stays the learner's
    job. ``id`` is a seeded shuffle of 1..n. ``labels`` has ``id``, ``income_over_50k`` and
    ``public`` (True for the fixed share of test rows on the public board).
    """
    from sklearn.model_selection import train_test_split

    from mlcourse.data import load_adult_raw
    from mlcourse.instructor.cohort.synthetic import synthesize

    rng = np.random.default_rng(seed)
    real = load_adult_raw()
    table = synthesize(real, len(real), seed=int(rng.integers(2**32)))
    table.insert(0, "id", rng.permutation(len(table)) + 1)  # an id says nothing about a row's place
    target = (table["income"].str.strip() == ">50K").astype(int)
    train, test = train_test_split(table, test_size=settings.test_fraction, stratify=target,
                                   random_state=int(rng.integers(2**32)))
    train, test = train.sort_values("id"), test.sort_values("id")
    public = rng.random(len(test)) < settings.public_fraction
    labels = test[["id"]].assign(income_over_50k=target.loc[test.index].to_numpy(), public=public)
    sample = test[["id"]].assign(probability=round(float(target.loc[train.index].mean()), 4))
    test = test.drop(columns="income")
    return train, test, sample, labels, _scale(train, test, labels)


def _scale(train, test, labels) -> dict[str, float]:
    """Baseline's and reference's public and private ROC-AUC on this competition, and full marks."""
    from sklearn.metrics import roc_auc_score

    target = (train["income"].str.strip() == ">50K").astype(int)
    public = labels["public"].to_numpy()
    scale = {}
    for name, model, columns in (("baseline", baseline_model(), NUMERIC),
                                 ("reference", reference_model(), _features(train))):
        probability = model.fit(_clean(train)[columns], target).predict_proba(_clean(test)[columns])[:, 1]
        for part, rows in (("public", public), ("private", ~public)):
            score = roc_auc_score(labels["income_over_50k"][rows], probability[rows])
            # To 0.001, rounded so that the baseline's own file never passes and the reference's reaches full
            # marks: the scale's bar is at or above the baseline, its top below the reference.
            rounding = math.ceil if name == "baseline" else math.floor
            scale[f"{name}_{part}_auc"] = rounding(round(float(score) * 1000, 6)) / 1000
    scale["full_marks_auc"] = round(scale["reference_private_auc"] - 0.005, 3)
    return scale


def baseline_model():
    """The starter notebook's baseline (notebooks/14_capstone_baseline.ipynb): the numeric columns,
    scaled, in a logistic regression."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression())


def reference_model():
    """The capstone's reference solution (source/capstone, ``build_pipeline``): imputed and one-hot
    encoded columns, then boosted trees."""
    from sklearn.compose import ColumnTransformer, make_column_selector
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import Pipeline, make_pipeline
    from sklearn.preprocessing import OneHotEncoder

    preprocess = ColumnTransformer([
        ("numeric", SimpleImputer(strategy="median"), make_column_selector(dtype_include="number")),
        ("categorical", make_pipeline(
            SimpleImputer(strategy="most_frequent"),
            OneHotEncoder(handle_unknown="ignore", sparse_output=False, min_frequency=20)),
         make_column_selector(dtype_exclude="number")),
    ])
    model = HistGradientBoostingClassifier(learning_rate=0.1, max_iter=150, random_state=0)
    return Pipeline([("preprocess", preprocess), ("model", model)])


def _features(frame) -> list[str]:
    return [column for column in frame.columns if column not in ("id", "income")]


def _clean(frame):
    """Text stripped and "?" missing, as the capstone's first exercise cleans it."""
    return frame.apply(lambda column: column.str.strip().replace("?", np.nan)
                       if column.dtype.kind not in "iuf" else column)


def write_competition(settings: Competition, public_folder: Path, labels_path: Path, seed: int) -> list[Path]:
    """Write the learners' files (data and scale) into ``public_folder`` and the labels to ``labels_path``.

    Nothing is written into the installed package: to ship new files to learners, copy them
    into ``mlcourse/competition_data/`` of the course repository and reinstall it.
    """
    train, test, sample, labels, scale = build_competition(settings, seed)
    public_folder.mkdir(parents=True, exist_ok=True)
    labels_path.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for frame, path in ((train, public_folder / "train.csv"), (test, public_folder / "test.csv"),
                        (sample, public_folder / "sample_submission.csv"), (labels, labels_path)):
        frame.to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    (public_folder / SCALE_FILE).write_text(json.dumps(scale, indent=1) + "\n", encoding="utf-8")
    return [*written, public_folder / SCALE_FILE]
