"""Checks and hints for the assignment "Model evaluation and the ML workflow" (source/model_evaluation).

Each check runs the learner's function on small synthetic data made here, compares the result
with what the seeded procedure gives on that same data, and names the usual mistake: folds that
were not shuffled, a scaler or a feature selector fitted on all the data before cross-validation,
an encoder that breaks on a new category, parameters chosen by their training score, plain
accuracy on imbalanced classes. Spies record what was fitted on which rows. The exact values on
the real data sets are checked only by the hidden tests.
"""

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.exceptions import NotFittedError
from sklearn.feature_selection import SelectKBest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import (
    GridSearchCV,
    KFold,
    ParameterGrid,
    StratifiedKFold,
    cross_val_score,
    cross_validate,
    validation_curve,
)
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier
from sklearn.utils.validation import check_is_fitted

from mlcourse.exercise import ML_ALGORITHMS, Mistake, call, close_for_dtype, exercise, expect, expect_type

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]

FOLDS = "StratifiedKFold(n_splits=5, shuffle=True, random_state=0)"

# Ten categories: the one-hot columns are then sparse enough for ColumnTransformer to return a
# sparse matrix, as it does on the Adult data.
JOBS = ["sales", "tech", "care", "farm", "craft", "admin", "repair", "transport", "service", "army"]


def _folds():
    return StratifiedKFold(n_splits=5, shuffle=True, random_state=0)


def _close(a, b) -> bool:
    try:
        return np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), rtol=1e-6, atol=1e-9)
    except (TypeError, ValueError):
        return False


def _five_scores(scores, what):
    """The learner's scores as a float array of 5, or a Mistake that says what came back instead."""
    expect(not isinstance(scores, (int, float, np.floating)),
           f"{what} returned one number ({scores!r:.30}): return all 5 scores, one per fold, not their mean.")
    expect(isinstance(scores, (np.ndarray, list, tuple, pd.Series)),
           f"{what} should return the 5 scores as an array (cross_val_score gives one), "
           f"not a {type(scores).__name__}.")
    try:
        scores = np.asarray(scores, dtype=float)
    except (TypeError, ValueError):
        raise Mistake(f"{what} should return 5 numbers, one score per fold.") from None
    expect(scores.shape == (5,),
           f"{what} should return 5 scores, one per fold, but it returned shape {scores.shape}.")
    expect(bool(np.all((scores >= 0) & (scores <= 1))),
           f"accuracy scores lie between 0 and 1; got {scores.round(3)}.")
    return scores


def _noisy_classification(n_rows=120, n_features=6, seed=0, flip=0.25):
    """A small two-class problem with a clear signal in two columns and label noise."""
    rng = np.random.default_rng(seed)
    data = pd.DataFrame(rng.normal(size=(n_rows, n_features)), columns=[f"x{i}" for i in range(n_features)])
    target = (data["x0"] + data["x1"] > 0).astype(int)
    flipped = rng.random(n_rows) < flip
    target[flipped] = 1 - target[flipped]
    return data, target


_TRAINED_ON: list[frozenset] = []


class _RowSpy(ClassifierMixin, BaseEstimator):
    """Predicts the majority class of its training rows and records which rows they were.

    Column 0 of the data holds each row's number, so the check can see the folds used.
    """

    def fit(self, X, y):
        _TRAINED_ON.append(frozenset(np.asarray(X)[:, 0].astype(int).tolist()))
        values, counts = np.unique(np.asarray(y), return_counts=True)
        self.classes_ = values
        self.majority_ = values[np.argmax(counts)]
        return self

    def predict(self, X):
        return np.full(len(X), self.majority_)


def _train_sets(splitter, data, target):
    return sorted((frozenset(train.tolist()) for train, _ in splitter.split(data, target)), key=sorted)


def _dense(matrix):
    return matrix.toarray() if sparse.issparse(matrix) else np.asarray(matrix, dtype=float)


def _training_choice(model, grid, data, target):
    best, best_score = None, -1.0
    for params in ParameterGrid(grid):
        score = model.set_params(**params).fit(data, target).score(data, target)
        if score > best_score:
            best, best_score = params, score
    return best


