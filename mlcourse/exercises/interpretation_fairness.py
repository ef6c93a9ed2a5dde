"""Checks and hints for the assignment "Interpretation and fairness" (source/interpretation_fairness).

Each check runs the learner's function on a small hand-made table (a few hundred rows shaped like
the census data: hours, years of schooling, a group column), computes what the exercise asks for
on that same table, and names the usual mistake: an importance computed on the training data or
read from ``feature_importances_``, a partial dependence taken from one row or from hard 0/1
predictions, rates computed over the whole set instead of per group, the wrong denominator (error
rate over the positives, false negative rate over everyone), the sign of a difference, group labels
left with their leading space, an array lined up with a Series by index, a proxy's accuracy
measured on the rows it was fitted on. The exact values on the real data are checked only by the
hidden tests.
"""

import functools
import math
import warnings

import numpy as np
import pandas as pd

from mlcourse.exercise import (
    ML_ALGORITHMS,
    STATISTICS,
    Mistake,
    call,
    close_for_dtype,
    exercise,
    expect,
    expect_array,
    expect_number,
    expect_pair,
    expect_type,
    expect_unchanged,
    same_numbers,
    shown,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]

N_REPEATS = 5
FOLDS = "StratifiedKFold(n_splits=5, shuffle=True, random_state=0)"
RATES = ["error_rate", "false_negative_rate"]


#: Same numbers whatever the container, NaN matching NaN (a group without positives has no rate).
_close = functools.partial(same_numbers, equal_nan=True)


def _quietly(function, *args, advice=""):
    """``call()`` with scikit-learn's convergence warnings silenced (the check's data is tiny)."""
    from sklearn.exceptions import ConvergenceWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return call(function, *args, advice=advice)


def _rounded(values, labels) -> dict:
    """Numbers by label, rounded for a message: {'hours': 0.19}, not {'hours': np.float64(0.19)}."""
    return {label: round(float(value), 4) + 0.0 for label, value in zip(labels, values)}


def _toy_income(seed=0, rows=240):
    """A census-like table: hours and years of schooling drive the target, 'code' is pure noise.

    The index is a shuffled set of row labels, like a test set cut by train_test_split, so an
    answer that lines up an array with a Series by index is caught.
    """
    rng = np.random.default_rng(seed)
    hours = rng.integers(20, 61, size=rows).astype(float)
    years = rng.integers(8, 17, size=rows).astype(float)
    code = rng.normal(size=rows)
    score = (hours - 40) / 8 + (years - 12) / 2 + rng.normal(scale=1.2, size=rows)
    index = rng.permutation(rows) + 1000
    data = pd.DataFrame({"code": code, "hours": hours, "years": years}, index=index)
    target = pd.Series((score > 0.5).astype(int), index=index, name="income_over_50k")
    split = rows * 2 // 3
    return data.iloc[:split], target.iloc[:split], data.iloc[split:], target.iloc[split:]


def _copies(*frames):
    return [frame.copy() for frame in frames]


def _tree():
    from sklearn.tree import DecisionTreeClassifier

    return DecisionTreeClassifier(random_state=0)


def _permutation(model, data, target, random_state=0):
    from sklearn.inspection import permutation_importance

    return permutation_importance(model, data, target, n_repeats=N_REPEATS, random_state=random_state)


def _with_noise(data_train, data_test, seed):
    rng = np.random.default_rng(seed)
    return (data_train.assign(noise=rng.normal(size=len(data_train))),
            data_test.assign(noise=rng.normal(size=len(data_test))))


def _toy_decisions():
    """Twelve people in three groups, their true labels and a model's 0/1 decisions.

    Every rate the exercises ask for differs from the rates the usual mistakes give (over the whole
    set, over the wrong denominator, lined up by index). The index is shuffled, as on a test set,
    and the decisions are an array in the same row order as the groups.
    """
    groups = pd.Series(["c", "b", "a", "b", "c", "a", "a", "c", "c", "b", "c", "a"], name="group",
                       index=[4, 8, 7, 9, 2, 10, 6, 5, 11, 0, 3, 1])
    target = pd.Series([1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1], index=groups.index, name="income_over_50k")
    predicted = np.array([1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1])
    return target, predicted, groups


