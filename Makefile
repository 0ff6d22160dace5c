# ThiĐua CMS — the two commands are `make demo` and `make test`; `make serve` runs it in production.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install demo serve run worker scheduler test lint format messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Cần Python 3.11 ($(PYTHON)) / Python 3.11 is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@VENV=$(VENV) scripts/pdf-deps install  # pango and fonts for the articles' PDFs (Debian)
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned requirements

# Links in feeds, the sitemap, the API and e-mails point at SITE_URL (`migrate` puts the Site on it).
demo run: export SITE_URL ?= http://$(HOST):$(PORT)
# Citizens never see Django's debug pages, in the demo either (the dev settings serve static files anyway).
demo: export DEBUG ?= 0

demo: install ## Install, migrate, load demo content, run the site, worker and scheduler on http://127.0.0.1:8000
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_demo
	@echo "Cổng thông tin: http://$(HOST):$(PORT)/  ·  Quản trị: http://$(HOST):$(PORT)/admin/"
	@HOST=$(HOST) PORT=$(PORT) VENV=$(VENV) deploy/run demo

serve: export DJANGO_SETTINGS_MODULE = cms.settings.production
# No reverse proxy here: Django serves the uploaded images (never the documents).
serve: export MEDIA_SERVED_BY_DJANGO ?= 1
serve: install ## Production: collectstatic, migrate, then gunicorn, worker and scheduler (needs SECRET_KEY, ALLOWED_HOSTS, SITE_URL)
	@for name in SECRET_KEY ALLOWED_HOSTS SITE_URL; do \
	  eval "value=\$${$$name:-}"; \
	  [ -n "$$value" ] || { echo "Cần đặt $$name / $$name must be set (README: make serve)"; exit 1; }; \
	done
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py createcachetable  # the shared cache's table when CACHE_URL=db (README, Security)
	@HOST=$(HOST) PORT=$(PORT) VENV=$(VENV) deploy/run serve

run: install ## Run the site alone (DEBUG on) without re-seeding
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

worker: install ## Run the background task worker alone
	$(BIN)/python manage.py run_worker

scheduler: install ## Run the scheduler of periodic jobs alone
	$(BIN)/python manage.py run_scheduler

test: install ## Run every test (SQLite, then PostgreSQL; Elasticsearch and Chromium started as needed)
	VENV=$(VENV) scripts/run-tests

lint: install ## Check the code with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install ## Extract the project's strings (English msgids) into locale/vi and compile the catalogue (GNU gettext)
	$(BIN)/python manage.py makemessages -l vi --no-obsolete --add-location=file -i "tests/*" -i "bench/*" -i "scripts/*" -i "deploy/*" -i "static/*" -i "media/*"
	$(BIN)/python manage.py compilemessages -l vi --ignore ".venv"

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 static media
