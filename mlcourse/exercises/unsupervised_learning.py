"""Checks and hints for the assignment "Unsupervised learning" (source/unsupervised_learning).

Each check runs the learner's function on small hand-made data sets whose right answer is
obvious by construction (well separated blobs, a feature with a huge scale, known variances,
a few far-away points), each check on a second, differently shaped input too (another number of
clusters, a DataFrame, unsorted k values, more columns, no noise point, another contamination),
and names a mistake only when the result matches what that mistake gives. The exact values on the real
data sets (wine, iris, digits, penguins) are checked only by the hidden tests.
"""

import math

import numpy as np
import pandas as pd

from mlcourse.exercise import (
    ML_ALGORITHMS,
    Mistake,
    call,
    close_for_dtype,
    exercise,
    expect,
    expect_integer,
    expect_number,
    expect_type,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]


def _blobs(centers, per_blob=30, spread=0.3, seed=0):
    """Points scattered around each center; returns (data, blob index of each point)."""
    rng = np.random.default_rng(seed)
    centers = np.asarray(centers, dtype=float)
    data = np.vstack([center + spread * rng.standard_normal((per_blob, centers.shape[1]))
                      for center in centers])
    return data, np.repeat(np.arange(len(centers)), per_blob)


def _ari(a, b):
    from sklearn.metrics import adjusted_rand_score

    return adjusted_rand_score(a, b)


def _expect_labels(labels, n, what):
    expect_type(labels, np.ndarray, what)
    expect(labels.shape == (n,),
           f"{what} should hold one cluster label per row: shape ({n},), got {labels.shape}.")
    expect(np.issubdtype(labels.dtype, np.integer),
           f"{what} should hold integer cluster ids, got dtype {labels.dtype}.")


def _dominated_by_one_feature(seed=0):
    """Two groups told apart by a small-scale feature, plus a huge-scale feature that is pure noise.

    Like proline in the wine data, the noisy feature is in the thousands: k-means on the raw
    numbers splits on it, and finds the two groups only after standardizing.
    """
    rng = np.random.default_rng(seed)
    group = np.repeat([0, 1], 40)
    small = group + 0.05 * rng.standard_normal(80)
    huge = rng.uniform(0, 5000, 80)
    return np.column_stack([small, huge]), group


def _kmeans(data, k, scale=False):
    from sklearn.cluster import KMeans
    from sklearn.preprocessing import StandardScaler

    data = StandardScaler().fit_transform(data) if scale else data
    return KMeans(n_clusters=k, n_init=10, random_state=0).fit(data)


def _expect_k_labels(labels, k, call_text):
    found = len(np.unique(labels))
    expect(found == k, f"{call_text} should give {k} different labels (one per cluster), got {found}: "
           "build KMeans with the function's `n_clusters`.")


@exercise("scale, then k-means", ML_ALGORITHMS, hints=[
    "Two steps: put every feature on the same scale, then cluster. Which scikit-learn tool gives each "
    "feature mean 0 and standard deviation 1?",
    "`StandardScaler().fit_transform` returns a scaled copy; KMeans's `fit_predict` on that copy gives one "
    "label per row. Seed KMeans as the exercise says.",
])
def q1(scaled_kmeans_labels):
    data, groups = _blobs([[0, 0], [6, 0], [0, 6]])
    labels = call(scaled_kmeans_labels, data, 3)
    _expect_labels(labels, len(data), "scaled_kmeans_labels(data, 3)")
    _expect_k_labels(labels, 3, "scaled_kmeans_labels(data, 3)")
    expect(_ari(groups, labels) == 1.0,
           "on three well separated blobs your labels do not put each blob in its own cluster (adjusted Rand "
           f"index {_ari(groups, labels):.2f}, 1 would be a perfect match): fit KMeans on the scaled data "
           "and return its labels (`fit_predict`).")
    # Second input: two groups, a DataFrame whose second column is in the thousands (like proline).
    values, groups = _dominated_by_one_feature()
    frame = pd.DataFrame(values, columns=["hue", "proline"])
    labels = call(scaled_kmeans_labels, frame, 2)
    _expect_labels(labels, len(frame), "scaled_kmeans_labels(frame, 2)")
    _expect_k_labels(labels, 2, "scaled_kmeans_labels(frame, 2) (a DataFrame of 80 rows)")
    if _ari(groups, labels) <= 0.9:
        raw = _kmeans(values, 2).labels_
        expect(_ari(raw, labels) < 0.99,
               "on data where one feature is in the thousands (like proline in the wine data) your clusters "
               "are those of KMeans on the raw numbers, which follow only that feature: standardize the "
               "features with StandardScaler before KMeans.")
        raise Mistake("on a DataFrame of two groups told apart by `hue`, with `proline` in the thousands, "
                      "your 2 clusters do not find the groups (adjusted Rand index "
                      f"{_ari(groups, labels):.2f}; k-means on the standardized features scores above 0.9).")
    again = call(scaled_kmeans_labels, frame, 2)
    expect(np.array_equal(labels, again), "two calls gave different labels: pass random_state=0 to KMeans.")


