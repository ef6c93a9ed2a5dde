from tests.answers import WrongAnswer

WRONG = {
    # No bias column: the weights have no intercept.
    "q1-answer": WrongAnswer(
        code=('def gd_linear_regression(data, target, learning_rate, n_steps):\n'
              '    design, target = np.asarray(data, dtype=float), np.asarray(target, dtype=float)\n'
              '    weights = np.zeros(design.shape[1])\n'
              '    for _ in range(n_steps):\n'
              '        gradient = 2 / len(target) * design.T @ (design @ weights - target)\n'
              '        weights = weights - learning_rate * gradient\n'
              '    return weights\n'),
        message="the intercept is missing",
    ),
    # The raw scores instead of the sigmoid's probabilities: the linear regression's gradient.
    "q2-answer": WrongAnswer(
        code=('def logistic_gradient(data, target, weights):\n'
              '    design = np.column_stack([np.ones(len(data)), np.asarray(data, dtype=float)])\n'
              '    return design.T @ (design @ weights - np.asarray(target, dtype=float)) / len(design)\n'),
        message="pass them through the sigmoid",
    ),
    # A Ridge on the raw columns: the penalty depends on their units.
    "q3-answer": WrongAnswer(
        code=('def ridge_path(data, target, alphas):\n'
              '    rows = [Ridge(alpha=alpha).fit(data, target).coef_ for alpha in alphas]\n'
              '    return pd.DataFrame(rows, index=alphas, columns=data.columns)\n'),
        message="Put a StandardScaler before the Ridge",
    ),
    # Keeps the features whose coefficient is zero.
    "q4-answer": WrongAnswer(
        code=('def lasso_survivors(data, target, alpha):\n'
              '    model = make_pipeline(StandardScaler(), Lasso(alpha=alpha)).fit(data, target)\n'
              '    coefficients = model[-1].coef_\n'
              '    return [name for name, value in zip(data.columns, coefficients) if value == 0]\n'),
        message="you returned the features the Lasso set to zero",
    ),
    # The strength passed as C: the penalty weakens as the strength grows.
    "q5-answer": WrongAnswer(
        code=('def coefficient_norms(data, target, strengths):\n'
              '    norms = []\n'
              '    for strength in strengths:\n'
              '        logistic = LogisticRegression(C=strength, max_iter=1000)\n'
              '        model = make_pipeline(StandardScaler(), logistic)\n'
              '        norms.append(np.linalg.norm(model.fit(data, target)[-1].coef_))\n'
              '    return np.array(norms)\n'),
        message="you passed the strength as C",
    ),
    # A scaled straight line: nothing lets it bend.
    "q6-answer": WrongAnswer(
        code=('def make_curve_model():\n'
              '    return make_pipeline(StandardScaler(), LinearRegression())\n'),
        message="has no step that makes curved features",
    ),
    # np.log instead of np.log1p: the zeros become minus infinity.
    "q7-answer": WrongAnswer(
        code=('def make_skew_preprocessor(skewed_columns, other_columns):\n'
              '    logged = make_pipeline(FunctionTransformer(np.log), StandardScaler())\n'
              '    return ColumnTransformer([("log", logged, skewed_columns),\n'
              '                              ("scale", StandardScaler(), other_columns)])\n'),
        message="Use np.log1p",
    ),
    # The "honest" score reuses the encoding fitted on every row: it leaks as much as the leaky one.
    "q8-answer": WrongAnswer(
        code=('def target_encoding_scores(data, target):\n'
              '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    encoded = TargetEncoder().fit(data, target).transform(data)\n'
              '    leaky = cross_val_score(LogisticRegression(), encoded, target, cv=folds, '
              'scoring="roc_auc").mean()\n'
              '    honest = cross_val_score(LogisticRegression(), encoded, target, cv=folds, '
              'scoring="roc_auc").mean()\n'
              '    return leaky, honest\n'),
        message="the encoder was fitted on every row",
    ),
}

