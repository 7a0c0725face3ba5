# Two commands on a fresh Debian/Ubuntu machine with Python >= 3.11:
#   make demo   install everything, then render every example to out/ (DOCX and PDF)
#   make test   install everything, then run the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install system-deps clean

install: $(STAMP)

$(STAMP): pyproject.toml
	PY=$(PY) bash scripts/install-system-deps.sh
	$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "kiemdiem needs Python >= 3.11")'
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

system-deps:
	PY=$(PY) bash scripts/install-system-deps.sh

demo: install
	rm -rf out
	$(BIN)/kiemdiem render examples/ --format docx,pdf -o out/
	@echo "Xem kết quả trong out/"

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out build dist *.egg-info .pytest_cache .hypothesis
