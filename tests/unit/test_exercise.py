"""exercise: the helpers every visible check shares, the ``exercise`` decorator and its registry,
what ``Exercise.check`` and ``Exercise.hint`` print, show or raise, and the ``summary`` of the checks run."""
from __future__ import annotations

import contextlib
import copy
import functools

import numpy as np
import pandas as pd
import pytest

from mlcourse import exercise as ex
from mlcourse.exercise import (
    PROGRAMMING,
    SKILLS,
    Exercise,
    Mistake,
    call,
    close_for_dtype,
    exercise,
    expect,
    expect_array,
    expect_integer,
    expect_number,
    expect_pair,
    expect_type,
    expect_unchanged,
    is_integer,
    is_number,
    same_values,
    shown,
    summary,
)

# --- expect and shown ---------------------------------------------------------------------------


def test_a_mistake_is_an_assertion_error_so_nbgrader_fails_the_cell():
    assert issubclass(Mistake, AssertionError)


def test_expect_raises_its_message_only_when_the_condition_fails():
    expect(True, "never shown")
    with pytest.raises(Mistake, match="^the mean should be 2.5$"):
        expect(False, "the mean should be 2.5")


@pytest.mark.parametrize("value, text", [
    (np.float64(2.8), "2.8"), (np.int64(3), "3"), (np.float32(0.5), "0.5"), (2.8, "2.8"), (7, "7"),
    (True, "True"), (np.True_, repr(np.True_)), ("abc", "'abc'"), ([1, 2], "[1, 2]"),
])
def test_shown_writes_numbers_as_plain_python(value, text):
    assert shown(value) == text


def test_shown_cuts_a_long_repr_to_sixty_characters():
    assert shown("x" * 100) == "'" + "x" * 59


# --- call ---------------------------------------------------------------------------------------


def test_call_returns_what_the_function_returns():
    assert call(lambda a, b: a + b, 2, 3) == 5


def test_call_turns_the_stubs_not_implemented_error_into_instructions():
    def mass_kg(grams):
        raise NotImplementedError()

    with pytest.raises(Mistake) as caught:
        call(mass_kg, 3750)
    assert str(caught.value) == ("`mass_kg` still raises NotImplementedError: replace the line "
                                 "`raise NotImplementedError()` with your own code.")
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_call_reports_another_error_with_the_call_that_raised_it():
    def ratio(a, b):
        return a / b

    with pytest.raises(Mistake) as caught:
        call(ratio, 1, 0)
    assert str(caught.value) == "`ratio(1, 0)` raised ZeroDivisionError: division by zero"


def test_call_adds_the_advice_after_the_error():
    def first(items):
        return items[0]

    with pytest.raises(Mistake, match=r"^`first\(\[\]\)` raised IndexError: list index out of range\. "
                                      r"An empty list has no first item\.$"):
        call(first, [], advice="An empty list has no first item.")


def test_call_cuts_long_arguments_to_eighty_characters():
    with pytest.raises(Mistake) as caught:
        call(lambda values: values["missing"], {"key": "v" * 200})
    shown_call = str(caught.value).split(" raised ")[0]
    assert shown_call.startswith("`<lambda>({'key': 'vvv") and shown_call.endswith("...)`")
    assert len(shown_call) == len("`<lambda>()`") + 80


def test_call_names_a_function_without_a_name_by_its_kind():
    """A partial, or a PyTorch module the learner built, has no __name__: the message says what it is."""
    with pytest.raises(Mistake, match=r"^`your partial\(\)` raised ValueError: invalid literal"):
        call(functools.partial(int, "x", base=2))


def test_call_shows_the_error_message_as_python_gives_it():
    def answer():
        raise KeyError("species")

    with pytest.raises(Mistake, match=r"^`answer\(\)` raised KeyError: 'species'$"):
        call(answer)


# --- types and numbers --------------------------------------------------------------------------


