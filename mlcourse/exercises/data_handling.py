"""Checks and hints for the assignment "Data handling with pandas" (source/data_handling).

Each check runs the learner's function on a small hand-made frame shaped like the real one
(the raw penguins or the raw Adult census data) and names the usual mistake: punctuation left
in column names, a DataFrame from ``str.extract``, birds counted instead of nests, ``size``
instead of ``count``, medians computed on the test data, melting too many columns, ``"?"``
compared before stripping, dropped rows, a mutated input. The exact values on the real data are
checked only by the hidden tests.
"""

import math

import numpy as np
import pandas as pd

from mlcourse.exercise import (
    DATA_HANDLING,
    Mistake,
    call,
    exercise,
    expect,
    expect_type,
    expect_unchanged,
    same_values,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]

MEASUREMENTS = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]


def _text(values) -> list:
    """Values as a list with every missing value as None, for readable messages."""
    return [None if pd.isna(v) else v for v in values]


def _adult_like(with_income: bool) -> pd.DataFrame:
    frame = pd.DataFrame({
        "age": [39, 50, 38, 50, 28],
        "workclass": [" State-gov", " ?", " Private", " ?", " Private"],
        "education-num": [13, 13, 9, 13, 9],
        "marital-status": [" Never-married", " Married-civ-spouse", " Divorced", " Married-civ-spouse",
                           " Divorced"],
        "hours-per-week": [40, 13, 40, 13, 50],
        "native-country": [" United-States", " United-States", " ?", " United-States", " Cuba"],
        "income": [" <=50K", " >50K", " <=50K", " >50K", " >50K"],
    }, index=[7, 3, 0, 9, 4]).astype({"workclass": "str", "marital-status": "str", "native-country": "str",
                                       "income": "str"})
    if not with_income:
        frame = frame.drop(columns="income").assign(id=[101, 102, 103, 104, 105])
    return frame


@exercise("tidy column names", DATA_HANDLING, hints=[
    "`raw.columns` has string methods too: `raw.columns.str.lower()`, `raw.columns.str.replace(...)`.",
    "A regular expression can match every run of characters that are not letters or digits at once "
    "(a negated character class with `+`); `str.strip('_')` removes what is left at the ends. "
    "`raw.rename(columns=...)` returns a new frame.",
])
def q1(tidy_columns):
    raw = pd.DataFrame({"Nest ID": ["N1", "N2"], "Egg Mass (g)": [51.0, 48.5],
                        "Ratio (a/b)": [0.5, 0.7], "dateLaid": ["2020-11-02", "2020-11-09"]})
    original = raw.copy()
    expected = ["nest_id", "egg_mass_g", "ratio_a_b", "datelaid"]
    tidy = call(tidy_columns, raw)
    expect_type(tidy, pd.DataFrame, "tidy_columns(raw)")
    expect(list(raw.columns) == list(original.columns),
           "your function renamed the columns of the frame it was given: return a new DataFrame "
           "(for example `raw.rename(columns=...)`) and leave `raw` untouched (no inplace=True).")
    expect(tidy.shape == raw.shape,
           f"only the column names should change: the shape went from {raw.shape} to {tidy.shape}.")
    names = [str(name) for name in tidy.columns]
    expect(all(name == name.lower() for name in names), f"column names should be lower-case, got {names}.")
    expect(not any(char in name for name in names for char in " ()/"),
           "brackets and other punctuation must become underscores too: 'Egg Mass (g)' should become "
           f"'egg_mass_g', but your columns are {names}.")
    expect(not any("__" in name for name in names),
           f"a run of several spaces or symbols should become ONE underscore; got {names}.")
    expect(not any(name.startswith("_") or name.endswith("_") for name in names),
           "names should not start or end with an underscore "
           f"(strip them with .str.strip('_')); got {names}.")
    expect(names == expected, f"for the columns {list(raw.columns)} expected {expected}, got {names}.")
    expect(tidy.iloc[:, 1].tolist() == [51.0, 48.5],
           "the values should stay as they are; only the names change.")
    # Other names: a dash, digits, a slash, a trailing space and a leading bracket.
    other = pd.DataFrame({"Delta 15 N (o/oo)": [8.9], "native-country": ["Cuba"], "Date Egg ": ["2007-11-11"],
                          "(Sample) Number": [1]})
    wanted = ["delta_15_n_o_oo", "native_country", "date_egg", "sample_number"]
    tidy = call(tidy_columns, other)
    expect_type(tidy, pd.DataFrame, "tidy_columns(other)")
    names = [str(name) for name in tidy.columns]
    expect(names == wanted,
           f"for the columns {list(other.columns)} expected {wanted}, got {names}: every run of characters "
           "that are not letters or digits (a dash, a slash, a space at the end) becomes one underscore, "
           "and none is left at the start or the end.")


