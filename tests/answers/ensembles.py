from tests.answers import WrongAnswer

WRONG = {
    # pandas' .std() divides by n - 1: not the spread the exercise defines (np.std).
    "q1-answer": WrongAnswer(
        code=('def spread_over_seeds(data_train, target_train, data_test, target_test, seeds):\n'
              '    single, bagged = [], []\n'
              '    for seed in seeds:\n'
              '        one = BaggingClassifier(n_estimators=1, random_state=seed)\n'
              '        one.fit(data_train, target_train)\n'
              '        many = BaggingClassifier(n_estimators=30, random_state=seed)\n'
              '        many.fit(data_train, target_train)\n'
              '        single.append(one.score(data_test, target_test))\n'
              '        bagged.append(many.score(data_test, target_test))\n'
              '    return pd.Series(single).std(), pd.Series(bagged).std()\n'),
        message="your spread divides by n - 1",
    ),
    # Scores the forest on the rows it was trained on instead of reading its out-of-bag score.
    "q2-answer": WrongAnswer(
        code=('def forest_oob_score(data, target, max_features):\n'
              '    forest = RandomForestClassifier(n_estimators=100, max_features=max_features, '
              'random_state=0)\n'
              '    return forest.fit(data, target).score(data, target)\n'),
        message="you returned the forest's accuracy on the rows it was trained on",
    ),
    # Leaves early_stopping at "auto", which is off on fewer than 10,000 rows.
    "q3-answer": WrongAnswer(
        code=('def iterations_until_stopped(data_train, target_train, n_iter_no_change):\n'
              '    model = HistGradientBoostingClassifier(max_iter=500, validation_fraction=0.2,\n'
              '                                           n_iter_no_change=n_iter_no_change,\n'
              '                                           random_state=0)\n'
              '    return model.fit(data_train, target_train).n_iter_\n'),
        message="early stopping is off",
    ),
    # Hard 0/1 predictions given to roc_auc_score.
    "q4-answer": WrongAnswer(
        code=('def learning_rate_table(data_train, target_train, data_test, target_test, learning_rates):\n'
              '    rows = []\n'
              '    for rate in learning_rates:\n'
              '        model = HistGradientBoostingClassifier(learning_rate=rate, max_iter=500, '
              'early_stopping=True,\n'
              '                                               validation_fraction=0.2, n_iter_no_change=10, '
              'random_state=0)\n'
              '        model.fit(data_train, target_train)\n'
              '        rows.append({"iterations": model.n_iter_,\n'
              '                     "test_roc_auc": roc_auc_score(target_test, model.predict(data_test))})\n'
              '    return pd.DataFrame(rows, index=pd.Index(learning_rates, name="learning_rate"))\n'),
        message="you passed hard labels from `predict`",
    ),
    # Scores both models on their own training rows.
    "q5-answer": WrongAnswer(
        code=('def boosting_vs_linear(data_train, target_train, data_test, target_test):\n'
              '    models = {"boosting": HistGradientBoostingRegressor(random_state=0), '
              '"linear": LinearRegression()}\n'
              '    return {name: model.fit(data_train, target_train).score(data_train, target_train)\n'
              '            for name, model in models.items()}\n'),
        message="your R² is measured on the training part",
    ),
    # Forgets to sort: the importances come in the order of the columns.
    "q6-answer": WrongAnswer(
        code=('def forest_importances(data, target):\n'
              '    forest = RandomForestClassifier(n_estimators=100, random_state=0).fit(data, target)\n'
              '    return pd.Series(forest.feature_importances_, index=data.columns)\n'),
        message="sort the Series from the largest importance to the smallest",
    ),
    # Ordinal codes, but the model is not told they are categories: it splits them as ordered numbers.
    "q7-answer": WrongAnswer(
        code=('def build_boosting_pipeline(numeric_columns, categorical_columns):\n'
              '    encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)\n'
              '    preprocess = ColumnTransformer([("categorical", encoder, categorical_columns),\n'
              '                                    ("numeric", "passthrough", numeric_columns)])\n'
              '    return Pipeline([("preprocess", preprocess),\n'
              '                     ("classifier", HistGradientBoostingClassifier(random_state=0))])\n'),
        message="as ordered numbers",
    ),
}

# The right pipeline with native categorical support, but only 10 boosting iterations: the visible
# check (its structure, on a small table) cannot tell, the hidden cross-validated ROC-AUC on the Adult
# file (about 0.890, below 0.895) can.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q7-answer",
    'def build_boosting_pipeline(numeric_columns, categorical_columns):\n'
    '    encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan)\n'
    '    preprocess = ColumnTransformer([("categorical", encoder, categorical_columns),\n'
    '                                    ("numeric", "passthrough", numeric_columns)],\n'
    '                                   verbose_feature_names_out=False).set_output(transform="pandas")\n'
    '    model = HistGradientBoostingClassifier(categorical_features=categorical_columns, max_iter=10,\n'
    '                                           random_state=0)\n'
    '    return Pipeline([("preprocess", preprocess), ("classifier", model)])\n',
)
