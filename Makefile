# virtdeck: the two commands a new user needs.
#   make demo    install what is missing, build, run on the bundled demo host
#   make check   install what the tests need, build (also with sanitizers),
#                run every test against a private libvirtd; ends with
#                "N passed, N failed"
# Other targets: build, check-fast (no sanitizer builds), bench, install,
# clean. Meson does the real work; this file only sequences it.

BUILD ?= build
MESON_OPTS ?=
SRC := $(abspath .)
DEMO_URI := test://$(SRC)/data/demo-host.xml
ASAN_MESON := -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
TSAN_MESON := -Db_sanitize=thread -Db_lundef=false -Dbuildtype=debug

.PHONY: all build build-asan build-tsan demo check check-fast deps deps-test install clean bench

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

demo: build
	$(BUILD)/virtdeck -c "$(DEMO_URI)"

check: deps-test
	@$(MAKE) --no-print-directory build build-asan build-tsan
	@tests/run.sh $(BUILD) build-asan build-tsan:unit,model

check-fast: deps-test build
	@tests/run.sh $(BUILD)

bench: build
	@bench/run.sh $(BUILD)

install: build
	meson install -C $(BUILD)

clean:
	rm -rf $(BUILD) build-asan build-tsan $(BUILD).log build-asan.log build-tsan.log build-harness.log
