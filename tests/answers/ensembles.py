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

# Valid answers in another form: another container, dtype or library call, or parallel workers.
ALTERNATIVES = {
    # accuracy_score and statistics.pstdev (the population standard deviation), returned as an array.
    "q1-answer": ('import statistics\n\n'
                  'from sklearn.metrics import accuracy_score\n\n\n'
                  'def spread_over_seeds(data_train, target_train, data_test, target_test, seeds):\n'
                  '    accuracies = {1: [], 30: []}\n'
                  '    for seed in seeds:\n'
                  '        for trees in accuracies:\n'
                  '            bag = BaggingClassifier(n_estimators=trees, random_state=seed, n_jobs=2)\n'
                  '            bag.fit(data_train, target_train)\n'
                  '            accuracies[trees].append(accuracy_score(target_test, '
                  'bag.predict(data_test)))\n'
                  '    return np.array([statistics.pstdev(accuracies[1]), '
                  'statistics.pstdev(accuracies[30])])\n'),
    # Parameters set after construction, parallel workers.
    "q2-answer": ('def forest_oob_score(data, target, max_features):\n'
                  '    forest = RandomForestClassifier(random_state=0, n_jobs=2)\n'
                  '    forest.set_params(n_estimators=100, max_features=max_features, oob_score=True)\n'
                  '    return float(forest.fit(data, target).oob_score_)\n'),
    # set_params, explicit default scoring, the count as a NumPy integer.
    "q3-answer": ('def iterations_until_stopped(data_train, target_train, n_iter_no_change):\n'
                  '    model = HistGradientBoostingClassifier(random_state=0, scoring="loss")\n'
                  '    model.set_params(max_iter=500, early_stopping=True, validation_fraction=0.2,\n'
                  '                     n_iter_no_change=n_iter_no_change)\n'
                  '    return np.int64(model.fit(data_train, target_train).n_iter_)\n'),
    # A dict of columns, the rates as a column made the index, float32 scores, class 1 looked up.
    "q4-answer": ('def learning_rate_table(data_train, target_train, data_test, target_test, '
                  'learning_rates):\n'
                  '    columns = {"learning_rate": list(learning_rates), '
                  '"iterations": [], "test_roc_auc": []}\n'
                  '    for rate in learning_rates:\n'
                  '        model = HistGradientBoostingClassifier(learning_rate=rate, max_iter=500, '
                  'early_stopping=True,\n'
                  '                                               validation_fraction=0.2, '
                  'n_iter_no_change=10, random_state=0)\n'
                  '        model.fit(data_train, target_train)\n'
                  '        positive = list(model.classes_).index(1)\n'
                  '        columns["iterations"].append(model.n_iter_)\n'
                  '        columns["test_roc_auc"].append(np.float32(roc_auc_score(target_test, '
                  'model.predict_proba(data_test)[:, positive])))\n'
                  '    return pd.DataFrame(columns).set_index("learning_rate")\n'),
    # Each regressor's own score() (R²), the models built in a loop.
    "q5-answer": ('def boosting_vs_linear(data_train, target_train, data_test, target_test):\n'
                  '    scores = {}\n'
                  '    for name, model in [("linear", LinearRegression()), '
                  '("boosting", HistGradientBoostingRegressor(random_state=0))]:\n'
                  '        scores[name] = model.fit(data_train, target_train).score(data_test, target_test)\n'
                  '    return scores\n'),
    # A dict zipped into a Series, parallel workers, float32 values.
    "q6-answer": ('def forest_importances(data, target):\n'
                  '    forest = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=2).fit(data, '
                  'target)\n'
                  '    importances = pd.Series(dict(zip(data.columns, forest.feature_importances_)))\n'
                  '    return importances.sort_values(ascending=False).astype(np.float32)\n'),
    # make_pipeline, -1 for unseen categories, the categorical columns flagged by position in a numpy output.
    "q7-answer": ('from sklearn.compose import make_column_transformer\n'
                  'from sklearn.pipeline import make_pipeline\n\n\n'
                  'def build_boosting_pipeline(numeric_columns, categorical_columns):\n'
                  '    encode = make_column_transformer(\n'
                  '        (OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), '
                  'categorical_columns),\n'
                  '        ("passthrough", numeric_columns))\n'
                  '    flags = [True] * len(categorical_columns) + [False] * len(numeric_columns)\n'
                  '    return make_pipeline(encode, '
                  'HistGradientBoostingClassifier(categorical_features=flags, random_state=0))\n'),
}

