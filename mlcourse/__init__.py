"""Course helpers for the hands-on machine-learning course.

Learners import data loaders (:mod:`mlcourse.data`) and the checks and hints of each
assignment (:mod:`mlcourse.exercises`); instructors run :mod:`mlcourse.instructor`
through the ``mlcourse`` command.
"""
