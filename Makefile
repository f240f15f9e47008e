# Two commands do all the set-up (see README): `make run` and `make test`.
# Each creates .venv and installs what it needs on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_API := pyside6

.PHONY: run test brief lint typecheck hooks lock clean bundle bench capture-eval inits

# Every dependency at the version and hashes of the lock file (requirements/, made
# by `make lock`), then the project itself with no dependencies of its own. The
# warning filter hides only setuptools' notice that an editable install was made.
$(STAMP): pyproject.toml setup.py requirements/test.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/test.txt
	PYTHONWARNINGS=ignore::UserWarning:setuptools.command.editable_wheel \
		$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# After changing dependencies in pyproject.toml (or to take newer versions): resolve
# them again into requirements/*.txt with their hashes, then commit those files.
lock: $(STAMP)
	UV=$(BIN)/uv requirements/lock.sh

# The GUI on the bundled sample where there is a screen; otherwise the headless
# job: the sample brief written to sample-brief.pdf.
run: $(STAMP)
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ "$$(uname)" = Darwin ]; then \
		$(BIN)/dossier gui; \
	else \
		$(MAKE) --no-print-directory brief; \
	fi

brief: $(STAMP)
	$(BIN)/dossier brief --sample --out sample-brief.pdf

# The tests in parallel (pytest-xdist): PYTEST_WORKERS processes, auto = one per CPU,
# 0 = all in this one process (for pdb, or to rule parallelism out).
PYTEST_WORKERS ?= auto
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# Style, format, types and the import contracts (pyproject.toml); the same checks
# run before each commit once `make hooks` has installed them (.pre-commit-config.yaml).
lint: $(STAMP)
	$(BIN)/ruff check dossier tests benchmarks packaging setup.py
	$(BIN)/ruff format --check dossier tests benchmarks packaging setup.py
	$(BIN)/mypy
	$(BIN)/lint-imports

# mypy alone (also part of lint), over dossier/ as pyproject.toml configures it:
# strict on the core packages.
typecheck: $(STAMP)
	$(BIN)/mypy

hooks: $(STAMP)
	$(BIN)/pre-commit install

# The benchmarks of issue 8 (see benchmarks/README.md): BENCH_ARGS=--quick for a short run.
# After changing the fields of a record class (dossier/written_init.py): its __init__ again.
inits: $(STAMP)
	$(BIN)/python -m dossier.write_inits > dossier/record_inits.py.new
	mv dossier/record_inits.py.new dossier/record_inits.py
	$(BIN)/ruff format dossier/record_inits.py

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# Capture's precision and recall on real texts kept outside the project (docs/capture.md):
# CORPUS is one or more folders (a:b) searched for the annotated texts by sha256.
CORPUS ?= ../shared/data/articles:/tmp/gum-corpus
capture-eval: $(STAMP)
	$(BIN)/python tests/ingest/capture_eval.py --corpus "$(CORPUS):resources/samples:tests/fixtures/capture" $(EVAL_ARGS)

# After changing UI strings: refresh the .ts sources (translate them in Qt Linguist),
# then compile the .qm files the app loads. Commit both.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none dossier/ui/*.py -ts resources/translations/dossier_ru.ts
	$(BIN)/pyside6-lrelease resources/translations/dossier_ru.ts -qm resources/translations/dossier_ru.qm
	# English needs only the plural forms of counted strings (tr("%n result(s)", None, n)).
	$(BIN)/pyside6-lupdate -no-obsolete -pluralonly -locations none dossier/ui/*.py -ts resources/translations/dossier_en.ts
	$(BIN)/pyside6-lrelease resources/translations/dossier_en.ts -qm resources/translations/dossier_en.qm

# The one-folder app bundle for IT (dist/dossier), then its smoke test; see packaging/README.md.
bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/bundle.txt
	PYTHON=$(BIN)/python packaging/build.sh
	packaging/smoke.sh dist/dossier

clean:
	rm -rf $(VENV) build *.egg-info sample-brief.pdf