def _other_decisions():
    """Ten people in four groups labelled without a leading space: 'east' and 'west' have nobody with
    target 1, and nobody of 'east' is selected, the cases the exercises name (a rate of 0 is a real rate;
    a rate over no one is undefined)."""
    groups = pd.Series(["north", "west", "east", "south", "north", "east", "west", "south", "north", "east"],
                       index=[31, 12, 27, 5, 44, 18, 9, 40, 2, 23], name="region")
    target = pd.Series([1, 0, 0, 1, 1, 0, 0, 1, 0, 0], index=groups.index, name="income_over_50k")
    predicted = np.array([1, 1, 0, 0, 1, 0, 0, 1, 0, 0])
    return target, predicted, groups


def _per_group(values, groups) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=float), index=groups.index).groupby(groups).mean()


def _selection_rates(predicted, groups) -> pd.Series:
    return _per_group(predicted, groups)


def _true_positive_rates(target, predicted, groups) -> pd.Series:
    actual = np.asarray(target) == 1
    return _per_group(np.asarray(predicted)[actual], groups[actual])


def _expect_per_group(result, groups, what, kind="Series"):
    """The learner's per-group result: one row per group, labelled by the groups, in sorted order."""
    labels = sorted(set(groups.str.strip()))
    expect(not (np.ndim(result) == 0 and kind == "Series"),
           f"{what} returned one number ({shown(result)}) for everyone: compute the rate within each group "
           "(`groupby`), one value per group.")
    wanted = pd.Series if kind == "Series" else pd.DataFrame
    expect(not isinstance(result, (np.ndarray, list)),
           f"{what} returned {type(result).__name__}: return a pandas {kind} indexed by the group labels, "
           "so each rate says which group it belongs to.")
    expect_type(result, wanted, what)
    found = [str(label) for label in result.index]
    expect(not any(label != label.strip() for label in found),
           f"your group labels still start with a space ({found}): the census file writes ' Female', so "
           "strip the labels (`groups.str.strip()`) before grouping.")
    expect(sorted(found) == labels,
           f"{what} should have one row per group, labelled {labels}; its index is {found}.")
    expect(found == labels, f"sort the groups by their label (groupby does it for you); got {found}.")


def _toy_proxy(seed=22, rows=137):
    """A sensitive attribute, two categorical columns that partly give it away, and one that does not."""
    rng = np.random.default_rng(seed)
    sex = rng.choice(["Female", "Male"], size=rows, p=[0.4, 0.6])
    married = rng.random(rows) < 0.5
    relationship = np.where(married, np.where(sex == "Male", "Husband", "Wife"),
                            rng.choice(["Own-child", "Unmarried", "Not-in-family"], size=rows))
    flip = rng.random(rows) < 0.15
    relationship = np.where(flip & married, "Not-in-family", relationship)
    job = np.where(rng.random(rows) < 0.7, np.where(sex == "Male", "Craft", "Clerical"),
                   rng.choice(["Craft", "Clerical", "Sales"], size=rows))
    index = rng.permutation(rows) + 500
    data = pd.DataFrame({"relationship": relationship, "occupation": job,
                         "weekday": rng.choice(["Mon", "Tue", "Wed"], size=rows),
                         "hours": rng.integers(20, 61, size=rows).astype(float)}, index=index)
    return data, pd.Series(sex, index=index, name="gender")


def _proxy_model():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder

    return make_pipeline(OneHotEncoder(handle_unknown="ignore"), LogisticRegression(max_iter=1000))


def _proxy_score(data, sensitive, columns, cv=None):
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0) if cv is None else cv
    return cross_val_score(_proxy_model(), data[columns], sensitive, cv=cv).mean()


@exercise("permutation importance on held-out data", ML_ALGORITHMS, hints=[
    "Fit the model on the training part; then shuffle one column of the *test* part at a time and see how "
    "much the score drops. `sklearn.inspection.permutation_importance` does the shuffling.",
    "`permutation_importance` takes the fitted model and the *test* part; its result's `importances_mean` "
    "holds one number per column, in the order of `data_test.columns`. A Series keeps the names; sort it "
    "from the largest.",
])
def q1(held_out_importance):
    _check_importance(held_out_importance, _toy_income(), _tree)
    # Second input: five features and a scaled logistic regression.
    data_train, target_train, data_test, target_test = _toy_income(seed=4, rows=300)
    rng = np.random.default_rng(4)
    wider = [part.assign(age=rng.integers(18, 70, size=len(part)).astype(float),
                         gain=rng.exponential(size=len(part))) for part in (data_train, data_test)]
    _check_importance(held_out_importance, (wider[0], target_train, wider[1], target_test), _scaled_logistic)


