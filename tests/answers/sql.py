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

# A LIMIT left over from exploring the result: the check's small database has fewer than 20 measured
# birds, so the visible check cannot tell; the real database has 342, and the hidden tests count them.
PASSES_VISIBLE_FAILS_HIDDEN = (
    "q5-answer",
    'def mass_rank_query():\n'
    '    return """SELECT b.bird_id, b.species, m.body_mass_g,\n'
    '              RANK() OVER (PARTITION BY b.species ORDER BY m.body_mass_g DESC) AS mass_rank\n'
    '              FROM birds AS b JOIN measurements AS m ON m.bird_id = b.bird_id\n'
    '              ORDER BY b.species, mass_rank, b.bird_id LIMIT 20"""\n',
)
