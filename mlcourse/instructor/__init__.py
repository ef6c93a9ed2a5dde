"""The instructor's side of the course: releasing, grading, feedback and the end-to-end demo.

Everything here composes nbgrader's own commands and its public Python API
(:class:`nbgrader.apps.NbGraderAPI`, :class:`nbgrader.api.Gradebook`); nothing re-implements them.
"""
