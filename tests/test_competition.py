"""The capstone competition: its data, the scorer's checks, the points scale, the leaderboard,
and that the test labels never reach what learners receive."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import zipfile

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from mlcourse.data import load_adult_raw, load_competition
from mlcourse.instructor.cohort.generate import read_secret, write_competition
from mlcourse.instructor.cohort.synthetic import synthesize
from mlcourse.instructor.competition import PACKAGE_DATA
from mlcourse.instructor.course import Course
from mlcourse.instructor.leaderboard import build_leaderboard, standings
from mlcourse.instructor.scoring import Scored, history, load_labels, score_file, score_submission
from mlcourse.submission_format import problems
from tests.conftest import REPO

SAMPLES = REPO / "samples" / "capstone"
SETTINGS = Course.at(REPO).competition()


def scratch(folder) -> Course:
    """An empty course in ``folder`` with the repository's configuration (and so its competition policy)."""
    shutil.copy2(REPO / "nbgrader_config.py", folder)
    return Course.at(folder)


@pytest.fixture(scope="module")
def labels(course):
    return load_labels(course)


@pytest.mark.slow  # generates a whole competition and fits its two models
def test_committed_competition_files_are_the_seeded_split(tmp_path):
    """Rebuilding with the committed default secret gives the very same files and scale."""
    committed = {p.name: p.read_bytes() for p in PACKAGE_DATA.glob("*.csv")}
    committed["test_labels.csv"] = (REPO / SETTINGS.labels_file).read_bytes()
    committed["scale.json"] = (PACKAGE_DATA / "scale.json").read_bytes()
    seed = read_secret(REPO / SETTINGS.secret_file)
    rebuilt = {p.name: p.read_bytes()
               for p in write_competition(SETTINGS, tmp_path / "package", tmp_path / "test_labels.csv", seed)}
    assert rebuilt.keys() == committed.keys()
    for name, content in rebuilt.items():
        assert content == committed[name], f"{name} differs from a fresh build: run `mlcourse competition`"


def test_split_shapes_and_public_share(labels):
    train, test, sample = (load_competition(p) for p in ("train", "test", "sample_submission"))
    assert (len(train), len(test), len(sample)) == (22792, 9769, 9769)
    assert "income" in train.columns and "income" not in test.columns
    assert set(train["id"]).isdisjoint(test["id"]) and list(sample["id"]) == list(test["id"])
    assert list(labels["id"]) == list(test["id"])
    assert 0.27 < labels["public"].mean() < 0.33
    assert problems(sample, test["id"]) == []


def test_no_file_learners_receive_holds_the_test_labels(labels):
    """Learners get release/ and the course package: neither has a label file or a label column for
    test ids."""
    digest = hashlib.sha256((REPO / SETTINGS.labels_file).read_bytes()).hexdigest()
    shipped = [p for folder in (REPO / "release", REPO / "mlcourse") for p in folder.rglob("*")
               if p.is_file()]
    assert all(hashlib.sha256(p.read_bytes()).hexdigest() != digest for p in shipped)
    for path in (p for p in shipped if p.suffix == ".csv"):
        frame = pd.read_csv(path)
        assert (not {"income", "income_over_50k"} & set(frame.columns)
                or set(frame["id"]).isdisjoint(labels["id"])), path
    notebook_text = (REPO / "source" / "capstone" / "capstone.ipynb").read_text(encoding="utf-8")
    assert "test_labels" not in notebook_text and "competition/" not in notebook_text
    secret = (REPO / SETTINGS.secret_file).read_text(encoding="utf-8").strip()
    assert len(secret) == 32 and not any(secret.encode() in p.read_bytes() for p in shipped)


def test_the_public_adult_file_does_not_hold_the_answers():
    """The competition's people are synthetic: almost none equals a person of the public Adult file on every
    feature, so no test row can be looked up (a plain split let 94% of them be matched)."""
    adult = load_adult_raw().drop(columns="income").drop_duplicates()
    test = load_competition("test")
    matched = test.merge(adult, on=[c for c in test.columns if c != "id"], how="inner")["id"].nunique()
    assert matched / len(test) < 0.05


