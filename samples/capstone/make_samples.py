"""Rebuild the capstone's sample submissions from the competition's committed files.

The demo and the tests hand these files in for the learners of ``samples.csv``; each one tells a
story the scorer must handle. They depend on the competition's data, so run this after
``mlcourse competition`` regenerated it, then update ``samples.csv`` with the points printed:

    .venv/bin/python samples/capstone/make_samples.py
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
from nbclient import NotebookClient
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder
from sklearn.tree import DecisionTreeClassifier

from mlcourse.data import load_competition
from mlcourse.instructor.cohort.generate import NUMERIC, baseline_model
from mlcourse.instructor.course import Course
from mlcourse.instructor.scoring import load_labels, score_file

HERE = Path(__file__).resolve().parent
COURSE = Course.at(HERE.parents[1])


def reference_probabilities() -> pd.DataFrame:
    """The submission the capstone's reference solution writes (ada hands in the complete notebook)."""
    with tempfile.TemporaryDirectory() as folder:
        notebook = nbformat.read(COURSE.source / "capstone" / "capstone.ipynb", as_version=4)
        NotebookClient(notebook, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": folder}}).execute()
        return pd.read_csv(Path(folder) / "submission.csv")


def depth_six_tree(train, test) -> np.ndarray:
    """cleo's model: one decision tree of depth 6 on every column, categories ordinal-encoded."""
    encode = ColumnTransformer([("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
                                 make_column_selector(dtype_exclude="number"))], remainder="passthrough")
    model = make_pipeline(encode, DecisionTreeClassifier(max_depth=6, random_state=0))
    features = [column for column in test.columns if column != "id"]
    return model.fit(train[features], train["income"].str.strip() == ">50K").predict_proba(test[features])[:, 1]


def main() -> None:
    train, test = load_competition("train"), load_competition("test")
    target = train["income"].str.strip() == ">50K"
    labels = load_labels(COURSE)
    frame = lambda probability: pd.DataFrame({"id": test["id"], "probability": np.round(probability, 5)})  # noqa: E731
    reference = reference_probabilities()
    baseline = baseline_model().fit(train[NUMERIC], target)
    tree = frame(depth_six_tree(train, test))
    leaked = labels.set_index("id").loc[test["id"], "income_over_50k"].to_numpy()
    noisy = leaked + np.random.default_rng(0).normal(0, 0.35, len(leaked))
    scores = baseline.decision_function(test[NUMERIC])
    scores[::50] = np.nan
    files = {
        "ada_submission.csv": reference.assign(probability=reference["probability"].round(5)),
        "ben_baseline.csv": frame(baseline.predict_proba(test[NUMERIC])[:, 1]),
        "cleo_tree.csv": tree,
        "dan_same_as_cleo.csv": tree,
        "zoe_looked_up_labels.csv": frame((noisy - noisy.min()) / (noisy.max() - noisy.min())),
        "hal_partial.csv": tree.head(500).assign(id=[*tree["id"][:499], tree["id"].iloc[0]]),
        "ivy_scores.csv": frame(scores),
    }
    for name, submission in files.items():
        submission.to_csv(HERE / name, index=False, lineterminator="\n")
    tree.to_csv(HERE / "fay_with_index.csv", lineterminator="\n")  # the index as an extra column
    settings = COURSE.competition()
    for name in sorted(files):
        public, private, problems = score_file(HERE / name, labels)
        points = None if problems else settings.points_for(private)
        print(f"{name}: public {public}, private {private}, points {points}, problems {problems}")
    shutil.rmtree(HERE / "__pycache__", ignore_errors=True)


if __name__ == "__main__":
    main()
