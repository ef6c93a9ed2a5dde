# A course package of the learner's own, beside the notebook: checks that pass anything, hidden-test
# helpers that record nothing, and data without rows.
