# virtdeck: the two commands a new user needs.
#   make demo    install what is missing, build, run on the bundled demo host
#   make check   install what the tests need, build (also with sanitizers),
#                run every test against a private libvirtd; ends with
#                "N passed, N failed"
# Other targets: build, check-fast (no sanitizer builds), bench, install,
# fuzz (each libFuzzer target for FUZZ_SECONDS; docs/HACKING.md), clean.
# Meson does the real work; this file only sequences it.

BUILD ?= build
MESON_OPTS ?=
SRC := $(abspath .)
DEMO_URI := test://$(SRC)/data/demo-host.xml
ASAN_MESON := -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
TSAN_MESON := -Db_sanitize=thread -Db_lundef=false -Dbuildtype=debug
# The fuzz targets (tests/fuzz): clang, libFuzzer, ASan and UBSan; every
# file instrumented for coverage. Clang warns where gcc does not about
# designated initializers and va_list formats: those two are off here.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 300
FUZZ_MESON := -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false \
	"-Dc_args=['-fsanitize=fuzzer-no-link','-fno-sanitize-recover=all','-Wno-missing-field-initializers','-Wno-format-nonliteral']"

.PHONY: all build build-asan build-tsan demo check check-fast deps deps-test install clean bench build-fuzz fuzz

all: build

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

# setup_build DIR OPTIONS: configure DIR once (reconfigure if the options changed).
define setup_build
	@if [ ! -f $(1)/build.ninja ]; then \
	    meson setup $(1) $(2) $(MESON_OPTS) >/dev/null || exit 1; \
	fi
	@ninja -C $(1) >$(1).log 2>&1 || { cat $(1).log; exit 1; }
	@if grep -q "warning:" $(1).log; then grep -B2 -A6 "warning:" $(1).log; echo "build $(1) has warnings"; exit 1; fi
endef

build: deps
	$(call setup_build,$(BUILD),)

build-asan: deps
	$(call setup_build,build-asan,$(ASAN_MESON))

build-tsan: deps
	$(call setup_build,build-tsan,$(TSAN_MESON))

# build-fuzz: only the fuzz targets and what they link (clang comes with
# the test packages).
build-fuzz: deps-test
	@if [ ! -f $(FUZZ_BUILD)/build.ninja ]; then \
	    CC=clang meson setup $(FUZZ_BUILD) $(FUZZ_MESON) $(MESON_OPTS) >/dev/null || exit 1; \
	fi
	@ninja -C $(FUZZ_BUILD) fuzz-targets >$(FUZZ_BUILD).log 2>&1 || { cat $(FUZZ_BUILD).log; exit 1; }
	@if grep -q "warning:" $(FUZZ_BUILD).log; then grep -B2 -A6 "warning:" $(FUZZ_BUILD).log; echo "build $(FUZZ_BUILD) has warnings"; exit 1; fi

# fuzz: every target for FUZZ_SECONDS (default 300) on one core each
# in turn; VD_TEST_FILTER=image picks targets. Finds are kept in
# $(FUZZ_BUILD)/fuzz-corpus, crashing inputs in $(FUZZ_BUILD)/fuzz-artifacts.
fuzz: build-fuzz
	@VD_FUZZ_SECONDS=$(FUZZ_SECONDS) VD_TEST_TIMEOUT=$$(($(FUZZ_SECONDS) + 120)) tests/run.sh $(FUZZ_BUILD):fuzz

demo: build
	$(BUILD)/virtdeck -c "$(DEMO_URI)"

check: deps-test
	@$(MAKE) --no-print-directory build build-asan build-tsan build-fuzz
	@tests/check.sh $(BUILD) build-asan build-tsan $(FUZZ_BUILD)

check-fast: deps-test build
	@tests/run.sh $(BUILD)

bench: build
	@bench/run.sh $(BUILD)

install: build
	meson install -C $(BUILD)

clean:
	rm -rf $(BUILD) build-asan build-tsan $(FUZZ_BUILD) $(BUILD).log build-asan.log build-tsan.log $(FUZZ_BUILD).log build-harness*.log
