"""Checks and hints for the assignment "Scientific Python with NumPy" (source/scientific_python).

Each check runs the learner's function on a small hand-made array, the kind shown in the
exercise text, then on a second one shaped differently (other sizes, other class counts,
unsorted values, a single matching row), and names a mistake (the wrong axis, an integer dtype
where fractions are needed, a forgotten seed, an input array changed in place) only when the
result is exactly what that mistake gives. The exact values on the iris and wine data are
checked only by the hidden tests.
"""

import numpy as np

from mlcourse.exercise import (
    PROGRAMMING,
    STATISTICS,
    call,
    exercise,
    expect,
    expect_array,
    expect_pair,
    expect_type,
    expect_unchanged,
    is_integer,
    shown,
)

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]

_IN_PLACE = ("look for an in-place operation such as `-=` or `/=` or an assignment into `data[...]`, "
             "and build and return a new array instead")


def _same(result, mistaken) -> bool:
    """Whether ``result`` is, value for value, what a mistaken computation gives (shapes must match)."""
    result, mistaken = np.asarray(result), np.asarray(mistaken)
    return (result.shape == mistaken.shape and result.dtype.kind in "biuf"
            and bool(np.allclose(result.astype(float), mistaken.astype(float), rtol=1e-5, atol=1e-8)))


@exercise("column means and standard deviations", PROGRAMMING, hints=[
    "Each column of `data` is one feature. Which axis runs down the rows of a column?",
    "`mean` and `std` take an `axis` argument: the one that gives one value per column. "
    "Return both results as a pair.",
])
def q1(column_stats):
    data = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 60.0]])
    original = data.copy()
    means, stds = expect_pair(call(column_stats, data), "column_stats(data)", "(means, stds)",
                              part=expect_array)
    expect_unchanged(original, data, "array `data`", _IN_PLACE)
    expect(not _same(means, data.mean(axis=1)),
           "for a 3 x 2 array you returned 3 means, one per row: axis=1 summarises each row. "
           "Use axis=0 to get one value per column (feature).")
    expect(not _same(means, data.mean()),
           "you returned a single mean for the whole array: pass axis=0 to summarise each column separately.")
    expect(means.shape == (2,) and stds.shape == (2,),
           f"for a 3 x 2 array both results should have shape (2,), one value per column; "
           f"got {means.shape} and {stds.shape}.")
    expect(not (_same(means, data.std(axis=0)) and _same(stds, data.mean(axis=0))),
           "you returned the pair in the wrong order: the means first, then the standard deviations, "
           "`return means, stds`.")
    expect(np.allclose(means, [2.0, 30.0]),
           f"the column means of [[1, 10], [2, 20], [3, 60]] are [2, 30]; got {means}.")
    expect(not _same(stds, data.std(axis=0, ddof=1)),
           "you used the sample standard deviation (ddof=1); use NumPy's default, ddof=0.")
    expect(np.allclose(stds, data.std(axis=0)),
           f"the second result should be each column's standard deviation; got {stds}.")
    # Another shape: 4 samples of 3 features, negative values.
    other = np.array([[0.5, -2.0, 7.0], [1.5, 4.0, 7.5], [-1.0, 0.0, 9.0], [3.0, 2.0, 8.5]])
    means, stds = expect_pair(call(column_stats, other), "column_stats(other)", "(means, stds)",
                              part=expect_array)
    expect(means.shape == (3,) and stds.shape == (3,),
           f"for a 4 x 3 array both results should have shape (3,), one value per column; "
           f"got {means.shape} and {stds.shape}.")
    expect(np.allclose(means, other.mean(axis=0)) and np.allclose(stds, other.std(axis=0)),
           f"for the 4 x 3 array {other.tolist()} the column means are {other.mean(axis=0).tolist()} and "
           f"the standard deviations {np.round(other.std(axis=0), 4).tolist()}; got {means} and {stds}.")


