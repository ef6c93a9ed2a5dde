"""The expected results of every hidden test, recorded from the reference solution at release.

``mlcourse release`` runs each assignment's reference notebook in the sandbox (see
:mod:`mlcourse.instructor.reference`); every test cell's hidden tests call
:func:`mlcourse.results.record`, and this module keeps what they recorded, with the tolerances,
in ``expected/<assignment>.json`` in the course folder: instructor-side, out of the learner
package and out of ``source/`` (whose files nbgrader copies into the release). The grader
(:mod:`mlcourse.instructor.decide`) compares a learner's records with these.

Each test cell is stored with the digest of its source: a test cell edited after its results were
recorded no longer matches, and grading refuses to use stale values.
"""

from __future__ import annotations

import json
from pathlib import Path

from mlcourse.instructor.cells import grade_id, is_test_cell
from mlcourse.instructor.comparison import score
from mlcourse.instructor.course import Course, CourseError
from mlcourse.instructor.timing import cell_key
from mlcourse.results import HIDDEN_LABELS, METRICS, RESULT_MIME, encode

__all__ = ["EXPECTED_DIR", "expected_file", "load_expected", "recorded_results", "record_expected",
           "require_expected"]

EXPECTED_DIR = "expected"


def expected_file(folder: Path, assignment: str) -> Path:
    """Where an assignment's expected results are kept, in ``folder`` (the course's ``expected/``)."""
    return Path(folder) / f"{assignment}.json"


def recorded_results(cell) -> list[dict]:
    """The results a test cell's outputs carry, in order; malformed ones are kept as they are, to fail."""
    return [output["data"][RESULT_MIME] for output in cell.get("outputs", [])
            if output.get("output_type") == "display_data" and RESULT_MIME in output.get("data", {})]


def _with_truth(course: Course, cell: str, entry: dict) -> dict:
    """A metric record made ready for the grader: the hidden labels looked up for its test ids (never
    in a kernel's reach), and proof that the reference's own predictions clear the bar."""
    if entry["metric"] not in METRICS:
        raise CourseError(f"test cell {cell} records {entry['name']!r} with an unknown metric "
                          f"{entry['metric']!r}")
    if entry["truth"] == HIDDEN_LABELS:
        from mlcourse.instructor.scoring import load_labels

        ids = entry["value"].get("$series", {}).get("index") if isinstance(entry["value"], dict) else None
        labels = load_labels(course).set_index("id")["income_over_50k"]
        if ids is None or not set(ids) <= set(labels.index):
            raise CourseError(f"test cell {cell} scores {entry['name']!r} on the hidden labels: record a "
                              "Series indexed by the competition's test ids")
        entry = {**entry, "truth": encode(labels.loc[ids].rename(None))}
    reached = score(entry["metric"], entry["truth"], entry["value"])
    if reached is None or reached < entry["at_least"]:
        raise CourseError(f"the reference solution does not reach its own bar in test cell {cell}: "
                          f"{entry['name']!r} scores {reached} < {entry['at_least']}")
    # The grader needs the truth and the bar; the reference's own predictions are kept as their score.
    return {**entry, "value": None, "reference_score": round(reached, 6)}


def _reference_cell(course: Course, cell) -> dict:
    """One test cell's entry: its digest and its records, checked to be usable as expected values."""
    name = grade_id(cell)
    errors = [o for o in cell.outputs if o.output_type == "error"]
    if errors:
        raise CourseError(f"the reference solution fails its own test cell {name}: "
                          f"{errors[0].ename}: {errors[0].evalue}")
    records = recorded_results(cell)
    names = [entry["name"] for entry in records]
    if not records:
        raise CourseError(f"test cell {name} records no result: its hidden tests must call "
                          f"mlcourse.results.record(...) so that the grader can decide its points")
    if len(set(names)) != len(names):
        raise CourseError(f"test cell {name} records the same name twice: {sorted(names)}")
    records = [_with_truth(course, name, entry) if entry.get("metric") else entry for entry in records]
    unsupported = [entry["name"] for entry in records if "$unsupported" in json.dumps(entry["value"])]
    if unsupported:
        raise CourseError(f"test cell {name} records values of a type the grader cannot compare: "
                          f"{unsupported}")
    return {"digest": cell_key(cell.source), "records": records}


def record_expected(course: Course, assignment: str, notebook) -> Path:
    """Write ``expected/<assignment>.json`` from the reference notebook just run (outputs included)."""
    cells = {grade_id(cell): _reference_cell(course, cell) for cell in notebook.cells if is_test_cell(cell)}
    path = expected_file(course.root / EXPECTED_DIR, assignment)
    path.parent.mkdir(exist_ok=True)
    path.write_text(_readable_json(cells), encoding="utf-8")
    return path


def _readable_json(cells: dict[str, dict]) -> str:
    """The file's text: one line per record, so a change in one expected value is a one-line diff."""
    entries = []
    for name, entry in sorted(cells.items()):
        records = ",\n    ".join(json.dumps(record, sort_keys=True) for record in entry["records"])
        entries.append(f' {json.dumps(name)}: {{"digest": {json.dumps(entry["digest"])}, "records": [\n'
                       f'    {records}]}}')
    return "{\n" + ",\n".join(entries) + "\n}\n"


def load_expected(folder: Path, assignment: str) -> dict[str, dict]:
    """grade_id -> {"digest", "records"} of an assignment; {} if nothing was recorded yet."""
    path = expected_file(folder, assignment)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def require_expected(course: Course, assignment: str) -> None:
    """Refuse to grade with missing or stale expected results, saying how to record them."""
    import nbformat

    expected = load_expected(course.root / EXPECTED_DIR, assignment)
    for path in sorted((course.source / assignment).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if is_test_cell(cell) and expected.get(grade_id(cell), {}).get("digest") != cell_key(cell.source):
                raise CourseError(
                    f"the expected results of {assignment} ({EXPECTED_DIR}/{assignment}.json) are missing or "
                    f"older than test cell {grade_id(cell)}: run `mlcourse release {assignment}` to record "
                    "them from the reference solution")
