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
    centre = {"Adelie": (38.8, 18.3, 190.0, 3700.0), "Gentoo": (47.5, 15.0, 217.0, 5080.0),
              "Chinstrap": (48.8, 18.4, 196.0, 3730.0)}
    rows = []
    for i, kind in enumerate(species):
        bill, depth, flipper, mass = centre[kind]
        rows.append({
            "species": kind,
            "island": (ISLANDS[(i * 7) % 3] if kind == "Adelie"
                       else ("Biscoe" if kind == "Gentoo" else "Dream")),
            "bill_length_mm": round(bill + rng.normal(0, 2.5), 1),
            "bill_depth_mm": round(depth + rng.normal(0, 1), 1),
            "flipper_length_mm": round(flipper + rng.normal(0, 6), 1),
            "body_mass_g": float(round(mass + rng.normal(0, 350), -1)),
            "sex": "female" if i % 2 else "male", "year": 2007 + i % 3,
        })
    frame = pd.DataFrame(rows)
    frame.loc[3, ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"]] = np.nan
    return frame


def _toy_adult() -> pd.DataFrame:
    """80 made-up people with the columns of the cleaned Adult data (text stripped, "?" as NaN)."""
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
    return frame


def _share(frame, by) -> pd.Series:
    """Percentage of people earning >50K in each group of ``by``."""
    return frame["income"].eq(">50K").groupby(frame[by]).mean() * 100


def _expect_labels(ax, *, x_unit=None, y_unit=None, where="the plot"):
    """Non-empty axis labels (with their unit in brackets where there is one) and a title."""
    for axis, label, unit in (("x", ax.get_xlabel(), x_unit), ("y", ax.get_ylabel(), y_unit)):
        expect(label.strip() != "",
               f"{where} has no {axis}-axis label: set one with `ax.set_{axis}label(...)`.")
        if unit:
            expect(has_unit(label, unit),
                   f"the {axis}-axis label of {where} is {label!r}: a reader needs the measure "
                   f"in words and its unit in brackets, '({unit})', as in {EXAMPLE_LABELS[unit]}.")
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


def _expect_shares(values, expected, where, what):
    expect(len(values) > 0, f"{where} has no bars.")
    expect(len(values) == len(expected),
           f"{where} has {len(values)} bars; it needs one per {what} ({len(expected)}).")
    expect(not np.allclose(values, np.asarray(expected) / 100),
           f"the bars of {where} are fractions between 0 and 1: multiply by 100 to show percentages.")
    expect(np.allclose(values, expected),
           f"each bar of {where} should be the percentage of "
           f"people earning '>50K' in that {what} (not a count).")


@exercise("histogram of body mass", VISUALIZATION, hints=[
    "A histogram is one call: `sns.histplot(data=penguins, x=..., bins=..., ax=ax)` or `ax.hist(...)`. "
    "Then label both axes and give the chart a title.",
    "`fig, ax = plt.subplots()`, `sns.histplot(data=penguins, x=\"body_mass_g\", bins=20, ax=ax)`, then "
    "`ax.set(xlabel=\"Body mass (g)\", ylabel=\"Number of penguins\", title=...)` and `return ax`.",
])
def q1(body_mass_histogram):
    data = _toy_penguins()
    mass = data["body_mass_g"].dropna()
    with closing_new_figures():
        ax = single_axes(call(body_mass_histogram, data), "body_mass_histogram")
        heights = bar_heights(ax)
        expect(len(heights) > 0, "the Axes has no bars: draw a histogram with `sns.histplot` or `ax.hist`.")
        expect(len(heights) == 20,
               f"the histogram has {len(heights)} bars; the exercise asks for 20 bins (`bins=20`).")
        edges = [p.get_x() for p in bars(ax)] + [bars(ax)[-1].get_x() + bars(ax)[-1].get_width()]
        expect(np.isclose(min(edges), mass.min()) and np.isclose(max(edges), mass.max()),
               f"the bins span {min(edges):g} to {max(edges):g}, but the body masses go from "
               f"{mass.min():g} to {mass.max():g}: did you plot another column than 'body_mass_g'?")
        expect(not np.isclose(heights.sum(), 100) and not np.isclose((heights * np.diff(edges)).sum(), 1),
               "the bars show percentages or densities: keep the default, a count of penguins per bin.")
        counts, _ = np.histogram(mass, bins=20)
        expect(np.allclose(heights, counts), "each bar's height should be the number of penguins in its bin "
               f"(all {len(mass)} weighed birds); got a total of {heights.sum():g}.")
        _expect_labels(ax, x_unit="g", where="the histogram")


@exercise("scatter plot coloured by species", VISUALIZATION, hints=[
    "`sns.scatterplot` takes `x`, `y` and `hue`; its `palette` argument chooses the colours.",
    "`sns.scatterplot(data=penguins, x=\"flipper_length_mm\", y=\"body_mass_g\", hue=\"species\", "
    "palette=\"colorblind\", ax=ax)` draws the points and the legend; "
    "then label the axes with units and add a title.",
])
def q2(flipper_mass_scatter):
    data = _toy_penguins()
    complete = data.dropna(subset=["flipper_length_mm", "body_mass_g"])
    with closing_new_figures():
        ax = single_axes(call(flipper_mass_scatter, data), "flipper_mass_scatter")
        points, colours = scatter_points(ax)
        expect(len(points) > 0, "the Axes has no scatter points: use `sns.scatterplot` or `ax.scatter`.")
        expected = complete[["flipper_length_mm", "body_mass_g"]].to_numpy(dtype=float)
        expect(len(points) == len(expected),
               f"the scatter has {len(points)} points; the data has "
               f"{len(expected)} birds with both a flipper length and a body mass.")

        def same(a, b):
            return np.allclose(a[np.lexsort(a.T[::-1])], b[np.lexsort(b.T[::-1])])

        expect(not same(points, expected[:, ::-1]),
               "the axes are swapped: flipper length goes on the x-axis, body mass on the y-axis.")
        expect(same(points, expected),
               "the points are not (flipper_length_mm, body_mass_g) pairs: check the columns.")
        by_point = {tuple(p): tuple(np.round(c, 3)) for p, c in zip(points, colours)}
        groups = {kind: {by_point[tuple(p)]
                         for p in rows[["flipper_length_mm", "body_mass_g"]].to_numpy(float)}
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
    "A count plot counts rows; here each bar must be an average of a column.",
    "`sns.barplot(data=penguins, x=\"species\", y=\"body_mass_g\", errorbar=None, ax=ax)` averages "
    "per species (or `penguins.groupby(\"species\")[\"body_mass_g\"].mean().plot.bar(ax=ax)`); "
    "label the y-axis with '(g)'.",
])
def q3(mean_mass_bar):
    data = _toy_penguins()
    grouped = data.groupby("species")["body_mass_g"]
    with closing_new_figures():
        ax = single_axes(call(mean_mass_bar, data), "mean_mass_bar")
        values = bar_values(ax)
        expect(len(values) > 0, "the Axes has no bars: use `sns.barplot` or `ax.bar`.")
        expect(set(bar_values(ax, horizontal=True)) != set(SPECIES),
               "the bars are horizontal: put the species on the x-axis "
               "(`x=\"species\"`) and the body mass on the y-axis.")
        expect(set(values) == set(SPECIES), "there should be one vertical bar per species, "
               f"labelled with its name on the x-axis; the bars are labelled {sorted(values)}.")
        heights = np.array([values[kind] for kind in SPECIES])
        counts = data["species"].value_counts().reindex(SPECIES).to_numpy()
        expect(not np.allclose(heights, counts), "the bar heights are counts of birds, not mean body masses: "
               "`sns.countplot` counts rows; `sns.barplot` (or `groupby(...).mean()`) averages a column.")
        expect(not np.allclose(heights, grouped.median().reindex(SPECIES)),
               "the bars show the median; the exercise asks for the mean body mass.")
        expect(np.allclose(heights, grouped.mean().reindex(SPECIES)),
               "each bar should be the mean 'body_mass_g' of its species; "
               "check the column and the aggregation.")
        _expect_labels(ax, y_unit="g", where="the bar chart")


