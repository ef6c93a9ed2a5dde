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
