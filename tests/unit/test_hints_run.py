"""Hints meant for the real data run on the real data.

A check runs a learner's function on a small hand-made table; a hint's code is then run by the
learner on the Adult census data, where it can still fail (a one-hot encoder's sparse output
refused by boosted trees passes on three categories, and crashes on the real data's hundred).
So every hint that gives code for the Adult data is built here from its own code fragments (the
text between backticks, evaluated as written) and run on a seeded sample of 2,000 rows of the
competition's training data, cleaned with the capstone's reference ``clean_adult``.

Hints narrow without solving (tests/test_checks.py holds them to fewer than half of a solution's
lines), so a runner puts a hint's fragments where the reference solution has them. A hint on the
Adult data that writes out an estimator with its arguments needs a runner here: a test fails until
it has one. When a hint's wording changes, its runner's fragment count fails first: update both.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import r2_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import (
    FunctionTransformer,
    OneHotEncoder,
    OrdinalEncoder,
    PolynomialFeatures,
    SplineTransformer,
    StandardScaler,
    TargetEncoder,
)
from sklearn.tree import DecisionTreeClassifier

from mlcourse.data import load_adult_raw, load_competition
from mlcourse.exercise import REGISTRY, Mistake
from mlcourse.exercises import catalog  # noqa: F401  (fills REGISTRY with every assignment's exercises)
from mlcourse.submission_format import problems, read_submission

REPO = Path(__file__).resolve().parents[2]
# mlcourse.instructor.cells.SOLUTION_MARKERS, not imported: with nbgrader and nbformat behind it, the
# import alone would take longer than every test of this file together.
SOLUTION_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")
SAMPLE_ROWS, TRAIN_ROWS = 2000, 1500

# What a learner's notebook has imported when they type a hint's code.
NAMESPACE = {
    "np": np, "pd": pd, "ColumnTransformer": ColumnTransformer, "DummyClassifier": DummyClassifier,
    "HistGradientBoostingClassifier": HistGradientBoostingClassifier, "SimpleImputer": SimpleImputer,
    "LogisticRegression": LogisticRegression, "roc_auc_score": roc_auc_score,
    "StratifiedKFold": StratifiedKFold, "cross_val_score": cross_val_score, "Pipeline": Pipeline,
    "make_pipeline": make_pipeline, "OneHotEncoder": OneHotEncoder, "OrdinalEncoder": OrdinalEncoder,
    "StandardScaler": StandardScaler, "DecisionTreeClassifier": DecisionTreeClassifier,
}


def hint(assignment: str, name: str, level: int) -> str:
    return REGISTRY[assignment][name].hints[level - 1]


def fragments(text: str, expected: int) -> list[str]:
    """The code between backticks, in order; ``expected`` pins the count so a reworded hint is noticed."""
    found = re.findall(r"`([^`]+)`", text)
    assert len(found) == expected, f"the hint now has {len(found)} code fragments, not {expected}: {found}"
    return found


@cache
def capstone() -> dict:
    """The capstone notebook's setup (column lists, the full files) and its reference answers."""
    cells = json.loads((REPO / "source" / "capstone" / "capstone.ipynb").read_text(encoding="utf-8"))["cells"]
    code = {cell["metadata"].get("nbgrader", {}).get("grade_id"): "".join(cell["source"])
            for cell in cells if cell["cell_type"] == "code"}
    namespace: dict = {}
    exec(code["setup"], namespace)
    for grade_id in sorted(gid for gid in code if gid and gid.endswith("-answer")):
        exec("\n".join(line for line in code[grade_id].splitlines() if line.strip() not in SOLUTION_MARKERS),
             namespace)
    return namespace


@cache
def raw_sample() -> pd.DataFrame:
    return load_competition("train").sample(SAMPLE_ROWS, random_state=0)


@cache
def clean_sample() -> pd.DataFrame:
    return capstone()["clean_adult"](raw_sample())


