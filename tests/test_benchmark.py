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


def test_parallel_grading_benchmark_prints_its_table_and_finds_the_same_grades():
    command = [sys.executable, str(REPO / "benchmarks" / "parallel_grading.py"), "--learners", "5",
               "--workers", "2"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and " s |" in line]
    assert len(rows) == 4 and "local Dask cluster of 2" in rows[3]
    assert "same score in every cell, every mode: True" in result.stdout
