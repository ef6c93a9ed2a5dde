"""Keep nbgrader's markers out of learners' answers, where they would be taken for the instructor's.

nbgrader finds hidden tests by the text ``### BEGIN HIDDEN TESTS``/``### END HIDDEN TESTS``
anywhere in a cell. A learner who writes one of them in an answer (even in a comment) makes
feedback generation fail, for the whole class when it runs as one command. This preprocessor,
run when a submission is sanitized for autograding, rewrites such lines in answer cells so
they no longer match: the learner's code means the same, and no marker reaches grading.
"""

from __future__ import annotations

from nbgrader.preprocessors import NbGraderPreprocessor

from mlcourse.instructor.cells import HIDDEN_MARKERS, SOLUTION_MARKERS, is_answer_cell

__all__ = ["NeutralizeMarkers"]


class NeutralizeMarkers(NbGraderPreprocessor):
    """Break each nbgrader marker in an answer cell: "### BEGIN HIDDEN TESTS" -> "### BEGIN HIDDEN-TESTS"."""

    def preprocess_cell(self, cell, resources, cell_index):
        if is_answer_cell(cell):
            for marker in HIDDEN_MARKERS + SOLUTION_MARKERS:
                head, _, last = marker.rpartition(" ")
                cell.source = cell.source.replace(marker, f"{head}-{last}")
        return cell, resources
