"""Checks and hints for the assignment "Reinforcement learning" (source/reinforcement_learning).

Each check runs the learner's function on tiny hand-made problems (a three-state chain, a
four-cell corridor, a two-armed bandit) whose answers can be worked out by hand, and names the
usual mistake. The exact numbers on the assignment's grid world, slot machine and FrozenLake
are checked only by the hidden tests.
"""

import math

import numpy as np

from mlcourse.exercise import (
    ML_ALGORITHMS,
    STATISTICS,
    Mistake,
    call,
    exercise,
    expect,
    expect_type,
    expect_unchanged,
    is_integer,
    shown,
)
from mlcourse.gridworld import GridWorld

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"]

# A three-state chain: 0 -> 1 -> 2, where state 2 is the goal (terminal). Action 0 = left, 1 = right.
CHAIN = [
    [(0, 0.0, False), (1, 0.0, False)],
    [(0, 0.0, False), (2, 1.0, True)],
    [(2, 0.0, True), (2, 0.0, True)],
]


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
    "`if rng.random() < epsilon: return int(rng.integers(len(q_values)))`, "
    "then `return int(np.argmax(q_values))`: np.argmax already breaks ties by the lowest index.",
])
def q1(epsilon_greedy):
    rng = np.random.default_rng(1)
    first = call(epsilon_greedy, np.array([0.0, 2.0, 1.0]), 0.0, rng)
    expect(is_integer(first),
           f"the action should be an integer index, got {type(first).__name__} ({first!r:.40}).")
    picks = [call(epsilon_greedy, np.array([0.0, 2.0, 1.0]), 0.0, rng) for _ in range(50)]
    expect(all(p == 1 for p in picks),
           "with epsilon=0 the agent must always exploit (pick the action with the largest value), but yours "
           "picked other actions: explore with probability epsilon, not 1 - epsilon.")
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


@exercise("incremental sample average", STATISTICS, hints=[
    "The new mean moves from the old estimate towards the new reward, "
    "by a step that gets smaller as count grows.",
    "`estimate + (reward - estimate) / count`, where count already includes the new reward.",
])
def q2(update_estimate):
    first = call(update_estimate, 0.0, 1, 4.0)
    expect_type(first, (int, float), "update_estimate(0.0, 1, 4.0)")
    expect(not math.isclose(first, 2.0),
           "update_estimate(0.0, 1, 4.0) gave 2.0: the first reward (count=1) should replace the starting "
           "estimate. Divide by count, the number of rewards including this one, not by count + 1.")
    expect(math.isclose(first, 4.0),
           "update_estimate(0.0, 1, 4.0) should be 4.0 (the mean of one reward is that reward), "
           f"not {shown(first)}. Step a fraction 1/count of the way from the estimate to the reward.")
    estimate = 0.0
    for count, reward in enumerate([2.0, 4.0, 9.0], start=1):
        estimate = call(update_estimate, estimate, count, reward)
    expect(math.isclose(estimate, 5.0),
           "updating with the rewards 2, 4 and 9 in turn should "
           f"give their mean, 5.0; yours gave {shown(estimate)}.")


@exercise("run an epsilon-greedy bandit", ML_ALGORITHMS, hints=[
    "Keep two arrays of length k: the estimates (all 0) and the counts (all 0). Each step: "
    "choose, draw a reward, update the chosen arm's count and estimate, add to the totals.",
    "Order of the draws per step: `rng.random()`, then `rng.integers(k)` only when exploring, then "
    "`rng.normal(true_means[arm], 1.0)`. The regret of a step is `np.max(true_means) - true_means[arm]` "
    "(`true_means` may be a list, which has no `.max()` method).",
])
def q3(run_bandit):
    result = call(run_bandit, [0.0, 1.0], 0.1, 50, 0,
                  advice="`true_means` may be a plain list: use `np.max(true_means)`, or convert it first "
                         "with `np.asarray(true_means, dtype=float)`.")
    expect_type(result, tuple, "run_bandit(...)")
    expect(len(result) == 2, f"return two numbers, (total_reward, regret); got {len(result)} values.")
    for value, what in zip(result, ("total_reward", "regret")):
        expect_type(value, (int, float), what)
    expect(call(run_bandit, [0.0, 1.0], 0.1, 50, 0) == result,
           "the same seed gave a different result: create `rng = np.random.default_rng(seed)` "
           "inside the function and draw every random number from it.")
    expect(call(run_bandit, [0.0, 1.0], 0.1, 50, 1)[0] != result[0],
           "a different seed gave the same total reward: are the rewards random, drawn with `rng.normal`?")
    expect(call(run_bandit, [0.0, 1.0], 0.3, 0, 0) == (0.0, 0.0),
           "with n_steps=0 nothing happens: return (0.0, 0.0).")
    equal = call(run_bandit, [0.5, 0.5, 0.5], 0.2, 100, 0)[1]
    expect(abs(equal) < 1e-9,
           f"when every arm has the same mean the regret must be 0, but yours is {equal:.3f}: "
           "regret compares the true mean of the arm you chose with the best true "
           "mean (from true_means), not the random rewards you happened to receive.")
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
           "with epsilon=0 and true means [-5, 5], the greedy agent pulls arm 0 once (the tie goes to the "
           "lowest index), sees a bad reward and then sticks to arm 1, so the regret is exactly 10; yours "
           f"is {greedy:.2f}. Update the pulled arm's estimate with the sample average after every pull.")