def _steps_of(transformer):
    return [step for _, step in transformer.steps] if isinstance(transformer, Pipeline) else [transformer]


@exercise("cross-validation with seeded folds", ML_ALGORITHMS, hints=[
    "`cross_val_score(model, data, target, cv=...)` returns one score per fold. What should `cv` be so that "
    "the folds are shuffled, keep the class proportions, and are the same every run?",
    f"Build `cv = {FOLDS}` and return "
    "`cross_val_score(model, data, target, cv=cv)` (the 5 scores, not their mean).",
])
def q1(cv_scores):
    # 50 rows sorted by class (30 of class 0, then 20 of class 1), as files often are.
    target = pd.Series([0] * 30 + [1] * 20, name="label")
    data = pd.DataFrame({"row": np.arange(50), "x": np.linspace(0.0, 1.0, 50)})
    _TRAINED_ON.clear()
    try:
        scores = call(cv_scores, _RowSpy(), data, target)
        used = sorted((rows for rows in _TRAINED_ON if len(rows) < len(data)), key=sorted)
    finally:
        _TRAINED_ON.clear()
    expect(used, "your function never trained the model on part of the data: pass `model`, `data` and "
                 "`target` to cross_val_score with the folds.")
    expect(len(used) == 5, f"the model was trained {len(used)} times; "
                           "5-fold cross-validation trains it 5 times (n_splits=5).")
    unshuffled = (_train_sets(StratifiedKFold(n_splits=5), data, target),
                  _train_sets(KFold(n_splits=5), data, target))
    expect(used not in unshuffled,
           "the folds were not shuffled: `cv=5` (or a splitter without shuffle=True) cuts the rows in their "
           "file order, so on a file sorted by date, by region or by class "
           f"each fold holds a different kind of rows. Use cv={FOLDS}.")
    expect(used != _train_sets(KFold(n_splits=5, shuffle=True, random_state=0), data, target),
           "the folds were not stratified: KFold ignores the classes, so a fold can hold too few of the "
           f"rare class. Use cv={FOLDS}.")
    expect(used == _train_sets(_folds(), data, target),
           f"the folds differ from those of {FOLDS}: use exactly this splitter, with random_state=0, "
           "so that the results are reproducible.")
    scores = _five_scores(scores, "cv_scores(...)")
    expect(_close(scores, cross_val_score(_RowSpy(), data, target, cv=_folds())),
           "the scores are not the accuracy of each fold in order: return what cross_val_score gives.")
    _TRAINED_ON.clear()


@exercise("scaling inside the pipeline", ML_ALGORITHMS, hints=[
    "Anything that learns from data (and StandardScaler learns a mean and a standard deviation) "
    "must be fitted on the training folds only. Which object chains "
    "the scaler and the model so that cross-validation refits both?",
    "`model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))`, then cross_val_score on "
    f"the raw `data` with `cv={FOLDS}`.",
])
def q2(scaled_logistic_scores):
    data, target = _noisy_classification(n_rows=80, n_features=4, seed=1, flip=0.1)
    data = data * [1.0, 100.0, 0.01, 5.0] + [0.0, 50.0, 3.0, -2.0]
    # Three outliers: a scaler that saw them (all the data) scales this column unlike one fitted on
    # training folds without them, so even a leak that bypasses StandardScaler changes the scores.
    data.loc[data.index[:3], "x2"] = [50.0, -40.0, 60.0]
    fitted_on = []
    original = StandardScaler.fit

    def spy(self, X, *args, **kwargs):
        fitted_on.append(len(X))
        return original(self, X, *args, **kwargs)

    StandardScaler.fit = spy
    try:
        scores = call(scaled_logistic_scores, data, target)
    finally:
        StandardScaler.fit = original
    leak = ("you fitted the scaler on all the data before cross-validation, so the test folds "
            "leaked into the scaling. Put StandardScaler and the model in one Pipeline and "
            "cross-validate the pipeline: then the scaler is fitted on each training fold only.")
    expect(len(data) not in fitted_on, leak)
    scores = _five_scores(scores, "scaled_logistic_scores(...)")
    expect(fitted_on or not _close(scores, cross_val_score(LogisticRegression(max_iter=1000), data, target,
                                                           cv=_folds())),
           "no StandardScaler was fitted: the model saw the raw columns. Put StandardScaler() before the "
           "LogisticRegression in a pipeline. (The check watches each StandardScaler fit in this process, "
           "so leave out n_jobs.)")
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    if _close(scores, cross_val_score(model, data, target, cv=_folds())):
        return
    scaled_everything = (data - data.mean()) / data.std(ddof=0)
    expect(not _close(scores, cross_val_score(LogisticRegression(max_iter=1000), scaled_everything, target,
                                              cv=_folds())),
           leak)
    expect(not _close(scores, cross_val_score(model, data, target, cv=5)),
           f"the folds were not shuffled: use cv={FOLDS}.")
    raise Mistake("the scores differ from those of make_pipeline(StandardScaler(), "
                  f"LogisticRegression(max_iter=1000)) cross-validated with cv={FOLDS}.")


