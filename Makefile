# The course's commands. `make demo` and `make test` set everything up on a fresh machine
# that has Python 3.11+ and pip: the virtual environment is created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lab release check-release clean

demo: $(STAMP)  ## the whole course loop on sample learners: release, submit, autograde, feedback, grades
	$(BIN)/mlcourse demo

test: $(STAMP)  ## the test suite (also what CI runs)
	$(BIN)/python -m pytest -n 2 --dist loadfile

lab: $(STAMP)  ## open the course in JupyterLab (lessons in notebooks/, assignments in the Assignments tab)
	$(BIN)/jupyter lab

release: $(STAMP)  ## regenerate release/ from source/ with nbgrader generate_assignment
	$(BIN)/mlcourse release

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

clean:  ## remove the virtual environment and every generated file (never source/ or release/)
	rm -rf $(VENV) build .pytest_cache
