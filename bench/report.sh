#!/bin/sh
# report.sh — benchmark of `kmgca report` on a synthetic caseload. Called by
# `make bench-report` as: sh bench/report.sh BUILD_DIR
#
# Generates CLIENTS client folders (default 200) in a temporary folder, each
# with a profile.txt and DAYS days (default 90) of about 30 diary rows a day
# (bench/gen_diary.c makes one long diary, which is cut into one part per
# client, so the clients' rows differ); every other client also has a
# medication list (hydrochlorothiazide) and a day log of night cramps. Then
# ROUNDS rounds (default 3), interleaved, of
#   BUILD_DIR/kmgca report CASELOAD -o OUT -j 1 -q
#   BUILD_DIR/kmgca report CASELOAD -o OUT -j 2 -q
# each under bench/peak_rss.c (peak RSS and wall time of the whole process),
# and prints per -j the median, minimum and maximum wall time and the peak
# RSS, and the speed-up median(-j 1) / median(-j 2). Goals: a speed-up of
# 1.8 or more on two cores, and a peak RSS of 300 MB or less.
#
# Environment: CLIENTS, DAYS, ROUNDS, CC. Reports; exits 0 whatever the
# figures (1 when it cannot run at all). Not part of `make check`.
set -u
cd "$(dirname "$0")/.." || exit 1

B=${1:-build}
CLIENTS=${CLIENTS:-200}
DAYS=${DAYS:-90}
ROUNDS=${ROUNDS:-3}
CC=${CC:-cc}
KMGCA=$B/kmgca
GOAL_SPEEDUP=1.8
GOAL_RSS_MB=300

if [ ! -x "$KMGCA" ]; then
    echo "report.sh: $KMGCA is not built (make B=$B)" >&2
    exit 1
fi
mkdir -p "$B/bench"
for tool in peak_rss gen_diary; do
    if [ ! -x "$B/bench/$tool" ] || [ "bench/$tool.c" -nt "$B/bench/$tool" ]; then
        $CC -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -o "$B/bench/$tool" \
            "bench/$tool.c" || { echo "report.sh: cannot compile bench/$tool.c" >&2; exit 1; }
    fi
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kmgca-bench-report.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP

# ---- The caseload ------------------------------------------------------------
ROWS=$((CLIENTS * DAYS * 30))
echo "Generating $CLIENTS clients x $DAYS days x ~30 rows ($ROWS diary rows) ..."
"$B/bench/gen_diary" "$ROWS" "$tmp/all.csv" || exit 1
mkdir "$tmp/clients"
# One part per client: whole days only, about DAYS days each.
awk -F, -v dir="$tmp/clients" -v clients="$CLIENTS" -v days="$DAYS" '
    NR == 1 { header = $0; next }
    {
        d = $1
        if (d != last) { ndays++; last = d }
        c = int((ndays - 1) / days)
        if (c >= clients) c = clients - 1
        f = sprintf("%s/client%03d/diary.csv", dir, c + 1)
        if (!(f in seen)) {
            seen[f] = 1
            system(sprintf("mkdir -p %s/client%03d", dir, c + 1))
            print header > f
        }
        print >> f
        close(f)
    }' "$tmp/all.csv"
rm -f "$tmp/all.csv"
i=0
for d in "$tmp"/clients/*/; do
    i=$((i + 1))
    sex=$([ $((i % 2)) = 0 ] && echo f || echo m)
    printf 'name: Client %03d\nage: %d\nsex: %s\nbody mass: %d kg\n' "$i" $((25 + i % 50)) "$sex" \
        $((55 + i % 40)) >"$d/profile.txt"
    if [ $((i % 2)) = 1 ]; then
        printf 'drug,dose,start,end\nhydrochlorothiazide 25 mg,daily,,\n' >"$d/meds.csv"
        first=$(sed -n 2p "$d/diary.csv" | cut -d, -f1 | tr -d '"')
        printf 'date,cramps,severity\n%s,1,5\n' "$first" >"$d/daylog.csv"
    fi
done
echo "Caseload: $(ls "$tmp/clients" | wc -l) client folders, $(du -sh "$tmp/clients" | cut -f1)"

# ---- Runs --------------------------------------------------------------------
: >"$tmp/j1"
: >"$tmp/j2"
r=1
while [ $r -le "$ROUNDS" ]; do
    for j in 1 2; do
        rm -rf "$tmp/out"
        line=$("$B/bench/peak_rss" "$KMGCA" report "$tmp/clients" -o "$tmp/out" -j $j -q)
        st=$?
        if [ $st != 0 ]; then
            echo "report.sh: kmgca report -j $j exited $st" >&2
        fi
        echo "$line" >>"$tmp/j$j"
        set -- $line
        printf 'round %d  -j %d  %7.2f s  peak RSS %6.1f MB\n' $r $j \
            "$(echo "$2" | awk '{print $1 / 1e9}')" "$(echo "$1" | awk '{print $1 / 1024}')"
    done
    r=$((r + 1))
done
made=$(ls "$tmp/out" | grep -c '\.xlsx$')
echo "Workbooks written in the last run: $made (clients + index)"

# stats FILE: median, min, max seconds and the largest peak RSS in MB.
stats() {
    awk '{ t[NR] = $2 / 1e9; if ($1 > rss) rss = $1 }
         END {
             n = NR
             for (i = 1; i <= n; i++) for (k = i + 1; k <= n; k++) if (t[k] < t[i]) { x = t[i]; t[i] = t[k]; t[k] = x }
             med = n % 2 ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
             printf "%.3f %.3f %.3f %.1f\n", med, t[1], t[n], rss / 1024
         }' "$1"
}
set -- $(stats "$tmp/j1")
m1=$1 min1=$2 max1=$3 rss1=$4
set -- $(stats "$tmp/j2")
m2=$1 min2=$2 max2=$3 rss2=$4
echo
echo "kmgca report, $CLIENTS clients x $DAYS days, $ROUNDS rounds (online CPUs: $(getconf _NPROCESSORS_ONLN))"
printf '  -j 1: median %.2f s (min %.2f, max %.2f), peak RSS %.1f MB\n' "$m1" "$min1" "$max1" "$rss1"
printf '  -j 2: median %.2f s (min %.2f, max %.2f), peak RSS %.1f MB\n' "$m2" "$min2" "$max2" "$rss2"
awk -v a="$m1" -v b="$m2" -v g="$GOAL_SPEEDUP" -v r1="$rss1" -v r2="$rss2" -v gr="$GOAL_RSS_MB" 'BEGIN {
    s = a / b
    printf "  speed-up -j 1 / -j 2: %.2fx (goal >= %.1fx: %s)\n", s, g, (s >= g) ? "met" : "NOT met"
    m = (r1 > r2) ? r1 : r2
    printf "  peak RSS: %.1f MB (goal <= %d MB: %s)\n", m, gr, (m <= gr) ? "met" : "NOT met"
}'
exit 0
