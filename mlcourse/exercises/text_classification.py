"""Checks and hints for the assignment "Text classification" (source/text_classification).

Each check runs the learner's function on a few hand-made texts whose right answer is obvious
by construction (a word that occurs twice, a word that appears only in the test texts, a pair
of words that only bigrams can see), then on a second, differently shaped input (digits and
underscores, an empty document, three classes, another k, another max_n, other layer sizes), and
names a mistake only when the result proves it. The values on the generated product reviews are
checked only by the hidden tests.
"""


import numpy as np

from mlcourse.exercise import (
    DATA_HANDLING,
    ML_ALGORITHMS,
    Mistake,
    call,
    close_for_dtype,
    exercise,
    expect,
    expect_array,
    expect_integer,
    expect_number,
    expect_pair,
    expect_type,
    shown,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6"]

# Hand-made texts: sentiment words the model can learn, and a test set with words it never saw.
_TRAIN = ["good great kettle", "great fine good toaster", "fine good blender", "lovely great kettle",
          "bad awful kettle", "awful terrible bad toaster", "terrible bad blender", "broken awful toaster"]
_TRAIN_LABELS = ["pos", "pos", "pos", "pos", "neg", "neg", "neg", "neg"]
_TEST = ["good zebra", "awful yak", "great fine", "lovely"]
_TEST_LABELS = ["pos", "neg", "neg", "neg"]
_TEST_ONLY = {"zebra", "yak"}

# A second corpus: three topics instead of two sentiments, other label names, other test-only words.
_TOPIC_TRAIN = ["hot tea cup", "green tea leaf", "tea pot warm", "phone screen app", "phone battery charge",
                "app screen call", "bike wheel ride", "bike chain gear", "ride wheel road"]
_TOPIC_LABELS = ["tea"] * 3 + ["phone"] * 3 + ["bike"] * 3
_TOPIC_TEST = ["tea cup owl", "screen call", "wheel gear", "warm phone newt"]
_TOPIC_TEST_LABELS = ["tea", "phone", "bike", "tea"]
_TOPIC_TEST_ONLY = {"owl", "newt"}


def _same_pair(value, what, names):
    """The two parts of a returned pair, whatever they are."""
    return expect_pair(value, what, names, part=lambda item, _what: item)


def _fitted_steps(model, what):
    """The vectorizer and classifier of a fitted two-step pipeline, or a Mistake naming what is wrong."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    expect_type(model, Pipeline, f"the model from {what}")
    expect(len(model.steps) == 2, f"the pipeline from {what} should have two steps, a TfidfVectorizer then a "
           f"LogisticRegression; it has {len(model.steps)}.")
    vectorizer, classifier = model[0], model[-1]
    expect(isinstance(vectorizer, TfidfVectorizer) and isinstance(classifier, LogisticRegression),
           f"the pipeline from {what} should be a TfidfVectorizer then a LogisticRegression, got "
           f"{type(vectorizer).__name__} then {type(classifier).__name__}.")
    expect(hasattr(vectorizer, "vocabulary_") and hasattr(classifier, "coef_"),
           f"the pipeline from {what} is not fitted: fit it on the training texts and labels before "
           "returning it.")
    return vectorizer, classifier


def _tiny_model():
    """A fitted CountVectorizer + LogisticRegression on hand-made texts, with clear words for each class."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    texts = ["zesty tasty", "tasty yummy zesty tasty", "yummy fresh", "fresh tasty",
             "awful stale", "stale bland awful", "bland mushy bland", "mushy stale awful", "awful"]
    labels = ["yum"] * 4 + ["bad"] * 5
    return make_pipeline(CountVectorizer(), LogisticRegression(max_iter=1000)).fit(texts, labels)


