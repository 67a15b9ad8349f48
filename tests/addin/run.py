"""run.py — the Calc add-in tested inside a real headless LibreOffice Calc.

    /usr/bin/python3 tests/addin/run.py BUILD          (make check-addin)

1. The built add-in (BUILD/addin/oxt: its .rdb, .components and .so, added
   through bootstrap variables) in a private soffice driven by Python UNO:
   formulas typed as a user types them, recalculated, values and error codes
   checked; values against the USDA tables (foodtables/foods.csv) by hand;
   optional arguments; array results; the Function Wizard texts read back
   from FunctionDescriptions; the Chinese names through XLocalizable; hostile
   arguments (empty and huge texts, enormous and negative numbers, ranges
   holding errors and text) giving error values while Calc lives on.
2. The real BUILD/kmgca.oxt installed with unopkg into a throwaway profile,
   then used by soffice --convert-to twice: a CSV whose cells hold
   =MAGNESIUM(...) formulas (Calc's CSV import evaluates them), and the
   example spreadsheet examples/kmgca-functions.fods.
3. A second private soffice whose UI language is zh-CN (Debian's
   libreoffice-l10n-zh-cn; office.py's ui_locale writes the user's language
   choice into the fresh profile): the office really runs in Chinese (its
   configuration and its own SUM description say so); the Function Wizard
   data (FunctionDescriptions) lists the add-in's Chinese names, descriptions
   and argument names; formulas typed with the Chinese names through the
   cell's FormulaLocal (the zh-CN separator is ",") compute the same values as
   the English formulas above, read back in the API grammar as the
   programmatic names, and the English formulas read back in Chinese; the
   FormulaParser parses and prints the Chinese text; a sheet written with
   Chinese names is saved as .ods and .xlsx (holding the programmatic name,
   never the Chinese one), reloaded and recalculated; the English example
   spreadsheet opens and recalculates in the Chinese UI.

No soffice process outlives the run. Exit status 0 when every check passed.
"""
import csv
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
ADDIN_DIR = os.path.join(BUILD, "addin", "oxt")
# This Python calls the add-in's XAddIn side directly (locale checks): its
# own UNO runtime must know the add-in's types too, before uno is imported.
os.environ["URE_MORE_TYPES"] = "<file:///usr/lib/libreoffice/program/types>* " + \
    "file://" + os.path.abspath(os.path.join(ADDIN_DIR, "kmgca.rdb"))
sys.path.insert(0, HERE)
from office import Office, file_url, prop  # noqa: E402

ERR_502 = 502       # Err:502, invalid argument (IllegalArgumentException)
NA = 32767          # #N/A
VALUE = 519         # #VALUE!
DIV0 = 532          # #DIV/0!
ERR_504 = 504       # wrong number of arguments

passed = 0
failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)


def close(a, b, tol=1e-9):
    return isinstance(a, float) and abs(a - b) <= tol * max(1.0, abs(b))


# ---- The USDA tables, for values computed by hand --------------------------

FOODS = {}
with open(os.path.join(ROOT, "foodtables", "foods.csv"), encoding="utf-8") as f:
    for row in csv.DictReader(f):
        FOODS[(row["source"], row["id"])] = row


def per_100g(source, food_id, key):
    v = FOODS[(source, food_id)][key]
    return float(v) if v else None


# Hand computations (SR28 values per 100 g, portions from the SR28 weights):
#   almonds, SR28 12061: Ca 269, Mg 270, K 733, Na 1 mg/100 g
#     30 g -> Mg 0.3 x 270 = 81 mg, Ca 80.7, K 219.9, Na 0.3
#   banana, SR28 09040 "Bananas, raw": Mg 27, K 358 mg/100 g; 1 medium = 118 g
#     -> Mg 1.18 x 27 = 31.86 mg, K 1.18 x 358 = 422.44 mg
#   KRAFT CHEEZ WHIZ, SR28 01188: Mg not measured (blank) -> #N/A, never 0
assert per_100g("SR28", "12061", "mg_mg") == 270
assert per_100g("SR28", "09040", "k_mg") == 358
assert per_100g("SR28", "01188", "mg_mg") is None

