"""Checks and hints for the assignment "Linear models and feature engineering" (source/linear_models).

Each check runs the learner's function on a small data set made here, computes what the exercise
asks for on that same data (gradient descent by hand, scikit-learn's Ridge, Lasso and logistic
regression, a spline pipeline, a target encoder in and out of the folds), and names the usual
mistake when the two differ: a forgotten bias column, the gradient's sign, a missing 1/n, no
scaler before a penalty, C read as a strength, np.log on zeros, an encoder fitted on every row.
The exact values on the real data (diabetes, penguins, Adult) are checked only by the hidden tests.
"""

import math
import warnings

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import r2_score
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import (
    FunctionTransformer,
    KBinsDiscretizer,
    PolynomialFeatures,
    SplineTransformer,
    StandardScaler,
    TargetEncoder,
)

from mlcourse.exercise import (
    DATA_HANDLING,
    ML_ALGORITHMS,
    STATISTICS,
    Mistake,
    call,
    exercise,
    expect,
    expect_pair,
    expect_unchanged,
    same_numbers,
    shown,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]

FOLDS = "StratifiedKFold(n_splits=5, shuffle=True, random_state=0)"
# The steps that let a linear model draw a curve, and the linear models that may follow them.
CURVE_STEPS = (PolynomialFeatures, SplineTransformer, KBinsDiscretizer)
LINEAR_MODELS = (LinearRegression, Ridge)
# How much better than a straight line a curved model must do on the check's held-out rows.
CURVE_MARGIN = 0.3


# --- private helpers ------------------------------------------------------------------------------


def _quietly(function, *args, advice=""):
    """``call()`` with convergence and ill-conditioning warnings silenced (the check's data is tiny)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", UserWarning)
        return call(function, *args, advice=advice)


def _vector(value, what: str, size: int, names: str) -> np.ndarray:
    """The learner's weights or gradient as a 1-D float array of ``size``, or a Mistake saying why not."""
    expect(isinstance(value, (np.ndarray, list, tuple, pd.Series)),
           f"{what} should return a 1-D NumPy array of {size} numbers ({names}), "
           f"not {type(value).__name__} ({value!r:.60}).")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise Mistake(f"{what} should return {size} numbers ({names}); got {value!r:.60}.") from None
    flatten = (" (a column or a row of numbers is 2-D: flatten it with `.ravel()`)"
               if array.size == size else "")
    expect(array.ndim == 1,
           f"{what} should return a 1-D array of {size} numbers, but it has shape {array.shape}{flatten}.")
    expect(array.size != size - 1,
           f"{what} returned {array.size} numbers for {size - 1} features: the intercept is missing. "
           "Add a column of ones in front of the data (the bias column), so the weights are "
           f"{size} numbers, the intercept first.")
    expect(array.size == size, f"{what} should return {size} numbers ({names}), not {array.size}.")
    return array


def _with_bias(data) -> np.ndarray:
    data = np.asarray(data, dtype=float)
    return np.column_stack([np.ones(len(data)), data])


def _linear_descent(data, target, rate, steps, factor=2.0, mean=True, sign=1.0, once=False):
    """Gradient descent on the mean squared error, with the variants learners write by mistake:
    another factor, a sum instead of a mean, the wrong sign, the gradient at the start reused."""
    design, y = _with_bias(data), np.asarray(target, dtype=float)
    weights = np.zeros(design.shape[1])
    first = None
    for _ in range(steps):
        gradient = factor * design.T @ (design @ weights - y) / (len(y) if mean else 1)
        first = gradient if first is None or not once else first
        weights = weights - sign * rate * first
    return weights


def _toy_regression(seed=3, rows=30):
    rng = np.random.default_rng(seed)
    data = pd.DataFrame({"x1": rng.normal(size=rows), "x2": rng.normal(size=rows)})
    target = pd.Series(4 + 2 * data["x1"] - 3 * data["x2"] + rng.normal(scale=0.5, size=rows), name="y")
    return data, target


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _log_loss(design, y, weights):
    p = _sigmoid(design @ weights)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def _toy_classification(seed=5, rows=40):
    rng = np.random.default_rng(seed)
    data = pd.DataFrame({"x1": rng.normal(size=rows), "x2": rng.normal(size=rows)})
    chance = _sigmoid(0.5 + 1.5 * data["x1"] - data["x2"])
    return data, pd.Series((rng.random(rows) < chance).astype(int), name="label")


def _toy_units(seed=4, rows=60):
    """Five features in wildly different units: two carry the signal (one in tiny units), three are noise."""
    rng = np.random.default_rng(seed)
    a, b, c, d, e = rng.normal(size=(5, rows))
    data = pd.DataFrame({"strong": a * 10, "tiny_unit": b / 1000, "noise_1": c, "noise_2": d * 50,
                         "noise_3": e})
    target = pd.Series(20 + 5 * a + 3 * b + rng.normal(scale=2, size=rows), name="y")
    return data, target


def _ridge_coefficients(data, target, alpha, scaled=True):
    model = make_pipeline(StandardScaler(), Ridge(alpha=alpha)) if scaled else Ridge(alpha=alpha)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # an unscaled, ill-conditioned fit warns; it is the mistake shown
        return model.fit(data, target)[-1].coef_ if scaled else model.fit(data, target).coef_


def _lasso_coefficients(data, target, alpha, scaled=True):
    steps = [StandardScaler(), Lasso(alpha=alpha)] if scaled else [Lasso(alpha=alpha)]
    model = make_pipeline(*steps)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit(data, target)[-1].coef_


