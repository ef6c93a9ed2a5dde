from tests.answers import WrongAnswer

WRONG = {
    # Forgets to stratify: the test set's class proportions drift.
    "q1-answer": WrongAnswer(
        code='def stratified_split(data, target):\n'
             '    return train_test_split(data, target, random_state=0)\n',
        message="Pass `stratify=target`",
    ),
    # Fits the baseline on the test set, so it "knows" the test set's majority class.
    "q2-answer": WrongAnswer(
        code=('def baseline_accuracy(data_train, target_train, data_test, target_test):\n'
              '    baseline = DummyClassifier(strategy="most_frequent").fit(data_test, target_test)\n'
              '    return baseline.score(data_test, target_test)\n'),
        message="fit the DummyClassifier on the training data only",
    ),
    # Ignores max_depth: always a fully grown tree.
    "q3-answer": WrongAnswer(
        code=('def tree_scores(data_train, target_train, data_test, target_test, max_depth):\n'
              '    tree = DecisionTreeClassifier(random_state=0).fit(data_train, target_train)\n'
              '    return tree.score(data_train, target_train), tree.score(data_test, target_test)\n'),
        message="pass `max_depth=max_depth` to DecisionTreeClassifier",
    ),
    # No scaler: an SVC on raw features.
    "q4-answer": WrongAnswer(
        code='def fit_scaled_svm(data_train, target_train, C):\n'
             '    return SVC(C=C).fit(data_train, target_train)\n',
        message="your model has no StandardScaler",
    ),
    # No scaler in front of the network.
    "q5-answer": WrongAnswer(
        code=('def mlp_accuracy(data_train, target_train, data_test, target_test, hidden_units):\n'
              '    network = MLPClassifier(hidden_layer_sizes=(hidden_units,), max_iter=300, '
              'random_state=0)\n'
              '    return network.fit(data_train, target_train).score(data_test, target_test)\n'),
        message="your network sees raw features",
    ),
    # Divides by the wrong margins: precision and recall swapped.
    "q6-answer": WrongAnswer(
        code=('def precision_recall_f1(confusion):\n    tn, fp, fn, tp = np.asarray(confusion).ravel()\n'
              '    precision, recall = tp / (tp + fn), tp / (tp + fp)\n'
              '    return precision, recall, 2 * precision * recall / (precision + recall)\n'),
        message="you swapped precision and recall",
    ),
    # Hard labels from predict instead of probabilities.
    "q7-answer": WrongAnswer(
        code=('def roc_auc_on_test(model, data_test, target_test):\n'
              '    return roc_auc_score(target_test, model.predict(data_test))\n'),
        message="you passed hard labels from `predict`",
    ),
    # Returns the MSE instead of its square root.
    "q8-answer": WrongAnswer(
        code=('def regression_scores(data_train, target_train, data_test, target_test):\n'
              '    predicted = LinearRegression().fit(data_train, target_train).predict(data_test)\n'
              '    return mean_squared_error(target_test, predicted), r2_score(target_test, predicted)\n'),
        message="you returned the mean squared error",
    ),
    # Scores the tree and the logistic regression from hard 0/1 labels instead of probabilities.
    "q9-answer": WrongAnswer(
        code=('def compare_on_adult(data_train, target_train, data_test, target_test):\n'
              '    models = {"baseline": DummyClassifier(strategy="prior"),\n'
              '              "tree": DecisionTreeClassifier(max_depth=6, random_state=0),\n'
              '              "logistic": make_pipeline(StandardScaler(), '
              'LogisticRegression(max_iter=1000))}\n'
              '    return {name: roc_auc_score(target_test, model.fit(data_train, '
              'target_train).predict(data_test))\n'
              '            for name, model in models.items()}\n'),
        message="you passed hard labels from `predict`",
    ),
}

# Reproducible and stratified, but with random_state=42 instead of 0: the visible check (on a small
# example) cannot tell, the hidden tests' exact test rows can.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q1-answer",
    'def stratified_split(data, target):\n'
    '    return train_test_split(data, target, random_state=42, stratify=target)\n',
)
