from tests.answers import WrongAnswer

WRONG = {
    # Shuffles the columns of the training data, where a fully grown tree has memorised every row.
    "q1-answer": WrongAnswer(
        code=('def held_out_importance(model, data_train, target_train, data_test, target_test):\n'
              '    model.fit(data_train, target_train)\n'
              '    result = permutation_importance(model, data_train, target_train, n_repeats=5, '
              'random_state=0)\n'
              '    importance = pd.Series(result.importances_mean, index=data_train.columns)\n'
              '    return importance.sort_values(ascending=False)\n'),
        message="your importances were computed on the training data",
    ),
    # The noise's permutation importance measured on the training rows, where the tree uses it.
    "q2-answer": WrongAnswer(
        code=('def noise_importance(model, data_train, target_train, data_test, target_test, seed):\n'
              '    rng = np.random.default_rng(seed)\n'
              '    noisy_train = data_train.assign(noise=rng.normal(size=len(data_train)))\n'
              '    model.fit(noisy_train, target_train)\n'
              '    result = permutation_importance(model, noisy_train, target_train, n_repeats=5, '
              'random_state=0)\n'
              '    return model.feature_importances_[-1], result.importances_mean[-1]\n'),
        message="your permutation importance was computed on the training data",
    ),
    # Averages hard 0/1 predictions instead of probabilities.
    "q3-answer": WrongAnswer(
        code=('def partial_dependence_curve(model, data, feature, grid):\n'
              '    return np.array([model.predict(data.assign(**{feature: value})).mean() '
              'for value in grid])\n'),
        message="you averaged the 0/1 predictions",
    ),
    # Groups by the raw labels, leading space and all.
    "q4-answer": WrongAnswer(
        code=('def selection_rate_by_group(predicted, groups):\n'
              '    return pd.Series(predicted, index=groups.index).groupby(groups).mean()\n'),
        message="your group labels still start with a space",
    ),
    # Divides the missed positives by everyone in the group.
    "q5-answer": WrongAnswer(
        code=('def error_rates_by_group(target, predicted, groups):\n'
              '    frame = pd.DataFrame({"target": target.to_numpy(), "predicted": predicted, '
              '"group": groups.to_numpy()})\n'
              '    error = (frame["target"] != frame["predicted"]).groupby(frame["group"]).mean()\n'
              '    missed = ((frame["target"] == 1) & (frame["predicted"] == 0))'
              '.groupby(frame["group"]).mean()\n'
              '    return pd.DataFrame({"error_rate": error, "false_negative_rate": missed})\n'),
        message="your false negative rate divides by everyone in the group",
    ),
    # Smallest minus largest: a negative difference.
    "q6-answer": WrongAnswer(
        code=('def demographic_parity(predicted, groups):\n'
              '    rates = pd.Series(predicted, index=groups.index).groupby(groups).mean()\n'
              '    return rates.min() - rates.max(), rates.min() / rates.max()\n'),
        message="your difference is negative",
    ),
    # Compares the selection rates of everyone, not of the people whose target is 1.
    "q7-answer": WrongAnswer(
        code=('def equal_opportunity_difference(target, predicted, groups):\n'
              '    rates = pd.Series(predicted, index=groups.index).groupby(groups).mean()\n'
              '    return rates.max() - rates.min()\n'),
        message="you compared the selection rates over everyone",
    ),
    # Scores the proxy model on the rows it was fitted on.
    "q8-answer": WrongAnswer(
        code=('def proxy_accuracy(data, sensitive, columns):\n'
              '    model = make_pipeline(OneHotEncoder(handle_unknown="ignore"), '
              'LogisticRegression(max_iter=1000))\n'
              '    return model.fit(data[columns], sensitive).score(data[columns], sensitive)\n'),
        message="you scored the model on the rows it was fitted on",
    ),
}

# Groups the rare categories (fewer than 10 people) into one before the logistic regression: the check's
# columns have no rare category, the census's native countries do, so the proxy's accuracy changes.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q8-answer",
    'def proxy_accuracy(data, sensitive, columns):\n'
    '    model = make_pipeline(OneHotEncoder(handle_unknown="ignore", min_frequency=10), '
    'LogisticRegression(max_iter=1000))\n'
    '    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
    '    return cross_val_score(model, data[columns], sensitive, cv=cv).mean()\n',
)

