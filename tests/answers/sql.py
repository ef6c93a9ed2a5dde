from tests.answers import WrongAnswer

WRONG = {
    # "At least 220" written as "more than 220": the birds with exactly 220 mm are lost.
    "q1-answer": WrongAnswer(
        code=('def heavy_birds_query():\n'
              '    return """SELECT bird_id, body_mass_g FROM measurements WHERE flipper_length_mm > 220\n'
              '              ORDER BY body_mass_g DESC, bird_id LIMIT 10"""\n'),
        message='"at least 220" includes 220, so use `>=`',
    ),
    # Filters the groups in WHERE: SQLite refuses an aggregate there.
    "q2-answer": WrongAnswer(
        code=('def sex_groups_query():\n'
              '    return """SELECT species, sex, COUNT(*) FROM birds\n'
              '              WHERE sex IS NOT NULL AND COUNT(*) > 60\n'
              '              GROUP BY species, sex ORDER BY species, sex"""\n'),
        message="your query failed: misuse of aggregate",
    ),
    # An inner JOIN: the birds without isotopes, and a species without any, disappear.
    "q3-answer": WrongAnswer(
        code=('def isotope_coverage_query():\n'
              '    return """SELECT b.species, COUNT(*), COUNT(i.delta_15_n)\n'
              '              FROM birds AS b JOIN isotopes AS i ON i.bird_id = b.bird_id\n'
              '              GROUP BY b.species ORDER BY b.species"""\n'),
        message="Use `birds LEFT JOIN isotopes`",
    ),
    # Compares every bird with the mean of all birds, not of its species.
    "q4-answer": WrongAnswer(
        code=('def above_species_mean_query():\n'
              '    return """SELECT b.bird_id, b.species, m.body_mass_g\n'
              '              FROM birds AS b JOIN measurements AS m ON m.bird_id = b.bird_id\n'
              '              WHERE m.body_mass_g > (SELECT AVG(body_mass_g) FROM measurements)\n'
              '              ORDER BY b.bird_id"""\n'),
        message="compares every bird with the mean of ALL birds",
    ),
    # DENSE_RANK does not skip the places a tie used.
    "q5-answer": WrongAnswer(
        code=('def mass_rank_query():\n'
              '    return """SELECT b.bird_id, b.species, m.body_mass_g,\n'
              '              DENSE_RANK() OVER (PARTITION BY b.species ORDER BY m.body_mass_g DESC) AS r\n'
              '              FROM birds AS b JOIN measurements AS m ON m.bird_id = b.bird_id\n'
              '              ORDER BY b.species, r, b.bird_id"""\n'),
        message="that is DENSE_RANK()",
    ),
    # No PARTITION BY: the running total carries on across the seasons.
    "q6-answer": WrongAnswer(
        code=('def running_nests_query():\n'
              '    return """SELECT study_id, date_egg, COUNT(*),\n'
              '              SUM(COUNT(*)) OVER (ORDER BY study_id, date_egg)\n'
              '              FROM nests GROUP BY study_id, date_egg ORDER BY study_id, date_egg"""\n'),
        message="restart it for each study with `PARTITION BY study_id`",
    ),
    # An inner JOIN with measurements drops the birds that were never measured.
    "q7-answer": WrongAnswer(
        code=('def birds_frame(connection):\n'
              '    query = """SELECT b.bird_id, b.species, b.sex, n.island, s.year, m.body_mass_g\n'
              '               FROM birds AS b JOIN nests AS n ON n.nest_id = b.nest_id\n'
              '               JOIN studies AS s ON s.study_id = n.study_id\n'
              '               JOIN measurements AS m ON m.bird_id = b.bird_id ORDER BY b.bird_id"""\n'
              '    return pd.read_sql_query(query, connection, index_col="bird_id")\n'),
        message="join measurements with a LEFT JOIN",
    ),
    # `size` counts the rows, missing values included, like COUNT(*).
    "q8-answer": WrongAnswer(
        code=('def coverage_with_pandas(birds, isotopes):\n'
              '    merged = birds.merge(isotopes, on="bird_id", how="left")\n'
              '    return merged.groupby("species", as_index=False).agg(\n'
              '        n_birds=("bird_id", "size"), n_with_delta_15_n=("delta_15_n", "size"))\n'),
        message="`size` counts rows",
    ),
}