def test_the_synthetic_data_depend_on_the_secret_alone():
    real = load_adult_raw().sample(3000, random_state=0)
    first, again, other = (synthesize(real, 400, seed) for seed in (7, 7, 8))
    assert first.equals(again) and not first.equals(other)
    assert list(first.columns) == list(real.columns) and first["workclass"].str.startswith(" ").all()
    assert first["income"].isin([" >50K", " <=50K"]).all()
    assert 0.05 < (first["income"] == " >50K").mean() < 0.5


def test_a_secret_is_drawn_once_kept_private_and_renewed_on_request(tmp_path):
    path = tmp_path / "competition" / "secret.txt"
    seed = read_secret(path)
    assert read_secret(path) == seed and path.stat().st_mode & 0o077 == 0 and seed.bit_length() > 64
    assert read_secret(path, renew=True) != seed


@pytest.mark.parametrize("sample, message", [
    ("fay_with_index.csv",
     "unexpected column: Unnamed: 0 (an unnamed first column usually means the index was written"),
    ("gil_not_a_csv.csv", "is not a CSV file"),
    ("hal_partial.csv", "500 rows, but the test set has 9769"),
    ("hal_partial.csv", "1 id appears more than once"),
    ("ivy_scores.csv", "probabilities are missing (NaN)"),
    ("ivy_scores.csv", "probabilities are outside [0, 1]"),
    ("no_such_file.csv", "there is no file no_such_file.csv"),
])
def test_malformed_samples_get_their_clear_error_and_no_score(labels, sample, message):
    public, private, found = score_file(SAMPLES / sample, labels)
    assert public is None and private is None
    assert any(message in problem for problem in found), found


@pytest.mark.parametrize("mutate, message", [
    (lambda f: f.drop(columns="probability"), "missing column: probability"),
    (lambda f: f.rename(columns={"id": "ID"}), "missing column: id"),
    (lambda f: f.assign(extra=1), "unexpected column: extra."),
    (lambda f: f.assign(id=f["id"] + 10**6), "9769 ids are not in the test set"),
    (lambda f: pd.concat([f.iloc[1:], f.iloc[:1].assign(id=0)]), "1 test id has no prediction"),
    (lambda f: f.assign(id=f["id"].astype(str) + "x"), "some ids are not whole numbers"),
    (lambda f: f.assign(probability=["high"] * len(f)), "9769 probabilities are not numbers"),
])
def test_each_format_problem_is_named(tmp_path, labels, mutate, message):
    path = tmp_path / "submission.csv"
    mutate(load_competition("sample_submission")).to_csv(path, index=False)
    public, private, found = score_file(path, labels)
    assert private is None and any(message in problem for problem in found), found


def test_an_empty_file_is_not_a_csv(tmp_path, labels):
    (tmp_path / "submission.csv").write_text("")
    assert "is not a CSV file" in score_file(tmp_path / "submission.csv", labels)[2][0]


def test_public_and_private_scores_use_disjoint_rows(tmp_path, labels):
    """A file that is perfect on the public rows and inverted on the private ones shows both."""
    truth = labels.set_index("id")
    probability = truth["income_over_50k"].where(truth["public"], 1 - truth["income_over_50k"])
    probability.rename("probability").reset_index().to_csv(tmp_path / "s.csv", index=False)
    public, private, found = score_file(tmp_path / "s.csv", labels)
    assert (public, private, found) == (1.0, 0.0, [])


@pytest.mark.parametrize("auc, points", [(0.5, 0), (SETTINGS.baseline_auc, 0),
                                         (SETTINGS.baseline_auc + 1e-4, 5.0),
                                         ((SETTINGS.baseline_auc + SETTINGS.full_marks_auc) / 2, 7.5),
                                         (SETTINGS.full_marks_auc, 10), (0.99, 10)])
