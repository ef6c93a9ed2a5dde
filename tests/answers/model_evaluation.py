from tests.answers import WrongAnswer

WRONG = {
    # cv=5 cuts the rows in file order: no shuffling.
    "q1-answer": WrongAnswer(
        code='def cv_scores(model, data, target):\n    return cross_val_score(model, data, target, cv=5)\n',
        message="the folds were not shuffled",
    ),
    # The scaler sees every row, test folds included, before cross-validation.
    "q2-answer": WrongAnswer(
        code=('def scaled_logistic_scores(data, target):\n'
              '    scaled = StandardScaler().fit_transform(data)\n'
              '    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    return cross_val_score(LogisticRegression(max_iter=1000), scaled, target, cv=cv)\n'),
        message="you fitted the scaler on all the data before cross-validation",
    ),
    # Categories as ordered numbers, one column per feature.
    "q3-answer": WrongAnswer(
        code=('def make_preprocessor(numeric_columns, categorical_columns):\n'
              '    return ColumnTransformer([("numeric", StandardScaler(), numeric_columns),\n'
              '                              ("categorical", OrdinalEncoder(), categorical_columns)])\n'),
        message="that is what OrdinalEncoder does",
    ),
    # validation_curve returns (train, validation): unpacked the wrong way round.
    "q4-answer": WrongAnswer(
        code=('def depth_curve(data, target, depths):\n'
              '    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    validation, train = validation_curve(DecisionTreeClassifier(random_state=0), '
              'data, target,\n'
              '                                         param_name="max_depth", param_range=depths, cv=cv)\n'
              '    return pd.DataFrame({"train": train.mean(axis=1), '
              '"validation": validation.mean(axis=1)}, index=depths)\n'),
        message="the two columns are swapped",
    ),
    # Each combination judged on the data it was trained on.
    "q5-answer": WrongAnswer(
        code=('def grid_search_best(model, param_grid, data, target):\n'
              '    from sklearn.model_selection import ParameterGrid\n'
              '    best, best_score = None, -1\n'
              '    for params in ParameterGrid(param_grid):\n'
              '        model.set_params(**params).fit(data, target)\n'
              '        score = model.score(data, target)\n'
              '        if score > best_score:\n'
              '            best, best_score = params, score\n'
              '    return best\n'),
        message="you picked the parameters with the best score on the training data",
    ),
    # The selector chooses its columns knowing every label, test folds included.
    "q6-answer": WrongAnswer(
        code=('def selection_scores(data, target, k):\n'
              '    selected = SelectKBest(k=k).fit_transform(data, target)\n'
              '    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    return cross_val_score(LogisticRegression(max_iter=1000), selected, target, cv=cv)\n'),
        message="the feature selection saw the test folds",
    ),
    # Plain accuracy reported twice.
    "q7-answer": WrongAnswer(
        code=('def accuracy_and_balanced(model, data, target):\n'
              '    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    scores = cross_val_score(model, data, target, cv=cv)\n'
              '    return {"accuracy": scores.mean(), "balanced_accuracy": scores.mean()}\n'),
        message="your balanced accuracy equals the plain accuracy",
    ),
    # OneHotEncoder without handle_unknown="ignore": a new category at prediction time crashes.
    "q8-answer": WrongAnswer(
        code=('def build_adult_pipeline(numeric_columns, categorical_columns):\n'
              '    numeric = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())\n'
              '    categorical = make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder())\n'
              '    preprocess = ColumnTransformer([("numeric", numeric, numeric_columns),\n'
              '                                    ("categorical", categorical, categorical_columns)])\n'
              '    return Pipeline([("preprocess", preprocess),\n'
              '                     ("classifier", LogisticRegression(max_iter=1000, random_state=0))])\n'),
        message="a category never seen in training ('astronaut') made predict_proba fail",
    ),
}

# A well-built pipeline around a single decision tree: the structure is right, but its
# cross-validated ROC-AUC on the Adult sample (about 0.73) is far below the required 0.88.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q8-answer",
    'def build_adult_pipeline(numeric_columns, categorical_columns):\n'
    '    numeric = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])\n'
    '    categorical = Pipeline([("impute", SimpleImputer(strategy="most_frequent")),\n'
    '                            ("encode", OneHotEncoder(handle_unknown="ignore"))])\n'
    '    preprocess = ColumnTransformer([("numeric", numeric, numeric_columns),\n'
    '                                    ("categorical", categorical, categorical_columns)])\n'
    '    return Pipeline([("preprocess", preprocess), ("classifier", '
    'DecisionTreeClassifier(random_state=0))])\n',
)
