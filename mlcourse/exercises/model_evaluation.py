"""Checks and hints for the assignment "Model evaluation and the ML workflow" (source/model_evaluation).

Each check runs the learner's function on small synthetic data made here, compares the result
with what the seeded procedure gives on that same data, and names the usual mistake: folds that
were not shuffled, a scaler or a feature selector fitted on all the data before cross-validation,
an encoder that breaks on a new category, parameters chosen by their training score, plain
accuracy on imbalanced classes. Every verdict comes from the results the function returns (each
mistake's result is computed here and compared), never from side effects in this process, so running
the folds in worker processes (n_jobs) changes nothing. The exact values on the real data sets are
checked only by the hidden tests.
"""

import numpy as np
import pandas as pd
from scipy import sparse
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

from mlcourse.exercise import (
    ML_ALGORITHMS,
    Mistake,
    call,
    close_for_dtype,
    exercise,
    expect,
    expect_type,
    pipeline_steps,
)

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


def _dense(matrix):
    return matrix.toarray() if sparse.issparse(matrix) else np.asarray(matrix, dtype=float)


def _training_choice(model, grid, data, target):
    best, best_score = None, -1.0
    for params in ParameterGrid(grid):
        score = model.set_params(**params).fit(data, target).score(data, target)
        if score > best_score:
            best, best_score = params, score
    return best


@exercise("cross-validation with seeded folds", ML_ALGORITHMS, hints=[
    "`cross_val_score(model, data, target, cv=...)` returns one score per fold. What should `cv` be so that "
    "the folds are shuffled, keep the class proportions, and are the same every run?",
    "The splitter that shuffles, keeps the class proportions and can be seeded is "
    "`StratifiedKFold`; give it to cross_val_score as `cv` and return all the fold scores.",
])
def q1(cv_scores):
    # 50 rows sorted by class (30 of class 0, then 20 of class 1), as files often are. The scores of a
    # tree on random features depend on exactly which rows each fold holds, so they tell the folds apart
    # (judged from the scores returned, whether the folds ran here or in worker processes).
    rng = np.random.default_rng(11)
    target = pd.Series([0] * 30 + [1] * 20, name="label")
    data = pd.DataFrame({"x": rng.normal(size=50), "y": rng.normal(size=50)})
    _check_fold_scores(cv_scores, data, target, "cv_scores(<a tree>, 50 rows sorted by class)")
    # Another shape: three classes named in words, 60 rows in no order.
    species = rng.choice(["Adelie", "Chinstrap", "Gentoo"], size=60, p=[0.5, 0.2, 0.3])
    labels = pd.Series(species, name="species")
    other = pd.DataFrame({"bill": rng.normal(size=60) + (labels == "Gentoo"), "mass": rng.normal(size=60)})
    _check_fold_scores(cv_scores, other, labels, "cv_scores(<a tree>, 3 species named in words)",
                       advice="Here the classes are words ('Adelie', 'Chinstrap', 'Gentoo'): pass the "
                              "target as it comes, whatever its classes.")


def _check_fold_scores(cv_scores, data, target, what, advice=""):
    model = DecisionTreeClassifier(random_state=0)
    scores = _five_scores(call(cv_scores, model, data, target, advice=advice), what)
    expected = cross_val_score(model, data, target, cv=_folds())
    if _close(scores, expected):
        return
    expect(not any(_close(scores, cross_val_score(model, data, target, cv=splitter))
                   for splitter in (StratifiedKFold(n_splits=5), KFold(n_splits=5))),
           "the folds were not shuffled: your scores are those of `cv=5` (or a splitter without "
           "shuffle=True), which cuts the rows in their file order, so on a file sorted by date, by region "
           f"or by class each fold holds a different kind of rows. Use cv={FOLDS}.")
    expect(not _close(scores, cross_val_score(model, data, target,
                                              cv=KFold(n_splits=5, shuffle=True, random_state=0))),
           "the folds were not stratified: your scores are those of KFold(n_splits=5, shuffle=True, "
           "random_state=0), which ignores the classes, so a fold can hold too few of the rare class. "
           f"Use cv={FOLDS}.")
    raise Mistake(f"{what} returned {scores.round(3)}; cross_val_score with cv={FOLDS} gives "
                  f"{expected.round(3)} on this example. Use exactly this splitter, with random_state=0, "
                  "and return the scores in the order cross_val_score gives them.")


