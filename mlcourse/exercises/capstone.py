"""Checks and hints for the capstone project (source/capstone): the Adult income competition.

The capstone grades what is new there, the learner's own choices: their features (q1), their model
(q2), how they choose between models (q3), and their final submission (q6), with the two small tools
the submission needs (q4, q5). Cleaning (``clean_adult``) was graded in the data-handling unit and is
only reused here. The checks run each function on small hand-made census tables, so they stay instant
and say what is wrong in kind. The test labels never reach the learner's kernel: submission.csv is
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
    shown,
)
from mlcourse.submission_format import problems, read_submission

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6"]

TOY_NUMERIC = ["age", "hours_per_week"]
TOY_CATEGORICAL = ["workclass"]


def _toy_census() -> pd.DataFrame:
    """Ten people as `clean_adult` returns them: every column of the cleaned Adult table, missing values
    as NaN."""
    nan = np.nan
    return pd.DataFrame({
        "id": [11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
        "age": [25, 38, 28, 44, 18, 34, 63, 24, 55, 41],
        "workclass": ["Private", nan, "Local-gov", "Private", nan, "Private", "Self-emp-inc", "Private",
                      "Federal-gov", "Private"],
        "education": ["11th", "HS-grad", "Assoc-acdm", "Some-college", "Some-college", "10th", "Prof-school",
                      "HS-grad", "Masters", "Bachelors"],
        "education_num": [7, 9, 12, 10, 10, 6, 15, 9, 14, 13],
        "marital_status": ["Never-married", "Married-civ-spouse", "Married-civ-spouse", "Married-civ-spouse",
                           "Never-married", "Never-married", "Married-civ-spouse", "Never-married",
                           "Divorced", "Married-civ-spouse"],
        "occupation": ["Machine-op-inspct", "Farming-fishing", "Protective-serv", "Machine-op-inspct", nan,
                       "Other-service", "Prof-specialty", "Other-service", "Exec-managerial", "Sales"],
        "relationship": ["Own-child", "Husband", "Husband", "Husband", "Own-child", "Not-in-family",
                         "Husband", "Unmarried", "Not-in-family", "Wife"],
        "race": ["Black", "White", "White", "Black", "White", "White", "White", "White", "Asian-Pac-Islander",
                 "White"],
        "gender": ["Male", "Male", "Male", "Male", "Female", "Male", "Male", "Female", "Female", "Female"],
        "capital_gain": [0, 0, 0, 7688, 0, 0, 3103, 0, 0, 0],
        "capital_loss": [0, 0, 0, 0, 0, 0, 0, 0, 1902, 0],
        "hours_per_week": [40, 50, 40, 40, 30, 30, 32, 40, 45, 38],
        "native_country": ["United-States", "United-States", "United-States", "United-States", nan,
                           "United-States", "United-States", "Mexico", "India", "United-States"],
        "income_over_50k": [0, 0, 1, 1, 0, 0, 1, 0, 1, 0],
    })


def _toy_clean(rows: int = 80, seed: int = 7,
               missing_numbers: bool = False) -> tuple[pd.DataFrame, pd.Series]:
    """A seeded, already clean table of ``rows`` people whose income depends on age and hours."""
    rng = np.random.default_rng(seed)
    data = pd.DataFrame({"age": rng.integers(18, 70, rows).astype(float),
                         "hours_per_week": rng.integers(10, 70, rows).astype(float),
                         "workclass": rng.choice(["Private", "Local-gov", "Self-emp-inc"],
                                                 rows).astype(object)})
    data.loc[::7, "workclass"] = np.nan
    if missing_numbers:
        data.loc[::9, "age"] = np.nan
    target = pd.Series(
        ((data["age"].fillna(40) + data["hours_per_week"] + rng.normal(0, 15, rows)) > 85).astype(int))
    return data, target


def _is_fitted(model) -> bool:
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    try:
        check_is_fitted(model)
    except NotFittedError:
        return False
    except TypeError:  # not an estimator at all: nothing was fitted
        return False
    return True


# --- exercise 1: the learner's own features ------------------------------------------------------


def _new_columns(given: pd.DataFrame, result: pd.DataFrame) -> list:
    return [column for column in result.columns if column not in given.columns]


def _features_by_id(frame: pd.DataFrame, columns: list) -> pd.DataFrame:
    return frame.set_index("id")[columns].sort_index()


def _same_column(first: pd.Series, second: pd.Series) -> bool:
    """The same values, row by row: numbers up to rounding (a sum taken in another order), others exactly."""
    if len(first) != len(second):
        return False
    numeric = [pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)
               for s in (first, second)]
    if all(numeric):
        return bool(np.allclose(first.to_numpy(dtype=float), second.to_numpy(dtype=float),
                                rtol=1e-9, atol=1e-12, equal_nan=True))
    plain = [s.astype(object).where(s.notna(), None).tolist() for s in (first, second)]
    return plain[0] == plain[1]


def _first_difference(first: pd.DataFrame, second: pd.DataFrame, columns: list):
    """(column, position) of the first value of ``columns`` that differs between two tables matched by id,
    or None when every person has the same features in both (a column missing from one differs)."""
    if not all(column in frame.columns for frame in (first, second) for column in columns):
        return next(c for c in columns if c not in first.columns or c not in second.columns), None
    mine, theirs = _features_by_id(first, columns), _features_by_id(second, columns)
    if not mine.index.equals(theirs.index):
        return columns[0], None
    for column in columns:
        if not _same_column(mine[column], theirs[column]):
            for position in range(len(mine)):
                if not _same_column(mine[column].iloc[[position]], theirs[column].iloc[[position]]):
                    return column, position
    return None


def _same_features(first: pd.DataFrame, second: pd.DataFrame, columns: list) -> bool:
    """Whether every person (matched by id) has the same values of ``columns`` in both tables."""
    try:
        return _first_difference(first, second, columns) is None
    except Exception:  # a table without ids, or with repeated ones: not the same features
        return False


@exercise("clean the data and add your own features", DATA_HANDLING, hints=[
    "Paste your `clean_adult` from the data-handling unit as it is. For `add_features`, think of what could "
    "tell a high earner apart that no single column says: money from capital, long working weeks, a "
    "band of ages. Build each new column from the person's own row, on a copy of the table.",
    "Cleaning is your data-handling function: `frame[c].str.strip()` on text columns, then "
    "`.replace('?', np.nan)`, and `(frame.pop('income') == '>50K').astype(int)` only when 'income' is a "
    "column. "
    "For the features, start from a copy (clean.copy() or clean.assign(...)) and add, for example, the "
    "capital gain minus the capital loss, or whether hours per week exceed 40. Never read income_over_50k.",
])
def q1(add_features):
    people = _toy_census()
    result = call(add_features, people,
                  advice="add_features receives a cleaned table such as `clean_adult(train_raw)`.")
    expect_type(result, pd.DataFrame, "add_features(clean)")
    expect(len(result) == len(people), f"add_features returned {len(result)} rows for {len(people)} people: "
           "never drop or add rows, your predictions must stay aligned with the ids.")
    expect("id" in result.columns and list(result["id"]) == list(people["id"]),
           "the ids changed or came back in another order: keep `id` and the row order as they are.")
    dropped = [column for column in people.columns if column not in result.columns]
    expect(not dropped, f"add_features dropped the column(s) {dropped}: return every column it was given, "
           "with your new columns added.")
    new = _new_columns(people, result)
    expect(bool(new), "add_features returned only the columns it was given: add at least one column of "
           "your own (a feature), e.g. one computed from capital_gain and capital_loss.")
    varying = [column for column in new if result[column].nunique(dropna=False) > 1]
    expect(bool(varying), f"your new column(s) {new} hold the same value for all ten people of the check: "
           "a feature must tell people apart.")
    repeated = call(add_features, _toy_census())
    expect_type(repeated, pd.DataFrame, "add_features(clean)")
    differs = _first_difference(result, repeated, new)
    expect(differs is None,
           f"your new column `{differs and differs[0]}` differs from one call to the next on "
           "the very same table: a feature must be reproducible (seed any randomness you use).")
    shuffled = people.assign(income_over_50k=people["income_over_50k"].to_numpy()[::-1])
    again = call(add_features, shuffled)
    expect_type(again, pd.DataFrame, "add_features(clean)")
    changed = _first_difference(result, again, new)
    expect(changed is None,
           f"your new column `{changed and changed[0]}` changes when the values of income_over_50k are "
           "shuffled: it is computed from the target, which the test people do not have (and a model "
           "would learn to read the answer from it). Build features from the other columns only.")
    # The test set: no target, and (as any sample of rows) another order and an index that is not 0, 1, 2...
    test_like = people.drop(columns="income_over_50k").iloc[[6, 2, 9, 0, 4, 1, 8, 3, 7, 5]]
    test_like.index = [40, 31, 7, 12, 25, 3, 18, 9, 36, 21]
    featured = call(add_features, test_like,
                    advice="The test set has no income_over_50k column: add_features must work without it.")
    expect_type(featured, pd.DataFrame, "add_features(clean)")
    expect(len(featured) == len(test_like) and "id" in featured.columns
           and list(featured["id"]) == list(test_like["id"]),
           "on the same people without income_over_50k, in another order and with another index (as the "
           "test set comes), the rows or the ids came back changed: keep every row in its order.")
    missing = [column for column in new if column not in featured.columns]
    expect(not missing, f"without income_over_50k (as in the test set), your column(s) {missing} are "
           "missing: every feature must be computed for the test people too.")
    changed = _first_difference(result, featured, new)
    if changed is not None:
        column, position = changed
        mine, theirs = _features_by_id(result, [column]), _features_by_id(featured, [column])
        expect(position is not None, f"the same ten people, in another order and with another index (as a "
               f"sample of rows comes), got other values of `{column}`: each person's features must come "
               "from their own data.")
        raise Mistake(
            f"the same ten people, in another order and with another index (as a sample of rows comes), got "
            f"other values of `{column}`: the person with id {mine.index[position]} has "
            f"{shown(mine[column].iloc[position])} first, then {shown(theirs[column].iloc[position])}. Each "
            "person's features must come from their own data. (A Series built from bare values gets the "
            "index 0, 1, 2..., and pandas then matches it to the rows by index, not by position.)")


# --- exercise 2: the learner's model ---------------------------------------------------------------


@exercise("a pipeline that prepares its own data", ML_ALGORITHMS, hints=[
    "Reuse a pipeline of an earlier unit and choose its model: `build_adult_pipeline` (model evaluation) "
    "or `build_boosting_pipeline` (ensembles). A ColumnTransformer, then a classifier, in one Pipeline.",
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
    from sklearn.pipeline import Pipeline

    model = call(build_pipeline, list(TOY_NUMERIC), list(TOY_CATEGORICAL))
    expect(isinstance(model, Pipeline),
           f"build_pipeline should return a sklearn Pipeline, got {type(model).__name__}: "
           "preprocessing must live inside the model so cross-validation refits it on each training fold.")
    expect(isinstance(model.steps[0][1], ColumnTransformer),
           "the first step should be a ColumnTransformer that "
           "prepares numeric and categorical columns differently.")
    expect(not _is_fitted(model.steps[-1][1]), "the pipeline is already fitted: return it unfitted, "
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
    expect(np.shape(probabilities) == (3, 2),
           f"predict_proba should give one row per person and 2 columns, got {np.shape(probabilities)}.")
    scores = np.asarray(call(fitted_model.predict_proba, data), dtype=float)[:, 1]
    expect(((scores >= 0) & (scores <= 1)).all(),
           "predict_proba gave values outside [0, 1]: the last step should be a classifier's probabilities.")
    expect(not set(np.unique(scores)) <= {0.0, 1.0},
           "on the check's 80 people your model's predict_proba gives only 0 and 1: it is certain of "
           "everyone, so ROC-AUC cannot rank people. A tree grown without a depth limit does this; limit "
           "the depth, or choose a model whose probabilities vary.")
    # Other columns, as your own features make them: numbers with missing values, a dozen categories
    # (ColumnTransformer then returns a sparse matrix, as it does on the real data).
    other, other_target = _toy_clean(rows=120, seed=3, missing_numbers=True)
    other = other.rename(columns={"age": "capital_net", "workclass": "job"})
    other["job"] = [f"job {i % 12}" for i in range(len(other))]
    refitted = call(build_pipeline, ["capital_net", "hours_per_week"], ["job"])
    call(clone(refitted).fit, other, other_target,
         advice="On other columns (some numbers missing, a dozen categories, as on the real data): impute "
                "missing numbers inside the pipeline (SimpleImputer), and with many categories OneHotEncoder "
                "returns a sparse matrix, which some classifiers (HistGradientBoostingClassifier) refuse: "
                "use OneHotEncoder(..., sparse_output=False).")


# --- exercise 3: choosing between models -------------------------------------------------------------


def _choice_data(rows: int = 400, seed: int = 5) -> tuple[pd.DataFrame, pd.Series]:
    """Two numeric columns and a noisy target that rises with both: a line fits it, a deep tree overfits."""
    rng = np.random.default_rng(seed)
    data = pd.DataFrame({"age": rng.normal(40, 12, rows), "hours_per_week": rng.normal(40, 10, rows)})
    signal = (data["age"] - 40) / 12 + (data["hours_per_week"] - 40) / 10
    target = pd.Series((signal + rng.normal(0, 1.2, rows) > 0.6).astype(int), name="income_over_50k")
    return data, target


def _scores(candidates: dict, data, target, held_out: bool) -> dict:
    """Each candidate's ROC-AUC: cross-validated (held_out) or on the very rows it was fitted on."""
    from sklearn.base import clone
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    if held_out:
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
        return {name: float(cross_val_score(clone(model), data, target, cv=folds, scoring="roc_auc").mean())
                for name, model in candidates.items()}
    return {name: float(roc_auc_score(target, clone(model).fit(data, target).predict_proba(data)[:, 1]))
            for name, model in candidates.items()}


