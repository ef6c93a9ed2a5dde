"""Checks and hints for the assignment "Statistics and linear algebra for ML" (source/stats_linear_algebra).

Each check runs the learner's function on small hand-made inputs, the kind shown in the
exercise text, and names the usual mistake: ddof=0, resampling without replacement, a
forgotten seed, a one-sided test, uncentred data, a missing intercept column. The exact values
on the penguin and diabetes data are checked only by the hidden tests.
"""

import math

import numpy as np
import pandas as pd

from mlcourse.exercise import STATISTICS, call, exercise, expect, expect_number, expect_pair, expect_type

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]

ASARRAY = "Turn each input into an array first with `np.asarray(..., dtype=float)`: the check passes lists."


@exercise("standard error of the mean", STATISTICS, hints=[
    "The standard error is the standard deviation of the "
    "values divided by the square root of how many there are.",
    "`np.std(values, ddof=1) / np.sqrt(len(values))`; "
    "convert a list first with `np.asarray(values, dtype=float)`.",
])
def q1(standard_error):
    values = [2, 4, 4, 4, 5, 5, 7, 9]
    se = expect_number(call(standard_error, values, advice=ASARRAY),
                       "standard_error([2, 4, 4, 4, 5, 5, 7, 9])")
    expect(not math.isclose(se, 2 / math.sqrt(8)),
           "you used the standard deviation with ddof=0 (np.std's default). The standard error estimates "
           "how much the mean of a sample varies, "
           "so use the sample standard deviation: np.std(values, ddof=1).")
    expect(not math.isclose(se, math.sqrt(32 / 7)),
           "you returned the standard deviation itself: "
           "divide it by the square root of the number of values.")
    expect(not math.isclose(se, math.sqrt(32 / 7) / 8),
           "you divided by n: divide by the square root of n, np.sqrt(len(values)).")
    expect(math.isclose(se, math.sqrt(32 / 7) / math.sqrt(8)),
           "standard_error([2, 4, 4, 4, 5, 5, 7, 9]) "
           f"should be about 0.756 (the example in the exercise), not {se!r}.")


@exercise("bootstrap confidence interval", STATISTICS, hints=[
    "Follow the four steps in the exercise text: a generator from the seed, resamples with replacement, "
    "one mean per resample, two percentiles of those means.",
    "`rng = np.random.default_rng(seed)`; `resamples = rng.choice(values, size=(n_resamples, len(values)), "
    "replace=True)`; `means = resamples.mean(axis=1)`; `np.percentile(means, [100 * (1 - level) / 2, "
    "100 * (1 + level) / 2])`.",
])
def q2(bootstrap_ci):
    values = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0]
    advice = ("Convert a list with `np.asarray(values, dtype=float)`, and draw the resamples with "
              "replacement: `rng.choice(values, size=(n_resamples, len(values)), replace=True)`.")
    low, high = expect_pair(call(bootstrap_ci, values, 1000, 0, advice=advice),
                            "bootstrap_ci(values, 1000, 0)", "(low, high)")
    expect(not math.isclose(low, high),
           "your interval has zero width: every resample has the same mean. That happens when you resample "
           "without replacement (a shuffle of the same values). Draw with replacement: replace=True.")
    expect(low < high, f"the interval should be (low, high) with low < high, got ({low}, {high}).")
    data_ends = np.percentile(values, [2.5, 97.5])
    expect(not np.allclose([low, high], data_ends),
           "you took the percentiles of the values themselves: take them of the resample means instead.")
    expect(high >= np.mean(values),
           f"both ends of your interval ({low}, {high}) are below the sample mean "
           f"{np.mean(values)}: np.percentile takes percentages from 0 to 100 "
           "(2.5 and 97.5 for a 95% interval), not fractions (0.025 and 0.975).")
    expect(low <= np.mean(values) <= high,
           "a bootstrap interval for the mean should contain the "
           f"sample mean {np.mean(values)}, got ({low}, {high}).")
    expect(high - low < np.ptp(values),
           f"the interval ({low}, {high}) is as wide as the data: the percentiles should be of the {1000} "
           "resample means, one mean per resample (mean over axis=1).")
    standard_error = np.std(values, ddof=1) / math.sqrt(len(values))
    expect(high - low > standard_error,
           f"the interval ({low}, {high}) is far too narrow for 8 values: "
           "take one mean per resample. The resamples form an array of shape "
           "(n_resamples, len(values)), one resample per row, so average each row (axis=1).")
    again = expect_pair(call(bootstrap_ci, values, 1000, 0), "bootstrap_ci(values, 1000, 0)", "(low, high)")
    expect(again == (low, high),
           "two calls with the same seed gave different intervals: create the generator inside your function "
           "with rng = np.random.default_rng(seed), and draw every resample from it.")
    other = expect_pair(call(bootstrap_ci, values, 1000, 1), "bootstrap_ci(values, 1000, 1)", "(low, high)")
    expect(other != (low, high),
           "seed 0 and seed 1 gave exactly the same interval: "
           "pass the `seed` argument to np.random.default_rng.")
    low50, high50 = expect_pair(call(bootstrap_ci, values, 1000, 0, 0.5),
                                "bootstrap_ci(values, 1000, 0, level=0.5)", "(low, high)")
    expect(high50 - low50 < high - low,
           f"a 50% interval ({low50}, {high50}) should be narrower than the 95% one ({low}, {high}): "
           "use `level` to choose the percentiles, 100 * (1 - level) / 2 and 100 * (1 + level) / 2.")


