"""Read what a matplotlib chart draws, so a check can grade a plot without looking at pixels.

A chart is a tree of Python objects: a Figure holds Axes, and each Axes holds its artists.
Bars and histogram bins are Rectangles in ``ax.patches``, scatter points are a PathCollection
in ``ax.collections`` (``get_offsets()`` gives the points), lines are Line2D objects in
``ax.lines``, and ``ax.texts`` holds text and annotations. The helpers below read these objects
the same way whether the chart was drawn with matplotlib, pandas or seaborn.
"""
from __future__ import annotations

import colorsys
import re
from contextlib import contextmanager

import numpy as np
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation

from mlcourse.exercise import Mistake

# seaborn's "colorblind" palette (seaborn.color_palette("colorblind")), written out so this
# module does not need seaborn.
COLORBLIND = ("#0173b2", "#de8f05", "#029e73", "#d55e00", "#cc78bc",
              "#ca9161", "#fbafe4", "#949494", "#ece133", "#56b4e9")


@contextmanager
def closing_new_figures():
    """Close every pyplot figure opened inside the ``with`` block, even when a check fails.

    Checks call the learner's plotting function, inspect the result, and must leave no figure
    open: in a notebook an open figure would be drawn under the test cell.
    """
    import matplotlib.pyplot as plt

    before = set(plt.get_fignums())
    try:
        yield
    finally:
        for number in set(plt.get_fignums()) - before:
            plt.close(number)


def _describe(result) -> str:
    kind = type(result)
    if kind.__module__ == "builtins":
        article = "an" if kind.__name__[0] in "aeiou" else "a"
        return f"{result!r:.40} ({article} {kind.__name__})"
    return f"a {kind.__module__.split('.')[0]} {kind.__name__}"


def _returned_none(name: str, wanted: str) -> Mistake:
    return Mistake(f"`{name}` returned None: did you forget `return {wanted}` at the end?")


def single_axes(result, name: str) -> Axes:
    """The one Axes a single-panel plotting function returned (an Axes, or a Figure with one Axes)."""
    if result is None:
        raise _returned_none(name, "ax")
    if isinstance(result, Axes):
        return result
    if isinstance(result, Figure) and len(result.axes) == 1:
        return result.axes[0]
    if isinstance(result, Figure):
        raise Mistake(f"`{name}` returned a Figure with {len(result.axes)} panels: "
                      "draw one chart on one Axes (`fig, ax = plt.subplots()`) and return `ax`.")
    if hasattr(result, "figure") and hasattr(result, "axes"):
        raise Mistake(f"`{name}` returned a seaborn {type(result).__name__}, a grid of panels: "
                      "use an Axes-level function such as `sns.histplot(..., ax=ax)` and return `ax`.")
    raise Mistake(f"`{name}` returned {_describe(result)}; it should return the matplotlib Axes (`ax`).")


def whole_figure(result, name: str) -> Figure:
    """The Figure a multi-panel plotting function returned."""
    if result is None:
        raise _returned_none(name, "fig")
    if isinstance(result, Figure):
        return result
    if isinstance(result, Axes):
        raise Mistake(f"`{name}` returned one Axes; return the whole Figure that holds every panel "
                      "(`fig`, or `ax.figure`).")
    if hasattr(result, "figure") and hasattr(result, "axes"):
        raise Mistake(f"`{name}` returned a seaborn {type(result).__name__}: return its matplotlib Figure, "
                      "`grid.figure`.")
    raise Mistake(f"`{name}` returned {_describe(result)}; it should return a matplotlib Figure (`fig`).")


def has_unit(label: str, unit: str) -> bool:
    """True when an axis label gives ``unit`` the way a reader expects a unit: in brackets of any kind
    ("Body mass (g)", "Body mass [g]", "Time (hours per week)", "Flipper length ( mm )"), after "in"
    ("Body mass in g", "Body mass (in g)"), or after a comma or a slash at the end ("Body mass, g",
    "Body mass / g"). has_unit("Body mass", "g"), has_unit("Body mass (kg)", "g") and
    has_unit("Body mass g", "g") do not hold: the unit must be written as the unit itself."""
    unit = re.escape(unit)
    end = r"(?![A-Za-z])"
    forms = (rf"[(\[{{]\s*(?:in\s+)?{unit}{end}",  # (g), [g], {g}, (in g), (hours per week)
             rf"\bin\s+{unit}{end}",  # in g
             rf"[,/]\s*{unit}\s*$")  # Body mass, g   Body mass / g
    return any(re.search(form, label) is not None for form in forms)


def bars(ax: Axes) -> list[Rectangle]:
    """The bars of a bar chart or a histogram, left to right (or bottom to top)."""
    found = [p for p in ax.patches if isinstance(p, Rectangle)
             and np.isfinite([p.get_x(), p.get_y(), p.get_width(), p.get_height()]).all()]
    return sorted(found, key=lambda p: (p.get_x(), p.get_y()))


def bar_heights(ax: Axes) -> np.ndarray:
    """The heights of the vertical bars of ``ax``, left to right."""
    return np.array([p.get_height() for p in bars(ax)], dtype=float)


def bar_values(ax: Axes, horizontal: bool = False) -> dict[str, float]:
    """Each bar's category label (its tick label) mapped to its value.

    Vertical bars are read along the x-axis; pass ``horizontal=True`` for ``barh`` charts.
    A bar whose position matches no labelled tick is reported under the label "?".
    """
    axis = ax.yaxis if horizontal else ax.xaxis
    ticks = {round(float(t), 6): label.get_text()
             for t, label in zip(axis.get_ticklocs(), axis.get_ticklabels())}
    values = {}
    for bar in bars(ax):
        if horizontal:
            centre, value = bar.get_y() + bar.get_height() / 2, bar.get_width()
        else:
            centre, value = bar.get_x() + bar.get_width() / 2, bar.get_height()
        label = ticks.get(round(centre, 6), "?")
        values[label] = values.get(label, 0) + value
    return values


