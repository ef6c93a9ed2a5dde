"""The capstone leaderboard: every learner's best scored submission, ranked, as CSV and HTML.

Ranks follow the private ROC-AUC (the final standing); equal scores share a rank ("1, 2, 2, 4").
Each row also shows the public score learners saw during the competition, how many files the
learner had scored (invalid ones included) and a flag for scores too good to be plausible:
the full Adult data is public, so a near-perfect score usually means the labels were looked up.
"""
from __future__ import annotations

import base64
import csv
import html
import io
from dataclasses import dataclass
from pathlib import Path

from mlcourse.instructor.competition import BASELINE_AUC, FULL_MARKS_AUC, IMPLAUSIBLE_AUC
from mlcourse.instructor.course import Course
from mlcourse.instructor.scoring import Scored, history

FLAG = (f"review: ROC-AUC above {IMPLAUSIBLE_AUC} (the best published results on this data are about 0.93; "
        "were the public labels looked up?)")


@dataclass(frozen=True)
class Standing:
    rank: int | None
    student: str
    public_auc: float | None
    private_auc: float | None
    points: float
    submissions: int
    flag: str


def standings(entries: list[Scored]) -> list[Standing]:
    """One row per learner, best private score first; learners with no valid file come last, unranked."""
    by_student: dict[str, list[Scored]] = {}
    for entry in entries:
        by_student.setdefault(entry.student, []).append(entry)
    rows = []
    for student, own in by_student.items():
        scored = [e for e in own if e.status == "scored"]
        # The best file: highest private score; on a tie, the earlier one.
        best = max(scored, key=lambda e: (e.private_auc, -own.index(e)), default=None)
        if best is None:
            rows.append(Standing(None, student, None, None, 0.0, len(own), f"no valid submission: {own[-1].message}"))
            continue
        implausible = max(best.public_auc, best.private_auc) > IMPLAUSIBLE_AUC
        rows.append(Standing(None, student, best.public_auc, best.private_auc, best.points, len(own),
                             FLAG if implausible else ""))
    rows.sort(key=lambda r: (r.private_auc is None, -(r.private_auc or 0), r.student))
    ranked, previous, rank = [], None, 0
    for position, row in enumerate(rows, start=1):
        if row.private_auc is not None:
            key = round(row.private_auc, 6)
            rank = rank if key == previous else position
            previous = key
            row = Standing(rank, *list(row.__dict__.values())[1:])
        ranked.append(row)
    return ranked


def write_csv(rows: list[Standing], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["rank", "student", "public_auc", "private_auc", "points", "submissions", "flag"])
        for r in rows:
            writer.writerow(["" if r.rank is None else r.rank, r.student,
                             "" if r.public_auc is None else f"{r.public_auc:.4f}",
                             "" if r.private_auc is None else f"{r.private_auc:.4f}",
                             f"{r.points:g}", r.submissions, r.flag])


def _chart(rows: list[Standing]) -> str:
    """A horizontal bar chart of private scores with the pass and full-marks lines, as a PNG data URI."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ranked = [r for r in rows if r.private_auc is not None][::-1]
    fig, ax = plt.subplots(figsize=(7, 0.4 * len(ranked) + 1.5))
    colors = ["#d55e00" if r.flag else "#0072b2" for r in ranked]  # colour-blind-safe (Okabe-Ito)
    ax.barh([r.student for r in ranked], [r.private_auc for r in ranked], color=colors)
    ax.axvline(BASELINE_AUC, color="#555555", linestyle="--", label=f"baseline {BASELINE_AUC}: beat it to pass")
    ax.axvline(FULL_MARKS_AUC, color="#009e73", linestyle=":", label=f"full marks {FULL_MARKS_AUC}")
    ax.set_xlim(0.5, 1.0)
    ax.set_xlabel("private ROC-AUC")
    ax.set_title("Capstone leaderboard (orange: flagged for review)")
    ax.legend(loc="lower right", fontsize="small")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90)
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def write_html(rows: list[Standing], path: Path) -> None:
    cell = lambda v: f"<td>{html.escape(str(v))}</td>"  # noqa: E731
    body = "\n".join(
        "<tr>" + cell("" if r.rank is None else r.rank) + cell(r.student)
        + cell("" if r.public_auc is None else f"{r.public_auc:.4f}")
        + cell("" if r.private_auc is None else f"{r.private_auc:.4f}")
        + cell(f"{r.points:g}") + cell(r.submissions) + cell(r.flag) + "</tr>" for r in rows)
    chart = f'<img alt="bar chart of private ROC-AUC per learner" src="{_chart(rows)}">' if any(
        r.private_auc is not None for r in rows) else "<p>No valid submission yet.</p>"
    path.write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Capstone leaderboard</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left}}</style></head>
<body><h1>Capstone leaderboard</h1>
<p>Metric: ROC-AUC of <code>income &gt; 50K</code>. Public: the fixed ~30% of the test rows shown during the
competition; private: the rest, which sets the rank and the points (baseline {BASELINE_AUC} = pass,
{FULL_MARKS_AUC} = full marks).</p>
{chart}
<table><thead><tr><th>rank</th><th>learner</th><th>public</th><th>private</th><th>points</th>
<th>submissions</th><th>flag</th></tr></thead>
<tbody>
{body}
</tbody></table></body></html>
""", encoding="utf-8")


def build_leaderboard(course: Course, out: Path | None = None) -> tuple[list[Standing], Path, Path]:
    """Rank the competition's history; write ``leaderboard.csv`` and ``leaderboard.html`` into ``out``."""
    rows = standings(history(course))
    out = out or course.root / "competition"
    out.mkdir(parents=True, exist_ok=True)
    write_csv(rows, out / "leaderboard.csv")
    write_html(rows, out / "leaderboard.html")
    return rows, out / "leaderboard.csv", out / "leaderboard.html"


def leaderboard_table(rows: list[Standing]) -> str:
    """The leaderboard as aligned text, for the terminal."""
    lines = [f"{'rank':>4}  {'learner':<12} {'public':>7} {'private':>7} {'points':>6} {'files':>5}  flag"]
    for r in rows:
        lines.append(f"{'' if r.rank is None else r.rank:>4}  {r.student:<12} "
                     f"{'' if r.public_auc is None else f'{r.public_auc:.4f}':>7} "
                     f"{'' if r.private_auc is None else f'{r.private_auc:.4f}':>7} {r.points:>6g} "
                     f"{r.submissions:>5}  {r.flag}")
    return "\n".join(lines)
