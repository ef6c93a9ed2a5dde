"""What a capstone submission file must look like, checked the same way for learner and instructor.

The learner's notebook checks its own ``submission.csv`` with :func:`problems` before submitting;
the instructor's scorer runs the very same checks before it looks at any label. Only the format
is checked here: this module never sees the test labels.
"""
from __future__ import annotations

from pathlib import Path

COLUMNS = ("id", "probability")
SHOWN = 5  # how many offending ids a message lists


def _some(values) -> str:
    values = sorted(values)
    more = f" and {len(values) - SHOWN} more" if len(values) > SHOWN else ""
    return ", ".join(str(v) for v in values[:SHOWN]) + more


def read_submission(path: Path):
    """Read a submission file, or return (None, problem) when it is not a readable CSV at all."""
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        return None, (f"there is no file {path.name}: "
                      f"write it with `frame.to_csv('{path.name}', index=False)`.")
    try:
        frame = pd.read_csv(path, encoding="utf-8")
    except UnicodeDecodeError:
        return None, f"{path.name} is not a CSV file: it is not even text (UTF-8)."
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as error:
        return None, f"{path.name} is not a CSV file pandas can read: {str(error).strip()}"
    return frame, None


def problems(frame, test_ids) -> list[str]:
    """Every way ``frame`` breaks the submission format for a test set with ``test_ids``; [] if none."""
    import pandas as pd

    found = []
    columns = [str(c) for c in frame.columns]
    missing = [c for c in COLUMNS if c not in columns]
    extra = [c for c in columns if c not in COLUMNS]
    if missing:
        found.append(f"missing column(s): {', '.join(missing)} "
                     "(the header must be exactly `id,probability`).")
    if extra:
        hint = " (an unnamed first column usually means the index was written: use index=False)" if any(
            c.startswith("Unnamed") for c in extra) else ""
        found.append(f"unexpected column(s): {', '.join(extra)}{hint}.")
    if len(frame) != len(test_ids):
        found.append(f"{len(frame)} rows, but the test set has {len(test_ids)}: one row per test id.")
    if "id" in columns:
        ids = pd.to_numeric(frame["id"], errors="coerce")
        if ids.isna().any() or (ids % 1 != 0).any():
            found.append("some ids are not whole numbers: copy the `id` column of test.csv unchanged.")
        else:
            ids = ids.astype("int64")
            duplicated = set(ids[ids.duplicated()])
            unknown = set(ids) - set(test_ids)
            absent = set(test_ids) - set(ids)
            if duplicated:
                found.append(f"{len(duplicated)} id(s) appear more than once: {_some(duplicated)}.")
            if unknown:
                found.append(f"{len(unknown)} id(s) are not in the test set: {_some(unknown)}.")
            if absent and len(frame) == len(test_ids):
                found.append(f"{len(absent)} test id(s) have no prediction: {_some(absent)}.")
    if "probability" in columns:
        probability = pd.to_numeric(frame["probability"], errors="coerce")
        not_numbers = int((probability.isna() & frame["probability"].notna()).sum())
        blank = int(frame["probability"].isna().sum())
        outside = int(((probability < 0) | (probability > 1)).sum())
        if not_numbers:
            found.append(f"{not_numbers} probabilities are not numbers.")
        if blank:
            found.append(f"{blank} probabilities are missing (NaN): predict every row.")
        if outside:
            found.append(f"{outside} probabilities are outside [0, 1]: "
                         "use predict_proba(...)[:, 1], not decision scores.")
    return found
