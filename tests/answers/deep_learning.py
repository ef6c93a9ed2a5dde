from tests.answers import WrongAnswer

WRONG = {
    "q1-answer": WrongAnswer(
        code=('def forward(X, W1, b1, W2, b2):\n'
              '    hidden = np.maximum(0, X @ W1 + b1)\n'
              '    return hidden @ W2 + b2\n'),
        message="pass the output layer's scores through `sigmoid`",
    ),
    "q2-answer": WrongAnswer(
        code=('def gradients(X, y, W1, b1, W2, b2):\n'
              '    z1 = X @ W1 + b1\n'
              '    hidden = np.maximum(0, z1)\n'
              '    d_out = sigmoid(hidden @ W2 + b2) - y\n'
              '    d_hidden = np.outer(d_out, W2) * (z1 > 0)\n'
              '    return {"W1": X.T @ d_hidden, "b1": d_hidden.sum(axis=0), "W2": hidden.T @ d_out,\n'
              '            "b2": float(d_out.sum())}\n'),
        message="the loss is the *mean* over the rows",
    ),
    "q3-answer": WrongAnswer(
        code=('class TumourNet(nn.Module):\n'
              '    def __init__(self, n_features, n_hidden, n_classes, dropout):\n'
              '        super().__init__()\n'
              '        self.hidden = nn.Linear(n_features, n_hidden)\n'
              '        self.dropout = nn.Dropout(dropout)\n'
              '        self.output = nn.Linear(n_hidden, n_classes)\n'
              '\n'
              '    def forward(self, x):\n'
              '        scores = self.output(self.dropout(torch.relu(self.hidden(x))))\n'
              '        return torch.softmax(scores, dim=1)\n'
              '\n'
              '\n'
              'def build_network(n_features, n_hidden, n_classes, dropout):\n'
              '    return TumourNet(n_features, n_hidden, n_classes, dropout)\n'),
        message="nn.CrossEntropyLoss applies the softmax itself",
    ),
    "q4-answer": WrongAnswer(
        code=('def train_one_epoch(model, loader, loss_fn, optimizer):\n'
              '    model.train()\n'
              '    total, count = 0.0, 0\n'
              '    for inputs, targets in loader:\n'
              '        loss = loss_fn(model(inputs), targets)\n'
              '        loss.backward()\n'
              '        optimizer.step()\n'
              '        total += loss.item() * len(targets)\n'
              '        count += len(targets)\n'
              '    return total / count\n'),
        message="the gradients accumulate from one batch to the next",
    ),
    "q5-answer": WrongAnswer(
        code=('def evaluate(model, loader, loss_fn):\n'
              '    total, correct, count = 0.0, 0, 0\n'
              '    with torch.no_grad():\n'
              '        for inputs, targets in loader:\n'
              '            scores = model(inputs)\n'
              '            total += loss_fn(scores, targets).item() * len(targets)\n'
              '            correct += (scores.argmax(dim=1) == targets).sum().item()\n'
              '            count += len(targets)\n'
              '    return total / count, correct / count\n'),
        message="call `model.eval()` before evaluating",
    ),
    "q6-answer": WrongAnswer(
        code=('def train_with_early_stopping(model, train_epoch, validation_loss, max_epochs, patience):\n'
              '    best_loss, best_epoch, best_state, waited = float("inf"), 0, None, 0\n'
              '    for epoch in range(1, max_epochs + 1):\n'
              '        train_epoch()\n'
              '        loss = validation_loss()\n'
              '        if loss < best_loss:\n'
              '            best_loss, best_epoch, waited = loss, epoch, 0\n'
              '            best_state = model.state_dict()\n'
              '        else:\n'
              '            waited += 1\n'
              '            if waited >= patience:\n'
              '                break\n'
              '    model.load_state_dict(best_state)\n'
              '    return best_epoch\n'),
        message="save `copy.deepcopy(model.state_dict())`",
    ),
}

# Counts a tie with the best validation loss as an improvement (`<=` instead of `<`): the visible
# check's validation curve has no tie, but a hidden one does, and there the run keeps a later epoch
# and trains one epoch longer.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q6-answer",
    'def train_with_early_stopping(model, train_epoch, validation_loss, max_epochs, patience):\n'
    '    best_loss, best_epoch, best_state, waited = float("inf"), 0, None, 0\n'
    '    for epoch in range(1, max_epochs + 1):\n'
    '        train_epoch()\n'
    '        loss = validation_loss()\n'
    '        if loss <= best_loss:\n'
    '            best_loss, best_epoch, waited = loss, epoch, 0\n'
    '            best_state = copy.deepcopy(model.state_dict())\n'
    '        else:\n'
    '            waited += 1\n'
    '            if waited >= patience:\n'
    '                break\n'
    '    model.load_state_dict(best_state)\n'
    '    return best_epoch\n',
)

