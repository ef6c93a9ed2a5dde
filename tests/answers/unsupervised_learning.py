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
