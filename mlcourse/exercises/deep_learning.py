"""Checks and hints for the assignment "Neural networks" (source/deep_learning).

Each check runs the learner's function on tiny hand-made problems whose right answer the check
can compute itself (a few random weights, finite differences, a model whose weights are set by
hand, a scripted validation curve), and names the usual mistake. The results on the breast
cancer data are checked only by the hidden tests.
"""

import math

import numpy as np

from mlcourse.exercise import (
    ML_ALGORITHMS,
    PROGRAMMING,
    STATISTICS,
    Mistake,
    call,
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

GRADIENT_NAMES = ("W1", "b1", "W2", "b2")


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _small_network(seed=0, n=6, n_features=3, n_hidden=4):
    """Inputs, 0/1 targets and the weights of a small two-layer network, as the exercises define them."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, n_features))
    y = (rng.random(n) < 0.5).astype(float)
    W1 = rng.standard_normal((n_features, n_hidden))
    b1 = 0.5 * rng.standard_normal(n_hidden)
    W2 = rng.standard_normal(n_hidden)
    b2 = 0.3
    return X, y, W1, b1, W2, b2


def _probabilities(X, W1, b1, W2, b2, hidden=lambda z: np.maximum(0, z)):
    return _sigmoid(hidden(X @ W1 + b1) @ W2 + b2)


def _loss(X, y, W1, b1, W2, b2):
    p = _probabilities(X, W1, b1, W2, b2)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _finite_differences(X, y, params, eps=1e-6):
    """Central-difference gradient of the mean loss for each of W1, b1, W2, b2."""
    numeric = {}
    for name in GRADIENT_NAMES:
        value = np.array(params[name], dtype=float)
        grad = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            up, down = value.copy(), value.copy()
            up[index] += eps
            down[index] -= eps
            higher, lower = _loss(X, y, **{**params, name: up}), _loss(X, y, **{**params, name: down})
            grad[index] = (higher - lower) / (2 * eps)
        numeric[name] = grad if value.shape else float(grad)
    return numeric


def _torch():
    import torch

    return torch


def _set_by_shape(model):
    """Give every parameter values that depend only on its shape, whatever the order the layers were
    created in: two networks of the same architecture then compute the same function."""
    torch = _torch()
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.copy_(torch.linspace(-1, 1, parameter.numel()).reshape(parameter.shape))


def _toy_classification(n=40, n_features=4, seed=0):
    """A small, easily learnt two-class problem as float32 inputs and int64 targets."""
    torch = _torch()
    generator = torch.Generator().manual_seed(seed)
    inputs = torch.randn(n, n_features, generator=generator)
    targets = (inputs[:, 0] + 0.5 * inputs[:, 1] > 0).long()
    return inputs, targets


def _loader(inputs, targets, batch_size):
    from torch.utils.data import DataLoader, TensorDataset

    return DataLoader(TensorDataset(inputs, targets), batch_size=batch_size, shuffle=False)


def _watched(model):
    """``model`` wrapped in a module that records, at each forward pass, whether gradients were tracked."""
    torch = _torch()

    class Watched(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.inner = model
            self.tracking = []

        def forward(self, x):
            self.tracking.append(torch.is_grad_enabled())
            return self.inner(x)

    return Watched()


@exercise("forward pass of a two-layer network", ML_ALGORITHMS, hints=[
    "Two steps: the hidden layer is `X @ W1 + b1` passed through the ReLU, then the output layer turns "
    "each hidden row into one number, which the sigmoid turns into a probability.",
    "The ReLU is `np.maximum` with 0, applied to the hidden layer only; `sigmoid` (from the setup cell) is "
    "applied to the output scores only, and each layer adds its own bias.",
])
def q1(forward):
    X, y, W1, b1, W2, b2 = _small_network()
    p = call(forward, X, W1, b1, W2, b2)
    expect_type(p, np.ndarray, "forward(X, W1, b1, W2, b2)")
    expect(p.shape != (len(X), 1), f"the result has shape {p.shape}: return one probability per row, "
           f"shape ({len(X)},). W2 is a vector, so `hidden @ W2` already has that shape.")
    expect(p.shape == (len(X),),
           f"for {len(X)} rows the result should have shape ({len(X)},), got {p.shape}.")
    raw_scores = np.maximum(0, X @ W1 + b1) @ W2 + b2
    expect(not np.allclose(p, raw_scores), "your outputs are the output layer's raw scores, not "
           "probabilities: pass the output layer's scores through `sigmoid`.")
    expect(np.all((p >= 0) & (p <= 1)), "the outputs should be probabilities between 0 and 1, but yours go "
           f"from {shown(float(np.min(p)))} to {shown(float(np.max(p)))}.")
    expect(not np.allclose(p, _probabilities(X, W1, b1, W2, b2, hidden=lambda z: z)),
           "your hidden layer is linear: apply the ReLU, `np.maximum(0, ...)`, to `X @ W1 + b1`.")
    expect(not np.allclose(p, _sigmoid(np.maximum(0, X @ W1) @ W2 + b2)),
           "the bias b1 of the hidden layer is missing: the hidden layer is `X @ W1 + b1`.")
    expect(np.allclose(p, _probabilities(X, W1, b1, W2, b2)),
           "the probabilities differ from `sigmoid(relu(X @ W1 + b1) @ W2 + b2)`: apply the ReLU to the "
           "hidden layer, the sigmoid to the output, and add each layer's bias.")
    # A second, differently shaped input: 2 features, 5 hidden units, and a score of 1000.
    X2 = np.array([[1.0, 2.0], [-1.0, -2.0], [0.5, 0.0]])
    W1_2, b1_2, W2_2 = np.full((2, 5), 100.0), np.zeros(5), np.array([1.0, 1.0, 1.0, 1.0, 0.0])
    with np.errstate(over="ignore"):
        big = call(forward, X2, W1_2, b1_2, W2_2, -200.0)
        wanted = _probabilities(X2, W1_2, b1_2, W2_2, -200.0)
    expect(isinstance(big, np.ndarray) and big.shape == (3,),
           f"for 3 rows and 5 hidden units the result should have shape (3,), got {shown(big)}.")
    expect(not np.isnan(big).any(),
           "for a row whose output score is 1000 your probabilities are "
           f"{np.round(big, 4).tolist()}: nan, because e^z overflows to infinity above about 709. "
           "The setup cell's `sigmoid`, 1 / (1 + e^-z), gives 1.0 there.")
    expect(np.allclose(big, wanted, atol=1e-6),
           f"for rows whose output scores are 1000, -200 and 0 the probabilities should be about "
           f"{np.round(wanted, 4).tolist()}, got {np.round(big, 4).tolist()}.")


@exercise("backward pass, checked by finite differences", STATISTICS, hints=[
    "Go backwards through the forward pass, keeping the intermediate results. For the sigmoid with the "
    "mean cross-entropy loss, the gradient with respect to the output scores is `(p - y) / n`.",
    "From the output scores' gradient, each weight matrix gets (the input of its product, transposed) @ "
    "(the gradient after the product), each bias the sum of that gradient over the rows. Going back "
    "through W2 spreads each row's gradient over the hidden units (`np.outer`), and the ReLU keeps it only "
    "where z1 > 0.",
])
def q2(gradients):
    X, y, W1, b1, W2, b2 = _small_network(seed=1)
    params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    grads = call(gradients, X, y, W1, b1, W2, b2)
    expect_type(grads, dict, "gradients(X, y, W1, b1, W2, b2)")
    expect(set(grads) == set(GRADIENT_NAMES),
           f"return a dict with the keys {list(GRADIENT_NAMES)}, got the keys {sorted(grads)}.")
    for name in ("W1", "b1", "W2"):
        expect_array(grads[name], f'grads["{name}"]')
        expect(grads[name].shape == params[name].shape,
               f'grads["{name}"] should have the shape of {name}, {params[name].shape}, but it has '
               f"{grads[name].shape}. Each gradient has the shape of the parameter it belongs to.")
    expect(np.ndim(grads["b2"]) == 0, f'grads["b2"] should be one number, like b2, but it has shape '
           f'{np.shape(grads["b2"])}: sum the gradient of the output scores over the rows.')
    expect_number(float(grads["b2"]), 'grads["b2"]')
    numeric = _finite_differences(X, y, params)
    for name in GRADIENT_NAMES:
        mine, true = np.asarray(grads[name], dtype=float), np.asarray(numeric[name])
        expect(not np.allclose(mine, len(X) * true, rtol=1e-4, atol=1e-7),
               f'grads["{name}"] is {len(X)} times too large (the number of rows): the loss is the *mean* '
               "over the rows, so divide the gradient of the output scores by n.")
        if name == "W1" or name == "b1":
            unmasked = _unmasked_gradient(X, y, W1, b1, W2, b2)[name]
            expect(not np.allclose(mine, unmasked, atol=1e-8),
                   f'grads["{name}"] ignores the ReLU: its gradient is 1 where its input `X @ W1 + b1` '
                   "was positive and 0 elsewhere, so multiply by `(z1 > 0)`.")
        expect(np.allclose(mine, true, rtol=1e-4, atol=1e-7),
               f'grads["{name}"] does not match the finite-difference estimate '
               f"(loss(w + eps) - loss(w - eps)) / (2 eps) of the mean cross-entropy loss. "
               "Check each step of the chain rule, and the shapes of the products.")
    # A second, differently shaped input: 9 rows, 2 features, 3 hidden units.
    X, y, W1, b1, W2, b2 = _small_network(seed=4, n=9, n_features=2, n_hidden=3)
    grads = call(gradients, X, y, W1, b1, W2, b2)
    numeric = _finite_differences(X, y, {"W1": W1, "b1": b1, "W2": W2, "b2": b2})
    expect(isinstance(grads, dict) and set(grads) == set(GRADIENT_NAMES),
           f"for 9 rows, 2 features and 3 hidden units gradients(...) should return the same four keys; "
           f"got {shown(grads)}.")
    mine, true = np.asarray(grads["W2"], dtype=float).ravel(), np.asarray(numeric["W2"]).ravel()
    ratio = float(mine @ true / (true @ true)) if mine.shape == true.shape else 0.0
    rows_used = round(len(X) / ratio) if ratio > 0 else 0
    expect(not (rows_used != len(X) and 0 < rows_used < 100 and np.allclose(mine, true * len(X) / rows_used)),
           f"for an input of {len(X)} rows your gradients are those of a mean over {rows_used} rows: "
           f"divide by n = len(y), the number of rows of this input, here {len(X)}.")
    for name in GRADIENT_NAMES:
        expect(np.shape(grads[name]) == np.shape(numeric[name])
               and np.allclose(np.asarray(grads[name], dtype=float), numeric[name], rtol=1e-4, atol=1e-7),
               f'for 9 rows, 2 features and 3 hidden units grads["{name}"] does not match the '
               "finite-difference estimate of the mean cross-entropy loss.")


def _unmasked_gradient(X, y, W1, b1, W2, b2):
    """The hidden layer's gradients of a backward pass that forgets the ReLU's derivative."""
    z1 = X @ W1 + b1
    p = _sigmoid(np.maximum(0, z1) @ W2 + b2)
    d_hidden = np.outer((p - y) / len(y), W2)
    return {"W1": X.T @ d_hidden, "b1": d_hidden.sum(axis=0)}


@exercise("a network as an nn.Module", PROGRAMMING, hints=[
    "Create the layers in `__init__` (after `super().__init__()`), as attributes, so PyTorch registers "
    "their parameters; `forward` only chains them. The output layer returns raw scores.",
    "Three layers in `__init__`, their sizes taken from the arguments: `nn.Linear`, `nn.Dropout`, "
    "`nn.Linear`. `forward` applies them in the order of the text, with `torch.relu` after the first, and "
    "ends on the last linear layer (no softmax).",
])
def q3(build_network):
    torch = _torch()
    network = call(build_network, 5, 4, 3, 0.0)
    expect(isinstance(network, torch.nn.Module), "build_network should return your network, an instance of "
           f"a subclass of `nn.Module`, got {type(network).__name__}.")
    shapes = sorted(tuple(p.shape) for p in network.parameters())
    expect(shapes, "your network has no parameters: create the layers in `__init__` as attributes "
           "(`self.hidden = nn.Linear(...)`), after `super().__init__()`.")
    expect(shapes == [(3,), (3, 4), (4,), (4, 5)],
           f"build_network(5, 4, 3, 0.0) should hold two linear layers, 5 -> 4 and 4 -> 3, with biases: "
           f"parameters of shapes (4, 5), (4,), (3, 4), (3,). Yours have shapes {shapes}.")
    inputs = torch.randn(7, 5, generator=torch.Generator().manual_seed(0))
    network.eval()
    _set_by_shape(network)
    scores = call(network, inputs)
    expect(isinstance(scores, torch.Tensor) and tuple(scores.shape) == (7, 3),
           f"for 7 rows and 3 classes the output should be a tensor of shape (7, 3), got {shown(scores)}.")
    expect(not (bool((scores >= 0).all()) and torch.allclose(scores.sum(dim=1), torch.ones(7))),
           "your network returns probabilities: return the raw scores (logits) of the last linear layer. "
           "nn.CrossEntropyLoss applies the softmax itself.")
    weight1, bias1, weight2, bias2 = (torch.linspace(-1, 1, math.prod(s)).reshape(s)
                                      for s in [(4, 5), (4,), (3, 4), (3,)])
    linear = (inputs @ weight1.T + bias1) @ weight2.T + bias2
    expected = torch.relu(inputs @ weight1.T + bias1) @ weight2.T + bias2
    with torch.no_grad():
        expect(not torch.allclose(scores, linear, atol=1e-5),
               "there is no ReLU between the two layers: without it the network is just one linear model.")
        expect(torch.allclose(scores, expected, atol=1e-5),
               "the output differs from `output(dropout(relu(hidden(x))))`: apply the hidden layer, "
               "the ReLU, the dropout, then the output layer, in that order.")
    network.train()
    network.zero_grad()
    torch.nn.functional.cross_entropy(network(inputs), torch.tensor([0, 1, 2, 0, 1, 2, 0])).backward()
    for name, parameter in network.named_parameters():
        expect(parameter.grad is not None and bool(parameter.grad.abs().sum() > 0),
               f"after a backward pass the parameter {name} got no gradient: do not detach tensors "
               "or convert them to NumPy inside `forward`.")
    dropping = call(build_network, 5, 50, 3, 0.5)
    expect(any(isinstance(m, torch.nn.Dropout) and m.p == 0.5 for m in dropping.modules()),
           "build_network(5, 50, 3, 0.5) has no `nn.Dropout(0.5)` layer: create `nn.Dropout(dropout)` "
           "in `__init__` and apply it after the ReLU.")
    dropping.train()
    with torch.no_grad():
        expect(not torch.equal(dropping(inputs), dropping(inputs)),
               "with dropout=0.5 in train mode two passes over the same rows should differ: apply the "
               "dropout layer in `forward`.")
        dropping.eval()
        expect(torch.equal(dropping(inputs), dropping(inputs)),
               "in eval mode the network should be deterministic: use the `nn.Dropout` module (it turns "
               "itself off in eval mode), not `F.dropout(..., training=True)`.")
    # A second, differently shaped network: two classes, six features, a dropout rate of 0.3.
    two = call(build_network, 6, 5, 2, 0.3)
    rates = sorted(m.p for m in two.modules() if isinstance(m, torch.nn.Dropout))
    expect(rates == [0.3], f"build_network(6, 5, 2, 0.3) should hold one nn.Dropout(0.3); its dropout rates "
           f"are {rates}: use the dropout argument.")
    two.eval()
    with torch.no_grad():
        scores = call(two, torch.zeros(4, 6))
    columns = tuple(scores.shape)[1:] if isinstance(scores, torch.Tensor) else None
    expect(columns == (2,), f"build_network(6, 5, 2, 0.3) should give 2 scores per row, one per class; for 4 "
           f"rows yours gives a result of shape {tuple(getattr(scores, 'shape', ()))}: use n_classes for the "
           "output layer's size.")


@exercise("one training epoch", ML_ALGORITHMS, hints=[
    "Put the model in training mode first. Then, for each batch: clear the old gradients, compute the "
    "loss, backpropagate, take an optimizer step. Keep a running total of the loss.",
    "Per batch, four calls in this order: clear the gradients, compute the loss with `loss_fn`, "
    "backpropagate, step. For the mean per sample, weight each batch's `loss.item()` by its number of "
    "samples.",
])
def q4(train_one_epoch):
    torch = _torch()
    inputs, targets = _toy_classification()
    loss_fn = torch.nn.CrossEntropyLoss()

    # lr=0: the weights never change, so every batch's gradient and loss are known in advance.
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))
    seen = []

    class Watching(torch.optim.SGD):
        def step(self, closure=None):
            seen.append([p.grad.clone() if p.grad is not None else None for p in model.parameters()])
            return super().step(closure)

    model.eval()
    loader = _loader(inputs, targets, batch_size=16)  # batches of 16, 16 and 8
    mean_loss = call(train_one_epoch, model, loader, loss_fn, Watching(model.parameters(), lr=0.0))
    expect(model.training, "after train_one_epoch the model is still in eval mode: call `model.train()` "
           "first, so that dropout (and batch norm) behave as in training.")
    expect(not isinstance(mean_loss, torch.Tensor), "return the mean loss as a Python float "
           "(`loss.item()`), not a tensor: a tensor keeps the whole computation graph alive.")
    mean_loss = expect_number(mean_loss, "train_one_epoch(...)")
    expect(len(seen) == 3, f"with 40 samples in batches of 16 the optimizer should take 3 steps, one per "
           f"batch; it took {len(seen)}. Call `optimizer.step()` once for every batch.")
    batch_losses, batch_grads = [], []
    for start in (0, 16, 32):
        model.zero_grad()
        loss = loss_fn(model(inputs[start:start + 16]), targets[start:start + 16])
        loss.backward()
        batch_losses.append(loss.item())
        batch_grads.append([p.grad.clone() for p in model.parameters()])
    for step, (grads, true) in enumerate(zip(seen, batch_grads), start=1):
        expect(all(g is not None for g in grads),
               f"at optimizer step {step} some parameters had no gradient: in each batch call "
               "`optimizer.zero_grad()` first (it erases the gradients), then `loss.backward()`, then "
               "`optimizer.step()`.")
        accumulated = [sum(batch[i] for batch in batch_grads[:step]) for i in range(len(true))]
        expect(step == 1 or not all(torch.allclose(g, a, atol=1e-6) for g, a in zip(grads, accumulated)),
               "the gradients accumulate from one batch to the next: PyTorch adds each backward pass to "
               "`.grad`, so call `optimizer.zero_grad()` before `loss.backward()` in every batch.")
        expect(all(torch.allclose(g, t, atol=1e-6) for g, t in zip(grads, true)),
               f"at optimizer step {step} the gradients are not those of that batch's loss: for each batch "
               "call `optimizer.zero_grad()`, compute the loss, `loss.backward()`, then `optimizer.step()`.")
    per_sample = (16 * batch_losses[0] + 16 * batch_losses[1] + 8 * batch_losses[2]) / 40
    expect(not (math.isclose(mean_loss, float(np.mean(batch_losses)), rel_tol=1e-5)
                and not math.isclose(mean_loss, per_sample, rel_tol=1e-5)),
           "you returned the plain mean of the batch losses, but the last batch is smaller: weight each "
           "batch's loss by its number of samples (`loss.item() * len(targets)`) and divide by the number "
           "of samples.")
    expect(math.isclose(mean_loss, per_sample, rel_tol=1e-5),
           f"the mean loss per sample over the epoch should be {per_sample:.4f} here, "
           f"got {shown(mean_loss)}: add `loss.item() * len(targets)` for each batch and divide by the "
           "number of samples.")

    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    loader = _loader(inputs, targets, batch_size=8)
    with torch.no_grad():
        before = loss_fn(model(inputs), targets).item()
    for _ in range(3):
        call(train_one_epoch, model, loader, loss_fn, optimizer)
    with torch.no_grad():
        after = loss_fn(model(inputs), targets).item()
    expect(after < before, f"three epochs on an easy problem should lower the training loss; it went from "
           f"{before:.3f} to {after:.3f}. Call `optimizer.step()` after `loss.backward()`.")

    # A second input: another loss function (label smoothing), batches of 12, 12 and 6, lr=0.
    smoothed = torch.nn.CrossEntropyLoss(label_smoothing=0.3)
    inputs, targets = _toy_classification(n=30, seed=3)
    torch.manual_seed(1)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))
    mean_loss = expect_number(call(train_one_epoch, model, _loader(inputs, targets, 12), smoothed,
                                   torch.optim.SGD(model.parameters(), lr=0.0)), "train_one_epoch(...)")
    with torch.no_grad():
        given_loss = sum(len(targets[s:s + 12]) * smoothed(model(inputs[s:s + 12]), targets[s:s + 12]).item()
                         for s in (0, 12, 24)) / 30
        plain_loss = sum(len(targets[s:s + 12]) * loss_fn(model(inputs[s:s + 12]), targets[s:s + 12]).item()
                         for s in (0, 12, 24)) / 30
    expect(not (math.isclose(mean_loss, plain_loss, rel_tol=1e-5)
                and not math.isclose(mean_loss, given_loss)),
           "with `loss_fn=nn.CrossEntropyLoss(label_smoothing=0.3)` you returned the mean of the plain "
           "cross-entropy, not the `loss_fn` it was given: compute each batch's loss with `loss_fn`.")
    expect(math.isclose(mean_loss, given_loss, rel_tol=1e-5),
           "with `loss_fn=nn.CrossEntropyLoss(label_smoothing=0.3)`, 30 samples in batches of 12 and lr=0, "
           f"the mean loss per sample should be {given_loss:.4f}, got {shown(mean_loss)}.")


@exercise("evaluate without gradients", ML_ALGORITHMS, hints=[
    "Evaluation changes nothing in the model: put it in eval mode (dropout off) and turn gradient "
    "tracking off while you loop over the batches. Count the correct predictions as you go.",
    "Switch dropout off with the model's eval mode and gradients off with a `torch.no_grad()` block around "
    "the loop. The predicted class is the argmax over the classes' axis (dim=1); weight the losses by batch "
    "size, as in exercise 4.",
])
def q5(evaluate):
    torch = _torch()
    inputs, targets = _toy_classification(n=30, seed=1)
    torch.manual_seed(0)
    inner = torch.nn.Sequential(torch.nn.Linear(4, 16), torch.nn.ReLU(), torch.nn.Dropout(0.5),
                                torch.nn.Linear(16, 2))
    model = _watched(inner)
    model.train()
    loader = _loader(inputs, targets, batch_size=12)  # batches of 12, 12 and 6
    result = call(evaluate, model, loader, torch.nn.CrossEntropyLoss())
    expect(not isinstance(result, torch.Tensor),
           "return a pair of Python floats (loss, accuracy), not a tensor.")
    loss, accuracy = expect_pair(result, "evaluate(model, loader, loss_fn)", "(loss, accuracy)")
    expect(not model.training, "the model is still in train mode after `evaluate`, so its dropout is on: "
           "call `model.eval()` before evaluating.")
    expect(model.tracking and not any(model.tracking),
           "gradients were tracked during the evaluation: wrap the loop in `with torch.no_grad():`, which "
           "saves memory and time, since nothing is learnt here.")
    expect(all(p.grad is None for p in inner.parameters()),
           "evaluation must not compute gradients: do not call `loss.backward()` in `evaluate`.")
    expect(0 <= accuracy <= 1, f"the accuracy should be a fraction between 0 and 1, got {shown(accuracy)}: "
           "divide the number of correct predictions by the number of samples.")
    inner.eval()
    with torch.no_grad():
        scores = inner(inputs)
        true_accuracy = (scores.argmax(dim=1) == targets).float().mean().item()
        true_loss = torch.nn.functional.cross_entropy(scores, targets).item()
    expect(math.isclose(accuracy, true_accuracy, abs_tol=1e-6),
           f"the accuracy should be {true_accuracy:.4f} here, got {shown(accuracy)}: the predicted class is "
           "the column of the largest score, `scores.argmax(dim=1)`; compare it with the targets.")
    batch_means = []
    with torch.no_grad():
        for start in (0, 12, 24):
            batch = slice(start, start + 12)
            batch_means.append(torch.nn.functional.cross_entropy(inner(inputs[batch]), targets[batch]).item())
    expect(not (math.isclose(loss, float(np.mean(batch_means)), rel_tol=1e-5)
                and not math.isclose(loss, true_loss, rel_tol=1e-5)),
           "you returned the plain mean of the batch losses, but the last batch is smaller: weight each "
           "batch's loss by its number of samples and divide by the number of samples.")
    expect(math.isclose(loss, true_loss, rel_tol=1e-5),
           f"the mean loss per sample should be {true_loss:.4f} here, got {shown(loss)}.")
    # A second input: three classes, where the largest score is often in the third column.
    inputs = torch.tensor([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [-1.0, -1.0], [2.0, -1.0], [-2.0, 1.0],
                           [-1.0, 2.0]])
    targets = torch.tensor([0, 1, 2, 2, 0, 2, 1])
    three = torch.nn.Linear(2, 3)
    with torch.no_grad():
        three.weight.copy_(torch.tensor([[1.0, 0.0], [0.0, 1.0], [-1.0, -1.0]]))
        three.bias.zero_()
        scores = three(inputs)
    result = call(evaluate, three, _loader(inputs, targets, 4), torch.nn.CrossEntropyLoss())
    loss, accuracy = expect_pair(result,
                                 "evaluate(model, loader, loss_fn)", "(loss, accuracy)")
    right = (scores.argmax(dim=1) == targets).float().mean().item()
    two_columns = ((scores[:, 1] > scores[:, 0]).long() == targets).float().mean().item()
    expect(not (math.isclose(accuracy, two_columns, abs_tol=1e-6) and not math.isclose(accuracy, right)),
           f"with 3 classes your accuracy is {shown(accuracy)}, the one of predictions that compare the "
           "first two columns only: the predicted class is the column of the largest score among all the "
           "classes, `scores.argmax(dim=1)`.")
    expect(math.isclose(accuracy, right, abs_tol=1e-6),
           f"for a 3-class model on 7 samples the accuracy should be {right:.4f}, got {shown(accuracy)}.")


def _scripted_training(losses):
    """A one-weight model, a train_epoch that adds 1 to it, and a validation_loss that plays `losses`."""
    torch = _torch()
    model = torch.nn.Linear(1, 1, bias=False)
    with torch.no_grad():
        model.weight.zero_()
    log = {"epochs": 0}

    def train_epoch():
        with torch.no_grad():
            model.weight.add_(1.0)  # in place, as an optimizer's step is
        log["epochs"] += 1

    def validation_loss():
        return losses[log["epochs"] - 1]

    return model, train_epoch, validation_loss, log


@exercise("early stopping, keeping the best weights", ML_ALGORITHMS, hints=[
    "After each epoch compare the validation loss with the best so far. On an improvement, remember the "
    "epoch and a copy of the weights; otherwise count the epochs without improvement and stop at `patience`. "
    "At the end, put the best weights back.",
    "Keep a deep copy of the state dict (`copy.deepcopy`) on each improvement: a plain `state_dict()` holds "
    "the live tensors, which keep changing. Count epochs from 1, and load the copy back into the model "
    "before returning.",
])
def q6(train_with_early_stopping):
    losses = [3.0, 2.0, 1.0, 1.5, 1.2, 1.1, 1.3, 0.5, 0.4, 0.3]
    model, train_epoch, validation_loss, log = _scripted_training(losses)
    best = call(train_with_early_stopping, model, train_epoch, validation_loss, 10, 3,
                advice="Call train_epoch() once per epoch, before validation_loss().")
    best = expect_integer(best, "train_with_early_stopping(...)")
    expect(best != 2, "you returned 2 for a validation loss that was lowest after the third epoch: "
           "number the epochs from 1 (`range(1, max_epochs + 1)`).")
    expect(log["epochs"] != 10, "training ran all 10 epochs although the validation loss did not improve "
           "for 3 epochs in a row after epoch 3: stop once `patience` epochs have passed without "
           "improvement.")
    expect(log["epochs"] != 7, "training ran 7 epochs, one too many: the validation loss last improved at "
           "epoch 3, so with patience 3 training stops right after epoch 6.")
    expect(log["epochs"] == 6, f"the validation loss last improved at epoch 3, so with patience 3 training "
           f"should stop after epoch 6; it ran {log['epochs']} epochs.")
    expect(best == 3, f"the validation loss was lowest after epoch 3, you returned {best}.")
    weight = float(model.weight.detach().reshape(-1)[0])
    expect(weight != 6.0, "the model ends with the weights of the last epoch, not of the best one: "
           "`model.state_dict()` holds references to the live tensors, which keep changing, so save "
           "`copy.deepcopy(model.state_dict())` and load it back with `model.load_state_dict(...)` "
           "at the end.")
    expect(weight == 3.0, f"after training the model should hold the weights it had after the best epoch, 3; "
           f"a test weight that grows by 1 per epoch is {weight}.")
    model, train_epoch, validation_loss, log = _scripted_training([5.0, 4.0, 3.0, 2.0, 1.0])
    best = call(train_with_early_stopping, model, train_epoch, validation_loss, 5, 2)
    expect(best == 5 and log["epochs"] == 5,
           "when the validation loss improves at every epoch, training runs all max_epochs epochs and the "
           f"last one is the best; you returned {shown(best)} after {log['epochs']} epochs.")
    expect(float(model.weight.detach().reshape(-1)[0]) == 5.0,
           "when the last epoch is the best, the model should end with the weights of that last epoch.")
    # A second run with another patience: the best epoch is 2, then no improvement.
    model, train_epoch, validation_loss, log = _scripted_training([3.0, 2.0, 2.5, 2.4, 2.3, 2.2, 2.1])
    best = call(train_with_early_stopping, model, train_epoch, validation_loss, 7, 1)
    waited = log["epochs"] - 2
    expect(waited == 1 or waited < 0,
           f"with patience 1 and the validation losses [3.0, 2.0, 2.5, 2.4, ...] (best at epoch 2), training "
           f"went on for {waited} epochs after the last improvement, but patience is 1: stop as soon as "
           "`patience` epochs in a row have passed without improvement.")
    expect(best == 2 and float(model.weight.detach().reshape(-1)[0]) == 2.0,
           "with patience 1 and the validation losses [3.0, 2.0, 2.5, ...] the best epoch is 2, and the "
           f"model should end with its weights; you returned {shown(best)}.")
