# virtdeck: the two commands a new user needs.
#   make demo    install what is missing, build, run on the bundled demo host
#   make check   install what the tests need, build (also with sanitizers),
#                run every test against a private libvirtd; ends with
#                "N passed, N failed, N skipped"
# Other targets: build, check-fast (no sanitizer builds), bench, install
# (PREFIX, DESTDIR), deb (the Debian package), fuzz (each libFuzzer
# target for FUZZ_SECONDS; docs/HACKING.md), clean.
# Meson does the real work; this file only sequences it.

BUILD ?= build
PREFIX ?= /usr/local
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

.PHONY: all build build-asan build-tsan demo check check-fast deps deps-test deps-bench deps-deb install deb clean bench build-fuzz fuzz

all: build

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

deps-bench:
	@scripts/deps.sh bench

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

bench: deps-bench build
	@bench/run.sh $(BUILD)

# install: meson install under PREFIX (default /usr/local), into
# DESTDIR when given: the binary, themes, man pages, bash and zsh
# completion, docs.
install: build
	@if [ "$$(meson introspect --buildoptions $(BUILD) | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"][0])')" != "$(PREFIX)" ]; then \
	    meson configure $(BUILD) -Dprefix=$(PREFIX) >/dev/null && ninja -C $(BUILD) >/dev/null || exit 1; \
	fi
	meson install -C $(BUILD) --no-rebuild $(if $(DESTDIR),--destdir "$(DESTDIR)")

# deb: the Debian package (debian/), built without its tests; the .deb
# is copied to DEB_DIR (default: the top of the tree).
DEB_DIR ?= $(SRC)
deb: deps-deb
	@scripts/make-deb.sh "$(DEB_DIR)"

deps-deb:
	@scripts/deps.sh deb

clean:
	rm -rf $(BUILD) build-asan build-tsan $(FUZZ_BUILD) $(BUILD).log build-asan.log build-tsan.log $(FUZZ_BUILD).log build-harness*.log
