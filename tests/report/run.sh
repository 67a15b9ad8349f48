#!/bin/sh
# run.sh — end-to-end tests of `kmgca report` on the example caseload
# (examples/clients): the terminal output against a golden file, the
# workbooks read back with openpyxl (check_report.py), --lang zh (Chinese
# all the way through, also on tests/data's medications and sweat), profile
# errors with file:line:column, a broken client among good ones, usage
# errors, inputs never touched, nothing left behind, and, when LibreOffice
# is installed, the PDFs (pdftotext, pdftoppm). Usage, from the repository
# root: sh tests/report/run.sh build/kmgca
# UPDATE=1 rewrites the golden files (read the diff before committing).
# PYTHON names the python3 with openpyxl (default /usr/bin/python3).
set -u
if [ $# != 1 ]; then
    echo "usage: run.sh KMGCA_BINARY" >&2
    exit 2
fi
KMGCA=$1
here=$(dirname "$0")
golden=$here/golden
clients=examples/clients
PYTHON=${PYTHON:-/usr/bin/python3}
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kmgca-report.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP
pass=0
fail=0
skip=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

if ! "$PYTHON" -c 'import openpyxl' 2>/dev/null; then
    echo "FAIL $PYTHON cannot import openpyxl (Debian: apt-get install python3-openpyxl)"
    echo "report: 0 passed, 1 failed"
    exit 1
fi

# golden NAME WANT_EXIT ARGS... : stdout and stderr, with $tmp written OUT,
# must equal golden/NAME.out, and the exit status WANT_EXIT.
golden() {
    name=$1 want=$2
    shift 2
    "$KMGCA" "$@" >"$tmp/raw" 2>&1
    got=$?
    # DROP: lines left out of the comparison (text that other parts own).
    sed "s|$tmp|OUT|g; ${DROP:+/$DROP/d}" "$tmp/raw" >"$tmp/$name.out"
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$tmp/$name.out" "$golden/$name.out"
    fi
    if [ "$got" != "$want" ]; then
        bad "$name: exit $got, expected $want: $(head -c 400 "$tmp/$name.out")"
    elif ! cmp -s "$tmp/$name.out" "$golden/$name.out"; then
        bad "$name: output differs from $golden/$name.out"
        diff "$golden/$name.out" "$tmp/$name.out" | head -20
    else
        ok
    fi
}

# Lists a folder's entries, dot-files too, one a line.
entries() { ls -A "$1" 2>/dev/null; }

all_clients="older-man-hctz=older-man-hctz.xlsx pregnant-ppi=pregnant-ppi.xlsx runner-summer=runner-summer.xlsx wang-jianguo=wang-jianguo.xlsx=zh"
sums() { find "$clients" -type f -exec md5sum {} + | sort; }
sums >"$tmp/before"

# ---- The example caseload --------------------------------------------------
golden caseload 0 report "$clients" -o "$tmp/out" -j 2
# shellcheck disable=SC2086 # the client specs are separate words
if "$PYTHON" "$here/check_report.py" "$tmp/out" en "$clients" $all_clients >"$tmp/check" 2>&1; then
    ok
else
    bad "caseload workbooks:"
    sed 's/^/    /' "$tmp/check" | head -30
fi
if [ "$(entries "$tmp/out" | tr '\n' ' ')" != "index.xlsx older-man-hctz.xlsx pregnant-ppi.xlsx runner-summer.xlsx wang-jianguo.xlsx " ]; then
    bad "caseload: the output folder holds: $(entries "$tmp/out" | tr '\n' ' ')"
else
    ok
fi

# The same with one job: the same workbooks (but for their zip timestamps,
# fixed by SOURCE_DATE_EPOCH), the same table.
"$KMGCA" report "$clients" -o "$tmp/out1" -j 1 >"$tmp/j1.raw" 2>&1
sed "s|$tmp/out1|OUT/out|g" "$tmp/j1.raw" >"$tmp/j1.out"
if ! cmp -s "$tmp/j1.out" "$golden/caseload.out"; then
    bad "-j 1: the table differs from -j 2"
elif ! cmp -s "$tmp/out1/older-man-hctz.xlsx" "$tmp/out/older-man-hctz.xlsx"; then
    bad "-j 1: older-man-hctz.xlsx differs from the -j 2 one"
else
    ok
fi

# Everything in Chinese with --lang zh (the index too).
golden caseload_zh 0 report "$clients" -o "$tmp/zh" --lang zh -q
# shellcheck disable=SC2086
if "$PYTHON" "$here/check_report.py" "$tmp/zh" zh "$clients" \
    $(echo "$all_clients" | sed 's/=zh//; s/\.xlsx/.xlsx=zh/g') >"$tmp/check" 2>&1; then
    ok
else
    bad "--lang zh workbooks:"
    sed 's/^/    /' "$tmp/check" | head -30
fi

# Chinese all the way through (check_report.py: the flags, Diary notes,
# Medications and Activity sheets hold no English of kmgca's own): flags of
# every kind (digoxin, sweat, supplements over the upper level, the
# calcium-met pattern), medication lines that need a look, measured and
# predicted sweat, from tests/data in a Chinese report.
mkdir "$tmp/zhcase" "$tmp/zhcase/care" "$tmp/zhcase/supp"
cp tests/data/care/diary.csv tests/data/care/meds.csv tests/data/care/activity.csv "$tmp/zhcase/care/"
cp tests/data/supplements/diary.csv tests/data/supplements/meds.csv "$tmp/zhcase/supp/"
printf 'name: 测试甲\nage: 70\nsex: m\n' >"$tmp/zhcase/care/profile.txt"
printf 'name: 测试乙\nage: 45\nsex: f\n' >"$tmp/zhcase/supp/profile.txt"
"$KMGCA" report "$tmp/zhcase" -o "$tmp/zhcout" --lang zh -q >"$tmp/zhc.out" 2>&1
got=$?
if [ $got != 0 ]; then
    bad "Chinese care and supplements report: exit $got: $(head -c 400 "$tmp/zhc.out")"
elif "$PYTHON" "$here/check_report.py" "$tmp/zhcout" zh "$tmp/zhcase" care=care.xlsx=zh \
    supp=supp.xlsx=zh >"$tmp/check" 2>&1; then
    ok
else
    bad "Chinese care and supplements report:"
    sed 's/^/    /' "$tmp/check" | head -30
fi

# ---- A broken client among good ones ---------------------------------------
mkdir "$tmp/case"
cp -r "$clients/older-man-hctz" "$clients/runner-summer" "$tmp/case/"
mkdir "$tmp/case/broken" "$tmp/case/no-profile" "$tmp/case/no-diary"
printf '# typo on line 4\nname: Broken Case\nage: 61\nsexx: f\n' >"$tmp/case/broken/profile.txt"
cp "$clients/runner-summer/diary.csv" "$tmp/case/broken/"
cp "$clients/runner-summer/diary.csv" "$tmp/case/no-profile/"
printf 'age: 50\nsex: m\n' >"$tmp/case/no-diary/profile.txt"
# A malformed diary (a quote never closed) and text that looks like formulas.
mkdir "$tmp/case/bad-diary" "$tmp/case/formula"
printf 'age: 45\nsex: f\n' >"$tmp/case/bad-diary/profile.txt"
printf 'date,food,amount,unit\n2026-07-01,banana,1,medium\n2026-07-02,"almonds,30,g\n' >"$tmp/case/bad-diary/diary.csv"
printf 'name: =HYPERLINK("http://example.com","x")\nage: 45\nsex: f\nnotes: @SUM(1+1)\n' >"$tmp/case/formula/profile.txt"
printf 'date,food,amount,unit\n2026-07-01,banana,1,medium\n2026-07-01,"=1+1",1,cup\n' >"$tmp/case/formula/diary.csv"
printf 'date,cramps,severity,note\n2026-07-01,1,4,=A1*2\n2026-07-02,1,11,\n' >"$tmp/case/formula/daylog.csv"
DROP='client "bad-diary" not reported' golden broken_client 6 report "$tmp/case" -o "$tmp/bout" -j 2
if grep -q 'client "bad-diary" not reported: .*/bad-diary/diary.csv:3:' "$tmp/raw"; then ok; else
    bad "broken client: no file:line for the malformed diary: $(grep bad-diary "$tmp/raw")"
fi
if "$PYTHON" - "$tmp/bout" >"$tmp/check" 2>&1 <<'PY'
import os, sys
import openpyxl
out = sys.argv[1]
idx = openpyxl.load_workbook(os.path.join(out, "index.xlsx")).worksheets[0]
rows = {r[1]: r for r in idx.iter_rows(min_row=2, values_only=True) if r[1]}
assert set(rows) == {"bad-diary", "broken", "formula", "no-diary", "no-profile",
                     "older-man-hctz", "runner-summer"}, rows
for name in ("bad-diary", "broken", "no-diary", "no-profile"):
    assert rows[name][2] == "error" and not rows[name][18], rows[name]
    assert not os.path.exists(os.path.join(out, name + ".xlsx")), name
assert rows["broken"][20].endswith("profile.txt:4:1: unknown key \"sexx\" (known keys: name, "
                                   "id, age, sex, pregnant, lactating, stage, reference, body "
                                   "mass, target calcium, target magnesium, target potassium, "
                                   "target sodium, language, notes)"), rows["broken"][20]
assert "diary.csv:3:" in rows["bad-diary"][20], rows["bad-diary"][20]
for name in ("older-man-hctz", "runner-summer", "formula"):
    assert rows[name][2] == "ok" and rows[name][18] == name + ".xlsx", rows[name]
# Text from the inputs stays text.
wb = openpyxl.load_workbook(os.path.join(out, "formula.xlsx"))
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            assert c.data_type != "f", (ws.title, c.coordinate, c.value)
cs = wb["Client summary"]
assert cs["A1"].value == 'Client report: =HYPERLINK("http://example.com","x")', cs["A1"].value
nights = wb["Nights"]
notes = [r[9] for r in nights.iter_rows(min_row=2, values_only=True)]
assert "=A1*2" in notes, notes
texts = " ".join(str(c.value) for row in nights.iter_rows() for c in row if c.value)
assert "daylog.csv:3: severity \"11\" is not from 0 to 10" in texts, texts
print("OK broken client")
PY
then ok; else bad "broken client: $(tail -5 "$tmp/check")"; fi
if [ -n "$(entries "$tmp/bout" | grep -v '\.xlsx$')" ]; then
    bad "broken client: left in the output folder: $(entries "$tmp/bout" | tr '\n' ' ')"
else
    ok
fi

# ---- Usage errors ------------------------------------------------------------
golden no_output 2 report "$clients"
golden inside_input 2 report "$tmp/case" -o "$tmp/case/reports"
golden missing_folder 2 report "$tmp/no-such-folder" -o "$tmp/x"
mkdir "$tmp/empty"
golden empty_caseload 2 report "$tmp/empty" -o "$tmp/x"
golden bad_jobs 2 report "$clients" -o "$tmp/x" -j 0
golden bad_lang 2 report "$clients" -o "$tmp/x" --lang fr
golden help 0 help report
golden no_out_parent 4 report "$clients" -o "$tmp/no/such/dir"

# ---- PDFs --------------------------------------------------------------------
# Without LibreOffice: a clear message, the workbooks still written, status 6.
mkdir "$tmp/pdfcase"
cp -r "$clients/older-man-hctz" "$tmp/pdfcase/"
KMGCA_SOFFICE=/nonexistent/soffice "$KMGCA" report "$tmp/pdfcase" -o "$tmp/nopdf" --pdf -q \
    >"$tmp/nopdf.out" 2>&1
got=$?
if [ $got != 6 ] || ! grep -q "LibreOffice is not installed" "$tmp/nopdf.out" ||
    [ ! -f "$tmp/nopdf/older-man-hctz.xlsx" ] || [ -n "$(entries "$tmp/nopdf" | grep -v '\.xlsx$')" ]; then
    bad "--pdf without LibreOffice: exit $got: $(cat "$tmp/nopdf.out") $(entries "$tmp/nopdf" | tr '\n' ' ')"
else
    ok
fi

# A LibreOffice that hangs (and has a child): stopped with its whole process
# group after --pdf-timeout, nothing of it left running.
cat >"$tmp/fake-soffice" <<'SH'
#!/bin/sh
sleep 300 &
echo "$!" >"${FAKE_PIDS:?}"
sleep 300
SH
chmod +x "$tmp/fake-soffice"
start=$(date +%s)
FAKE_PIDS=$tmp/fake.pids KMGCA_SOFFICE=$tmp/fake-soffice "$KMGCA" report "$tmp/pdfcase" \
    -o "$tmp/hang" --pdf --pdf-timeout 1 -q >"$tmp/hang.out" 2>&1
got=$?
took=$(($(date +%s) - start))
child=$(cat "$tmp/fake.pids" 2>/dev/null)
if [ $got != 6 ] || ! grep -q "did not finish within 1 seconds" "$tmp/hang.out" || [ "$took" -gt 20 ]; then
    bad "--pdf timeout: exit $got after $took s: $(cat "$tmp/hang.out")"
elif [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    bad "--pdf timeout: the hung LibreOffice's child $child is still running"
    kill "$child" 2>/dev/null
elif [ ! -f "$tmp/hang/older-man-hctz.xlsx" ] || [ -n "$(entries "$tmp/hang" | grep -v '\.xlsx$')" ]; then
    bad "--pdf timeout: output folder holds: $(entries "$tmp/hang" | tr '\n' ' ')"
else
    ok
fi

if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
    "$KMGCA" report "$clients" -o "$tmp/pdf" --pdf -j 2 >"$tmp/pdf.out" 2>&1
    got=$?
    if [ $got != 0 ]; then
        bad "--pdf: exit $got: $(head -c 600 "$tmp/pdf.out")"
    else
        ok
        for c in older-man-hctz pregnant-ppi runner-summer wang-jianguo; do
            pdf=$tmp/pdf/$c.pdf
            if [ ! -s "$pdf" ]; then
                bad "--pdf: no $c.pdf"
                continue
            fi
            # The whole summary is on page 1: from the title to the doctor's warning.
            pdftotext -layout -f 1 -l 1 "$pdf" "$tmp/$c.p1.txt"
            case $c in
            wang-jianguo) want="客户报告：王建国|何时就医|第 1 页|时段|镁" ;;
            *) want="Client report: |Period averages|Suggestions from the food tables|See a doctor|Page 1 of|Client summary" ;;
            esac
            missing=$(echo "$want" | tr '|' '\n' | while read -r w; do
                grep -qF "$w" "$tmp/$c.p1.txt" || echo "$w"
            done)
            if [ -n "$missing" ]; then
                bad "--pdf: $c.pdf page 1 lacks: $(echo "$missing" | tr '\n' '|')"
            elif grep -qiE '(^|[^a-z])nan([^a-z]|$)|#VALUE|Err:' "$tmp/$c.p1.txt"; then
                bad "--pdf: $c.pdf page 1 shows nan or an error value"
            else
                ok
            fi
            # Page 2 is the Nights table, not the rest of the summary.
            pdftotext -f 2 -l 2 "$pdf" "$tmp/$c.p2.txt"
            if grep -qF "See a doctor" "$tmp/$c.p2.txt"; then
                bad "--pdf: $c.pdf: the summary runs onto page 2"
            fi
        done
        grep -q "Harold Mills" "$tmp/older-man-hctz.p1.txt" || bad "--pdf: the client's name is not on page 1"
        if command -v pdftoppm >/dev/null 2>&1; then
            pdftoppm -png -r 60 -f 1 -l 1 "$tmp/pdf/older-man-hctz.pdf" "$tmp/page" &&
                [ -s "$tmp/page-1.png" ] && ok || bad "--pdf: pdftoppm could not render page 1"
        fi
        if [ -n "$(entries "$tmp/pdf" | grep -vE '\.(xlsx|pdf)$')" ]; then
            bad "--pdf: left in the output folder: $(entries "$tmp/pdf" | tr '\n' ' ')"
        fi
        # The index links each PDF.
        "$PYTHON" -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
