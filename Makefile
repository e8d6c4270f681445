# Một Cửa — the two commands a developer needs:
#   make run    build in release mode and serve the portal on http://127.0.0.1:3000
#   make test   cargo test for the workspace, then the Playwright suite in Chromium
# Both first install whatever this machine is missing (and skip what it already has).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_LEPTOS_VERSION := 0.3.10
WASM_BINDGEN_VERSION := 0.2.130
TWIGGY_VERSION := 0.8.0
BINARYEN_VERSION := 123.0.0
# wasm-opt comes from the npm package `binaryen`, kept outside the clone so CI reuses it.
TOOLS_DIR ?= $(HOME)/.cache/motcua-tools/binaryen-$(BINARYEN_VERSION)
export PATH := $(HOME)/.cargo/bin:$(TOOLS_DIR)/node_modules/.bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# Building cargo-leptos with full LTO takes almost twice as long, for nothing we need.
INSTALL_ENV := CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16

.PHONY: cluster cluster-stop postgres wasm-target help run build test test-unit test-e2e size size-tools bench trials phone bench-tools baseline import tools rust-tools chromium e2e-deps fmt lint clean

help:
	@echo "make run    build (release) and serve the portal on http://127.0.0.1:3000"
	@echo "make test   run every test: cargo test, then Playwright in Chromium"
	@echo "make size   each residents' page's first visit against its budget, every bundle, where bytes go"
	@echo "            (fails when a page is over budget; report in target/size/report.md)"
	@echo "make lint   cargo fmt --check and cargo clippy"
	@echo "make import rebuild app/data from ../shared/data (the national portal's records)"
	@echo "make bench  sizes, browser timings, throughput against nginx and SQLite, fault trials, a soak"
	@echo "            (about 25 minutes; report in target/bench/report.md)"
	@echo "make trials the fault trials alone (TRIALS=5 times each; report in target/bench/trials.md)"
	@echo "make phone  first visits on a throttled phone, every residents' page (target/bench/phone.md)"
	@echo "make cluster       3 servers on one PostgreSQL behind nginx on http://127.0.0.1:3200"
	@echo "make cluster-stop  stop them"

## Tools ---------------------------------------------------------------------------------------

tools: rust-tools

# The bundles are compiled for the browser (and linted for it by `make lint`).
wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

rust-tools: wasm-target
	@if [ "$$(cargo leptos --version 2>/dev/null)" != "cargo-leptos $(CARGO_LEPTOS_VERSION)" ]; then \
	  echo "Installing cargo-leptos $(CARGO_LEPTOS_VERSION) (about 10 minutes)…"; \
	  $(INSTALL_ENV) cargo install cargo-leptos --locked --version $(CARGO_LEPTOS_VERSION) --features no_downloads; \
	fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)…"; \
	  $(INSTALL_ENV) cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION); \
	fi
	@if [ ! -x "$(TOOLS_DIR)/node_modules/.bin/wasm-opt" ]; then \
	  echo "Installing wasm-opt (binaryen $(BINARYEN_VERSION)) into $(TOOLS_DIR)…"; \
	  mkdir -p "$(TOOLS_DIR)"; \
	  npm install --prefix "$(TOOLS_DIR)" --no-save --no-audit --no-fund binaryen@$(BINARYEN_VERSION); \
	fi

chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Chromium from Debian…"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi

