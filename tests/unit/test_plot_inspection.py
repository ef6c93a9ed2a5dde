"""plot_inspection: what each reader reports about small matplotlib figures drawn here, right and wrong.

Figures are drawn with the Agg backend and closed after each test; no pixels are compared.
"""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib import colormaps

from mlcourse import plot_inspection as pi
from mlcourse.exercise import Mistake


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


class FacetGrid:
    """Stands in for a seaborn grid: the readers recognise one by its ``figure`` and ``axes``."""

    def __init__(self):
        self.figure, self.axes = plt.subplots(1, 2)


# --- what a plotting function returned ---------------------------------------------------------


def test_single_axes_accepts_an_axes_or_a_figure_with_one_panel():
    fig, ax = plt.subplots()
    assert pi.single_axes(ax, "plot") is ax
    assert pi.single_axes(fig, "plot") is ax


def test_single_axes_says_a_missing_return_was_forgotten():
    with pytest.raises(Mistake, match=r"`plot` returned None: did you forget `return ax`"):
        pi.single_axes(None, "plot")


def test_single_axes_refuses_a_figure_with_several_panels():
    fig, _ = plt.subplots(1, 3)
    with pytest.raises(Mistake, match=r"returned a Figure with 3 panels: draw one chart on one Axes"):
        pi.single_axes(fig, "plot")


def test_single_axes_refuses_the_array_of_axes_from_subplots():
    _, axes = plt.subplots(1, 2)
    with pytest.raises(Mistake, match=r"`plot` returned a numpy ndarray; it should return the matplotlib "
                                      r"Axes \(`ax`\)\."):
        pi.single_axes(axes, "plot")


def test_single_axes_refuses_a_grid_of_panels_and_names_its_type():
    with pytest.raises(Mistake, match=r"returned a seaborn FacetGrid, a grid of panels: use an Axes-level"):
        pi.single_axes(FacetGrid(), "plot")


def test_single_axes_describes_a_plain_python_value_with_its_article():
    with pytest.raises(Mistake, match=r"`plot` returned 3 \(an int\); it should return"):
        pi.single_axes(3, "plot")
    with pytest.raises(Mistake, match=r"`plot` returned 'done' \(a str\)"):
        pi.single_axes("done", "plot")


def test_whole_figure_accepts_a_figure_and_refuses_one_axes():
    fig, axes = plt.subplots(1, 2)
    assert pi.whole_figure(fig, "panels") is fig
    with pytest.raises(Mistake, match=r"returned one Axes; return the whole Figure"):
        pi.whole_figure(axes[0], "panels")


def test_whole_figure_refuses_none_a_grid_and_other_values():
    with pytest.raises(Mistake, match=r"`panels` returned None: did you forget `return fig`"):
        pi.whole_figure(None, "panels")
    with pytest.raises(Mistake, match=r"returned a seaborn FacetGrid: return its matplotlib Figure, "
                                      r"`grid\.figure`"):
        pi.whole_figure(FacetGrid(), "panels")
    with pytest.raises(Mistake, match=r"returned \[1, 2\] \(a list\); it should return a matplotlib Figure"):
        pi.whole_figure([1, 2], "panels")


def test_closing_new_figures_closes_only_the_figures_opened_inside_even_on_failure():
    before = plt.figure()
    with pytest.raises(Mistake):
        with pi.closing_new_figures():
            plt.figure()
            plt.figure()
            raise Mistake("the check failed")
    assert plt.get_fignums() == [before.number]


# --- labels -------------------------------------------------------------------------------------


@pytest.mark.parametrize("label, unit", [("Body mass (g)", "g"), ("Time (hours per week)", "hours"),
                                         ("Flipper length ( mm )", "mm")])
def test_has_unit_finds_a_unit_in_brackets(label, unit):
    assert pi.has_unit(label, unit)


@pytest.mark.parametrize("label, unit", [("Body mass", "g"), ("Body mass (kg)", "g"),
                                         ("Body mass (grams)", "g"), ("Body mass g", "g"), ("", "mm")])
def test_has_unit_rejects_a_label_without_that_unit_in_brackets(label, unit):
    assert not pi.has_unit(label, unit)


# --- bars and histograms ------------------------------------------------------------------------


