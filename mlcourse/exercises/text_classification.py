"""Checks and hints for the assignment "Text classification" (source/text_classification).

Each check runs the learner's function on a few hand-made texts whose right answer is obvious
by construction (a word that occurs twice, a word that appears only in the test texts, a pair
of words that only bigrams can see), and names the usual mistake. The values on the generated
product reviews are checked only by the hidden tests.
"""

import copy
import math

import numpy as np

from mlcourse.exercise import (
    DATA_HANDLING,
    ML_ALGORITHMS,
    Mistake,
    call,
    exercise,
    expect,
    expect_array,
    expect_integer,
    expect_number,
    expect_pair,
    expect_type,
    expect_unchanged,
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
           f"LogisticRegression; it has {len(model.steps)}: use make_pipeline with these two.")
    vectorizer, classifier = model[0], model[-1]
    expect(isinstance(vectorizer, TfidfVectorizer) and isinstance(classifier, LogisticRegression),
           f"the pipeline from {what} should be TfidfVectorizer then LogisticRegression, got "
           f"{type(vectorizer).__name__} then {type(classifier).__name__}.")
    expect(hasattr(vectorizer, "vocabulary_") and hasattr(classifier, "coef_"),
           f"the pipeline from {what} is not fitted: call its fit method on the training texts and labels.")
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


@exercise("a tokenizer", DATA_HANDLING, hints=[
    "Lower-case first, then keep only the runs of letters: a regular expression can find every run of "
    "the letters a to z at once.",
    "`re.findall(pattern, text.lower())` returns every match of `pattern` as a list; the pattern for "
    "\"one or more of the letters a to z\" is `r\"[a-z]+\"`.",
])
def q1(tokenize):
    tokens = call(tokenize, "It's NOT bad!")
    expect_type(tokens, list, 'tokenize("It\'s NOT bad!")')
    expect(all(isinstance(token, str) for token in tokens), "every token should be a string.")
    expect(not any(token != token.strip() or "!" in token or "'" in token for token in tokens),
           f"tokenize(\"It's NOT bad!\") gave {shown(tokens)}: punctuation stays attached to the words. "
           "`text.split()` splits on spaces only: split on every character that is not a letter a to z.")
    expect("" not in tokens, f"tokenize(\"It's NOT bad!\") gave {shown(tokens)}: drop the empty strings that "
           "splitting leaves at the start or the end of the text.")
    expect(all(token == token.lower() for token in tokens),
           f"tokenize(\"It's NOT bad!\") gave {shown(tokens)}: lower-case the text first.")
    expect(tokens == ["it", "s", "not", "bad"],
           f"tokenize(\"It's NOT bad!\") should be ['it', 's', 'not', 'bad'], got {shown(tokens)}.")
    tokens = call(tokenize, "...model2x works_well")
    expect("" not in tokens, f'tokenize("...model2x works_well") gave {shown(tokens)}: drop the empty '
           "strings that splitting leaves at the start or the end of the text.")
    expect(tokens == ["model", "x", "works", "well"],
           f'tokenize("...model2x works_well") should be [\'model\', \'x\', \'works\', \'well\'], got '
           f"{shown(tokens)}: digits and underscores are not letters (`\\w` matches them too); keep only the "
           "letters a to z.")
    empty = call(tokenize, "?! 42")
    expect(empty == [], f'a text without letters should give [], tokenize("?! 42") gave {shown(empty)}.')


