from tests.answers import WrongAnswer

WRONG = {
    # The unit is missing from the x-axis label.
    "q1-answer": WrongAnswer(
        code=('def body_mass_histogram(penguins):\n    fig, ax = plt.subplots()\n'
              '    sns.histplot(data=penguins, x="body_mass_g", bins=20, ax=ax)\n'
              '    ax.set(xlabel="Body mass", ylabel="Number of penguins", title="Body mass")\n'
              '    return ax\n'),
        message="its unit in brackets, '(g)'",
    ),
    # The default "traffic light" colours: red and green side by side.
    "q2-answer": WrongAnswer(
        code=('def flipper_mass_scatter(penguins):\n    fig, ax = plt.subplots()\n'
              '    sns.scatterplot(data=penguins, x="flipper_length_mm", y="body_mass_g", hue="species",\n'
              '                    palette={"Adelie": "red", "Chinstrap": "green", "Gentoo": "blue"}, '
              'ax=ax)\n'
              '    ax.set(xlabel="Flipper length (mm)", ylabel="Body mass (g)", title="Flippers and mass")\n'
              '    return ax\n'),
        message="uses red and green together",
    ),
    # Counts the birds instead of averaging their mass.
    "q3-answer": WrongAnswer(
        code=('def mean_mass_bar(penguins):\n    fig, ax = plt.subplots()\n'
              '    sns.countplot(data=penguins, x="species", ax=ax)\n'
              '    ax.set(xlabel="Species", ylabel="Mean body mass (g)", title="Body mass per species")\n'
              '    return ax\n'),
        message="the bar heights are counts of birds, not mean body masses",
    ),
    # The wrong column.
    "q4-answer": WrongAnswer(
        code=('def bill_length_boxplot(penguins):\n    fig, ax = plt.subplots()\n'
              '    sns.boxplot(data=penguins, x="species", y="bill_depth_mm", ax=ax)\n'
              '    ax.set(xlabel="Species", ylabel="Bill length (mm)", title="Bill length per species")\n'
              '    return ax\n'),
        message="the boxes show 'bill_depth_mm'",
    ),
    # Colour instead of facets: every island on one panel.
    "q5-answer": WrongAnswer(
        code=('def island_facets(penguins):\n    fig, ax = plt.subplots()\n'
              '    sns.scatterplot(data=penguins, x="bill_length_mm", y="bill_depth_mm", hue="island",\n'
              '                    palette="colorblind", ax=ax)\n'
              '    ax.set(xlabel="Bill length (mm)", ylabel="Bill depth (mm)", title="Bills per island")\n'
              '    return fig\n'),
        message="it needs one panel per island",
    ),
    # Forgot to return the chart.
    "q6-answer": WrongAnswer(
        code=('def income_by_age(adult):\n    high_income = adult["income"] == ">50K"\n'
              '    share = high_income.groupby(adult["age"]).mean() * 100\n    fig, ax = plt.subplots()\n'
              '    ax.plot(share.index, share)\n    ax.axhline(high_income.mean() * 100, linestyle="--")\n'
              '    ax.annotate("peak", xy=(share.idxmax(), share.max()))\n'
              '    ax.set(xlabel="Age (years)", ylabel="Earning >50K (%)", title="High earners by age")\n'),
        message="returned None: did you forget `return ax`",
    ),
    # Shares as fractions (0 to 1) in the first panel, though its label says (%).
    "q7-answer": WrongAnswer(
        code=('def adult_eda_figure(adult):\n    high_income = adult["income"] == ">50K"\n'
              '    fig, axes = plt.subplots(2, 2, figsize=(12, 9))\n'
              '    by_education = high_income.groupby(adult["education-num"]).mean()\n'
              '    axes[0, 0].bar(by_education.index, by_education)\n'
              '    axes[0, 0].set(xlabel="Education level", ylabel="Earning >50K (%)", title="Education")\n'
              '    sns.histplot(data=adult, x="hours-per-week", hue="income", stat="percent", '
              'common_norm=False,\n'
              '                 binwidth=5, palette="colorblind", ax=axes[0, 1])\n'
              '    axes[0, 1].set(xlabel="Hours (hours per week)", ylabel="Share (%)", title="Hours")\n'
              '    by_gender = high_income.groupby(adult["gender"]).mean() * 100\n'
              '    axes[1, 0].bar(by_gender.index, by_gender)\n'
              '    axes[1, 0].set(xlabel="Gender", ylabel="Earning >50K (%)", title="Gender")\n'
              '    by_status = high_income.groupby(adult["marital-status"]).mean() * 100\n'
              '    axes[1, 1].barh(by_status.index, by_status)\n'
              '    axes[1, 1].set(xlabel="Earning >50K (%)", ylabel="Marital status", '
              'title="Marital status")\n'
              '    return fig\n'),
        message="the bars of the top-left panel (axes[0, 0]) on the example are fractions between 0 and 1",
    ),
}

