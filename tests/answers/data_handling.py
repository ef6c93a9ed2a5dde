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
        message="the test frame was filled with the medians of the test data",
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

ALTERNATIVES = {
    # re.findall on each name, joined by underscores.
    "q1-answer": ('import re\n\n\ndef tidy_columns(raw):\n'
                  '    return raw.rename(columns=lambda name: "_".join(re.findall(r"[a-z0-9]+", '
                  'name.lower())))\n'),
    # split on white space and take the first piece.
    "q2-answer": 'def short_species(species):\n    return species.str.split().str[0]\n',
    # assign on a copy, then groupby on the new columns.
    "q3-answer": ('def nests_per_year(raw):\n'
                  '    dated = raw.assign(year=pd.to_datetime(raw["Date Egg"]).dt.year,\n'
                  '                       nest=raw["Individual ID"].str.extract(r"^(N\\d+)", expand=False))\n'
                  '    return dated.groupby("year")["nest"].nunique()\n'),
    # The mass column's statistics, renamed, then the groups back as columns.
    "q4-answer": ('def mass_summary(data):\n'
                  '    known = data[data["sex"].notna()]\n'
                  '    summary = known.groupby(["species", "sex"])["body_mass_g"].agg(["mean", "count"])\n'
                  '    return summary.rename(columns={"mean": "mean_mass_g", "count": '
                  '"n_weighed"}).reset_index()\n'),
    # The numeric columns found with select_dtypes, filled column by column.
    "q5-answer": ('def impute_train_medians(data_train, data_test):\n'
                  '    numeric = data_train.select_dtypes("number").columns\n'
                  '    medians = {column: data_train[column].median() for column in numeric}\n'
                  '    return data_train.fillna(value=medians), data_test.fillna(value=medians)\n'),
    # One frame per measurement, stacked with concat.
    "q6-answer": ('def to_long(data):\n'
                  '    parts = [data[["species", "island"]].assign(measurement=name, value=data[name])\n'
                  '             for name in ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", '
                  '"body_mass_g"]]\n'
                  '    long = pd.concat(parts, ignore_index=True)\n'
                  '    return long[long["value"].notna()]\n'),
    # A copy renamed with str.replace, text columns through apply, income through np.where.
    "q7-answer": ('def clean_adult(raw):\n    data = raw.copy()\n'
                  '    data.columns = data.columns.str.replace("-", "_")\n'
                  '    for column in data.columns:\n'
                  '        if not pd.api.types.is_numeric_dtype(data[column]):\n'
                  '            data[column] = data[column].str.strip().replace("?", np.nan)\n'
                  '    if "income" in data.columns:\n'
                  '        data["income_over_50k"] = np.where(data["income"] == ">50K", 1, 0)\n'
                  '        data = data.drop(columns="income")\n'
                  '    return data\n'),
}

VISIBLE_ONLY = {
    # Replaces the symbols of the first example one by one: a dash or a trailing space stays.
    "q1-answer": WrongAnswer(
        code=('def tidy_columns(raw):\n'
              '    return raw.rename(columns=lambda name: name.lower().replace(" ", "_").replace("(", "")\n'
              '                      .replace(")", "").replace("/", "_"))\n'),
        message="expected ['delta_15_n_o_oo', 'native_country', 'date_egg', 'sample_number']",
    ),
    # Sorts by index: the first labels' index is sorted already.
    "q2-answer": WrongAnswer(
        code='def short_species(species):\n'
             '    return species.str.extract(r"^(\\w+)", expand=False).sort_index()\n',
        message="keep the index of the labels, in their order",
    ),
    # Takes the columns by position, as they are in the first example.
    "q3-answer": WrongAnswer(
        code=('def nests_per_year(raw):\n    year = pd.to_datetime(raw.iloc[:, 2]).dt.year\n'
              '    nest = raw.iloc[:, 1].str.extract(r"^(N\\d+)", expand=False)\n'
              '    return nest.groupby(year).nunique().sort_index()\n'),
        message="in another order",
    ),
    # Drops every incomplete row first: the first example has no gap outside sex and mass.
    "q4-answer": WrongAnswer(
        code=('def mass_summary(data):\n'
              '    return data.dropna().groupby(["species", "sex"], as_index=False).agg(\n'
              '        mean_mass_g=("body_mass_g", "mean"), n_weighed=("body_mass_g", "count"))\n'),
        message="birds with a missing value in another column were left out",
    ),
    # Hard-codes the first example's column names.
    "q5-answer": WrongAnswer(
        code=('def impute_train_medians(data_train, data_test):\n'
              '    medians = data_train[["mass", "flipper"]].median()\n'
              '    return data_train.fillna(medians), data_test.fillna(medians)\n'),
        message="does your function find the numeric columns itself?",
    ),
    # Takes the measurement columns by position, as they are in the tidy table.
    "q6-answer": WrongAnswer(
        code=('def to_long(data):\n'
              '    long = data.melt(id_vars=["species", "island"], value_vars=list(data.columns[2:6]),\n'
              '                     var_name="measurement", value_name="value")\n'
              '    return long.dropna(subset=["value"])\n'),
        message="in another order",
    ),
    # Lists the text columns of the first example by name.
    "q7-answer": WrongAnswer(
        code=('def clean_adult(raw):\n'
              '    data = raw.rename(columns=lambda name: name.replace("-", "_"))\n'
              '    for column in ["workclass", "marital_status", "native_country"]:\n'
              '        text = data[column].str.strip()\n'
              '        data[column] = text.mask(text == "?")\n'
              '    if "income" in data.columns:\n'
              '        data["income_over_50k"] = (data.pop("income").str.strip() == ">50K").astype(int)\n'
              '    return data\n'),
        message="does your function find the columns itself",
    ),
}