VALUES = [
    # formula, expected value
    ('=MAGNESIUM("almonds";30;"g")', 81.0),
    ('=MAGNESIUM("almonds";30)', 81.0),                     # unit defaults to g
    ('=CALCIUM("almonds";30;"g")', 80.7),
    ('=POTASSIUM("almonds";30;"g")', 219.9),
    ('=SODIUM("almonds";30;"g")', 0.3),
    ('=MAGNESIUM("almonds";1;"oz")', 270 * 28.349523125 / 100),
    ('=MAGNESIUM("almonds";0.03;"kg")', 81.0),
    ('=MAGNESIUM("banana";1;"medium")', 31.86),
    ('=POTASSIUM("banana";1;"medium")', 422.44),
    ('=POTASSIUM("Bananas, raw";2;"medium")', 844.88),
    # the Chinese name: the Taiwan FDA banana D08001 (K 367.5296 per 100 g), a
    # medium one (one stick, 根) 120 g by foodtables/name_portions_zh.csv
    ('=POTASSIUM("香蕉";1;"medium")', 1.2 * 367.5296),
    ('=MAGNESIUM("almonds";0;"g")', 0.0),
    ('=MAGNESIUM("almonds";"30";"g")', 81.0),               # text "30" is converted
    ('=FOODGRAMS("banana";1;"medium")', 118.0),
    ('=FOODGRAMS("banana";2;"medium")', 236.0),
    ('=FOODGRAMS("almonds";2;"oz")', 2 * 28.349523125),
    # Measure words and containers, as kmgca food reads them (issue 13):
    # 个 of a potato (the Taiwan FDA 马铃薯) is name_portions_zh.csv's medium potato (180 g), 碗 of cooked
    # rice the household bowl (200 g), a glass of milk 240 ml through the cup
    # (SR28 01077: 244 g a cup).
    ('=FOODGRAMS("土豆";1;"个")', 180.0),
    ('=FOODGRAMS("米饭";1;"碗")', 200.0),
    ('=FOODGRAMS("milk, whole";1;"glass")', 240 * 244 / 236.5882365),
    ('=FOODGRAMS("鸡蛋";2;"个")', 100.0),
    ('=INDEX(FOODMATCH("almonds");1;2)', 1.0),
    ('=DRITARGET("Mg";68;"m")', 420.0),                      # IOM 1997 RDA, men 31+
    ('=DRITARGET("magnesium";25;"f")', 310.0),               # IOM 1997 RDA, women 19-30
    ('=DRITARGET("Ca";68;"f";"";"US")', 1200.0),             # IOM 2011 RDA, women 51+
    ('=DRITARGET("K";30;"f";"pregnant")', 2900.0),           # NASEM 2019 AI, pregnancy 19-50
    ('=DRITARGET("K";30;"f";"lactating")', 2800.0),          # NASEM 2019 AI, lactation 19-50
    ('=DRITARGET("Mg";40;"男";;"China")', 320.0),            # Chinese DRIs 2023 RNI, 30-50
    ('=SWEATLOSS(0;"moderate";25)', 0.0),
    # ELEMENTAL: labels, salts, mEq, counts and frequencies, worked by hand
    ('=ELEMENTAL("Mag-Ox 400";"Mg")', 241.3),                    # label: 241.3 mg Mg a tablet
    ('=ELEMENTAL("Caltrate 600+D";"Ca";"1 tablet twice daily")', 1200.0),
    ('=ELEMENTAL("Caltrate 600+D";"Mg")', 0.0),                  # no magnesium in it
    ('=ELEMENTAL("calcium carbonate 1250 mg";"Ca")', 1250 * 0.4004),
    ('=ELEMENTAL("Klor-Con M20";"K")', 20 * 39.098),              # 20 mEq x 39.098 mg
    ('=ELEMENTAL("氯化钾缓释片 0.5g";"钾";"每日3次，每次1片")', 3 * 500 * 0.5245),
    ('=ELEMENTAL("magnesium glycinate 200 mg";"magnesium";"2 caps")', 2 * 200 * 0.1410),
    ('=ELEMENTAL("含钙600mg";"Ca")', 600.0),
]
# SWEATLOSS worked example (tests/unit/test_activity.c): 70 kg, 60 min, 10 MET, 30 C,
# 50 % -> 1.065 L from the body mass alone (Gonzalez et al. 2009).
SWEAT = [
    ('=SWEATLOSS(60;10;30)', 1.065, 0.002),
    ('=SWEATLOSS(60;10;30;;50;70)', 1.065, 0.002),
    ('=SWEATLOSS(60;10;30;"K")', 1.065 * 222, 0.002),        # Montain et al. 2007: 222 mg/L
    ('=SWEATLOSS(60;10;30;"Na")', 1.065 * 825, 0.002),       # Baker 2016: 825 mg/L
]
TEXTS = [
    ('=INDEX(FOODMATCH("almonds");1;1)', "Nuts, almonds"),
    ('=FOODMATCH("banana")', "Bananas, raw"),                # top-left of the array
    ('=INDEX(FOODMATCH("almonds");1;3)', "SR28"),
    ('=INDEX(FOODMATCH("almonds");1;4)', "12061"),
    ('=DRUGEFFECT("hydrochlorothiazide 25 mg";"K")', "down"),
    ('=DRUGEFFECT("HCTZ";"Mg")', "down"),
    ('=DRUGEFFECT("HCTZ";"Ca")', "up"),
    ('=DRUGEFFECT("spironolactone";"K")', "up"),
    ('=DRUGEFFECT("atorvastatin";"K")', "neutral"),
    ('=DRUGEFFECT("氢氯噻嗪片";"钾")', "down"),
    ('=DRUGEFFECT("omeprazole 20mg";"magnesium")', "down"),
    ('=DRUGCLASS("furosemide")', "loop diuretic"),
    ('=DRUGCLASS("HCTZ 25 mg")', "thiazide diuretic"),
]
ERRORS = [
    # unknown food, unit, drug, nutrient, sex; negative or absurd amounts
    ('=MAGNESIUM("qqqzzzxx";30;"g")', ERR_502),
    ('=MAGNESIUM("";30;"g")', ERR_502),
    ('=MAGNESIUM("almonds";-1;"g")', ERR_502),
    ('=MAGNESIUM("almonds";1E+300;"g")', ERR_502),
    ('=MAGNESIUM("almonds";30;"furlong")', ERR_502),
    ('=MAGNESIUM("almonds";30;"2 slices")', ERR_502),       # the amount has its own argument
    ('=MAGNESIUM("almonds";"thirty";"g")', VALUE),          # Calc's own conversion
    ('=MAGNESIUM("almonds";1/0;"g")', DIV0),                # Calc passes errors on
    ('=MAGNESIUM("almonds")', ERR_504),
    ('=FOODGRAMS("milk, 2%";1;"slice")', ERR_502),          # milk has no slice
    ('=MAGNESIUM("81";1)', ERR_502),                         # matched only weakly (0.52)
    ('=FOODGRAMS("banana";-2;"medium")', ERR_502),
    ('=FOODMATCH("qqqzzzxx")', ERR_502),
    ('=DRITARGET("iron";40;"m")', ERR_502),
    ('=DRITARGET("Mg";40;"x")', ERR_502),
    ('=DRITARGET("Mg";-1;"m")', ERR_502),
    ('=DRITARGET("Mg";40;"m";"pregnant")', ERR_502),        # a pregnant male
    ('=DRITARGET("Mg";40;"f";"tired")', ERR_502),
    ('=DRITARGET("Mg";40;"f";;"Mars")', ERR_502),
    ('=DRUGEFFECT("qqqzzzxx";"K")', ERR_502),
    ('=DRUGEFFECT("HCTZ";"iron")', ERR_502),
    ('=DRUGCLASS("")', ERR_502),
    ('=ELEMENTAL("banana";"K")', ERR_502),                        # no supplement
    ('=ELEMENTAL("钙片 600mg";"Ca")', ERR_502),                   # salt or element? asked
    ('=ELEMENTAL("Caltrate 600+D";"Na")', ERR_502),
    ('=ELEMENTAL("Tums";"Ca";"2 tablets as needed")', ERR_502),   # not every day
    ('=SWEATLOSS(60;"sleepy";30)', ERR_502),
    ('=SWEATLOSS(-5;"moderate";30)', ERR_502),
    ('=SWEATLOSS(60;"moderate";30;"iron")', ERR_502),
    ('=SWEATLOSS(60;"moderate";30;;"wet")', ERR_502),
    ('=SWEATLOSS(1E+308;"moderate";30)', ERR_502),
    # the tables have no answer: #N/A, never 0
    ('=MAGNESIUM("KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce";30;"g")', NA),
    ('=DRITARGET("Na";40;"m")', NA),
]