def scatter_points(ax: Axes) -> tuple[np.ndarray, np.ndarray]:
    """The points drawn by every scatter on ``ax``: an (n, 2) array of x, y and an (n, 3) array of
    RGB colours.

    Points with a missing (NaN) coordinate are left out, since matplotlib does not draw them.
    """
    offsets, colours = [], []
    for collection in ax.collections:
        if not isinstance(collection, PathCollection):
            continue
        points = np.asarray(collection.get_offsets(), dtype=float).reshape(-1, 2)
        faces = np.asarray(collection.get_facecolors(), dtype=float).reshape(-1, 4)
        if len(points) == 0:
            continue
        if len(faces) == 0:  # hollow markers: read the edge colours instead
            faces = np.asarray(collection.get_edgecolors(), dtype=float).reshape(-1, 4)
        if len(faces) == 0:
            faces = np.zeros((1, 4))
        faces = (np.broadcast_to(faces[:, :3], (len(points), 3)) if len(faces) == 1
                 else faces[:len(points), :3])
        drawn = np.isfinite(points).all(axis=1)  # a point with a missing coordinate is not drawn
        offsets.append(points[drawn])
        colours.append(faces[drawn])
    if not offsets:
        return np.empty((0, 2)), np.empty((0, 3))
    return np.concatenate(offsets), np.concatenate(colours)


def data_lines(ax: Axes, min_points: int = 3) -> list[np.ndarray]:
    """The (n, 2) x, y data of every line with at least ``min_points`` points (reference lines have 2)."""
    found = []
    for line in ax.lines:
        xy = np.asarray(line.get_xydata(), dtype=float)
        if len(xy) >= min_points:
            found.append(xy)
    return found


def horizontal_lines(ax: Axes) -> list[float]:
    """The y values of the horizontal reference lines (``ax.axhline``, or any 2-point flat line)."""
    found = []
    for line in ax.lines:
        y = np.asarray(line.get_ydata(), dtype=float)
        if len(y) == 2 and np.isfinite(y).all() and y[0] == y[1]:
            found.append(float(y[0]))
    return found


def annotations(ax: Axes) -> list[Annotation]:
    """The annotations drawn with ``ax.annotate`` (arrow-and-text labels), in drawing order."""
    return [text for text in ax.texts if isinstance(text, Annotation)]


def legend_labels(owner) -> list[str]:
    """The entries of the legend of an Axes, or of every legend of a Figure and its Axes."""
    legends = []
    if isinstance(owner, Figure):
        legends += list(owner.legends) + [ax.get_legend() for ax in owner.axes]
    else:
        legends.append(owner.get_legend())
    return [text.get_text() for legend in legends if legend is not None for text in legend.get_texts()]


def median_marked(ax: Axes, position: float, value: float, tolerance: float = 1e-6) -> bool:
    """True when a box plot on ``ax`` draws a median line at height ``value`` across x = ``position``.

    A box's median line and its whisker caps are all flat lines across the position; the median
    spans the box's full width, the caps only part of it, so only the widest flat lines count.
    """
    flat = []
    for line in ax.lines:
        x = np.asarray(line.get_xdata(), dtype=float)
        y = np.asarray(line.get_ydata(), dtype=float)
        if len(y) == 2 and np.isfinite(y).all() and y[0] == y[1] and x.min() < position < x.max():
            flat.append((x.max() - x.min(), y[0]))
    widest = max((width for width, _ in flat), default=0.0)
    return any(abs(height - value) <= tolerance * max(1.0, abs(value))
               for width, height in flat if width >= widest * (1 - 1e-9))


def _viridis_like():
    return np.concatenate([np.asarray(colormaps[name].colors)[:, :3] for name in ("viridis", "cividis")])


def is_colourblind_safe(colour, tolerance: float = 0.02) -> bool:
    """True when ``colour`` comes from seaborn's "colorblind" palette (also as seaborn's lighter,
    desaturated bar colours) or from the viridis or cividis colour maps."""
    rgb = np.asarray(to_rgb(colour))
    palette = [np.asarray(to_rgb(c)) for c in COLORBLIND]
    for base in palette:
        hue, light, saturation = colorsys.rgb_to_hls(*base)
        faded = np.asarray(colorsys.hls_to_rgb(hue, light, saturation * 0.75))
        if min(np.abs(rgb - base).max(), np.abs(rgb - faded).max()) <= tolerance:
            return True
    return bool(np.abs(_viridis_like() - rgb).max(axis=1).min() <= tolerance)


def distinct_colours(colours) -> list[tuple]:
    """The different RGB colours among ``colours`` (rounded, so tiny float differences merge)."""
    return sorted({tuple(np.round(np.asarray(to_rgb(c)), 3)) for c in colours})


def red_and_green(colours) -> bool:
    """True when the colours include both a strong red and a strong green, the pair that the most
    common colour blindness (red-green, about 1 man in 12) cannot tell apart."""
    hues = []
    for colour in colours:
        hue, light, saturation = colorsys.rgb_to_hls(*to_rgb(colour))
        if saturation > 0.5 and 0.2 < light < 0.8:
            hues.append(hue * 360)
    return any(h < 15 or h > 345 for h in hues) and any(90 <= h <= 150 for h in hues)
