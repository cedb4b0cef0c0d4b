# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint bench screenshots clean package

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/inspector-app

test: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# ruff, then mypy against mypy-baseline.txt (fails on an error the baseline does not hold).
lint: $(STAMP_TEST)
	$(BIN)/ruff check inspector_app tests
	$(BIN)/python -m inspector_app.tools.typecheck

bench: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.perf.run_bench

# English and Chinese into docs/; the pseudo-locale (with clipped.txt) into build/, not committed.
screenshots: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m inspector_app.tools.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m inspector_app.tools.screenshots docs/screenshots --lang pseudo

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# The one-folder application for this platform in dist/Inspector (packaging/README.md).
STAMP_PACKAGE := $(VENV)/.installed-package
$(STAMP_PACKAGE): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@ $(STAMP_RUN)

package: $(STAMP_PACKAGE)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/inspector.spec
	QT_QPA_PLATFORM=offscreen dist/Inspector/inspector-app --self-test
