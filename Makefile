# The portal's commands. `make run` and `make test` set up everything they need.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
# The suite runs on two processes, one test module each (pytest-xdist); PYTEST_WORKERS= runs it in one.
PYTEST_WORKERS ?= -n 2 --dist loadfile
PYTHON := .venv/bin/python
MANAGE := $(PYTHON) manage.py
PGCLUSTER := $(PYTHON) tools/pgcluster.py
UV := $(shell command -v uv 2>/dev/null || echo .tools/uv/bin/uv)
export UV_PROJECT_ENVIRONMENT := .venv
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: test-nginx help run test setup db-ready migrate demo po mo lint format check-deploy static bench stop-db clean chromium prod prod-faults backup restore nginx

help: ## List the commands
	@echo "Portal for social entrepreneurship in Copenhagen"
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

run: setup ## Set up everything and serve on http://127.0.0.1:$(PORT) with the task worker
	$(PGCLUSTER) run -- $(MANAGE) serve --port $(PORT)

test: setup chromium test-nginx ## Run the whole suite: lint and type check, migrations check, unit and browser tests (on both cores)
	$(MAKE) --no-print-directory lint
	$(PGCLUSTER) run -- bash -c '$(MANAGE) makemigrations --check --dry-run && DJANGO_SETTINGS_MODULE=portal.settings.test .venv/bin/pytest $(PYTEST_WORKERS) $(PYTEST_ARGS)'

setup: .venv/.synced static/dist/.built mo db-ready ## Install dependencies, build assets, migrate, load demo data

$(UV):
	@echo "uv not found: installing it into .tools/uv"
	python3 -m pip install --quiet --target .tools/uv uv || { echo "Could not install uv: install it (https://docs.astral.sh/uv/) or Python 3.12 with pip"; exit 1; }

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

static/dist/.built: node_modules/.installed frontend/build.mjs $(wildcard frontend/*.scss)
	npm run --silent build
	@touch $@

LOCALE_PO := $(wildcard locale/*/LC_MESSAGES/*.po locale/allauth/*/LC_MESSAGES/*.po)
mo: $(LOCALE_PO:.po=.mo) ## Compile the translation catalogues

locale/%.mo: locale/%.po
	msgfmt --check-format -o $@ $<

po: .venv/.synced ## Update the translation catalogues from the source
	$(MANAGE) makemessages --locale da --locale en --no-location --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' --ignore 'static/*'
	# English is the source language: every entry's translation is its msgid (no fuzzy guesses).
	msgfilter --keep-header --no-wrap -i locale/en/LC_MESSAGES/django.po sed -e d | msgen --no-wrap - | msgattrib --clear-fuzzy --no-wrap -o locale/en/LC_MESSAGES/django.po -
	@msgattrib --untranslated --no-obsolete locale/da/LC_MESSAGES/django.po | grep -c '^msgid' | xargs -I{} echo "da: {} entries without a Danish translation"
	@msgattrib --only-fuzzy --no-obsolete locale/da/LC_MESSAGES/django.po | grep -c "^msgid" | xargs -I{} echo "da: {} fuzzy entries (check and clear them)"

db-ready: .venv/.synced
	@if [ -z "$$DATABASE_URL" ]; then $(PGCLUSTER) run -- $(MAKE) --no-print-directory migrate demo; else $(MAKE) --no-print-directory migrate demo; fi

migrate:
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable

demo: ## Load the demo data (idempotent)
	$(MANAGE) load_demo_data

lint: .venv/.synced ## ruff, ruff format, djLint and mypy: the checks of .pre-commit-config.yaml
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/djlint templates --check --quiet
	.venv/bin/djlint templates --lint
	.venv/bin/mypy

format: .venv/.synced ## Format the code with ruff and the templates with djLint
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .
	.venv/bin/djlint templates --reformat --quiet

check-deploy: .venv/.synced ## Django's deployment checks with production settings
	DJANGO_SETTINGS_MODULE=portal.settings.production $(MANAGE) check --deploy --fail-level WARNING

static: setup ## Collect static files for production (whitenoise, hashed and compressed)
	DJANGO_SETTINGS_MODULE=portal.settings.production $(MANAGE) collectstatic --no-input

chromium:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Browser tests need Chromium: sudo apt-get install chromium"; exit 1; fi; \
	fi

bench: setup ## Benchmark pages with 100,000 rows against a minimal view (own database)
	@command -v wrk >/dev/null || { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; else echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; fi; }
	LOCAL_DATABASE_NAME=portal_bench $(PGCLUSTER) run -- env DJANGO_SETTINGS_MODULE=portal.settings.bench $(MANAGE) bench $(BENCH_ARGS)

HTTPS_PORT ?= 8443
prod: setup nginx ## Production stack on https://127.0.0.1:$(HTTPS_PORT): nginx, 2 gunicorn, 2 workers, scheduler
	@if [ -z "$$DATABASE_URL" ]; then $(PGCLUSTER) run -- $(PYTHON) deploy/stack.py --https-port $(HTTPS_PORT); else $(PYTHON) deploy/stack.py --https-port $(HTTPS_PORT); fi

prod-faults: setup nginx ## Fault script: kill app instances and workers, restart PostgreSQL, stop SMTP, under load
	$(PYTHON) deploy/faults.py

test-nginx:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's nginx for the production-stack tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null; \
	  else echo "nginx not found: the production-stack tests are skipped (sudo apt-get install nginx)"; fi; }

nginx:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's nginx for make prod"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null; \
	  else echo "make prod needs nginx: sudo apt-get install nginx"; exit 1; fi; }

backup: .venv/.synced ## Dump the database (pg_dump custom format) and the uploaded files into backups/<date>/
	@if [ -z "$$DATABASE_URL" ]; then $(PGCLUSTER) run -- $(PYTHON) deploy/backup.py backup $(BACKUP_DIR); else $(PYTHON) deploy/backup.py backup $(BACKUP_DIR); fi

restore: .venv/.synced ## Restore BACKUP=backups/<date> into a fresh database (RESTORE_DATABASE, default portal_restored)
	@test -n "$(BACKUP)" || { echo "make restore BACKUP=backups/<date>"; exit 1; }
	@if [ -z "$$DATABASE_URL" ]; then $(PGCLUSTER) run -- $(PYTHON) deploy/backup.py restore $(BACKUP); else $(PYTHON) deploy/backup.py restore $(BACKUP); fi

stop-db: ## Stop the project's own PostgreSQL cluster
	$(PGCLUSTER) stop

clean: stop-db ## Remove everything set up (keeps nothing: database, venv, node_modules)
	if [ -L .pgdata ]; then rm -rf "$$(readlink -f .pgdata)"; fi
	rm -rf .venv .tools node_modules static/dist .staticfiles .media-test .pgdata