# Valid answers in another form: another container, dtype or library call, or parallel workers.
ALTERNATIVES = {
    # A clone of the model fitted, parallel workers, float32 importances.
    "q1-answer": ('from sklearn.base import clone\n\n\n'
                  'def held_out_importance(model, data_train, target_train, data_test, target_test):\n'
                  '    fitted = clone(model).fit(data_train, target_train)\n'
                  '    result = permutation_importance(fitted, data_test, target_test, n_repeats=5, '
                  'random_state=0, n_jobs=2)\n'
                  '    importance = pd.Series(dict(zip(data_test.columns, result.importances_mean)))\n'
                  '    return importance.sort_values(ascending=False).astype(np.float32)\n'),
    # Copies with a new column, the noise looked up by name, a list for the pair.
    "q2-answer": ('def noise_importance(model, data_train, target_train, data_test, target_test, seed):\n'
                  '    rng = np.random.default_rng(seed)\n'
                  '    noisy_train, noisy_test = data_train.copy(), data_test.copy()\n'
                  '    noisy_train["noise"] = rng.standard_normal(len(data_train))\n'
                  '    noisy_test["noise"] = rng.standard_normal(len(data_test))\n'
                  '    model.fit(noisy_train, target_train)\n'
                  '    impurity = pd.Series(model.feature_importances_, index=noisy_train.columns)["noise"]\n'
                  '    result = permutation_importance(model, noisy_test, target_test, n_repeats=5, '
                  'random_state=0)\n'
                  '    return [impurity, pd.Series(result.importances_mean, '
                  'index=noisy_test.columns)["noise"]]\n'),
    # A copy changed column by column, float32 averages.
    "q3-answer": ('def partial_dependence_curve(model, data, feature, grid):\n'
                  '    everyone = data.copy()\n'
                  '    averages = np.zeros(len(grid), dtype=np.float32)\n'
                  '    for position, value in enumerate(grid):\n'
                  '        everyone[feature] = value\n'
                  '        averages[position] = model.predict_proba(everyone)[:, 1].mean()\n'
                  '    return averages\n'),
    # Grouped by a NumPy array of stripped labels.
    "q4-answer": ('def selection_rate_by_group(predicted, groups):\n'
                  '    labels = np.array([label.strip() for label in groups])\n'
                  '    return pd.Series(np.asarray(predicted, dtype=float)).groupby(labels).mean()\n'),
    # Counts divided by sizes, float32 rates, NaN from 0 / 0.
    "q5-answer": ('def error_rates_by_group(target, predicted, groups):\n'
                  '    truth, decided, labels = np.asarray(target), np.asarray(predicted), '
                  'groups.to_numpy()\n'
                  '    frame = pd.DataFrame({"wrong": truth != decided, '
                  '"missed": (truth == 1) & (decided == 0),\n'
                  '                          "positive": truth == 1})\n'
                  '    totals = frame.groupby(labels).agg(["sum", "count"])\n'
                  '    error = totals[("wrong", "sum")] / totals[("wrong", "count")]\n'
                  '    positives = totals[("positive", "sum")].replace(0, np.nan)\n'
                  '    missed = totals[("missed", "sum")] / positives\n'
                  '    return pd.DataFrame({"error_rate": error, "false_negative_rate": missed})'
                  '.astype(np.float32)\n'),
    # A loop over the groups, a list for the pair.
    "q6-answer": ('def demographic_parity(predicted, groups):\n'
                  '    decided, labels = np.asarray(predicted), groups.to_numpy()\n'
                  '    rates = [decided[labels == label].mean() for label in set(labels)]\n'
                  '    return [max(rates) - min(rates), min(rates) / max(rates)]\n'),
    # Rates per group as a dict, groups without positives skipped.
    "q7-answer": ('def equal_opportunity_difference(target, predicted, groups):\n'
                  '    truth, decided, labels = np.asarray(target), np.asarray(predicted), '
                  'groups.to_numpy()\n'
                  '    rates = {}\n'
                  '    for label in set(labels):\n'
                  '        positive = (labels == label) & (truth == 1)\n'
                  '        if positive.any():\n'
                  '            rates[label] = decided[positive].mean()\n'
                  '    return np.float32(max(rates.values()) - min(rates.values()))\n'),
    # The folds passed by name, parallel workers, the scores averaged with np.mean.
    "q8-answer": ('def proxy_accuracy(data, sensitive, columns):\n'
                  '    model = make_pipeline(OneHotEncoder(handle_unknown="ignore"), '
                  'LogisticRegression(max_iter=1000))\n'
                  '    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
                  '    return float(np.mean(cross_val_score(model, data[list(columns)], sensitive, cv=folds, '
                  'scoring="accuracy", n_jobs=2)))\n'),
}

