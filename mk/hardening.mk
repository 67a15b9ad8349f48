# mk/hardening.mk — the tests under sanitizers and valgrind (issue 6).
#
#   make asan             unit and end-to-end tests built by clang with
#                         AddressSanitizer (leaks too) and UndefinedBehaviorSanitizer,
#                         in $(B)/asan
#   make ubsan            the same with UndefinedBehaviorSanitizer alone, in $(B)/ubsan
#   make valgrind         the unit tests under valgrind memcheck
#   make valgrind-e2e     the end-to-end CLI, workbook and report tests with
#                         $(B)/kmgca run under valgrind memcheck
#   make check-hardening  all of the above in bounded time (part of `make check`):
#                         asan, ubsan without tests/workbook/big_diary.sh,
#                         valgrind, valgrind-e2e, and the canaries below
#
# A report fails the run twice over: the sanitizers stop at the first report
# (-fno-sanitize-recover, halt_on_error) with a non-zero status, and every
# report is also written to a log file that must stay empty, so that a test
# script that ignores a status (or compares only stdout) cannot hide one.
# The canaries (fuzz/canary.c: an overflow, undefined behaviour, a leak) are
# built and run the same way and must each be caught.
#
# Left out: big_diary.sh (1,050,000 rows; SAN_BIG=0 leaves it out) runs under
# asan and ubsan, but check-hardening leaves it out of ubsan (it adds little
# to the small tests there) and valgrind never runs it (many minutes). The
# bad-input corpus (tests/bad) runs under asan and ubsan but not valgrind:
# nearly 3 minutes there, and its unreadable-file cases run kmgca as another
# user, who cannot write the valgrind log.

SAN_CC      ?= clang
SAN_BIG     ?= 1
ASAN_BIG    ?= $(SAN_BIG)
UBSAN_BIG   ?= $(SAN_BIG)
ASAN_FLAGS   = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
UBSAN_FLAGS  = -O1 -g -fno-omit-frame-pointer -fsanitize=undefined -fno-sanitize-recover=all
ASAN_LOGS    = $(abspath $(B))/asan/logs
UBSAN_LOGS   = $(abspath $(B))/ubsan/logs
VG_DIR       = $(B)/valgrind
VG_LOGS      = $(abspath $(VG_DIR))/logs
VG_UNIT_LOGS = $(abspath $(B))/valgrind-unit
asan_env     = ASAN_OPTIONS=log_path=$(1)/asan:halt_on_error=1:exitcode=86:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1 \
               UBSAN_OPTIONS=log_path=$(1)/ubsan:halt_on_error=1:print_stacktrace=1:exitcode=87
ubsan_env    = UBSAN_OPTIONS=log_path=$(1)/ubsan:halt_on_error=1:print_stacktrace=1:exitcode=87
VALGRIND     = valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99

# $(call no_reports,DIR,WHAT): fails, showing them, when DIR holds a report.
no_reports = reports=$$(find $(1) -type f -size +0 2>/dev/null | sort); \
	if [ -n "$$reports" ]; then \
	  echo "FAIL $(2): reports in $(1):"; \
	  for f in $$reports; do echo "== $$f"; head -40 "$$f"; done; exit 1; \
	fi

.PHONY: asan ubsan valgrind valgrind-e2e check-hardening hardening-canaries san-tests san-e2e

# Inside the sanitized build (B=$(B)/asan or $(B)/ubsan): the unit tests, the
# end-to-end tests (big_diary.sh only when SAN_BIG=1) and those of the other
# parts that run the kmgca program: the bad-input corpus and the reports
# (mk/*.mk after this one add to CHECK_MORE and TESTS: looked at when run).
SAN_E2E_MORE = $(filter check-bad check-report,$(CHECK_MORE))
san-tests: unit $(if $(filter 1,$(SAN_BIG)),e2e,san-e2e)
	$(Q)$(if $(SAN_E2E_MORE),$(MAKE) --no-print-directory $(SAN_E2E_MORE))
san-e2e: $(B)/kmgca $(B)/.setup-test
	$(Q)LC_ALL=C sh tests/cli/run.sh $(B)/kmgca
	$(Q)sh tests/workbook/run.sh $(B)/kmgca
	@echo "  (tests/workbook/big_diary.sh left out: SAN_BIG=0)"

asan:
	@rm -rf $(ASAN_LOGS) && mkdir -p $(ASAN_LOGS)
	$(Q)st=0; $(call asan_env,$(ASAN_LOGS)) $(MAKE) --no-print-directory B=$(B)/asan \
	  CC=$(SAN_CC) CFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	  SAN_BIG=$(ASAN_BIG) san-tests || st=$$?; \
	$(call no_reports,$(ASAN_LOGS),asan); \
	[ $$st = 0 ] || { echo "FAIL asan: tests failed (status $$st)"; exit 1; }; \
	echo "asan: unit and end-to-end tests passed, no reports"

