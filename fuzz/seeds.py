#!/usr/bin/env python3
"""seeds.py — writes the seed inputs of fuzz/corpus/ (files named seed-*).

Run from the repository root after changing tests/data or examples:
    python3 fuzz/seeds.py
Seeds are the test data and examples as they are (diaries, custom foods,
medication lists, activity logs) and short texts and numbers taken from the
unit tests, packed as each target reads its input (see fuzz/README.md).
Inputs named regress-* are failures the fuzzers found: never rewritten here.
"""
import glob
import os
import struct

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def write(target, name, data):
    folder = os.path.join(ROOT, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, "seed-" + name), "wb") as f:
        f.write(data)


def copy(target, paths):
    for p in sorted(paths):
        with open(p, "rb") as f:
            name = os.path.basename(os.path.dirname(p)) + "-" + os.path.basename(p)
            write(target, name, f.read())


def texts(target, items):
    for i, t in enumerate(items):
        write(target, "%02d" % i, t)


def clear():
    for f in glob.glob(os.path.join(ROOT, "*", "seed-*")):
        os.remove(f)


clear()
copy("diary", glob.glob("tests/data/diaries/*.csv") + glob.glob("tests/data/bad/*.csv") +
     ["tests/data/care/diary.csv", "examples/diary.csv"])
copy("custom_foods", glob.glob("tests/data/custom_*.csv") + ["examples/custom_foods.csv"])
copy("activity", ["tests/data/care/activity.csv", "tests/data/care/cronometer_exercises.csv",
                  "examples/activity.csv"])
copy("meds", ["tests/data/care/meds.csv", "examples/meds.csv"])

# The drug matching table: lines as medication lists (a few files of 40
# lines) and each drug text alone for the drug matcher.
with open("tests/data/meds/matching.csv", encoding="utf-8") as f:
    rows = f.read().splitlines()[1:]
drug_texts = []
for r in rows:
    t = r[1:r.index('"', 1)] if r.startswith('"') else r.split(",")[0]
    drug_texts.append(t)
