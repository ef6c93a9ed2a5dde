"""The skills report: each learner's mastery of the six skills an ML internship asks for.

Every graded cell of the course proves one skill: an exercise's test cell ``qN-tests`` the skill
its :class:`~mlcourse.exercise.Exercise` is tagged with, a written answer communication, and the
capstone's competition score ML algorithms. Mastery is the share of the points earned out of the
points graded so far, read from the nbgrader gradebook; answers still waiting for manual grading
are left out rather than counted as zero.
"""

from __future__ import annotations

from pathlib import Path

from mlcourse.exercise import COMMUNICATION, ML_ALGORITHMS, SKILLS
from mlcourse.exercises import catalog
from mlcourse.instructor.cells import WRITTEN_ANSWER, exercise_name
from mlcourse.instructor.course import Course, CourseError

__all__ = ["CHART_FILE", "cell_skill", "chart_path", "mastery", "skills_chart", "skills_figure",
           "skills_table"]


def cell_skill(assignment: str, cell: str, score_cell: str) -> str | None:
    """The skill a graded cell of ``assignment`` proves, or None for a cell the course does not know.

    ``score_cell`` is the competition's points cell (``Competition.score_cell``).
    """
    if cell == WRITTEN_ANSWER:
        return COMMUNICATION
    if cell == score_cell:
        return ML_ALGORITHMS
    if cell.endswith("-tests"):
        exercise = catalog.find(assignment, exercise_name(cell))
        return exercise.skill if exercise else None
    return None


def mastery(course: Course, student: str | None = None) -> dict[str, dict[str, tuple[float, float]]]:
    """learner -> skill -> (points earned, points graded), over every graded submission."""
    from nbgrader.api import MissingEntry

    score_cell = course.competition().score_cell
    table: dict[str, dict[str, tuple[float, float]]] = {}
    with course.gradebook() as gradebook:
        known = [s.id for s in gradebook.students]
        if student and student not in known:
            raise CourseError(f"the gradebook has no learner {student!r}; "
                              f"it has: {', '.join(known) or 'none'}.")
        students = [student] if student else known
        for learner in students:
            totals = {skill: (0.0, 0.0) for skill in SKILLS}
            for assignment in gradebook.assignments:
                try:
                    submission = gradebook.find_submission(assignment.name, learner)
                except MissingEntry:  # this learner did not submit it
                    continue
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        skill = cell_skill(assignment.name, grade.name, score_cell)
                        if skill is None or grade.needs_manual_grade:
                            continue
                        earned, possible = totals[skill]
                        totals[skill] = (earned + (grade.score or 0.0), possible + grade.max_score)
            table[learner] = totals
    return table


def skills_table(table: dict[str, dict[str, tuple[float, float]]]) -> str:
    """Mastery per learner and skill in percent, with the class average last; '-' where nothing is
    graded yet."""
    short = dict(zip(SKILLS, ("programming", "statistics", "data handling", "ML algorithms", "visualization",
                              "communication")))
    lines = [f"{'learner':<14}" + "".join(f"{short[s]:>15}" for s in SKILLS)]
    percent = lambda earned, possible: f"{100 * earned / possible:.0f}%" if possible else "-"  # noqa: E731
    for learner, totals in sorted(table.items()):
        lines.append(f"{learner:<14}" + "".join(f"{percent(*totals[s]):>15}" for s in SKILLS))
    if len(table) > 1:
        summed = {s: (sum(t[s][0] for t in table.values()), sum(t[s][1] for t in table.values()))
                  for s in SKILLS}
        lines.append(f"{'class':<14}" + "".join(f"{percent(*summed[s]):>15}" for s in SKILLS))
    return "\n".join(lines)


#: Where ``mlcourse skills`` writes its chart unless told otherwise, relative to the course folder: next to
#: ``grades.csv``, the other report the commands write there.
CHART_FILE = Path("skills.png")
#: The chart's resolution and type sizes: 12 inches at 110 dpi is 1320 px wide, and text of 12 to 15 pt
#: is 18 to 23 px tall, readable when an image viewer or browser scales it down.
CHART_DPI = 110
CHART_SIZE_IN = (12, 6)
TEXT_PT, TITLE_PT = 12, 15


def chart_path(course: Course, out: Path | None = None) -> Path:
    """The chart's file, absolute: ``out`` (relative to the current folder, as a command-line path is),
    else :data:`CHART_FILE` in the course folder, never wherever the command happens to run."""
    return (out if out is not None else course.root / CHART_FILE).resolve()


def skills_figure(table: dict[str, dict[str, tuple[float, float]]], title: str):
    """A bar chart of mastery per skill (one learner, or the class's points pooled) as a matplotlib
    figure."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    earned = [sum(t[s][0] for t in table.values()) for s in SKILLS]
    possible = [sum(t[s][1] for t in table.values()) for s in SKILLS]
    shares = [100 * e / p if p else 0 for e, p in zip(earned, possible)]
    fig, ax = plt.subplots(figsize=CHART_SIZE_IN, layout="constrained")
    bars = ax.barh(SKILLS[::-1], shares[::-1], color="#0072b2")
    for bar, share, p in zip(bars, shares[::-1], possible[::-1]):
        label = f"{share:.0f}% of {p:g} points" if p else "not graded yet"
        inside = share > 70  # a long bar holds its label; a short one has it just after its end
        ax.text(share - 1 if inside else share + 1, bar.get_y() + bar.get_height() / 2, label, va="center",
                ha="right" if inside else "left", color="white" if inside else "black", fontsize=TEXT_PT)
    ax.set_xlim(0, 100)
    ax.tick_params(labelsize=TEXT_PT)
    ax.set_xlabel("mastery (% of graded points earned)", fontsize=TEXT_PT + 1)
    ax.set_title(title, fontsize=TITLE_PT)
    return fig


def skills_chart(table: dict[str, dict[str, tuple[float, float]]], path: Path, title: str) -> Path:
    """:func:`skills_figure` saved as PNG to ``path`` (its folder made if needed); returns ``path``."""
    import matplotlib.pyplot as plt

    fig = skills_figure(table, title)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=CHART_DPI)
    plt.close(fig)
    return path
