"""Checks and hints for the assignment "Recommender systems" (source/recommender_systems).

Each check runs the learner's function on a tiny hand-made ratings frame or matrix whose right
answer can be read off by eye (a few users, a few items, counts without ties), then on a second,
differently shaped one (string ids in no order, ties, users with n_test ratings or fewer, a list
shorter than k, other model sizes). A message names a mistake (zeros instead of NaN, a user left
without training rating, recommending what the user already rated, the item itself among its
neighbours, precision over the whole list, a bias of shape (n, 1) that broadcasts) only when the
result proves it. The results on the synthetic ratings of ``load_ratings()`` are checked only by
the hidden tests.
"""

import numpy as np
import pandas as pd

from mlcourse.exercise import (
    DATA_HANDLING,
    ML_ALGORITHMS,
    Mistake,
    call,
    close_for_dtype,
    exercise,
    expect,
    expect_number,
    expect_pair,
    expect_type,
    is_integer,
    shown,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6"]

#: A few ratings, sorted by user then item: 3 users, 2 items, user 3 never rated item 20.
_PIVOT_RATINGS = {"user_id": [1, 1, 2, 2, 3], "item_id": [10, 20, 10, 20, 10], "rating": [5, 1, 3, 4, 2]}
#: A second frame: string user ids and item ids in no order, a user who rated a single item.
_UNSORTED_RATINGS = {"user_id": ["mo", "al", "mo", "kit"], "item_id": [7, 3, 3, 5], "rating": [1, 4, 2, 5]}

#: Item 5 has the most ratings (all low), then 2, then 9 (rated 5 twice) and 1 (rated 4 once): the
#: orders by count [5, 2, 9, 1], by mean rating [9, 1, 2, 5] and by count, least first, [1, 9, 2, 5]
#: all differ.
_POPULARITY_RATINGS = {
    "user_id": [1, 2, 3, 4, 1, 2, 3, 2, 3, 4],
    "item_id": [5, 5, 5, 5, 2, 2, 2, 9, 9, 1],
    "rating": [1, 2, 1, 2, 3, 3, 3, 5, 5, 4],
}
#: A second frame with ties: items 8, 3 and 6 have two ratings each and appear in that order.
_TIED_RATINGS = {"user_id": [1, 1, 2, 2, 3, 3, 4], "item_id": [8, 3, 3, 8, 6, 1, 6],
                 "rating": [1, 5, 4, 2, 3, 5, 4]}

_NAN = float("nan")
#: Four users, four items: every similarity with item "b" differs.
_SIMILARITY_MATRIX = [[5.0, 4.0, _NAN, 1.0], [4.0, _NAN, 2.0, 5.0],
                      [_NAN, 5.0, 4.0, _NAN], [1.0, 2.0, 5.0, 4.0]]
#: A second matrix: integer item ids in no order, items 50 and 20 equally similar to item 40.
_TIED_MATRIX = [[3.0, 3.0, _NAN, 1.0], [1.0, 1.0, 5.0, _NAN], [_NAN, _NAN, 1.0, 2.0]]
_TIED_COLUMNS = [50, 20, 40, 10]


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
           f"{what} should hold item ids (integers), got {shown(value)}.")
    return [int(item) for item in value]


def _popular(train: pd.DataFrame, user_id, k: int) -> list:
    counts = train.groupby("item_id").size()
    seen = set(train.loc[train["user_id"] == user_id, "item_id"])
    left = [item for item in counts.index if item not in seen]
    return sorted(left, key=lambda item: (-counts[item], item))[:k]


# --- the exercises -------------------------------------------------------------------------------


