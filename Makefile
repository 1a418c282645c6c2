# hue57 — two commands: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
PORT    ?= 8501
# The database, plan folder, secret…: hue57.toml (HUE57_CONFIG) or HUE57_* variables, read by hue57.config.settings()

.PHONY: run test init lint bench clean messages

# The text catalogues: .po files a translator edits (Poedit), compiled to .mo by the install step.
MO := hue57/locale/vi/LC_MESSAGES/hue57.mo hue57/locale/en/LC_MESSAGES/hue57.mo

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

/usr/bin/chromium /usr/sbin/nginx:
	@if [ "$$(id -u)" = "0" ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core nginx openssl >/dev/null; \
	else echo "Missing: run 'sudo apt-get install chromium nginx openssl' (browser tests need /usr/bin/chromium, the proxy test Debian's nginx)"; exit 1; fi

hue57/locale/%/LC_MESSAGES/hue57.mo: hue57/locale/%/LC_MESSAGES/hue57.po | $(VENV)/.runtime
	$(BIN)/pybabel compile --statistics -d hue57/locale -D hue57 -l $*

# Which keys the code uses (key-style catalogue: the msgid is the first argument of t and tn; see babel.cfg).
messages: $(VENV)/.runtime
	$(BIN)/pybabel extract -F babel.cfg -k t:1 -k tn:1 --no-default-keywords -o hue57/locale/hue57.pot .
	$(BIN)/pybabel update -i hue57/locale/hue57.pot -d hue57/locale -D hue57 --no-fuzzy-matching --ignore-obsolete

init: $(VENV)/.runtime $(MO)
	$(BIN)/python -m hue57 init

run: init
	$(BIN)/streamlit run serve.py --server.port $(PORT) --server.headless true \
	  --browser.gatherUsageStats false

test: $(VENV)/.dev /usr/bin/chromium /usr/sbin/nginx $(MO)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev
	$(BIN)/ruff check .

bench: $(VENV)/.dev /usr/bin/chromium
	$(BIN)/python bench/metrics.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/cli.py
	$(BIN)/python bench/meeting.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
