"""Checks and hints for the assignment "Unsupervised learning" (source/unsupervised_learning).

Each check runs the learner's function on small hand-made data sets whose right answer is
obvious by construction (well separated blobs, a feature with a huge scale, known variances,
a few far-away points), and names the usual mistake. The exact values on the real data sets
(wine, iris, digits, penguins) are checked only by the hidden tests.
"""

import math

import numpy as np

from mlcourse.exercise import (
    ML_ALGORITHMS,
    Mistake,
    call,
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


@exercise("scale, then k-means", ML_ALGORITHMS, hints=[
    "Two steps: put every feature on the same scale, then cluster. Which scikit-learn tool gives each "
    "feature mean 0 and standard deviation 1?",
    "`scaled = StandardScaler().fit_transform(data)`, then "
    "`KMeans(n_clusters=n_clusters, n_init=10, random_state=0).fit_predict(scaled)`.",
])
def q1(scaled_kmeans_labels):
    data, groups = _blobs([[0, 0], [6, 0], [0, 6]])
    labels = call(scaled_kmeans_labels, data, 3)
    _expect_labels(labels, len(data), "scaled_kmeans_labels(data, 3)")
    expect(len(np.unique(labels)) == 3,
           f"with n_clusters=3 there should be 3 different labels, got {len(np.unique(labels))}: "
           "pass n_clusters to KMeans.")
    expect(_ari(groups, labels) == 1.0, "three well separated blobs were not found: "
           "fit KMeans on the scaled data and return its labels (`fit_predict`).")
    data, groups = _dominated_by_one_feature()
    labels = call(scaled_kmeans_labels, data, 2)
    _expect_labels(labels, len(data), "scaled_kmeans_labels(data, 2)")
    expect(_ari(groups, labels) > 0.9,
           "on data where one feature is in the thousands (like proline in the wine data) your clusters "
           "follow only that feature: standardize the features with StandardScaler before KMeans.")
    again = call(scaled_kmeans_labels, data, 2)
    expect(np.array_equal(labels, again), "two calls gave different labels: pass random_state=0 to KMeans.")


@exercise("inertia for k = 1 to max_k", ML_ALGORITHMS, hints=[
    "Loop over k from 1 to max_k included, fit one KMeans per k and keep its `inertia_`.",
    "`[KMeans(n_clusters=k, n_init=10, random_state=0).fit(data).inertia_ for k in range(1, max_k + 1)]`",
])
def q2(kmeans_inertias):
    data, _ = _blobs([[0, 0], [5, 0], [0, 5]])
    inertias = call(kmeans_inertias, data, 5,
                    advice="k-means needs at least one cluster: k runs from 1 to max_k, both included.")
    expect_type(inertias, (list, np.ndarray), "kmeans_inertias(data, 5)")
    inertias = list(inertias)
    expect(len(inertias) != 4, "you returned 4 inertias for max_k=5: range(1, max_k) stops before max_k, "
           "use range(1, max_k + 1).")
    expect(len(inertias) == 5, f"kmeans_inertias(data, 5) should return 5 inertias (k = 1, 2, 3, 4, 5), "
           f"got {len(inertias)}.")
    for value in inertias:
        expect_number(value, "each inertia")
    total = float(((data - data.mean(axis=0)) ** 2).sum())
    expect(math.isclose(inertias[0], total, rel_tol=1e-6),
           "the first inertia (k=1) should be the total squared distance of the points to their mean: "
           "start at k=1 and use the fitted model's `inertia_`.")
    expect(all(a >= b - 1e-9 for a, b in zip(inertias, inertias[1:])),
           f"inertia should shrink as k grows; yours go {[round(float(v), 1) for v in inertias]}. "
           "Use `KMeans(n_clusters=k, n_init=10, random_state=0)` and its `inertia_`.")
    expect(inertias[2] < 0.1 * inertias[1], "three well separated blobs should give a sharp elbow at k=3: "
           "fit KMeans on `data` as given, once per k.")


@exercise("best k by silhouette", ML_ALGORITHMS, hints=[
    "For each k in k_values, cluster the data and score the clustering "
    "with `silhouette_score(data, labels)`. Higher is better.",
    "Collect the scores in a list, find the position of the largest with `np.argmax(scores)`, and return "
    "`k_values[position]` (the k, not its position).",
])
def q3(best_k_by_silhouette):
    data, _ = _blobs([[0, 0], [6, 0], [0, 6], [6, 6]])
    k_values = [3, 4, 5, 6]
    best = call(best_k_by_silhouette, data, k_values,
                advice="The silhouette score needs at least 2 clusters; use only the k in `k_values`.")
    expect_integer(best, "best_k_by_silhouette(data, [3, 4, 5, 6])")
    expect(best != 1, "you returned 1, the position of the best score in k_values: return the k itself, "
           "`k_values[position]`.")
    expect(best in k_values, f"the answer should be one of k_values {k_values}, got {best!r}.")
    expect(best != 6, "you returned the largest k, 6. Inertia always falls as k grows, "
           "so it cannot choose k; pick the k with the highest (not the lowest) silhouette score.")
    expect(best == 4, "four well separated blobs should give the highest silhouette score at k=4, "
           f"you chose {best}: the best k has the highest (not the lowest) score.")
    best = call(best_k_by_silhouette, data, [5, 4, 3])
    expect(best == 4, f"with k_values=[5, 4, 3] the answer is still 4, you returned {best!r}: return the k "
           "with the best score, whatever the order of k_values.")


@exercise("components for a variance threshold", ML_ALGORITHMS, hints=[
    "Fit `PCA()` with all components, then look at `explained_variance_ratio_`: the fraction of the variance "
    "each component explains. Add them up as you go.",
    "`cumulative = np.cumsum(pca.explained_variance_ratio_)`; the first position where "
    "`cumulative >= threshold` is `np.argmax(cumulative >= threshold)`. Positions start at 0, so add 1.",
])
def q4(n_components_for_variance):
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
           "one component seems to reach every threshold: use `explained_variance_ratio_` "
           "(fractions that add up to 1), not `explained_variance_` (variances in the data's units).")
    expect(first == 1, f"the first component alone explains about 64% of the variance here, so 0.5 needs "
           f"1 component, you returned {first}.")
    expect(many != 2, "for 0.95 you returned 2, one too few: count components until the cumulative ratio "
           "reaches the threshold (np.cumsum, then the first position where it is >= threshold, plus 1).")
    expect(many == 3,
           f"here two components explain about 93% of the variance, so 0.95 needs 3; you returned {many}.")