@exercise("inertia for k = 1 to max_k", ML_ALGORITHMS, hints=[
    "Loop over k from 1 to max_k included, fit one KMeans per k and keep its `inertia_`.",
    "`range(1, max_k + 1)` includes max_k. Each fitted KMeans has its inertia in `inertia_`; collect them in "
    "a list, in the order of k.",
])
def q2(kmeans_inertias):
    data, _ = _blobs([[0, 0], [5, 0], [0, 5]])
    for sample, max_k in ((data, 5), (_blobs([[0, 0, 0, 0], [4, 4, 0, 0]], per_blob=15, seed=3)[0], 3)):
        what = f"kmeans_inertias(data, {max_k})"
        inertias = call(kmeans_inertias, sample, max_k,
                        advice="k-means needs at least one cluster: k runs from 1 to max_k, both included.")
        expect_type(inertias, (list, tuple, np.ndarray), what)
        inertias = list(inertias)
        for value in inertias:
            expect_number(value, "each inertia")
        spread = float(((sample - sample.mean(axis=0)) ** 2).sum())
        expect(not (len(inertias) == max_k - 1 and inertias and close_for_dtype(inertias[0], spread)),
               f"you returned {max_k - 1} inertias for max_k={max_k}: range(1, max_k) stops before max_k, "
               "use range(1, max_k + 1).")
        expect(len(inertias) == max_k, f"{what} should return {max_k} inertias (k = 1 to {max_k}), "
               f"got {len(inertias)}.")
        expect(not close_for_dtype(inertias[0], float(sample.size)),
               "your first inertia is that of the standardized data: fit KMeans on `data` as given, "
               "without scaling it.")
        expect(close_for_dtype(inertias[0], spread),
               f"the first inertia (k=1) should be the total squared distance of the points to their mean, "
               f"{spread:.2f} here; yours is {float(inertias[0]):.2f}. Start at k=1 and use the fitted "
               "model's `inertia_`.")
        expect(all(a >= b - 1e-6 * spread for a, b in zip(inertias, inertias[1:])),
               f"inertia should shrink as k grows; yours go {[round(float(v), 1) for v in inertias]}. "
               "Use `KMeans(n_clusters=k, n_init=10, random_state=0)` and its `inertia_`.")
        if sample is data:
            expect(inertias[2] < 0.1 * inertias[1], "three well separated blobs should give a sharp elbow at "
                   f"k=3, yours go {[round(float(v), 1) for v in inertias]}: fit one KMeans per k on `data` "
                   "as given.")


@exercise("best k by silhouette", ML_ALGORITHMS, hints=[
    "For each k in k_values, cluster the data and score the clustering "
    "with `silhouette_score(data, labels)`. Higher is better.",
    "Keep the scores in the order of `k_values`; `np.argmax` gives the position of the best one, and the "
    "answer is the k at that position, not the position itself.",
])
def q3(best_k_by_silhouette):
    from sklearn.metrics import silhouette_score

    data, _ = _blobs([[0, 0], [6, 0], [0, 6], [6, 6]])
    k_values = [3, 4, 5, 6]
    best = call(best_k_by_silhouette, data, k_values,
                advice="The silhouette score needs at least 2 clusters; use only the k in `k_values`.")
    expect_integer(best, "best_k_by_silhouette(data, [3, 4, 5, 6])")
    expect(best != 1, "you returned 1, the position of the best score in k_values: return the k itself, "
           "`k_values[position]`.")
    expect(best in k_values, f"the answer should be one of k_values {k_values}, got {best!r}.")
    if best != 4:
        scores = {k: silhouette_score(data, _kmeans(data, k).labels_) for k in k_values}
        expect(best != min(scores, key=scores.get),
               f"you returned {best}, the k with the lowest silhouette score: the highest score is the best.")
        raise Mistake(f"four well separated blobs have their highest silhouette score at k=4 "
                      f"({scores[4]:.3f}), you returned {best} ({scores[best]:.3f}): score each k's "
                      "clustering with `silhouette_score(data, labels)` and keep the k with the highest "
                      "score.")
    # Second input: two blobs, k values out of order and not consecutive.
    two, _ = _blobs([[0, 0], [7, 7]], per_blob=25, seed=4)
    best = call(best_k_by_silhouette, two, [6, 2, 4])
    expect_integer(best, "best_k_by_silhouette(data, [6, 2, 4])")
    expect(best == 2, f"on two well separated blobs with k_values=[6, 2, 4] the best k is 2, you returned "
           f"{best!r}: return the k with the best score, whatever the order of k_values.")