def _scaled_logistic():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression())


def _check_importance(held_out_importance, split, make_model):
    data_train, target_train, data_test, target_test = split
    originals = _copies(*split)
    result = call(held_out_importance, make_model(), *split,
                  advice="The model it is given is not fitted yet: fit it on data_train, target_train first.")
    for original, argument, name in zip(originals, split, ["data_train", "target_train", "data_test",
                                                           "target_test"]):
        expect_unchanged(original, argument, name, "leave the data as it is")
    expect(not isinstance(result, dict),
           "you returned the whole result of permutation_importance: keep its `importances_mean` in a "
           "Series indexed by the column names.")
    expect(not isinstance(result, np.ndarray),
           "you returned an array: put the importances in a pandas Series indexed by the column names, "
           "`pd.Series(..., index=data_test.columns)`, so each number says which feature it belongs to.")
    expect_type(result, pd.Series, "held_out_importance(...)")
    expect(sorted(map(str, result.index)) == sorted(data_test.columns),
           f"on data with {data_test.shape[1]} features the Series should be indexed by the feature names "
           f"{list(data_test.columns)}; "
           f"its index is {list(result.index)}.")
    values = result.reindex(data_test.columns)
    model = make_model().fit(data_train, target_train)
    held_out = _permutation(model, data_test, target_test)
    expect(not _close(values, getattr(model, "feature_importances_", None)),
           "you returned the impurity importances (`feature_importances_`): they are computed on the "
           "training data while the tree grows. Shuffle the columns of the held-out data with "
           "permutation_importance.")
    expect(not _close(values, _permutation(model, data_train, target_train).importances_mean),
           "your importances were computed on the training data, where a tree that memorised its rows "
           "loses accuracy whatever column is shuffled: pass data_test, target_test to "
           "permutation_importance.")
    expect(not _close(values, held_out.importances_std),
           "you returned `importances_std`, the spread over the repeats: the importance is "
           "`importances_mean`.")
    again = call(held_out_importance, make_model(), *split)
    expect(isinstance(again, pd.Series) and _close(again.reindex(data_test.columns), values),
           "two calls gave two different results: pass `random_state=0` to permutation_importance so the "
           "shuffles can be repeated.")
    expect(_close(values, held_out.importances_mean),
           f"on this small example, permutation_importance(..., n_repeats={N_REPEATS}, random_state=0) on "
           f"the test part gives {_rounded(held_out.importances_mean, data_test.columns)}; yours gives "
           f"{_rounded(values, data_test.columns)}.")
    expect(result.is_monotonic_decreasing,
           "sort the Series from the most to the least important feature (`.sort_values(ascending=False)`); "
           f"yours is in the order {list(result.index)}.")


@exercise("a column of noise that impurity importance overrates", ML_ALGORITHMS, hints=[
    "Add the same kind of column to both parts: `data_train.assign(noise=...)` returns a copy with one more "
    "column. Draw the training column first, then the test column, from one generator seeded with `seed`.",
    "The noise is the last column of the noisy tables, so it is the last of `feature_importances_` and of "
    "the permutation result's `importances_mean` (or look it up by the name 'noise'). Compute the "
    "permutation importance on the noisy test part.",
])
def q2(noise_importance):
    data_train, target_train, data_test, target_test = _toy_income()
    split = (data_train.drop(columns="code"), target_train, data_test.drop(columns="code"), target_test)
    _check_noise(noise_importance, split, 0)
    # Second input: three columns before the noise, and another seed.
    _check_noise(noise_importance, _toy_income(seed=6, rows=210), 2)


