# Two commands do all the set-up (see README): `make run` and `make test`.
# Each creates .venv and installs what it needs on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_API := pyside6

.PHONY: run test brief lint clean

$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

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

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check dossier tests benchmarks packaging

clean:
	rm -rf $(VENV) build *.egg-info sample-brief.pdf
