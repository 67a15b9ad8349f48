#!/usr/bin/python3
"""pandas_baseline.py — the pandas baseline for the `kmgca analyse` benchmark.

    python3 bench/pandas_baseline.py FOODS_CSV DIARY_CSV OUT.xlsx

What a careful analyst would write with pandas and XlsxWriter in a few dozen
lines, for the same job as `kmgca analyse DIARY.csv -o OUT.xlsx`:

  1. read the food table (foodtables/foods.csv: id, source, description,
     group, ca_mg, mg_mg, k_mg, na_mg per 100 g) and the diary CSV
     (date,food,amount,unit);
  2. join them on the lower-cased food text = lower-cased description, after
     a small alias dict has turned the usual free-text names ("banana",
     "greek yogurt", "豆腐") into descriptions; a plain join, no fuzzy
     matching, so misspellings ("bananna") and unknown names stay NaN;
  3. grams: unit "g" as written, household units with one fixed
     grams-per-unit figure (1 cup = 240 g whatever the food);
  4. Ca, Mg, K, Na = grams / 100 * the table's mg per 100 g;
  5. daily sums with groupby;
  6. writes a "Diary" sheet (15 columns a row) and a "Summary" sheet (one row
     a day) with pd.ExcelWriter(engine="xlsxwriter") in XlsxWriter's
     constant_memory mode.

About step 6: pandas (1.5 as in Debian 12, and later versions too) writes a
DataFrame to Excel column by column (ExcelFormatter._generate_body), while
XlsxWriter's constant_memory mode only accepts cells in row order: it drops
any cell whose row is above the last row written. df.to_excel with
constant_memory therefore leaves every column but the first empty. So the
frames are written row by row through the writer's own worksheet objects
(writer.book.add_worksheet / worksheet.write_row); the workbook, the engine and
its options are still pandas' ExcelWriter.

Exits 0 on success, 2 on bad arguments.
"""
import sys

import numpy as np
import pandas as pd

# Free text -> description in foods.csv (matched lower-cased).
ALIASES = {
    "banana": "Bananas, raw",
    "spinach boiled": "Spinach, cooked, boiled, drained, without salt",
    "greek yogurt": "Yogurt, Greek, plain, nonfat",
    "almonds": "Nuts, almonds",
    "whole wheat bread": "Bread, whole-wheat, commercially prepared",
    "brown rice cooked": "Rice, brown, long-grain, cooked",
    "salmon": "Fish, salmon, Atlantic, farmed, cooked, dry heat",
    "pumpkin seeds": "Seeds, pumpkin and squash seed kernels, dried",
    "apple": "Apples, raw, with skin",
    "orange": "Oranges, raw, all commercial varieties",
    "milk": "Milk, whole, 3.25% milkfat, with added vitamin D",
    "2% milk": "Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D",
    "skim milk": "Milk, nonfat, fluid, with added vitamin A and vitamin D (fat free or skim)",
    "oatmeal": "Cereals, oats, regular and quick, unenriched, cooked with water "
               "(includes boiling and microwaving), without salt",
    "peanut butter": "Peanut butter, smooth style, with salt",
    "cheddar cheese": "Cheese, cheddar",
    "hard boiled egg": "Egg, whole, cooked, hard-boiled",
    "egg": "Egg, whole, raw, fresh",
    "chicken breast grilled": "Chicken, broilers or fryers, breast, meat only, cooked, roasted",
    "broccoli, steamed": "Broccoli, cooked, boiled, drained, without salt",
    "carrots": "Carrots, raw",
    "baked potato": "Potatoes, baked, flesh and skin, without salt",
    "sweet potato": "Sweet potato, cooked, baked in skin, flesh, without salt",
    "black beans": "Beans, black, mature seeds, cooked, boiled, without salt",
    "chickpeas": "Chickpeas (garbanzo beans, bengal gram), mature seeds, cooked, boiled, "
                 "without salt",
    "lentils cooked": "Lentils, mature seeds, cooked, boiled, without salt",
    "avocado": "Avocados, raw, all commercial varieties",
    "tomato": "Tomatoes, red, ripe, raw, year round average",
    "cucumber": "Cucumber, with peel, raw",
    "kale": "Kale, raw",
    "strawberries": "Strawberries, raw",
    "blueberries": "Blueberries, raw",
    "grapes": "Grapes, red or green (European type, such as Thompson seedless), raw",
    "walnuts": "Nuts, walnuts, english",
    "cashews": "Nuts, cashew nuts, raw",
    "chia seeds": "Seeds, chia seeds, dried",
    "sunflower seeds": "Seeds, sunflower seed kernels, dried",
    "olive oil": "Oil, olive, salad or cooking",
    "butter": "Butter, salted",
    "white rice": "Rice, white, long-grain, regular, enriched, cooked",
    "pasta": "Pasta, cooked, enriched, without added salt",
    "quinoa": "Quinoa, cooked",
    "tofu": "Tofu, raw, firm, prepared with calcium sulfate",
    "soy milk": "Soymilk, original and vanilla, with added calcium, vitamins A and D",
    "almond milk": "Beverages, almond milk, unsweetened, shelf stable",
    "orange juice": "Orange juice, raw",
    "coffee": "Coffee, brewed",
    "black tea": "Tea, hot, leaf, black",
    "dark chocolate": "Chocolate, dark, 70-85% cacao solids",
    "hummus": "Hummus, commercial",
    "cottage cheese": "Cheese, cottage, lowfat, 2% milkfat",
    "mozzarella": "Cheese, mozzarella, whole milk",
    "feta cheese": "Cheese, feta",
    "ground beef": "Beef, ground, 85% lean meat / 15% fat, patty, cooked, broiled",
    "cod": "Fish, cod, Atlantic, cooked, dry heat",
    "tuna, canned": "Fish, tuna, light, canned in water, drained solids",
    "sardines": "Fish, sardine, Atlantic, canned in oil, drained solids with bone",
    "mango": "Mangos, raw",
    "pineapple": "Pineapple, raw, all varieties",
    "watermelon": "Watermelon, raw",
    "pear": "Pears, raw",
    "raisins": "Raisins, seedless",
    "medjool dates": "Dates, medjool",
    "菠菜": "Spinach, raw",
    "豆腐": "Tofu, raw, firm, prepared with calcium sulfate",
    "米饭": "Rice, white, long-grain, regular, enriched, cooked",
    "牛奶": "Milk, whole, 3.25% milkfat, with added vitamin D",
    "鸡蛋": "Egg, whole, raw, fresh",
    "香蕉": "Bananas, raw",
    "苹果": "Apples, raw, with skin",
    "西兰花": "Broccoli, raw",
    "燕麦片": "Cereals, oats, regular and quick, not fortified, dry",
}
ALIASES = {k.lower(): v.lower() for k, v in ALIASES.items()}