def _check_noise(noise_importance, split, seed):
    from sklearn.base import clone

    originals = _copies(*split)
    pair = expect_pair(call(noise_importance, _tree(), *split, seed), f"noise_importance(..., seed={seed})",
                       "(impurity importance, permutation importance)")
    for original, argument, name in zip(originals, split, ["data_train", "target_train", "data_test",
                                                           "target_test"]):
        expect_unchanged(original, argument, name,
                         "add the noise column to a copy, for example with `data_train.assign(noise=...)`")
    impurity, permutation = pair
    data_train, target_train, data_test, target_test = split
    noisy_train, noisy_test = _with_noise(split[0], split[2], seed)
    model = clone(_tree()).fit(noisy_train, target_train)
    expected = (model.feature_importances_[-1],
                _permutation(model, noisy_test, target_test).importances_mean[-1])
    on_train = _permutation(model, noisy_train, target_train).importances_mean[-1]
    expect(not (_close(impurity, expected[1]) and _close(permutation, expected[0])),
           "you returned the permutation importance first: return `(impurity, permutation)`.")
    others = [name for name, value in zip(noisy_train.columns[:-1], model.feature_importances_[:-1])
              if _close(impurity, value)]
    expect(_close(impurity, expected[0]) or not others,
           f"on data whose columns are {list(split[0].columns)} plus the noise, your impurity importance is "
           f"that of the column '{others[0] if others else ''}': the noise is the last column of the noisy "
           "data, so take `feature_importances_[-1]` (or look it up by the name 'noise').")
    expect(not _close(permutation, on_train),
           "your permutation importance was computed on the training data, where the tree uses its noise to "
           "tell memorised rows apart: compute it on the noisy *test* part.")
    again = expect_pair(call(noise_importance, _tree(), *split, seed), f"noise_importance(..., seed={seed})",
                        "(impurity importance, permutation importance)")
    expect(_close(again, pair),
           "two calls with the same seed gave different results: draw the noise from "
           "`np.random.default_rng(seed)`, and pass `random_state=0` to permutation_importance.")
    expect(_close(impurity, expected[0]) and _close(permutation, expected[1]),
           f"on a small example with the columns {list(split[0].columns)}, the noise drawn as the exercise "
           "says (training column first, then "
           f"the test column) and seed={seed}, the pair is ({expected[0]:.4f}, {expected[1]:.4f}); yours is "
           f"({impurity:.4f}, {permutation:.4f}).")
    if seed == 0:
        other = expect_pair(call(noise_importance, _tree(), *split, 1), "noise_importance(..., seed=1)",
                            "(impurity importance, permutation importance)")
        expect(not _close(other, pair),
               "with seed=1 you get the same pair as with seed=0: seed the generator with the function's "
               "`seed`.")


@exercise("partial dependence on a grid", ML_ALGORITHMS, hints=[
    "Partial dependence asks: if *everyone* had this value of the feature, what would the model predict "
    "on average? Set the whole column to one grid value at a time, on a copy of the data.",
    "`data.assign(**{feature: value})` returns a copy with the column named by `feature` set to `value` for "
    "every row; column 1 of `predict_proba` is the probability of class 1. (scikit-learn's "
    "`partial_dependence` with `custom_values` computes the same curve.)",
])
def q3(partial_dependence_curve):
    from sklearn.linear_model import LogisticRegression
    from sklearn.tree import DecisionTreeClassifier

    data_train, target_train, data_test, _ = _toy_income()
    model = LogisticRegression(max_iter=1000).fit(data_train, target_train)
    _check_curve(partial_dependence_curve, model, data_test, "hours", [25.0, 35.0, 45.0, 55.0])
    # Second input: a tree, another feature, the grid as an array.
    data_train, target_train, data_test, _ = _toy_income(seed=8, rows=270)
    tree = DecisionTreeClassifier(max_depth=4, random_state=0).fit(data_train, target_train)
    _check_curve(partial_dependence_curve, tree, data_test, "years", np.array([9.0, 12.0, 16.0]))


def _check_curve(partial_dependence_curve, model, data_test, feature, grid):
    original = data_test.copy()
    curve = _quietly(partial_dependence_curve, model, data_test, feature, grid)
    expect_unchanged(original, data_test, "data",
                     "set the column on a copy (`data.assign(...)` or `data.copy()`), not in the data itself")
    if isinstance(curve, (list, tuple)):
        curve = np.asarray(curve)
    expect(not (isinstance(curve, np.ndarray) and curve.shape == (1, len(grid))),
           f"your curve has shape {getattr(curve, 'shape', None)}: partial_dependence returns one row per "
           "output, so take the first row, `['average'][0]`, a 1-D array.")
    expect_array(curve, "partial_dependence_curve(...)", shape=(len(grid),), kind="f")
    rows = [data_test.assign(**{feature: value}) for value in grid]
    expected = np.array([model.predict_proba(row)[:, 1].mean() for row in rows])
    expect(not _close(curve, 1 - expected),
           "you averaged the probability of class 0 (column 0 of predict_proba): take column 1, the "
           "probability of the positive class.")
    expect(not _close(curve, [model.predict(row).mean() for row in rows]),
           "you averaged the 0/1 predictions of `predict`: average the probabilities of class 1, "
           "`predict_proba(...)[:, 1]`, which change smoothly with the feature.")
    expect(not _close(curve, [model.predict_proba(row.iloc[:1])[0, 1] for row in rows]),
           "you returned the curve of a single person (an ICE curve): partial dependence averages the "
           "predictions over every row of the data.")
    for column in data_test.columns.drop(feature):
        expect(not _close(curve, [model.predict_proba(row)[:, 1].mean() for row in
                                  [data_test.assign(**{column: value}) for value in grid]]),
               f"called with feature='{feature}', you set the column '{column}': set the column named by "
               "`feature`, `data.assign(**{feature: value})`.")
    expect(close_for_dtype(curve, expected, curve.dtype),
           f"on this small example the average probability of class 1 with '{feature}' set to {list(grid)} "
           f"is {np.round(expected, 4).tolist()}; yours is {np.round(curve, 4).tolist()}.")


