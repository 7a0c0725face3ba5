# Two commands on a fresh Debian/Ubuntu machine with Python >= 3.11:
#   make demo   install everything, then render every example to out/ (DOCX and PDF), and the example
#               đảng bộ workbook to out/dang-bo/
#   make test   install everything, then check the format and lint (ruff format --check, ruff check) and run the whole test suite
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
	$(BIN)/python -m pip install -q -e '.[test,dask]'
	touch $(STAMP)

system-deps:
	PY=$(PY) bash scripts/install-system-deps.sh

demo: install
	rm -rf out
	$(BIN)/kiemdiem render examples/ --format docx,pdf -o out/
	$(BIN)/kiemdiem render examples/phieu-bieu-quyet/ --format docx,pdf -o out/phieu-bieu-quyet/
	$(BIN)/kiemdiem render examples/phieu-nhan-xet-noi-cu-tru/ --format docx,pdf -o out/phieu-nhan-xet-noi-cu-tru/
	$(BIN)/kiemdiem bulk examples/dang-bo-2025.xlsx --format docx,pdf --jobs 2 --zip -o out/dang-bo/
	@echo "Xem kết quả trong out/ (cả đảng bộ: out/dang-bo/)"

test: install
	$(BIN)/ruff format --check generator tests scripts bench
	$(BIN)/ruff check generator tests scripts bench
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out build dist *.egg-info .pytest_cache .hypothesis