def test_published_points_scale(auc, points):
    assert SETTINGS.points_for(auc) == pytest.approx(points, abs=0.051)


def test_the_points_scale_follows_the_course_configuration(tmp_path):
    course = scratch(tmp_path)
    with (tmp_path / "nbgrader_config.py").open("a") as config:
        config.write("c.Competition.points = 20.0\nc.Competition.baseline_auc = 0.8\n")
    settings = course.competition()
    assert (settings.points, settings.baseline_auc) == (20.0, 0.8)
    assert settings.full_marks_auc == SETTINGS.full_marks_auc  # the published scale's, not configured
    halfway = (0.8 + SETTINGS.full_marks_auc) / 2
    assert settings.points_for(0.8) == 0 and settings.points_for(halfway) == 15.0


def entry(student, private, status="scored", at="2026-11-25T10:00:00"):
    return Scored(student, at, f"{student}{private}", status, private and private + 0.001, private,
                  SETTINGS.points_for(private) if private else 0.0, "" if private else "bad file")


def test_leaderboard_ranks_best_files_with_ties_counts_and_flags():
    rows = standings([
        entry("ana", 0.85), entry("ana", 0.90, at="2026-11-25T11:00:00"), entry("bo", 0.90),
        entry("cy", 0.88), entry("dee", 0.99), entry("eli", None, status="invalid"),
        entry("ana", None, status="invalid"),
    ], SETTINGS)
    ranked = {r.student: r for r in rows}
    assert [r.student for r in rows] == ["dee", "ana", "bo", "cy", "eli"]
    assert [r.rank for r in rows] == [1, 2, 2, 4, None]
    assert ranked["ana"].submissions == 3 and ranked["ana"].private_auc == 0.90
    assert "review" in ranked["dee"].flag and ranked["bo"].flag == ""
    assert ranked["eli"].flag.startswith("no valid submission: bad file")


@pytest.mark.slow  # the leaderboard's chart
def test_resubmitting_the_same_file_is_not_counted_twice(tmp_path, labels):
    course = scratch(tmp_path)
    first = score_submission(course, "ada", SAMPLES / "ada_submission.csv", labels)
    again = score_submission(course, "ada", SAMPLES / "ada_submission.csv", labels)
    other = score_submission(course, "ada", SAMPLES / "cleo_tree.csv", labels)
    assert first == again and other.private_auc < first.private_auc
    rows, csv_path, html_path = build_leaderboard(course)
    assert rows[0].submissions == 2 and rows[0].private_auc == first.private_auc
    assert "ada" in csv_path.read_text() and "data:image/png;base64," in html_path.read_text()