# Answers right on each check's first input only.
VISIBLE_ONLY = {
    # Keeps the three most important features: as many as the first input has.
    "q1-answer": WrongAnswer(
        code=('def held_out_importance(model, data_train, target_train, data_test, target_test):\n'
              '    model.fit(data_train, target_train)\n'
              '    result = permutation_importance(model, data_test, target_test, n_repeats=5, '
              'random_state=0)\n'
              '    return pd.Series(result.importances_mean, index=data_test.columns).nlargest(3)\n'),
        message="on data with 5 features the Series should be indexed by the feature names",
    ),
    # The noise taken at position 2: right while the data has two columns.
    "q2-answer": WrongAnswer(
        code=('def noise_importance(model, data_train, target_train, data_test, target_test, seed):\n'
              '    rng = np.random.default_rng(seed)\n'
              '    noisy_train = data_train.assign(noise=rng.normal(size=len(data_train)))\n'
              '    noisy_test = data_test.assign(noise=rng.normal(size=len(data_test)))\n'
              '    model.fit(noisy_train, target_train)\n'
              '    result = permutation_importance(model, noisy_test, target_test, n_repeats=5, '
              'random_state=0)\n'
              '    return model.feature_importances_[2], result.importances_mean[2]\n'),
        message="your impurity importance is that of the column 'years'",
    ),
    # The column name written out: right while the feature is "hours".
    "q3-answer": WrongAnswer(
        code=('def partial_dependence_curve(model, data, feature, grid):\n'
              '    return np.array([model.predict_proba(data.assign(hours=value))[:, 1].mean() for value in '
              'grid])\n'),
        message="called with feature='years', you set the column 'hours'",
    ),
    # Cuts the first character off: right while every label starts with a space.
    "q4-answer": WrongAnswer(
        code=('def selection_rate_by_group(predicted, groups):\n'
              '    return pd.Series(predicted, index=groups.index).groupby(groups.str[1:]).mean()\n'),
        message="should have one row per group, labelled ['east', 'north', 'south', 'west']",
    ),
    # A group without any actual positive gets a false negative rate of 0.
    "q5-answer": WrongAnswer(
        code=('def error_rates_by_group(target, predicted, groups):\n'
              '    frame = pd.DataFrame({"target": target.to_numpy(), "predicted": predicted, '
              '"group": groups.to_numpy()})\n'
              '    error = (frame["target"] != frame["predicted"]).groupby(frame["group"]).mean()\n'
              '    positives = frame[frame["target"] == 1]\n'
              '    missed = (positives["predicted"] == 0).groupby(positives["group"]).mean()\n'
              '    return pd.DataFrame({"error_rate": error, '
              '"false_negative_rate": missed.reindex(error.index).fillna(0)})\n'),
        message="so it has no false negative rate: leave NaN there",
    ),
    # Leaves out the groups nobody in which is selected.
    "q6-answer": WrongAnswer(
        code=('def demographic_parity(predicted, groups):\n'
              '    rates = pd.Series(predicted, index=groups.index).groupby(groups).mean()\n'
              '    rates = rates[rates > 0]\n'
              '    return rates.max() - rates.min(), rates.min() / rates.max()\n'),
        message="a selection rate of 0 is a real rate and counts",
    ),
    # Counts divided by positives, a group without positives counted as a rate of 0.
    "q7-answer": WrongAnswer(
        code=('def equal_opportunity_difference(target, predicted, groups):\n'
              '    frame = pd.DataFrame({"hit": (np.asarray(target) == 1) & (np.asarray(predicted) == 1),\n'
              '                          "positive": np.asarray(target) == 1}, index=groups.index)\n'
              '    counts = frame.groupby(groups).sum()\n'
              '    rates = (counts["hit"] / counts["positive"]).fillna(0)\n'
              '    return rates.max() - rates.min()\n'),
        message="rather than counting their rate as 0",
    ),
    # Turns the sensitive attribute into "Male" or not: right while it has the two groups of the first input.
    "q8-answer": WrongAnswer(
        code=('def proxy_accuracy(data, sensitive, columns):\n'
              '    model = make_pipeline(OneHotEncoder(handle_unknown="ignore"), '
              'LogisticRegression(max_iter=1000))\n'
              '    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n'
              '    return cross_val_score(model, data[columns], sensitive == "Male", cv=cv).mean()\n'),
        message="whose sensitive attribute has 3 groups",
    ),
}