def split() -> tuple[pd.DataFrame, pd.Series, pd.DataFrame, pd.Series]:
    """Training and held-out rows of the cleaned sample, features and target."""
    features, target = clean_sample()[capstone()["FEATURES"]], clean_sample()["income_over_50k"]
    return (features.iloc[:TRAIN_ROWS], target.iloc[:TRAIN_ROWS],
            features.iloc[TRAIN_ROWS:], target.iloc[TRAIN_ROWS:])


def held_out_auc(model) -> float:
    data_train, target_train, data_test, target_test = split()
    return roc_auc_score(target_test, model.fit(data_train, target_train).predict_proba(data_test)[:, 1])


@cache
def reference_answer(assignment: str, grade_id: str) -> dict:
    """The names one reference answer of ``assignment`` defines, run with the imports of :data:`NAMESPACE`."""
    namespace = dict(NAMESPACE)
    exec(answer_code(assignment, grade_id), namespace)
    return namespace


def adult_pipeline(numeric_columns, categorical_columns):
    """model_evaluation q8's reference pipeline (a logistic regression): fast, above the capstone's bar."""
    build = reference_answer("model_evaluation", "q8-answer")["build_adult_pipeline"]
    return build(numeric_columns, categorical_columns)


def fast_model():
    return adult_pipeline(capstone()["NUMERIC"], capstone()["CATEGORICAL"])


# --- one runner per hint ------------------------------------------------------------------------


def run_capstone_q1(tmp_path):
    strip, replace, income = fragments(hint("capstone", "q1", 2), expected=3)

    def clean_adult(raw):
        frame = raw.rename(columns=lambda name: name.replace("-", "_"))  # hint 1: snake_case names
        for c in frame.select_dtypes(exclude="number").columns:  # "on text columns"
            frame[c] = eval(strip + replace, {**NAMESPACE, "frame": frame, "c": c})
        if "income" in frame.columns:
            frame["income_over_50k"] = eval(income, {**NAMESPACE, "frame": frame})
        return frame

    pd.testing.assert_frame_equal(clean_adult(raw_sample()), clean_sample())


def capstone_q2_pipeline(numeric_columns, categorical_columns):
    """capstone q2, hint 2: numeric steps, categorical steps, then the model, in one Pipeline (hint 1)."""
    text = hint("capstone", "q2", 2).split("Or reuse")[0]
    numeric_part, categorical_part = text.split("Categorical:")
    numeric = [eval(code, NAMESPACE) for code in fragments(numeric_part, expected=1)]
    *categorical, model = [eval(code, NAMESPACE) for code in fragments(categorical_part, expected=3)]
    preprocess = ColumnTransformer([("numeric", make_pipeline(*numeric), numeric_columns),
                                    ("categorical", make_pipeline(*categorical), categorical_columns)])
    return Pipeline([("preprocess", preprocess), ("model", model)])


@cache
def answer_code(assignment: str, grade_id: str) -> str:
    """One reference answer cell of a source notebook, its solution markers removed."""
    path = REPO / "source" / assignment / f"{assignment}.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    (source,) = ["".join(cell["source"]) for cell in cells
                 if cell["metadata"].get("nbgrader", {}).get("grade_id") == grade_id]
    return "\n".join(line for line in source.splitlines() if line.strip() not in SOLUTION_MARKERS)


def build_boosting_pipeline(numeric_columns, categorical_columns):
    """The ensembles unit's reference answer to q7, the function the capstone's q2 hint says to reuse."""
    namespace = dict(NAMESPACE)
    exec(answer_code("ensembles", "q7-answer"), namespace)
    return namespace["build_boosting_pipeline"](numeric_columns, categorical_columns)


def capstone_q2_reused(numeric_columns, categorical_columns):
    """capstone q2, hint 2's other way: the ensembles unit's pipeline, returned as the hint writes it."""
    name, reuse = fragments(hint("capstone", "q2", 2).split("Or reuse")[1], expected=2)
    namespace = {**NAMESPACE, name: build_boosting_pipeline}
    exec(f"def build_pipeline(numeric_columns, categorical_columns):\n    {reuse}", namespace)
    return namespace["build_pipeline"](numeric_columns, categorical_columns)


