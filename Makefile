# Two commands: `make run` serves the app, `make test` runs every test.
# Both set up everything they need first; a second run reinstalls nothing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= data/monitor.duckdb
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed
SERVICE_USER ?= partnership-monitor
PROCESSES ?=
PORT ?= 8501
PYTEST_ARGS ?=

.PHONY: run serve-prod test test-fast bench setup system-packages service-user store public-store lint typecheck clean translations

setup: $(STAMP) system-packages service-user

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The lock file pins every package; uv installs it in seconds. Bytecode is compiled
# once here: where PYTHONDONTWRITEBYTECODE is set, every command would otherwise
# recompile pandas and statsmodels from source (a `compare` took 2 s instead of 0.7 s).
$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --compile-bytecode --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

# Debian's chromium renders images (kaleido) and runs the browser tests; nginx is the
# front of `make serve-prod`; postgresql serves the workspace when it is selected
# (and its tests). Each is installed only when missing.
system-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium fonts-liberation"; \
	test -x /usr/sbin/nginx || missing="$$missing nginx"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing Debian packages:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "NOTE: Debian packages missing and this is not root:$$missing"; \
		echo "      chromium: image export and browser tests; nginx: make serve-prod and its tests;"; \
		echo "      postgresql: the PostgreSQL workspace and its tests. sudo apt-get install$$missing"; \
	fi

# Started as root, the app processes behind nginx run as this system user instead
# (deploy/service-user.sh creates it and lets it reach this project's Python).
service-user: $(STAMP)
	@if [ "$$(id -u)" = "0" ]; then \
		deploy/service-user.sh $(SERVICE_USER) $(CURDIR)/$(BIN)/python $(CURDIR); \
	fi

# Build the demonstration store when it is missing or a stale demonstration store;
# a store holding imported data is never replaced behind the user's back.
store: $(STAMP)
	$(BIN)/partnership-monitor build --if-needed --store $(STORE)

# A store of public figures only, from files downloaded by hand (README: Importing data).
PUBLIC_DATA ?= data/public
PUBLIC_STORE ?= data/public.duckdb
public-store: $(STAMP)
	$(BIN)/partnership-monitor build --from $(PUBLIC_DATA) --store $(PUBLIC_STORE)

run: setup store
	$(BIN)/partnership-monitor serve --store $(STORE)

# Several app processes behind Debian's nginx (README: Many users at once).
# PROCESSES defaults to the number of cores; PORT is the front's.
serve-prod: setup store
	$(BIN)/partnership-monitor serve --store $(STORE) --port $(PORT) \
		--processes $(or $(PROCESSES),$(shell nproc))

# In parallel (pytest-xdist, one worker per core; PYTEST_WORKERS=0 runs serially).
# loadgroup keeps tests that share a live server or a module's fixture on one worker
# (tests/conftest.py says which). The slowest tests are listed at the end.
PYTEST_WORKERS ?= auto
XDIST = -n $(PYTEST_WORKERS) --dist loadgroup

test: setup
	$(BIN)/python -m pytest $(XDIST) --durations=25 $(PYTEST_ARGS)

# The quick loop while changing code: no browser, no simulation studies or load runs;
# every test over half a second is listed with its time.
test-fast: setup
	$(BIN)/python -m pytest $(XDIST) -m "not browser and not slow" \
		--durations=0 --durations-min=0.5 $(PYTEST_ARGS)

bench: setup store
	$(BIN)/python bench/run.py

# Texts: extract the keys the code uses, update both languages' gettext catalogues
# (new keys arrive empty and a test fails until they are translated), compile them.
# Two domains: the interface's (dashboard/locale, messages) and the library's
# (indicators/locale, indicators: it must not depend on the dashboard). The compiled
# .mo files are committed; a test fails when one differs from its .po.
# Each entry: locale directory:domain:source directory.
TEXT_DOMAINS := dashboard/locale:messages:dashboard indicators/locale:indicators:indicators
# No source locations: they move with every edit and made the catalogues conflict.
BABEL_KEYS := -k t -k tn:1,2 -k N_ -k by_lang --no-location
translations: $(STAMP)
	@set -e; for spec in $(TEXT_DOMAINS); do \
		IFS=: read -r dir domain src <<< "$$spec"; \
		$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYS) --omit-header -o $$dir/$$domain.pot $$src; \
		$(BIN)/pybabel update -i $$dir/$$domain.pot -d $$dir -D $$domain -w 88 --ignore-obsolete --no-fuzzy-matching; \
		$(BIN)/pybabel compile -d $$dir -D $$domain --statistics; \
	done

lint: $(STAMP)
	$(BIN)/ruff check indicators dashboard tests bench
	$(BIN)/ruff format --check indicators dashboard tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