def test_expect_type_accepts_the_types_and_names_them_when_wrong():
    expect_type([1], list, "the result")
    expect_type(2.5, (int, float), "the mean")
    with pytest.raises(Mistake, match=r"^the result should be a list, but it is a tuple \(\(1, 2\)\)\.$"):
        expect_type((1, 2), list, "the result")
    with pytest.raises(Mistake, match=r"^the table should be a DataFrame or Series, "
                                      r"but it is a str \('abc'\)\.$"):
        expect_type("abc", (pd.DataFrame, pd.Series), "the table")


def test_expect_type_never_counts_a_bool_as_a_number_unless_asked():
    with pytest.raises(Mistake, match=r"should be an? int or float, but it is a bool \(True\)"):
        expect_type(True, (int, float), "the count")
    expect_type(True, bool, "the flag")
    expect_type(False, (bool, int), "the flag")


@pytest.mark.parametrize("value", [3, 2.5, np.int64(3), np.int8(-1), np.uint16(7), np.float32(0.5),
                                   np.float64("nan")])
def test_is_number_accepts_python_and_numpy_numbers(value):
    assert is_number(value)


@pytest.mark.parametrize("value", [True, np.True_, np.bool_(False), "3", None, [3], np.array([3]), 1 + 2j])
def test_is_number_rejects_bools_text_and_containers(value):
    assert not is_number(value)


@pytest.mark.parametrize("value, expected", [
    (3, True), (np.int64(3), True), (np.uint8(3), True), (3.0, False), (np.float32(3), False),
    (True, False), (np.True_, False), ("3", False),
])
def test_is_integer_accepts_only_whole_number_types(value, expected):
    assert is_integer(value) is expected


def test_expect_number_returns_a_float_or_explains():
    assert expect_number(np.float32(0.5), "the rate") == 0.5
    assert type(expect_number(np.int64(2), "x")) is float
    with pytest.raises(Mistake, match=r"^the rate should be a number, but it is a str \('0\.5'\)\.$"):
        expect_number("0.5", "the rate")
    with pytest.raises(Mistake, match=r"^the rate should be a number, but it is a bool_? \(np\.True_\)\.$"):
        expect_number(np.True_, "the rate")


def test_expect_integer_returns_an_int_or_explains():
    assert expect_integer(np.int64(4), "k") == 4 and type(expect_integer(np.int64(4), "k")) is int
    with pytest.raises(Mistake, match=r"^k should be an integer, but it is a float \(4\.0\)\.$"):
        expect_integer(4.0, "k")
    with pytest.raises(Mistake, match=r"^k should be an integer, but it is a bool \(False\)\.$"):
        expect_integer(False, "k")


@pytest.mark.parametrize("value", [(1, 2.5), [np.float64(1), 2], np.array([1.0, 2.0])])
def test_expect_pair_accepts_a_tuple_list_or_array_of_two_numbers(value):
    assert expect_pair(value, "interval(data)", "(low, high)") == (1.0, float(value[1]))


@pytest.mark.parametrize("value, got", [((1, 2, 3), "tuple"), (2.5, "float"), ({"low": 1, "high": 2}, "dict"),
                                        ("ab", "str")])
def test_expect_pair_refuses_anything_but_two_items(value, got):
    with pytest.raises(Mistake, match=rf"^interval\(data\) should return a pair \(low, high\), for example "
                                      rf"`return first, second`; got a {got} "):
        expect_pair(value, "interval(data)", "(low, high)")


def test_expect_pair_checks_each_part_with_the_given_check():
    with pytest.raises(Mistake, match=r"^each part of \(low, high\) from interval\(data\) should be a "
                                      r"number, but it is a str \('2'\)\.$"):
        expect_pair((1, "2"), "interval(data)", "(low, high)")
    assert expect_pair((1, np.int64(2)), "split(n)", "(train, test)", part=expect_integer) == (1, 2)
    with pytest.raises(Mistake, match=r"should be an integer, but it is a float"):
        expect_pair((1, 2.0), "split(n)", "(train, test)", part=expect_integer)


