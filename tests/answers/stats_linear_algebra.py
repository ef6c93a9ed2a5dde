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

# Valid answers in another form: float32 arithmetic, Python's statistics module, another NumPy route to
# the same numbers (np.quantile, np.dot, np.linalg.inv, an eigendecomposition of the covariance).
ALTERNATIVES = {
    "q1-answer": ('def standard_error(values):\n    values = np.asarray(values, dtype=np.float32)\n'
                  '    return values.std(ddof=1) / np.float32(np.sqrt(values.size))\n'),
    "q2-answer": ('def bootstrap_ci(values, n_resamples, seed, level=0.95):\n'
                  '    rng = np.random.default_rng(seed)\n'
                  '    resamples = rng.choice(list(values), size=(n_resamples, len(values)), replace=True)\n'
                  '    means = np.mean(resamples, axis=1)\n'
                  '    return tuple(np.quantile(means, [(1 - level) / 2, (1 + level) / 2]))\n'),
    "q3-answer": ('import math\n\n\ndef welch_t(a, b):\n'
                  '    a, b = np.array(a, dtype=np.float64), np.array(b, dtype=np.float64)\n'
                  '    spread = math.sqrt(np.var(a, ddof=1) / len(a) + np.var(b, ddof=1) / len(b))\n'
                  '    return float(np.mean(a) - np.mean(b)) / spread\n'),
    "q4-answer": ('def permutation_pvalue(a, b, n_permutations, seed):\n'
                  '    a, b = list(map(float, a)), list(map(float, b))\n'
                  '    observed = abs(np.mean(a) - np.mean(b))\n'
                  '    pooled = np.concatenate([a, b])\n    rng = np.random.default_rng(seed)\n'
                  '    shuffles = [rng.permutation(pooled) for _ in range(n_permutations)]\n'
                  '    count = sum(abs(s[:len(a)].mean() - s[len(a):].mean()) >= observed\n'
                  '                for s in shuffles)\n'
                  '    return float((count + 1) / (n_permutations + 1))\n'),
    "q5-answer": ('def pearson_r(x, y):\n    xc = np.asarray(x, dtype=float) - np.mean(x)\n'
                  '    yc = np.asarray(y, dtype=float) - np.mean(y)\n'
                  '    return float(np.dot(xc, yc) / (np.linalg.norm(xc) * np.linalg.norm(yc)))\n'),
    "q6-answer": ('def least_squares(X, y):\n    X = np.asarray(X, dtype=float).reshape(len(X), -1)\n'
                  '    A = np.hstack([np.ones((len(X), 1)), X])\n'
                  '    return np.linalg.inv(A.T @ A) @ (A.T @ np.asarray(y, dtype=float))\n'),
    "q7-answer": ('def pca_by_hand(X, n_components):\n    X = np.asarray(X, dtype=float)\n'
                  '    Xc = X - X.mean(axis=0)\n'
                  '    variances, vectors = np.linalg.eigh(Xc.T @ Xc)\n'
                  '    order = np.argsort(variances)[::-1]\n'
                  '    variances, vectors = variances[order], vectors[:, order]\n'
                  '    keep = vectors[:, :n_components]\n'
                  '    return Xc @ keep, variances[:n_components] / variances.sum()\n'),
}

# Answers right on the check's first input only: the second inputs (values with decimals, groups of
# different sizes, another level, another number of components) tell them.
VISIBLE_ONLY = {
    # Whole numbers only: the examples in the text are integers.
    "q1-answer": WrongAnswer(
        code=('def standard_error(values):\n    values = np.array(values, dtype=int)\n'
              '    return values.std(ddof=1) / np.sqrt(len(values))\n'),
        message="the standard error of the whole parts",
    ),
    # Always the 95% interval: `level` is ignored.
    "q2-answer": WrongAnswer(
        code=('def bootstrap_ci(values, n_resamples, seed, level=0.95):\n'
              '    rng = np.random.default_rng(seed)\n'
              '    resamples = rng.choice(values, size=(n_resamples, len(values)), replace=True)\n'
              '    low, high = np.percentile(resamples.mean(axis=1), [2.5, 97.5])\n'
              '    return float(low), float(high)\n'),
        message="gave the same interval as level=0.95",
    ),
    "q3-answer": WrongAnswer(
        code=('def welch_t(a, b):\n    a, b = np.array(a, dtype=int), np.array(b, dtype=int)\n'
              '    spread = np.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)\n'
              '    return (a.mean() - b.mean()) / spread\n'),
        message="Welch's t of the whole parts of the values",
    ),
    # Splits each shuffle after len(b) values: right only when both groups have the same size.
    "q4-answer": WrongAnswer(
        code=('def permutation_pvalue(a, b, n_permutations, seed):\n'
              '    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)\n'
              '    observed = a.mean() - b.mean()\n    pooled = np.concatenate([a, b])\n'
              '    rng = np.random.default_rng(seed)\n    count = 0\n'
              '    for _ in range(n_permutations):\n        shuffled = rng.permutation(pooled)\n'
              '        if abs(shuffled[len(b):].mean() - shuffled[:len(b)].mean()) >= abs(observed):\n'
              '            count += 1\n'
              '    return (count + 1) / (n_permutations + 1)\n'),
        message="what splitting each shuffle after len(b) values gives",
    ),
    "q5-answer": WrongAnswer(
        code=('def pearson_r(x, y):\n    x, y = np.array(x, dtype=int), np.array(y, dtype=int)\n'
              '    xc, yc = x - x.mean(), y - y.mean()\n'
              '    return np.sum(xc * yc) / np.sqrt(np.sum(xc ** 2) * np.sum(yc ** 2))\n'),
        message="the correlation of the whole parts of the values",
    ),
    # Uses the first feature only: right when X has one column.
    "q6-answer": WrongAnswer(
        code=('def least_squares(X, y):\n    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)\n'
              '    A = np.column_stack([np.ones(len(X)), X[:, 0]])\n'
              '    return np.linalg.solve(A.T @ A, A.T @ y)\n'),
        message="with 2 features the result should hold 3 values",
    ),
    # Always two components.
    "q7-answer": WrongAnswer(
        code=('def pca_by_hand(X, n_components):\n    X = np.asarray(X, dtype=float)\n'
              '    Xc = X - X.mean(axis=0)\n    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)\n'
              '    return Xc @ Vt[:2].T, S[:2] ** 2 / np.sum(S ** 2)\n'),
        message="with n_components=3 they should be (6, 3) and (3,)",
    ),
}
