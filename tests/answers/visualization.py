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
        message="the bars of the top-left panel (axes[0, 0]) are fractions between 0 and 1",
    ),
}

# Drops every row with any missing value, so the 9 weighed birds of unknown sex vanish from the
# scatter. The visible check's made-up birds all have a sex, so only the hidden test sees it.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q2-answer",
    'def flipper_mass_scatter(penguins):\n    fig, ax = plt.subplots()\n'
    '    sns.scatterplot(data=penguins.dropna(), x="flipper_length_mm", y="body_mass_g", hue="species",\n'
    '                    palette="colorblind", ax=ax)\n'
    '    ax.set(xlabel="Flipper length (mm)", ylabel="Body mass (g)", title="Flippers and mass")\n'
    '    return ax\n',
)
