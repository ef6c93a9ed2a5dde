"""Checks and hints of each assignment, one module per assignment, named like its folder in source/."""