@exercise("Welch's t statistic", STATISTICS, hints=[
    "t is the difference of the two means divided by the standard error of that difference.",
    "`(a.mean() - b.mean()) / np.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))`, "
    "with a and b converted by `np.asarray(..., dtype=float)`.",
])
def q3(welch_t):
    a, b = [1, 2, 3, 4], [3, 5, 7]
    t = expect_number(call(welch_t, a, b, advice=ASARRAY), "welch_t([1, 2, 3, 4], [3, 5, 7])")
    expect(not math.isclose(t, 1.889822365046136),
           "the sign is reversed: compute mean(a) - mean(b), so t is negative when a has the smaller mean.")
    expect(not math.isclose(t, -2.2808577638091165),
           "you used variances with ddof=0: each group's variance should be the sample variance, ddof=1.")
    expect(not math.isclose(abs(t), 2.029994857352875),
           "this is Student's t with a pooled variance: Welch's t keeps the two variances apart, "
           "sqrt(var_a / n_a + var_b / n_b).")
    expect(not math.isclose(abs(t), 1.4285714285714286),
           "you forgot the square root: divide by sqrt(var_a / n_a + var_b / n_b).")
    expect(math.isclose(t, -1.889822365046136),
           "welch_t([1, 2, 3, 4], [3, 5, 7]) should be about "
           f"-1.890 (the example in the exercise), not {t!r}.")
    same = expect_number(call(welch_t, [2.0, 4.0, 6.0], [4.0, 2.0, 6.0]),
                         "welch_t of two groups with the same mean")
    expect(math.isclose(same, 0.0, abs_tol=1e-12),
           f"two groups with the same mean should give t = 0, got {same!r}.")


@exercise("permutation test", STATISTICS, hints=[
    "If the group labels did not matter, shuffling them would give differences as large as the observed one "
    "quite often. Count how often it does.",
    "`pooled = np.concatenate([a, b])`; in a loop, `shuffled = rng.permutation(pooled)`, then compare "
    "`abs(shuffled[:len(a)].mean() - shuffled[len(a):].mean())` with `abs(observed)`; "
    "return `(count + 1) / (n_permutations + 1)`.",
])
def q4(permutation_pvalue):
    low, high = [1.0, 2.0, 3.0, 4.0, 5.0], [11.0, 12.0, 13.0, 14.0, 15.0]
    advice = ASARRAY + " Then shuffle the pooled values with rng.permutation(pooled)."
    p = expect_number(call(permutation_pvalue, low, high, 999, 0, advice=advice), "permutation_pvalue(...)")
    expect(p > 0, "a permutation p-value is never 0: add 1 to the count and to the number of permutations, "
                  "(count + 1) / (n_permutations + 1), "
                  "because the observed split is one of the possible shuffles.")
    expect(p <= 1, f"a p-value is a proportion between 0 and 1, got {p!r}.")
    expect(p < 0.5,
           "two clearly different groups got a large p-value: count the shuffles whose difference is at "
           "least as extreme in absolute value, np.abs(difference) >= abs(observed) (a two-sided test).")
    expect(p < 0.05, f"groups 1..5 and 11..15 should give a small p-value (below 0.05), got {p!r}.")
    mixed = expect_number(call(permutation_pvalue, [1.0, 4.0, 2.0, 3.0], [3.0, 2.0, 4.0, 1.0], 999, 0),
                          "permutation_pvalue of two groups with the same values")
    expect(mixed > 0.5, f"two groups holding the same values should give a p-value near 1, got {mixed!r}.")
    expect(math.isclose(mixed, 1.0),
           "two groups holding the same values have an observed difference of 0, and every shuffled "
           "difference is at least that large in absolute value, so the p-value should be exactly 1, "
           f"got {mixed!r}: count the differences with `>=` (at least as extreme), not `>`.")
    again = expect_number(call(permutation_pvalue, low, high, 999, 0), "permutation_pvalue(...)")
    expect(again == p, "two calls with the same seed gave different p-values: "
                       "create the generator inside your function with rng = np.random.default_rng(seed).")
    fewer = expect_number(call(permutation_pvalue, low, high, 9, 0), "permutation_pvalue(low, high, 9, 0)")
    expect(fewer >= 0.1, "with 9 permutations the smallest possible p-value is (0 + 1) / (9 + 1) = 0.1: "
                         f"use n_permutations shuffles and divide by n_permutations + 1 (got {fewer!r}).")