# Counts the birds with `count` on the column `sex`, which skips the birds of unknown sex. The visible
# check's made-up birds all have a sex; the real database has 11 birds without one, so only the hidden
# test sees it.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q8-answer",
    'def coverage_with_pandas(birds, isotopes):\n'
    '    merged = birds.merge(isotopes, on="bird_id", how="left")\n'
    '    return merged.groupby("species", as_index=False).agg(\n'
    '        n_birds=("sex", "count"), n_with_delta_15_n=("delta_15_n", "count"))\n',
)

# Valid answers in another form: other SQL (lowercase, column positions, USING, correlated subqueries,
# SUM of a condition, window functions in a subquery) and other pandas calls.
ALTERNATIVES = {
    "q1-answer": ('def heavy_birds_query():\n'
                  '    return """select m.bird_id, m.body_mass_g from measurements m\n'
                  '              where not m.flipper_length_mm < 220\n'
                  '              order by 2 desc, 1 asc limit 10 offset 0;"""\n'),
    "q2-answer": ('def sex_groups_query():\n'
                  '    return """select species, sex, count(bird_id) as birds from birds\n'
                  '              group by species, sex having count(sex) > 60 order by 1, 2"""\n'),
    "q3-answer": ('def isotope_coverage_query():\n'
                  '    return """SELECT b.species, COUNT(b.bird_id), SUM(i.delta_15_n IS NOT NULL)\n'
                  '              FROM birds b LEFT JOIN isotopes i USING (bird_id)\n'
                  '              GROUP BY b.species ORDER BY b.species"""\n'),
    "q4-answer": ('def above_species_mean_query():\n'
                  '    return """SELECT bird_id, species, body_mass_g FROM (\n'
                  '                  SELECT b.bird_id, b.species, m.body_mass_g,\n'
                  '                         AVG(m.body_mass_g) OVER (PARTITION BY b.species)\n'
                  '                         AS species_mean\n'
                  '                  FROM birds b JOIN measurements m USING (bird_id))\n'
                  '              WHERE body_mass_g > species_mean ORDER BY bird_id"""\n'),
    "q5-answer": ('def mass_rank_query():\n'
                  '    return """SELECT b.bird_id, b.species, m.body_mass_g,\n'
                  '                     1 + (SELECT COUNT(*)\n'
                  '                          FROM birds b2 JOIN measurements m2 USING (bird_id)\n'
                  '                          WHERE b2.species = b.species\n'
                  '                          AND m2.body_mass_g > m.body_mass_g) AS r\n'
                  '              FROM birds b JOIN measurements m USING (bird_id)\n'
                  '              ORDER BY b.species, r, b.bird_id"""\n'),
    "q6-answer": ('def running_nests_query():\n'
                  '    return """SELECT d.study_id, d.date_egg, COUNT(*),\n'
                  '                     (SELECT COUNT(*) FROM nests n2 WHERE n2.study_id = d.study_id\n'
                  '                      AND n2.date_egg <= d.date_egg)\n'
                  '              FROM nests d GROUP BY d.study_id, d.date_egg ORDER BY 1, 2"""\n'),
    "q7-answer": ('def birds_frame(connection):\n'
                  '    query = """SELECT bird_id, species, sex, island, year, body_mass_g\n'
                  '               FROM birds JOIN nests USING (nest_id) JOIN studies USING (study_id)\n'
                  '               LEFT JOIN measurements USING (bird_id)"""\n'
                  '    return pd.read_sql_query(query, connection).set_index("bird_id").sort_index()\n'),
    "q8-answer": ('def coverage_with_pandas(birds, isotopes):\n'
                  '    merged = pd.merge(birds[["bird_id", "species"]], isotopes, how="left", on="bird_id")\n'
                  '    grouped = merged.groupby("species")\n'
                  '    table = pd.DataFrame({"n_birds": grouped.size(),\n'
                  '                          "n_with_delta_15_n":\n'
                  '                              grouped["delta_15_n"].apply(lambda v: v.notna().sum())})\n'
                  '    return table.reset_index()\n'),
}

