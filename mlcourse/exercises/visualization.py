"""Checks and hints for the assignment "Data visualization" (source/visualization).

Each check calls the learner's plotting function on a small hand-made table shaped like the
penguins or the cleaned Adult census data, then reads the chart it returns as objects (bars,
points, lines, labels, legend, colours: see mlcourse.plot_inspection), never as pixels. The
exact values on the real data are checked only by the hidden tests.
"""

import numpy as np
import pandas as pd

from mlcourse.exercise import VISUALIZATION, Mistake, call, exercise, expect
from mlcourse.plot_inspection import (
    annotations,
    bar_heights,
    bar_values,
    bars,
    closing_new_figures,
    data_lines,
    distinct_colours,
    has_unit,
    horizontal_lines,
    is_colourblind_safe,
    legend_labels,
    median_marked,
    red_and_green,
    scatter_points,
    single_axes,
    whole_figure,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]

SPECIES = ("Adelie", "Chinstrap", "Gentoo")
ISLANDS = ("Biscoe", "Dream", "Torgersen")
MEASURES = ("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g")
EXAMPLE_LABELS = {"g": "'Body mass (g)'", "mm": "'Flipper length (mm)'", "%": "'Earning >50K (%)'",
                  "years": "'Age (years)'", "hours": "'Hours worked (hours per week)'"}
PANELS = ("the top-left panel (axes[0, 0])", "the top-right panel (axes[0, 1])",
          "the bottom-left panel (axes[1, 0])", "the bottom-right panel (axes[1, 1])")


