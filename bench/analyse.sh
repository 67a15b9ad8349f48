#!/bin/sh
# analyse.sh — benchmark of `kmgca analyse` on large diaries, against a floor
# and pandas. Called by `make bench-analyse` as: sh bench/analyse.sh BUILD_DIR
#
# Compiles into BUILD_DIR/bench/ (when missing or older than their source):
#   gen_diary  the deterministic synthetic diary (bench/gen_diary.c);
#   floor      libcsv in, libxlsxwriter (constant memory) out, 19 columns a row,
#              no analysis: the least any such program can take (bench/floor.c);
#              run as given (constant cells) and with --varied (cells that
#              change from row to row as a real report's do, so they deflate
#              as slowly; reported beside it, the goal is against the first);
#   peak_rss   fork/exec/wait4: peak RSS and wall time of one run (bench/peak_rss.c).
# Then for each diary size (ROWS, default "100000 1000000") it generates the
# diary and runs ROUNDS (default 5) interleaved rounds of
#   floor DIARY OUT.xlsx
#   floor --varied DIARY OUT.xlsx
#   BUILD_DIR/kmgca analyse DIARY -o OUT.xlsx --quiet
#   python3 bench/pandas_baseline.py foodtables/foods.csv DIARY OUT.xlsx
# and prints, per program, the median, p90 and minimum wall time and the
# peak RSS, the ratios kmgca/floor and pandas/kmgca, and kmgca's peak RSS at
# each size (it should not grow with the row count).
#
# Parts that cannot run are skipped with a message: kmgca when
# `kmgca analyse` does not exist yet (or writes no workbook), pandas when
# python3-pandas or python3-xlsxwriter is not installed. pandas is slow on
# large diaries, so it only starts another round while its total time at that
# size stays within PANDAS_BUDGET seconds (default 180; at least one run).
#
# Environment: ROWS, ROUNDS, PANDAS_BUDGET, CC, PYTHON (default /usr/bin/python3).
# Outputs go to a temporary folder, removed at the end. Reports; exits 0
# whatever the figures.
set -u
cd "$(dirname "$0")/.." || exit 0

B=${1:-build}
ROWS=${ROWS:-100000 1000000}
ROUNDS=${ROUNDS:-5}
PANDAS_BUDGET=${PANDAS_BUDGET:-180}
CC=${CC:-cc}
PYTHON=${PYTHON:-/usr/bin/python3}
KMGCA=$B/kmgca
FOODS=foodtables/foods.csv
GOAL_RATIO=1.3
GOAL_RSS_MB=64
GOAL_FLAT=1.10   # peak RSS at the largest size / at the smallest
MAX_ROWS=1048575 # an xlsx sheet has 1,048,576 rows, one is the header

T_START=$(date +%s)
mkdir -p "$B/bench"
CFLAGS_BENCH="-std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra"

# build NAME SOURCE [LIBS...]: compiles bench/SOURCE into $B/bench/NAME when
# missing or stale; returns non-zero (after the compiler's messages) on failure.
build() {
    name=$1 src=$2
    shift 2
    # shellcheck disable=SC3013 # -nt: in dash, bash and busybox sh, as in run.sh
    if [ ! -x "$B/bench/$name" ] || [ "$src" -nt "$B/bench/$name" ]; then
        # shellcheck disable=SC2086
        $CC $CFLAGS_BENCH -o "$B/bench/$name" "$src" "$@" || return 1
    fi
    return 0
}

if ! build peak_rss bench/peak_rss.c || ! build gen_diary bench/gen_diary.c; then
    echo "analyse.sh: cannot compile bench/peak_rss.c or bench/gen_diary.c with $CC; nothing measured" >&2
    exit 0
fi
HELPER=$B/bench/peak_rss
GEN=$B/bench/gen_diary

XLSX_CFLAGS=$(pkg-config --cflags xlsxwriter 2>/dev/null)
XLSX_LIBS=$(pkg-config --libs xlsxwriter 2>/dev/null || echo "-lxlsxwriter -lz")
HAVE_FLOOR=1
# shellcheck disable=SC2086
if ! build floor bench/floor.c $XLSX_CFLAGS -lcsv -lm $XLSX_LIBS; then
    echo "analyse.sh: cannot compile bench/floor.c (needs libcsv-dev and libxlsxwriter-dev); floor skipped" >&2
    HAVE_FLOOR=0
