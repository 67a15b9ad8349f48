#!/usr/bin/env python3
"""check_report.py — read the workbooks of `kmgca report` back with openpyxl,
independently of the C code.

Usage: check_report.py OUT_DIR LANG CLIENT_FOLDER=WORKBOOK[=LANG]...

For each client workbook: the sheets and their order (Chinese names when the
client's report is in Chinese), the client summary's numbers against the
workbook's own Summary sheet (period averages, days under 67 % and 100 %),
the Nights sheet against the day log, print settings (A4, one page for the
summary, portrait; landscape and repeated header row for Nights; print
areas; header and footer naming the client, the period and the page), no
formula anywhere, and the index row against the client summary. LANG is the
index's language. Prints one line per failed check and exits 1, or one OK
line and exits 0.
"""
import csv
import datetime
import os
import re
import sys
import zipfile

import openpyxl

SHEETS = {
    "en": ["Client summary", "Nights", "Summary", "Diary", "Needs review", "Medications",
           "Activity & sweat", "Charts", "Top sources", "About"],
    "zh": ["客户摘要", "夜间记录", "每日汇总", "饮食日记", "待核对", "药物", "运动与出汗", "图表",
           "主要来源", "说明"],
}
TITLE = {"en": "Client report: ", "zh": "客户报告："}
MINERALS = {"en": ["Magnesium", "Potassium", "Calcium", "Sodium"], "zh": ["镁", "钾", "钙", "钠"]}
AVERAGE = {"en": "Average", "zh": "平均"}
failures = []
# Chinese workbooks: kmgca's own English that must not be left in them (the
# Diary notes and "How matched" column, the flags, the Medications and
# Activity sheets). Names, table notes and citations may stay English.
ENGLISH_LEFT = ["Matched ", " by exact", " by words", " by chinese", " by spelling", "confidence ",
                "as written", "USDA household measure", "amount read from the food text",
                "each: ", "no amount written", "one typical serving", "serving assumed",
                "Data: ", "see About", "Needs review", "needs review", " (bowl)", " (piece)",
                " (cup)", "small 碗"]
EFFECTS_ZH = {None, "降低", "升高", "轻度降低", "轻度升高", "无影响", "升高或降低"}


def fail(msg):
    failures.append(msg)


def no_formulas(wb, name):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    fail(f"{name}: {ws.title}!{c.coordinate} is a formula: {c.value!r}")


def raw_formulas(path):
    """openpyxl may read a cell's cached value: look at the XML for <f> too."""
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if n.startswith("xl/worksheets/") and n.endswith(".xml"):
                if b"<f>" in z.read(n) or b"<f " in z.read(n):
                    fail(f"{os.path.basename(path)}: {n} holds a formula")


def has_cjk(text):
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def english_words(text):
    """Words of three letters or more outside the quotes of a line as written."""
    text = re.sub(r"“[^”]*”", "", text)
    return re.findall(r"[A-Za-z]{3,}", text)


