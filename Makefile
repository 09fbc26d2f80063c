# Two commands do all the set-up on a machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
export PIPELINE_SOURCE_DIR ?= seeds
export PIPELINE_DATA_DIR ?= data

.PHONY: setup run test ui bench fuzz lock clean codebook

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)
	@mkdir -p "$(DAGSTER_HOME)"
	@[ -f "$(DAGSTER_HOME)/dagster.yaml" ] || cp deploy/local-dagster.yaml "$(DAGSTER_HOME)/dagster.yaml"

## materialize every asset (and its checks) on $(PIPELINE_SOURCE_DIR) into $(PIPELINE_DATA_DIR)/curated
run: setup
	$(BIN)/dagster asset materialize --select '*' -m pipeline.definitions

## the whole test suite
test: setup
	$(BIN)/python -m pytest -q

## the Dagster UI on 127.0.0.1 with the same definitions
ui: setup
	$(BIN)/dagster dev -m pipeline.definitions -h 127.0.0.1 -p $${DAGSTER_PORT:-3000}

## benchmark (1k and 10k synthetic documents; BENCH_LARGE=1 adds 100k): benchmarks/results.json and throughput.png
bench: setup
	$(BIN)/python -m benchmarks.run $(if $(BENCH_LARGE),--large)

## regenerate docs/codebook.md from the schemas and decision rules (a test fails when it is stale)
## coverage-guided fuzzing (atheris) of decoding and of the text functions, FUZZ_SECONDS each; crashes land in .fuzz/crashes/
FUZZ_SECONDS ?= 60
fuzz: setup
	@mkdir -p .fuzz/crashes
	$(BIN)/python fuzz/seed_corpus.py .fuzz/decode
	$(BIN)/python fuzz/seed_corpus.py .fuzz/text
	$(BIN)/python fuzz/fuzz_decode.py -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -artifact_prefix=.fuzz/crashes/ .fuzz/decode
	$(BIN)/python fuzz/fuzz_text.py -max_total_time=$(FUZZ_SECONDS) -max_len=20000 -artifact_prefix=.fuzz/crashes/ .fuzz/text

codebook: setup
	$(BIN)/python -m pipeline.publish.codebook docs/codebook.md

lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^diplomatic-meetings' > requirements.lock.new
	{ echo "# Exact versions of every dependency (runtime and dev), so that a dataset is reproducible."; \
	  echo "# Regenerate with 'make lock' after changing pyproject.toml."; cat requirements.lock.new; } > requirements.lock
	rm requirements.lock.new

clean:
	rm -rf $(VENV) .dagster_home