@exercise("short species name", DATA_HANDLING, hints=[
    "Look at the labels first: `species.value_counts()`. The short name is the first word.",
    "`str.extract` with a pattern that captures the word at the start of the text; `expand=False` makes it "
    "return a Series rather than a DataFrame.",
])
def q2(short_species):
    labels = pd.Series(["Adelie Penguin (Pygoscelis adeliae)", "Emperor Penguin (Aptenodytes forsteri)",
                        "Adelie Penguin (Pygoscelis adeliae)", None], index=[10, 11, 12, 13], dtype="str")
    original = labels.copy()
    short = call(short_species, labels,
                 advice="A missing label is NaN, a float: the `.str` methods skip missing values, a Python "
                        "function given to `apply` does not. Use `species.str.extract(...)`.")
    expect(not isinstance(short, pd.DataFrame),
           "your function returned a DataFrame: `str.extract` returns one column per group in a "
           "DataFrame unless you pass `expand=False`, which gives a Series.")
    expect_type(short, pd.Series, "short_species(species)")
    expect_unchanged(original, labels, "Series", "return a new one")
    expect(len(short) == len(labels),
           f"one short name per label: expected {len(labels)} values, got {len(short)}.")
    expect(short.index.equals(labels.index),
           "keep the index of the labels, in their order (no reset_index, no sorting), so the result lines "
           f"up with its rows: expected the index {list(labels.index)}, got {list(short.index)}.")
    values = _text(short)
    expect(values[3] is None, f"a missing label must stay missing, but it became {values[3]!r}.")
    expect(values[:3] != ["adelie", "emperor", "adelie"],
           "keep the capital letter: the short name of 'Adelie Penguin (Pygoscelis adeliae)' is 'Adelie'.")
    expect(values[:3] == ["Adelie", "Emperor", "Adelie"],
           f"the short name is the first word of the label ('Adelie'); for {_text(labels)} "
           f"expected ['Adelie', 'Emperor', 'Adelie', None], got {values}.")
    # An unsorted index, the missing label first.
    other = pd.Series([None, "Macaroni Penguin (Eudyptes chrysolophus)",
                       "Adelie Penguin (Pygoscelis adeliae)"], index=[7, 2, 5], dtype="str")
    short = call(short_species, other)
    expect_type(short, pd.Series, "short_species(other)")
    expect(short.index.equals(other.index),
           "keep the index of the labels, in their order (no reset_index, no sorting): for labels indexed "
           f"{list(other.index)} the result was indexed {list(short.index)}.")
    expect(_text(short) == [None, "Macaroni", "Adelie"],
           f"for {_text(other)} expected [None, 'Macaroni', 'Adelie'], got {_text(short)}.")


