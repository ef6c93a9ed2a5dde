from tests.answers import WrongAnswer

WRONG = {
    "q1-answer": WrongAnswer(
        code=('def epsilon_greedy(q_values, epsilon, rng):\n    if rng.random() < 1 - epsilon:\n'
              '        return int(rng.integers(len(q_values)))\n    return int(np.argmax(q_values))\n'),
        message="explore with probability epsilon, not 1 - epsilon",
    ),
    "q2-answer": WrongAnswer(
        code='def update_estimate(estimate, count, reward):\n'
             '    return estimate + (reward - estimate) / (count + 1)\n',
        message="Divide by count, the number of rewards including this one, not by count + 1",
    ),
    "q3-answer": WrongAnswer(
        # The "realised" regret: the best mean times the pulls, minus the rewards actually received.
        code=('def run_bandit(true_means, epsilon, n_steps, seed):\n'
              '    rng = np.random.default_rng(seed)\n    k = len(true_means)\n'
              '    estimates, counts = np.zeros(k), np.zeros(k)\n    total_reward = 0.0\n'
              '    for _ in range(n_steps):\n'
              '        arm = int(rng.integers(k)) if rng.random() < epsilon else int(np.argmax(estimates))\n'
              '        reward = rng.normal(true_means[arm], 1.0)\n'
              '        counts[arm] += 1\n        estimates[arm] += (reward - estimates[arm]) / counts[arm]\n'
              '        total_reward += reward\n'
              '    return float(total_reward), float(n_steps * max(true_means) - total_reward)\n'),
        message="not the random rewards",
    ),
    "q4-answer": WrongAnswer(
        code=('def bellman_backup(V, P, state, gamma):\n'
              '    return max(reward + gamma * V[next_state] for next_state, reward, done in P[state])\n'),
        message="there is no future value",
    ),
    "q5-answer": WrongAnswer(
        code=('def value_iteration(P, gamma, tol=1e-8):\n    V = np.zeros(len(P))\n    while True:\n'
              '        new_V = np.array([max(r if done else r + V[s2] for s2, r, '
              'done in P[s]) for s in range(len(P))])\n'
              '        if np.abs(new_V - V).max() < tol:\n            return new_V\n        V = new_V\n'),
        message="Multiply the next state's value by gamma in every backup",
    ),
    "q6-answer": WrongAnswer(
        code=('def greedy_policy(V, P, gamma):\n'
              '    return np.array([int(np.argmax([V[s2] for s2, r, '
              'done in P[s]])) for s in range(len(P))])\n'),
        message="not V[next_state] alone",
    ),
    "q7-answer": WrongAnswer(
        code=('def q_update(Q, state, action, reward, next_state, done, alpha, gamma):\n'
              '    target = reward if done else reward + gamma * Q[state].max()\n'
              '    Q[state, action] += alpha * (target - Q[state, action])\n    return Q\n'),
        message="bootstraps from the NEXT state",
    ),
    "q8-answer": WrongAnswer(
        # The state is set once, before the episode loop: every episode after the first starts at the goal.
        code=('def train_q_learning(world, n_episodes, alpha, gamma, epsilon, seed, max_steps=100):\n'
              '    rng = np.random.default_rng(seed)\n    Q = np.zeros((world.n_states, world.n_actions))\n'
              '    state = world.start\n'
              '    for _ in range(n_episodes):\n        for _ in range(max_steps):\n'
              '            if rng.random() < epsilon:\n'
              '                action = int(rng.integers(world.n_actions))\n'
              '            else:\n                action = int(np.argmax(Q[state]))\n'
              '            next_state, reward, done = world.step(state, action)\n'
              '            target = reward if done else reward + gamma * Q[next_state].max()\n'
              '            Q[state, action] += alpha * (target - Q[state, action])\n'
              '            state = next_state\n            if done:\n                break\n    return Q\n'),
        message="start every episode again at",
    ),
    "q9-answer": WrongAnswer(
        code=('def success_rate(env, policy, n_episodes, seed):\n    successes = 0\n'
              '    for episode in range(n_episodes):\n'
              '        observation, info = env.reset(seed=seed) if episode == 0 else env.reset()\n'
              '        done = False\n        while not done:\n'
              '            observation, reward, terminated, truncated, '
              'info = env.step(int(policy[observation]))\n'
              '            done = terminated or truncated\n'
              '        successes += reward\n'
              '    return successes\n'),
        message="divide by n_episodes",
    ),
}

# Stops after five sweeps instead of waiting for the change to fall below tol: enough for the
# three-state chain of the visible check, not for the grid world, whose goal is eight moves away.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q5-answer",
    'def value_iteration(P, gamma, tol=1e-8):\n    V = np.zeros(len(P))\n    for _ in range(5):\n'
    '        V = np.array([max(r if done else r + gamma * V[s2] for s2, r, '
    'done in P[s]) for s in range(len(P))])\n'
    '    return V\n',
)

# The Q-learning update (q7) changes the table it is given in place, as its text asks.
CHANGES_IN_PLACE = frozenset({"q7-answer"})