@exercise("a bag of words by hand", DATA_HANDLING, hints=[
    "First collect the distinct tokens of all documents and sort them: that is the vocabulary, and "
    "a word's position in it is its column. Then count, one row per document.",
    "`vocabulary = sorted({token for document in documents for token in document})`; make "
    "`np.zeros((len(documents), len(vocabulary)), dtype=int)` and add 1 at "
    "`[i, vocabulary.index(token)]` for every token of document i.",
])
def q2(bag_of_words):
    documents = [["good", "good", "kettle"], ["bad", "kettle"]]
    original = copy.deepcopy(documents)
    result = call(bag_of_words, documents)
    expect_unchanged(original, documents, "documents",
                     advice="count the tokens without sorting or changing the lists you are given")
    vocabulary, counts = _same_pair(result, "bag_of_words(documents)", "(vocabulary, counts)")
    expect_type(vocabulary, (list, tuple, np.ndarray), "the vocabulary")
    vocabulary = [str(word) for word in vocabulary]
    expect(sorted(vocabulary) == ["bad", "good", "kettle"],
           "the vocabulary should hold each distinct token once (bad, good, kettle), "
           f"got {shown(vocabulary)}.")
    expect(vocabulary == ["bad", "good", "kettle"],
           f"got the vocabulary {shown(vocabulary)}: sort the vocabulary alphabetically, so that every "
           "corpus gives its words one fixed order.")
    expect_type(counts, np.ndarray, "counts")
    expect(counts.shape != (3, 2), "counts has one row per word: transposed. Make one row per document "
           "and one column per word of the vocabulary.")
    expect_array(counts, "counts for 2 documents and 3 words", shape=(2, 3), kind="i")
    expect(counts[0, 1] != 1, "counts[0, 1] is 1, but 'good' occurs twice in the first document: count how "
           "many times each word occurs, not only whether it occurs.")
    expect(np.array_equal(counts, [[0, 2, 1], [1, 0, 1]]),
           f"counts should be [[0, 2, 1], [1, 0, 1]] for this example, got {counts.tolist()}: "
           "column j counts vocabulary[j].")
    vocabulary, counts = _same_pair(call(bag_of_words, [["b"], [], ["a", "b", "b"]]),
                                    "bag_of_words(documents)", "(vocabulary, counts)")
    counts = np.asarray(counts)
    expect(counts.shape == (3, 2) and np.array_equal(counts, [[0, 1], [0, 0], [1, 2]]),
           "for [['b'], [], ['a', 'b', 'b']] counts should be [[0, 1], [0, 0], [1, 2]] (an empty "
           f"document is a row of zeros), got {counts.tolist()}.")


@exercise("TF-IDF + logistic regression on the training texts", ML_ALGORITHMS, hints=[
    "Build the two-step pipeline, call its fit method with the training texts and labels only, then ask "
    "it for its accuracy on the test texts.",
    "`model = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000))`, "
    "`model.fit(texts_train, labels_train)`, and `model.score(texts_test, labels_test)` is the accuracy.",
])
def q3(tfidf_logreg):
    result = call(tfidf_logreg, list(_TRAIN), list(_TRAIN_LABELS), list(_TEST), list(_TEST_LABELS))
    model, accuracy = _same_pair(result, "tfidf_logreg(...)", "(model, accuracy)")
    vectorizer, classifier = _fitted_steps(model, "tfidf_logreg(...)")
    known = set(vectorizer.vocabulary_)
    expect(not known & _TEST_ONLY, "your vectorizer knows words that appear only in the test texts "
           f"({', '.join(sorted(known & _TEST_ONLY))}): fit the vectorizer, like the whole pipeline, on the "
           "training texts only.")
    expect(known == {w for text in _TRAIN for w in text.split()},
           "the vectorizer's vocabulary should be every word of the training texts: use "
           "TfidfVectorizer() with its default settings, fitted on the training texts.")
    expect(classifier.max_iter == 1000 and classifier.C == 1.0,
           "use LogisticRegression(max_iter=1000) with the default C=1.0 "
           f"(yours: max_iter={classifier.max_iter}, C={classifier.C}).")
    accuracy = expect_number(accuracy, "the accuracy")
    expect(0 <= accuracy <= 1, f"an accuracy lies between 0 and 1, got {shown(accuracy)}.")
    on_test = model.score(list(_TEST), list(_TEST_LABELS))
    on_train = model.score(list(_TRAIN), list(_TRAIN_LABELS))
    expect(not (math.isclose(accuracy, on_train) and not math.isclose(accuracy, on_test)),
           "your accuracy is the one on the training texts: score the model on the test texts and labels.")
    expect(math.isclose(accuracy, on_test),
           f"the accuracy should be the fitted pipeline's accuracy on the test texts, {shown(on_test)} here, "
           f"got {shown(accuracy)}.")