# Answers right on the check's first database only: the second database (other masses and species
# means, a large Chinstrap group, a sample that measured 0.0, more birds, a season over New Year) tells them.
VISIBLE_ONLY = {
    # A cut-off read from the example's result instead of LIMIT 10.
    "q1-answer": WrongAnswer(
        code=('def heavy_birds_query():\n'
              '    return """SELECT bird_id, body_mass_g FROM measurements\n'
              '              WHERE flipper_length_mm >= 220 AND body_mass_g >= 5300\n'
              '              ORDER BY body_mass_g DESC, bird_id"""\n'),
        message="on a second table of 13 measured birds",
    ),
    # Leaves out the Chinstrap, whose groups were small in the example.
    "q2-answer": WrongAnswer(
        code=('def sex_groups_query():\n'
              '    return """SELECT species, sex, COUNT(*) FROM birds\n'
              '              WHERE sex IS NOT NULL AND species <> \'Chinstrap\'\n'
              '              GROUP BY species, sex HAVING COUNT(*) > 60 ORDER BY species, sex"""\n'),
        message="it leaves out [('Chinstrap', 'female', 63)]",
    ),
    # A value counts only when it is "true": a measured 0.0 is skipped.
    "q3-answer": WrongAnswer(
        code=('def isotope_coverage_query():\n'
              '    return """SELECT b.species, COUNT(*), SUM(CASE WHEN i.delta_15_n THEN 1 ELSE 0 END)\n'
              '              FROM birds AS b LEFT JOIN isotopes AS i ON i.bird_id = b.bird_id\n'
              '              GROUP BY b.species ORDER BY b.species"""\n'),
        message="does not count the Gentoo bird whose delta_15_n is 0.0",
    ),
    # The species means of the example typed into the query.
    "q4-answer": WrongAnswer(
        code=('def above_species_mean_query():\n'
              '    return """SELECT b.bird_id, b.species, m.body_mass_g\n'
              '              FROM birds AS b JOIN measurements AS m ON m.bird_id = b.bird_id\n'
              '              WHERE (b.species = \'Adelie\' AND m.body_mass_g > 3500)\n'
              '                 OR (b.species = \'Gentoo\' AND m.body_mass_g > 5500)\n'
              '                 OR (b.species = \'Chinstrap\' AND m.body_mass_g > 3700)\n'
              '              ORDER BY b.bird_id"""\n'),
        message="on a second database of 7 measured birds",
    ),
    # A LIMIT left over from exploring the result.
    "q5-answer": WrongAnswer(
        code=('def mass_rank_query():\n'
              '    return """SELECT b.bird_id, b.species, m.body_mass_g,\n'
              '              RANK() OVER (PARTITION BY b.species ORDER BY m.body_mass_g DESC) AS mass_rank\n'
              '              FROM birds AS b JOIN measurements AS m ON m.bird_id = b.bird_id\n'
              '              ORDER BY b.species, mass_rank, b.bird_id LIMIT 20"""\n'),
        message="every measured bird needs its row",
    ),
    # One running total per calendar year: right while every season stays within one year.
    "q6-answer": WrongAnswer(
        code=('def running_nests_query():\n'
              '    return """SELECT study_id, date_egg, COUNT(*),\n'
              '              SUM(COUNT(*)) OVER (PARTITION BY substr(date_egg, 1, 4) ORDER BY date_egg)\n'
              '              FROM nests GROUP BY study_id, date_egg ORDER BY study_id, date_egg"""\n'),
        message="your running total restarts on 1 January",
    ),
    # The year of the egg date, not of the study.
    "q7-answer": WrongAnswer(
        code=('def birds_frame(connection):\n'
              '    query = """SELECT b.bird_id, b.species, b.sex, n.island,\n'
              '                      CAST(substr(n.date_egg, 1, 4) AS INTEGER) AS year, m.body_mass_g\n'
              '               FROM birds AS b JOIN nests AS n ON n.nest_id = b.nest_id\n'
              '               LEFT JOIN measurements AS m ON m.bird_id = b.bird_id ORDER BY b.bird_id"""\n'
              '    return pd.read_sql_query(query, connection, index_col="bird_id")\n'),
        message="take the year of the nest's study",
    ),
    # A missing value filled with 0, then only the non-zero values counted: a measured 0.0 is lost.
    "q8-answer": WrongAnswer(
        code=('def coverage_with_pandas(birds, isotopes):\n'
              '    merged = birds.merge(isotopes, on="bird_id", how="left")\n'
              '    merged["measured"] = merged["delta_15_n"].fillna(0) != 0\n'
              '    return merged.groupby("species", as_index=False).agg(\n'
              '        n_birds=("bird_id", "size"), n_with_delta_15_n=("measured", "sum"))\n'),
        message="does not count the Gentoo bird whose delta_15_n is 0.0",
    ),
}
