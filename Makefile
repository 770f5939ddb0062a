# cnscd — the two commands that matter: `make demo` and `make test`.
BUILD_DIR ?= build
JOBS ?= 2
MAKEFLAGS += --no-print-directory
DEMO_DB ?= demo/cnscd-demo.db
PORT ?= 8080

.PHONY: all deps configure build test demo bench fuzz format format-check lint clean

all: build

deps:
	@bash scripts/deps.sh

$(BUILD_DIR)/CMakeCache.txt:
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

configure: deps $(BUILD_DIR)/CMakeCache.txt

build: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS)

test: build format-check
	@cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)
	@bash tests/fuzz/run.sh $(FUZZ_SECONDS_IN_TEST)

demo: build
	@mkdir -p $(dir $(DEMO_DB))
	@$(BUILD_DIR)/cnscd demo --db $(DEMO_DB) --port $(PORT)

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
