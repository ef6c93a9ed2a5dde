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
    "Divide by the largest grey level, 16 (not by the batch's own maximum), make a float32 tensor, and "
    "reshape it with -1 for the number of images, so that any number of rows works.",
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
    expected = rows.reshape(3, 1, 8, 8) / MAX_GREY
    expect(not np.allclose(images.numpy(), expected * MAX_GREY / 255, atol=1e-6),
           f"the largest value is {largest:.3f}, the grey levels divided by 255: the digits' grey levels go "
           "from 0 to 16, so divide by 16, not by 255 as for 8-bit photos.")
    expect(largest > 0.5, f"the largest value is {largest:.3f}, but the rows hold the grey level 16, which "
           "should become 1.0: divide by 16.")
    expected = rows.reshape(3, 1, 8, 8) / MAX_GREY
    expect(not np.allclose(images.numpy(), expected.transpose(0, 1, 3, 2)) or np.allclose(expected, 0),
           "your images are transposed (rows and columns swapped): each row of 64 pixels holds the "
           "image's first row, then its second row, ...; a plain reshape keeps that order.")
    expect(np.allclose(images.numpy(), expected, atol=1e-6),
           "the pixels are not where they should be, or not scaled by 16: image i should be row i reshaped "
           "to 8x8, divided by 16.")
    # A second, differently shaped input: one row only, of integer grey levels.
    one_row = (np.arange(64).reshape(1, 64) % (MAX_GREY + 1))
    single = call(images_from_rows, one_row,
                  advice="This call converts 1 row: reshape for any number of rows (`-1`, or `len(rows)`).")
    _expect_tensor(single, "images_from_rows(one_row)")
    expect(tuple(single.shape) == (1, 1, 8, 8) and single.dtype == torch.float32,
           "1 row of integer grey levels should give a float32 tensor of shape (1, 1, 8, 8), got "
           f"{single.dtype} of shape {tuple(single.shape)}: reshape for any number of rows.")
    expect(np.allclose(single.numpy(), one_row.reshape(1, 1, 8, 8) / MAX_GREY, atol=1e-6),
           "1 row of integer grey levels (0 to 16) should give that row reshaped to 8x8 and divided by 16.")


