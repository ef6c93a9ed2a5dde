"""gridworld.GridWorld: layout checks, deterministic moves, rewards, terminal states, walks, rendering.

Cases are worked by hand on the default 5 x 5 layout (states numbered row by row)::

    S . . # .      0  1  2  3  4
    . # . . .      5  6  7  8  9
    . . H # .     10 11 12 13 14
    # . . H .     15 16 17 18 19
    H . . . G     20 21 22 23 24
"""
from __future__ import annotations

import numpy as np
import pytest

from mlcourse.gridworld import ACTION_NAMES, DEFAULT_LAYOUT, DOWN, LEFT, RIGHT, UP, GridWorld

STEP = -0.01


@pytest.fixture(scope="module")
def world() -> GridWorld:
    return GridWorld()


def test_the_default_world_numbers_its_cells_row_by_row(world):
    assert (world.n_rows, world.n_cols, world.n_states, world.n_actions) == (5, 5, 25, 4)
    assert world.start == 0
    assert world.goals == {24}
    assert world.holes == {12, 18, 20}
    assert world.walls == {3, 6, 13, 15}
    assert world.position(7) == (1, 2) and world.state_at(1, 2) == 7
    assert world.position(24) == (4, 4) and world.state_at(4, 4) == 24
    assert repr(world) == "GridWorld(5x5, start=0, goals=[24])"


def test_actions_follow_frozenlake_order():
    assert (LEFT, DOWN, RIGHT, UP) == (0, 1, 2, 3)
    assert ACTION_NAMES == ("left", "down", "right", "up")


@pytest.mark.parametrize("state, action, expected", [
    (0, RIGHT, (1, STEP, False)),
    (0, DOWN, (5, STEP, False)),
    (7, UP, (2, STEP, False)),
    (14, DOWN, (19, STEP, False)),
    (22, LEFT, (21, STEP, False)),
])
def test_a_move_goes_one_cell_in_its_direction_for_the_step_cost(world, state, action, expected):
    assert world.step(state, action) == expected


@pytest.mark.parametrize("state, action", [
    (0, LEFT), (0, UP),      # off the top-left corner
    (4, RIGHT),              # off the right edge: no wrapping to state 5 on the next row
    (10, LEFT),              # off the left edge: no wrapping to state 9 on the row above
    (19, RIGHT),             # right edge
    (2, RIGHT),              # into the wall at 3
    (5, RIGHT),              # into the wall at 6
    (16, LEFT),              # into the wall at 15
])
def test_a_move_off_the_grid_or_into_a_wall_stays_put_and_still_costs_a_step(world, state, action):
    assert world.step(state, action) == (state, STEP, False)


def test_arriving_at_the_goal_or_in_a_hole_ends_the_episode_with_its_reward(world):
    assert world.step(23, RIGHT) == (24, 1.0, True)
    assert world.step(19, DOWN) == (24, 1.0, True)
    assert world.step(11, RIGHT) == (12, -1.0, True)
    assert world.step(21, LEFT) == (20, -1.0, True)


@pytest.mark.parametrize("state", [24, 12, 18, 20, 3, 6])
def test_terminal_and_wall_cells_absorb_every_action_with_reward_zero(world, state):
    for action in range(4):
        assert world.step(state, action) == (state, 0.0, True)


def test_only_goals_and_holes_are_terminal(world):
    assert [s for s in range(world.n_states) if world.is_terminal(s)] == [12, 18, 20, 24]


def test_the_transition_table_is_what_step_returns(world):
    assert len(world.P) == 25 and all(len(row) == 4 for row in world.P)
    for state in range(25):
        for action in range(4):
            assert world.P[state][action] == world.step(state, action)
    assert all(isinstance(reward, float) for row in world.P for _, reward, _ in row)


def test_step_accepts_numpy_integers(world):
    assert world.step(np.int64(0), np.int64(DOWN)) == (5, STEP, False)