def _topic_model():
    """Another fitted pipeline: other classes, other words, no two of its top three coefficients tied."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    texts = ["kettle kettle kettle toaster", "kettle toaster toaster", "kettle lid", "blender kettle soup",
             "phone phone screen", "laptop battery phone", "phone battery", "screen phone laptop wifi",
             "wifi phone"]
    labels = ["kitchen"] * 4 + ["tech"] * 5
    return make_pipeline(CountVectorizer(), LogisticRegression(max_iter=1000)).fit(texts, labels)


# --- the exercises -------------------------------------------------------------------------------


@exercise("a tokenizer", DATA_HANDLING, hints=[
    "Lower-case first, then keep only the runs of letters: rather than splitting on what separates words "
    "(there are many such characters), look for what a token is made of.",
    "A regular expression can find every match at once (`re.findall` returns them as a list). A character "
    "class `[...]` of the letters a to z, repeated one or more times, describes one token.",
])
def q1(tokenize):
    tokens = call(tokenize, "It's NOT bad!")
    expect_type(tokens, list, 'tokenize("It\'s NOT bad!")')
    expect(all(isinstance(token, str) for token in tokens),
           f'every token should be a string, tokenize("It\'s NOT bad!") gave {shown(tokens)}.')
    attached = sorted({char for token in tokens for char in token if not "a" <= char.lower() <= "z"})
    expect(not attached or any(char.isspace() for char in attached),
           f"tokenize(\"It's NOT bad!\") gave {shown(tokens)}: punctuation stays attached to the words "
           f"({' and '.join(map(repr, attached))} inside tokens). Every character that is not a letter a "
           "to z separates tokens, not only the spaces.")
    expect(not attached, f"tokenize(\"It's NOT bad!\") gave {shown(tokens)}: tokens hold spaces or other "
           "characters that are not letters; split the text at every character that is not a letter a to z.")
    expect("" not in tokens, f"tokenize(\"It's NOT bad!\") gave {shown(tokens)}: drop the empty strings that "
           "splitting leaves at the start or the end of the text.")
    expect(all(token == token.lower() for token in tokens),
           f"tokenize(\"It's NOT bad!\") gave {shown(tokens)}: lower-case the text first.")
    expect(tokens == ["it", "s", "not", "bad"],
           f"tokenize(\"It's NOT bad!\") should be ['it', 's', 'not', 'bad'], got {shown(tokens)}.")
    text = "...model2x works_well"
    tokens = call(tokenize, text)
    expect_type(tokens, list, f'tokenize("{text}")')
    expect("" not in tokens, f'tokenize("{text}") gave {shown(tokens)}: drop the empty strings that '
           "splitting leaves at the start or the end of the text.")
    kept = sorted({char for token in tokens for char in str(token) if char.isdigit() or char == "_"})
    expect(not kept, f'tokenize("{text}") gave {shown(tokens)}, with {" and ".join(map(repr, kept))} inside '
           "tokens: digits and underscores are not letters (`\\w` and `.isalnum()` let them through); keep "
           "only the letters a to z.")
    expect(tokens == ["model", "x", "works", "well"],
           f'tokenize("{text}") should be [\'model\', \'x\', \'works\', \'well\'], got {shown(tokens)}.')
    empty = call(tokenize, "?! 42")
    expect(empty == [], f'a text without letters should give [], tokenize("?! 42") gave {shown(empty)}.')


def _bag(result, what):
    """(vocabulary as a list of str, counts) of a bag_of_words result, or a Mistake."""
    vocabulary, counts = _same_pair(result, what, "(vocabulary, counts)")
    expect_type(vocabulary, (list, tuple, np.ndarray), f"the vocabulary from {what}")
    expect_type(counts, np.ndarray, f"counts from {what}")
    return [str(word) for word in vocabulary], counts


@exercise("a bag of words by hand", DATA_HANDLING, hints=[
    "First collect the distinct tokens of all documents and sort them: that is the vocabulary, and "
    "a word's position in it is its column. Then count, one row per document.",
    "Start from an array of zeros of integers, one row per document and one column per word (`np.zeros` "
    "takes a shape and a dtype), and add 1 in the document's row and the word's column for every token. A "
    "dict from each word to its column saves searching the vocabulary every time.",
])
def q2(bag_of_words):
    documents = [["good", "good", "kettle"], ["bad", "kettle"]]
    what = "bag_of_words([['good', 'good', 'kettle'], ['bad', 'kettle']])"
    vocabulary, counts = _bag(call(bag_of_words, documents), what)
    expect(sorted(vocabulary) == ["bad", "good", "kettle"],
           "the vocabulary should hold each distinct token once (bad, good, kettle), "
           f"got {shown(vocabulary)}.")
    expect(vocabulary == ["bad", "good", "kettle"],
           f"got the vocabulary {shown(vocabulary)}: sort the vocabulary alphabetically, so that every "
           "corpus gives its words one fixed order.")
    right = np.array([[0, 2, 1], [1, 0, 1]])
    expect(not (counts.shape == (3, 2) and np.array_equal(counts, right.T)),
           "counts has one row per word: transposed. Make one row per document and one column per word.")
    expect_array(counts, f"counts from {what}", shape=(2, 3), kind="i")
    expect(not np.array_equal(counts, (right > 0).astype(int)),
           f"counts is {counts.tolist()}, 1 wherever a word occurs, but 'good' occurs twice in the first "
           "document: count how many times each word occurs, not only whether it occurs.")
    expect(np.array_equal(counts, right),
           f"counts should be [[0, 2, 1], [1, 0, 1]] for this example, got {counts.tolist()}: "
           "column j counts vocabulary[j] in each document.")
    documents = [["b"], [], ["a", "b", "b"]]
    what = "bag_of_words([['b'], [], ['a', 'b', 'b']])"
    vocabulary, counts = _bag(call(bag_of_words, documents), what)
    expect(vocabulary == ["a", "b"],
           f"{what} should give the vocabulary ['a', 'b'], got {shown(vocabulary)}.")
    expect(counts.shape[:1] != (2,), f"{what} gave counts of shape {counts.shape}: 2 rows for 3 documents. "
           "Every document gets a row, an empty one a row of zeros.")
    expect(counts.shape == (3, 2) and np.array_equal(counts, [[0, 1], [0, 0], [1, 2]]),
           f"{what}: counts should be [[0, 1], [0, 0], [1, 2]] (an empty document is a row of zeros), got "
           f"{counts.tolist()}.")


def _check_fitted_on_training(tfidf_logreg, train, labels, test, test_labels, test_only):
    """Fit through the learner's function on one corpus; check what it returns, whatever its settings."""
    what = "tfidf_logreg(texts_train, labels_train, texts_test, labels_test)"
    result = call(tfidf_logreg, list(train), list(labels), list(test), list(test_labels))
    model, accuracy = _same_pair(result, what, "(model, accuracy)")
    vectorizer, classifier = _fitted_steps(model, what)
    leaked = set(vectorizer.get_feature_names_out()) & test_only
    expect(not leaked, "your vectorizer knows words that appear only in the test texts "
           f"({', '.join(sorted(leaked))}): fit the vectorizer, like the whole pipeline, on the training "
           "texts only.")
    expect(set(classifier.classes_) == set(labels), f"the fitted model's classes are "
           f"{shown(list(classifier.classes_))}, but the training labels are {shown(sorted(set(labels)))}: "
           "fit it on the training texts and labels it is given.")
    expect_number(accuracy, "the accuracy")  # kept as returned: its float type sets the tolerance
    expect(0 <= accuracy <= 1, f"an accuracy lies between 0 and 1, got {shown(accuracy)}.")
    on_test = model.score(list(test), list(test_labels))
    on_train = model.score(list(train), list(labels))
    expect(close_for_dtype(accuracy, on_test) or not close_for_dtype(accuracy, on_train),
           f"your accuracy, {shown(accuracy)}, is the model's accuracy on the training texts: score it on "
           f"the test texts and labels ({shown(on_test)} here).")
    expect(close_for_dtype(accuracy, on_test),
           f"the accuracy should be your fitted pipeline's accuracy on the test texts, {shown(on_test)} on "
           f"these {len(test)} texts, got {shown(accuracy)}.")


