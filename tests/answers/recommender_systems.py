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
        message="Only the first k recommendations count",
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
        message="flatten the biases first",
    ),
}

# Ignores the seed (a generator made from 0 every time): the visible check calls the function twice
# with the same seed, which still gives the same split, but the hidden tests also try another seed.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q2-answer",
    'def split_per_user(ratings, n_test, seed):\n'
    '    rng = np.random.default_rng(0)\n'
    '    held_out = []\n'
    '    for _, rows in ratings.groupby("user_id"):\n'
    '        size = min(n_test, len(rows) - 1)\n'
    '        held_out.extend(rng.choice(rows.index.to_numpy(), size=size, replace=False))\n'
    '    in_test = ratings.index.isin(held_out)\n'
    '    return ratings[~in_test], ratings[in_test]\n',
)

# Valid answers in another form: another pandas or NumPy method, another container or float type.
ALTERNATIVES = {
    "q1-answer": ('def user_item_matrix(ratings):\n'
                  '    matrix = ratings.set_index(["user_id", "item_id"])["rating"].unstack()\n'
                  '    return matrix.sort_index(axis=1)\n'),
    "q2-answer": ('def split_per_user(ratings, n_test, seed):\n'
                  '    rng = np.random.default_rng(seed)\n'
                  '    tests = []\n'
                  '    for user in sorted(ratings["user_id"].unique(), key=str):\n'
                  '        rows = ratings[ratings["user_id"] == user]\n'
                  '        tests.append(rows.sample(n=min(n_test, len(rows) - 1), random_state=rng))\n'
                  '    test = pd.concat(tests)\n'
                  '    return ratings.drop(index=test.index), ratings.loc[ratings.index.isin(test.index)]\n'),
    "q3-answer": ('def popular_items(train, user_id, k):\n'
                  '    seen = train.loc[train["user_id"] == user_id, "item_id"]\n'
                  '    counts = train["item_id"].value_counts().rename("count").reset_index()\n'
                  '    counts = counts[~counts["item_id"].isin(seen)]\n'
                  '    ranked = counts.sort_values(["count", "item_id"], ascending=[False, True])\n'
                  '    return ranked["item_id"].head(k).tolist()\n'),
    "q4-answer": ('from sklearn.metrics.pairwise import cosine_similarity\n'
                  '\n'
                  '\n'
                  'def similar_items(matrix, item_id, k):\n'
                  '    vectors = matrix.fillna(0).T\n'
                  '    cosine = cosine_similarity(vectors, vectors.loc[[item_id]])[:, 0].astype(np.float32)\n'
                  '    similarity = pd.Series(cosine, index=matrix.columns).drop(item_id)\n'
                  '    order = sorted(similarity.index, key=lambda item: (-similarity[item], item))\n'
                  '    return similarity[order[:k]]\n'),
    "q5-answer": ('def precision_recall_at_k(recommended, relevant, k):\n'
                  '    shown = np.asarray(list(recommended)[:k])\n'
                  '    hits = np.isin(shown, list(relevant)).sum()\n'
                  '    precision = np.float32(hits / k)\n'
                  '    recall = np.float32(hits / len(relevant)) if len(relevant) else np.float32(0.0)\n'
                  '    return [precision, recall]\n'),
    "q6-answer": ('class MatrixFactorization(nn.Module):\n'
                  '    def __init__(self, n_users, n_items, n_factors):\n'
                  '        super().__init__()\n'
                  '        self.user_embedding = nn.Embedding(n_users, n_factors)\n'
                  '        self.item_embedding = nn.Embedding(n_items, n_factors)\n'
                  '        self.user_bias = nn.Embedding(n_users, 1)\n'
                  '        self.item_bias = nn.Embedding(n_items, 1)\n'
                  '        self.global_bias = nn.Parameter(torch.zeros(1))\n'
                  '\n'
                  '    def forward(self, users, items):\n'
                  '        vectors = self.user_embedding(users), self.item_embedding(items)\n'
                  '        dot = torch.einsum("nf,nf->n", *vectors)\n'
                  '        biases = self.user_bias(users).view(-1) + self.item_bias(items).view(-1)\n'
                  '        return dot + biases + self.global_bias\n'
                  '\n'
                  '\n'
                  'def make_model(n_users, n_items, n_factors):\n'
                  '    torch.manual_seed(0)\n'
                  '    return MatrixFactorization(n_users, n_items, n_factors)\n'),
}