@exercise("nests per year", DATA_HANDLING, hints=[
    "Two new Series: the year of 'Date Egg' and the nest label at the start of 'Individual ID'.",
    "`pd.to_datetime(...).dt.year` gives the years, and `str.extract` the nest label (an N and all its "
    "digits); a Series can be grouped by another Series of the same index, and `nunique()` counts distinct "
    "values.",
])
def q3(nests_per_year):
    # 2007: nests N1 and N2. 2008: N2 again (a label is reused the next year), N1 and N12 (two digits).
    raw = pd.DataFrame({
        "Species": ["Emperor"] * 8,
        "Individual ID": ["N1A1", "N1A2", "N2A1", "N2A2", "N2A1", "N2A2", "N1A1", "N12A1"],
        "Date Egg": ["2007-11-11", "2007-11-11", "2007-11-20", "2007-11-20", "2008-11-09", "2008-11-09",
                     "2008-11-15", "2008-12-01"],
    }, index=[3, 1, 2, 0, 6, 5, 7, 4])
    original = raw.copy()
    counts = call(nests_per_year, raw, advice="Parse 'Date Egg' with pd.to_datetime, then use .dt.year.")
    expect_type(counts, pd.Series, "nests_per_year(raw)")
    expect(same_values(original, raw),
           "your function added or changed columns of `raw`: build new Series (or use `raw.assign(...)`) "
           "instead of writing into the frame you were given.")
    years = list(counts.index)
    expect(not any(isinstance(year, str) for year in years),
           f"the years in the index are text ({years}): "
           "parse the dates with pd.to_datetime and take `.dt.year`.")
    expect(pd.api.types.is_integer_dtype(counts.index),
           f"the index should hold the years as integers (`.dt.year`), got {years}.")
    expect(sorted(years) == [2007, 2008], f"the index should hold each year once, got {years}.")
    expect(years == [2007, 2008], f"sort the result by year (`.sort_index()`), got {years}.")
    by_year = dict(zip(years, counts.tolist()))
    expect(by_year != {2007: 4, 2008: 4},
           "you counted birds (rows), not nests: the two adults of a nest share the nest label, "
           "'N1' in 'N1A1' and 'N1A2'; count the distinct labels per year (`.nunique()`).")
    expect(by_year != {2007: 2, 2008: 1},
           "a nest label is reused from one year to the next: count distinct labels within each year, "
           "not the labels across all years.")
    expect(by_year != {2007: 2, 2008: 2},
           "in 2008 the nests N1 and N12 were counted as one: a nest label can have several digits "
           "('N12' in 'N12A1'), so take every digit after the N.")
    expect(by_year == {2007: 2, 2008: 3},
           "for the example frame of the check "
           f"(2 nests in 2007; 3 in 2008: N2, N1 and N12) you returned {by_year}.")
    # Columns in another order (as in the real table, where 'Date Egg' comes after 'Individual ID' and
    # other columns), three years, a nest with a single bird sampled.
    other = pd.DataFrame({
        "Date Egg": ["2009-11-20", "2009-11-20", "2010-11-02", "2011-11-14", "2011-11-14", "2011-11-30"],
        "Island": ["Dream"] * 6,
        "Individual ID": ["N31A1", "N31A2", "N31A1", "N4A1", "N4A2", "N5A2"],
        "Clutch Completion": ["Yes"] * 6,
    }, index=[12, 10, 11, 15, 13, 14])
    counts = call(nests_per_year, other,
                  advice="This frame has its columns in another order than the first one ('Date Egg' first, "
                         "'Individual ID' third): does your function select the columns by their names?")
    expect_type(counts, pd.Series, "nests_per_year(other)")
    by_year = dict(zip(counts.index, counts.tolist()))
    expect(by_year == {2009: 1, 2010: 1, 2011: 2} and list(counts.index) == [2009, 2010, 2011],
           "with the columns in another order ('Date Egg' first, 'Individual ID' third), three years and a "
           "nest with one bird sampled, expected {2009: 1, 2010: 1, 2011: 2} (sorted by year), got "
           f"{by_year}.")