def _check_matrix(user_item_matrix, columns: dict, users: list, items: list, values: list) -> None:
    """Call the learner's function on one ratings frame and compare with the matrix expected."""
    ratings = _frame(columns)
    what = f"user_item_matrix(ratings) for {len(users)} users and {len(items)} items"
    matrix = _expect_frame(call(user_item_matrix, ratings), what)
    expect(not (sorted(matrix.index, key=str) == sorted(items, key=str)
                and sorted(matrix.columns, key=str) == sorted(users, key=str)),
           "your matrix has one row per item: put the users in the rows (the index) and the items in the "
           "columns.")
    shape = (len(users), len(items))
    expect(matrix.shape == shape, f"{len(users)} users and {len(items)} items should give a matrix of shape "
           f"{shape}, got {matrix.shape}: one row per user, one column per item, nothing else.")
    for axis, column, found, wanted in (("users (the index)", "user_id", list(matrix.index), users),
                                        ("items (the columns)", "item_id", list(matrix.columns), items)):
        as_met = " (the order in which they first appear in ratings)" if found == list(
            pd.unique(ratings[column])) else ""
        expect(not (sorted(found, key=str) == sorted(wanted, key=str) and found != wanted),
               f"the {axis} should be sorted ascending, {wanted}; got {found}{as_met}.")
        expect(found == wanted, f"the {axis} should be {wanted}, got {shown(found)}.")
    filled = matrix.to_numpy(dtype=float)
    holes = np.isnan(np.asarray(values, dtype=float))
    expect(not (filled[holes] == 0).any(), "a user who never rated an item has 0 in your matrix: missing "
           "ratings should be NaN, not 0 (a missing rating is not a bad rating). Do not fill the holes.")
    expect(np.isnan(filled[holes]).all(),
           f"a cell whose user never rated its item should be NaN; your matrix is {filled.tolist()}.")
    expect(np.allclose(filled, values, equal_nan=True),
           f"the cell (user, item) should hold that user's rating of that item: expected {values}, got "
           f"{filled.tolist()}.")


@exercise("the user-item matrix", DATA_HANDLING, hints=[
    "You are reshaping a long frame (one row per rating) into a wide one (one row per user). "
    "Which pandas method turns the values of one column into column labels?",
    "`DataFrame.pivot` takes three column names: the one whose values become the index, the one whose values "
    "become the columns, and the one that fills the cells. Cells nobody filled are NaN already: leave them "
    "so.",
])
def q1(user_item_matrix):
    _check_matrix(user_item_matrix, _PIVOT_RATINGS, [1, 2, 3], [10, 20],
                  [[5.0, 1.0], [3.0, 4.0], [2.0, _NAN]])
    _check_matrix(user_item_matrix, _UNSORTED_RATINGS, ["al", "kit", "mo"], [3, 5, 7],
                  [[4.0, _NAN, _NAN], [_NAN, 5.0, _NAN], [2.0, _NAN, 1.0]])


def _check_split(split_per_user, ratings: pd.DataFrame, n_test: int, seed: int) -> None:
    """Split one frame through the learner's function; check every rule of the exercise's text."""
    what = f"split_per_user(ratings, {n_test}, {seed})"
    result = call(split_per_user, ratings, n_test, seed)
    train, test = expect_pair(result, what, "(train, test)",
                              part=lambda value, part: _expect_frame(value, part))
    labels = sorted(list(train.index) + list(test.index), key=str)
    expect(len(labels) == len(ratings), f"train and test together should hold the {len(ratings)} rows of "
           f"ratings exactly once, they hold {len(labels)}.")
    expect(labels == sorted(ratings.index, key=str), "train and test should keep the index labels of ratings "
           "(do not reset_index): a row's label is how we know which rating was held out.")
    expect(pd.concat([train, test]).sort_index().equals(ratings.sort_index()),
           "the rows of train and test should be the rows of ratings, unchanged, with the same columns.")
    sizes = ratings.groupby("user_id").size()
    missing = sorted(set(sizes.index) - set(train["user_id"]), key=str)
    expect(not missing, f"every user should keep at least one training rating, but {shown(missing)} have "
           "none in train. A user with n_test ratings or fewer holds out all but one.")
    wanted = {user: min(n_test, size - 1) for user, size in sizes.items()}
    got = {user: int(test["user_id"].eq(user).sum()) for user in sizes.index}
    few = [user for user, size in sizes.items() if 1 < size <= n_test]
    expect(not (few and all(got[user] == 0 for user in few)
                and all(got[user] == wanted[user] for user in sizes.index if user not in few)),
           f"with n_test={n_test}, the users with n_test ratings or fewer ({shown(few)}) have nothing in "
           "test: such a user keeps exactly one rating in train and puts the others in test.")
    expect(got == wanted, f"with n_test={n_test} the test rows per user should be {wanted} (n_test of each, "
           f"all but one for a user with n_test ratings or fewer), got {got}: pick the test rows user by "
           "user.")
    again_train, again_test = expect_pair(call(split_per_user, ratings, n_test, seed), what, "(train, test)",
                                          part=lambda value, part: _expect_frame(value, part))
    expect(sorted(again_test.index, key=str) == sorted(test.index, key=str),
           "two calls with the same seed gave different splits: draw with a generator made from the seed, "
           "np.random.default_rng(seed), inside the function.")