def set_and_read(doc, sheet, formulas, col=0):
    for i, f in enumerate(formulas):
        sheet.getCellByPosition(col, i).setFormula(f)
    doc.calculateAll()
    out = []
    for i in range(len(formulas)):
        c = sheet.getCellByPosition(col, i)
        out.append((c.getValue(), c.getString(), c.getError()))
    return out


def cell_checks(office):
    doc, sheet = office.new_sheet()
    got = set_and_read(doc, sheet, [f for f, _ in VALUES])
    for (f, want), (v, s, e) in zip(VALUES, got):
        check(e == 0 and close(v, want, 1e-9), "%s = %r, expected %r (error %d)" % (f, v, want, e))
    got = set_and_read(doc, sheet, [f for f, _, _ in SWEAT], col=1)
    for (f, want, tol), (v, s, e) in zip(SWEAT, got):
        check(e == 0 and abs(v - want) <= tol * want, "%s = %r, expected %r" % (f, v, want))
    got = set_and_read(doc, sheet, [f for f, _ in TEXTS], col=2)
    for (f, want), (v, s, e) in zip(TEXTS, got):
        check(e == 0 and s == want, "%s = %r, expected %r (error %d)" % (f, s, want, e))
    got = set_and_read(doc, sheet, [f for f, _ in ERRORS], col=3)
    for (f, want), (v, s, e) in zip(ERRORS, got):
        check(e == want, "%s: error %d, expected %d (%r)" % (f, e, want, s))
    # IFERROR and ISNA see the two kinds apart.
    got = set_and_read(doc, sheet, ['=IFERROR(MAGNESIUM("qqqzzzxx";30);"unknown")',
                                    '=ISNA(MAGNESIUM("KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce";30))',
                                    '=ISNA(MAGNESIUM("qqqzzzxx";30))'], col=4)
    check(got[0][1] == "unknown", "IFERROR over an unknown food")
    check(got[1][1] == "TRUE", "ISNA over a value not measured")
    check(got[2][1] == "FALSE", "ISNA over an unknown food")
    doc.close(True)


def array_checks(office):
    doc, sheet = office.new_sheet()
    # A small diary over two days, written out of date order.
    diary = (("2026-11-03", "almonds", 30.0, "g"),
             ("2026-11-02", "banana", 1.0, "medium"),
             ("", "", "", ""),                             # an empty row is skipped
             ("2026-11-02", "almonds", 10.0, "g"),
             ("2026-11-03", "香蕉", 2.0, "medium"))
    sheet.getCellRangeByName("A1:D5").setDataArray(diary)
    # Day 2026-11-02: banana 118 g (SR28 09040) + almonds 10 g; 2026-11-03: almonds
    # 30 g + 2 x 120 g of 香蕉, the Taiwan FDA banana D08001 (Ca 4.79, Mg 23.6236,
    # K 367.5296, Na 0.1778 per 100 g).
    want = [
        (46328.0, 0.05 * 118 + 2.69 * 10, 0.27 * 118 + 2.70 * 10, 3.58 * 118 + 7.33 * 10, 0.01 * 118 + 0.01 * 10),
        (46329.0, 2.69 * 30 + 0.0479 * 240, 2.70 * 30 + 0.236236 * 240,
         7.33 * 30 + 3.675296 * 240, 0.01 * 30 + 0.001778 * 240),
    ]
    out = sheet.getCellRangeByName("F1:J2")
    out.setArrayFormula("=DAILYINTAKE(A1:A5;B1:B5;C1:C5;D1:D5)")
    doc.calculateAll()
    got = out.getDataArray()
    for r in range(2):
        for c in range(5):
            check(close(got[r][c], want[r][c], 1e-9),
                  "DAILYINTAKE row %d col %d = %r, expected %r" % (r + 1, c + 1, got[r][c], want[r][c]))
    # One unit for every row; INDEX into the array.
    sheet.getCellRangeByName("A7:C8").setDataArray((("2026-11-05", "almonds", 30.0), ("2026-11-05", "almonds", 20.0)))
    res = set_and_read(doc, sheet, ['=INDEX(DAILYINTAKE(A7:A8;B7:B8;C7:C8;"g");1;3)',
                                    '=INDEX(DAILYINTAKE(A7:A8;B7:B8;C7:C8);1;3)',
                                    '=DAILYINTAKE(A1:A5;B1:B4;C1:C5)',                  # sizes differ
                                    '=DAILYINTAKE(A1:A5;B1:B5;C1:C5;D1:D3)',
                                    '=DAILYINTAKE(A10:A12;B10:B12;C10:C12)',            # no rows
                                    '=DAILYINTAKE(A1:A2;B1:B2;C1:C2;"slice")'],         # almonds: no slice
                       col=11)
    check(close(res[0][0], 135.0), "DAILYINTAKE with one unit: %r" % (res[0],))
    check(close(res[1][0], 135.0), "DAILYINTAKE with units left out: %r" % (res[1],))
    for i in range(2, 6):
        check(res[i][2] == ERR_502, "DAILYINTAKE bad input %d: error %d" % (i, res[i][2]))
    # Dates as date cells (serial numbers) work the same as text dates.
    sheet.getCellRangeByName("A14:C14").setFormulaArray((("=DATE(2026;11;5)", "almonds", "30"),))
    res = set_and_read(doc, sheet, ['=INDEX(DAILYINTAKE(A14;B14;C14);1;1)'], col=12)
    check(close(res[0][0], 46331.0), "DAILYINTAKE date cell: %r" % (res[0],))
    doc.close(True)


