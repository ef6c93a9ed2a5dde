from tests.answers import WrongAnswer

# The answers of exercise 1 define the learner's clean_adult (the data-handling unit's, not graded here)
# before add_features, the function the exercise checks.
CLEAN_ADULT = (
    'def clean_adult(raw):\n    frame = raw.rename(columns=lambda name: name.replace("-", "_"))\n'
    '    for column in frame.columns:\n        if pd.api.types.is_string_dtype(frame[column]):\n'
    '            frame[column] = frame[column].str.strip().replace("?", np.nan)\n'
    '    if "income" in frame.columns:\n'
    '        frame["income_over_50k"] = (frame.pop("income") == ">50K").astype(int)\n'
    '    return frame\n\n\n'
)

WRONG = {
    "q1-answer": WrongAnswer(
        # Target encoding on the whole table: each occupation's share of high earners, read from the answer.
        code=CLEAN_ADULT + (
            'def add_features(clean):\n    frame = clean.copy()\n'
            '    if "income_over_50k" in frame.columns:\n'
            '        frame["occupation_rate"] = frame.groupby("occupation")["income_over_50k"]'
            '.transform("mean")\n'
            '    else:\n        frame["occupation_rate"] = 0.24\n'
            '    return frame\n'),
        message="changes when the values of income_over_50k are shuffled",
    ),
    "q2-answer": WrongAnswer(
        code=('from sklearn.ensemble import HistGradientBoostingClassifier\n'
              'def build_pipeline(numeric_columns, categorical_columns):\n'
              '    return HistGradientBoostingClassifier(random_state=0)\n'),
        message="preprocessing must live inside the model",
    ),
    "q3-answer": WrongAnswer(
        # Scores each candidate on the very rows it was fitted on.
        code=('from sklearn.base import clone\nfrom sklearn.metrics import roc_auc_score\n'
              'def choose_model(candidates, data, target):\n'
              '    scores = {name: roc_auc_score(target, clone(model).fit(data, target)'
              '.predict_proba(data)[:, 1])\n'
              '              for name, model in candidates.items()}\n'
              '    return max(scores, key=scores.get)\n'),
        message="scores best on the very rows it was fitted on",
    ),
    "q4-answer": WrongAnswer(
        code=('def predict_probabilities(model, data_train, target_train, data_test):\n'
              '    return model.fit(data_train, target_train).predict(data_test)\n'),
        message="those are predicted labels",
    ),
    "q5-answer": WrongAnswer(
        code=('def write_submission(ids, probabilities, path):\n'
              '    pd.DataFrame({"id": list(ids), "probability": probabilities}).to_csv(path)\n'),
        message="index=False",
    ),
    "q6-answer": WrongAnswer(
        # Submits the sample submission unchanged.
        code=('def make_submission(path):\n'
              '    load_competition("sample_submission").to_csv(path, index=False)\n'),
        message="is this still the sample submission",
    ),
}

ALTERNATIVES = {
    # A yes/no feature and a text feature, built with numpy on the columns' values.
    "q1-answer": CLEAN_ADULT + (
        'def add_features(clean):\n'
        '    return clean.assign(\n'
        '        overtime=clean["hours_per_week"].to_numpy() > 40,\n'
        '        has_capital=np.where(clean["capital_gain"].to_numpy() > 0, "yes", "no"),\n'
        '    )\n'),
    # Another model: a logistic regression on scaled numbers and a sparse one-hot encoding.
    "q2-answer": ('from sklearn.compose import ColumnTransformer\n'
                  'from sklearn.impute import SimpleImputer\n'
                  'from sklearn.linear_model import LogisticRegression\n'
                  'from sklearn.pipeline import Pipeline, make_pipeline\n'
                  'from sklearn.preprocessing import OneHotEncoder, StandardScaler\n\n\n'
                  'def build_pipeline(numeric_columns, categorical_columns):\n'
                  '    preprocess = ColumnTransformer([\n'
                  '        ("numeric", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),'
                  ' numeric_columns),\n'
                  '        ("categorical", make_pipeline(SimpleImputer(strategy="most_frequent"),\n'
                  '                                      OneHotEncoder(handle_unknown="ignore")),'
                  ' categorical_columns)])\n'
                  '    return Pipeline([("preprocess", preprocess),'
                  ' ("model", LogisticRegression(max_iter=1000))])\n'),
    # Other folds (3, another seed), cross_validate, and the best name found by sorting.
    "q3-answer": ('from sklearn.model_selection import StratifiedKFold, cross_validate\n\n\n'
                  'def choose_model(candidates, data, target):\n'
                  '    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=42)\n'
                  '    scores = []\n'
                  '    for name, model in candidates.items():\n'
                  '        result = cross_validate(model, data, target, cv=folds, scoring="roc_auc")\n'
                  '        scores.append((result["test_score"].mean(), name))\n'
                  '    return sorted(scores)[-1][1]\n'),
    # A pandas Series of float32 probabilities.
    "q4-answer": ('def predict_probabilities(model, data_train, target_train, data_test):\n'
                  '    model.fit(data_train, target_train)\n'
                  '    column = list(model.classes_).index(1)\n'
                  '    return pd.Series(model.predict_proba(data_test)[:, column].astype(np.float32),'
                  ' index=data_test.index)\n'),
    # The file written line by line, without pandas.
    "q5-answer": ('def write_submission(ids, probabilities, path):\n'
                  '    with open(path, "w", encoding="utf-8") as handle:\n'
                  '        handle.write("id,probability\\n")\n'
                  '        for person, probability in zip(list(ids), list(probabilities)):\n'
                  '            handle.write(f"{int(person)},{float(probability)}\\n")\n'),
    # The pipeline fitted and the file written directly, with one more feature in the model.
    "q6-answer": ('def make_submission(path):\n'
                  '    net = lambda frame: frame.assign(capital_net=frame["capital_gain"]'
                  ' - frame["capital_loss"])\n'
                  '    train, test = (net(add_features(clean_adult(raw))) for raw in (train_raw, test_raw))\n'
                  '    numeric = NUMERIC + ["capital_net"]\n'
                  '    model = build_pipeline(numeric, CATEGORICAL).fit(train[numeric + CATEGORICAL],'
                  ' train["income_over_50k"])\n'
                  '    probability = model.predict_proba(test[numeric + CATEGORICAL])[:, 1]\n'
                  '    pd.DataFrame({"id": test["id"].to_numpy(), "probability": probability})'
                  '.to_csv(path, index=False)\n'),
}

