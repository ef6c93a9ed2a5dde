"""Checks and hints for the assignment "Python for machine learning" (source/python_for_ml).

Each check runs the learner's function on small hand-made inputs, the kind shown in the
exercise text, then on a second input shaped differently (zeros, empty text, other columns,
an array instead of a list), and names a mistake only when the result is exactly what that
mistake gives. The exact values on the real penguin data are checked only by the hidden tests.
"""

import math

import numpy as np

from mlcourse.exercise import (
    DATA_HANDLING,
    PROGRAMMING,
    Mistake,
    call,
    close_for_dtype,
    exercise,
    expect,
    expect_type,
    is_number,
    shown,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6"]


@exercise("convert grams to kilograms", PROGRAMMING, hints=[
    "How many grams are there in a kilogram? And what should the function give back when there is no value?",
    "Test for a missing value with `is None` first (a mass of 0 is a real measurement), then convert.",
])
def q1(mass_kg):
    kilos = call(mass_kg, 3750)
    expect(is_number(kilos), f"mass_kg(3750) should be a number, but it returned {shown(kilos)}.")
    expect(not math.isclose(kilos, 3750 * 1000),
           "mass_kg(3750) gave 3750000, the grams times 1000: there are 1000 grams in a kilogram, so divide.")
    expect(math.isclose(kilos, 3.75),
           f"mass_kg(3750) should be 3.75 (the example in the exercise), not {shown(kilos)}.")
    missing = call(mass_kg, None,
                   advice="A missing measurement must come back as None: test `grams is None` first.")
    expect(missing is None, "mass_kg(None) should return None for a missing measurement, not "
                            f"{shown(missing)}.")
    zero = call(mass_kg, 0)
    expect(zero is not None,
           "mass_kg(0) returned None: a mass of 0 is a measurement, not a missing value. "
           "Test `grams is None`, not `if not grams`.")
    expect(is_number(zero) and math.isclose(zero, 0.0, abs_tol=1e-12),
           f"mass_kg(0) should be 0.0, not {shown(zero)}.")
    odd = call(mass_kg, 3333)
    expect(is_number(odd) and math.isclose(odd, 3.333),
           f"mass_kg(3333) should be 3.333, not {shown(odd)}.")


@exercise("keep complete rows", PROGRAMMING, hints=[
    "A list comprehension with a condition keeps the rows you want. "
    "What must be true of every listed column for a row to stay?",
    "`all(...)` over a generator checks every listed column at once. A value of 0 is falsy but not missing: "
    "compare with `is not None`.",
])
def q2(complete_rows):
    rows = [{"a": 1, "b": 2}, {"a": None, "b": 2}, {"a": 0, "b": None}, {"a": 0, "b": 5}]
    kept = call(complete_rows, rows, ["a", "b"])
    expect_type(kept, list, "complete_rows(rows, ['a', 'b'])")
    expect(all(isinstance(row, dict) for row in kept),
           "each kept row should be the row itself (a dict), as it was in `rows`.")
    truthy = [row for row in rows if all(row[c] for c in ["a", "b"])]
    expect(kept != truthy,
           "a row whose value is 0 was dropped: 0 is a real measurement, "
           "so test `row[column] is not None`, not the value's truthiness.")
    expect(kept == [rows[0], rows[3]],
           f"complete_rows(rows, ['a', 'b']) should keep rows 0 and 3 of {rows}, in their order; got {kept}.")
    only_a = call(complete_rows, rows, ["a"])
    expect(only_a == [rows[0], rows[2], rows[3]],
           "with columns=['a'] only the column 'a' should decide which rows are complete: "
           f"expected rows 0, 2 and 3, got {only_a}.")
    # Other columns, listed in another order, with 0.0 and empty text (both real values) and extra columns.
    other = [{"id": 1, "mass": 0.0, "sex": "", "note": None},
             {"id": 2, "mass": None, "sex": "f", "note": "x"},
             {"id": 3, "mass": 4.2, "sex": None, "note": None},
             {"id": 4, "mass": 3.1, "sex": "m", "note": None}]
    columns = ["sex", "mass"]
    kept = call(complete_rows, other, columns)
    expect_type(kept, list, "complete_rows(other_rows, ['sex', 'mass'])")
    wanted = [other[0], other[3]]
    if kept != wanted:
        truthy = [row for row in other if all(row[c] for c in columns)]
        every = [row for row in other if None not in row.values()]
        expect(kept != truthy,
               "a row whose value is 0 was dropped: with columns ['sex', 'mass'], the row "
               f"{other[0]} has 0.0 and '' (real values, not None), and your function dropped it: "
               "test `row[column] is not None`.")
        expect(kept != every,
               "your function looked at every column of the row, not only the ones in `columns`: "
               f"with columns ['sex', 'mass'] the rows {wanted} are complete (their 'note' does not matter).")
        expect(False, f"complete_rows(rows, ['sex', 'mass']) on {other} should keep the rows {wanted}; "
                      f"got {kept}.")


@exercise("count values with a dict", PROGRAMMING, hints=[
    "Start from an empty dict and add 1 to the count of a value each time you meet it.",
    "`dict.get(key, default)` reads a count that may not exist yet; skip a row whose value `is None`.",
])
def q3(count_by):
    rows = [{"kind": "x"}, {"kind": "y"}, {"kind": "x"}, {"kind": None}]
    counts = call(count_by, rows, "kind")
    expect(isinstance(counts, dict), f"count_by(rows, 'kind') should return a dict, not {shown(counts)}.")
    expect(None not in counts, "missing values (None) must not be counted: skip rows whose value is None.")
    expect(dict(counts) == {"x": 2, "y": 1},
           f"count_by({rows}, 'kind') should be {{'x': 2, 'y': 1}}; got {dict(counts)}.")
    # Another column, other values, among them 0, False-like empty text and a missing value.
    other = [{"n": 0, "k": "a"}, {"n": 2, "k": "b"}, {"n": 0, "k": None}, {"n": "", "k": "a"},
             {"n": None, "k": "c"}, {"n": 2, "k": "c"}, {"n": 0, "k": "a"}]
    counts = call(count_by, other, "n")
    expect(isinstance(counts, dict), f"count_by(rows, 'n') should return a dict, not {shown(counts)}.")
    wanted = {0: 3, 2: 2, "": 1}
    if dict(counts) != wanted:
        truthy = {}
        for row in other:
            if row["n"]:
                truthy[row["n"]] = truthy.get(row["n"], 0) + 1
        expect(dict(counts) != truthy,
               "values 0 and '' (empty text) were not counted: they are real values, only None is missing. "
               "Test `value is not None`, not `if value`.")
        expect(None not in counts, "missing values (None) must not be counted: skip rows whose value is "
                                   "None.")
        expect(False, f"count_by(rows, 'n') on {other} should be {wanted}; got {dict(counts)}.")


@exercise("mean per group", PROGRAMMING, hints=[
    "Keep two running totals per group, one for the sum of the values and one for how many you added.",
    "Skip a row when its group or its value `is None`; at the end divide each group's sum by its count.",
])
def q4(mean_by):
    rows = [{"g": "a", "v": 1}, {"g": "a", "v": None}, {"g": "a", "v": 3}, {"g": "b", "v": 4},
            {"g": None, "v": 10}]
    means = call(mean_by, rows, "g", "v", advice="Rows whose value is None must be skipped before adding.")
    _expect_means(means, rows, "g", "v", {"a": 2.0, "b": 4.0})
    # Other column names, a value of 0 and of 0.0 (real values), groups that are integers, unsorted.
    other = [{"site": 2, "mass": 0}, {"site": 1, "mass": 6.0}, {"site": 2, "mass": 4},
             {"site": 1, "mass": None}, {"site": 3, "mass": 0.0}, {"site": None, "mass": 5},
             {"site": 1, "mass": 2.0}]
    means = call(mean_by, other, "site", "mass")
    _expect_means(means, other, "site", "mass", {1: 4.0, 2: 2.0, 3: 0.0})


def _expect_means(means, rows, group_column, value_column, wanted):
    """The means of ``rows`` are ``wanted``; else the mistake the result proves, or what came back."""
    where = f"mean_by(rows, {group_column!r}, {value_column!r}) on {rows}"
    expect(isinstance(means, dict), f"{where} should return a dict, not {shown(means)}.")
    expect(None not in means, "rows whose group is missing (None) must be skipped, not grouped under None.")
    expect(all(is_number(mean) for mean in means.values()),
           f"each mean should be a number; {where} gave {means}.")
    if set(means) == set(wanted) and all(math.isclose(means[g], wanted[g]) for g in wanted):
        return
    groups = [row for row in rows if row[group_column] is not None]
    mistakes = {
        "you divided by the number of rows including those whose value is missing: "
        "count only the values you added.":
            _means(groups, group_column, value_column, lambda value: True),
        "a value of 0 was skipped as if it were missing: 0 is a real measurement; "
        "test `value is None`, not `if not value`.":
            _means(groups, group_column, value_column, lambda value: bool(value)),
    }
    for message, mistaken in mistakes.items():
        expect(not (set(means) == set(mistaken)
                    and all(math.isclose(means[g], mistaken[g]) for g in mistaken)),
               message)
    expect(False, f"{where} should be {wanted} (the sum of each group's values divided by how many there "
                  f"are); got {means}.")


def _means(rows, group_column, value_column, counted):
    """Means per group with the mistake of counting the rows ``counted`` accepts (None adds 0)."""
    sums, counts = {}, {}
    for row in rows:
        group, value = row[group_column], row[value_column]
        if counted(value):
            sums[group] = sums.get(group, 0) + (value or 0)
            counts[group] = counts.get(group, 0) + 1
    return {group: sums[group] / counts[group] for group in sums}


@exercise("clean one text field", DATA_HANDLING, hints=[
    "Do the steps in the order the text gives them: first remove the spaces, then decide whether what is "
    "left is missing, a number, or a word.",
    "`float(text)` raises ValueError for a word: catch it with try/except and return the text instead.",
])
def q5(clean_value):
    missing = call(clean_value, "NA",
                   advice="Missing values written as 'NA' or '' must become None before any float().")
    expect(missing is None, f"clean_value('NA') should be None (a missing value), not {shown(missing)}.")
    empty = call(clean_value, "", advice="An empty field is a missing value: return None before any float().")
    expect(empty is None, "clean_value('') should be None: an empty field is a missing value, not "
                          f"{shown(empty)}.")
    number = call(clean_value, " 39.1 ")
    expect_type(number, float, "clean_value(' 39.1 ')")
    expect(math.isclose(number, 39.1), "clean_value(' 39.1 ') should be the number 39.1, got "
                                       f"{shown(number)}.")
    word = call(clean_value, " Dream ")
    expect(word == "Dream", f"text that is not a number should come back stripped of spaces: "
                            f"clean_value(' Dream ') should be 'Dream', got {shown(word)}.")
    # The same cases, written differently: spaces around 'NA', only spaces, a negative whole number.
    spaced = call(clean_value, "  NA ")
    expect(spaced != "NA",
           "clean_value('  NA ') gave 'NA': strip the spaces first, then test for '' and 'NA'.")
    expect(spaced is None, f"clean_value('  NA ') should be None (a missing value), not {shown(spaced)}.")
    blank = call(clean_value, "   ")
    expect(blank is None, "clean_value('   ') should be None: only spaces is an empty field, not "
                          f"{shown(blank)}.")
    whole = call(clean_value, "-12")
    expect(isinstance(whole, float) and math.isclose(whole, -12.0),
           f"clean_value('-12') should be the float -12.0 (every number comes back as a float), "
           f"got {shown(whole)}.")


@exercise("standardize with NumPy", PROGRAMMING, hints=[
    "Make an array of floats from the input first; arithmetic then works on every value at once.",
    "A z-score is the value minus the mean, divided by the standard deviation: NumPy arrays have a method "
    "for each. Build a new array rather than changing the one you were given.",
])
def q6(standardize):
    values = [1.0, 2.0, 3.0, 6.0]
    z = call(standardize, values)
    _expect_z(z, values, "standardize([1.0, 2.0, 3.0, 6.0])")
    # An array this time (which `np.asarray` does not copy), of another size, unsorted.
    array = np.array([7.0, 1.0, 4.0, 10.0, 3.0])
    z = call(standardize, array)
    _expect_z(z, array, "standardize(np.array([7.0, 1.0, 4.0, 10.0, 3.0]))")


def _expect_z(z, values, where):
    values = np.asarray(values, dtype=float)
    expect_type(z, np.ndarray, where)
    expect(z.shape == values.shape,
           f"{where} should give one value per input value: shape {values.shape}, got {z.shape}.")
    expect(np.issubdtype(z.dtype, np.floating),
           f"z-scores are fractions, so the dtype should be float; {where} has dtype {z.dtype}.")
    wanted = (values - values.mean()) / values.std()
    if close_for_dtype(z, wanted, z.dtype):
        return
    expect(not close_for_dtype(z, (values - values.mean()) / values.std(ddof=1), z.dtype),
           "you divided by the sample standard deviation (ddof=1); use np.std's default, ddof=0.")
    expect(not close_for_dtype(z, values - values.mean(), z.dtype),
           f"{where} gave the values minus their mean: divide them by the standard deviation too.")
    expect(False, f"{where} should be the z-scores {np.round(wanted, 4).tolist()} (mean 0, standard "
                  f"deviation 1); got {np.round(z.astype(float), 4).tolist()}.")