def test_expect_array_returns_the_array_when_shape_and_kind_match():
    values = np.zeros((3, 2))
    assert expect_array(values, "z", shape=(3, 2), kind="f") is values
    assert expect_array(np.arange(3, dtype=np.uint8), "counts", shape=[3], kind="i").dtype == np.uint8
    assert expect_array(np.array([True]), "mask", kind="b").shape == (1,)


def test_expect_array_names_what_differs():
    with pytest.raises(Mistake, match=r"^z should be an ndarray, but it is a list \(\[1\.0, 2\.0\]\)\.$"):
        expect_array([1.0, 2.0], "z")
    with pytest.raises(Mistake, match=r"^z should have shape \(3,\), but it has \(3, 1\)\.$"):
        expect_array(np.zeros((3, 1)), "z", shape=(3,))
    with pytest.raises(Mistake, match=r"^z should hold float values, but its dtype is int64\.$"):
        expect_array(np.arange(3, dtype=np.int64), "z", kind="f")
    with pytest.raises(Mistake, match=r"^labels should hold integer values, but its dtype is float64\.$"):
        expect_array(np.zeros(3), "labels", kind="i")
    with pytest.raises(Mistake, match=r"^mask should hold bool values, but its dtype is int64\.$"):
        expect_array(np.array([0, 1], dtype=np.int64), "mask", kind="b")
    with pytest.raises(Mistake, match=r"^names should hold U values, but its dtype is float64\.$"):
        expect_array(np.zeros(1), "names", kind="U")


# --- inputs left unchanged ----------------------------------------------------------------------


def test_same_values_of_arrays_compares_shape_dtype_and_values_with_nan_equal():
    data = np.array([1.0, np.nan, 3.0])
    assert same_values(data.copy(), data)
    assert not same_values(data.copy(), np.array([1.0, np.nan, 4.0]))
    assert not same_values(data.copy(), data.reshape(3, 1))
    assert not same_values(data.copy(), data.astype(np.float32))
    assert not same_values(np.array([1, 2]), [1, 2])
    assert same_values(np.array([1, 2]), np.array([1, 2]))
    assert not same_values(np.array([1, 2]), np.array([2, 1]))


def test_same_values_of_frames_sees_values_column_names_and_index():
    frame = pd.DataFrame({"mass": [3750.0, np.nan], "species": ["Adelie", "Gentoo"]})
    assert same_values(frame.copy(), frame)
    assert not same_values(frame, frame.rename(columns={"mass": "body_mass_g"}))
    assert not same_values(frame, frame.set_axis([10, 11]))
    assert not same_values(frame, frame[["species", "mass"]])
    assert not same_values(frame, frame.fillna(0))
    assert not same_values(frame, frame.iloc[:1])
    assert not same_values(frame, frame.astype({"mass": "float32"}))


def test_same_values_of_series_sees_values_and_index():
    series = pd.Series([1, 2], index=["a", "b"])
    assert same_values(series.copy(), series)
    assert not same_values(series, pd.Series([1, 3], index=["a", "b"]))
    assert not same_values(series, pd.Series([1, 2], index=["a", "c"]))
    assert not same_values(series, series.to_frame())


def test_same_values_of_plain_python_values():
    assert same_values({"a": [1, 2]}, {"a": [1, 2]}) and not same_values({"a": [1, 2]}, {"a": [1]})
    assert same_values([1, 2], [1, 2]) and not same_values([1, 2], [2, 1])
    assert not same_values([1, 2], (1, 2))
    assert same_values(float("nan"), float("nan")) and not same_values(float("nan"), 1.0)
    assert same_values("abc", "abc") and not same_values(1, 1.0)


def test_same_values_of_a_dict_of_arrays_answers_instead_of_raising():
    original = {"x": np.array([1.0, 2.0])}
    assert same_values(copy.deepcopy(original), original)


