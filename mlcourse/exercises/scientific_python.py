"""Checks and hints for the assignment "Scientific Python with NumPy" (source/scientific_python).

Each check runs the learner's function on small hand-made arrays, the kind shown in the
exercise text, and names the usual mistake: the wrong axis, an integer dtype where fractions
are needed, a forgotten seed, an input array changed in place. The exact values on the iris
and wine data are checked only by the hidden tests.
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
)

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]

_IN_PLACE = ("look for an in-place operation such as `-=` or `/=` or an assignment into `data[...]`, "
             "and build and return a new array instead")


@exercise("column means and standard deviations", PROGRAMMING, hints=[
    "Each column of `data` is one feature. Which axis runs down the rows of a column?",
    "`data.mean(axis=0)` gives one mean per column; "
    "do the same with `.std` and return both: `return means, stds`.",
])
def q1(column_stats):
    data = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 60.0]])
    original = data.copy()
    means, stds = expect_pair(call(column_stats, data), "column_stats(data)", "(means, stds)",
                              part=expect_array)
    expect_unchanged(original, data, "array `data`", _IN_PLACE)
    expect(means.shape != (3,),
           "for a 3 x 2 array you returned 3 means, one per row: axis=1 summarises each row. "
           "Use axis=0 to get one value per column (feature).")
    expect(means.shape != (),
           "you returned a single mean for the whole array: pass axis=0 to summarise each column separately.")
    expect(means.shape == (2,) and stds.shape == (2,),
           f"for a 3 x 2 array both results should have shape (2,), one value per column; "
           f"got {means.shape} and {stds.shape}.")
    expect(not (np.allclose(means, data.std(axis=0)) and np.allclose(stds, data.mean(axis=0))),
           "you returned the pair in the wrong order: the means first, then the standard deviations, "
           "`return means, stds`.")
    expect(np.allclose(means, [2.0, 30.0]),
           f"the column means of [[1, 10], [2, 20], [3, 60]] are [2, 30]; got {means}.")
    expect(not np.allclose(stds, data.std(axis=0, ddof=1)),
           "you used the sample standard deviation (ddof=1); use NumPy's default, ddof=0.")
    expect(np.allclose(stds, data.std(axis=0)),
           f"the second result should be each column's standard deviation; got {stds}.")


@exercise("min-max scaling with broadcasting", PROGRAMMING, hints=[
    "Compute the minimum and the maximum of every column first (two arrays of shape (n_features,)).",
    "`low = data.min(axis=0)`, `high = data.max(axis=0)`, then `(data - low) / (high - low)`: broadcasting "
    "applies them to every row, and a new array is created, so `data` stays as it was.",
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
    expect(not np.allclose(scaled, (data - data.min()) / (data.max() - data.min())),
           "you used the smallest and largest value of the whole array: "
           "each column must be scaled on its own, with the min and max along axis=0.")
    row_low, row_high = data.min(axis=1, keepdims=True), data.max(axis=1, keepdims=True)
    expect(not np.allclose(scaled, (data - row_low) / (row_high - row_low)),
           "you scaled each row (min and max along axis=1): each column (feature) must go from 0 to 1, "
           "so take the min and max along axis=0.")
    expect(not np.allclose(scaled, [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]),
           "your values are all whole numbers: `//` is floor "
           "division and drops the decimals. Divide with `/`.")
    expect(np.allclose(scaled.min(axis=0), 0) and np.allclose(scaled.max(axis=0), 1),
           f"in every column the smallest value should become 0 and the largest 1; "
           f"your columns go from {scaled.min(axis=0)} to {scaled.max(axis=0)}.")
    expect(np.allclose(scaled, [[0.0, 0.0], [1.0, 0.5], [0.5, 1.0]]),
           "each value should become (value - column min) "
           f"/ (column max - column min); got {scaled.tolist()}.")
    counts = np.array([[0, 5], [2, 15], [4, 10]])
    scaled = call(min_max_scale, counts,
                  advice="An integer array cannot hold fractions: do not modify it in place.")
    expect(isinstance(scaled, np.ndarray) and np.allclose(scaled, [[0.0, 0.0], [0.5, 1.0], [1.0, 0.5]]),
           "with an integer array such as [[0, 5], [2, 15], [4, 10]] the result should be the float array "
           "[[0, 0], [0.5, 1], [1, 0.5]]: use `/`, never `//`, and do not cast the result to int.")


@exercise("select one class with a boolean mask", PROGRAMMING, hints=[
    "`target == label` is an array of True/False, one per row.",
    "Index the rows with that mask: `data[target == label]`.",
])
def q3(class_rows):
    data = np.arange(12.0).reshape(6, 2)
    target = np.array([0, 1, 0, 2, 1, 0])
    rows = call(class_rows, data, target, 0)
    expect_type(rows, np.ndarray, "class_rows(data, target, 0)")
    expect(rows.dtype != bool,
           "you returned the boolean mask itself: use it to select the rows, `data[mask]`.")
    expect(not (rows.ndim == 1 and np.issubdtype(rows.dtype, np.integer)),
           "you returned the row numbers (indices): return the rows of `data` themselves.")
    expect(rows.shape == (3, 2),
           "three rows of this 6 x 2 example have target 0, "
           f"so the result should have shape (3, 2); got {rows.shape}.")
    expect(np.array_equal(rows, data[[0, 2, 5]]),
           "the result should be the rows of `data` whose target equals `label`, in their original order.")
    none = call(class_rows, data, target, 7)
    expect(isinstance(none, np.ndarray) and none.shape == (0, 2),
           "for a label that no row has, the result should be an empty array of shape (0, 2).")


@exercise("count the values in a range", PROGRAMMING, hints=[
    "Build one mask for `values >= low` and one for `values < high`, then combine them.",
    "`mask = (values >= low) & (values < high)`; `True` counts as 1, so `int(mask.sum())` is the count.",
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
    expect(count != 3, "you counted a value equal to `high`: the range includes `low` but excludes `high`.")
    expect(count != 1, "you left out a value equal to `low`: the range includes `low` (use `>=`).")
    expect(count == 2, f"[1, 2, 2.5, 3, 4] has 2 values with 2 <= value < 3; got {count}.")
    expect(call(count_between, values, 10.0, 20.0) == 0,
           "when no value is in the range the count should be 0.")


@exercise("class counts as integers, fractions as floats", PROGRAMMING, hints=[
    "`np.bincount(target)` counts how often each label 0, 1, 2, ... occurs.",
    "`counts = np.bincount(target)`, then `fractions = counts / len(target)`: "
    "`/` gives floats, `//` would not.",
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


@exercise("mean of every feature per class", STATISTICS, hints=[
    "A mask selects the rows of one class; the mean along axis=0 of those rows is that class's mean row.",
    "Loop over the few classes, not the rows: "
    "`np.array([data[target == label].mean(axis=0) for label in np.unique(target)])`.",
])
def q6(class_means):
    data = np.array([[1.0, 10.0], [2.0, 40.0], [3.0, 30.0], [5.0, 20.0], [8.0, 60.0]])
    target = np.array([1, 0, 1, 0, 2])
    original = data.copy()
    means = call(class_means, data, target)
    expect_type(means, np.ndarray, "class_means(data, target)")
    expect_unchanged(original, data, "array `data`", _IN_PLACE)
    expect(means.shape != (3,),
           "you got one number per class: without axis=0 the mean runs over all features at once. "
           "Use `.mean(axis=0)` to get one mean per feature.")
    expect(means.shape == (3, 2),
           "with 3 classes and 2 features the result should have shape (3, 2), "
           f"one row per class; got {means.shape}.")
    expect(np.allclose(means, [[3.5, 30.0], [2.0, 20.0], [8.0, 60.0]]),
           "row k should hold the mean of the rows of class k "
           f"(the labels in increasing order); got {means.tolist()}.")


@exercise("seeded train/test split of indices", PROGRAMMING, hints=[
    "Create a generator from the seed, and let it shuffle the numbers 0, 1, ..., n_samples - 1.",
    "`shuffled = np.random.default_rng(seed).permutation(n_samples)`; the test indices are "
    "`shuffled[:n_test]` and the training indices `shuffled[n_test:]`. Return `train, test`.",
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
           "indices should be integers, so they can select rows: `data[train]`.")
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


@exercise("nearest neighbour by broadcasting", PROGRAMMING, hints=[
    "First compute a (n_test, n_train) matrix of distances; each row of it belongs to one test point.",
    "`diff = data_test[:, np.newaxis, :] - data_train[np.newaxis, :, :]` has "
    "shape (n_test, n_train, n_features); `np.sqrt((diff ** 2).sum(axis=2))` "
    "gives the distances, and `.argmin(axis=1)` the nearest training row.",
])
def q8(nearest_neighbour):
    data_train = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0], [10.0, 10.0]])
    data_test = np.array([[1.0, 1.0], [9.0, 8.0], [2.0, 9.0]])
    nearest = call(nearest_neighbour, data_train, data_test,
                   advice="Give the test rows an axis of length 1 so the shapes broadcast: "
                          "`data_test[:, np.newaxis, :] - data_train[np.newaxis, :, :]`.")
    expect_type(nearest, np.ndarray, "nearest_neighbour(data_train, data_test)")
    expect(nearest.shape != (4,),
           "with 4 training rows and 3 test rows you returned 4 indices, one per training row: "
           "take argmin along the axis of the training rows (axis=1 of a (n_test, n_train) distance matrix).")
    expect(nearest.shape == (3,), f"there should be one index per test row, shape (3,); got {nearest.shape}.")
    expect(np.issubdtype(nearest.dtype, np.integer),
           "return the indices of the nearest training rows (integers, from argmin), "
           f"not distances; got dtype {nearest.dtype}.")
    expect(nearest.tolist() != [3, 0, 1],
           "you picked the farthest training row of each test row: use argmin, not argmax.")
    expect(nearest.tolist() == [0, 3, 2],
           "the nearest training rows of the test rows (1, 1), (9, 8) "
           f"and (2, 9) are 0, 3 and 2; got {nearest.tolist()}.")
    tricky = call(nearest_neighbour, np.array([[3.0, 0.0], [2.0, 2.0]]), np.array([[0.0, 0.0]]))
    expect(np.asarray(tricky).tolist() == [1],
           "for the test point (0, 0) the training row (2, 2) (distance 2.83) is nearer than (3, 0) "
           "(distance 3): Euclidean distance squares the differences, sums them, and takes the square root.")