@exercise("a ColumnTransformer for numbers and categories", ML_ALGORITHMS, hints=[
    "A ColumnTransformer takes a list of (name, transformer, columns) triples, one per group of columns.",
    "`ColumnTransformer([(\"numeric\", StandardScaler(), numeric_columns), (\"categorical\", "
    "OneHotEncoder(handle_unknown=\"ignore\"), categorical_columns)])`, returned without fitting it.",
])
def q3(make_preprocessor):
    train = pd.DataFrame({"size": [1.0, 2.0, 3.0, 4.0, 5.0, 7.0],
                          "colour": ["red", "blue", "red", "green", "blue", "red"]})
    preprocessor = call(make_preprocessor, ["size"], ["colour"])
    expect(isinstance(preprocessor, ColumnTransformer),
           f"make_preprocessor should return a ColumnTransformer, not a {type(preprocessor).__name__}.")
    expect(not hasattr(preprocessor, "transformers_"),
           "the ColumnTransformer is already fitted: return it unfitted, "
           "so that each training fold fits its own copy.")
    names = [name for name, *_ in preprocessor.transformers]
    expect(names == ["numeric", "categorical"],
           f"name the two transformers 'numeric' and 'categorical', in that order; yours are named {names}.")
    columns = [list(np.atleast_1d(cols)) for *_, cols in preprocessor.transformers]
    expect(columns == [["size"], ["colour"]],
           "each transformer should get the columns passed to your function: `numeric_columns` "
           f"for 'numeric', `categorical_columns` for 'categorical'; yours get {columns}.")
    out = _dense(call(preprocessor.fit_transform, train))
    expect(out.shape != (6, 2),
           "the categorical column became one column of numbers: "
           "that is what OrdinalEncoder does, and a linear model would then read "
           "the categories as ordered. Use OneHotEncoder: one column per category.")
    expect(out.shape == (6, 4),
           f"expected 1 numeric column + 3 one-hot columns (blue, green, red), got shape {out.shape}.")
    expect(close_for_dtype(out[:, 0].mean(), 0.0) and close_for_dtype(out[:, 0].std(), 1.0),
           "the numeric column should come first and be standardized (StandardScaler: mean 0, std 1).")
    new = pd.DataFrame({"size": [3.0], "colour": ["purple"]})
    try:
        row = _dense(preprocessor.transform(new))
    except ValueError:
        raise Mistake("a category never seen in training ('purple') made transform fail. "
                      "Real data brings new categories: use OneHotEncoder(handle_unknown=\"ignore\"), "
                      "which encodes them as all zeros.") from None
    expect(np.all(row[0, 1:] == 0),
           "an unseen category should be encoded as all zeros (handle_unknown=\"ignore\").")


