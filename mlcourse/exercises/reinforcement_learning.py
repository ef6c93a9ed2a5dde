"""Checks and hints for the assignment "Reinforcement learning" (source/reinforcement_learning).

Each check runs the learner's function on tiny hand-made problems (a three-state chain, a
four-cell corridor, a two-armed bandit) whose answers can be worked out by hand, and names the
usual mistake. The exact numbers on the assignment's grid world, slot machine and FrozenLake
are checked only by the hidden tests.
"""

import copy
import math

import numpy as np

from mlcourse.exercise import (
    ML_ALGORITHMS,
    STATISTICS,
    Mistake,
    call,
    exercise,
    expect,
    expect_number,
    expect_type,
    expect_unchanged,
    is_integer,
    is_number,
    shown,
)
from mlcourse.gridworld import GridWorld

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"]

# The checks hand the learner's functions deep copies of these models, never the models themselves: a
# function that changes the model it is given must not change what the next check sees.
# A three-state chain: 0 -> 1 -> 2, where state 2 is the goal (terminal). Action 0 = left, 1 = right.
CHAIN = [
    [(0, 0.0, False), (1, 0.0, False)],
    [(0, 0.0, False), (2, 1.0, True)],
    [(2, 0.0, True), (2, 0.0, True)],
]


# Three actions per state, and only the third one earns a reward: 0 -> (end, +0.5), 1 -> (end, +2.0).
THREE_ACTIONS = [
    [(0, 0.0, False), (1, 0.0, False), (2, 0.5, True)],
    [(0, 0.0, False), (1, 0.0, False), (2, 2.0, True)],
    [(2, 0.0, True), (2, 0.0, True), (2, 0.0, True)],
]


def _scores(V, actions, gamma, use_done=True):
    """Each action's reward plus discounted next value (reward alone when done, if ``use_done``)."""
    return [reward if (done and use_done) else reward + gamma * V[next_state]
            for next_state, reward, done in actions]


class _StrictEnv:
    """Wraps a gymnasium environment and refuses a step after the episode ended (gymnasium does not)."""

    def __init__(self, env):
        self.env, self.over, self.steps = env, True, 0
        self.observation_space, self.action_space = env.observation_space, env.action_space

    def reset(self, *args, **kwargs):
        self.over = False
        return self.env.reset(*args, **kwargs)

    def step(self, action):
        if self.over:
            raise RuntimeError("env.step was called after the episode had ended (terminated or truncated) "
                               "or before env.reset(): stop each episode "
                               "when terminated or truncated is True")
        observation, reward, terminated, truncated, info = self.env.step(action)
        self.over = terminated or truncated
        return observation, reward, terminated, truncated, info

    def __repr__(self):
        return repr(self.env)

    def __getattr__(self, name):
        return getattr(self.env, name)