fi
FLOOR=$B/bench/floor

tmp=$(mktemp -d 2>/dev/null || echo "${TMPDIR:-/tmp}/kmgca-bench-analyse.$$")
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# Is `kmgca analyse` there? It is if it writes a workbook for a small diary.
HAVE_KMGCA=0
if [ ! -x "$KMGCA" ]; then
    KMGCA_WHY="$KMGCA is missing (run \`make\`)"
else
    "$GEN" 50 "$tmp/probe.csv"
    "$KMGCA" analyse "$tmp/probe.csv" -o "$tmp/probe.xlsx" --quiet >"$tmp/probe.out" 2>&1
    st=$?
    if [ -s "$tmp/probe.xlsx" ]; then
        HAVE_KMGCA=1
        [ "$st" -eq 0 ] || echo "note: \`kmgca analyse\` exited with status $st on a 50-row diary but wrote its workbook"
    else
        KMGCA_WHY="\`$KMGCA analyse\` wrote no workbook for a 50-row diary (exit status $st: $(head -n 1 "$tmp/probe.out"))"
    fi
fi

HAVE_PANDAS=0
if PANDAS_VERSION=$("$PYTHON" -c 'import pandas, xlsxwriter; print("pandas", pandas.__version__, "+ XlsxWriter", xlsxwriter.__version__)' 2>/dev/null); then
    HAVE_PANDAS=1
fi

echo "== kmgca analyse: large diaries against a floor and pandas =="
echo "  machine: $(nproc 2>/dev/null || echo '?') CPUs; sizes: $ROWS rows; $ROUNDS rounds"
if [ "$HAVE_FLOOR" -eq 1 ]; then
    echo "  floor:  $FLOOR (libcsv + libxlsxwriter constant memory, 19 columns, 17 cells a row, no analysis;"
    echo "          --varied: the same cells with values that change from row to row)"
else
    echo "  floor:  skipped (cannot compile bench/floor.c)"
fi
if [ "$HAVE_KMGCA" -eq 1 ]; then
    echo "  kmgca:  $KMGCA analyse DIARY -o OUT.xlsx --quiet"
else
    echo "  kmgca:  SKIPPED: $KMGCA_WHY"
fi
if [ "$HAVE_PANDAS" -eq 1 ]; then
    echo "  pandas: $PYTHON bench/pandas_baseline.py ($PANDAS_VERSION); at most ${PANDAS_BUDGET} s of pandas runs per size"
else
    echo "  pandas: SKIPPED: $PYTHON cannot import pandas and xlsxwriter (Debian: apt-get install python3-pandas python3-xlsxwriter)"
fi
echo

# run_one NAME N CMD...: one timed run; its output workbook is $tmp/NAME.xlsx.
# Appends "KB NS" to $tmp/NAME.N when the workbook was written, else counts a
# failure; remembers the workbook's size from the first run, then removes it.
run_one() {
    name=$1 n=$2
    shift 2
    rm -f "$tmp/$name.xlsx"
    line=$("$HELPER" "$@")
    st=$?
    if [ -s "$tmp/$name.xlsx" ]; then
        echo "$line" >>"$tmp/$name.$n"
        [ -f "$tmp/$name.$n.size" ] || wc -c <"$tmp/$name.xlsx" >"$tmp/$name.$n.size"
        [ "$st" -eq 0 ] || echo "$st" >>"$tmp/$name.$n.status"
    else
        echo "$st" >>"$tmp/$name.$n.failed"
    fi
    rm -f "$tmp/$name.xlsx"
    LAST_NS=$(echo "$line" | awk '{ print $2 + 0 }')
}

# stats FILE: "runs median p90 min" in seconds and "peak" in MB (max ru_maxrss).
stats() {
    sort -k2,2n "$1" | awk '
        { ns[NR] = $2; if ($1 > kb) kb = $1 }
        END {
            printf "%d %.2f %.2f %.2f %.1f", NR, ns[int((NR + 1) / 2)] / 1e9,
                ns[int(0.9 * NR + 0.999999)] / 1e9, ns[1] / 1e9, kb / 1024
        }'
}