@exercise("the most informative words", ML_ALGORITHMS, hints=[
    "`model[0].get_feature_names_out()` gives the words in the order of the columns, and "
    "`model[-1].coef_[0]` one coefficient per column. Sort the positions by coefficient.",
    "`order = np.argsort(model[-1].coef_[0])` goes from the most negative to the most positive: the first "
    "k positions belong to `classes_[0]`, the last k (reversed, `order[::-1][:k]`) to `classes_[1]`.",
])
def q4(top_words):
    model = _tiny_model()
    words = model[0].get_feature_names_out()
    coefficients = model[-1].coef_[0]
    order = np.argsort(coefficients)
    first, second = model[-1].classes_
    right = {first: list(words[order[:2]]), second: list(words[order[::-1][:2]])}
    result = call(top_words, model, 2)
    expect_type(result, dict, "top_words(model, 2)")
    keys = {str(key) for key in result}
    expect(keys == {"bad", "yum"}, f"the keys should be the two classes of the model, `model[-1].classes_` "
           f"(here 'bad' and 'yum'), got {shown(sorted(keys))}.")
    answer = {str(key): [str(word) for word in value] for key, value in result.items()}
    expect(all(len(value) == 2 for value in answer.values()), "with k=2 each class should get 2 words.")
    if answer[second] == right[first] or set(answer[second]) == set(right[first]):
        raise Mistake("the classes are swapped: a positive coefficient pushes towards `classes_[1]`, so the "
                      "largest coefficients belong to classes_[1] and the smallest to classes_[0].")
    columns = list(model[0].vocabulary_)  # the dict's order, not the columns' order
    scrambled = {first: [columns[i] for i in order[:2]], second: [columns[i] for i in order[::-1][:2]]}
    expect(answer != scrambled, "the words do not match their coefficients: `vocabulary_` is a dict "
           "whose order is not the order of the columns; take the words from `get_feature_names_out()`.")
    strongest = list(words[np.argsort(np.abs(coefficients))[::-1][:2]])
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
    more = call(top_words, model, 3)
    expect(all(len(value) == 3 for value in more.values()), "with k=3 each class should get 3 words: use k.")