pdfs = [r[19].value for r in ws.iter_rows(min_row=2) if r[1].value]
assert pdfs == ["older-man-hctz.pdf", "pregnant-ppi.pdf", "runner-summer.pdf", "wang-jianguo.pdf"], pdfs
' "$tmp/pdf/index.xlsx" && ok || bad "--pdf: the index does not link the PDFs"
        # No LibreOffice of ours left running (its profile is a kmgca-lo.* folder).
        if ps -eo args 2>/dev/null | grep -v grep | grep -q 'UserInstallation=file://.*/kmgca-lo\.'; then
            sleep 2
            if ps -eo args 2>/dev/null | grep -v grep | grep -q 'UserInstallation=file://.*/kmgca-lo\.'; then
                bad "--pdf: a LibreOffice process started by kmgca is still running"
            fi
        fi
    fi
else
    skip=$((skip + 1))
    echo "SKIP PDF checks: soffice or pdftotext not installed (libreoffice-calc-nogui, poppler-utils)"
fi

sums >"$tmp/after"
if ! cmp -s "$tmp/before" "$tmp/after"; then
    bad "an input in $clients was changed"
else
    ok
fi

if [ $skip != 0 ]; then
    echo "report: $pass passed, $fail failed ($skip skipped)"
else
    echo "report: $pass passed, $fail failed"
fi
[ $fail = 0 ]