def test_bar_values_map_each_category_to_its_bar_height():
    _, ax = plt.subplots()
    ax.bar(["Adelie", "Chinstrap", "Gentoo"], [3700, 3733, 5076])
    assert pi.bar_values(ax) == {"Adelie": 3700, "Chinstrap": 3733, "Gentoo": 5076}
    assert pi.bar_heights(ax).tolist() == [3700.0, 3733.0, 5076.0]


def test_bar_values_read_a_pandas_bar_chart():
    _, ax = plt.subplots()
    pd.Series([152, 68], index=["Biscoe", "Dream"]).plot.bar(ax=ax)
    assert pi.bar_values(ax) == {"Biscoe": 152, "Dream": 68}


def test_bar_values_of_horizontal_bars_need_horizontal_true():
    _, ax = plt.subplots()
    ax.barh(["a", "b"], [4, 5])
    assert pi.bar_values(ax, horizontal=True) == {"a": 4, "b": 5}
    assert set(pi.bar_values(ax)) != {"a", "b"}  # read as vertical bars, the categories are lost


def test_bar_values_report_a_bar_between_labelled_ticks_under_a_question_mark():
    _, ax = plt.subplots()
    ax.bar([0, 0.5], [1, 2], width=0.4)
    ax.set_xticks([0], ["only"])
    assert pi.bar_values(ax) == {"only": 1, "?": 2}


def test_bar_heights_of_a_histogram_are_its_counts_left_to_right():
    _, ax = plt.subplots()
    ax.hist([3, 1, 1, 2, 3, 3], bins=[0.5, 1.5, 2.5, 3.5])
    assert pi.bar_heights(ax).tolist() == [2.0, 1.0, 3.0]
    assert [bar.get_x() for bar in pi.bars(ax)] == [0.5, 1.5, 2.5]


def test_a_chart_without_bars_has_none():
    _, ax = plt.subplots()
    ax.plot([1, 2, 3], [1, 4, 9])
    ax.scatter([1], [1])
    assert pi.bars(ax) == [] and pi.bar_heights(ax).size == 0 and pi.bar_values(ax) == {}


def test_a_step_histogram_draws_no_rectangles():
    _, ax = plt.subplots()
    ax.hist([1, 2, 2, 3], bins=3, histtype="step")
    assert pi.bars(ax) == []


# --- scatter points, lines, annotations ---------------------------------------------------------


def test_scatter_points_give_coordinates_and_one_colour_per_point():
    _, ax = plt.subplots()
    ax.scatter([1, 2], [3, 4], c=["red", "blue"])
    ax.scatter([5], [6], color="green")
    points, colours = pi.scatter_points(ax)
    assert points.tolist() == [[1, 3], [2, 4], [5, 6]]
    assert colours.shape == (3, 3)
    assert np.allclose(colours[:2], [[1, 0, 0], [0, 0, 1]])
    assert np.allclose(colours[2], matplotlib.colors.to_rgb("green"))


def test_scatter_points_leave_out_points_with_a_missing_coordinate_and_read_hollow_markers_edges():
    _, ax = plt.subplots()
    ax.scatter([1, np.nan, 3], [1, 2, np.nan], facecolors="none", edgecolors="red")
    ax.scatter([4, 5], [4, 5], facecolors="none", edgecolors="blue")
    points, colours = pi.scatter_points(ax)
    assert points.tolist() == [[1, 1], [4, 4], [5, 5]]
    assert np.allclose(colours, [[1, 0, 0], [0, 0, 1], [0, 0, 1]])


def test_a_line_chart_has_no_scatter_points():
    _, ax = plt.subplots()
    ax.plot([1, 2, 3], [3, 2, 1], "o")
    points, colours = pi.scatter_points(ax)
    assert points.shape == (0, 2) and colours.shape == (0, 3)


def test_data_lines_skip_two_point_reference_lines():
    _, ax = plt.subplots()
    ax.plot([0, 1, 2, 3], [0, 1, 4, 9])
    ax.axhline(2.5)
    ax.plot([0, 3], [0, 9])
    lines = pi.data_lines(ax)
    assert len(lines) == 1 and lines[0].tolist() == [[0, 0], [1, 1], [2, 4], [3, 9]]
    assert len(pi.data_lines(ax, min_points=2)) == 3