@exercise("mean mass per species and sex", DATA_HANDLING, hints=[
    "Group by two columns at once, and keep them as columns rather than as the index.",
    "Named aggregation, `.agg(new_name=(column, function))`, names each result column. Which aggregation "
    "counts the values that are present, and which counts every row?",
])
def q4(mass_summary):
    data = pd.DataFrame({
        "species": ["A", "A", "A", "B", "B", "B"],
        "island": ["x", "x", "y", "y", "y", "y"],
        "body_mass_g": [3000.0, np.nan, 4000.0, 5000.0, 5200.0, 6000.0],
        "sex": ["female", "female", "male", "male", "male", None],
    }).astype({"species": "str", "island": "str", "sex": "str"})
    original = data.copy()
    summary = call(mass_summary, data,
                   advice="Select the mass column before aggregating: the mean of a text column fails.")
    expect_type(summary, pd.DataFrame, "mass_summary(data)")
    expect_unchanged(original, data, "frame", "return a new DataFrame")
    missing = [c for c in ("species", "sex") if c not in summary.columns]
    expect(not (missing and set(missing) <= set(summary.index.names)),
           "species and sex should be columns, not the index: "
           "use `groupby(..., as_index=False)` or `.reset_index()`.")
    needed = ["species", "sex", "mean_mass_g", "n_weighed"]
    expect(all(c in summary.columns for c in needed),
           f"the result should have the columns {needed}, got {list(summary.columns)}.")
    expect(not summary["sex"].isna().any(),
           "there is a row for birds whose sex is missing: keep only groups with a recorded sex "
           "(groupby drops missing keys by default, so do not pass dropna=False).")
    keys = list(zip(summary["species"], summary["sex"]))
    expect(sorted(keys) == [("A", "female"), ("A", "male"), ("B", "male")],
           f"one row per (species, sex) pair found in the data; got {keys}.")
    expect(keys == sorted(keys), f"sort the rows by species, then sex; got {keys}.")
    row = dict(zip(keys, summary["n_weighed"].tolist()))
    expect(row != {("A", "female"): 2, ("A", "male"): 1, ("B", "male"): 2},
           "n_weighed counts a bird whose mass is missing: "
           "use 'count' (non-missing values), not 'size' (rows).")
    expect(row == {("A", "female"): 1, ("A", "male"): 1, ("B", "male"): 2},
           f"n_weighed should be the number of birds with a recorded mass in each group; got {row}.")
    means = dict(zip(keys, summary["mean_mass_g"].tolist()))
    expect(not math.isclose(means[("A", "female")], 1500.0),
           "the mean counted a missing mass as 0: "
           "pandas' mean skips missing values, so do not fill them first.")
    expect(all(math.isclose(means[k], v) for k, v in {("A", "female"): 3000.0, ("A", "male"): 4000.0,
                                                       ("B", "male"): 5100.0}.items()),
           f"mean_mass_g should be the mean body mass of each group; got {means}.")
    # Other columns too, in another order, unsorted rows, and a weighed bird whose bill length is missing.
    other = pd.DataFrame({
        "sex": ["male", "female", "female", "male", "female", None, "female", "female"],
        "bill_length_mm": [50.0, np.nan, 46.0, 39.0, 37.0, 41.0, np.nan, 36.0],
        "body_mass_g": [5600.0, 4500.0, 4700.0, 3800.0, np.nan, 3500.0, 3300.0, 3400.0],
        "species": ["Gentoo", "Gentoo", "Gentoo", "Adelie", "Adelie", "Adelie", "Chinstrap", "Adelie"],
        "island": ["Biscoe", "Biscoe", "Biscoe", "Dream", "Dream", "Dream", "Dream", "Torgersen"],
    }).astype({"species": "str", "island": "str", "sex": "str"})
    summary = call(mass_summary, other)
    expect_type(summary, pd.DataFrame, "mass_summary(other)")
    expect(all(c in summary.columns for c in needed),
           f"the result should have the columns {needed}, got {list(summary.columns)}.")
    found = [tuple(row) for row in summary[needed].itertuples(index=False)]
    wanted = [("Adelie", "female", 3400.0, 1), ("Adelie", "male", 3800.0, 1),
              ("Chinstrap", "female", 3300.0, 1), ("Gentoo", "female", 4600.0, 2),
              ("Gentoo", "male", 5600.0, 1)]
    if not (len(found) == len(wanted) and all(
            f[:2] == w[:2] and f[3] == w[3] and math.isclose(f[2], w[2])
            for f, w in zip(found, wanted))):
        dropped = other.dropna().groupby(["species", "sex"], as_index=False).agg(
            mean_mass_g=("body_mass_g", "mean"), n_weighed=("body_mass_g", "count"))
        expect(not (len(summary) == len(dropped)
                    and summary["n_weighed"].tolist() == dropped["n_weighed"].tolist()),
               "birds with a missing value in another column were left out (`dropna()` on the whole frame?): "
               "a bird whose bill length is missing still has a body mass. Only the sex and the mass matter "
               "here.")
        expect(False, "for a frame with the columns in another order, 3 species, a weighed Gentoo female "
                      "without a bill length and an unweighed Adelie female, the rows (species, sex, "
                      f"mean_mass_g, n_weighed) should be {wanted}; got {found}.")