@exercise("box plot per species", VISUALIZATION, hints=[
    "A box plot needs a category on one axis and a measurement on the other.",
    "`sns.boxplot(data=penguins, x=\"species\", y=\"bill_length_mm\", ax=ax)`, "
    "then labels with '(mm)' and a title.",
])
def q4(bill_length_boxplot):
    data = _toy_penguins()
    with closing_new_figures():
        ax = single_axes(call(bill_length_boxplot, data), "bill_length_boxplot")
        ylabels = {t.get_text() for t in ax.get_yticklabels()}
        expect(not set(SPECIES) <= ylabels, "the boxes are horizontal: put the species on the x-axis "
               "(`x=\"species\"`) and the bill length on the y-axis.")
        positions = {t.get_text(): loc for loc, t in zip(ax.get_xticks(), ax.get_xticklabels())}
        expect(set(SPECIES) <= set(positions),
               "the x-axis should show one box per species, "
               f"labelled with its name; the tick labels are {sorted(positions)}.")

        def drawn(column):
            medians = data.groupby("species")[column].median()
            return all(median_marked(ax, positions[kind], medians[kind]) for kind in SPECIES)

        if not drawn("bill_length_mm"):
            other = [column for column in MEASURES if column != "bill_length_mm" and drawn(column)]
            expect(not other,
                   f"the boxes show '{other[0] if other else ''}'; the exercise asks for 'bill_length_mm'.")
            raise Mistake("no box has its median line at the median bill length of its species: "
                          "draw a box plot (`sns.boxplot`) of 'bill_length_mm' per species.")
        _expect_labels(ax, y_unit="mm", where="the box plot")


