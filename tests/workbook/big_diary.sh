#!/bin/sh
# big_diary.sh — a diary longer than one worksheet holds (1,048,575 data rows)
# loses nothing: its rows continue on "Diary (2)", and every row is counted.
# Usage: sh tests/workbook/big_diary.sh build/kmgca   (about half a minute)
set -u
KMGCA=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rows=1050000
# Two rows in review every 1,000 (an unknown food, an impossible date).
awk -v n=$rows 'BEGIN {
    print "date,food,amount,unit"
    for (i = 1; i <= n; i++) {
        d = 1 + int((i - 1) / 30) % 28; m = 1 + int((i - 1) / 840) % 12
        if (i % 1000 == 0) printf "2026-%02d-%02d,xyzzy frobnicator,1,cup\n", m, d
        else if (i % 1000 == 500) printf "2026-02-30,banana,1,medium\n"
        else if (i % 3 == 0) printf "2026-%02d-%02d,banana,1,medium\n", m, d
        else if (i % 3 == 1) printf "2026-%02d-%02d,\"Nuts, almonds\",30,g\n", m, d
        else printf "2026-%02d-%02d,milk,1,cup\n", m, d
    }
}' >"$tmp/big.csv"
"$KMGCA" analyse -q --json "$tmp/big.csv" -o "$tmp/big.xlsx" >"$tmp/big.json" || { echo "FAIL big diary: kmgca exit $?"; exit 1; }
/usr/bin/python3 - "$tmp/big.xlsx" "$tmp/big.json" $rows <<'PY'
import json, re, sys, zipfile
path, js, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
d = json.load(open(js))
assert d["rows_read"] == rows, d["rows_read"]
assert d["rows_read"] == d["rows_used"] + d["rows_review"]
assert d["rows_review"] == 2 * (rows // 1000), d["rows_review"]
# Per file too: the one diary's rows are all read, each used or in review.
files = d["files"]
assert len(files) == 1 and files[0]["rows"] == rows, files
assert files[0]["rows_used"] + files[0]["rows_review"] == rows, files
assert (files[0]["rows_used"], files[0]["rows_review"]) == (d["rows_used"], d["rows_review"]), files
z = zipfile.ZipFile(path)
wb = z.read("xl/workbook.xml").decode()
names = re.findall(r'<sheet name="([^"]+)" sheetId="(\d+)" r:id="(rId\d+)"', wb)
rels = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', z.read("xl/_rels/workbook.xml.rels").decode()))
def data_rows(name):
    rid = [r for n, _, r in names if n == name][0]
    count = 0
    with z.open("xl/" + rels[rid]) as f:
        tail = b""
        while True:
            block = f.read(1 << 20)
            if not block:
                break
            count += (tail + block).count(b"<row ")
            tail = block[-4:]
    return count - 1  # the header row
order = [n.replace("&amp;", "&") for n, _, _ in names]
assert order[:8] == ["Summary", "Diary", "Needs review", "Medications", "Activity & sweat",
                     "Charts", "Top sources", "About"], order
assert order[8:] == ["Diary (2)"], order
first, second = data_rows("Diary"), data_rows("Diary (2)")
assert first == 1048575, first
assert first + second == rows, (first, second)
assert data_rows("Needs review") == d["rows_review"]
print("ok big diary: %d rows = %d on Diary + %d on Diary (2); %d in review" % (rows, first, second, d["rows_review"]))
PY