@exercise("one Bellman optimality backup", STATISTICS, hints=[
    "Loop over the actions of `P[state]`; each gives "
    "(next_state, reward, done). Score each action, keep the best.",
    "An action's score is `reward` if done, "
    "else `reward + gamma * V[next_state]`; return the max as a float.",
])
def q4(bellman_backup):
    values = np.array([0.0, 3.0, 5.0])
    kept = values.copy()
    backup = call(bellman_backup, values, CHAIN, 1, 0.9)
    expect_type(backup, (int, float), "bellman_backup(...)")
    expect_unchanged(kept, values, "V", advice="a backup only reads the value table")
    expect(not math.isclose(backup, 1.0 + 0.9 * 5.0),
           "after a transition with done=True the episode is over, so there is no future value: "
           "use the reward alone, without adding gamma * V[next_state].")
    expect(not math.isclose(backup, (0.9 * 0.0 + 1.0) / 2),
           "the backup keeps the best action (the max over actions), not their average.")
    expect(math.isclose(backup, 1.0),
           "in state 1 of the chain the best action (right, onto the goal) is worth 1.0; "
           f"your backup gave {shown(backup)}.")
    left = call(bellman_backup, np.array([0.0, 2.0, 0.0]), CHAIN, 0, 0.9)
    expect(not math.isclose(left, 2.0),
           "the value of the next state must be discounted: multiply V[next_state] by gamma.")
    expect(math.isclose(left, 1.8), f"in state 0 with V = [0, 2, 0] and gamma=0.9, moving right is worth "
           f"0 + 0.9 * 2 = 1.8; your backup gave {shown(left)}.")
    terminal = call(bellman_backup, values, CHAIN, 2, 0.9)
    expect(math.isclose(terminal, 0.0, abs_tol=1e-12),
           f"a terminal state's backup should be 0, got {shown(terminal)}.")


@exercise("value iteration", ML_ALGORITHMS, hints=[
    "Start from V = zeros. Sweep over all states, replacing each value by its Bellman backup; repeat.",
    "Keep the largest absolute change of a sweep (`np.abs(new_V - V).max()`) and stop as soon as "
    "it is below tol. An action's score is `reward` if done, else `reward + gamma * V[next_state]`.",
])
def q5(value_iteration):
    values = call(value_iteration, CHAIN, 0.9)
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
    half = call(value_iteration, CHAIN, 0.5)
    expect(np.allclose(half, [0.5, 1.0, 0.0], atol=1e-6),
           "with gamma=0.5 the chain's values should be [0.5, 1.0, 0.0], "
           f"got {np.round(half, 4)}: use the gamma argument.")


@exercise("greedy policy from a value table", ML_ALGORITHMS, hints=[
    "For every state, score each action the way a Bellman backup does, and keep the index of the best one.",
    "`np.argmax([r if done else r + gamma * V[s2] for s2, r, done in P[state]])` "
    "per state, collected in an int array.",
])
def q6(greedy_policy):
    policy = call(greedy_policy, np.array([0.9, 1.0, 0.0]), CHAIN, 0.9)
    expect_type(policy, np.ndarray, "greedy_policy(...)")
    expect(policy.shape == (3,), f"return one action per state: shape (3,), got {policy.shape}.")
    expect(np.issubdtype(policy.dtype, np.integer),
           f"actions are indexes, so the dtype should be int, got {policy.dtype}.")
    expect(policy[1] == 1,
           "from state 1 your policy does not step onto the goal: compare reward + gamma * V[next_state] for "
           "each action, not V[next_state] alone "
           "(the goal is terminal, so its value is 0, but arriving there earns the reward).")
    expect(policy[0] == 1,
           f"from state 0 moving right (action 1) is best; your policy chose {shown(policy[0])}.")
    expect(policy[2] == 0,
           "in a terminal state every action is worth 0: a tie, which goes to the lowest index, 0.")


@exercise("the Q-learning update", ML_ALGORITHMS, hints=[
    "The target is what this step earned plus the discounted "
    "value of the best action in the state you arrived in.",
    "`target = reward if done else reward + gamma * Q[next_state].max()`, then "
    "`Q[state, action] += alpha * (target - Q[state, action])`; return Q.",
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


@exercise("train Q-learning on the grid world", ML_ALGORITHMS, hints=[
    "Two loops: over the episodes, and within an episode "
    "over at most max_steps steps, starting at `world.start`.",
    "Each step: epsilon-greedy with `rng.random()` then `rng.integers(world.n_actions)` when exploring, else "
    "`np.argmax(Q[state])`; `world.step(state, action)`; the Q-learning update; move on; `break` when done.",
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
           "training for 30 episodes gave the same Q table as training for 1: start every episode again at "
           "`world.start` (the episode after the goal must not start at the goal).")
    expect(np.all(table[3] == 0),
           "Q of the goal (a terminal state) should stay 0: stop the episode when done is True.")
    path = corridor.run_policy(table.argmax(axis=1), max_steps=20)
    expect(path[-1] == 3,
           "on the corridor S..G the greedy policy of your Q table should walk to the goal; "
           f"it visits {path}.")
    expect(table.max() <= 1.0 + 1e-9, "no Q value can exceed the goal's reward of 1 here: check the target "
           "reward + gamma * max(Q[next_state]).")


@exercise("evaluate a policy on FrozenLake", ML_ALGORITHMS, hints=[
    "Play n_episodes episodes with the policy: `action = policy[observation]`, "
    "until terminated or truncated. The reward is 1 only when the goal is reached.",
    "`observation, info = env.reset(seed=seed)` for the first episode and `env.reset()` for the others; "
    "`observation, reward, terminated, truncated, info = env.step(action)`; return successes / n_episodes.",
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