@exercise("components for a variance threshold", ML_ALGORITHMS, hints=[
    "Fit `PCA()` with all components, then look at `explained_variance_ratio_`: the fraction of the variance "
    "each component explains. Add them up as you go.",
    "`np.cumsum` adds the fractions up as you go; you want the first position where the running total "
    "reaches the threshold. Positions start at 0, a count of components at 1.",
])
def q4(n_components_for_variance):
    from sklearn.decomposition import PCA

    rng = np.random.default_rng(0)
    # Independent columns with standard deviations 30, 20, 10: variance ratios about 0.64, 0.29, 0.07.
    data = rng.standard_normal((500, 3)) * [30.0, 20.0, 10.0]
    first = call(n_components_for_variance, data, 0.5)
    expect_integer(first, "n_components_for_variance(data, 0.5)")
    expect(first != 0, "you returned 0 components: positions start at 0, but the number of components is the "
           "position of the first cumulative ratio that reaches the threshold, plus 1.")
    many = call(n_components_for_variance, data, 0.95)
    expect_integer(many, "n_components_for_variance(data, 0.95)")
    expect(not (first == 1 and many == 1),
           "one component seems to reach every threshold, even 0.95 where the first component explains "
           "only about 64% of the variance: add up `explained_variance_ratio_` (fractions that add up to 1) "
           "of `PCA()` with all its components, not `explained_variance_` (variances in the data's units).")
    expect(first == 1, f"the first component alone explains about 64% of the variance here, so 0.5 needs "
           f"1 component, you returned {first}.")
    expect(many != 2, "for 0.95 you returned 2, one too few: count components until the cumulative ratio "
           "reaches the threshold (np.cumsum, then the first position where it is >= threshold, plus 1).")
    expect(many == 3,
           f"here two components explain about 93% of the variance, so 0.95 needs 3; you returned {many}.")
    # Second input: six columns of similar spread, so a threshold needs many components.
    wide = rng.standard_normal((300, 6)) * [6.0, 5.5, 5.0, 4.5, 4.0, 3.5]
    ratios = np.cumsum(PCA().fit(wide).explained_variance_ratio_)
    needed = int(np.argmax(ratios >= 0.9)) + 1
    found = call(n_components_for_variance, wide, 0.9)
    expect_integer(found, "n_components_for_variance(data, 0.9)")
    if found != needed:
        short = np.cumsum(PCA(n_components=3).fit(wide).explained_variance_ratio_)
        expect(not (found == 1 and short[-1] < 0.9),
               f"on data with 6 columns, 90% of the variance needs {needed} components, you returned 1, as "
               "if your PCA had fewer components than the threshold needs: fit `PCA()` with all of them.")
        raise Mistake(f"on data with 6 columns of similar spread the cumulative ratios are "
                      f"{np.round(ratios, 3).tolist()}, so 0.9 needs {needed} components; you returned "
                      f"{found}.")