@exercise("epsilon-greedy action selection", ML_ALGORITHMS, hints=[
    "Draw one number `rng.random()`. Below epsilon: "
    "explore (a random action). Otherwise: exploit (the best action).",
    "Exploring draws a second number, an action index from `rng.integers`, among all the actions; "
    "exploiting needs no draw: `np.argmax` gives the best index and already breaks ties by the lowest one.",
])
def q1(epsilon_greedy):
    rng = np.random.default_rng(1)
    first = call(epsilon_greedy, np.array([0.0, 2.0, 1.0]), 0.0, rng)
    expect(is_integer(first),
           f"the action should be an integer index, got {type(first).__name__} ({first!r:.40}).")
    picks = [call(epsilon_greedy, np.array([0.0, 2.0, 1.0]), 0.0, rng) for _ in range(50)]
    if not all(p == 1 for p in picks):
        greedy_at_one = [call(epsilon_greedy, np.array([0.0, 2.0, 1.0]), 1.0, np.random.default_rng(seed))
                         for seed in range(20)]
        expect(not all(p == 1 for p in greedy_at_one),
               "your agent exploits when it should explore and explores when it should exploit: with "
               "epsilon=0 it picked random actions, with epsilon=1 always the best one. Explore with "
               "probability epsilon, not 1 - epsilon.")
        expect(False, "with epsilon=0 the agent must always exploit (pick index 1, the largest of "
               f"[0.0, 2.0, 1.0]), but over 50 calls yours picked {sorted(set(map(int, picks)))}.")
    tie = call(epsilon_greedy, np.array([1.0, 3.0, 3.0]), 0.0, np.random.default_rng(0))
    expect(tie == 1,
           f"ties must go to the lowest index (np.argmax does this): for [1, 3, 3] pick 1, not {shown(tie)}.")
    one, two = np.random.default_rng(3), np.random.default_rng(3)
    run_one = [call(epsilon_greedy, np.array([0.5, 0.2]), 0.5, one) for _ in range(40)]
    run_two = [call(epsilon_greedy, np.array([0.5, 0.2]), 0.5, two) for _ in range(40)]
    expect(run_one == run_two, "two generators with the same seed gave different choices: draw every random "
           "number from `rng`, so that a seed makes the agent reproducible.")
    mine, copy = np.random.default_rng(5), np.random.default_rng(5)
    call(epsilon_greedy, np.array([0.0, 2.0, 1.0]), 0.0, mine)
    copy.random()
    expect(mine.random() == copy.random(),
           "with epsilon=0 your function should still draw "
           "exactly one number, `rng.random()`, and nothing more.")
    mine, copy = np.random.default_rng(6), np.random.default_rng(6)
    explored = call(epsilon_greedy, np.array([0.0, 2.0, 1.0]), 1.0, mine)
    copy.random()
    expect(explored == copy.integers(3) and mine.random() == copy.random(),
           "when exploring, draw `rng.random()` first and then "
           "the action with `rng.integers(len(q_values))`, "
           "using the `rng` you were given (not np.random or the random module).")
    rng = np.random.default_rng(2)
    counts = np.bincount([call(epsilon_greedy, np.array([0.0, 2.0, 1.0]), 1.0, rng) for _ in range(600)],
                         minlength=3)
    expect(counts.min() > 120,
           "with epsilon=1 every action should be picked about equally often; "
           f"counts were {counts.tolist()}.")
    # A second, differently shaped input: five actions, as a plain list, all explored.
    five = [0.3, -1.0, 0.0, 0.2, 0.1]
    mine = np.random.default_rng(11)
    picks = [call(epsilon_greedy, list(five), 1.0, mine) for _ in range(30)]
    right, three = np.random.default_rng(11), np.random.default_rng(11)
    wanted = [(right.random(), int(right.integers(5)))[1] for _ in range(30)]
    among_three = [(three.random(), int(three.integers(3)))[1] for _ in range(30)]
    expect(picks != among_three or picks == wanted,
           "with the 5 actions of q_values=[0.3, -1.0, 0.0, 0.2, 0.1] and epsilon=1 your random actions are "
           "those of `rng.integers(3)` whatever the number of actions: draw among `len(q_values)` actions.")
    expect(picks == wanted,
           "with 5 actions and epsilon=1 every call should return `rng.integers(5)` after `rng.random()`; "
           f"from np.random.default_rng(11) that gives {wanted[:8]}..., yours gave "
           f"{[shown(p) for p in picks[:8]]}.")
    exploit = call(epsilon_greedy, [-3.0, -1.0, -2.0, -1.0], 0.0, np.random.default_rng(0))
    expect(exploit == 1, "with the values [-3.0, -1.0, -2.0, -1.0] and epsilon=0 the best action is index "
           f"1 (the first of the two largest values, -1.0); yours returned {shown(exploit)}.")