@exercise("TF-IDF + logistic regression on the training texts", ML_ALGORITHMS, hints=[
    "Two steps in one object: a vectorizer that turns texts into numbers, then a classifier. Which data may "
    "the whole object learn from, and which data only measures it?",
    "`make_pipeline` chains a `TfidfVectorizer` and a `LogisticRegression` (give it enough `max_iter`); a "
    "pipeline's `fit` fits every step in turn, and its `score` is the accuracy on the texts and labels you "
    "pass it.",
])
def q3(tfidf_logreg):
    _check_fitted_on_training(tfidf_logreg, _TRAIN, _TRAIN_LABELS, _TEST, _TEST_LABELS, _TEST_ONLY)
    _check_fitted_on_training(tfidf_logreg, _TOPIC_TRAIN, _TOPIC_LABELS, _TOPIC_TEST, _TOPIC_TEST_LABELS,
                              _TOPIC_TEST_ONLY)


def _top(model, k):
    """The right answer of top_words, from the model's own columns and coefficients."""
    words = model[0].get_feature_names_out()
    order = np.argsort(model[-1].coef_[0])
    first, second = model[-1].classes_
    return {str(first): [str(w) for w in words[order[:k]]],
            str(second): [str(w) for w in words[order[::-1][:k]]]}


def _as_answer(result, what):
    """A top_words result as {str(class): [str(word), ...]}, or a Mistake."""
    expect_type(result, dict, what)
    try:
        return {str(key): [str(word) for word in value] for key, value in result.items()}
    except TypeError:
        raise Mistake(f"{what} should map each class to a list of words; got {shown(result)}.") from None