def test_horizontal_lines_find_axhline_and_flat_segments_but_not_slopes():
    _, ax = plt.subplots()
    ax.axhline(0.5)
    ax.plot([0, 10], [2, 2])
    ax.plot([0, 10], [0, 1])
    ax.axvline(3)
    ax.plot([0, 1, 2], [7, 7, 7])
    assert pi.horizontal_lines(ax) == [0.5, 2.0]


def test_annotations_are_the_annotate_calls_not_plain_text():
    _, ax = plt.subplots()
    ax.text(0, 0, "plain text")
    ax.annotate("peak", xy=(1, 2), xytext=(2, 3), arrowprops={"arrowstyle": "->"})
    ax.annotate("dip", xy=(3, 0))
    assert [a.get_text() for a in pi.annotations(ax)] == ["peak", "dip"]
    assert pi.annotations(ax)[0].xy == (1, 2)


def test_legend_labels_of_an_axes_and_of_a_whole_figure():
    fig, (left, right) = plt.subplots(1, 2)
    assert pi.legend_labels(left) == []
    left.plot([1, 2], label="train")
    left.plot([2, 1], label="test")
    left.legend()
    right.scatter([1], [1], label="points")
    fig.legend(["figure-wide"])
    assert pi.legend_labels(left) == ["train", "test"]
    assert pi.legend_labels(right) == []
    assert pi.legend_labels(fig) == ["figure-wide", "train", "test"]


# --- box plots ----------------------------------------------------------------------------------


def test_median_marked_finds_the_median_line_of_the_box_at_its_position():
    _, ax = plt.subplots()
    ax.boxplot([[1, 2, 3, 4, 5, 100], [10, 20, 30]], positions=[0, 1])
    assert pi.median_marked(ax, 0, 3.5)
    assert pi.median_marked(ax, 1, 20)
    assert not pi.median_marked(ax, 1, 3.5)  # that median is at another position
    assert not pi.median_marked(ax, 0, 4.0)
    assert not pi.median_marked(ax, 2, 20)


def test_median_marked_is_false_without_a_box_plot():
    _, ax = plt.subplots()
    ax.bar([0], [3.5])
    assert not pi.median_marked(ax, 0, 3.5)



def test_median_marked_does_not_mistake_a_whisker_cap_for_the_median():
    _, ax = plt.subplots()
    ax.boxplot([[1, 2, 3, 4, 5, 100]], positions=[0])  # caps at 1 and 5, median 3.5
    assert not pi.median_marked(ax, 0, 5)


# --- colours ------------------------------------------------------------------------------------


def test_colourblind_palette_viridis_and_cividis_colours_are_safe():
    assert pi.is_colourblind_safe("#0173b2")
    assert pi.is_colourblind_safe((0.0907, 0.4260, 0.6113))  # seaborn's desaturated bar colour of #0173b2
    assert pi.is_colourblind_safe(colormaps["viridis"](0.5))
    assert pi.is_colourblind_safe(colormaps["cividis"](0.9))


@pytest.mark.parametrize("colour", ["red", "green", "tab:blue", "#00ff00", (0.5, 0.5, 0.5)])
def test_default_and_pure_colours_are_not_colourblind_safe(colour):
    assert not pi.is_colourblind_safe(colour)


def test_distinct_colours_merge_spellings_of_one_colour():
    found = pi.distinct_colours(["red", (1, 0, 0), "#ff0000", "blue", (0.0001, 0, 1)])
    assert [tuple(float(v) for v in c) for c in found] == [(0.0, 0.0, 1.0), (1.0, 0.0, 0.0)]


def test_red_and_green_needs_a_strong_red_and_a_strong_green():
    assert pi.red_and_green(["red", "green"])
    assert pi.red_and_green(["tab:red", "tab:green", "tab:blue"])
    assert not pi.red_and_green(["red", "blue"])
    assert not pi.red_and_green(["#0173b2", "#de8f05", "#029e73"])  # the colorblind palette's first three
    assert not pi.red_and_green(["#ffe0e0", "#e0ffe0"])  # pale tints are not strong colours
