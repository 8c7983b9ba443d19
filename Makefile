# Front Door: every task starts here. `make help` lists them.
#
# A fresh machine needs Python 3.12+ (3.13 preferred), Node.js 20+ with npm,
# and make. Everything else is installed by these targets.

SHELL := /bin/bash
.DEFAULT_GOAL := help

UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
FRONTDOOR := $(VENV)/bin/frontdoor
PYTHON_FOR_UV = $(shell scripts/find-python)

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

# Optional local settings (KEY=value lines), as in .env.example.
ifneq (,$(wildcard .env))
include .env
export $(shell sed -n 's/^\([A-Z_][A-Z0-9_]*\)=.*/\1/p' .env)
endif

.PHONY: help
help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(UV):
	@python_path="$(PYTHON_FOR_UV)"; test -n "$$python_path" || exit 1; \
	"$$python_path" -m venv $(TOOLS) && $(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --all-extras --python "$(PYTHON_FOR_UV)"
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

build/static/.built: node_modules/.installed scripts/build-assets.mjs $(wildcard assets/scss/*.scss)
	npm run --silent build
	@touch $@

.PHONY: install
install: $(VENV)/.installed node_modules/.installed build/static/.built ## Install Python and front-end dependencies and build the assets

.PHONY: run
run: export DEBUG ?= true
run: install ## Install, migrate, load the demo council if empty, and serve http://127.0.0.1:8000 with a task worker
	$(FRONTDOOR) migrate --no-input
	$(FRONTDOOR) seed --size demo --seed 1 --if-empty
	$(FRONTDOOR) demo_logins
	@# The task worker builds returns and sweeps for duplicates; it stops with the server.
	$(FRONTDOOR) db_worker --interval 1 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(FRONTDOOR) runserver 127.0.0.1:8000

.PHONY: test
test: install ## Run the whole test suite, browser tests included
	@scripts/ensure-chromium
	@scripts/ensure-validators
	$(VENV)/bin/pytest -n auto --dist loadfile $(PYTEST_ARGS)

.PHONY: lint
lint: install ## Check style and types (ruff and mypy)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy

.PHONY: format
format: install ## Format the code with ruff
	$(VENV)/bin/ruff check --fix src tests bench
	$(VENV)/bin/ruff format src tests bench

.PHONY: audit
audit: install ## Check the locked Python and npm packages for known vulnerabilities
	@scripts/audit-dependencies

.PHONY: bench
bench: install ## Benchmarks on the synthetic large council, on SQLite and PostgreSQL (var/bench/results-*.json)
	$(VENV)/bin/python -m bench --database sqlite
	$(VENV)/bin/python -m bench --database postgres

.PHONY: worker
worker: install ## Run the background task worker
	$(FRONTDOOR) db_worker

BACKUP_DIR ?= $(or $(VAR_DIR),var)/backups

.PHONY: backup
backup: install ## Back up the database to var/backups/frontdoor-<UTC time>.<sqlite3|dump>
	$(FRONTDOOR) backup --dir "$(BACKUP_DIR)"

.PHONY: restore
restore: install ## Restore a backup: make restore FILE=var/backups/… (add YES=1 to replace a database with data)
	@test -n "$(FILE)" || { echo "Say which backup: make restore FILE=var/backups/frontdoor-….dump"; exit 2; }
	$(FRONTDOOR) restore "$(FILE)" $(if $(YES),--yes)

.PHONY: clean
clean: ## Remove installed dependencies and built assets (keeps var/, the database)
	rm -rf $(VENV) $(TOOLS) node_modules build
