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

# Strips after testing for 'NA', so "  NA " comes back as the text "NA".
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q5-answer",
    'def clean_value(text):\n    if text in ("", "NA"):\n        return None\n    text = text.strip()\n'
    '    try:\n        return float(text)\n    except ValueError:\n        return text\n',
)
