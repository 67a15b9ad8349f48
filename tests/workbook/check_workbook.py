#!/usr/bin/env python3
"""check_workbook.py — read a kmgca .xlsx report back, independently of the C
code, and check it against the --json output of the same run and the diaries.

Usage: check_workbook.py REPORT.xlsx JSON_FILE DIARY_CSV...

openpyxl reads the cells, notes, panes, filters and print set-up; zipfile and
ElementTree read what openpyxl drops or hides (chart parts, comment parts, the
raw <f> elements). Prints one line per failed check and exits 1, or prints one
OK line and exits 0. Exit 2: bad arguments or openpyxl missing.
"""
import csv
import datetime
import io
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

try:
    import openpyxl
except ImportError:
    print("check_workbook: openpyxl is not installed (Debian: python3-openpyxl)")
    sys.exit(2)

SHEETS = ["Summary", "Diary", "Needs review", "Medications", "Activity & sweat", "Charts",
          "Top sources", "About"]
DIARY_HEAD = ["File", "Line", "Date", "Time", "Meal", "Food as written", "Amount", "Unit",
              "Matched food", "Source", "Food ID", "Confidence", "Grams", "Ca mg", "Mg mg",
              "K mg", "Na mg", "Status", "How matched and weighed"]
REVIEW_HEAD = ["File", "Line", "Date as written", "Food as written", "Amount", "Unit",
               "Reason", "Row as read"]
SUMMARY_HEAD = ["Date", "Ca mg", "Ca % of target", "Mg mg", "Mg % of target", "K mg",
                "K % of target", "Na mg", "Ca coverage", "Mg coverage", "K coverage", "Rows",
                "Used", "Review", "Assumed servings", "Flags", "Ca target mg", "Mg target mg",
                "K target mg", "Ca from food mg", "Mg from food mg", "K from food mg",
                "Ca from supplements mg", "Mg from supplements mg", "K from supplements mg",
                "Ca recomputed share", "Mg recomputed share", "K recomputed share"]
USED = ("used", "used, serving assumed", "used, supplement", "used, export value kept")
D = {name: i for i, name in enumerate(DIARY_HEAD)}
R = {name: i for i, name in enumerate(REVIEW_HEAD)}
ROW_MAX = 1048576
# KMGCA_WORKBOOK_NOTE_LIMIT, read from the public header so the two stay in step.
NOTE_LIMIT = int(re.search(r"#define KMGCA_WORKBOOK_NOTE_LIMIT (\d+)", open(os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "include", "kmgca.h")).read()).group(1))
MG_TOL = 0.05 + 1e-6        # JSON rounds mg to 0.1
HOUSEHOLD_UNITS = {"cup", "cups", "medium"}
MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

failures = []
csv.field_size_limit(1 << 30)


def fail(msg):
    failures.append(msg)


def cell_text(s):
    """What lib/sheet.c makes of a text: control characters to spaces."""
    return "".join(" " if (ord(c) < 0x20 and c not in "\t\n") or c == "\x7f" else c for c in s)


def blank(v):
    return v is None or (isinstance(v, str) and v == "")


def as_date(v):
    if isinstance(v, datetime.datetime):
        return v.date()
    if isinstance(v, datetime.date):
        return v
    return None


# ---- The diaries ---------------------------------------------------------

class Diary:
    """One CSV: its physical lines and the records that start on each line."""

    def __init__(self, path):
        self.path = path
        raw = open(path, "rb").read()
        for enc in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            text = raw.decode("utf-8", "replace")
        self.lines = text.split("\n")
        if self.lines and self.lines[-1] == "":
            self.lines.pop()
        head = self.lines[0] if self.lines else ""
        counts = {d: head.count(d) for d in (",", ";", "\t")}
        self.delim = max((",", ";", "\t"), key=lambda d: (counts[d], d == ","))
        self.records = {}       # start line (1-based) -> fields
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delim)
        start = 1
        try:
            for fields in reader:
                self.records[start] = fields
                start = reader.line_num + 1
        except csv.Error:
            pass                # a malformed tail: the lines read so far still count


