"""The capstone competition's data: a fixed, seeded split of the Adult census data.

Learners get ``train.csv`` (with the label), ``test.csv`` (without it) and
``sample_submission.csv``; they ship inside the course package (``mlcourse/competition_data``)
so every lesson and notebook can load them offline. The test labels, and which test rows are
scored publicly, are written only to the instructor's ``competition/test_labels.csv``: never
to the package, ``release/``, a learner's kernel or feedback.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

SPLIT_SEED = 2026
TEST_FRACTION = 0.3
PUBLIC_FRACTION = 0.3
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "competition_data"
LABELS_FILE = Path("competition") / "test_labels.csv"

# The published points scale (10 points, private ROC-AUC): below the baseline's score earns 0,
# beating the baseline earns a pass (5), and the score climbs linearly to full marks at FULL_MARKS_AUC,
# just under the reference solution's 0.93. The baseline is notebooks/10_capstone_baseline.ipynb.
POINTS = 10.0
BASELINE_AUC = 0.827
BASELINE_PUBLIC_AUC = 0.840  # shown beside it on leaderboards and portfolios
FULL_MARKS_AUC = 0.92
# The best published results on this data are about 0.93: anything above this deserves a look.
IMPLAUSIBLE_AUC = 0.97


def points_for(private_auc: float) -> float:
    """Gradebook points for a private ROC-AUC on the published scale (0, 5 to 10), to 0.1 point."""
    if private_auc <= BASELINE_AUC:
        return 0.0
    progress = min(1.0, (private_auc - BASELINE_AUC) / (FULL_MARKS_AUC - BASELINE_AUC))
    return round(POINTS / 2 + POINTS / 2 * progress, 1)


def build_split():
    """(train, test, sample_submission, labels) frames of the seeded, stratified split.

    Rows keep the raw file's text (leading spaces, "?" sentinels) so cleaning stays the learner's
    job. ``id`` is a seeded shuffle of 1..32,561. ``labels`` has ``id``,
    ``income_over_50k`` and ``public`` (True for the fixed ~30% of test rows on the public board).
    """
    from sklearn.model_selection import train_test_split

    from mlcourse.data import load_adult_raw

    raw = load_adult_raw()
    # Shuffled ids, so an id says nothing about the row's place in the public file.
    raw.insert(0, "id", np.random.default_rng(SPLIT_SEED).permutation(len(raw)) + 1)
    target = (raw["income"].str.strip() == ">50K").astype(int)
    train, test = train_test_split(raw, test_size=TEST_FRACTION, random_state=SPLIT_SEED, stratify=target)
    train, test = train.sort_values("id"), test.sort_values("id")
    public = np.random.default_rng(SPLIT_SEED + 1).random(len(test)) < PUBLIC_FRACTION
    labels = test[["id"]].assign(income_over_50k=target.loc[test.index].to_numpy(), public=public)
    sample = test[["id"]].assign(probability=round(float(target.loc[train.index].mean()), 4))
    return train, test.drop(columns="income"), sample, labels


def write_competition(course_root: Path) -> list[Path]:
    """Write the learners' three files into the package and the labels into the course; return the paths."""
    train, test, sample, labels = build_split()
    PACKAGE_DATA.mkdir(exist_ok=True)
    (course_root / LABELS_FILE).parent.mkdir(exist_ok=True)
    written = []
    for frame, path in ((train, PACKAGE_DATA / "train.csv"), (test, PACKAGE_DATA / "test.csv"),
                        (sample, PACKAGE_DATA / "sample_submission.csv"), (labels, course_root / LABELS_FILE)):
        frame.to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    return written
