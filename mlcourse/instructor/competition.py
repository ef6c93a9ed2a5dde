"""The capstone competition: its policy (:class:`Competition`) and its data, a seeded split of Adult.

Learners get ``train.csv`` (with the label), ``test.csv`` (without it) and
``sample_submission.csv``; the course ships them inside its package (``mlcourse/competition_data``)
so every lesson and notebook can load them offline. The test labels, and which test rows are
scored publicly, are written only to the instructor's labels file: never to the package,
``release/``, a learner's kernel or feedback.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from traitlets import Float, Int, Unicode
from traitlets.config import Configurable

__all__ = ["Competition", "PACKAGE_DATA", "build_split", "write_competition"]

#: Where the course package keeps the learners' competition files.
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "competition_data"


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
    baseline_auc = Float(0.827, help=(
        "Private ROC-AUC of the baseline notebook: at or below it earns 0, "
        "above it a pass (half the points).")).tag(config=True)
    baseline_public_auc = Float(0.840, help=(
        "Public ROC-AUC of the baseline, shown on boards and portfolios.")).tag(config=True)
    full_marks_auc = Float(0.92, help=(
        "Private ROC-AUC that earns full points; points rise linearly up to it.")).tag(config=True)
    implausible_auc = Float(0.97, help=(
        "A score above this is flagged for review "
        "(the best published results on Adult are about 0.93).")).tag(config=True)
    split_seed = Int(2026, help="Seed of the train/test split and of the shuffled ids.").tag(config=True)
    test_fraction = Float(0.3, help="Share of the rows held out as the test set.").tag(config=True)
    public_fraction = Float(0.3, help="Share of the test rows scored on the public board.").tag(config=True)
    title = Unicode("Predicting income above $50K from census data",
                    help="The project's title in a learner's portfolio.").tag(config=True)
    data_credit = Unicode(
        "Becker, B. and Kohavi, R. (1996). *Adult* [data set]. UCI Machine Learning Repository, "
        "https://doi.org/10.24432/C5XW20. License: CC BY 4.0. This copy has no `fnlwgt` column; "
        "the train/test split is the course competition's.",
        help="The data's citation and license, as the portfolio's README gives it.").tag(config=True)

    def points_for(self, private_auc: float) -> float:
        """Gradebook points for a private ROC-AUC on the published scale (0, then half to full),
        to 0.1 point."""
        if private_auc <= self.baseline_auc:
            return 0.0
        progress = min(1.0, (private_auc - self.baseline_auc) / (self.full_marks_auc - self.baseline_auc))
        return round(self.points / 2 + self.points / 2 * progress, 1)


def build_split(settings: Competition):
    """(train, test, sample_submission, labels) frames of the seeded, stratified split.

    Rows keep the raw file's text (leading spaces, "?" sentinels) so cleaning stays the learner's
    job. ``id`` is a seeded shuffle of 1..32,561. ``labels`` has ``id``,
    ``income_over_50k`` and ``public`` (True for the fixed share of test rows on the public board).
    """
    from sklearn.model_selection import train_test_split

    from mlcourse.data import load_adult_raw

    seed = settings.split_seed
    raw = load_adult_raw()
    # Shuffled ids, so an id says nothing about the row's place in the public file.
    raw.insert(0, "id", np.random.default_rng(seed).permutation(len(raw)) + 1)
    target = (raw["income"].str.strip() == ">50K").astype(int)
    train, test = train_test_split(raw, test_size=settings.test_fraction, random_state=seed, stratify=target)
    train, test = train.sort_values("id"), test.sort_values("id")
    public = np.random.default_rng(seed + 1).random(len(test)) < settings.public_fraction
    labels = test[["id"]].assign(income_over_50k=target.loc[test.index].to_numpy(), public=public)
    sample = test[["id"]].assign(probability=round(float(target.loc[train.index].mean()), 4))
    return train, test.drop(columns="income"), sample, labels


def write_competition(settings: Competition, public_folder: Path, labels_path: Path) -> list[Path]:
    """Write the learners' three files into ``public_folder`` and the labels to ``labels_path``.

    Nothing is written into the installed package: to ship new files to learners, copy them
    into ``mlcourse/competition_data/`` of the course repository and reinstall it.
    """
    train, test, sample, labels = build_split(settings)
    public_folder.mkdir(parents=True, exist_ok=True)
    labels_path.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for frame, path in ((train, public_folder / "train.csv"), (test, public_folder / "test.csv"),
                        (sample, public_folder / "sample_submission.csv"), (labels, labels_path)):
        frame.to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    return written
