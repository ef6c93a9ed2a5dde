from tests.answers import WrongAnswer

WRONG = {
    "q1-answer": WrongAnswer(
        code=('def images_from_rows(rows):\n'
              '    return torch.tensor(rows / 16, dtype=torch.float32).reshape(-1, 8, 8)\n'),
        message="your tensor has no channel axis",
    ),
    "q2-answer": WrongAnswer(
        code=('from scipy.signal import convolve2d\n\n\n'
              'def conv2d_valid(image, kernel):\n'
              '    return convolve2d(image, kernel, mode="valid")\n'),
        message="you flipped the kernel",
    ),
    "q3-answer": WrongAnswer(
        code=('def conv_output_size(size, kernel_size, padding=0, stride=1):\n'
              '    return (size + 2 * padding - kernel_size) / stride + 1\n'),
        message="use integer division `//`",
    ),
    "q4-answer": WrongAnswer(
        code=('def build_cnn():\n'
              '    return nn.Sequential(\n'
              '        nn.Conv2d(1, 8, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n'
              '        nn.Conv2d(8, 16, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n'
              '        nn.Flatten(), nn.Linear(16 * 8 * 8, 10))\n'),
        message="the Linear layer's in_features must equal what Flatten gives",
    ),
    "q5-answer": WrongAnswer(
        code=('def shift_images(images, dx, dy):\n'
              '    return torch.roll(images, shifts=(dy, dx), dims=(2, 3))\n'),
        message="`torch.roll` wraps around",
    ),
    "q6-answer": WrongAnswer(
        code=('def most_confused_pair(matrix):\n'
              '    true, predicted = np.unravel_index(np.argmax(matrix), matrix.shape)\n'
              '    return int(true), int(predicted)\n'),
        message="a cell of the diagonal",
    ),
}

# Scales each batch by its own largest grey level instead of 16: the visible check's rows reach 16, so
# it passes, but the hidden tests' faint digits (grey levels halved) come out twice as dark.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q1-answer",
    'def images_from_rows(rows):\n'
    '    return torch.tensor(rows / rows.max(), dtype=torch.float32).reshape(-1, 1, 8, 8)\n',
)

# Valid answers in another form: another conversion, another correct library call, another container.
ALTERNATIVES = {
    "q1-answer": ('def images_from_rows(rows):\n'
                  '    scaled = np.asarray(rows, dtype=np.float64).reshape(len(rows), 1, 8, 8) / 16.0\n'
                  '    return torch.from_numpy(scaled).float()\n'),
    # scipy's cross-correlation: the sliding of torch's Conv2d, without a flip.
    "q2-answer": ('from scipy.signal import correlate2d\n\n\n'
                  'def conv2d_valid(image, kernel):\n'
                  '    return correlate2d(np.asarray(image, dtype=float), kernel, mode="valid")\n'),
    "q3-answer": ('import math\n\n\n'
                  'def conv_output_size(size, kernel_size, padding=0, stride=1):\n'
                  '    return math.floor((size + 2 * padding - kernel_size) / stride) + 1\n'),
    # Another design: one block of 16 channels, named layers, ReLU in place, padding="same".
    "q4-answer": ('from collections import OrderedDict\n\n\n'
                  'def build_cnn():\n'
                  '    return nn.Sequential(OrderedDict([\n'
                  '        ("conv", nn.Conv2d(1, 16, (3, 3), padding="same")), ("relu", '
                  'nn.ReLU(inplace=True)),\n'
                  '        ("pool", nn.MaxPool2d(kernel_size=2, stride=2)),\n'
                  '        ("flatten", nn.Flatten()), ("classifier", nn.Linear(16 * 4 * 4, 10))]))\n'),
    # Pads with zeros on the side the pixels come from, then crops the frame back.
    "q5-answer": ('def shift_images(images, dx, dy):\n'
                  '    height, width = images.shape[-2:]\n'
                  '    padded = nn.functional.pad(images, (max(dx, 0), max(-dx, 0), max(dy, 0), max(-dy, '
                  '0)))\n'
                  '    top, left = max(-dy, 0), max(-dx, 0)\n'
                  '    return padded[..., top:top + height, left:left + width].clone()\n'),
    "q6-answer": ('def most_confused_pair(matrix):\n'
                  '    best, pair = -1, None\n'
                  '    for true, row in enumerate(matrix):\n'
                  '        for predicted, count in enumerate(row):\n'
                  '            if true != predicted and count > best:\n'
                  '                best, pair = count, [true, predicted]\n'
                  '    return pair\n'),
}

# Right on the check's first input only.
VISIBLE_ONLY = {
    # Reshapes to three images, the number of rows of the check's first input.
    "q1-answer": WrongAnswer(
        code=('def images_from_rows(rows):\n'
              '    return torch.tensor(rows / 16, dtype=torch.float32).reshape(3, 1, 8, 8)\n'),
        message="any number of rows",
    ),
    # Keeps the image's dtype: right for a float image, cuts the fractions off for an integer one.
    "q2-answer": WrongAnswer(
        code=('def conv2d_valid(image, kernel):\n'
              '    kh, kw = kernel.shape\n'
              '    out = np.zeros((image.shape[0] - kh + 1, image.shape[1] - kw + 1), dtype=image.dtype)\n'
              '    for i in range(out.shape[0]):\n'
              '        for j in range(out.shape[1]):\n'
              '            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)\n'
              '    return out\n'),
        message="an integer image",
    ),
    # Rounds to the nearest whole number: right when the division falls on one, or on an even half.
    "q3-answer": WrongAnswer(
        code=('def conv_output_size(size, kernel_size, padding=0, stride=1):\n'
              '    return round((size + 2 * padding - kernel_size) / stride) + 1\n'),
        message="rounds to the nearest",
    ),
    # A dense hidden layer of 64 units after one pooling: a working network, but over the size limit.
    "q4-answer": WrongAnswer(
        code=('def build_cnn():\n'
              '    return nn.Sequential(\n'
              '        nn.Conv2d(1, 32, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n'
              '        nn.Flatten(), nn.Linear(32 * 4 * 4, 64), nn.ReLU(), nn.Linear(64, 10))\n'),
        message="at most 20,000 parameters",
    ),
    # Slices written for positive shifts only: the first input moves one pixel right.
    "q5-answer": WrongAnswer(
        code=('def shift_images(images, dx, dy):\n'
              '    shifted = torch.zeros_like(images)\n'
              '    shifted[..., dy:, dx:] = images[..., :8 - dy, :8 - dx]\n'
              '    return shifted\n'),
        message="moves the pixels up",
    ),
    # A 3x3 identity for the diagonal: the first matrix has three classes.
    "q6-answer": WrongAnswer(
        code=('def most_confused_pair(matrix):\n'
              '    errors = matrix * (1 - np.eye(3, dtype=int))\n'
              '    true, predicted = np.unravel_index(np.argmax(errors), errors.shape)\n'
              '    return int(true), int(predicted)\n'),
        message="This matrix has 4 classes",
    ),
}
