"""Short product reviews labelled positive or negative: the text-classification unit's corpus.

Source: written for this course; no outside text is used. Each review is put together by a seeded
random generator (Python's :class:`random.Random`, whose sequence is stable across Python
versions) from phrases written by hand for this module: an opening sentence naming the product,
one to three phrases of the review's sentiment (some of them negated, such as "not worth the
price" or "not bad at all"), sometimes a remark of the opposite sentiment ("the only downside is
...") and a neutral detail. About 4% of the labels disagree with the text, as star ratings and
words sometimes do in real reviews. The same arguments always give the same reviews.

Domains: ``"kitchen"`` and ``"electronics"`` products (the default: both, mixed), and ``"books"``,
whose reviews use other words; it serves to show what a model trained on products does with
text unlike its training data.

License: the course repository's own (MIT, see pyproject.toml): the phrases and the generator are
the course's.
"""

from __future__ import annotations

import random

import pandas as pd

__all__ = ["DOMAINS", "LABELS", "load_reviews"]

LABELS = ("negative", "positive")
DOMAINS = ("kitchen", "electronics", "books")
#: Share of reviews whose label disagrees with their words.
_FLIPPED = 0.04
#: Share of reviews with one remark of the opposite sentiment.
_MIXED = 0.3

_PRODUCTS = {
    "kitchen": ["kettle", "blender", "toaster", "frying pan", "coffee grinder", "knife set", "rice cooker",
                "mixing bowl", "teapot", "chopping board"],
    "electronics": ["headphones", "phone charger", "speaker", "keyboard", "mouse", "webcam", "power bank",
                    "usb cable", "smart watch", "router"],
    "books": ["novel", "thriller", "biography", "cookbook", "history book", "fantasy series", "memoir",
              "short story collection"],
}

_OPENERS = {
    "products": ["I bought this {p} last month.", "Got the {p} as a gift.", "We use the {p} every day.",
                 "Ordered the {p} for my new flat.", "My sister recommended this {p}.",
                 "I needed a new {p} after the old one wore out.", "Bought the {p} on sale.",
                 "This is my second {p} from this brand.", "Picked up this {p} for the office."],
    "books": ["I read this {p} on holiday.", "Our book club chose this {p}.",
              "I picked up this {p} at the airport.", "A friend lent me this {p}.",
              "I finished the {p} last night.", "I had waited months for this {p}."],
}

_POSITIVE = {
    "products": ["works great", "love it", "excellent quality", "highly recommend it", "worth every penny",
                 "does exactly what it says", "five stars", "great value for money", "would buy it again",
                 "solid and well made", "no complaints so far", "perfect for the price"],
    "kitchen": ["heats up fast", "easy to clean", "the blade is sharp", "cooks evenly",
                "looks lovely on the counter", "boils water in no time"],
    "electronics": ["the battery lasts all day", "the sound is crisp", "connects instantly",
                    "charges really fast", "the screen is bright", "setup took two minutes"],
    "books": ["a gripping story", "I could not put it down", "beautifully written",
              "the characters feel real", "a wonderful ending", "moving and funny", "a real page turner",
              "the prose is elegant"],
}

_NEGATIVE = {
    "products": ["waste of money", "very disappointed", "it stopped working", "it broke after a week",
                 "poor quality", "I returned it", "would not recommend it", "one star", "it arrived damaged",
                 "customer service was useless", "never buying from them again", "a total letdown"],
    "kitchen": ["it leaks everywhere", "the handle gets too hot", "it rusted quickly", "hard to clean",
                "burns everything", "the lid does not fit"],
    "electronics": ["the battery dies fast", "the sound is tinny", "it keeps disconnecting",
                    "charges very slowly", "the screen flickers", "the buttons stick"],
    "books": ["a dull story", "I gave up halfway", "clumsy writing", "the characters are flat",
              "the ending is predictable", "slow and boring", "far too long", "the plot makes no sense"],
}

# Product reviews also describe the product with an adjective, plain or negated: "it is reliable" in a
# positive review, "it is not reliable" in a negative one. The words alone then appear on both sides;
# only the pair "not reliable" tells them apart.
_GOOD = ["good", "great", "sturdy", "reliable", "easy to use", "worth the price", "comfortable", "quiet",
         "happy with it", "well designed"]