VISIBLE_ONLY = {
    # The feature built from bare values: right while the index is 0, 1, 2..., wrong for a sample of rows.
    "q1-answer": WrongAnswer(
        code=CLEAN_ADULT + (
            'def add_features(clean):\n    frame = clean.copy()\n'
            '    frame["capital_net"] = pd.Series(clean["capital_gain"].to_numpy()'
            ' - clean["capital_loss"].to_numpy())\n'
            '    return frame\n'),
        message="in another order and with another index",
    ),
    # No imputer for the numbers: the first toy table has none missing, the second (and the real refit) has.
    "q2-answer": WrongAnswer(
        code=('from sklearn.compose import ColumnTransformer\n'
              'from sklearn.impute import SimpleImputer\n'
              'from sklearn.linear_model import LogisticRegression\n'
              'from sklearn.pipeline import Pipeline, make_pipeline\n'
              'from sklearn.preprocessing import OneHotEncoder, StandardScaler\n\n\n'
              'def build_pipeline(numeric_columns, categorical_columns):\n'
              '    preprocess = ColumnTransformer([\n'
              '        ("numeric", StandardScaler(), numeric_columns),\n'
              '        ("categorical", make_pipeline(SimpleImputer(strategy="most_frequent"),\n'
              '                                      OneHotEncoder(handle_unknown="ignore")),'
              ' categorical_columns)])\n'
              '    return Pipeline([("preprocess", preprocess),'
              ' ("model", LogisticRegression(max_iter=1000))])\n'),
        message="impute missing numbers inside the pipeline",
    ),
    # max over the dict compares the names: right when the best name also comes last alphabetically.
    "q3-answer": WrongAnswer(
        code=('from sklearn.model_selection import StratifiedKFold, cross_val_score\n\n\n'
              'def choose_model(candidates, data, target):\n'
              '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    scores = {name: cross_val_score(model, data, target, cv=folds, scoring="roc_auc").mean()\n'
              '              for name, model in candidates.items()}\n'
              '    return max(scores)\n'),
        message="the name that comes last in alphabetical order",
    ),
    # Bare arrays: fine for a plain model, not for a pipeline that picks its columns by name.
    "q4-answer": WrongAnswer(
        code=('def predict_probabilities(model, data_train, target_train, data_test):\n'
              '    model.fit(data_train.to_numpy(), target_train.to_numpy())\n'
              '    return model.predict_proba(data_test.to_numpy())[:, 1]\n'),
        message="pass the DataFrames as they are",
    ),
    # The probabilities wrapped in a Series: pandas matches it to the ids by index, not by position.
    "q5-answer": WrongAnswer(
        code=('def write_submission(ids, probabilities, path):\n'
              '    frame = pd.DataFrame({"id": ids, "probability": pd.Series(probabilities)})\n'
              '    frame.to_csv(path, index=False)\n'),
        message="whose index is not 0, 1, 2",
    ),
    # Hard labels (predict) instead of probabilities: the learner report of issue 15.
    "q6-answer": WrongAnswer(
        code=('def make_submission(path):\n'
              '    train, test = add_features(clean_adult(train_raw)), add_features(clean_adult(test_raw))\n'
              '    model = build_pipeline(NUMERIC, CATEGORICAL).fit(train[FEATURES],'
              ' train["income_over_50k"])\n'
              '    write_submission(test["id"], model.predict(test[FEATURES]), path)\n'),
        message="every probability in the file is 0 or 1",
    ),
}

# Cross-validated, but by accuracy (cross_val_score's default for a classifier), not ROC-AUC: on the checks'
# tables both pick the same model; on the real data a constant guess is 78 % accurate (one person in four
# earns more than $50K) and ranks nobody, and the hidden tests give candidates where the two disagree.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q3-answer",
    'from sklearn.model_selection import cross_val_score\n\n\n'
    'def choose_model(candidates, data, target):\n'
    '    scores = {name: cross_val_score(model, data, target, cv=5).mean()'
    ' for name, model in candidates.items()}\n'
    '    return max(scores, key=scores.get)\n',
)
