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

# Valid answers in another form: another container, another correct call, worker processes (n_jobs).
ALTERNATIVES = {
    "q1-answer": ('def cv_scores(model, data, target):\n'
                  '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
                  '    return list(cross_validate(model, data, target, cv=folds, n_jobs=2)["test_score"])\n'),
    "q2-answer": ('def scaled_logistic_scores(data, target):\n'
                  '    model = Pipeline([("scale", StandardScaler()), ("model",'
                  ' LogisticRegression(max_iter=1000))])\n'
                  '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
                  '    return cross_validate(model, data, target, cv=folds, n_jobs=2)["test_score"]\n'),
    "q3-answer": ('def make_preprocessor(numeric_columns, categorical_columns):\n'
                  '    encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False)\n'
                  '    return ColumnTransformer(transformers=[("numeric", StandardScaler(),'
                  ' list(numeric_columns)),\n'
                  '                                           ("categorical", encoder,'
                  ' list(categorical_columns))],\n'
                  '                             remainder="drop")\n'),
    "q4-answer": ('def depth_curve(data, target, depths):\n'
                  '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
                  '    rows = {}\n'
                  '    for depth in depths:\n'
                  '        tree = DecisionTreeClassifier(random_state=0, max_depth=depth)\n'
                  '        result = cross_validate(tree, data, target, cv=folds,'
                  ' return_train_score=True, n_jobs=2)\n'
                  '        rows[depth] = {"validation": result["test_score"].mean(), "train":'
                  ' result["train_score"].mean()}\n'
                  '    return pd.DataFrame.from_dict(rows, orient="index")\n'),
    "q5-answer": ('def grid_search_best(model, param_grid, data, target):\n'
                  '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
                  '    search = GridSearchCV(model, param_grid, cv=folds, scoring="accuracy",'
                  ' refit=False, n_jobs=2)\n'
                  '    return dict(search.fit(data, target).best_params_)\n'),
    "q6-answer": ('from sklearn.feature_selection import f_classif\n\n'
                  'def selection_scores(data, target, k):\n'
                  '    model = Pipeline([("select", SelectKBest(f_classif, k=k)),\n'
                  '                      ("model", LogisticRegression(max_iter=1000))])\n'
                  '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
                  '    return list(cross_validate(model, data, target, cv=folds, n_jobs=2)["test_score"])\n'),
    "q7-answer": ('def accuracy_and_balanced(model, data, target):\n'
                  '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
                  '    accuracy = cross_val_score(model, data, target, cv=folds, n_jobs=2)\n'
                  '    balanced = cross_val_score(model, data, target, cv=folds,'
                  ' scoring="balanced_accuracy", n_jobs=2)\n'
                  '    return {"balanced_accuracy": float(np.mean(balanced)), "accuracy":'
                  ' float(np.mean(accuracy))}\n'),
    "q8-answer": ('def build_adult_pipeline(numeric_columns, categorical_columns):\n'
                  '    numeric = Pipeline([("fill", SimpleImputer(strategy="median")),'
                  ' ("standardize", StandardScaler())])\n'
                  '    categorical = Pipeline([("fill", SimpleImputer(strategy="most_frequent")),\n'
                  '                            ("one_hot", OneHotEncoder(handle_unknown="ignore",'
                  ' sparse_output=False))])\n'
                  '    preprocess = ColumnTransformer([("numeric", numeric, list(numeric_columns)),\n'
                  '                                    ("categorical", categorical,'
                  ' list(categorical_columns))])\n'
                  '    return Pipeline([("preprocess", preprocess),\n'
                  '                     ("classifier", LogisticRegression(C=0.5, max_iter=2000,'
                  ' random_state=1))])\n'),
}

# Right on each check's first input only; the check's second input and the hidden tests catch them.
VISIBLE_ONLY = {
    # Turns the labels into integers: the first example's 0/1 labels survive, species names do not.
    "q1-answer": WrongAnswer(
        code=('def cv_scores(model, data, target):\n'
              '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    return cross_val_score(model, data, target.astype(int), cv=folds)\n'),
        message="pass the target as it comes",
    ),
    # Scales the first example's four columns by name.
    "q2-answer": WrongAnswer(
        code=('def scaled_logistic_scores(data, target):\n'
              '    scale = ColumnTransformer([("scale", StandardScaler(), ["x0", "x1", "x2", "x3"])])\n'
              '    model = make_pipeline(scale, LogisticRegression(max_iter=1000))\n'
              '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    return cross_val_score(model, data, target, cv=folds)\n'),
        message="without naming its columns",
    ),
    # The first example's column names written out.
    "q3-answer": WrongAnswer(
        code=('def make_preprocessor(numeric_columns, categorical_columns):\n'
              '    return ColumnTransformer([("numeric", StandardScaler(), ["size"]),\n'
              '                              ("categorical",'
              ' OneHotEncoder(handle_unknown="ignore"), ["colour"])])\n'),
        message="each transformer should get the columns passed to your function",
    ),
    # Sorts the depths for the index: right only when they come sorted.
    "q4-answer": WrongAnswer(
        code=('def depth_curve(data, target, depths):\n'
              '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    train, validation = validation_curve(DecisionTreeClassifier(random_state=0),'
              ' data, target,\n'
              '                                         param_name="max_depth", param_range=depths,'
              ' cv=folds)\n'
              '    return pd.DataFrame({"train": train.mean(axis=1), "validation":'
              ' validation.mean(axis=1)},\n'
              '                        index=sorted(depths))\n'),
        message="in the order given",
    ),
    # Returns the first example's one parameter by name.
    "q5-answer": WrongAnswer(
        code=('def grid_search_best(model, param_grid, data, target):\n'
              '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    search = GridSearchCV(model, param_grid, cv=folds).fit(data, target)\n'
              '    return {"max_depth": search.best_params_["max_depth"]}\n'),
        message="return the best parameters of whatever grid",
    ),
    # k written as the first example's 10.
    "q6-answer": WrongAnswer(
        code=('def selection_scores(data, target, k):\n'
              '    model = make_pipeline(SelectKBest(k=10), LogisticRegression(max_iter=1000))\n'
              '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    return cross_val_score(model, data, target, cv=folds)\n'),
        message="Pass the function's `k` to SelectKBest",
    ),
    # Both metrics computed once over the pooled out-of-fold predictions, not averaged over the folds.
    "q7-answer": WrongAnswer(
        code=('from sklearn.metrics import accuracy_score, balanced_accuracy_score\n'
              'from sklearn.model_selection import cross_val_predict\n\n'
              'def accuracy_and_balanced(model, data, target):\n'
              '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    predicted = cross_val_predict(model, data, target, cv=folds)\n'
              '    return {"accuracy": accuracy_score(target, predicted),\n'
              '            "balanced_accuracy": balanced_accuracy_score(target, predicted)}\n'),
        message="computed once over all the out-of-fold predictions",
    ),
    # The first example's column names written out.
    "q8-answer": WrongAnswer(
        code=('def build_adult_pipeline(numeric_columns, categorical_columns):\n'
              '    numeric = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())\n'
              '    categorical = make_pipeline(SimpleImputer(strategy="most_frequent"),\n'
              '                                OneHotEncoder(handle_unknown="ignore"))\n'
              '    preprocess = ColumnTransformer([("numeric", numeric, ["hours", "age"]),\n'
              '                                    ("categorical", categorical, ["job"])])\n'
              '    return Pipeline([("preprocess", preprocess),\n'
              '                     ("classifier", LogisticRegression(max_iter=1000, random_state=0))])\n'),
        message="Use the lists passed to your function",
    ),
}