@exercise("bigrams and the vocabulary", DATA_HANDLING, hints=[
    "Loop over n from 1 to max_n, fit one pipeline per n whose vectorizer has `ngram_range=(1, n)`, and "
    "keep two numbers per n: the vocabulary's size and the test accuracy.",
    "In the loop: `len(model[0].vocabulary_)` and `model.score(texts_test, labels_test)`; collect them in a "
    "dict `{n: {\"vocabulary\": ..., \"accuracy\": ...}}` and turn it into a frame with "
    "`pd.DataFrame.from_dict(rows, orient=\"index\")`.",
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
    table = call(ngram_table, train, labels, test, test_labels, 2)
    expect_type(table, pd.DataFrame, "ngram_table(..., max_n=2)")
    expect(len(table) != 1, "with max_n=2 you returned 1 row: range(1, max_n) stops before max_n, use "
           "range(1, max_n + 1).")
    expect(len(table) == 2, f"with max_n=2 the table should have 2 rows (n = 1, 2), got {len(table)}.")
    expect(list(table.index) == [1, 2], f"the index should be the values of n, [1, 2], got "
           f"{shown(list(table.index))}.")
    expect({"vocabulary", "accuracy"} <= set(table.columns),
           f"the table needs the columns 'vocabulary' and 'accuracy', got {shown(list(table.columns))}.")
    sizes = [expect_integer(size, "each vocabulary size") for size in table["vocabulary"]]
    expect(sizes[0] != 6 and sizes[1] != 14, "your vocabulary knows words of the test texts: fit each "
           "pipeline on the training texts only.")
    expect(sizes[0] == 4,
           f"the training texts have 4 distinct words, got a vocabulary of {sizes[0]} for n=1.")
    expect(sizes[1] != 6, "with n=2 you counted only the 6 bigrams: ngram_range=(n, n) counts only the "
           "n-grams; use ngram_range=(1, n) to keep the single words too.")
    expect(sizes[1] == 10,
           f"with n=2 the vocabulary is the 4 words and the 6 bigrams, 10 terms; got {sizes[1]}.")
    for n in (1, 2):
        model = make_pipeline(TfidfVectorizer(ngram_range=(1, n)), LogisticRegression(max_iter=1000))
        expected = model.fit(train, labels).score(test, test_labels)
        accuracy = expect_number(table["accuracy"].iloc[n - 1], "each accuracy")
        expect(math.isclose(accuracy, expected), f"the accuracy for n={n} should be the test accuracy of "
               f"TfidfVectorizer(ngram_range=(1, {n})) + LogisticRegression(max_iter=1000), "
               f"{shown(expected)} here; got {shown(accuracy)}.")


@exercise("an EmbeddingBag classifier in PyTorch", ML_ALGORITHMS, hints=[
    "Create the two layers in `__init__` as attributes (`self.embedding = ...`, `self.linear = ...`), and "
    "chain them in `forward`: the embedding bag takes both token_ids and offsets.",
    "`self.embedding = nn.EmbeddingBag(vocab_size, embedding_dim, mode=\"mean\")`, "
    "`self.linear = nn.Linear(embedding_dim, n_classes)`, and forward returns "
    "`self.linear(self.embedding(token_ids, offsets))`.",
])
def q6(make_embedding_classifier):
    import torch
    from torch import nn

    torch.manual_seed(0)
    model = call(make_embedding_classifier, 10, 4, 2)
    expect_type(model, nn.Module, "make_embedding_classifier(10, 4, 2)")
    embedding, linear = getattr(model, "embedding", None), getattr(model, "linear", None)
    expect(embedding is not None and linear is not None,
           "the model should have two attributes, `self.embedding` and `self.linear`, set in __init__.")
    expect(not isinstance(embedding, nn.Embedding), "nn.Embedding gives one vector per token, not one "
           "per text: use nn.EmbeddingBag, which averages the vectors of each text's tokens.")
    expect_type(embedding, nn.EmbeddingBag, "model.embedding")
    expect(tuple(embedding.weight.shape) == (10, 4), "the embedding should hold one vector of embedding_dim "
           f"numbers per word of the vocabulary: weight shape (10, 4), got {tuple(embedding.weight.shape)}.")
    expect(embedding.mode != "sum", "mode='sum' adds the vectors, so a longer text gets larger scores: use "
           "mode='mean'.")
    expect(embedding.mode == "mean", f"use mode='mean', got mode={embedding.mode!r}.")
    expect_type(linear, nn.Linear, "model.linear")
    expect((linear.in_features, linear.out_features) == (4, 2),
           f"the linear layer should map embedding_dim=4 numbers to n_classes=2 scores, got "
           f"nn.Linear({linear.in_features}, {linear.out_features}).")
    count = sum(p.numel() for p in model.parameters())
    expect(count == 10 * 4 + 4 * 2 + 2, f"the model should have 10*4 + 4*2 + 2 = 50 parameters, got {count}: "
           "only the two layers.")
    token_ids, offsets = torch.tensor([3, 1, 4, 1, 5]), torch.tensor([0, 2])
    output = call(model, token_ids, offsets)
    expect_type(output, torch.Tensor, "the model's output")
    expect(tuple(output.shape) != (5, 2), "the output has one row per token: pass the offsets to the "
           "embedding bag, so that it averages each text's tokens into one row.")
    expect(tuple(output.shape) == (2, 2),
           f"two texts and 2 classes should give an output of shape (2, 2), got {tuple(output.shape)}.")
    with torch.no_grad():
        weight = embedding.weight
        means = torch.stack([weight[[3, 1]].mean(dim=0), weight[[4, 1, 5]].mean(dim=0)])
        expected = means @ linear.weight.T + linear.bias
    expect(torch.allclose(output.detach(), expected, atol=1e-6),
           "the output should be the linear layer applied to the averaged embeddings: "
           "`self.linear(self.embedding(token_ids, offsets))`, with no other step.")
    model.zero_grad()
    output.sum().backward()
    silent = [name for name, p in model.named_parameters()
              if p.grad is None or not bool(p.grad.abs().sum() > 0)]
    expect(not silent, f"after a backward pass these parameters got no gradient: {', '.join(silent)}. "
           "Compute the output with both layers and do not detach it (no .detach(), torch.no_grad() or "
           ".numpy()).")