def check_chinese(wb, name):
    """The parts of a Chinese workbook that must be Chinese all the way through."""
    summary, diary, meds, act = wb["每日汇总"], wb["饮食日记"], wb["药物"], wb["运动与出汗"]
    drugs = set()
    for r in meds.iter_rows(min_row=2, values_only=True):
        if r[0] and r[6]:
            drugs.update(re.findall(r"[A-Za-z]{3,}", str(r[6])))
    # Flags: the cell and its note (kind, severity, mineral, message, action);
    # only the cited source after 来源： and drug names may be English.
    col = [c.value for c in summary[1]].index("提示") + 1
    flagged = 0
    for row in summary.iter_rows(min_row=2, min_col=col, max_col=col):
        c = row[0]
        if not c.value:
            continue
        flagged += 1
        left = [w for w in english_words(c.value) if w not in drugs]
        if left or not c.value.startswith(("低：", "中：", "高：")):
            fail(f"{name}: 每日汇总!{c.coordinate} is not Chinese: {c.value!r}")
        if not c.comment:
            fail(f"{name}: 每日汇总!{c.coordinate} has no note")
            continue
        for flag in c.comment.text.split("\n\n"):
            said = flag.split("来源：")[0]
            left = [w for w in english_words(said) if w not in drugs]
            if left or "来源：" not in flag or not re.match(r"^\S+【[低中高]，[钙镁钾钠]】：", flag):
                fail(f"{name}: 每日汇总!{c.coordinate} note not Chinese ({left}): {flag[:160]!r}")
    # The Diary: notes and the How column.
    head = [c.value for c in diary[1]]
    how_col = head.index("匹配与称量方式")
    for row in diary.iter_rows(min_row=2):
        note = row[head.index("匹配的食物")].comment
        texts = [row[how_col].value or ""] + ([note.text] if note else [])
        for t in texts:
            for phrase in ENGLISH_LEFT:
                if phrase in t:
                    fail(f"{name}: 饮食日记 row {row[0].row}: {phrase!r} left in {t[:200]!r}")
        if note and row[head.index("来源")].value == "TFDA" and \
                "Taiwan FDA Food Nutrient Database（OGDL-Taiwan-1.0；见“说明”表）" not in note.text:
            fail(f"{name}: 饮食日记 row {row[0].row}: the TFDA attribution is missing: {note.text!r}")
        if note and not note.text.startswith(("匹配到“", "待核对：")) and row[8].value:
            fail(f"{name}: 饮食日记 row {row[0].row}: note {note.text[:80]!r}")
    # Medications: class, effects, days flagged, how matched, review.
    mh = [c.value for c in meds[1]]
    for r in meds.iter_rows(min_row=2, values_only=True):
        if r[0] is None or r[1] is None:
            continue
        cls, flags = r[mh.index("类别")], r[mh.index("提示天数")]
        if cls and not has_cjk(cls):
            fail(f"{name}: 药物: class {cls!r} is not Chinese")
        for k in ("钾", "镁", "钙", "钠"):
            if r[mh.index(k)] not in EFFECTS_ZH:
                fail(f"{name}: 药物: effect {r[mh.index(k)]!r} is not Chinese")
        if flags and not has_cjk(flags):
            fail(f"{name}: 药物: days flagged {flags!r}")
        for k in ("开始", "结束"):
            if r[mh.index(k)] == "(open)":
                fail(f"{name}: 药物: (open) left")
        for k in ("匹配方式", "待核对"):
            v = r[mh.index(k)] or ""
            for phrase in ("generic name", "brand name", "Chinese name", "abbreviation",
                           "supplement counted", "supplement not counted", "not recognised",
                           "start date", "taken as active"):
                if phrase in v:
                    fail(f"{name}: 药物: {k} {v!r}")
    # Activity: how sweat was found.
    for r in act.iter_rows(min_row=3, values_only=True):
        if r[0] and str(r[0]).endswith(".csv") and r[15] and \
                not str(r[15]).startswith(("估算", "实测")):
            fail(f"{name}: 运动与出汗: {r[15]!r}")
    # The client summary's medication lines name the class in Chinese.
    for row in wb.worksheets[0].iter_rows(values_only=True):
        v = row[0]
        if isinstance(v, str) and v.startswith("• ") and "被提示" in v:
            cls = v.split("（", 1)[1].split("），", 1)[0] if "（" in v else ""
            if not has_cjk(cls) or ". " in v:
                fail(f"{name}: 客户摘要: {v!r}")
    # The Taiwan FDA attribution stays whole on the About sheet.
    about = " ".join(str(c.value) for row in wb["说明"].iter_rows() for c in row if c.value)
    for part in ("Open Government Data License", "https://data.gov.tw/license", "食品營養成分資料庫"):
        if part not in about:
            fail(f"{name}: 说明: the Taiwan FDA attribution lost {part!r}")
    return flagged