def _check_choice(choose_model, candidates: dict, data, target) -> None:
    chosen = call(choose_model, candidates, data, target,
                  advice="choose_model receives a dict {name: unfitted model}, the data and the target.")
    names = list(candidates)
    expect(isinstance(chosen, str) and chosen in candidates,
           f"choose_model should return the name of one candidate (one of {names}), got {chosen!r:.60}.")
    fitted = [name for name, model in candidates.items() if _is_fitted(model)]
    expect(not fitted, f"the candidate(s) {fitted} you were given are now fitted: score copies "
           "(cross_val_score clones the model for each fold) and leave the originals unfitted.")
    held_out = _scores(candidates, data, target, held_out=True)
    best = max(held_out, key=held_out.get)
    if chosen == best:
        return
    fit_scores = _scores(candidates, data, target, held_out=False)
    if chosen == max(fit_scores, key=fit_scores.get):
        raise Mistake(f"you chose {chosen!r}, which scores best on the very rows it was fitted on "
                      f"(ROC-AUC {fit_scores[chosen]:.2f}), but on held-out folds {best!r} scores higher "
                      f"({held_out[best]:.2f} against {held_out[chosen]:.2f}): choose by cross-validated "
                      "ROC-AUC, the score on people the model did not learn from.")
    if chosen == max(names):
        raise Mistake(f"you returned {chosen!r}, the name that comes last in alphabetical order; the best "
                      f"cross-validated ROC-AUC here is that of {best!r}. `max` over a dict compares its "
                      "keys (the names): compare the scores instead (max with a key function).")
    if chosen == min(held_out, key=held_out.get):
        raise Mistake(f"you returned {chosen!r}, the candidate with the lowest cross-validated ROC-AUC: "
                      "a higher ROC-AUC is better, keep the highest.")
    raise Mistake(f"choose_model returned {chosen!r}, but {best!r} has the higher cross-validated ROC-AUC "
                  f"here ({held_out[best]:.2f} against {held_out[chosen]:.2f}).")


