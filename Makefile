# The two commands: `make run` and `make test`. Everything else is a helper for them or CI.
# The interpreter the virtualenv is made from: the distribution's own Python 3 where it is 3.11
# or newer and can make a virtualenv, else the first python3 on PATH. Distributions build
# CPython with profile-guided and link-time optimisation; pyenv's default build has neither, and
# the test suite took 20% more CPU on it (README, "Tests and CI"). `make PYTHON=python3.12 …`
# chooses another; an existing .venv is kept until removed.
PYTHON ?= $(or $(shell for p in /usr/bin/python3 python3; do \
  $$p -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
  && { echo $$p; break; }; done),python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= wsis_site.settings.dev

.PHONY: run test test-postgres test-browser lint format messages install install-test ci clean bench-pages

# The packages are installed by uv (from PyPI, into the virtualenv): what pip took about 90 s to
# download and install on a fresh machine, uv does in about 35.
$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet uv

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(BIN)/uv pip install --quiet --python $(PY) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/uv pip install --quiet --python $(PY) -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Compiles the .po files in pure Python (polib), so a machine without GNU gettext works too;
# CI also runs Django's compilemessages, which checks them with msgfmt.
messages: $(VENV)/.installed
	$(PY) -m wsis_site.compile_translations

run: $(VENV)/.installed messages
	mkdir -p var/media
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content --if-empty
	$(PY) manage.py setup_roles
	$(PY) manage.py ensure_admin
	@# Sitemaps, feeds and e-mail links name the address this server answers on.
	$(PY) manage.py set_site_address --host $(HOST) --port $(PORT) -v0
	@echo "The site: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@# The task worker runs beside the server (e-mails, contest photos, search index) and
	@# stops with it.
	export WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)}; \
	  $(PY) manage.py db_worker --no-reload -v0 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	  $(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-test messages
	@# The test settings, whatever DJANGO_SETTINGS_MODULE says (pytest-django prefers it to
	@# pyproject's, and this Makefile exports the dev settings for the other targets).
	@# Bytecode written, whatever the environment says: the tests start Django in subprocesses
	@# (the demo build, workers, checks), each otherwise compiling the project again.
	DJANGO_SETTINGS_MODULE=wsis_site.settings.test PYTHONDONTWRITEBYTECODE= \
	  $(PY) -m pytest --ignore=tests/browser -n 2 --dist loadscope --reuse-db $(PYTEST_ARGS)

test-browser: $(VENV)/.installed-test messages
	DJANGO_SETTINGS_MODULE=wsis_site.settings.test $(PY) -m pytest tests/browser $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djhtml --check $$(git ls-files '*.html')

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

# Every public page type under gunicorn with production settings, uncached and cached, beside
# the static-file floor (bench/pages.py; BENCH_ARGS="--redis redis://127.0.0.1:6379/11").
bench-pages: $(VENV)/.installed messages
	$(PY) bench/pages.py $(BENCH_ARGS)

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) var/db.sqlite3 var/test*.sqlite3