@exercise("the most informative words", ML_ALGORITHMS, hints=[
    "The vectorizer knows which word each column is, the classifier holds one coefficient per column, in "
    "the same order. Sort the columns by coefficient.",
    "`get_feature_names_out()` of the first step gives the words in the order of the columns, `coef_[0]` of "
    "the last step their coefficients; `np.argsort` orders positions from the most negative coefficient to "
    "the most positive. Which end belongs to `classes_[1]`?",
])
def q4(top_words):
    model = _tiny_model()
    words = model[0].get_feature_names_out()
    coefficients = model[-1].coef_[0]
    order = np.argsort(coefficients)
    first, second = (str(label) for label in model[-1].classes_)
    right = _top(model, 2)
    answer = _as_answer(call(top_words, model, 2), "top_words(model, 2)")
    expect(set(answer) == {"bad", "yum"}, f"the keys should be the two classes of the model, "
           f"`classes_` of its last step (here 'bad' and 'yum'), got {shown(sorted(answer))}.")
    expect(all(len(value) == 2 for value in answer.values()),
           f"with k=2 each class should get 2 words, got {shown(answer)}.")
    if answer[second] == right[first] or set(answer[second]) == set(right[first]):
        raise Mistake("the classes are swapped: a positive coefficient pushes towards `classes_[1]`, so the "
                      "largest coefficients belong to classes_[1] and the smallest to classes_[0].")
    columns = list(model[0].vocabulary_)  # the dict's order, not the columns' order
    scrambled = {first: [columns[i] for i in order[:2]], second: [columns[i] for i in order[::-1][:2]]}
    expect(answer != scrambled, "the words do not match their coefficients: `vocabulary_` is a dict "
           "whose order is not the order of the columns; take the words from `get_feature_names_out()`.")
    strongest = [str(w) for w in words[np.argsort(np.abs(coefficients))[::-1][:2]]]
    expect(answer[first] != strongest or right[first] == strongest,
           f"for '{first}' you gave the words with the largest absolute coefficients: the words of "
           "classes_[0] have the smallest (most negative) coefficients.")
    for label in (first, second):
        expect(set(answer[label]) == set(right[label]),
               f"the words of '{label}' are not the {'smallest' if label == first else 'largest'} "
               f"coefficients: got {shown(answer[label])}.")
        strongest_first = "most negative" if label == first else "largest"
        expect(answer[label] == right[label], f"the words of '{label}' should come strongest first: "
               f"{strongest_first} coefficient first, got {shown(answer[label])}.")
    other = _topic_model()
    right = _top(other, 3)
    answer = _as_answer(call(top_words, other, 3), "top_words(other_model, 3)")
    expect(set(answer) == set(right), f"for another model, whose classes are 'kitchen' and 'tech', the keys "
           f"should be those classes, got {shown(sorted(answer))}: take them from the model.")
    lengths = sorted({len(value) for value in answer.values()})
    expect(lengths != [2], "with k=3 you returned 2 words per class, as for k=2: take k words, not a fixed "
           "number.")
    expect(lengths == [3], f"with k=3 each class should get 3 words, got {shown(answer)}.")
    expect(answer == right, f"top_words(other_model, 3) should be {right} (the model's 3 most negative and 3 "
           f"largest coefficients, strongest first), got {answer}.")


