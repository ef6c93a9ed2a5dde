"""Checks and hints for the assignment "SQL for data scientists" (source/sql).

Most answers are functions that return a SQL query as text. Each check builds a tiny database
with the schema of ``mlcourse.data.penguin_database()`` (read from that database itself, so the
two never drift apart) and a few hand-made rows that set the usual traps: a group that HAVING must
drop, a bird without an isotope row for a LEFT JOIN, a NULL that ``COUNT(*)`` counts, ties for
``RANK()``, two studies for a running total. It runs the learner's query there, compares the rows
with what the exercise asks for, and names the mistake: WHERE instead of HAVING, INNER instead of
LEFT JOIN, ``COUNT(*)`` instead of ``COUNT(column)``, ``= NULL`` instead of ``IS NULL``, a missing
ORDER BY or PARTITION BY. A query that fails is reported with SQLite's own message, never as a
crash of the check. Queries are compared on their values and column order, not on column names.
The last two exercises read SQL results into pandas and rebuild one of them with ``merge`` and
``groupby``. The exact results on the real penguin database are checked only by the hidden tests.
"""

import functools
import math
import sqlite3
import time

import pandas as pd

from mlcourse.exercise import (
    DATA_HANDLING,
    Mistake,
    call,
    exercise,
    expect,
    expect_type,
    expect_unchanged,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]

SECONDS_PER_QUERY = 2.0

# A fragment of SQLite's error message, and what it usually means in this assignment.
SQLITE_ADVICE = (
    ("no such table", "The tables are studies, nests, birds, measurements and isotopes."),
    ("no such column", "Check the column's spelling and which table holds it: "
                       "`PRAGMA table_info(birds)` lists the columns of a table."),
    ("ambiguous column", "Two of the joined tables have a column of that name: write it with its table "
                         "or alias in front, for example `b.bird_id`."),
    ("one statement at a time", "Return one SELECT statement only."),
    ("misuse of window function", "A window function cannot stand in WHERE, which runs before it: compute it "
                                  "in a subquery, then filter on its result in the outer query."),
    ("misuse of aggregate", "An aggregate such as AVG(...) cannot stand in WHERE, which looks at one row "
                            "at a time: compute it in a subquery, `(SELECT AVG(...) FROM ...)`, or filter "
                            "groups after GROUP BY with HAVING."),
    ("interrupted", f"Your query ran for more than {SECONDS_PER_QUERY:g} s on a table of a few rows: "
                    "is a JOIN missing its ON condition?"),
    ("incomplete input", "The query stops in the middle of a clause: is a condition or a closing bracket "
                         "missing at the end?"),
    ("syntax error", "Check the commas between columns and the order of the clauses: SELECT, FROM, "
                     "JOIN ... ON, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT."),
)
HAVING_ADVICE = ("misuse of aggregate",
                 "WHERE filters rows before they are grouped, so it cannot use COUNT(*) or AVG(...): "
                 "filter the groups after GROUP BY with HAVING.")


# --- a tiny database with the real schema, and running queries on it -----------------------------