@exercise("choose by cross-validation", ML_ALGORITHMS, hints=[
    "A model is judged on people it did not learn from: score every candidate by cross-validation "
    "(each fold fits a fresh copy), then keep the name with the best mean ROC-AUC.",
    "Score each candidate with "
    "`cross_val_score(model, data, target, cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=0), "
    "scoring='roc_auc').mean()`, keep the scores in a dict by name, and return the name whose score is "
    "highest (max with a key function, not max over the names).",
])
def q3(choose_model):
    from sklearn.dummy import DummyClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.tree import DecisionTreeClassifier

    data, target = _choice_data()
    _check_choice(choose_model, {"deep tree": DecisionTreeClassifier(random_state=0),
                                 "logistic": make_pipeline(StandardScaler(), LogisticRegression())},
                  data, target)
    # Three candidates, other names, the best one neither first nor last in alphabetical order.
    data, target = _choice_data(rows=300, seed=11)
    _check_choice(choose_model, {"always the same": DummyClassifier(),
                                 "linear": make_pipeline(StandardScaler(), LogisticRegression()),
                                 "tree of depth 1": DecisionTreeClassifier(max_depth=1, random_state=0)},
                  data, target)


# --- exercise 4: probabilities -------------------------------------------------------------------------


@exercise("predict probabilities", ML_ALGORITHMS, hints=[
    "Fit on the training rows, then ask for probabilities of the test rows.",
    "`model.fit(data_train, target_train).predict_proba(data_test)[:, 1]`.",
])
def q4(predict_probabilities):
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    data, target = _toy_clean()
    data = data[TOY_NUMERIC].fillna(40)
    model = LogisticRegression()
    result = call(predict_probabilities, model, data.iloc[:60], target.iloc[:60], data.iloc[60:])
    result = np.asarray(result, dtype=float)
    expect(result.shape == (20,), f"expected one probability per test row, shape (20,), got {result.shape}: "
           "keep the column of class 1, `predict_proba(...)[:, 1]`.")
    expect(not set(np.unique(result)) <= {0, 1}, "every value is 0 or 1: those are predicted labels, "
           "ROC-AUC needs probabilities from predict_proba.")
    expect(((result >= 0) & (result <= 1)).all(),
           "probabilities must lie in [0, 1]: use predict_proba, not decision_function.")
    reference = LogisticRegression().fit(data.iloc[:60], target.iloc[:60]).predict_proba(data.iloc[60:])[:, 1]
    expect(not np.allclose(result, 1 - reference), "these are the probabilities of class 0: take column 1.")
    expect(np.allclose(result, reference, rtol=1e-4),
           "fit the model on the training rows only, then predict the test rows.")
    # A pipeline like yours, which picks its columns by name, and a single test person.
    frame, frame_target = _toy_clean(rows=50, seed=2)
    pipeline = make_pipeline(ColumnTransformer([
        ("numeric", StandardScaler(), ["age", "hours_per_week"]),
        ("categorical", OneHotEncoder(handle_unknown="ignore"), ["workclass"])]), LogisticRegression())
    frame = frame.fillna({"workclass": "Private"})
    one = call(predict_probabilities, pipeline, frame.iloc[:49], frame_target.iloc[:49], frame.iloc[49:],
               advice="With a pipeline that picks its columns by name (as yours does), pass the DataFrames "
                      "as they are: `.values` or `.to_numpy()` drops the column names.")
    one = np.asarray(one, dtype=float)
    expect(one.shape == (1,),
           f"for a single test person, expected one probability, shape (1,), got {one.shape}.")