EXPECTED_FUNCTIONS = {
    # display name: (argument count, optional arguments)
    "MAGNESIUM": (3, {2}), "POTASSIUM": (3, {2}), "CALCIUM": (3, {2}), "SODIUM": (3, {2}),
    "FOODGRAMS": (3, set()), "FOODMATCH": (1, set()), "DRITARGET": (5, {3, 4}),
    "DRUGEFFECT": (2, set()), "DRUGCLASS": (1, set()), "SWEATLOSS": (6, {1, 3, 4, 5}),
    "DAILYINTAKE": (4, {3}), "ELEMENTAL": (3, {2}),
}


def wizard_checks(office):
    descs = office.service("com.sun.star.sheet.FunctionDescriptions")
    found = {}
    for i in range(descs.getCount()):
        props = {p.Name: p.Value for p in descs.getByIndex(i)}
        if props.get("Name") in EXPECTED_FUNCTIONS:
            found[props["Name"]] = props
    check(set(found) == set(EXPECTED_FUNCTIONS), "Function Wizard lists %s" % sorted(found))
    categories = set()
    for name, props in found.items():
        count, optional = EXPECTED_FUNCTIONS[name]
        args = props["Arguments"]
        categories.add(props["Category"])
        check(len(props["Description"]) > 30, "%s has a description" % name)
        check(len(args) == count, "%s has %d arguments, expected %d" % (name, len(args), count))
        for k, a in enumerate(args):
            check(a.Name and len(a.Description) > 5, "%s argument %d has a name and description" % (name, k))
            check(bool(a.IsOptional) == (k in optional),
                  "%s argument %d (%s) optional=%s" % (name, k, a.Name, a.IsOptional))
    check(len(categories) == 1, "one category for all: %s" % categories)
    mg = found.get("MAGNESIUM")
    if mg:
        check("USDA" in mg["Description"], "MAGNESIUM description cites USDA")
        check([a.Name for a in mg["Arguments"]] == ["food", "amount", "unit"], "MAGNESIUM argument names")


def locale_checks(office):
    from com.sun.star.lang import Locale
    addin = office.service("org.kmgca.CalcFunctions")
    check(addin is not None, "the service can be created")
    if addin is None:
        return
    addin.setLocale(Locale("zh", "CN", ""))
    check(addin.getDisplayFunctionName("magnesium") == "镁", "Chinese display name of magnesium")
    check(addin.getDisplayFunctionName("dailyintake") == "每日摄入", "Chinese display name of dailyintake")
    check("毫克" in addin.getFunctionDescription("potassium"), "Chinese description")
    check(addin.getDisplayArgumentName("magnesium", 0) == "食物", "Chinese argument name")
    check(addin.getDisplayCategoryName("magnesium").startswith("kmgca"), "Chinese category name")
    check(addin.getProgrammaticFuntionName("镁") == "magnesium", "Chinese name back to the method")
    addin.setLocale(Locale("en", "US", ""))
    check(addin.getDisplayFunctionName("magnesium") == "MAGNESIUM", "English display name")
    check(addin.getProgrammaticFuntionName("Magnesium") == "magnesium", "English name back to the method")
    check(addin.getDisplayArgumentName("magnesium", 7) == "", "no argument 8")
    check(addin.getDisplayFunctionName("nosuch") == "", "no such function")


