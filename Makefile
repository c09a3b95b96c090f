# Two commands for a fresh machine: `make site` builds the handbook, `make test` runs all tests.
# Both create the virtual environment in .venv/ first if it is missing or out of date, and install
# the Debian packages they need where they can (generator/install_deps.py). Quiet: only our own
# progress lines; pip's output goes to .venv/pip.log and is shown only when it fails.

VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python

.PHONY: site test check serve clean

site: $(VENV)/.installed
	@$(PY) -m generator.install_deps pdf
	@$(PY) -m generator build

test: $(VENV)/.installed
	@$(PY) -m generator.install_deps test
	@$(PY) -m pytest

check: $(VENV)/.installed
	@$(PY) -m generator check

serve: $(VENV)/.installed
	@$(PY) -m generator serve

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -m generator.install_deps venv
	@echo "Menyiapkan lingkungan Python di $(VENV)/ (sekali saja; catatan di $(VENV)/pip.log)…"
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip > $(VENV)/pip.log 2>&1 \
	  && $(PY) -m pip install --quiet -e '.[test]' >> $(VENV)/pip.log 2>&1 \
	  || { cat $(VENV)/pip.log; echo "Pemasangan paket Python gagal; rinciannya di atas."; exit 1; }
	@touch $@

clean:
	rm -rf build site
