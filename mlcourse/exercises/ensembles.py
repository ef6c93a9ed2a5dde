"""Checks and hints for the assignment "Ensembles: bagging, random forests and gradient boosting"
(source/ensembles).

Each check runs the learner's function on a small seeded table made here, builds what the exercise
asks for on that same table with scikit-learn, and names the usual mistake: a spread computed with
pandas' n - 1 or over the training accuracy, a training score where the out-of-bag one was asked
for, early stopping left off on a small data set, hard 0/1 predictions given to ROC-AUC,
importances that lost their feature names or their order, a capstone pipeline that one-hot encodes
or treats the encoded categories as ordered numbers. The exact values on the real data (breast
cancer, wine, penguins, the synthetic sets of the assignment, the capstone's Adult file) are checked
only by the hidden tests.
"""

import math

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import (
    BaggingClassifier,
    HistGradientBoostingClassifier,
    HistGradientBoostingRegressor,
    RandomForestClassifier,
)
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from mlcourse.exercise import (
    ML_ALGORITHMS,
    STATISTICS,
    Mistake,
    call,
    close_for_dtype,
    exercise,
    expect,
    expect_integer,
    expect_number,
    expect_pair,
    expect_type,
    expect_unchanged,
    is_number,
    pipeline_steps,
    shown,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]

BAGGED_TREES = 30
FOREST_TREES = 100
MAX_ITER = 500
VALIDATION_FRACTION = 0.2
PATIENCE = 10  # n_iter_no_change of exercise 4
SEEDS = [0, 1, 2, 3, 4, 5]
MODELS = ("boosting", "linear")
TABLE_COLUMNS = ["iterations", "test_roc_auc"]
# Twelve kinds of job: with this many categories a OneHotEncoder's output is sparse, as on the Adult data.
JOBS = ["sales", "tech", "care", "farm", "craft", "admin", "repair", "transport", "service", "army",
        "fishing", "cleaning"]


def _close(a, b) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _toy_classification(seed=0, rows=240, features=4):
    """A noisy binary task on ``features`` numeric columns; the first two carry the signal."""
    rng = np.random.default_rng(seed)
    data = pd.DataFrame(rng.normal(size=(rows, features)), columns=[f"x{i + 1}" for i in range(features)])
    score = data["x1"] + 0.8 * data["x2"] * (data["x3"] > 0) + rng.normal(scale=0.8, size=rows)
    target = pd.Series((score > 0).astype(int), name="label")
    split = rows * 2 // 3
    return data[:split], target[:split], data[split:], target[split:]


def _bag_scores(n_estimators, seeds, data_train, target_train, data_test, target_test, on_train=False):
    scores = []
    for seed in seeds:
        bag = BaggingClassifier(n_estimators=n_estimators, random_state=seed).fit(data_train, target_train)
        scores.append(bag.score(data_train, target_train) if on_train else bag.score(data_test, target_test))
    return np.array(scores)


def _forest_oob(data, target, max_features, n_estimators=FOREST_TREES):
    forest = RandomForestClassifier(n_estimators=n_estimators, max_features=max_features, oob_score=True,
                                    random_state=0)
    return forest.fit(data, target)


def _stopped_boosting(patience, learning_rate=0.1, validation_fraction=VALIDATION_FRACTION):
    return HistGradientBoostingClassifier(learning_rate=learning_rate, max_iter=MAX_ITER, early_stopping=True,
                                          validation_fraction=validation_fraction,
                                          n_iter_no_change=patience, random_state=0)


def _expect_seeded(iterations_until_stopped, data_train, target_train, patience, first):
    """A Mistake if a second call with the same patience gives another count than ``first`` (no seed)."""
    again = expect_integer(call(iterations_until_stopped, data_train, target_train, patience),
                           "iterations_until_stopped(...)")
    expect(again == first,
           "two calls gave two different counts: the validation rows are drawn at random, "
           "so pass `random_state=0`.")