# Valid answers in another form: another float dtype, another library call, another order of the same work.
ALTERNATIVES = {
    # scipy's sigmoid, np.where for the ReLU, float32 probabilities.
    "q1-answer": ('from scipy.special import expit\n\n\n'
                  'def forward(X, W1, b1, W2, b2):\n'
                  '    z1 = np.dot(X, W1) + b1\n'
                  '    hidden = np.where(z1 > 0, z1, 0.0)\n'
                  '    return expit(np.dot(hidden, W2) + b2).astype(np.float32)\n'),
    "q2-answer": ('def gradients(X, y, W1, b1, W2, b2):\n'
                  '    n = X.shape[0]\n'
                  '    z1 = X @ W1 + b1\n'
                  '    hidden = z1 * (z1 > 0)\n'
                  '    d_scores = (1 / (1 + np.exp(-(hidden @ W2 + b2))) - y) / n\n'
                  '    d_hidden = d_scores[:, None] * W2[None, :]\n'
                  '    d_hidden[z1 <= 0] = 0.0\n'
                  '    return {"b2": np.sum(d_scores), "W2": np.einsum("ij,i->j", hidden, d_scores),\n'
                  '            "b1": np.sum(d_hidden, axis=0), "W1": np.einsum("ij,ik->jk", X, d_hidden)}\n'),
    # One nn.Sequential inside the module, the output layer created first, nn.ReLU as a module.
    "q3-answer": ('class TumourNet(nn.Module):\n'
                  '    def __init__(self, n_features, n_hidden, n_classes, dropout):\n'
                  '        super().__init__()\n'
                  '        output = nn.Linear(n_hidden, n_classes)\n'
                  '        self.layers = nn.Sequential(nn.Linear(n_features, n_hidden), nn.ReLU(),\n'
                  '                                    nn.Dropout(p=dropout), output)\n'
                  '\n'
                  '    def forward(self, x):\n'
                  '        return self.layers(x)\n'
                  '\n'
                  '\n'
                  'def build_network(n_features, n_hidden, n_classes, dropout):\n'
                  '    return TumourNet(n_features, n_hidden, n_classes, dropout)\n'),
    "q4-answer": ('def train_one_epoch(model, loader, loss_fn, optimizer):\n'
                  '    model.train()\n'
                  '    losses, sizes = [], []\n'
                  '    for batch in loader:\n'
                  '        inputs, targets = batch\n'
                  '        optimizer.zero_grad(set_to_none=True)\n'
                  '        loss = loss_fn(model(inputs), targets)\n'
                  '        loss.backward()\n'
                  '        optimizer.step()\n'
                  '        losses.append(loss.detach())\n'
                  '        sizes.append(targets.shape[0])\n'
                  '    weights = torch.tensor(sizes, dtype=torch.float32)\n'
                  '    return float((torch.stack(losses) * weights).sum() / weights.sum())\n'),
    # torch.inference_mode instead of no_grad, the loss of all the scores at once, NumPy floats.
    "q5-answer": ('def evaluate(model, loader, loss_fn):\n'
                  '    model.eval()\n'
                  '    all_scores, all_targets = [], []\n'
                  '    with torch.inference_mode():\n'
                  '        for inputs, targets in loader:\n'
                  '            all_scores.append(model(inputs))\n'
                  '            all_targets.append(targets)\n'
                  '        scores, targets = torch.cat(all_scores), torch.cat(all_targets)\n'
                  '        loss = loss_fn(scores, targets).item()\n'
                  '        predicted = torch.argmax(scores, dim=1)\n'
                  '    return np.float64(loss), np.mean((predicted == targets).numpy())\n'),
    "q6-answer": ('def train_with_early_stopping(model, train_epoch, validation_loss, max_epochs, '
                  'patience):\n'
                  '    best_loss, best_epoch = None, None\n'
                  '    best_state = {key: value.clone() for key, value in model.state_dict().items()}\n'
                  '    epoch = 0\n'
                  '    while epoch < max_epochs:\n'
                  '        epoch += 1\n'
                  '        train_epoch()\n'
                  '        loss = validation_loss()\n'
                  '        if best_loss is None or loss < best_loss:\n'
                  '            best_loss, best_epoch = loss, epoch\n'
                  '            best_state = {key: value.clone() for key, value in '
                  'model.state_dict().items()}\n'
                  '        elif epoch - best_epoch >= patience:\n'
                  '            break\n'
                  '    model.load_state_dict(best_state)\n'
                  '    return best_epoch\n'),
}

