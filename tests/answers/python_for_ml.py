from tests.answers import WrongAnswer

WRONG = {
    "q1-answer": WrongAnswer(
        code='def mass_kg(grams):\n    return grams / 1000\n',
        message="A missing measurement must come back as None",
    ),
    "q2-answer": WrongAnswer(
        code='def complete_rows(rows, columns):\n'
             '    return [row for row in rows if all(row[c] for c in columns)]\n',
        message="a row whose value is 0 was dropped",
    ),
    "q3-answer": WrongAnswer(
        code=('def count_by(rows, column):\n    counts = {}\n    for row in rows:\n'
              '        counts[row[column]] = counts.get(row[column], 0) + 1\n    return counts\n'),
        message="missing values (None) must not be counted",
    ),
    "q4-answer": WrongAnswer(
        code=('def mean_by(rows, group_column, value_column):\n    sums, counts = {}, {}\n'
              '    for row in rows:\n        group, value = row[group_column], row[value_column]\n'
              '        if group is None:\n            continue\n'
              '        counts[group] = counts.get(group, 0) + 1\n'
              '        sums[group] = sums.get(group, 0) + (value or 0)\n'
              '    return {group: sums[group] / counts[group] for group in sums}\n'),
        message="including those whose value is missing",
    ),
    "q5-answer": WrongAnswer(
        code='def clean_value(text):\n    return float(text.strip())\n',
        message="Missing values written as 'NA' or '' must become None",
    ),
    "q6-answer": WrongAnswer(
        code=('def standardize(values):\n    values = np.asarray(values, dtype=float)\n'
              '    return (values - values.mean()) / values.std(ddof=1)\n'),
        message="you divided by the sample standard deviation (ddof=1)",
    ),
}

# Recognises numbers by their digits, so "1e3" (a number written with an exponent) stays text.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q5-answer",
    'def clean_value(text):\n    text = text.strip()\n    if text in ("", "NA"):\n        return None\n'
    '    if text.lstrip("-").replace(".", "", 1).isdigit():\n        return float(text)\n    return text\n',
)

ALTERNATIVES = {
    # Multiplies instead of dividing: 3.7500000000000004 is as right as 3.75.
    "q1-answer": 'def mass_kg(grams):\n    return None if grams is None else grams * 0.001\n',
    # A filter over a generator of missing columns.
    "q2-answer": ('def complete_rows(rows, columns):\n'
                  '    return list(filter(lambda row: not any(row[c] is None for c in columns), rows))\n'),
    # A collections.Counter is a dict.
    "q3-answer": ('from collections import Counter\n\n\ndef count_by(rows, column):\n'
                  '    return Counter(row[column] for row in rows if row[column] is not None)\n'),
    # Lists of values per group, then statistics.fmean.
    "q4-answer": ('from collections import defaultdict\nfrom statistics import fmean\n\n\n'
                  'def mean_by(rows, group_column, value_column):\n    groups = defaultdict(list)\n'
                  '    for row in rows:\n'
                  '        if row[group_column] is not None and row[value_column] is not None:\n'
                  '            groups[row[group_column]].append(row[value_column])\n'
                  '    return {group: fmean(values) for group, values in groups.items()}\n'),
    # Tests for a number with a NumPy float and no early strip of the missing markers.
    "q5-answer": ('def clean_value(text):\n    stripped = text.strip()\n'
                  '    if not stripped or stripped == "NA":\n        return None\n'
                  '    try:\n        return float(np.float64(stripped))\n'
                  '    except ValueError:\n        return stripped\n'),
    # float32 z-scores: as valid as float64 where the text asks for floats.
    "q6-answer": ('def standardize(values):\n    values = np.array(values, dtype=np.float32)\n'
                  '    return (values - values.mean()) / values.std()\n'),
}

VISIBLE_ONLY = {
    # Skips a real 0 with `if not grams`: no 0 in the first inputs.
    "q1-answer": WrongAnswer(
        code='def mass_kg(grams):\n    if not grams:\n        return None\n    return grams / 1000\n',
        message="a mass of 0 is a measurement, not a missing value",
    ),
    # Looks at every column of the row, not the listed ones: the first rows have no other column.
    "q2-answer": WrongAnswer(
        code='def complete_rows(rows, columns):\n'
             '    return [row for row in rows if None not in row.values()]\n',
        message="with columns=['a'] only the column 'a' should decide",
    ),
    # Skips falsy values: the first rows hold no 0 and no empty text.
    "q3-answer": WrongAnswer(
        code=('def count_by(rows, column):\n    counts = {}\n    for row in rows:\n'
              '        if row[column]:\n'
              '            counts[row[column]] = counts.get(row[column], 0) + 1\n    return counts\n'),
        message="values 0 and '' (empty text) were not counted",
    ),
    # Skips a real 0 with `if not value`: the first rows hold no 0.
    "q4-answer": WrongAnswer(
        code=('def mean_by(rows, group_column, value_column):\n    sums, counts = {}, {}\n'
              '    for row in rows:\n        group, value = row[group_column], row[value_column]\n'
              '        if group is None or not value:\n            continue\n'
              '        sums[group] = sums.get(group, 0) + value\n'
              '        counts[group] = counts.get(group, 0) + 1\n'
              '    return {group: sums[group] / counts[group] for group in sums}\n'),
        message="a value of 0 was skipped as if it were missing",
    ),
    # Tests for 'NA' before stripping: the first input 'NA' has no spaces around it.
    "q5-answer": WrongAnswer(
        code=('def clean_value(text):\n    if text in ("", "NA"):\n        return None\n'
              '    text = text.strip()\n'
              '    try:\n        return float(text)\n    except ValueError:\n        return text\n'),
        message="strip the spaces first, then test for '' and 'NA'",
    ),
    # Standardizes in place: np.asarray copies a list (the first input) but not a float array.
    "q6-answer": WrongAnswer(
        code=('def standardize(values):\n    values = np.asarray(values, dtype=float)\n'
              '    values -= values.mean()\n    values /= values.std()\n    return values\n'),
        message="your function changed the array",
    ),
}