@exercise("a validation curve over max_depth", ML_ALGORITHMS, hints=[
    "`validation_curve` fits the model once per value of one parameter and per fold. It returns two arrays "
    "(training scores, then validation scores) with one row per value and one column per fold.",
    "`train, valid = validation_curve(DecisionTreeClassifier(random_state=0), data, target, "
    f"param_name=\"max_depth\", param_range=depths, cv={FOLDS})`, then a DataFrame of "
    "`train.mean(axis=1)` and `valid.mean(axis=1)` with `index=depths`.",
])
def q4(depth_curve):
    data, target = _noisy_classification(seed=2)
    depths = [1, 2, 4, 8]
    curve = call(depth_curve, data, target, depths)
    expect_type(curve, pd.DataFrame, "depth_curve(...)")
    expect(sorted(map(str, curve.columns)) == ["train", "validation"],
           "the DataFrame should have exactly the columns 'train' "
           f"and 'validation'; yours has {list(curve.columns)}.")
    expect(list(curve.index) == depths,
           f"the index should be the depths, in the order given ({depths}); yours is {list(curve.index)}.")
    train, validation = validation_curve(DecisionTreeClassifier(random_state=0), data, target,
                                         param_name="max_depth", param_range=depths, cv=_folds())
    train, validation = train.mean(axis=1), validation.mean(axis=1)
    expect(not (_close(curve["train"], validation) and _close(curve["validation"], train)),
           "the two columns are swapped: validation_curve returns the training scores first, then the "
           "validation scores. A deep tree scores (almost) 1 on its own training data.")
    expect(not _close(curve["validation"], curve["train"]),
           "the validation scores equal the training scores: score each depth on the held-out folds.")
    expect(_close(curve["train"], train) and _close(curve["validation"], validation),
           "the scores differ from the mean (over the 5 folds) of validation_curve with "
           f"DecisionTreeClassifier(random_state=0), param_name=\"max_depth\" and cv={FOLDS}.")


@exercise("grid search", ML_ALGORITHMS, hints=[
    "Each combination of the grid must be judged on data it was not trained on. GridSearchCV does that with "
    "cross-validation; after `fit`, the winner is in an attribute ending with an underscore.",
    f"`search = GridSearchCV(model, param_grid, cv={FOLDS})`, `search.fit(data, target)`, "
    "`return search.best_params_`.",
])
def q5(grid_search_best):
    data, target = _noisy_classification(seed=3)
    grid = {"max_depth": [1, 2, None]}
    best = call(grid_search_best, DecisionTreeClassifier(random_state=0), grid, data, target)
    expect(not isinstance(best, GridSearchCV),
           "you returned the whole GridSearchCV: return only its `best_params_` (a dict).")
    expect_type(best, dict, "grid_search_best(...)")
    expect(set(best) == set(grid),
           f"the dict should have the keys of the grid {sorted(grid)}; yours has {sorted(best)}.")
    expect(best != _training_choice(DecisionTreeClassifier(random_state=0), grid, data, target),
           "you picked the parameters with the best score on the training data: the deepest tree always wins "
           "there because it memorises the rows. Pick by the cross-validated score (GridSearchCV does it).")
    expected = GridSearchCV(DecisionTreeClassifier(random_state=0), grid,
                            cv=_folds()).fit(data, target).best_params_
    expect(best == expected,
           f"the best parameters differ from those of GridSearchCV(model, param_grid, cv={FOLDS}).")
    leafy = {"min_samples_leaf": [1, 10, 40]}
    best = call(grid_search_best, DecisionTreeClassifier(random_state=0), leafy, data, target)
    expected = GridSearchCV(DecisionTreeClassifier(random_state=0), leafy,
                            cv=_folds()).fit(data, target).best_params_
    expect(best == expected, "with param_grid={'min_samples_leaf': [1, 10, 40]} the result differs "
                             "from GridSearchCV's: search over the `param_grid` you are given.")


@exercise("feature selection without leakage", ML_ALGORITHMS, hints=[
    "SelectKBest looks at the target to choose its columns, so it must only ever see the training folds. "
    "Which object makes cross-validation refit it on each training fold?",
    "`model = make_pipeline(SelectKBest(k=k), LogisticRegression(max_iter=1000))`, "
    f"then cross_val_score on the full `data` with `cv={FOLDS}`.",
])
def q6(selection_scores):
    noise = np.random.default_rng(7).normal(size=(80, 1000))
    coin = np.array([0, 1] * 40)
    scores = _five_scores(call(selection_scores, noise, coin, 10), "selection_scores(...)")
    expect(scores.mean() < 0.7,
           f"on pure noise (random features, random labels) your procedure scores {scores.mean():.2f}, "
           "far above the 0.5 of guessing: the feature selection saw the test folds. "
           "Selected on all the data, SelectKBest keeps the columns that "
           "happen to match every label. Put it in a Pipeline with the model.")
    model = make_pipeline(SelectKBest(k=10), LogisticRegression(max_iter=1000))
    expect(_close(scores, cross_val_score(model, noise, coin, cv=_folds())),
           "the scores differ from those of make_pipeline(SelectKBest(k=k), "
           f"LogisticRegression(max_iter=1000)) cross-validated with cv={FOLDS}.")


