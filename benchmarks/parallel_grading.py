"""How much faster a class is graded on several workers, with the same grades, in figures.

Grades the same class of realistic submissions (complete, partly wrong, blank, with edited tests and
cut off mid-upload, in turn) in fresh scratch courses: with plain ``nbgrader autograde`` (the anchor),
``mlcourse grade --workers 1``, ``--workers N``, and ``--scheduler`` on a local Dask cluster of N worker
processes (started before the clock runs, as a cluster is), all in the sandbox. Prints seconds per submission,
speed-ups over ``--workers 1``, the projection for 1,000 learners, and checks that every cell got the
same score in every mode.

    .venv/bin/python benchmarks/parallel_grading.py [--learners 40] [--workers 2]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from itertools import cycle, islice
from pathlib import Path

from mlcourse.instructor.course import Course, tool_environment
from mlcourse.instructor.grading import autograde_all
from mlcourse.instructor.release import generate_release

REPO = Path(__file__).resolve().parents[1]
ASSIGNMENT = "python_for_ml"
SAMPLES = ["ada_complete.ipynb", "cleo_partly_wrong.ipynb", "ben_blank.ipynb", "finn_edited_tests.ipynb",
           "eve_truncated_upload.ipynb-part"]


def graded_class(root: Path, learners: int) -> tuple[Course, list[str]]:
    """A scratch course with ``learners`` collected submissions, the samples in turn."""
    shutil.copy2(REPO / "nbgrader_config.py", root)
    for folder in ("source", "expected"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy2(REPO / "cell_times.json", root)
    course = Course.at(root)
    generate_release(course, [ASSIGNMENT], progress=lambda line: None)
    students = [f"learner{n:03d}" for n in range(learners)]
    for student, sample in zip(students, islice(cycle(SAMPLES), learners), strict=True):
        folder = root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        shutil.copyfile(REPO / "samples" / ASSIGNMENT / sample, folder / f"{ASSIGNMENT}.ipynb")
    return course, students


def scores(course: Course, students: list[str]) -> dict[str, dict[str, float]]:
    with course.gradebook() as gradebook:
        return {s: {g.name: g.score for g in gradebook.find_submission(ASSIGNMENT, s).notebooks[0].grades}
                for s in students}


def run(mode: str, learners: int, workers: int) -> tuple[float, dict]:
    """Seconds to grade the class in ``mode``, and every cell's score."""
    with tempfile.TemporaryDirectory(prefix="parallel-benchmark-") as folder:
        course, students = graded_class(Path(folder), learners)
        if mode == "dask":
            from distributed import LocalCluster

            with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster:
                started = time.perf_counter()
                autograde_all(course, ASSIGNMENT, students, progress=lambda line: None,
                              scheduler=cluster.scheduler_address)
                return time.perf_counter() - started, scores(course, students)
        started = time.perf_counter()
        if mode == "nbgrader":
            subprocess.run([sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT, "--force"],
                           cwd=course.root, env=tool_environment(), capture_output=True, check=False)
        else:
            autograde_all(course, ASSIGNMENT, students, progress=lambda line: None, workers=workers)
        return time.perf_counter() - started, scores(course, students)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=40, help="submissions in the class")
    parser.add_argument("--workers", type=int, default=2, help="workers of the parallel run")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", module="nbgrader.api")

    modes = [("plain `nbgrader autograde`", "nbgrader", 1), ("`mlcourse grade --workers 1`", "mlcourse", 1),
             (f"`mlcourse grade --workers {args.workers}`", "mlcourse", args.workers),
             (f"`mlcourse grade --scheduler`, local Dask cluster of {args.workers}", "dask", args.workers)]
    results = {label: run(mode, args.learners, workers) for label, mode, workers in modes}
    base = results[modes[1][0]][0]
    print(f"{args.learners} submissions of {ASSIGNMENT} (samples in turn: {', '.join(SAMPLES)}), sandboxed\n")
    print("| mode | wall time | per submission | speed-up over --workers 1 | 1,000 learners |")
    print("|---|---|---|---|---|")
    for label, (seconds, _) in results.items():
        print(f"| {label} | {seconds:.1f} s | {seconds / args.learners:.2f} s | {base / seconds:.2f}x | "
              f"{seconds / args.learners * 1000 / 60:.0f} min |")
    grades = [graded for _, graded in results.values()]
    print("\nsame score in every cell, every mode:", all(g == grades[0] for g in grades))


if __name__ == "__main__":
    main()