def run_capstone_q2(tmp_path):
    from mlcourse.exercises.capstone import q2

    for build in (capstone_q2_pipeline, capstone_q2_reused):
        q2.check(build)
        assert held_out_auc(build(capstone()["NUMERIC"], capstone()["CATEGORICAL"])) > 0.85


def run_capstone_q3(tmp_path):
    (code,) = fragments(hint("capstone", "q3", 2), expected=1)
    features, target = clean_sample()[capstone()["FEATURES"]], clean_sample()["income_over_50k"]
    auc = eval(code, {**NAMESPACE, "model": fast_model(), "data": features, "target": target})
    assert 0.85 < auc < 1
    assert auc == capstone()["cross_validated_auc"](fast_model(), features, target)


def run_capstone_q4(tmp_path):
    (code,) = fragments(hint("capstone", "q4", 2), expected=1)
    data_train, target_train, data_test, target_test = split()
    probabilities = eval(code, {"model": fast_model(), "data_train": data_train, "target_train": target_train,
                                "data_test": data_test})
    assert probabilities.shape == (len(data_test),) and ((probabilities >= 0) & (probabilities <= 1)).all()
    assert roc_auc_score(target_test, probabilities) > 0.85


def run_capstone_q5(tmp_path):
    (code,) = fragments(hint("capstone", "q5", 2), expected=1)
    ids = load_competition("test")["id"].head(50)
    path = tmp_path / "submission.csv"
    exec(code, {**NAMESPACE, "ids": ids, "probabilities": np.linspace(0, 1, len(ids)), "path": path})
    frame, unreadable = read_submission(path)
    assert unreadable is None and problems(frame, ids) == []


def run_capstone_q6(tmp_path):
    clean_both, write = fragments(hint("capstone", "q6", 2), expected=2)
    test_raw = load_competition("test").head(500)
    path = tmp_path / "submission.csv"
    namespace = {**capstone(), "train_raw": raw_sample(), "test_raw": test_raw, "path": path,
                 # the learner's own pipeline: any build_pipeline of theirs will do; this one is fast
                 "build_pipeline": adult_pipeline}
    exec(clean_both, namespace)
    exec(write, namespace)
    frame, unreadable = read_submission(path)
    assert unreadable is None and problems(frame, test_raw["id"]) == []
    assert frame["probability"].std() > 0.1


def run_data_handling_q7(tmp_path):
    rename, columns, strip, mask, income = fragments(hint("data_handling", "q7", 2), expected=5)
    code = "\n".join(["def clean_adult(raw):", f"    {rename}", f"    for column in {columns}:",
                      f"        {strip}", f"        {mask}",
                      "    if 'income' in data.columns:",  # hint 1: only when the column is there
                      f"        {income}", "    return data"])
    namespace = dict(NAMESPACE)
    exec(code, namespace)
    pd.testing.assert_frame_equal(namespace["clean_adult"](raw_sample()), clean_sample())


def ensembles_q7_pipeline(numeric_columns, categorical_columns):
    """ensembles q7, hint 2: its ColumnTransformer and its model, put in a Pipeline as the hint says."""
    preprocess, model = fragments(hint("ensembles", "q7", 2), expected=2)
    namespace = {**NAMESPACE, "numeric_columns": numeric_columns, "categorical_columns": categorical_columns}
    return Pipeline([("preprocess", eval(preprocess, namespace)), ("classifier", eval(model, namespace))])


def run_ensembles_q7(tmp_path):
    """The hint's pipeline passes the visible check and, on the Adult sample, is the reference model."""
    from mlcourse.exercises.ensembles import q7

    q7.check(ensembles_q7_pipeline)
    numeric, categorical = capstone()["NUMERIC"], capstone()["CATEGORICAL"]
    auc = held_out_auc(ensembles_q7_pipeline(numeric, categorical))
    assert auc > 0.85 and auc == held_out_auc(build_boosting_pipeline(numeric, categorical))