@exercise("min-max scaling with broadcasting", PROGRAMMING, hints=[
    "Compute the minimum and the maximum of every column first (two arrays of shape (n_features,)).",
    "Subtracting an array of shape (n_features,) from a (n_samples, n_features) array applies it to every "
    "row (broadcasting). An expression like `data - something` creates a new array; `data -= ...` does not.",
])
def q2(min_max_scale):
    data = np.array([[1.0, 10.0], [3.0, 30.0], [2.0, 50.0]])
    original = data.copy()
    scaled = call(min_max_scale, data)
    expect_type(scaled, np.ndarray, "min_max_scale(data)")
    expect_unchanged(original, data, "array `data`", _IN_PLACE)
    expect(scaled.shape == data.shape,
           f"the result should have the shape of the input, (3, 2); got {scaled.shape}.")
    expect(np.issubdtype(scaled.dtype, np.floating),
           f"values between 0 and 1 are fractions, so the dtype should be float; got {scaled.dtype}.")
    expect(not _same(scaled, (data - data.min()) / (data.max() - data.min())),
           "you used the smallest and largest value of the whole array: "
           "each column must be scaled on its own, with the min and max along axis=0.")
    row_low, row_high = data.min(axis=1, keepdims=True), data.max(axis=1, keepdims=True)
    expect(not _same(scaled, (data - row_low) / (row_high - row_low)),
           "you scaled each row (min and max along axis=1): each column (feature) must go from 0 to 1, "
           "so take the min and max along axis=0.")
    low, high = data.min(axis=0), data.max(axis=0)
    expect(not _same(scaled, (data - low) // (high - low)),
           "your values are all whole numbers: `//` is floor "
           "division and drops the decimals. Divide with `/`.")
    expect(np.allclose(scaled, [[0.0, 0.0], [1.0, 0.5], [0.5, 1.0]]),
           "each value should become (value - column min) "
           f"/ (column max - column min): expected [[0, 0], [1, 0.5], [0.5, 1]], got {scaled.tolist()}.")
    # Integers, 3 columns, and minima and maxima in any row (not the first, not the last).
    counts = np.array([[4, 5, -3], [0, 15, 1], [2, 10, -1], [6, 0, 3]])
    counts_before = counts.copy()
    scaled = call(min_max_scale, counts,
                  advice="An integer array cannot hold fractions: do not modify it in place.")
    expect_unchanged(counts_before, counts, "integer array `data`", _IN_PLACE)
    expect_type(scaled, np.ndarray, "min_max_scale(counts)")
    wanted = (counts - counts.min(axis=0)) / (counts.max(axis=0) - counts.min(axis=0))
    if not (scaled.shape == wanted.shape and np.allclose(scaled, wanted)):
        first_row = (counts - counts[0]) / (counts.max(axis=0) - counts[0])
        expect(not _same(scaled, first_row),
               "your function took the first row as the column minima: that holds only when the rows are "
               "sorted. Take the minimum of each column along axis=0.")
        expect(False, f"with the integer array {counts.tolist()} the result should be the float array "
                      f"{wanted.tolist()}; got {scaled.tolist()}.")


@exercise("select one class with a boolean mask", PROGRAMMING, hints=[
    "`target == label` is an array of True/False, one per row.",
    "An array indexed with a boolean mask of the same length keeps the rows where the mask is True.",
])
def q3(class_rows):
    data = np.arange(12.0).reshape(6, 2)
    target = np.array([0, 1, 0, 2, 1, 0])
    rows = call(class_rows, data, target, 0)
    expect_type(rows, np.ndarray, "class_rows(data, target, 0)")
    expect(rows.dtype != bool,
           "you returned the boolean mask itself: use it to select the rows, `data[mask]`.")
    expect(not _same(rows, np.flatnonzero(target == 0)),
           "you returned the row numbers (indices): return the rows of `data` themselves.")
    expect(rows.shape == (3, 2),
           "three rows of this 6 x 2 example have target 0, "
           f"so the result should have shape (3, 2); got {rows.shape}.")
    expect(np.array_equal(rows, data[[0, 2, 5]]),
           "the result should be the rows of `data` whose target equals `label`, in their original order.")
    none = call(class_rows, data, target, 7)
    expect(isinstance(none, np.ndarray) and none.shape == (0, 2),
           f"for a label that no row has, the result should be an empty array of shape (0, 2); "
           f"got {shown(none) if not isinstance(none, np.ndarray) else 'shape ' + str(none.shape)}.")
    # A label that exactly one row has, with 3 features and labels 3, 5, 8.
    other = np.arange(15.0).reshape(5, 3)
    labels = np.array([5, 3, 8, 3, 5])
    one = call(class_rows, other, labels, 8)
    expect(isinstance(one, np.ndarray) and one.shape == (1, 3),
           "when a single row has the label the result should still be a 2-D array, of shape (1, 3) here; "
           f"got {shown(one) if not isinstance(one, np.ndarray) else 'shape ' + str(one.shape)}"
           + (" (squeeze() drops the axis of length 1)"
              if isinstance(one, np.ndarray) and one.shape == (3,) else "")
           + ".")
    expect(np.array_equal(one, other[[2]]), f"class_rows(other, {labels.tolist()}, 8) should be the row "
                                            f"{other[2].tolist()} alone; got {one.tolist()}.")


@exercise("count the values in a range", PROGRAMMING, hints=[
    "Build one mask for each side of the range, then combine them.",
    "Two boolean arrays combine with `&` (and parentheses around each comparison); `True` counts as 1 "
    "when you sum.",
])
def q4(count_between):
    values = np.array([1.0, 2.0, 2.5, 3.0, 4.0])
    count = call(count_between, values, 2.0, 3.0,
                 advice="To combine two conditions on an array write `(values >= low) & (values < high)`: "
                        "Python's `and` and chained comparisons such as `low <= values < high` need a single "
                        "True or False, not an array of them.")
    expect(not isinstance(count, np.ndarray) or count.ndim == 0,
           "return how many values are in the range (a single number), "
           "not the values or the mask themselves.")
    expect(is_integer(count),
           f"a count is a whole number: return an int, for example `int(mask.sum())`; "
           f"got a {type(count).__name__} ({count!r}).")
    # Unsorted values, several equal to `low` and to `high`, integers.
    other = np.array([4, 9, 3, 5, 1, 3, 7, 5, 6, 2])
    found = call(count_between, other, 3, 5)
    expect(is_integer(found), f"a count is a whole number; count_between({other.tolist()}, 3, 5) gave "
                              f"{shown(found)}.")
    mistakes = {
        "you counted values equal to `high`: the range includes `low` but excludes `high` (use `<`).":
            lambda v, lo, hi: int(((v >= lo) & (v <= hi)).sum()),
        "you left out values equal to `low`: the range includes `low` (use `>=`).":
            lambda v, lo, hi: int(((v > lo) & (v < hi)).sum()),
        "your count is what `np.searchsorted` gives on sorted values, but `values` is not sorted: "
        "compare every value with a mask instead.":
            lambda v, lo, hi: int(np.searchsorted(v, hi) - np.searchsorted(v, lo)),
    }
    for message, mistaken in mistakes.items():
        expect(not (count == mistaken(values, 2.0, 3.0) != 2 or found == mistaken(other, 3, 5) != 3), message)
    expect(count == 2, f"[1, 2, 2.5, 3, 4] has 2 values with 2 <= value < 3; got {count}.")
    expect(found == 3, f"{other.tolist()} (unsorted) has 3 values with 3 <= value < 5; got {found}.")
    empty = call(count_between, values, 10.0, 20.0)
    expect(empty == 0, f"when no value is in the range the count should be 0; got {shown(empty)}.")


@exercise("class counts as integers, fractions as floats", PROGRAMMING, hints=[
    "NumPy has a function that counts how often each label 0, 1, 2, ... occurs, zeros included.",
    "`np.bincount(target)` gives the counts; dividing them by the number of samples with `/` (not `//`) "
    "gives float fractions.",
])
def q5(class_balance):
    target = np.array([0, 2, 2, 0, 2, 2])
    counts, fractions = expect_pair(call(class_balance, target), "class_balance(target)",
                                    "(counts, fractions)", part=expect_array)
    expect(counts.shape == (3,),
           f"labels go up to 2 here, so there should be 3 counts (class 1 has none: its count is 0); "
           f"got {counts.tolist()}. `np.bincount` gives an entry for every label from 0 to the largest.")
    expect(np.issubdtype(counts.dtype, np.integer),
           f"counts are whole numbers, so their dtype should be an integer type; got {counts.dtype}.")
    expect(counts.tolist() == [2, 0, 4],
           f"for the target [0, 2, 2, 0, 2, 2] the counts are [2, 0, 4]; got {counts.tolist()}.")
    expect(not np.issubdtype(fractions.dtype, np.integer),
           f"the fractions came out as integers ({fractions.tolist()}): `//` or `astype(int)` throws the "
           "decimals away; divide with `/`.")
    expect(fractions.shape == (3,) and np.allclose(fractions, [1 / 3, 0, 2 / 3]),
           f"each fraction is a class's count divided by the number of samples; got {fractions.tolist()}.")
    # Labels up to 4, unsorted, labels 0 and 3 absent: 5 counts.
    other = np.array([4, 1, 2, 4, 1, 4, 2, 4])
    counts, fractions = expect_pair(call(class_balance, other), f"class_balance({other.tolist()})",
                                    "(counts, fractions)", part=expect_array)
    expect(counts.shape == (5,),
           f"for the target {other.tolist()} labels go up to 4, so there should be 5 counts "
           f"(labels 0 and 3 have none); got {counts.tolist()}.")
    expect(counts.tolist() == [0, 2, 2, 0, 4] and np.allclose(fractions, [0, 0.25, 0.25, 0, 0.5]),
           f"for the target {other.tolist()} the counts are [0, 2, 2, 0, 4] and the fractions "
           f"[0, 0.25, 0.25, 0, 0.5]; got {counts.tolist()} and {fractions.tolist()}.")


@exercise("mean of every feature per class", STATISTICS, hints=[
    "A mask selects the rows of one class; the mean along axis=0 of those rows is that class's mean row.",
    "Loop over the labels that occur (not a fixed number of them, and not over the rows), "
    "and stack the mean rows into one array.",
])
def q6(class_means):
    data = np.array([[1.0, 10.0], [2.0, 40.0], [3.0, 30.0], [5.0, 20.0], [8.0, 60.0]])
    target = np.array([1, 0, 1, 0, 2])
    original = data.copy()
    means = call(class_means, data, target)
    expect_type(means, np.ndarray, "class_means(data, target)")
    expect_unchanged(original, data, "array `data`", _IN_PLACE)
    expect(not _same(means, [data[target == k].mean() for k in range(3)]),
           "you got one number per class: without axis=0 the mean runs over all features at once. "
           "Use `.mean(axis=0)` to get one mean per feature.")
    expect(means.shape == (3, 2),
           "with 3 classes and 2 features the result should have shape (3, 2), "
           f"one row per class; got {means.shape}.")
    expect(np.allclose(means, [[3.5, 30.0], [2.0, 20.0], [8.0, 60.0]]),
           "row k should hold the mean of the rows of class k "
           f"(the labels in increasing order); got {means.tolist()}.")
    # 4 classes, 3 features, labels unsorted.
    other = np.array([[1.0, 0.0, 2.0], [3.0, 4.0, 2.0], [5.0, 2.0, 8.0], [0.0, 6.0, 4.0], [7.0, 8.0, 6.0],
                      [2.0, 2.0, 0.0]])
    labels = np.array([3, 0, 2, 1, 3, 1])
    means = call(class_means, other, labels)
    expect_type(means, np.ndarray, "class_means(other, labels)")
    wanted = np.array([other[labels == k].mean(axis=0) for k in range(4)])
    expect(means.shape == (4, 3),
           f"with 4 classes (labels {labels.tolist()}) and 3 features the result should have shape (4, 3); "
           f"got {means.shape}. Loop over the labels present, not a fixed number of classes.")
    expect(np.allclose(means, wanted),
           f"for the labels {labels.tolist()} row k should be the mean of the rows of class k: expected "
           f"{wanted.tolist()}, got {means.tolist()}.")


@exercise("seeded train/test split of indices", PROGRAMMING, hints=[
    "Create a generator from the seed, and let it shuffle the numbers 0, 1, ..., n_samples - 1.",
    "The generator's `permutation` shuffles the indices; slicing splits them: the first `n_test` for the "
    "test set, the rest, as they come, for training.",
])
def q7(split_indices):
    train, test = expect_pair(call(split_indices, 10, 3, 0), "split_indices(10, 3, 0)", "(train, test)",
                              part=expect_array)
    expect(train.ndim == 1 and test.ndim == 1,
           "train and test should each be a 1-D array of indices; "
           f"got shapes {train.shape} and {test.shape}.")
    expect(not (len(train) == 3 and len(test) == 7),
           "you returned (test, train): return the training indices first, then the test indices.")
    expect(len(train) == 7 and len(test) == 3,
           "with 10 samples and n_test=3 there should be 7 training "
           f"and 3 test indices; got {len(train)} and {len(test)}.")
    expect(np.issubdtype(train.dtype, np.integer) and np.issubdtype(test.dtype, np.integer),
           f"indices should be integers, so they can select rows (`data[train]`); got {train.dtype} and "
           f"{test.dtype}.")
    expect(sorted(np.concatenate([train, test]).tolist()) == list(range(10)),
           "together, train and test should hold every index 0..9 exactly once.")
    shuffled = np.random.default_rng(0).permutation(10)
    expect(not (np.array_equal(test, shuffled[-3:]) and np.array_equal(train, shuffled[:-3])),
           "you took the test indices from the end of the shuffled order: the test set is the FIRST n_test "
           "shuffled indices, `shuffled[:n_test]`, and the training set the rest, `shuffled[n_test:]`.")
    again_train, again_test = expect_pair(call(split_indices, 10, 3, 0), "split_indices(10, 3, 0)",
                                          "(train, test)", part=expect_array)
    expect(np.array_equal(train, again_train) and np.array_equal(test, again_test),
           "calling your function twice with the same seed gave different splits: create the generator "
           "with `np.random.default_rng(seed)`, passing the seed.")
    splits = [tuple(np.asarray(call(split_indices, 10, 3, seed)[1]).tolist()) for seed in range(5)]
    expect(any(list(split) != [0, 1, 2] for split in splits),
           "the test indices are always 0, 1, 2: shuffle first, "
           "then take them from `rng.permutation(n_samples)`.")
    expect(len(set(splits)) > 1,
           "every seed gave the same split: use the `seed` argument, not a fixed number.")
    # Another size, another seed: the training indices keep their shuffled order.
    train, test = expect_pair(call(split_indices, 12, 4, 7), "split_indices(12, 4, 7)", "(train, test)",
                              part=expect_array)
    expect(len(train) == 8 and len(test) == 4,
           f"with 12 samples and n_test=4 there should be 8 training and 4 test indices; "
           f"got {len(train)} and {len(test)}.")
    rest = np.random.default_rng(7).permutation(12)[4:]
    expect(not (np.array_equal(train, np.sort(rest)) and not np.array_equal(rest, np.sort(rest))),
           "your training indices came back sorted: keep them in their shuffled order, "
           "as the generator's permutation gives them (`shuffled[n_test:]`).")
    empty_train, empty_test = expect_pair(call(split_indices, 5, 0, 3), "split_indices(5, 0, 3)",
                                          "(train, test)", part=expect_array)
    expect(len(empty_test) == 0 and len(empty_train) == 5,
           f"with n_test=0 the test set should be empty and the training set hold all 5 indices; "
           f"got {len(empty_train)} training and {len(empty_test)} test indices.")


@exercise("nearest neighbour by broadcasting", PROGRAMMING, hints=[
    "First compute a (n_test, n_train) matrix of distances; each row of it belongs to one test point.",
    "Adding an axis of length 1 (`np.newaxis`) to the test rows lets them broadcast against the training "
    "rows: the difference then has shape (n_test, n_train, n_features). Which axis do you sum over, and "
    "along which axis is the smallest distance?",
])
def q8(nearest_neighbour):
    data_train = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0], [10.0, 10.0]])
    data_test = np.array([[1.0, 1.0], [9.0, 8.0], [2.0, 9.0]])
    nearest = call(nearest_neighbour, data_train, data_test,
                   advice="Give the test rows an axis of length 1 so the shapes broadcast: "
                          "`data_test[:, np.newaxis, :] - data_train[np.newaxis, :, :]`.")
    expect_type(nearest, np.ndarray, "nearest_neighbour(data_train, data_test)")
    distances = np.sqrt(((data_test[:, np.newaxis, :] - data_train[np.newaxis, :, :]) ** 2).sum(axis=2))
    expect(not _same(nearest, distances.argmin(axis=0)),
           "with 4 training rows and 3 test rows you returned 4 indices, one per training row: "
           "take argmin along the axis of the training rows (axis=1 of a (n_test, n_train) distance matrix).")
    expect(nearest.shape == (3,), f"there should be one index per test row, shape (3,); got {nearest.shape}.")
    expect(np.issubdtype(nearest.dtype, np.integer),
           "return the indices of the nearest training rows (integers, from argmin), "
           f"not distances; got dtype {nearest.dtype}.")
    expect(not _same(nearest, distances.argmax(axis=1)),
           "you picked the farthest training row of each test row: use argmin, not argmax.")
    expect(nearest.tolist() == [0, 3, 2],
           "the nearest training rows of the test rows (1, 1), (9, 8) "
           f"and (2, 9) are 0, 3 and 2; got {nearest.tolist()}.")
    # 3 features, more test rows than training rows, where squaring the differences matters.
    train = np.array([[3.0, 0.0, 0.0], [2.0, 2.0, 0.0]])
    test = np.array([[0.0, 0.0, 0.0], [3.0, 1.0, 0.0], [2.0, 2.0, 1.0], [0.0, 0.0, 3.0]])
    tricky = call(nearest_neighbour, train, test)
    wanted = np.sqrt(((test[:, np.newaxis] - train[np.newaxis]) ** 2).sum(axis=2)).argmin(axis=1)
    if not (isinstance(tricky, np.ndarray) and tricky.shape == (4,) and np.array_equal(tricky, wanted)):
        manhattan = np.abs(test[:, np.newaxis] - train[np.newaxis]).sum(axis=2).argmin(axis=1)
        expect(not _same(tricky, manhattan),
               "for the test point (0, 0, 0) the training row (2, 2, 0) (distance 2.83) is nearer than "
               "(3, 0, 0) (distance 3), but you chose (3, 0, 0): you summed the absolute differences. "
               "Euclidean distance squares the differences, sums them, and takes the square root.")
        expect(False, f"with training rows {train.tolist()} and test rows {test.tolist()} the nearest "
                      f"training rows are {wanted.tolist()}; got {shown(tricky)}.")
