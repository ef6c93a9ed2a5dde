"""Checks and hints for the capstone project (source/capstone): the Adult income competition.

The checks run each function on a small hand-made census table, so they stay instant and say
what is wrong in kind. The test labels never reach the learner's kernel: submission.csv is
checked for format here, and scored by the instructor's scorer after submission.
"""

import numpy as np
import pandas as pd

from mlcourse.exercise import (
    DATA_HANDLING,
    ML_ALGORITHMS,
    PROGRAMMING,
    Mistake,
    call,
    exercise,
    expect,
    expect_type,
)
from mlcourse.submission_format import problems, read_submission

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6"]

TOY_NUMERIC = ["age", "hours_per_week"]
TOY_CATEGORICAL = ["workclass"]


def _toy_raw() -> pd.DataFrame:
    """Eight people as the raw census file writes them: leading spaces, '?' for unknown."""
    return pd.DataFrame({
        "id": [11, 12, 13, 14, 15, 16, 17, 18],
        "age": [25, 38, 28, 44, 18, 34, 63, 24],
        "workclass": [" Private", " ?", " Local-gov", " Private", " ?", " Private", " Self-emp-inc",
                      " Private"],
        "hours-per-week": [40, 50, 40, 40, 30, 30, 32, 40],
        "income": [" <=50K", " >50K", " >50K", " >50K", " <=50K", " <=50K", " >50K", " <=50K"],
    })


def _toy_clean(rows: int = 80) -> tuple[pd.DataFrame, pd.Series]:
    """A seeded, already clean table of ``rows`` people whose income depends on age and hours."""
    rng = np.random.default_rng(7)
    data = pd.DataFrame({"age": rng.integers(18, 70, rows).astype(float),
                         "hours_per_week": rng.integers(10, 70, rows).astype(float),
                         "workclass": rng.choice(["Private", "Local-gov", "Self-emp-inc"],
                                                 rows).astype(object)})
    data.loc[::9, "age"] = np.nan
    data.loc[::7, "workclass"] = np.nan
    target = pd.Series(
        ((data["age"].fillna(40) + data["hours_per_week"] + rng.normal(0, 15, rows)) > 85).astype(int))
    return data, target


@exercise("clean the census data", DATA_HANDLING, hints=[
    "Reuse your `clean_adult` from the data-handling unit: snake_case names, stripped text, '?' as missing.",
    "`frame[c].str.strip()` on text columns, then `.replace('?', np.nan)`; "
    "`(frame.pop('income') == '>50K').astype(int)` only when 'income' is a column.",
])
def q1(clean_adult):
    raw = _toy_raw()
    original = raw.copy()
    clean = call(clean_adult, raw, advice="Work on a copy: `frame = raw.copy()`.")
    expect_type(clean, pd.DataFrame, "clean_adult(raw)")
    expect(raw.equals(original), "clean_adult changed the frame it was given: work on a copy.")
    expect(len(clean) == len(raw), f"clean_adult returned {len(clean)} rows for {len(raw)}: "
           "never drop or add rows, the predictions must stay aligned with the ids.")
    expect("hours_per_week" in clean.columns,
           "column names should use '_' instead of '-' (hours-per-week -> hours_per_week).")
    expect(list(clean["id"]) == list(raw["id"]),
           "the rows or the ids changed order: keep `id` and the row order as they are.")
    expect("income" not in clean.columns and "income_over_50k" in clean.columns,
           "the `income` text column should become the 0/1 column `income_over_50k`.")
    expect(list(clean["income_over_50k"]) == [0, 1, 1, 1, 0, 0, 1, 0],
           "income_over_50k should be 1 exactly when income is '>50K': strip the spaces before comparing.")
    workclass = clean["workclass"]
    expect(int(workclass.isna().sum()) == 2, "'?' means unknown, so it should become a missing value; "
           "the raw text is ' ?', with a space: strip first, then replace.")
    expect(set(workclass.dropna()) == {"Private", "Local-gov", "Self-emp-inc"},
           "text values should have no surrounding spaces.")
    expect(pd.api.types.is_numeric_dtype(clean["age"]), "age should stay a numeric column.")
    test_like = call(clean_adult, raw.drop(columns="income"),
                     advice="The test set has no `income` column: only convert it when it is there.")
    expect("income_over_50k" not in test_like.columns,
           "without an `income` column, do not invent `income_over_50k`.")


