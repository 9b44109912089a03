# Two commands on a fresh machine with Python 3.11+ and make: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
DEMO_PASSWORD ?= cssr-demo
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test test-fast test-browser lint format messages check-messages bench bench-workspaces bench-chat clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-15s %s\n", $$1, $$2}'

# Reinstall only when the requirements change, so a second `make run` starts in seconds.
$(VENV)/.installed-run: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run ## Serve the site with demo content on http://127.0.0.1:8000/
	$(PY) manage.py compile_catalogues
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo --password "$(DEMO_PASSWORD)" --if-empty
	$(PY) manage.py runserver $(HOST):$(PORT)

# pytest-xdist: one worker process per core, each with its own test database and media folders
# (docs/benchmarks.md has the timings). TEST_WORKERS=0 runs everything in this one process.
TEST_WORKERS ?= auto

test: $(VENV)/.installed-dev ## Run the whole suite (DATABASE_URL selects PostgreSQL; SQLite otherwise)
	$(PY) manage.py compile_catalogues
	$(PY) -m pytest -n $(TEST_WORKERS)

test-fast: $(VENV)/.installed-dev ## The suite without the tests marked slow (browser, access matrix, admin walks)
	$(PY) manage.py compile_catalogues
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not slow"

test-browser: $(VENV)/.installed-dev ## Only the Chromium tests; screenshots land in artifacts/screenshots/
	$(PY) manage.py compile_catalogues
	$(PY) -m pytest -m browser tests/browser

lint: $(VENV)/.installed-dev ## ruff, djhtml and the import contracts, without changing files
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')
	$(BIN)/lint-imports --no-logo

format: $(VENV)/.installed-dev ## Format Python and templates in place
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

messages: $(VENV)/.installed-dev ## Extract strings into the catalogues (needs GNU gettext), then check them
	$(PY) manage.py makemessages --locale ar --locale en --no-obsolete --ignore '.venv/*' --ignore 'artifacts/*' --ignore 'static_collected/*'
	$(PY) manage.py check_catalogues

check-messages: $(VENV)/.installed-dev ## Fail when an Arabic string is missing or fuzzy
	$(PY) manage.py check_catalogues

# Production settings on a throw-away SQLite database (or DATABASE_URL) with the demo world:
# what both benchmarks start from, in one shell line so the exported settings hold throughout.
BENCH_DIR := artifacts/bench
BENCH_WORLD = export DJANGO_SETTINGS_MODULE=cssr.settings.production SECRET_KEY=bench-only SECURE_SSL_REDIRECT=false \
		ALLOWED_HOSTS=127.0.0.1 STATIC_ROOT=$(BENCH_DIR)/static LOG_LEVEL=WARNING \
		DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/$(BENCH_DIR)/db.sqlite3}; \
	$(PY) manage.py migrate --no-input -v0 && \
	$(PY) manage.py collectstatic --no-input -v0 && \
	$(PY) manage.py seed_demo --force --password "$$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" >/dev/null

bench: $(VENV)/.installed-dev ## Requests/s and latency of public pages under gunicorn (docs/benchmarks.md)
	rm -rf $(BENCH_DIR) && mkdir -p $(BENCH_DIR)
	$(PY) manage.py compile_catalogues
	$(BENCH_WORLD) && $(PY) -m demo.bench

# The same world, then the generated one of issue 12 on top (demo/bulk.py). Sizes:
# BENCH_SIZES; extra options for the script (--sql "workspace home"): BENCH_ARGS.
BENCH_SIZES ?= --workspaces 20 --discussions 5000 --replies 100000 --long-thread 2000
bench-workspaces: $(VENV)/.installed-dev ## Queries, requests/s and worker memory of workspace pages at scale
	rm -rf $(BENCH_DIR) && mkdir -p $(BENCH_DIR)
	$(PY) manage.py compile_catalogues
	$(BENCH_WORLD) && $(PY) manage.py seed_bulk --force $(BENCH_SIZES) && \
	$(PY) -m demo.bench_workspaces $(BENCH_ARGS)

# The chat under load: two Daphne processes sharing Redis (CHANNEL_REDIS_URL or REDIS_URL).
bench-chat: $(VENV)/.installed-dev ## Delivery latency, memory per connection and rate of live chat
	rm -rf $(BENCH_DIR) && mkdir -p $(BENCH_DIR)
	$(PY) manage.py compile_catalogues
	$(BENCH_WORLD) && $(PY) -m demo.bench_chat $(BENCH_ARGS)

clean: ## Remove the virtual environment and local artefacts
	rm -rf $(VENV) artifacts static_collected .pytest_cache .ruff_cache .import_linter_cache
