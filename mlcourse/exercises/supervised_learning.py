"""Checks and hints for the assignment "Supervised learning" (source/supervised_learning).

Each check runs the learner's function on a small hand-made data set, builds what the exercise
asks for on that same small data with scikit-learn, and names the usual mistake when the two
differ. The exact values on the real data (penguins, breast cancer, digits, diabetes, Adult) are
checked only by the hidden tests.
"""

import math
import warnings

import numpy as np
import pandas as pd

from mlcourse.exercise import (
    ML_ALGORITHMS,
    STATISTICS,
    Mistake,
    call,
    close_for_dtype,
    exercise,
    expect,
    expect_number,
    expect_pair,
    is_integer,
    pipeline_steps,
    shown,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"]

ADULT_MODELS = ("baseline", "tree", "logistic")


def _quietly(function, *args, advice=""):
    """``call()`` with scikit-learn's convergence warnings silenced (the check's data is tiny)."""
    from sklearn.exceptions import ConvergenceWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return call(function, *args, advice=advice)


def _near(value, expected) -> bool:
    """Whether a number is ``expected`` up to the roundings of its own float type (float32 is as valid)."""
    return close_for_dtype(np.asarray(value), expected)


def _toy_classification(seed=0, rows=120):
    """Two features: 'small' decides the class; 'large' is noise measured in much bigger units."""
    rng = np.random.default_rng(seed)
    small = rng.normal(size=rows)
    data = pd.DataFrame({"small": small, "large": rng.normal(size=rows) * 1000})
    target = pd.Series((small > 0).astype(int), name="label")
    flip = rng.random(rows) < 0.1  # some label noise, so a deep tree can overfit
    target[flip] = 1 - target[flip]
    split = rows * 2 // 3
    return data[:split], target[:split], data[split:], target[split:]


def _tree_reference(max_depth, data_train, target_train, data_test, target_test):
    from sklearn.tree import DecisionTreeClassifier

    tree = DecisionTreeClassifier(max_depth=max_depth, random_state=0).fit(data_train, target_train)
    return tree.score(data_train, target_train), tree.score(data_test, target_test)


def _toy_mlp(seed=0):
    rng = np.random.default_rng(seed)
    features = rng.normal(size=(200, 3))
    target = (features[:, 0] + features[:, 1] > 0).astype(int)
    data = features * [1000.0, 0.01, 1.0]  # the same information in wildly different units
    return data[:150], target[:150], data[150:], target[150:]


def _mlp_reference(hidden_units, scaled, data_train, target_train, data_test, target_test, on_train=False):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    network = MLPClassifier(hidden_layer_sizes=(hidden_units,), max_iter=300, random_state=0)
    model = make_pipeline(StandardScaler(), network) if scaled else network
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(data_train, target_train)
    return model.score(data_train, target_train) if on_train else model.score(data_test, target_test)


def _toy_census(seed=8, rows=400):
    """Census-like numbers: an age, a rare large capital gain, a feature in tiny units, weekly hours.

    The classes depend on a threshold of the gain (which suits a tree) and on the tiny feature
    (which a logistic regression only sees once the features are scaled).
    """
    rng = np.random.default_rng(seed)
    years = rng.integers(18, 80, size=rows).astype(float)
    gain = np.where(rng.random(rows) < 0.1, rng.exponential(5000, size=rows), 0.0)
    tiny = rng.normal(size=rows) / 1000
    hours = rng.integers(10, 70, size=rows).astype(float)
    score = ((years - 45) / 12 + 1000 * tiny + (gain > 3000) * 2.5 - np.abs(hours - 45) / 15
             + rng.normal(size=rows))
    data = pd.DataFrame({"years": years, "gain": gain, "tiny": tiny, "hours": hours})
    target = pd.Series((score > 0.3).astype(int), name="label")
    split = rows * 3 // 4
    return data[:split], target[:split], data[split:], target[split:]


def _census_model(name, max_depth=6, scaled=True):
    from sklearn.dummy import DummyClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.tree import DecisionTreeClassifier

    if name == "baseline":
        return DummyClassifier(strategy="prior")
    if name == "tree":
        return DecisionTreeClassifier(max_depth=max_depth, random_state=0)
    logistic = LogisticRegression(max_iter=1000)
    return make_pipeline(StandardScaler(), logistic) if scaled else logistic


def _census_auc(model, fit_on, score_on, hard=False, column=1):
    from sklearn.metrics import roc_auc_score

    model.fit(*fit_on)
    data, target = score_on
    scores = model.predict(data) if hard else model.predict_proba(data)[:, column]
    return roc_auc_score(target, scores)


@exercise("a stratified, reproducible split", ML_ALGORITHMS, hints=[
    "scikit-learn's `train_test_split` does the work; read which keyword arguments fix the randomness "
    "and keep the class proportions.",
    "Three keyword arguments of `train_test_split` matter here: `random_state`, `stratify` (which column "
    "keeps its proportions?) and none for the size, whose default is already a quarter.",
])
def q1(split):
    data = pd.DataFrame({"x": np.arange(40.0), "z": np.arange(40.0)[::-1]})
    target = pd.Series(["a"] * 32 + ["b"] * 8, name="label")
    parts = _check_split(split, data, target)
    minority = int((parts[3] == "b").sum())
    expect(minority == 2,
           "20% of the rows are of class 'b', so a stratified test set of 10 rows holds 2 of them; "
           f"yours holds {minority}. Pass `stratify=target` so both sets keep the class proportions.")
    again = call(split, data, target)
    expect(list(again[1].index) == list(parts[1].index),
           "two calls gave two different splits: pass `random_state=0` so the split can be reproduced.")
    # Another shape: 60 rows in other column order, three classes, rows not numbered in order.
    rng = np.random.default_rng(3)
    other = pd.DataFrame({"w": rng.normal(size=60), "v": np.arange(60.0)}, index=rng.permutation(60) + 100)
    labels = pd.Series(["p"] * 30 + ["q"] * 18 + ["r"] * 12, index=other.index, name="kind")
    parts = _check_split(split, other, labels)
    counts = parts[3].value_counts()
    shares = {"p": 7.5, "q": 4.5, "r": 3.0}
    expect(all(abs(counts.get(kind, 0) - share) <= 1 for kind, share in shares.items()),
           "with three classes (30, 18 and 12 of 60 rows) a stratified test set of 15 rows holds about "
           f"7.5, 4.5 and 3 of each; yours holds {counts.to_dict()}. Pass `stratify=target`.")


def _check_split(split, data, target):
    """The four parts of ``split(data, target)``, or a Mistake naming what is wrong with them."""
    rows = len(data)
    parts = call(split, data, target)
    expect(isinstance(parts, (tuple, list)) and len(parts) == 4,
           f"return the four parts `data_train, data_test, target_train, target_test` (what train_test_split "
           f"returns); got {type(parts).__name__} ({parts!r:.60}).")
    data_train, data_test, target_train, target_test = parts
    expect(isinstance(data_train, pd.DataFrame) and isinstance(data_test, pd.DataFrame),
           "the first two parts should be the data (DataFrames), then the targets: return them in the order "
           "`data_train, data_test, target_train, target_test`.")
    expect(isinstance(target_train, pd.Series) and isinstance(target_test, pd.Series),
           "the last two parts should be the targets (Series): return them in the order "
           "`data_train, data_test, target_train, target_test`.")
    expect(len(data_train) + len(data_test) == rows and len(target_train) + len(target_test) == rows
           and sorted(data_train.index.append(data_test.index)) == sorted(data.index),
           "the train and test parts together should hold every row exactly once.")
    expect(len(data_test) == math.ceil(rows / 4),
           f"with {rows} rows, the test set should hold a quarter of them ({math.ceil(rows / 4)}, "
           f"train_test_split's default test_size); yours holds {len(data_test)}.")
    expect(list(data_train.index) == list(target_train.index)
           and list(data_test.index) == list(target_test.index),
           "the data and target parts do not hold the same rows: split `data` and `target` in one call "
           "to train_test_split.")
    expect(list(data_train.columns) == list(data.columns),
           f"the data parts should keep the columns they were given, {list(data.columns)}; "
           f"yours have {list(data_train.columns)}.")
    return parts


@exercise("a baseline to beat", ML_ALGORITHMS, hints=[
    "A DummyClassifier ignores the features; with `strategy=\"most_frequent\"` it always predicts the "
    "class it saw most often during `fit`.",
    "Fit the DummyClassifier on the training part only; its `.score` on the test part is the accuracy.",
])
def q2(baseline_accuracy):
    data_train = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0, 5.0]})
    target_train = pd.Series(["a", "a", "a", "b", "b"])
    data_test = pd.DataFrame({"x": [6.0, 7.0, 8.0, 9.0]})
    target_test = pd.Series(["a", "b", "b", "b"])
    score = expect_number(call(baseline_accuracy, data_train, target_train, data_test, target_test),
                          "baseline_accuracy(...)")
    # Test-set majority 'b' is right 3 times in 4; the training share of 'a' is 3 in 5.
    expect(not math.isclose(score, 0.75),
           "your baseline scores 0.75, the accuracy of always predicting 'b', the most frequent class of "
           "the *test* set: fit the DummyClassifier on the training data only, then score it on the"
           " test data.")
    expect(not math.isclose(score, 0.6),
           "your result, 0.6, is the baseline's accuracy on the *training* targets (3 'a' in 5); the "
           "baseline's accuracy is measured on the test set: fit on train, then `.score(data_test,"
           " target_test)`.")
    expect(math.isclose(score, 0.25),
           f"in this example the training set's majority class is 'a' and 1 of the 4 test rows is 'a', "
           f"so the baseline's accuracy is 0.25; yours is {score!r}.")
    # Another shape: three classes, the most frequent one is not the first training row.
    data_train = pd.DataFrame({"x": np.arange(6.0)})
    target_train = pd.Series(["b", "a", "c", "a", "a", "c"])
    data_test = pd.DataFrame({"x": [7.0, 8.0, 9.0]})
    target_test = pd.Series(["c", "a", "c"])
    score = expect_number(call(baseline_accuracy, data_train, target_train, data_test, target_test),
                          "baseline_accuracy(...)")
    expect(math.isclose(score, 1 / 3),
           "with three classes ('a' 3 times, 'c' twice, 'b' once in training, the first training row a 'b') "
           f"the baseline always predicts 'a', right for 1 of the 3 test rows: 0.333; yours is {score:.3f}. "
           "Let the DummyClassifier find the most frequent class of the whole training target.")