@exercise("one panel per island", VISUALIZATION, hints=[
    "A figure-level seaborn function makes one panel per value of a column with `col=...`.",
    "`grid = sns.relplot(data=penguins, x=\"bill_length_mm\", y=\"bill_depth_mm\", col=\"island\")`, then "
    "`grid.set_axis_labels(\"Bill length (mm)\", \"Bill depth (mm)\")` and `return grid.figure`.",
])
def q5(island_facets):
    data = _toy_penguins()
    with closing_new_figures():
        fig = whole_figure(call(island_facets, data), "island_facets")
        panels = [ax for ax in fig.axes if len(scatter_points(ax)[0])]
        expect(len(fig.axes) == len(ISLANDS),
               f"the figure has {len(fig.axes)} panel(s); it needs one panel per island ({len(ISLANDS)}): "
               "use `sns.relplot(..., col=\"island\")` or `plt.subplots(1, 3)`.")
        expect(len(panels) == len(ISLANDS),
               "every panel should hold a scatter plot of its island's penguins.")
        for island in ISLANDS:
            titled = [ax for ax in fig.axes if island in ax.get_title()]
            expect(len(titled) == 1, f"one panel's title should name the island '{island}' "
                   f"(the titles are {[ax.get_title() for ax in fig.axes]}).")
            ax = titled[0]
            points, _ = scatter_points(ax)
            rows = data[data["island"] == island].dropna(subset=["bill_length_mm", "bill_depth_mm"])
            expected = rows[["bill_length_mm", "bill_depth_mm"]].to_numpy(dtype=float)
            expect(len(points) == len(expected), f"the panel '{ax.get_title()}' has {len(points)} points; "
                   f"{island} has {len(expected)} birds with both bill measurements.")
            order = np.lexsort(points.T[::-1]), np.lexsort(expected.T[::-1])
            expect(np.allclose(points[order[0]], expected[order[1]]),
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
    data = _toy_adult()
    share = _share(data, "age")
    overall = data["income"].eq(">50K").mean() * 100
    with closing_new_figures():
        ax = single_axes(call(income_by_age, data), "income_by_age")
        lines = data_lines(ax)
        expect(len(lines) > 0,
               "the Axes has no line with the share per age: draw one with `ax.plot` or `sns.lineplot`.")
        expected = np.column_stack([share.index.to_numpy(float), share.to_numpy(float)])
        drawn = next((xy for xy in lines if xy.shape == expected.shape), lines[0])
        expect(drawn.shape == expected.shape,
               f"the line has {len(drawn)} points; there should be "
               f"one per age found in the data ({len(expected)}).")
        expect(not np.allclose(drawn[:, 1], expected[:, 1] / 100),
               "the line shows fractions between 0 and 1: "
               "multiply by 100 to plot percentages, as the label '(%)' promises.")
        expect(np.allclose(drawn, expected),
               "the line should go through (age, percentage earning '>50K' at that age), "
               "ages in increasing order.")
        levels = horizontal_lines(ax)
        expect(len(levels) > 0,
               "there is no horizontal reference line: add `ax.axhline(...)` at the overall share.")
        expect(not any(np.isclose(y, share.mean()) for y in levels) or np.isclose(share.mean(), overall),
               "the reference line is the average of the per-age percentages, "
               "which counts a rare age as much as a common one: "
               "use the share of all people, `(adult[\"income\"] == \">50K\").mean() * 100`.")
        expect(any(np.isclose(y, overall) for y in levels),
               "the horizontal reference line should be at the overall "
               "percentage of people earning '>50K' (all ages together).")
        notes = annotations(ax)
        expect(len(notes) > 0,
               "the chart has no annotation: point at the peak "
               "with `ax.annotate(text, xy=(age, share), ...)`.")
        peak = (float(share.idxmax()), float(share.max()))
        expect(any(np.allclose(note.xy, peak) for note in notes),
               "the annotation should point at the peak of the line: "
               "`xy=(age with the highest share, that share)`.")
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
    data = _toy_adult()
    with closing_new_figures():
        fig = whole_figure(call(adult_eda_figure, data), "adult_eda_figure")
        expect(len(fig.axes) == 4, f"the figure has {len(fig.axes)} panel(s); it needs exactly 4, from "
               "`fig, axes = plt.subplots(2, 2)`.")
        education, hours, gender, marital = fig.axes

        _expect_shares(bar_heights(education), _share(data, "education-num").to_numpy(), PANELS[0],
                       "education-num value")
        _expect_labels(education, y_unit="%", where=PANELS[0])

        groups = {}
        for bar in bars(hours):
            colour = tuple(np.round(bar.get_facecolor()[:3], 3))
            groups[colour] = groups.get(colour, 0) + bar.get_height()
        expect(len(groups) == 2, f"{PANELS[1]} should draw one histogram of 'hours-per-week' per income "
               f"group, in two colours (`hue=\"income\"`); it has bars in {len(groups)} colour(s).")
        expect(all(np.isclose(total, 100, atol=0.01) for total in groups.values()),
               f"in {PANELS[1]} each income group's bars should add up to 100 %, so groups of different "
               "sizes can be compared: `stat=\"percent\", common_norm=False` in `sns.histplot`.")
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
        expect(set(drawn) == set(share.index), f"{PANELS[2]} should have one vertical bar per gender, "
               f"labelled on the x-axis; its bars are labelled {sorted(drawn)}.")
        _expect_shares([drawn[k] for k in share.index], share.to_numpy(), PANELS[2], "gender")
        _expect_labels(gender, y_unit="%", where=PANELS[2])

        share = _share(data, "marital-status")
        drawn = bar_values(marital, horizontal=True)
        expect(set(bar_values(marital)) != set(share.index),
               f"the bars of {PANELS[3]} are vertical: use horizontal bars "
               "(`ax.barh`, or `sns.barplot(..., orient=\"h\")`), so the long status names stay readable.")
        expect(set(drawn) == set(share.index),
               f"{PANELS[3]} should have one horizontal bar per marital status, labelled on the y-axis "
               f"(`ax.barh` or `sns.barplot(..., orient=\"h\")`); its bars are labelled {sorted(drawn)}.")
        _expect_shares([drawn[k] for k in share.index], share.to_numpy(), PANELS[3], "marital status")
        _expect_labels(marital, x_unit="%", where=PANELS[3])