# Drops every person with any missing value (workclass, occupation, native country) before computing
# the shares per age. The visible check's made-up census tables have no other columns and no missing
# value, so only the hidden test, on the real census data, sees it.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q6-answer",
    'def income_by_age(adult):\n    adult = adult.dropna()\n'
    '    high_income = adult["income"] == ">50K"\n'
    '    share = high_income.groupby(adult["age"]).mean() * 100\n    fig, ax = plt.subplots()\n'
    '    ax.plot(share.index, share)\n    ax.axhline(high_income.mean() * 100, linestyle="--")\n'
    '    ax.annotate("peak", xy=(share.idxmax(), share.max()))\n'
    '    ax.set(xlabel="Age (years)", ylabel="Earning >50K (%)", title="High earners by age")\n'
    '    return ax\n',
)

# Valid answers in another form: matplotlib or pandas instead of seaborn, units in square brackets or
# after "in", another colour-blind-safe palette.
ALTERNATIVES = {
    "q1-answer": (
        'def body_mass_histogram(penguins):\n    fig, ax = plt.subplots()\n'
        '    ax.hist(penguins["body_mass_g"].dropna().astype("float32"), bins=20)\n'
        '    ax.set_xlabel("Body mass [g]")\n    ax.set_ylabel("Penguins")\n'
        '    ax.set_title("How heavy are the penguins?")\n    return ax\n'),
    "q2-answer": (
        'def flipper_mass_scatter(penguins):\n    fig, ax = plt.subplots()\n'
        '    colours = sns.color_palette("colorblind")\n'
        '    for colour, (kind, rows) in zip(colours, penguins.groupby("species")):\n'
        '        ax.scatter(rows["flipper_length_mm"], rows["body_mass_g"], color=colour, label=kind)\n'
        '    ax.legend(title="Species")\n'
        '    ax.set(xlabel="Flipper length in mm", ylabel="Body mass [g]", title="Flippers and mass")\n'
        '    return ax\n'),
    "q3-answer": (
        'def mean_mass_bar(penguins):\n    fig, ax = plt.subplots()\n'
        '    penguins.groupby("species")["body_mass_g"].mean().plot.bar(ax=ax, rot=0)\n'
        '    ax.set(xlabel="Species", ylabel="Mean body mass [g]", title="Mean mass per species")\n'
        '    return ax\n'),
    "q4-answer": (
        'def bill_length_boxplot(penguins):\n    fig, ax = plt.subplots()\n'
        '    kinds = sorted(penguins["species"].dropna().unique())\n'
        '    lengths = [penguins.loc[penguins["species"] == kind, "bill_length_mm"].dropna()\n'
        '               for kind in kinds]\n'
        '    ax.boxplot(lengths,\n'
        '               tick_labels=kinds)\n'
        '    ax.set(xlabel="Species", ylabel="Bill length in mm", title="Bill length per species")\n'
        '    return ax\n'),
    "q5-answer": (
        'def island_facets(penguins):\n    islands = sorted(penguins["island"].dropna().unique())\n'
        '    fig, axes = plt.subplots(1, len(islands), figsize=(12, 4), squeeze=False)\n'
        '    for ax, island in zip(axes[0], islands):\n'
        '        rows = penguins[penguins["island"] == island]\n'
        '        ax.scatter(rows["bill_length_mm"], rows["bill_depth_mm"], color="#0173b2")\n'
        '        ax.set(title=f"Island: {island}", xlabel="Bill length [mm]", ylabel="Bill depth [mm]")\n'
        '    return fig\n'),
    "q6-answer": (
        'def income_by_age(adult):\n'
        '    share = adult.groupby("age")["income"].apply(lambda s: s.eq(">50K").mean() * 100)\n'
        '    fig, ax = plt.subplots()\n    share.plot(ax=ax)\n'
        '    ax.axhline(float(adult["income"].eq(">50K").mean() * 100), color="gray")\n'
        '    ax.annotate("highest", xy=(share.idxmax(), share.max()), xytext=(20, 10),\n'
        '                arrowprops={"arrowstyle": "->"})\n'
        '    ax.set(xlabel="Age in years", ylabel="Share earning >50K [%]", title="High earners by age")\n'
        '    return ax\n'),
    "q7-answer": (
        'def adult_eda_figure(adult):\n    rich = adult["income"].eq(">50K")\n'
        '    fig, axes = plt.subplots(2, 2, figsize=(12, 9))\n'
        '    (rich.groupby(adult["education-num"]).mean() * 100).plot.bar(ax=axes[0, 0], rot=0)\n'
        '    axes[0, 0].set(xlabel="Education level", ylabel="Earning >50K [%]", title="By education")\n'
        '    sns.histplot(data=adult, x="hours-per-week", hue="income", stat="percent", common_norm=False,\n'
        '                 bins=15, palette="colorblind", ax=axes[0, 1])\n'
        '    axes[0, 1].set(xlabel="Working time [hours per week]", ylabel="Share of the group in %",\n'
        '                   title="Hours worked")\n'
        '    (rich.groupby(adult["gender"]).mean() * 100).plot.bar(ax=axes[1, 0], rot=0)\n'
        '    axes[1, 0].set(xlabel="Gender", ylabel="Earning >50K, %", title="By gender")\n'
        '    (rich.groupby(adult["marital-status"]).mean() * 100).plot.barh(ax=axes[1, 1])\n'
        '    axes[1, 1].set(xlabel="Earning >50K in %", ylabel="Marital status", title="By marital status")\n'
        '    return fig\n'),
}

