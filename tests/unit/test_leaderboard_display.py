"""The leaderboard as people read it: readable headers in the terminal and on the page (the CSV keeps its
machine-readable columns), and a chart large enough to read whose legend covers no bar."""
from __future__ import annotations

import base64
import csv
import io
import re

import matplotlib
import matplotlib.image
import pytest
from matplotlib.text import Text

from mlcourse.instructor.course import Course
from mlcourse.instructor.leaderboard import (
    CHART_DPI,
    Standing,
    _chart,
    chart_figure,
    leaderboard_table,
    write_csv,
    write_html,
)
from tests.conftest import REPO

matplotlib.use("Agg")

SETTINGS = Course.at(REPO).competition()


def standing(rank, student, public, private, flag=""):
    return Standing(rank, student, public, private, 5.0, 1, flag)


# Scores near the top of the axis: the bars reach the lower right, where a legend inside the axes sat.
ROWS = [standing(1, "zoe", 0.985, 0.98, "review: ROC-AUC above 0.97"), standing(2, "ana", 0.95, 0.94),
        standing(3, "bo", 0.93, 0.92),
        standing(None, "gil", None, None, "no valid submission: not a CSV file.")]


def png_size(data_uri: str) -> tuple[int, int]:
    height, width, _ = matplotlib.image.imread(io.BytesIO(base64.b64decode(data_uri.split(",", 1)[1]))).shape
    return width, height


@pytest.mark.parametrize("public", [False, True])
def test_the_chart_is_at_least_1200_px_wide(public):
    width, height = png_size(_chart(ROWS, SETTINGS, public))
    assert width >= 1200 and height >= 300


@pytest.mark.parametrize("public", [False, True])
def test_the_legend_covers_no_bar(public):
    fig = chart_figure(ROWS, SETTINGS, public)
    fig.set_dpi(CHART_DPI)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    (ax,) = fig.axes
    legends = [*fig.legends, *([ax.get_legend()] if ax.get_legend() else [])]
    assert legends, "the chart explains its lines"
    bars = [bar.get_window_extent(renderer) for bar in ax.patches]
    assert len(bars) == 3
    for legend in legends:
        box = legend.get_window_extent(renderer)
        assert not any(box.overlaps(bar) for bar in bars), (box, bars)


@pytest.mark.parametrize("public", [False, True])
def test_every_text_of_the_chart_is_at_least_11_pt(public):
    fig = chart_figure(ROWS, SETTINGS, public)
    fig.canvas.draw()
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    assert {"zoe", "ana", "bo"} <= {t.get_text() for t in texts}
    assert min(t.get_fontsize() for t in texts) >= 11


def test_the_terminal_table_has_readable_headers():
    header = leaderboard_table(ROWS).splitlines()[0]
    assert header == "rank  learner       public AUC  submissions  private AUC  points  flag"
    assert "_" not in header
    public = leaderboard_table(ROWS, public=True).splitlines()[0]
    assert public == "rank  learner       public AUC  submissions"


def test_the_page_has_readable_headers_and_a_chart_that_fits_it(tmp_path):
    write_html(ROWS, tmp_path / "board.html", SETTINGS)
    page = (tmp_path / "board.html").read_text(encoding="utf-8")
    assert re.findall(r"<th>(.*?)</th>", page) == ["Rank", "Learner", "Public AUC", "Submissions",
                                                   "Private AUC", "Points", "Flag"]
    assert 'style="max-width:100%;height:auto"' in page


def test_the_csv_keeps_its_machine_readable_columns(tmp_path):
    write_csv(ROWS, tmp_path / "board.csv")
    with (tmp_path / "board.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["rank", "learner", "public_auc", "submissions", "private_auc", "points", "flag"]
    assert rows[0]["public_auc"] == "0.9850"
