"""recompute.py — how many rows of a Cronometer export kmgca recomputes within ±25 %.

    /usr/bin/python3 bench/recompute.py BUILD EXPORT.csv [-v]

Runs `kmgca analyse --recompute EXPORT.csv -o TMP.xlsx`, reads the Diary
sheet back (openpyxl) and compares each row's calcium, magnesium and
potassium with the values Cronometer exported on the same line. A row is
within when every mineral the export gives is within 25 % of it; a value
under 5 mg is compared within 5 mg instead (25 % of tea's 2 mg of calcium
says nothing). A row kmgca could not match keeps the export's values (see
README.md, "export value kept") and is counted apart, since it is not a
recomputation. -v lists the rows outside.

Exports are people's data: keep them out of the repository; this script
only reports. It exits 0 when it could measure.
"""
import csv
import os
import subprocess
import sys
import tempfile

import openpyxl

MINERALS = ["Calcium (mg)", "Magnesium (mg)", "Potassium (mg)"]
DIARY_COLUMNS = {"Ca mg": 0, "Mg mg": 1, "K mg": 2}


def close(got, want):
    if want < 5:
        return abs(got - want) <= 5
    return abs(got - want) <= 0.25 * want


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    build, export = sys.argv[1], sys.argv[2]
    verbose = "-v" in sys.argv[3:]
    with open(export, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "recompute.xlsx")
        subprocess.run([os.path.join(build, "kmgca"), "analyse", "--recompute", "-q", export,
                        "-o", out], check=True)
        sheet = openpyxl.load_workbook(out, read_only=True)["Diary"]
        it = sheet.iter_rows(values_only=True)
        head = list(next(it))
        at = {name: head.index(name) for name in
              ["Line", "Food as written", "Amount", "Matched food", "Grams", "Status",
               *DIARY_COLUMNS]}
        diary = {int(r[at["Line"]]): r for r in it if r[at["Line"]] is not None}
    within = counted = kept = 0
    outside = []
    for n, row in enumerate(rows, start=2):
        got = diary.get(n)
        if got is None or "kept" in str(got[at["Status"]]):
            kept += 1
            continue
        want = [row.get(m, "").strip() for m in MINERALS]
        good = True
        for k, w in enumerate(want):
            if not w:
                continue
            g = got[at[list(DIARY_COLUMNS)[k]]]
            good &= g is not None and close(float(g), float(w))
        counted += 1
        within += good
        if not good:
            outside.append((n, row.get("Food Name"), row.get("Amount"), want,
                            got[at["Matched food"]], got[at["Grams"]],
                            [got[at[c]] for c in DIARY_COLUMNS]))
    share = 100.0 * within / counted if counted else 0.0
    print(f"recompute: {within} of {counted} recomputed rows within 25 % ({share:.1f} %); "
          f"{kept} rows kept the export's values")
    if verbose:
        for o in outside:
            print("  line %d: %s [%s] export %s -> %s, %s g, %s" % o)


if __name__ == "__main__":
    main()
