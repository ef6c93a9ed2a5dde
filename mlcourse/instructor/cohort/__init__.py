"""A cohort's competition, generated from the instructor's secret seed; instructor-only (not in the learners'
wheel)."""