def load_diaries(paths):
    by_base = {}
    for p in paths:
        try:
            by_base.setdefault(os.path.basename(p), []).append(Diary(p))
        except OSError as e:
            fail("diary %s cannot be read: %s" % (p, e))
    return by_base


# ---- Checks --------------------------------------------------------------

def check_zip(z, doc):
    names = z.namelist()
    for n in names:
        if not n.endswith((".xml", ".rels", ".vml")):
            continue
        data = z.read(n)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            fail("zip: %s is not valid UTF-8 (%s)" % (n, e))
            continue
        if n.endswith(".vml"):
            continue
        try:
            ET.fromstring(data)
        except ET.ParseError as e:
            fail("zip: %s is not well-formed XML (%s)" % (n, e))
    # No formula anywhere: no <f> element in any worksheet part, no calc chain.
    for n in names:
        if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n):
            try:
                for _, el in ET.iterparse(io.BytesIO(z.read(n))):
                    if el.tag == MAIN_NS + "f" or el.tag == "f":
                        fail("formula: %s holds an <f> element (%r)" % (n, el.text))
                        break
            except ET.ParseError:
                pass            # reported above
    if "xl/calcChain.xml" in names:
        fail("formula: xl/calcChain.xml present (a calculation chain means formulas)")
    charts = [n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    want = 3 if doc["days"] else 0
    if len(charts) != want:
        fail("charts: %d chart parts, expected %d" % (len(charts), want))
    last = len(doc["days"]) + 1
    for n in charts:
        refs = re.findall(r"<c:f>([^<]*)</c:f>", z.read(n).decode("utf-8", "replace"))
        if len(refs) != 4:
            fail("charts: %s has %d range references, expected 4" % (n, len(refs)))
        for ref in refs:
            # One day is a single cell: Summary!$A$2.
            m = re.fullmatch(r"Summary!\$([A-Z]+)\$2(?::\$\1\$(\d+))?", ref)
            if not m or int(m.group(2) or 2) != last:
                fail("charts: %s refers to %s, expected a Summary column rows 2 to %d"
                     % (n, ref, last))
    comments = [n for n in names if re.fullmatch(r"xl/comments\d+\.xml", n)]
    return comments


def sheet_parts(z):
    """Sheet name -> the bytes of its worksheet part, from workbook.xml and its rels."""
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    pkg_ns = "{http://schemas.openxmlformats.org/package/2006/relationships}"
    try:
        wbx = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError) as e:
        fail("zip: workbook.xml or its rels unreadable: %s" % e)
        return {}
    target = {r.get("Id"): r.get("Target") for r in rels.iter(pkg_ns + "Relationship")}
    parts = {}
    for sh in wbx.iter(MAIN_NS + "sheet"):
        t = target.get(sh.get(rel_ns + "id"), "")
        t = t[1:] if t.startswith("/") else "xl/" + t
        try:
            parts[sh.get("name")] = z.read(t)
        except KeyError:
            fail("zip: sheet %r has no part %s" % (sh.get("name"), t))
    return parts


def check_order(wb):
    names = wb.sheetnames
    if names[:len(SHEETS)] != SHEETS:
        fail("sheets: order is %r, expected %r first" % (names, SHEETS))
    want = {"Diary": 2, "Needs review": 2}
    for n in names[len(SHEETS):]:
        m = re.fullmatch(r"(Diary|Needs review) \((\d+)\)", n)
        if not m:
            fail("sheets: unexpected sheet %r after About" % n)
            continue
        if int(m.group(2)) != want[m.group(1)]:
            fail("sheets: %r out of order (expected %s (%d))"
                 % (n, m.group(1), want[m.group(1)]))
        want[m.group(1)] = int(m.group(2)) + 1


