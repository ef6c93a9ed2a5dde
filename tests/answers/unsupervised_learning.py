from tests.answers import WrongAnswer

WRONG = {
    "q1-answer": WrongAnswer(
        code=('def scaled_kmeans_labels(data, n_clusters):\n'
              '    return KMeans(n_clusters=n_clusters, n_init=10, random_state=0).fit_predict(data)\n'),
        message="standardize the features with StandardScaler before KMeans",
    ),
    "q2-answer": WrongAnswer(
        code=('def kmeans_inertias(data, max_k):\n'
              '    return [KMeans(n_clusters=k, n_init=10, '
              'random_state=0).fit(data).inertia_ for k in range(1, max_k)]\n'),
        message="range(1, max_k) stops before max_k",
    ),
    "q3-answer": WrongAnswer(
        code=('def best_k_by_silhouette(data, k_values):\n'
              '    scores = [silhouette_score(data, KMeans(n_clusters=k, n_init=10, '
              'random_state=0).fit_predict(data))\n'
              '              for k in k_values]\n'
              '    return int(np.argmax(scores))\n'),
        message="the position of the best score in k_values",
    ),
    "q4-answer": WrongAnswer(
        code=('def n_components_for_variance(data, threshold):\n'
              '    cumulative = np.cumsum(PCA().fit(data).explained_variance_)\n'
              '    return int(np.argmax(cumulative >= threshold)) + 1\n'),
        message="not `explained_variance_`",
    ),
    "q5-answer": WrongAnswer(
        code='def pca_2d(data):\n    return PCA(n_components=2).fit(data).components_\n',
        message="you returned `pca.components_`",
    ),
    "q6-answer": WrongAnswer(
        code=('def dbscan_n_clusters(data, eps, min_samples):\n'
              '    return len(set(DBSCAN(eps=eps, min_samples=min_samples).fit_predict(data)))\n'),
        message="you counted the noise label -1 as a cluster",
    ),
    "q7-answer": WrongAnswer(
        code=('def isolation_forest_anomalies(data, contamination):\n'
              '    return IsolationForest(contamination=contamination, random_state=0).fit_predict(data)\n'),
        message="return a boolean mask (True for an anomaly), not the raw labels 1/-1",
    ),
    "q8-answer": WrongAnswer(
        code=('def kmeans_ari(data, labels):\n'
              '    scaled = StandardScaler().fit_transform(data)\n'
              '    clusters = KMeans(n_clusters=len(np.unique(labels)), n_init=10, '
              'random_state=0).fit_predict(scaled)\n'
              '    return float(np.mean(clusters == np.asarray(labels)))\n'),
        message="raw accuracy) is meaningless",
    ),
}

# Scales with MinMaxScaler instead of StandardScaler: the blobs of the visible check come out the
# same, but the wine clusters differ (cluster sizes 54, 61, 63 instead of 51, 62, 65).
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q1-answer",
    'from sklearn.preprocessing import MinMaxScaler\n\n\n'
    'def scaled_kmeans_labels(data, n_clusters):\n'
    '    scaled = MinMaxScaler().fit_transform(data)\n'
    '    return KMeans(n_clusters=n_clusters, n_init=10, random_state=0).fit_predict(scaled)\n',
)

# Valid answers in another form: another library call, another container or dtype, another method.
ALTERNATIVES = {
    # A pipeline that scales and clusters in one estimator.
    "q1-answer": ('from sklearn.pipeline import make_pipeline\n\n\n'
                  'def scaled_kmeans_labels(data, n_clusters):\n'
                  '    model = make_pipeline(StandardScaler(), KMeans(n_clusters=n_clusters, n_init=10, '
                  'random_state=0))\n'
                  '    return model.fit(data)[-1].labels_\n'),
    # A float32 array instead of a list.
    "q2-answer": ('def kmeans_inertias(data, max_k):\n'
                  '    inertias = np.zeros(max_k, dtype=np.float32)\n'
                  '    for k in range(1, max_k + 1):\n'
                  '        inertias[k - 1] = KMeans(n_clusters=k, n_init=10, '
                  'random_state=0).fit(data).inertia_\n'
                  '    return inertias\n'),
    # max() with the score as key; the k comes back as a NumPy integer.
    "q3-answer": ('def best_k_by_silhouette(data, k_values):\n'
                  '    def score(k):\n'
                  '        return silhouette_score(data, KMeans(n_clusters=k, n_init=10, '
                  'random_state=0).fit_predict(data))\n'
                  '    return np.int64(max(k_values, key=score))\n'),
    # scikit-learn chooses the number of components itself when n_components is a share.
    "q4-answer": ('def n_components_for_variance(data, threshold):\n'
                  '    return int(PCA(n_components=threshold, svd_solver="full").fit(data).n_components_)\n'),
    # The projection by hand with an SVD, in float32.
    "q5-answer": ('def pca_2d(data):\n'
                  '    values = np.asarray(data, dtype=float)\n'
                  '    centred = values - values.mean(axis=0)\n'
                  '    _, _, directions = np.linalg.svd(centred, full_matrices=False)\n'
                  '    return (centred @ directions[:2].T).astype(np.float32)\n'),
    # Cluster labels run 0, 1, ..., k - 1: the largest label plus one is their count (0 if all are noise).
    "q6-answer": ('def dbscan_n_clusters(data, eps, min_samples):\n'
                  '    labels = DBSCAN(eps=eps, min_samples=min_samples).fit(data).labels_\n'
                  '    return int(labels.max()) + 1\n'),
    # predict() after fit(), negative for anomalies.
    "q7-answer": ('def isolation_forest_anomalies(data, contamination):\n'
                  '    forest = IsolationForest(contamination=contamination, random_state=0).fit(data)\n'
                  '    return forest.predict(data) < 0\n'),
    # A pipeline, the labels counted with set(), the score left as a NumPy float, arguments swapped.
    "q8-answer": ('from sklearn.pipeline import make_pipeline\n\n\n'
                  'def kmeans_ari(data, labels):\n'
                  '    k = len(set(np.asarray(labels).tolist()))\n'
                  '    model = make_pipeline(StandardScaler(), KMeans(n_clusters=k, n_init=10, '
                  'random_state=0))\n'
                  '    return adjusted_rand_score(model.fit_predict(data), labels)\n'),
}