_BAD = ["bad", "flimsy", "noisy", "difficult to use", "overpriced", "fragile", "disappointing", "cheap",
        "too small", "badly designed"]
_PLAIN = ["it is {a}", "really {a}", "overall {a}", "honestly {a}"]
_NEGATED = ["it is not {a}", "not {a} at all", "honestly not {a}", "it is really not {a}"]
#: Chance that a product review's sentiment phrase is such an adjective, plain or negated.
_ADJECTIVE = 0.45

# Remarks of the opposite sentiment that a review may contain once.
_MINOR_NEGATIVE = ["the only downside is the colour", "the box was a bit battered", "delivery was slow",
                   "the manual is confusing", "it is a little heavy", "it is rather loud"]
_MINOR_POSITIVE = ["it looks nice", "delivery was quick", "the packaging was good", "the colour is pretty",
                   "the price was low", "it is light"]

_DETAILS = ["The colour is {c}.", "It came in a plain box.", "Delivery took {n} days.",
            "I have had it for {n} weeks.", "My kids use it too.", "It replaced an older model.",
            "It is the {c} version.", "I use it mostly at weekends."]
_BOOK_DETAILS = ["It is about {n} hundred pages.", "The cover is {c}.", "I read it in {n} evenings.",
                 "It is the author's third book.", "My copy is a paperback."]
_COLOURS = ["black", "white", "red", "blue", "grey", "green", "silver"]
_NUMBERS = ["two", "three", "four", "five", "six"]


def _sentence(phrase: str) -> str:
    return phrase[0].upper() + phrase[1:] + "."


def _review(rng: random.Random, domain: str, positive: bool) -> str:
    kind = "books" if domain == "books" else "products"
    product = rng.choice(_PRODUCTS[domain])
    phrases = (_POSITIVE if positive else _NEGATIVE)
    pool = phrases[domain] + (phrases["products"] if kind == "products" else [])
    chosen = rng.sample(pool, rng.randint(1, 3))
    if kind == "products":
        for i in range(len(chosen)):
            if rng.random() < _ADJECTIVE:
                plain = rng.random() < 0.5
                words = (_GOOD if positive else _BAD) if plain else (_BAD if positive else _GOOD)
                chosen[i] = rng.choice(_PLAIN if plain else _NEGATED).format(a=rng.choice(words))
    if kind == "products" and rng.random() < _MIXED:
        chosen.insert(rng.randrange(len(chosen) + 1),
                      rng.choice(_MINOR_NEGATIVE if positive else _MINOR_POSITIVE))
    sentences = [rng.choice(_OPENERS[kind]).format(p=product)] + [_sentence(p) for p in chosen]
    if rng.random() < 0.5:
        detail = rng.choice(_BOOK_DETAILS if kind == "books" else _DETAILS)
        sentences.insert(rng.randrange(1, len(sentences) + 1),
                         detail.format(c=rng.choice(_COLOURS), n=rng.choice(_NUMBERS)))
    text = " ".join(sentences)
    if rng.random() < 0.1:
        text = text.lower()
    if rng.random() < 0.1:
        text = text.replace(".", "!", 1)
    return text


def load_reviews(domain: str | None = None, n: int = 1000, seed: int = 0) -> pd.DataFrame:
    """``n`` generated reviews with columns ``text``, ``sentiment`` ("negative" or "positive") and ``domain``.

    ``domain`` is one of :data:`DOMAINS`, or None (the default) for kitchen and electronics products
    mixed at random. Sentiments are drawn with equal chances; ``seed`` fixes everything.
    """
    if domain is not None and domain not in DOMAINS:
        raise ValueError(f"domain should be one of {DOMAINS} or None, not {domain!r}")
    rng = random.Random(f"reviews-{domain}-{seed}")
    rows = []
    for _ in range(n):
        this_domain = domain or rng.choice(DOMAINS[:2])
        positive = rng.random() < 0.5
        text = _review(rng, this_domain, positive)
        if rng.random() < _FLIPPED:
            positive = not positive
        rows.append((text, LABELS[positive], this_domain))
    return pd.DataFrame(rows, columns=["text", "sentiment", "domain"])
