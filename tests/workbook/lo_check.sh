#!/bin/sh
# lo_check.sh — open a kmgca report in LibreOffice (headless), save every sheet
# as CSV and check what a spreadsheet program really shows: the sheets are
# there, the Diary has one row per diary row, text that looks like a formula
# stays text, and Summary's dates and magnesium agree with the --json output.
#
# Usage: sh tests/workbook/lo_check.sh REPORT.xlsx JSON_FILE [FOOD_TEXT]
#   FOOD_TEXT: a "Food as written" value that must show literally on Diary
#   (e.g. '=HYPERLINK("http://example.com","click")').
# Without LibreOffice it prints "SKIP lo_check: LibreOffice not installed" and
# exits 0. Exit 1 on a failed check, 2 on bad arguments.
# LibreOffice runs with a throwaway profile in a temporary folder, under a
# time limit, and no soffice process of that profile is left behind.
set -u
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: lo_check.sh REPORT.xlsx JSON_FILE [FOOD_TEXT]" >&2
    exit 2
fi
report=$1
json=$2
expect=${3:-}
PYTHON=${PYTHON:-/usr/bin/python3}
LO_TIMEOUT=${LO_TIMEOUT:-120}

soffice=$(command -v soffice 2>/dev/null || command -v libreoffice 2>/dev/null || true)
if [ -z "$soffice" ]; then
    echo "SKIP lo_check: LibreOffice not installed"
    exit 0
fi
if [ ! -f "$report" ] || [ ! -f "$json" ]; then
    echo "FAIL lo_check: $report or $json is missing"
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kmgca-lo.XXXXXX") || exit 1
profile=$tmp/profile

