"""nbgrader configuration for the course.

The course directory is the folder holding this file, wherever the repository is cloned.
Environment variables let an instructor point the same course at other resources
without editing this file:

- MLCOURSE_DB_URL: any SQLAlchemy URL for the gradebook (default: SQLite file in the course directory),
  e.g. postgresql://user@host/gradebook for a class of hundreds.
- MLCOURSE_EXCHANGE: the exchange directory shared by instructor and learners
  (default: ./exchange, which works on one machine without root).
- MLCOURSE_CELL_TIMEOUT: seconds a single cell may run during autograding (default 30):
  long enough for every exercise, short enough that an infinite loop costs half a minute.
- MLCOURSE_SANDBOX: "0" runs graded kernels without the bubblewrap sandbox (default: sandboxed;
  `mlcourse grade --no-sandbox` sets it). Only for trusted notebooks on a machine without bubblewrap.
"""
import os
from pathlib import Path

from mlcourse.instructor.timing import CellTimeouts

c = get_config()  # provided by traitlets when it loads this file

course_root = Path(__file__).resolve().parent

c.CourseDirectory.course_id = "ml-internship"
c.CourseDirectory.root = str(course_root)
c.CourseDirectory.db_url = os.environ.get(
    "MLCOURSE_DB_URL", f"sqlite:///{course_root / 'gradebook.db'}"
)

c.Exchange.root = os.environ.get("MLCOURSE_EXCHANGE", str(course_root / "exchange"))
c.Exchange.path_includes_course = True

c.Execute.timeout = int(os.environ.get("MLCOURSE_CELL_TIMEOUT", "30"))
# A test cell may take 10 times what it took in the reference solution (cell_times.json, written by
# `mlcourse release`), never less than the limit above: a busy grader never fails a correct cell.
c.DecideTestCells.expected_dir = str(course_root / "expected")
c.Execute.timeout_func = CellTimeouts(course_root / "cell_times.json", default=c.Execute.timeout, factor=10)

# Learners get a stub that fails loudly until they write their own code.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# A submission is sanitized before it runs: nbgrader's own steps, plus its markers broken in answer cells.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "mlcourse.instructor.markers.NeutralizeMarkers",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# After a submission ran: the grader decides every test cell from the results its hidden tests recorded,
# compared here with the reference's (expected/, written by `mlcourse release`; see
# mlcourse/instructor/decide.py), then nbgrader's steps, with each cell's outputs kept under a size budget.
c.Autograde.autograde_preprocessors = [
    "nbgrader.preprocessors.Execute",
    "mlcourse.instructor.decide.DecideTestCells",
    "mlcourse.instructor.output_limit.LimitOutputSize",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# Feedback returned to learners never shows hidden tests, nor their expected values in tracebacks, and
# is safe to open: learners' markup (HTML, JavaScript, SVG, markdown) is escaped or stripped, by
# nbconvert's sanitizer on every cell and again by the HTML template.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "mlcourse.instructor.feedback_privacy.RedactHiddenTestErrors",
    "mlcourse.instructor.feedback_labels.LabelExercises",  # names each score's exercise; reads metadata only
    "nbconvert.preprocessors.sanitize.SanitizeHTML",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
c.SanitizeHTML.enabled = True
c.HTMLExporter.sanitize_html = True

# Every graded kernel runs in a bubblewrap sandbox: no network, nothing of the course but the package,
# a private copy of the submission, one thread per library, limits below (see mlcourse/instructor/sandbox.py).
c.Execute.kernel_manager_class = "mlcourse.instructor.sandbox.SandboxedKernelManager"
c.SandboxLimits.enabled = os.environ.get("MLCOURSE_SANDBOX", "1") != "0"
# Address space, not resident memory: PyTorch's Linux wheel (with its CUDA libraries) maps about 3.2 GB
# as it is imported, so 8 GB leaves a deep-learning notebook room for its data and model.
c.SandboxLimits.memory_mb = 8192
c.SandboxLimits.processes = 256
c.SandboxLimits.file_size_mb = 256
c.SandboxLimits.cpu_seconds = 600

# A graded kernel is stopped at once when its notebook is done (all its outputs are in): waiting for a
# graceful exit only leaves the core idle.
c.Execute.shutdown_kernel = "immediate"

# Graded kernels keep no history file and do not log start-up warnings into the grading output. They
# import the course package before any learner's cell runs, so later course imports resolve to the
# installed package whatever the learner does to sys.path (which starts without the submission folder).
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR",
                             "--IPKernelApp.exec_lines=import mlcourse"]

# The capstone competition's policy (mlcourse.instructor.competition.Competition; `help=` on each trait).
# Published points scale: a private ROC-AUC at or below the baseline's earns 0; beating it earns a pass
# (half the points), rising linearly to full points just under the reference's. `mlcourse competition`
# measures both on each generated competition and publishes them in mlcourse/competition_data/scale.json.
c.Competition.assignment = "capstone"
c.Competition.score_cell = "competition-score"
c.Competition.points = 10.0
c.Competition.implausible_auc = 0.97