# Right on the check's first input only.
VISIBLE_ONLY = {
    # e^z / (1 + e^z): the same as the sigmoid until e^z overflows, for a score above about 709.
    "q1-answer": WrongAnswer(
        code=('def forward(X, W1, b1, W2, b2):\n'
              '    scores = np.maximum(0, X @ W1 + b1) @ W2 + b2\n'
              '    return np.exp(scores) / (1 + np.exp(scores))\n'),
        message="overflows",
    ),
    # Divides by 6, the number of rows of the check's first input.
    "q2-answer": WrongAnswer(
        code=('def gradients(X, y, W1, b1, W2, b2):\n'
              '    z1 = X @ W1 + b1\n'
              '    hidden = np.maximum(0, z1)\n'
              '    d_out = (sigmoid(hidden @ W2 + b2) - y) / 6\n'
              '    d_hidden = np.outer(d_out, W2) * (z1 > 0)\n'
              '    return {"W1": X.T @ d_hidden, "b1": d_hidden.sum(axis=0), "W2": hidden.T @ d_out,\n'
              '            "b2": float(d_out.sum())}\n'),
        message="divide by n = len(y)",
    ),
    # Three output scores whatever n_classes (the check's first network has three classes).
    "q3-answer": WrongAnswer(
        code=('class TumourNet(nn.Module):\n'
              '    def __init__(self, n_features, n_hidden, n_classes, dropout):\n'
              '        super().__init__()\n'
              '        self.hidden = nn.Linear(n_features, n_hidden)\n'
              '        self.dropout = nn.Dropout(dropout)\n'
              '        self.output = nn.Linear(n_hidden, 3)\n'
              '\n'
              '    def forward(self, x):\n'
              '        return self.output(self.dropout(torch.relu(self.hidden(x))))\n'
              '\n'
              '\n'
              'def build_network(n_features, n_hidden, n_classes, dropout):\n'
              '    return TumourNet(n_features, n_hidden, n_classes, dropout)\n'),
        message="use n_classes",
    ),
    # Computes the cross-entropy itself instead of the loss_fn it is given.
    "q4-answer": WrongAnswer(
        code=('def train_one_epoch(model, loader, loss_fn, optimizer):\n'
              '    model.train()\n'
              '    total, count = 0.0, 0\n'
              '    for inputs, targets in loader:\n'
              '        optimizer.zero_grad()\n'
              '        loss = nn.functional.cross_entropy(model(inputs), targets)\n'
              '        loss.backward()\n'
              '        optimizer.step()\n'
              '        total += loss.item() * len(targets)\n'
              '        count += len(targets)\n'
              '    return total / count\n'),
        message="not the `loss_fn` it was given",
    ),
    # Compares the first two columns only: right with two classes.
    "q5-answer": WrongAnswer(
        code=('def evaluate(model, loader, loss_fn):\n'
              '    model.eval()\n'
              '    total, correct, count = 0.0, 0, 0\n'
              '    with torch.no_grad():\n'
              '        for inputs, targets in loader:\n'
              '            scores = model(inputs)\n'
              '            total += loss_fn(scores, targets).item() * len(targets)\n'
              '            predicted = (scores[:, 1] > scores[:, 0]).long()\n'
              '            correct += (predicted == targets).sum().item()\n'
              '            count += len(targets)\n'
              '    return total / count, correct / count\n'),
        message="the first two columns",
    ),
    # Waits 3 epochs whatever the patience (the check's first run has patience 3).
    "q6-answer": WrongAnswer(
        code=('def train_with_early_stopping(model, train_epoch, validation_loss, max_epochs, patience):\n'
              '    best_loss, best_epoch, best_state, waited = float("inf"), 0, None, 0\n'
              '    for epoch in range(1, max_epochs + 1):\n'
              '        train_epoch()\n'
              '        loss = validation_loss()\n'
              '        if loss < best_loss:\n'
              '            best_loss, best_epoch, waited = loss, epoch, 0\n'
              '            best_state = copy.deepcopy(model.state_dict())\n'
              '        else:\n'
              '            waited += 1\n'
              '            if waited >= 3:\n'
              '                break\n'
              '    model.load_state_dict(best_state)\n'
              '    return best_epoch\n'),
        message="but patience is",
    ),
}