@exercise("scaling inside the pipeline", ML_ALGORITHMS, hints=[
    "Anything that learns from data (and StandardScaler learns a mean and a standard deviation) "
    "must be fitted on the training folds only. Which object chains "
    "the scaler and the model so that cross-validation refits both?",
    "`make_pipeline` chains the scaler and the model into one estimator; cross-validate that pipeline on "
    "the raw `data` with the seeded folds.",
])
def q2(scaled_logistic_scores):
    data, target = _noisy_classification(n_rows=80, n_features=4, seed=1, flip=0.1)
    data = data * [1.0, 100.0, 0.01, 5.0] + [0.0, 50.0, 3.0, -2.0]
    # Three outliers: a scaler that saw them (all the data) scales this column unlike one fitted on
    # training folds without them, so even a leak that bypasses StandardScaler changes the scores.
    data.loc[data.index[:3], "x2"] = [50.0, -40.0, 60.0]
    _check_scaled_scores(scaled_logistic_scores, data, target, "scaled_logistic_scores(...)")
    # Another shape: three classes and other column names (judged by the scores, as above).
    rng = np.random.default_rng(12)
    other = pd.DataFrame({"mass_g": rng.normal(4000, 500, 90), "bill_mm": rng.normal(44, 5, 90),
                          "depth_mm": rng.normal(17, 2, 90)})
    species = pd.Series(np.where(other["mass_g"] > 4200, "Gentoo",
                                 np.where(other["bill_mm"] > 44, "Chinstrap", "Adelie")))
    _check_scaled_scores(scaled_logistic_scores, other, species,
                         "scaled_logistic_scores(<3 species, columns 'mass_g', 'bill_mm', 'depth_mm'>)",
                         advice="This call's data has other columns and three classes: use the data as "
                                "it comes, without naming its columns.")


def _check_scaled_scores(scaled_logistic_scores, data, target, what, advice=""):
    """Judge the returned scores against the pipeline's and against those of the usual mistakes, each
    computed here (so the verdict is the same with or without n_jobs)."""
    scores = _five_scores(call(scaled_logistic_scores, data, target, advice=advice), what)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    expected = cross_val_score(model, data, target, cv=_folds())
    if _close(scores, expected):
        return
    scaled_everything = (data - data.mean()) / data.std(ddof=0)
    expect(not _close(scores, cross_val_score(LogisticRegression(max_iter=1000), scaled_everything, target,
                                              cv=_folds())),
           "you fitted the scaler on all the data before cross-validation: your scores are those of a "
           "LogisticRegression on data scaled once with every row's mean and spread, so the test folds "
           "leaked into the scaling. Put StandardScaler and the model in one Pipeline and cross-validate "
           "the pipeline: then the scaler is fitted on each training fold only.")
    expect(not _close(scores, cross_val_score(LogisticRegression(max_iter=1000), data, target, cv=_folds())),
           "your scores are those of a LogisticRegression on the raw columns, without scaling: put "
           "StandardScaler() before the LogisticRegression in a pipeline.")
    expect(not _close(scores, cross_val_score(model, data, target, cv=5)),
           f"the folds were not shuffled: your scores are those of cv=5. Use cv={FOLDS}.")
    raise Mistake(f"{what} returned {scores.round(3)}; make_pipeline(StandardScaler(), "
                  f"LogisticRegression(max_iter=1000)) cross-validated with cv={FOLDS} gives "
                  f"{expected.round(3)} on this example.")