def _toy_regression(kind, seed=3, rows=240):
    """Two small regression sets: thresholds and an interaction ("steps"), or a smooth trend whose test
    rows lie beyond the training range ("trend")."""
    rng = np.random.default_rng(seed)
    if kind == "steps":
        data = pd.DataFrame(rng.uniform(-2, 2, size=(rows, 2)), columns=["a", "b"])
        target = 3.0 * ((data["a"] > 0.5) & (data["b"] < 0)) + rng.normal(scale=0.3, size=rows)
        split = rows * 3 // 4
        return data[:split], target[:split], data[split:], target[split:]
    data = pd.DataFrame(rng.uniform(0, 10, size=(rows, 2)), columns=["a", "b"])
    target = 2.0 * data["a"] + data["b"] + rng.normal(scale=1.0, size=rows)
    inside = data["a"] < 7
    return data[inside], target[inside], data[~inside], target[~inside]


def _compare(data_train, target_train, data_test, target_test, on_train=False):
    scores = {}
    models = {"boosting": HistGradientBoostingRegressor(random_state=0), "linear": LinearRegression()}
    for name, model in models.items():
        model.fit(data_train, target_train)
        rows, truth = (data_train, target_train) if on_train else (data_test, target_test)
        scores[name] = r2_score(truth, model.predict(rows))
    return scores


def _toy_census(seed=5, rows=300):
    """A census-like table: two numbers, a job (twelve kinds) and a sector, with missing values."""
    rng = np.random.default_rng(seed)
    data = pd.DataFrame({
        "hours": rng.normal(40, 10, rows).round(),
        "job": rng.choice(JOBS, rows),
        "age": rng.integers(18, 70, rows).astype(float),
        "sector": rng.choice(["private", "public", "self"], rows),
    }).astype({"job": object, "sector": object})
    data.loc[::11, "hours"] = np.nan
    data.loc[::7, "job"] = np.nan
    data.loc[::13, "sector"] = np.nan
    boost = data["job"].isin(["tech", "repair", "army"]).to_numpy()
    score = (data["age"].to_numpy() - 40) / 10 + 2.0 * boost + rng.normal(size=rows)
    return data, pd.Series((score > 0.5).astype(int), name="label")


