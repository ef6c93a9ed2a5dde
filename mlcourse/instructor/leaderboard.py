"""The capstone leaderboard: every learner's best scored submission, ranked, as CSV and HTML.

A learner's standing is their selected file: the one with the best public score (the earlier on a
tie), as on Kaggle when nobody picks, so that trying many files never lets anyone fish in the
private split. The instructor's board ranks by that file's private ROC-AUC (the final standing);
equal scores share a rank ("1, 2, 2, 4"). Each row also shows the public score learners saw during
the competition, the points, how many files the learner had scored (invalid ones included) and a
flag for scores too good to be plausible (far above the course's own reference solution: a leaked
labels file?), below chance (probabilities of the wrong class?), or a
file identical to another learner's. The public board, to share with learners while the competition
runs, ranks by the public score alone and shows nothing of the private split, as on Kaggle.
"""

from __future__ import annotations

import base64
import csv
import html
import io
from dataclasses import dataclass, replace
from pathlib import Path

from mlcourse.data import competition_scale
from mlcourse.instructor.competition import Competition
from mlcourse.instructor.course import Course
from mlcourse.instructor.scoring import Scored, history, selected


@dataclass(frozen=True)
class Standing:
    rank: int | None
    student: str
    public_auc: float | None
    private_auc: float | None
    points: float
    submissions: int
    flag: str