@exercise("accuracy and balanced accuracy", ML_ALGORITHMS, hints=[
    "`cross_validate` accepts several metrics at once: `scoring=[...]`. Its result is a dict with one array "
    "per metric, named `test_<metric>`.",
    f"`results = cross_validate(model, data, target, cv={FOLDS}, "
    "scoring=[\"accuracy\", \"balanced_accuracy\"])`; return the means of "
    "`results[\"test_accuracy\"]` and `results[\"test_balanced_accuracy\"]` in a dict.",
])
def q7(accuracy_and_balanced):
    data = pd.DataFrame({"x": np.arange(50.0)})
    target = np.array([0] * 45 + [1] * 5)
    result = call(accuracy_and_balanced, DummyClassifier(strategy="most_frequent"), data, target)
    expect_type(result, dict, "accuracy_and_balanced(...)")
    expect(set(result) == {"accuracy", "balanced_accuracy"},
           f"the dict should have the keys 'accuracy' and 'balanced_accuracy'; yours has {sorted(result)}.")
    for key in result:
        expect_type(result[key], (float, np.floating), f"result[{key!r}]")
    expect(abs(result["accuracy"] - 0.9) < 1e-9,
           "a model that always predicts the majority class is right 90% of the time on 45 zeros and 5 ones: "
           f"its mean accuracy should be 0.9, yours is {result['accuracy']:.3f}.")
    expect(abs(result["balanced_accuracy"] - result["accuracy"]) > 1e-9,
           "your balanced accuracy equals the plain accuracy: "
           "balanced accuracy averages the recall of each class, so a model that always "
           "predicts the majority class gets 0.5. Use scoring=\"balanced_accuracy\".")
    expect(abs(result["balanced_accuracy"] - 0.5) < 1e-9,
           "always predicting the majority class has a balanced accuracy of 0.5; "
           f"yours is {result['balanced_accuracy']:.3f}.")
    data, target = _noisy_classification(seed=5, flip=0.1)
    target = (target & (data["x2"] > 0)).astype(int)
    model = LogisticRegression(class_weight="balanced")
    result = call(accuracy_and_balanced, model, data, target)
    expected = cross_validate(model, data, target, cv=_folds(), scoring=["accuracy", "balanced_accuracy"])
    expect(set(result) == {"accuracy", "balanced_accuracy"}
           and _close(result["accuracy"], expected["test_accuracy"].mean())
           and _close(result["balanced_accuracy"], expected["test_balanced_accuracy"].mean()),
           f"the values differ from the means of cross_validate(model, data, target, cv={FOLDS}, "
           "scoring=[\"accuracy\", \"balanced_accuracy\"]).")