@exercise("a pipeline that prepares its own data", ML_ALGORITHMS, hints=[
    "Reuse `build_adult_pipeline` from the model-evaluation unit: "
    "a ColumnTransformer, then a classifier, in one Pipeline.",
    "Numeric: `SimpleImputer(strategy='median')`. Categorical: `SimpleImputer(strategy='most_frequent')` "
    "then `OneHotEncoder(handle_unknown='ignore', sparse_output=False)`: by default the encoder returns a "
    "sparse matrix, which boosted trees refuse. Then e.g. `HistGradientBoostingClassifier(random_state=0)`, "
    "the boosted trees taught in the ensembles unit (lesson 9). Or reuse `build_boosting_pipeline` from that "
    "unit's assignment (boosted trees with native categorical support, no imputer, no one-hot encoding): "
    "copy it into this cell, then `return build_boosting_pipeline(numeric_columns, categorical_columns)`.",
])
def q2(build_pipeline):
    from sklearn.base import clone
    from sklearn.compose import ColumnTransformer
    from sklearn.exceptions import NotFittedError
    from sklearn.pipeline import Pipeline
    from sklearn.utils.validation import check_is_fitted

    model = call(build_pipeline, TOY_NUMERIC, TOY_CATEGORICAL)
    expect(isinstance(model, Pipeline),
           f"build_pipeline should return a sklearn Pipeline, got {type(model).__name__}: "
           "preprocessing must live inside the model so cross-validation refits it on each training fold.")
    expect(isinstance(model.steps[0][1], ColumnTransformer),
           "the first step should be a ColumnTransformer that "
           "prepares numeric and categorical columns differently.")
    try:
        check_is_fitted(model.steps[-1][1])
        fitted = True
    except NotFittedError:
        fitted = False
    expect(not fitted, "the pipeline is already fitted: return it unfitted, "
           "cross-validation and the final fit do the fitting.")
    expect(hasattr(model.steps[-1][1], "predict_proba"),
           "the last step must have predict_proba: ROC-AUC needs probabilities.")
    data, target = _toy_clean()
    fitted_model = clone(model)
    call(fitted_model.fit, data, target,
         advice="Impute missing values inside the pipeline (SimpleImputer) before the model.")
    unseen = data.head(3).assign(workclass=["Never-worked", "Private", np.nan])
    probabilities = call(fitted_model.predict_proba, unseen,
                         advice="A category never seen in training must not crash: "
                                "OneHotEncoder(handle_unknown='ignore').")
    expect(probabilities.shape == (3, 2),
           f"predict_proba should give one row per person and 2 columns, got {probabilities.shape}.")
    # With many categories the one-hot columns are mostly zeros, and ColumnTransformer then returns a
    # sparse matrix, as it does on the real data (the three categories above stay dense).
    many_categories = data.assign(workclass=[f"job {i % 12}" for i in range(len(data))])
    call(clone(model).fit, many_categories, target,
         advice="With many categories, as in the real data, OneHotEncoder returns a sparse matrix, "
                "which some classifiers (HistGradientBoostingClassifier) refuse: "
                "use OneHotEncoder(..., sparse_output=False).")