def test_expect_unchanged_passes_for_an_untouched_input():
    data = np.array([3.0, 1.0, 2.0])
    original = data.copy()
    np.sort(data)
    expect_unchanged(original, data, "array `data`")


def test_expect_unchanged_catches_an_in_place_change_with_the_default_or_given_advice():
    data = np.array([3.0, 1.0, 2.0])
    original = data.copy()
    data.sort()
    with pytest.raises(Mistake, match=r"^your function changed the array `data` it was given: "
                                      r"build and return a new one instead\.$"):
        expect_unchanged(original, data, "array `data`")
    frame = pd.DataFrame({"a": [1]})
    original = frame.copy()
    frame.columns = ["b"]
    with pytest.raises(Mistake, match=r"^your function changed the frame it was given: "
                                      r"use frame\.rename\(\.\.\.\)\.$"):
        expect_unchanged(original, frame, "frame", advice="use frame.rename(...)")


# --- the exercise decorator and its registry ----------------------------------------------------


@pytest.fixture
def registry(monkeypatch) -> dict:
    """An empty REGISTRY (and no check run yet) for the test, so the course's own exercises are left alone."""
    fresh: dict = {}
    monkeypatch.setattr(ex, "REGISTRY", fresh)
    monkeypatch.setattr(ex, "LAST_CHECKS", {})
    return fresh


HINTS = ["Divide by a thousand.", "return grams / 1000"]


def declare(checker, title="convert grams to kilograms", skill=PROGRAMMING, hints=HINTS,
            module="mlcourse.exercises.demo_assignment") -> Exercise:
    checker.__module__ = module
    return exercise(title, skill, hints=hints)(checker)


def check_mass(mass_kg):
    expect(call(mass_kg, 3750) == 3.75, "mass_kg(3750) should be 3.75")


def test_the_decorator_names_the_exercise_after_the_function_and_the_assignment_after_its_module(registry):
    def q1(mass_kg):
        check_mass(mass_kg)

    declared = declare(q1)
    assert isinstance(declared, Exercise)
    assert (declared.assignment, declared.name, declared.title, declared.skill) == (
        "demo_assignment", "q1", "convert grams to kilograms", PROGRAMMING)
    assert declared.hints == tuple(HINTS) and declared.checker is q1
    assert registry == {"demo_assignment": {"q1": declared}}


def test_the_registry_groups_exercises_by_assignment_and_a_redeclared_one_replaces_its_own(registry):
    def q1(f):
        pass

    def q2(f):
        pass

    first = declare(q1)
    second = declare(q2)
    other = declare(q1, module="mlcourse.exercises.other")
    again = declare(q1, title="a new title")
    assert registry == {"demo_assignment": {"q1": again, "q2": second}, "other": {"q1": other}}
    assert first is not again


def test_every_course_skill_is_accepted_and_an_unknown_skill_is_refused(registry):
    for skill in SKILLS:
        def q1(f):
            pass
        assert declare(q1, skill=skill).skill == skill

    def q9(f):
        pass

    with pytest.raises(ValueError, match=r"^q9: skill 'cooking' is not one of \("):
        declare(q9, skill="cooking")


@pytest.mark.parametrize("hints", [[], ["only one hint"]])
def test_fewer_than_two_hints_are_refused(registry, hints):
    def q1(f):
        pass

    with pytest.raises(ValueError, match=r"^q1: give at least two hints, from gentle to explicit$"):
        declare(q1, hints=hints)
    assert registry == {}


# --- check and hint -----------------------------------------------------------------------------


@pytest.fixture
def q1(registry) -> Exercise:
    def q1(mass_kg):
        check_mass(mass_kg)

    return declare(q1, hints=["Divide.", "By a thousand.", "return grams / 1000"])


def test_check_prints_the_tick_line_when_the_visible_checks_pass(q1, capsys):
    q1.check(lambda grams: grams / 1000)
    assert capsys.readouterr().out == ("✓ q1 (convert grams to kilograms): the visible checks pass. "
                                       "The hidden tests check more cases when your work is graded.\n")


