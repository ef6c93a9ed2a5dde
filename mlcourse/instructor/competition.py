"""The capstone competition: its policy (:class:`Competition`) and its data, generated per cohort.

Learners get ``train.csv`` (with the label), ``test.csv`` (without it), ``sample_submission.csv``
and ``scale.json`` (the published points scale); the course ships them inside its package
(``mlcourse/competition_data``) so every lesson and notebook can load them offline. The data are
a synthetic Adult table drawn with the instructor's secret seed (:mod:`mlcourse.instructor.synthetic`),
so the public Adult file does not hold the answers, and nothing without the secret rebuilds the
split. The test labels, and which test rows are scored publicly, are written only to the
instructor's labels file: never to the package, ``release/``, a learner's kernel or feedback.

Each generated competition gets its own scale: the baseline (the starter notebook's logistic
regression on the numeric columns) and the reference (the capstone's solution: boosted trees on
every column) are fitted on its training rows and scored on its test rows, and full marks sit
just under the reference's private score.
"""

from __future__ import annotations

import json
import math
import secrets
from pathlib import Path

import numpy as np
from traitlets import Float, Unicode, default
from traitlets.config import Configurable

from mlcourse.data import competition_scale

__all__ = ["Competition", "PACKAGE_DATA", "SCALE_FILE", "build_competition", "read_secret",
           "write_competition"]

#: Where the course package keeps the learners' competition files.
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "competition_data"
SCALE_FILE = "scale.json"
NUMERIC = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]


class Competition(Configurable):
    """The competition's policy, in one place: set any of it in ``nbgrader_config.py`` as
    ``c.Competition.<name> = value``; :meth:`mlcourse.instructor.course.Course.competition` reads it."""

    assignment = Unicode("capstone", help=(
        "The assignment whose learners hand in a submission file.")).tag(config=True)
    submission_file = Unicode("submission.csv", help=(
        "The file each learner hands in beside the notebook.")).tag(config=True)
    score_cell = Unicode("competition-score", help=(
        "grade_id of the notebook's locked task cell that holds the competition's points; the scorer writes "
        "them as its manual score, which formgrader can override.")).tag(config=True)
    labels_file = Unicode("competition/test_labels.csv", help=(
        "The test labels and the public/private split, relative to the course directory. "
        "Instructor only.")).tag(config=True)
    points = Float(10.0, help="Points the competition is worth in the gradebook.").tag(config=True)
    baseline_auc = Float(help=(
        "Private ROC-AUC of the baseline notebook: at or below it earns 0, above it a pass (half the "
        "points). Default: the generated competition's (scale.json).")).tag(config=True)
    baseline_public_auc = Float(help=(
        "Public ROC-AUC of the baseline, shown on boards and portfolios. Default: scale.json's.")).tag(
        config=True)
    full_marks_auc = Float(help=(
        "Private ROC-AUC that earns full points; points rise linearly up to it. Default: scale.json's, just "
        "under the reference solution's.")).tag(config=True)
    implausible_auc = Float(0.97, help=(
        "A score above this is flagged for review "
        "(the best published results on Adult are about 0.93).")).tag(config=True)
    secret_file = Unicode("competition/secret.txt", help=(
        "The instructor's secret seed of the generated data, split and ids, relative to the course "
        "directory: `mlcourse competition --new-secret` draws a fresh one for a new cohort. Without it, "
        "nothing rebuilds the test labels. Instructor only.")).tag(config=True)
    test_fraction = Float(0.3, help="Share of the rows held out as the test set.").tag(config=True)
    public_fraction = Float(0.3, help="Share of the test rows scored on the public board.").tag(config=True)
    title = Unicode("Predicting income above $50K from census data",
                    help="The project's title in a learner's portfolio.").tag(config=True)
    data_credit = Unicode(
        "Becker, B. and Kohavi, R. (1996). *Adult* [data set]. UCI Machine Learning Repository, "
        "https://doi.org/10.24432/C5XW20. License: CC BY 4.0. The competition's people are synthetic, "
        "generated from that data (without its `fnlwgt` column) for the course's cohort.",
        help="The data's citation and license, as the portfolio's README gives it.").tag(config=True)

    @default("baseline_auc")
    def _published_baseline(self):
        return competition_scale()["baseline_private_auc"]

    @default("baseline_public_auc")
    def _published_public_baseline(self):
        return competition_scale()["baseline_public_auc"]

    @default("full_marks_auc")
    def _published_full_marks(self):
        return competition_scale()["full_marks_auc"]

    def points_for(self, private_auc: float) -> float:
        """Gradebook points for a private ROC-AUC on the published scale (0, then half to full),
        to 0.1 point."""
        if private_auc <= self.baseline_auc:
            return 0.0
        progress = min(1.0, (private_auc - self.baseline_auc) / (self.full_marks_auc - self.baseline_auc))
        return round(self.points / 2 + self.points / 2 * progress, 1)


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
    from mlcourse.instructor.synthetic import synthesize

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