# --- exercise 5: the submission file ---------------------------------------------------------------------


@exercise("write a submission file", PROGRAMMING, hints=[
    "Build a DataFrame with exactly two columns, `id` and `probability`, then save it.",
    "`pd.DataFrame({'id': ids, 'probability': probabilities}).to_csv(path, index=False)`: "
    "without index=False pandas adds an unnamed column.",
])
def q5(write_submission):
    import tempfile
    from pathlib import Path

    plain = ([5, 3, 9], np.array([0.25, 0.5, 0.75]))
    # Then as your notebook passes them: ids a column of a sample of rows (its index is not 0, 1, 2...).
    series_ids = pd.Series([4, 8, 30, 11], index=[102, 57, 3, 210], name="id")
    for ids, probabilities in (plain, (series_ids, np.array([0.9, 0.1, 0.35, 0.6]))):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "submission.csv"
            call(write_submission, ids, probabilities, path)
            frame, unreadable = read_submission(path)
            expect(unreadable is None, unreadable or "")
            found = problems(frame, list(ids))
            where = "" if isinstance(ids, list) else (
                " (for ids given as a pandas Series whose index is not 0, 1, 2...: pandas matches a Series "
                "to the other columns by index, so use the values, e.g. `list(ids)`)")
            expect(not found, f"the file is not a valid submission{where}: " + " ".join(found))
            expect(list(frame["id"]) == list(ids), "keep the ids in the order you were given them.")
            expect(np.allclose(frame["probability"].astype(float), probabilities),
                   "the probabilities in the file differ from the ones given: write each next to its id.")


# --- exercise 6: the final submission -----------------------------------------------------------------------


@exercise("your final submission", ML_ALGORITHMS, hints=[
    "Chain your own functions: clean and add your features to train and test, build the pipeline you "
    "chose, fit it on all the training rows, predict the test rows, write the file.",
    "`train, test = add_features(clean_adult(train_raw)), add_features(clean_adult(test_raw))`, then "
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
        expect(not set(np.unique(frame["probability"].astype(float))) <= {0.0, 1.0},
               "every probability in the file is 0 or 1: those are predicted labels (`predict`), which "
               "throw the ranking away; ROC-AUC needs the probabilities of `predict_proba(...)[:, 1]`.")
