"""How long every lesson and every assignment (with its reference solution) takes to run, in figures.

Each notebook runs top to bottom in a fresh kernel in a scratch folder, one at a time, as a
learner's "Restart and Run All" would; the kernel start is included. The course's target is
well under 60 s per notebook on a 2-core machine.

    .venv/bin/python benchmarks/notebook_times.py [--repeat 1]
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]


def run_time(path: Path) -> float:
    """Seconds to execute ``path`` in a fresh kernel, in a scratch folder."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(path, folder)
        notebook = nbformat.read(Path(folder) / path.name, as_version=4)
        started = time.perf_counter()
        NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": folder}},
                       extra_arguments=["--IPKernelApp.log_level=ERROR"]).execute()
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=1, help="runs per notebook; the fastest is shown")
    args = parser.parse_args()
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb")) + sorted((REPO / "source").glob("*/*.ipynb"))
    total = 0.0
    print(f"{'notebook':<58} {'seconds':>8}")
    for path in notebooks:
        seconds = min(run_time(path) for _ in range(args.repeat))
        total += seconds
        print(f"{str(path.relative_to(REPO)):<58} {seconds:>8.1f}", flush=True)
    print(f"{'all ' + str(len(notebooks)) + ' notebooks':<58} {total:>8.1f}")


if __name__ == "__main__":
    main()