@exercise("tree depth and overfitting", ML_ALGORITHMS, hints=[
    "Fit one DecisionTreeClassifier with the given `max_depth` and `random_state=0` on the training "
    "data, then call its `.score` twice.",
    "Pass the function's `max_depth` itself to the tree (None is a valid depth). The first score "
    "is measured on the rows the tree was fitted on, the second on the test rows.",
])
def q3(tree_scores):
    split = _toy_classification()
    for depth in (1, None):
        train, test = expect_pair(call(tree_scores, *split, depth), f"tree_scores(..., max_depth={depth})",
                                  "(train accuracy, test accuracy)")
        expected_train, expected_test = _tree_reference(depth, *split)
        expect(not (math.isclose(train, expected_test) and math.isclose(test, expected_train)
                    and train != test),
               "you returned the test accuracy first: return `(train_accuracy, test_accuracy)`.")
        if depth == 1:
            unlimited = _tree_reference(None, *split)
            expect(not math.isclose(train, unlimited[0]),
                   f"with max_depth=1 your tree scores {train:.2f} on its training data, like a tree grown "
                   f"without a depth limit: pass `max_depth=max_depth` to DecisionTreeClassifier.")
        expect(math.isclose(train, expected_train),
               f"with max_depth={depth} a DecisionTreeClassifier(max_depth={depth}, random_state=0) "
               f"fitted on the training data scores {expected_train:.3f} on it; yours gives {train:.3f}. "
               "Fit on data_train, target_train and score on the same training data.")
        expect(math.isclose(test, expected_test),
               f"with max_depth={depth} the test accuracy should be {expected_test:.3f}; "
               f"yours is {test:.3f}. Score the tree fitted on the training data on data_test, target_test.")
    # Another shape: three classes and a depth of 3.
    rng = np.random.default_rng(4)
    data = pd.DataFrame({"a": rng.normal(size=90), "b": rng.normal(size=90)})
    labels = pd.Series(np.where(data["a"] > 0.5, "high", np.where(data["b"] > 0, "mid", "low")))
    labels[rng.random(90) < 0.15] = "mid"
    split = data[:60], labels[:60], data[60:], labels[60:]
    train, test = expect_pair(call(tree_scores, *split, 3), "tree_scores(..., max_depth=3)",
                              "(train accuracy, test accuracy)")
    expected = _tree_reference(3, *split)
    expect(math.isclose(train, expected[0]) and math.isclose(test, expected[1]),
           "on a second example (three classes, max_depth=3) a DecisionTreeClassifier(max_depth=3, "
           f"random_state=0) scores {expected[0]:.3f} on its training rows and {expected[1]:.3f} on the "
           f"test rows; yours gives ({train:.3f}, {test:.3f}). Pass `max_depth=max_depth` itself.")