@exercise("hold out ratings per user", DATA_HANDLING, hints=[
    "Work user by user (`groupby('user_id')`): for each user, pick some of their row labels at random for "
    "the test set. How many can you take so that one row stays in training?",
    "Make the generator once, before the loop, from the seed; its `choice` method picks labels without "
    "replacement (`replace=False`), `min(n_test, number of the user's rows - 1)` of them. Collect the labels "
    "of all users, then `Index.isin` tells the test rows from the training rows.",
])
def q2(split_per_user):
    _check_split(split_per_user, _frame({"user_id": [7, 7, 7, 7, 7, 8, 8, 8, 9],
                                         "item_id": [1, 2, 3, 4, 5, 1, 2, 6, 4],
                                         "rating": [5, 3, 4, 1, 2, 4, 4, 5, 3]},
                                        index=[90, 80, 70, 60, 50, 40, 30, 20, 10]), 2, 0)
    # Users interleaved, string ids: 5, 3, 2 and 1 ratings with n_test=3.
    _check_split(split_per_user, _frame({"user_id": ["uma", "eli", "uma", "rae", "eli", "uma", "rae", "eli",
                                                     "uma", "uma", "ivo"],
                                         "item_id": [1, 1, 2, 1, 2, 3, 3, 3, 4, 5, 9],
                                         "rating": [4, 2, 5, 3, 3, 1, 4, 5, 2, 3, 4]},
                                        index=[f"r{i}" for i in range(11)]), 3, 4)


@exercise("a popularity baseline", ML_ALGORITHMS, hints=[
    "Count the ratings of each item in `train`, drop the items the user has already rated, "
    "then take the k with the largest counts.",
    "`groupby('item_id').size()` counts the ratings of each item. Python's `sorted` with a `key` that "
    "returns a pair, minus the count then the id, orders by count first and breaks ties by id.",
])
def q3(popular_items):
    train = _frame(_POPULARITY_RATINGS)
    newcomer = _as_ids(call(popular_items, train, 77, 3), "popular_items(train, 77, 3)")
    expect(newcomer != [9, 1, 2],
           f"for a new user you returned {newcomer}, the items of highest mean rating first; but items 9 and "
           "1 have only two and one ratings. Popularity is the number of ratings, not the mean rating.")
    expect(newcomer != [1, 9, 2], f"for a new user you returned {newcomer}, the least rated items first: "
           "sort by number of ratings, most rated first.")
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
           f"got {user_four}.")
    tied = _frame(_TIED_RATINGS)
    for user, k in ((50, 3), (3, 5)):
        what = f"popular_items(tied, {user}, {k})"
        found = _as_ids(call(popular_items, tied, user, k), what)
        right = _popular(tied, user, k)
        counts = tied.groupby("item_id").size()
        by_count = [counts[item] for item in found if item in counts.index]
        expect(not (sorted(found) == sorted(right) and found != right and by_count == sorted(by_count)[::-1]),
               f"in a frame where items 8, 3 and 6 have two ratings each, {what} should be {right}: items "
               f"with the same number of ratings come in ascending order of item id; got {found}.")
        expect(found == right, f"{what} should be {right}, got {found}.")


def _check_neighbours(similar_items, matrix: pd.DataFrame, item, k: int) -> None:
    """The k items most similar to ``item`` through the learner's function, against the cosine here."""
    what = f"similar_items(matrix, {item!r}, {k})"
    found = call(similar_items, matrix, item, k)
    expect_type(found, pd.Series, what)
    expect(item not in found.index, f"{what} includes {item!r} itself: {list(found.index)}. Every item is "
           "perfectly similar to itself; leave the item itself out.")
    expect(len(found) == k, f"{what} should return {k} items, got {len(found)}.")
    expect(not found.isna().any(), f"{what} holds NaN similarities: replace the missing ratings by 0 before "
           "computing the cosine similarity.")
    cosine = _cosine_with(matrix, item).drop(item).sort_index().sort_values(ascending=False, kind="stable")
    values = found.to_numpy(dtype=float)
    correlation = matrix.corr()[item].drop(item)
    expect(not (set(found.index) <= set(correlation.index)
                and np.allclose(values, correlation.reindex(found.index).to_numpy(dtype=float))),
           "these are correlations (matrix.corr()), not cosine similarities: fill the missing ratings with 0 "
           "and divide the dot product of two columns by the product of their norms.")
    right = list(cosine.index[:k])
    expect(not (sorted(found.index, key=str) == sorted(right, key=str) and list(found.index) != right
                and np.allclose(np.sort(values), np.sort(cosine.to_numpy()[:k]))
                and bool(np.all(np.diff(values) <= 1e-9))),
           f"{what} should list {right}: most similar first, and equal similarities in ascending order of "
           f"item id; got {list(found.index)}.")
    expect(list(found.index) == right, f"the {k} items most similar to {item!r} are {right}, in that order "
           f"(highest cosine similarity first); got {list(found.index)}.")
    expect(np.allclose(values, cosine.to_numpy()[:k]),
           f"the values should be the cosine similarities {np.round(cosine.to_numpy()[:k], 4).tolist()}, "
           f"got {np.round(values, 4).tolist()}.")


