"""Checks and hints for the assignment "Computer vision" (source/computer_vision).

Each check runs the learner's function on tiny hand-made inputs whose answer can be worked out by
hand (a ramp of grey levels, one bright pixel, a kernel that is not symmetric, a 3x3 confusion
matrix), and names the usual mistake: a missing channel axis, a flipped kernel, an output one
pixel too small, a shift that wraps around, the diagonal of a confusion matrix. The values on the
real digits are checked only by the hidden tests. PyTorch is imported inside the checks, so the
instructor's tools that import every check module do not pay for it.
"""

import numpy as np

from mlcourse.exercise import (
    DATA_HANDLING,
    ML_ALGORITHMS,
    STATISTICS,
    Mistake,
    call,
    exercise,
    expect,
    expect_array,
    expect_pair,
    expect_type,
    expect_unchanged,
    is_integer,
    shown,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6"]

#: The largest grey level of scikit-learn's digits (pixels go from 0 to 16).
MAX_GREY = 16


def _torch():
    import torch

    return torch


def _expect_tensor(value, what: str):
    torch = _torch()
    expect(isinstance(value, torch.Tensor),
           f"{what} should be a PyTorch tensor, but it is {type(value).__name__}: convert with "
           "`torch.tensor(array, dtype=torch.float32)` (or `torch.from_numpy(array).float()`).")
    return value


def _cross_correlation(image, kernel):
    """What torch's Conv2d computes (no flip), valid padding, stride 1."""
    kh, kw = kernel.shape
    rows, columns = image.shape[0] - kh + 1, image.shape[1] - kw + 1
    return np.array([[np.sum(image[i:i + kh, j:j + kw] * kernel) for j in range(columns)]
                     for i in range(rows)])


def _one_pixel(row, column):
    """A batch of two black 8x8 images: the first with one white pixel at (row, column), the second
    with a grey pixel at (5, 2), to see that the whole batch is shifted."""
    torch = _torch()
    images = torch.zeros(2, 1, 8, 8)
    images[0, 0, row, column] = 1.0
    images[1, 0, 5, 2] = 0.5
    return images


def _where(image):
    """(row, column) of every non-zero pixel of one (1, 8, 8) image."""
    return [tuple(int(i) for i in pair) for pair in np.argwhere(image[0].numpy() != 0)]


@exercise("rows of pixels to image tensors", DATA_HANDLING, hints=[
    "Each row holds the 64 pixels of one 8x8 image, row after row. PyTorch wants images as "
    "(number of images, channels, height, width), and the digits have one channel (grey).",
    "`torch.tensor(rows / 16, dtype=torch.float32).reshape(-1, 1, 8, 8)`: divide by the largest grey "
    "level, 16, not by the batch's own maximum.",
])
def q1(images_from_rows):
    torch = _torch()
    rows = (np.arange(3 * 64).reshape(3, 64) % (MAX_GREY + 1)).astype(float)
    original = rows.copy()
    images = call(images_from_rows, rows)
    expect_unchanged(original, rows, "rows", advice="divide into a new array (`rows / 16`), not in place "
                     "(`rows /= 16`)")
    _expect_tensor(images, "images_from_rows(rows)")
    shape = tuple(images.shape)
    expect(shape != (3, 8, 8), "your tensor has no channel axis: shape (3, 8, 8) for 3 images. Conv2d wants "
           "(N, C, H, W): reshape to (-1, 1, 8, 8), one grey channel.")
    expect(shape != (3, 8, 8, 1), "PyTorch puts the channels first, (N, C, H, W), not last as images "
           "often are elsewhere: reshape to (-1, 1, 8, 8).")
    expect(shape == (3, 1, 8, 8), f"3 rows should give a tensor of shape (3, 1, 8, 8), got {shape}.")
    expect(images.dtype == torch.float32, f"the tensor should hold float32 values, as the weights of "
           f"PyTorch's layers do, but its dtype is {images.dtype}: pass `dtype=torch.float32`.")
    largest = float(images.max())
    expect(largest <= 1.0 + 1e-6, f"the largest value is {shown(largest)}: scale the grey levels (0 to 16) "
           "to [0, 1] by dividing by 16.")
    expect(largest > 0.5, f"the largest value is {largest:.3f}: the digits' grey levels go from 0 to 16, so "
           "divide by 16, not by 255 as for 8-bit photos.")
    expected = rows.reshape(3, 1, 8, 8) / MAX_GREY
    expect(not np.allclose(images.numpy(), expected.transpose(0, 1, 3, 2)) or np.allclose(expected, 0),
           "your images are transposed (rows and columns swapped): each row of 64 pixels holds the "
           "image's first row, then its second row, ...; a plain reshape keeps that order.")
    expect(np.allclose(images.numpy(), expected, atol=1e-6),
           "the pixels are not where they should be, or not scaled by 16: image i should be row i reshaped "
           "to 8x8, divided by 16.")


@exercise("a 2-D convolution by hand", ML_ALGORITHMS, hints=[
    "Slide the kernel over every position where it fits entirely inside the image. At each position "
    "multiply the pixels under the kernel by the kernel's weights and add everything up.",
    "The output has `image.shape[0] - kh + 1` rows and `image.shape[1] - kw + 1` columns; "
    "`out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)`. Do not flip the kernel: PyTorch does not.",
])
def q2(conv2d_valid):
    image = np.arange(20, dtype=float).reshape(4, 5) ** 1.5
    kernel = np.array([[1.0, 0.0, -2.0], [0.5, 3.0, 0.0]])
    original_image, original_kernel = image.copy(), kernel.copy()
    out = call(conv2d_valid, image, kernel)
    expect_unchanged(original_image, image, "image")
    expect_unchanged(original_kernel, kernel, "kernel")
    expect_type(out, np.ndarray, "conv2d_valid(image, kernel)")
    expect(out.shape != (2, 2), "your output is one row and one column too small: a 2x3 kernel fits at "
           "4 - 2 + 1 = 3 rows and 5 - 3 + 1 = 3 columns of a 4x5 image (range(rows - kh + 1)).")
    expect(out.shape != image.shape, "with valid padding nothing is added around the image, so the output "
           "is smaller than the image: (rows - kh + 1, columns - kw + 1).")
    expect(out.shape == (3, 3), f"a 2x3 kernel on a 4x5 image should give a 3x3 output, got {out.shape}: "
           "kh is kernel.shape[0] (rows), kw is kernel.shape[1] (columns).")
    expect_array(out, "conv2d_valid(image, kernel)", kind="f")
    right = _cross_correlation(image, kernel)
    flipped = _cross_correlation(image, kernel[::-1, ::-1])
    expect(not np.allclose(out, flipped), "you flipped the kernel: that is the convolution of signal "
           "processing (scipy.signal.convolve2d). Neural networks, torch's Conv2d and this exercise slide "
           "the kernel as it is (cross-correlation): out[i, j] = sum(image[i:i+kh, j:j+kw] * kernel).")
    expect(np.allclose(out, right), "out[i, j] should be the sum of image[i:i+kh, j:j+kw] * kernel, the "
           "window whose top-left corner is (i, j); yours differs.")
    whole = call(conv2d_valid, image[:2, :3], kernel)
    expect(isinstance(whole, np.ndarray) and whole.shape == (1, 1),
           "a kernel as large as the image fits in one position only, so the output is 1x1.")


@exercise("the output size of a convolution or pooling layer", ML_ALGORITHMS, hints=[
    "Padding adds `padding` pixels on *each* side; then count the positions where the window fits, "
    "moving `stride` pixels at a time. A window that would stick out at the end is dropped.",
    "`(size + 2 * padding - kernel_size) // stride + 1`: integer division rounds down.",
])
def q3(conv_output_size):
    size = call(conv_output_size, 8, 3, 0, 1)
    expect(not isinstance(size, (float, np.floating)), f"conv_output_size(8, 3, 0, 1) returned the float "
           f"{shown(size)}: a size counts pixels, so use integer division `//`, which rounds down.")
    expect(is_integer(size), f"conv_output_size(8, 3, 0, 1) should be an integer, got {shown(size)}.")
    expect(size != 5, "a 3-pixel window fits at 6 positions of an 8-pixel row (0 to 5): you forgot the + 1.")
    expect(size == 6, f"a 3-pixel window fits at 6 positions of an 8-pixel row, you returned {size}.")
    padded = call(conv_output_size, 8, 3, 1, 1)
    expect(padded != 7, "padding=1 adds one pixel on each side, 2 in all: use 2 * padding.")
    expect(padded == 8, f"padding=1 with a 3x3 kernel keeps the size (8 -> 8), you returned {padded!r}.")
    pooled = call(conv_output_size, 8, 2, 0, 2)
    expect(pooled == 4, f"a 2x2 max pooling with stride 2 halves 8 pixels to 4, you returned {pooled!r}: "
           "divide by the stride.")
    odd = call(conv_output_size, 7, 2, 0, 2)
    expect(odd != 4, "on 7 pixels a 2-pixel window with stride 2 fits at 0, 2 and 4 only "
           "(6 would stick out): round down (`//`), not up.")
    expect(odd == 3, f"conv_output_size(7, 2, 0, 2) should be 3, you returned {odd!r}.")


@exercise("a small convolutional network", ML_ALGORITHMS, hints=[
    "Two blocks of convolution, ReLU, max pooling, then flatten and one linear layer to the 10 classes, "
    "all in one `nn.Sequential`. Padding 1 keeps the 8x8 size through a 3x3 convolution; each pooling "
    "halves it.",
    "After two poolings 8x8 has become 2x2, with 16 channels: `nn.Flatten()` then "
    "`nn.Linear(16 * 2 * 2, 10)`. The convolutions: `nn.Conv2d(1, 8, kernel_size=3, padding=1)` and "
    "`nn.Conv2d(8, 16, kernel_size=3, padding=1)`.",
])
def q4(build_cnn):
    torch = _torch()
    from torch import nn

    model = call(build_cnn)
    expect(isinstance(model, nn.Module), f"build_cnn() should return a PyTorch model (an nn.Module), "
           f"got {type(model).__name__}.")
    expect(isinstance(model, nn.Sequential), "return the layers in one `nn.Sequential(...)`, as the exercise "
           f"asks, not a {type(model).__name__}.")
    kinds = [type(layer).__name__ for layer in model]
    expect("AvgPool2d" not in kinds, "use max pooling (`nn.MaxPool2d(2)`), not average pooling.")
    expect(kinds.count("ReLU") == 2, f"each convolution should be followed by a ReLU, 2 in all; your layers "
           f"are {kinds}. Without a non-linearity, stacked layers collapse into one linear map.")
    convolutions = [layer for layer in model if isinstance(layer, nn.Conv2d)]
    expect(len(convolutions) == 2, f"the network should have 2 Conv2d layers, yours has {len(convolutions)}.")
    channels = [(layer.in_channels, layer.out_channels) for layer in convolutions]
    expect(channels[0][0] == 1, "the digits have 1 channel (grey): the first Conv2d takes in_channels=1.")
    expect(channels[1][0] == channels[0][1], "the second Conv2d's in_channels must equal the first one's "
           "out_channels (8).")
    expect([layer.kernel_size for layer in convolutions] == [(3, 3), (3, 3)]
           and [layer.padding for layer in convolutions] == [(1, 1), (1, 1)],
           "both convolutions should use 3x3 kernels with padding=1, which keeps each image's size.")
    torch.manual_seed(0)
    batch = torch.rand(5, 1, 8, 8)
    output = call(model, batch, advice="The Linear layer's in_features must equal what Flatten gives: "
                  "channels x height x width after the second pooling (16 x 2 x 2), not the 8x8 input size.")
    expect(isinstance(output, torch.Tensor) and tuple(output.shape) == (5, 10),
           f"for a batch of 5 images the output should have shape (5, 10), one score per class; "
           f"got {tuple(getattr(output, 'shape', ()))}.")
    probabilities = bool(((output >= 0) & (output <= 1)).all()) and torch.allclose(
        output.sum(dim=1), torch.ones(5), atol=1e-4)
    expect(not probabilities, "your network ends with a softmax: return the raw scores (logits) of the "
           "Linear layer; `nn.functional.cross_entropy` applies the softmax itself.")
    output.sum().backward()
    expect(all(p.grad is not None for p in model.parameters()),
           "some parameters get no gradient: every layer should take part in the forward pass.")


@exercise("augmentation: shift the images", ML_ALGORITHMS, hints=[
    "Start from a tensor of zeros shaped like the images, then copy the part of each image that stays "
    "inside the frame into its new place with slices. The last axis is columns (dx), the one before is "
    "rows (dy).",
    "For dx = 1: `shifted[..., :, 1:] = images[..., :, :-1]`. Write the slices for any sign of dx and dy, "
    "and beware `:-0`, which is an empty slice. `torch.roll` wraps the pixels around: no good here.",
])
def q5(shift_images):
    torch = _torch()
    images = _one_pixel(3, 5)
    original = images.clone()
    shifted = call(shift_images, images, 1, 0)
    expect(torch.equal(images, original), "your function changed the images it was given: start from "
           "`torch.zeros_like(images)` (or `images.clone()`) and return the new tensor.")
    _expect_tensor(shifted, "shift_images(images, 1, 0)")
    expect(tuple(shifted.shape) == tuple(images.shape), f"the shifted images should keep the shape "
           f"{tuple(images.shape)}, got {tuple(shifted.shape)}.")
    expect(shifted.dtype == images.dtype, f"keep the images' dtype ({images.dtype}), got {shifted.dtype}.")
    moved = _where(shifted[0])
    expect(moved != [(4, 5)], "dx moves the pixels along the columns (the last axis) and dy along the rows; "
           "you swapped them.")
    expect(moved != [(3, 4)], "with dx = 1 the pixels move one column to the right, you moved them left.")
    expect(moved == [(3, 6)], f"a white pixel at (row 3, column 5) shifted with dx=1 should land at (3, 6), "
           f"yours is at {moved}.")
    expect(_where(shifted[1]) == [(5, 3)], "every image of the batch should be shifted, not only "
           "the first.")
    up = _where(call(shift_images, images, 0, -1)[0])
    expect(up != [], "shifting by 0 along one axis should leave that axis alone; yours emptied the image. "
           "Beware `images[..., :-0]`, an empty slice.")
    expect(up == [(2, 5)], f"with dy = -1 the pixel at (3, 5) moves up to (2, 5); yours is at {up}.")
    edge = _where(call(shift_images, _one_pixel(3, 7), 1, 0)[0])
    expect(edge != [(3, 0)], "the pixel at the right edge came back on the left: `torch.roll` wraps around. "
           "Pixels pushed out of the frame are lost, and the new column is filled with zeros.")
    expect(edge == [], "a pixel at the right edge shifted right leaves the image (all "
           f"zeros), yours is at {edge}.")
    same = call(shift_images, images, 0, 0)
    expect(torch.equal(same, images), "shifting by (0, 0) should return the same images.")
    two = call(shift_images, images, -2, 1)
    expect(tuple(two.shape) == tuple(images.shape), f"shift_images(images, -2, 1) should keep the shape "
           f"{tuple(images.shape)}, got {tuple(two.shape)}: shifts of more than one pixel must work too.")
    two = _where(two[0])
    expect(two == [(4, 3)], "with dx = -2 and dy = 1 the pixel at (3, 5) lands at (4, 3); "
           f"yours is at {two}.")


@exercise("the most confused pair of classes", STATISTICS, hints=[
    "In a confusion matrix the rows are the true classes and the columns the predicted ones. The diagonal "
    "counts the correct predictions: leave it out, then find the largest remaining count.",
    "Copy the matrix, set its diagonal to -1 (`np.fill_diagonal`), then `np.unravel_index(np.argmax(errors), "
    "errors.shape)` gives (row, column) = (true, predicted). Return them as two ints.",
])
def q6(most_confused_pair):
    matrix = np.array([[50, 1, 0], [2, 45, 3], [7, 0, 48]])
    original = matrix.copy()
    pair = call(most_confused_pair, matrix)
    expect_unchanged(original, matrix, "matrix", advice="fill the diagonal of a copy (`matrix.copy()`)")
    expect_pair(pair, "most_confused_pair(matrix)", "(true, predicted)")
    expect(is_integer(pair[0]) and is_integer(pair[1]), f"return two integers, the class numbers; got "
           f"{shown(pair)}.")
    true, predicted = int(pair[0]), int(pair[1])
    expect(true != predicted, f"you returned ({true}, {predicted}), a cell of the diagonal: "
           "those are the correct predictions. Leave the diagonal out.")
    expect((true, predicted) != (0, 2), "you returned (predicted, true): the rows of a confusion matrix are "
           "the true classes, the columns the predictions, so return (row, column).")
    expect((true, predicted) == (2, 0), "the largest count off the diagonal is 7, at row 2 and column 0: "
           f"return (2, 0); you returned ({true}, {predicted}).")
    ties = np.array([[9, 4, 0], [0, 9, 0], [4, 0, 9]])
    first = call(most_confused_pair, ties)
    first = tuple(int(part) for part in expect_pair(first, "most_confused_pair(ties)", "(true, predicted)"))
    expect(first == (0, 1), "when two pairs tie, return the first in reading order (row by row), as "
           f"np.argmax does: (0, 1) here; you returned {first}.")