@exercise("an SVM that sees scaled features", ML_ALGORITHMS, hints=[
    "An SVC with an RBF kernel measures distances between samples, so a feature in large units "
    "drowns the others. `make_pipeline` chains a scaler and a model into one estimator.",
    "`make_pipeline` takes the steps in order: a scaler first (StandardScaler is the usual one), then the "
    "SVC with the function's `C`. "
    "Fit the pipeline, then return it (not its score).",
])
def q4(fit_scaled_svm):
    from sklearn.exceptions import NotFittedError
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC

    data_train, target_train, data_test, target_test = _toy_classification()
    model = _quietly(fit_scaled_svm, data_train, target_train, 1.0)
    expect(hasattr(model, "predict") and hasattr(model, "score"),
           f"return the fitted model (a Pipeline), not {type(model).__name__} ({model!r:.60}).")
    try:
        score = model.score(data_test, target_test)
    except NotFittedError:
        raise Mistake("the model you returned is not fitted: call `.fit(data_train, target_train)` "
                      "on the pipeline before returning it.") from None
    except Exception as error:
        raise Mistake(f"scoring your model on new raw data raised {type(error).__name__}: {error}. Return "
                      "one pipeline that scales and classifies, so it can take raw features.") from None
    steps = pipeline_steps(model)
    raw = SVC().fit(data_train, target_train).score(data_test, target_test)
    scaled = Pipeline([("scale", StandardScaler()), ("svc", SVC())]).fit(data_train, target_train)
    expect(any(type(step).__name__.endswith("Scaler") for step in steps),
           f"your model has no StandardScaler (nor any other scaler): on this small example, where one "
           f"feature is measured in units 1000 times larger, your model scores {score:.2f} on new"
           f" data, and a "
           f"StandardScaler followed by an SVC {scaled.score(data_test, target_test):.2f}. "
           "Put a scaler before the SVC with `make_pipeline`.")
    expect(isinstance(steps[-1], SVC),
           f"the last step of the pipeline should be an SVC, not {type(steps[-1]).__name__}.")
    expect(any(type(step).__name__.endswith("Scaler") for step in steps[:-1]),
           "the scaler should come before the SVC, so the SVC sees scaled features.")
    other = _quietly(fit_scaled_svm, data_train, target_train, 0.25)
    last = other.steps[-1][1] if isinstance(other, Pipeline) else other
    expect(getattr(last, "C", None) == 0.25,
           f"with C=0.25 your SVC has C={getattr(last, 'C', None)!r}: pass the function's `C` to `SVC(C=C)`.")
    expect(score > raw,
           f"your pipeline scores {score:.2f} on new data, no better than an unscaled SVC ({raw:.2f}): check "
           "that the scaler is fitted inside the pipeline, on the training data.")


