"""Keep the hidden tests' expected values out of the feedback returned to learners.

nbgrader's feedback shows each test cell with its output. Clearing the hidden test code
(nbgrader's ClearHiddenTests) is not enough: a failed hidden ``assert`` prints a traceback
that quotes the failing line, expected values included. This preprocessor rewrites the error
output of every graded test cell to what the learner may see.
"""
from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor

from mlcourse.instructor.cells import is_test_cell
from mlcourse.instructor.decide import HIDDEN_FAILURE

__all__ = ["LEARNER_FACING_ERRORS", "RedactHiddenTestErrors"]

#: Errors whose message was written for learners: the course's own check messages, the stub's
#: NotImplementedError, a NameError for a function that was renamed or deleted, and the grader's verdict
#: on a hidden test (it names the hidden case, never an expected value).
LEARNER_FACING_ERRORS = ("Mistake", "NotImplementedError", "NameError", HIDDEN_FAILURE)


class RedactHiddenTestErrors(NbGraderPreprocessor):
    """Replace each error in a graded test cell by its one-line message, or by a neutral note."""

    def preprocess_cell(self, cell, resources, cell_index):
        if is_test_cell(cell):
            cell.outputs = [self._redact(output) if output.output_type == "error" else output
                            for output in cell.outputs]
        return cell, resources

    @staticmethod
    def _redact(error):
        if error.ename in LEARNER_FACING_ERRORS:
            text = f"{error.ename}: {error.evalue}"
        elif error.ename == "CellTimeoutError":
            text = "CellTimeoutError: this cell ran out of time. Look for a loop that never ends."
        else:
            text = (f"{error.ename}: a hidden test failed. Your answer passes the visible checks "
                    "but not every case the exercise describes; re-read its text for the cases it names.")
        return new_output("error", ename=error.ename, evalue="", traceback=[text])
