# cnscd — the two commands that matter: `make demo` and `make test`.
BUILD_DIR ?= build
JOBS ?= 2
MAKEFLAGS += --no-print-directory
DEMO_DB ?= demo/cnscd-demo.db
PORT ?= 8080
# The project's own Node.js, when scripts/node.sh (run by `make deps`) fetched one, comes first.
export PATH := $(CURDIR)/.tools/node/bin:$(PATH)

.PHONY: all deps configure build web screens test demo bench fuzz format format-check lint clean

all: build

deps:
	@bash scripts/deps.sh

$(BUILD_DIR)/CMakeCache.txt:
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

configure: deps $(BUILD_DIR)/CMakeCache.txt

build: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS)
	@$(MAKE) web

# The web app (vue-tsc, then vite) into web/dist, which `cnscd serve` serves; rebuilt only when a
# source changed. Its output goes to a log, shown when the build fails.
WEB_SOURCES := $(shell find web/src web/public web/scripts docs/guide -type f 2>/dev/null) web/index.html \
  web/vite.config.ts web/tsconfig.json web/package.json web/package-lock.json docs/openapi.yaml
WEB_LOG = $(abspath $(BUILD_DIR))/web-build.log
web: web/dist/index.html
	@:
web/dist/index.html: $(WEB_SOURCES)
	@mkdir -p $(dir $(WEB_LOG))
	@cd web && npm run --silent build >$(WEB_LOG) 2>&1 || { cat $(WEB_LOG); exit 1; }
	@touch $@
	@echo "web: built web/dist ($$(du -sk web/dist | cut -f1) KB)"

# Every test binary that touches the store runs twice: on SQLite, and (suffix .postgresql) on a
# throwaway PostgreSQL cluster that scripts/pg-cluster.sh starts and removes around ctest.
test: build format-check
	@cd web && npm run --silent lint:api
	@node web/scripts/check-routes.mjs $(BUILD_DIR)/cnscd
	@bash scripts/pg-cluster.sh run bash -c 'cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)'
	@bash tests/fuzz/run.sh $(FUZZ_SECONDS_IN_TEST)
	@bash tests/e2e/run.sh $(BUILD_DIR)

# Screenshots of the main screens at phone and desktop width, into docs/screens (the browser
# tests take them; a plain `make test` keeps them out of the source tree).
screens: build
	@CNSCD_SCREENS_DIR=docs/screens CNSCD_GUIDE_SHOTS=docs/guide/img bash tests/e2e/run.sh $(BUILD_DIR)

# The demo serves the web app at http://localhost:$(PORT)/ (see docs/web.md for `npm run dev`).
demo: build
	@mkdir -p $(dir $(DEMO_DB))
	@$(BUILD_DIR)/cnscd demo --db $(DEMO_DB) --port $(PORT) --web web/dist

# Every reader under libFuzzer: briefly in `make test`, at length here.
FUZZ_SECONDS_IN_TEST ?= 10
FUZZ_SECONDS ?= 300
fuzz: deps
	@bash tests/fuzz/run.sh $(FUZZ_SECONDS)

bench: build
	@bash bench/run.sh $(BUILD_DIR)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

format-check:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

lint: configure
	@git ls-files 'src/*.cpp' | xargs clang-tidy -p $(BUILD_DIR) --quiet

clean:
	@rm -rf $(BUILD_DIR) build-fuzz