# Answers right on the check's first example only: the second example (two species on two islands,
# birds with a mass but no recorded sex; census rows unsorted, a group where nobody earns >50K) tells them.
VISIBLE_ONLY = {
    # Drops every bird with any missing value: the weighed birds of unknown sex vanish.
    "q1-answer": WrongAnswer(
        code=('def body_mass_histogram(penguins):\n    fig, ax = plt.subplots()\n'
              '    sns.histplot(data=penguins.dropna(), x="body_mass_g", bins=20, ax=ax)\n'
              '    ax.set(xlabel="Body mass (g)", ylabel="Number of penguins", title="Body mass")\n'
              '    return ax\n'),
        message="`dropna()` without `subset=` drops a bird when any of its columns is missing",
    ),
    "q2-answer": WrongAnswer(
        code=('def flipper_mass_scatter(penguins):\n    fig, ax = plt.subplots()\n'
              '    sns.scatterplot(data=penguins.dropna(), x="flipper_length_mm", y="body_mass_g",\n'
              '                    hue="species", palette="colorblind", ax=ax)\n'
              '    ax.set(xlabel="Flipper length (mm)", ylabel="Body mass (g)", title="Flippers and mass")\n'
              '    return ax\n'),
        message="`dropna()` without `subset=` drops a bird when any of its columns is missing",
    ),
    # The three species written out: a table with two species breaks it.
    "q3-answer": WrongAnswer(
        code=('def mean_mass_bar(penguins):\n    fig, ax = plt.subplots()\n'
              '    means = penguins.groupby("species")["body_mass_g"].mean()\n'
              '    ax.bar(["Adelie", "Chinstrap", "Gentoo"], means.to_numpy())\n'
              '    ax.set(xlabel="Species", ylabel="Mean body mass (g)", title="Body mass per species")\n'
              '    return ax\n'),
        message="raised ValueError",
    ),
    "q4-answer": WrongAnswer(
        code=('def bill_length_boxplot(penguins):\n    fig, ax = plt.subplots()\n'
              '    sns.boxplot(data=penguins, x="species", y="bill_length_mm", ax=ax,\n'
              '                order=["Adelie", "Chinstrap", "Gentoo"])\n'
              '    ax.set(xlabel="Species", ylabel="Bill length (mm)", title="Bill length per species")\n'
              '    return ax\n'),
        message="holds no such penguins: draw one box per species found in the data",
    ),
    # The three islands written out: always three panels.
    "q5-answer": WrongAnswer(
        code=('def island_facets(penguins):\n    fig, axes = plt.subplots(1, 3, figsize=(12, 4))\n'
              '    for ax, island in zip(axes, ["Biscoe", "Dream", "Torgersen"]):\n'
              '        rows = penguins[penguins["island"] == island]\n'
              '        ax.scatter(rows["bill_length_mm"], rows["bill_depth_mm"])\n'
              '        ax.set(title=island, xlabel="Bill length (mm)", ylabel="Bill depth (mm)")\n'
              '    return fig\n'),
        message="it needs one panel per island found in the data (2: Biscoe, Dream)",
    ),
    # Ages in the order they first appear: right only when the rows are sorted by age.
    "q6-answer": WrongAnswer(
        code=('def income_by_age(adult):\n    ages = adult["age"].unique()\n'
              '    share = np.array([(adult.loc[adult["age"] == age, "income"] == ">50K").mean() * 100\n'
              '                      for age in ages])\n'
              '    fig, ax = plt.subplots()\n    ax.plot(ages, share)\n'
              '    ax.axhline((adult["income"] == ">50K").mean() * 100, linestyle="--")\n'
              '    peak = int(np.argmax(share))\n    ax.annotate("peak", xy=(ages[peak], share[peak]))\n'
              '    ax.set(xlabel="Age (years)", ylabel="Earning >50K (%)", title="High earners by age")\n'
              '    return ax\n'),
        message="your line visits the ages in the order they first appear in the data",
    ),
    # Shares as a division of two counts: a level where nobody earns >50K becomes NaN and loses its bar.
    "q7-answer": WrongAnswer(
        code=('def adult_eda_figure(adult):\n    high_income = adult["income"] == ">50K"\n'
              '    fig, axes = plt.subplots(2, 2, figsize=(12, 9))\n'
              '    rich = adult.loc[high_income, "education-num"].value_counts()\n'
              '    by_education = (rich / adult["education-num"].value_counts() * 100).sort_index()\n'
              '    axes[0, 0].bar(by_education.index, by_education)\n'
              '    axes[0, 0].set(xlabel="Education level", ylabel="Earning >50K (%)", title="Education")\n'
              '    sns.histplot(data=adult, x="hours-per-week", hue="income", stat="percent", '
              'common_norm=False,\n'
              '                 binwidth=5, palette="colorblind", ax=axes[0, 1])\n'
              '    axes[0, 1].set(xlabel="Hours (hours per week)", ylabel="Share (%)", title="Hours")\n'
              '    by_gender = high_income.groupby(adult["gender"]).mean() * 100\n'
              '    axes[1, 0].bar(by_gender.index, by_gender)\n'
              '    axes[1, 0].set(xlabel="Gender", ylabel="Earning >50K (%)", title="Gender")\n'
              '    by_status = high_income.groupby(adult["marital-status"]).mean() * 100\n'
              '    axes[1, 1].barh(by_status.index, by_status)\n'
              '    axes[1, 1].set(xlabel="Earning >50K (%)", ylabel="Marital status", '
              'title="Marital status")\n'
              '    return fig\n'),
        message="has no bar for the education-num value at which nobody earns '>50K'",
    ),
}
