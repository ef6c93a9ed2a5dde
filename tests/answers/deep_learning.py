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