@exercise("a small neural network on digits", ML_ALGORITHMS, hints=[
    "A neural network is trained by gradient descent, which works best when every feature has mean 0 and "
    "variance 1: put a scaler and an MLPClassifier in one pipeline, and fit it.",
    "One hidden layer of `hidden_units` neurons is `hidden_layer_sizes=(hidden_units,)`, a tuple of one "
    "number; fix `random_state` so the starting weights are the same every run. Return the fitted pipeline.",
])
def q5(fit_digit_network):
    from sklearn.neural_network import MLPClassifier

    data_train, target_train, data_test, target_test = _toy_mlp()
    network = _fitted_network(fit_digit_network, data_train, target_train, 5)
    steps = pipeline_steps(network)
    score = network.score(data_test, target_test)
    expect(any(type(step).__name__.endswith("Scaler") for step in steps[:-1]),
           "your network sees raw features: your model has no scaler before the MLPClassifier. On this small "
           "example, whose features differ in scale by a factor of 100,000, it scores "
           f"{score:.2f} on new data, and a network behind a StandardScaler "
           f"{_mlp_reference(5, True, data_train, target_train, data_test, target_test):.2f}. "
           "Put `StandardScaler()` before the MLPClassifier with `make_pipeline`.")
    expect(isinstance(steps[-1], MLPClassifier),
           f"the last step of the pipeline should be an MLPClassifier, not {type(steps[-1]).__name__}.")
    expect(_layers(steps[-1]) == [5],
           f"with hidden_units=5 the network should have one hidden layer of 5 neurons; yours has "
           f"{_layers(steps[-1])}. Pass `hidden_layer_sizes=(hidden_units,)`.")
    expect(is_integer(steps[-1].random_state),
           "fix the network's `random_state` (e.g. random_state=0): it starts from random weights, so "
           "without a seed two fits give two different models.")
    # Another shape: three classes, 20 hidden units, fitted twice.
    rng = np.random.default_rng(6)
    features = rng.normal(size=(180, 4)) * [1.0, 50.0, 0.02, 3.0]
    labels = np.where(features[:, 0] > 0.5, "c", np.where(features[:, 1] > 0, "b", "a"))
    wider = _fitted_network(fit_digit_network, features[:120], labels[:120], 20)
    expect(_layers(pipeline_steps(wider)[-1]) == [20],
           f"with hidden_units=20 the network should have one hidden layer of 20 neurons; yours has "
           f"{_layers(pipeline_steps(wider)[-1])}. Pass `hidden_layer_sizes=(hidden_units,)`.")
    again = _fitted_network(fit_digit_network, features[:120], labels[:120], 20)
    expect(np.array_equal(wider.predict(features[120:]), again.predict(features[120:])),
           "two fits on the same rows gave two different networks: fix the MLPClassifier's `random_state`.")