@exercise("impute with training medians", DATA_HANDLING, hints=[
    "Compute the medians once, on data_train only, and use them to fill both frames.",
    "`DataFrame.median` has an option to leave the text columns out, and `fillna` accepts a Series of "
    "values, one per column: each column is then filled with its own value.",
])
def q5(impute_train_medians):
    data_train = pd.DataFrame({"mass": [1.0, 2.0, 3.0, 100.0, np.nan],
                               "flipper": [10.0, np.nan, 30.0, 40.0, 50.0],
                               "island": ["a", "b", None, "a", "b"]},
                              index=[4, 0, 7, 2, 9]).astype({"island": "str"})
    data_test = pd.DataFrame({"mass": [np.nan, 1000.0, 2000.0], "flipper": [np.nan, 500.0, 600.0],
                              "island": ["a", None, "b"]}, index=[1, 8, 3]).astype({"island": "str"})
    train_before, test_before = data_train.copy(), data_test.copy()
    result = call(impute_train_medians, data_train, data_test,
                  advice="`data_train.median(numeric_only=True)` gives "
                         "the median of the numeric columns only.")
    expect(isinstance(result, (tuple, list)) and len(result) == 2,
           "return both frames as a pair: "
           f"`return train_imputed, test_imputed` (got a {type(result).__name__}).")
    train, test = result
    expect_type(train, pd.DataFrame, "the imputed training frame")
    expect_type(test, pd.DataFrame, "the imputed test frame")
    expect(same_values(train_before, data_train) and same_values(test_before, data_test),
           "your function filled the frames it was given: return new frames (`fillna` without inplace=True).")
    expect(train.shape == data_train.shape and test.shape == data_test.shape,
           "imputing keeps every row and column: the shapes changed.")
    expect(train.index.equals(data_train.index) and test.index.equals(data_test.index),
           "keep the rows in their order, with their index.")
    filled = test.loc[1, "mass"]
    expect(not pd.isna(filled), "the test frame still has missing numeric values: fill them too.")
    expect(not math.isclose(filled, 1500.0),
           "the test frame was filled with the medians of the test data (1500 for 'mass'): it must be filled "
           "with the TRAINING medians, as the test data stands for new data you have not seen.")
    expect(not math.isclose(filled, 51.5),
           "the test frame was filled with the medians of the training and test data together (51.5 for "
           "'mass'): that leaks the test data into the preprocessing; compute them on data_train only.")
    expect(not math.isclose(filled, 26.5),
           "the test frame was filled with the training mean (26.5 for 'mass'); use the median, "
           "which outliers do not drag.")
    expect(math.isclose(filled, 2.5) and math.isclose(test.loc[1, "flipper"], 35.0),
           "a missing test value should become the training median of its column; "
           f"got {test.loc[1, ['mass', 'flipper']].tolist()}.")
    expect(not train[["mass", "flipper"]].isna().any().any(),
           "the training frame still has missing numeric values.")
    expect(math.isclose(train.loc[9, "mass"], 2.5) and math.isclose(train.loc[0, "flipper"], 35.0),
           "a missing training value should become the training median of its column.")
    expect(train["island"].isna().sum() == 1 and test["island"].isna().sum() == 1,
           "only the numeric columns are imputed with medians: "
           "leave text columns (here 'island') as they are.")
    expect(test.loc[8, "mass"] == 1000.0 and train.loc[2, "mass"] == 100.0,
           "values that were present must not change.")
    # Other column names, in another order (the text column first), and an integer column without gaps.
    other_train = pd.DataFrame({"Species": ["x", "y", "x", "y"], "Delta 15 N": [8.0, np.nan, 9.0, 10.0],
                                "Year": [2007, 2008, 2009, 2007],
                                "Body Mass (g)": [np.nan, 3000.0, 5000.0, 4000.0]},
                               index=[3, 1, 0, 2]).astype({"Species": "str"})
    other_test = pd.DataFrame({"Species": ["y", None], "Delta 15 N": [np.nan, 7.0], "Year": [2008, 2009],
                               "Body Mass (g)": [np.nan, np.nan]}, index=[5, 4]).astype({"Species": "str"})
    result = call(impute_train_medians, other_train, other_test,
                  advice="This time the columns have other names, in another order, with a text column "
                         "first: does your function find the numeric columns itself?")
    expect(isinstance(result, (tuple, list)) and len(result) == 2,
           "return both frames as a pair, `return train_imputed, test_imputed`; got "
           f"{type(result).__name__}.")
    train, test = result
    expect(isinstance(train, pd.DataFrame) and isinstance(test, pd.DataFrame),
           "both results should be DataFrames.")
    wanted = other_test.fillna({"Delta 15 N": 9.0, "Body Mass (g)": 4000.0})
    expect(list(test.columns) == list(other_test.columns) and test.index.equals(other_test.index)
           and test[["Delta 15 N", "Body Mass (g)"]].equals(wanted[["Delta 15 N", "Body Mass (g)"]])
           and test["Year"].tolist() == [2008, 2009] and test["Species"].isna().sum() == 1,
           "with the columns Species (text), 'Delta 15 N', Year and 'Body Mass (g)', the missing test values "
           "should become the training medians 9.0 and 4000.0, and nothing else should change; "
           f"got {test.to_dict('list')}.")