ubsan:
	@rm -rf $(UBSAN_LOGS) && mkdir -p $(UBSAN_LOGS)
	$(Q)st=0; $(call ubsan_env,$(UBSAN_LOGS)) $(MAKE) --no-print-directory B=$(B)/ubsan \
	  CC=$(SAN_CC) CFLAGS="$(UBSAN_FLAGS)" LDFLAGS="-fsanitize=undefined" \
	  SAN_BIG=$(UBSAN_BIG) san-tests || st=$$?; \
	$(call no_reports,$(UBSAN_LOGS),ubsan); \
	[ $$st = 0 ] || { echo "FAIL ubsan: tests failed (status $$st)"; exit 1; }; \
	echo "ubsan: unit and end-to-end tests passed, no reports"

# The unit tests (built from the recipe: TEST_BIN grows after this file).
valgrind:
	$(Q)$(MAKE) --no-print-directory -s $(TEST_BIN)
	@rm -rf $(VG_UNIT_LOGS) && mkdir -p $(VG_UNIT_LOGS)
	$(Q)st=0; for t in $(TEST_BIN); do \
	  (cd tests && $(VALGRIND) --log-file=$(VG_UNIT_LOGS)/vg.%p.log ../$$t >/dev/null 2>&1) || \
	    { echo "FAIL valgrind $$t"; st=1; }; \
	done; \
	$(call no_reports,$(VG_UNIT_LOGS),valgrind); \
	[ $$st = 0 ] || exit 1; echo "valgrind: unit tests passed, no errors, no leaks"

# The end-to-end scripts take the program to run: here a wrapper that runs
# $(B)/kmgca under valgrind, each process logging to its own file.
valgrind-e2e: $(B)/kmgca $(B)/.setup-test
	@rm -rf $(VG_DIR) && mkdir -p $(VG_LOGS)
	@printf '#!/bin/sh\nexec %s --log-file=%s/vg.%%p.log %s "$$@"\n' \
	  '$(VALGRIND)' '$(VG_LOGS)' '$(abspath $(B)/kmgca)' >$(VG_DIR)/kmgca
	@chmod +x $(VG_DIR)/kmgca
	$(Q)st=0; LC_ALL=C sh tests/cli/run.sh $(VG_DIR)/kmgca || st=1; \
	sh tests/workbook/run.sh $(VG_DIR)/kmgca || st=1; \
	$(if $(filter check-report,$(CHECK_MORE)),LC_ALL=C sh tests/report/run.sh $(VG_DIR)/kmgca || st=1;) \
	$(call no_reports,$(VG_LOGS),valgrind-e2e); \
	[ $$st = 0 ] || { echo "FAIL valgrind-e2e: tests failed"; exit 1; }; \
	echo "valgrind-e2e: end-to-end tests passed, no errors, no leaks"

# Each canary must fail and leave a report, under each tool.
CANARY_DIR = $(B)/canary
hardening-canaries: fuzz/canary.c | $(SETUP)
	@rm -rf $(CANARY_DIR) && mkdir -p $(CANARY_DIR)/asan $(CANARY_DIR)/ubsan $(CANARY_DIR)/vg
	$(Q)$(SAN_CC) $(ASAN_FLAGS) -o $(CANARY_DIR)/canary-asan fuzz/canary.c
	$(Q)$(SAN_CC) $(UBSAN_FLAGS) -o $(CANARY_DIR)/canary-ubsan fuzz/canary.c
	$(Q)$(CC) -O0 -g -o $(CANARY_DIR)/canary-plain fuzz/canary.c
	$(Q)caught() { tool=$$1 dir=$$2; shift 2; \
	  if "$$@" >/dev/null 2>&1; then echo "FAIL canary not caught: $$tool $$*"; return 1; fi; \
	  if [ -z "$$(find $$dir -type f -size +0)" ]; then echo "FAIL canary left no report: $$tool $$*"; return 1; fi; \
	  rm -f $$dir/*; }; \
	caught asan $(CANARY_DIR)/asan env $(call asan_env,$(abspath $(CANARY_DIR))/asan) $(CANARY_DIR)/canary-asan overflow && \
	caught asan $(CANARY_DIR)/asan env $(call asan_env,$(abspath $(CANARY_DIR))/asan) $(CANARY_DIR)/canary-asan undefined && \
	caught asan $(CANARY_DIR)/asan env $(call asan_env,$(abspath $(CANARY_DIR))/asan) $(CANARY_DIR)/canary-asan leak && \
	caught ubsan $(CANARY_DIR)/ubsan env $(call ubsan_env,$(abspath $(CANARY_DIR))/ubsan) $(CANARY_DIR)/canary-ubsan undefined && \
	caught valgrind $(CANARY_DIR)/vg $(VALGRIND) --log-file=$(CANARY_DIR)/vg/vg.%p.log $(CANARY_DIR)/canary-plain overflow && \
	caught valgrind $(CANARY_DIR)/vg $(VALGRIND) --log-file=$(CANARY_DIR)/vg/vg.%p.log $(CANARY_DIR)/canary-plain leak && \
	echo "canaries: asan, ubsan and valgrind each caught an overflow, undefined behaviour and a leak"

check-hardening: UBSAN_BIG = 0
check-hardening: hardening-canaries asan ubsan valgrind valgrind-e2e
	@echo "check-hardening: passed"

CHECK_MORE += check-hardening