def _fitted_network(fit_digit_network, data_train, target_train, hidden_units):
    """The learner's fitted model, or a Mistake saying what came back instead."""
    from sklearn.exceptions import NotFittedError

    model = _quietly(fit_digit_network, data_train, target_train, hidden_units)
    expect(hasattr(model, "predict") and hasattr(model, "score"),
           f"return the fitted pipeline, not {type(model).__name__} ({model!r:.60}).")
    try:
        model.predict(data_train[:2])
    except NotFittedError:
        raise Mistake("the model you returned is not fitted: call `.fit(data_train, target_train)` "
                      "on the pipeline before returning it.") from None
    return model


def _layers(network) -> list:
    """The sizes of a network's hidden layers, as a list (an int, a tuple and a list all count)."""
    return [int(size) for size in np.atleast_1d(network.hidden_layer_sizes)]


@exercise("precision, recall and F1 by hand", STATISTICS, hints=[
    "Read the four counts out of the matrix first: rows are the true classes, columns the predicted ones, "
    "so `tn, fp, fn, tp = confusion.ravel()`.",
    "Precision divides the true positives by every *predicted* positive, recall by every *actual* "
    "positive; F1 is their harmonic mean. Test each denominator before dividing.",
])
def q6(precision_recall_f1):
    # true negatives, false positives / false negatives, true positives
    confusion = np.array([[50, 10], [5, 35]])
    result = call(precision_recall_f1, confusion)
    expect(isinstance(result, (tuple, list)) and len(result) == 3,
           f"return three numbers (precision, recall, f1); got {type(result).__name__} ({result!r:.60}).")
    for value in result:
        expect_number(value, "each value precision_recall_f1 returns")
    precision, recall, f1 = result
    expect(not (_near(precision, 35 / 40) and _near(recall, 35 / 45)),
           "you swapped precision and recall: precision divides the true positives by every *predicted* "
           "positive (the second column), recall by every *actual* positive (the second row).")
    expect(not _near(precision, 50 / 55) and not _near(recall, 50 / 60),
           "you computed the metrics for class 0: the positive class is 1, whose true positives are "
           "at the bottom right, `confusion[1, 1]`.")
    expect(_near(precision, 35 / 45),
           f"for [[50, 10], [5, 35]] precision is 35 / (35 + 10); yours is {shown(precision)}.")
    expect(_near(recall, 35 / 40),
           f"for [[50, 10], [5, 35]] recall is 35 / (35 + 5); yours is {shown(recall)}.")
    expect(not _near(f1, (precision + recall) / 2),
           "F1 is the *harmonic* mean of precision and recall, 2·p·r / (p + r), not their average.")
    expect(_near(f1, 2 * precision * recall / (precision + recall)),
           f"F1 should be 2·p·r / (p + r); yours is {shown(f1)}.")
    none_predicted = call(precision_recall_f1, np.array([[8, 0], [2, 0]]),
                          advice="When a denominator is 0, return 0.0 for that metric instead of dividing.")
    expect(isinstance(none_predicted, (tuple, list)) and len(none_predicted) == 3,
           f"return three numbers (precision, recall, f1); got {type(none_predicted).__name__}.")
    values = tuple(expect_number(value, "each value precision_recall_f1 returns") for value in none_predicted)
    expect(all(value == 0 for value in values),
           f"with no predicted positive, [[8, 0], [2, 0]] should give (0.0, 0.0, 0.0); yours gives {values}. "
           "When a denominator is 0, return 0.0 for that metric.")


