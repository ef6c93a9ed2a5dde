"""Run a command while the machine is loaded as a busy grading server is, and print how long it took.

The load: two processes fitting scikit-learn's HistGradientBoostingClassifier in a loop with the
default (all-core) OpenMP threads, and two pure-Python busy loops. A grade must not depend on it:

    .venv/bin/python benchmarks/under_load.py -- .venv/bin/mlcourse demo --workdir build/demo-loaded
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

FIT_LOOP = """
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
rng = np.random.default_rng(0)
data, target = rng.normal(size=(20000, 20)), rng.integers(0, 2, 20000)
while True:
    HistGradientBoostingClassifier(max_iter=100).fit(data, target)
"""
BUSY_LOOP = "while True: pass"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command to run, after --")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    environment = {k: v for k, v in os.environ.items() if not k.endswith("NUM_THREADS")}  # default threads
    load = [subprocess.Popen([sys.executable, "-c", code], env=environment)
            for code in (FIT_LOOP, FIT_LOOP, BUSY_LOOP, BUSY_LOOP)]
    try:
        time.sleep(5)  # let the load start
        started = time.perf_counter()
        result = subprocess.run(command)
        seconds = time.perf_counter() - started
        print(f"under load: `{' '.join(command)}` exited {result.returncode} after {seconds:.0f} s; "
              f"load average {os.getloadavg()[0]:.1f}")
        return result.returncode
    finally:
        for process in load:
            process.kill()


if __name__ == "__main__":
    sys.exit(main())