# row NAME LABEL N: one line of the table for a program, or why it has none.
row() {
    f=$tmp/$1.$3
    if [ -s "$f" ]; then
        # shellcheck disable=SC2046 # split on purpose
        set -- "$1" "$2" "$3" $(stats "$f")
        size=$(awk '{ printf "%.1f MB", $1 / 1048576 }' "$tmp/$1.$3.size")
        printf '  %-14s %4s %8s s %8s s %8s s %8s MB %10s\n' "$2" "$4" "$5" "$6" "$7" "$8" "$size"
    else
        printf '  %-14s %s\n' "$2" "no successful run"
    fi
    if [ -s "$tmp/$1.$3.failed" ]; then
        printf '  %-14s %s\n' "" "$(wc -l <"$tmp/$1.$3.failed") run(s) wrote no workbook (exit status $(sort -u "$tmp/$1.$3.failed" | tr '\n' ' ')); not counted"
    fi
    if [ -s "$tmp/$1.$3.status" ]; then
        printf '  %-14s %s\n' "" "note: exit status $(sort -u "$tmp/$1.$3.status" | tr '\n' ' ')in $(wc -l <"$tmp/$1.$3.status") counted run(s)"
    fi
}

# median NAME N: median seconds of a program at a size, or empty.
median() {
    [ -s "$tmp/$1.$2" ] && stats "$tmp/$1.$2" | awk '{ print $2 }'
}
peak_mb() {
    [ -s "$tmp/$1.$2" ] && stats "$tmp/$1.$2" | awk '{ print $5 }'
}

SIZES=
for n in $ROWS; do
    case $n in
    '' | *[!0-9]*)
        echo "analyse.sh: ROWS must hold whole numbers, not \"$n\"; skipped" >&2
        continue
        ;;
    esac
    if [ "$n" -gt "$MAX_ROWS" ]; then
        echo "analyse.sh: $n rows do not fit on one xlsx sheet (at most $MAX_ROWS rows and a header); skipped" >&2
        continue
    fi
    SIZES="$SIZES $n"
    diary=$tmp/diary_$n.csv
    "$GEN" "$n" "$diary" || { echo "analyse.sh: gen_diary $n failed" >&2; continue; }
    mb=$(wc -c <"$diary" | awk '{ printf "%.1f", $1 / 1048576 }')
    echo "== $n rows (diary $mb MB; $ROUNDS rounds, interleaved: floor, floor --varied, kmgca analyse, pandas) =="
    pandas_ns=0
    pandas_last=0
    r=0
    while [ "$r" -lt "$ROUNDS" ]; do
        [ "$HAVE_FLOOR" -eq 0 ] || run_one floor "$n" "$FLOOR" "$diary" "$tmp/floor.xlsx"
        [ "$HAVE_FLOOR" -eq 0 ] || run_one varied "$n" "$FLOOR" --varied "$diary" "$tmp/varied.xlsx"
        [ "$HAVE_KMGCA" -eq 0 ] || run_one kmgca "$n" "$KMGCA" analyse "$diary" -o "$tmp/kmgca.xlsx" --quiet
        if [ "$HAVE_PANDAS" -eq 1 ]; then
            if [ "$r" -eq 0 ] || awk -v s="$pandas_ns" -v l="$pandas_last" -v b="$PANDAS_BUDGET" \
                'BEGIN { exit !((s + l) / 1e9 <= b) }'; then
                run_one pandas "$n" "$PYTHON" bench/pandas_baseline.py "$FOODS" "$diary" "$tmp/pandas.xlsx"
                pandas_last=$LAST_NS
                pandas_ns=$(awk -v s="$pandas_ns" -v l="$LAST_NS" 'BEGIN { printf "%.0f", s + l }')
            fi
        fi
        r=$((r + 1))
    done
    rm -f "$diary"
    printf '  %-14s %4s %10s %10s %10s %11s %10s\n' "program" "runs" "median" "p90" "min" "peak RSS" "xlsx"
    [ "$HAVE_FLOOR" -eq 0 ] || row floor "floor" "$n"
    [ "$HAVE_FLOOR" -eq 0 ] || row varied "floor --varied" "$n"
    [ "$HAVE_KMGCA" -eq 0 ] || row kmgca "kmgca analyse" "$n"
    [ "$HAVE_PANDAS" -eq 0 ] || row pandas "pandas" "$n"
    f_med=$(median floor "$n")
    k_med=$(median kmgca "$n")
    p_med=$(median pandas "$n")
    if [ -n "$k_med" ] && [ -n "$f_med" ]; then
        awk -v k="$k_med" -v f="$f_med" -v g="$GOAL_RATIO" 'BEGIN {
            printf "  kmgca / floor (medians):  %.2f   (goal <= %s)\n", k / f, g }'
    else
        echo "  kmgca / floor (medians):  n/a"
    fi
    v_med=$(median varied "$n")
    if [ -n "$k_med" ] && [ -n "$v_med" ] && [ -n "$f_med" ]; then
        awk -v k="$k_med" -v v="$v_med" -v f="$f_med" 'BEGIN {
            printf "  kmgca / floor --varied:   %.2f   (floor --varied / floor: %.2f)\n", k / v, v / f }'
    fi
    if [ -n "$p_med" ] && [ -n "$k_med" ]; then
        awk -v p="$p_med" -v k="$k_med" 'BEGIN { printf "  pandas / kmgca (medians): %.1f\n", p / k }'
    elif [ -n "$p_med" ] && [ -n "$f_med" ]; then
        awk -v p="$p_med" -v f="$f_med" 'BEGIN { printf "  pandas / kmgca (medians): n/a; pandas / floor: %.1f\n", p / f }'
    fi
    echo