@exercise("a single tree against a bag of trees, over seeds", STATISTICS, hints=[
    "For each seed, fit two BaggingClassifiers with `random_state=seed`: one with a single tree "
    "(`n_estimators=1`) and one with 30 trees; record each one's accuracy on the test set. The spread is "
    "the standard deviation of the accuracies you recorded for one kind of model.",
    "Collect two lists of test accuracies in one loop over `seeds` (a fitted model's `score` on the test "
    "part is its accuracy), one list per kind of bag, then take `np.std` of each list.",
])
def q1(spread_over_seeds):
    split = _toy_classification(seed=0)
    original = [part.copy() for part in split]
    result = call(spread_over_seeds, *split, SEEDS)
    for before, after in zip(original, split):
        expect_unchanged(before, after, "data or target")
    single, bagged = expect_pair(result, "spread_over_seeds(...)", "(single-tree spread, bagged spread)")
    expect(single >= 0 and bagged >= 0,
           "a standard deviation is never negative: is it a spread you returned?")
    expect(not (single == 0 and bagged == 0),
           "both spreads are 0: every seed gave the same model. Pass `random_state=seed` to each "
           "BaggingClassifier, so that each seed draws other bootstrap samples.")
    one = _bag_scores(1, SEEDS, *split)
    many = _bag_scores(BAGGED_TREES, SEEDS, *split)
    expect(not (_close(single, np.std(many)) and _close(bagged, np.std(one))),
           "you returned the bagged spread first: return `(single_tree_spread, bagged_spread)`.")
    expect(not (_close(single, np.std(one, ddof=1)) or _close(bagged, np.std(many, ddof=1))),
           "your spread divides by n - 1 (pandas' `.std()` or `ddof=1`): the exercise asks for `np.std`, "
           "which divides by the number of seeds.")
    expect(not (_close(single, np.var(one)) or _close(bagged, np.var(many))),
           "you returned a variance: the spread is the standard deviation, its square root (`np.std`).")
    expect(not _close(single, np.std(_bag_scores(1, SEEDS, *split, on_train=True))),
           "your single-tree spread is measured on the training data: score each model on "
           "data_test, target_test.")
    if not _close(single, np.std(one)):
        from sklearn.tree import DecisionTreeClassifier

        trees = [DecisionTreeClassifier(random_state=seed).fit(split[0], split[1]).score(split[2], split[3])
                 for seed in SEEDS]
        expect(not _close(single, np.std(trees)),
               "your single-tree spread is that of DecisionTreeClassifier(random_state=seed) fitted on all "
               "the training rows: use BaggingClassifier(n_estimators=1, random_state=seed), which grows its "
               "tree on a bootstrap sample.")
        raise Mistake(f"on this small example the test accuracies of BaggingClassifier(n_estimators=1, "
                      f"random_state=seed) over the seeds {SEEDS} have a spread (np.std) of "
                      f"{np.std(one):.4f}; yours is {single:.4f}.")
    expect(_close(bagged, np.std(many)),
           f"on this small example the test accuracies of BaggingClassifier(n_estimators={BAGGED_TREES}, "
           f"random_state=seed) over the seeds {SEEDS} have a spread of {np.std(many):.4f}; yours is "
           f"{bagged:.4f}.")
    # Second input: another table and other seeds, fewer of them.
    other, seeds = _toy_classification(seed=9, rows=180), [7, 8, 9]
    pair = expect_pair(call(spread_over_seeds, *other, seeds), f"spread_over_seeds(..., seeds={seeds})",
                       "(single-tree spread, bagged spread)")
    wanted = (np.std(_bag_scores(1, seeds, *other)), np.std(_bag_scores(BAGGED_TREES, seeds, *other)))
    if not (_close(pair[0], wanted[0]) and _close(pair[1], wanted[1])):
        fixed = (np.std(_bag_scores(1, SEEDS, *other)), np.std(_bag_scores(BAGGED_TREES, SEEDS, *other)))
        expect(not (_close(pair[0], fixed[0]) and _close(pair[1], fixed[1])),
               f"with seeds={seeds} your spreads are those of the seeds {SEEDS}: loop over the `seeds` the "
               "function is given.")
        raise Mistake(f"on another small table with seeds={seeds} the spreads are ({wanted[0]:.4f}, "
                      f"{wanted[1]:.4f}); yours are ({pair[0]:.4f}, {pair[1]:.4f}).")


@exercise("the out-of-bag score of a random forest", ML_ALGORITHMS, hints=[
    "Each tree of a forest is grown on a bootstrap sample, so about a third of the rows are left out of it. "
    "Ask the forest to score every row with the trees that did not see it: a parameter of "
    "RandomForestClassifier turns this on, and an attribute ending in `_` holds the result after `fit`.",
    "The parameter is `oob_score=True`; after `fit`, the forest's `oob_score_` holds the score. Pass the "
    "function's `max_features` and the exercise's number of trees and seed.",
])
def q2(forest_oob_score):
    data, target, *_ = _toy_classification(seed=2, rows=300, features=6)
    original = data.copy()
    score = expect_number(call(forest_oob_score, data, target, "sqrt",
                               advice="Pass `oob_score=True` to RandomForestClassifier to get `oob_score_`."),
                          'forest_oob_score(data, target, "sqrt")')
    expect_unchanged(original, data, "data")
    forest = _forest_oob(data, target, "sqrt")
    expect(0 <= score <= 1, f"an out-of-bag score is an accuracy, between 0 and 1; yours is {shown(score)}.")
    expect(not _close(score, forest.score(data, target)),
           "you returned the forest's accuracy on the rows it was trained on (almost 1): return the "
           "out-of-bag score, `oob_score_`, where each row is judged only by the trees that did not see it.")
    expect(not _close(score, 1 - forest.oob_score_),
           "you returned the out-of-bag error (1 - score): return `oob_score_` itself, an accuracy.")
    if not _close(score, forest.oob_score_):
        for _ in range(3):
            again = expect_number(call(forest_oob_score, data, target, "sqrt"), "forest_oob_score(...)")
            expect(_close(again, score),
                   "two calls gave two different scores: pass `random_state=0` to RandomForestClassifier.")
        for trees in (50, 200):
            expect(not _close(score, _forest_oob(data, target, "sqrt", trees).oob_score_),
                   f"your forest has {trees} trees: use `n_estimators={FOREST_TREES}`.")
        raise Mistake(f'on this small example RandomForestClassifier(n_estimators={FOREST_TREES}, '
                      f'max_features="sqrt", oob_score=True, random_state=0) has an out-of-bag score of '
                      f"{forest.oob_score_:.4f}; yours is {score:.4f}.")
    # Second input: another table, three classes, and max_features=1.0.
    other, labels, *_ = _toy_classification(seed=8, rows=210, features=5)
    labels = pd.Series(np.where(other["x4"] > 0.8, 2, labels), index=labels.index, name="label")
    every = expect_number(call(forest_oob_score, other, labels, 1.0), "forest_oob_score(data, target, 1.0)")
    wanted = _forest_oob(other, labels, 1.0).oob_score_
    if not _close(every, wanted):
        expect(not _close(every, _forest_oob(other, labels, "sqrt").oob_score_),
               'with max_features=1.0 your score is that of a forest with max_features="sqrt": pass the '
               "function's `max_features` to RandomForestClassifier (1.0 means every feature at every "
               "split).")
        raise Mistake("on a table with 3 classes and max_features=1.0, the out-of-bag score is "
                      f"{wanted:.4f}; yours is {every:.4f}.")