@exercise("selection rate per group", STATISTICS, hints=[
    "The selection rate of a group is the share of *that group* the model selects (predicts 1). "
    "A mean of 0/1 values is a share.",
    "Give the decisions the groups' index (`pd.Series(predicted, index=groups.index)`) so they line up, then "
    "group them by the stripped labels; `groupby` sorts the groups.",
])
def q4(selection_rate_by_group):
    _, predicted, groups = _toy_decisions()
    raw = " " + groups  # as the census file writes its categories
    originals = (predicted.copy(), raw.copy())
    result = call(selection_rate_by_group, predicted, raw)
    expect_unchanged(originals[0], predicted, "predicted", "leave the decisions as they are")
    expect_unchanged(originals[1], raw, "groups", "strip a copy (`groups.str.strip()` returns a new Series)")
    _expect_per_group(result, raw, "selection_rate_by_group(predicted, groups)")
    expected = _selection_rates(predicted, groups)
    values = result.astype(float)
    expect(not _close(values, pd.Series(predicted).groupby(groups).mean().sort_index()),
           "your decisions are lined up with the wrong people: `predicted` is an array in the same row order "
           "as `groups`, whose index holds the rows' labels (not 0, 1, 2...). Give the array the same index, "
           "`pd.Series(predicted, index=groups.index)`, or group `predicted` by `groups.to_numpy()`.")
    counts = pd.Series(predicted, index=groups.index).groupby(groups).sum()
    expect(not _close(values, counts),
           "you counted the selected people of each group: divide by the group's size to get a rate (the "
           "mean of the 0/1 decisions).")
    expect(not _close(values, counts / predicted.sum()),
           "you divided by the number of people selected overall: that is each group's share of the "
           "selected, not the share of the group that is selected. Divide by the group's size.")
    expect(not _close(values, np.full(len(expected), predicted.mean())),
           "every group gets the overall selection rate: compute the rate within each group.")
    expect(_close(values, expected),
           f"in this example group 'a' has 4 people of whom 1 is selected, so its rate is 0.25; the rates "
           f"are {expected.round(4).to_dict()}, yours are {values.round(4).to_dict()}.")
    # Second input: four groups already stripped, one of them with nobody selected.
    _, predicted, groups = _other_decisions()
    result = call(selection_rate_by_group, predicted, groups)
    _expect_per_group(result, groups, "selection_rate_by_group(predicted, groups) on labels without a space")
    expected = _selection_rates(predicted, groups)
    expect(_close(result.astype(float), expected),
           "on four groups labelled without a leading space, one of them with nobody selected, the rates are "
           f"{expected.round(4).to_dict()}; yours are {result.astype(float).round(4).to_dict()}.")


@exercise("error rate and false negative rate per group", STATISTICS, hints=[
    "Two different denominators: the error rate counts mistakes among *everyone* in the group; the false "
    "negative rate counts the missed positives among the group's *actual positives* (target 1) only.",
    "A mean of True/False values per group is a rate. For the false negative rate, keep only the rows with "
    "target 1 before grouping; a group left with no row then has no rate, which `reindex` to every group "
    "leaves as NaN.",
])
def q5(error_rates_by_group):
    _check_error_rates(error_rates_by_group, *_toy_decisions())
    # Second input: four groups, 'west' without anyone whose target is 1.
    target, predicted, groups = _other_decisions()
    result = call(error_rates_by_group, target, predicted, groups)
    _expect_per_group(result, groups, "error_rates_by_group(target, predicted, groups)", kind="DataFrame")
    expect(sorted(map(str, result.columns)) == sorted(RATES),
           f"the DataFrame should have the two columns {RATES}; it has {list(result.columns)}.")
    west = result.loc["west", "false_negative_rate"]
    expect(pd.isna(west),
           "group 'west' has nobody whose target is 1, so it has no false negative rate: leave NaN there, "
           f"not {shown(west)}.")
    _check_error_rates(error_rates_by_group, target, predicted, groups)


