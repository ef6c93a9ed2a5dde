"""Checks and hints for the assignment "Recommender systems" (source/recommender_systems).

Each check runs the learner's function on a tiny hand-made ratings frame or matrix whose right
answer can be read off by eye (a few users, a few items, counts without ties), and names the usual
mistake: zeros instead of NaN, a split that forgets some users, recommending what the user already
rated, the item itself among its neighbours, precision over the whole list, a bias of shape (n, 1)
that broadcasts. The results on the synthetic ratings of ``load_ratings()``, ties and one-rating
users are checked only by the hidden tests.
"""

import math

import numpy as np
import pandas as pd

from mlcourse.exercise import (
    DATA_HANDLING,
    ML_ALGORITHMS,
    Mistake,
    call,
    exercise,
    expect,
    expect_pair,
    expect_type,
    expect_unchanged,
    is_integer,
    shown,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6"]

#: A few ratings: 3 users, 2 items, user 3 never rated item 20.
_PIVOT_RATINGS = {"user_id": [2, 1, 3, 1, 2], "item_id": [20, 10, 10, 20, 10], "rating": [4, 5, 2, 1, 3]}

#: Item 5 has the most ratings (all low), then 2, then 9 and 1 (rated 5): popularity by count and by
#: mean rating disagree.
_POPULARITY_RATINGS = {
    "user_id": [1, 2, 3, 4, 1, 2, 3, 2, 3, 4],
    "item_id": [5, 5, 5, 5, 2, 2, 2, 9, 9, 1],
    "rating": [1, 2, 1, 2, 3, 3, 3, 5, 5, 5],
}

_NAN = float("nan")
#: Four users, four items: every similarity with item "b" differs.
_SIMILARITY_MATRIX = [[5.0, 4.0, _NAN, 1.0], [4.0, _NAN, 2.0, 5.0],
                      [_NAN, 5.0, 4.0, _NAN], [1.0, 2.0, 5.0, 4.0]]


def _frame(columns: dict, index=None) -> pd.DataFrame:
    return pd.DataFrame(columns, index=index)


def _expect_frame(value, what: str) -> pd.DataFrame:
    expect_type(value, pd.DataFrame, what)
    return value


def _cosine_with(matrix: pd.DataFrame, item) -> pd.Series:
    filled = matrix.fillna(0.0).to_numpy(dtype=float)
    target = matrix[item].fillna(0.0).to_numpy(dtype=float)
    cosine = filled.T @ target / (np.linalg.norm(filled, axis=0) * np.linalg.norm(target))
    return pd.Series(cosine, index=matrix.columns)


def _as_ids(value, what: str) -> list:
    expect_type(value, list, what)
    expect(all(is_integer(item) for item in value),
           f"{what} should hold item ids (integers), got {shown(value)}: return the ids, not the counts.")
    return [int(item) for item in value]


# --- the exercises -------------------------------------------------------------------------------


@exercise("the user-item matrix", DATA_HANDLING, hints=[
    "You are reshaping a long frame (one row per rating) into a wide one (one row per user). "
    "Which pandas method turns the values of one column into column labels?",
    "`ratings.pivot(index=..., columns=..., values=...)` with the user ids as the index and the item "
    "ids as the columns. Cells nobody filled are NaN already: leave them so.",
])
def q1(user_item_matrix):
    ratings = _frame(_PIVOT_RATINGS)
    original = ratings.copy()
    matrix = _expect_frame(call(user_item_matrix, ratings), "user_item_matrix(ratings)")
    expect_unchanged(original, ratings, "ratings frame")
    expect(matrix.shape != (2, 3), "your matrix has one row per item: put the users in the rows "
           "(index='user_id') and the items in the columns (columns='item_id').")
    expect(matrix.shape == (3, 2), f"3 users and 2 items should give a matrix of shape (3, 2), "
           f"got {matrix.shape}: one row per user, one column per item, nothing else.")
    expect(list(matrix.index) == [1, 2, 3] and list(matrix.columns) == [10, 20],
           f"the index should be the user ids [1, 2, 3] and the columns the item ids [10, 20], sorted; "
           f"got {list(matrix.index)} and {list(matrix.columns)}.")
    missing = matrix.loc[3, 20]
    expect(not (missing == 0), "user 3 never rated item 20, but your matrix holds 0 there: missing ratings "
           "should be NaN, not 0 (a missing rating is not a bad rating). Do not fill the holes.")
    expect(pd.isna(missing), f"user 3 never rated item 20, so that cell should be NaN, got {shown(missing)}.")
    expected = [[5.0, 1.0], [3.0, 4.0], [2.0, _NAN]]
    expect(np.allclose(matrix.to_numpy(dtype=float), expected, equal_nan=True),
           "the ratings are not where they belong: the cell (user, item) should hold that user's rating "
           "of that item. Use values='rating'.")


@exercise("hold out ratings per user", DATA_HANDLING, hints=[
    "Work user by user (`ratings.groupby('user_id')`): for each user, pick some of their row labels "
    "at random for the test set. How many can you take so that one row stays in training?",
    "Make `rng = np.random.default_rng(seed)` once. For each user's rows, "
    "`rng.choice(rows.index.to_numpy(), size=min(n_test, len(rows) - 1), replace=False)` picks the test "
    "labels; collect them, then `in_test = ratings.index.isin(labels)` and return "
    "`ratings[~in_test], ratings[in_test]`.",
])
def q2(split_per_user):
    ratings = _frame({"user_id": [7, 7, 7, 7, 7, 8, 8, 8, 9],
                      "item_id": [1, 2, 3, 4, 5, 1, 2, 6, 4],
                      "rating": [5, 3, 4, 1, 2, 4, 4, 5, 3]}, index=[90, 80, 70, 60, 50, 40, 30, 20, 10])
    original = ratings.copy()
    result = call(split_per_user, ratings, 2, 0)
    train, test = expect_pair(result, "split_per_user(ratings, 2, 0)", "(train, test)",
                              part=lambda value, what: _expect_frame(value, what))
    expect_unchanged(original, ratings, "ratings frame")
    labels = sorted(list(train.index) + list(test.index))
    expect(len(labels) == len(ratings), f"train and test together should hold the {len(ratings)} rows of "
           f"ratings exactly once, they hold {len(labels)}.")
    expect(labels == sorted(ratings.index), "train and test should keep the index labels of ratings "
           "(do not reset_index): a row's label is how we know which rating was held out.")
    expect(pd.concat([train, test]).sort_index().equals(ratings.sort_index()),
           "the rows of train and test should be the rows of ratings, unchanged, with the same columns.")
    expect(set(train["user_id"]) == {7, 8, 9}, "every user should keep at least one training rating: "
           f"the users in train are {sorted(train['user_id'].unique())}. A user with n_test ratings or "
           "fewer holds out all but one.")
    per_user = test["user_id"].value_counts().to_dict()
    expect(per_user.get(7) == 2 and per_user.get(8) == 2 and 9 not in per_user,
           f"each user should have n_test=2 ratings in test (user 9, who has a single rating, none), but "
           f"the test rows per user are {dict(sorted(per_user.items()))}. A random sample of all rows "
           "gives some users more and others none: pick the test rows user by user.")
    again_train, again_test = call(split_per_user, ratings, 2, 0)
    expect(sorted(again_test.index) == sorted(test.index),
           "two calls with the same seed gave different splits: draw with np.random.default_rng(seed).")


@exercise("a popularity baseline", ML_ALGORITHMS, hints=[
    "Count the ratings of each item in `train`, drop the items the user has already rated, "
    "then take the k with the largest counts.",
    "`counts = train.groupby('item_id').size()`; the user's items are "
    "`train.loc[train['user_id'] == user_id, 'item_id']`; to order by count, then by id, sort the "
    "remaining ids with `key=lambda item: (-counts[item], item)`, and return the first k as a list.",
])
def q3(popular_items):
    train = _frame(_POPULARITY_RATINGS)
    original = train.copy()
    newcomer = _as_ids(call(popular_items, train, 77, 3), "popular_items(train, 77, 3)")
    expect_unchanged(original, train, "train frame")
    expect(newcomer[:1] != [9] and newcomer[:1] != [1],
           f"for a new user you returned {newcomer}: popularity is the number of ratings, not the mean "
           "rating (the best-rated items have only one or two ratings).")
    expect(len(newcomer) == 3, f"popular_items(train, 77, 3) should return 3 items, got {len(newcomer)}.")
    expect(newcomer == [5, 2, 9], f"items 5, 2 and 9 have 4, 3 and 2 ratings, so a new user should get "
           f"[5, 2, 9], most rated first; got {newcomer}.")
    user_one = _as_ids(call(popular_items, train, 1, 2), "popular_items(train, 1, 2)")
    expect(not {5, 2} & set(user_one), f"user 1 already rated items 5 and 2, but you recommended {user_one}: "
           "leave out the items the user already rated in train.")
    expect(user_one == [9, 1], f"user 1 rated items 5 and 2, so the two most popular items left are "
           f"[9, 1]; got {user_one}.")
    user_four = _as_ids(call(popular_items, train, 4, 5), "popular_items(train, 4, 5)")
    expect(user_four == [2, 9], f"user 4 rated items 5 and 1, so only [2, 9] are left even for k=5; "
           f"got {user_four}. Do not pad the list, and do not add rated items.")


@exercise("similar items", ML_ALGORITHMS, hints=[
    "Fill the missing ratings with 0, then compare the column of `item_id` with every column: "
    "cosine similarity is a dot product divided by the two lengths (`np.linalg.norm`).",
    "With `filled = matrix.fillna(0)`, `filled.T.to_numpy() @ filled[item_id].to_numpy()` gives the dot "
    "products; divide by the norms, wrap in `pd.Series(..., index=matrix.columns)`, `.drop(item_id)`, "
    "then `.sort_index().sort_values(ascending=False, kind='stable').head(k)`.",
])
def q4(similar_items):
    matrix = pd.DataFrame(_SIMILARITY_MATRIX, columns=["a", "b", "c", "d"])
    original = matrix.copy()
    found = call(similar_items, matrix, "b", 2)
    expect_unchanged(original, matrix, "matrix", advice="fill the holes in a copy (`matrix.fillna(0)`)")
    expect_type(found, pd.Series, "similar_items(matrix, 'b', 2)")
    expect("b" not in found.index, f"your neighbours of item 'b' include 'b' itself: {list(found.index)}. "
           "Every item is perfectly similar to itself; leave the item itself out (`.drop(item_id)`).")
    expect(len(found) == 2, f"similar_items(matrix, 'b', 2) should return 2 items, got {len(found)}.")
    expect(not found.isna().any(), "your similarities contain NaN: replace the missing ratings by 0 before "
           "computing the cosine similarity.")
    cosine = _cosine_with(matrix, "b").drop("b").sort_values(ascending=False)
    values = found.to_numpy(dtype=float)
    correlation = matrix.corr()["b"].drop("b")
    expect(not np.allclose(values, correlation.reindex(found.index).to_numpy(dtype=float)),
           "these are correlations (matrix.corr()), not cosine similarities: fill the missing ratings with 0 "
           "and divide the dot product of two columns by the product of their norms.")
    expect(list(found.index) == list(cosine.index[:2]),
           f"the two items most similar to 'b' are {list(cosine.index[:2])}, in that order (highest cosine "
           f"similarity first); got {list(found.index)}.")
    expect(np.allclose(values, cosine.to_numpy()[:2]),
           f"the values should be the cosine similarities {np.round(cosine.to_numpy()[:2], 4).tolist()}, "
           f"got {np.round(values, 4).tolist()}.")


@exercise("precision@k and recall@k", ML_ALGORITHMS, hints=[
    "Count the hits: the relevant items among the first k recommended (`recommended[:k]`). "
    "Precision divides the hits by k, recall by the number of relevant items.",
    "`hits = len(set(recommended[:k]) & set(relevant))`; return `hits / k` and "
    "`hits / len(relevant)`, except that recall is 0.0 when there is no relevant item.",
])
def q5(precision_recall_at_k):
    example = call(precision_recall_at_k, [3, 1, 4, 5], {1, 5, 9}, 2)
    precision, recall = expect_pair(example, "precision_recall_at_k([3, 1, 4, 5], {1, 5, 9}, 2)",
                                    "(precision, recall)")
    expect(not math.isclose(recall, 2 / 3),
           "only the first k recommendations count: with k=2 the list is [3, 1], and items 4 and 5 further "
           "down are never shown. Use recommended[:k].")
    expect(not math.isclose(precision, 1 / 3), "you swapped precision and recall: precision divides the hits "
           "by k, recall by the number of relevant items.")
    expect(math.isclose(precision, 0.5) and math.isclose(recall, 1 / 3),
           f"the example should give (0.5, 1/3): one hit among the first 2 items, out of 3 relevant items; "
           f"got ({shown(precision)}, {shown(recall)}).")
    precision, recall = expect_pair(call(precision_recall_at_k, [8, 6, 7], [6, 7], 3),
                                    "precision_recall_at_k([8, 6, 7], [6, 7], 3)", "(precision, recall)")
    expect(math.isclose(precision, 2 / 3) and math.isclose(recall, 1.0),
           f"[8, 6, 7] against the relevant [6, 7] at k=3 should give (2/3, 1.0), got "
           f"({shown(precision)}, {shown(recall)}). `relevant` may be a list as well as a set.")
    empty = call(precision_recall_at_k, [1, 2, 3], set(), 2,
                 advice="With no relevant item, recall is undefined: return 0.0 for it, do not divide by 0.")
    precision, recall = expect_pair(empty, "precision_recall_at_k([1, 2, 3], set(), 2)",
                                    "(precision, recall)")
    expect(precision == 0 and recall == 0, f"with no relevant item both should be 0.0, got "
           f"({shown(precision)}, {shown(recall)}).")


@exercise("matrix factorization in PyTorch", ML_ALGORITHMS, hints=[
    "In `__init__` create the four `nn.Embedding` tables and the global bias exactly as listed. In "
    "`forward`, look up the rows of `users` and `items` in each table, multiply the two vectors element "
    "by element and sum over the factors.",
    "`(self.user_embedding(users) * self.item_embedding(items)).sum(dim=1)` is the dot product per pair, "
    "shape (n,); `self.user_bias(users)` has shape (n, 1), so add `self.user_bias(users).squeeze(1)`, the "
    "same for the item bias, then `self.global_bias`.",
])
def q6(make_model):
    import torch
    from torch import nn

    model = call(make_model, 6, 4, 2)
    expect_type(model, nn.Module, "make_model(6, 4, 2)")
    shapes = {"user_embedding": (6, 2), "item_embedding": (4, 2), "user_bias": (6, 1), "item_bias": (4, 1)}
    for name, shape in shapes.items():
        layer = getattr(model, name, None)
        expect(isinstance(layer, nn.Embedding), f"the model should have an attribute `{name}`, an "
               f"nn.Embedding; got {shown(layer)}. Create it in __init__: `self.{name} = nn.Embedding(...)`.")
        expect(tuple(layer.weight.shape) == shape, f"with 6 users, 4 items and 2 factors, `{name}` should "
               f"hold a table of shape {shape}, got {tuple(layer.weight.shape)}.")
    bias = getattr(model, "global_bias", None)
    expect(isinstance(bias, nn.Parameter) and tuple(bias.shape) == (1,),
           "`global_bias` should be `nn.Parameter(torch.zeros(1))`: a parameter, which training adjusts.")
    count = sum(weights.numel() for weights in model.parameters())
    expect(count == 31, f"the model should have (6 + 4) * (2 + 1) + 1 = 31 parameters, it has {count}: "
           "create exactly the five parts listed, nothing else.")
    users, items = torch.tensor([0, 5, 3, 3, 1]), torch.tensor([2, 0, 1, 3, 2])
    output = call(model, users, items)
    expect_type(output, torch.Tensor, "model(users, items)")
    expect(tuple(output.shape) == (5,), f"for 5 (user, item) pairs the model should return 5 predictions, "
           f"shape (5,), got {tuple(output.shape)}. An nn.Embedding(..., 1) returns shape (n, 1), and "
           "(n,) + (n, 1) broadcasts to (n, n): flatten the biases with .squeeze(1).")
    with torch.no_grad():
        wanted = ((model.user_embedding.weight[users] * model.item_embedding.weight[items]).sum(dim=1)
                  + model.user_bias.weight[users, 0] + model.item_bias.weight[items, 0] + model.global_bias)
    expect(torch.allclose(output.detach().float(), wanted.float(), atol=1e-5),
           "the predictions should be user vector . item vector + user bias + item bias + global bias, "
           "with the dot product summed over the factors (dim=1), one number per pair.")
    targets = torch.tensor([4.0, 2.0, 5.0, 3.0, 1.0])
    model.zero_grad()
    torch.nn.functional.mse_loss(call(model, users, items), targets).backward()
    for name, weights in model.named_parameters():
        expect(weights.grad is not None and bool(weights.grad.abs().sum() > 0),
               f"the parameter `{name}` received no gradient: every part must be used in forward, "
               "through PyTorch operations (no .item(), .numpy() or torch.no_grad() in forward).")
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    before = torch.nn.functional.mse_loss(model(users, items), targets).item()
    for _ in range(10):
        optimizer.zero_grad()
        torch.nn.functional.mse_loss(model(users, items), targets).backward()
        optimizer.step()
    after = torch.nn.functional.mse_loss(model(users, items), targets).item()
    expect(after < before,
           f"ten steps of gradient descent did not lower the loss ({before:.3f} -> {after:.3f}).")
