"""Checks and hints for the assignment "Statistics and linear algebra for ML" (source/stats_linear_algebra).

Each check runs the learner's function on small hand-made inputs, the kind shown in the
exercise text, and names the usual mistake: ddof=0, resampling without replacement, a
forgotten seed, a one-sided test, uncentred data, a missing intercept column. The exact values
on the penguin and diabetes data are checked only by the hidden tests.
"""

import math

import numpy as np
import pandas as pd

from mlcourse.exercise import (
    STATISTICS,
    Mistake,
    call,
    close_for_dtype,
    exercise,
    expect,
    expect_number,
    expect_pair,
    expect_type,
)

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]

ASARRAY = "Turn each input into an array first with `np.asarray(..., dtype=float)`: the check passes lists."
#: Values with decimals, for the second input of several checks: an answer that keeps only whole numbers
#: (``dtype=int``) is right on the examples of whole numbers only.
DECIMALS = [0.5, 1.5, 2.25, 4.0, 3.75]


def _whole(values) -> np.ndarray:
    """``values`` as an answer that converts them with ``dtype=int`` sees them: decimals cut off."""
    return np.asarray(values, dtype=float).astype(int).astype(float)


def _close(value, wanted) -> bool:
    """A returned number as expected, up to the roundings of its own float type (float32 is fine)."""
    return close_for_dtype(value, wanted)


@exercise("standard error of the mean", STATISTICS, hints=[
    "The standard error is the standard deviation of the "
    "values divided by the square root of how many there are.",
    "NumPy's `std` takes a `ddof` argument: the sample standard deviation is `ddof=1`. Convert a list with "
    "`np.asarray(values, dtype=float)` first, so decimals are kept.",
])
def q1(standard_error):
    values = [2, 4, 4, 4, 5, 5, 7, 9]
    raw = call(standard_error, values, advice=ASARRAY)
    se = expect_number(raw, "standard_error([2, 4, 4, 4, 5, 5, 7, 9])")
    expect(not math.isclose(se, 2 / math.sqrt(8)),
           "you used the standard deviation with ddof=0 (np.std's default). The standard error estimates "
           "how much the mean of a sample varies, "
           "so use the sample standard deviation: np.std(values, ddof=1).")
    expect(not math.isclose(se, math.sqrt(32 / 7)),
           "you returned the standard deviation itself: "
           "divide it by the square root of the number of values.")
    expect(not math.isclose(se, math.sqrt(32 / 7) / 8),
           "you divided by n: divide by the square root of n, np.sqrt(len(values)).")
    expect(_close(raw, math.sqrt(32 / 7) / math.sqrt(8)),
           "standard_error([2, 4, 4, 4, 5, 5, 7, 9]) "
           f"should be about 0.756 (the example in the exercise), not {se!r}.")
    raw = call(standard_error, list(DECIMALS), advice=ASARRAY)
    se = expect_number(raw, f"standard_error({DECIMALS})")
    wanted = float(np.std(DECIMALS, ddof=1) / math.sqrt(len(DECIMALS)))
    whole = _whole(DECIMALS)
    expect(not math.isclose(se, whole.std(ddof=1) / math.sqrt(len(whole))),
           f"standard_error({DECIMALS}) gave {se:.4f}, the standard error of the whole parts "
           f"{whole.astype(int).tolist()}: keep the decimals, `np.asarray(values, dtype=float)` "
           "(`dtype=int` cuts them off).")
    expect(_close(raw, wanted), f"standard_error({DECIMALS}) should be about {wanted:.4f}, got {se!r}.")


