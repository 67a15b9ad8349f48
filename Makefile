# kmgca — one C core library (lib/), thin doors (cli/, addin/), tables as data
# (foodtables/, drugtables/). `make help` lists the targets.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR     = $(PREFIX)/bin
LIBDIR     = $(PREFIX)/lib
INCDIR     = $(PREFIX)/include
MANDIR     = $(PREFIX)/share/man
PKGDIR     = $(LIBDIR)/pkgconfig
COMPLETIONDIR = $(PREFIX)/share/bash-completion/completions
DATA      ?= ../shared/data
B         ?= build

CC        ?= cc
PKG_CONFIG ?= pkg-config
OPT       ?= -O2 -g
CFLAGS    ?= $(OPT)
WARN       = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-missing-field-initializers
# CPPFLAGS, CFLAGS and LDFLAGS come from the environment or the command line
# when given (a Debian build passes dpkg-buildflags' hardening flags this way).
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -fPIC -Iinclude -Ilib $(CPPFLAGS) $(CFLAGS) $(EXTRA_CFLAGS)
XLSX_CFLAGS = $(shell $(PKG_CONFIG) --cflags xlsxwriter 2>/dev/null)
XLSX_LIBS   = $(shell $(PKG_CONFIG) --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
# libcsv ships no .pc file.
LIBS       = -lcsv -lm -lpthread
LDFLAGS   ?=

ifeq ($(V),1)
Q =
say =
else
Q = @
say = @printf '  %-8s %s\n' $(1) $(2);
endif

# The supplement reader: its files share lib/supplement.h besides internal.h.
SUPPLEMENT_SRC = lib/supplement.c lib/supplement_text.c lib/supplement_dose.c lib/supplement_mg.c
# The food matcher: its files share lib/match.h besides internal.h.
MATCH_SRC = lib/match.c lib/query.c lib/index.c lib/match_zh.c lib/eaten.c lib/index_write.c
# The serving reader: its files share lib/serving.h besides internal.h.
SERVING_SRC = lib/units.c lib/tokens.c lib/amount.c lib/serving.c lib/split.c
# Weighing: a food's measures and the rules that use them share lib/weigh.h.
WEIGH_SRC = lib/measures.c lib/weigh.c
# The fixed text of the workbooks and reports, keyed by id (lib/msg.h).
MSG_SRC  = lib/lang.c lib/msg_en.c lib/msg_zh.c
LIB_SRC  = lib/status.c lib/text.c lib/number.c lib/csv.c lib/foods.c lib/recipe.c $(MATCH_SRC) $(SERVING_SRC) \
           $(WEIGH_SRC) lib/line.c lib/share.c lib/household.c lib/kinds.c lib/targets.c \
           $(SUPPLEMENT_SRC) \
           lib/table.c lib/date.c lib/diary.c lib/analyse.c lib/weigh_memo.c lib/sheet.c lib/workbook.c \
           lib/workbook_sheets.c lib/workbook_about.c lib/drugs.c lib/meds.c lib/activity.c lib/flags.c \
           lib/analyse_care.c lib/top.c lib/diary_supp.c $(MSG_SRC)
LIB_OBJ  = $(LIB_SRC:lib/%.c=$(B)/lib/%.o) $(B)/lib/foodtables.o $(B)/lib/drugtables.o \
           $(B)/lib/foodindex.o
CLI_SRC  = cli/main.c cli/cmd_food.c cli/cmd_analyse.c cli/cmd_drug.c cli/json.c cli/format.c
CLI_OBJ  = $(CLI_SRC:cli/%.c=$(B)/cli/%.o)
# The tests `make unit` runs, as paths under tests/ without the .c: the unit
# tests, tests/unit/test_MODULE.c for lib/MODULE.c, and the runners of the
# test sets beside their sets (tests/README.md). Each builds as
# $(B)/tests/PATH and runs from tests/; `make unit TESTS=unit/test_date` runs one.
TESTS    = unit/test_status unit/test_text unit/test_number unit/test_csv unit/test_table unit/test_date \
           unit/test_diary unit/test_foods unit/test_match unit/test_index_write unit/test_serving \
           unit/test_split unit/test_weigh unit/test_line unit/test_targets unit/test_supplement \
           unit/test_drugs unit/test_meds unit/test_activity unit/test_flags unit/test_analyse \
           unit/test_workbook unit/test_msg accuracy/check_accuracy foods/check_foods \
           servings/check_servings supplements/check_supplements
TEST_BIN = $(TESTS:%=$(B)/tests/%)
TABLES   = foodtables/foods.csv foodtables/portions.csv foodtables/aliases_zh.csv foodtables/aliases_en.csv \
           foodtables/kinds.csv foodtables/measure_words.csv foodtables/containers.csv \
           foodtables/name_portions.csv foodtables/words_en.csv foodtables/as_eaten.csv \
           foodtables/words_zh.csv foodtables/pinyin.csv foodtables/english_words.csv $(wildcard foodtables/names_zh.csv foodtables/recipes_*.csv foodtables/name_portions_zh.csv)
SETUP    = $(B)/.setup-build
# NO_SETUP=1: the packages are known to be there and tools/setup.sh is not run
# (a Debian package build, where dpkg-buildpackage has checked Build-Depends).
# Plain `make` (or `make all`) only names missing packages; `make setup`,
# `make demo`, `make check` and the other targets install them (as root).
SETUP_SH = $(if $(NO_SETUP),:,$(if $(filter-out all,$(MAKECMDGOALS)),,KMGCA_NO_INSTALL=1 )sh tools/setup.sh)
# Further parts (the add-in, hardening, reports) keep their rules in mk/*.mk;
# they may add to LIB_SRC, CLI_SRC, TESTS and CHECK_MORE (targets `make check` runs).
CHECK_MORE =
# `make` alone builds the library and the tool, whatever mk/*.mk define first.
.DEFAULT_GOAL := all
include $(sort $(wildcard mk/*.mk))

.PHONY: all setup clean check check-alone check-cycles test unit e2e demo install uninstall foodtables pinyin english-words \
        check-foodtables drugtables check-drugtables asan ubsan valgrind bench help

all: $(B)/kmgca $(B)/libkmgca.a $(B)/libkmgca.so $(B)/kmgca.pc

help:
	@echo "make            build the library and build/kmgca (names missing Debian packages)"
	@echo "make setup      install the Debian packages the build needs (as root)"
	@echo "make demo       build and run kmgca on the bundled examples"
	@echo "make check      build and run every test"
	@echo "make unit       the unit tests and the test sets (TESTS=unit/test_match: one; tests/README.md)"
	@echo "make check-alone the checks .ci/run repeats in a clone with no ../shared beside it"
	@echo "make foodtables regenerate foodtables/ from the USDA files in DATA=$(DATA)"
	@echo "make drugtables regenerate drugtables/drugs.csv and names.csv (DATA=$(DATA))"
	@echo "make bench      run the benchmarks in bench/ (bench-analyse: only kmgca analyse)"
	@echo "make asan|ubsan|valgrind   the test suite under sanitizers or valgrind"
	@echo "make install    install into DESTDIR/PREFIX (PREFIX=$(PREFIX))"

# Set-up is part of the build: missing packages are installed (root) or named.
$(SETUP): tools/setup.sh
	@mkdir -p $(B)
	$(Q)$(SETUP_SH) build
	@touch $@
$(B)/.setup-test: tools/setup.sh $(SETUP)
	$(Q)$(SETUP_SH) test
	@touch $@
setup: $(SETUP)

$(B)/lib/%.o: lib/%.c lib/internal.h lib/table.h lib/number.h lib/sheet.h lib/workbook.h lib/msg.h lib/msg_phrases.h \
              include/kmgca.h | $(SETUP)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) $(XLSX_CFLAGS) -c $< -o $@

$(SUPPLEMENT_SRC:lib/%.c=$(B)/lib/%.o): lib/supplement.h
$(MATCH_SRC:lib/%.c=$(B)/lib/%.o): lib/match.h
$(SERVING_SRC:lib/%.c=$(B)/lib/%.o): lib/serving.h
$(WEIGH_SRC:lib/%.c=$(B)/lib/%.o): lib/weigh.h
$(B)/lib/analyse.o $(B)/lib/weigh_memo.o: lib/weigh_memo.h

$(B)/cli/%.o: cli/%.c cli/cli.h include/kmgca.h | $(SETUP)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) -Icli -c $< -o $@
$(B)/cli/json.o: lib/number.h

# The tables, compiled in: a generated C file, never edited by hand.
$(B)/tools/embedtables: tools/embedtables.c lib/csv.c lib/status.c lib/text.c lib/kinds.c lib/recipe.c lib/internal.h lib/table.h | $(SETUP)
	@mkdir -p $(dir $@)
	$(call say,CC,$@)$(CC) $(ALL_CFLAGS) -o $@ tools/embedtables.c lib/csv.c lib/status.c lib/text.c lib/kinds.c lib/recipe.c $(LIBS)
$(B)/gen/foodtables.c: $(B)/tools/embedtables $(TABLES) targets/dri.csv
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)ASAN_OPTIONS=detect_leaks=0 $(B)/tools/embedtables foodtables targets/dri.csv $@
$(B)/lib/foodtables.o: $(B)/gen/foodtables.c lib/internal.h
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) -O1 -g0 -c $< -o $@
$(B)/gen/drugtables.c: $(B)/tools/embedtables drugtables/drugs.csv drugtables/names.csv \
                       drugtables/salts.csv drugtables/supplements.csv \
                       drugtables/drug_classes_zh.csv
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)ASAN_OPTIONS=detect_leaks=0 $(B)/tools/embedtables --drugs drugtables $@
$(B)/lib/drugtables.o: $(B)/gen/drugtables.c lib/internal.h include/kmgca.h
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) -O1 -g0 -c $< -o $@

# The match index of the built-in tables, worked out at build time by a
# tool linked with the library's other objects (lib/noindex.c in place of
# the index): a run of `kmgca food` borrows it instead of building it.
INDEXGEN_OBJ = $(filter-out $(B)/lib/foodindex.o,$(LIB_OBJ)) $(B)/lib/noindex.o
$(B)/tools/indexgen: tools/indexgen.c $(INDEXGEN_OBJ)
	@mkdir -p $(dir $@)
	$(call say,LD,$@)$(CC) $(ALL_CFLAGS) -o $@ tools/indexgen.c $(INDEXGEN_OBJ) $(LDFLAGS) $(XLSX_LIBS) $(LIBS)
$(B)/gen/foodindex.c: $(B)/tools/indexgen
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)ASAN_OPTIONS=detect_leaks=0 $(B)/tools/indexgen $@
$(B)/lib/foodindex.o: $(B)/gen/foodindex.c lib/internal.h
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) -O1 -g0 -c $< -o $@

$(B)/libkmgca.a: $(LIB_OBJ)
	$(call say,AR,$@)rm -f $@ && ar rcs $@ $^
# The shared library exports the functions of include/kmgca.h and nothing else
# (the internal ones, which the static library and the tests use, stay
# internal): a version script made from the header, so the two cannot drift.
$(B)/libkmgca.map: include/kmgca.h
	@mkdir -p $(B)
	$(call say,GEN,$@){ echo '{ global:'; \
	  grep -o '\bkmgca_[a-z0-9_]*[[:space:]]*(' include/kmgca.h | tr -d '( ' | sort -u | sed 's/.*/  &;/'; \
	  echo '  local: *; };'; } > $@.tmp && mv $@.tmp $@
$(B)/libkmgca.so: $(LIB_OBJ) $(B)/libkmgca.map
	$(call say,LD,$@)$(CC) -shared -Wl,-soname,libkmgca.so.0 -Wl,--version-script,$(B)/libkmgca.map \
	  -o $@ $(LIB_OBJ) $(LDFLAGS) $(XLSX_LIBS) $(LIBS)

$(B)/kmgca: $(CLI_OBJ) $(B)/libkmgca.a
	$(call say,LD,$@)$(CC) -o $@ $(CLI_OBJ) $(B)/libkmgca.a $(LDFLAGS) $(XLSX_LIBS) $(LIBS)

$(B)/kmgca.pc: Makefile
	@mkdir -p $(B)
	@printf 'prefix=%s\nlibdir=%s\nincludedir=%s\n\nName: kmgca\nDescription: K, Mg, Ca and Na from food text, USDA tables built in\nVersion: %s\nLibs: -L$${libdir} -lkmgca\nLibs.private: -lxlsxwriter -lcsv -lm -lpthread\nCflags: -I$${includedir}\n' \
	  '$(PREFIX)' '$(LIBDIR)' '$(INCDIR)' '$(VERSION)' > $@

# ---- The importer ----------------------------------------------------------
$(B)/tools/foodimport: tools/foodimport.c | $(SETUP)
	@mkdir -p $(dir $@)
	$(call say,CC,$@)$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) -o $@ $< -lcsv -lz

foodtables: $(B)/tools/foodimport
	$(B)/tools/foodimport $(DATA) foodtables

# foodtables/pinyin.csv from Debian's golang-github-mozillazg-go-pinyin-dev
# (foodtables/PROVENANCE.md); not part of the build
PINYIN_DICT ?= /usr/share/gocode/src/github.com/mozillazg/go-pinyin/pinyin_dict.go
$(B)/tools/pinyinimport: tools/pinyinimport.c lib/text.c lib/internal.h | $(SETUP)
	@mkdir -p $(dir $@)
	$(call say,CC,$@)$(CC) $(ALL_CFLAGS) -o $@ tools/pinyinimport.c lib/text.c
pinyin: $(B)/tools/pinyinimport
	$(B)/tools/pinyinimport $(PINYIN_DICT) foodtables/pinyin.csv

# foodtables/english_words.csv from Debian's wamerican-small and wbritish-small
# (SCOWL; foodtables/PROVENANCE.md); not part of the build
ENGLISH_LISTS ?= /usr/share/dict/american-english-small /usr/share/dict/british-english-small
english-words:
	{ echo word; cat $(ENGLISH_LISTS) | grep -E '^[a-z]{4,15}$$' | LC_ALL=C sort -u; } \
	  > foodtables/english_words.csv.tmp && mv foodtables/english_words.csv.tmp foodtables/english_words.csv

# drugtables/drugs.csv and names.csv from the shared drug list and the
# reviewed additions in drugtables/ (see drugtables/PROVENANCE.md).
DRUG_INPUTS = drugtables/other_drugs.csv drugtables/combinations.csv drugtables/curated_names.csv
$(B)/tools/drugimport: tools/drugimport.c lib/csv.c lib/status.c lib/text.c lib/internal.h lib/table.h | $(SETUP)
	@mkdir -p $(dir $@)
	$(call say,CC,$@)$(CC) $(ALL_CFLAGS) -o $@ tools/drugimport.c lib/csv.c lib/status.c lib/text.c $(LIBS)
drugtables: $(B)/tools/drugimport
	$(B)/tools/drugimport $(DATA)/drugs/mineral_affecting_drugs.csv drugtables drugtables
check-drugtables: $(B)/tools/drugimport
	@if [ ! -d "$(DATA)" ]; then echo "skip check-drugtables: no $(DATA) (the reference data) beside this clone; the committed tables are used as they are"; exit 0; fi; \
	rm -rf $(B)/regen-drugs && mkdir -p $(B)/regen-drugs && \
	$(B)/tools/drugimport $(DATA)/drugs/mineral_affecting_drugs.csv drugtables $(B)/regen-drugs && \
	for f in drugs.csv names.csv; do \
	  cmp drugtables/$$f $(B)/regen-drugs/$$f || { echo "FAIL drugtables/$$f differs from a fresh import"; exit 1; }; \
	done && echo "ok drugtables: committed tables equal a fresh import"

# Regenerates the tables into a scratch folder and requires them to equal the
# committed ones byte for byte.
check-foodtables: $(B)/tools/foodimport
	@if [ ! -d "$(DATA)" ]; then echo "skip check-foodtables: no $(DATA) (the reference data) beside this clone; the committed tables are used as they are"; exit 0; fi; \
	rm -rf $(B)/regen && mkdir -p $(B)/regen && \
	$(B)/tools/foodimport $(DATA) $(B)/regen && \
	for f in foods.csv portions.csv aliases_zh.csv; do \
	  cmp foodtables/$$f $(B)/regen/$$f || { echo "FAIL foodtables/$$f differs from a fresh import"; exit 1; }; \
	done && echo "ok foodtables: committed tables equal a fresh import from $(DATA)" && \
	cmp targets/dri.csv $(DATA)/dri/dri_ca_mg_k.csv && echo "ok targets: targets/dri.csv equals $(DATA)/dri/dri_ca_mg_k.csv"

# ---- Tests -----------------------------------------------------------------
$(B)/tests/%: tests/%.c tests/testutil.h $(B)/libkmgca.a
	@mkdir -p $(dir $@)
	$(call say,CC,$@)$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(B)/libkmgca.a $(CMOCKA_LIBS) $(XLSX_LIBS) $(LIBS)

unit: $(TEST_BIN)
	$(Q)fail=0; for t in $(abspath $(TEST_BIN)); do \
	  (cd tests && LC_ALL=C $$t) || fail=1; \
	done; exit $$fail

e2e: $(B)/kmgca $(B)/.setup-test
	$(Q)LC_ALL=C sh tests/cli/run.sh $(B)/kmgca
	$(Q)sh tests/workbook/run.sh $(B)/kmgca
	$(Q)sh tests/workbook/big_diary.sh $(B)/kmgca

# No two modules of the library call each other (read from the objects).
check-cycles: $(LIB_OBJ) $(B)/.setup-test
	$(Q)/usr/bin/python3 tools/cycles.py $(filter $(B)/lib/%.o,$(LIB_OBJ))

check: all unit e2e check-cycles check-foodtables check-drugtables $(CHECK_MORE)
	@echo "make check: all tests passed"
test: check

demo: $(B)/kmgca
	@sh examples/demo.sh $(B)/kmgca

# What .ci/run checks again in a clone with no ../shared beside it: the part
# of `make check` whose outcome could depend on the reference data (the table
# checks must skip, saying so; nothing else may read ../shared).
check-alone: all unit e2e check-foodtables check-drugtables check-report check-bad

# Sanitizers, valgrind and fuzzing: mk/hardening.mk and mk/fuzz.mk.

bench: $(B)/kmgca $(B)/bench/bench_match $(B)/bench/bench_serving $(B)/.setup-bench
	sh bench/run.sh $(B)
	sh bench/analyse.sh $(B)
$(B)/.setup-bench: tools/setup.sh $(SETUP)
	$(Q)$(SETUP_SH) bench
	@touch $@
# `kmgca analyse` on synthetic diaries of 100,000 and 1,000,000 rows against a
# floor (libcsv + libxlsxwriter, no analysis) and pandas; the script compiles
# its own helpers (gen_diary, floor, peak_rss). ROWS, ROUNDS: see bench/README.md.
.PHONY: bench-analyse
bench-analyse: $(B)/kmgca $(B)/.setup-bench
	sh bench/analyse.sh $(B)
$(B)/bench/%: bench/%.c $(B)/libkmgca.a
	@mkdir -p $(dir $@)
	$(call say,CC,$@)$(CC) $(ALL_CFLAGS) -O2 -o $@ $< $(B)/libkmgca.a $(LIBS)

# ---- Install ---------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(PKGDIR) \
	  $(DESTDIR)$(COMPLETIONDIR)
	install -m 755 $(B)/kmgca $(DESTDIR)$(BINDIR)/kmgca
	install -m 644 $(B)/libkmgca.a $(DESTDIR)$(LIBDIR)/libkmgca.a
	install -m 755 $(B)/libkmgca.so $(DESTDIR)$(LIBDIR)/libkmgca.so.$(VERSION)
	ln -sf libkmgca.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libkmgca.so.0
	ln -sf libkmgca.so.0 $(DESTDIR)$(LIBDIR)/libkmgca.so
	install -m 644 include/kmgca.h $(DESTDIR)$(INCDIR)/kmgca.h
	install -m 644 man/kmgca.1 $(DESTDIR)$(MANDIR)/man1/kmgca.1
	install -m 644 $(B)/kmgca.pc $(DESTDIR)$(PKGDIR)/kmgca.pc
	install -m 644 cli/completion.bash $(DESTDIR)$(COMPLETIONDIR)/kmgca
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kmgca $(DESTDIR)$(LIBDIR)/libkmgca.a $(DESTDIR)$(LIBDIR)/libkmgca.so* \
	      $(DESTDIR)$(INCDIR)/kmgca.h $(DESTDIR)$(MANDIR)/man1/kmgca.1 $(DESTDIR)$(PKGDIR)/kmgca.pc \
	      $(DESTDIR)$(COMPLETIONDIR)/kmgca

clean:
	rm -rf $(B)