done

echo "== peak RSS by diary size (goal: kmgca <= $GOAL_RSS_MB MB, flat in the row count) =="
for n in $SIZES; do
    printf '  %9s rows:  kmgca %8s MB   floor %8s MB   pandas %8s MB\n' "$n" \
        "$(peak_mb kmgca "$n" || echo -)" "$(peak_mb floor "$n" || echo -)" "$(peak_mb pandas "$n" || echo -)"
done
echo

# Goals, one line each, as in run.sh.
for n in $SIZES; do
    k_med=$(median kmgca "$n")
    f_med=$(median floor "$n")
    if [ -n "$k_med" ] && [ -n "$f_med" ]; then
        awk -v k="$k_med" -v f="$f_med" -v g="$GOAL_RATIO" -v n="$n" 'BEGIN {
            r = k / f; printf "goal analyse_time_vs_floor_%s_rows <= %s: %s (%.2f)\n", n, g, (r <= g ? "PASS" : "FAIL"), r }'
    else
        echo "goal analyse_time_vs_floor_${n}_rows <= $GOAL_RATIO: not measured"
    fi
done
worst=
first_n=
last_n=
for n in $SIZES; do
    mb=$(peak_mb kmgca "$n") || continue
    [ -n "$first_n" ] || first_n=$n
    last_n=$n
    worst=$(awk -v a="${worst:-0}" -v b="$mb" 'BEGIN { print (b > a ? b : a) }')
done
if [ -n "$worst" ]; then
    awk -v v="$worst" -v g="$GOAL_RSS_MB" 'BEGIN {
        printf "goal analyse_peak_rss_mb <= %s: %s (%.1f, largest over the sizes)\n", g, (v <= g ? "PASS" : "FAIL"), v }'
else
    echo "goal analyse_peak_rss_mb <= $GOAL_RSS_MB: not measured"
fi
if [ -n "$first_n" ] && [ "$first_n" != "$last_n" ]; then
    awk -v a="$(peak_mb kmgca "$first_n")" -v b="$(peak_mb kmgca "$last_n")" -v g="$GOAL_FLAT" \
        -v s="$first_n" -v l="$last_n" 'BEGIN {
        r = b / a; printf "goal analyse_rss_flat (%s rows / %s rows) <= %s: %s (%.2f)\n", l, s, g, (r <= g ? "PASS" : "FAIL"), r }'
else
    echo "goal analyse_rss_flat <= $GOAL_FLAT: not measured (needs kmgca at two sizes or more)"
fi
echo "analyse.sh: done in $(($(date +%s) - T_START)) s"
exit 0
