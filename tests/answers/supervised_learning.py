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
        code=('def fit_digit_network(data_train, target_train, hidden_units):\n'
              '    network = MLPClassifier(hidden_layer_sizes=(hidden_units,), max_iter=300, '
              'random_state=0)\n'
              '    return network.fit(data_train, target_train)\n'),
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

# Valid answers in another form: another container, another correct method or library call.
ALTERNATIVES = {
    "q1-answer": ('def stratified_split(data, target):\n'
                  '    parts = train_test_split(data, target, test_size=0.25, stratify=target,'
                  ' random_state=0,\n'
                  '                             shuffle=True)\n'
                  '    return list(parts)\n'),
    "q2-answer": ('def baseline_accuracy(data_train, target_train, data_test, target_test):\n'
                  '    majority = pd.Series(target_train).value_counts().idxmax()\n'
                  '    return float(np.mean(np.asarray(target_test) == majority))\n'),
    "q3-answer": ('from sklearn.metrics import accuracy_score\n\n'
                  'def tree_scores(data_train, target_train, data_test, target_test, max_depth):\n'
                  '    tree = DecisionTreeClassifier(random_state=0, max_depth=max_depth)\n'
                  '    tree.fit(data_train, target_train)\n'
                  '    return [accuracy_score(target_train, tree.predict(data_train)),\n'
                  '            accuracy_score(target_test, tree.predict(data_test))]\n'),
    # Another scaler, as the text leaves the choice to the learner.
    "q4-answer": ('from sklearn.pipeline import Pipeline\n'
                  'from sklearn.preprocessing import MinMaxScaler\n\n'
                  'def fit_scaled_svm(data_train, target_train, C):\n'
                  '    model = Pipeline([("scale", MinMaxScaler()), ("svm", SVC(C=C, kernel="rbf"))])\n'
                  '    return model.fit(data_train, target_train)\n'),
    # Other settings of the learner's choosing: another scaler, an int for one layer, another seed.
    "q5-answer": ('from sklearn.pipeline import Pipeline\n'
                  'from sklearn.preprocessing import MinMaxScaler\n\n'
                  'def fit_digit_network(data_train, target_train, hidden_units):\n'
                  '    network = MLPClassifier(hidden_units, alpha=1e-3, max_iter=500, random_state=1)\n'
                  '    model = Pipeline([("scale", MinMaxScaler()), ("network", network)])\n'
                  '    return model.fit(data_train, target_train)\n'),
    "q6-answer": ('def precision_recall_f1(confusion):\n'
                  '    confusion = np.asarray(confusion, dtype=np.float32)\n'
                  '    tp, fp, fn = confusion[1, 1], confusion[0, 1], confusion[1, 0]\n'
                  '    precision = tp / (tp + fp) if tp + fp > 0 else np.float32(0)\n'
                  '    recall = tp / (tp + fn) if tp + fn > 0 else np.float32(0)\n'
                  '    f1 = 2 * tp / (2 * tp + fp + fn) if tp > 0 else np.float32(0)\n'
                  '    return [precision, recall, f1]\n'),
    "q7-answer": ('def roc_auc_on_test(model, data_test, target_test):\n'
                  '    column = list(model.classes_).index(1)\n'
                  '    return roc_auc_score(np.asarray(target_test),'
                  ' model.predict_proba(data_test)[:, column])\n'),
    "q8-answer": ('def regression_scores(data_train, target_train, data_test, target_test):\n'
                  '    predicted = LinearRegression().fit(data_train, target_train).predict(data_test)\n'
                  '    errors = np.asarray(target_test, dtype=float) - predicted\n'
                  '    spread = np.asarray(target_test, dtype=float) - np.mean(target_test)\n'
                  '    return np.array([np.sqrt(np.mean(errors ** 2)), 1 - np.sum(errors ** 2) /'
                  ' np.sum(spread ** 2)])\n'),
    "q9-answer": ('from sklearn.pipeline import Pipeline\n\n'
                  'def compare_on_adult(data_train, target_train, data_test, target_test):\n'
                  '    scores = {}\n'
                  '    for name, model in [("baseline", DummyClassifier()),\n'
                  '                        ("tree", DecisionTreeClassifier(random_state=0, max_depth=6)),\n'
                  '                        ("logistic", Pipeline([("scale", StandardScaler()),\n'
                  '                                               ("model",'
                  ' LogisticRegression(max_iter=1000))]))]:\n'
                  '        probabilities = model.fit(data_train, target_train).predict_proba(data_test)\n'
                  '        scores[name] = float(roc_auc_score(target_test, probabilities[:, 1]))\n'
                  '    return scores\n'),
}