@exercise("how many iterations early stopping ran", ML_ALGORITHMS, hints=[
    "Early stopping sets part of the training rows aside (`validation_fraction`) and stops once the score on "
    "them has not improved for `n_iter_no_change` iterations. On fewer than 10,000 rows it is off unless "
    "you turn it on. The fitted model's `n_iter_` says how many iterations it ran.",
    "Four parameters besides `max_iter` matter here: `early_stopping`, `validation_fraction`, "
    "`n_iter_no_change` (the function's argument) and `random_state`. After `fit`, read `n_iter_`.",
])
def q3(iterations_until_stopped):
    data_train, target_train, *_ = _toy_classification(seed=2, rows=450)
    reference = {patience: _stopped_boosting(patience).fit(data_train, target_train).n_iter_
                 for patience in (5, 20)}
    count = expect_integer(call(iterations_until_stopped, data_train, target_train, 5),
                           "iterations_until_stopped(data_train, target_train, 5)")
    expect(count != MAX_ITER,
           f"your model ran all {MAX_ITER} iterations: early stopping is off. With fewer than 10,000 rows, "
           "`early_stopping='auto'` means off: pass `early_stopping=True`.")
    expect(count != 5 or count == reference[5],
           "you returned n_iter_no_change, the patience you were given: "
           "return the fitted model's `n_iter_`.")
    if count != reference[5]:
        _expect_seeded(iterations_until_stopped, data_train, target_train, 5, count)
        other = _stopped_boosting(5, validation_fraction=0.1).fit(data_train, target_train).n_iter_
        expect(count != other or other == reference[5],
               "your model keeps the default 10% of the rows for validation: pass `validation_fraction=0.2`.")
        raise Mistake(f"on this small example, HistGradientBoostingClassifier(max_iter={MAX_ITER}, "
                      f"early_stopping=True, validation_fraction={VALIDATION_FRACTION}, n_iter_no_change=5, "
                      f"random_state=0) runs {reference[5]} iterations; yours gives {count}.")
    longer = expect_integer(call(iterations_until_stopped, data_train, target_train, 20),
                            "iterations_until_stopped(data_train, target_train, 20)")
    if longer != reference[20]:
        _expect_seeded(iterations_until_stopped, data_train, target_train, 20, longer)
    if longer != reference[20]:
        expect(not (longer == reference[5] != reference[20]),
               f"with n_iter_no_change=20 you return {longer}, the count of a model with n_iter_no_change=5: "
               "pass the function's `n_iter_no_change` to the model.")
        raise Mistake(f"with n_iter_no_change=20 the model of the exercise runs {reference[20]} iterations; "
                      f"yours gives {longer}.")