@exercise("similar items", ML_ALGORITHMS, hints=[
    "Fill the missing ratings with 0, then compare the column of `item_id` with every column: "
    "cosine similarity is a dot product divided by the two lengths (`np.linalg.norm`).",
    "The dot products of every column with one column are a single matrix product (the transposed filled "
    "matrix times that column); `np.linalg.norm` with `axis=0` gives every column's length. For the order, "
    "sort by item id first, then by similarity with a stable sort (`kind=\"stable\"`), so ties keep the ids "
    "ascending.",
])
def q4(similar_items):
    _check_neighbours(similar_items, pd.DataFrame(_SIMILARITY_MATRIX, columns=["a", "b", "c", "d"]), "b", 2)
    _check_neighbours(similar_items, pd.DataFrame(_TIED_MATRIX, columns=_TIED_COLUMNS), 40, 2)


def _pair(precision_recall_at_k, recommended, relevant, k) -> tuple:
    what = f"precision_recall_at_k({recommended!r}, {relevant!r}, {k})"
    result = call(precision_recall_at_k, recommended, relevant, k,
                  advice="With no relevant item, recall is undefined: return 0.0 for it, do not divide by 0."
                  if not relevant else "")
    # each part kept as returned, so that its float type sets the tolerance (float32 is as valid as float64)
    precision, recall = expect_pair(result, what, "(precision, recall)",
                                    part=lambda value, part: (expect_number(value, part), value)[1])
    return what, precision, recall


@exercise("precision@k and recall@k", ML_ALGORITHMS, hints=[
    "Count the hits: the relevant items among the first k recommended. Precision divides the hits by k, "
    "recall by the number of relevant items.",
    "Slice the list to its first k items and intersect it with the relevant items as sets (`&`); the size of "
    "the intersection is the number of hits. Guard the division by the number of relevant items: it may "
    "be 0.",
])
def q5(precision_recall_at_k):
    what, precision, recall = _pair(precision_recall_at_k, [3, 1, 4, 5], {1, 5, 9}, 2)
    expect(not close_for_dtype(recall, 2 / 3),
           "your recall counts 2 hits, but among the first k=2 items, [3, 1], only item 1 is relevant: "
           "items 4 and 5 further down are never shown. Only the first k recommendations count.")
    expect(not (close_for_dtype(precision, 1 / 3) and close_for_dtype(recall, 0.5)),
           "you swapped precision and recall: precision divides the hits by k, recall by the number of "
           "relevant items.")
    expect(close_for_dtype(precision, 0.5) and close_for_dtype(recall, 1 / 3),
           f"the example should give (0.5, 1/3): one hit among the first 2 items, out of 3 relevant items; "
           f"got ({shown(precision)}, {shown(recall)}).")
    what, precision, recall = _pair(precision_recall_at_k, [8, 6, 7], [6, 7], 3)
    expect(close_for_dtype(precision, 2 / 3) and close_for_dtype(recall, 1.0),
           f"{what} should give (2/3, 1.0), got ({shown(precision)}, {shown(recall)}). `relevant` may be a "
           "list as well as a set.")
    what, precision, recall = _pair(precision_recall_at_k, [6, 2], [2, 5], 4)
    expect(not close_for_dtype(precision, 0.5),
           f"{what} gave the precision 0.5, one hit divided by the 2 items of the list: when the list has "
           "fewer than k items, precision still divides by k (an empty slot is a miss), 1/4 here.")
    expect(close_for_dtype(precision, 0.25) and close_for_dtype(recall, 0.5),
           f"{what} should give (0.25, 0.5), got ({shown(precision)}, {shown(recall)}).")
    what, precision, recall = _pair(precision_recall_at_k, [1, 2, 3], set(), 2)
    expect(precision == 0 and recall == 0, f"with no relevant item both should be 0.0, {what} gave "
           f"({shown(precision)}, {shown(recall)}).")