@exercise("2-D PCA projection", ML_ALGORITHMS, hints=[
    "PCA with two components turns each row into two numbers: its coordinates along the two directions "
    "of largest variance.",
    "A PCA limited to two components, fitted and applied to the same data in one step (`fit_transform`), "
    "returns one row per sample.",
])
def q5(pca_2d):
    rng = np.random.default_rng(0)
    data = rng.standard_normal((100, 4)) * [1.0, 10.0, 0.5, 3.0]
    for sample in (data, pd.DataFrame(rng.standard_normal((60, 6)) * [2.0, 1.0, 8.0, 0.5, 4.0, 1.0],
                                      columns=[f"pixel_{i}" for i in range(6)])):
        values = np.asarray(sample, dtype=float)
        rows = len(values)
        what = "pca_2d(data)" if sample is data else f"pca_2d(frame) (a DataFrame of {rows} rows, 6 columns)"
        projected = call(pca_2d, sample)
        expect_type(projected, np.ndarray, what)
        expect(projected.shape != (2, values.shape[1]), "you returned `pca.components_` (one row per "
               "component): return the projected data, one row per sample, with `fit_transform`.")
        expect(projected.shape == (rows, 2), f"for data with {rows} rows the projection should have shape "
               f"({rows}, 2), got {projected.shape}.")
        expect(not np.allclose(projected, values[:, :2]),
               "picking two columns is not PCA: fit PCA with 2 components.")
        variances = projected.astype(float).var(axis=0)
        scale = float(np.sqrt(variances.max()))
        expect(close_for_dtype(projected.mean(axis=0) / scale + 1, np.ones(2), projected.dtype),
               "the projected columns should have mean 0: PCA centres the data. "
               "Use `PCA(n_components=2).fit_transform(data)`.")
        largest = np.linalg.eigvalsh(np.cov(values, rowvar=False, bias=True))[::-1][:2]
        scaled = np.linalg.eigvalsh(np.corrcoef(values, rowvar=False))[::-1][:2]
        expect(not np.allclose(variances, scaled, rtol=1e-4),
               "your projection is that of the standardized data: here PCA works on the data as given.")
        expect(close_for_dtype(variances, largest, projected.dtype),
               f"the variances of your two columns are {np.round(variances, 3).tolist()}; those of the first "
               f"two principal components are {np.round(largest, 3).tolist()}: project on the two directions "
               "of largest variance, `PCA(n_components=2).fit_transform(data)`.")


@exercise("count DBSCAN clusters", ML_ALGORITHMS, hints=[
    "Run DBSCAN, then count the distinct labels. Which label is not a cluster?",
    "`fit_predict` gives one label per point; a set of them holds each label once. The noise label -1 is in "
    "it only when there is noise.",
])
def q6(dbscan_n_clusters):
    data, _ = _blobs([[0, 0], [5, 5]], per_blob=20, spread=0.2)
    with_outlier = np.vstack([data, [[20.0, -20.0]]])
    n = call(dbscan_n_clusters, with_outlier, 1.0, 3)
    expect_integer(n, "dbscan_n_clusters(data, 1.0, 3)")
    expect(n != 3, "you counted the noise label -1 as a cluster: DBSCAN marks points that belong to no "
           "cluster with -1, so leave it out of the count.")
    expect(n == 2, f"two tight blobs and one far point should make 2 clusters, you returned {n}. "
           "Count the distinct labels of `DBSCAN(eps=eps, min_samples=min_samples).fit_predict(data)`, "
           "except -1.")
    # Second input: three blobs and no noise point at all.
    three, _ = _blobs([[0, 0], [5, 5], [0, 5]], per_blob=15, spread=0.2, seed=2)
    n = call(dbscan_n_clusters, three, 1.0, 3)
    expect_integer(n, "dbscan_n_clusters(data, 1.0, 3)")
    expect(n != 2, "on three tight blobs without any noise point you returned 2, one too few: "
           "subtract 1 only when -1 is among the labels.")
    expect(n == 3, f"three tight blobs without any noise point make 3 clusters, you returned {n}.")
    n = call(dbscan_n_clusters, with_outlier, 0.01, 3)
    expect(n == 0, f"with a tiny eps every point is noise, so there are 0 clusters; you returned {n}. "
           "Pass eps and min_samples to DBSCAN.")