@exercise("bootstrap confidence interval", STATISTICS, hints=[
    "Follow the four steps in the exercise text: a generator from the seed, resamples with replacement, "
    "one mean per resample, two percentiles of those means.",
    "The resamples form an array of shape (n_resamples, len(values)): one resample per row, so average "
    "along `axis=1`. `np.percentile` takes percentages from 0 to 100, both computed from `level`.",
])
def q2(bootstrap_ci):
    values = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0]
    advice = ("Convert a list with `np.asarray(values, dtype=float)`, and draw the resamples with "
              "replacement: `rng.choice(values, size=(n_resamples, len(values)), replace=True)`.")
    low, high = expect_pair(call(bootstrap_ci, values, 1000, 0, advice=advice),
                            "bootstrap_ci(values, 1000, 0)", "(low, high)")
    mean = float(np.mean(values))
    if math.isclose(low, high):
        expect(not math.isclose(low, mean),
               f"your interval has zero width, ({low}, {high}), both ends at the sample mean: every resample "
               "had "
               "the same mean as the data, which is what happens when you resample without replacement (each "
               "resample a shuffle of the same values). Draw with replacement: replace=True.")
        raise Mistake(f"your interval has zero width, ({low}, {high}): its ends should be two percentiles of "
                      "the resample means, which differ from one resample to another.")
    expect(low < high, f"the interval should be (low, high) with low < high, got ({low}, {high}).")
    data_ends = np.percentile(values, [2.5, 97.5])
    expect(not np.allclose([low, high], data_ends),
           "you took the percentiles of the values themselves: take them of the resample means instead.")
    # What the exercise's steps draw for (values, 1000, seed 0), to recognise the usual slips exactly.
    resamples = np.random.default_rng(0).choice(np.asarray(values), size=(1000, len(values)), replace=True)
    means = resamples.mean(axis=1)
    expect(not np.allclose([low, high], np.percentile(means, [0.025, 0.975])),
           f"your interval ({low}, {high}) is the 0.025th and 0.975th percentiles of the resample means: "
           "np.percentile takes percentages from 0 to 100 (2.5 and 97.5 for a 95% interval), not fractions.")
    expect(low <= mean <= high,
           f"a bootstrap interval for the mean should contain the sample mean {mean}, got ({low}, {high}).")
    expect(not np.allclose([low, high], np.percentile(resamples, [2.5, 97.5])),
           f"the interval ({low}, {high}) is the percentiles of all the resampled values together: take one "
           "mean per resample first (mean over axis=1), then the percentiles of those 1000 means.")
    expect(not np.allclose([low, high], np.percentile(resamples.mean(axis=0), [2.5, 97.5])),
           f"the interval ({low}, {high}) is far too narrow: it comes from the means of the columns of the "
           "resamples (axis=0). The resamples form an array of shape (n_resamples, len(values)), one "
           "resample per row, so average each row (axis=1).")
    expect(high - low < np.ptp(values),
           f"the interval ({low}, {high}) is as wide as the data: an interval for the mean, from the "
           "percentiles of 1000 resample means, is much narrower than the spread of the values.")
    standard_error = np.std(values, ddof=1) / math.sqrt(len(values))
    expect(high - low > standard_error,
           f"the interval ({low}, {high}) is narrower than one standard error of the mean "
           f"({standard_error:.3f}): "
           "its ends should be the percentiles of the resample means, one mean per resample.")
    again = expect_pair(call(bootstrap_ci, values, 1000, 0), "bootstrap_ci(values, 1000, 0)", "(low, high)")
    expect(again == (low, high),
           "two calls with the same seed gave different intervals: create the generator inside your function "
           "with rng = np.random.default_rng(seed), and draw every resample from it.")
    other = expect_pair(call(bootstrap_ci, values, 1000, 1), "bootstrap_ci(values, 1000, 1)", "(low, high)")
    if other == (low, high):
        for ddof in (1, 0):
            for z in (1.959963984540054, 1.96):
                margin = z * np.std(values, ddof=ddof) / math.sqrt(len(values))
                expect(not np.allclose([low, high], [mean - margin, mean + margin]),
                       f"your interval ({low:.4f}, {high:.4f}) is the normal approximation, mean ± {z:g} × "
                       "standard error: it draws no resample, so the seed changes nothing. The exercise asks "
                       "for a bootstrap: means of resamples drawn with `rng.choice`, then their percentiles.")
        raise Mistake(f"seed 0 and seed 1 gave exactly the same interval ({low:.4f}, {high:.4f}); with "
                      "another "
                      "seed a bootstrap draws other resamples, so its interval moves a little. Draw every "
                      "resample from `rng = np.random.default_rng(seed)`, built from the `seed` argument.")
    low50, high50 = expect_pair(call(bootstrap_ci, values, 1000, 0, 0.5),
                                "bootstrap_ci(values, 1000, 0, level=0.5)", "(low, high)")
    expect((low50, high50) != (low, high),
           f"bootstrap_ci(values, 1000, 0, level=0.5) gave the same interval as level=0.95, ({low}, {high}): "
           "choose the percentiles from `level`, 100 * (1 - level) / 2 and 100 * (1 + level) / 2.")
    expect(high50 - low50 < high - low,
           f"a 50% interval ({low50}, {high50}) should be narrower than the 95% one ({low}, {high}): "
           "use `level` to choose the percentiles, 100 * (1 - level) / 2 and 100 * (1 + level) / 2.")
    spread = [10.0, 12.0, 11.5, 30.0, 9.0, 10.5]
    low2, high2 = expect_pair(call(bootstrap_ci, list(spread), 500, 3, 0.9, advice=advice),
                              f"bootstrap_ci({spread}, 500, 3, level=0.9)", "(low, high)")
    expect(min(spread) <= low2 < np.mean(spread) < high2 <= max(spread),
           f"bootstrap_ci({spread}, 500, 3, level=0.9) gave ({low2}, {high2}): an interval for the mean of "
           f"these 6 values should contain their mean {np.mean(spread):.3f} and lie within their range, "
           f"{min(spread)} to {max(spread)}.")