@exercise("bigrams and the vocabulary", DATA_HANDLING, hints=[
    "Loop over n from 1 to max_n (both included): fit one pipeline per n on the training texts, and keep two "
    "numbers per n, the size of its vocabulary and its test accuracy.",
    "The vectorizer's `ngram_range=(1, n)` keeps the single words too; the fitted vectorizer's `vocabulary_` "
    "has one entry per term, and the pipeline's `score` gives the accuracy. Collect a row per n, with n as "
    "the index (`pd.DataFrame.from_dict` with `orient=\"index\"` builds a frame from a dict of rows).",
])
def q5(ngram_table):
    import pandas as pd
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    train = ["good movie", "bad movie", "not good", "not bad movie", "good good", "bad bad"]
    labels = ["pos", "neg", "neg", "pos", "pos", "neg"]
    test = ["not good movie", "good zebra", "not bad", "bad yak"]
    test_labels = ["neg", "pos", "pos", "neg"]

    def sizes_of(vectorizer_texts, n):
        return len(TfidfVectorizer(ngram_range=(1, n)).fit(vectorizer_texts).vocabulary_)

    for max_n, right_sizes in ((2, [4, 10]), (3, [4, 10, 11])):
        what = f"ngram_table(..., max_n={max_n})"
        table = call(ngram_table, train, labels, test, test_labels, max_n)
        expect_type(table, pd.DataFrame, what)
        expect(len(table) == max_n, f"with max_n={max_n} the table should have {max_n} rows (n = "
               f"{', '.join(map(str, range(1, max_n + 1)))}), got {len(table)} (n = "
               f"{', '.join(map(str, table.index))}): loop from 1 to max_n included, as max_n says "
               "(`range(1, max_n)` stops before max_n).")
        expect(list(table.index) == list(range(1, max_n + 1)), f"the index should be the values of n, "
               f"{list(range(1, max_n + 1))}, got {shown(list(table.index))}.")
        expect({"vocabulary", "accuracy"} <= set(table.columns),
               f"the table needs the columns 'vocabulary' and 'accuracy', got {shown(list(table.columns))}.")
        sizes = [expect_integer(size, "each vocabulary size") for size in table["vocabulary"]]
        leaked = [sizes_of(train + test, n) for n in range(1, max_n + 1)]
        expect(sizes != leaked, f"your vocabulary sizes, {sizes}, are those of the training and test texts "
               "together: fit each pipeline on the training texts only.")
        expect(sizes[0] == 4,
               f"the training texts have 4 distinct words, got a vocabulary of {sizes[0]} for n=1.")
        only_bigrams = len(TfidfVectorizer(ngram_range=(2, 2)).fit(train).vocabulary_)
        expect(sizes[1] != only_bigrams, f"with n=2 your vocabulary has {only_bigrams} terms, the number of "
               "bigrams alone: ngram_range=(n, n) counts only the n-grams; use ngram_range=(1, n) to keep "
               "the single words too.")
        expect(sizes == right_sizes, f"with max_n={max_n} the vocabulary sizes should be {right_sizes} (the "
               f"terms of 1 to n words of the training texts), got {sizes}.")
        for n in range(1, max_n + 1):
            model = make_pipeline(TfidfVectorizer(ngram_range=(1, n)), LogisticRegression(max_iter=1000))
            expected = model.fit(train, labels).score(test, test_labels)
            accuracy = table["accuracy"].iloc[n - 1]
            expect_number(accuracy, "each accuracy")
            expect(close_for_dtype(accuracy, expected), f"the accuracy for n={n} should be the test accuracy "
                   f"of TfidfVectorizer(ngram_range=(1, {n})) + LogisticRegression(max_iter=1000), "
                   f"{shown(expected)} here; got {shown(accuracy)}.")


