from tests.answers import WrongAnswer

WRONG = {
    "q1-answer": WrongAnswer(
        # Compares with "?" before stripping, so " ?" stays a value.
        code=('def clean_adult(raw):\n    frame = raw.rename(columns=lambda name: name.replace("-", "_"))\n'
              '    for column in frame.columns:\n        if pd.api.types.is_string_dtype(frame[column]):\n'
              '            frame[column] = frame[column].replace("?", np.nan).str.strip()\n'
              '    if "income" in frame.columns:\n'
              '        frame["income_over_50k"] = (frame.pop("income") == ">50K").astype(int)\n'
              '    return frame\n'),
        message="strip first, then replace",
    ),
    "q2-answer": WrongAnswer(
        code=('from sklearn.ensemble import HistGradientBoostingClassifier\n'
              'def build_pipeline(numeric_columns, categorical_columns):\n'
              '    return HistGradientBoostingClassifier(random_state=0)\n'),
        message="preprocessing must live inside the model",
    ),
    "q3-answer": WrongAnswer(
        code=('from sklearn.model_selection import StratifiedKFold, cross_val_score\n'
              'def cross_validated_auc(model, data, target):\n    model.fit(data, target)\n'
              '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    return float(cross_val_score(model, data, target, cv=folds, scoring="roc_auc").mean())\n'),
        message="did you fit it on all the data before cross-validating",
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

# Replaces "?" in workclass and occupation only: the toy table has no native_country, the real one does.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q1-answer",
    'def clean_adult(raw):\n    frame = raw.rename(columns=lambda name: name.replace("-", "_"))\n'
    '    for column in frame.columns:\n        if pd.api.types.is_string_dtype(frame[column]):\n'
    '            frame[column] = frame[column].str.strip()\n'
    '    for column in ("workclass", "occupation"):\n'
    '        if column in frame.columns:\n'
    '            frame[column] = frame[column].replace("?", np.nan)\n'
    '    if "income" in frame.columns:\n'
    '        frame["income_over_50k"] = (frame.pop("income") == ">50K").astype(int)\n    return frame\n',
)