@functools.cache
def _schema() -> tuple:
    """The CREATE TABLE statements of the course's penguin database."""
    from mlcourse.data import penguin_database

    connection = penguin_database()
    try:
        return tuple(sql for (sql,) in connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid"))
    finally:
        connection.close()


def _database(**tables) -> sqlite3.Connection:
    """A new in-memory database with the penguin schema, holding the given rows (a list per table)."""
    connection = sqlite3.connect(":memory:")
    for statement in _schema():
        connection.execute(statement)
    for table, rows in tables.items():
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    connection.commit()
    return connection


def _bird(bird_id, species, sex="female", nest_id=1):
    """A row of ``birds``: the id, its nest, an individual id like "N1A1", species, sex, no comment."""
    return (bird_id, nest_id, f"N{nest_id}A{bird_id}", species, sex, None)


def _measured(bird_id, mass, flipper=200):
    """A row of ``measurements`` in which only the flipper length and the body mass matter."""
    return (bird_id, 40.0, 18.0, flipper, mass)


def _sqlite_message(error) -> str:
    """SQLite's own words, also when pandas wrapped the error in its DatabaseError."""
    cause = error.__cause__ if isinstance(error.__cause__, sqlite3.Error) else error
    return str(cause).rstrip(".")


def _failed(error, advice=()) -> Mistake:
    message = _sqlite_message(error)
    hint = next((text for fragment, text in (*advice, *SQLITE_ADVICE) if fragment in message.lower()), "")
    return Mistake(f"your query failed: {message}." + (f" {hint}" if hint else ""))


def _query_text(query_function) -> str:
    """The learner's query: a non-empty string returned by their function."""
    name = getattr(query_function, "__name__", "your function")
    query = call(query_function)
    expect(isinstance(query, str),
           f"`{name}()` should return the query as a string, for example `return \"SELECT ...\"`; "
           f"it returned {type(query).__name__} ({query!r:.60}).")
    expect(query.strip() != "", f"`{name}()` returned an empty string: write your query between the quotes.")
    return query


def _run(query: str, connection: sqlite3.Connection, advice=()) -> tuple:
    """(column names, rows) of ``query``; a failure, or a query that runs too long, becomes a Mistake."""
    deadline = time.perf_counter() + SECONDS_PER_QUERY
    connection.set_progress_handler(lambda: time.perf_counter() > deadline, 10_000)
    try:
        cursor = connection.execute(query)
        rows = cursor.fetchall()
    except (sqlite3.Error, sqlite3.Warning) as error:
        raise _failed(error, advice) from None
    finally:
        connection.set_progress_handler(None, 0)
    expect(cursor.description is not None,
           "your query returned no table: the answer should be one SELECT statement.")
    return [column[0] for column in cursor.description], rows


def _rows_of(query_function, advice=(), **tables) -> list:
    """Run the learner's query on a tiny database holding ``tables``; return its rows as tuples."""
    query = _query_text(query_function)
    connection = _database(**tables)
    try:
        return _run(query, connection, advice)[1]
    finally:
        connection.close()


def _same(value, wanted) -> bool:
    """One value as expected: numbers approximately (AVG gives floats), anything else exactly."""
    numbers = (int, float)
    if isinstance(value, numbers) and isinstance(wanted, numbers) and not isinstance(value, bool):
        return math.isclose(value, wanted, rel_tol=1e-9, abs_tol=1e-9)
    if value is None or wanted is None:
        return value is None and wanted is None
    return value == wanted


def _same_rows(rows, wanted) -> bool:
    return len(rows) == len(wanted) and all(
        len(row) == len(good) and all(_same(v, w) for v, w in zip(row, good))
        for row, good in zip(rows, wanted))


def _shown_rows(rows, limit=4) -> str:
    rows = [tuple(row) for row in rows]
    text = ", ".join(repr(row) for row in rows[:limit])
    return f"[{text}{', ...' if len(rows) > limit else ''}] ({_count(len(rows), 'row')})"


def _count(n: int, noun: str) -> str:
    """``n`` and ``noun`` as a reader says them: "1 row", "3 rows"."""
    return f"{n} {noun if n == 1 else noun + 's'}"


def _differences(rows, wanted) -> str:
    """What a result lacks and what it has too much of, compared with ``wanted``, in words."""
    def found_in(row, others):
        return any(_same_rows([row], [other]) for other in others)

    missing = [row for row in wanted if not found_in(row, rows)]
    extra = [row for row in rows if not found_in(row, wanted)]
    parts = ([f"it leaves out {_shown_rows(missing)}"] if missing else []) + (
        [f"it has rows that do not belong: {_shown_rows(extra)}"] if extra else [])
    return "; ".join(parts) or "the rows differ"


def _expect_width(rows, columns: str, width: int) -> None:
    found = len(rows[0]) if rows else width
    expect(found == width,
           f"your query returns {_count(found, 'column')}; the exercise asks for {width}, in this order: "
           f"{columns}.")


def _expect_rows(rows, wanted, example: str) -> None:
    """The final comparison: the rows the exercise asks for on the check's small database."""
    expect(_same_rows(rows, wanted),
           f"on {example}, the query should give {_shown_rows(wanted)}, but yours gives {_shown_rows(rows)}: "
           f"{_differences(rows, wanted)}.")


def _expect_order(rows, wanted, order: str) -> None:
    """Right rows in the wrong order: name the ORDER BY the exercise asks for."""
    if not _same_rows(rows, wanted) and _same_rows(sorted(rows, key=repr), sorted(wanted, key=repr)):
        raise Mistake(f"your query gives the right rows in the wrong order: sort them with "
                      f"`ORDER BY {order}` (without ORDER BY, SQL promises no order at all).")


def _call_reading(function, *args):
    """``call()`` for a function that reads SQL itself: a failed query is reported as such."""
    failures = []

    def guarded(*inner):
        try:
            return function(*inner)
        except (sqlite3.Error, sqlite3.Warning, pd.errors.DatabaseError) as error:
            failures.append(error)

    guarded.__name__ = getattr(function, "__name__", "your function")
    result = call(guarded, *args)
    if failures:
        raise _failed(failures[0])
    return result


def _plain(values) -> list:
    """Values as plain Python, every missing value as None, for comparisons and messages."""
    return [None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in values]


# --- the exercises --------------------------------------------------------------------------------


@exercise("filter, sort and limit", DATA_HANDLING, hints=[
    "Four clauses, in this order: SELECT the two columns, FROM the table, WHERE the condition on the "
    "flipper, ORDER BY ..., LIMIT ....",
    "ORDER BY takes several columns, each with its own direction (`DESC` for the heaviest first); "
    "\"at least 220\" includes 220 itself. LIMIT applies after the sort.",
])
def q1(heavy_birds_query):
    # (bird_id, flipper_length_mm, body_mass_g): 13 birds with flippers of at least 220 mm (bird 3 has
    # exactly 220), and heavier birds whose flippers are too short.
    birds = [(1, 230, 5000), (2, 219, 6500), (3, 220, 6100), (4, 225, 5400), (5, 221, 5800), (6, 222, 5800),
             (7, 235, 4900), (8, 240, 6000), (9, 200, 6200), (10, 228, 5300), (11, 231, 5900),
             (12, 226, 5100), (13, 224, 5800), (14, 223, 4800), (15, 229, 5600), (16, 227, 5700)]
    qualify = [(bird, mass) for bird, flipper, mass in birds if flipper >= 220]
    wanted = sorted(qualify, key=lambda row: (-row[1], row[0]))[:10]
    rows = _rows_of(heavy_birds_query, measurements=[_measured(bird, mass, flipper)
                                                     for bird, flipper, mass in birds])
    _expect_width(rows, "bird_id, body_mass_g", 2)
    ids = [row[0] for row in rows]
    expect(not (rows and all(row[0] in {mass for _, _, mass in birds} for row in rows)),
           "the columns are swapped: select `bird_id` first, then `body_mass_g`.")
    expect(2 not in ids and 9 not in ids,
           "your result includes birds whose flipper_length_mm is below 220: "
           "keep only the rows `WHERE flipper_length_mm >= 220`.")
    expect(len(rows) <= 10, f"your query returns {len(rows)} rows: keep only the first 10 with `LIMIT 10`.")
    _expect_order(rows, wanted, "body_mass_g DESC, bird_id")
    expect(not _same_rows(rows, qualify[:10]),
           "your query keeps the first 10 rows the table happens to give: LIMIT applies after ORDER BY, "
           "so sort with `ORDER BY body_mass_g DESC, bird_id` to keep the 10 heaviest.")
    expect(not _same_rows(rows, sorted(qualify, key=lambda row: (row[1], row[0]))[:10]),
           "your query keeps the 10 lightest birds: sort from the heaviest with `ORDER BY body_mass_g DESC`.")
    expect(3 in ids,
           "the bird whose flipper is exactly 220 mm is missing: \"at least 220\" includes 220, so use `>=`.")
    _expect_rows(rows, wanted, "a small table of 16 measured birds")
    # A second table: other masses, 11 birds that qualify, ties at 5150 g and at 4700 g.
    second = [(21, 220, 4700), (22, 245, 5150), (23, 221, 4950), (24, 219, 6000), (25, 230, 4700),
              (26, 222, 5050), (27, 223, 5150), (28, 233, 4400), (29, 224, 4850), (30, 226, 4600),
              (31, 228, 4700), (32, 210, 5900), (33, 236, 4500)]
    qualify = [(bird, mass) for bird, flipper, mass in second if flipper >= 220]
    wanted = sorted(qualify, key=lambda row: (-row[1], row[0]))[:10]
    rows = _rows_of(heavy_birds_query, measurements=[_measured(bird, mass, flipper)
                                                     for bird, flipper, mass in second])
    _expect_width(rows, "bird_id, body_mass_g", 2)
    _expect_order(rows, wanted, "body_mass_g DESC, bird_id")
    _expect_rows(rows, wanted, "a second table of 13 measured birds, with other masses and ties")


@exercise("groups with GROUP BY and HAVING", DATA_HANDLING, hints=[
    "WHERE filters rows before they are grouped; HAVING filters the groups after GROUP BY, and can use "
    "COUNT(*). A missing sex is NULL, and nothing is ever equal (or unequal) to NULL.",
    "NULL is tested with `IS NULL` or `IS NOT NULL`. Group by both columns, then keep the groups whose "
    "COUNT(*) is more than 60 with HAVING.",
])
def q2(sex_groups_query):
    sizes = {("Adelie", "female"): 61, ("Adelie", "male"): 70, ("Adelie", None): 65,
             ("Gentoo", "female"): 60, ("Gentoo", "male"): 62, ("Chinstrap", "female"): 5,
             ("Chinstrap", "male"): 4}
    birds, bird_id = [], 0
    for round_ in range(max(sizes.values())):  # interleaved, so that no group is stored in one block
        for (species, sex), size in sizes.items():
            if round_ < size:
                bird_id += 1
                birds.append(_bird(bird_id, species, sex))
    wanted = [("Adelie", "female", 61), ("Adelie", "male", 70), ("Gentoo", "male", 62)]
    rows = _rows_of(sex_groups_query, advice=[HAVING_ADVICE], birds=birds)
    expect(rows != [], "your query returns no rows. If you wrote `sex != NULL` or `sex <> NULL`: a "
                       "comparison with NULL is never true, not even `NULL = NULL`; test for it with "
                       "`sex IS NOT NULL`.")
    _expect_width(rows, "species, sex, n_birds", 3)
    expect(all(row[1] is not None for row in rows),
           "your result has a group whose sex is NULL: GROUP BY puts every NULL in one group of its own. "
           "Leave out the birds of unknown sex with `WHERE sex IS NOT NULL`.")
    small = [row for row in rows if isinstance(row[2], int) and row[2] <= 60]
    expect(not (small and all(row[2] == 60 for row in small)),
           "your result keeps a group of exactly 60 birds: \"more than 60\" is `> 60`, not `>= 60`.")
    expect(not small, "your result keeps groups of 60 birds or fewer: filter the groups after GROUP BY with "
                      "`HAVING COUNT(*) > 60`.")
    _expect_order(rows, wanted, "species, sex")
    _expect_rows(rows, wanted, "a small table of 327 birds")
    # A second table: here the Chinstrap females form a large group, and the Adelie groups are small.
    sizes = {("Chinstrap", "female"): 63, ("Chinstrap", "male"): 12, ("Gentoo", "female"): 61,
             ("Gentoo", None): 3, ("Gentoo", "male"): 60, ("Adelie", "male"): 59, ("Adelie", "female"): 8}
    birds = [_bird(i + 1, species, sex) for i, (species, sex) in
             enumerate(key for key, size in sizes.items() for _ in range(size))]
    wanted = [("Chinstrap", "female", 63), ("Gentoo", "female", 61)]
    rows = _rows_of(sex_groups_query, advice=[HAVING_ADVICE], birds=birds)
    _expect_width(rows, "species, sex, n_birds", 3)
    _expect_order(rows, wanted, "species, sex")
    _expect_rows(rows, wanted, "a second table of 266 birds, in which the Chinstrap females are more than 60")


@exercise("LEFT JOIN and COUNT(column)", DATA_HANDLING, hints=[
    "Every bird must be counted, including those with no row in `isotopes`: which JOIN keeps the rows of the "
    "left table that have no match? And which COUNT skips NULLs?",
    "A LEFT JOIN fills the columns of a missing match with NULL. `COUNT(*)` counts rows; `COUNT(column)` "
    "counts the values of that column that are not NULL (a 0 is a value).",
])
def q3(isotope_coverage_query):
    # Adelie: 5 birds, 3 isotope rows, one of them without delta_15_n. Chinstrap: 2 birds, no isotope row.
    birds = [_bird(1, "Adelie"), _bird(2, "Gentoo"), _bird(3, "Adelie"), _bird(4, "Chinstrap"),
             _bird(5, "Adelie"), _bird(6, "Gentoo"), _bird(7, "Adelie"), _bird(8, "Chinstrap"),
             _bird(9, "Gentoo"), _bird(10, "Adelie")]
    isotopes = [(1, 8.9, -24.7), (2, 8.2, -26.1), (3, None, -25.3), (5, 9.1, -25.0), (6, 8.4, -26.3),
                (9, 8.0, -26.0)]
    wanted = [("Adelie", 5, 2), ("Chinstrap", 2, 0), ("Gentoo", 3, 3)]
    rows = _rows_of(isotope_coverage_query, birds=birds, isotopes=isotopes)
    _expect_width(rows, "species, n_birds, n_with_delta_15_n", 3)
    species = [row[0] for row in rows]
    expect("Chinstrap" in species,
           "a species whose birds have no row in `isotopes` is missing from your result: an (INNER) JOIN, or "
           "a WHERE on a column of `isotopes`, keeps only the birds that have a match. Use `birds LEFT JOIN "
           "isotopes`, which keeps every bird, and no WHERE.")
    counts = {row[0]: row[1:] for row in rows}
    expect(counts.get("Adelie", (5,))[0] == 5,
           f"n_birds of the Adelie is {counts.get('Adelie', ('?',))[0]}, but the example holds 5 Adelie "
           "birds, "
           "2 of them without a delta_15_n value: every bird counts, with or without a row in `isotopes`. "
           "Keep every bird with `birds LEFT JOIN isotopes` and no WHERE on `isotopes`, and count the rows "
           "(COUNT(*)).")
    expect(counts.get("Chinstrap", (2, 0))[1] != 2,
           "the last column counts every bird: `COUNT(*)` counts rows, and after a LEFT JOIN a bird without "
           "isotopes still has a row (filled with NULLs). Count the values with `COUNT(i.delta_15_n)`.")
    expect(counts.get("Adelie", (5, 2))[1] != 3,
           "the last column counts a bird whose delta_15_n is NULL (it has an isotopes row with only "
           "delta_13_c): count the column itself, `COUNT(i.delta_15_n)`, which skips NULLs.")
    _expect_order(rows, wanted, "species")
    _expect_rows(rows, wanted, "a small database of 10 birds")
    # A second database: one sample measured exactly 0.0, one bird without a sample, one species whose only
    # sample has no delta_15_n.
    birds = [_bird(1, "Gentoo"), _bird(2, "Adelie"), _bird(3, "Gentoo"), _bird(4, "Chinstrap"),
             _bird(5, "Adelie"), _bird(6, "Gentoo")]
    isotopes = [(1, 0.0, -26.2), (2, 9.3, -25.1), (3, 8.1, -26.4), (4, None, -24.9), (5, 8.8, -25.5)]
    wanted = [("Adelie", 2, 2), ("Chinstrap", 1, 0), ("Gentoo", 3, 2)]
    rows = _rows_of(isotope_coverage_query, birds=birds, isotopes=isotopes)
    _expect_width(rows, "species, n_birds, n_with_delta_15_n", 3)
    counts = {row[0]: row[1:] for row in rows}
    expect(counts.get("Gentoo", (3, 2))[1] != 1,
           "on a second database, the last column does not count the Gentoo bird whose delta_15_n is 0.0: "
           "0 is a measured value, only NULL means missing. Count the values with `COUNT(i.delta_15_n)`, "
           "which skips only the NULLs.")
    _expect_order(rows, wanted, "species")
    _expect_rows(rows, wanted, "a second database of 6 birds, one of whose samples measured 0.0")


@exercise("a subquery per species", DATA_HANDLING, hints=[
    "A subquery is a SELECT inside another query. Here each bird is compared with the average of the birds "
    "of its own species, so the inner query needs to know which species the outer row is about.",
    "A correlated subquery in WHERE can refer to the outer query's alias (`... WHERE b2.species = "
    "b.species`); "
    "joining a subquery of averages grouped by species works too.",
])
def q4(above_species_mean_query):
    # (bird_id, species, body_mass_g); species means: Adelie 3500, Gentoo 5500, Chinstrap 3700;
    # the mean of all eight measured birds is 4300. Bird 9 was not measured.
    masses = [(1, "Gentoo", 5000), (2, "Adelie", 3500), (3, "Chinstrap", 3800), (4, "Adelie", 4000),
              (5, "Gentoo", 6000), (6, "Adelie", 3000), (7, "Chinstrap", 3600), (8, "Gentoo", 5500)]
    birds = [_bird(bird, species) for bird, species, _ in masses] + [_bird(9, "Adelie")]
    means = {"Adelie": 3500, "Gentoo": 5500, "Chinstrap": 3700}
    wanted = [row for row in masses if row[2] > means[row[1]]]
    rows = _rows_of(above_species_mean_query, birds=birds,
                    measurements=[_measured(bird, mass) for bird, _, mass in masses])
    _expect_width(rows, "bird_id, species, body_mass_g", 3)
    expect(not _same_rows(sorted(rows, key=repr), sorted([row for row in masses if row[2] > 4300], key=repr)),
           "your query compares every bird with the mean of ALL birds: compare each bird with the mean of "
           "its own species (a subquery that refers to the outer bird's species, or a join with one row "
           "of averages per species).")
    for cutoff in means.values():
        one_number = [row for row in masses if row[2] > cutoff]
        expect(not _same_rows(sorted(rows, key=repr), sorted(one_number, key=repr)),
               "your query compares every bird with one and the same number (the mean of one species): the "
               "subquery must refer to the outer bird's species (`WHERE b2.species = b.species`), or a "
               "subquery of averages must be joined on the species.")
    at_least = [row for row in masses if row[2] >= means[row[1]]]
    expect(not _same_rows(sorted(rows, key=repr), sorted(at_least, key=repr)),
           "your result includes a bird exactly as heavy as its species' mean: keep the birds *heavier* than "
           "the mean, with `>`.")
    _expect_order(rows, wanted, "bird_id")
    _expect_rows(rows, wanted, "a small database of 8 measured birds in three species")
    # A second database, with other means (Adelie 3600, Gentoo 5000) and a single Chinstrap.
    masses = [(1, "Adelie", 3300), (2, "Adelie", 3900), (3, "Gentoo", 5200), (4, "Gentoo", 4800),
              (5, "Gentoo", 5000), (6, "Chinstrap", 3650), (7, "Adelie", 3600)]
    wanted = [(2, "Adelie", 3900), (3, "Gentoo", 5200)]
    rows = _rows_of(above_species_mean_query, birds=[_bird(bird, species) for bird, species, _ in masses],
                    measurements=[_measured(bird, mass) for bird, _, mass in masses])
    _expect_width(rows, "bird_id, species, body_mass_g", 3)
    _expect_order(rows, wanted, "bird_id")
    _expect_rows(rows, wanted, "a second database of 7 measured birds, with other species means")


@exercise("rank within each species", DATA_HANDLING, hints=[
    "A window function computes a value for each row from a group of rows (its window) without merging "
    "the rows: `... OVER (PARTITION BY ... ORDER BY ...)`. Ties share a rank with RANK().",
    "PARTITION BY restarts the ranking for each species; the ORDER BY inside OVER decides who is first. "
    "Every measured bird keeps its row: no LIMIT.",
])
def q5(mass_rank_query):
    masses = [(1, "Adelie", 3800), (2, "Adelie", 4000), (3, "Adelie", 3800), (4, "Adelie", 3500),
              (5, "Adelie", 4200), (6, "Gentoo", 5000), (7, "Gentoo", 5200), (8, "Gentoo", 5200),
              (9, "Gentoo", 4800), (10, "Chinstrap", 3700), (11, "Chinstrap", 3600)]
    birds = [_bird(bird, species) for bird, species, _ in masses] + [_bird(12, "Adelie")]
    ranks = {1: 3, 2: 2, 3: 3, 4: 5, 5: 1, 6: 3, 7: 1, 8: 1, 9: 4, 10: 1, 11: 2}
    wanted = sorted([(*row, ranks[row[0]]) for row in masses], key=lambda row: (row[1], row[3], row[0]))
    rows = _rows_of(mass_rank_query, birds=birds,
                    measurements=[_measured(bird, mass) for bird, _, mass in masses])
    _expect_width(rows, "bird_id, species, body_mass_g, mass_rank", 4)
    expect(12 not in [row[0] for row in rows],
           "your result includes a bird that has no measurement: rank only the measured birds "
           "(an inner JOIN of birds and measurements).")
    expect(all(isinstance(row[3], int) for row in rows),
           "the fourth column should be the rank, a whole number: `RANK() OVER (...)`.")
    found = {row[0]: row[3] for row in rows}
    expect(max(found.values(), default=0) <= 5,
           "the ranks do not restart for each species: add `PARTITION BY b.species` inside OVER (...).")
    expect(found.get(5) != 5 and found.get(4) != 1,
           "rank 1 should be the heaviest bird of its species: "
           "`ORDER BY m.body_mass_g DESC` inside OVER (...).")
    expect(found.get(7) == found.get(8),
           "two birds of the same mass get different ranks: ROW_NUMBER() numbers the rows, RANK() lets ties "
           "share a rank.")
    expect(found.get(4) != 4,
           "after two birds tied at rank 3, the next one should be rank 5 (RANK skips the places the tie "
           "used), but yours is 4: that is DENSE_RANK(). Use RANK().")
    _expect_order(rows, wanted, "species, mass_rank, bird_id")
    _expect_rows(rows, wanted, "a small database of 11 measured birds")
    # A second database: 24 measured birds, ties at rank 1 and further down.
    masses = [(i + 1, species, mass) for i, (species, mass) in enumerate(
        [("Adelie", m) for m in (3900, 4100, 3500, 4100, 3650, 3800, 3300, 3800, 3450, 3700)]
        + [("Gentoo", m) for m in (5600, 5000, 5300, 4900, 5300, 5100, 4700, 5450)]
        + [("Chinstrap", m) for m in (3700, 3900, 3550, 3400, 3900, 3650)])]
    heavier = {bird: sum(other > mass for _, kind, other in masses if kind == species)
               for bird, species, mass in masses}
    wanted = sorted([(bird, species, mass, 1 + heavier[bird])
                     for bird, species, mass in masses], key=lambda row: (row[1], row[3], row[0]))
    rows = _rows_of(mass_rank_query, birds=[_bird(bird, species) for bird, species, _ in masses],
                    measurements=[_measured(bird, mass) for bird, _, mass in masses])
    _expect_width(rows, "bird_id, species, body_mass_g, mass_rank", 4)
    expect(len(rows) >= len(masses),
           f"on a second database of {len(masses)} measured birds, your query returns "
           f"{_count(len(rows), 'row')}: "
           "every measured bird needs its row. Is a LIMIT left in the query?")
    _expect_order(rows, wanted, "species, mass_rank, bird_id")
    _expect_rows(rows, wanted, f"a second database of {len(masses)} measured birds")


@exercise("a running total per study", DATA_HANDLING, hints=[
    "First one row per study and date with GROUP BY, and COUNT(*) nests on that date. Then a window function "
    "can add up those counts, date after date, within each study.",
    "A window function can take an aggregate as its argument, `SUM(COUNT(*)) OVER (...)`; inside OVER, "
    "PARTITION BY restarts the sum for each study and ORDER BY makes it run date after date.",
])
def q6(running_nests_query):
    # (nest_id, study_id, date_egg): PAL0708 has 2, 1 and 3 nests on its three dates, PAL0809 1 and 2.
    dates = [(1, "PAL0708", "2007-11-15"), (2, "PAL0809", "2008-11-10"), (3, "PAL0708", "2007-11-10"),
             (4, "PAL0708", "2007-11-15"), (5, "PAL0708", "2007-11-12"), (6, "PAL0809", "2008-11-09"),
             (7, "PAL0708", "2007-11-10"), (8, "PAL0809", "2008-11-10"), (9, "PAL0708", "2007-11-15")]
    nests = [(nest, study, "Biscoe", f"N{nest}", 1, day) for nest, study, day in dates]
    studies = [("PAL0708", 2007, "2007/08"), ("PAL0809", 2008, "2008/09")]
    wanted = [("PAL0708", "2007-11-10", 2, 2), ("PAL0708", "2007-11-12", 1, 3),
              ("PAL0708", "2007-11-15", 3, 6), ("PAL0809", "2008-11-09", 1, 1),
              ("PAL0809", "2008-11-10", 2, 3)]
    rows = _rows_of(running_nests_query, studies=studies, nests=nests)
    expect(len(rows) != len(nests),
           f"your query returns one row per nest ({len(rows)} rows): return one row per study and date, "
           "with `GROUP BY study_id, date_egg`.")
    _expect_width(rows, "study_id, date_egg, n_nests, nests_so_far", 4)
    running = [row[3] for row in sorted(rows, key=lambda row: (str(row[0]), str(row[1])))]
    expect(running != [2, 3, 6, 7, 9],
           "your running total carries on from one study into the next: restart it for each study with "
           "`PARTITION BY study_id` inside OVER (...).")
    expect(running != [6, 6, 6, 3, 3],
           "your last column is each study's total, the same on every date: add `ORDER BY date_egg` inside "
           "OVER (...) so the sum runs from the first date up to the current one.")
    expect(running != [1, 2, 3, 1, 2],
           "your running total counts dates, not nests: add up the nests of each date, "
           "`SUM(COUNT(*)) OVER (...)`, rather than `COUNT(*) OVER (...)`.")
    _expect_order(rows, wanted, "study_id, date_egg")
    _expect_rows(rows, wanted, "a small database of 9 nests in two studies")
    # A second database: the 2008/09 season runs over New Year, and the next season starts in 2009.
    dates = [(1, "PAL0809", "2008-12-30"), (2, "PAL0809", "2009-01-02"), (3, "PAL0910", "2009-11-20"),
             (4, "PAL0809", "2009-01-02"), (5, "PAL0910", "2009-11-24"), (6, "PAL0809", "2008-12-28")]
    nests = [(nest, study, "Dream", f"N{nest}", 1, day) for nest, study, day in dates]
    studies = [("PAL0809", 2008, "2008/09"), ("PAL0910", 2009, "2009/10")]
    wanted = [("PAL0809", "2008-12-28", 1, 1), ("PAL0809", "2008-12-30", 1, 2),
              ("PAL0809", "2009-01-02", 2, 4),
              ("PAL0910", "2009-11-20", 1, 1), ("PAL0910", "2009-11-24", 1, 2)]
    by_year = [("PAL0809", "2008-12-28", 1, 1), ("PAL0809", "2008-12-30", 1, 2),
               ("PAL0809", "2009-01-02", 2, 2),
               ("PAL0910", "2009-11-20", 1, 3), ("PAL0910", "2009-11-24", 1, 4)]
    rows = _rows_of(running_nests_query, studies=studies, nests=nests)
    _expect_width(rows, "study_id, date_egg, n_nests, nests_so_far", 4)
    expect(not _same_rows(rows, by_year),
           "on a second database, whose 2008/09 season runs over New Year, your running total restarts on "
           "1 January and runs on into the next study of that year: restart it for each study, "
           "`PARTITION BY study_id`, not for each calendar year.")
    _expect_order(rows, wanted, "study_id, date_egg")
    _expect_rows(rows, wanted, "a second database of 6 nests, whose 2008/09 season runs over New Year")


@exercise("a query into a DataFrame", DATA_HANDLING, hints=[
    "`pd.read_sql_query(query, connection, index_col=...)` runs a query and returns its result as a "
    "DataFrame. The query joins four tables; the birds without measurements must stay.",
    "Join `nests` on nest_id and `studies` on study_id (the year is the study's, not the egg date's); "
    "only `measurements` needs a LEFT JOIN, since some birds were never measured.",
])
def q7(birds_frame):
    studies = [("PAL0708", 2007, "2007/08"), ("PAL0809", 2008, "2008/09")]
    nests = [(1, "PAL0708", "Dream", "N1", 1, "2007-11-10"), (2, "PAL0809", "Biscoe", "N1", 0, "2008-11-12")]
    birds = [_bird(3, "Gentoo", "male", 2), _bird(1, "Adelie", "female", 1), _bird(2, "Adelie", None, 1),
             _bird(4, "Gentoo", "female", 2)]
    measurements = [_measured(1, 3600), _measured(3, 5400), _measured(4, 5000)]
    columns = ["species", "sex", "island", "year", "body_mass_g"]
    connection = _database(studies=studies, nests=nests, birds=birds, measurements=measurements)
    try:
        frame = _call_reading(birds_frame, connection)
    finally:
        connection.close()
    expect_type(frame, pd.DataFrame, "birds_frame(connection)")
    expect("bird_id" not in frame.columns,
           "bird_id is a column of your DataFrame: make it the index with `index_col=\"bird_id\"`.")
    expect(frame.index.name == "bird_id",
           f"the index should be bird_id (`index_col=\"bird_id\"`), not {frame.index.name!r}.")
    expect(list(frame.columns) == columns,
           f"the columns should be {columns}, in this order; yours are {list(frame.columns)}.")
    expect(not frame.index.duplicated().any(),
           f"your DataFrame has {len(frame)} rows for the 4 birds of the example: some birds appear more "
           "than "
           "once. Join each table on its id (`ON n.nest_id = b.nest_id`, ...): a JOIN without its ON "
           "condition, "
           "or on other columns, repeats rows.")
    expect(len(frame) <= 4,
           f"your DataFrame has {len(frame)} rows, but the check's small database holds 4 birds: read from "
           "the `connection` your function receives, not from the notebook's own connection.")
    expect(len(frame) == 4,
           f"your DataFrame has {len(frame)} rows for the 4 birds of the example: a bird without "
           "measurements must stay (with a missing body mass), so join measurements with a LEFT JOIN.")
    expect(_plain(frame.index) == [1, 2, 3, 4], "sort the birds by id: `ORDER BY b.bird_id`.")
    expect(_plain(frame["body_mass_g"]) == [3600, None, 5400, 5000] and _plain(frame["sex"])[1] is None,
           "the body masses (or sexes) do not belong to their birds: join each table on its id "
           "(`ON m.bird_id = b.bird_id`), and keep NULL as missing.")
    expect(_plain(frame["island"]) == ["Dream", "Dream", "Biscoe", "Biscoe"]
           and _plain(frame["year"]) == [2007, 2007, 2008, 2008],
           "the island or year does not match the bird's nest and study: join `nests` on nest_id and "
           "`studies` on study_id.")
    expect(_plain(frame["species"]) == ["Adelie", "Adelie", "Gentoo", "Gentoo"],
           "the species column does not hold each bird's species.")
    # A second database: a nest of the 2008/09 season got its first egg in January 2009;
    # 5 birds, 2 of them unmeasured.
    nests = [(1, "PAL0809", "Biscoe", "N1", 1, "2009-01-04"), (2, "PAL0809", "Dream", "N2", 1, "2008-11-20"),
             (3, "PAL0910", "Torgersen", "N1", 0, "2009-11-15")]
    studies = [("PAL0809", 2008, "2008/09"), ("PAL0910", 2009, "2009/10")]
    birds = [_bird(7, "Adelie", "male", 3), _bird(5, "Gentoo", "female", 1), _bird(6, "Gentoo", None, 1),
             _bird(8, "Chinstrap", "female", 2), _bird(9, "Adelie", "female", 3)]
    measurements = [_measured(5, 4950), _measured(8, 3500), _measured(9, 3300)]
    connection = _database(studies=studies, nests=nests, birds=birds, measurements=measurements)
    try:
        frame = _call_reading(birds_frame, connection)
    finally:
        connection.close()
    expect_type(frame, pd.DataFrame, "birds_frame(connection) on a second database")
    expect(list(frame.columns) == columns and frame.index.name == "bird_id",
           f"on a second database, the columns should be {columns} and the index bird_id; yours are "
           f"{list(frame.columns)}, index {frame.index.name!r}.")
    expect(_plain(frame.index) == [5, 6, 7, 8, 9],
           "on a second database of 5 birds (ids 5 to 9, 2 never measured), the index should be [5, 6, 7, "
           "8, 9]; "
           f"yours is {_plain(frame.index)}.")
    years = _plain(frame["year"])
    expect(years != [2009, 2009, 2009, 2008, 2009],
           "on a second database, a nest of the 2008/09 season got its first egg in January 2009, and your "
           "year "
           "column gives its birds 2009, the year of date_egg: take the year of the nest's study, `s.year` "
           "from `studies`.")
    wanted = {"species": ["Gentoo", "Gentoo", "Adelie", "Chinstrap", "Adelie"],
              "sex": ["female", None, "male", "female", "female"],
              "island": ["Biscoe", "Biscoe", "Torgersen", "Dream", "Torgersen"],
              "year": [2008, 2008, 2009, 2008, 2009], "body_mass_g": [4950, None, None, 3500, 3300]}
    wrong = [column for column in columns if _plain(frame[column]) != wanted[column]]
    expect(not wrong, f"on a second database of 5 birds, the column {wrong[0] if wrong else ''!r} should be "
           f"{wanted[wrong[0]] if wrong else ''}, but yours is {_plain(frame[wrong[0]]) if wrong else ''}.")


@exercise("the same table with pandas", DATA_HANDLING, hints=[
    "A SQL LEFT JOIN is `merge(..., how=\"left\")` in pandas, and `merge`'s default is an inner join. After "
    "grouping, `size` counts rows and `count` counts non-missing values, like COUNT(*) and COUNT(column).",
    "`groupby(\"species\", as_index=False).agg(...)` takes named aggregations, `new_column=(column, "
    "function)`: one for the rows of each species, one for its delta_15_n values.",
])
def q8(coverage_with_pandas):
    birds = pd.DataFrame([_bird(bird, species) for bird, species in [
        (1, "Gentoo"), (2, "Adelie"), (3, "Chinstrap"), (4, "Adelie"), (5, "Adelie"), (6, "Gentoo"),
        (7, "Chinstrap"), (8, "Adelie")]], columns=["bird_id", "nest_id", "individual_id", "species", "sex",
                                                    "comment"])
    isotopes = pd.DataFrame({"bird_id": [1, 2, 4, 6], "delta_15_n": [8.2, 8.9, None, 8.4],
                             "delta_13_c": [-26.1, -24.7, -25.3, -26.3]})
    originals = birds.copy(), isotopes.copy()
    table = call(coverage_with_pandas, birds, isotopes,
                 advice="Merge the two DataFrames on bird_id, then group by species.")
    expect_unchanged(originals[0], birds, "birds DataFrame")
    expect_unchanged(originals[1], isotopes, "isotopes DataFrame")
    expect(not isinstance(table, pd.Series),
           "your function returned a Series: return a DataFrame with the three columns (for example with "
           "`groupby(..., as_index=False).agg(...)`).")
    expect_type(table, pd.DataFrame, "coverage_with_pandas(birds, isotopes)")
    columns = ["species", "n_birds", "n_with_delta_15_n"]
    expect("species" in table.columns,
           "species is not a column of your table (it is probably the index): use "
           "`groupby(\"species\", as_index=False)` or `.reset_index()`.")
    expect(list(table.columns) == columns,
           f"the columns should be {columns}, in this order; yours are {list(table.columns)}.")
    expect("Chinstrap" in _plain(table["species"]),
           "a species whose birds have no isotope row is missing: `merge` keeps only matching rows by "
           "default (how=\"inner\"). Use `how=\"left\"` to keep every bird, like a LEFT JOIN.")
    counts = {row[0]: tuple(row[1:]) for row in table[columns].itertuples(index=False)}
    expect(all(isinstance(n, (int, float)) and n <= 4 for n, *_ in counts.values()),
           f"your counts are larger than the check's small example allows (it holds at most 4 birds per "
           f"species; yours are {counts}): build the table from the `birds` and `isotopes` DataFrames your "
           "function receives, merged on bird_id (a merge on other columns, or none, repeats rows).")
    expect(counts.get("Adelie", (4,))[0] == 4,
           "n_birds is too small: every bird counts, also those without isotopes (a left merge keeps them).")
    expect(counts.get("Chinstrap", (2, 0))[1] != 2,
           "the last column counts every bird: `size` counts rows; `count` counts the non-missing values of "
           "delta_15_n, like COUNT(i.delta_15_n).")
    expect(counts.get("Adelie", (4, 1))[1] != 2,
           "the last column counts a row whose delta_15_n is missing: count the values of delta_15_n "
           "(`count`), not the isotope rows.")
    expect(_plain(table["species"]) == ["Adelie", "Chinstrap", "Gentoo"],
           "sort the rows by species (groupby sorts them for you).")
    expect(_plain(table.index) == [0, 1, 2],
           "give the table the default index 0, 1, 2 (`as_index=False` or `.reset_index(drop=True)`).")
    wanted = {"Adelie": (4, 1), "Chinstrap": (2, 0), "Gentoo": (2, 2)}
    expect({name: tuple(_plain(values)) for name, values in counts.items()} == wanted,
           f"for the small example expected the counts {wanted}, got {counts}.")
    # A second input: two species only, a sample that measured exactly 0.0, columns in another order.
    birds = pd.DataFrame([_bird(bird, species, "male") for bird, species in [
        (11, "Gentoo"), (12, "Gentoo"), (13, "Adelie"), (14, "Gentoo"), (15, "Adelie")]],
        columns=["bird_id", "nest_id", "individual_id", "species", "sex", "comment"])
    isotopes = pd.DataFrame({"delta_13_c": [-26.0, -25.2, -26.4, -24.8], "bird_id": [11, 13, 14, 12],
                             "delta_15_n": [0.0, 9.1, 8.3, None]})
    table = call(coverage_with_pandas, birds, isotopes,
                 advice="This happened on a second input: two species, and the columns of `isotopes` in "
                        "another order.")
    expect_type(table, pd.DataFrame, "coverage_with_pandas(birds, isotopes) on a second input")
    expect(list(table.columns) == columns,
           f"on a second input, the columns should be {columns}, in this order; yours are "
           f"{list(table.columns)}.")
    found = {row[0]: tuple(_plain(row[1:])) for row in table[columns].itertuples(index=False)}
    wanted = {"Adelie": (2, 1), "Gentoo": (3, 2)}
    expect(found.get("Gentoo", (3, 2))[1] != 1,
           "on a second input, the last column does not count the Gentoo bird whose delta_15_n is 0.0: 0 is "
           "a measured value, only a missing value (NaN) should not count. `count` counts every value that "
           "is not missing.")
    expect(found == wanted and _plain(table.index) == [0, 1],
           f"on a second input with two species (Adelie and Gentoo), the counts should be {wanted} with the "
           f"index 0, 1; yours are {found} with the index {_plain(table.index)}.")