# Right on each check's first input only; the check's second input and the hidden tests catch them.
VISIBLE_ONLY = {
    # A fixed test size of 10 rows: a quarter of the first example's 40 rows, of no other data set.
    "q1-answer": WrongAnswer(
        code='def stratified_split(data, target):\n'
             '    return train_test_split(data, target, test_size=10, random_state=0, stratify=target)\n',
        message="should hold a quarter of them",
    ),
    # Takes the first training label for the majority class.
    "q2-answer": WrongAnswer(
        code=('def baseline_accuracy(data_train, target_train, data_test, target_test):\n'
              '    return float((target_test == target_train.iloc[0]).mean())\n'),
        message="the baseline always predicts 'a'",
    ),
    # Reads max_depth as a switch: a stump when given a depth, a full tree for None.
    "q3-answer": WrongAnswer(
        code=('def tree_scores(data_train, target_train, data_test, target_test, max_depth):\n'
              '    tree = DecisionTreeClassifier(max_depth=1 if max_depth else None, random_state=0)\n'
              '    tree.fit(data_train, target_train)\n'
              '    return tree.score(data_train, target_train), tree.score(data_test, target_test)\n'),
        message="Pass `max_depth=max_depth` itself",
    ),
    # C written as the first example's 1.0.
    "q4-answer": WrongAnswer(
        code=('def fit_scaled_svm(data_train, target_train, C):\n'
              '    return make_pipeline(StandardScaler(), SVC(C=1.0)).fit(data_train, target_train)\n'),
        message="pass the function's `C` to `SVC(C=C)`",
    ),
    # The first example's 5 hidden units written out.
    "q5-answer": WrongAnswer(
        code=('def fit_digit_network(data_train, target_train, hidden_units):\n'
              '    network = MLPClassifier(hidden_layer_sizes=(5,), max_iter=300, random_state=0)\n'
              '    return make_pipeline(StandardScaler(), network).fit(data_train, target_train)\n'),
        message="Pass `hidden_layer_sizes=(hidden_units,)`",
    ),
    # No guard against a zero denominator: a table without predicted positives gives nan.
    "q6-answer": WrongAnswer(
        code=('def precision_recall_f1(confusion):\n'
              '    tn, fp, fn, tp = np.asarray(confusion, dtype=float).ravel()\n'
              '    precision, recall = tp / (tp + fp), tp / (tp + fn)\n'
              '    return precision, recall, 2 * precision * recall / (precision + recall)\n'),
        message="When a denominator is 0, return 0.0",
    ),
    # decision_function: the first example's logistic regression has one, a tree does not.
    "q7-answer": WrongAnswer(
        code=('def roc_auc_on_test(model, data_test, target_test):\n'
              '    return roc_auc_score(target_test, model.decision_function(data_test))\n'),
        message="raised AttributeError",
    ),
    # The first example's column names written out.
    "q8-answer": WrongAnswer(
        code=('def regression_scores(data_train, target_train, data_test, target_test):\n'
              '    columns = ["x", "noise"]\n'
              '    model = LinearRegression().fit(data_train[columns], target_train)\n'
              '    predicted = model.predict(data_test[columns])\n'
              '    return mean_squared_error(target_test, predicted) ** 0.5, r2_score(target_test,'
              ' predicted)\n'),
        message="raised KeyError",
    ),
    # Joins the targets by position after resetting their index, as if rows were numbered 0..n-1.
    "q9-answer": WrongAnswer(
        code=('def compare_on_adult(data_train, target_train, data_test, target_test):\n'
              '    train = data_train.join(target_train.reset_index(drop=True).rename("label")).dropna()\n'
              '    models = {"baseline": DummyClassifier(strategy="prior"),\n'
              '              "tree": DecisionTreeClassifier(max_depth=6, random_state=0),\n'
              '              "logistic": make_pipeline(StandardScaler(),'
              ' LogisticRegression(max_iter=1000))}\n'
              '    return {name: roc_auc_score(target_test, model.fit(train.drop(columns="label"),'
              ' train["label"])\n'
              '                                .predict_proba(data_test)[:, 1])\n'
              '            for name, model in models.items()}\n'),
        message="numbered in random order",
    ),
}
