"""The grading benchmark runs and prints its figures (the figures themselves are not asserted)."""
import re
import subprocess
import sys

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow  # Jupyter kernels, notebooks or nbgrader commands


def test_grading_benchmark_prints_its_figures():
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "grading_throughput.py"),
                             "--learners", "2", "--class-size", "4"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert re.search(r"per submission:\s+\d+\.\d+ s", result.stdout)
    assert re.search(r"projected for 4 learners: \d+ min", result.stdout)