# Ends the soffice processes of this profile only (found by the profile's
# folder on their command line), then removes the folder.
# shellcheck disable=SC2086,SC2317 # $pids splits on purpose; called by trap
cleanup() {
    pids=$(pgrep -f "$profile" 2>/dev/null || true)
    if [ -n "$pids" ]; then
        echo "lo_check: ending soffice left running ($pids)" >&2
        kill $pids 2>/dev/null || true
        n=0
        while [ $n -lt 20 ] && pgrep -f "$profile" >/dev/null 2>&1; do
            sleep 0.25
            n=$((n + 1))
        done
        pids=$(pgrep -f "$profile" 2>/dev/null || true)
        [ -z "$pids" ] || kill -9 $pids 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# A fixed name inside the temporary folder gives predictable output names:
# LibreOffice writes one file per sheet, "report-SHEET NAME.csv".
mkdir -p "$tmp/in" "$tmp/out"
cp "$report" "$tmp/in/report.xlsx" || exit 1
start=$(date +%s)
# The C.UTF-8 locale keeps '.' as the decimal point in the CSV.
LC_ALL=C.UTF-8 LANG=C.UTF-8 timeout -k 10 "$LO_TIMEOUT" "$soffice" \
    "-env:UserInstallation=file://$profile" --headless --invisible --norestore --nologo \
    --nolockcheck --nodefault \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$tmp/out" "$tmp/in/report.xlsx" >"$tmp/log" 2>&1 </dev/null
rc=$?
secs=$(($(date +%s) - start))
if [ $rc = 124 ] || [ $rc = 137 ]; then
    echo "FAIL lo_check: LibreOffice did not finish within ${LO_TIMEOUT}s"
    exit 1
fi
if [ $rc != 0 ]; then
    echo "FAIL lo_check: LibreOffice exited $rc:"
    sed 's/^/  /' "$tmp/log" | head -20
    exit 1
fi

"$PYTHON" - "$tmp/in/report.xlsx" "$json" "$tmp/out" "$expect" "$secs" <<'PY'
import csv, datetime, json, os, re, sys, zipfile

report, json_path, out, expect, secs = sys.argv[1:6]
fails = []
raw = open(json_path, "rb").read()
try:
    text = raw.decode("utf-8")
except UnicodeDecodeError as e:
    fails.append("%s is not valid UTF-8 (%s)" % (json_path, e))
    text = raw.decode("utf-8", "replace")
try:
    doc = json.loads(text)
except ValueError as e:
    print("FAIL lo_check: %s is not JSON: %s" % (json_path, e))
    sys.exit(1)

# The sheets, in order, from the workbook itself.
with zipfile.ZipFile(report) as z:
    wbxml = z.read("xl/workbook.xml").decode("utf-8")
names = [re.sub("&amp;", "&", n) for n in re.findall(r'<sheet name="([^"]*)"', wbxml)]
want = ["Summary", "Diary", "Needs review", "Medications", "Activity & sweat", "Charts",
        "Top sources", "About"]
if names[:len(want)] != want:
    fails.append("workbook sheets %r, expected %r first" % (names, want))


def read(sheet):
    path = os.path.join(out, "report-%s.csv" % sheet)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


sheets = {}
for n in names:
    rows = read(n)
    if rows is None:
        fails.append("no CSV for sheet %r (files: %r)" % (n, sorted(os.listdir(out))))
    else:
        sheets[n] = rows


def data(base):
    rows = []
    for n in names:
        if n == base or re.fullmatch(re.escape(base) + r" \(\d+\)", n):
            rows += [r for r in sheets.get(n, [])[1:] if any(x.strip() for x in r)]
    return rows


diary = data("Diary")
review = data("Needs review")
if len(diary) != doc["rows_read"]:
    fails.append("Diary shows %d data rows, JSON rows_read is %d" % (len(diary), doc["rows_read"]))
if len(review) != doc["rows_review"]:
    fails.append("Needs review shows %d data rows, JSON rows_review is %d"
                 % (len(review), doc["rows_review"]))

# Text that looks like a formula shows literally, never evaluated.
FOOD, RFOOD = 5, 3
by_line = {(r[0], r[1]): r for r in diary if len(r) > FOOD}
rby_line = {(r[0], r[1]): r for r in review if len(r) > RFOOD}
literal = 0
for j in doc.get("review", []):
    food = j.get("food") or ""
    if not food.startswith("="):
        continue
    key = (os.path.basename(j["file"]), str(j["line"]))
    got = by_line.get(key, [None] * (FOOD + 1))[FOOD]
    if got != food:
        fails.append("Diary %s line %s: food shows %r, expected the text %r" % (key + (got, food)))
    got = rby_line.get(key, [None] * (RFOOD + 1))[RFOOD]
    if got != food:
        fails.append("Needs review %s line %s: food shows %r, expected the text %r"
                     % (key + (got, food)))
    literal += 1
if expect:
    if not any(r[FOOD] == expect for r in diary if len(r) > FOOD):
        shown = [r[FOOD] for r in diary if len(r) > FOOD]
        fails.append("no Diary food shows %r literally (foods: %r)" % (expect, shown[:20]))
    literal += 1


def number(s):
    s = s.strip().replace("\u00a0", "")
    if not s:
        return None
    if "." not in s and s.count(",") == 1:
        s = s.replace(",", ".")
    return float(s.replace(",", ""))


def date_text(s):
    s = s.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return s
    try:   # a serial day number
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(float(s)))).isoformat()
    except ValueError:
        return s


summary = sheets.get("Summary", [])
for i, d in enumerate(doc["days"]):
    if i + 1 >= len(summary):
        fails.append("Summary: no row for %s" % d["date"])
        continue
    row = summary[i + 1] + [""] * 4
    if date_text(row[0]) != d["date"]:
        fails.append("Summary row %d: date shows %r, JSON says %s" % (i + 2, row[0], d["date"]))
    try:
        mg = number(row[3])
    except ValueError:
        mg = "bad"
    want_mg = d["mg_mg"]
    if (want_mg is None and mg is not None) or (want_mg is not None and (
            not isinstance(mg, float) or abs(mg - want_mg) > 0.05 + 1e-6)):
        fails.append("Summary row %d (%s): Mg shows %r, JSON says %r" % (i + 2, d["date"], row[3], want_mg))
if not doc["days"] and not (len(summary) > 1 and "No dated rows" in summary[1][0]):
    fails.append("Summary: no days, but A2 does not say \"No dated rows\"")

for f in fails:
    print("FAIL lo_check %s: %s" % (os.path.basename(json_path), f))
if fails:
    sys.exit(1)
print("OK lo_check %s: %d sheets, %d diary rows, %d days, %d literal-text checks (LibreOffice %ss)"
      % (os.path.basename(json_path), len(sheets), len(diary), len(doc["days"]), literal, secs))
PY
rc=$?
if pgrep -f "$profile" >/dev/null 2>&1; then
    echo "FAIL lo_check: soffice still running after the conversion (ended now)"
    rc=1
fi
exit $rc
