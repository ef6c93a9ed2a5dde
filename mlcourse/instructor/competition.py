"""The capstone competition: its policy (:class:`Competition`) and its data, generated per cohort.

Learners get ``train.csv`` (with the label), ``test.csv`` (without it), ``sample_submission.csv``
and ``scale.json`` (the published points scale); the course ships them inside its package
(``mlcourse/competition_data``) so every lesson and notebook can load them offline. The data are
a synthetic Adult table drawn with the instructor's secret seed (:mod:`mlcourse.instructor.cohort`,
left out of the learners' wheel), so the public Adult file does not hold the answers, and nothing
without the secret rebuilds the split. The test labels, and which test rows are scored publicly,
are written only to the instructor's labels file: never to the package, ``release/``, a learner's
kernel or feedback.

Each generated competition gets its own scale: the baseline (the starter notebook's logistic
regression on the numeric columns) and the reference (the capstone's solution: boosted trees on
every column) are fitted on its training rows and scored on its test rows, and full marks sit
just under the reference's private score.
"""

from __future__ import annotations

from pathlib import Path

from traitlets import Float, Unicode, default
from traitlets.config import Configurable

from mlcourse.data import competition_scale

__all__ = ["Competition", "PACKAGE_DATA", "SCALE_FILE"]

#: Where the course package keeps the learners' competition files.
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "competition_data"
SCALE_FILE = "scale.json"


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
        "A score above this is flagged for review (the reference solution reaches about 0.90 on the "
        "generated data; the best published results on the real Adult data are about 0.93).")).tag(
        config=True)
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
