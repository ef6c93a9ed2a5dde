from tests.answers import WrongAnswer

WRONG = {
    "q1-answer": WrongAnswer(
        code='def column_stats(data):\n    return data.mean(axis=1), data.std(axis=1)\n',
        message="axis=1 summarises each row",
    ),
    "q2-answer": WrongAnswer(
        code=('def min_max_scale(data):\n    data -= data.min(axis=0)\n'
              '    data /= data.max(axis=0)\n    return data\n'),
        message="your function changed the array `data` it was given",
    ),
    "q3-answer": WrongAnswer(
        code='def class_rows(data, target, label):\n    return target == label\n',
        message="you returned the boolean mask itself",
    ),
    "q4-answer": WrongAnswer(
        code='def count_between(values, low, high):\n    return int(np.sum(low <= values < high))\n',
        message="Python's `and` and chained comparisons",
    ),
    "q5-answer": WrongAnswer(
        code='def class_balance(target):\n'
             '    counts = np.bincount(target)\n'
             '    return counts, counts // len(target)\n',
        message="divide with `/`",
    ),
    "q6-answer": WrongAnswer(
        code=('def class_means(data, target):\n'
              '    return np.array([data[target == label].mean() for label in np.unique(target)])\n'),
        message="Use `.mean(axis=0)` to get one mean per feature",
    ),
    "q7-answer": WrongAnswer(
        code=('def split_indices(n_samples, n_test, seed):\n'
              '    shuffled = np.random.default_rng().permutation(n_samples)\n'
              '    return shuffled[n_test:], shuffled[:n_test]\n'),
        message="calling your function twice with the same seed gave different splits",
    ),
    "q8-answer": WrongAnswer(
        code=('def nearest_neighbour(data_train, data_test):\n'
              '    differences = data_test[:, np.newaxis, :] - data_train[np.newaxis, :, :]\n'
              '    return np.sqrt((differences ** 2).sum(axis=2)).argmin(axis=0)\n'),
        message="you returned 4 indices, one per training row",
    ),
}

# The legacy global generator is reproducible and uses the seed, but it is not the
# np.random.default_rng(seed) the exercise asks for, so it shuffles into a different order.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q7-answer",
    'def split_indices(n_samples, n_test, seed):\n    np.random.seed(seed)\n'
    '    shuffled = np.random.permutation(n_samples)\n    return shuffled[n_test:], shuffled[:n_test]\n',
)

ALTERNATIVES = {
    # float32 results, the standard deviation from its definition.
    "q1-answer": ('def column_stats(data):\n    data = np.asarray(data, dtype=np.float32)\n'
                  '    means = data.mean(axis=0)\n'
                  '    return means, np.sqrt(((data - means) ** 2).mean(axis=0))\n'),
    # scikit-learn's scaler: another library, the same numbers.
    "q2-answer": ('from sklearn.preprocessing import MinMaxScaler\n\n\ndef min_max_scale(data):\n'
                  '    return MinMaxScaler().fit_transform(data)\n'),
    # np.compress along the rows.
    "q3-answer": 'def class_rows(data, target, label):\n'
                 '    return np.compress(target == label, data, axis=0)\n',
    # np.count_nonzero of the combined mask.
    "q4-answer": ('def count_between(values, low, high):\n'
                  '    return np.count_nonzero((values >= low) & (values < high))\n'),
    # Counts accumulated with np.add.at in int32, fractions as float32.
    "q5-answer": ('def class_balance(target):\n    counts = np.zeros(target.max() + 1, dtype=np.int32)\n'
                  '    np.add.at(counts, target, 1)\n'
                  '    return counts, (counts / target.size).astype(np.float32)\n'),
    # pandas' groupby, back to a NumPy array.
    "q6-answer": ('import pandas as pd\n\n\ndef class_means(data, target):\n'
                  '    return pd.DataFrame(data).groupby(target).mean().to_numpy()\n'),
    # np.split at n_test, the pair reversed.
    "q7-answer": ('def split_indices(n_samples, n_test, seed):\n'
                  '    rng = np.random.default_rng(seed)\n'
                  '    test, train = np.split(rng.permutation(n_samples), [n_test])\n'
                  '    return train, test\n'),
    # SciPy's distance matrix.
    "q8-answer": ('from scipy.spatial.distance import cdist\n\n\n'
                  'def nearest_neighbour(data_train, data_test):\n'
                  '    return cdist(data_test, data_train).argmin(axis=1)\n'),
}

VISIBLE_ONLY = {
    # Hard-codes 2 features: the first array has 2 columns.
    "q1-answer": WrongAnswer(
        code=('def column_stats(data):\n'
              '    means = np.array([data[:, 0].mean(), data[:, 1].mean()])\n'
              '    stds = np.array([data[:, 0].std(), data[:, 1].std()])\n    return means, stds\n'),
        message="for a 4 x 3 array both results should have shape (3,)",
    ),
    # Takes the first row as the minima: true when the rows are sorted, as in the first array.
    "q2-answer": WrongAnswer(
        code=('def min_max_scale(data):\n    low, high = data[0], data.max(axis=0)\n'
              '    return (data - low) / (high - low)\n'),
        message="took the first row as the column minima",
    ),
    # squeeze() drops the axis of a single matching row: the first example selects 3 rows.
    "q3-answer": WrongAnswer(
        code='def class_rows(data, target, label):\n    return data[target == label].squeeze()\n',
        message="should still be a 2-D array",
    ),
    # searchsorted assumes sorted values, as the first example's are.
    "q4-answer": WrongAnswer(
        code=('def count_between(values, low, high):\n'
              '    return int(np.searchsorted(values, high) - np.searchsorted(values, low))\n'),
        message="but `values` is not sorted",
    ),
    # Hard-codes 3 classes: the first target's labels go up to 2.
    "q5-answer": WrongAnswer(
        code=('def class_balance(target):\n'
              '    counts = np.array([(target == label).sum() for label in range(3)])\n'
              '    return counts, counts / len(target)\n'),
        message="so there should be 5 counts",
    ),
    # Hard-codes 3 classes: the first example has 3, and so do iris and wine.
    "q6-answer": WrongAnswer(
        code=('def class_means(data, target):\n'
              '    return np.array([data[target == label].mean(axis=0) for label in range(3)])\n'),
        message="with 4 classes",
    ),
    # Sorts the training indices: the first checks look at sizes and membership only.
    "q7-answer": WrongAnswer(
        code=('def split_indices(n_samples, n_test, seed):\n'
              '    shuffled = np.random.default_rng(seed).permutation(n_samples)\n'
              '    return np.sort(shuffled[n_test:]), shuffled[:n_test]\n'),
        message="your training indices came back sorted",
    ),
    # Manhattan distance: the same neighbours on the first example, not when squaring matters.
    "q8-answer": WrongAnswer(
        code=('def nearest_neighbour(data_train, data_test):\n'
              '    differences = data_test[:, np.newaxis, :] - data_train[np.newaxis, :, :]\n'
              '    return np.abs(differences).sum(axis=2).argmin(axis=1)\n'),
        message="you summed the absolute differences",
    ),
}
