RESULT_MIME = "application/vnd.mlcourse.result+json"


def record(name, value, **tolerances):
    pass
