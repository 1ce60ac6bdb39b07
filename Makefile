# Two commands set everything up on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve generate check quality bench clean gh-deploy zensical screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## site: create .venv, install, generate the pages and build site/ (mkdocs build --strict)
site: $(VENV)/.site-installed
	$(BIN)/briefing build

## generate: write the Markdown pages from content/ (never overwrites edited pages)
generate: $(VENV)/.site-installed
	$(BIN)/briefing generate

## check: fail if the committed pages are stale against content/
check: $(VENV)/.site-installed
	$(BIN)/briefing generate --check

## serve: regenerate, then live preview at http://127.0.0.1:8000 (reloads on page edits)
serve: $(VENV)/.site-installed
	$(BIN)/briefing generate
	$(BIN)/mkdocs serve --livereload

## gh-deploy: publish site/ on the gh-pages branch instead of the Actions workflow
gh-deploy: $(VENV)/.site-installed
	$(BIN)/briefing generate --check
	$(BIN)/mkdocs gh-deploy --force --strict

## zensical: build the same site with Zensical, Material's successor, into site/
zensical: $(VENV)/.test-installed
	$(BIN)/briefing generate
	$(BIN)/zensical build

## screenshots: retake the README's screenshots of the home page (desktop and phone)
screenshots: $(VENV)/.test-installed
	$(BIN)/python tests/screenshots.py

## test: install what the tests need and run all of them
test: $(VENV)/.test-installed
	$(BIN)/python -m pytest

## quality: print cleaning, section, quotation, people, statement and timeline figures over
## tests/labelled/, then the outside benchmarks in ../shared/benchmarks/ when they are there
quality: $(VENV)/.test-installed
	$(BIN)/python tests/measure_quality.py
	$(BIN)/python tests/measure_quotes.py
	$(BIN)/python tests/measure_headlines.py
	$(BIN)/python tests/measure_people.py
	@for cluster in a b c d e f g h i j k l m n o; do $(BIN)/python tests/measure_statements.py $$cluster; done
	$(BIN)/python tests/measure_statements.py all --perturbed 6
	@for set in dev holdout holdout2; do $(BIN)/python tests/measure_events.py tests/labelled/events/$$set; done
	@if [ -d ../shared/benchmarks ]; then \
	  $(BIN)/python ../shared/benchmarks/quotes/score.py && \
	  $(BIN)/python ../shared/benchmarks/boilerplate/score.py --variant both --no-trafilatura; \
	fi

## bench: scaling and caching ratios of generation; the home page's transfer and index budgets
bench: $(VENV)/.test-installed
	$(BIN)/python tests/bench.py
	$(BIN)/python tests/bench_site.py

clean:
	rm -rf site .cache .site.building .site.old