@exercise("incremental sample average", STATISTICS, hints=[
    "The new mean moves from the old estimate towards the new reward, "
    "by a step that gets smaller as count grows.",
    "The step is the difference between the reward and the estimate, divided by count, which already "
    "includes the new reward: a first reward (count 1) replaces the estimate entirely.",
])
def q2(update_estimate):
    first = call(update_estimate, 0.0, 1, 4.0)
    first = expect_number(first, "update_estimate(0.0, 1, 4.0)")
    by_count_plus_one = call(update_estimate, 1.0, 3, 5.0)
    expect(not (math.isclose(first, 2.0) and is_number(by_count_plus_one)
                and math.isclose(by_count_plus_one, 1.0 + 4.0 / 4)),
           "update_estimate(0.0, 1, 4.0) gave 2.0 and update_estimate(1.0, 3, 5.0) gave 2.0: those are steps "
           "of 1/(count + 1). The first reward (count=1) should replace the starting estimate. Divide by "
           "count, the number of rewards including this one, not by count + 1.")
    expect(math.isclose(first, 4.0),
           "update_estimate(0.0, 1, 4.0) should be 4.0 (the mean of one reward is that reward), "
           f"not {shown(first)}. Step a fraction 1/count of the way from the estimate to the reward.")
    estimate = 0.0
    for count, reward in enumerate([2.0, 4.0, 9.0], start=1):
        estimate = call(update_estimate, estimate, count, reward)
    expect(is_number(estimate) and math.isclose(estimate, 5.0),
           "updating with the rewards 2, 4 and 9 in turn should "
           f"give their mean, 5.0; yours gave {shown(estimate)}.")
    # A second input whose mean is not a whole number: the fourth reward 2.0 after three averaging 1.0.
    fourth = expect_number(call(update_estimate, 1.0, 4, 2.0), "update_estimate(1.0, 4, 2.0)")
    expect(not (math.isclose(fourth, 1.0 + (2.0 - 1.0) // 4) and not math.isclose(fourth, 1.25)),
           "update_estimate(1.0, 4, 2.0) gave 1.0, the step (2.0 - 1.0) / 4 rounded down: use the true "
           "division `/`, not the floor division `//`.")
    expect(math.isclose(fourth, 1.25, rel_tol=1e-6),
           f"update_estimate(1.0, 4, 2.0) should be 1.0 + (2.0 - 1.0) / 4 = 1.25, got {shown(fourth)}.")


@exercise("run an epsilon-greedy bandit", ML_ALGORITHMS, hints=[
    "Keep two arrays of length k: the estimates (all 0) and the counts (all 0). Each step: "
    "choose, draw a reward, update the chosen arm's count and estimate, add to the totals.",
    "Order of the draws per step: `rng.random()`, then `rng.integers(k)` only when exploring, then "
    "`rng.normal`. The regret of a step compares the chosen arm's true mean with the largest true mean "
    "(`true_means` may be a list, which has no `.max()` method: `np.max` works for both).",
])
def q3(run_bandit):
    result = call(run_bandit, [0.0, 1.0], 0.1, 50, 0,
                  advice="`true_means` may be a plain list: use `np.max(true_means)`, or convert it first "
                         "with `np.asarray(true_means, dtype=float)`.")
    expect_type(result, tuple, "run_bandit(...)")
    expect(len(result) == 2, f"return two numbers, (total_reward, regret); got {len(result)} values.")
    for value, what in zip(result, ("total_reward", "regret")):
        expect_number(value, what)
    expect(call(run_bandit, [0.0, 1.0], 0.1, 50, 0) == result,
           "the same seed gave a different result: create `rng = np.random.default_rng(seed)` "
           "inside the function and draw every random number from it.")
    expect(call(run_bandit, [0.0, 1.0], 0.1, 50, 1)[0] != result[0],
           "a different seed gave the same total reward: are the rewards random, drawn with `rng.normal`?")
    expect(call(run_bandit, [0.0, 1.0], 0.3, 0, 0) == (0.0, 0.0),
           "with n_steps=0 nothing happens: return (0.0, 0.0).")
    equal = call(run_bandit, [0.5, 0.5, 0.5], 0.2, 100, 0)[1]
    expect(abs(equal) < 1e-9,
           f"when every arm has the same mean (true_means=[0.5, 0.5, 0.5]) the regret must be 0, but yours "
           f"is {equal:.3f}: the regret of a step is the best true mean minus the chosen arm's true mean, "
           "computed from true_means, not the random rewards you happened to receive.")
    total, regret = call(run_bandit, [1.0], 0.3, 200, 0)
    expect(abs(regret) < 1e-9 and abs(total - 200) < 60,
           "a one-armed bandit with mean 1 should give a total near 200 and no regret; yours gave "
           f"({total:.1f}, {regret:.1f}). Draw each reward with `rng.normal(true_means[arm], 1.0)`.")
    random_regret = call(run_bandit, [0.0, 1.0], 1.0, 400, 0)[1]
    expect(140 < random_regret < 260,
           "with epsilon=1 the arms are picked at random, so about half of 400 pulls go to "
           f"the worse arm and the regret should be near 200; yours is {random_regret:.1f}.")
    greedy = call(run_bandit, [-5.0, 5.0], 0.0, 50, 0)[1]
    expect(math.isclose(greedy, 10.0),
           "with epsilon=0 and true means [-5, 5], the greedy agent pulls arm 0 once (the tie of the zero "
           "estimates goes to the lowest index), sees a bad reward, and from then on prefers arm 1, whose "
           f"estimate is higher, so the regret is exactly 10; yours is {greedy:.2f}.")
    # A second, differently shaped input: an array of three unsorted means, the best one first.
    unsorted = np.array([2.0, 0.0, 0.5])
    total, regret = call(run_bandit, unsorted, 1.0, 300, 2)
    expect(regret >= 0,
           f"with true_means=np.array([2.0, 0.0, 0.5]) your regret is negative ({shown(regret)}), yet every "
           "step adds max(true_means) - true_means[arm], which is never negative: use the largest true "
           "mean, wherever it is in true_means (`np.max(true_means)`).")
    expect(250 < regret < 450,
           "with true_means=np.array([2.0, 0.0, 0.5]) and epsilon=1 the arms are picked at random, so the "
           f"regret of 300 pulls should be near 300 * (0 + 2 + 1.5) / 3 = 350; yours is {shown(regret)}.")


@exercise("one Bellman optimality backup", STATISTICS, hints=[
    "Loop over the actions of `P[state]`; each gives "
    "(next_state, reward, done). Score each action, keep the best.",
    "An action that ends the episode is worth its reward alone; any other adds the discounted value of "
    "the state it leads to. The backup is the best of these scores, over every action of the state.",
])
def q4(bellman_backup):
    values = np.array([0.0, 3.0, 5.0])
    kept = values.copy()
    backup = call(bellman_backup, values, copy.deepcopy(CHAIN), 1, 0.9)
    backup = expect_number(backup, "bellman_backup(...)")
    expect_unchanged(kept, values, "V", advice="a backup only reads the value table")
    expect(not math.isclose(backup, 1.0 + 0.9 * 5.0),
           "after a transition with done=True the episode is over, so there is no future value: "
           "use the reward alone, without adding gamma * V[next_state].")
    expect(not math.isclose(backup, (0.9 * 0.0 + 1.0) / 2),
           "the backup keeps the best action (the max over actions), not their average.")
    expect(math.isclose(backup, 1.0),
           "in state 1 of the chain the best action (right, onto the goal) is worth 1.0; "
           f"your backup gave {shown(backup)}.")
    left = call(bellman_backup, np.array([0.0, 2.0, 0.0]), copy.deepcopy(CHAIN), 0, 0.9)
    expect(not math.isclose(left, 2.0),
           "the value of the next state must be discounted: multiply V[next_state] by gamma.")
    expect(math.isclose(left, 1.8), f"in state 0 with V = [0, 2, 0] and gamma=0.9, moving right is worth "
           f"0 + 0.9 * 2 = 1.8; your backup gave {shown(left)}.")
    terminal = call(bellman_backup, values, copy.deepcopy(CHAIN), 2, 0.9)
    expect(math.isclose(terminal, 0.0, abs_tol=1e-12),
           f"a terminal state's backup should be 0, got {shown(terminal)}.")
    # A second, differently shaped input: three actions per state, the third one the best.
    three = call(bellman_backup, np.array([1.0, 1.0, 0.0]), copy.deepcopy(THREE_ACTIONS), 1, 0.9)
    three = expect_number(three,
                          "bellman_backup(...) with three actions")
    first_two = max(_scores([1.0, 1.0, 0.0], THREE_ACTIONS[1][:2], 0.9))
    expect(not (math.isclose(three, first_two) and not math.isclose(three, 2.0)),
           f"in a model with three actions per state your backup gave {shown(three)}, the best score of only "
           "the first two actions: score every action of `P[state]` (here the third one, which ends the "
           "episode with reward 2.0, is the best).")
    expect(math.isclose(three, 2.0),
           "in a model with three actions per state, whose third action ends the episode with reward 2.0, "
           f"the backup of state 1 should be 2.0; yours gave {shown(three)}.")


@exercise("value iteration", ML_ALGORITHMS, hints=[
    "Start from V = zeros. Sweep over all states, replacing each value by its Bellman backup; repeat.",
    "Keep the largest absolute change of a sweep (`np.abs(new_V - V).max()`) and stop as soon as "
    "it is below tol. An action's score is `reward` if done, else `reward + gamma * V[next_state]`.",
])
def q5(value_iteration):
    values = call(value_iteration, copy.deepcopy(CHAIN), 0.9)
    expect_type(values, np.ndarray, "value_iteration(...)")
    expect(values.shape == (3,), f"return one value per state: shape (3,), got {values.shape}.")
    expect(np.issubdtype(values.dtype, np.floating),
           f"values are fractions, so the dtype should be float, got {values.dtype}.")
    expect(not np.allclose(values, [1.0, 1.0, 0.0], atol=1e-6),
           "your values are [1, 1, 0]: the goal, two steps away from state 0, should be worth less there. "
           "Multiply the next state's value by gamma in every backup.")
    expect(abs(values[2]) < 1e-9,
           f"the terminal state (the goal) must keep the value 0, got {shown(values[2])}.")
    expect(np.allclose(values, [0.9, 1.0, 0.0], atol=1e-6),
           "on the chain 0 -> 1 -> goal with gamma=0.9 the values should be [0.9, 1.0, 0.0], "
           f"got {np.round(values, 4)}. Repeat the Bellman backup over all states until the largest change "
           "is below tol.")
    half = call(value_iteration, copy.deepcopy(CHAIN), 0.5)
    expect(np.allclose(half, [0.5, 1.0, 0.0], atol=1e-6),
           "with gamma=0.5 the chain's values should be [0.5, 1.0, 0.0], "
           f"got {np.round(half, 4)}: use the gamma argument.")
    # A second, differently shaped input: four states, the corridor S..G, each move costing 0.01.
    corridor = np.asarray(call(value_iteration, GridWorld(["S..G"]).P, 0.9,
                                advice="This model, the corridor S..G, has 4 states and 4 actions: size "
                                       "every table by the model given, `len(P)` states."), dtype=float)
    expect(corridor.shape == (4,), f"the corridor S..G has 4 states: return 4 values, got shape "
                                   f"{corridor.shape}.")
    expect(np.allclose(corridor, [0.791, 0.89, 1.0, 0.0], atol=1e-6),
           "on the corridor S..G (4 states, each move costs 0.01, the goal pays 1) with gamma=0.9 the values "
           f"should be [0.791, 0.89, 1.0, 0.0], got {np.round(corridor, 4).tolist()}.")
    # A third input: three actions per state, only the third one rewarded.
    three = np.asarray(call(value_iteration, copy.deepcopy(THREE_ACTIONS), 0.9), dtype=float)
    expect(three.shape == (3,), f"return one value per state: shape (3,), got {three.shape}.")
    expect(not np.allclose(three, 0.0),
           "in a model with three actions per state, where only the third action earns a reward, your "
           "values are all 0, the values of only the first two actions: score every action of `P[state]`.")
    expect(np.allclose(three, [1.8, 2.0, 0.0], atol=1e-6),
           "in a model with three actions per state (the third one ends the episode with reward 0.5 from "
           "state 0 and 2.0 from state 1) the values with gamma=0.9 should be [1.8, 2.0, 0.0], "
           f"got {np.round(three, 4)}.")


@exercise("greedy policy from a value table", ML_ALGORITHMS, hints=[
    "For every state, score each action the way a Bellman backup does, and keep the index of the best one.",
    "Score the actions of each state as in exercise 4 (reward alone when done), and keep `np.argmax` of "
    "the scores: one int per state, in an array.",
])
def q6(greedy_policy):
    policy = call(greedy_policy, np.array([0.9, 1.0, 0.0]), copy.deepcopy(CHAIN), 0.9)
    expect_type(policy, np.ndarray, "greedy_policy(...)")
    expect(policy.shape == (3,), f"return one action per state: shape (3,), got {policy.shape}.")
    expect(np.issubdtype(policy.dtype, np.integer),
           f"actions are indexes, so the dtype should be int, got {policy.dtype}.")
    values_alone = [int(np.argmax([[0.9, 1.0, 0.0][s2] for s2, _, _ in actions])) for actions in CHAIN]
    expect(policy[1] == 1 or policy.tolist() != values_alone,
           "from state 1 your policy does not step onto the goal, and it is the policy that compares "
           "V[next_state] alone: compare reward + gamma * V[next_state] for each action "
           "(the goal is terminal, so its value is 0, but arriving there earns the reward).")
    expect(policy[1] == 1,
           "from state 1 the best action steps onto the goal (action 1, reward 1.0); your policy chose "
           f"{shown(policy[1])}.")
    expect(policy[0] == 1,
           f"from state 0 moving right (action 1) is best; your policy chose {shown(policy[0])}.")
    expect(policy[2] == 0,
           "in a terminal state every action is worth 0: a tie, which goes to the lowest index, 0.")
    # A second value table, where the terminal state holds a value: arriving there must not count it.
    V = np.array([2.0, 1.0, 5.0])
    other = np.asarray(call(greedy_policy, V, copy.deepcopy(CHAIN), 0.9))
    ignoring_done = [int(np.argmax(_scores(V, actions, 0.9, use_done=False))) for actions in CHAIN]
    expect(not (other.tolist() == ignoring_done and other.tolist() != [0, 0, 0]),
           f"with V = [2.0, 1.0, 5.0] your policy is {other.tolist()}, the one that adds gamma * "
           "V[next_state] even after a move that ends the episode: a move with done=True is worth its "
           "reward alone, whatever V holds for the state it reaches.")
    expect(other.tolist() == [0, 0, 0],
           f"with V = [2.0, 1.0, 5.0] and gamma=0.9 the greedy policy of the chain is [0, 0, 0] (from state "
           f"1, going back to state 0 is worth 0.9 * 2.0 = 1.8, more than the goal's reward 1.0); yours is "
           f"{other.tolist()}.")


@exercise("the Q-learning update", ML_ALGORITHMS, hints=[
    "The target is what this step earned plus the discounted "
    "value of the best action in the state you arrived in.",
    "The target uses the best value of the NEXT state's row of Q (the reward alone when done); then move "
    "the one entry Q[state, action] by alpha times its gap to the target, in place, and return Q.",
])
def q7(q_update):
    table = np.array([[5.0, 0.0], [1.0, 2.0], [4.0, 4.0]])
    before = table.copy()
    result = call(q_update, table, 0, 1, 0.5, 1, False, 0.5, 0.9, may_change=(0,))
    expect_type(result, np.ndarray, "q_update(...)")
    expect(result is table,
           "update the table in place (`Q[state, action] += ...`) and return that same array.")
    expect(not math.isclose(table[0, 1], 0.5 * (0.5 + 0.9 * 5.0)),
           "Q-learning bootstraps from the NEXT state: the target is reward + gamma * max(Q[next_state]), "
           "not max(Q[state]).")
    expect(not math.isclose(table[0, 1], 0.5 + 0.9 * 2.0),
           "you replaced Q[state, action] by the target: move only a fraction alpha of the way towards it.")
    changed = np.argwhere(table != before).tolist()
    expect(changed == [[0, 1]],
           f"only Q[state, action] = Q[0, 1] should change; these entries changed: {changed}.")
    expect(math.isclose(table[0, 1], 1.15),
           f"Q[0, 1] should become 0 + 0.5 * (0.5 + 0.9 * 2 - 0) = 1.15, got {shown(table[0, 1])}.")
    call(q_update, table, 1, 0, 1.0, 2, True, 0.5, 0.9, may_change=(0,))
    expect(math.isclose(table[1, 0], 1.0),
           f"when done is True the target is the reward alone (no future after the episode ends): Q[1, 0] "
           f"should stay 1.0 + 0.5 * (1.0 - 1.0) = 1.0, got {shown(table[1, 0])}.")
    # A second input: another table, alpha and gamma.
    other = np.array([[0.0, 1.0, 0.0], [2.0, -1.0, 4.0]])
    call(q_update, other, 0, 2, 1.0, 1, False, 0.1, 0.5, may_change=(0,))
    lesson_gamma = 0.1 * (1.0 + 0.9 * 4.0)
    expect(not math.isclose(other[0, 2], lesson_gamma),
           f"with alpha=0.1 and gamma=0.5 Q[0, 2] became {shown(other[0, 2])}, the update with gamma=0.9 "
           f"whatever gamma is given: use the gamma argument.")
    expect(math.isclose(other[0, 2], 0.1 * (1.0 + 0.5 * 4.0)),
           "with alpha=0.1 and gamma=0.5, Q[0, 2] = 0 should become 0 + 0.1 * (1.0 + 0.5 * 4.0 - 0) = 0.3, "
           f"got {shown(other[0, 2])}.")


@exercise("train Q-learning on the grid world", ML_ALGORITHMS, hints=[
    "Two loops: over the episodes, and within an episode "
    "over at most max_steps steps, starting at `world.start`.",
    "Each step: choose as in exercise 1 (drawing from `rng`), take the step with `world.step`, update as "
    "in exercise 7, move on, and leave the episode's loop when done.",
])
def q8(train_q_learning):
    corridor = GridWorld(["S..G"])
    table = call(train_q_learning, corridor, 30, 0.5, 0.9, 0.1, 0)
    expect_type(table, np.ndarray, "train_q_learning(...)")
    expect(table.shape == (4, 4),
           f"Q should have one row per state and one column per action: shape (4, 4), got {table.shape}.")
    expect(np.array_equal(call(train_q_learning, corridor, 30, 0.5, 0.9, 0.1, 0), table),
           "the same seed gave a different Q table: create `rng = np.random.default_rng(seed)` "
           "inside the function and draw every random number from it.")
    expect(np.abs(table).max() > 0,
           "your Q table is still all zeros after training: update Q after every step.")
    expect(not np.array_equal(call(train_q_learning, corridor, 30, 0.5, 0.9, 0.0, 0),
                              call(train_q_learning, corridor, 30, 0.5, 0.9, 1.0, 0)),
           "epsilon=0 and epsilon=1 gave the same Q table: explore (a random action from "
           "`rng.integers(world.n_actions)`) when `rng.random() < epsilon`.")
    once = call(train_q_learning, corridor, 1, 0.5, 0.9, 0.1, 0)
    expect(not np.array_equal(once, table),
           "training for 30 episodes gave the same Q table as training for 1, so the episodes after the "
           "first changed nothing: start every episode again at `world.start` (a state set once, before the "
           "episodes' loop, is the goal after the first episode, where an episode ends at once).")
    expect(np.all(table[3] == 0),
           f"Q of the goal (a terminal state) should stay 0, but row 3 of your table is {table[3].tolist()}: "
           "an episode ends when done is True, so no update starts from the goal.")
    path = corridor.run_policy(table.argmax(axis=1), max_steps=20)
    expect(path[-1] == 3,
           "on the corridor S..G the greedy policy of your Q table should walk to the goal; "
           f"it visits {path}.")
    expect(table.max() <= 1.0 + 1e-9, "no Q value can exceed the goal's reward of 1 here: check the target "
           "reward + gamma * max(Q[next_state]).")
    # A second world, whose start is not state 0: one episode of one greedy step changes one entry only.
    middle = GridWorld(["..S.G"])
    first = np.asarray(call(train_q_learning, middle, 1, 0.5, 0.9, 0.0, 0, 1))
    changed = np.argwhere(first != 0).tolist()
    expect(not (changed and all(row != middle.start for row, _ in changed)),
           f"on the corridor ..S.G, whose start is state {middle.start}, one episode of one step changed "
           f"the entries {changed} of your table, none in row {middle.start}: start each episode at "
           "`world.start`.")
    expect(changed == [[middle.start, 0]],
           f"on the corridor ..S.G (start: state {middle.start}), one episode of one step with epsilon=0 "
           f"should change only Q[{middle.start}, 0] (on a table of zeros the greedy action is 0, the lowest "
           f"index); your table changed the entries {changed}.")
    trained = np.asarray(call(train_q_learning, middle, 40, 0.5, 0.9, 0.2, 1))
    path = middle.run_policy(trained.argmax(axis=1), max_steps=20)
    expect(path[-1] == 4, "on the corridor ..S.G the greedy policy of your Q table should walk from the "
           f"start to the goal; it visits {path}.")


@exercise("evaluate a policy on FrozenLake", ML_ALGORITHMS, hints=[
    "Play n_episodes episodes with the policy: `action = policy[observation]`, "
    "until terminated or truncated. The reward is 1 only when the goal is reached.",
    "Seed only the first `env.reset`; `env.step` returns five values, and the episode is over when "
    "either of its two flags is True. A rate is the number of successes over the number of episodes.",
])
def q9(success_rate):
    import gymnasium as gym

    lake = _StrictEnv(gym.make("FrozenLake-v1", is_slippery=False))
    right_then_down = np.array([2, 2, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0])
    rate = call(success_rate, lake, right_then_down, 5, 0)
    expect_type(rate, (int, float), "success_rate(...)")
    expect(not math.isclose(rate, 5.0),
           "you returned the number of successes (5 for 5 episodes): a success rate is a fraction between 0 "
           "and 1, so divide by n_episodes.")
    expect(math.isclose(rate, 1.0),
           "on the non-slippery lake the path right, right, down, down, down, right always reaches the goal, "
           f"so the rate should be 1.0; got {shown(rate)}.")
    always_left = np.zeros(16, dtype=int)
    expect(call(success_rate, lake, always_left, 2, 0) == 0.0,
           "walking left from the start only bumps into the edge until the episode is cut off (truncated) "
           "after 100 steps, which counts as a failure: the rate should be 0.0.")
    always_down = np.ones(16, dtype=int)
    expect(call(success_rate, lake, always_down, 3, 0) == 0.0,
           "walking straight down falls into a hole, so the success rate should be 0.0.")
    slippery = _StrictEnv(gym.make("FrozenLake-v1", is_slippery=True))
    slippery_policy = np.array([0, 3, 3, 3, 0, 0, 0, 0, 3, 1, 0, 0, 0, 2, 1, 0])
    first = call(success_rate, slippery, slippery_policy, 20, 4)
    expect(call(success_rate, slippery, slippery_policy, 20, 4) == first,
           "the same seed gave a different rate: reset the first episode with `env.reset(seed=seed)`.")
    expect(0.0 < first < 1.0,
           f"on the slippery lake all 20 episodes ended the same way (rate {shown(first)}): "
           "seed only the FIRST reset, `env.reset(seed=seed)`, "
           "and call `env.reset()` without a seed for the others, so episodes differ.")
    expect(math.isclose(first * 20, round(first * 20)),
           f"with 20 episodes the rate should be a multiple of 1/20, got {shown(first)}.")
