# One command to set up and start the app, one to set up and pass the tests.
VENV    ?= .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export ANONYMIZED_TELEMETRY := False
# Python may write its bytecode caches (__pycache__, ignored by git) even where the environment says not to: every
# process the tests start (apps, commands, the pytest workers' rewritten test modules) then compiles nothing twice.
export PYTHONDONTWRITEBYTECODE :=

.PHONY: install system-deps index run eval test test-fast lint fix bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

system-deps:  ## Debian chromium and a Chinese font for the browser tests and docs/screenshots.py
	@command -v chromium >/dev/null 2>&1 && fc-list :lang=zh | grep -q . || { $(SUDO) apt-get update -qq && \
		$(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; }

index: install
	$(PY) -m assistant index

run: install index
	$(PY) app.py

lint: install
	$(VENV)/bin/ruff check .

fix: install
	$(VENV)/bin/ruff check --fix .

eval: install  ## the answer-quality gate with its reports: exits 1 when a threshold in eval/thresholds.yaml is missed
	$(PY) -m assistant eval

# pytest on one worker per core, the eval gate among the tests (tests/test_quality_gate.py); a module stays on one
# worker (its fixtures), and modules start in the order tests/conftest.py gives them (the longest first)
test: install system-deps lint
	$(VENV)/bin/pytest -q -n auto --dist loadfile --no-loadscope-reorder

test-fast: install  ## the pure tests (rules, language, answering decisions, architecture) on the test profile
	ASSISTANT_PROFILE=test $(VENV)/bin/pytest -q tests/rules tests/test_architecture.py tests/test_profile.py \
		tests/test_understanding.py tests/test_guard.py

bench: install
	$(PY) bench/run_all.py

clean:
	rm -rf data .pytest_cache .ruff_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
