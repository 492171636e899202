# Huduma Portal. `make run` serves the portal on SQLite with demo content; `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint format messages system-check venv clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found); set PYTHON=/path/to/python3.11."; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

system-check:
	@PYTHON="$(PYTHON)" bash scripts/check-system-packages.sh

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the browser tests will be skipped (apt-get install nodejs npm)."; fi

run: system-check $(STAMP)
	$(MANAGE) migrate --no-input
	$(MANAGE) load_initial_content
	$(MANAGE) load_example_authorities
	$(MANAGE) seed_demo_cases --count 200 --if-empty
	$(MANAGE) ensure_demo_admin
	$(MANAGE) make_voice_prompts
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: system-check $(STAMP)
	-@$(MAKE) --no-print-directory node_modules/.installed
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# Refresh the Kiswahili catalogue after changing user-facing strings, then translate and compile.
messages: $(STAMP)
	$(MANAGE) makemessages --locale sw --ignore ".venv/*" --ignore "node_modules/*" --no-obsolete
	$(MANAGE) compilemessages --locale sw --ignore ".venv/*"

clean:
	rm -rf $(VENV) node_modules .pytest_cache test-artifacts
