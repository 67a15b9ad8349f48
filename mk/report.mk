# report.mk — `kmgca report`: client profiles, a caseload of client folders
# to one workbook each plus an index, printable (PDF through LibreOffice)
# and bilingual. Sources, unit tests, end-to-end tests and the benchmark.

# The report's own modules share lib/report.h besides lib/internal.h.
REPORT_SRC = lib/report.c lib/caseload.c lib/daylog.c lib/period.c lib/layout.c lib/nights.c \
             lib/suggest.c
LIB_SRC   += lib/profile.c $(REPORT_SRC)
CLI_SRC   += cli/cmd_report.c
TESTS     += unit/test_profile unit/test_suggest unit/test_daylog unit/test_report
CHECK_MORE += check-report

.PHONY: check-report bench-report

$(REPORT_SRC:lib/%.c=$(B)/lib/%.o): lib/report.h

# The example caseload end to end: terminal output, workbooks read back with
# openpyxl, profile errors, a broken client among good ones, and the PDFs
# (pdftotext, pdftoppm) when LibreOffice is installed.
check-report: $(B)/kmgca $(B)/.setup-test
	$(Q)LC_ALL=C sh tests/report/run.sh $(B)/kmgca

# 200 clients x 90 days x 30 rows: -j 1 against -j 2, peak RSS (bench/report.sh).
bench-report: $(B)/kmgca $(B)/.setup-bench
	sh bench/report.sh $(B)
