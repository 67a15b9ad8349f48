#!/usr/bin/env python3
"""run.py — runs the bad-input corpus of expect.tsv against a kmgca binary.

Usage (from run.sh): run.py KMGCA_BINARY [CASE_ID...]

Each case of expect.tsv runs kmgca once, under a time limit, and passes when:
  - kmgca ended by itself (no signal, no time-out) with the expected status;
  - every expected message part is in what it said (standard error, plus
    the --json output flattened to "file:line: reason" lines, notes and
    "read=N used=N review=N" / "meds=N" / "sessions=N" lines);
  - no input file changed (checksums before and after), and nothing was
    added to or removed from the corpus, the generated files or the input
    folders;
  - the output folder is empty after a failure (no workbook, no temporary
    file) and holds only the workbook after a success;
  - after a success with --json: nothing is lost. rows read = used + in
    review in total and per file; each diary's rows, counted here with
    Python's csv module, equal the rows kmgca read; review entries per file
    match; each medication list and activity log has one entry per line;
  - after a success with a workbook: no cell of any sheet is a formula, the
    Diary sheets hold every row read (per file, and used per file), and for
    "payloads" cases every payload of inject/payloads.txt is a cell's whole
    text somewhere in the workbook.

Generated inputs ("gen/NAME") are written at run time into a temporary
folder, never committed: the 2 MB field, 20,000 columns, 10 MB line and the
other large files. Prints one line per failure and a summary; exit 1 when
any case failed.
"""
import csv
import hashlib
import io
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REL = os.path.relpath(HERE, ROOT)          # "tests/bad": how paths appear in messages
TIMEOUT = float(os.environ.get("KMGCA_BAD_TIMEOUT", "60"))
csv.field_size_limit(1 << 30)

try:
    import openpyxl
except ImportError:  # run.sh checks first; this is a guard
    openpyxl = None


# ---- Generated inputs --------------------------------------------------------

HEAD = "date,food,amount,unit\n"