# One fixed weight per household unit, whatever the food.
GRAMS_PER_UNIT = {
    "g": 1.0, "medium": 150.0, "large": 200.0, "small": 100.0, "cup": 240.0,
    "slice": 30.0, "tbsp": 15.0, "tsp": 5.0, "oz": 28.35, "piece": 25.0,
}

MINERALS = [("ca_mg", "Ca mg"), ("mg_mg", "Mg mg"), ("k_mg", "K mg"), ("na_mg", "Na mg")]


def write_frame(book, name, df):
    """Writes df to a new sheet row by row (constant_memory needs row order).
    NaN cells are left empty."""
    ws = book.add_worksheet(name)
    ws.write_row(0, 0, list(df.columns))
    cols = []
    for c in df.columns:
        s = df[c]
        if s.dtype.kind in "fc":
            cols.append([None if v != v else v for v in s.tolist()])
        elif s.dtype == object:
            cols.append(s.where(s.notna(), None).tolist())
        else:
            cols.append(s.tolist())
    write_row = ws.write_row
    for r, row in enumerate(zip(*cols), start=1):
        write_row(r, 0, row)


def main(argv):
    if len(argv) != 4:
        print("usage: pandas_baseline.py FOODS_CSV DIARY_CSV OUT.xlsx", file=sys.stderr)
        return 2
    foods_csv, diary_csv, out = argv[1:]

    foods = pd.read_csv(foods_csv, dtype={"id": str, "source": str, "description": str},
                        usecols=["id", "source", "description"] + [m for m, _ in MINERALS])
    foods["key"] = foods["description"].str.lower()
    foods = foods.drop_duplicates("key")  # SR28 rows come first and win

    diary = pd.read_csv(diary_csv, dtype={"date": str, "food": str, "unit": str},
                        keep_default_na=False)
    diary["amount"] = pd.to_numeric(diary["amount"], errors="coerce")
    diary.insert(0, "line", np.arange(2, len(diary) + 2))
    diary.insert(0, "file", diary_csv.rsplit("/", 1)[-1])

    lower = diary["food"].str.lower()
    aliased = lower.map(ALIASES)
    diary["key"] = aliased.fillna(lower)
    df = diary.merge(foods, how="left", on="key", sort=False)

    unit = df["unit"].str.lower()
    df["grams"] = df["amount"] * unit.map(GRAMS_PER_UNIT)
    for col, _ in MINERALS:
        df[col] = df["grams"] / 100.0 * df[col]

    matched = df["id"].notna()
    how_match = np.where(~matched, "no match",
                         np.where(aliased.notna().to_numpy(), "alias", "exact description"))
    how_grams = np.where(unit == "g", "grams as written",
                         np.where(unit.map(GRAMS_PER_UNIT).notna(),
                                  "household unit at a fixed weight per unit", "unknown unit"))
    df["how"] = pd.Series(how_match, index=df.index) + "; " + pd.Series(how_grams, index=df.index)

    diary_out = df[["file", "line", "date", "food", "amount", "unit", "description", "source",
                    "id", "grams"] + [m for m, _ in MINERALS] + ["how"]]
    diary_out = diary_out.rename(columns={"description": "matched food", **dict(MINERALS)})

    df["matched"] = matched
    summary = df.groupby("date", sort=True).agg(
        rows=("food", "size"), matched=("matched", "sum"), grams=("grams", "sum"),
        **{label: (col, "sum") for col, label in MINERALS})
    summary = summary.reset_index()

    with pd.ExcelWriter(out, engine="xlsxwriter",
                        engine_kwargs={"options": {"constant_memory": True}}) as writer:
        write_frame(writer.book, "Diary", diary_out)
        write_frame(writer.book, "Summary", summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