def _check_error_rates(error_rates_by_group, target, predicted, groups):
    originals = (target.copy(), predicted.copy(), groups.copy())
    result = call(error_rates_by_group, target, predicted, groups)
    for original, argument, name in zip(originals, (target, predicted, groups), ["target", "predicted",
                                                                                 "groups"]):
        expect_unchanged(original, argument, name, "leave it as it is")
    _expect_per_group(result, groups, "error_rates_by_group(target, predicted, groups)", kind="DataFrame")
    expect(sorted(map(str, result.columns)) == sorted(RATES),
           f"the DataFrame should have the two columns {RATES}; it has {list(result.columns)}.")
    errors = np.asarray(target) != predicted
    actual = np.asarray(target) == 1
    missed = actual & (predicted == 0)
    error_rate = _per_group(errors, groups)
    fnr = _per_group(missed[actual], groups[actual]).reindex(error_rate.index)
    error, false_negative = result["error_rate"].astype(float), result["false_negative_rate"].astype(float)
    expect(not (_close(error, fnr) and _close(false_negative, error_rate)),
           "your two columns are swapped: 'error_rate' is the share of mistakes, 'false_negative_rate' the "
           "share of actual positives the model missed.")
    expect(not _close(error, np.full(len(error_rate), errors.mean())),
           "every group gets the overall error rate: compute the rate within each group.")
    expect(not _close(error, _per_group(errors[actual], groups[actual])),
           "your error rate divides by the group's actual positives only: the error rate counts the mistakes "
           "(false positives and false negatives) among *all* the people of the group.")
    expect(_close(error, error_rate),
           f"the error rate of a group is its share of people whose decision differs from their target; on "
           f"this example {error_rate.round(4).to_dict()}, yours {error.round(4).to_dict()}.")
    expect(not _close(false_negative, _per_group(missed, groups)),
           "your false negative rate divides by everyone in the group: divide the missed positives by the "
           "group's *actual positives* (target 1) only.")
    predicted_negative = predicted == 0
    expect(not _close(false_negative, _per_group(missed[predicted_negative], groups[predicted_negative])
                      .reindex(error_rate.index)),
           "your false negative rate divides by the people predicted 0: divide the missed positives by the "
           "group's *actual positives* (target 1).")
    expect(not _close(false_negative, 1 - fnr),
           "you returned the true positive rate (the share of actual positives the model finds): the false "
           "negative rate is the share it misses, 1 minus that.")
    expect(_close(false_negative, fnr),
           f"on this example the false negative rates are {fnr.round(4).to_dict()}; yours are "
           f"{false_negative.round(4).to_dict()}.")