def test_check_prefixes_a_mistake_with_the_exercise_and_prints_nothing(q1, capsys):
    with pytest.raises(Mistake) as caught:
        q1.check(lambda grams: grams * 1000)
    assert str(caught.value) == "q1 (convert grams to kilograms): mass_kg(3750) should be 3.75"
    assert capsys.readouterr().out == ""


def test_check_reports_the_stub_with_the_exercise_prefix(q1):
    def mass_kg(grams):
        raise NotImplementedError()

    with pytest.raises(Mistake, match=r"^q1 \(convert grams to kilograms\): `mass_kg` still raises "
                                      r"NotImplementedError") as caught:
        q1.check(mass_kg)
    assert caught.value.unanswered


def test_only_the_stubs_mistake_is_marked_unanswered():
    def stub():
        raise NotImplementedError()

    with pytest.raises(Mistake) as caught:
        call(stub)
    assert caught.value.unanswered
    with pytest.raises(Mistake) as caught:
        call(lambda: 1 / 0)
    assert not caught.value.unanswered
    with pytest.raises(Mistake) as caught:
        expect(False, "wrong")
    assert not caught.value.unanswered


@pytest.mark.parametrize("result", [3.75, None, "mass_kg"])
def test_check_refuses_the_result_of_calling_the_function(q1, result):
    with pytest.raises(Mistake, match=r"^q1 \(convert grams to kilograms\): pass your function itself, "
                                      r"not the result of calling it \(write `q1\.check\(my_function\)`, "
                                      r"without parentheses after the name\)\.$"):
        q1.check(result)


def test_an_error_in_the_check_itself_is_not_disguised_as_a_mistake(registry):
    def q2(f):
        raise KeyError("bug in the check")

    with pytest.raises(KeyError):
        declare(q2).check(print)


def test_hint_prints_the_asked_level_and_points_to_the_next(q1, capsys):
    q1.hint()
    assert capsys.readouterr().out == ("Hint 1 of 3 for q1 (convert grams to kilograms):\nDivide.\n"
                                       "Still stuck? Try q1.hint(2).\n")
    q1.hint(2)
    assert capsys.readouterr().out.splitlines()[1:] == ["By a thousand.", "Still stuck? Try q1.hint(3)."]


def test_the_last_hint_does_not_offer_another_and_levels_are_clamped(q1, capsys):
    q1.hint(3)
    last = capsys.readouterr().out
    assert last == "Hint 3 of 3 for q1 (convert grams to kilograms):\nreturn grams / 1000\n"
    q1.hint(99)
    assert capsys.readouterr().out == last
    q1.hint(0)
    assert capsys.readouterr().out.startswith("Hint 1 of 3 for q1")


# --- in a learner's kernel: boxes instead of errors; under nbgrader: one line, no traceback --------


def test_ipython_shows_a_mistake_as_its_name_and_message_without_a_traceback():
    lines = Mistake("q1 (title): mass_kg(3750) should be 3.75")._render_traceback_()
    assert lines == ["\x1b[0;31mMistake\x1b[0m: q1 (title): mass_kg(3750) should be 3.75"]


