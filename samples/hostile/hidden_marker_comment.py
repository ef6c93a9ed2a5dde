def mass_kg(grams):
    # ### BEGIN HIDDEN TESTS
    # a marker here once made feedback fail for the whole class
    return None