@exercise("learning rate against number of iterations", ML_ALGORITHMS, hints=[
    "Loop over the learning rates: fit one early-stopped model per rate, and keep two numbers for each, "
    "how many iterations it ran (`n_iter_`) and its test ROC-AUC from `predict_proba(...)[:, 1]`. "
    "Build the DataFrame from a list of rows or a dict of columns.",
    "`roc_auc_score` takes the truth first and the probability of class 1 second. `pd.Index(..., name=...)` "
    "builds a named index; keep the rates in the order given.",
])
def q4(learning_rate_table):
    _check_rate_table(learning_rate_table, _toy_classification(seed=4, rows=450), [0.05, 0.5])
    # Second input: another table, and rates that are not sorted.
    _check_rate_table(learning_rate_table, _toy_classification(seed=7, rows=360), [0.3, 0.1])


def _check_rate_table(learning_rate_table, split, rates):
    data_train, target_train, data_test, target_test = split
    table = call(learning_rate_table, *split, rates)
    expect_type(table, pd.DataFrame, "learning_rate_table(...)")
    expect(list(table.columns) == TABLE_COLUMNS,
           f"the table's columns should be {TABLE_COLUMNS}, in that order; yours are {list(table.columns)}.")
    try:
        found = [float(rate) for rate in table.index] if len(table) == len(rates) else None
    except (TypeError, ValueError):
        found = None
    expect(found != sorted(rates) or rates == sorted(rates),
           f"the rows should follow the order of learning_rates {rates}, as given; your index is sorted, "
           f"{found}.")
    expect(found == rates,
           f"the table should have one row per learning rate, indexed by the rates themselves ({rates}); "
           f"its index is {list(table.index)}.")
    expect(table.index.name == "learning_rate",
           f"name the index 'learning_rate' (`pd.Index(learning_rates, name=\"learning_rate\")`); "
           f"it is called {table.index.name!r}.")
    auc_dtype = table["test_roc_auc"].dtype if table["test_roc_auc"].dtype.kind == "f" else None
    for position, rate in enumerate(rates):
        iterations = expect_integer(table["iterations"].iloc[position],
                                    f"the iterations for learning_rate={rate}")
        auc = expect_number(table["test_roc_auc"].iloc[position],
                            f"the test_roc_auc for learning_rate={rate}")
        expect(iterations != MAX_ITER,
               f"with learning_rate={rate} your model ran all {MAX_ITER} iterations: early stopping is off. "
               "On fewer than 10,000 rows, pass `early_stopping=True`.")
        model = _stopped_boosting(PATIENCE, learning_rate=rate).fit(data_train, target_train)
        probability = model.predict_proba(data_test)[:, 1]
        expect(not _close(auc, roc_auc_score(target_test, model.predict(data_test))),
               "you passed hard labels from `predict` to roc_auc_score: pass the probability of class 1, "
               "`model.predict_proba(data_test)[:, 1]`.")
        expect(not _close(auc, roc_auc_score(target_train, model.predict_proba(data_train)[:, 1])),
               "your ROC-AUC is measured on the training data: compute it on data_test, target_test.")
        expected = roc_auc_score(target_test, probability)
        expect(not (iterations == model.n_iter_ and _close(auc, 1 - expected)),
               "your ROC-AUC is 1 minus the right one: you scored the probability of class 0, "
               "`predict_proba(...)[:, 0]`; take the probability of class 1, `[:, 1]`.")
        expect(iterations == model.n_iter_ and close_for_dtype(auc, expected, auc_dtype),
               f"on this small example, with learning_rate={rate}, the early-stopped model of the exercise "
               f"runs {model.n_iter_} iterations and has a test ROC-AUC of {expected:.4f}; "
               f"yours gives {iterations} and {auc:.4f}. Check learning_rate=rate, max_iter={MAX_ITER}, "
               f"early_stopping=True, validation_fraction={VALIDATION_FRACTION}, n_iter_no_change={PATIENCE} "
               "and random_state=0.")