# Answers right on each check's first input only.
VISIBLE_ONLY = {
    # n_clusters written out as 3.
    "q1-answer": WrongAnswer(
        code=('def scaled_kmeans_labels(data, n_clusters):\n'
              '    scaled = StandardScaler().fit_transform(data)\n'
              '    return KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(scaled)\n'),
        message="should give 2 different labels (one per cluster), got 3",
    ),
    # max_k written out as 5.
    "q2-answer": WrongAnswer(
        code=('def kmeans_inertias(data, max_k):\n'
              '    return [KMeans(n_clusters=k, n_init=10, random_state=0).fit(data).inertia_ '
              'for k in range(1, 6)]\n'),
        message="kmeans_inertias(data, 3) should return 3 inertias",
    ),
    # Assumes k_values are consecutive and sorted: the first k plus the best position.
    "q3-answer": WrongAnswer(
        code=('def best_k_by_silhouette(data, k_values):\n'
              '    scores = [silhouette_score(data, KMeans(n_clusters=k, n_init=10, random_state=0)'
              '.fit_predict(data)) for k in k_values]\n'
              '    return k_values[0] + int(np.argmax(scores))\n'),
        message="whatever the order of k_values",
    ),
    # PCA with 3 components, as many as the first input has columns.
    "q4-answer": WrongAnswer(
        code=('def n_components_for_variance(data, threshold):\n'
              '    cumulative = np.cumsum(PCA(n_components=3).fit(data).explained_variance_ratio_)\n'
              '    return int(np.argmax(cumulative >= threshold)) + 1\n'),
        message="as if your PCA had fewer components than the threshold needs",
    ),
    # An SVD by hand that keeps the container it is given: a DataFrame for a DataFrame.
    "q5-answer": WrongAnswer(
        code=('def pca_2d(data):\n'
              '    centred = data - data.mean(axis=0)\n'
              '    _, _, directions = np.linalg.svd(np.asarray(centred, dtype=float), full_matrices=False)\n'
              '    return centred @ directions[:2].T\n'),
        message="should be an ndarray, but it is a DataFrame",
    ),
    # Assumes there is always noise: subtracts 1 for the label -1.
    "q6-answer": WrongAnswer(
        code=('def dbscan_n_clusters(data, eps, min_samples):\n'
              '    labels = DBSCAN(eps=eps, min_samples=min_samples).fit_predict(data)\n'
              '    return max(len(set(labels)) - 1, 0)\n'),
        message="subtract 1 only when -1 is among the labels",
    ),
    # contamination written out as 0.02.
    "q7-answer": WrongAnswer(
        code=('def isolation_forest_anomalies(data, contamination):\n'
              '    return IsolationForest(contamination=0.02, random_state=0).fit_predict(data) == -1\n'),
        message="with contamination=0.1 about 10% of 150 rows (15) should be flagged",
    ),
    # Three clusters written out, as many as the first input's labels.
    "q8-answer": WrongAnswer(
        code=('def kmeans_ari(data, labels):\n'
              '    scaled = StandardScaler().fit_transform(data)\n'
              '    clusters = KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(scaled)\n'
              '    return float(adjusted_rand_score(labels, clusters))\n'),
        message="your k-means looked for 3 clusters",
    ),
}
