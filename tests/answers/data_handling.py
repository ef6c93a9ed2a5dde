from tests.answers import WrongAnswer

WRONG = {
    # Replaces only the spaces: "Culmen Length (mm)" becomes "culmen_length_(mm)".
    "q1-answer": WrongAnswer(
        code='def tidy_columns(raw):\n'
             '    return raw.rename(columns=lambda name: name.lower().replace(" ", "_"))\n',
        message="brackets and other punctuation must become underscores too",
    ),
    # str.extract without expand=False gives a one-column DataFrame.
    "q2-answer": WrongAnswer(
        code='def short_species(species):\n    return species.str.extract(r"^(\\w+)")\n',
        message="`str.extract` returns one column per group in a DataFrame unless you pass `expand=False`",
    ),
    # Counts rows (birds) per year instead of distinct nests.
    "q3-answer": WrongAnswer(
        code='def nests_per_year(raw):\n'
             '    return pd.to_datetime(raw["Date Egg"]).dt.year.value_counts().sort_index()\n',
        message="you counted birds (rows), not nests",
    ),
    # 'size' counts rows, including birds whose mass is missing.
    "q4-answer": WrongAnswer(
        code=('def mass_summary(data):\n    return data.groupby(["species", "sex"], as_index=False).agg(\n'
              '        mean_mass_g=("body_mass_g", "mean"), n_weighed=("body_mass_g", "size"))\n'),
        message="use 'count' (non-missing values), not 'size' (rows)",
    ),
    # Fills each frame with its own medians: the test medians leak into the test preprocessing.
    "q5-answer": WrongAnswer(
        code=('def impute_train_medians(data_train, data_test):\n'
              '    return (data_train.fillna(data_train.median(numeric_only=True)),\n'
              '            data_test.fillna(data_test.median(numeric_only=True)))\n'),
        message="did you compute the medians on the test data?",
    ),
    # Melts every non-id column, sex and year included.
    "q6-answer": WrongAnswer(
        code=('def to_long(data):\n'
              '    return data.melt(id_vars=["species", "island"], var_name="measurement").dropna()\n'),
        message="only the four measurements should be melted",
    ),
    # Compares with "?" before stripping, so " ?" is never matched and stays as "?".
    "q7-answer": WrongAnswer(
        code=('def clean_adult(raw):\n    data = raw.replace("?", np.nan)\n'
              '    data.columns = [name.replace("-", "_") for name in data.columns]\n'
              '    for column in data.select_dtypes(include="str").columns:\n'
              '        data[column] = data[column].str.strip()\n'
              '    if "income" in data.columns:\n'
              '        data["income_over_50k"] = (data.pop("income") == ">50K").astype(int)\n'
              '    return data\n'),
        message="'?' is still a value",
    ),
}

# A case-sensitive pattern written from the first label only: the Gentoo and Chinstrap labels say
# "penguin", not "Penguin", so their short names come out missing on the real data.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q2-answer",
    'def short_species(species):\n    return species.str.extract(r"^(\\w+) Penguin", expand=False)\n',
)