def _names(value, what: str) -> list:
    expect(not isinstance(value, (str, dict)) and isinstance(value, (list, tuple, np.ndarray, pd.Index)),
           f"{what} should return a list of column names, not {type(value).__name__} ({value!r:.60}).")
    items = list(value)
    expect(all(isinstance(item, str) for item in items),
           f"{what} should return the *names* of the surviving columns (strings, such as 'bmi'), "
           f"not their coefficients or positions; got {items!r:.60}.")
    return items


def _toy_sexes(seed=7, rows=120):
    """Three body measurements in very different units, and a 0/1 label that depends on all of them."""
    rng = np.random.default_rng(seed)
    a, b, c = rng.normal(size=(3, rows))
    data = pd.DataFrame({"mass_g": 4000 + 500 * a, "bill_m": 0.04 + 0.004 * b, "depth_mm": 17 + 2 * c})
    label = pd.Series((rng.random(rows) < _sigmoid(1.5 * a + b + 0.7 * c)).astype(int), name="male")
    return data, label


def _norms(data, target, strengths, inverse=True, scaled=True, order=2, intercept=False):
    values = []
    for strength in strengths:
        logistic = LogisticRegression(C=1 / strength if inverse else strength, max_iter=1000)
        model = make_pipeline(StandardScaler(), logistic) if scaled else make_pipeline(logistic)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            fitted = model.fit(data, target)[-1]
        weights = np.r_[fitted.intercept_, fitted.coef_.ravel()] if intercept else fitted.coef_.ravel()
        values.append(np.linalg.norm(weights, ord=order))
    return np.array(values)


def _toy_curve(seed=6, rows=300):
    """Weekly hours that rise, then fall with age, like the Adult data's: a straight line misses the bend."""
    rng = np.random.default_rng(seed)
    age = rng.uniform(17, 90, rows)
    hours = 40 - 0.05 * (age - 45) ** 2 + rng.normal(scale=8, size=rows)
    data, target = pd.DataFrame({"age": age}), pd.Series(hours, name="hours_per_week")
    split = rows * 2 // 3
    return data[:split], target[:split], data[split:], target[split:]


def _steps(model) -> list:
    """Every estimator inside ``model``: the steps of (nested) pipelines and column transformers."""
    if isinstance(model, Pipeline):
        return [inner for _, step in model.steps for inner in _steps(step)]
    if isinstance(model, ColumnTransformer):
        return [model] + [inner for _, part, _ in model.transformers for inner in _steps(part)]
    return [model]


def _toy_incomes(seed=9):
    """Census-like columns: two skewed money columns (mostly 0), two ordinary ones, and an id to drop."""
    rng = np.random.default_rng(seed)
    rows = 40
    gain = np.where(rng.random(rows) < 0.3, np.round(rng.exponential(4000, rows)), 0.0)
    loss = np.where(rng.random(rows) < 0.25, np.round(rng.exponential(1500, rows)), 0.0)
    gain[:2], loss[2] = [0.0, 25000.0], 2000.0  # zeros and a large value in the first rows, on purpose
    return pd.DataFrame({"id": np.arange(rows), "age": rng.integers(18, 80, rows).astype(float),
                         "gain": gain, "loss": loss, "hours": rng.integers(10, 70, rows).astype(float)})