@exercise("Pearson correlation", STATISTICS, hints=[
    "Centre both variables first; the correlation is then a dot product divided by the product of two norms.",
    "With `xc = x - x.mean()` and `yc = y - y.mean()`: "
    "`np.sum(xc * yc) / np.sqrt(np.sum(xc ** 2) * np.sum(yc ** 2))`.",
])
def q5(pearson_r):
    x, y = [1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 9.0]
    r = expect_number(call(pearson_r, x, y, advice=ASARRAY), "pearson_r([1, 2, 3, 4], [2, 4, 5, 9])")
    shifted = expect_number(call(pearson_r, [v + 100 for v in x], y), "pearson_r(x + 100, y)")
    expect(math.isclose(r, shifted, rel_tol=1e-9),
           "adding 100 to x changed your correlation: centre x and y (subtract their means) before "
           "multiplying, or you compute the cosine of the raw vectors, not a correlation.")
    expect(-1 - 1e-12 <= r <= 1 + 1e-12,
           f"a correlation lies between -1 and 1, got {r!r}: use the same ddof (or none) in the covariance "
           "and in both standard deviations, so the factors cancel.")
    line = expect_number(call(pearson_r, [1.0, 2.0, 3.0], [7.0, 5.0, 3.0]),
                         "pearson_r on a falling straight line")
    expect(math.isclose(line, -1.0), f"points on a falling straight line have r = -1, got {line!r}.")
    expect(math.isclose(r, 0.9647638212377322),
           "pearson_r([1, 2, 3, 4], [2, 4, 5, 9]) "
           f"should be about 0.965 (the example in the exercise), not {r!r}.")


@exercise("least squares by the normal equations", STATISTICS, hints=[
    "The intercept is the coefficient of a column of ones: add that column, then solve A^T A beta = A^T y.",
    "`A = np.column_stack([np.ones(len(X)), X])`, then `np.linalg.solve(A.T @ A, A.T @ y)`.",
])
def q6(least_squares):
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = 3 + 2 * X[:, 0]
    advice = ("Build the design matrix with np.column_stack([np.ones(len(X)), X]) "
              "after X = np.asarray(X, dtype=float).")
    coef = call(least_squares, X, y, advice=advice)
    expect_type(coef, np.ndarray, "least_squares(X, y)")
    expect(coef.shape != (1,),
           "you returned 1 coefficient for 1 feature: add a column of ones to X for "
           "the intercept, so the line does not have to pass through the origin.")
    expect(coef.shape == (2,), f"with 1 feature the result should hold 2 values (intercept, slope), "
                               f"a 1-D array of shape (2,), got shape {coef.shape}.")
    expect(not np.allclose(coef, [2.0, 3.0]),
           "the intercept should come first: put the column of ones first.")
    expect(np.allclose(coef, [3.0, 2.0]),
           f"the points lie on y = 3 + 2x, so the result should be [3, 2], got {coef}.")
    X2 = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0], [0.0, 3.0]])
    y2 = 1 + 2 * X2[:, 0] - X2[:, 1]
    coef2 = call(least_squares, X2, y2, advice=advice)
    expect(np.shape(coef2) == (3,),
           f"with 2 features the result should hold 3 values, got shape {np.shape(coef2)}.")
    expect(np.allclose(coef2, [1.0, 2.0, -1.0]), f"y = 1 + 2 x1 - x2 should give [1, 2, -1], got {coef2}.")
    frame, series = pd.DataFrame(X2, columns=["x1", "x2"]), pd.Series(y2, name="y")
    coef3 = call(least_squares, frame, series, advice=advice)
    expect(isinstance(coef3, np.ndarray) and np.shape(coef3) == (3,) and np.allclose(coef3, [1.0, 2.0, -1.0]),
           f"with X as a DataFrame and y as a Series the result should be the same NumPy array [1, 2, -1], "
           f"got a {type(coef3).__name__}: convert both first with np.asarray(..., dtype=float).")