def run_linear_models_q6(tmp_path):
    """Both curved pipelines of the hint beat a straight line on age -> hours, as the hidden test asks."""
    namespace = {**NAMESPACE, "LinearRegression": LinearRegression, "PolynomialFeatures": PolynomialFeatures,
                 "SplineTransformer": SplineTransformer}
    real = capstone()["clean_adult"](load_adult_raw().sample(SAMPLE_ROWS, random_state=0))  # the unit's data
    ages, hours = real[["age"]], real["hours_per_week"]
    fit_on, score_on = slice(0, TRAIN_ROWS), slice(TRAIN_ROWS, None)
    straight = LinearRegression().fit(ages[fit_on], hours[fit_on])
    line = r2_score(hours[score_on], straight.predict(ages[score_on]))
    for code in fragments(hint("linear_models", "q6", 2), expected=2):
        model = eval(code, namespace).fit(ages[fit_on], hours[fit_on])
        assert r2_score(hours[score_on], model.predict(ages[score_on])) > line + 0.08, code


def run_linear_models_q7(tmp_path):
    """The hint's log step, on the real money columns (zeros included): finite, then scaled."""
    log, chain = fragments(hint("linear_models", "q7", 2), expected=2)
    assert chain == "make_pipeline"
    skewed = split()[0][["capital_gain", "capital_loss"]]
    log_step = eval(log, {**NAMESPACE, "FunctionTransformer": FunctionTransformer})
    step = make_pipeline(log_step, StandardScaler())
    scaled = step.fit_transform(skewed)
    assert (skewed == 0).any().all() and np.isfinite(scaled).all() and np.allclose(scaled.mean(axis=0), 0)


def run_linear_models_q8(tmp_path):
    """The hint's leaky and honest scores on the crossed column of the assignment (job | education | age)."""
    folds, encode, leaky_score, pipeline, data = fragments(hint("linear_models", "q8", 2), expected=5)
    sample = clean_sample()
    crossed = (sample["occupation"].fillna("unknown") + " | " + sample["education"] + " | "
               + sample["age"].astype(str)).to_frame("job_education_age")
    namespace = {**NAMESPACE, "TargetEncoder": TargetEncoder, "target": sample["income_over_50k"],
                 data: crossed}
    exec(folds, namespace)
    exec(encode, namespace)
    leaky = eval(leaky_score, namespace)
    honest = eval(leaky_score.replace("LogisticRegression(), encoded", f"{pipeline}, {data}"), namespace)
    assert leaky > honest + 0.1 and 0.55 < honest < 0.8


def run_model_evaluation_q8(tmp_path):
    """The hint's encoder and classifier, in the reference pipeline, on the real data's categories."""
    *_, encoder, classifier = fragments(hint("model_evaluation", "q8", 2), expected=5)
    namespace = {**NAMESPACE, "OneHotEncoder": OneHotEncoder, "LogisticRegression": LogisticRegression}
    model = fast_model()
    model.set_params(preprocess__categorical__encode=eval(encoder, namespace),
                     classifier=eval(classifier, namespace))
    assert held_out_auc(model) > 0.85


@cache
def visualization_adult() -> pd.DataFrame:
    """The Adult data as the visualization unit prepares it: original names, text stripped, '?' missing."""
    adult = raw_sample().drop(columns="id")
    text = adult.select_dtypes(exclude="number").columns
    adult[text] = adult[text].apply(lambda column: column.str.strip())
    return adult.replace("?", np.nan)


def run_visualization_q6(tmp_path):
    import matplotlib.pyplot as plt

    share, line, reference, annotate = fragments(hint("visualization", "q6", 2), expected=4)
    adult = visualization_adult()
    fig, ax = plt.subplots()
    try:
        namespace = {**NAMESPACE, "adult": adult, "ax": ax,
                     "overall": (adult["income"] == ">50K").mean() * 100}  # the check's own definition
        exec(share, namespace)
        annotate = annotate.replace("annotate(...,", "annotate('peak',").replace(", ...)", ")")
        for code in (line, reference, annotate):
            eval(code, namespace)
        assert 0 < namespace["share"].max() <= 100 and len(ax.lines) == 2 and len(ax.texts) == 1
    finally:
        plt.close(fig)