@exercise("trees or a linear model?", ML_ALGORITHMS, hints=[
    "Fit both models on the training part and score each on the test part with R²: the first argument of "
    "`r2_score` is the truth, the second the predictions.",
    "A dict with the keys \"boosting\" and \"linear\", each model fitted on the training part; "
    "`r2_score(truth, predicted)` on the test part, or the regressor's own `score(data_test, target_test)`.",
])
def q5(boosting_vs_linear):
    for kind in ("steps", "trend"):
        split = _toy_regression(kind)
        if kind == "steps":  # the first input's rows are numbered 0, 1, 2, ...; the second keeps row labels
            split = tuple(part.reset_index(drop=True) for part in split)
        scores = call(boosting_vs_linear, *split)
        expect_type(scores, dict, "boosting_vs_linear(...)")
        expect(set(scores) == set(MODELS),
               f'the dict\'s keys should be exactly "boosting" and "linear"; yours are '
               f"{', '.join(sorted(map(repr, scores))) or 'none'}.")
        values = {name: expect_number(scores[name], f'the value for "{name}"') for name in MODELS}
        reference = _compare(*split)
        if all(_close(values[name], reference[name]) for name in MODELS):
            continue
        expect(not (_close(values["boosting"], reference["linear"])
                    and _close(values["linear"], reference["boosting"])),
               'your two scores are swapped: the boosted trees\' R² goes under "boosting", the linear '
               'model\'s under "linear".')
        on_train = _compare(*split, on_train=True)
        expect(not any(_close(values[name], on_train[name]) for name in MODELS),
               "your R² is measured on the training part: predict data_test and compare with target_test.")
        data_train, target_train, data_test, target_test = split
        for name, model in (("boosting", HistGradientBoostingRegressor(random_state=0)),
                            ("linear", LinearRegression())):
            predicted = model.fit(data_train, target_train).predict(data_test)
            expect(not _close(values[name], r2_score(predicted, target_test)),
                   "you passed the arguments of r2_score in the wrong order: "
                   "`r2_score(target_test, predicted)`, the truth first.")
        if kind == "trend":
            renumbered = call(boosting_vs_linear, *(part.reset_index(drop=True) for part in split))
            expect(not (isinstance(renumbered, dict) and set(renumbered) == set(MODELS)
                        and all(is_number(renumbered[name]) and _close(renumbered[name], reference[name])
                                for name in MODELS)),
                   "your scores are right when the test rows are numbered 0, 1, 2, ..., but not when they "
                   "keep their row labels (as train_test_split and a filter leave them): your predictions "
                   "are lined up with the targets by label. Compare them by position, `r2_score(target_test, "
                   "predicted)`.")
        where = ("thresholds and an interaction" if kind == "steps"
                 else "a smooth trend, tested beyond its range")
        raise Mistake(f"on a small example with {where}, HistGradientBoostingRegressor(random_state=0) has a "
                      f"test R² of {reference['boosting']:.4f} and LinearRegression() "
                      f"{reference['linear']:.4f}; "
                      f"yours are {values['boosting']:.4f} and {values['linear']:.4f}.")


@exercise("the impurity importances of a forest", ML_ALGORITHMS, hints=[
    "A fitted forest has one number per feature in `feature_importances_`, in the order of the data's "
    "columns. A pandas Series can carry the column names as its index, and sort itself.",
    "Build the Series from `feature_importances_` with `index=data.columns` first, then sort its values "
    "(largest first), so each name keeps its number.",
])
def q6(forest_importances):
    data, target, *_ = _toy_classification(seed=6, rows=240, features=5)
    data = data[["x3", "x5", "x1", "x4", "x2"]]  # not in the order of their importances
    _check_importances(forest_importances, data, target)
    # Second input: seven features and three classes named by text, like the penguins' species.
    data, target, *_ = _toy_classification(seed=5, rows=210, features=7)
    data = data[["x6", "x2", "x7", "x1", "x5", "x3", "x4"]]
    target = pd.Series(np.where(data["x6"] > 0.7, "Gentoo", np.where(target == 1, "Adelie", "Chinstrap")),
                       index=target.index, name="species")
    _check_importances(forest_importances, data, target)