@exercise("PCA by hand", STATISTICS, hints=[
    "Three steps: centre each column, take the SVD, "
    "project the centred data onto the first right singular vectors.",
    "`Xc = X - X.mean(axis=0)`; `U, S, Vt = np.linalg.svd(Xc, full_matrices=False)`; "
    "`projected = Xc @ Vt[:n_components].T`; `ratio = S[:n_components] ** 2 / np.sum(S ** 2)`.",
])
def q7(pca_by_hand):
    X = np.array([[102.0, 1.0, 10.0], [104.0, 3.0, 11.0], [101.0, 2.0, 9.0],
                  [107.0, 6.0, 12.0], [103.0, 2.0, 8.0], [105.0, 5.0, 14.0]])
    advice = "Centre first, Xc = X - X.mean(axis=0), then U, S, Vt = np.linalg.svd(Xc, full_matrices=False)."
    result = call(pca_by_hand, X, 2, advice=advice)
    expect(isinstance(result, tuple) and len(result) == 2,
           f"pca_by_hand should return a tuple (projected, ratio), got {type(result).__name__}.")
    projected, ratio = result
    expect_type(projected, np.ndarray, "the projected data")
    expect_type(ratio, np.ndarray, "the explained variance ratio")
    expect(projected.shape == (6, 2), f"6 rows and 2 components should give projected data of shape (6, 2), "
                                      f"got {projected.shape}: project with Xc @ Vt[:n_components].T.")
    expect(ratio.shape == (2,),
           f"the ratio should hold one value per component, shape (2,), got {ratio.shape}.")
    expect(np.allclose(projected.mean(axis=0), 0.0),
           "your projected data do not have mean 0: centre the data (subtract each column's mean) before the "
           "SVD, otherwise the first component points at the mean instead of along the spread.")
    expect(np.all(ratio > 0) and np.all(np.diff(ratio) <= 1e-12),
           "the ratios should be positive and decreasing "
           f"(the first component explains the most), got {ratio}.")
    expect(not math.isclose(ratio.sum(), 1.0),
           "your 2 ratios add up to 1: divide the squared singular values by the sum over ALL of them, "
           "np.sum(S ** 2), not only the ones you keep.")
    expect(ratio.sum() < 1,
           f"ratios are fractions of the total variance, so they add up to at most 1, got {ratio}.")
    variances = projected.var(axis=0)
    total = X.var(axis=0).sum()
    expect(np.allclose(variances / total, ratio),
           "each ratio should be the variance of that projected column divided by the total variance: "
           "S[:n_components] ** 2 / np.sum(S ** 2), with S from the SVD of the centred data.")
    _, full = call(pca_by_hand, X, 3)
    expect(math.isclose(float(np.sum(full)), 1.0), "with every component kept the ratios should add up to 1.")
    from_frame = call(pca_by_hand, pd.DataFrame(X, columns=["a", "b", "c"]), 2, advice=advice)
    expect(isinstance(from_frame, tuple) and len(from_frame) == 2
           and all(isinstance(part, np.ndarray) for part in from_frame),
           "with a DataFrame as X both results should still be NumPy arrays: convert X first with "
           "np.asarray(X, dtype=float).")
    expect(np.allclose(np.abs(from_frame[0]), np.abs(projected)) and np.allclose(from_frame[1], ratio),
           "a DataFrame and the same values as an array should give the same result.")
