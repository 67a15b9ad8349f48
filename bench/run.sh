#!/bin/sh
# run.sh — the kmgca benchmarks. Called by `make bench` as: sh bench/run.sh BUILD_DIR
#
# Builds nothing of kmgca itself (the Makefile builds BUILD_DIR/kmgca and
# BUILD_DIR/bench/bench_match first); only compiles the small helper
# bench/peak_rss.c. Then:
#   1. runs BUILD_DIR/bench/bench_match (index build, new and memoised matching)
#      and BUILD_DIR/bench/bench_serving (finding and reading servings);
#   2. times the start of `kmgca food banana "1 medium"` over RUNS runs,
#      interleaved with as many runs of /bin/true as the same-run baseline;
#   3. measures the peak RSS of that command.
# Reports medians and p90s; exits 0 whatever the figures (it reports, it does
# not test). RUNS (default 31) may be set in the environment.
set -u
cd "$(dirname "$0")/.." || exit 0

B=${1:-build}
RUNS=${RUNS:-31}
CC=${CC:-cc}
KMGCA=$B/kmgca
HELPER=$B/bench/peak_rss

if [ ! -x "$KMGCA" ] || [ ! -x "$B/bench/bench_match" ]; then
    echo "run.sh: $KMGCA or $B/bench/bench_match is missing; run \`make bench\`" >&2
    exit 0
fi

echo "== bench_match =="
"$B/bench/bench_match"
echo
if [ -x "$B/bench/bench_serving" ]; then
    echo "== bench_serving =="
    "$B/bench/bench_serving" tests/servings 5
    echo
fi

# The helper: fork/exec/wait4, prints "MAXRSS_KB WALL_NS".
mkdir -p "$B/bench"
if [ ! -x "$HELPER" ] || [ bench/peak_rss.c -nt "$HELPER" ]; then
    "$CC" -O2 -o "$HELPER" bench/peak_rss.c 2>/dev/null || HELPER=
fi

tmp=$(mktemp -d 2>/dev/null || echo "${TMPDIR:-/tmp}/kmgca-bench.$$")
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT INT TERM

# One timed run of a command: appends "KB NS" to a file.
run_once() {
    out=$1
    shift
    if [ -n "$HELPER" ]; then
        "$HELPER" "$@" >>"$out" || true
    else
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        t1=$(date +%s%N)
        echo "0 $((t1 - t0))" >>"$out"
    fi
}

# median and p90 (nearest rank) in ms of the second column of a file.
stats_ms() {
    awk '{ print $2 }' "$1" | sort -n | awk '
        { v[NR] = $1 }
        END {
            m = v[int((NR + 1) / 2)]
            p = v[int(0.9 * NR + 0.999999)]
            printf "%.2f %.2f %.2f", m / 1e6, p / 1e6, v[1] / 1e6
        }'
}

echo "== cold start: $KMGCA food banana \"1 medium\" ($RUNS runs, /bin/true interleaved) =="
[ -n "$HELPER" ] || echo "  (no C compiler for the helper: timing with date +%s%N, coarser)"
: >"$tmp/kmgca"
: >"$tmp/true"
# One untimed run first so the binary is in the page cache for every timed run.
"$KMGCA" food banana "1 medium" >/dev/null 2>&1 || true
i=0
while [ "$i" -lt "$RUNS" ]; do
    run_once "$tmp/true" /bin/true
    run_once "$tmp/kmgca" "$KMGCA" food banana "1 medium"
    i=$((i + 1))
done
set -- $(stats_ms "$tmp/kmgca")
k_med=$1 k_p90=$2 k_min=$3
set -- $(stats_ms "$tmp/true")
t_med=$1 t_p90=$2 t_min=$3
printf '  %-34s %10s %10s %10s\n' "command" "median" "p90" "min"
printf '  %-34s %7s ms %7s ms %7s ms\n' "kmgca food banana \"1 medium\"" "$k_med" "$k_p90" "$k_min"
printf '  %-34s %7s ms %7s ms %7s ms\n' "baseline: /bin/true" "$t_med" "$t_p90" "$t_min"
awk -v k="$k_med" -v t="$t_med" 'BEGIN {
    printf "  kmgca minus process start (medians): %.2f ms; ratio kmgca / true: %.1f\n", k - t, (t > 0 ? k / t : 0) }'
echo

echo "== peak RSS: $KMGCA food banana \"1 medium\" =="
rss_kb=
if [ -n "$HELPER" ]; then
    rss_kb=$(awk '{ print $1 }' "$tmp/kmgca" | sort -n | tail -n 1)
    true_kb=$(awk '{ print $1 }' "$tmp/true" | sort -n | tail -n 1)
    echo "  kmgca ${rss_kb} KiB (max over $RUNS runs, ru_maxrss from wait4); /bin/true ${true_kb} KiB"
elif [ -x /usr/bin/time ]; then
    rss_kb=$(/usr/bin/time -f %M "$KMGCA" food banana "1 medium" 2>&1 >/dev/null | tail -n 1)
    echo "  kmgca ${rss_kb} KiB (/usr/bin/time -f %M)"
else
    echo "  no helper and no /usr/bin/time: peak RSS not measured"
fi
echo

awk -v v="$k_med" 'BEGIN { printf "goal cold_start_median_ms <= 20: %s (%.2f)\n", (v <= 20 ? "PASS" : "FAIL"), v }'
if [ -n "$rss_kb" ]; then
    awk -v v="$rss_kb" 'BEGIN { mb = v / 1024; printf "goal peak_rss_mb <= 30: %s (%.1f)\n", (mb <= 30 ? "PASS" : "FAIL"), mb }'
else
    echo "goal peak_rss_mb <= 30: not measured"
fi
exit 0
