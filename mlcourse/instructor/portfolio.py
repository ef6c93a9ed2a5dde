"""Turn a learner's graded capstone into a project folder they can push to GitHub.

The folder holds what an employer looks at: a README (problem, data and its license, approach,
results, figures), the notebook with its outputs, ``requirements.txt``, a short model card and
the public competition files the notebook reads. It never holds course-private material: the
test labels, hidden tests, the course's checks and hints, or anything from the gradebook.
"""

from __future__ import annotations

import base64
import re
import shutil
from importlib import metadata
from pathlib import Path

import nbformat

from mlcourse.instructor.cells import SETUP, SUMMARY_CELLS, WRITTEN_ANSWER, grade_id, is_graded_code, is_task
from mlcourse.instructor.competition import PACKAGE_DATA
from mlcourse.instructor.course import Course, CourseError
from mlcourse.instructor.scoring import counted_file

MARKER = ".portfolio-export"  # marks a folder this command may replace
REQUIREMENTS = ("numpy", "pandas", "scikit-learn", "matplotlib", "seaborn", "jupyterlab")
STANDALONE_SETUP = '''import numpy as np
import pandas as pd

train_raw = pd.read_csv("data/train.csv")
test_raw = pd.read_csv("data/test.csv")
NUMERIC = ["age", "education_num", "capital_gain", "capital_loss", "hours_per_week"]
CATEGORICAL = ["workclass", "education", "marital_status", "occupation", "relationship", "race",
               "gender", "native_country"]
FEATURES = NUMERIC + CATEGORICAL'''


def _section_heading(text: str) -> str:
    """An exercise's title as a plain section heading:
    "## Exercise 2 · Clean it (2 points)" -> "## Clean it"."""
    title = text.strip().splitlines()[0].lstrip("# ")
    title = re.sub(r"^Exercise \d+ · ", "", title)
    return "## " + re.sub(r" \(\d+ points?\)$", "", title)


def _course_scaffolding(cell) -> bool:
    """A learner's cell that only the course needs: the "Before you submit" summary, comments alone (the
    course's suggestions) or calls to the course's checks and hints."""
    if cell.get("id") in SUMMARY_CELLS:
        return True
    if cell.cell_type != "code":
        return False
    lines = [line.strip() for line in cell.source.splitlines() if line.strip()]
    return (all(line.startswith("#") for line in lines)
            or re.search(r"\bq\d+\.(hint|check)\(", cell.source) is not None)


def public_notebook(notebook, title: str):
    """The learner's notebook without the course's scaffolding: no test cells (they hold hidden
    tests once autograded), no course instructions, checks or hints, no nbgrader metadata, and a
    setup cell that reads the data from the project's own ``data/`` folder."""
    kept = []
    for cell in notebook.cells:
        cell_id = grade_id(cell)
        if (is_graded_code(cell) or is_task(cell)
                or cell_id in ("intro", "outro", "written-text") or _course_scaffolding(cell)):
            continue
        if cell_id and cell_id.endswith("-text"):
            cell.source = _section_heading(cell.source)
        if cell_id == SETUP:
            cell.source = STANDALONE_SETUP
        if cell_id == WRITTEN_ANSWER:
            kept.append(nbformat.v4.new_markdown_cell("## Report"))
        cell.metadata.pop("nbgrader", None)
        kept.append(cell)
    notebook.cells = [nbformat.v4.new_markdown_cell(f"# {title}")] + kept
    return notebook


def extract_figures(notebook, folder: Path) -> list[Path]:
    """Save every PNG the notebook's outputs show into ``folder``; return their paths in order."""
    figures = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                folder.mkdir(exist_ok=True)
                path = folder / f"figure_{len(figures) + 1}.png"
                path.write_bytes(base64.b64decode(data["image/png"]))
                figures.append(path)
    return figures