@exercise("a ColumnTransformer for numbers and categories", ML_ALGORITHMS, hints=[
    "A ColumnTransformer takes a list of (name, transformer, columns) triples, one per group of columns.",
    "The numeric triple uses a StandardScaler, the categorical one a OneHotEncoder whose "
    "`handle_unknown` option decides what happens to a new category. Pass the column lists you are given.",
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
    # Another shape: two numeric and two categorical columns with other names, in another order.
    frame = pd.DataFrame({"island": ["Biscoe", "Dream", "Biscoe", "Torgersen", "Dream"],
                          "mass": [3750.0, 3800.0, 3250.0, 4675.0, 3200.0],
                          "sex": ["male", "female", "female", "male", "female"],
                          "bill": [39.1, 39.5, 40.3, 36.7, 39.3]})
    preprocessor = call(make_preprocessor, ["bill", "mass"], ["island", "sex"])
    columns = [list(np.atleast_1d(cols)) for *_, cols in getattr(preprocessor, "transformers", [])]
    expect(columns == [["bill", "mass"], ["island", "sex"]],
           "with make_preprocessor(['bill', 'mass'], ['island', 'sex']) each transformer should get the "
           f"columns passed to your function; yours get {columns}.")
    out = _dense(call(preprocessor.fit_transform, frame))
    expect(out.shape == (5, 7),
           "make_preprocessor(['bill', 'mass'], ['island', 'sex']) fitted on 5 penguins should give 2 scaled "
           f"columns, then 3 island and 2 sex columns: shape (5, 7); yours gives {out.shape}.")


@exercise("a validation curve over max_depth", ML_ALGORITHMS, hints=[
    "`validation_curve` fits the model once per value of one parameter and per fold. It returns two arrays "
    "(training scores, then validation scores) with one row per value and one column per fold.",
    "Give validation_curve the parameter's name, the list of depths and the seeded folds; average each "
    "row of its two arrays (`axis=1`) and use the depths, as given, for the index.",
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
    # Another shape: depths in no order, three classes.
    data, target = _noisy_classification(n_rows=90, seed=8)
    target = target + (data["x2"] > 0.8)
    depths = [6, 1, 3]
    curve = call(depth_curve, data, target, depths)
    expect_type(curve, pd.DataFrame, "depth_curve(..., [6, 1, 3])")
    expect(list(curve.index) == depths,
           f"with depths [6, 1, 3] the index should be the depths, in the order given; yours is "
           f"{list(curve.index)}.")
    train, validation = validation_curve(DecisionTreeClassifier(random_state=0), data, target,
                                         param_name="max_depth", param_range=depths, cv=_folds())
    expect(set(map(str, curve.columns)) >= {"train", "validation"}
           and _close(curve["train"], train.mean(axis=1))
           and _close(curve["validation"], validation.mean(axis=1)),
           "with depths [6, 1, 3] (not sorted) and three classes, the rows should hold, in the order given, "
           "the mean scores of validation_curve for those depths.")


@exercise("grid search", ML_ALGORITHMS, hints=[
    "Each combination of the grid must be judged on data it was not trained on. GridSearchCV does that with "
    "cross-validation; after `fit`, the winner is in an attribute ending with an underscore.",
    "Give GridSearchCV the model, the grid and the seeded folds; after `fit`, its `best_params_` is "
    "already the dict to return, whatever the grid's keys.",
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
    best = call(grid_search_best, DecisionTreeClassifier(random_state=0), leafy, data, target,
                advice="This grid searches `min_samples_leaf`: return the best parameters of whatever grid "
                       "you are given.")
    expected = GridSearchCV(DecisionTreeClassifier(random_state=0), leafy,
                            cv=_folds()).fit(data, target).best_params_
    expect(best == expected, "with param_grid={'min_samples_leaf': [1, 10, 40]} the result differs "
                             "from GridSearchCV's: search over the `param_grid` you are given.")


@exercise("feature selection without leakage", ML_ALGORITHMS, hints=[
    "SelectKBest looks at the target to choose its columns, so it must only ever see the training folds. "
    "Which object makes cross-validation refit it on each training fold?",
    "Put SelectKBest (with the function's `k`) and the LogisticRegression in one pipeline, and "
    "cross-validate the pipeline on the full data with the seeded folds.",
])
def q6(selection_scores):
    noise = np.random.default_rng(7).normal(size=(80, 1000))
    coin = np.array([0, 1] * 40)
    scores = _five_scores(call(selection_scores, noise, coin, 10), "selection_scores(...)")
    selected = SelectKBest(k=10).fit_transform(noise, coin)
    leaky = cross_val_score(LogisticRegression(max_iter=1000), selected, coin, cv=_folds())
    expect(not _close(scores, leaky),
           f"on pure noise (random features, random labels) your procedure scores {scores.mean():.2f}, "
           "far above the 0.5 of guessing, exactly as SelectKBest fitted on all the rows before "
           "cross-validation does: the feature selection saw the test folds. Selected on all the data, "
           "SelectKBest keeps the columns that happen to match every label. Put it in a Pipeline"
           " with the model.")
    expect(scores.mean() < 0.7,
           f"on pure noise (random features, random labels) your procedure scores {scores.mean():.2f}, far "
           "above the 0.5 of guessing: some step learned from the labels of the test folds. Fit every step "
           "that looks at the target (here SelectKBest) inside the cross-validation, in a Pipeline.")
    model = make_pipeline(SelectKBest(k=10), LogisticRegression(max_iter=1000))
    expect(_close(scores, cross_val_score(model, noise, coin, cv=_folds())),
           "the scores differ from those of make_pipeline(SelectKBest(k=k), "
           f"LogisticRegression(max_iter=1000)) cross-validated with cv={FOLDS}.")
    # Another shape: real signal in 3 of 40 columns, and k=3.
    data, target = _noisy_classification(n_rows=100, n_features=40, seed=9, flip=0.1)
    scores = _five_scores(call(selection_scores, data, target, 3), "selection_scores(data, target, 3)")
    expected = cross_val_score(make_pipeline(SelectKBest(k=3), LogisticRegression(max_iter=1000)), data,
                               target, cv=_folds())
    expect(_close(scores, expected),
           f"with k=3 on data with signal your scores are {scores.round(3)}; make_pipeline(SelectKBest(k=3), "
           f"LogisticRegression(max_iter=1000)) with cv={FOLDS} gives {expected.round(3)}. "
           "Pass the function's `k` to SelectKBest.")


@exercise("accuracy and balanced accuracy", ML_ALGORITHMS, hints=[
    "`cross_validate` accepts several metrics at once: `scoring=[...]`. Its result is a dict with one array "
    "per metric, named `test_<metric>`.",
    "Ask for both metrics by name (\"accuracy\" and \"balanced_accuracy\") on the seeded folds, then "
    "average each metric's 5 fold scores.",
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
    data, target = _noisy_classification(n_rows=123, seed=5, flip=0.1)
    target = (target & (data["x2"] > 0)).astype(int)
    model = LogisticRegression(class_weight="balanced")
    result = call(accuracy_and_balanced, model, data, target)
    expected = cross_validate(model, data, target, cv=_folds(), scoring=["accuracy", "balanced_accuracy"])
    if isinstance(result, dict) and "balanced_accuracy" in result:
        from sklearn.metrics import balanced_accuracy_score
        from sklearn.model_selection import cross_val_predict

        pooled = balanced_accuracy_score(target, cross_val_predict(model, data, target, cv=_folds()))
        expect(not (_close(result["balanced_accuracy"], pooled)
                    and not _close(pooled, expected["test_balanced_accuracy"].mean())),
               "your balanced accuracy is computed once over all the out-of-fold predictions "
               "(cross_val_predict); the exercise asks for the mean of the 5 fold scores, as "
               "cross_validate gives them.")
    expect(set(result) == {"accuracy", "balanced_accuracy"}
           and _close(result["accuracy"], expected["test_accuracy"].mean())
           and _close(result["balanced_accuracy"], expected["test_balanced_accuracy"].mean()),
           f"the values differ from the means of cross_validate(model, data, target, cv={FOLDS}, "
           "scoring=[\"accuracy\", \"balanced_accuracy\"]).")


@exercise("the Adult pipeline (capstone step)", ML_ALGORITHMS, hints=[
    "Build it from the inside out: a small Pipeline for the numeric columns, another for the categorical "
    "columns, a ColumnTransformer that applies each to its columns, "
    "and an outer Pipeline that adds the classifier.",
    "Numbers: a median `SimpleImputer`, then a `StandardScaler`. Categories: a most-frequent "
    "`SimpleImputer`, then `OneHotEncoder(handle_unknown=\"ignore\")`, since a test person may have a "
    "category no training person had. The ColumnTransformer takes one (name, pipeline, columns) triple "
    "per kind of column; the outer Pipeline puts `LogisticRegression(max_iter=1000, random_state=0)` "
    "after it.",
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
    kinds = [type(step).__name__ for step in pipeline_steps(numeric)]
    expect("SimpleImputer" in kinds and "StandardScaler" in kinds,
           "the numeric part should impute then scale "
           f"(SimpleImputer, then StandardScaler); yours has {kinds}.")
    kinds = [type(step).__name__ for step in pipeline_steps(categorical)]
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
    # Another shape: other column names and two categorical columns.
    other = call(build_adult_pipeline, ["weight"], ["city", "job"],
                 advice="Build the pipeline for the columns it is given, whatever their names.")
    parts = getattr(getattr(other, "named_steps", {}).get("preprocess"), "transformers", [])
    columns = [list(np.atleast_1d(cols)) for *_, cols in parts]
    expect(columns == [["weight"], ["city", "job"]],
           "with build_adult_pipeline(['weight'], ['city', 'job']) the two parts should get those columns; "
           f"yours get {columns}. Use the lists passed to your function.")
