#!/bin/sh
# demo.sh: the main job on the bundled example. Analyses a week of a food
# diary (examples/diary.csv, with the custom foods of examples/custom_foods.csv)
# for a 68-year-old man and writes the annotated workbook. Run from the
# repository root:
#
#     sh examples/demo.sh build/kmgca [OUT.xlsx]   (this is what `make demo` does)
#
# Exits with kmgca's own status when it fails, 2 on bad usage.
set -u

kmgca=${1:-}
if [ -z "$kmgca" ] || ! command -v "$kmgca" >/dev/null 2>&1; then
    echo "usage: sh examples/demo.sh PATH/TO/kmgca [OUT.xlsx]   (run from the repository root)" >&2
    exit 2
fi
dir=$(dirname "$0")
out=${2:-build/demo-report.xlsx}
for f in "$dir/diary.csv" "$dir/custom_foods.csv"; do
    [ -r "$f" ] || { echo "demo.sh: cannot read $f" >&2; exit 2; }
done
mkdir -p "$(dirname "$out")" || exit 2

echo "kmgca demo: a week of food diary -> daily calcium, magnesium and potassium"
echo "$("$kmgca" --version) · USDA SR28 + FNDDS 2017-2018 tables, plus $dir/custom_foods.csv"
echo "These are food-table estimates. kmgca informs; it does not diagnose."
echo
echo "\$ kmgca analyse --foods $dir/custom_foods.csv --age 68 --sex m $dir/diary.csv -o $out"
"$kmgca" analyse --foods "$dir/custom_foods.csv" --age 68 --sex m "$dir/diary.csv" -o "$out" || exit $?
echo
echo "Open $out in LibreOffice Calc or Excel: Summary (traffic lights), Diary (a note on"
echo "every matched food says how it was matched and weighed), Needs review, Charts,"
echo "Top sources, About (sources, method, and when to see a doctor)."
echo
echo "One food at a time:"
echo "\$ kmgca food \"pumpkin seeds, roasted\" \"1 ounce\""
"$kmgca" food "pumpkin seeds, roasted" "1 ounce" | sed '/^  other candidates:/,$d'
