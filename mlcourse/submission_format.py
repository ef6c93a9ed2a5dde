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


def _noun(number: int, singular: str, plural: str | None = None) -> str:
    """The noun that goes with ``number``: "id" for 1, "ids" otherwise (or ``plural``)."""
    return singular if number == 1 else plural or singular + "s"


def _count(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` with the noun it counts: "1 id", "3 ids", "1 probability", "2 probabilities"."""
    return f"{number} {_noun(number, singular, plural)}"


def _sentence(text: str) -> str:
    """``text`` as a sentence of its own: a capital first letter and a full stop (or ? or !) at the end."""
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def as_sentences(found: list[str]) -> str:
    """Problems joined into one message: the first as it is (it follows "...: " where it is shown), each
    next one a sentence of its own, so nothing reads "...test id.; 1 id..."."""
    if not found:
        return ""
    first, *rest = [text.strip() for text in found]
    first = first if first.endswith((".", "?", "!")) else first + "."
    return " ".join([first, *(_sentence(text) for text in rest)])


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
        detail = str(error).strip().rstrip(".")
        return None, f"{path.name} is not a CSV file pandas can read: {detail}."
    return frame, None


def problems(frame, test_ids) -> list[str]:
    """Every way ``frame`` breaks the submission format for a test set with ``test_ids``; [] if none."""
    import pandas as pd

    found = []
    columns = [str(c) for c in frame.columns]
    missing = [c for c in COLUMNS if c not in columns]
    extra = [c for c in columns if c not in COLUMNS]
    if missing:
        found.append(f"missing {_noun(len(missing), 'column')}: {', '.join(missing)} "
                     "(the header must be exactly `id,probability`).")
    if extra:
        hint = " (an unnamed first column usually means the index was written: use index=False)" if any(
            c.startswith("Unnamed") for c in extra) else ""
        found.append(f"unexpected {_noun(len(extra), 'column')}: {', '.join(extra)}{hint}.")
    if len(frame) != len(test_ids):
        found.append(f"{_count(len(frame), 'row')}, but the test set has {len(test_ids)}: "
                     "one row per test id.")
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
                verb = "appears" if len(duplicated) == 1 else "appear"
                found.append(f"{_count(len(duplicated), 'id')} {verb} more than once: {_some(duplicated)}.")
            if unknown:
                verb = "is" if len(unknown) == 1 else "are"
                found.append(f"{_count(len(unknown), 'id')} {verb} not in the test set: {_some(unknown)}.")
            if absent and len(frame) == len(test_ids):
                verb = "has" if len(absent) == 1 else "have"
                found.append(f"{_count(len(absent), 'test id')} {verb} no prediction: {_some(absent)}.")
    if "probability" in columns:
        probability = pd.to_numeric(frame["probability"], errors="coerce")
        not_numbers = int((probability.isna() & frame["probability"].notna()).sum())
        blank = int(frame["probability"].isna().sum())
        outside = int(((probability < 0) | (probability > 1)).sum())
        counted = lambda number: (_count(number, "probability", "probabilities")  # noqa: E731
                                  + (" is" if number == 1 else " are"))
        if not_numbers:
            found.append(f"{counted(not_numbers)} not {'a number' if not_numbers == 1 else 'numbers'}.")
        if blank:
            found.append(f"{counted(blank)} missing (NaN): predict every row.")
        if outside:
            found.append(f"{counted(outside)} outside [0, 1]: "
                         "use predict_proba(...)[:, 1], not decision scores.")
    return found
