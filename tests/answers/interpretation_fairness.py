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

# A group with no actual positive has no false negative rate (NaN); filling it with 0 claims the model
# misses nobody there. The check's groups all have positives; the census test set's smallest race group
# has none.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q5-answer",
    'def error_rates_by_group(target, predicted, groups):\n'
    '    frame = pd.DataFrame({"target": target.to_numpy(), "predicted": predicted, '
    '"group": groups.to_numpy()})\n'
    '    error = (frame["target"] != frame["predicted"]).groupby(frame["group"]).mean()\n'
    '    positives = frame[frame["target"] == 1]\n'
    '    missed = (positives["predicted"] == 0).groupby(positives["group"]).mean()\n'
    '    return pd.DataFrame({"error_rate": error, '
    '"false_negative_rate": missed.reindex(error.index).fillna(0)})\n',
)
