"""A small, deterministic grid world for the reinforcement-learning unit.

The world is written with plain Python and NumPy so that every number in it can be checked
by hand: the same action from the same cell always has the same result, so value tables and
learned policies are exact. Its conventions copy gymnasium's FrozenLake, the environment the
unit moves on to: states are numbered row by row, and the actions are 0 = left, 1 = down,
2 = right, 3 = up.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

LEFT, DOWN, RIGHT, UP = 0, 1, 2, 3
ACTION_NAMES = ("left", "down", "right", "up")
ARROWS = ("←", "↓", "→", "↑")
_MOVES = {LEFT: (0, -1), DOWN: (1, 0), RIGHT: (0, 1), UP: (-1, 0)}

DEFAULT_LAYOUT = (
    "S..#.",
    ".#...",
    "..H#.",
    "#..H.",
    "H...G",
)


class GridWorld:
    """A rectangular grid an agent walks on, from a start cell to a goal cell.

    **Layout.** ``layout`` is a sequence of equally long strings, one per row, with one
    character per cell: ``S`` the start (exactly one), ``G`` the goal (at least one), ``H`` a
    hole, ``#`` a wall and ``.`` a free cell. The default is a 5 x 5 grid (``DEFAULT_LAYOUT``).

    **States and actions.** Cells are numbered row by row, ``state = row * n_cols + col``, so the
    default grid has states 0 to 24 (walls are numbered too, but can never be entered). There
    are four actions: 0 = left, 1 = down, 2 = right, 3 = up (the order FrozenLake uses).

    **Dynamics.** :meth:`step` is deterministic: an action moves the agent one cell in its
    direction; a move off the grid or into a wall leaves it where it is.

    **Rewards and the end of an episode.** Arriving at the goal gives ``goal_reward`` (1.0) and
    arriving in a hole gives ``hole_reward`` (-1.0); both end the episode (``done`` is True).
    Every other move, including a bump into a wall, gives ``step_reward`` (-0.01): a small cost
    that makes the agent prefer short paths. The goal and the holes are *terminal* states:
    as in gymnasium's FrozenLake, any action taken from a terminal state (or from a wall cell)
    leaves the agent there with reward 0 and ``done`` True, so their value is 0.

    **Transition table.** ``P[state][action]`` is the tuple ``(next_state, reward, done)`` that
    ``step(state, action)`` returns: the whole model of this Markov decision process, which is
    what value iteration needs.

    **Text rendering.** :meth:`render` draws the layout, :meth:`render_values` a value table
    (one number per cell) and :meth:`render_policy` a policy (one arrow per cell).
    """

    def __init__(self, layout: Sequence[str] = DEFAULT_LAYOUT, *, goal_reward: float = 1.0,
                 hole_reward: float = -1.0, step_reward: float = -0.01):
        rows = [str(row) for row in layout]
        if not rows or len({len(row) for row in rows}) != 1 or not rows[0]:
            raise ValueError("layout must be non-empty rows of equal length")
        unknown = set("".join(rows)) - set("SGH#.")
        if unknown:
            raise ValueError(f"unknown cell characters {sorted(unknown)}: use S, G, H, # and .")
        cells = "".join(rows)
        if cells.count("S") != 1 or "G" not in cells:
            raise ValueError("the layout needs exactly one start 'S' and at least one goal 'G'")
        self.layout = tuple(rows)
        self.n_rows, self.n_cols = len(rows), len(rows[0])
        self.n_states = self.n_rows * self.n_cols
        self.n_actions = 4
        self.start = cells.index("S")
        self.goals = frozenset(s for s, c in enumerate(cells) if c == "G")
        self.holes = frozenset(s for s, c in enumerate(cells) if c == "H")
        self.walls = frozenset(s for s, c in enumerate(cells) if c == "#")
        self.goal_reward, self.hole_reward, self.step_reward = goal_reward, hole_reward, step_reward
        self.P = [[self._transition(s, a) for a in range(self.n_actions)] for s in range(self.n_states)]

    def __repr__(self) -> str:
        return f"GridWorld({self.n_rows}x{self.n_cols}, start={self.start}, goals={sorted(self.goals)})"

    # --- coordinates -------------------------------------------------------------------------
    def position(self, state: int) -> tuple[int, int]:
        """The (row, col) of a state."""
        return divmod(int(state), self.n_cols)

    def state_at(self, row: int, col: int) -> int:
        """The state number of the cell at (row, col)."""
        return row * self.n_cols + col

    def is_terminal(self, state: int) -> bool:
        """True for the goal and the holes: arriving there ends the episode."""
        return state in self.goals or state in self.holes

    # --- dynamics ----------------------------------------------------------------------------
    def _transition(self, state: int, action: int) -> tuple[int, float, bool]:
        if self.is_terminal(state) or state in self.walls:
            return state, 0.0, True
        row, col = self.position(state)
        d_row, d_col = _MOVES[action]
        row2, col2 = row + d_row, col + d_col
        next_state = self.state_at(row2, col2)
        if not (0 <= row2 < self.n_rows and 0 <= col2 < self.n_cols) or next_state in self.walls:
            next_state = state
        if next_state in self.goals:
            return next_state, float(self.goal_reward), True
        if next_state in self.holes:
            return next_state, float(self.hole_reward), True
        return next_state, float(self.step_reward), False

    def step(self, state: int, action: int) -> tuple[int, float, bool]:
        """Take ``action`` in ``state``: return ``(next_state, reward, done)``."""
        if not 0 <= int(state) < self.n_states:
            raise ValueError(f"state must be between 0 and {self.n_states - 1}, got {state}")
        if int(action) not in _MOVES:
            raise ValueError(f"action must be 0 (left), 1 (down), 2 (right) or 3 (up), got {action}")
        return self.P[int(state)][int(action)]

    def run_policy(self, policy: Sequence[int], max_steps: int = 100) -> list[int]:
        """Follow ``policy`` (one action per state) from the start: the list of states visited.

        The walk stops when an episode ends or after ``max_steps`` moves, so a policy that
        goes round in circles still returns.
        """
        state, visited = self.start, [self.start]
        for _ in range(max_steps):
            state, _, done = self.step(state, int(policy[state]))
            visited.append(state)
            if done:
                break
        return visited

    # --- text rendering ----------------------------------------------------------------------
    def _grid(self, cell_text) -> str:
        lines = []
        for row in range(self.n_rows):
            lines.append(" ".join(cell_text(self.state_at(row, col), self.layout[row][col])
                                  for col in range(self.n_cols)))
        return "\n".join(lines)

    def render(self) -> str:
        """The layout as text, one character per cell."""
        return self._grid(lambda state, char: char)

    def render_values(self, values: Sequence[float], decimals: int = 2) -> str:
        """A value table as text: one number per cell, walls shown as ``#``."""
        values = np.asarray(values, dtype=float).ravel()
        if values.shape != (self.n_states,):
            raise ValueError(f"expected one value per state ({self.n_states}), got shape {values.shape}")
        width = decimals + 4
        return self._grid(lambda state, char: "#".center(width) if char == "#"
                          else f"{values[state]:{width}.{decimals}f}")

    def render_policy(self, policy: Sequence[int]) -> str:
        """A policy (one action per state) as arrows; walls, holes and goals keep their letter."""
        policy = np.asarray(policy).ravel()
        if policy.shape != (self.n_states,):
            raise ValueError(f"expected one action per state ({self.n_states}), got shape {policy.shape}")
        return self._grid(lambda state, char: char if char in "#HG" else ARROWS[int(policy[state])])