def _skew_reference(train, test, skewed, other, log=np.log1p, log_other=False, scale_skewed=True,
                    scale_first=False):
    logged = FunctionTransformer(log)
    if scale_skewed:
        steps = [StandardScaler(), logged] if scale_first else [logged, StandardScaler()]
        logged = make_pipeline(*steps)
    rest = make_pipeline(FunctionTransformer(log), StandardScaler()) if log_other else StandardScaler()
    reference = ColumnTransformer([("log", logged, skewed), ("scale", rest, other)])
    with np.errstate(divide="ignore", invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return reference.fit(train).transform(test)


def _folds():
    return StratifiedKFold(n_splits=5, shuffle=True, random_state=0)


def _toy_categories(seed=8, rows=400):
    """A category that matters (6 groups) and a code with 150 values that is pure noise."""
    rng = np.random.default_rng(seed)
    group = rng.integers(0, 6, rows)
    data = pd.DataFrame({"group": [f"g{g}" for g in group],
                         "code": [f"c{c}" for c in rng.integers(0, 150, rows)]})
    target = pd.Series((rng.random(rows) < 0.2 + 0.12 * group).astype(int), name="label")
    return data, target


def _encoding_scores(data, target, leak="fit", honest_cv="folds", outer="folds", scoring="roc_auc"):
    """The leaky and honest scores of the exercise, and the variants a learner may compute instead."""
    folds = _folds()
    outer_cv = folds if outer == "folds" else 5
    if leak == "fit":
        encoded = TargetEncoder().fit(data, target).transform(data)
    else:  # "fit_transform": the encoder's own cross-fitting, on every row
        encoded = TargetEncoder(cv=folds).fit_transform(data, target)
    leaky = cross_val_score(LogisticRegression(), encoded, target, cv=outer_cv, scoring=scoring).mean()
    encoder = TargetEncoder(cv=folds) if honest_cv == "folds" else TargetEncoder(cv=honest_cv)
    honest = cross_val_score(make_pipeline(encoder, LogisticRegression()), data, target, cv=outer_cv,
                             scoring=scoring).mean()
    return leaky, honest


# --- the exercises -------------------------------------------------------------------------------


@exercise("gradient descent for linear regression", STATISTICS, hints=[
    "Put a column of ones in front of the data so the intercept is just one more weight. Then repeat "
    "`n_steps` times: predict with the current weights, compute the gradient of the mean squared error "
    "at those weights, and step *against* it.",
    "`np.column_stack` puts the column of ones in front; size the zero weights from the design matrix's "
    "number of columns. Inside the loop, the gradient is the formula of the text at the current weights.",
])
def q1(gd_linear_regression):
    data, target = _toy_regression()
    original = data.copy()
    what = "gd_linear_regression(data, target, 0.1, n_steps=0)"
    start = _vector(call(gd_linear_regression, data, target, 0.1, 0), what, 3,
                    "the intercept, then one weight per feature")
    expect_unchanged(original, data, "data", "build the design matrix as a new array")
    expect(np.all(start == 0), f"with n_steps=0 no step is taken, so the weights are the starting point, "
                               f"all zeros; yours are {start.round(4)}.")
    what = "gd_linear_regression(data, target, 0.1, n_steps=1)"
    one = _vector(call(gd_linear_regression, data, target, 0.1, 1), what, 3, "the intercept first")
    expected = _linear_descent(data, target, 0.1, 1)
    if not same_numbers(one, expected):
        expect(not same_numbers(one, _linear_descent(data, target, 0.1, 1, sign=-1)),
               "your step goes the wrong way: the gradient points uphill, towards a larger error. "
               "Subtract it: `weights = weights - learning_rate * gradient`, with the gradient "
               "`2 / n * design.T @ (prediction - target)` (prediction minus target, in that order).")
        expect(not same_numbers(one, _linear_descent(data, target, 0.1, 1, mean=False)),
               f"your first step is {len(target)} times too long: the loss is the *mean* of the squared "
               "errors, so its gradient is divided by n, the number of rows.")
        expect(not same_numbers(one, _linear_descent(data, target, 0.1, 1, factor=1.0)),
               "your first step is half as long as it should be: the derivative of (prediction - target)² "
               "is 2 (prediction - target), so the gradient has a factor 2.")
        expect(not same_numbers(one, np.r_[expected[1:], expected[0]]),
               "your intercept is last: put the column of ones *first* in the design matrix, "
               "so weights[0] is the intercept.")
        expect(one[0] != 0 or math.isclose(expected[0], 0),
               "your intercept never moves: the column of ones is missing from the design matrix "
               "(a weight multiplied by zeros gets a zero gradient).")
        raise Mistake(f"on this small example, one step from zeros with learning_rate=0.1 gives "
                      f"{expected.round(4)}; yours gives {one.round(4)}.")
    what = "gd_linear_regression(data, target, 0.1, n_steps=3)"
    three = _vector(call(gd_linear_regression, data, target, 0.1, 3), what, 3, "the intercept first")
    expect(not same_numbers(three, _linear_descent(data, target, 0.1, 3, once=True)),
           "every step reuses the gradient of the first step: recompute the predictions and the gradient "
           "inside the loop, from the current weights.")
    expected = _linear_descent(data, target, 0.1, 3)
    expect(same_numbers(three, expected),
           f"after 3 steps the weights should be {expected.round(4)}; yours are {three.round(4)}. Each "
           "step should start from the weights the previous one left.")
    array_result = _vector(call(gd_linear_regression, data.to_numpy(), target.to_numpy(), 0.1, 3,
                                advice="The data may come as NumPy arrays: convert it with "
                                       "np.asarray(data, dtype=float) rather than use DataFrame methods."),
                           "gd_linear_regression(<NumPy arrays>, ..., n_steps=3)", 3, "the intercept first")
    expect(same_numbers(array_result, expected),
           "your function gives another result when the data comes as NumPy arrays instead of a DataFrame "
           "and a Series: convert both with np.asarray(..., dtype=float).")
    many = _vector(call(gd_linear_regression, data, target, 0.1, 500),
                   "gd_linear_regression(data, target, 0.1, n_steps=500)", 3, "the intercept first")
    exact = LinearRegression().fit(data, target)
    closed = np.r_[exact.intercept_, exact.coef_]
    expect(same_numbers(many, closed, rtol=1e-4, atol=1e-6),
           f"after 500 steps gradient descent should have reached the least-squares weights of "
           f"LinearRegression, {closed.round(4)}; yours are {many.round(4)}.")
    # Another shape: four features and 25 rows, as NumPy arrays.
    rng = np.random.default_rng(13)
    wide = rng.normal(size=(25, 4))
    response = 1.5 + wide @ [1.0, -2.0, 0.5, 3.0] + rng.normal(scale=0.3, size=25)
    what = "gd_linear_regression(<25 rows, 4 features>, ..., 0.05, n_steps=4)"
    result = _vector(call(gd_linear_regression, wide, response, 0.05, 4,
                          advice="The number of weights is the number of columns of the design matrix, "
                                 "which changes with the data: size them from it."),
                     what, 5, "the intercept, then one weight per feature")
    expected = _linear_descent(wide, response, 0.05, 4)
    expect(same_numbers(result, expected),
           f"with 4 features and 25 rows, 4 steps with learning_rate=0.05 give {expected.round(4)};"
           f" yours give "
           f"{result.round(4)}. Nothing in the function should depend on the first example's size.")


@exercise("the gradient of the log-loss", STATISTICS, hints=[
    "With the bias column in front of the data, the probabilities are `sigmoid(design @ weights)`. "
    "The gradient of the mean log-loss has the same shape as the linear regression's, "
    "with the probabilities in place of the predictions and without the factor 2.",
    "The sigmoid of `design @ weights` gives the probabilities; the gradient multiplies `design.T` by "
    "the probabilities minus the targets, and takes the mean over the rows.",
])
def q2(logistic_gradient):
    data, target = _toy_classification()
    original = data.copy()
    weights = np.array([0.5, -1.0, 2.0])
    given = weights.copy()
    what = "logistic_gradient(data, target, [0.5, -1.0, 2.0])"
    gradient = _vector(call(logistic_gradient, data, target, weights), what, 3,
                       "one partial derivative per weight, the intercept's first")
    expect_unchanged(original, data, "data", "build the design matrix as a new array")
    expect_unchanged(given, weights, "weights", "compute the gradient without changing them")
    design, y = _with_bias(data), target.to_numpy(dtype=float)
    probability = _sigmoid(design @ weights)
    expected = design.T @ (probability - y) / len(y)
    if not same_numbers(gradient, expected):
        expect(not same_numbers(gradient, -expected),
               "your gradient has the wrong sign: it is `design.T @ (probability - target) / n`, "
               "probability minus target. (Gradient descent then subtracts it.)")
        expect(not same_numbers(gradient, expected * len(y)),
               f"your gradient is {len(y)} times too large: the log-loss is a *mean* over the rows, "
               "so divide by n.")
        expect(not same_numbers(gradient, design.T @ (design @ weights - y) / len(y)),
               "you used the raw scores `design @ weights` in place of probabilities: pass them through "
               "the sigmoid, 1 / (1 + exp(-score)), first.")
        expect(not same_numbers(gradient, np.r_[expected[1:], expected[0]]),
               "your intercept's derivative is last: put the column of ones first, "
               "as weights[0] is the intercept.")
        expect(not same_numbers(gradient, 2 * expected),
               "your gradient is twice too large: unlike the squared error, the log-loss's gradient has no "
               "factor 2.")
        raise Mistake(f"on this small example the gradient at weights [0.5, -1.0, 2.0] is "
                      f"{expected.round(4)}; yours is {gradient.round(4)}.")
    zero = _vector(call(logistic_gradient, data.to_numpy(), target.to_numpy(), np.zeros(3)),
                   "logistic_gradient(<NumPy arrays>, ..., zeros)", 3, "the intercept's first")
    expect(same_numbers(zero, design.T @ (0.5 - y) / len(y)),
           "at weights 0 every probability is 0.5, so the gradient is design.T @ (0.5 - target) / n; yours "
           "differs when the data comes as NumPy arrays. Convert them with np.asarray(..., dtype=float).")
    # Another shape: 25 rows and three features.
    rng = np.random.default_rng(14)
    other = rng.normal(size=(25, 3))
    labels = (rng.random(25) < _sigmoid(other @ [1.0, -1.0, 0.5])).astype(float)
    weights = np.array([0.2, 0.5, -0.3, 1.0])
    result = _vector(call(logistic_gradient, other, labels, weights),
                     "logistic_gradient(<25 rows, 3 features>, ..., [0.2, 0.5, -0.3, 1.0])", 4,
                     "one partial derivative per weight, the intercept's first")
    design = _with_bias(other)
    expected = design.T @ (_sigmoid(design @ weights) - labels) / len(labels)
    ratio = np.divide(result, expected, out=np.zeros_like(expected), where=expected != 0)
    divisor = len(labels) / ratio[0] if ratio[0] else 0
    expect(not (np.allclose(ratio, ratio[0]) and not math.isclose(ratio[0], 1) and divisor > 0
                and math.isclose(divisor, round(divisor))),
           f"with 25 rows your gradient is {ratio[0]:.3g} times the right one: it is divided by "
           f"{round(divisor)} instead of n, the number of rows of the data it is given (here 25).")
    expect(same_numbers(result, expected),
           f"with 25 rows and 3 features the gradient at [0.2, 0.5, -0.3, 1.0] is {expected.round(4)}; "
           f"yours is {result.round(4)}.")


@exercise("a Ridge coefficient path", ML_ALGORITHMS, hints=[
    "For each alpha, fit a pipeline of a StandardScaler and a Ridge with that alpha, and keep the Ridge's "
    "`coef_`. Collect the rows in a DataFrame: one row per alpha, one column per feature.",
    "Loop over `alphas` in the order given; a fitted pipeline's last step is `model[-1]`. "
    "`pd.DataFrame(rows, index=..., columns=...)` builds the table.",
])
def q3(ridge_path):
    data, target = _toy_units()
    original = data.copy()
    alphas = [0.1, 10.0, 1000.0]
    path = _quietly(ridge_path, data, target, alphas)
    expect_unchanged(original, data, "data")
    expect(isinstance(path, pd.DataFrame),
           f"ridge_path should return a DataFrame, not {type(path).__name__} ({path!r:.60}).")
    expect(path.shape != (5, 3),
           "your DataFrame is transposed: one *row* per alpha, one *column* per feature.")
    expect(path.shape[1] != 6,
           "your DataFrame has one column too many: keep the intercept out, only `coef_`.")
    expect(path.shape == (3, 5),
           f"with 3 alphas and 5 features the path should have shape (3, 5); yours has {path.shape}.")
    expect(list(path.index) == alphas,
           f"the index should be the alphas, in the order given ({alphas}); yours is {list(path.index)}.")
    expect(list(path.columns) == list(data.columns),
           f"the columns should be the feature names, `data.columns`; yours are {list(path.columns)}.")
    values = path.to_numpy(dtype=float)
    expected = np.array([_ridge_coefficients(data, target, alpha) for alpha in alphas])
    if same_numbers(values, expected):
        _check_other_path(ridge_path)
        return
    norms = np.linalg.norm(values, axis=1)
    expect(not same_numbers(values, [_ridge_coefficients(data, target, 1 / alpha) for alpha in alphas]),
           "your coefficients *grow* as alpha grows: you used 1 / alpha, the direction of "
           "LogisticRegression's C. In Ridge, alpha is the penalty's strength itself: "
           "`Ridge(alpha=alpha)`, larger alpha, smaller coefficients.")
    unscaled = [_ridge_coefficients(data, target, alpha, scaled=False) for alpha in alphas]
    expect(not same_numbers(values, unscaled, rtol=1e-4),
           "your Ridge saw the raw columns: the penalty then depends on their units (the column in tiny "
           "units needs a huge coefficient, which the penalty crushes). Put a StandardScaler before the "
           "Ridge.")
    expect(bool(np.all(np.diff(norms) < 0)),
           f"the size of the coefficients should shrink as alpha grows; yours has norms {norms.round(3)}.")
    raise Mistake(f"on this small example, with alpha=0.1 StandardScaler + Ridge gives the coefficients "
                  f"{expected[0].round(3)}; yours are {values[0].round(3)}.")


def _check_other_path(ridge_path):
    """A second example: two features in the other order and alphas that are not sorted."""
    data, target = _toy_units()
    data = data[["noise_2", "strong"]]
    alphas = [100.0, 0.5, 5.0]
    path = _quietly(ridge_path, data, target, alphas)
    expect(isinstance(path, pd.DataFrame) and list(path.index) == alphas,
           f"with alphas {alphas} (not sorted) the index should be the alphas, in the order given; yours is "
           f"{list(getattr(path, 'index', []))}.")
    expect(list(path.columns) == list(data.columns),
           f"with the columns {list(data.columns)} the path's columns should be the same; yours are "
           f"{list(path.columns)}.")
    expected = np.array([_ridge_coefficients(data, target, alpha) for alpha in alphas])
    expect(same_numbers(path.to_numpy(dtype=float), expected),
           f"with alphas {alphas} the rows should hold, in that order, the coefficients "
           f"{expected.round(3).tolist()}; yours are {path.to_numpy(dtype=float).round(3).tolist()}.")


@exercise("which features survive the Lasso", ML_ALGORITHMS, hints=[
    "Fit a pipeline of a StandardScaler and a Lasso with the given alpha. The Lasso sets some "
    "coefficients to exactly 0: the features it keeps are the others.",
    "Pair each column name with its coefficient (`zip(data.columns, ...)`) and keep the names whose "
    "coefficient is not 0, whatever its sign.",
])
def q4(lasso_survivors):
    data, target = _toy_units()
    original = data.copy()
    what = "lasso_survivors(data, target, 1.0)"
    kept = _names(_quietly(lasso_survivors, data, target, 1.0), what)
    expect_unchanged(original, data, "data")
    coefficients = _lasso_coefficients(data, target, 1.0)
    expected = [name for name, value in zip(data.columns, coefficients) if value != 0]
    if kept != expected:
        dropped = [name for name in data.columns if name not in expected]
        expect(sorted(kept) != sorted(dropped),
               "you returned the features the Lasso set to zero: return the ones whose coefficient is "
               "*not* 0.")
        raw = _lasso_coefficients(data, target, 1.0, scaled=False)
        expect(kept != [name for name, value in zip(data.columns, raw) if value != 0],
               "your Lasso saw the raw columns: 'tiny_unit' carries signal but is measured in tiny units, "
               "so it needs a huge coefficient, which the penalty removes first. Put a StandardScaler "
               "before the Lasso, so the penalty judges every feature on the same scale.")
        expect(sorted(kept) != sorted(expected),
               f"return the surviving names in the order of the columns ({expected}); yours are {kept}.")
        raise Mistake(f"on this small example, StandardScaler + Lasso(alpha=1.0) keeps {expected}; "
                      f"yours keeps {kept}.")
    strong = _names(_quietly(lasso_survivors, data, target, 6.0), "lasso_survivors(data, target, 6.0)")
    expect(strong == [],
           f"with alpha=6.0 the penalty is strong enough to set every coefficient of this example to 0, so "
           f"no feature survives (return an empty list); yours keeps {strong}. Pass `alpha` to the Lasso.")
    # Another shape: a feature that lowers the target, so its coefficient is negative.
    rng = np.random.default_rng(15)
    a, b, c = rng.normal(size=(3, 80))
    other = pd.DataFrame({"dose": a, "age": b * 10, "noise": c})
    response = pd.Series(10 + 3 * a - 0.4 * b * 10 + rng.normal(scale=1.0, size=80))
    kept = _names(_quietly(lasso_survivors, other, response, 0.5), "lasso_survivors(<a second example>, 0.5)")
    coefficients = _lasso_coefficients(other, response, 0.5)
    expected = [name for name, value in zip(other.columns, coefficients) if value != 0]
    positive = [name for name, value in zip(other.columns, coefficients) if value > 0]
    expect(kept == expected or kept != positive,
           f"on a second example, where 'age' lowers the target, the Lasso keeps {expected}; yours"
           f" keeps only "
           f"the features with a positive coefficient, {kept}. A negative coefficient survives too:"
           f" keep every "
           "feature whose coefficient is not 0.")
    expect(kept == expected,
           f"on a second example StandardScaler + Lasso(alpha=0.5) keeps {expected}; yours keeps {kept}.")


@exercise("C is the inverse of the penalty's strength", ML_ALGORITHMS, hints=[
    "LogisticRegression has no `alpha`: its `C` is the *inverse* of the penalty's strength. A strength "
    "of 100 is C = 1/100. Scale the features first, as for every penalized model.",
    "C is one divided by the strength. Keep one norm per strength, in the order of `strengths`, and "
    "measure the fitted LogisticRegression's `coef_` only.",
])
def q5(coefficient_norms):
    data, target = _toy_sexes()
    original = data.copy()
    strengths = [0.01, 1.0, 100.0]
    result = _quietly(coefficient_norms, data, target, strengths)
    expect_unchanged(original, data, "data")
    norms = _vector(result, "coefficient_norms(data, target, [0.01, 1.0, 100.0])", 3,
                    "one norm per strength")
    expected = _norms(data, target, strengths)
    if same_numbers(norms, expected, rtol=1e-4):
        # Another shape: strengths in no order.
        strengths = [10.0, 0.1, 1.0]
        norms = _vector(_quietly(coefficient_norms, data, target, strengths),
                        "coefficient_norms(data, target, [10.0, 0.1, 1.0])", 3, "one norm per strength")
        expected = _norms(data, target, strengths)
        reordered = same_numbers(np.sort(norms), np.sort(expected), rtol=1e-4)
        expect(not (reordered and not same_numbers(norms, expected, rtol=1e-4)),
               f"with strengths [10.0, 0.1, 1.0] the norms are {expected.round(3)}; yours are the"
               f" same numbers "
               f"in another order, {norms.round(3)}: return them in the order of the strengths given.")
        expect(same_numbers(norms, expected, rtol=1e-4),
               f"with strengths [10.0, 0.1, 1.0] the norms should be {expected.round(3)}; "
               f"yours are {norms.round(3)}.")
        return
    expect(not same_numbers(norms, _norms(data, target, strengths, inverse=False), rtol=1e-4),
           "your coefficients *grow* as the strength grows: you passed the strength as C. C is the inverse "
           "of the strength, `C=1 / strength`: a small C is a strong penalty.")
    expect(not same_numbers(norms, _norms(data, target, strengths, scaled=False), rtol=1e-3),
           "your logistic regression saw the raw columns (grams, metres, millimetres): the penalty then "
           "depends on the units. Put a StandardScaler before it.")
    expect(not same_numbers(norms, _norms(data, target, strengths, order=1), rtol=1e-4),
           "you summed the absolute values (the L1 norm): the L2 norm is the square root of the sum of "
           "squares, `np.linalg.norm(coef_)`.")
    expect(not same_numbers(norms, _norms(data, target, strengths, intercept=True), rtol=1e-4),
           "your norm includes the intercept: the penalty leaves the intercept alone, "
           "so measure `coef_` only.")
    raise Mistake(f"on this small example the norms should be {expected.round(3)}; "
                  f"yours are {norms.round(3)}.")


@exercise("a linear model that bends", ML_ALGORITHMS, hints=[
    "A linear model can only weight the columns it is given. Give it columns that bend: powers of the "
    "feature, or spline bumps along its range. Put that step and the linear model in one pipeline.",
    "For example `make_pipeline(SplineTransformer(n_knots=5), LinearRegression())`, or "
    "`make_pipeline(StandardScaler(), PolynomialFeatures(degree=3), LinearRegression())`. "
    "Return it unfitted.",
])
def q6(make_curve_model):
    data_train, target_train, data_test, target_test = _toy_curve()
    model = call(make_curve_model)
    expect(isinstance(model, BaseEstimator) and hasattr(model, "fit") and hasattr(model, "predict"),
           f"make_curve_model() should return a scikit-learn model (a Pipeline), not "
           f"{type(model).__name__} ({model!r:.60}).")
    steps = _steps(model)
    expect(isinstance(steps[-1], LINEAR_MODELS),
           f"the last step should be a LinearRegression or a Ridge, not {type(steps[-1]).__name__}: this "
           "exercise bends a *linear* model with the features it is given.")
    expect(any(isinstance(step, CURVE_STEPS) for step in steps),
           "your pipeline has no step that makes curved features, so it can only draw a straight line: add a "
           "SplineTransformer or PolynomialFeatures (or a KBinsDiscretizer) before the linear model.")
    fitted = _quietly(model.fit, data_train, target_train)
    expect(fitted is not None and hasattr(fitted, "predict"),
           "`fit` should return the fitted model itself (scikit-learn's convention).")
    try:
        score = r2_score(target_test, model.predict(data_test))
    except Exception as error:  # learner-built pipelines can fail in many ways
        raise Mistake(f"predicting new rows with your fitted model raised "
                      f"{type(error).__name__}: {error}.") from None
    line = r2_score(target_test, LinearRegression().fit(data_train, target_train).predict(data_test))
    expect(score >= line + CURVE_MARGIN,
           f"on this small example (hours that rise, then fall with age) a straight line reaches a held-out "
           f"R² of {line:.2f} and your model {score:.2f}: a curved model should beat the line by at least "
           f"{CURVE_MARGIN}. Check the number of knots, bins or the degree, scale the feature before "
           "high powers, and if you chose a Ridge, keep its alpha small (this example has only 200 "
           "training rows, so a penalty weighs more here than on the Adult data).")
    # Another shape: the same ages as a NumPy array, without a column name.
    fresh = call(make_curve_model)
    fitted = _quietly(fresh.fit, data_train.to_numpy(), target_train.to_numpy(),
                      advice="The model should work on any one numeric column: here the ages come as a NumPy "
                             "array, without a column name.")
    try:
        array_score = r2_score(target_test, fresh.predict(data_test.to_numpy()))
    except Exception as error:  # learner-built pipelines can fail in many ways
        raise Mistake(f"predicting ages given as a NumPy array, without a column name, raised "
                      f"{type(error).__name__}: {error}.") from None
    expect(math.isclose(array_score, score, rel_tol=1e-6, abs_tol=1e-9),
           f"fitted on the same ages as a NumPy array, without a column name, your model reaches a"
           f" held-out R² "
           f"of {array_score:.2f}, not {score:.2f}: it should treat any one numeric column alike.")


@exercise("log and scale the skewed columns", DATA_HANDLING, hints=[
    "A ColumnTransformer with two parts: the skewed columns go through a log, then a StandardScaler (a "
    "two-step pipeline); the other columns only through a StandardScaler. A money column holds zeros, and "
    "log(0) is minus infinity: which NumPy function adds 1 first?",
    "The log step is `FunctionTransformer(np.log1p)`; `make_pipeline` chains it with a StandardScaler. "
    "The ColumnTransformer takes one (name, transformer, columns) triple per group of columns. Return it "
    "unfitted: the exercise fits it.",
])
def q7(make_skew_preprocessor):
    frame = _toy_incomes()
    train, test = frame[:30], frame[30:]
    skewed, other = ["gain", "loss"], ["age", "hours"]
    preprocessor = call(make_skew_preprocessor, skewed, other)
    expect(isinstance(preprocessor, ColumnTransformer),
           f"make_skew_preprocessor should return a ColumnTransformer, not {type(preprocessor).__name__}.")
    expect(not hasattr(preprocessor, "transformers_"),
           "the ColumnTransformer is already fitted: return it unfitted, so that it learns its scaling from "
           "the training rows it is later fitted on.")
    names = [name for name, *_ in preprocessor.transformers]
    expect(names == ["log", "scale"],
           f"name the two parts 'log' and 'scale', in that order; yours are named {names}.")
    columns = [list(np.atleast_1d(cols)) for *_, cols in preprocessor.transformers]
    expect(columns == [skewed, other],
           f"'log' should get `skewed_columns` and 'scale' `other_columns`; yours get {columns}.")
    infinite = ("your preprocessor makes infinite values: np.log(0) is minus infinity, and money columns "
                "are mostly 0. Use np.log1p, log(1 + x), which maps 0 to 0.")
    with np.errstate(divide="ignore", invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            out = np.asarray(preprocessor.fit(train).transform(test), dtype=float)
        except Exception as error:  # the learner's transformer may fail in many ways
            expect("infinity" not in str(error), infinite)
            raise Mistake(f"fitting your preprocessor on 30 rows and transforming 10 new ones raised "
                          f"{type(error).__name__}: {error}.") from None
    expect(out.shape[1] != 5 or not same_numbers(out[:, -1], test["id"]),
           "the 'id' column came through: keep the ColumnTransformer's default "
           "remainder='drop', so only the listed columns are kept.")
    expect(out.shape == (10, 4),
           f"fitted on 30 rows and applied to 10 rows of 4 listed columns, the output should have shape "
           f"(10, 4); yours has {out.shape}.")
    expect(not np.isinf(out).any(), infinite)
    expect(not np.isnan(out).any(),
           "your output holds NaN although no value of these columns is missing: a step produced an"
           " undefined "
           "number, as the log of a negative number does. Take the log *first*, then scale (the "
           "StandardScaler makes negative values).")
    expected = _skew_reference(train, test, skewed, other)
    if same_numbers(out, expected):
        _check_other_skew(make_skew_preprocessor, frame)
        return
    expect(not same_numbers(out, _skew_reference(train, test, skewed, other, log=None)),
           "the skewed columns were scaled but never logged: put FunctionTransformer(np.log1p) before their "
           "StandardScaler.")
    expect(not same_numbers(out, _skew_reference(train, test, skewed, other, scale_skewed=False)),
           "the skewed columns were logged but not scaled: follow the log with a StandardScaler, so that a "
           "penalized model weighs them like the others.")
    expect(not same_numbers(out, _skew_reference(train, test, skewed, other, scale_first=True)),
           "you scaled the skewed columns before taking their log: take the log *first*, so the scaler "
           "standardizes the logged values (and never hands the log a negative number).")
    expect(not same_numbers(out, _skew_reference(train, test, skewed, other, log_other=True)),
           "you took the log of the other columns too: only the skewed ones need it.")
    raise Mistake(f"on this small example, the first transformed test row should be {expected[0].round(3)}; "
                  f"yours is {out[0].round(3)}.")


def _check_other_skew(make_skew_preprocessor, frame):
    """A second example: one skewed column and other names, in another order."""
    frame = frame.rename(columns={"gain": "bonus", "age": "years"})
    train, test = frame[:30], frame[30:]
    skewed, other = ["bonus"], ["hours", "years"]
    preprocessor = call(make_skew_preprocessor, skewed, other)
    columns = [list(np.atleast_1d(cols)) for *_, cols in getattr(preprocessor, "transformers", [])]
    expect(columns == [skewed, other],
           f"with make_skew_preprocessor({skewed}, {other}) 'log' should get `skewed_columns` and 'scale' "
           f"`other_columns`; yours get {columns}.")
    with np.errstate(divide="ignore", invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = np.asarray(call(preprocessor.fit(train).transform, test), dtype=float)
    expected = _skew_reference(train, test, skewed, other)
    expect(same_numbers(out, expected),
           f"with make_skew_preprocessor({skewed}, {other}) the first transformed test row should be "
           f"{expected[0].round(3)}; yours is {out[0].round(3)}.")


@exercise("target encoding without a leak", ML_ALGORITHMS, hints=[
    "Both scores cross-validate a LogisticRegression on the seeded folds, scoring ROC-AUC. The leaky one "
    "encodes every row once, with an encoder fitted on all of them, before the cross-validation. The honest "
    "one cross-validates a pipeline, so each training fold fits its own encoder.",
    f"`folds = {FOLDS}`; leaky: `encoded = TargetEncoder().fit(data, target).transform(data)` then "
    "`cross_val_score(LogisticRegression(), encoded, target, cv=folds, scoring=\"roc_auc\").mean()`; "
    "honest: the same cross_val_score on "
    "`make_pipeline(TargetEncoder(cv=folds), LogisticRegression())` and the raw `data`.",
])
def q8(target_encoding_scores):
    data, target = _toy_categories()
    original = data.copy()
    encoder_folds = []
    original_fit_transform = TargetEncoder.fit_transform

    def spy(self, X, y, **params):
        encoder_folds.append(self.cv)
        return original_fit_transform(self, X, y, **params)

    TargetEncoder.fit_transform = spy
    try:
        result = _quietly(target_encoding_scores, data, target)
    finally:
        TargetEncoder.fit_transform = original_fit_transform
    expect_unchanged(original, data, "data")
    leaky, honest = expect_pair(result, "target_encoding_scores(data, target)", "(leaky, honest)")
    for name, value in (("leaky", leaky), ("honest", honest)):
        expect(0 <= value <= 1, f"a ROC-AUC lies between 0 and 1; your {name} score is {shown(value)}.")
    expected_leaky, expected_honest = _encoding_scores(data, target)
    expect(not (math.isclose(leaky, expected_honest) and math.isclose(honest, expected_leaky)),
           "you returned the honest score first: return `(leaky, honest)`.")
    if not math.isclose(leaky, expected_leaky, rel_tol=1e-6):
        fit_transform_leaky, _ = _encoding_scores(data, target, leak="fit_transform")
        expect(not math.isclose(leaky, fit_transform_leaky, rel_tol=1e-6),
               "for the leaky score, encode with `.fit(data, target).transform(data)`: `fit_transform` "
               "cross-fits (each row is encoded by an encoder that did not see it), which hides most of "
               "the leak this exercise measures.")
        expect(not math.isclose(leaky, _encoding_scores(data, target, outer="5")[0], rel_tol=1e-6),
               f"your leaky score uses unshuffled folds (cv=5): pass cv={FOLDS}.")
        expect(not math.isclose(leaky, _encoding_scores(data, target, scoring="accuracy")[0], rel_tol=1e-6),
               "your scores are accuracies: pass `scoring=\"roc_auc\"` to cross_val_score.")
        raise Mistake(f"on this small example (a 6-level group that matters and a 150-level code that is "
                      f"pure noise) the leaky mean ROC-AUC is {expected_leaky:.4f}; yours is {leaky:.4f}.")
    expect(honest < leaky - 0.05,
           f"your honest score ({honest:.3f}) is as high as the leaky one ({leaky:.3f}): the encoder was "
           "fitted on every row, test folds included. Cross-validate a pipeline, "
           "`make_pipeline(TargetEncoder(cv=folds), LogisticRegression())`, on the raw data, so each "
           "training fold fits its own encoder.")
    expect(all(not isinstance(folds, int) for folds in encoder_folds) or not encoder_folds,
           f"your TargetEncoder cross-fits on unseeded folds (its default cv=5 shuffles at random), so the "
           f"honest score changes from run to run: pass it the seeded folds, `TargetEncoder(cv=folds)` with "
           f"folds = {FOLDS}.")
    if not math.isclose(honest, expected_honest, rel_tol=1e-6):
        expect(not math.isclose(honest, _encoding_scores(data, target, outer="5")[1], rel_tol=1e-6),
               f"your honest score uses unshuffled folds (cv=5): pass cv={FOLDS}.")
        raise Mistake(f"on this small example the honest mean ROC-AUC is {expected_honest:.4f}; "
                      f"yours is {honest:.4f}.")
    # Another shape: one categorical column with another name.
    rng = np.random.default_rng(16)
    cities = pd.DataFrame({"city": [f"town{c}" for c in rng.integers(0, 40, 300)]})
    lucky = cities["city"].str.endswith(("1", "2", "3"))
    moved = pd.Series((rng.random(300) < 0.3 + 0.3 * lucky).astype(int))
    result = _quietly(target_encoding_scores, cities, moved,
                      advice="This call's data has one column, 'city': use the columns as they come.")
    pair = expect_pair(result, "target_encoding_scores(<one column, 'city'>)", "(leaky, honest)")
    expected = _encoding_scores(cities, moved)
    expect(all(math.isclose(value, right, rel_tol=1e-6) for value, right in zip(pair, expected)),
           f"on a second example (one column, 'city') the scores should be ({expected[0]:.4f}, "
           f"{expected[1]:.4f}); yours are ({pair[0]:.4f}, {pair[1]:.4f}).")