def _check_importances(forest_importances, data, target):
    original = data.copy()
    importances = call(forest_importances, data, target)
    expect_unchanged(original, data, "data")
    expect(not isinstance(importances, np.ndarray),
           "you returned a bare array: put the importances in a Series whose index is the feature names, "
           "`pd.Series(forest.feature_importances_, index=data.columns)`.")
    expect_type(importances, pd.Series, "forest_importances(data, target)")
    expect(set(importances.index) == set(data.columns) and len(importances) == data.shape[1],
           f"on a table of {data.shape[1]} features the Series should have one value per feature, indexed by "
           f"the column names {list(data.columns)}; "
           f"its index is {list(importances.index)[:6]}.")
    values = importances.to_numpy(dtype=float)
    expect(math.isclose(values.sum(), 1, abs_tol=1e-5),
           f"a forest's impurity importances add up to 1, yours add up to {values.sum():.3f}: "
           "read the fitted forest's `feature_importances_`.")
    expect(not np.all(np.diff(values) >= 0) or np.all(values == values[0]),
           "your Series is sorted from the smallest importance: sort it `ascending=False`.")
    expect(np.all(np.diff(values) <= 0), "sort the Series from the largest importance to the smallest, "
           "`.sort_values(ascending=False)`.")
    forest = RandomForestClassifier(n_estimators=FOREST_TREES, random_state=0).fit(data, target)
    expected = pd.Series(forest.feature_importances_, index=data.columns).sort_values(ascending=False)
    if not np.allclose(importances.reindex(expected.index).to_numpy(dtype=float), expected.to_numpy()):
        shuffled = np.allclose(np.sort(values)[::-1], expected.to_numpy())
        expect(not shuffled,
               "your values are right but sit under the wrong names: build the Series with "
               "`index=data.columns` first, then sort it, so each name keeps its value.")
        again = call(forest_importances, data, target)
        expect(isinstance(again, pd.Series) and np.allclose(again.to_numpy(dtype=float), values),
               "two calls gave two different Series: pass `random_state=0` to RandomForestClassifier.")
        raise Mistake(f"on this small example RandomForestClassifier(n_estimators={FOREST_TREES}, "
                      f"random_state=0) gives the importances {expected.round(3).to_dict()}; yours are "
                      f"{importances.round(3).to_dict()}.")