def _check_tables(make_model, n_users: int, n_items: int, n_factors: int):
    """The model for these sizes, after checking its five parts; or a Mistake."""
    from torch import nn

    what = f"make_model({n_users}, {n_items}, {n_factors})"
    model = call(make_model, n_users, n_items, n_factors)
    expect_type(model, nn.Module, what)
    shapes = {"user_embedding": (n_users, n_factors), "item_embedding": (n_items, n_factors),
              "user_bias": (n_users, 1), "item_bias": (n_items, 1)}
    for name, shape in shapes.items():
        layer = getattr(model, name, None)
        expect(isinstance(layer, nn.Embedding), f"the model should have an attribute `{name}`, an "
               f"nn.Embedding; got {shown(layer)}. Create it in __init__: `self.{name} = nn.Embedding(...)`.")
        expect(tuple(layer.weight.shape) == shape, f"with {n_users} users, {n_items} items and {n_factors} "
               f"factors, `{name}` should hold a table of shape {shape}, got {tuple(layer.weight.shape)}.")
    bias = getattr(model, "global_bias", None)
    expect(isinstance(bias, nn.Parameter) and tuple(bias.shape) == (1,),
           "`global_bias` should be `nn.Parameter(torch.zeros(1))`: a parameter, which training adjusts.")
    count = sum(weights.numel() for weights in model.parameters())
    right = (n_users + n_items) * (n_factors + 1) + 1
    expect(count == right, f"{what} should have ({n_users} + {n_items}) * ({n_factors} + 1) + 1 = {right} "
           f"parameters, it has {count}: create exactly the five parts listed, nothing else.")
    return model


def _check_predictions(model, users, items):
    """The model's predictions for these pairs, checked against the formula."""
    import torch

    output = call(model, users, items)
    expect_type(output, torch.Tensor, "model(users, items)")
    n = len(users)
    broadcast = (" An nn.Embedding(..., 1) returns shape (n, 1), and (n,) + (n, 1) broadcasts to (n, n): "
                 "flatten the biases first (`.squeeze(1)` or `.view(-1)`).")
    expect(tuple(output.shape) == (n,), f"for {n} (user, item) pairs the model should return {n} "
           f"predictions, shape ({n},), got {tuple(output.shape)}."
           + (broadcast if tuple(output.shape) == (n, n) else ""))
    with torch.no_grad():
        wanted = ((model.user_embedding.weight[users] * model.item_embedding.weight[items]).sum(dim=1)
                  + model.user_bias.weight[users, 0] + model.item_bias.weight[items, 0] + model.global_bias)
    expect(torch.allclose(output.detach().float(), wanted.float(), atol=1e-5),
           "the predictions should be user vector . item vector + user bias + item bias + global bias, "
           "with the dot product summed over the factors, one number per pair; on these pairs they are not.")
    return output


@exercise("matrix factorization in PyTorch", ML_ALGORITHMS, hints=[
    "In `__init__` create the four `nn.Embedding` tables and the global bias exactly as listed. In "
    "`forward`, look up the rows of `users` and `items` in each table, multiply the two vectors element "
    "by element and sum over the factors.",
    "Summing the element-wise product over the factor dimension (`dim=1`) gives one dot product per pair, "
    "shape (n,). A lookup in an `nn.Embedding(..., 1)` has shape (n, 1): `.squeeze(1)` (or `.view(-1)`) "
    "makes it (n,) before you add it.",
])
def q6(make_model):
    import torch

    model = _check_tables(make_model, 6, 4, 2)
    users, items = torch.tensor([0, 5, 3, 3, 1]), torch.tensor([2, 0, 1, 3, 2])
    _check_predictions(model, users, items)
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
    model = _check_tables(make_model, 3, 5, 4)
    _check_predictions(model, torch.tensor([2, 0, 2]), torch.tensor([4, 4, 0]))
    _check_predictions(model, torch.tensor([1]), torch.tensor([3]))