# Degree-10 powers of the raw age, without scaling: the small example of the visible check bends well
# enough, but on the Adult data the powers of ages up to 90 are so far apart that the least-squares fit
# loses most of the curve, and the held-out R² stays below the hidden tests' bar.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q6-answer",
    'def make_curve_model():\n'
    '    return make_pipeline(PolynomialFeatures(degree=10), LinearRegression())\n',
)

# Valid answers in another form: another container, another float type, another correct method.
ALTERNATIVES = {
    "q1-answer": ('def gd_linear_regression(data, target, learning_rate, n_steps):\n'
                  '    design = np.insert(np.asarray(data, dtype=float), 0, 1.0, axis=1)\n'
                  '    target = np.asarray(target, dtype=float)\n'
                  '    weights = np.zeros(design.shape[1])\n'
                  '    for _ in range(n_steps):\n'
                  '        residual = design.dot(weights) - target\n'
                  '        weights -= learning_rate * 2 * design.T.dot(residual) / design.shape[0]\n'
                  '    return weights\n'),
    "q2-answer": ('from scipy.special import expit\n\n'
                  'def logistic_gradient(data, target, weights):\n'
                  '    design = np.hstack([np.ones((len(data), 1)), np.asarray(data, dtype=float)])\n'
                  '    errors = expit(design @ np.asarray(weights, dtype=float)) -'
                  ' np.asarray(target, dtype=float)\n'
                  '    return np.mean(design * errors[:, None], axis=0)\n'),
    "q3-answer": ('def ridge_path(data, target, alphas):\n'
                  '    scaled = StandardScaler().fit_transform(data)\n'
                  '    path = {alpha: Ridge(alpha=alpha).fit(scaled, target).coef_ for alpha in alphas}\n'
                  '    return pd.DataFrame.from_dict(path, orient="index", columns=list(data.columns))\n'),
    "q4-answer": ('def lasso_survivors(data, target, alpha):\n'
                  '    model = make_pipeline(StandardScaler(), Lasso(alpha=alpha)).fit(data, target)\n'
                  '    return data.columns[np.flatnonzero(model[-1].coef_)].tolist()\n'),
    "q5-answer": ('def coefficient_norms(data, target, strengths):\n'
                  '    norms = []\n'
                  '    for strength in strengths:\n'
                  '        model = make_pipeline(StandardScaler(), LogisticRegression(C=strength **'
                  ' -1, max_iter=1000))\n'
                  '        coefficients = model.fit(data, target)[-1].coef_\n'
                  '        norms.append(float(np.sqrt(np.sum(coefficients ** 2))))\n'
                  '    return norms\n'),
    "q6-answer": ('def make_curve_model():\n'
                  '    return make_pipeline(StandardScaler(), PolynomialFeatures(degree=3),'
                  ' Ridge(alpha=1e-3))\n'),
    "q7-answer": ('from sklearn.pipeline import Pipeline\n\n'
                  'def make_skew_preprocessor(skewed_columns, other_columns):\n'
                  '    logged = Pipeline([("log", FunctionTransformer(np.log1p, inverse_func=np.expm1)),\n'
                  '                       ("scale", StandardScaler())])\n'
                  '    return ColumnTransformer(transformers=[("log", logged, list(skewed_columns)),\n'
                  '                                           ("scale", StandardScaler(),'
                  ' list(other_columns))],\n'
                  '                             remainder="drop")\n'),
    "q8-answer": ('from sklearn.model_selection import cross_validate\n'
                  'from sklearn.pipeline import Pipeline\n\n'
                  'def target_encoding_scores(data, target):\n'
                  '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
                  '    encoded = TargetEncoder().fit(data, target).transform(data)\n'
                  '    leaky = cross_validate(LogisticRegression(), encoded, target, cv=folds,'
                  ' scoring="roc_auc",\n'
                  '                           n_jobs=2)["test_score"].mean()\n'
                  '    model = Pipeline([("encode", TargetEncoder(cv=folds)), ("model",'
                  ' LogisticRegression())])\n'
                  '    honest = cross_validate(model, data, target, cv=folds, scoring="roc_auc",'
                  ' n_jobs=2)["test_score"]\n'
                  '    return [float(leaky), float(np.mean(honest))]\n'),
}