@exercise("Welch's t statistic", STATISTICS, hints=[
    "t is the difference of the two means divided by the standard error of that difference.",
    "Each group has its own sample variance (`var(ddof=1)`) divided by its own size; add the two, then "
    "take the square root.",
])
def q3(welch_t):
    a, b = [1, 2, 3, 4], [3, 5, 7]
    raw = call(welch_t, a, b, advice=ASARRAY)
    t = expect_number(raw, "welch_t([1, 2, 3, 4], [3, 5, 7])")
    expect(not math.isclose(t, 1.889822365046136),
           "the sign is reversed: compute mean(a) - mean(b), so t is negative when a has the smaller mean.")
    expect(not math.isclose(t, -2.2808577638091165),
           "you used variances with ddof=0: each group's variance should be the sample variance, ddof=1.")
    expect(not math.isclose(abs(t), 2.029994857352875),
           "this is Student's t with a pooled variance: Welch's t keeps the two variances apart, "
           "sqrt(var_a / n_a + var_b / n_b).")
    expect(not math.isclose(abs(t), 1.4285714285714286),
           "you forgot the square root: divide by sqrt(var_a / n_a + var_b / n_b).")
    expect(_close(raw, -1.889822365046136),
           "welch_t([1, 2, 3, 4], [3, 5, 7]) should be about "
           f"-1.890 (the example in the exercise), not {t!r}.")
    same = expect_number(call(welch_t, [2.0, 4.0, 6.0], [4.0, 2.0, 6.0]),
                         "welch_t of two groups with the same mean")
    expect(math.isclose(same, 0.0, abs_tol=1e-12),
           f"two groups with the same mean should give t = 0, got {same!r}.")
    a, b = list(DECIMALS), [2.5, 4.5, 3.25]
    raw = call(welch_t, a, b, advice=ASARRAY)
    t = expect_number(raw, f"welch_t({a}, {b})")
    wanted = _welch(np.asarray(a), np.asarray(b))
    expect(not math.isclose(t, _welch(_whole(a), _whole(b))),
           f"welch_t({a}, {b}) gave {t:.4f}, Welch's t of the whole parts of the values: keep the decimals, "
           "`np.asarray(a, dtype=float)` (`dtype=int` cuts them off).")
    expect(_close(raw, wanted), f"welch_t({a}, {b}) should be about {wanted:.4f}, got {t!r}.")