def _auc(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


# (CSV column, header people read, value shown) per column; the public board keeps only the first four.
# The CSV keeps machine-readable names; the terminal table and the HTML page show the readable headers.
COLUMNS = [
    ("rank", "rank", lambda r: "" if r.rank is None else str(r.rank)),
    ("learner", "learner", lambda r: r.student),
    ("public_auc", "public AUC", lambda r: _auc(r.public_auc)),
    ("submissions", "submissions", lambda r: str(r.submissions)),
    ("private_auc", "private AUC", lambda r: _auc(r.private_auc)),
    ("points", "points", lambda r: f"{r.points:g}"),
    ("flag", "flag", lambda r: r.flag),
]


def columns(public: bool):
    return COLUMNS[:4] if public else COLUMNS


def flags(best: Scored, entries: list[Scored], settings: Competition) -> str:
    """What the instructor should look at in a learner's selected file, or ""."""
    found = []
    if max(best.public_auc, best.private_auc) > settings.implausible_auc:
        reference = competition_scale()["reference_private_auc"]
        found.append(f"review: ROC-AUC above {settings.implausible_auc} (the course's reference solution "
                     f"reaches {reference} on this data; were the test labels leaked?)")
    if best.private_auc < 0.5:
        found.append("below chance: are these the probabilities of the other class (predict_proba column 0)?")
    twins = sorted({e.student for e in entries if e.sha256 == best.sha256 and e.student != best.student})
    if twins:
        found.append(f"identical file to {', '.join(twins)}'s")
    return "; ".join(found)


def standings(entries: list[Scored], settings: Competition, by: str = "private") -> list[Standing]:
    """One row per learner ranked by their selected file's ``by`` score ("private" or "public");
    learners with no valid file come last, unranked."""
    score = lambda item: getattr(item, f"{by}_auc")  # noqa: E731
    by_student: dict[str, list[Scored]] = {}
    for entry in entries:
        by_student.setdefault(entry.student, []).append(entry)
    rows = []
    for student, own in by_student.items():
        best = selected(own)
        if best is None:
            rows.append(Standing(None, student, None, None, 0.0, len(own),
                                 f"no valid submission: {own[-1].message}"))
            continue
        rows.append(Standing(None, student, best.public_auc, best.private_auc, best.points, len(own),
                             flags(best, entries, settings)))
    rows.sort(key=lambda r: (score(r) is None, -(score(r) or 0), r.student))
    ranked, previous, rank = [], None, 0
    for position, row in enumerate(rows, start=1):
        if score(row) is not None:
            key = round(score(row), 6)
            rank = rank if key == previous else position
            previous = key
            row = replace(row, rank=rank)
        ranked.append(row)
    return ranked


def write_csv(rows: list[Standing], path: Path, public: bool = False) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([name for name, _, _ in columns(public)])
        writer.writerows([[shown(r) for _, _, shown in columns(public)] for r in rows])


#: The chart's resolution and type sizes: 12 inches at 110 dpi is 1320 px wide, and text of 12 to 15 pt
#: is 18 to 23 px tall, readable when a browser scales the image down to its page.
CHART_DPI = 110
CHART_WIDTH_IN = 12
TEXT_PT, TITLE_PT = 12, 15


def chart_figure(rows: list[Standing], settings: Competition, public: bool):
    """The leaderboard chart as a matplotlib figure: a horizontal bar per ranked learner with the pass
    and full-marks lines, and the legend below the axes, where it covers no bar."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    score = (lambda r: r.public_auc) if public else (lambda r: r.private_auc)
    ranked = [r for r in rows if score(r) is not None][::-1]
    fig, ax = plt.subplots(figsize=(CHART_WIDTH_IN, 0.45 * len(ranked) + 2.8), layout="constrained")
    # colour-blind-safe (Okabe-Ito)
    colors = ["#d55e00" if r.flag and not public else "#0072b2" for r in ranked]
    ax.barh([r.student for r in ranked], [score(r) for r in ranked], color=colors)
    baseline = settings.baseline_public_auc if public else settings.baseline_auc
    ax.axvline(baseline, color="#555555", linestyle="--",
               label=f"baseline {baseline}" + ("" if public else ": beat it to pass"))
    if not public:
        ax.axvline(settings.full_marks_auc, color="#009e73", linestyle=":",
                   label=f"full marks {settings.full_marks_auc}")
    ax.set_xlim(min(0.5, min(score(r) for r in ranked) - 0.05), 1.0)
    ax.tick_params(labelsize=TEXT_PT)
    ax.set_xlabel(f"{'public' if public else 'private'} ROC-AUC", fontsize=TEXT_PT + 1)
    ax.set_title("Capstone leaderboard" + ("" if public else " (orange: flagged for review)"),
                 fontsize=TITLE_PT)
    # Outside the axes, under them: the legend never covers a bar, however many learners there are.
    fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=2, frameon=False,
               fontsize=TEXT_PT)
    return fig


def _chart(rows: list[Standing], settings: Competition, public: bool) -> str:
    """The leaderboard chart (:func:`chart_figure`) as a PNG data URI."""
    import matplotlib.pyplot as plt

    fig = chart_figure(rows, settings, public)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=CHART_DPI)
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def write_html(rows: list[Standing], path: Path, settings: Competition, public: bool = False) -> None:
    head = "".join(f"<th>{html.escape(header[:1].upper() + header[1:])}</th>"
                   for _, header, _ in columns(public))
    body = "\n".join("<tr>" + "".join(f"<td>{html.escape(shown(r))}</td>" for _, _, shown in columns(public))
                     + "</tr>" for r in rows)
    has_scores = any(r.public_auc is not None for r in rows)
    chart = (f'<img alt="bar chart of ROC-AUC per learner" style="max-width:100%;height:auto" '
             f'src="{_chart(rows, settings, public)}">'
             if has_scores else "<p>No valid submission yet.</p>")
    about = ("Public: the score on a fixed ~30% of the test rows. The final ranking uses the other 70%, "
             "revealed when the competition ends." if public else
             "Public: the fixed ~30% of the test rows shown during the competition; "
             "private: the rest, which sets the rank and the points (beat the baseline's "
             f"{settings.baseline_auc} to pass, {settings.full_marks_auc} = full marks).")
    path.write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Capstone leaderboard</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left}}</style></head>
<body><h1>Capstone leaderboard</h1>
<p>Metric: ROC-AUC of <code>income &gt; 50K</code>. {about}</p>
{chart}
<table><thead><tr>{head}</tr></thead>
<tbody>
{body}
</tbody></table></body></html>
""", encoding="utf-8")


def build_leaderboard(course: Course, out: Path | None = None,
                      public: bool = False) -> tuple[list[Standing], Path, Path]:
    """Rank the competition's history into ``out``: ``leaderboard.csv``/``.html``, or for the
    learners' board ``public_leaderboard.csv``/``.html``."""
    settings = course.competition()
    rows = standings(history(course), settings, by="public" if public else "private")
    out = out or course.root / "competition"
    out.mkdir(parents=True, exist_ok=True)
    name = "public_leaderboard" if public else "leaderboard"
    write_csv(rows, out / f"{name}.csv", public)
    write_html(rows, out / f"{name}.html", settings, public)
    return rows, out / f"{name}.csv", out / f"{name}.html"


def leaderboard_table(rows: list[Standing], public: bool = False) -> str:
    """The leaderboard as aligned text, for the terminal."""
    widths = {"rank": 4, "learner": 12, "public_auc": 10, "submissions": 11, "private_auc": 11, "points": 6}
    lines = ["  ".join(f"{header:<{widths.get(name, 0)}}" for name, header, _ in columns(public)).rstrip()]
    for r in rows:
        lines.append("  ".join(f"{shown(r):<{widths.get(name, 0)}}"
                               for name, _, shown in columns(public)).rstrip())
    return "\n".join(lines)