# Answers right on each check's first input only.
VISIBLE_ONLY = {
    # The seeds written out as range(6), the check's first list of seeds.
    "q1-answer": WrongAnswer(
        code=('def spread_over_seeds(data_train, target_train, data_test, target_test, seeds):\n'
              '    single, bagged = [], []\n'
              '    for seed in range(6):\n'
              '        one = BaggingClassifier(n_estimators=1, random_state=seed).fit(data_train, '
              'target_train)\n'
              '        many = BaggingClassifier(n_estimators=30, random_state=seed).fit(data_train, '
              'target_train)\n'
              '        single.append(one.score(data_test, target_test))\n'
              '        bagged.append(many.score(data_test, target_test))\n'
              '    return np.std(single), np.std(bagged)\n'),
        message="loop over the `seeds` the function is given",
    ),
    # max_features written out as "sqrt".
    "q2-answer": WrongAnswer(
        code=('def forest_oob_score(data, target, max_features):\n'
              '    forest = RandomForestClassifier(n_estimators=100, max_features="sqrt", oob_score=True, '
              'random_state=0)\n'
              '    return forest.fit(data, target).oob_score_\n'),
        message='your score is that of a forest with max_features="sqrt"',
    ),
    # n_iter_no_change written out as 5.
    "q3-answer": WrongAnswer(
        code=('def iterations_until_stopped(data_train, target_train, n_iter_no_change):\n'
              '    model = HistGradientBoostingClassifier(max_iter=500, early_stopping=True, '
              'validation_fraction=0.2,\n'
              '                                           n_iter_no_change=5, random_state=0)\n'
              '    return model.fit(data_train, target_train).n_iter_\n'),
        message="the count of a model with n_iter_no_change=5",
    ),
    # Sorts the learning rates: right while they come sorted.
    "q4-answer": WrongAnswer(
        code=('def learning_rate_table(data_train, target_train, data_test, target_test, learning_rates):\n'
              '    rows = []\n'
              '    rates = sorted(learning_rates)\n'
              '    for rate in rates:\n'
              '        model = HistGradientBoostingClassifier(learning_rate=rate, max_iter=500, '
              'early_stopping=True,\n'
              '                                               validation_fraction=0.2, n_iter_no_change=10, '
              'random_state=0)\n'
              '        model.fit(data_train, target_train)\n'
              '        rows.append({"iterations": model.n_iter_,\n'
              '                     "test_roc_auc": roc_auc_score(target_test, '
              'model.predict_proba(data_test)[:, 1])})\n'
              '    return pd.DataFrame(rows, index=pd.Index(rates, name="learning_rate"))\n'),
        message="your index is sorted",
    ),
    # R² by hand with pandas: the predictions get the index 0, 1, 2, ... and are lined up by label.
    "q5-answer": WrongAnswer(
        code=('def boosting_vs_linear(data_train, target_train, data_test, target_test):\n'
              '    scores = {}\n'
              '    for name, model in [("boosting", HistGradientBoostingRegressor(random_state=0)),\n'
              '                        ("linear", LinearRegression())]:\n'
              '        predicted = pd.Series(model.fit(data_train, target_train).predict(data_test))\n'
              '        residual = ((target_test - predicted) ** 2).sum()\n'
              '        total = ((target_test - target_test.mean()) ** 2).sum()\n'
              '        scores[name] = 1 - residual / total\n'
              '    return scores\n'),
        message="your predictions are lined up with the targets by label",
    ),
    # Keeps the five largest: as many as the first input has features.
    "q6-answer": WrongAnswer(
        code=('def forest_importances(data, target):\n'
              '    forest = RandomForestClassifier(n_estimators=100, random_state=0).fit(data, target)\n'
              '    return pd.Series(forest.feature_importances_, index=data.columns).nlargest(5)\n'),
        message="on a table of 7 features the Series should have one value per feature",
    ),
    # The categorical columns flagged as positions 0 and 1: right while there are two of them.
    "q7-answer": WrongAnswer(
        code=('def build_boosting_pipeline(numeric_columns, categorical_columns):\n'
              '    encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan)\n'
              '    preprocess = ColumnTransformer([("categorical", encoder, categorical_columns),\n'
              '                                    ("numeric", "passthrough", numeric_columns)])\n'
              '    model = HistGradientBoostingClassifier(categorical_features=[0, 1], random_state=0)\n'
              '    return Pipeline([("preprocess", preprocess), ("classifier", model)])\n'),
        message="your boosted trees treat 2 columns as categories, not 1",
    ),
}
