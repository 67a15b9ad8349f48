#!/bin/sh
# bigfile.sh — memory and time of `kmgca analyse` on a diary of about 1 GB.
#
#     sh bench/bigfile.sh BUILD/kmgca          (or: make bench-bigfile)
#     SIZE_MB=256 WORKBOOK=1 sh bench/bigfile.sh build/kmgca
#
# Writes a generic diary of SIZE_MB megabytes (default 1024) into a temporary
# folder: 100,800 days (years 1901 to 2199, days 1 to 28), as many rows a day
# as the size needs, a dozen foods with amounts in grams and household
# measures, one row in 1,000 an unknown food with its own number (so the
# match memo and the review stream see distinct texts) and one in 5,000 an
# impossible date. Then runs, each once, under /usr/bin/time (or bench's
# peak_rss helper):
#   analyse -q DIARY                the reading and the sums, no output
#   analyse --json DIARY            the JSON (review rows stream) to /dev/null
#   analyse -q DIARY -o OUT.xlsx    only with WORKBOOK=1: about 30 Diary sheets
# and prints wall time, peak RSS and rows per second for each; peak RSS must
# not grow with the file (compare SIZE_MB=64 with the default). The folder is
# removed at the end. Reports; exits 0 unless kmgca fails or a run's rows do
# not add up (read = used + in review, and rows read = rows written).
set -u
if [ $# != 1 ]; then
    echo "usage: bigfile.sh KMGCA_BINARY" >&2
    exit 2
fi
KMGCA=$1
SIZE_MB=${SIZE_MB:-1024}
WORKBOOK=${WORKBOOK:-0}
PYTHON=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kmgca-bigfile.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP

echo "bigfile: writing a diary of about $SIZE_MB MB into $tmp ..."
start=$(date +%s)
awk -v mb="$SIZE_MB" 'BEGIN {
    n = split("banana,1,medium|\"Nuts, almonds\",30,g|milk,1,cup|spinach boiled,100,g|" \
              "2 slices whole wheat bread,,|lentils boiled,1,cup|yogurt plain,150,g|" \
              "apple,1,medium|\"Salmon, cooked\",120,g|rice cooked,1,cup|" \
              "pumpkin seeds roasted,1,oz|orange juice,250,ml", food, "|")
    per_day = int(mb * 1048576 / 31 / 100800) + 1
    print "date,food,amount,unit"
    i = 0; bytes = 0; limit = mb * 1048576
    for (y = 1901; y <= 2199 && bytes < limit; y++)
        for (m = 1; m <= 12 && bytes < limit; m++)
            for (d = 1; d <= 28 && bytes < limit; d++) {
                date = sprintf("%04d-%02d-%02d", y, m, d)
                for (k = 0; k < per_day; k++) {
                    i++
                    if (i % 5000 == 0) line = sprintf("%04d-02-30,banana,1,medium", y)
                    else if (i % 1000 == 0) line = sprintf("%s,food item %d,1,cup", date, i)
                    else line = date "," food[1 + i % n]
                    print line
                    bytes += length(line) + 1
                }
            }
}' >"$tmp/big.csv" || { echo "bigfile: cannot write the diary"; exit 1; }
size=$(wc -c <"$tmp/big.csv")
rows=$(($(wc -l <"$tmp/big.csv") - 1))
echo "bigfile: $size bytes, $rows rows, written in $(($(date +%s) - start)) s"

# measure NAME ARGS...: one run; prints time, peak RSS and rows a second.
measure() {
    name=$1
    shift
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%e %M" -o "$tmp/time" "$KMGCA" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
        got=$?
        secs=$(cut -d' ' -f1 "$tmp/time" | tail -1)
        kb=$(cut -d' ' -f2 "$tmp/time" | tail -1)
    else
        start_ns=$(date +%s%N)
        "$KMGCA" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
        got=$?
        secs=$(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
        kb=0 # peak RSS unknown without /usr/bin/time
    fi
    if [ $got != 0 ]; then
        echo "bigfile: FAIL $name: kmgca exit $got: $(head -c 300 "$tmp/$name.err")"
        fail=1
        return
    fi
    awk -v n="$name" -v s="$secs" -v k="$kb" -v r="$rows" 'BEGIN {
        printf "bigfile: %-9s %8.1f s  peak RSS %7.1f MB  %9.0f rows/s\n", n, s, k / 1024, (s > 0 ? r / s : 0) }'
}

fail=0
measure summary analyse -q "$tmp/big.csv"
measure json analyse --json "$tmp/big.csv"
if [ $fail = 0 ]; then
    "$PYTHON" - "$tmp/json.out" "$rows" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
rows = int(sys.argv[2])
ok = (d["rows_read"] == rows == d["rows_used"] + d["rows_review"] == d["files"][0]["rows"]
      and len(d["review"]) == d["rows_review"])
print("bigfile: json      rows read %d = %d used + %d in review, %d days: %s"
      % (d["rows_read"], d["rows_used"], d["rows_review"], len(d["days"]), "ok" if ok else "FAIL"))
sys.exit(0 if ok else 1)
PY
fi
rm -f "$tmp/json.out"
if [ "$WORKBOOK" = 1 ]; then
    measure workbook analyse -q "$tmp/big.csv" -o "$tmp/big.xlsx"
    [ -f "$tmp/big.xlsx" ] && echo "bigfile: workbook  $(wc -c <"$tmp/big.xlsx") bytes"
fi
exit $fail
