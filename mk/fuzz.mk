# mk/fuzz.mk — fuzz targets for every input kmgca reads (fuzz/, issue 6).
#
#   make fuzz            builds every target with clang -fsanitize=fuzzer,address,undefined
#                        into $(B)/fuzz and runs each for FUZZ_SECONDS (default 60);
#                        FUZZ_TARGET=NAME runs one, FUZZ_ARGS adds libFuzzer options
#                        (e.g. FUZZ_ARGS=-jobs=2). New inputs go to $(B)/fuzz/corpus/NAME,
#                        crashes to $(B)/fuzz/artifacts/; the committed corpus is only read.
#   make fuzz-ci         (part of `make check`) replays the committed corpus
#                        fuzz/corpus/NAME through each target built by gcc with its own
#                        sanitizers and fuzz/replay.c (no libFuzzer), then runs each
#                        libFuzzer target for FUZZ_CI_SECONDS (default 10).
#   make fuzz-replay     only the gcc replay.
#
# fuzz/README.md says what each target feeds and checks.

FUZZ_TARGETS    = diary custom_foods meds activity serving match drug food_mg target sweat date
FUZZ_SECONDS   ?= 60
FUZZ_CI_SECONDS ?= 10
FUZZ_CC        ?= clang
REPLAY_CC      ?= gcc
FUZZ_SAN        = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_OPT        = -O1 -g $(FUZZ_SAN)
# gcc at -O1 with sanitizers guesses at snprintf truncation the -O2 build does not.
REPLAY_QUIET    = -Wno-format-truncation
FUZZ_DIR        = $(B)/fuzz
REPLAY_DIR      = $(B)/fuzz-replay
FUZZ_BIN        = $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)
REPLAY_BIN      = $(FUZZ_TARGETS:%=$(REPLAY_DIR)/fuzz_%)
FUZZ_DEPS       = fuzz/fuzz.h fuzz/care.h lib/internal.h lib/table.h include/kmgca.h
FUZZ_CFLAGS     = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -Iinclude -Ilib
# Each run: 2 GB at most, 10 s at most for one input, statistics at the end.
FUZZ_RUN_OPTS   = -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
FUZZ_ENV        = ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
                  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
REPLAY_ENV      = ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=86 \
                  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87

.PHONY: fuzz fuzz-build fuzz-ci fuzz-replay kmgca-fuzz-force
kmgca-fuzz-force:

# The library, instrumented for libFuzzer and built by a make of its own
# (B=$(FUZZ_DIR)), which knows when its objects are up to date.
$(FUZZ_DIR)/libkmgca.a: kmgca-fuzz-force | $(SETUP)
	$(Q)$(MAKE) --no-print-directory -s B=$(FUZZ_DIR) CC=$(FUZZ_CC) \
	  CFLAGS="$(FUZZ_OPT) -fsanitize=fuzzer-no-link" LDFLAGS="$(FUZZ_SAN)" $@
$(FUZZ_DIR)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_DEPS) $(FUZZ_DIR)/libkmgca.a
	$(call say,FUZZ,$@)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_OPT) -fsanitize=fuzzer -o $@ $< \
	  $(FUZZ_DIR)/libkmgca.a $(XLSX_LIBS) $(LIBS)

# The same targets without libFuzzer: gcc, its sanitizers and fuzz/replay.c.
$(REPLAY_DIR)/libkmgca.a: kmgca-fuzz-force | $(SETUP)
	$(Q)$(MAKE) --no-print-directory -s B=$(REPLAY_DIR) CC=$(REPLAY_CC) \
	  CFLAGS="$(FUZZ_OPT) $(REPLAY_QUIET)" LDFLAGS="$(FUZZ_SAN)" $@
$(REPLAY_DIR)/fuzz_%: fuzz/fuzz_%.c fuzz/replay.c $(FUZZ_DEPS) $(REPLAY_DIR)/libkmgca.a
	$(call say,REPLAY,$@)$(REPLAY_CC) $(FUZZ_CFLAGS) $(FUZZ_OPT) -o $@ fuzz/replay.c $< \
	  $(REPLAY_DIR)/libkmgca.a $(XLSX_LIBS) $(LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz: $(FUZZ_BIN)
	$(Q)mkdir -p $(FUZZ_DIR)/artifacts
	$(Q)for t in $(or $(FUZZ_TARGET),$(FUZZ_TARGETS)); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$t; \
	  dict=; [ -f fuzz/dict/$$t.dict ] && dict=-dict=fuzz/dict/$$t.dict; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_ENV) $(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) $(FUZZ_RUN_OPTS) $$dict \
	    -artifact_prefix=$(FUZZ_DIR)/artifacts/$$t- $(FUZZ_ARGS) \
	    $(FUZZ_DIR)/corpus/$$t fuzz/corpus/$$t || exit 1; \
	done

fuzz-replay: $(REPLAY_BIN)
	$(Q)for t in $(FUZZ_TARGETS); do \
	  printf '  %-13s ' "$$t:"; \
	  $(REPLAY_ENV) $(REPLAY_DIR)/fuzz_$$t fuzz/corpus/$$t || { echo "FAIL fuzz-replay $$t"; exit 1; }; \
	done

# Each libFuzzer run starts from the committed corpus and writes what it
# finds into a scratch folder, emptied first.
fuzz-ci: fuzz-replay $(FUZZ_BIN)
	$(Q)rm -rf $(FUZZ_DIR)/ci && mkdir -p $(FUZZ_DIR)/ci/artifacts
	$(Q)for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/ci/$$t; \
	  dict=; [ -f fuzz/dict/$$t.dict ] && dict=-dict=fuzz/dict/$$t.dict; \
	  if $(FUZZ_ENV) $(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_CI_SECONDS) $(FUZZ_RUN_OPTS) \
	       $$dict -artifact_prefix=$(FUZZ_DIR)/ci/artifacts/$$t- $(FUZZ_DIR)/ci/$$t fuzz/corpus/$$t \
	       >$(FUZZ_DIR)/ci/$$t.log 2>&1; then \
	    printf '  %-13s %s runs in %s s\n' "$$t:" \
	      "$$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_DIR)/ci/$$t.log)" $(FUZZ_CI_SECONDS); \
	  else \
	    echo "FAIL fuzz-ci $$t (input in $(FUZZ_DIR)/ci/artifacts/):"; tail -40 $(FUZZ_DIR)/ci/$$t.log; exit 1; \
	  fi; \
	done; echo "fuzz-ci: corpus replayed (gcc) and every target fuzzed (clang), no failure"

CHECK_MORE += fuzz-ci