def check_client(out, folder, workbook, lang, clients_dir):
    path = os.path.join(out, workbook)
    if not os.path.exists(path):
        fail(f"{folder}: {workbook} was not written")
        return None
    wb = openpyxl.load_workbook(path)
    name = workbook
    if wb.sheetnames != SHEETS[lang]:
        fail(f"{name}: sheets {wb.sheetnames}, expected {SHEETS[lang]}")
        return None
    no_formulas(wb, name)
    raw_formulas(path)
    if lang == "zh":
        check_chinese(wb, name)
    cs, nights, summary = wb.worksheets[0], wb.worksheets[1], wb.worksheets[2]
    title = cs["A1"].value or ""
    if not title.startswith(TITLE[lang]):
        fail(f"{name}: A1 is {title!r}")
    # Period averages: the rows under the header that names the minerals.
    rows = {r[0]: r for r in cs.iter_rows(values_only=True) if r and r[0] in MINERALS[lang]}
    if len(rows) != 4:
        fail(f"{name}: period averages table not found ({sorted(k for k in rows)})")
        return None
    # The workbook's own Summary sheet: daily mg and % columns.
    head = [c.value for c in summary[1]]
    days = [r for r in summary.iter_rows(min_row=2, values_only=True)
            if isinstance(r[0], datetime.datetime)]
    avg_row = [r for r in summary.iter_rows(min_row=2, values_only=True) if r[0] == AVERAGE[lang]]
    if not avg_row:
        fail(f"{name}: no Average row on the Summary sheet")
        return None
    avg_row = avg_row[0]
    for mineral, col in zip(MINERALS[lang][:3], (3, 5, 1)):  # Mg, K, Ca mg columns
        r = rows[mineral]
        want = avg_row[col]
        if want is None or r[1] is None or abs(r[1] - want) > 1e-6 * max(1, want):
            fail(f"{name}: {mineral} average {r[1]} on the client summary, {want} on Summary")
        target = days[0][{1: 16, 3: 17, 5: 18}[col]] if days else None
        if target is not None and abs(r[2] - target) > 1e-9:
            fail(f"{name}: {mineral} target {r[2]}, Summary says {target}")
        pct = [d[col + 1] for d in days if d[col + 1] is not None]
        under67 = sum(1 for p in pct if p < 0.67 - 1e-12)
        under100 = sum(1 for p in pct if p < 1.0 - 1e-12)
        if (r[4], r[5]) != (under67, under100):
            fail(f"{name}: {mineral} days under 67 %/100 % are {r[4]}/{r[5]}, "
                 f"Summary gives {under67}/{under100}")
        if abs(r[3] - r[1] / r[2]) > 1e-9:
            fail(f"{name}: {mineral} % of target {r[3]} is not {r[1]}/{r[2]}")
    # Nights: one row per day, cramps from the day log.
    log = os.path.join(clients_dir, folder, "daylog.csv")
    logged = {}
    if os.path.exists(log):
        with open(log, encoding="utf-8-sig") as f:
            rd = csv.reader(f)
            next(rd)
            for row in rd:
                if row and row[0]:
                    logged[row[0]] = int(row[1])
    nrows = [r for r in nights.iter_rows(min_row=2, values_only=True)
             if isinstance(r[0], datetime.datetime)]
    if len(nrows) != len(days):
        fail(f"{name}: Nights has {len(nrows)} days, Summary {len(days)}")
    for r in nrows:
        d = r[0].date().isoformat()
        if d in logged and r[1] != logged[d]:
            fail(f"{name}: Nights {d}: cramps {r[1]}, the day log says {logged[d]}")
    # Print settings.
    ps = cs.page_setup
    if ps.orientation != "portrait" or str(ps.paperSize) != "9":
        fail(f"{name}: summary prints {ps.orientation} on paper {ps.paperSize}")
    if not cs.sheet_properties.pageSetUpPr.fitToPage or ps.fitToWidth not in (1, None) or \
            ps.fitToHeight not in (1, None):
        fail(f"{name}: summary is not fitted to one page "
             f"({ps.fitToWidth}x{ps.fitToHeight})")
    if not cs.print_area:
        fail(f"{name}: summary has no print area")
    if nights.page_setup.orientation != "landscape" or not nights.print_title_rows:
        fail(f"{name}: Nights is not landscape with a repeated header row")
    for ws in (cs, nights, summary):
        header = ws.oddHeader.left.text or ""
        footer = (ws.oddFooter.center.text or "")
        if rows and wb.worksheets[0]["A1"].value.split("：" if lang == "zh" else ": ", 1)[-1] \
                .split(" (")[0] not in header:
            fail(f"{name}: {ws.title}: the page header {header!r} does not name the client")
        if "&P" not in footer or "&N" not in footer:
            fail(f"{name}: {ws.title}: the footer {footer!r} has no page numbers")
        right = ws.oddHeader.right.text or ""
        if days and days[0][0].date().isoformat() not in right:
            fail(f"{name}: {ws.title}: the header {right!r} does not give the period")
    return {"mg": rows[MINERALS[lang][0]][3], "k": rows[MINERALS[lang][1]][3],
            "ca": rows[MINERALS[lang][2]][3], "days": len(days)}


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        sys.exit(2)
    out, index_lang, clients_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    index = openpyxl.load_workbook(os.path.join(out, "index.xlsx"))
    no_formulas(index, "index.xlsx")
    ws = index.worksheets[0]
    if ws.title != {"en": "Clients", "zh": "客户"}[index_lang]:
        fail(f"index.xlsx: first sheet {ws.title!r}")
    head = [c.value for c in ws[1]]
    irows = {}
    for r in ws.iter_rows(min_row=2):
        if r[1].value:
            irows[r[1].value] = r
    if ws.page_setup.orientation != "landscape" or not ws.print_title_rows:
        fail("index.xlsx: not landscape with a repeated header row")
    for spec in sys.argv[4:]:
        parts = spec.split("=")
        folder, workbook, lang = parts[0], parts[1], parts[2] if len(parts) > 2 else "en"
        got = check_client(out, folder, workbook, lang, clients_dir)
        if folder not in irows:
            fail(f"index.xlsx: no row for {folder}")
            continue
        row = irows[folder]
        link = row[18]
        if link.value != workbook or not link.hyperlink or link.hyperlink.target != workbook:
            fail(f"index.xlsx: {folder}: link {link.value!r} -> "
                 f"{link.hyperlink.target if link.hyperlink else None}")
        if got:
            for key, col in (("mg", 6), ("k", 7), ("ca", 8)):
                if abs((row[col].value or 0) - got[key]) > 1e-9:
                    fail(f"index.xlsx: {folder}: {key} {row[col].value}, the summary says "
                         f"{got[key]}")
            if row[5].value != got["days"]:
                fail(f"index.xlsx: {folder}: {row[5].value} days, expected {got['days']}")
    if failures:
        for f in failures:
            print("FAIL", f)
        sys.exit(1)
    print(f"OK {out}: {len(sys.argv) - 4} client workbooks and the index")


main()