@exercise("boosted trees for the capstone", ML_ALGORITHMS, hints=[
    "Boosted trees need no one-hot encoding and no imputer: an `OrdinalEncoder` turns each category into "
    "a number, and `HistGradientBoostingClassifier` splits such a column by groups of categories once it is "
    "told which columns are categorical (`categorical_features`). Categories unseen in training need "
    "`handle_unknown=\"use_encoded_value\"`. A ColumnTransformer applies the encoder to the categorical "
    "columns only, and a Pipeline puts it before the model; on the Adult data, aim at a ROC-AUC above 0.895.",
    "`ColumnTransformer([(\"categorical\", OrdinalEncoder(handle_unknown=\"use_encoded_value\", "
    "unknown_value=np.nan), categorical_columns), (\"numeric\", \"passthrough\", numeric_columns)], "
    "verbose_feature_names_out=False).set_output(transform=\"pandas\")` keeps the column names, so the "
    "model can be `HistGradientBoostingClassifier(categorical_features=categorical_columns, "
    "random_state=0)`; put the two in a Pipeline and return it unfitted. If a model falls short of the bar, "
    "its learning rate and number of iterations are the first settings to try.",
])
def q7(build_boosting_pipeline):
    numeric, categorical = ["hours", "age"], ["job", "sector"]
    model = call(build_boosting_pipeline, numeric, categorical,
                 advice="The function builds the pipeline from the two column lists alone: it takes no "
                        "data and fits nothing.")
    expect(isinstance(model, Pipeline),
           f"build_boosting_pipeline should return a Pipeline, not {type(model).__name__}: the encoder "
           "must live inside the model, so that every fit (and cross-validation) refits it on its own "
           "training rows.")
    steps = pipeline_steps(model)
    expect(isinstance(steps[0], ColumnTransformer),
           f"the first step should be a ColumnTransformer that encodes the categorical columns only; "
           f"yours is {type(steps[0]).__name__}.")
    expect(isinstance(steps[-1], HistGradientBoostingClassifier),
           f"the last step should be a HistGradientBoostingClassifier, not {type(steps[-1]).__name__}.")
    try:
        check_is_fitted(steps[-1])
        fitted = True
    except NotFittedError:
        fitted = False
    expect(not fitted, "your pipeline is already fitted: return it unfitted, the capstone's cross-validation "
           "and final fit do the fitting.")
    seed = steps[-1].get_params()["random_state"]
    expect(isinstance(seed, (int, np.integer)),
           "fix the model's random_state (e.g. random_state=0): on more than 10,000 rows early stopping "
           "draws its validation rows at random, so an unseeded model changes from one run to the next.")
    parts = [part for _, part, _ in steps[0].transformers if not isinstance(part, str)]
    kinds = [type(step).__name__ for part in parts for step in pipeline_steps(part)]
    expect("OneHotEncoder" not in kinds,
           "this exercise asks for native categorical support, not one-hot encoding: encode the "
           "categories with an OrdinalEncoder and tell the model which columns are categorical "
           "(`categorical_features`).")
    data, target = _toy_census()
    fitted_model = clone(model)
    call(fitted_model.fit, data, target,
         advice="Check that each column list goes to its own transformer and that the model is told which "
                "columns are categorical by names it can see (set_output(transform=\"pandas\") with "
                "verbose_feature_names_out=False keeps them).")
    found = fitted_model[-1].is_categorical_
    flagged = 0 if found is None else int(np.sum(found))
    expect(flagged == len(categorical),
           f"your boosted trees treat {len(categorical) - flagged} of the {len(categorical)} encoded "
           "categorical columns as ordered numbers (job 3 < job 7): pass `categorical_features=` with the "
           "categorical columns, so each split can group any categories together.")
    seen, given = fitted_model[-1].n_features_in_, len(numeric) + len(categorical)
    expect(seen == given,
           f"the model sees {seen} columns, not the {given} "
           "it was given: keep the numeric columns too (`\"passthrough\"`).")
    unseen = data.head(3).assign(job=["astronaut", np.nan, "tech"], sector=["private", "unknown", np.nan])
    try:
        probabilities = fitted_model.predict_proba(unseen)
    except ValueError as error:
        raise Mistake(f"a category never seen in training ('astronaut') made predict_proba fail ({error}). "
                      "Use OrdinalEncoder(handle_unknown=\"use_encoded_value\", "
                      "unknown_value=np.nan).") from None
    expect(np.shape(probabilities) == (3, 2),
           "predict_proba should give one row of two probabilities per person, "
           f"got {np.shape(probabilities)}.")
    # Second input: other column lists, two numeric and one categorical, in another order.
    other = clone(call(build_boosting_pipeline, ["age", "hours"], ["sector"]))
    call(other.fit, data[["sector", "age", "hours"]], target,
         advice="Called with numeric_columns=['age', 'hours'] and categorical_columns=['sector'], fitting "
                "your pipeline failed: build every part of it from the two lists it is given, their names "
                "and their lengths alike.")
    flags = other[-1].is_categorical_
    flagged = 0 if flags is None else int(np.sum(flags))
    expect(other[-1].n_features_in_ == 3,
           "called with numeric_columns=['age', 'hours'] and categorical_columns=['sector'], your model sees "
           f"{other[-1].n_features_in_} columns, not 3: build the pipeline from the lists it is given.")
    expect(flagged == 1,
           "called with numeric_columns=['age', 'hours'] and categorical_columns=['sector'], your boosted "
           f"trees treat {flagged} columns as categories, not 1: tell the model which columns are "
           "categorical from `categorical_columns` (its names, or as many positions as it has items).")