for i in range(0, len(drug_texts), 40):
    lines = ["drug,dose,start,end"] + ['"%s",,2026-11-01,' % t.replace('"', '""')
                                       for t in drug_texts[i:i + 40]]
    write("meds", "matching-%02d.csv" % (i // 40), "\n".join(lines) + "\n")
texts("drug", drug_texts[:120])
for n, t in (("k", "HCTZ 25 mg"), ("mg", "furosemide 40mg"), ("ca", "Zestoretic 20/12.5"),
             ("na", "氯沙坦钾氢氯噻嗪片"), ("钾", "Klor-Con M20")):
    write("drug", "nutrient-" + n, n.encode() + b"\0" + t.encode())
# supplements: "DOSE\0TEXT" (the dose in the first part)
for i, (dose, t) in enumerate((("1 tablet twice daily", "Caltrate 600+D"), ("2 tabs tid", "Mag-Ox 400"),
                               ("10 mEq daily", "Klor-Con M10"), ("每日3次，每次1片", "氯化钾缓释片 0.5g"),
                               ("15 ml qhs", "milk of magnesia"), ("", "钙片 600mg"),
                               ("1-2 tabs prn", "Tums"), ("", "calcium carbonate 1250 mg (500 mg elemental)"),
                               ("早晚各1片", "碳酸钙Ｄ３片　１．２５ｇ"), ("", "Magnesium (as glycinate) 200 mg x 2"),
                               ("Mon/Wed/Fri", "KCl 20 mEq"), ("", "magnesium hydroxide 400mg/5ml 10 ml"))):
    write("drug", "supplement-%02d" % i, dose.encode() + b"\0" + t.encode())

SERVINGS = ["", "30 g", "30g", "1 ounce", "1.5 kg", "2 lbs", "½ cup", "1½ cups", "1 ½ cups",
            "1 1/2 cups", "1/2 cup", "⅓ cup", "0,5 l", "2 Tbsp", "2 T", "1 t", "8 fl oz",
            "250 ml", "半斤", "100克", "1 medium", "2 large biscuits", "a slice", "half a cup",
            "3", "cup", "1 cup chopped", "2 slices whole wheat bread", "1 banana",
            "1.00 medium - 7\" to 7-7/8\" long", "1 scoop", "一碗", "-1 cup", "1-2 cups",
            "1e308 g", "1/0 cup", "nan g", "1,000 g", "12 pieces", "1 packet",
            # servings anywhere in the text, words, containers, measure words
            "rye bread 2 slices", "muesli 40g", "eggs x2", "3eggs", "2x toast", "x 3",
            "a glass of milk", "bowl of porridge", "a couple of eggs", "one and a half cups",
            "three quarters of a cup", "half a dozen", "chicken (150g)", "7 up", "2% milk",
            "米饭一碗", "一小碗米饭", "两个鸡蛋", "饺子12个", "一个半", "二两", "一斤半", "大半碗",
            "十几个饺子", "一两个", "半碗到一碗", "青菜适量", "牛肉100克左右", "吃了三个包子",
            "豆浆300毫升", "１２个", "一小匙", "三文鱼 5片", "千张 一张", "a few almonds",
            "2-3 crackers", "between 100 and 300g pasta", "a handful or two of nuts",
            "2.00 x 3.0 oz", "1.00 slice (from pre-sliced package) - each 1 oz",
            "1.00 shake (11 fl oz)", "1.00 Serving (6 tbsp, ground)", "0.83 FDA Serving Size",
            "1.00 large - 3\" diameter", "2 slices (60 g)", "apple juice 12 oz", "a pint of lager",
            "small latte", "banana, small", "nectarine", "some grapes", "1 tbsp chia seeds",
            # one serving a line, names that hold numbers or portions
            "milk 200ml and 2 biscuits", "鸡蛋2个和牛奶200毫升", "bottle of coke 600ml",
            "Bread, 2 slice, 56 g", "rice 1 cup (200 g)", "large eggs x2", "eggs -2",
            "两到三个鸡蛋", "十多个饺子", "100g-150g rice", "T-bone steak 200g",
            "9 grain bread 2 slices", "banana 120", "a glass", "pecan pie", "猪肉白菜饺子 10个"]
texts("serving", SERVINGS)

FOODS = ["pumpkin seeds, roasted", "lentils, boiled", "banana", "milk, whole",
         "turkey breast, roasted", "菠菜", "spinach, boiled", "almonds", "Almonds, dry roasted",
         "black beans, cooked", "Raisins", "LENTILS BOILED", "ｂａｎａｎａ", "  banana.  ",
         "bananna", "brocoli, raw", "马铃薯（土豆）", "米饭", "KELLOGG'S Corn Flakes",
         "yoghurt, plain, low fat", "chicken breast (with skin), roasted", "xqzvy wplk",
         "whole wheat bread", "potatoes, baked, flesh and skin, without salt", "豆腐"]
texts("match", FOODS)

# food_mg: 8-byte amount, nutrient byte, "FOOD\0UNIT".
for i, (amount, n, food, unit) in enumerate([
        (30.0, 1, "almonds", "g"), (1.0, 2, "banana", "medium"), (0.5, 0, "milk, whole", "cup"),
        (2.0, 3, "whole wheat bread", "slice"), (100.0, 2, "菠菜", ""),
        (float("nan"), 1, "almonds", "g"), (float("inf"), 1, "almonds", "g"),
        (-1.0, 1, "almonds", "g"), (1e300, 1, "almonds", "g"), (5e-324, 0, "milk", "cup"),
        (-0.0, 2, "banana", "medium"), (1.0, 5, "lentils, boiled", "cup")]):
    write("food_mg", "%02d" % i, struct.pack("<dB", amount, n) + food.encode() + b"\0" +
          unit.encode())

# target: 8-byte age, sex, stage, reference, nutrient bytes, then
# "NUTRIENT\0SEX\0STATUS\0REFERENCE".
for i, (age, words) in enumerate([
        (68.0, "Mg\0m\0\0us"), (30.0, "Ca\0female\0pregnant\0china"), (0.5, "K\0f\0\0us"),
        (15.0, "钙\0男\0\0中国"), (25.0, "k\0woman\0lactating\0cn"), (-3.0, "Mg\0f\0\0us"),
        (float("nan"), "Ca\0m\0\0us"), (200.0, "Na\0f\0\0dv"), (30.0, "Mg\0m\0pregnant\0us")]):
    write("target", "%02d" % i, struct.pack("<dBBBB", age, ord("f"), 0, 1, 1) + words.encode())

# sweat: six 8-byte doubles, a nutrient byte, then the intensity text.
for i, (v, n, intensity) in enumerate([
        ((60, 8, 30, 50, 70, 0), 2, "vigorous"), ((45, 4.5, 18, 60, 78, 1.75), 0, "moderate"),
        ((90, 2.5, 10, 40, 55, 0), 3, "light"), ((1440, 25, 59, 100, 350, 2.5), 1, "25"),
        ((30, 0, 20, 50, 70, 0), 4, "高"), ((float("nan"), 8, 30, 50, 70, 0), 2, "hard"),
        ((60, 8, -59, 0, 20, 1.0), 2, "3.5")]):
    write("sweat", "%02d" % i, struct.pack("<6dB", *v, n) + intensity.encode())

DATES = ["2026-11-24", "2026/11/24", "2026.1.5", "20261124", " 2026-11-24T08:30:00 ",
         "2026-11-24 8:30", "2026年11月24日", "2026年1月5号", "24.11.2026", "24/11/2026",
         "11/24/2026", "3/4/2026", "5/5/26", "1/2/99", "Nov 24, 2026", "24 November 2026",
         "24-Nov-26", "Tue, 24 Nov 2026", "Sept 3 2026", "March 1st 2024", "46350",
         "2026-02-30", "2024-02-29", "1900-02-29", "2026-13-01", "0/0/2026", "1850-01-01",
         "yesterday", "2026-11", "1 2 3 4 5", "11/24/2026 7:52 AM", "二〇二六年十一月二十四日"]
texts("date", DATES)
