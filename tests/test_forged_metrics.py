"""A learner who patches the metric functions a hidden test could use earns nothing for a useless model.

The capstone's model-quality exercises (2 and 6) are scored by the grader: the kernel only records the
predictions for the competition's test people, and the grader computes their ROC-AUC against labels no
kernel holds. This learner answers everything right except the model, a constant guess, and first makes
scikit-learn's metrics, cross-validation and numpy's comparisons report perfect scores.
"""

from __future__ import annotations

import nbformat
import pytest

from mlcourse.instructor.grading import autograde_all
from tests.conftest import scratch_course
from tests.notebooks import fill, read, reference_answers

pytestmark = pytest.mark.slow

ASSIGNMENT = "capstone"
PATCHES = '''import numpy as np
import sklearn.metrics, sklearn.model_selection
import mlcourse.exercise

mlcourse.exercise.Exercise.check = lambda self, function: None
perfect = lambda *args, **kwargs: 1.0
sklearn.metrics.roc_auc_score = sklearn.metrics.r2_score = perfect
sklearn.model_selection.cross_val_score = lambda *args, **kwargs: np.ones(5)
np.isclose = np.allclose = lambda *args, **kwargs: True
'''
CONSTANT_MODEL = '''from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.pipeline import Pipeline


def build_pipeline(numeric_columns, categorical_columns):
    keep = ColumnTransformer([("numeric", "passthrough", numeric_columns)])
    return Pipeline([("preprocess", keep), ("model", DummyClassifier(strategy="prior"))])
'''


def test_patched_metrics_cannot_pass_a_constant_model(tmp_path):
    course = scratch_course(tmp_path / "course", [ASSIGNMENT])
    source = read(course.source / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    answers = {**reference_answers(source), "q2-answer": CONSTANT_MODEL}
    notebook = fill(read(course.release / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"), answers)
    notebook.cells.insert(0, nbformat.v4.new_code_cell(PATCHES))
    folder = course.root / "submitted" / "mallory" / ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")
    (outcome,) = autograde_all(course, ASSIGNMENT, ["mallory"], progress=lambda line: None)
    assert outcome.graded, outcome.status
    with course.gradebook() as gradebook:
        grades = {g.name: g.score for g in gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT,
                                                                                "mallory").grades}
    assert grades["q2-tests"] == 0 and grades["q6-tests"] == 0  # the constant model's predictions
    assert grades["q1-tests"] == 2 and grades["q5-tests"] == 1  # the right answers keep their points