@exercise("ROC-AUC from probabilities", STATISTICS, hints=[
    "ROC-AUC asks: if I pick one positive and one negative sample, how often does the model give the "
    "positive one the higher score? So it needs scores, not 0/1 predictions.",
    "`roc_auc_score(true labels, scores)`; the scores are one column of `predict_proba`, which every "
    "scikit-learn classifier with probabilities has.",
])
def q7(roc_auc_on_test):
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(1)
    data = pd.DataFrame({"x": rng.normal(size=80), "y": rng.normal(size=80)})
    target = pd.Series((data["x"] + rng.normal(size=80) > 0).astype(int))
    model = LogisticRegression().fit(data[:50], target[:50])
    data_test, target_test = data[50:], target[50:]
    auc = expect_number(call(roc_auc_on_test, model, data_test, target_test), "roc_auc_on_test(...)")
    probability = model.predict_proba(data_test)[:, 1]
    expect(not math.isclose(auc, roc_auc_score(target_test, model.predict(data_test))),
           "you passed hard labels from `predict`: ROC-AUC ranks the samples by a score, so pass the "
           "probability of the positive class, `model.predict_proba(data_test)[:, 1]`.")
    expect(not math.isclose(auc, roc_auc_score(target_test, 1 - probability)),
           "you used the probability of class 0 (column 0 of predict_proba): "
           "take column 1, the positive class.")
    expect(not math.isclose(auc, model.score(data_test, target_test)),
           "you returned the accuracy: use `roc_auc_score(target_test, scores)`.")
    expect(math.isclose(auc, roc_auc_score(target_test, probability)),
           f"on this small example the ROC-AUC from the positive class's probabilities is "
           f"{roc_auc_score(target_test, probability):.3f}; yours is {auc:.3f}.")
    # Another model: a decision tree, which has predict_proba but no decision_function.
    from sklearn.tree import DecisionTreeClassifier

    tree = DecisionTreeClassifier(max_depth=3, random_state=0).fit(data[:50], target[:50])
    auc = expect_number(call(roc_auc_on_test, tree, data_test, target_test,
                             advice="The function receives any fitted classifier: use what every "
                                    "classifier with probabilities has, `predict_proba`."),
                        "roc_auc_on_test(<a fitted DecisionTreeClassifier>, ...)")
    expected = roc_auc_score(target_test, tree.predict_proba(data_test)[:, 1])
    expect(math.isclose(auc, expected),
           f"for a fitted decision tree the ROC-AUC from the positive class's probabilities is "
           f"{expected:.3f}; yours is {auc:.3f}.")


