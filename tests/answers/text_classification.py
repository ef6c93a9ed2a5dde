from tests.answers import WrongAnswer

WRONG = {
    "q1-answer": WrongAnswer(
        code='def tokenize(text):\n    return text.lower().split()\n',
        message="punctuation stays attached to the words",
    ),
    "q2-answer": WrongAnswer(
        code=('def bag_of_words(documents):\n'
              '    vocabulary = []\n'
              '    for document in documents:\n'
              '        for token in document:\n'
              '            if token not in vocabulary:\n'
              '                vocabulary.append(token)\n'
              '    counts = np.zeros((len(documents), len(vocabulary)), dtype=int)\n'
              '    for i, document in enumerate(documents):\n'
              '        for token in document:\n'
              '            counts[i, vocabulary.index(token)] += 1\n'
              '    return vocabulary, counts\n'),
        message="sort the vocabulary alphabetically",
    ),
    "q3-answer": WrongAnswer(
        code=('def tfidf_logreg(texts_train, labels_train, texts_test, labels_test):\n'
              '    vectorizer = TfidfVectorizer().fit(list(texts_train) + list(texts_test))\n'
              '    model = make_pipeline(vectorizer, LogisticRegression(max_iter=1000))\n'
              '    model[-1].fit(vectorizer.transform(texts_train), labels_train)\n'
              '    return model, float(model.score(texts_test, labels_test))\n'),
        message="words that appear only in the test texts",
    ),
    "q4-answer": WrongAnswer(
        code=('def top_words(model, k):\n'
              '    words = list(model[0].vocabulary_)\n'
              '    classifier = model[-1]\n'
              '    order = np.argsort(classifier.coef_[0])\n'
              '    return {classifier.classes_[0]: [words[i] for i in order[:k]],\n'
              '            classifier.classes_[1]: [words[i] for i in order[::-1][:k]]}\n'),
        message="`vocabulary_` is a dict whose order",
    ),
    "q5-answer": WrongAnswer(
        code=('def ngram_table(texts_train, labels_train, texts_test, labels_test, max_n):\n'
              '    rows = {}\n'
              '    for n in range(1, max_n + 1):\n'
              '        model = make_pipeline(TfidfVectorizer(ngram_range=(n, n)),\n'
              '                              LogisticRegression(max_iter=1000))\n'
              '        model.fit(texts_train, labels_train)\n'
              '        rows[n] = {"vocabulary": len(model[0].vocabulary_),\n'
              '                   "accuracy": model.score(texts_test, labels_test)}\n'
              '    return pd.DataFrame.from_dict(rows, orient="index")\n'),
        message="ngram_range=(n, n) counts only the n-grams",
    ),
    "q6-answer": WrongAnswer(
        code=('class BagOfEmbeddings(nn.Module):\n'
              '    def __init__(self, vocab_size, embedding_dim, n_classes):\n'
              '        super().__init__()\n'
              '        self.embedding = nn.EmbeddingBag(vocab_size, embedding_dim, mode="sum")\n'
              '        self.linear = nn.Linear(embedding_dim, n_classes)\n'
              '\n'
              '    def forward(self, token_ids, offsets):\n'
              '        return self.linear(self.embedding(token_ids, offsets))\n'
              '\n'
              '\n'
              'def make_embedding_classifier(vocab_size, embedding_dim, n_classes):\n'
              '    return BagOfEmbeddings(vocab_size, embedding_dim, n_classes)\n'),
        message="mode='sum' adds the vectors",
    ),
}

# Reserves token 0 for padding (`padding_idx=0`), a habit from other tutorials: the visible batches
# hold no token 0, so the check passes, but the hidden batch does, and its logits change.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q6-answer",
    'class BagOfEmbeddings(nn.Module):\n'
    '    def __init__(self, vocab_size, embedding_dim, n_classes):\n'
    '        super().__init__()\n'
    '        self.embedding = nn.EmbeddingBag(vocab_size, embedding_dim, mode="mean", padding_idx=0)\n'
    '        self.linear = nn.Linear(embedding_dim, n_classes)\n'
    '\n'
    '    def forward(self, token_ids, offsets):\n'
    '        return self.linear(self.embedding(token_ids, offsets))\n'
    '\n'
    '\n'
    'def make_embedding_classifier(vocab_size, embedding_dim, n_classes):\n'
    '    return BagOfEmbeddings(vocab_size, embedding_dim, n_classes)\n',
)

