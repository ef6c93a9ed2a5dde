from tests.answers import WrongAnswer

WRONG = {
    "q1-answer": WrongAnswer(
        code=('def user_item_matrix(ratings):\n'
              '    return ratings.pivot(index="user_id", columns="item_id", values="rating").fillna(0)\n'),
        message="missing ratings should be NaN, not 0",
    ),
    "q2-answer": WrongAnswer(
        code=('def split_per_user(ratings, n_test, seed):\n'
              '    test = ratings.sample(frac=0.3, random_state=seed)\n'
              '    return ratings.drop(index=test.index), test\n'),
        message="pick the test rows user by user",
    ),
    "q3-answer": WrongAnswer(
        code=('def popular_items(train, user_id, k):\n'
              '    counts = train.groupby("item_id").size()\n'
              '    return sorted(counts.index, key=lambda item: (-counts[item], item))[:k]\n'),
        message="leave out the items the user already rated",
    ),
    "q4-answer": WrongAnswer(
        code=('def similar_items(matrix, item_id, k):\n'
              '    filled = matrix.fillna(0).to_numpy(dtype=float)\n'
              '    norms = np.linalg.norm(filled, axis=0)\n'
              '    cosine = filled.T @ filled[:, list(matrix.columns).index(item_id)]\n'
              '    similarity = pd.Series(cosine / (norms * norms[list(matrix.columns).index(item_id)]),\n'
              '                           index=matrix.columns)\n'
              '    return similarity.sort_values(ascending=False).head(k)\n'),
        message="leave the item itself out",
    ),
    "q5-answer": WrongAnswer(
        code=('def precision_recall_at_k(recommended, relevant, k):\n'
              '    hits = len(set(recommended) & set(relevant))\n'
              '    return hits / k, (hits / len(relevant) if relevant else 0.0)\n'),
        message="only the first k recommendations count",
    ),
    "q6-answer": WrongAnswer(
        code=('class MatrixFactorization(nn.Module):\n'
              '    def __init__(self, n_users, n_items, n_factors):\n'
              '        super().__init__()\n'
              '        self.user_embedding = nn.Embedding(n_users, n_factors)\n'
              '        self.item_embedding = nn.Embedding(n_items, n_factors)\n'
              '        self.user_bias = nn.Embedding(n_users, 1)\n'
              '        self.item_bias = nn.Embedding(n_items, 1)\n'
              '        self.global_bias = nn.Parameter(torch.zeros(1))\n'
              '\n'
              '    def forward(self, users, items):\n'
              '        dot = (self.user_embedding(users) * self.item_embedding(items)).sum(dim=1)\n'
              '        return dot + self.user_bias(users) + self.item_bias(items) + self.global_bias\n'
              '\n'
              '\n'
              'def make_model(n_users, n_items, n_factors):\n'
              '    torch.manual_seed(0)\n'
              '    return MatrixFactorization(n_users, n_items, n_factors)\n'),
        message="flatten the biases with .squeeze(1)",
    ),
}

# Breaks ties between equally popular items by their first appearance in the frame (value_counts)
# instead of by ascending item id: the visible check has no ties, the hidden tie frame does.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q3-answer",
    'def popular_items(train, user_id, k):\n'
    '    seen = set(train.loc[train["user_id"] == user_id, "item_id"])\n'
    '    counts = train["item_id"].value_counts()\n'
    '    return [item for item in counts.index if item not in seen][:k]\n',
)