@exercise("RMSE and R² of a linear regression", STATISTICS, hints=[
    "Fit a LinearRegression on the training data, predict the test data, then compare the predictions "
    "with the true test targets. RMSE is in the target's units; R² has no unit.",
    "`mean_squared_error` gives the squared error; the RMSE is its square root. `r2_score` takes the "
    "true values first.",
])
def q8(regression_scores):
    from sklearn.linear_model import LinearRegression
    from sklearn.metrics import mean_squared_error, r2_score

    rng = np.random.default_rng(2)
    data = pd.DataFrame({"x": rng.uniform(0, 10, size=60), "noise": rng.normal(size=60)})
    target = pd.Series(3 * data["x"] + 5 + rng.normal(scale=4, size=60))
    data_train, data_test, target_train, target_test = data[:40], data[40:], target[:40], target[40:]
    rmse, r2 = expect_pair(call(regression_scores, data_train, target_train, data_test, target_test),
                           "regression_scores(...)", "(RMSE, R²)")
    model = LinearRegression().fit(data_train, target_train)
    predicted = model.predict(data_test)
    mse = mean_squared_error(target_test, predicted)
    expect(not math.isclose(rmse, mse), f"you returned the mean squared error ({mse:.2f}, in squared units): "
           "the RMSE is its square root, in the target's own units.")
    expect(not (math.isclose(rmse, r2_score(target_test, predicted)) and math.isclose(r2, math.sqrt(mse))),
           "you returned R² first: return `(rmse, r2)`.")
    train_predicted = model.predict(data_train)
    expect(not math.isclose(r2, r2_score(target_train, train_predicted)),
           "your R² is measured on the training data: compute both metrics on the test set.")
    expect(not math.isclose(r2, r2_score(predicted, target_test)),
           "you passed the arguments of r2_score in the wrong order: `r2_score(target_test, predicted)`, "
           "the true values first.")
    expect(math.isclose(rmse, math.sqrt(mse)),
           f"on this small example a LinearRegression fitted on the training data has a test RMSE of "
           f"{math.sqrt(mse):.3f}; yours is {rmse:.3f}.")
    expect(math.isclose(r2, r2_score(target_test, predicted)),
           f"on this small example the test R² is {r2_score(target_test, predicted):.3f}; yours is {r2:.3f}.")
    # Another shape: three features with other names.
    other = pd.DataFrame({"dose": rng.uniform(0, 5, 50), "age": rng.uniform(20, 80, 50),
                          "weight": rng.normal(70, 10, 50)})
    response = pd.Series(2 * other["dose"] - 0.1 * other["age"] + rng.normal(size=50))
    parts = other[:35], response[:35], other[35:], response[35:]
    rmse, r2 = expect_pair(call(regression_scores, *parts), "regression_scores(<three other features>)",
                           "(RMSE, R²)")
    predicted = LinearRegression().fit(parts[0], parts[1]).predict(parts[2])
    expected = math.sqrt(mean_squared_error(parts[3], predicted)), r2_score(parts[3], predicted)
    expect(math.isclose(rmse, expected[0]) and math.isclose(r2, expected[1]),
           "on a second example (features 'dose', 'age' and 'weight') a LinearRegression on every column "
           f"gives (RMSE, R²) = ({expected[0]:.3f}, {expected[1]:.3f}); yours gives ({rmse:.3f}, {r2:.3f}). "
           "Fit on all the columns you are given.")


@exercise("a first model comparison for the capstone", ML_ALGORITHMS, hints=[
    "Build the three models, fit each on data_train, target_train, and score each on the test part with "
    "`roc_auc_score`. ROC-AUC needs a score per person (a probability), not a 0/1 prediction.",
    "Keep the models in a dict `{\"baseline\": ..., \"tree\": ..., \"logistic\": ...}` and loop over "
    "`models.items()`; the score of each is `roc_auc_score` of the test targets and column 1 of "
    "`predict_proba`.",
    "Both parts fit in a few lines: the dict of the three models exactly as the exercise text writes them, "
    "then a dict comprehension over `models.items()` whose value fits the model on the training part and "
    "scores column 1 of its `predict_proba(data_test)` against `target_test`.",
])
def q9(compare_on_adult):
    _check_comparison(compare_on_adult, _toy_census())
    # Another shape: the same people, their rows numbered in random order (as after a shuffled split).
    rng = np.random.default_rng(5)
    data_train, target_train, data_test, target_test = _toy_census()
    index = rng.permutation(len(data_train) + len(data_test)) + 1000
    first, rest = index[:len(data_train)], index[len(data_train):]
    relabelled = (data_train.set_axis(first), target_train.set_axis(first),
                  data_test.set_axis(rest), target_test.set_axis(rest))
    _check_comparison(compare_on_adult, relabelled, "with the rows numbered in random order, ")


