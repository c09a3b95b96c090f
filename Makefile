# Two commands for a fresh machine: `make site` builds the handbook, `make test` runs all tests.
# Both create the virtual environment in .venv/ first if it is missing or out of date.

VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python

.PHONY: site test check serve clean

site: $(VENV)/.installed
	$(PY) -m generator build

test: $(VENV)/.installed
	$(PY) -m pytest

check: $(VENV)/.installed
	$(PY) -m generator check

serve: $(VENV)/.installed
	$(PY) -m generator serve

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf build site