def gen_file(name, path):
    """Writes the generated input NAME to path."""
    big = 900 * 1024
    with open(path, "wb") as f:
        w = lambda s: f.write(s.encode("utf-8") if isinstance(s, str) else s)
        if name == "field_2mb.csv":
            w(HEAD + "2026-03-01," + "a" * (2 << 20) + ",1,g\n")
        elif name == "columns_20000.csv":
            w(",".join(["date", "food", "amount", "unit"] + ["c%d" % i for i in range(20000)]) + "\n")
        elif name == "line_10mb.csv":
            # Eleven fields of 900 KiB past the header's four: one 10 MB line,
            # under the line limit, each field under the field limit.
            w(HEAD + "2026-03-01,banana,1,medium" + ("," + "x" * big) * 11 + "\n")
        elif name == "line_17mb.csv":
            w(HEAD + "2026-03-01,banana,1,medium" + ("," + "x" * big) * 19 + "\n")
        elif name == "unclosed_quote_64mb.csv":
            w(HEAD + "2026-03-01,banana,1,medium\n" + '2026-03-01,"banana,1,medium\n')
            row = b"2026-03-01,banana,1,medium\n"
            block = row * (1 << 16)
            for _ in range((64 << 20) // len(block)):
                f.write(block)
        elif name == "diary_20k.csv":
            w(HEAD)
            for i in range(20000):
                w("2026-%02d-%02d,banana,1,medium\n" % (1 + i % 12, 1 + i % 28))
        elif name == "diary_copy.xlsx":
            w(open(os.path.join(HERE, "ok", "diary.csv"), "rb").read())
        elif name == "foods_copy.xlsx":
            w("name,ca_mg\nHerbal tea,5\n")
        elif name == "meds_copy.xlsx":
            w("drug\nHCTZ 25 mg\n")
        elif name == "activity_copy.xlsx":
            w("date,activity,minutes\n2026-03-01,run,30\n")
        elif name == "foods_field_2mb.csv":
            w("name,ca_mg\nTea," + "1" * (2 << 20) + "\n")
        elif name == "foods_columns_20000.csv":
            w(",".join(["name", "ca_mg"] + ["c%d" % i for i in range(20000)]) + "\nTea,5\n")
        elif name == "meds_field_2mb.csv":
            w("drug,dose\n" + "h" * (2 << 20) + ",25 mg\n")
        elif name == "meds_columns_20000.csv":
            w(",".join(["drug", "dose"] + ["c%d" % i for i in range(20000)]) + "\nHCTZ,25 mg\n")
        elif name == "meds_10001.csv":
            w("drug,dose\n" + "HCTZ,25 mg\n" * 10001)
        elif name == "activity_line_10mb.csv":
            w("date,activity,minutes\n2026-03-01,run,30" + ("," + "y" * big) * 11 + "\n")
        elif name == "activity_field_2mb.csv":
            w("date,activity,minutes\n2026-03-01," + "r" * (2 << 20) + ",30\n")
        elif name == "meds_line_10mb.csv":
            w("drug,dose\nHCTZ,25 mg" + ("," + "z" * big) * 11 + "\n")
        elif name == "foods_line_10mb.csv":
            w("name,ca_mg\nTea,5" + ("," + "t" * big) * 11 + "\n")
        elif name.endswith("_line_17mb.csv"):
            head = {"meds": "drug,dose\nHCTZ", "foods": "name,ca_mg\nTea",
                    "activity": "date,activity,minutes\n2026-03-01"}[name.split("_")[0]]
            w(head + ("," + "q" * big) * 19 + "\n")
        elif name == "activity_100001.csv":
            w("date,activity,minutes\n" + "2026-03-01,run,30\n" * 100001)
        else:
            raise SystemExit("run.py: no generator for gen/%s" % name)


# ---- Reading the expectations -------------------------------------------------

def read_cases(path):
    cases = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) not in (5, 6):
            raise SystemExit("%s:%d: expected 5 or 6 tab-separated columns, got %d"
                             % (path, n, len(parts)))
        cid, inp, args, status, message = parts[:5]
        how = parts[5] if len(parts) == 6 else "-"
        cases.append({"line": n, "id": cid, "input": inp, "args": args, "status": int(status),
                      "message": message, "how": how})
    ids = [c["id"] for c in cases]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise SystemExit("%s: case ids used twice: %s" % (path, ", ".join(sorted(dup))))
    return cases


# ---- Independent counts -----------------------------------------------------