def hostile_checks(office):
    doc, sheet = office.new_sheet()
    huge = "almonds " * 4000
    sheet.getCellByPosition(0, 0).setString(huge)                  # 32,000 characters
    sheet.getCellByPosition(0, 1).setFormula("=1/0")               # a cell holding an error
    sheet.getCellByPosition(0, 2).setString("=HYPERLINK(\"x\")")    # text that looks like a formula
    sheet.getCellByPosition(0, 3).setString("\u0000\u0001\ufffe")
    sheet.getCellByPosition(0, 4).setString("😀" * 1000)
    sheet.getCellByPosition(1, 0).setString("2026-02-30")          # an impossible date
    sheet.getCellByPosition(1, 1).setString("banana")
    sheet.getCellByPosition(1, 2).setValue(-5)
    formulas = [
        ("=MAGNESIUM(A1;30;\"g\")", ERR_502),
        ("=MAGNESIUM(A2;30;\"g\")", DIV0),
        ("=MAGNESIUM(A3;30;\"g\")", ERR_502),
        ("=MAGNESIUM(A4;30;\"g\")", ERR_502),
        ("=MAGNESIUM(A5;30;\"g\")", ERR_502),
        ("=MAGNESIUM(\"almonds\";30;A1)", ERR_502),
        ("=MAGNESIUM(\"almonds\";1E+308;\"g\")", ERR_502),
        ("=MAGNESIUM(\"almonds\";-1E-300;\"g\")", ERR_502),
        ("=MAGNESIUM(\"almonds\";30;A1:A5)", ERR_504),             # a range for one unit: Calc refuses
        ("=FOODMATCH(A1)", ERR_502),
        ("=FOODGRAMS(A5;1;A5)", ERR_502),
        ("=DRUGEFFECT(A1;\"K\")", ERR_502),
        ("=DRUGCLASS(A5)", ERR_502),
        ("=DRITARGET(\"Mg\";1E+308;\"f\")", ERR_502),
        ("=DRITARGET(A1;40;A1;A1;A1)", ERR_502),
        ("=SWEATLOSS(60;A1;30)", ERR_502),
        ("=SWEATLOSS(60;\"moderate\";1E+308)", ERR_502),
        ("=SWEATLOSS(60;\"moderate\";30;;-1E+308;-5)", ERR_502),
        ("=DAILYINTAKE(B1:B3;A1:A3;C1:C3)", ERR_504),             # a range holding an error
        ("=DAILYINTAKE(B1;A1;C1)", ERR_502),
        ("=DAILYINTAKE(B1;\"almonds\";30)", ERR_502),              # 2026-02-30
        ("=DAILYINTAKE(\"2026-11-02\";\"almonds\";B3)", ERR_502),  # negative amount
        ("=DAILYINTAKE(\"2026-11-02\";\"almonds\";B2)", ERR_502),  # text amount
        ("=DAILYINTAKE(\"03/04/2026\";\"almonds\";30)", ERR_502),  # ambiguous date
    ]
    got = set_and_read(doc, sheet, [f for f, _ in formulas], col=5)
    for (f, want), (v, s, e) in zip(formulas, got):
        check(e == want, "hostile %s: error %d, expected %d (%r)" % (f, e, want, s))
    # Calc is still alive and the add-in still answers.
    got = set_and_read(doc, sheet, ['=MAGNESIUM("almonds";30;"g")'], col=7)
    check(got[0][2] == 0 and close(got[0][0], 81.0), "the add-in answers after hostile calls")
    doc.close(True)


# ---- 2. The real .oxt, installed with unopkg ---------------------------------

def as_user(cmd):
    """Root may not add a per-user extension: run as uid 1000 in a user
    namespace when we are root (CI), as ourselves otherwise."""
    if os.geteuid() == 0:
        return ["unshare", "--user", "--map-user=1000", "--map-group=1000"] + cmd
    return cmd


def run(cmd, **kw):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    return subprocess.run(as_user(cmd), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=180, start_new_session=True, **kw)


CSV_IN = (
    'food,amount,unit,mg\n'
    'banana,1,medium,"=MAGNESIUM(""banana"";1;""medium"")"\n'
    'almonds,30,g,"=MAGNESIUM(A3;B3;C3)"\n'
    'almonds,30,g,"=POTASSIUM(A4;B4)"\n'
    'nothing,1,g,"=IFERROR(MAGNESIUM(A5;B5;C5);""unknown food"")"\n'
)
CSV_WANT = [["food", "amount", "unit", "mg"],
            ["banana", "1", "medium", "31.86"],
            ["almonds", "30", "g", "81"],
            ["almonds", "30", "g", "219.9"],
            ["nothing", "1", "g", "unknown food"]]


def installed_checks(build, profiles):
    oxt = os.path.join(build, "kmgca.oxt")
    tmp = tempfile.mkdtemp(prefix="kmgca-oxt-")
    profiles.append(tmp)
    os.chmod(tmp, 0o777)
    profile = file_url(os.path.join(tmp, "profile"))
    try:
        # The profile exists before unopkg adds to it (else the first start
        # drops the registration).
        r = run(["soffice", "--headless", "--norestore", "--terminate_after_init",
                 "-env:UserInstallation=" + profile])
        check(r.returncode == 0, "soffice made a profile: %s" % r.stdout[-300:])
        r = run(["unopkg", "add", "-s", "-env:UserInstallation=" + profile, os.path.abspath(oxt)])
        check(r.returncode == 0, "unopkg add: %s" % r.stdout[-500:])
        r = run(["unopkg", "list", "-env:UserInstallation=" + profile])
        listing = r.stdout.decode("utf-8", "replace")
        check("org.kmgca.calc" in listing and "is registered: yes" in listing,
              "unopkg list shows the extension registered")

        src = os.path.join(tmp, "diary.csv")
        with open(src, "w", encoding="utf-8") as f:
            f.write(CSV_IN)
        shutil.copy(os.path.join(ROOT, "examples", "kmgca-functions.fods"), tmp)
        os.chmod(src, 0o666)
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        os.chmod(out, 0o777)
        csv_filter = "44,34,76,1,,1033,false,true,false,false,false,-1"
        r = run(["soffice", "--headless", "--norestore", "-env:UserInstallation=" + profile,
                 "--infilter=CSV:" + csv_filter + ",true",
                 "--convert-to", "csv:Text - txt - csv (StarCalc):" + csv_filter,
                 "--outdir", out, src, os.path.join(tmp, "kmgca-functions.fods")])
        check(r.returncode == 0, "soffice --convert-to: %s" % r.stdout[-500:])
        got = list(csv.reader(open(os.path.join(out, "diary-diary.csv"), encoding="utf-8")))
        check(got == CSV_WANT, "CSV import evaluates the add-in: %s" % got)
        example_checks(out)
        r = run(["unopkg", "remove", "-env:UserInstallation=" + profile, "org.kmgca.calc"])
        check(r.returncode == 0, "unopkg remove: %s" % r.stdout[-300:])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def example_checks(out):
    """examples/kmgca-functions.fods: every formula cell computes (no error
    text, no #NAME?) and its Diary totals are the hand values above."""
    sheets = {}
    for name in os.listdir(out):
        if name.startswith("kmgca-functions-"):
            sheets[name[len("kmgca-functions-"):-4]] = list(csv.reader(open(os.path.join(out, name), encoding="utf-8")))
    check({"Diary", "Days", "Functions"} <= set(sheets), "example sheets: %s" % sorted(sheets))
    for name, rows in sheets.items():
        for r in rows:
            for cell in r:
                check(not cell.startswith(("Err:", "#NAME", "#VALUE", "#REF")),
                      "example %s: a cell shows %r" % (name, cell))
    diary = sheets.get("Diary", [])
    mg = {r[1]: r[5] for r in diary[1:] if len(r) > 5}
    check(mg.get("almonds") == "81", "example Diary: almonds Mg %r" % mg.get("almonds"))
    check(mg.get("banana") == "31.86", "example Diary: banana Mg %r" % mg.get("banana"))


