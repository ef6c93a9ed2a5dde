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

# Drops English stop words, a tempting "improvement": the hand-made texts of the visible check hold
# none, so it passes there, but the reviews lose words such as "not" and "it", and with them the
# vocabulary size and the accuracy the hidden tests record.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q3-answer",
    'def tfidf_logreg(texts_train, labels_train, texts_test, labels_test):\n'
    '    model = make_pipeline(TfidfVectorizer(stop_words="english"), LogisticRegression(max_iter=1000))\n'
    '    model.fit(texts_train, labels_train)\n'
    '    return model, float(model.score(texts_test, labels_test))\n',
)