@exercise("2-D PCA projection", ML_ALGORITHMS, hints=[
    "PCA with two components turns each row into two numbers: its coordinates along the two directions "
    "of largest variance.",
    "`PCA(n_components=2).fit_transform(data)` returns the projection, one row per sample.",
])
def q5(pca_2d):
    rng = np.random.default_rng(0)
    data = rng.standard_normal((100, 4)) * [1.0, 10.0, 0.5, 3.0]
    projected = call(pca_2d, data)
    expect_type(projected, np.ndarray, "pca_2d(data)")
    expect(projected.shape != (2, 4), "you returned `pca.components_` (one row per component): return the "
           "projected data, one row per sample, with `fit_transform`.")
    expect(projected.shape == (100, 2), f"for data with 100 rows the projection should have shape (100, 2), "
           f"got {projected.shape}.")
    expect(not np.allclose(projected, data[:, :2]),
           "picking two columns is not PCA: fit PCA with 2 components.")
    variances = projected.var(axis=0)
    expect(np.allclose(projected.mean(axis=0), 0, atol=1e-8), "the projected columns should have mean 0: "
           "PCA centres the data. Use `PCA(n_components=2).fit_transform(data)`.")
    expect(variances[0] > 10, "the first column does not carry the largest variance of the data. "
           "Did you scale the data first? Here PCA works on the data as given.")
    largest = np.linalg.eigvalsh(np.cov(data, rowvar=False, bias=True))[::-1][:2]
    expect(np.allclose(variances, largest, rtol=1e-6),
           "the columns should be the first two principal components, the directions of largest variance: "
           "`PCA(n_components=2).fit_transform(data)`.")


