"""An answer that changes every argument it is given, generated from any exercise's reference solution.

A learner's function that changes its input in place (``dropna(inplace=True)``, ``values.sort()``,
``del rows[0]``) is the usual way one exercise breaks another: a notebook's data is shared by every
later cell. :func:`mutating_answer` turns a reference answer into exactly that mistake. The function
still returns the right result (computed on copies), then changes each data argument it was given.
The grading tests prove two things with it, for every exercise: the exercise's visible check tells
the learner, and no other exercise loses a point.
"""

from __future__ import annotations

import re

__all__ = ["MUTATED", "function_name", "mutating_answer"]

#: What the changed function prints each time it has changed an argument, so a test can tell an
#: exercise whose check handed it data from one whose function takes none.
MUTATED = "[mutated its arguments in place]"

_WRAPPER = '''

def _mutate_in_place(value):
    """Drop every other row or item, or roll the values: what careless in-place code does."""
    import sys

    import numpy as np
    import pandas as pd

    torch = sys.modules.get("torch")
    if isinstance(value, (pd.DataFrame, pd.Series)) and len(value):
        value.drop(index=value.index[::2], inplace=True)
    elif isinstance(value, np.ndarray) and value.ndim and value.size > 1 and value.flags.writeable:
        value[...] = np.roll(value, 1, axis=0)
    elif isinstance(value, list) and value:
        del value[::2]
    elif isinstance(value, dict) and value:
        value.pop(next(iter(value)))
    elif isinstance(value, set) and value:
        value.pop()
    elif torch is not None and isinstance(value, torch.Tensor) and value.dim() and value.numel() > 1:
        with torch.no_grad():
            value.copy_(value.roll(1, 0))
    else:
        return False
    return True


def _changing(function):
    import copy
    import functools
    import sys

    import numpy as np
    import pandas as pd

    torch = sys.modules.get("torch")
    data = (pd.DataFrame, pd.Series, np.ndarray, list, dict, set) + ((torch.Tensor,) if torch else ())

    def fresh(value):
        return copy.deepcopy(value) if isinstance(value, data) else value

    @functools.wraps(function)
    def changing(*args, **kwargs):
        result = function(*map(fresh, args), **{key: fresh(value) for key, value in kwargs.items()})
        if [_mutate_in_place(value) for value in (*args, *kwargs.values())].count(True):
            print("MARKER")
        return result

    return changing

'''


def function_name(code: str) -> str:
    """The function an answer cell defines last: the one its exercise checks."""
    names = re.findall(r"^def (\w+)\(", code, flags=re.MULTILINE)
    if not names:
        raise ValueError(f"the answer defines no function:\n{code}")
    return names[-1]


def mutating_answer(code: str) -> str:
    """``code`` (an answer cell) with its function changed to alter its arguments after answering."""
    name = function_name(code)
    wrapper = _WRAPPER.replace("MARKER", MUTATED).lstrip()
    return f"{wrapper}\n{code.rstrip()}\n\n\n{name} = _changing({name})\n"