def data_rows(wb, base, head, label):
    """The data rows of a sheet and its continuation sheets, as (sheet, row number,
    cells) triples."""
    sheets = [base] + [n for n in wb.sheetnames if re.fullmatch(re.escape(base) + r" \(\d+\)", n)]
    out = []
    for i, name in enumerate(sheets):
        ws = wb[name]
        rows = list(ws.iter_rows())
        got = [c.value for c in rows[0]] if rows else []
        got = got[:len(head)] + [None] * (len(head) - len(got))
        if got != head:
            fail("%s: header of %r is %r" % (label, name, got))
        n = 0
        for r in rows[1:]:
            cells = list(r)[:len(head)]
            cells += [None] * (len(head) - len(cells))
            if all(c is None or blank(c.value) for c in cells):
                continue
            out.append((name, r[0].row, cells))
            n += 1
        if i < len(sheets) - 1 and n != ROW_MAX - 1:
            fail("%s: %r has %d data rows but a continuation follows it" % (label, name, n))
    return sheets, out


def val(c):
    return None if c is None else c.value


def check_formula_cells(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    fail("formula: %s!%s is a formula (%r)" % (ws.title, c.coordinate, c.value))
                elif isinstance(c.value, str) and c.value.startswith("=") and c.data_type != "s":
                    fail("formula: %s!%s starts with '=' and is of type %r"
                         % (ws.title, c.coordinate, c.data_type))


def check_diary(wb, doc, diaries):
    sheets, rows = data_rows(wb, "Diary", DIARY_HEAD, "Diary")
    read, used, review = doc["rows_read"], doc["rows_used"], doc["rows_review"]
    if len(rows) != read:
        fail("Diary: %d data rows, JSON rows_read is %d" % (len(rows), read))
    status = [val(c[D["Status"]]) for _, _, c in rows]
    n_used = sum(status.count(u) for u in USED)
    if n_used != used or status.count("review") != review:
        fail("Diary: %d used and %d review rows, JSON says %d and %d"
             % (n_used, status.count("review"), used, review))
    assumed = sum(d.get("rows_assumed", 0) for d in doc.get("days", []))
    if status.count("used, serving assumed") != assumed:
        fail("Diary: %d rows marked \"used, serving assumed\", JSON days say %d"
             % (status.count("used, serving assumed"), assumed))
    per_file = {}
    per_file_used = {}
    for f in doc.get("files", []):
        b = os.path.basename(f["path"])
        per_file[b] = per_file.get(b, 0) + f["rows"]
        if "rows_used" in f:
            # Nothing lost per file: read = used + in review, and the Diary
            # sheet's used rows of the file are the JSON's.
            if f["rows"] != f["rows_used"] + f["rows_review"]:
                fail("JSON files[]: %s: rows %d != used %d + review %d"
                     % (b, f["rows"], f["rows_used"], f["rows_review"]))
            per_file_used[b] = per_file_used.get(b, 0) + f["rows_used"]
    got_file = {}
    got_used = {}
    seen = set()
    last_line = {}
    for name, rn, c in rows:
        where = "%s!row %d" % (name, rn)
        fname, line = val(c[D["File"]]), val(c[D["Line"]])
        got_file[fname] = got_file.get(fname, 0) + 1
        if val(c[D["Status"]]) in USED:
            got_used[fname] = got_used.get(fname, 0) + 1
        if fname not in diaries:
            fail("Diary: %s: File %r is not one of the diaries given" % (where, fname))
            continue
        if not isinstance(line, (int, float)) or isinstance(line, bool) or line != int(line):
            fail("Diary: %s: Line %r is not a whole number" % (where, line))
            continue
        line = int(line)
        cands = [d for d in diaries[fname] if line in d.records and line >= 2
                 and any(x.strip() for x in d.records[line])]
        # A line that lists several foods, each with its serving, is one row
        # a food: the row's food is a part of the line's food field, and how
        # it was weighed says so; the parts share the line, in order.
        food = val(c[D["Food as written"]])
        how = val(c[D["How matched and weighed"]])
        part = (isinstance(how, str) and "one of the foods the line lists" in how)
        if part and cands:
            whole = [x for d in cands for x in d.records[line]]
            if not (isinstance(food, str) and food and any(food in x and food != x.strip()
                                                           for x in whole)):
                fail("Diary: %s: food %r is no part of %s line %d" % (where, food, fname, line))
        if not cands:
            fail("Diary: %s: Line %d is not the start of a data row of %s" % (where, line, fname))
            continue
        if (fname, line) in seen and len(diaries[fname]) == 1 and not part:
            fail("Diary: %s: %s line %d listed twice" % (where, fname, line))
        seen.add((fname, line))
        if len(diaries[fname]) == 1:
            if line < last_line.get(fname, 0) or (line == last_line.get(fname, 0) and not part):
                fail("Diary: %s: %s line %d after line %d" % (where, fname, line,
                                                              last_line[fname]))
            last_line[fname] = line
        food_cell = c[D["Food as written"]]
        food = val(food_cell)
        if blank(food):
            continue
        fields = [cell_text(x) for d in cands for x in d.records[line]]
        fields += [cell_text(x.strip()) for d in cands for x in d.records[line]]
        if isinstance(food, str) and food.startswith("="):
            if food_cell.data_type != "s":
                fail("Diary: %s: food %r is not a plain string (type %r)"
                     % (where, food, food_cell.data_type))
            if food not in fields:
                fail("Diary: %s: food %r is not the CSV text of %s line %d (%r)"
                     % (where, food, fname, line, cands[0].records[line]))
        elif not part and (not isinstance(food, str) or food not in fields):
            fail("Diary: %s: food %r is not a field of %s line %d" % (where, food, fname, line))
    for b, n in per_file.items():
        if got_file.get(b, 0) != n:
            fail("Diary: %d rows from %s, JSON files[] says %d" % (got_file.get(b, 0), b, n))
    for b, n in per_file_used.items():
        if got_used.get(b, 0) != n:
            fail("Diary: %d used rows from %s, JSON files[] says %d" % (got_used.get(b, 0), b, n))
    return sheets, rows


def check_review(wb, doc, diaries, diary_rows):
    sheets, rows = data_rows(wb, "Needs review", REVIEW_HEAD, "Needs review")
    if len(rows) != doc["rows_review"]:
        fail("Needs review: %d data rows, JSON rows_review is %d" % (len(rows), doc["rows_review"]))
    got = [(val(c[R["File"]]), val(c[R["Line"]])) for _, _, c in rows]
    in_diary = [(val(c[D["File"]]), val(c[D["Line"]])) for _, _, c in diary_rows
                if val(c[D["Status"]]) == "review"]
    if got != in_diary:
        fail("Needs review: rows %r differ from the Diary's review rows %r" % (got[:5], in_diary[:5]))
    from_json = [(os.path.basename(x["file"]), x["line"]) for x in doc.get("review", [])]
    if got != from_json:
        fail("Needs review: rows %r differ from JSON review[] %r" % (got[:5], from_json[:5]))
    for (name, rn, c), j in zip(rows, doc.get("review", [])):
        reason = val(c[R["Reason"]])
        if reason != cell_text(j["reason"] or "") and not (blank(reason) and not j["reason"]):
            fail("Needs review: %s!row %d: reason %r, JSON says %r" % (name, rn, reason, j["reason"]))
        fname, line = val(c[R["File"]]), val(c[R["Line"]])
        original = val(c[R["Row as read"]])
        if fname not in diaries or not isinstance(original, str) or original.endswith(" ..."):
            continue
        recs = [d for d in diaries[fname] if isinstance(line, int) and line in d.records]
        if not recs:
            fail("Needs review: %s!row %d: %s line %r is not a row of the diary" % (name, rn, fname, line))
            continue
        d = recs[0]
        parsed = next(csv.reader(io.StringIO(original, newline=""), delimiter=d.delim), [])
        want = [cell_text(x) for x in d.records[line]]
        if parsed != want and [x.strip() for x in parsed] != [x.strip() for x in want]:
            fail("Needs review: %s!row %d: Row as read %r is not %s line %d %r"
                 % (name, rn, original, fname, line, want))
    return sheets, rows


def check_notes(wb, diary_sheets, rows, comment_parts):
    if rows and not comment_parts:
        fail("notes: the Diary has rows but the zip holds no xl/comments*.xml")
    notes = 0
    want_household = False
    have_household = False
    for name, rn, c in rows:
        how = val(c[D["How matched and weighed"]])
        note = c[D["Matched food"]].comment if c[D["Matched food"]] is not None else None
        text = note.text if note else None
        match = val(c[D["Matched food"]])
        status = val(c[D["Status"]])
        # kmgca notes every row it has something to say about (a match, how a
        # value came about, a review reason), up to NOTE_LIMIT rows.
        expect = (not blank(match) or not blank(how) or status == "review") and notes < NOTE_LIMIT
        if expect and text is None:
            fail("notes: %s!row %d has no note on Matched food" % (name, rn))
        elif not expect and text is not None:
            fail("notes: %s!row %d has a note but no reason for one" % (name, rn))
        if text is not None:
            notes += 1
            if not blank(match) and not text.startswith('Matched "%s"' % match):
                fail("notes: %s!row %d: note %r does not name the match %r" % (name, rn, text, match))
            # The How column is "<method>: <how>[; needs review: <reason>]", or
            # empty for grams used as written; the note holds the same parts.
            if not blank(how):
                body = re.sub(r"^(exact|words|spelling|chinese): ", "", how)
                body, _, reason = body.partition("needs review: ")
                body = body.rstrip("; ")
                if body and body not in text:
                    fail("notes: %s!row %d: note %r does not hold %r" % (name, rn, text, body))
                if reason and ("Needs review: " + reason) not in text:
                    fail("notes: %s!row %d: note %r does not give the reason %r" % (name, rn, text, reason))
            elif "g as written" not in text:
                fail("notes: %s!row %d: empty How, but the note %r is not about grams as written"
                     % (name, rn, text))
            # a cup of a drink the table gives no volume for is weighed by its
            # kind's density (containers.csv), or as water
            if ("household measure" in text or "weighed as water" in text
                    or "gives no volume" in text):
                have_household = True
        unit = val(c[D["Unit"]])
        if (val(c[D["Status"]]) in USED and not blank(val(c[D["Matched food"]]))
                and isinstance(unit, str) and unit.strip().lower() in HOUSEHOLD_UNITS):
            want_household = True
            if (text is not None and "household measure" not in text
                    and "weighed as water" not in text and "gives no volume" not in text):
                fail("notes: %s!row %d (%s) note does not say \"household measure\": %r"
                     % (name, rn, unit, text))
    if want_household and not have_household:
        fail("notes: a row is in cups or a medium piece, but no note says \"household measure\"")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.comment and not (ws.title in diary_sheets and c.column == D["Matched food"] + 1):
                    fail("notes: unexpected note on %s!%s" % (ws.title, c.coordinate))


def check_layout(wb, diary_sheets, review_sheets, diary_rows, review_rows):
    def count(rows, name):
        return sum(1 for n, _, _ in rows if n == name)

    for names, rows, cols, label in ((diary_sheets, diary_rows, "S", "Diary"),
                                     (review_sheets, review_rows, "H", "Needs review")):
        for name in names:
            ws = wb[name]
            if ws.freeze_panes != "A2":
                fail("%s: %r freeze panes %r, expected 'A2'" % (label, name, ws.freeze_panes))
            ref = ws.auto_filter.ref
            want = "A1:%s%d" % (cols, max(count(rows, name) + 1, 2))
            if ref != want:
                fail("%s: %r autofilter %r, expected %r" % (label, name, ref, want))
            if ws.page_setup.orientation != "landscape":
                fail("%s: %r page orientation %r, expected landscape"
                     % (label, name, ws.page_setup.orientation))
            # A print area (Diary leaves out the long "How" column) starts at A1
            # and covers every row ("$A:$R" when the sheet is full).
            area = ws.print_area
            if area:
                text = area if isinstance(area, str) else ",".join(area)
                last = max(count(rows, name) + 1, 2)
                m = re.search(r"\$?A\$?1:\$?[A-Z]+\$?(\d+)$", text)
                whole = re.search(r"(^|!)\$?A:\$?[A-Z]+$", text) and last == ROW_MAX
                if not whole and (not m or int(m.group(1)) != last):
                    fail("%s: %r print area %r does not cover rows 1 to %d" % (label, name, text, last))
            titles = (ws.print_title_rows or "").replace("$", "")
            if titles != "1:1":
                fail("%s: %r print title rows %r, expected 1:1" % (label, name, ws.print_title_rows))
            pr = ws.sheet_properties.pageSetUpPr
            fit_w = ws.page_setup.fitToWidth
            if not (pr is not None and pr.fitToPage) or str(ws.page_setup.fitToHeight) != "0" \
                    or fit_w not in (None, 1, "1"):
                fail("%s: %r is not fitted to one page wide (fitToPage %r, width %r, height %r)"
                     % (label, name, pr.fitToPage if pr is not None else None, fit_w,
                        ws.page_setup.fitToHeight))
    if wb["Summary"].freeze_panes != "B2":
        fail("Summary: freeze panes %r, expected 'B2'" % wb["Summary"].freeze_panes)
    if wb.properties.title != "kmgca report":
        fail("properties: title %r, expected 'kmgca report'" % wb.properties.title)


def col_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n


def near(got, want, tol):
    if want is None:
        return blank(got)
    return isinstance(got, (int, float)) and not isinstance(got, bool) and abs(got - want) <= tol


def check_summary(wb, doc, summary_xml):
    ws = wb["Summary"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    width = len(SUMMARY_HEAD)
    rows = [r[:width] + [None] * (width - len(r)) for r in rows]
    if not rows or rows[0] != SUMMARY_HEAD:
        fail("Summary: header %r" % (rows[0] if rows else None))
    days = doc["days"]
    if not days:
        if len(rows) < 2 or not (isinstance(rows[1][0], str) and "No dated rows" in rows[1][0]):
            fail("Summary: no days in the JSON, but A2 does not say \"No dated rows\"")
        return
    # The day's intake (food + supplements), then the split: food, supplements.
    cols = {"ca": 1, "mg": 3, "k": 5, "na": 7}
    food = {"ca_mg": 19, "mg_mg": 20, "k_mg": 21}
    supp = {"ca": 22, "mg": 23, "k": 24}
    pct = {"ca": 2, "mg": 4, "k": 6}
    for i, d in enumerate(days):
        r = i + 2
        if r > len(rows):
            fail("Summary: row %d missing for %s" % (r, d["date"]))
            continue
        got = rows[r - 1]
        gd = as_date(got[0])
        if gd is None or gd.isoformat() != d["date"]:
            fail("Summary: row %d date %r, JSON says %s" % (r, got[0], d["date"]))
        for key, c in cols.items():
            if not near(got[c], d["total_mg"][key], MG_TOL):
                fail("Summary: row %d (%s) total %s %r, JSON says %r"
                     % (r, d["date"], key, got[c], d["total_mg"][key]))
        for key, c in food.items():
            if not near(got[c], d[key], MG_TOL):
                fail("Summary: row %d (%s) food %s %r, JSON says %r" % (r, d["date"], key, got[c], d[key]))
        for key, c in supp.items():
            if not near(got[c], d["supplement_mg"][key], MG_TOL):
                fail("Summary: row %d (%s) supplements %s %r, JSON says %r"
                     % (r, d["date"], key, got[c], d["supplement_mg"][key]))
        for key, c in pct.items():
            want = d["percent"][key]
            if not near(got[c], None if want is None else want / 100, 0.0005 + 1e-9):
                fail("Summary: row %d (%s) %s%% %r, JSON says %r" % (r, d["date"], key, got[c], want))
        for key, c in (("rows", 11), ("rows_used", 12), ("rows_review", 13),
                       ("rows_assumed", 14)):
            if got[c] != d[key]:
                fail("Summary: row %d (%s) %s %r, JSON says %r" % (r, d["date"], key, got[c], d[key]))
    n = len(days)
    if len(rows) < n + 3 or any(not blank(v) for v in rows[n + 1]) or rows[n + 2][0] != "Average":
        fail("Summary: expected a blank row then \"Average\" after the %d day rows" % n)
    # Traffic lights on the % columns C, E, G: every day row and the Average
    # row carry the three rules (red, amber, green). Read from the XML: openpyxl
    # splits ranges on load.
    ops = {}            # (column, row) -> set of cellIs operators
    for cf in ET.fromstring(summary_xml).iter(MAIN_NS + "conditionalFormatting"):
        found = {r.get("operator") for r in cf.findall(MAIN_NS + "cfRule")
                 if r.get("type") == "cellIs"}
        for rng in (cf.get("sqref") or "").split():
            m = re.fullmatch(r"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?", rng.replace("$", ""))
            if not m:
                continue
            c1, r1 = col_number(m.group(1)), int(m.group(2))
            c2, r2 = col_number(m.group(3) or m.group(1)), int(m.group(4) or r1)
            for col in "CEG":
                if c1 <= col_number(col) <= c2:
                    for row in range(r1, r2 + 1):
                        ops.setdefault((col, row), set()).update(found)
    want_ops = {"lessThan", "between", "greaterThanOrEqual"}
    for col in "CEG":
        for row in list(range(2, n + 2)) + [n + 3]:
            got = ops.get((col, row), set())
            if not want_ops <= got:
                fail("Summary: %s%d has traffic-light rules %r, expected %r"
                     % (col, row, sorted(got), sorted(want_ops)))


def check_about(wb, doc):
    texts = [c.value for r in wb["About"].iter_rows() for c in r if isinstance(c.value, str)]
    want = "%d rows read = %d used + %d in review" % (doc["rows_read"], doc["rows_used"],
                                                       doc["rows_review"])
    if not any(want in t for t in texts):
        fail("About: no cell says %r" % want)
    if not any("See a doctor" in t for t in texts):
        fail("About: no cell says \"See a doctor\"")


def main(argv):
    if len(argv) < 4:
        print("usage: check_workbook.py REPORT.xlsx JSON_FILE DIARY_CSV...")
        return 2
    report, json_path, csvs = argv[1], argv[2], argv[3:]
    try:
        raw = open(json_path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            fail("json: %s is not valid UTF-8 (%s)" % (json_path, e))
            text = raw.decode("utf-8", "replace")
        doc = json.loads(text)
    except (OSError, ValueError) as e:
        print("FAIL json: %s cannot be read: %s" % (json_path, e))
        return 1
    for key in ("rows_read", "rows_used", "rows_review", "days", "review"):
        if key not in doc:
            print("FAIL json: no %r in %s" % (key, json_path))
            return 1
    if doc["rows_read"] != doc["rows_used"] + doc["rows_review"]:
        fail("json: rows_read %d != rows_used %d + rows_review %d"
             % (doc["rows_read"], doc["rows_used"], doc["rows_review"]))
    diaries = load_diaries(csvs)
    try:
        z = zipfile.ZipFile(report)
    except (OSError, zipfile.BadZipFile) as e:
        print("FAIL zip: %s: %s" % (report, e))
        return 1
    with z:
        comment_parts = check_zip(z, doc)
        parts = sheet_parts(z)
    try:
        wb = openpyxl.load_workbook(report)
    except Exception as e:  # openpyxl raises many kinds
        failures.append("openpyxl cannot load %s: %s: %s" % (report, type(e).__name__, e))
        wb = None
    if wb is not None:
        check_order(wb)
        if all(n in wb.sheetnames for n in SHEETS):
            check_formula_cells(wb)
            diary_sheets, diary_rows = check_diary(wb, doc, diaries)
            review_sheets, review_rows = check_review(wb, doc, diaries, diary_rows)
            check_notes(wb, diary_sheets, diary_rows, comment_parts)
            check_layout(wb, diary_sheets, review_sheets, diary_rows, review_rows)
            check_summary(wb, doc, parts.get("Summary", b"<x/>"))
            check_about(wb, doc)
    if failures:
        seen = set()
        for f in failures:
            if f not in seen:
                print("FAIL %s: %s" % (os.path.basename(report), f))
                seen.add(f)
        return 1
    print("OK %s: %d diary rows (%d used, %d in review), %d days, %d diaries"
          % (os.path.basename(report), doc["rows_read"], doc["rows_used"], doc["rows_review"],
             len(doc["days"]), len(csvs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