def _check_comparison(compare_on_adult, split, case=""):
    data_train, target_train, data_test, target_test = split
    train, test = (data_train, target_train), (data_test, target_test)
    advice = ("This call's rows are numbered in random order, as after a shuffled split: match rows by "
              "position or by their index, never by assuming they are numbered 0, 1, 2, ..." if case else "")
    result = _quietly(compare_on_adult, *split, advice=advice)
    expect(isinstance(result, dict),
           f"return a dict {{model name: test ROC-AUC}}; got {type(result).__name__} ({result!r:.60}).")
    expect(set(result) == set(ADULT_MODELS),
           f'the dict\'s keys should be exactly "baseline", "tree" and "logistic"; yours are '
           f"{', '.join(sorted(map(repr, result))) or 'none'}.")
    scores = {name: expect_number(result[name], f'the value for "{name}"') for name in ADULT_MODELS}
    for name, score in scores.items():
        expect(0 <= score <= 1, f'a ROC-AUC lies between 0 and 1; your value for "{name}" is {score!r}.')
    expect(scores["baseline"] == 0.5,
           'DummyClassifier(strategy="prior") gives everyone the same probability, '
           f'so its ROC-AUC is exactly 0.5; your "baseline" scores {scores["baseline"]!r}. '
           'Use the prior strategy, which does not guess at random.')

    reference = {name: _census_auc(_census_model(name), train, test) for name in ("tree", "logistic")}
    for name in ("tree", "logistic"):
        score = scores[name]
        if math.isclose(score, reference[name]):
            continue
        expect(not math.isclose(score, _census_auc(_census_model(name), train, test, hard=True)),
               f'you passed hard labels from `predict` (your "{name}"): ROC-AUC ranks people by a score, '
               "so pass the probability of the positive class, `model.predict_proba(data_test)[:, 1]`.")
        expect(not math.isclose(score, _census_auc(_census_model(name), test, test)),
               f'your "{name}" was fitted on the test part: '
               "fit every model on data_train, target_train only, then score it on data_test, target_test.")
        expect(not math.isclose(score, _census_auc(_census_model(name), train, train)),
               f'your "{name}" is scored on the training part: '
               'compute the ROC-AUC on data_test, target_test.')
        expect(not math.isclose(score, _census_auc(_census_model(name), train, test, column=0)),
               f'your "{name}" uses column 0 of predict_proba, '
               'the probability of class 0: take column 1, `[:, 1]`.')
        other = "logistic" if name == "tree" else "tree"
        expect(not math.isclose(score, reference[other]),
               f'your "{name}" value is the {other} model\'s ROC-AUC: '
               'check which model goes under which key.')
        if name == "tree":
            for depth in [None, *range(1, 6), *range(7, 21)]:
                shape = "grows without a depth limit" if depth is None else f"has max_depth={depth}"
                expect(not math.isclose(score,
                                        _census_auc(_census_model("tree", max_depth=depth), train, test)),
                       f"your tree has the wrong depth: its ROC-AUC is that of a tree that {shape}. "
                       "Use `DecisionTreeClassifier(max_depth=6, random_state=0)`.")
        else:
            expect(not math.isclose(score, _census_auc(_census_model("logistic", scaled=False), train, test)),
                   "your logistic regression sees raw features, without scaling: put a StandardScaler in "
                   "front of it, `make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))`. "
                   "(Here one feature is measured in thousandths, "
                   "and the regularisation of an unscaled model all but ignores it.)")
        model = ("DecisionTreeClassifier(max_depth=6, random_state=0)" if name == "tree"
                 else "make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))")
        raise Mistake(f'on this small example, {case}{model} fitted on the training part has a test ROC-AUC '
                      f'of {reference[name]:.4f}; your "{name}" gives {score:.4f}.')