e2e-deps:
	@if [ ! -d end2end/node_modules/@playwright/test ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then \
	  cd end2end && npm ci --no-audit --no-fund; \
	fi

## Build and run --------------------------------------------------------------------------------

# The bundles of islands built beside the site's own wasm (the offline kit): one cargo-leptos
# project each (Cargo.toml), built into target/bundles/<bundle> and copied into the site as
# /pkg/<bundle>.<hash>.{js,wasm} (with their .br and .gz).
BUNDLES := search start dossiers people handoff track tasks part documents review receipt supplement outbox desk

build: rust-tools
	cargo leptos build --release --precompress --project motcua
	@for bundle in $(BUNDLES); do \
	  cargo leptos build --release --precompress --project $$bundle --frontend-only || exit 1; \
	  for file in target/bundles/$$bundle/pkg/motcua.*.js* target/bundles/$$bundle/pkg/motcua.*.wasm*; do \
	    cp "$$file" "target/site/pkg/$$bundle.$${file##*/motcua.}"; \
	  done; \
	done

# Plain HTTP on this machine: the desk's cookie cannot be Secure here (the server warns so).
run: build
	@echo "Serving Một Cửa on http://$${MOTCUA_LISTEN:-127.0.0.1:3000} (data in $${MOTCUA_DATA_DIR:-./data})"
	MOTCUA_SECURE_COOKIES=$${MOTCUA_SECURE_COOKIES:-false} ./target/release/server

# The committed catalogue comes from the reference data; SHARED_DATA points elsewhere if needed.
SHARED_DATA ?= ../shared/data
import:
	cargo run --release -p server --bin import-catalogue -- $(SHARED_DATA) app/data

# Benchmarks and fault trials (end2end/bench/run.mjs; reports only, not part of `make test`):
# bytes as served, browser timings on a throttled phone, throughput held against nginx and a
# plain SQLite writer, fault trials, a 10-minute soak. Knobs: BENCH_SECONDS, TRIALS, SOAK_SECONDS.
export BENCH_SECONDS TRIALS SOAK_SECONDS SOAK_RATE
bench: build baseline chromium e2e-deps bench-tools postgres
	cargo bench -p app --bench search
	cd end2end && node bench/run.mjs bench

# SKIP_BUILD=1 uses the site already built (CI, right after `make test`).
trials: $(if $(SKIP_BUILD),,build) chromium e2e-deps postgres bench-tools
	cd end2end && node bench/run.mjs trials

# Only the first visits' bytes and the phone timings (slow 4G, CPU ×4) of every residents' page.
phone: build chromium e2e-deps
	cd end2end && node bench/run.mjs phone

# The load generator and the static-file server the numbers are held against (with its module
# serving precompressed brotli, as the server's page cache does), from Debian.
bench-tools:
	@if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null \
	    || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then \
	  echo "Installing wrk and nginx from Debian…"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk nginx-light libnginx-mod-http-brotli-static; \
	fi

# Several servers on one PostgreSQL behind nginx (README: "Running several servers"); not part of
# `make run`. SERVERS (default 3), CLUSTER_PORT (default 3200).
export SERVERS CLUSTER_PORT
cluster: build postgres bench-tools
	cd end2end && node bench/cluster.mjs start

cluster-stop:
	cd end2end && node bench/cluster.mjs stop

# The SQLite and PostgreSQL baseline, in a target directory of its own so that it never rebuilds the app that
# cargo-leptos built (or is rebuilt by it).
baseline:
	cargo build --release -p server --bin store-baseline --target-dir target/baseline

## Tests --------------------------------------------------------------------------------------

test: test-unit test-e2e

# The app and the server (the workspace's default members; the bundles are wasm, see Cargo.toml),
# then the server's integration tests again on PostgreSQL: a throw-away cluster started for them
# (each test in a schema of its own) and stopped after. Run over the same packages as the first
# run (`--test '*'`: only the integration tests), so nothing is compiled again.
PG_TEST_DIR := target/postgres/test
PG_TEST_PORT ?= 55432
test-unit: postgres
	cargo test
	@server/scripts/postgres.sh stop $(PG_TEST_DIR); rm -rf $(PG_TEST_DIR)
	@url=$$(server/scripts/postgres.sh start $(PG_TEST_DIR) $(PG_TEST_PORT)); \
	  trap 'server/scripts/postgres.sh stop $(PG_TEST_DIR)' EXIT; \
	  echo "MOTCUA_TEST_POSTGRES=$$url cargo test --test '*'"; \
	  MOTCUA_TEST_POSTGRES=$$url cargo test --test '*'

# Debian's PostgreSQL, for the server's tests on PostgreSQL and `make cluster`.
postgres:
	@if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then \
	  echo "Installing PostgreSQL from Debian…"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; \
	fi

test-e2e: build chromium e2e-deps
	rm -rf target/e2e && mkdir -p target/e2e/data
	cd end2end && npx playwright test

## Reports and checks ---------------------------------------------------------------------------

# What a first visit to each residents' page costs, as served, against its budget; every bundle;
# where each bundle's bytes go (twiggy). Fails when a page is over its budget.
size: size-tools chromium e2e-deps
	@[ -d target/site/pkg ] || $(MAKE) build
	cd end2end && node bench/size.mjs

size-tools:
	@if [ "$$(twiggy --version 2>/dev/null)" != "twiggy-opt $(TWIGGY_VERSION)" ]; then \
	  echo "Installing twiggy $(TWIGGY_VERSION)…"; \
	  $(INSTALL_ENV) cargo install twiggy --locked --version $(TWIGGY_VERSION); \
	fi

lint: wasm-target
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p app --lib --features csr $(BUNDLES:%=-p bundle-%) -p bundle-kit -- -D warnings
	@for f in end2end/bench/*.mjs end2end/bench/lib/*.mjs public/*.js; do node --check "$$f"; done

fmt:
	cargo fmt --all

clean:
	cargo clean
	rm -rf end2end/node_modules