@exercise("wide to long with melt", DATA_HANDLING, hints=[
    "`melt` keeps the `id_vars` columns and stacks the "
    "`value_vars` columns into two: their name and their value.",
    "`melt` takes the columns to keep beside each value (`id_vars`), the columns to stack (`value_vars`, by "
    "name) and the names of the two new columns; then drop the rows whose value is missing, and only those.",
])
def q6(to_long):
    data = pd.DataFrame({
        "species": ["A", "B", "B"], "island": ["x", "y", "y"],
        "bill_length_mm": [40.0, 45.0, np.nan], "bill_depth_mm": [18.0, 15.0, 16.0],
        "flipper_length_mm": [190.0, 215.0, 220.0], "body_mass_g": [3800.0, 5000.0, 5400.0],
        "sex": ["male", "female", None], "year": [2007, 2008, 2009],
    }).astype({"species": "str", "island": "str", "sex": "str"})
    original = data.copy()
    long = call(to_long, data)
    expect_type(long, pd.DataFrame, "to_long(data)")
    expect_unchanged(original, data, "frame", "return a new DataFrame")
    columns = list(long.columns)
    expect("variable" not in columns,
           "the column 'variable' should be called 'measurement': pass `var_name='measurement'` to melt.")
    expect(sorted(columns) == sorted(["species", "island", "measurement", "value"]),
           f"the long frame should have the columns species, island, measurement and value; got {columns}.")
    melted = sorted(set(long["measurement"].dropna()))
    extra = sorted(set(melted) - set(MEASUREMENTS))
    expect(not extra, f"only the four measurements should be melted, but 'measurement' also holds {extra}: "
           "list the measurement columns in `value_vars`.")
    expect(melted == sorted(MEASUREMENTS),
           f"'measurement' should hold the four measurement names; got {melted}.")
    expect(len(long) != 12, "drop the rows whose value is missing (one bird has no bill length).")
    expect(len(long) == 11, f"3 birds x 4 measurements minus 1 missing value = 11 rows; got {len(long)}.")
    expect(pd.api.types.is_numeric_dtype(long["value"]),
           f"'value' should be numeric, got dtype {long['value'].dtype}.")
    rows = long[(long["species"] == "B") & (long["measurement"] == "body_mass_g")]
    expect(sorted(rows["value"].tolist()) == [5000.0, 5400.0] and set(rows["island"]) == {"y"},
           "each row should keep its bird's species and island next to the measurement and its value.")
    # The columns in another order, a bird with two missing measurements and one with an unknown island.
    other = pd.DataFrame({
        "year": [2009, 2008], "body_mass_g": [np.nan, 4100.0], "sex": ["female", None],
        "bill_depth_mm": [17.0, 18.5], "island": ["Dream", None], "species": ["Adelie", "Chinstrap"],
        "flipper_length_mm": [np.nan, 196.0], "bill_length_mm": [39.5, 48.0],
    }, index=[8, 3]).astype({"species": "str", "island": "str", "sex": "str"})
    long = call(to_long, other,
                advice="This frame has its columns in another order: does your function name the measurement "
                       "columns rather than take them by position?")
    expect_type(long, pd.DataFrame, "to_long(other)")
    expect(sorted(long.columns) == sorted(["species", "island", "measurement", "value"]),
           f"the long frame should have the columns species, island, measurement and value; "
           f"got {list(long.columns)}.")
    melted = sorted(set(long["measurement"].dropna()))
    extra = sorted(set(melted) - set(MEASUREMENTS))
    expect(not extra, f"only the four measurements should be melted, but with the columns in another order "
                      f"'measurement' also holds {extra}: name the four measurement columns in `value_vars`.")
    counted = long.groupby("species")["value"].count().to_dict() if len(long) else {}
    expect(counted == {"Adelie": 2, "Chinstrap": 4},
           "with the columns in another order, an Adelie with 2 of its 4 measurements missing and a "
           "Chinstrap of unknown island, there should be 2 Adelie rows and 4 Chinstrap rows (a missing "
           f"island is no reason to drop a measurement); got {counted}.")