def sniff(text):
    """The delimiter kmgca takes: most used outside quotes on the first line."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for c in text:
        if c == '"':
            quoted = not quoted
        elif not quoted and c in "\r\n":
            break
        elif not quoted and c in counts:
            counts[c] += 1
    if counts[";"] > counts[","] and counts[";"] >= counts["\t"]:
        return ";"
    if counts["\t"] > counts[","] and counts["\t"] > counts[";"]:
        return "\t"
    return ","


def records(path, encoding):
    """The CSV records of a file after its header, blank ones left out."""
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = raw.decode(encoding)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=sniff(text))
    rows = [r for r in rows if any(f.strip(" \t") for f in r)]
    return rows[1:]


# ---- Checks of a successful run ----------------------------------------------

def flatten(doc):
    """What --json said, as lines a message can be looked for in."""
    out = ["read=%d used=%d review=%d" % (doc["rows_read"], doc["rows_used"], doc["rows_review"])]
    for r in doc.get("review", []):
        out.append("%s:%d: %s" % (r["file"], r["line"], r["reason"]))
    out.extend(doc.get("notes", []))
    meds = doc.get("medications", [])
    out.append("meds=%d" % len(meds))
    for m in meds:
        out.append("%s:%d: %s" % (m["file"], m["line"], m["review"] or "ok"))
    acts = doc.get("activity", [])
    out.append("sessions=%d" % len(acts))
    for a in acts:
        out.append("%s:%d: %s" % (a["file"], a["line"], a["review"] or "ok"))
    return "\n".join(out)


def option_values(argv, name):
    return [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == name]


def check_counts(doc, argv, fail):
    read, used, review = doc["rows_read"], doc["rows_used"], doc["rows_review"]
    if read != used + review:
        fail("rows read %d != used %d + in review %d" % (read, used, review))
    if len(doc["review"]) != review:
        fail("%d review entries for %d rows in review" % (len(doc["review"]), review))
    files = doc["files"]
    if sum(f["rows"] for f in files) != read:
        fail("the files' rows add up to %d, not %d" % (sum(f["rows"] for f in files), read))
    encoding = (option_values(argv, "--encoding") or ["utf-8"])[-1]
    for f in files:
        if "rows_used" not in f or "rows_review" not in f:
            fail("%s: the JSON gives no rows_used and rows_review for the file" % f["path"])
            return
        if f["rows"] != f["rows_used"] + f["rows_review"]:
            fail("%s: rows %d != used %d + in review %d"
                 % (f["path"], f["rows"], f["rows_used"], f["rows_review"]))
        listed = sum(1 for r in doc["review"] if r["file"] == f["path"])
        if listed != f["rows_review"]:
            fail("%s: %d review entries for %d rows in review" % (f["path"], listed, f["rows_review"]))
        want = len(records(f["path"], encoding))
        if want != f["rows"]:
            fail("%s: the file has %d rows, kmgca read %d" % (f["path"], want, f["rows"]))
    if sum(f["rows_used"] for f in files) != used:
        fail("the files' used rows add up to %d, not %d" % (sum(f["rows_used"] for f in files), used))
    days = doc["days"]
    if sum(d["rows_used"] for d in days) != used:
        fail("the days' used rows add up to %d, not %d" % (sum(d["rows_used"] for d in days), used))
    for d in days:
        if d["rows"] != d["rows_used"] + d["rows_review"]:
            fail("day %s: rows %d != used + in review" % (d["date"], d["rows"]))
    undated = sum(1 for r in doc["review"] if r["date"] is None)
    if sum(d["rows"] for d in days) + undated != read:
        fail("days hold %d rows and %d are undated, not %d"
             % (sum(d["rows"] for d in days), undated, read))
    for opt, key in (("--meds", "medications"), ("--activity", "activity")):
        for path in option_values(argv, opt):
            want = len(records(path, encoding))
            got = sum(1 for m in doc[key] if m["file"] == path)
            if want != got:
                fail("%s: %d lines, %d in the JSON %s" % (path, want, got, key))


def cell_form(text):
    """A text as lib/sheet.c writes it into a cell (control characters to spaces)."""
    return "".join(" " if (ord(c) < 0x20 and c not in "\t\n") or c == "\x7f" else c for c in text)


def payloads():
    out = []
    for line in open(os.path.join(HERE, "inject", "payloads.txt"), encoding="utf-8"):
        line = line.rstrip("\n")
        if line:
            out.append(line.replace("\\t", "\t").replace("\\r", "\r"))
    return out


def check_workbook(path, doc, how, fail):
    if openpyxl is None:
        fail("openpyxl is missing: the workbook cannot be read back")
        return
    # No formula in the package at all: no <f> element, no calculation chain.
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name == "xl/calcChain.xml":
                fail("the workbook has a calculation chain")
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with z.open(name) as part:
                    tail = b""
                    while True:
                        block = part.read(1 << 20)
                        if not block:
                            break
                        if re.search(rb"<f[ >/]", tail + block):
                            fail("%s holds a formula element" % name)
                            break
                        tail = block[-8:]
    wb = openpyxl.load_workbook(path)
    texts = set()
    diary_rows = {}
    used_rows = {}
    for ws in wb.worksheets:
        head = None
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    fail("%s!%s is a formula: %r" % (ws.title, c.coordinate, c.value))
                if isinstance(c.value, str):
                    texts.add(c.value)
            if ws.title == "Diary" or ws.title.startswith("Diary ("):
                values = [c.value for c in row]
                if head is None:
                    head = values
                    continue
                name = values[head.index("File")]
                diary_rows[name] = diary_rows.get(name, 0) + 1
                if str(values[head.index("Status")]).startswith("used"):
                    used_rows[name] = used_rows.get(name, 0) + 1
    if doc is not None:
        if sum(diary_rows.values()) != doc["rows_read"]:
            fail("Diary sheets hold %d rows, %d were read" % (sum(diary_rows.values()), doc["rows_read"]))
        for f in doc["files"]:
            base = os.path.basename(f["path"])
            if diary_rows.get(base, 0) != f["rows"]:
                fail("Diary: %d rows of %s, %d read" % (diary_rows.get(base, 0), base, f["rows"]))
            if used_rows.get(base, 0) != f.get("rows_used"):
                fail("Diary: %d used rows of %s, JSON says %s" % (used_rows.get(base, 0), base, f.get("rows_used")))
    if "payloads" in how:
        substring = "substring" in how
        for p in payloads():
            want = cell_form(p)
            if substring:
                want = want.strip(" \t=+-@")
                found = any(want in t for t in texts)
            else:
                found = want in texts
            if not found:
                fail("payload %r is not a cell's text (text changed or lost)" % p)


# ---- Running one case ------------------------------------------------------------

def checksum(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def listing(folder):
    out = []
    for base, dirs, files in os.walk(folder):
        for name in dirs + files:
            out.append(os.path.relpath(os.path.join(base, name), folder))
    return sorted(out)


def tmpfs_mount(folder, kb):
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%dk,mode=0777" % kb, "tmpfs", folder],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return r.returncode == 0


def run_case(case, kmgca, tmp, gen_dir, state):
    cid = case["id"]
    problems = []
    fail = lambda msg: problems.append(msg)
    how = set(case["how"].split(",")) if case["how"] != "-" else set()
    opts = {}
    for h in list(how):
        if "=" in h:
            k, v = h.split("=", 1)
            opts[k] = v
    # The input.
    inp = case["input"]
    if inp == "-":
        in_path = None
    elif inp.startswith("gen/"):
        name = inp[4:]
        in_path = os.path.join(gen_dir, name)
        if not os.path.exists(in_path):
            gen_file(name, in_path)
    else:
        in_path = os.path.join(REL, inp)
        if not os.path.exists(os.path.join(ROOT, in_path)):
            return ["input %s does not exist" % in_path], False
    # A fresh output folder, a missing file, an unreadable file, a folder.
    outdir = os.path.join(tmp, "out", cid)
    os.makedirs(outdir)
    os.chmod(outdir, 0o777)
    mounted = False
    if "tmpfs" in opts:
        if os.geteuid() != 0 or not tmpfs_mount(outdir, int(opts["tmpfs"])):
            return ["SKIP: cannot mount a small tmpfs here (needs root)"], True
        mounted = True
    xdir = os.path.join(tmp, "dir.xlsx")
    os.makedirs(xdir, exist_ok=True)
    unreadable = os.path.join(tmp, "unreadable.csv")
    if not os.path.exists(unreadable):
        shutil.copy(os.path.join(HERE, "ok", "diary.csv"), unreadable)
        os.chmod(unreadable, 0)
    ph = {
        "{in}": in_path or "",
        "{out}": os.path.join(outdir, "report.xlsx"),
        "{outdir}": outdir,
        "{nodir}": os.path.join(outdir, "no", "such", "folder", "report.xlsx"),
        "{diary}": os.path.join(REL, "ok", "diary.csv"),
        "{dir}": REL,
        "{xdir}": xdir,
        "{missing}": os.path.join(tmp, "no_such_file.csv"),
        "{unreadable}": unreadable,
        "{long}": "x" * 3000,
    }

    def expand(s):
        for k, v in ph.items():
            s = s.replace(k, v)
        return s

    argv = expand(case["args"]).split(" ")
    # Every existing file named on the command line is an input: checksums.
    inputs = {a: checksum(a) for a in argv if os.path.isfile(a)}
    before = {d: listing(d) for d in state["watch"]}
    # How to run it.
    preexec = []
    if "fsize" in opts:
        limit = int(opts["fsize"]) * 1024
        preexec.append(lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
    if "vmem" in opts and state["sanitized"]:
        return ["SKIP: a sanitizer's shadow memory does not fit under ulimit -v"], True
    if "vmem" in opts:
        vm = int(opts["vmem"]) << 20
        preexec.append(lambda: resource.setrlimit(resource.RLIMIT_AS, (vm, vm)))
    if "nobody" in how:
        if os.geteuid() == 0:
            if not state["nobody_ok"]:
                return ["SKIP: cannot run as user nobody here"], True
            preexec.append(as_nobody)
        # As an ordinary user the file is unreadable already.

    def pre():
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        for p in preexec:
            p()

    stdout = subprocess.PIPE
    full = None
    if "stdout_full" in how:
        full = open("/dev/full", "w")
        stdout = full
    t0 = time.monotonic()
    try:
        r = subprocess.run([kmgca] + argv, cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE,
                           timeout=TIMEOUT, preexec_fn=pre)
        rc, out, err = r.returncode, r.stdout or b"", r.stderr
    except subprocess.TimeoutExpired:
        rc, out, err = None, b"", b""
        fail("no answer within %.0f s (a hang)" % TIMEOUT)
    finally:
        if full:
            full.close()
    elapsed = time.monotonic() - t0
    err_text = err.decode("utf-8", "replace")
    if rc is not None and rc < 0:
        fail("killed by signal %d (a crash): %s" % (-rc, err_text[-300:]))
    elif rc is not None and rc != case["status"]:
        fail("exit status %d, expected %d: %s" % (rc, case["status"], err_text.strip()[:400]))
    said = err_text
    doc = None
    if rc == 0 and "--json" in argv and stdout is subprocess.PIPE:
        try:
            doc = json.loads(out.decode("utf-8"))
        except ValueError as e:
            fail("--json output does not parse: %s" % e)
        if doc is not None:
            said += "\n" + flatten(doc)
    elif rc not in (0, None) and "--json" in argv and out.strip():
        try:
            json.loads(out.decode("utf-8"))  # what was printed before the error still parses
        except ValueError as e:
            fail("--json output after an error does not parse: %s" % e)
    if case["message"] != "-":
        for part in expand(case["message"]).split(" && "):
            if part not in said:
                fail("expected %r in what kmgca said:\n      %s"
                     % (part, said.strip().replace("\n", "\n      ")[:700]))
    # Inputs untouched, nothing left behind.
    for a, h in inputs.items():
        if not os.path.exists(a) or checksum(a) != h:
            fail("input %s was changed" % a)
    for d, names in before.items():
        now = listing(d)
        if now != names:
            added = sorted(set(now) - set(names))
            gone = sorted(set(names) - set(now))
            fail("%s changed: added %s, removed %s" % (d, added, gone))
    left = [n for n in os.listdir(outdir) if n != "lost+found"]
    wrote = "{out}" in case["args"]
    if rc != 0 and left:
        fail("left in the output folder after a failure: %s" % left)
    if rc == 0 and wrote and left != ["report.xlsx"]:
        fail("the output folder holds %s, not just report.xlsx" % left)
    if rc == 0 and doc is not None:
        check_counts(doc, argv, fail)
    xfail = "xfail" in how
    if rc == 0 and wrote and "report.xlsx" in left:
        try:
            check_workbook(os.path.join(outdir, "report.xlsx"), doc, how, fail)
        except Exception as e:  # a workbook that does not even open
            fail("the workbook cannot be read back: %s: %s" % (type(e).__name__, e))
    if mounted:
        subprocess.run(["umount", outdir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    state["times"].append((elapsed, cid))
    if xfail and problems:
        return ["XFAIL (known, see expect.tsv): " + problems[0]], True
    if xfail:
        return ["XPASS: fixed? remove xfail from expect.tsv"], True
    return problems, False


def as_nobody():
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)


def nobody_works():
    """Whether this root process may run a child as nobody (not so in a user namespace)."""
    if os.geteuid() != 0:
        return False
    try:
        return subprocess.run(["/bin/true"], preexec_fn=as_nobody,
                              stderr=subprocess.DEVNULL).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def self_test(tmp):
    """The checks themselves can fail: a formula cell, a lost payload and a
    miscount are caught. Returns what went wrong, or []."""
    wrong = []
    if openpyxl is None:
        return ["openpyxl is missing"]
    path = os.path.join(tmp, "selftest.xlsx")
    wb = openpyxl.Workbook()
    wb.active.title = "Diary"
    wb.active.append(["File", "Status"])
    wb.active.append(["x.csv", "used"])
    wb.active["C2"] = "=1+1"
    wb.save(path)
    found = []
    doc = {"rows_read": 2, "files": [{"path": "x.csv", "rows": 2, "rows_used": 2}]}
    check_workbook(path, doc, {"payloads"}, found.append)
    for what in ("formula element", "is a formula", "Diary sheets hold 1 rows", "payload"):
        if not any(what in f for f in found):
            wrong.append("self-test: the workbook check missed: %s" % what)
    csv_path = os.path.join(tmp, "selftest.csv")
    with open(csv_path, "wb") as f:
        f.write(b'date;food\r2026-01-01;"a\r\nb"\r\n;\n\n2026-01-02;c\n')
    if len(records(csv_path, "utf-8")) != 2:
        wrong.append("self-test: records() counts %d rows, not 2" % len(records(csv_path, "utf-8")))
    return wrong


def main():
    if len(sys.argv) < 2:
        print("usage: run.py KMGCA_BINARY [CASE_ID...]", file=sys.stderr)
        return 2
    kmgca = os.path.abspath(sys.argv[1])
    only = set(sys.argv[2:])
    os.chdir(ROOT)  # the paths of expect.tsv are the repository's
    cases = read_cases(os.path.join(HERE, "expect.tsv"))
    if only:
        cases = [c for c in cases if c["id"] in only]
    tmp = tempfile.mkdtemp(prefix="kmgca-bad.")
    os.chmod(tmp, 0o755)
    gen_dir = os.path.join(tmp, "gen")
    os.makedirs(gen_dir)
    try:
        with open(kmgca, "rb") as f:
            sanitized = b"__asan_init" in f.read()
        state = {"watch": [HERE, gen_dir], "nobody_ok": nobody_works(), "times": [],
                 "sanitized": sanitized}
        passed = failed = skipped = xfailed = 0
        for problem in self_test(tmp):
            failed += 1
            print("FAIL %s" % problem)
        for case in cases:
            try:
                problems, soft = run_case(case, kmgca, tmp, gen_dir, state)
            except Exception as e:  # a check that broke is a failure, never a pass
                problems, soft = ["the check itself failed: %s: %s" % (type(e).__name__, e)], False
            where = "expect.tsv:%d %s" % (case["line"], case["id"])
            if not problems:
                passed += 1
            elif soft and problems[0].startswith("XFAIL"):
                xfailed += 1
                print("%s: %s" % (where, problems[0]))
            elif soft:
                skipped += 1
                print("%s: %s" % (where, problems[0]))
            else:
                failed += 1
                for p in problems:
                    print("FAIL %s: %s" % (where, p))
        slow = sorted(state["times"], reverse=True)[:3]
        print("bad: %d passed, %d failed, %d skipped, %d known failures (slowest: %s)"
              % (passed, failed, skipped, xfailed,
                 ", ".join("%s %.1fs" % (c, t) for t, c in slow)))
        return 1 if failed else 0
    finally:
        for d in os.listdir(os.path.join(tmp, "out")) if os.path.isdir(os.path.join(tmp, "out")) else []:
            p = os.path.join(tmp, "out", d)
            if os.path.ismount(p):
                subprocess.run(["umount", p], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            os.chmod(os.path.join(tmp, "unreadable.csv"), 0o600)
        except OSError:
            pass
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
