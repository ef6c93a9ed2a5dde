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
        message="The Linear layer's in_features must equal what Flatten gives",
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
