# Groundswell: `make run` to try it, `make test` to check it.
PYTHON ?= python3.11
PORT ?= 8000
# Test processes in parallel (pytest-xdist); measured fastest on the 2-core CI machine.
PYTEST_WORKERS ?= 2
VENV := .venv
PY := $(VENV)/bin/python
export DJANGO_SETTINGS_MODULE := groundswell.settings

.PHONY: run test test-fast bench lint fmt deps dev-deps browser-deps pdf-deps clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files make a second `make run` skip installs that are already done.
$(VENV)/.deps: requirements.lock | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

$(VENV)/.dev-deps: requirements-dev.lock $(VENV)/.deps
	$(PY) -m pip install --quiet -r requirements-dev.lock
	touch $@

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.deps
dev-deps: $(VENV)/.dev-deps node_modules/.stamp

# Debian's Chromium drives the browser tests; never a downloaded browser build.
browser-deps:
	@if ! [ -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else echo "Chromium is missing: install Debian's chromium package (or run as root)."; fi; \
	fi

# WeasyPrint (submission PDFs) needs Pango and a font from Debian.
pdf-deps:
	@if ! ldconfig -p | grep -q libpangoft2-1.0; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; \
		else echo "Pango is missing: install Debian's libpango-1.0-0 and libpangoft2-1.0-0."; fi; \
	fi

var:
	mkdir -p var

run: deps node_modules/.stamp pdf-deps var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py load_demo
	@echo "Serving on http://127.0.0.1:$(PORT) (Ctrl-C stops the server and the worker)"
	DEBUG=$${DEBUG:-1} $(PY) manage.py serve --port $(PORT)

test: dev-deps browser-deps pdf-deps var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@if [ -z "$$TEST_REDIS_URL" ]; then \
		echo "--- TEST_REDIS_URL is unset: the tests marked redis are skipped"; fi
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(ARGS)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "--- again on PostgreSQL ($$TEST_DATABASE_URL)"; \
		DATABASE_URL="$$TEST_DATABASE_URL" $(PY) -m pytest -n $(PYTEST_WORKERS) -m "not alone" $(ARGS) && \
		echo "--- tests marked alone, in one process" && \
		DATABASE_URL="$$TEST_DATABASE_URL" $(PY) -m pytest -m alone $(ARGS) || [ $$? = 5 ]; \
	fi

# While developing: one app's tests (or any pytest arguments), SQLite only, no linting, e.g.
# `make test-fast APP=members` or `make test-fast APP=glossary ARGS="-k checker -x"`.
test-fast: dev-deps var
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(APP) $(ARGS)

bench: dev-deps pdf-deps var
	$(PY) bench/run.py

lint: dev-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: dev-deps
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) node_modules var staticfiles
