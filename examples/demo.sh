#!/bin/sh
# demo.sh: looks up every line of examples/foods.txt with kmgca and ends with
# a summary table. Run from the repository root:
#
#     sh examples/demo.sh build/kmgca        (this is what `make demo` does)
#
# POSIX sh and awk only. Exits 1 if any lookup fails, 2 on bad usage.
set -u

kmgca=${1:-}
if [ -z "$kmgca" ] || ! command -v "$kmgca" >/dev/null 2>&1; then
    echo "usage: sh examples/demo.sh PATH/TO/kmgca   (run from the repository root)" >&2
    exit 2
fi
dir=$(dirname "$0")
list=$dir/foods.txt
custom=$dir/custom_foods.csv
for f in "$list" "$custom"; do
    [ -r "$f" ] || { echo "demo.sh: cannot read $f" >&2; exit 2; }
done

rows=$(mktemp) || exit 2
errs=$(mktemp) || { rm -f "$rows"; exit 2; }
trap 'rm -f "$rows" "$errs"' EXIT
trap 'exit 130' INT TERM

echo "kmgca demo: calcium, magnesium and potassium in everyday servings"
echo "$("$kmgca" --version) · USDA SR28 + FNDDS 2017-2018 tables, plus $custom"
echo "These are food-table estimates. kmgca informs; it does not diagnose."
echo

failed=0
n=0
while IFS='|' read -r food serving; do
    case $food in '' | '#'*) continue ;; esac
    n=$((n + 1))
    # How the text was matched and weighed: the human-readable answer up to
    # its mineral table (the summary below has the numbers). A failed lookup
    # shows all of it, error included, without the runner-up candidates.
    out=$("$kmgca" food --foods "$custom" -- "$food" "$serving" 2>"$errs" </dev/null)
    rc=$?
    if [ "$rc" -eq 0 ]; then
        printf "%s\n" "$out" | sed '/^$/,$d'
        echo
    else
        if [ -n "$out" ]; then
            printf "%s\n" "$out" | sed -e '/^  other candidates:/,$d' -e '/^$/d'
        else
            printf "%s — %s\n" "$food" "$serving"
        fi
        sed 's/^/  /' "$errs"
        echo "  -> lookup failed (exit status $rc)"
        echo
        failed=$((failed + 1))
        printf '%s\t%s\tFAILED\t\t\t\n' "$food" "$serving" >>"$rows"
        continue
    fi
    # The same lookup as JSON. Each key is on its own line; the serving's
    # own keys are indented by two spaces, the nested per_100g ones by four.
    "$kmgca" food --json --foods "$custom" -- "$food" "$serving" </dev/null 2>/dev/null |
        food=$food serving=$serving awk '
            function num(line) {
                sub(/^[^:]*:[ ]*/, "", line); sub(/,[ ]*$/, "", line)
                return line
            }
            /^  "grams":/ && g == ""  { g = num($0) }
            /^  "ca_mg":/ && ca == "" { ca = num($0) }
            /^  "mg_mg":/ && mg == "" { mg = num($0) }
            /^  "k_mg":/  && k == ""  { k = num($0) }
            END { printf "%s\t%s\t%s\t%s\t%s\t%s\n", ENVIRON["food"], ENVIRON["serving"], g, ca, mg, k }
        ' >>"$rows"
done <"$list"

echo "Summary (mg in each serving; n/a = not measured in the table)"
echo
# Pads by display width: CJK characters take two columns, bytes are counted
# in the C locale so that any awk behaves the same.
LC_ALL=C awk -F '\t' '
    function width(s,   i, c, w) {
        w = 0
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (c < "\200") w++                          # ASCII
            else if (c >= "\300" && c < "\343") w++      # 2-byte, and U+2000-U+2FFF
            else if (c >= "\343") w += 2                 # CJK and full-width forms
        }
        return w
    }
    function pad(s, n) { while (width(s) < n) s = s " "; return s }
    function mgs(v) { return v == "" || v == "null" ? "n/a" : sprintf("%.0f", v) }
    { food[NR] = $1; serv[NR] = $2; g[NR] = $3; ca[NR] = $4; mg[NR] = $5; k[NR] = $6
      if (width($1) > fw) fw = width($1)
      if (width($2) > sw) sw = width($2) }
    END {
        if (fw < 4) fw = 4
        if (sw < 7) sw = 7
        line = pad("food", fw) "  " pad("serving", sw) sprintf("  %7s %6s %6s %6s", "grams", "Ca", "Mg", "K")
        print line
        rule = ""; while (length(rule) < width(line)) rule = rule "-"
        print rule
        for (i = 1; i <= NR; i++) {
            if (g[i] == "FAILED") {
                print pad(food[i], fw) "  " pad(serv[i], sw) "  lookup failed"
                continue
            }
            printf "%s  %s  %7.0f %6s %6s %6s\n", pad(food[i], fw), pad(serv[i], sw), g[i], mgs(ca[i]), mgs(mg[i]), mgs(k[i])
            if (ca[i] == "null") xca = "*"; else tca += ca[i]
            if (mg[i] == "null") xmg = "*"; else tmg += mg[i]
            if (k[i] == "null") xk = "*"; else tk += k[i]
        }
        print rule
        printf "%s  %s  %7s %6s %6s %6s\n", pad("all of the above", fw), pad("", sw), "", sprintf("%.0f", tca) xca, sprintf("%.0f", tmg) xmg, sprintf("%.0f", tk) xk
        if (xca xmg xk != "") print "* leaves out foods for which the table has no value"
    }
' "$rows"

echo
if [ "$failed" -ne 0 ]; then
    echo "demo: $failed of $n lookups failed" >&2
    exit 1
fi
echo "demo: all $n lookups succeeded"
