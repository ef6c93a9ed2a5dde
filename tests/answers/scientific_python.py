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