def _welch(a: np.ndarray, b: np.ndarray) -> float:
    return float((a.mean() - b.mean()) / np.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size))


def _permutations(a, b, n_permutations, seed, *, two_sided=True, strict=False, split=None) -> float:
    """The p-value of the exercise's five steps; the keywords make one of the usual mistakes instead
    (a one-sided count, ``>`` for ``>=``, the shuffled values split after ``split`` values)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    observed = a.mean() - b.mean()
    pooled = np.concatenate([a, b])
    rng = np.random.default_rng(seed)
    cut = len(a) if split is None else split
    count = 0
    for _ in range(n_permutations):
        shuffled = rng.permutation(pooled)
        difference = shuffled[:cut].mean() - shuffled[cut:].mean()
        found, bar = (abs(difference), abs(observed)) if two_sided else (difference, observed)
        count += bool(found > bar if strict else found >= bar)
    return (count + 1) / (n_permutations + 1)


@exercise("permutation test", STATISTICS, hints=[
    "If the group labels did not matter, shuffling them would give differences as large as the observed one "
    "quite often. Count how often it does.",
    "After each `rng.permutation(pooled)`, the new group a is the first `len(a)` values; compare the "
    "absolute values of the differences, and add 1 to both the count and the number of permutations.",
])
def q4(permutation_pvalue):
    low, high = [1.0, 2.0, 3.0, 4.0, 5.0], [11.0, 12.0, 13.0, 14.0, 15.0]
    advice = ASARRAY + " Then shuffle the pooled values with rng.permutation(pooled)."
    raw = call(permutation_pvalue, low, high, 999, 0, advice=advice)
    p = expect_number(raw, "permutation_pvalue([1, ..., 5], [11, ..., 15], 999, 0)")
    expect(p > 0, "a permutation p-value is never 0: add 1 to the count and to the number of permutations, "
                  "(count + 1) / (n_permutations + 1), "
                  "because the observed split is one of the possible shuffles.")
    expect(p <= 1, f"a p-value is a proportion between 0 and 1, got {p!r}.")
    expect(not math.isclose(p, _permutations(low, high, 999, 0, two_sided=False)) or p < 0.5,
           f"two clearly different groups got a p-value of {p:.3f}, which is what counting the shuffled "
           "differences "
           "at least as large as the observed one, with their sign, gives: count those at least as extreme "
           "in "
           "absolute value, np.abs(difference) >= abs(observed) (a two-sided test).")
    expect(p < 0.05, f"groups 1..5 and 11..15 should give a small p-value (below 0.05), got {p!r}.")
    mixed = expect_number(call(permutation_pvalue, [1.0, 4.0, 2.0, 3.0], [3.0, 2.0, 4.0, 1.0], 999, 0),
                          "permutation_pvalue of two groups with the same values")
    same = ([1.0, 4.0, 2.0, 3.0], [3.0, 2.0, 4.0, 1.0], 999, 0)
    expect(not (math.isclose(mixed, _permutations(*same, strict=True)) and not math.isclose(mixed, 1.0)),
           "two groups holding the same values have an observed difference of 0, and every shuffled "
           "difference is at least that large in absolute value, so the p-value should be exactly 1, "
           f"got {mixed!r}: count the differences with `>=` (at least as extreme), not `>`.")
    expect(math.isclose(mixed, 1.0),
           "two groups holding the same values have an observed difference of 0, and every shuffled "
           "difference is at least that large in absolute value, so the p-value should be exactly 1, got "
           f"{mixed!r}.")
    again = expect_number(call(permutation_pvalue, low, high, 999, 0), "permutation_pvalue(...)")
    expect(again == p, "two calls with the same seed gave different p-values: "
                       "create the generator inside your function with rng = np.random.default_rng(seed).")
    fewer = expect_number(call(permutation_pvalue, low, high, 9, 0), "permutation_pvalue(low, high, 9, 0)")
    expect(fewer >= 0.1, "with 9 permutations the smallest possible p-value is (0 + 1) / (9 + 1) = 0.1: "
                         f"use n_permutations shuffles and divide by n_permutations + 1 (got {fewer!r}).")
    small, large = [2.0, 3.5, 1.0], [2.5, 4.0, 5.0, 6.5, 3.0, 4.5]
    raw = call(permutation_pvalue, list(small), list(large), 400, 5, advice=advice)
    uneven = expect_number(raw, f"permutation_pvalue({small}, {large}, 400, 5)")
    wanted = _permutations(small, large, 400, 5)
    expect(not (math.isclose(uneven, _permutations(small, large, 400, 5, split=len(large)))
                and not math.isclose(uneven, wanted)),
           f"with groups of different sizes (3 and 6), permutation_pvalue({small}, {large}, 400, 5) gave "
           f"{uneven:.4f}, what splitting each shuffle after len(b) values gives: the new group a is the "
           "first len(a) values, `shuffled[:len(a)]`.")
    expect(math.isclose(uneven, wanted),
           f"with groups of different sizes (3 and 6), following the five steps, permutation_pvalue({small}, "
           f"{large}, 400, 5) should be {wanted:.4f}, got {uneven!r}.")


@exercise("Pearson correlation", STATISTICS, hints=[
    "Centre both variables first; the correlation is then a dot product divided by the product of two norms.",
    "With `xc = x - x.mean()` and `yc` likewise, the numerator is the sum of `xc * yc`; the denominator "
    "is the square root of a product of two sums of squares.",
])
def q5(pearson_r):
    x, y = [1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 9.0]
    raw = call(pearson_r, x, y, advice=ASARRAY)
    r = expect_number(raw, "pearson_r([1, 2, 3, 4], [2, 4, 5, 9])")
    shifted = expect_number(call(pearson_r, [v + 100 for v in x], y), "pearson_r(x + 100, y)")
    expect(math.isclose(r, shifted, rel_tol=1e-9),
           "adding 100 to x changed your correlation: centre x and y (subtract their means) before "
           "multiplying, or you compute the cosine of the raw vectors, not a correlation.")
    n, true_r = len(x), 0.9647638212377322
    expect(not any(math.isclose(r, true_r * factor) for factor in (n / (n - 1), (n - 1) / n)),
           f"pearson_r([1, 2, 3, 4], [2, 4, 5, 9]) gave {r:.4f}, the correlation times n / (n - 1) or (n - "
           "1) / n: "
           "use the same ddof (or none) in the covariance and in both standard deviations, so the factors "
           "cancel.")
    expect(-1 - 1e-12 <= r <= 1 + 1e-12, f"a correlation lies between -1 and 1, got {r!r}.")
    line = expect_number(call(pearson_r, [1.0, 2.0, 3.0], [7.0, 5.0, 3.0]),
                         "pearson_r on a falling straight line")
    expect(math.isclose(line, -1.0), f"points on a falling straight line have r = -1, got {line!r}.")
    expect(_close(raw, 0.9647638212377322),
           "pearson_r([1, 2, 3, 4], [2, 4, 5, 9]) "
           f"should be about 0.965 (the example in the exercise), not {r!r}.")
    x, y = list(DECIMALS), [1.0, 0.25, 2.75, 3.5, 2.0]
    raw = call(pearson_r, x, y, advice=ASARRAY)
    r = expect_number(raw, f"pearson_r({x}, {y})")
    wanted = float(np.corrcoef(x, y)[0, 1])
    expect(not math.isclose(r, float(np.corrcoef(_whole(x), _whole(y))[0, 1])),
           f"pearson_r({x}, {y}) gave {r:.4f}, the correlation of the whole parts of the values: keep the "
           "decimals, `np.asarray(x, dtype=float)` (`dtype=int` cuts them off).")
    expect(_close(raw, wanted), f"pearson_r({x}, {y}) should be about {wanted:.4f}, got {r!r}.")


@exercise("least squares by the normal equations", STATISTICS, hints=[
    "The intercept is the coefficient of a column of ones: add that column, then solve A^T A beta = A^T y.",
    "`np.column_stack` puts a column of ones in front of X; `np.linalg.solve(M, v)` solves M beta = v, "
    "with M and v built from A with `@` and `.T`.",
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
    "The rows of `Vt` are the components: keep the first n_components of them and project with `@`. The "
    "ratio divides squared singular values by the sum of all of them.",
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
           "SVD, and project the centred data, Xc @ Vt[:n_components].T; uncentred, the first component "
           "points "
           "at the mean instead of along the spread.")
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
    result = call(pca_by_hand, X, 3)
    expect(isinstance(result, tuple) and len(result) == 2, "pca_by_hand(X, 3) should return a tuple "
           f"(projected, ratio), got {type(result).__name__}.")
    projected3, full = (np.asarray(part) for part in result)
    expect(projected3.shape == (6, 3) and full.shape == (3,),
           f"pca_by_hand(X, 3) returned projected data of shape {projected3.shape} and a ratio of shape "
           f"{full.shape}; with n_components=3 they should be (6, 3) and (3,): keep the first n_components "
           "components, `Vt[:n_components]`.")
    expect(math.isclose(float(np.sum(full)), 1.0, rel_tol=1e-6),
           "with every component kept the ratios should add up to 1; yours add up to "
           f"{float(np.sum(full))!r}.")
    wide = np.array([[2.0, 0.5, 7.0, 1.0], [4.0, 1.5, 6.0, 0.0], [3.0, 0.0, 9.0, 2.0],
                     [6.0, 2.5, 8.0, 1.0], [5.0, 1.0, 5.0, 3.0]])
    result = call(pca_by_hand, wide, 1, advice=advice)
    expect(isinstance(result, tuple) and len(result) == 2, "pca_by_hand(X, 1) on a 5 × 4 X should return a "
           f"tuple (projected, ratio), got {type(result).__name__}.")
    one, one_ratio = (np.asarray(part) for part in result)
    expect(one.shape == (5, 1) and one_ratio.shape == (1,),
           "on a 5 × 4 X with n_components=1, the projected data should have shape (5, 1) and the ratio "
           "shape "
           f"(1,); yours have {one.shape} and {one_ratio.shape}.")
    centred = wide - wide.mean(axis=0)
    singular = np.linalg.svd(centred, compute_uv=False)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    expect(np.allclose(one_ratio, singular[:1] ** 2 / np.sum(singular ** 2), rtol=1e-4)
           and np.allclose(np.abs(one), np.abs(centred @ vt[:1].T), rtol=1e-4, atol=1e-6),
           "on a second, 5 × 4 example with n_components=1, your result differs from centre, SVD and "
           "project (up to the sign of the component).")
    from_frame = call(pca_by_hand, pd.DataFrame(X, columns=["a", "b", "c"]), 2, advice=advice)
    expect(isinstance(from_frame, tuple) and len(from_frame) == 2
           and all(isinstance(part, np.ndarray) for part in from_frame),
           "with a DataFrame as X both results should still be NumPy arrays: convert X first with "
           "np.asarray(X, dtype=float).")
    expect(np.allclose(np.abs(from_frame[0]), np.abs(projected)) and np.allclose(from_frame[1], ratio),
           "a DataFrame and the same values as an array should give the same result.")