@exercise("a 2-D convolution by hand", ML_ALGORITHMS, hints=[
    "Slide the kernel over every position where it fits entirely inside the image. At each position "
    "multiply the pixels under the kernel by the kernel's weights and add everything up.",
    "The output has `image.shape[0] - kh + 1` rows and `image.shape[1] - kw + 1` columns, and holds floats. "
    "Each output value is the sum of a window of the image times the kernel, the window whose top-left "
    "corner is (i, j). Do not flip the kernel: PyTorch does not.",
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
    whole = call(conv2d_valid, image[:2, :3].copy(), kernel)
    expect(isinstance(whole, np.ndarray) and whole.shape == (1, 1),
           "a kernel as large as the image fits in one position only, so the output is 1x1.")
    # A second, differently shaped input: a 5x3 image of integers and a 2x2 kernel of fractions.
    whole_numbers = np.array([[1, 0, 2], [3, 1, 0], [0, 2, 1], [1, 1, 1], [2, 0, 3]])
    halves = np.array([[0.5, -0.25], [0.0, 0.75]])
    out = call(conv2d_valid, whole_numbers, halves)
    expect(isinstance(out, np.ndarray) and out.shape == (4, 2),
           f"a 2x2 kernel on a 5x3 image should give a 4x2 array, got {shown(out)}.")
    right = _cross_correlation(whole_numbers.astype(float), halves)
    expect(out.dtype.kind == "f",
           f"for an integer image and a kernel of fractions your output has dtype {out.dtype}, which cuts "
           f"the fractions off ({out.tolist()} instead of {right.tolist()}): the output holds floats, "
           "whatever the image's dtype (`np.zeros(shape)` makes floats).")
    expect(np.allclose(out, right), f"for a 5x3 integer image and a 2x2 kernel the output should be "
           f"{right.tolist()}, got {np.round(out, 4).tolist()}.")


@exercise("the output size of a convolution or pooling layer", ML_ALGORITHMS, hints=[
    "Padding adds `padding` pixels on *each* side; then count the positions where the window fits, "
    "moving `stride` pixels at a time. A window that would stick out at the end is dropped.",
    "Count the padded size (padding on both sides), subtract the window, divide by the stride rounding "
    "down (`//`), and add the first position.",
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
    # Other inputs: a division that falls on an odd half, and the default padding and stride.
    half = call(conv_output_size, 6, 3, 0, 2)
    expect(not (half == round(1.5) + 1 and half != 2),
           "conv_output_size(6, 3, 0, 2) gave 3: your formula rounds to the nearest whole number "
           "((6 - 3) / 2 = 1.5 became 2), but a window that would stick out is dropped, so round down "
           "with `//`: 1 + 1 = 2.")
    expect(half == 2, f"conv_output_size(6, 3, 0, 2) should be 2 (positions 0 and 2), you returned {half!r}.")
    default = call(conv_output_size, 8, 3)
    expect(default == 6, f"conv_output_size(8, 3), with the default padding 0 and stride 1, should be 6; "
           f"you returned {default!r}.")


#: Layers that make a convolution non-linear, and pooling layers, as a learner may choose them.
_ACTIVATIONS = ("ReLU", "LeakyReLU", "ELU", "GELU", "SiLU", "Tanh", "Sigmoid", "PReLU", "ReLU6", "Mish")
_POOLINGS = ("MaxPool2d", "AvgPool2d")
#: The size limit of the network the text states.
MAX_PARAMETERS = 20_000


@exercise("a small convolutional network of your own", ML_ALGORITHMS, hints=[
    "Two blocks of convolution, ReLU and max pooling are plenty for 8x8 images, then `nn.Flatten()` and a "
    "Linear layer to the 10 classes, all in one `nn.Sequential`. Padding 1 keeps the size through a 3x3 "
    "convolution; each 2x2 pooling halves it.",
    "Follow the height and width through your layers with exercise 3; the Linear layer's in_features is "
    "the last convolution's out_channels times the height times the width that are left.",
])
def q4(build_cnn):
    torch = _torch()
    from torch import nn

    model = call(build_cnn)
    expect(isinstance(model, nn.Module), f"build_cnn() should return a PyTorch model (an nn.Module), "
           f"got {type(model).__name__}.")
    expect(isinstance(model, nn.Sequential), "return the layers in one `nn.Sequential(...)`, as the exercise "
           f"asks, not a {type(model).__name__}.")
    kinds = [type(layer).__name__ for layer in model.modules()][1:]
    convolutions = [layer for layer in model.modules() if isinstance(layer, nn.Conv2d)]
    expect(convolutions, f"your network has no `nn.Conv2d` layer, so it is not a convolutional network; its "
           f"layers are {kinds}.")
    expect(convolutions[0].in_channels == 1, "the digits have 1 channel (grey): the first Conv2d takes "
           f"in_channels=1, yours takes {convolutions[0].in_channels}.")
    after_convolution = kinds[kinds.index("Conv2d"):]
    expect(any(kind in _ACTIVATIONS for kind in after_convolution),
           f"no non-linearity (such as `nn.ReLU()`) follows your convolution; your layers are {kinds}. "
           f"Without one, stacked layers collapse into one linear map.")
    expect(any(kind in _POOLINGS for kind in kinds),
           f"your network has no pooling layer (`nn.MaxPool2d`); its layers are {kinds}.")
    last = list(model.children())[-1] if len(model) else None
    expect(isinstance(last, nn.Linear) and last.out_features == 10,
           f"the last layer should be an `nn.Linear` with 10 outputs, one per class; yours is {last!r:.60}.")
    count = sum(p.numel() for p in model.parameters())
    expect(count <= MAX_PARAMETERS, f"your network has {count:,} parameters, but the exercise asks for at "
           f"most {MAX_PARAMETERS:,} parameters: use fewer channels, or pool before the Linear layers.")
    torch.manual_seed(0)
    batch = torch.rand(5, 1, 8, 8)
    output = call(model, batch, advice="If the error says that mat1 and mat2 shapes cannot be multiplied: "
                  "the Linear layer's in_features must equal what Flatten gives, channels x height x width "
                  "after the last pooling, not the 8x8 input size.")
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
    # A second input: a single image, in evaluation mode.
    model.eval()
    with torch.no_grad():
        one = call(model, torch.rand(1, 1, 8, 8))
    expect(isinstance(one, torch.Tensor) and tuple(one.shape) == (1, 10),
           f"for a batch of 1 image the output should have shape (1, 10); got "
           f"{tuple(getattr(one, 'shape', ()))}.")


@exercise("augmentation: shift the images", ML_ALGORITHMS, hints=[
    "Start from a tensor of zeros shaped like the images, then copy the part of each image that stays "
    "inside the frame into its new place with slices. The last axis is columns (dx), the one before is "
    "rows (dy).",
    "For dx = 1 the target is every column but the first, the source every column but the last. Write the "
    "slices for any sign of dx and dy, and beware `:-0`, which is an empty slice. `torch.roll` wraps the "
    "pixels around: no good here.",
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
    up = _where(call(shift_images, images, 0, -1,
                     advice="This call moves the pixels up (dy = -1): the slices of a negative shift start "
                            "and end on the other side.")[0])
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
    # A second, differently shaped input: three float64 images.
    three = torch.zeros(3, 1, 8, 8, dtype=torch.float64)
    three[:, 0, 0, 0] = torch.tensor([1.0, 0.5, 0.25])
    down_right = call(shift_images, three, 2, 3)
    _expect_tensor(down_right, "shift_images(three float64 images, 2, 3)")
    expect(down_right.dtype == torch.float64 and tuple(down_right.shape) == (3, 1, 8, 8),
           "for three float64 images the result should keep their dtype and shape, float64 and (3, 1, 8, 8); "
           f"got {down_right.dtype} and {tuple(down_right.shape)}.")
    expect([_where(image) for image in down_right] == [[(3, 2)]] * 3,
           "with dx = 2 and dy = 3 the top-left pixel of each of three images should land at (3, 2); yours "
           f"are at {[_where(image) for image in down_right]}.")


@exercise("the most confused pair of classes", STATISTICS, hints=[
    "In a confusion matrix the rows are the true classes and the columns the predicted ones. The diagonal "
    "counts the correct predictions: leave it out, then find the largest remaining count.",
    "Work on a copy whose diagonal can never win (`np.fill_diagonal` with -1); `np.argmax` gives a flat "
    "index, which `np.unravel_index` turns back into (row, column) = (true, predicted).",
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
    # A second, differently shaped input: four classes, the largest mistake above the diagonal.
    four = np.array([[30, 0, 2, 0], [1, 25, 0, 6], [0, 3, 28, 0], [4, 0, 0, 33]])
    pair = call(most_confused_pair, four, advice="This matrix has 4 classes: do not assume 3.")
    pair = tuple(int(part) for part in expect_pair(pair, "most_confused_pair(four)", "(true, predicted)"))
    expect(pair == (1, 3), "in a matrix of 4 classes whose largest count off the diagonal, 6, is at row 1 "
           f"and column 3, return (1, 3); you returned {pair}.")