# Answers right on each check's first input only; its second input tells them.
VISIBLE_ONLY = {
    "q1-answer": WrongAnswer(  # users and items in the order they first appear: right when ratings are sorted
        code=('def user_item_matrix(ratings):\n'
              '    matrix = pd.DataFrame(np.nan, index=ratings["user_id"].unique(),\n'
              '                          columns=ratings["item_id"].unique())\n'
              '    rows = ratings[["user_id", "item_id", "rating"]]\n'
              '    for user, item, rating in rows.itertuples(index=False):\n'
              '        matrix.loc[user, item] = rating\n'
              '    return matrix\n'),
        message="should be sorted ascending",
    ),
    "q2-answer": WrongAnswer(  # a user with n_test ratings or fewer holds out nothing
        code=('def split_per_user(ratings, n_test, seed):\n'
              '    rng = np.random.default_rng(seed)\n'
              '    held_out = []\n'
              '    for _, rows in ratings.groupby("user_id"):\n'
              '        if len(rows) <= n_test:\n'
              '            continue\n'
              '        held_out.extend(rng.choice(rows.index.to_numpy(), size=n_test, replace=False))\n'
              '    in_test = ratings.index.isin(held_out)\n'
              '    return ratings[~in_test], ratings[in_test]\n'),
        message="such a user keeps exactly one rating in train and puts the others in test",
    ),
    "q3-answer": WrongAnswer(  # ties in the order value_counts leaves them: right when nothing is tied
        code=('def popular_items(train, user_id, k):\n'
              '    seen = set(train.loc[train["user_id"] == user_id, "item_id"])\n'
              '    counts = train["item_id"].value_counts()\n'
              '    return [item for item in counts.index if item not in seen][:k]\n'),
        message="ascending order of item id",
    ),
    "q4-answer": WrongAnswer(  # ties in column order: right when no two similarities are equal
        code=('def similar_items(matrix, item_id, k):\n'
              '    filled = matrix.fillna(0).to_numpy(dtype=float)\n'
              '    target = matrix[item_id].fillna(0).to_numpy(dtype=float)\n'
              '    cosine = filled.T @ target / (np.linalg.norm(filled, axis=0) * np.linalg.norm(target))\n'
              '    similarity = pd.Series(cosine, index=matrix.columns).drop(item_id)\n'
              '    return similarity.sort_values(ascending=False).head(k)\n'),
        message="equal similarities in ascending order of item id",
    ),
    "q5-answer": WrongAnswer(  # precision over the list's length: right when the list has k items or more
        code=('def precision_recall_at_k(recommended, relevant, k):\n'
              '    shown = list(recommended)[:k]\n'
              '    hits = len(set(shown) & set(relevant))\n'
              '    recall = hits / len(relevant) if relevant else 0.0\n'
              '    return (hits / len(shown) if shown else 0.0), recall\n'),
        message="precision still divides by k",
    ),
    "q6-answer": WrongAnswer(  # two factors hard-coded
        code=('class MatrixFactorization(nn.Module):\n'
              '    def __init__(self, n_users, n_items, n_factors):\n'
              '        super().__init__()\n'
              '        self.user_embedding = nn.Embedding(n_users, 2)\n'
              '        self.item_embedding = nn.Embedding(n_items, 2)\n'
              '        self.user_bias = nn.Embedding(n_users, 1)\n'
              '        self.item_bias = nn.Embedding(n_items, 1)\n'
              '        self.global_bias = nn.Parameter(torch.zeros(1))\n'
              '\n'
              '    def forward(self, users, items):\n'
              '        dot = (self.user_embedding(users) * self.item_embedding(items)).sum(dim=1)\n'
              '        biases = self.user_bias(users).squeeze(1) + self.item_bias(items).squeeze(1)\n'
              '        return dot + biases + self.global_bias\n'
              '\n'
              '\n'
              'def make_model(n_users, n_items, n_factors):\n'
              '    torch.manual_seed(0)\n'
              '    return MatrixFactorization(n_users, n_items, n_factors)\n'),
        message="and 4 factors",
    ),
}
