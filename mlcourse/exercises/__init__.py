"""Checks and hints of each assignment, one module per assignment, named like its folder in source/.

Importing any of them (every assignment's setup cell does) arranges for the setup cell's variables
to be kept for the hidden tests (:func:`mlcourse.results.keep_setup`).
"""

from mlcourse.results import keep_setup

keep_setup()
