"""The grader decides each test cell: the learner's recorded results against the reference's.

Runs in nbgrader's autograde pipeline right after ``Execute`` and before ``SaveAutoGrades``. For
every test cell it reads the results the hidden tests recorded (:func:`mlcourse.results.record`),
compares them with ``expected/<assignment>.json`` (:mod:`mlcourse.instructor.expected`) and
rewrites the cell's outputs so that nbgrader's own rule gives exactly the grader's verdict:

- passed: every expected result was recorded once, and matches. Errors and ``stderr`` are
  dropped (nbgrader would give zero for an error a learner's hook raised after the tests ran).
- failed: a result is missing, different, recorded twice, or one not expected appears. The
  cell's error stays (the learner's feedback: a check's message, or a traceback that the feedback
  redacts). Unless a check's message explains the failure, a :data:`HIDDEN_FAILURE` error is added
  that names the hidden case (and the error the learner's code raised on it).

Either way ``execute_result`` outputs go: nbgrader reads a value displayed before an error as
partial (or full) credit, which anything in the kernel could display.

The recorded results themselves are removed from the outputs: feedback shows the verdict and
the names of the hidden cases that failed (taken from the reference's run, written for
learners), never the values expected or recorded. Nothing a kernel prints passes a cell unless
it carries the right values.
"""

from __future__ import annotations

from pathlib import Path

from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

from mlcourse.instructor.cells import grade_id, is_test_cell
from mlcourse.instructor.comparison import matches, score
from mlcourse.instructor.expected import EXPECTED_DIR, load_expected, recorded_results
from mlcourse.instructor.timing import cell_key
from mlcourse.results import RESULT_MIME

__all__ = ["EXPLAINED", "HIDDEN_FAILURE", "DecideTestCells", "verdict"]

HIDDEN_FAILURE = "HiddenTestFailed"
#: Errors that already tell the learner what is wrong: a check's message, the released stub's.
EXPLAINED = ("Mistake", "NotImplementedError")


def verdict(expected: list[dict], recorded: list[dict]) -> str | None:
    """None if ``recorded`` holds each expected result once, matching, and nothing else; else why not."""
    by_name: dict[str, list] = {}
    for entry in recorded:
        name = entry.get("name") if isinstance(entry, dict) else None
        by_name.setdefault(str(name), []).append(entry.get("value") if isinstance(entry, dict) else None)
    wanted = {entry["name"] for entry in expected}
    if set(by_name) - wanted or any(len(values) > 1 for values in by_name.values()):
        return "results the hidden tests did not ask for were recorded"
    missing = [entry for entry in expected if entry["name"] not in by_name]
    if missing:
        return (f"the hidden tests stopped at the case {_cases(missing[:1])}, so {len(missing)} of "
                f"{len(expected)} results were not checked")
    wrong = [entry for entry in expected if not _passes(entry, by_name[entry["name"]][0])]
    if wrong:
        return (f"{len(wrong)} of {len(expected)} results on the hidden inputs are not the expected ones: "
                f"{_cases(wrong)}. Your answer passes the visible checks but not every case the exercise "
                "describes")
    return None


def _cases(entries: list[dict]) -> str:
    """The hidden cases a learner's answer got wrong, by the names the reference run gave them (written
    for learners: "penguins of unknown sex are plotted"); never their expected values."""
    names = [f"'{entry['name']}'" for entry in entries[:4]]
    more = f" and {len(entries) - 4} more" if len(entries) > 4 else ""
    return ", ".join(names) + more
    return None


def _passes(expected: dict, actual) -> bool:
    """One result against its reference: the same value, or, for a metric, a score at or above the bar."""
    if expected.get("metric"):
        found = score(expected["metric"], expected["truth"], actual)
        return found is not None and found >= expected["at_least"]
    return matches(expected["value"], actual, expected["rtol"], expected["atol"], expected["unordered"])


class DecideTestCells(NbGraderPreprocessor):
    """Mark each test cell passed or failed from its recorded results (see the module's docstring)."""

    expected_dir = Unicode(EXPECTED_DIR, help=(
        "Folder of the expected results, <assignment>.json each, written by `mlcourse release` "
        "(relative to the working directory unless absolute).")).tag(config=True)

    def preprocess(self, nb, resources):
        self._expected = load_expected(Path(self.expected_dir), resources["nbgrader"]["assignment"])
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, cell_index):
        if not is_test_cell(cell):
            return cell, resources
        name = grade_id(cell)
        entry = self._expected.get(name)
        if entry is None or entry["digest"] != cell_key(cell.source):
            raise ValueError(f"no expected results recorded for test cell {name} as it is now: "
                             "run `mlcourse release` to record them from the reference solution")
        reason = verdict(entry["records"], recorded_results(cell))
        kept = [output for output in cell.outputs
                if not _is_record(output) and output.output_type != "execute_result"]
        if reason is None:
            cell.outputs = [output for output in kept if not _counts_against(output)]
        else:
            errors = [output for output in kept if output.output_type == "error"]
            if not errors:
                kept.append(_hidden_failure(f"a hidden test failed: {reason}"))
            elif not any(output.get("ename") in EXPLAINED for output in errors):
                # The learner's code raised while the hidden tests ran it: say on which case (the error
                # itself is shown redacted, see feedback_privacy).
                raised = errors[-1].get("ename")
                kept.append(_hidden_failure(f"a hidden test failed: your code raised {raised}; {reason}"))
            cell.outputs = kept
        self.log.info("%s: %s", name, "passed" if reason is None else f"failed: {reason}")
        return cell, resources


def _hidden_failure(message: str):
    """The grader's verdict on a failed hidden test, as an error output nbgrader grades as zero."""
    return new_output("error", ename=HIDDEN_FAILURE, evalue=message,
                      traceback=[f"{HIDDEN_FAILURE}: {message}"])


def _is_record(output) -> bool:
    return RESULT_MIME in output.get("data", {})


def _counts_against(output) -> bool:
    """Outputs nbgrader reads as a grade: errors, stderr (zero) and displayed values (partial credit)."""
    return (output.output_type in ("error", "execute_result")
            or (output.output_type == "stream" and output.get("name") == "stderr"))