# Right on each check's first input only; the check's second input and the hidden tests catch them.
VISIBLE_ONLY = {
    # Three zero weights: the first example's two features and the intercept.
    "q1-answer": WrongAnswer(
        code=('def gd_linear_regression(data, target, learning_rate, n_steps):\n'
              '    design = np.column_stack([np.ones(len(data)), np.asarray(data, dtype=float)])\n'
              '    target = np.asarray(target, dtype=float)\n'
              '    weights = np.zeros(3)\n'
              '    for _ in range(n_steps):\n'
              '        weights = weights - learning_rate * 2 / len(target) * design.T @ (design @'
              ' weights - target)\n'
              '    return weights\n'),
        message="changes with the data",
    ),
    # Divides by the first example's 40 rows.
    "q2-answer": WrongAnswer(
        code=('def logistic_gradient(data, target, weights):\n'
              '    design = np.column_stack([np.ones(len(data)), np.asarray(data, dtype=float)])\n'
              '    probability = 1 / (1 + np.exp(-(design @ weights)))\n'
              '    return design.T @ (probability - np.asarray(target, dtype=float)) / 40\n'),
        message="instead of n",
    ),
    # Labels the rows with the alphas sorted: right only when they come sorted.
    "q3-answer": WrongAnswer(
        code=('def ridge_path(data, target, alphas):\n'
              '    rows = [make_pipeline(StandardScaler(), Ridge(alpha=alpha)).fit(data, target)[-1].coef_\n'
              '            for alpha in alphas]\n'
              '    return pd.DataFrame(rows, index=sorted(alphas), columns=data.columns)\n'),
        message="in the order given",
    ),
    # Keeps the positive coefficients only: the first example has no negative survivor.
    "q4-answer": WrongAnswer(
        code=('def lasso_survivors(data, target, alpha):\n'
              '    model = make_pipeline(StandardScaler(), Lasso(alpha=alpha)).fit(data, target)\n'
              '    return [name for name, value in zip(data.columns, model[-1].coef_) if value > 0]\n'),
        message="A negative coefficient survives too",
    ),
    # Sorts the norms from large to small, as rising strengths give them.
    "q5-answer": WrongAnswer(
        code=('def coefficient_norms(data, target, strengths):\n'
              '    norms = [np.linalg.norm(make_pipeline(StandardScaler(), LogisticRegression(C=1 /'
              ' s, max_iter=1000))\n'
              '                            .fit(data, target)[-1].coef_) for s in strengths]\n'
              '    return np.sort(norms)[::-1]\n'),
        message="in the order of the strengths given",
    ),
    # Splines of the column named "age" only.
    "q6-answer": WrongAnswer(
        code=('def make_curve_model():\n'
              '    curves = ColumnTransformer([("age", SplineTransformer(n_knots=5), ["age"])])\n'
              '    return make_pipeline(curves, LinearRegression())\n'),
        message="without a column name",
    ),
    # The first example's column names written out.
    "q7-answer": WrongAnswer(
        code=('def make_skew_preprocessor(skewed_columns, other_columns):\n'
              '    logged = make_pipeline(FunctionTransformer(np.log1p), StandardScaler())\n'
              '    return ColumnTransformer([("log", logged, ["gain", "loss"]),\n'
              '                              ("scale", StandardScaler(), ["age", "hours"])])\n'),
        message="'log' should get `skewed_columns`",
    ),
    # The first example's column names written out.
    "q8-answer": WrongAnswer(
        code=('def target_encoding_scores(data, target):\n'
              '    data = data[["group", "code"]]\n'
              '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    encoded = TargetEncoder().fit(data, target).transform(data)\n'
              '    leaky = cross_val_score(LogisticRegression(), encoded, target, cv=folds,'
              ' scoring="roc_auc").mean()\n'
              '    model = make_pipeline(TargetEncoder(cv=folds), LogisticRegression())\n'
              '    honest = cross_val_score(model, data, target, cv=folds, scoring="roc_auc").mean()\n'
              '    return leaky, honest\n'),
        message="use the columns as they come",
    ),
}
