#!/bin/sh
# demo.sh: the main job on the bundled example. Analyses a week of a food
# diary (examples/diary.csv, with the custom foods of examples/custom_foods.csv)
# for a 68-year-old man on hydrochlorothiazide (examples/meds.csv) who played
# tennis and gardened in the heat (examples/activity.csv), and writes the
# annotated workbook. Run from the
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
for f in "$dir/diary.csv" "$dir/custom_foods.csv" "$dir/meds.csv" "$dir/activity.csv"; do
    [ -r "$f" ] || { echo "demo.sh: cannot read $f" >&2; exit 2; }
done
mkdir -p "$(dirname "$out")" || exit 2

echo "kmgca demo: a week of food diary, medications and activity -> daily calcium, magnesium and potassium, with flags"
echo "$("$kmgca" --version) · USDA SR28 + FNDDS 2017-2018 tables, plus $dir/custom_foods.csv"
echo "These are food-table estimates. kmgca informs; it does not diagnose."
echo
echo "\$ kmgca analyse --foods $dir/custom_foods.csv --meds $dir/meds.csv --activity $dir/activity.csv --age 68 --sex m $dir/diary.csv -o $out"
"$kmgca" analyse --foods "$dir/custom_foods.csv" --meds "$dir/meds.csv" --activity "$dir/activity.csv" \
    --age 68 --sex m "$dir/diary.csv" -o "$out" || exit $?
echo
echo "Open $out in LibreOffice Calc or Excel: Summary (traffic lights, flags), Diary"
echo "(a note on every matched food says how it was matched and weighed), Needs review,"
echo "Medications, Activity & sweat, Charts, Top sources, About (sources, method, and"
echo "when to see a doctor)."
echo
echo "One medication line at a time:"
echo "\$ kmgca drug \"valsartan/HCTZ 80-12.5\""
"$kmgca" drug "valsartan/HCTZ 80-12.5"
echo
echo "One food at a time:"
echo "\$ kmgca food \"pumpkin seeds, roasted\" \"1 ounce\""
"$kmgca" food "pumpkin seeds, roasted" "1 ounce" | sed '/^  other candidates:/,$d'
echo
echo "A serving as a diary writes it, in the food text or in Chinese:"
echo "\$ kmgca food \"米饭 一碗\""
"$kmgca" food "米饭 一碗" | sed '/^  other candidates:/,$d'