@exercise("demographic parity: difference and ratio", STATISTICS, hints=[
    "Compute each group's selection rate first (the share of the group predicted 1); then compare the "
    "highest rate with the lowest.",
    "The selection rates of exercise 4 (without the stripping); then the largest and the smallest of them, "
    "every group counted, a rate of 0 included.",
])
def q6(demographic_parity):
    _, predicted, groups = _toy_decisions()
    originals = (predicted.copy(), groups.copy())
    difference, ratio = expect_pair(call(demographic_parity, predicted, groups),
                                    "demographic_parity(predicted, groups)", "(difference, ratio)")
    expect_unchanged(originals[0], predicted, "predicted", "leave it as it is")
    expect_unchanged(originals[1], groups, "groups", "leave it as it is")
    rates = _selection_rates(predicted, groups)
    expected = (rates.max() - rates.min(), rates.min() / rates.max())
    expect(not math.isclose(difference, -expected[0]),
           f"your difference is negative ({difference:.4f}): it is the largest selection rate minus the "
           "smallest, so it is 0 or more.")
    expect(not math.isclose(ratio, rates.max() / rates.min()),
           f"your ratio is above 1 ({ratio:.4f}): divide the smallest selection rate by the largest, so 1 "
           "means parity and a smaller number a larger gap.")
    expect(not (math.isclose(difference, expected[1]) and math.isclose(ratio, expected[0])),
           "you returned the ratio first: return `(difference, ratio)`.")
    counts = pd.Series(predicted, index=groups.index).groupby(groups).sum()
    expect(not math.isclose(difference, counts.max() - counts.min()),
           "you compared the numbers of selected people: compare the selection *rates* (each group's count "
           "divided by its size), since the groups differ in size.")
    first_two = rates.iloc[:2]
    expect(not math.isclose(difference, abs(first_two.iloc[0] - first_two.iloc[1])),
           "you compared only two of the groups: the difference is between the highest and the lowest "
           "selection rate over all groups.")
    if not (math.isclose(difference, expected[0]) and math.isclose(ratio, expected[1])):
        shifted = pd.Series(predicted).groupby(groups).mean()  # decisions lined up by label, not position
        expect(not (math.isclose(difference, shifted.max() - shifted.min())
                    and math.isclose(ratio, shifted.min() / shifted.max())),
               "your decisions are lined up with the wrong people: `predicted` is in the same row order as "
               "`groups`, whose index holds row labels (not 0, 1, 2...). Give the decisions the groups' "
               "index, `pd.Series(predicted, index=groups.index)`.")
        raise Mistake(f"the selection rates here are {rates.round(4).to_dict()}, so the pair is "
                      f"({expected[0]:.4f}, {expected[1]:.4f}); yours is ({difference:.4f}, {ratio:.4f}).")
    # Second input: four groups, 'east' with nobody selected.
    _, predicted, groups = _other_decisions()
    difference, ratio = expect_pair(call(demographic_parity, predicted, groups),
                                    "demographic_parity(predicted, groups)", "(difference, ratio)")
    rates = _selection_rates(predicted, groups)
    if not (math.isclose(difference, rates.max() - rates.min()) and math.isclose(ratio, 0, abs_tol=1e-12)):
        kept = rates[rates > 0]
        expect(not (math.isclose(difference, kept.max() - kept.min())
                    and math.isclose(ratio, kept.min() / kept.max())),
               "group 'east' has nobody selected: a selection rate of 0 is a real rate and counts, so the "
               "ratio is 0 and the difference is the largest rate.")
        raise Mistake(f"on four groups whose selection rates are {rates.round(4).to_dict()}, the pair is "
                      f"({rates.max() - rates.min():.4f}, 0.0); yours is ({difference:.4f}, {ratio:.4f}).")


@exercise("equal opportunity difference", STATISTICS, hints=[
    "Equal opportunity looks only at the people who *should* be selected (target 1): among them, which "
    "share does the model select in each group? That is each group's true positive rate.",
    "Keep only the rows whose target is 1, then compute a per-group mean of the decisions, as for the "
    "selection rate; a group with no such row then simply has no rate.",
])
def q7(equal_opportunity_difference):
    target, predicted, groups = _toy_decisions()
    originals = (target.copy(), predicted.copy(), groups.copy())
    difference = expect_number(call(equal_opportunity_difference, target, predicted, groups),
                               "equal_opportunity_difference(target, predicted, groups)")
    for original, argument, name in zip(originals, (target, predicted, groups), ["target", "predicted",
                                                                                 "groups"]):
        expect_unchanged(original, argument, name, "leave it as it is")
    rates = _true_positive_rates(target, predicted, groups)
    expected = rates.max() - rates.min()
    expect(not math.isclose(difference, -expected),
           f"your difference is negative ({difference:.4f}): take the largest true positive rate minus the "
           "smallest.")
    selection = _selection_rates(predicted, groups)
    expect(not math.isclose(difference, selection.max() - selection.min()),
           "you compared the selection rates over everyone (that is demographic parity): equal opportunity "
           "compares the selection rates among the people whose target is 1 only.")
    hits = _per_group((np.asarray(target) == 1) & (predicted == 1), groups)
    expect(not math.isclose(difference, hits.max() - hits.min()),
           "you divided the true positives by everyone in the group: the true positive rate divides them by "
           "the group's actual positives (target 1).")
    expect(math.isclose(difference, expected),
           f"the true positive rates here are {rates.round(4).to_dict()}, so the difference is "
           f"{expected:.4f}; yours is {difference:.4f}.")
    # Second input: four groups, 'east' and 'west' without anyone whose target is 1.
    target, predicted, groups = _other_decisions()
    difference = expect_number(call(equal_opportunity_difference, target, predicted, groups),
                               "equal_opportunity_difference(target, predicted, groups)")
    rates = _true_positive_rates(target, predicted, groups)
    if not math.isclose(difference, rates.max() - rates.min()):
        filled = rates.reindex(sorted(set(groups))).fillna(0)
        expect(not math.isclose(difference, filled.max() - filled.min()),
               "groups 'east' and 'west' have nobody whose target is 1: they have no true positive rate, so "
               "leave them out rather than counting their rate as 0.")
        raise Mistake(f"on four groups whose true positive rates are {rates.round(4).to_dict()} ('east' and "
                      "'west' have nobody with target 1), the difference is "
                      f"{rates.max() - rates.min():.4f}; yours is {difference:.4f}.")