def run_visualization_q7(tmp_path):
    import matplotlib.pyplot as plt
    import seaborn as sns

    (subplots, *_), (share, bar, _, histogram) = (fragments(hint("visualization", "q7", 1), expected=6),
                                                 fragments(hint("visualization", "q7", 2), expected=4))
    namespace = {**NAMESPACE, "plt": plt, "sns": sns, "adult": visualization_adult()}
    exec(subplots, namespace)
    try:
        for column, ax in [("education-num", namespace["axes"][0, 0]), ("gender", namespace["axes"][1, 0]),
                           ("marital-status", namespace["axes"][1, 1])]:
            namespace.update(column=column, ax=ax)
            exec(f"share = {share}", namespace)
            eval(bar, namespace)
            assert 0 < namespace["share"].max() < 100
        eval(histogram, namespace)
        heights = [patch.get_height() for patch in namespace["axes"][0, 1].patches]
        assert np.isclose(sum(heights), 200)  # two income groups, each adding up to 100 %
    finally:
        plt.close(namespace["fig"])


RUNNERS = {
    ("capstone", "q1", 2): run_capstone_q1,
    ("capstone", "q2", 2): run_capstone_q2,
    ("capstone", "q3", 2): run_capstone_q3,
    ("capstone", "q4", 2): run_capstone_q4,
    ("capstone", "q5", 2): run_capstone_q5,
    ("capstone", "q6", 2): run_capstone_q6,
    ("data_handling", "q7", 2): run_data_handling_q7,
    ("ensembles", "q7", 2): run_ensembles_q7,
    ("linear_models", "q6", 2): run_linear_models_q6,
    ("linear_models", "q7", 2): run_linear_models_q7,
    ("linear_models", "q8", 2): run_linear_models_q8,
    ("model_evaluation", "q8", 2): run_model_evaluation_q8,
    ("visualization", "q6", 2): run_visualization_q6,
    ("visualization", "q7", 2): run_visualization_q7,
}


@pytest.mark.parametrize("key", RUNNERS, ids=lambda key: f"{key[0]}.{key[1]}.hint{key[2]}")
def test_the_hint_runs_on_a_sample_of_the_real_data(key, tmp_path):
    RUNNERS[key](tmp_path)  # a scratch folder, for the hints that write a file


def test_every_estimator_a_hint_builds_for_the_adult_data_is_run_here():
    """A hint for the Adult data that writes out an estimator or a transformer with its arguments (the code a
    learner types as it is) has a runner; hints that only name functions and ideas need none."""
    built_as_written = re.compile(r"^[A-Z]\w+\(.+\)$")
    on_adult = {(assignment, name, level)
                for assignment, declared in REGISTRY.items() for name, found in declared.items()
                if assignment == "capstone" or "capstone" in found.title.lower()
                or any("adult" in text.lower() for text in found.hints)
                for level, text in enumerate(found.hints, start=1)
                if any(built_as_written.match(code) for code in re.findall(r"`([^`]+)`", text))}
    assert on_adult <= set(RUNNERS), f"hints without a runner: {sorted(on_adult - set(RUNNERS))}"


def test_the_capstone_check_catches_the_sparse_input_the_old_hint_led_to():
    """The old hint (OneHotEncoder's default sparse output before boosted trees) passed the check's
    three categories, then crashed on the real data: the check now tries many categories."""
    from mlcourse.exercises.capstone import q2

    def build_pipeline(numeric_columns, categorical_columns):
        categorical = make_pipeline(SimpleImputer(strategy="most_frequent"),
                                    OneHotEncoder(handle_unknown="ignore"))
        preprocess = ColumnTransformer([("numeric", SimpleImputer(strategy="median"), numeric_columns),
                                        ("categorical", categorical, categorical_columns)])
        return Pipeline([("preprocess", preprocess),
                         ("model", HistGradientBoostingClassifier(random_state=0))])

    with pytest.raises(Mistake, match="sparse_output=False"):
        q2.check(build_pipeline)
    q2.check(capstone_q2_pipeline)  # the hint as it stands passes