# Valid answers in another form: another container or dtype, another correct method or library call,
# other settings where the exercise leaves them to the learner.
ALTERNATIVES = {
    "q1-answer": ('def tokenize(text):\n'
                  '    return [token for token in re.split(r"[^a-z]+", text.lower()) if token]\n'),
    "q2-answer": ('def bag_of_words(documents):\n'
                  '    vectorizer = CountVectorizer(analyzer=lambda document: document)\n'
                  '    counts = vectorizer.fit_transform(documents).toarray()\n'
                  '    return list(vectorizer.get_feature_names_out()), counts\n'),
    "q3-answer": ('from sklearn.metrics import accuracy_score\n'
                  'from sklearn.pipeline import Pipeline\n'
                  '\n'
                  '\n'
                  'def tfidf_logreg(texts_train, labels_train, texts_test, labels_test):\n'
                  '    model = Pipeline([("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),\n'
                  '                      ("logreg", LogisticRegression(C=10, max_iter=2000))])\n'
                  '    model.fit(texts_train, labels_train)\n'
                  '    return model, np.float32(accuracy_score(labels_test, model.predict(texts_test)))\n'),
    "q4-answer": ('def top_words(model, k):\n'
                  '    vocabulary = model[0].vocabulary_\n'
                  '    words = sorted(vocabulary, key=vocabulary.get)\n'
                  '    coefficients = pd.Series(model[-1].coef_[0], index=words).sort_values()\n'
                  '    negative, positive = model[-1].classes_\n'
                  '    return {negative: coefficients.index[:k].to_numpy(),\n'
                  '            positive: coefficients.index[::-1][:k].to_numpy()}\n'),
    "q5-answer": ('from sklearn.metrics import accuracy_score\n'
                  '\n'
                  '\n'
                  'def ngram_table(texts_train, labels_train, texts_test, labels_test, max_n):\n'
                  '    sizes, accuracies = [], []\n'
                  '    for n in range(1, max_n + 1):\n'
                  '        vectorizer = TfidfVectorizer(ngram_range=(1, n))\n'
                  '        model = make_pipeline(vectorizer, LogisticRegression(max_iter=1000))\n'
                  '        model.fit(texts_train, labels_train)\n'
                  '        sizes.append(len(vectorizer.get_feature_names_out()))\n'
                  '        accuracies.append(accuracy_score(labels_test, model.predict(texts_test)))\n'
                  '    columns = {"vocabulary": sizes, "accuracy": np.array(accuracies, dtype=np.float32)}\n'
                  '    return pd.DataFrame(columns, index=pd.RangeIndex(1, max_n + 1, name="n"))\n'),
    "q6-answer": ('class BagOfEmbeddings(nn.Module):\n'
                  '    def __init__(self, vocab_size, embedding_dim, n_classes):\n'
                  '        super().__init__()\n'
                  '        self.embedding = nn.EmbeddingBag(vocab_size, embedding_dim)  # mean by default\n'
                  '        self.linear = nn.Linear(embedding_dim, n_classes)\n'
                  '\n'
                  '    def forward(self, token_ids, offsets):\n'
                  '        averaged = self.embedding(token_ids, offsets=offsets)\n'
                  '        return nn.functional.linear(averaged, self.linear.weight, self.linear.bias)\n'
                  '\n'
                  '\n'
                  'def make_embedding_classifier(vocab_size, embedding_dim, n_classes):\n'
                  '    return BagOfEmbeddings(vocab_size, embedding_dim, n_classes)\n'),
}

# Answers right on each check's first input only; its second input tells them.
VISIBLE_ONLY = {
    "q1-answer": WrongAnswer(  # \w keeps digits and underscores: the first text has none
        code='def tokenize(text):\n    return re.findall(r"\\w+", text.lower())\n',
        message="digits and underscores are not letters",
    ),
    "q2-answer": WrongAnswer(  # drops empty documents, and with them their rows
        code=('def bag_of_words(documents):\n'
              '    documents = [document for document in documents if document]\n'
              '    vocabulary = sorted({token for document in documents for token in document})\n'
              '    counts = np.zeros((len(documents), len(vocabulary)), dtype=int)\n'
              '    for i, document in enumerate(documents):\n'
              '        for token in document:\n'
              '            counts[i, vocabulary.index(token)] += 1\n'
              '    return vocabulary, counts\n'),
        message="an empty one a row of zeros",
    ),
    "q3-answer": WrongAnswer(  # label names hard-coded: right for "pos" and "neg" only
        code=('def tfidf_logreg(texts_train, labels_train, texts_test, labels_test):\n'
              '    model = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000))\n'
              '    model.fit(texts_train, labels_train)\n'
              '    predicted = np.where(model.predict_proba(texts_test)[:, 1] > 0.5, "pos", "neg")\n'
              '    return model, float(np.mean(predicted == np.asarray(labels_test)))\n'),
        message="accuracy on the test texts",
    ),
    "q4-answer": WrongAnswer(  # k hard-coded to the example's 2
        code=('def top_words(model, k):\n'
              '    words = model[0].get_feature_names_out()\n'
              '    classifier = model[-1]\n'
              '    order = np.argsort(classifier.coef_[0])\n'
              '    return {classifier.classes_[0]: [str(w) for w in words[order[:2]]],\n'
              '            classifier.classes_[1]: [str(w) for w in words[order[::-1][:2]]]}\n'),
        message="take k words, not a fixed number",
    ),
    "q5-answer": WrongAnswer(  # max_n hard-coded to the example's 2
        code=('def ngram_table(texts_train, labels_train, texts_test, labels_test, max_n):\n'
              '    rows = {}\n'
              '    for n in (1, 2):\n'
              '        vectorizer = TfidfVectorizer(ngram_range=(1, n))\n'
              '        model = make_pipeline(vectorizer, LogisticRegression(max_iter=1000))\n'
              '        model.fit(texts_train, labels_train)\n'
              '        rows[n] = {"vocabulary": len(model[0].vocabulary_),\n'
              '                   "accuracy": model.score(texts_test, labels_test)}\n'
              '    return pd.DataFrame.from_dict(rows, orient="index")\n'),
        message="with max_n=3 the table should have 3 rows",
    ),
    "q6-answer": WrongAnswer(  # two classes hard-coded
        code=('class BagOfEmbeddings(nn.Module):\n'
              '    def __init__(self, vocab_size, embedding_dim, n_classes):\n'
              '        super().__init__()\n'
              '        self.embedding = nn.EmbeddingBag(vocab_size, embedding_dim, mode="mean")\n'
              '        self.linear = nn.Linear(embedding_dim, 2)\n'
              '\n'
              '    def forward(self, token_ids, offsets):\n'
              '        return self.linear(self.embedding(token_ids, offsets))\n'
              '\n'
              '\n'
              'def make_embedding_classifier(vocab_size, embedding_dim, n_classes):\n'
              '    return BagOfEmbeddings(vocab_size, embedding_dim, n_classes)\n'),
        message="n_classes=4 scores",
    ),
}