@exercise("count DBSCAN clusters", ML_ALGORITHMS, hints=[
    "Run DBSCAN, then count the distinct labels. Which label is not a cluster?",
    "`labels = DBSCAN(eps=eps, min_samples=min_samples).fit_predict(data)`; "
    "`len(set(labels) - {-1})` counts the clusters without the noise.",
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
    n = call(dbscan_n_clusters, data, 1.0, 3)
    expect(n == 2, f"without any noise point there are still 2 clusters, you returned {n}: "
           "subtract 1 only when -1 is among the labels.")
    n = call(dbscan_n_clusters, with_outlier, 0.01, 3)
    expect(n == 0, f"with a tiny eps every point is noise, so there are 0 clusters; you returned {n}. "
           "Pass eps and min_samples to DBSCAN.")


@exercise("anomalies with an isolation forest", ML_ALGORITHMS, hints=[
    "`IsolationForest(...).fit_predict(data)` labels each point: -1 for an anomaly, 1 for a normal point. "
    "It is random, so seed it.",
    "`labels = IsolationForest(contamination=contamination, random_state=0).fit_predict(data)`, "
    "then return `labels == -1`.",
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
    expect(mask.sum() < 100, "your mask marks the normal points: IsolationForest "
           "labels anomalies -1 and normal points 1, so the mask is `labels == -1`.")
    expect(mask[-4:].all(), "the four far-away points were not all flagged as anomalies: fit IsolationForest "
           "on the data and keep the points it labels -1.")
    expect(abs(int(mask.sum()) - 4) <= 1, "with contamination=0.02 about 2% of 200 points (4) "
           f"should be flagged, you flagged {int(mask.sum())}: pass `contamination` to IsolationForest.")
    fuzzy = rng.standard_normal((150, 3))
    first, second = call(isolation_forest_anomalies, fuzzy, 0.1), call(isolation_forest_anomalies, fuzzy, 0.1)
    expect(np.array_equal(first, second), "two calls flagged different points: IsolationForest is random, "
           "so seed it with random_state=0.")


@exercise("compare clusters with known labels", ML_ALGORITHMS, hints=[
    "Cluster ids are arbitrary: cluster 0 need not be the first species. You need a score that only asks "
    "whether the same points are grouped together.",
    "Scale, run `KMeans(n_clusters=len(np.unique(labels)), n_init=10, random_state=0)`, then return "
    "`adjusted_rand_score(labels, clusters)`.",
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
    two_blobs, two = _blobs([[0, 0], [8, 8]], per_blob=40)
    expect(math.isclose(call(kmeans_ari, two_blobs, two), 1.0),
           "with 2 distinct known labels k-means should look for 2 clusters: "
           "n_clusters is the number of distinct labels.")
    lopsided, groups = _dominated_by_one_feature()
    expect(call(kmeans_ari, lopsided, groups) > 0.9,
           "on data where one feature is in the thousands (like proline in the wine data) your clusters "
           "follow only that feature and miss the two groups: standardize `data` with StandardScaler "
           "before KMeans.")
    shuffled = np.random.default_rng(0).permutation(names)
    chance = call(kmeans_ari, data, shuffled)
    expect(abs(chance) < 0.2, f"labels shuffled at random should score about 0, got {chance:.2f}: "
           "the Rand index (rand_score) is not adjusted for chance, use adjusted_rand_score.")