def written_report(notebook) -> str:
    """The learner's report, or "" while it is still nbgrader's placeholder."""
    for cell in notebook.cells:
        if grade_id(cell) == WRITTEN_ANSWER and cell.source.strip() != "YOUR ANSWER HERE":
            return cell.source.strip()
    return ""


def export_portfolio(course: Course, student: str, out: Path) -> Path:
    """Build ``out`` from the learner's autograded capstone and their best competition score."""
    settings = course.competition()
    assignment = settings.assignment
    graded = course.root / "autograded" / student / assignment / f"{assignment}.ipynb"
    if not graded.is_file():
        raise CourseError(f"{student} has no autograded capstone ({graded} is missing): autograde it first.")
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise CourseError(f"{out} exists and is not a portfolio this command wrote: "
                              "choose an empty or new folder.")
        shutil.rmtree(out)
    (out / "data").mkdir(parents=True)
    (out / MARKER).write_text("Written by the course's portfolio export, "
                              "which replaces this folder when it runs again.\n")
    notebook = nbformat.read(graded, as_version=4)
    report = written_report(notebook) or "_The written report is still empty._"
    notebook = public_notebook(notebook, settings.title)
    figures = extract_figures(notebook, out / "figures")
    nbformat.write(notebook, out / "income_prediction.ipynb")
    for part in ("train", "test"):
        shutil.copyfile(PACKAGE_DATA / f"{part}.csv", out / "data" / f"{part}.csv")
    best = counted_file(course, student)
    results = ("| model | public ROC-AUC | private ROC-AUC |\n|---|---|---|\n"
               f"| baseline (logistic regression, numeric columns) | {settings.baseline_public_auc:.3f} "
               f"| {settings.baseline_auc:.3f} |\n"
               + (f"| this project | {best.public_auc:.3f} | {best.private_auc:.3f} |\n" if best else
                  "| this project | not scored yet | not scored yet |\n"))
    shown = ("\n".join(f"![Figure {i}](figures/{p.name})" for i, p in enumerate(figures, start=1))
             or "_No figures yet._")
    (out / "README.md").write_text(f"""# {settings.title}

A binary classifier that ranks people by their probability of earning more than $50K a year,
built as the capstone of a hands-on machine-learning course (a Kaggle-style competition with a
hidden test set, scored by ROC-AUC).

## Report

{report}

## Results

Scores on the competition's hidden test set (public: a fixed ~30% of its rows; private: the rest):

{results}
## Figures

{shown}

## Data

{settings.data_credit} `data/train.csv` has 22,792 people with their income class; \
`data/test.csv` has 9,769 without it.

## Reproduce

```
pip install -r requirements.txt
jupyter lab income_prediction.ipynb
```

See `MODEL_CARD.md` for the model's intended use and limits.
""", encoding="utf-8")
    (out / "requirements.txt").write_text(
        "".join(f"{name}=={metadata.version(name)}\n" for name in REQUIREMENTS), encoding="utf-8")
    performance = (f"private ROC-AUC {best.private_auc:.3f} on the held-out private rows "
                   f"(public {best.public_auc:.3f})" if best else "not scored yet")
    (out / "MODEL_CARD.md").write_text(f"""# Model card: income above $50K

- **Model**: a scikit-learn pipeline (preprocessing and classifier) defined in `income_prediction.ipynb`.
- **Task**: estimate P(income > $50K) from 13 census answers; evaluated by ROC-AUC.
- **Training data**: `data/train.csv`, the 1994 US Census extract known as *Adult* \
(see the README for the credit and license).
- **Performance**: {performance}; baseline {settings.baseline_auc:.3f}.
- **Intended use**: learning and demonstration. Not for decisions about real people.
- **Ethical considerations**: `gender` and `race` are inputs, and marital status, relationship and \
occupation act as
  proxies for them; the data carries 1994 pay gaps. Error and selection rates per group must be \
compared before any use.
- **Caveats**: 30-year-old, self-reported data from one country; ROC-AUC measures ranking, not calibration.
""", encoding="utf-8")
    return out