def _toy_penguins() -> pd.DataFrame:
    """30 made-up penguins with the columns of ``load_penguins()``; one bird was not measured."""
    rng = np.random.default_rng(7)
    species = ["Adelie"] * 12 + ["Gentoo"] * 10 + ["Chinstrap"] * 8
    rows = []
    for i, kind in enumerate(species):
        rows.append(_toy_bird(rng, kind, ISLANDS[(i * 7) % 3] if kind == "Adelie"
                              else ("Biscoe" if kind == "Gentoo" else "Dream"), i))
    frame = pd.DataFrame(rows)
    frame.loc[3, ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"]] = np.nan
    return frame


def _toy_bird(rng, kind: str, island: str, i: int) -> dict:
    """One made-up penguin of species ``kind`` on ``island``, measured around its species' average."""
    bill, depth, flipper, mass = {"Adelie": (38.8, 18.3, 190.0, 3700.0),
                                  "Gentoo": (47.5, 15.0, 217.0, 5080.0),
                                  "Chinstrap": (48.8, 18.4, 196.0, 3730.0)}[kind]
    return {
        "species": kind, "island": island,
        "bill_length_mm": round(bill + rng.normal(0, 2.5), 1),
        "bill_depth_mm": round(depth + rng.normal(0, 1), 1),
        "flipper_length_mm": round(flipper + rng.normal(0, 6), 1),
        "body_mass_g": float(round(mass + rng.normal(0, 350), -1)),
        "sex": "female" if i % 2 else "male", "year": 2007 + i % 3,
    }


#: What the second made-up table of penguins is, as a message names it.
SECOND_PENGUINS = ("a second example (22 penguins of two species, Adelie and Gentoo, on two islands, Biscoe "
                   "and Dream, in no particular order; three weighed birds have no recorded sex)")


def _toy_penguins_second() -> pd.DataFrame:
    """A differently shaped table: 22 made-up penguins of two species (no Chinstrap) on two islands (no
    Torgersen), shuffled; three weighed birds have no recorded sex, one has no bill length."""
    rng = np.random.default_rng(23)
    rows = [_toy_bird(rng, "Gentoo", "Biscoe", i) for i in range(13)]
    rows += [_toy_bird(rng, "Adelie", ("Dream", "Biscoe")[i % 2], i) for i in range(9)]
    frame = pd.DataFrame(rows).sample(frac=1, random_state=5).reset_index(drop=True)
    mass = frame["body_mass_g"]
    middle = [i for i in mass.sort_values().index[3:-3]][:4]  # birds away from the lightest and heaviest
    frame.loc[middle[:3], "sex"] = np.nan
    frame.loc[middle[3], "bill_length_mm"] = np.nan
    return frame


def _toy_adult() -> pd.DataFrame:
    """80 made-up people with the columns of the cleaned Adult data (text stripped, "?" as NaN), sorted
    by age."""
    rng = np.random.default_rng(11)
    n = 80
    frame = pd.DataFrame({
        "age": rng.choice([19, 23, 28, 33, 38, 45, 52, 61, 70], size=n,
                          p=[.1, .15, .15, .15, .15, .1, .1, .05, .05]),
        "education-num": rng.choice([3, 7, 9, 10, 13, 14, 16], size=n),
        "gender": rng.choice(["Female", "Male"], size=n, p=[.35, .65]),
        "marital-status": rng.choice(["Divorced", "Married-civ-spouse", "Never-married", "Widowed"], size=n),
        "hours-per-week": rng.choice([15, 25, 38, 40, 40, 45, 50, 60], size=n),
    })
    score = (frame["age"] / 60 + frame["education-num"] / 16
             + (frame["marital-status"] == "Married-civ-spouse"))
    frame["income"] = np.where(score + rng.normal(0, 0.4, n) > 1.9, ">50K", "<=50K")
    frame.loc[[0, 1], "income"] = [">50K", "<=50K"]
    return frame.sort_values("age", kind="stable").reset_index(drop=True)


#: What the second made-up census table is, as a message names it.
SECOND_ADULT = ("a second example (60 people in no particular order, with an age and an education level "
                "at which nobody earns '>50K', and five marital statuses)")


def _toy_adult_second() -> pd.DataFrame:
    """A differently shaped census table: 60 people, shuffled, five marital statuses, other ages and
    education levels, and an age (20) and an education level (5) at which nobody earns >50K."""
    rng = np.random.default_rng(29)
    n = 60
    frame = pd.DataFrame({
        "age": rng.choice([20, 26, 31, 37, 44, 48, 57, 66], size=n),
        "education-num": rng.choice([5, 8, 9, 11, 12, 13, 15], size=n),
        "gender": rng.choice(["Female", "Male"], size=n, p=[.45, .55]),
        "marital-status": rng.choice(["Divorced", "Married-civ-spouse", "Never-married", "Separated",
                                      "Widowed"], size=n),
        "hours-per-week": rng.choice([10, 20, 32, 40, 40, 44, 55, 70, 80], size=n),
    })
    score = (frame["age"] / 55 + frame["education-num"] / 15
             + (frame["marital-status"] == "Married-civ-spouse"))
    frame["income"] = np.where(score + rng.normal(0, 0.4, n) > 1.8, ">50K", "<=50K")
    frame.loc[(frame["age"] == 20) | (frame["education-num"] == 5), "income"] = "<=50K"
    frame.loc[frame.index[frame["age"] == 57][:1], "income"] = ">50K"
    return frame


def _share(frame, by) -> pd.Series:
    """Percentage of people earning >50K in each group of ``by``."""
    return frame["income"].eq(">50K").groupby(frame[by]).mean() * 100


def _count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun`` as a reader says them: "1 panel", "3 panels", "1 colour", "2 colours"."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def _expect_labels(ax, *, x_unit=None, y_unit=None, where="the plot"):
    """Non-empty axis labels (with their unit, in brackets or after "in", where there is one) and a title."""
    for axis, label, unit in (("x", ax.get_xlabel(), x_unit), ("y", ax.get_ylabel(), y_unit)):
        expect(label.strip() != "",
               f"{where} has no {axis}-axis label: set one with `ax.set_{axis}label(...)`.")
        if unit:
            expect(has_unit(label, unit),
                   f"the {axis}-axis label of {where} is {label!r}: a reader needs the measure "
                   f"in words and its unit in brackets, '({unit})', as in {EXAMPLE_LABELS[unit]} "
                   f"('[{unit}]' or 'in {unit}' work too).")
    expect(ax.get_title().strip() != "",
           f"{where} has no title: say what the chart shows with `ax.set_title(...)`.")


def _expect_safe_colours(colours, where):
    colours = distinct_colours(colours)
    if all(is_colourblind_safe(c) for c in colours):
        return
    expect(not red_and_green(colours), f"{where} uses red and green together: about 1 man in 12 "
           "cannot tell them apart. Use seaborn's colour-blind-safe palette, `palette=\"colorblind\"`.")
    raise Mistake(f"the colours of {where} do not come from a colour-blind-safe palette: pass "
                  "`palette=\"colorblind\"` to seaborn "
                  "(or take colours from `sns.color_palette(\"colorblind\")` or viridis).")


def _expect_shares(values, expected, where, what, counts=None):
    """Bars that are the percentages ``expected`` (one per group, in order); ``counts`` are the group "
      "sizes."""
    values, expected = np.asarray(values, dtype=float), np.asarray(expected, dtype=float)
    expect(len(values) > 0, f"{where} has no bars.")
    nonzero = expected[expected != 0]
    if len(values) == len(nonzero) < len(expected) and np.allclose(values, nonzero):
        raise Mistake(f"{where} has no bar for the {what} at which nobody earns '>50K': its share is 0 %, "
                      "a real value that needs its bar too (of height 0). Is the share computed as a "
                      "division that leaves such a group missing (NaN)? Fill it with 0.")
    expect(len(values) == len(expected),
           f"{where} has {_count(len(values), 'bar')}; it needs one per {what} ({len(expected)}).")
    expect(not np.allclose(values, expected / 100),
           f"the bars of {where} are fractions between 0 and 1: multiply by 100 to show percentages.")
    expect(counts is None or not np.allclose(values, counts),
           f"the bars of {where} are the numbers of people in each {what}: show the percentage earning "
           "'>50K' in it instead.")
    expect(np.allclose(values, expected),
           f"each bar of {where} should be the percentage of people earning '>50K' in that {what}; "
           f"the bars are {np.round(values, 2).tolist()}, expected {np.round(expected, 2).tolist()} on this "
           "made-up example.")


@exercise("histogram of body mass", VISUALIZATION, hints=[
    "A histogram is one call, with seaborn or with matplotlib; it takes the number of bins as an argument. "
    "Then label both axes (with the unit) and give the chart a title.",
    "`sns.histplot(..., bins=20, ax=ax)` or `ax.hist(..., bins=20)` on the column 'body_mass_g'; birds "
    "without a mass are left out, but only those: every other bird keeps its bar.",
])
def q1(body_mass_histogram):
    with closing_new_figures():
        _check_histogram(body_mass_histogram, _toy_penguins(), "the example")
        _check_histogram(body_mass_histogram, _toy_penguins_second(), SECOND_PENGUINS)


def _check_histogram(body_mass_histogram, data, example):
    mass = data["body_mass_g"].dropna()
    ax = single_axes(call(body_mass_histogram, data), "body_mass_histogram")
    heights = bar_heights(ax)
    expect(len(heights) > 0, "the Axes has no bars: draw a histogram with `sns.histplot` or `ax.hist`.")
    expect(len(heights) == 20,
           f"the histogram has {_count(len(heights), 'bar')}; the exercise asks for 20 bins (`bins=20`).")
    complete = data.dropna()["body_mass_g"]
    if len(complete) < len(mass) and np.allclose(heights, np.histogram(complete, bins=20)[0]):
        raise Mistake(f"on {example}, your histogram counts {len(complete)} birds, the ones with no missing "
                      f"value at all, instead of the {len(mass)} weighed birds: `dropna()` without `subset=` "
                      "drops a bird when any of its columns is missing. Leave out only the birds without "
                      "a body mass.")
    edges = [p.get_x() for p in bars(ax)] + [bars(ax)[-1].get_x() + bars(ax)[-1].get_width()]
    if not (np.isclose(min(edges), mass.min()) and np.isclose(max(edges), mass.max())):
        other = [column for column in MEASURES if np.isclose(min(edges), data[column].min())
                 and np.isclose(max(edges), data[column].max())]
        expect(not other, f"the histogram shows '{other[0] if other else ''}'; the exercise asks for "
                          "'body_mass_g'.")
        raise Mistake(f"on {example}, the bins span {min(edges):g} to {max(edges):g}, but the body masses go "
                      f"from {mass.min():g} to {mass.max():g}: the 20 bins should cover exactly the weighed "
                      "birds' masses (no other range or column).")
    expect(not np.isclose(heights.sum(), 100) and not np.isclose((heights * np.diff(edges)).sum(), 1),
           "the bars show percentages or densities: keep the default, a count of penguins per bin.")
    counts, _ = np.histogram(mass, bins=20)
    expect(np.allclose(heights, counts), f"on {example}, each bar's height should be the number of penguins "
           f"in its bin (all {len(mass)} weighed birds); the bars add up to {heights.sum():g}.")
    _expect_labels(ax, x_unit="g", where="the histogram")


@exercise("scatter plot coloured by species", VISUALIZATION, hints=[
    "seaborn's scatter plot can colour the points by a column (its `hue`), and its `palette` argument "
    "chooses the colours.",
    "`sns.scatterplot(..., hue=\"species\", palette=\"colorblind\", ax=ax)` also draws the legend; "
    "a bird is left out only if its flipper length or its body mass is missing.",
])
def q2(flipper_mass_scatter):
    with closing_new_figures():
        _check_scatter(flipper_mass_scatter, _toy_penguins(), "the example")
        _check_scatter(flipper_mass_scatter, _toy_penguins_second(), SECOND_PENGUINS)


def _sorted_points(points):
    return points[np.lexsort(points.T[::-1])]


def _same_points(a, b) -> bool:
    return a.shape == b.shape and np.allclose(_sorted_points(a), _sorted_points(b))


def _check_scatter(flipper_mass_scatter, data, example):
    columns = ["flipper_length_mm", "body_mass_g"]
    complete = data.dropna(subset=columns)
    ax = single_axes(call(flipper_mass_scatter, data), "flipper_mass_scatter")
    points, colours = scatter_points(ax)
    expect(len(points) > 0, "the Axes has no scatter points: use `sns.scatterplot` or `ax.scatter`.")
    expected = complete[columns].to_numpy(dtype=float)
    all_known = data.dropna()[columns].to_numpy(dtype=float)
    if len(all_known) < len(expected) and _same_points(points, all_known):
        raise Mistake(f"on {example}, your scatter shows {len(all_known)} birds, the ones with no missing "
                      "value "
                      f"at all, instead of the {len(expected)} with both a flipper length and a body mass: "
                      "`dropna()` without `subset=` drops a bird when any of its columns is missing.")
    expect(len(points) == len(expected),
           f"on {example}, the scatter has {_count(len(points), 'point')}; the data have "
           f"{len(expected)} birds with both a flipper length and a body mass.")
    expect(not _same_points(points, expected[:, ::-1]),
           "the axes are swapped: flipper length goes on the x-axis, body mass on the y-axis.")
    expect(_same_points(points, expected),
           "the points are not the (flipper_length_mm, body_mass_g) pairs of the birds: check the columns.")
    by_point = {tuple(p): tuple(np.round(c, 3)) for p, c in zip(points, colours)}
    groups = {kind: {by_point[tuple(p)] for p in rows[columns].to_numpy(float)}
              for kind, rows in complete.groupby("species")}
    expect(all(len(c) == 1 for c in groups.values())
           and len(set().union(*groups.values())) == len(groups),
           "each species should have its own colour (`hue=\"species\"`), shared by all its points.")
    _expect_safe_colours(colours, "the scatter plot")
    labels = legend_labels(ax)
    expect(all(kind in labels for kind in groups),
           f"the legend should name each species; it shows {labels}.")
    _expect_labels(ax, x_unit="mm", y_unit="g", where="the scatter plot")


@exercise("bar chart of mean body mass", VISUALIZATION, hints=[
    "A count plot counts rows; here each bar must be an average of a column, one bar per species the data "
    "hold.",
    "seaborn's `barplot` averages its `y` column for each value of `x` (turn off the error bars with "
    "`errorbar=None`); pandas' `groupby(...).mean()` gives the same numbers.",
])
def q3(mean_mass_bar):
    with closing_new_figures():
        _check_mean_bars(mean_mass_bar, _toy_penguins(), "the example")
        _check_mean_bars(mean_mass_bar, _toy_penguins_second(), SECOND_PENGUINS)


def _check_mean_bars(mean_mass_bar, data, example):
    grouped = data.groupby("species")["body_mass_g"]
    species = sorted(data["species"].unique())
    ax = single_axes(call(mean_mass_bar, data, advice=f"This happened on {example}."), "mean_mass_bar")
    values = bar_values(ax)
    expect(len(values) > 0, "the Axes has no bars: use `sns.barplot` or `ax.bar`.")
    expect(set(bar_values(ax, horizontal=True)) != set(species),
           "the bars are horizontal: put the species on the x-axis "
           "(`x=\"species\"`) and the body mass on the y-axis.")
    expect(set(values) == set(species), f"on {example}, there should be one vertical bar per species found "
                                        "in "
           f"the data, labelled with its name on the x-axis ({species}); the bars are labelled "
           f"{sorted(values)}.")
    heights = np.array([values[kind] for kind in species])
    counts = data["species"].value_counts().reindex(species).to_numpy()
    expect(not np.allclose(heights, counts), "the bar heights are counts of birds, not mean body masses: "
           "`sns.countplot` counts rows; `sns.barplot` (or `groupby(...).mean()`) averages a column.")
    expect(not np.allclose(heights, grouped.median().reindex(species)),
           "the bars show the median; the exercise asks for the mean body mass.")
    expect(np.allclose(heights, grouped.mean().reindex(species)),
           f"on {example}, each bar should be the mean 'body_mass_g' of its species; the bars are "
           f"{np.round(heights, 1).tolist()}, the means "
           f"{np.round(grouped.mean().reindex(species), 1).tolist()}.")
    _expect_labels(ax, y_unit="g", where="the bar chart")


@exercise("box plot per species", VISUALIZATION, hints=[
    "A box plot needs a category on one axis and a measurement on the other, one box per category found "
    "in the data.",
    "seaborn's `boxplot` takes the category as `x` and the measure as `y`; "
    "then labels with the unit mm and a title.",
])
def q4(bill_length_boxplot):
    with closing_new_figures():
        _check_boxes(bill_length_boxplot, _toy_penguins(), "the example")
        _check_boxes(bill_length_boxplot, _toy_penguins_second(), SECOND_PENGUINS)


def _check_boxes(bill_length_boxplot, data, example):
    species = sorted(data["species"].unique())
    ax = single_axes(call(bill_length_boxplot, data), "bill_length_boxplot")
    ylabels = {t.get_text() for t in ax.get_yticklabels()}
    expect(not set(species) <= ylabels, "the boxes are horizontal: put the species on the x-axis "
           "(`x=\"species\"`) and the bill length on the y-axis.")
    positions = {t.get_text(): loc for loc, t in zip(ax.get_xticks(), ax.get_xticklabels())}
    expect(set(species) <= set(positions),
           f"on {example}, the x-axis should show one box per species, "
           f"labelled with its name; the tick labels are {sorted(positions)}.")
    absent = sorted((set(SPECIES) & set(positions)) - set(species))
    expect(not absent, f"the x-axis names {absent}, but {example} holds no such penguins: draw one box per "
                       "species found in the data, not a fixed list.")

    def drawn(column):
        medians = data.groupby("species")[column].median()
        return all(median_marked(ax, positions[kind], medians[kind]) for kind in species)

    if not drawn("bill_length_mm"):
        other = [column for column in MEASURES if column != "bill_length_mm" and drawn(column)]
        expect(not other,
               f"the boxes show '{other[0] if other else ''}'; the exercise asks for 'bill_length_mm'.")
        medians = data.groupby("species")["bill_length_mm"].median()
        missing = [kind for kind in species if not median_marked(ax, positions[kind], medians[kind])]
        raise Mistake(f"on {example}, the box of {missing[0]} has no median line at its median bill length "
                      f"({medians[missing[0]]:g} mm): draw a box plot (`sns.boxplot`) of 'bill_length_mm' "
                      "per species.")
    _expect_labels(ax, y_unit="mm", where="the box plot")


@exercise("one panel per island", VISUALIZATION, hints=[
    "A figure-level seaborn function makes one panel per value of a column with `col=...`.",
    "`sns.relplot(..., col=\"island\")` returns a grid: label its axes with `grid.set_axis_labels(...)` and "
    "return its Figure, `grid.figure`.",
])
def q5(island_facets):
    with closing_new_figures():
        _check_facets(island_facets, _toy_penguins(), "the example")
        _check_facets(island_facets, _toy_penguins_second(), SECOND_PENGUINS)


def _check_facets(island_facets, data, example):
    islands = sorted(data["island"].unique())
    fig = whole_figure(call(island_facets, data), "island_facets")
    panels = [ax for ax in fig.axes if len(scatter_points(ax)[0])]
    expect(len(fig.axes) == len(islands),
           f"on {example}, the figure has {_count(len(fig.axes), 'panel')}; it needs one panel per island "
           f"found in the data ({len(islands)}: {', '.join(islands)}): use `sns.relplot(..., col=\"island\")`"
           " or one subplot per island of the data.")
    expect(len(panels) == len(islands),
           "every panel should hold a scatter plot of its island's penguins.")
    for island in islands:
        titled = [ax for ax in fig.axes if island in ax.get_title()]
        expect(len(titled) == 1, f"one panel's title should name the island '{island}' "
               f"(the titles are {[ax.get_title() for ax in fig.axes]}).")
        ax = titled[0]
        points, _ = scatter_points(ax)
        rows = data[data["island"] == island].dropna(subset=["bill_length_mm", "bill_depth_mm"])
        expected = rows[["bill_length_mm", "bill_depth_mm"]].to_numpy(dtype=float)
        expect(len(points) == len(expected), f"on {example}, the panel '{ax.get_title()}' has "
               f"{_count(len(points), 'point')}; {island} has {len(expected)} birds with both bill "
               "measurements.")
        expect(_same_points(points, expected),
               f"the points of the panel '{ax.get_title()}' should be "
               "(bill_length_mm, bill_depth_mm) of that island's birds.")
    expect(any(has_unit(ax.get_xlabel(), "mm") for ax in fig.axes),
           "the panels need an x-axis label with its unit, e.g. 'Bill length (mm)' "
           "(`grid.set_axis_labels(...)` for a seaborn grid).")
    expect(any(has_unit(ax.get_ylabel(), "mm") for ax in fig.axes),
           "the panels need a y-axis label with its unit, e.g. 'Bill depth (mm)'.")


@exercise("annotated line with a reference", VISUALIZATION, hints=[
    "The share earning '>50K' at each age is the mean of a True/False column grouped by age, times 100.",
    "`share = adult[\"income\"].eq(\">50K\").groupby(adult[\"age\"]).mean() * 100`; "
    "`ax.plot(share.index, share)`, `ax.axhline(overall, linestyle=\"--\")` "
    "and `ax.annotate(..., xy=(share.idxmax(), share.max()), ...)`.",
])
def q6(income_by_age):
    with closing_new_figures():
        _check_age_line(income_by_age, _toy_adult(), "the example")
        _check_age_line(income_by_age, _toy_adult_second(), SECOND_ADULT)


def _check_age_line(income_by_age, data, example):
    share = _share(data, "age")
    overall = data["income"].eq(">50K").mean() * 100
    ax = single_axes(call(income_by_age, data), "income_by_age")
    lines = data_lines(ax)
    expect(len(lines) > 0,
           "the Axes has no line with the share per age: draw one with `ax.plot` or `sns.lineplot`.")
    expected = np.column_stack([share.index.to_numpy(float), share.to_numpy(float)])
    drawn = next((xy for xy in lines if xy.shape == expected.shape), lines[0])
    expect(drawn.shape == expected.shape,
           f"on {example}, the line has {_count(len(drawn), 'point')}; there should be "
           f"one per age found in the data ({len(expected)}).")
    expect(not np.allclose(drawn[:, 1], expected[:, 1] / 100),
           "the line shows fractions between 0 and 1: "
           "multiply by 100 to plot percentages, as the label '(%)' promises.")
    if not np.allclose(drawn, expected) and _same_points(drawn, expected):
        in_data_order = share.reindex(data["age"].unique())
        as_found = np.column_stack([in_data_order.index.to_numpy(float), in_data_order.to_numpy(float)])
        expect(not np.allclose(drawn, as_found),
               f"on {example}, whose rows are not sorted by age, your line visits the ages in the order they "
               "first appear in the data, so it zigzags: draw the points in increasing age (grouping by age "
               "sorts them).")
        raise Mistake(f"on {example}, the line has the right points but not in increasing age: sort them by "
                      "age before drawing.")
    expect(np.allclose(drawn, expected),
           f"on {example}, the line should go through (age, percentage earning '>50K' at that age), "
           "ages in increasing order.")
    levels = horizontal_lines(ax)
    expect(len(levels) > 0,
           "there is no horizontal reference line: add `ax.axhline(...)` at the overall share.")
    expect(not any(np.isclose(y, share.mean()) for y in levels) or np.isclose(share.mean(), overall),
           "the reference line is the average of the per-age percentages, "
           "which counts a rare age as much as a common one: "
           "use the share of all people, `(adult[\"income\"] == \">50K\").mean() * 100`.")
    expect(any(np.isclose(y, overall) for y in levels),
           f"on {example}, the horizontal reference line should be at the overall percentage of people "
           f"earning '>50K' (all ages together), {overall:.2f}; it is at {[round(y, 2) for y in levels]}.")
    notes = annotations(ax)
    expect(len(notes) > 0,
           "the chart has no annotation: point at the peak "
           "with `ax.annotate(text, xy=(age, share), ...)`.")
    peak = (float(share.idxmax()), float(share.max()))
    expect(any(np.allclose(note.xy, peak) for note in notes),
           f"on {example}, the annotation should point at the peak of the line, "
           f"`xy=(age with the highest share, that share)` = ({peak[0]:g}, {peak[1]:.2f}); it points at "
           f"{[tuple(np.round(np.asarray(note.xy, dtype=float), 2).tolist()) for note in notes]}.")
    _expect_labels(ax, x_unit="years", y_unit="%", where="the line chart")


@exercise("capstone: Adult EDA figure", VISUALIZATION, hints=[
    "Start from `fig, axes = plt.subplots(2, 2, figsize=(12, 9))` and draw one chart on each of "
    "`axes[0, 0]`, `axes[0, 1]`, `axes[1, 0]`, `axes[1, 1]`; return `fig`.",
    "A share in % per group: `adult[\"income\"].eq(\">50K\").groupby(adult[column]).mean() * 100`, then "
    "`ax.bar(share.index.astype(str), share)` (or `ax.barh` for the marital status). For the hours: "
    "`sns.histplot(data=adult, x=\"hours-per-week\", hue=\"income\", stat=\"percent\", common_norm=False, "
    "palette=\"colorblind\", ax=axes[0, 1])`.",
])
def q7(adult_eda_figure):
    with closing_new_figures():
        _check_eda(adult_eda_figure, _toy_adult(), "the example")
        _check_eda(adult_eda_figure, _toy_adult_second(), SECOND_ADULT)


def _check_eda(adult_eda_figure, data, example):
    fig = whole_figure(call(adult_eda_figure, data), "adult_eda_figure")
    expect(len(fig.axes) == 4, f"the figure has {_count(len(fig.axes), 'panel')}; it needs exactly 4, from "
           "`fig, axes = plt.subplots(2, 2)`.")
    education, hours, gender, marital = fig.axes
    where = [f"{panel} on {example}" for panel in PANELS]

    _expect_shares(bar_heights(education), _share(data, "education-num").to_numpy(), where[0],
                   "education-num value", data["education-num"].value_counts().sort_index().to_numpy())
    _expect_labels(education, y_unit="%", where=PANELS[0])

    groups = {}
    for bar in bars(hours):
        colour = tuple(np.round(bar.get_facecolor()[:3], 3))
        groups[colour] = groups.get(colour, 0) + bar.get_height()
    expect(len(groups) == 2, f"{PANELS[1]} should draw one histogram of 'hours-per-week' per income "
           f"group, in two colours (`hue=\"income\"`); it has bars in {_count(len(groups), 'colour')}.")
    expect(all(np.isclose(total, 100, atol=0.01) for total in groups.values()),
           f"in {PANELS[1]} each income group's bars should add up to 100 %, so groups of different "
           f"sizes can be compared (`stat=\"percent\", common_norm=False` in `sns.histplot`); they add up to "
           f"{sorted(round(total, 2) for total in groups.values())}.")
    _expect_safe_colours(list(groups), PANELS[1])
    labels = " ".join(legend_labels(hours))
    expect(">50K" in labels and "<=50K" in labels,
           f"{PANELS[1]} needs a legend naming both income groups.")
    _expect_labels(hours, x_unit="hours", y_unit="%", where=PANELS[1])

    share = _share(data, "gender")
    drawn = bar_values(gender)
    expect(set(bar_values(gender, horizontal=True)) != set(share.index),
           f"the bars of {PANELS[2]} are horizontal: "
           "this panel asks for vertical bars (`ax.bar`), one per gender.")
    expect(set(drawn) == set(share.index), f"{where[2]} should have one vertical bar per gender, "
           f"labelled on the x-axis; its bars are labelled {sorted(drawn)}.")
    _expect_shares([drawn[k] for k in share.index], share.to_numpy(), where[2], "gender",
                   data["gender"].value_counts().reindex(share.index).to_numpy())
    _expect_labels(gender, y_unit="%", where=PANELS[2])

    share = _share(data, "marital-status")
    drawn = bar_values(marital, horizontal=True)
    expect(set(bar_values(marital)) != set(share.index),
           f"the bars of {PANELS[3]} are vertical: use horizontal bars "
           "(`ax.barh`, or `sns.barplot(..., orient=\"h\")`), so the long status names stay readable.")
    expect(set(drawn) == set(share.index),
           f"{where[3]} should have one horizontal bar per marital status found in the data, labelled on "
           "the y-axis (`ax.barh` or `sns.barplot(..., orient=\"h\")`); its bars are labelled "
           f"{sorted(drawn)}.")
    _expect_shares([drawn[k] for k in share.index], share.to_numpy(), where[3], "marital status",
                   data["marital-status"].value_counts().reindex(share.index).to_numpy())
    _expect_labels(marital, x_unit="%", where=PANELS[3])