@exercise("the Adult pipeline (capstone step)", ML_ALGORITHMS, hints=[
    "Build it from the inside out: a small Pipeline for the numeric columns, another for the categorical "
    "columns, a ColumnTransformer that applies each to its columns, "
    "and an outer Pipeline that adds the classifier.",
    "`numeric = Pipeline([(\"impute\", SimpleImputer(strategy=\"median\")), "
    "(\"scale\", StandardScaler())])`, `categorical = Pipeline([(\"impute\", "
    "SimpleImputer(strategy=\"most_frequent\")), (\"encode\", OneHotEncoder(handle_unknown=\"ignore\"))])`, "
    "then `ColumnTransformer([(\"numeric\", numeric, numeric_columns), (\"categorical\", "
    "categorical, categorical_columns)])` and `Pipeline([(\"preprocess\", ...), "
    "(\"classifier\", LogisticRegression(max_iter=1000, random_state=0))])`.",
])
def q8(build_adult_pipeline):
    pipeline = call(build_adult_pipeline, ["hours", "age"], ["job"],
                    advice="The function should only build the pipeline, for the columns it is given: "
                           "do not fit it, and do not use the Adult data inside it.")
    expect(isinstance(pipeline, Pipeline),
           f"build_adult_pipeline should return a Pipeline, not a {type(pipeline).__name__}.")
    try:
        check_is_fitted(pipeline)
        fitted = True
    except NotFittedError:
        fitted = False
    expect(not fitted, "your pipeline is already fitted: return it unfitted. "
                       "Cross-validation (and the capstone) fits a fresh copy on each training set, "
                       "so fitting it here is wasted, and with all the data it would be the start of a leak.")
    expect(list(pipeline.named_steps) == ["preprocess", "classifier"],
           "the pipeline's steps should be named 'preprocess' and 'classifier'; "
           f"yours are {list(pipeline.named_steps)}.")
    preprocess, classifier = pipeline.named_steps["preprocess"], pipeline.named_steps["classifier"]
    expect(isinstance(preprocess, ColumnTransformer),
           f"the 'preprocess' step should be a ColumnTransformer, not a {type(preprocess).__name__}.")
    names = [name for name, *_ in preprocess.transformers]
    expect(names == ["numeric", "categorical"],
           "name the ColumnTransformer's two parts 'numeric' and "
           f"'categorical', in that order; yours are {names}.")
    (_, numeric, numeric_columns), (_, categorical, categorical_columns) = preprocess.transformers
    expect([list(np.atleast_1d(numeric_columns)), list(np.atleast_1d(categorical_columns))]
           == [["hours", "age"], ["job"]],
           "use the column lists passed to your function (`numeric_columns`, `categorical_columns`), "
           "not the Adult columns written out.")
    kinds = [type(step).__name__ for step in _steps_of(numeric)]
    expect("SimpleImputer" in kinds and "StandardScaler" in kinds,
           "the numeric part should impute then scale "
           f"(SimpleImputer, then StandardScaler); yours has {kinds}.")
    kinds = [type(step).__name__ for step in _steps_of(categorical)]
    expect("SimpleImputer" in kinds and "OneHotEncoder" in kinds,
           "the categorical part should impute then one-hot encode "
           f"(SimpleImputer, then OneHotEncoder); yours has {kinds}.")
    expect(hasattr(classifier, "predict_proba"),
           f"the classifier should give probabilities (predict_proba) so that ROC-AUC can be computed; "
           f"{type(classifier).__name__} does not.")
    params = classifier.get_params()
    expect("random_state" in params,
           "choose a classifier that takes random_state, e.g. "
           f"LogisticRegression(max_iter=1000, random_state=0); {type(classifier).__name__} has none.")
    expect(isinstance(params["random_state"], (int, np.integer)),
           "fix the classifier's random_state (e.g. random_state=0) so that every run gives the same model.")
    rng = np.random.default_rng(6)
    train = pd.DataFrame({"hours": rng.normal(40, 10, 40).round(),
                          "age": rng.integers(18, 70, 40).astype(float),
                          "job": rng.choice(JOBS, 40)}).astype({"job": object})
    train.loc[[3, 17], "hours"] = np.nan
    train.loc[[5, 22], "job"] = np.nan
    target = (train["age"] > 40).astype(int).to_numpy()
    call(pipeline.fit, train, target,
         advice="The data has missing values: impute them (SimpleImputer) before scaling and encoding. "
                "(A classifier that refuses sparse input needs OneHotEncoder(sparse_output=False).)")
    new = pd.DataFrame({"hours": [38.0], "age": [51.0], "job": ["astronaut"]}).astype({"job": object})
    try:
        probabilities = pipeline.predict_proba(new)
    except ValueError:
        raise Mistake("a category never seen in training ('astronaut') made predict_proba fail: use "
                      "OneHotEncoder(handle_unknown=\"ignore\").") from None
    expect(np.shape(probabilities) == (1, 2),
           "predict_proba should give one row of two class probabilities per person.")