@exercise("clean the Adult data (capstone step)", DATA_HANDLING, hints=[
    "Work step by step on a new frame: rename the columns, clean the text columns one by one, then "
    "convert income if the column is there (`if 'income' in data.columns:`).",
    "`data = raw.rename(columns=lambda name: name.replace('-', '_'))`; for each column of "
    "`data.select_dtypes(include=['object', 'str'])`: `text = data[column].str.strip()` then "
    "`data[column] = text.mask(text == '?')`; finally "
    "`data['income_over_50k'] = (data.pop('income') == '>50K').astype(int)`.",
])
def q7(clean_adult):
    raw = _adult_like(with_income=True)
    original = raw.copy()
    clean = call(clean_adult, raw)
    expect_type(clean, pd.DataFrame, "clean_adult(raw)")
    expect(same_values(original, raw),
           "your function changed the frame it was given (its column names or values): work on a copy "
           "and return it; the capstone still needs the raw data afterwards.")
    expect(len(clean) == len(raw),
           f"rows were dropped ({len(clean)} of {len(raw)} kept): keep every row, even duplicates and rows "
           "with missing values, so that predictions stay aligned "
           "with their rows; the caller decides what to drop.")
    expect(clean.index.equals(raw.index),
           "the rows must keep their order and index (no sorting, no reset_index), so they stay aligned.")
    columns = list(clean.columns)
    expect(not any("-" in str(c) for c in columns),
           f"'-' in column names must become '_' (education-num -> education_num); got {columns}.")
    expect("income" not in columns,
           "the income column should be replaced by the integer column income_over_50k.")
    expected = ["age", "workclass", "education_num", "marital_status", "hours_per_week", "native_country"]
    expect([c for c in columns if c != "income_over_50k"] == expected,
           f"the other columns should keep their order with snake_case names {expected}; got {columns}.")
    for column in ("workclass", "marital_status", "native_country"):
        values = [v for v in clean[column] if isinstance(v, str)]
        expect(all(v == v.strip() for v in values),
               f"text values still have surrounding spaces (column {column!r}: {values[:3]}): "
               "strip every text column with `.str.strip()` (in pandas 3 text columns have the dtype `str`: "
               "`select_dtypes(include='str')` finds them).")
    for column in ("workclass", "native_country"):
        expect(not (clean[column] == "?").any(),
               f"'?' is still a value in {column!r}: after stripping the spaces, turn '?' into a missing "
               "value (NaN) so that isna() counts it. Comparing to '?' before stripping finds nothing, "
               "because the raw value is ' ?'.")
    expect(clean["workclass"].isna().sum() == 2 and clean["native_country"].isna().sum() == 1,
           f"every '?' should become a missing value and nothing else; missing values found: "
           f"{clean.isna().sum().to_dict()}.")
    expect(clean["marital_status"].tolist() == [v.strip() for v in raw["marital-status"]],
           "text values should only lose their surrounding spaces.")
    for column in ("age", "education_num", "hours_per_week"):
        expect(pd.api.types.is_numeric_dtype(clean[column]),
               f"numeric columns must stay numeric: {column!r} has dtype {clean[column].dtype}.")
    expect(clean["age"].tolist() == raw["age"].tolist(), "numbers should not change.")
    expect("income_over_50k" in columns,
           "add the integer column income_over_50k (1 for '>50K', 0 otherwise).")
    target = clean["income_over_50k"]
    expect(not pd.api.types.is_bool_dtype(target),
           "income_over_50k holds True/False: make it integers with `.astype(int)`.")
    expect(pd.api.types.is_integer_dtype(target),
           f"income_over_50k should be integers 0 and 1, got dtype {target.dtype}.")
    expect(target.tolist() == [0, 1, 0, 1, 1],
           "income_over_50k should be 1 where income is '>50K' (after stripping) "
           f"and 0 otherwise; got {target.tolist()}.")

    test = _adult_like(with_income=False)
    test_original = test.copy()
    clean_test = call(clean_adult, test,
                      advice="The capstone's test set has no income column: "
                             "convert income only when it is present.")
    expect_type(clean_test, pd.DataFrame, "clean_adult(test) for a frame without income")
    expect(same_values(test_original, test),
           "your function changed the frame without income that it was given.")
    expect("income_over_50k" not in clean_test.columns,
           "a frame without an income column should not get an income_over_50k column.")
    expect(len(clean_test) == len(test) and clean_test.index.equals(test.index),
           "a frame without income must keep all its rows, in order, too.")
    expect("id" in clean_test.columns and clean_test["id"].tolist() == test["id"].tolist(),
           "leave other columns, such as the test set's id, untouched.")
    expect(clean_test["workclass"].isna().sum() == 2,
           "clean a frame without income in the same way: '?' becomes missing.")
    # Other text columns, in another order: income first, an occupation with '?', a numeric column with a
    # dash.
    other = pd.DataFrame({
        "income": [" >50K", " <=50K", " <=50K"], "occupation": [" Sales", " ?", " Tech-support"],
        "capital-gain": [0, 2174, 0], "sex": [" Female", " Male", " Male"],
        "race": [" White", " Black", " ?"],
    }, index=[21, 20, 22]).astype({"income": "str", "occupation": "str", "sex": "str", "race": "str"})
    other_original = other.copy()
    cleaned = call(clean_adult, other,
                   advice="This frame has other text columns (occupation, sex, race), in another order: does "
                          "your function find the columns itself rather than list them by name?")
    expect_type(cleaned, pd.DataFrame, "clean_adult(other)")
    expect(same_values(other_original, other), "your function changed the frame it was given.")
    wanted = {"occupation": ["Sales", None, "Tech-support"], "capital_gain": [0, 2174, 0],
              "sex": ["Female", "Male", "Male"], "race": ["White", "Black", None],
              "income_over_50k": [1, 0, 0]}
    got = {column: _text(cleaned[column]) for column in cleaned.columns}
    expect(list(cleaned.columns) == list(wanted) and got == wanted and cleaned.index.equals(other.index),
           "with other text columns in another order (income first, then occupation, capital-gain, sex, "
           "race) every text column should be stripped, every '?' missing and income converted: expected "
           f"{wanted}, got {got}.")
