#!/bin/sh
# run.sh — tests of the .xlsx report: `kmgca analyse -o` on the test diaries,
# each workbook read back by check_workbook.py (openpyxl) and, for two of them,
# by LibreOffice (lo_check.sh); then the output-file rules: never overwrite an
# input, nothing created in a missing folder, nothing left after a malformed
# diary. Usage, from the repository root: sh tests/workbook/run.sh build/kmgca
# PYTHON names the python3 with openpyxl (default /usr/bin/python3).
set -u
if [ $# != 1 ]; then
    echo "usage: run.sh KMGCA_BINARY" >&2
    exit 2
fi
KMGCA=$1
here=$(dirname "$0")
diaries=$here/../data/diaries
PYTHON=${PYTHON:-/usr/bin/python3}
export PYTHON
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kmgca-wb.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP
pass=0
fail=0
skip=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

if ! "$PYTHON" -c 'import openpyxl' 2>/dev/null; then
    echo "FAIL $PYTHON cannot import openpyxl (Debian: apt-get install python3-openpyxl)"
    echo "workbook: 0 passed, 1 failed"
    exit 1
fi

# analyse NAME DIARY... : write $tmp/NAME.xlsx and $tmp/NAME.json, then read
# the workbook back against the JSON and the diaries.
analyse() {
    name=$1
    shift
    "$KMGCA" analyse "$@" -o "$tmp/$name.xlsx" --json >"$tmp/$name.json" 2>"$tmp/$name.err"
    got=$?
    if [ $got != 0 ]; then
        bad "$name: kmgca analyse exited $got: $(head -c 300 "$tmp/$name.err")"
        return
    fi
    if "$PYTHON" "$here/check_workbook.py" "$tmp/$name.xlsx" "$tmp/$name.json" "$@" \
        >"$tmp/$name.check" 2>&1; then
        ok
    else
        bad "$name: check_workbook.py:"
        sed 's/^/    /' "$tmp/$name.check" | head -40
    fi
}

# lo NAME [FOOD_TEXT] : the workbook as LibreOffice shows it.
lo() {
    name=$1
    shift
    if [ ! -f "$tmp/$name.xlsx" ]; then
        bad "$name: lo_check: no workbook to check"
        return
    fi
    sh "$here/lo_check.sh" "$tmp/$name.xlsx" "$tmp/$name.json" "$@" >"$tmp/$name.lo" 2>&1
    got=$?
    if [ $got = 0 ] && grep -q '^SKIP' "$tmp/$name.lo"; then
        skip=$((skip + 1))
        cat "$tmp/$name.lo"
    elif [ $got = 0 ]; then
        ok
    else
        bad "$name: lo_check.sh exited $got:"
        sed 's/^/    /' "$tmp/$name.lo" | head -40
    fi
}

# Lists a folder's entries, dot-files too, one a line.
entries() { ls -A "$1" 2>/dev/null; }

for d in generic semicolon_zh several_foods cronometer_servings cronometer_daily mfp_summary; do
    analyse "$d" "$diaries/$d.csv"
done
analyse two_files "$diaries/generic.csv" "$diaries/cronometer_servings.csv"

formula='=HYPERLINK("http://example.com","click")'
lo generic "$formula"
lo two_files "$formula"

# Medications and activity: their sheets hold every line, flags reach Summary
# with their notes, About cites the sources, and a drug text that looks like a
# formula stays text.
care=$here/../data/care
cp "$care/meds.csv" "$tmp/meds.csv"
echo '"=HYPERLINK(""http://example.com"",""HCTZ"")",,,' >>"$tmp/meds.csv"
echo '@SUM(1+1) furosemide,,,' >>"$tmp/meds.csv"
if "$KMGCA" analyse --meds "$tmp/meds.csv" --activity "$care/activity.csv" "$care/diary.csv" \
    -o "$tmp/care.xlsx" --json >"$tmp/care.json" 2>"$tmp/care.err" &&
    "$PYTHON" - "$tmp/care.xlsx" "$tmp/care.json" >"$tmp/care.check" 2>&1 <<'PY'
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
doc = json.load(open(sys.argv[2]))
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            assert c.data_type != "f", (ws.title, c.coordinate, c.value)
meds = wb["Medications"]
assert [c.value for c in meds[1]][:3] == ["File", "Line", "Medication as written"]
rows = [r for r in meds.iter_rows(min_row=2, values_only=True) if r[0] == "meds.csv"]
assert len(rows) == len(doc["medications"]) == 9, (len(rows), len(doc["medications"]))
texts = [r[2] for r in rows]
assert '=HYPERLINK("http://example.com","HCTZ")' in texts, texts
cell = [c for c in meds["C"] if c.value and str(c.value).startswith("=HYPERLINK")][0]
assert cell.data_type == "s", cell.data_type
by_text = {r[2]: r for r in rows}
assert by_text["HCTZ 25 mg"][6] == "hydrochlorothiazide" and by_text["HCTZ 25 mg"][10] == "down"
assert by_text["fluffy herbal tea"][6] == "(not recognised)" and by_text["fluffy herbal tea"][19]
act = wb["Activity & sweat"]
sessions = [r for r in act.iter_rows(min_row=3, values_only=True) if r[0] == "activity.csv"]
assert len(sessions) == 3, sessions
tennis = [r for r in sessions if r[3] == "tennis"][0]
assert abs(tennis[9] - 2.3) < 1e-9 and tennis[10] == "measured"
summary = wb["Summary"]
head = [c.value for c in summary[1]]
col = head.index("Flags") + 1
flagged = 0
for i, day in enumerate(doc["days"]):
    c = summary.cell(row=i + 2, column=col)
    if day["flags"]:
        flagged += 1
        assert c.value and c.comment and "Source:" in c.comment.text, (day["date"], c.value)
    else:
        assert not c.value
assert flagged == len(doc["days"])
about = " ".join(str(c.value) for row in wb["About"].iter_rows() for c in row if c.value)
for cite in ("Gonzalez", "Montain", "Baker", "Sawka", "product label"):
    assert cite in about, cite
print("OK care.xlsx")
PY
then ok; else bad "care workbook: $(head -c 300 "$tmp/care.err") $(tail -5 "$tmp/care.check")"; fi

# Supplements: the Summary splits each day into food and supplements, the
# Diary marks the supplement row, Medications gives each line's mg a day, and
# About cites the elemental shares and the upper levels.
sup=$here/../data/supplements
if "$KMGCA" analyse --meds "$sup/meds.csv" "$sup/diary.csv" -o "$tmp/supplements.xlsx" --json \
    >"$tmp/supplements.json" 2>"$tmp/supplements.err" &&
    "$PYTHON" - "$tmp/supplements.xlsx" "$tmp/supplements.json" >"$tmp/sup.check" 2>&1 <<'PY'
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
doc = json.load(open(sys.argv[2]))
summary = wb["Summary"]
head = [c.value for c in summary[1]]
for i, day in enumerate(doc["days"]):
    row = [c.value for c in summary[i + 2]]
    for el, key in (("Ca", "ca"), ("Mg", "mg"), ("K", "k")):
        got = row[head.index(el + " from supplements mg")]
        assert abs(got - day["supplement_mg"][key]) < 0.06, (day["date"], el, got)
        food = row[head.index(el + " from food mg")]
        total = row[head.index(el + " mg")]
        assert abs(total - (food + got)) < 0.06, (day["date"], el, total, food, got)
d3 = [c.value for c in summary[4]]
assert abs(d3[head.index("Mg from supplements mg")] - 482.6) < 0.06
flags3 = d3[head.index("Flags")]
assert "over the upper level" in flags3 and "potassium supplement" in flags3, flags3
d2 = [c.value for c in summary[3]]
assert "calcium met, magnesium low" in d2[head.index("Flags")], d2
diary = wb["Diary"]
dh = [c.value for c in diary[1]]
rows = [r for r in diary.iter_rows(min_row=2, values_only=True)]
mag = [r for r in rows if r[dh.index("Food as written")] == "Mag-Ox 400"]
assert len(mag) == 1 and mag[0][dh.index("Status")] == "used, supplement", mag
assert abs(mag[0][dh.index("Mg mg")] - 482.6) < 0.06
meds = wb["Medications"]
mh = [c.value for c in meds[1]]
mrows = {r[2]: r for r in meds.iter_rows(min_row=2, values_only=True) if r[0] == "meds.csv"}
assert abs(mrows["Caltrate 600+D"][mh.index("Supplement Ca mg a day")] - 1200) < 0.06
assert abs(mrows["Klor-Con M10"][mh.index("Supplement K mg a day")] - 391.0) < 0.06
assert "39.1" in mrows["Klor-Con M10"][mh.index("Supplement: how counted")]
about = " ".join(str(c.value) for row in wb["About"].iter_rows() for c in row if c.value)
for cite in ("calcium carbonate: 40.0 %", "magnesium oxide: 60.3 %", "potassium chloride: 52.4 %",
             "350 mg", "IOM 2011", "Mag-Ox 400", "Klor-Con M10", "Caltrate"):
    assert cite in about, cite
print("OK supplements.xlsx")
PY
then ok; else bad "supplements workbook: $(tail -5 "$tmp/sup.check")"; fi

# The output is an input: exit 2, the input untouched, no temporary file.
mkdir "$tmp/same"
cp "$diaries/generic.csv" "$tmp/same/diary.xlsx"
for out in "$tmp/same/diary.xlsx" "$tmp/same/./diary.xlsx"; do
    "$KMGCA" analyse "$tmp/same/diary.xlsx" -o "$out" >"$tmp/same.out" 2>&1
    got=$?
    if [ $got != 2 ]; then
        bad "output = input ($out): exit $got, expected 2: $(head -c 300 "$tmp/same.out")"
    elif ! cmp -s "$diaries/generic.csv" "$tmp/same/diary.xlsx"; then
        bad "output = input ($out): the input was changed"
    elif [ "$(entries "$tmp/same")" != "diary.xlsx" ]; then
        bad "output = input ($out): left behind: $(entries "$tmp/same" | tr '\n' ' ')"
    else
        ok
    fi
done

# A folder that does not exist: exit 4, nothing created.
mkdir "$tmp/nodir"
"$KMGCA" analyse "$diaries/generic.csv" -o "$tmp/nodir/missing/report.xlsx" >"$tmp/nodir.out" 2>&1
got=$?
if [ $got != 4 ]; then
    bad "missing folder: exit $got, expected 4: $(head -c 300 "$tmp/nodir.out")"
elif [ -n "$(entries "$tmp/nodir")" ]; then
    bad "missing folder: created: $(entries "$tmp/nodir" | tr '\n' ' ')"
else
    ok
fi

# A malformed diary (a quote never closed, after rows already written to the
# workbook): exit 3, and neither the .xlsx nor its temporary file (".NAME.xlsx.XXXXXX")
# is left in the output folder.
mkdir "$tmp/malformed" "$tmp/malformed/out"
{
    echo 'date,food,amount,unit'
    echo '2026-11-01,banana,1,medium'
    echo '2026-11-01,"Milk, whole",1,cup'
    echo '2026-11-02,"almonds,30,g'
    echo '2026-11-02,banana,1,medium'
} >"$tmp/malformed/diary.csv"
"$KMGCA" analyse "$tmp/malformed/diary.csv" -o "$tmp/malformed/out/report.xlsx" \
    >"$tmp/malformed.out" 2>&1
got=$?
if [ $got != 3 ]; then
    bad "malformed diary: exit $got, expected 3: $(head -c 300 "$tmp/malformed.out")"
elif [ -n "$(entries "$tmp/malformed/out")" ]; then
    bad "malformed diary: left in the output folder: $(entries "$tmp/malformed/out" | tr '\n' ' ')"
elif ! grep -q 'diary.csv:4:' "$tmp/malformed.out"; then
    bad "malformed diary: the error does not give file:line: $(head -c 300 "$tmp/malformed.out")"
else
    ok
fi

if [ $skip != 0 ]; then
    echo "workbook: $pass passed, $fail failed ($skip LibreOffice checks skipped: LibreOffice not installed)"
else
    echo "workbook: $pass passed, $fail failed"
fi
[ $fail = 0 ]