def _check_layers(make_embedding_classifier, vocab_size, embedding_dim, n_classes):
    """The model for these sizes, after checking its two layers; or a Mistake."""
    from torch import nn

    what = f"make_embedding_classifier({vocab_size}, {embedding_dim}, {n_classes})"
    model = call(make_embedding_classifier, vocab_size, embedding_dim, n_classes)
    expect_type(model, nn.Module, what)
    embedding, linear = getattr(model, "embedding", None), getattr(model, "linear", None)
    expect(embedding is not None and linear is not None,
           "the model should have two attributes, `self.embedding` and `self.linear`, set in __init__.")
    expect(not isinstance(embedding, nn.Embedding), "nn.Embedding gives one vector per token, not one "
           "per text: use nn.EmbeddingBag, which averages the vectors of each text's tokens.")
    expect_type(embedding, nn.EmbeddingBag, "model.embedding")
    expect(tuple(embedding.weight.shape) == (vocab_size, embedding_dim),
           f"for {what} the embedding should hold one vector of embedding_dim numbers per word of the "
           f"vocabulary: weight shape {(vocab_size, embedding_dim)}, got {tuple(embedding.weight.shape)}.")
    expect(embedding.mode != "sum", "mode='sum' adds the vectors, so a longer text gets larger scores: use "
           "mode='mean'.")
    expect(embedding.mode == "mean", f"use mode='mean', got mode={embedding.mode!r}.")
    expect_type(linear, nn.Linear, "model.linear")
    expect((linear.in_features, linear.out_features) == (embedding_dim, n_classes),
           f"for {what} the linear layer should map embedding_dim={embedding_dim} numbers to "
           f"n_classes={n_classes} scores, nn.Linear({embedding_dim}, {n_classes}); got "
           f"nn.Linear({linear.in_features}, {linear.out_features}).")
    count = sum(p.numel() for p in model.parameters())
    right = vocab_size * embedding_dim + embedding_dim * n_classes + n_classes
    expect(count == right, f"{what} should have {vocab_size}*{embedding_dim} + {embedding_dim}*{n_classes} + "
           f"{n_classes} = {right} parameters, got {count}: only the two layers.")
    return model, embedding, linear


def _check_output(model, embedding, linear, token_ids, offsets, texts):
    """The model's output on a batch, checked against the averaged embeddings through the linear layer."""
    import torch

    output = call(model, token_ids, offsets)
    expect_type(output, torch.Tensor, "the model's output")
    shape = (texts, linear.out_features)
    expect(tuple(output.shape) != (len(token_ids), linear.out_features) or texts == len(token_ids),
           "the output has one row per token: pass the offsets to the embedding bag, so that it averages "
           "each text's tokens into one row.")
    expect(tuple(output.shape) == shape,
           f"{texts} texts and {linear.out_features} classes should give an output of shape {shape}, got "
           f"{tuple(output.shape)}.")
    bounds = [*offsets.tolist(), len(token_ids)]
    with torch.no_grad():
        weight = embedding.weight
        means = torch.stack([weight[token_ids[start:end]].mean(dim=0)
                             for start, end in zip(bounds, bounds[1:])])
        expected = means @ linear.weight.T + linear.bias
    expect(torch.allclose(output.detach().float(), expected.float(), atol=1e-5),
           "the output should be the linear layer applied to the averaged embeddings, with no other step; "
           "on this batch it is not.")
    return output


@exercise("an EmbeddingBag classifier in PyTorch", ML_ALGORITHMS, hints=[
    "Create the two layers in `__init__` as attributes (`self.embedding`, `self.linear`), and chain them in "
    "`forward`: the embedding bag needs both token_ids and offsets.",
    "`nn.EmbeddingBag` takes the vocabulary size, the embedding size and a `mode` (the average is "
    "\"mean\"); `nn.Linear` maps embedding_dim numbers to n_classes scores. In forward, the bag's output "
    "(one vector per text) goes into the linear layer.",
])
def q6(make_embedding_classifier):
    import torch

    torch.manual_seed(0)
    model, embedding, linear = _check_layers(make_embedding_classifier, 10, 4, 2)
    output = _check_output(model, embedding, linear, torch.tensor([3, 1, 4, 1, 5]), torch.tensor([0, 2]), 2)
    model.zero_grad()
    output.sum().backward()
    silent = [name for name, p in model.named_parameters()
              if p.grad is None or not bool(p.grad.abs().sum() > 0)]
    expect(not silent, f"after a backward pass these parameters got no gradient: {', '.join(silent)}. "
           "Compute the output with both layers and do not detach it (no .detach(), torch.no_grad() or "
           ".numpy()).")
    model, embedding, linear = _check_layers(make_embedding_classifier, 12, 3, 4)
    _check_output(model, embedding, linear, torch.tensor([7, 2, 11, 9, 9, 1]), torch.tensor([0, 1, 4]), 3)