@pytest.fixture
def shown_boxes(monkeypatch) -> list[tuple[str, str]]:
    """Run as in an IPython kernel without nbgrader: what check() displays, as (HTML, plain text)."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(ex, "_in_ipython", lambda: True)
    monkeypatch.setattr(ex, "_display", lambda html_text, plain: boxes.append((html_text, plain)))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    return boxes


def test_in_a_learners_kernel_a_wrong_answer_is_shown_not_raised(q1, shown_boxes, capsys):
    q1.check(lambda grams: grams * 1000)
    ((page, plain),) = shown_boxes
    assert plain == ("✗ Incorrect: q1 (convert grams to kilograms): mass_kg(3750) should be 3.75\n"
                     "Stuck? `q1.hint()` gives a hint.")
    assert "<b>✗ Incorrect:</b> q1 (convert grams to kilograms): mass_kg(3750) should be 3.75" in page
    assert "<code>q1.hint()</code>" in page and "#ffebee" in page
    assert capsys.readouterr().out == ""


def test_in_a_learners_kernel_a_right_answer_and_a_stub_get_their_own_box(q1, shown_boxes):
    def mass_kg(grams):
        raise NotImplementedError()

    q1.check(lambda grams: grams / 1000)
    q1.check(mass_kg)
    (right, right_plain), (stub, stub_plain) = shown_boxes
    assert right_plain == ("✓ Correct: q1 (convert grams to kilograms): the visible checks pass. "
                           "The hidden tests check more cases when your work is graded.")
    assert "<b>✓ Correct:</b> q1 (convert grams to kilograms)" in right and "#e8f5e9" in right
    assert stub_plain.startswith("Not answered yet: q1 (convert grams to kilograms): `mass_kg` still raises")
    assert "<b>Not answered yet:</b>" in stub and "<code>mass_kg</code>" in stub and "#e3f2fd" in stub


@pytest.mark.parametrize("execution", ["validate", "autograde"])
def test_under_nbgrader_a_wrong_answer_still_raises_in_ipython(q1, shown_boxes, monkeypatch, execution):
    monkeypatch.setenv("NBGRADER_EXECUTION", execution)
    with pytest.raises(Mistake, match=r"^q1 \(convert grams to kilograms\): mass_kg\(3750\) "
                                      r"should be 3\.75$"):
        q1.check(lambda grams: grams * 1000)
    assert shown_boxes == []


def test_everything_a_message_quotes_is_escaped_in_the_box(registry, shown_boxes):
    def q7(answer):
        expect(False, f"answer() gave {call(answer)!r}, not a number.")

    declare(q7, title="<i>titled</i> & co").check(lambda: "<script>alert('x')</script> & `tick`")
    ((page, plain),) = shown_boxes
    assert "<script>" not in page and "<i>" not in page
    assert ("q7 (&lt;i&gt;titled&lt;/i&gt; &amp; co): answer() gave "
            "&quot;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; <code>tick</code>&quot;") in page
    assert "<script>alert('x')</script> & `tick`" in plain


# --- summary --------------------------------------------------------------------------------------


def four_exercises() -> list[Exercise]:
    def q1(f):
        check_mass(f)

    def q2(f):
        check_mass(f)

    def q3(f):
        check_mass(f)

    def q4(f):
        check_mass(f)

    return [declare(q, title=f"task {q.__name__}") for q in (q1, q2, q3, q4)]


def stub(grams):
    raise NotImplementedError()


def test_summary_counts_the_latest_check_of_each_exercise_and_lists_the_unrun(registry, capsys):
    q1, q2, q3, _ = four_exercises()
    q1.check(lambda grams: grams / 1000)
    for answer in (lambda grams: grams / 1000, lambda grams: grams * 1000):  # right, then wrong
        with contextlib.suppress(Mistake):
            q2.check(answer)
    with pytest.raises(Mistake):
        q3.check(stub)
    capsys.readouterr()
    summary()
    assert capsys.readouterr().out == (
        "1 of 4 exercises pass their visible checks (demo_assignment):\n"
        "  ✓ q1  task q1: passed\n"
        "  ✗ q2  task q2: incorrect: mass_kg(3750) should be 3.75\n"
        "  … q3  task q3: not answered: `stub` still raises NotImplementedError: replace the line "
        "`raise NotImplementedError()` with your own code.\n"
        "  · q4  task q4: not run yet\n"
        "The hidden tests check more cases when your work is graded.\n")
    q2.check(lambda grams: grams / 1000)
    capsys.readouterr()
    summary()
    assert capsys.readouterr().out.startswith("2 of 4 exercises pass their visible checks (demo_assignment):")


def test_summary_of_the_latest_assignment_checked_or_of_the_one_named(registry, capsys):
    q1, *_ = four_exercises()

    def q9(f):
        check_mass(f)

    other = declare(q9, module="mlcourse.exercises.other")
    summary()
    assert "No exercise has been checked in this kernel yet" in capsys.readouterr().out
    q1.check(lambda grams: grams / 1000)
    other.check(lambda grams: grams / 1000)
    capsys.readouterr()
    summary()
    assert capsys.readouterr().out.startswith("1 of 1 exercise passes its visible checks (other):")
    summary("demo_assignment")
    assert capsys.readouterr().out.startswith("1 of 4 exercises pass their visible checks (demo_assignment):")
    q1.check(lambda grams: grams / 1000)
    summary()
    assert "(demo_assignment):" in capsys.readouterr().out.splitlines()[1]


def test_summary_is_a_table_in_a_notebook_with_every_message_escaped(registry, shown_boxes):
    four_exercises()

    def q5(answer):
        expect(False, f"answer() gave {call(answer)!r}.")

    declare(q5, title="task q5").check(lambda: "<b>kilos</b> & grams")
    summary()
    page, plain = shown_boxes[-1]
    assert plain.startswith("0 of 5 exercises pass their visible checks (demo_assignment):")
    assert page.count("<tr>") == 6 and "<b>0 of 5 exercises pass their visible checks</b>" in page
    assert "✗ incorrect" in page and page.count("· not run yet") == 4
    assert "<b>kilos</b>" not in page and "&lt;b&gt;kilos&lt;/b&gt; &amp; grams" in page


def test_under_nbgrader_the_summary_is_plain_text_which_feedback_keeps_readable(registry, shown_boxes, capsys,
                                                                                 monkeypatch):
    four_exercises()
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    summary()
    assert shown_boxes == []
    assert capsys.readouterr().out.startswith("0 of 4 exercises pass their visible checks (demo_assignment):")


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_a_float_answer_of_any_precision_is_held_to_what_its_type_can_hold(dtype):
    values = np.array([1.0, 2.0, 3.0, 6.0])
    z = (values.astype(dtype) - 3.0) / values.std().astype(dtype)
    assert close_for_dtype(z.std(), 1.0, z.dtype) and close_for_dtype(z.mean(), 0.0, z.dtype)
    assert not close_for_dtype(z.std() * 1.001, 1.0, z.dtype)  # a real mistake, in any precision


def test_python_for_ml_accepts_float32_z_scores_and_names_the_real_mistake(capsys):
    from mlcourse.exercises.python_for_ml import q6

    def z_scores(values, spread=1.0):
        centred = np.asarray(values, np.float32) - np.float32(np.mean(values))
        return centred / np.float32(np.std(values) * spread)

    q6.check(z_scores)
    assert "✓ q6" in capsys.readouterr().out
    # 0.1 % off is wrong in float32 too
    with pytest.raises(Mistake, match=r"should be the z-scores .*got \[-1.068"):
        q6.check(lambda values: z_scores(values, spread=1.001))


def test_every_check_tells_an_answer_that_changes_its_input():
    frame = pd.DataFrame({"mass": [3750.0, None, 4200.0]})

    def drop_missing(data):
        data.loc[data["mass"].isna(), "mass"] = 0.0  # fills the caller's frame, as inplace=True did
        return data

    with pytest.raises(Mistake, match=r"your function changed the DataFrame `data` it was given: work on a "
                                      r"copy \(`data = data.copy\(\)`\)"):
        call(drop_missing, frame)
    assert frame["mass"].isna().tolist() == [False, True, False]  # the check's own input: never changed


def test_an_exercise_that_asks_for_a_change_in_place_may_make_it():
    table = np.zeros((2, 2))

    def update(q):
        q[0, 0] = 1.0
        return q

    assert call(update, table, may_change=(0,)) is table and table[0, 0] == 1.0


def test_arguments_that_cannot_be_compared_are_not_called_changed():
    class Model:  # equal only to itself, as estimators are
        pass

    models = [Model(), Model()]
    assert call(lambda given: len(given), models) == 2
