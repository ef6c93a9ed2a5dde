"""A synthetic movie-ratings data set for the recommender-systems unit, generated on the fly.

No real ratings set (MovieLens, Netflix, Jester) may be redistributed with the course or downloaded
offline, so :func:`load_ratings` *generates* one with NumPy from a seed. It is fully deterministic:
the same seed gives the same frame on every machine. Source: this module; license: the repository's
own. Nothing is downloaded and no file is shipped.

The hidden structure, documented so that a lesson can check what a model found:

- **Items** (``n_items`` "films", ids ``0..n_items - 1``) belong to one of :data:`GENRES`, drawn
  at random. Each item has a **quality** (normal, sd 0.5, added to every rating of it) and a
  **popularity** weight that falls like a power law with a random rank (a few blockbusters, a
  long tail): ``1 / rank ** 0.9``.
- **Users** (``n_users``, ids ``0..n_users - 1``) have a **taste** for every genre: a vector of
  genre affinities, normal with sd 1, plus a strong boost (+1.5) for one or two favourite genres.
  Each user also has a personal **bias** (some rate everything high: sd 0.4) and an **activity**:
  the number of films rated, log-normal, at least 5 and at most a third of the catalogue.
- **Ratings**: ``3 + bias + quality + 0.8 * affinity(user, genre of the item) + noise`` (sd 0.5),
  rounded and clipped to the integers 1 to 5. So the ratings have a low-rank structure: about
  ``len(GENRES)`` latent factors, plus user and item biases.
- **Missing not at random**: a user does not rate a random sample of films. The films they rate
  are drawn without replacement with probability proportional to
  ``popularity * exp(1.2 * affinity(user, genre))``: people watch what is popular and what they
  expect to like, so the observed ratings are higher than the ratings of unseen films would be,
  popular items have many more ratings than tail items, and a missing rating is itself
  information.

:func:`load_items` returns the items' genres and popularity weights (the "side information" a
real catalogue has for a new film, useful against the cold-start problem); :func:`true_ratings`
returns the full noise-free rating matrix, which a real data set never reveals.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["GENRES", "load_items", "load_ratings", "true_ratings"]

GENRES = ("action", "comedy", "drama", "documentary", "sci-fi")

_N_USERS = 300
_N_ITEMS = 200


@dataclass(frozen=True)
class _World:
    genre: np.ndarray        # (n_items,) genre index of each item
    quality: np.ndarray      # (n_items,)
    popularity: np.ndarray   # (n_items,) sampling weights, summing to 1
    affinity: np.ndarray     # (n_users, n_genres)
    bias: np.ndarray         # (n_users,)
    activity: np.ndarray     # (n_users,) number of ratings of each user


def _world(seed: int, n_users: int, n_items: int) -> _World:
    rng = np.random.default_rng(seed)
    n_genres = len(GENRES)
    genre = rng.integers(0, n_genres, n_items)
    quality = rng.normal(0.0, 0.5, n_items)
    weights = 1.0 / rng.permutation(np.arange(1, n_items + 1)) ** 0.9
    affinity = rng.normal(0.0, 1.0, (n_users, n_genres))
    for user in range(n_users):
        favourites = rng.choice(n_genres, size=rng.integers(1, 3), replace=False)
        affinity[user, favourites] += 1.5
    bias = rng.normal(0.0, 0.4, n_users)
    activity = np.clip(np.round(rng.lognormal(np.log(15), 0.6, n_users)), 5, n_items // 3).astype(int)
    return _World(genre, quality, weights / weights.sum(), affinity, bias, activity)


def _expected(world: _World) -> np.ndarray:
    """The noise-free rating of every user for every item, shape (n_users, n_items)."""
    taste = world.affinity[:, world.genre]
    return 3.0 + world.bias[:, None] + world.quality[None, :] + 0.8 * taste


def load_ratings(seed: int = 0, n_users: int = _N_USERS, n_items: int = _N_ITEMS) -> pd.DataFrame:
    """Synthetic explicit ratings: one row per (user, item) pair that was rated.

    Columns ``user_id`` and ``item_id`` (int), ``rating`` (int, 1 to 5), sorted by user then item,
    with a fresh RangeIndex. The defaults give 300 users, 200 items and about 5,000 ratings (a
    matrix about 9% full). See the module docstring for the hidden structure.
    """
    world = _world(seed, n_users, n_items)
    rng = np.random.default_rng([seed, 1])
    expected = _expected(world)
    rows = []
    for user in range(n_users):
        weights = world.popularity * np.exp(1.2 * world.affinity[user, world.genre])
        chosen = rng.choice(n_items, size=world.activity[user], replace=False, p=weights / weights.sum())
        items = np.sort(chosen)
        noisy = expected[user, items] + rng.normal(0.0, 0.5, len(items))
        ratings = np.clip(np.round(noisy), 1, 5).astype(int)
        rows.append(pd.DataFrame({"user_id": user, "item_id": items, "rating": ratings}))
    return pd.concat(rows, ignore_index=True).astype("int64")


def load_items(seed: int = 0, n_items: int = _N_ITEMS) -> pd.DataFrame:
    """The catalogue of :func:`load_ratings` (same seed): ``item_id``, ``genre`` and ``popularity``.

    ``popularity`` is the weight with which users come across the item (it sums to 1): the
    blockbusters are the items with the largest weights.
    """
    world = _world(seed, 1, n_items)
    return pd.DataFrame({"item_id": np.arange(n_items),
                         "genre": np.asarray(GENRES, dtype=object)[world.genre],
                         "popularity": world.popularity})


def true_ratings(seed: int = 0, n_users: int = _N_USERS, n_items: int = _N_ITEMS) -> pd.DataFrame:
    """The noise-free rating every user would give every item (users as rows, items as columns).

    A real data set never reveals this; the lesson uses it to show that observed ratings are
    biased upwards (missing not at random).
    """
    expected = _expected(_world(seed, n_users, n_items))
    return pd.DataFrame(expected, index=pd.RangeIndex(n_users, name="user_id"),
                        columns=pd.RangeIndex(n_items, name="item_id"))
