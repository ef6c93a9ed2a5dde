"""A cluster grades only where the course package and its libraries are the instructor's."""

from __future__ import annotations

import pytest

from mlcourse.instructor.course import CourseError
from mlcourse.instructor.workers import grading_environment, require_same_environment


class Cluster:
    """Stands for a Dask client: ``run`` gives each worker's answer to the function it is sent."""

    def __init__(self, workers: dict[str, dict]):
        self.workers = workers

    def run(self, function):
        assert function is grading_environment
        return self.workers


def test_the_environment_names_the_course_code_and_every_library_it_depends_on():
    environment = grading_environment()
    assert len(environment["mlcourse code"]) == 16
    assert {"nbgrader", "numpy", "pandas", "scikit-learn", "torch"} <= set(environment)


def test_workers_like_this_machine_may_grade():
    require_same_environment(Cluster({"tcp://10.0.0.1:1": grading_environment()}))


def test_a_worker_with_another_library_or_course_code_is_refused_by_name():
    here = grading_environment()
    older = {**here, "scikit-learn": "1.0.2"}
    edited = {key: value for key, value in here.items() if key != "torch"} | {"mlcourse code": "0" * 16}
    with pytest.raises(CourseError) as refused:
        require_same_environment(Cluster({"tcp://a:1": here, "tcp://b:1": older, "tcp://c:1": edited}))
    message = str(refused.value)
    assert f"tcp://b:1: scikit-learn 1.0.2 (here {here['scikit-learn']})" in message
    assert f"tcp://c:1: mlcourse code {'0' * 16} (here {here['mlcourse code']})" in message
    assert f"tcp://c:1: torch missing (here {here['torch']})" in message and "tcp://a:1" not in message