# ---- 3. A Chinese LibreOffice (UI language zh-CN) ---------------------------

ZH_UI = "zh-CN"
CJK = re.compile("[\u4e00-\u9fff]")

# The Function Wizard in Chinese: display name -> (English name, argument names).
EXPECTED_ZH = {
    "镁": ("MAGNESIUM", ["食物", "数量", "单位"]),
    "钾": ("POTASSIUM", ["食物", "数量", "单位"]),
    "钙": ("CALCIUM", ["食物", "数量", "单位"]),
    "钠": ("SODIUM", ["食物", "数量", "单位"]),
    "食物克数": ("FOODGRAMS", ["食物", "数量", "单位"]),
    "食物匹配": ("FOODMATCH", ["食物"]),
    "膳食目标": ("DRITARGET", ["营养素", "年龄", "性别", "状态", "参考标准"]),
    "药物影响": ("DRUGEFFECT", ["药物", "营养素"]),
    "药物类别": ("DRUGCLASS", ["药物"]),
    "汗液流失": ("SWEATLOSS", ["分钟", "强度", "气温", "营养素", "湿度", "体重"]),
    "元素含量": ("ELEMENTAL", ["补充剂", "营养素", "剂量"]),
    "每日摄入": ("DAILYINTAKE", ["日期", "食物", "数量", "单位"]),
}
assert sorted(e for e, _ in EXPECTED_ZH.values()) == sorted(EXPECTED_FUNCTIONS)

# Formulas as a Chinese user types them (FormulaLocal: Chinese names, "," between
# arguments), each beside the English formula of sections 1 whose expected
# value or text it must give.
ZH_FORMULAS = [
    ('=镁("almonds",30,"g")', '=MAGNESIUM("almonds";30;"g")'),
    ('=镁("almonds",30)', '=MAGNESIUM("almonds";30)'),
    ('=钾("almonds",30,"g")', '=POTASSIUM("almonds";30;"g")'),
    ('=钙("almonds",30,"g")', '=CALCIUM("almonds";30;"g")'),
    ('=钠("almonds",30,"g")', '=SODIUM("almonds";30;"g")'),
    ('=钾("香蕉",1,"medium")', '=POTASSIUM("香蕉";1;"medium")'),
    ('=镁("banana",1,"medium")', '=MAGNESIUM("banana";1;"medium")'),
    ('=食物克数("土豆",1,"个")', '=FOODGRAMS("土豆";1;"个")'),
    ('=食物克数("米饭",1,"碗")', '=FOODGRAMS("米饭";1;"碗")'),
    ('=INDEX(食物匹配("almonds"),1,2)', '=INDEX(FOODMATCH("almonds");1;2)'),
    ('=膳食目标("Mg",40,"男",,"China")', '=DRITARGET("Mg";40;"男";;"China")'),
    ('=膳食目标("K",30,"f","lactating")', '=DRITARGET("K";30;"f";"lactating")'),
    ('=元素含量("氯化钾缓释片 0.5g","钾","每日3次，每次1片")',
     '=ELEMENTAL("氯化钾缓释片 0.5g";"钾";"每日3次，每次1片")'),
    ('=元素含量("Mag-Ox 400","Mg")', '=ELEMENTAL("Mag-Ox 400";"Mg")'),
    ('=汗液流失(60,10,30,"K")', '=SWEATLOSS(60;10;30;"K")'),
    ('=INDEX(食物匹配("almonds"),1,1)', '=INDEX(FOODMATCH("almonds");1;1)'),
    ('=药物影响("氢氯噻嗪片","钾")', '=DRUGEFFECT("氢氯噻嗪片";"钾")'),
    ('=药物类别("furosemide")', '=DRUGCLASS("furosemide")'),
    ('=镁("qqqzzzxx",30,"g")', '=MAGNESIUM("qqqzzzxx";30;"g")'),
    ('=镁("almonds",30,"furlong")', '=MAGNESIUM("almonds";30;"furlong")'),
    ('=镁("KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce",30,"g")',
     '=MAGNESIUM("KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce";30;"g")'),
]


def english_expectation(formula):
    """(kind, expected, tolerance) of an English formula of section 1."""
    for f, want in VALUES:
        if f == formula:
            return "value", want, 1e-9
    for f, want, tol in SWEAT:
        if f == formula:
            return "value", want, tol
    for f, want in TEXTS:
        if f == formula:
            return "text", want, 0
    for f, want in ERRORS:
        if f == formula:
            return "error", want, 0
    raise KeyError(formula)