def run_notebook(path, folder):
    shutil.copy(path, folder / path.name)
    notebook = nbformat.read(folder / path.name, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()


@pytest.mark.slow
def test_reference_solution_reaches_the_target_and_the_baseline_sets_the_bar(tmp_path, labels):
    """Both notebooks run; their files are scored as any learner's would be."""
    run_notebook(REPO / "source" / "capstone" / "capstone.ipynb", tmp_path)
    run_notebook(REPO / "notebooks" / "14_capstone_baseline.ipynb", tmp_path)
    reference_public, reference_private, _ = score_file(tmp_path / "submission.csv", labels)
    baseline_public, baseline_private, _ = score_file(tmp_path / "baseline_submission.csv", labels)
    print(f"reference public {reference_public:.4f} private {reference_private:.4f}; "
          f"baseline public {baseline_public:.4f} private {baseline_private:.4f}")
    # The published scale was measured on these very models (mlcourse competition): full marks for the
    # reference, no points for the baseline, whose score sits within 0.001 under the bar.
    assert SETTINGS.points_for(reference_private) == SETTINGS.points
    assert SETTINGS.baseline_auc - 0.001 < baseline_private <= SETTINGS.baseline_auc
    assert SETTINGS.points_for(baseline_private) == 0
    assert SETTINGS.baseline_public_auc - 0.001 < baseline_public <= SETTINGS.baseline_public_auc
    assert reference_private - baseline_private > 0.1  # a wide margin for the learners' work
    sample = pd.read_csv(SAMPLES / "ada_submission.csv")
    assert (pd.read_csv(tmp_path / "submission.csv")["probability"].round(5)
            - sample["probability"]).abs().max() < 1e-9


def test_the_learners_board_ranks_by_public_score_and_shows_nothing_private():
    entries = [entry("ana", 0.90), entry("bo", 0.88)]
    entries[1] = Scored("bo", "t", "x", "scored", 0.95, 0.88, 8.0, "")  # best in public, second in private
    assert [r.student for r in standings(entries, SETTINGS)] == ["ana", "bo"]
    assert [r.student for r in standings(entries, SETTINGS, by="public")] == ["bo", "ana"]


def test_public_leaderboard_files_leave_out_private_scores_points_and_flags(tmp_path, labels):
    course = scratch(tmp_path)
    score_submission(course, "zoe", SAMPLES / "zoe_looked_up_labels.csv", labels)
    score_submission(course, "ada", SAMPLES / "ada_submission.csv", labels)
    rows, csv_path, html_path = build_leaderboard(course, public=True)
    assert csv_path.name == "public_leaderboard.csv"
    assert csv_path.read_text().splitlines()[0] == "rank,learner,public_auc,submissions"
    page = html_path.read_text()
    assert f"{rows[0].private_auc:.4f}" not in page and "review" not in page and "<th>Points</th>" not in page


def test_a_learners_file_that_counts_is_the_best_public_one():
    """Choosing by public score means many files never let a learner fish in the private split."""
    files = [entry("ana", 0.86), Scored("ana", "t", "b", "scored", 0.95, 0.84, 6.0, ""),
             entry("ana", None, status="invalid")]
    (row,) = standings(files, SETTINGS)
    assert (row.public_auc, row.private_auc, row.points, row.submissions) == (0.95, 0.84, 6.0, 3)


def test_identical_files_and_scores_below_chance_are_flagged():
    rows = {r.student: r for r in standings([
        Scored("ana", "t", "same", "scored", 0.9, 0.9, 8.0, ""),
        Scored("bo", "t", "same", "scored", 0.9, 0.9, 8.0, ""),
        Scored("cy", "t", "flip", "scored", 0.2, 0.17, 0.0, "")], SETTINGS)}
    assert rows["ana"].flag == "identical file to bo's" and rows["bo"].flag == "identical file to ana's"
    assert "below chance" in rows["cy"].flag


def test_a_missing_file_is_logged_once_however_often_scoring_runs(tmp_path, labels):
    course = scratch(tmp_path)
    for _ in range(3):
        missing = score_submission(course, "kim", tmp_path / "submission.csv", labels)
    assert missing.status == "invalid" and len(history(course)) == 1


@pytest.mark.slow  # builds the course package's wheel
def test_the_learners_wheel_has_the_data_but_nothing_that_rebuilds_the_labels(tmp_path):
    """Learners install a wheel of the course package: the competition's public files and scale, and the
    learner's lab extension, are in it; the generator, its secret seed and the labels are not."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, project)
    shutil.copytree(REPO / "mlcourse", project / "mlcourse", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(project)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("mlcourse-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {"mlcourse/competition_data/scale.json", "mlcourse/competition_data/test.csv",
            "mlcourse/instructor/competition.py", "mlcourse/results.py", "mlcourse/learner_lab.py",
            "mlcourse/lab_extension/share/labextensions/mlcourse-learner-lab/package.json"} <= set(names)
    extension = "mlcourse/lab_extension/share/labextensions/mlcourse-learner-lab/static/remoteEntry."
    assert any(n.startswith(extension) for n in names), "the learner's lab extension is built into the wheel"
    assert not [n for n in names if "cohort" in n or "secret" in n or "test_labels" in n or "expected/" in n]
