# The two commands: `make run` and `make test`. Everything else is here to serve them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
VNU_VERSION := 26.9.27
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

BACKUP_DIR ?= backups

.PHONY: backup restore run test lint format messages bench bench-scripts bench-load bench-deps worker serve-prod check-cluster browser-deps http-cache-deps check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

## make run: set everything up and serve the site on http://127.0.0.1:8000 (SQLite, demo content)
run: $(VENV)/.runtime
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --site-url http://127.0.0.1:8000
	@$(BIN)/python manage.py ensure_dev_admin
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## make test: install what the tests need (including Debian's Chromium) and run the whole suite
## (PYTEST_ARGS adds options: CI adds branch coverage)
test: $(VENV)/.dev browser-deps http-cache-deps $(VNU_JAR)
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

# The Nu HTML Checker (W3C's validator) from npm, for the smoke test's validation of every page type.
$(VNU_JAR):
	@command -v java >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless)
	@command -v npm >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm)
	npm install --silent --no-audit --no-fund --prefix .tools vnu-jar@$(VNU_VERSION)

browser-deps:
	@test -x $(CHROMIUM) || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

# nginx, the HTTP cache of the production configuration (deploy/nginx/), which the tests put in
# front of the app; Debian's smallest build has the proxy cache.
http-cache-deps:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nginx-light)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make worker: a background worker for the tasks queue on Redis (newsletter sends, emails);
## run the site with TASKS_BACKEND=django_tasks_rq.RQBackend and REDIS_URL set to use it
worker: $(VENV)/.runtime
	$(BIN)/python manage.py rqworker default --job-class django_tasks_rq.backend.Job --with-scheduler

## make messages: refresh the French and Arabic catalogues (<app>/locale) from the code and compile
## them; the compiled .mo files are committed, so running the site needs no gettext tools. Each app's
## catalogue is refreshed from its own folder, and one whose messages did not change stays as it was
## (scripts/messages.py), so running it on an unchanged tree changes no file
messages: $(VENV)/.dev
	@command -v xgettext >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext)
	$(BIN)/python scripts/messages.py
	$(BIN)/python manage.py compilemessages --ignore .venv --ignore .tools --ignore node_modules

## make bench: the side-by-side table of every page type (CPU-ms cold and warm, queries, requests/s
## through nginx's cache against a static file), send and import rates; printed and written into
## bench/RESULTS.md (BENCH_ARGS adds options, e.g. BENCH_ARGS="--duration 10 --recipients 100000")
bench: $(VENV)/.dev bench-deps http-cache-deps
	$(BIN)/python bench/table.py $(BENCH_ARGS)

## make bench-scripts: every in-process benchmark in bench/ in turn, each with its own figures
bench-scripts: $(VENV)/.dev
	@for script in $(filter-out bench/load.py bench/table.py,$(wildcard bench/[!_]*.py)); do \
		echo "== $$script"; $(BIN)/python $$script || exit 1; done

## make bench-load: wrk against the production stack, cold and warm, beside a static file of the same size
bench-load: $(VENV)/.runtime bench-deps http-cache-deps
	$(BIN)/python bench/load.py

bench-deps:
	@command -v wrk >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk)

## make serve-prod: the production stack on this machine (gunicorn, WhiteNoise, PostgreSQL, Redis, RQ worker)
serve-prod: $(VENV)/.runtime
	deploy/serve-prod

## make check-cluster: two app servers and a worker on one PostgreSQL and Redis behave as one site
check-cluster: $(VENV)/.runtime
	$(BIN)/python deploy/check_cluster.py

## make backup: the database (SQLite file or pg_dump) and media files into a new folder under $(BACKUP_DIR)
backup: $(VENV)/.runtime
	$(BIN)/python manage.py backup $(BACKUP_DIR)

## make restore BACKUP=backups/portal-…: restore a backup into the configured, empty database, then check row counts
restore: $(VENV)/.runtime
	@test -n "$(BACKUP)" || (echo "Usage: make restore BACKUP=backups/portal-YYYYmmdd-HHMMSS" && exit 2)
	$(BIN)/python manage.py restore $(BACKUP)

clean:
	rm -rf $(VENV) .tools db.sqlite3 test-artifacts static_collected .prod-secret-key
