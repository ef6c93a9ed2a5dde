from tests.answers import WrongAnswer

WRONG = {
    "q1-answer": WrongAnswer(
        code=('def epsilon_greedy(q_values, epsilon, rng):\n    if rng.random() < 1 - epsilon:\n'
              '        return int(rng.integers(len(q_values)))\n    return int(np.argmax(q_values))\n'),
        message="not 1 - epsilon",
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
        message="V[next_state] alone",
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

# Valid answers in another form: another container, another formula, another order of the same work.
ALTERNATIVES = {
    "q1-answer": ('def epsilon_greedy(q_values, epsilon, rng):\n'
                  '    values = list(q_values)\n'
                  '    if rng.random() < epsilon:\n'
                  '        return int(rng.integers(0, len(values)))\n'
                  '    return values.index(max(values))\n'),
    "q2-answer": ('def update_estimate(estimate, count, reward):\n'
                  '    return (estimate * (count - 1) + reward) / count\n'),
    "q3-answer": ('def run_bandit(true_means, epsilon, n_steps, seed):\n'
                  '    means = list(true_means)\n    rng = np.random.default_rng(seed)\n'
                  '    estimates, counts = [0.0] * len(means), [0] * len(means)\n    total_reward = 0.0\n'
                  '    for _ in range(n_steps):\n'
                  '        explore = rng.random() < epsilon\n'
                  '        arm = int(rng.integers(0, len(means))) if explore else '
                  'estimates.index(max(estimates))\n'
                  '        reward = rng.normal(means[arm], 1.0)\n'
                  '        counts[arm] += 1\n'
                  '        estimates[arm] = estimates[arm] + (reward - estimates[arm]) / counts[arm]\n'
                  '        total_reward += reward\n'
                  '    regret = sum(count * (max(means) - mean) for count, mean in zip(counts, means))\n'
                  '    return float(total_reward), float(regret)\n'),
    "q4-answer": ('def bellman_backup(V, P, state, gamma):\n'
                  '    scores = [reward + (0.0 if done else gamma * V[next_state])\n'
                  '              for next_state, reward, done in P[state]]\n'
                  '    return np.max(scores)\n'),
    # Updates the table in place during the sweep (Gauss-Seidel): the same fixed point, within tol.
    "q5-answer": ('def value_iteration(P, gamma, tol=1e-8):\n'
                  '    V = np.zeros(len(P))\n    change = tol\n'
                  '    while change >= tol:\n        change = 0.0\n'
                  '        for state, actions in enumerate(P):\n'
                  '            best = max(reward if done else reward + gamma * V[next_state]\n'
                  '                       for next_state, reward, done in actions)\n'
                  '            change = max(change, abs(best - V[state]))\n            V[state] = best\n'
                  '    return V\n'),
    "q6-answer": ('def greedy_policy(V, P, gamma):\n'
                  '    scores = np.array([[reward if done else reward + gamma * V[next_state]\n'
                  '                        for next_state, reward, done in actions] for actions in P])\n'
                  '    return scores.argmax(axis=1)\n'),
    "q7-answer": ('def q_update(Q, state, action, reward, next_state, done, alpha, gamma):\n'
                  '    target = reward + (0.0 if done else gamma * np.max(Q[next_state]))\n'
                  '    Q[state][action] = (1 - alpha) * Q[state][action] + alpha * target\n'
                  '    return Q\n'),
    "q8-answer": ('def train_q_learning(world, n_episodes, alpha, gamma, epsilon, seed, max_steps=100):\n'
                  '    rng = np.random.default_rng(seed)\n    Q = np.zeros((world.n_states, '
                  'world.n_actions))\n'
                  '    for episode in range(n_episodes):\n        state, steps, done = world.start, 0, '
                  'False\n'
                  '        while steps < max_steps and not done:\n'
                  '            explore = rng.random() < epsilon\n'
                  '            action = int(rng.integers(0, world.n_actions)) if explore else '
                  'int(Q[state].argmax())\n'
                  '            next_state, reward, done = world.step(state, action)\n'
                  '            future = 0.0 if done else gamma * np.max(Q[next_state])\n'
                  '            Q[state, action] = (1 - alpha) * Q[state, action] + alpha * (reward + '
                  'future)\n'
                  '            state, steps = next_state, steps + 1\n'
                  '    return Q\n'),
    "q9-answer": ('def success_rate(env, policy, n_episodes, seed):\n    results = []\n'
                  '    for episode in range(n_episodes):\n'
                  '        observation, info = env.reset(seed=seed if episode == 0 else None)\n'
                  '        terminated = truncated = False\n        reward = 0.0\n'
                  '        while not (terminated or truncated):\n'
                  '            observation, reward, terminated, truncated, info = '
                  'env.step(int(policy[observation]))\n'
                  '        results.append(reward == 1)\n'
                  '    return np.mean(results)\n'),
}

# Right on the check's first input only.
VISIBLE_ONLY = {
    # Explores among three actions whatever the number of actions (the first input has three).
    "q1-answer": WrongAnswer(
        code=('def epsilon_greedy(q_values, epsilon, rng):\n    if rng.random() < epsilon:\n'
              '        return int(rng.integers(3))\n    return int(np.argmax(q_values))\n'),
        message="`rng.integers(3)` whatever the number of actions",
    ),
    # Floor division: right while every step of the mean is a whole number (rewards 4, then 2, 4, 9).
    "q2-answer": WrongAnswer(
        code='def update_estimate(estimate, count, reward):\n    return estimate + (reward - estimate) // '
             'count\n',
        message="rounded down",
    ),
    # Takes the last arm as the best one: right while the means are sorted, as [0.0, 1.0] is.
    "q3-answer": WrongAnswer(
        code=('def run_bandit(true_means, epsilon, n_steps, seed):\n'
              '    rng = np.random.default_rng(seed)\n    k = len(true_means)\n'
              '    estimates, counts = np.zeros(k), np.zeros(k)\n    total_reward, regret = 0.0, 0.0\n'
              '    for _ in range(n_steps):\n'
              '        arm = int(rng.integers(k)) if rng.random() < epsilon else int(np.argmax(estimates))\n'
              '        reward = rng.normal(true_means[arm], 1.0)\n'
              '        counts[arm] += 1\n        estimates[arm] += (reward - estimates[arm]) / counts[arm]\n'
              '        total_reward += reward\n        regret += true_means[-1] - true_means[arm]\n'
              '    return float(total_reward), float(regret)\n'),
        message="the largest true mean, wherever it is",
    ),
    # Scores the first two actions only: the chain has two.
    "q4-answer": WrongAnswer(
        code=('def bellman_backup(V, P, state, gamma):\n'
              '    return float(max(reward if done else reward + gamma * V[next_state]\n'
              '                     for next_state, reward, done in P[state][:2]))\n'),
        message="only the first two actions",
    ),
    # Three states, as in the chain: `np.zeros(3)` instead of `np.zeros(len(P))`.
    "q5-answer": WrongAnswer(
        code=('def value_iteration(P, gamma, tol=1e-8):\n    V = np.zeros(3)\n    while True:\n'
              '        new_V = np.array([max(reward if done else reward + gamma * V[next_state]\n'
              '                              for next_state, reward, done in P[state]) for state in '
              'range(len(P))])\n'
              '        if np.abs(new_V - V).max() < tol:\n            return new_V\n        V = new_V\n'),
        message="has 4 states and 4 actions",
    ),
    # Forgets `done`: right while every terminal state is valued 0, as in the chain's first table.
    "q6-answer": WrongAnswer(
        code=('def greedy_policy(V, P, gamma):\n'
              '    return np.array([int(np.argmax([reward + gamma * V[next_state]\n'
              '                                    for next_state, reward, done in P[state]]))\n'
              '                     for state in range(len(P))])\n'),
        message="a move with done=True is worth its reward alone",
    ),
    # Uses the lesson's gamma, 0.9, whatever gamma it is given.
    "q7-answer": WrongAnswer(
        code=('def q_update(Q, state, action, reward, next_state, done, alpha, gamma):\n'
              '    target = reward if done else reward + 0.9 * Q[next_state].max()\n'
              '    Q[state, action] += alpha * (target - Q[state, action])\n    return Q\n'),
        message="gamma=0.9 whatever gamma",
    ),
    # Starts every episode in state 0: the corridor's start, and the grid world's.
    "q8-answer": WrongAnswer(
        code=('def train_q_learning(world, n_episodes, alpha, gamma, epsilon, seed, max_steps=100):\n'
              '    rng = np.random.default_rng(seed)\n    Q = np.zeros((world.n_states, world.n_actions))\n'
              '    for _ in range(n_episodes):\n        state = 0\n        for _ in range(max_steps):\n'
              '            if rng.random() < epsilon:\n'
              '                action = int(rng.integers(world.n_actions))\n'
              '            else:\n                action = int(np.argmax(Q[state]))\n'
              '            next_state, reward, done = world.step(state, action)\n'
              '            target = reward if done else reward + gamma * Q[next_state].max()\n'
              '            Q[state, action] += alpha * (target - Q[state, action])\n'
              '            state = next_state\n            if done:\n                break\n    return Q\n'),
        message="start each episode at `world.start`",
    ),
    # Seeds every episode: right on the still lake, where every episode is the same anyway.
    "q9-answer": WrongAnswer(
        code=('def success_rate(env, policy, n_episodes, seed):\n    successes = 0.0\n'
              '    for episode in range(n_episodes):\n'
              '        observation, info = env.reset(seed=seed)\n'
              '        while True:\n'
              '            observation, reward, terminated, truncated, info = '
              'env.step(int(policy[observation]))\n'
              '            if terminated or truncated:\n                break\n'
              '        successes += reward\n'
              '    return successes / n_episodes\n'),
        message="seed only the FIRST reset",
    ),
}
