from tests.answers import WrongAnswer

WRONG = {
    "q1-answer": WrongAnswer(
        code='def standard_error(values):\n    return np.std(values) / np.sqrt(len(values))\n',
        message="you used the standard deviation with ddof=0",
    ),
    "q2-answer": WrongAnswer(
        code=('def bootstrap_ci(values, n_resamples, seed, level=0.95):\n'
              '    rng = np.random.default_rng(seed)\n'
              '    means = [rng.permutation(values).mean() for _ in range(n_resamples)]\n'
              '    low, high = np.percentile(means, [100 * (1 - level) / 2, 100 * (1 + level) / 2])\n'
              '    return low, high\n'),
        message="resample without replacement",
    ),
    "q3-answer": WrongAnswer(
        code=('def welch_t(a, b):\n    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)\n'
              '    pooled = ((a.size - 1) * a.var(ddof=1) + (b.size - 1) * b.var(ddof=1)) '
              '/ (a.size + b.size - 2)\n'
              '    return (a.mean() - b.mean()) / np.sqrt(pooled * (1 / a.size + 1 / b.size))\n'),
        message="this is Student's t with a pooled variance",
    ),
    "q4-answer": WrongAnswer(
        code=('def permutation_pvalue(a, b, n_permutations, seed):\n'
              '    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)\n'
              '    observed = a.mean() - b.mean()\n    pooled = np.concatenate([a, b])\n'
              '    rng = np.random.default_rng(seed)\n    count = 0\n'
              '    for _ in range(n_permutations):\n        shuffled = rng.permutation(pooled)\n'
              '        if shuffled[:len(a)].mean() - shuffled[len(a):].mean() >= observed:\n'
              '            count += 1\n'
              '    return (count + 1) / (n_permutations + 1)\n'),
        message="(a two-sided test)",
    ),
    "q5-answer": WrongAnswer(
        code=('def pearson_r(x, y):\n    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)\n'
              '    return np.sum(x * y) / np.sqrt(np.sum(x ** 2) * np.sum(y ** 2))\n'),
        message="centre x and y (subtract their means)",
    ),
    "q6-answer": WrongAnswer(
        code=('def least_squares(X, y):\n    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)\n'
              '    return np.linalg.solve(X.T @ X, X.T @ y)\n'),
        message="add a column of ones to X for the intercept",
    ),
    "q7-answer": WrongAnswer(
        code=('def pca_by_hand(X, n_components):\n    X = np.asarray(X, dtype=float)\n'
              '    U, S, Vt = np.linalg.svd(X, full_matrices=False)\n'
              '    return X @ Vt[:n_components].T, S[:n_components] ** 2 / np.sum(S ** 2)\n'),
        message="centre the data (subtract each column's mean) before the SVD",
    ),
}

# Draws the resamples as the columns of a (len(values), n_resamples) array: the same distribution,
# so every visible property holds, but not the draws the exercise prescribes, so other numbers.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q2-answer",
    'def bootstrap_ci(values, n_resamples, seed, level=0.95):\n'
    '    rng = np.random.default_rng(seed)\n'
    '    resamples = rng.choice(np.asarray(values, dtype=float), size=(len(values), n_resamples), '
    'replace=True)\n'
    '    low, high = np.percentile(resamples.mean(axis=0), [100 * (1 - level) / 2, 100 * (1 + level) / 2])\n'
    '    return float(low), float(high)\n',
)
