# The course's commands. `make demo` and `make test` set everything up on a fresh machine
# that has Python 3.11+ and pip: the virtual environment is created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test test-fast coverage lint lab learner release clean sandbox-tool browser-tool lab-extension

demo: $(STAMP) sandbox-tool  ## the whole course loop on sample learners: release, submit, autograde, feedback, grades
	$(BIN)/mlcourse demo

test: $(STAMP) sandbox-tool browser-tool  ## the whole test suite, lint first (also what CI runs)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2 --dist loadfile

test-fast: $(STAMP)  ## the fast unit tests only: no kernels, no notebooks (well under a minute)
	$(BIN)/python -m pytest -m "not slow" -q

coverage: $(STAMP)  ## line coverage of mlcourse/ by the fast tests
	$(BIN)/python -m pytest -m "not slow" -q --cov --cov-report=term-missing:skip-covered

lint: $(STAMP)  ## ruff: pyflakes, pycodestyle, import order (settings in pyproject.toml)
	$(BIN)/ruff check .

lab: $(STAMP)  ## the instructor: open the course folder in JupyterLab, Formgrader ready (Nbgrader > Formgrader)
	$(BIN)/mlcourse lab

learner: $(STAMP)  ## a learner: open your own workspace (~/mlcourse-workspace): lessons, and Nbgrader > Assignment List
	$(BIN)/mlcourse lab --learner

release: $(STAMP)  ## regenerate release/ from source/ with nbgrader generate_assignment
	$(BIN)/mlcourse release

# Graded kernels run in bubblewrap (Debian/Ubuntu package `bubblewrap`). As root with apt-get, it is
# installed here; otherwise the instructor installs it once (README, "Grading safely").
sandbox-tool:
	@command -v bwrap >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && (apt-get install -y -q bubblewrap >/dev/null 2>&1 || (apt-get update -q >/dev/null && apt-get install -y -q bubblewrap >/dev/null)); } \
	  || echo "note: bubblewrap is not installed; grading will ask for it (apt-get install bubblewrap)"

# The learner's lab extension (mlcourse/lab_extension): rebuild its committed files in share/ after editing
# index.js. Needs Node.js and npm; learners and CI use the committed build and need neither.
lab-extension: $(STAMP)
	cd mlcourse/lab_extension && npm install --no-audit --no-fund \
	  && PATH="$(CURDIR)/$(VENV)/bin:$$PATH" jupyter labextension build . && rm -rf node_modules package-lock.json

# The browser walk (tests/test_browser.py) drives Debian's chromium with its chromium-driver. As root with
# apt-get, they are installed here; otherwise `make test` stops with the one command that installs them.
browser-tool:
	@{ { command -v chromium || command -v chromium-browser || command -v google-chrome; } >/dev/null 2>&1 \
	  && command -v chromedriver >/dev/null 2>&1; } \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && (apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
	      || (apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null)); } \
	  || { echo "error: the browser test needs Chromium and its driver; install them once, as root:" \
	       "apt-get install chromium chromium-driver" >&2; exit 1; }

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

clean:  ## remove the virtual environment and every generated file (never source/ or release/)
	rm -rf $(VENV) build .pytest_cache .coverage