@exercise("how well other columns predict the sensitive one", ML_ALGORITHMS, hints=[
    "If a model can guess the sensitive attribute from the other columns, dropping that attribute does not "
    "hide it. Measure the guess honestly: cross-validate, never score on the rows the model was fitted on.",
    "`cross_val_score(model, X, y, cv=...)` returns one accuracy per fold: build the pipeline and the folds "
    "the exercise names, select `data[columns]`, and average the fold scores.",
])
def q8(proxy_accuracy):
    from sklearn.model_selection import StratifiedKFold

    data, sensitive = _toy_proxy()
    columns = ["relationship", "occupation"]
    originals = (data.copy(), sensitive.copy(), list(columns))
    accuracy = expect_number(_quietly(proxy_accuracy, data, sensitive, columns),
                             "proxy_accuracy(data, sensitive, columns)")
    expect_unchanged(originals[0], data, "data", "leave it as it is")
    expect_unchanged(originals[1], sensitive, "sensitive", "leave it as it is")
    expect_unchanged(originals[2], columns, "columns", "leave it as it is")
    expect(0 <= accuracy <= 1, f"an accuracy lies between 0 and 1; yours is {accuracy!r}.")
    expected = _proxy_score(data, sensitive, columns)
    expect(not math.isclose(accuracy, sensitive.value_counts(normalize=True).max()),
           "you returned the share of the most frequent group, the accuracy of always guessing it: that is "
           "the baseline to compare with, not the proxy's accuracy.")
    fitted = _proxy_model().fit(data[columns], sensitive)
    expect(not math.isclose(accuracy, fitted.score(data[columns], sensitive)),
           "you scored the model on the rows it was fitted on: cross-validate it "
           f"(`cross_val_score` with {FOLDS}) and return the mean accuracy.")
    expect(not math.isclose(accuracy, _proxy_score(data, sensitive, list(data.columns))),
           f"you used every column of `data`: use only the columns listed in `columns` ({columns}).")
    expect(not math.isclose(accuracy, _proxy_score(data, sensitive, columns, cv=5)),
           "your folds were not shuffled (`cv=5` cuts the rows in file order): use "
           f"{FOLDS}.")
    for seed in (None, 1, 42):
        cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
        expect(seed is None or not math.isclose(accuracy, _proxy_score(data, sensitive, columns, cv=cv)),
               f"your folds were shuffled with random_state={seed}: use {FOLDS}.")
    expect(math.isclose(accuracy, expected),
           "on this small example, a one-hot encoder and a LogisticRegression(max_iter=1000), "
           f"cross-validated with {FOLDS}, guess the group with a mean accuracy of {expected:.4f}; yours "
           f"gives {accuracy:.4f}.")
    alone = expect_number(_quietly(proxy_accuracy, data, sensitive, ["occupation"]),
                          "proxy_accuracy(data, sensitive, ['occupation'])")
    expect(math.isclose(alone, _proxy_score(data, sensitive, ["occupation"])),
           "with columns=['occupation'] your accuracy is not that of a model on the occupation alone: select "
           "`data[columns]`, the columns you are given.")
    # Second input: a sensitive attribute with three groups.
    rng = np.random.default_rng(31)
    region = pd.Series(np.where(data["weekday"] == "Mon", "Other", np.where(rng.random(len(data)) < 0.5,
                                                                             "Male", "Female")),
                       index=data.index, name="gender")
    three = expect_number(_quietly(proxy_accuracy, data, region, ["weekday", "occupation"]),
                          "proxy_accuracy(data, sensitive, ['weekday', 'occupation'])")
    wanted = _proxy_score(data, region, ["weekday", "occupation"])
    expect(math.isclose(three, wanted),
           "on a table whose sensitive attribute has 3 groups (Female, Male, Other), the mean "
           f"cross-validated accuracy is {wanted:.4f}; yours is {three:.4f}.")
