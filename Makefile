# The two commands: `make run` and `make test`. Everything else is here to serve them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint format bench browser-deps check clean

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
test: $(VENV)/.dev browser-deps
	$(BIN)/pytest

browser-deps:
	@test -x $(CHROMIUM) || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make bench: requests per second and SQL queries for the home page and search
bench: $(VENV)/.dev
	$(BIN)/python bench/render.py

clean:
	rm -rf $(VENV) db.sqlite3 test-artifacts static_collected