@exercise("cross-validated ROC-AUC", ML_ALGORITHMS, hints=[
    "`cross_val_score` clones and fits the model on each training fold, "
    "so preprocessing never sees the validation fold.",
    "`cross_val_score(model, data, target, cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=0), "
    "scoring='roc_auc').mean()`, returned as a float.",
])
def q3(cross_validated_auc):
    from sklearn.exceptions import NotFittedError
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.utils.validation import check_is_fitted

    data, target = _toy_clean()
    data = data[TOY_NUMERIC].fillna(40)
    model = make_pipeline(StandardScaler(), LogisticRegression())
    auc = call(cross_validated_auc, model, data, target)
    expect_type(auc, (float, np.floating), "cross_validated_auc(...)")
    expect(0.5 <= auc <= 1, f"a ROC-AUC here should be between 0.5 and 1, got {auc!r}.")
    try:
        check_is_fitted(model)
        expect(False, "the model you were given is now fitted: did you fit it on all the data "
               "before cross-validating? cross_val_score fits a fresh copy on each training fold.")
    except NotFittedError:
        pass
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    accuracy = cross_val_score(model, data, target, cv=folds).mean()
    expect(not np.isclose(auc, accuracy), "that is the mean accuracy: pass scoring='roc_auc'.")
    expected = cross_val_score(model, data, target, cv=folds, scoring="roc_auc").mean()
    expect(np.isclose(auc, expected), "the folds differ from the ones asked for: "
           "StratifiedKFold(n_splits=5, shuffle=True, random_state=0), and return the mean of the 5 scores.")


@exercise("predict probabilities", ML_ALGORITHMS, hints=[
    "Fit on the training rows, then ask for probabilities of the test rows.",
    "`model.fit(data_train, target_train).predict_proba(data_test)[:, 1]`.",
])
def q4(predict_probabilities):
    from sklearn.linear_model import LogisticRegression

    data, target = _toy_clean()
    data = data[TOY_NUMERIC].fillna(40)
    model = LogisticRegression()
    result = call(predict_probabilities, model, data.iloc[:60], target.iloc[:60], data.iloc[60:])
    result = np.asarray(result)
    expect(result.shape == (20,), f"expected one probability per test row, shape (20,), got {result.shape}: "
           "keep the column of class 1, `predict_proba(...)[:, 1]`.")
    expect(not set(np.unique(result)) <= {0, 1}, "every value is 0 or 1: those are predicted labels, "
           "ROC-AUC needs probabilities from predict_proba.")
    expect(((result >= 0) & (result <= 1)).all(),
           "probabilities must lie in [0, 1]: use predict_proba, not decision_function.")
    reference = LogisticRegression().fit(data.iloc[:60], target.iloc[:60]).predict_proba(data.iloc[60:])[:, 1]
    expect(not np.allclose(result, 1 - reference), "these are the probabilities of class 0: take column 1.")
    expect(np.allclose(result, reference),
           "fit the model on the training rows only, then predict the test rows.")


@exercise("write a submission file", PROGRAMMING, hints=[
    "Build a DataFrame with exactly two columns, `id` and `probability`, then save it.",
    "`pd.DataFrame({'id': ids, 'probability': probabilities}).to_csv(path, index=False)`: "
    "without index=False pandas adds an unnamed column.",
])
def q5(write_submission):
    import tempfile
    from pathlib import Path

    ids, probabilities = [5, 3, 9], np.array([0.25, 0.5, 0.75])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "submission.csv"
        call(write_submission, ids, probabilities, path)
        frame, unreadable = read_submission(path)
        expect(unreadable is None, unreadable or "")
        found = problems(frame, ids)
        expect(not found, "the file is not a valid submission: " + " ".join(found))
        expect(list(frame["id"]) == ids, "keep the ids in the order you were given them.")


@exercise("your final submission", ML_ALGORITHMS, hints=[
    "Chain your own functions: clean train and test, build the pipeline you chose, "
    "fit it on all the training rows, predict the test rows, write the file.",
    "`train, test = clean_adult(train_raw), clean_adult(test_raw)`, then "
    "`write_submission(test['id'], predict_probabilities(build_pipeline(NUMERIC, "
    "CATEGORICAL), train[FEATURES], train['income_over_50k'], test[FEATURES]), path)`.",
])
def q6(make_submission):
    import tempfile
    from pathlib import Path

    from mlcourse.data import load_competition

    test_ids = load_competition("test")["id"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "submission.csv"
        call(make_submission, path)
        frame, unreadable = read_submission(path)
        expect(unreadable is None, unreadable or "")
        found = problems(frame, test_ids)
        expect(not found, "submission.csv would be refused by the scorer: " + " ".join(found))
        expect(frame["probability"].nunique() > 1,
               "every probability is the same: is this still the sample submission?")