@pytest.mark.parametrize("state, action, message", [
    (25, LEFT, r"state must be between 0 and 24, got 25"),
    (-1, LEFT, r"state must be between 0 and 24, got -1"),
    (0, 4, r"action must be 0 \(left\), 1 \(down\), 2 \(right\) or 3 \(up\), got 4"),
    (0, -1, r"action must be .* got -1"),
])
def test_step_refuses_an_unknown_state_or_action(world, state, action, message):
    with pytest.raises(ValueError, match=message):
        world.step(state, action)


def test_custom_rewards_are_used_as_floats():
    world = GridWorld(["SGH"], goal_reward=10, hole_reward=-5, step_reward=0)
    assert world.step(0, RIGHT) == (1, 10.0, True)
    assert world.step(0, LEFT) == (0, 0.0, False)
    assert all(type(reward) is float for row in world.P for _, reward, _ in row)


# --- walking a policy ---------------------------------------------------------------------------


def test_run_policy_follows_a_path_from_start_to_goal(world):
    policy = np.full(25, LEFT)
    path = {0: DOWN, 5: DOWN, 10: RIGHT, 11: DOWN, 16: DOWN, 21: RIGHT, 22: RIGHT, 23: RIGHT}
    for state, action in path.items():
        policy[state] = action
    assert world.run_policy(policy) == [0, 5, 10, 11, 16, 21, 22, 23, 24]


def test_run_policy_stops_in_a_hole(world):
    policy = [RIGHT] * 25
    policy[2] = policy[7] = DOWN
    assert world.run_policy(policy) == [0, 1, 2, 7, 12]


def test_run_policy_stops_after_max_steps_when_the_policy_goes_nowhere(world):
    assert world.run_policy([UP] * 25, max_steps=4) == [0, 0, 0, 0, 0]
    assert len(world.run_policy([UP] * 25)) == 101


def test_run_policy_starts_from_the_layout_start():
    world = GridWorld([".G", "S."])
    assert world.start == 2
    assert world.run_policy([RIGHT, RIGHT, UP, UP]) == [2, 0, 1]


# --- rendering ----------------------------------------------------------------------------------


def test_render_draws_the_layout(world):
    assert world.render().splitlines() == [" ".join(row) for row in DEFAULT_LAYOUT]


def test_render_values_prints_one_number_per_cell_and_walls_as_hash():
    world = GridWorld(["S#G", ".H."])
    assert world.render_values([0.5, 0, 1, -0.25, -1, 0.123]) == (
        "  0.50   #      1.00\n"
        " -0.25  -1.00   0.12")
    assert world.render_values(np.zeros((2, 3)), decimals=1) == "  0.0   #     0.0\n  0.0   0.0   0.0"


def test_render_policy_shows_arrows_and_keeps_walls_holes_and_goals():
    world = GridWorld(["S#G", ".H."])
    assert world.render_policy([RIGHT, LEFT, LEFT, UP, DOWN, UP]) == "→ # G\n↑ H ↑"


def test_rendering_refuses_a_table_of_the_wrong_size(world):
    with pytest.raises(ValueError, match=r"expected one value per state \(25\), got shape \(24,\)"):
        world.render_values(np.zeros(24))
    with pytest.raises(ValueError, match=r"expected one action per state \(25\), got shape \(26,\)"):
        world.render_policy([0] * 26)


# --- layout checks ------------------------------------------------------------------------------


@pytest.mark.parametrize("layout, message", [
    ([], "non-empty rows of equal length"),
    (["", ""], "non-empty rows of equal length"),
    (["S.G", ".."], "non-empty rows of equal length"),
    (["S.X", "..G"], r"unknown cell characters \['X'\]"),
    (["..G"], "exactly one start 'S'"),
    (["S.S", "..G"], "exactly one start 'S'"),
    (["S..", "..."], "at least one goal 'G'"),
])
def test_a_malformed_layout_is_refused(layout, message):
    with pytest.raises(ValueError, match=message):
        GridWorld(layout)


def test_a_layout_may_have_several_goals():
    world = GridWorld(["GSG"])
    assert world.goals == {0, 2}
    assert world.step(1, LEFT) == (0, 1.0, True) and world.step(1, RIGHT) == (2, 1.0, True)