def zh_ui_checks(office):
    """The office runs in Chinese: its configuration and its own texts."""
    ui = office.config("/org.openoffice.Setup/L10N", "ooLocale")
    check(ui == ZH_UI, "zh-CN UI: ooLocale is %r (is libreoffice-l10n-zh-cn installed?)" % ui)
    descs = office.service("com.sun.star.sheet.FunctionDescriptions")
    sum_desc = ""
    for i in range(descs.getCount()):
        props = {p.Name: p.Value for p in descs.getByIndex(i)}
        if props.get("Name") == "SUM":
            sum_desc = props["Description"]
    # Calc's own resources (sc.mo of the language pack), not the add-in's.
    check(CJK.search(sum_desc) is not None, "zh-CN UI: SUM's description is Chinese: %r" % sum_desc)


def zh_wizard_checks(office):
    descs = office.service("com.sun.star.sheet.FunctionDescriptions")
    found = {}
    english = set()
    for i in range(descs.getCount()):
        props = {p.Name: p.Value for p in descs.getByIndex(i)}
        if props.get("Name") in EXPECTED_ZH:
            found[props["Name"]] = props
        if props.get("Name") in EXPECTED_FUNCTIONS:
            english.add(props["Name"])
    check(set(found) == set(EXPECTED_ZH), "zh-CN Function Wizard lists %s" % sorted(found))
    check(not english, "zh-CN Function Wizard lists no English names: %s" % sorted(english))
    for name, props in sorted(found.items()):
        en, arg_names = EXPECTED_ZH[name]
        _, optional = EXPECTED_FUNCTIONS[en]
        args = props["Arguments"]
        desc = props["Description"]
        check(CJK.search(desc) is not None and len(desc) > 15, "%s has a Chinese description: %r" % (name, desc))
        check([a.Name for a in args] == arg_names,
              "%s argument names %s, expected %s" % (name, [a.Name for a in args], arg_names))
        for k, a in enumerate(args):
            check(CJK.search(a.Description) is not None,
                  "%s argument %s has a Chinese description: %r" % (name, a.Name, a.Description))
            check(bool(a.IsOptional) == (k in optional), "%s argument %d optional %r" % (name, k, a.IsOptional))
    mg = found.get("镁")
    if mg:
        check("毫克" in mg["Description"] and "USDA" in mg["Description"],
              "镁 description: milligrams, USDA: %r" % mg["Description"])


def zh_formula_checks(office):
    doc, sheet = office.new_sheet()
    n = len(ZH_FORMULAS)
    for i, (zh, en) in enumerate(ZH_FORMULAS):
        sheet.getCellByPosition(0, i).FormulaLocal = zh      # typed in Chinese
        sheet.getCellByPosition(1, i).setFormula(en)         # the API's English grammar
    doc.calculateAll()
    for i, (zh, en) in enumerate(ZH_FORMULAS):
        a, b = sheet.getCellByPosition(0, i), sheet.getCellByPosition(1, i)
        kind, want, tol = english_expectation(en)
        v, s, e = a.getValue(), a.getString(), a.getError()
        if kind == "value":
            check(e == 0 and close(v, want, tol), "zh %s = %r, expected %r (error %d)" % (zh, v, want, e))
        elif kind == "text":
            check(e == 0 and s == want, "zh %s = %r, expected %r (error %d)" % (zh, s, want, e))
        else:
            check(e == want, "zh %s: error %d, expected %d (%r)" % (zh, e, want, s))
        check((v, s, e) == (b.getValue(), b.getString(), b.getError()),
              "zh %s gives what %s gives: %r vs %r" % (zh, en, (v, s, e), (b.getValue(), b.getString(), b.getError())))
        # The API grammar holds the programmatic name, whatever the UI language.
        api = a.getFormula()
        check(api == b.getFormula() and "ORG.KMGCA.CALCFUNCTIONS." in api and not CJK.search(api.split('"')[0]),
              "zh %s reads back in the API grammar as %r (English: %r)" % (zh, api, b.getFormula()))
        # What the Chinese user sees in the input line, for both cells.
        check(a.FormulaLocal == zh, "zh %s reads back locally as %r" % (zh, a.FormulaLocal))
        check(b.FormulaLocal == zh, "English %s shows in the Chinese UI as %r, expected %r" % (en, b.FormulaLocal, zh))
    # The semicolon is taken too; a formula of the add-in inside Calc's own.
    extra = [('=镁("almonds";30;"g")', 81.0),
             ('=IFERROR(镁("qqqzzzxx",30),"unknown")', "unknown"),
             ('=ISNA(镁("KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce",30))', "TRUE"),
             ('=镁("almonds",30,"g")+钾("almonds",30,"g")', 81.0 + 219.9)]
    for i, (zh, _) in enumerate(extra):
        sheet.getCellByPosition(2, i).FormulaLocal = zh
    doc.calculateAll()
    for i, (zh, want) in enumerate(extra):
        c = sheet.getCellByPosition(2, i)
        if isinstance(want, float):
            check(c.getError() == 0 and close(c.getValue(), want), "zh %s = %r" % (zh, c.getValue()))
        else:
            check(c.getString() == want, "zh %s = %r" % (zh, c.getString()))
    # DAILYINTAKE, an array, through INDEX (array_checks: 30 g + 20 g almonds).
    sheet.getCellRangeByName("E1:G2").setDataArray((("2026-11-05", "almonds", 30.0), ("2026-11-05", "almonds", 20.0)))
    c = sheet.getCellByPosition(7, 0)
    c.FormulaLocal = '=INDEX(每日摄入(E1:E2,F1:F2,G1:G2,"g"),1,3)'
    doc.calculateAll()
    check(c.getError() == 0 and close(c.getValue(), 135.0), "zh 每日摄入 = %r" % c.getValue())
    # XFormulaParser in the document's native (Chinese) grammar.
    from com.sun.star.table import CellAddress
    parser = doc.createInstance("com.sun.star.sheet.FormulaParser")
    here = CellAddress(0, 0, n + 2)
    tokens = parser.parseFormula('=镁("almonds",30,"g")', here)
    check(len(tokens) > 0 and tokens[0].Data == "org.kmgca.CalcFunctions.magnesium",
          "FormulaParser: 镁 is org.kmgca.CalcFunctions.magnesium: %r" % (tokens[0].Data if tokens else None,))
    check(parser.printFormula(tokens, here) == '镁("almonds",30,"g")',
          "FormulaParser prints %r" % parser.printFormula(tokens, here))
    parser.CompileEnglish = True
    check(parser.printFormula(tokens, here) == 'MAGNESIUM("almonds";30;"g")',
          "FormulaParser prints in English %r" % parser.printFormula(tokens, here))
    doc.close(True)