@exercise("anomalies with an isolation forest", ML_ALGORITHMS, hints=[
    "`IsolationForest(...).fit_predict(data)` labels each point: -1 for an anomaly, 1 for a normal point. "
    "It is random, so seed it.",
    "Pass the function's `contamination` and the seed to IsolationForest; comparing its labels with -1 "
    "gives the boolean mask.",
])
def q7(isolation_forest_anomalies):
    rng = np.random.default_rng(0)
    normal = rng.standard_normal((196, 2))
    far = np.array([[8.0, 8.0], [-8.0, 8.0], [8.0, -8.0], [-8.0, -8.0]])
    data = np.vstack([normal, far])
    mask = call(isolation_forest_anomalies, data, 0.02)
    expect_type(mask, np.ndarray, "isolation_forest_anomalies(data, 0.02)")
    expect(mask.shape == (200,), f"the mask should hold one value per row: shape (200,), got {mask.shape}.")
    expect(mask.dtype == bool, f"return a boolean mask (True for an anomaly), not the raw labels 1/-1 of "
           f"`fit_predict`: compare them with -1. Your dtype is {mask.dtype}.")
    expect(mask.sum() < 100, f"your mask flags {int(mask.sum())} of 200 points, most of them normal: "
           "IsolationForest labels anomalies -1 and normal points 1, so the mask is `labels == -1`.")
    expect(mask[-4:].all(), "the four far-away points were not all flagged as anomalies: fit IsolationForest "
           "on the data and keep the points it labels -1.")
    expect(abs(int(mask.sum()) - 4) <= 1, "with contamination=0.02 about 2% of 200 points (4) "
           f"should be flagged, you flagged {int(mask.sum())}: pass `contamination` to IsolationForest.")
    # Second input: a DataFrame of 150 rows and another contamination.
    fuzzy = pd.DataFrame(rng.standard_normal((150, 3)), columns=["a", "b", "c"])
    first = call(isolation_forest_anomalies, fuzzy, 0.1)
    expect_type(first, np.ndarray, "isolation_forest_anomalies(frame, 0.1)")
    expect(first.shape == (150,) and first.dtype == bool,
           f"on a DataFrame of 150 rows the mask should be 150 booleans, got shape {first.shape} and dtype "
           f"{first.dtype}.")
    expect(abs(int(first.sum()) - 15) <= 1, "with contamination=0.1 about 10% of 150 rows (15) should be "
           f"flagged, you flagged {int(first.sum())}: pass the function's `contamination` to "
           "IsolationForest.")
    second = call(isolation_forest_anomalies, fuzzy, 0.1)
    expect(np.array_equal(first, second), "two calls flagged different points: IsolationForest is random, "
           "so seed it with random_state=0.")


@exercise("compare clusters with known labels", ML_ALGORITHMS, hints=[
    "Cluster ids are arbitrary: cluster 0 need not be the first species. You need a score that only asks "
    "whether the same points are grouped together.",
    "The number of clusters is the number of distinct labels (`np.unique`); scikit-learn's "
    "`adjusted_rand_score` compares two groupings whatever their numbering.",
])
def q8(kmeans_ari):
    data, blobs = _blobs([[0, 0], [6, 0], [0, 6]])
    # Known labels named in another order than k-means would number its clusters.
    names = np.array(["gamma", "alpha", "beta"])[blobs]
    renamed = np.array([2, 0, 1])[blobs]
    score = call(kmeans_ari, data, names)
    expect_number(score, "kmeans_ari(data, labels)")
    expect(math.isclose(score, 1.0),
           "k-means finds the three blobs exactly, so the agreement should be 1.0, "
           f"got {score!r}. Cluster ids are arbitrary numbers, so comparing them with the "
           "labels (raw accuracy) is meaningless: use adjusted_rand_score(labels, clusters).")
    expect(math.isclose(call(kmeans_ari, data, renamed), 1.0),
           "renaming the known labels must not change the score: use adjusted_rand_score, not accuracy.")
    # Second input: two blobs, so 2 distinct labels.
    two_blobs, two = _blobs([[0, 0], [8, 8]], per_blob=40)
    paired = call(kmeans_ari, two_blobs, two)
    if not math.isclose(paired, 1.0):
        three = _ari(two, _kmeans(two_blobs, 3, scale=True).labels_)
        expect(not math.isclose(paired, three),
               "with 2 distinct known labels your k-means looked for 3 clusters: n_clusters is the number "
               "of distinct labels, `len(np.unique(labels))`.")
        raise Mistake("on two well separated blobs labelled 0 and 1 the agreement should be 1.0, got "
                      f"{paired!r}.")
    lopsided, groups = _dominated_by_one_feature()
    found = call(kmeans_ari, lopsided, groups)
    if not found > 0.9:
        raw = _ari(groups, _kmeans(lopsided, 2).labels_)
        expect(not math.isclose(found, raw),
               "on data where one feature is in the thousands (like proline in the wine data) your score is "
               "that of k-means on the raw numbers, whose clusters follow only that feature and miss the two "
               "groups: standardize `data` with StandardScaler before KMeans.")
        raise Mistake("on two groups told apart by a small feature, next to a feature in the thousands, "
                      f"k-means on the standardized data scores above 0.9; yours gives {found:.3f}.")
    shuffled = np.random.default_rng(0).permutation(names)
    chance = call(kmeans_ari, data, shuffled)
    expect(abs(chance) < 0.2, f"labels shuffled at random should score about 0, got {chance:.2f}: "
           "the Rand index (rand_score) is not adjusted for chance, use adjusted_rand_score.")
