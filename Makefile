# BananaJam: every target does its own set-up, so a fresh clone needs only `make dev` or `make test`.
SHELL := /bin/bash
PY_VERSION ?= 3.12
PYTHON_BIN := $(shell scripts/find-python.sh $(PY_VERSION))
VENV := .venv
SAM_VENV := .venv-sam
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml shared/requirements.txt | sha1sum | cut -c1-12)
SAM_STAMP := $(SAM_VENV)/.installed
PORT ?= 3000
PYTEST_ARGS ?=

.PHONY: setup dev test lint typecheck unit integration e2e check-template sam-build openapi bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml shared/requirements.txt
	@test -x $(BIN)/python || $(PYTHON_BIN) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*; touch $@

$(SAM_STAMP):
	@test -x $(SAM_VENV)/bin/python || $(PYTHON_BIN) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(SAM_VENV)/bin/python -m pip install --quiet 'aws-sam-cli==1.170.0'
	@touch $@

lint: setup
	$(BIN)/ruff check shared functions tests bench scripts
	$(BIN)/ruff format --check shared functions tests bench scripts

typecheck: setup
	$(BIN)/mypy

# cfn-lint runs offline; `sam validate --lint` wraps the same linter.
check-template: setup $(SAM_STAMP)
	$(BIN)/cfn-lint template.yaml
	$(SAM_VENV)/bin/sam validate --lint --template template.yaml --region us-east-1

# sam build needs an interpreter named like the runtime on PATH; no Docker is used.
sam-build: $(SAM_STAMP)
	PATH="$(dir $(PYTHON_BIN)):$$PATH" SAM_CLI_TELEMETRY=0 $(SAM_VENV)/bin/sam build --cached --parallel

test: setup check-template lint typecheck
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	$(MAKE) sam-build

unit: setup
	$(BIN)/python -m pytest tests/unit $(PYTEST_ARGS)

integration: setup
	$(BIN)/python -m pytest tests/integration $(PYTEST_ARGS)

e2e: setup
	$(BIN)/python -m pytest tests/e2e $(PYTEST_ARGS)

dev: setup
	PORT=$(PORT) $(BIN)/python -m bananajam.local

openapi: setup
	$(BIN)/python scripts/write_openapi.py

bench: setup
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(SAM_VENV) .aws-sam .mypy_cache .ruff_cache .pytest_cache