def zh_file_checks(office, tmp):
    """A sheet written with Chinese names, saved, reloaded, recalculated."""
    doc, sheet = office.new_sheet()
    sheet.getCellRangeByName("A1:C1").setDataArray((("almonds", 30.0, "g"),))
    sheet.getCellByPosition(3, 0).FormulaLocal = "=镁(A1,B1,C1)"
    sheet.getCellByPosition(4, 0).FormulaLocal = "=钾(A1,B1,C1)"
    doc.calculateAll()
    check(close(sheet.getCellByPosition(3, 0).getValue(), 81.0), "zh sheet before saving")
    files = {"ods": "calc8", "xlsx": "Calc Office Open XML"}
    for ext, filt in files.items():
        doc.storeToURL(file_url(os.path.join(tmp, "zh." + ext)), (prop("FilterName", filt),))
    doc.close(True)
    # The file names the function by its programmatic name, never in Chinese.
    with zipfile.ZipFile(os.path.join(tmp, "zh.ods")) as z:
        content = z.read("content.xml").decode("utf-8")
    formulas = re.findall(r'table:formula="([^"]*)"', content)
    check(formulas == ["of:=ORG.KMGCA.CALCFUNCTIONS.MAGNESIUM([.A1];[.B1];[.C1])",
                       "of:=ORG.KMGCA.CALCFUNCTIONS.POTASSIUM([.A1];[.B1];[.C1])"],
          "zh.ods formulas: %s" % formulas)
    for ext in files:
        d = office.desktop.loadComponentFromURL(file_url(os.path.join(tmp, "zh." + ext)), "_blank", 0,
                                                (prop("Hidden", True),))
        s = d.Sheets.getByIndex(0)
        mg, k = s.getCellByPosition(3, 0), s.getCellByPosition(4, 0)
        check(mg.FormulaLocal == "=镁(A1,B1,C1)" and k.FormulaLocal == "=钾(A1,B1,C1)",
              "zh.%s reloads as %r, %r" % (ext, mg.FormulaLocal, k.FormulaLocal))
        d.calculateAll()
        check(mg.getError() == 0 and close(mg.getValue(), 81.0) and close(k.getValue(), 219.9),
              "zh.%s recalculates: %r, %r (error %d)" % (ext, mg.getValue(), k.getValue(), mg.getError()))
        s.getCellByPosition(1, 0).setValue(60.0)          # live: a new amount recomputes
        check(close(mg.getValue(), 162.0), "zh.%s: 60 g of almonds %r" % (ext, mg.getValue()))
        d.close(True)


def zh_example_checks(office):
    """The English example spreadsheet in the Chinese UI."""
    from com.sun.star.sheet.CellFlags import FORMULA
    d = office.desktop.loadComponentFromURL(file_url(os.path.join(ROOT, "examples", "kmgca-functions.fods")),
                                            "_blank", 0, (prop("Hidden", True),))
    d.calculateAll()
    cells = bad = 0
    for sheet in d.Sheets:
        ranges = sheet.queryContentCells(FORMULA)
        cursor = ranges.getCells().createEnumeration()
        while cursor.hasMoreElements():
            c = cursor.nextElement()
            cells += 1
            if c.getError():
                bad += 1
                print("zh example: %s shows error %d" % (c.FormulaLocal, c.getError()))
    check(cells > 20 and bad == 0, "zh example: %d formula cells, %d with errors" % (cells, bad))
    diary = d.Sheets.getByName("Diary")
    rows = diary.getCellRangeByName("A1:F12").getDataArray()
    for r, row in enumerate(rows):
        if row[1] == "almonds":
            c = diary.getCellByPosition(5, r)
            check(c.FormulaLocal.startswith("=镁(") and close(c.getValue(), 81.0),
                  "zh example: almonds %s = %r" % (c.FormulaLocal, c.getValue()))
            break
    else:
        check(False, "zh example: no almonds row in Diary")
    d.close(True)


def zh_checks(profiles):
    t0 = time.time()
    tmp = tempfile.mkdtemp(prefix="kmgca-zh-")
    try:
        with Office(ADDIN_DIR, ui_locale=ZH_UI) as office:
            profiles.append(office.tmp)
            zh_ui_checks(office)
            zh_wizard_checks(office)
            zh_formula_checks(office)
            zh_file_checks(office, tmp)
            zh_example_checks(office)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("addin: zh-CN office checks took %.1f s" % (time.time() - t0))


def no_office_left(profiles):
    """No process still runs on a profile of this run (a few seconds' grace
    for soffice.bin to finish exiting after its parent)."""
    left = b""
    for _ in range(50):
        left = b""
        for p in profiles:
            r = subprocess.run(["pgrep", "-f", p], stdout=subprocess.PIPE)
            left += r.stdout
        if not left:
            break
        time.sleep(0.2)
    check(not left, "no soffice left behind: %s" % left)


def main():
    profiles = []
    with Office(ADDIN_DIR) as office:
        profiles.append(office.tmp)
        cell_checks(office)
        array_checks(office)
        wizard_checks(office)
        hostile_checks(office)
        locale_checks(office)
    installed_checks(BUILD, profiles)
    zh_checks(profiles)
    no_office_left(profiles)
    print("addin: %d checks passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
