"""addin.py — 100,000 MAGNESIUM cells in a headless Calc, against four baselines.

    /usr/bin/python3 bench/addin.py BUILD [ROWS] [ROUNDS]      (make bench-addin)

One sheet holds ROWS diary rows from bench/gen_diary.c (food text as people
write it, amount, unit: 70 % grams, 30 % household measures). Five formula
columns are timed, each filled down from its first cell (as a user fills a
column) and then recalculated (calculateAll), one column at a time:

  add-in     =MAGNESIUM(A1;B1;C1)          the kmgca add-in, units and all
  no-op      =KMGCANOOP(A1;B1;C1)          the benchmark's no-op add-in
                                           (bench/noop_addin.cxx, not
                                           shipped): MAGNESIUM's arguments
                                           and result types, gives back B1;
                                           what MAGNESIUM costs beyond it is
                                           kmgca's own work
  trivial    =LEN(A1)*B1/100               a built-in formula that reads the
                                           same cells and does no lookup
  uno floor  =SQRTPI(B1)                   the cheapest function of the
                                           Analysis add-in LibreOffice itself
                                           ships: what any UNO add-in call
                                           costs before it does any work
  vlookup    =VLOOKUP(D1;$Foods.$A$1:$B$N;2;0)*B1/100
                                           the spreadsheet way: an exact
                                           match over the food table (every
                                           SR28 and FNDDS food, description
                                           and Mg per 100 g). D holds the
                                           USDA description the add-in
                                           matched, so every lookup finds its
                                           row; units are ignored, which
                                           flatters the baseline.

Each round times the five in turn (interleaved, so drift on a shared machine
hits them alike; each round starts one column further on, so no column is
always first; the add-in and the no-op run back to back, in turn first);
the report gives medians, microseconds per cell, the median
and range of the add-in / no-op ratio taken round by round, and the ratios
of the medians against the goals (add-in <= 1.2x the no-op, >= 10x faster
than VLOOKUP) and against the trivial formula and the UNO floor. It also
reads the office's CPU time (user + system of soffice.bin, /proc) around each
recalculation: on a busy machine the CPU time a column took varies less than
its wall time, which includes waiting for a CPU. It reports; it exits 0 when it could measure, and fails when a no-op cell does
not compute (#NAME? when the no-op extension is not loaded).
"""
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "addin"))
from office import Office  # noqa: E402
from com.sun.star.sheet.FillDirection import TO_BOTTOM  # noqa: E402

CLEAR = 1 | 2 | 4 | 16  # values, dates, strings, formulas


def diary_rows(build, rows):
    gen = os.path.join(build, "bench", "gen_diary")
    if not os.path.exists(gen):
        subprocess.check_call(["make", "-s", "B=" + build, gen])
    with tempfile.NamedTemporaryFile("r", suffix=".csv", encoding="utf-8") as f:
        subprocess.check_call([gen, str(rows), f.name])
        reader = csv.reader(f)
        next(reader)
        return [(food, float(amount), unit) for _date, food, amount, unit in reader]


def food_table():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "foodtables", "foods.csv"), encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return [(r["description"], float(r["mg_mg"]) if r["mg_mg"] else "") for r in reader]


def fill(sheet, column, rows, formula):
    sheet.getCellByPosition(column, 0).setFormula(formula)
    rng = sheet.getCellRangeByPosition(column, 0, column, rows - 1)
    rng.fillAuto(TO_BOTTOM, 1)
    return rng


def office_process(pgid):
    """The soffice.bin of the office started in process group pgid, or None."""
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getpgid(int(entry)) != pgid:
                    continue
                with open("/proc/%s/comm" % entry) as f:
                    if f.read().strip() == "soffice.bin":
                        return int(entry)
            except OSError:
                pass
    return None


def cpu_seconds(pid):
    """User and system time of every thread of pid so far (proc(5): fields 14, 15)."""
    if pid is None:
        return 0.0
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(doc, sheet, rows, formula, pid):
    """Wall time of calculateAll over the column, and the office's CPU time in it."""
    rng = fill(sheet, 4, rows, formula)
    cpu = cpu_seconds(pid)
    t = time.perf_counter()
    doc.calculateAll()
    elapsed = time.perf_counter() - t
    cpu = cpu_seconds(pid) - cpu
    rng.clearContents(CLEAR)
    return elapsed, cpu


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    addins = [os.path.join(build, "addin", "oxt"), os.path.join(build, "bench", "noop", "oxt")]
    for d in addins:
        if not os.path.isdir(d):
            sys.exit("bench/addin.py: no %s; make bench-addin builds both add-ins" % d)
    data = diary_rows(build, rows)
    foods = food_table()
    with Office(addins) as office:
        pid = office_process(office.proc.pid)
        doc, sheet = office.new_sheet()
        doc.Sheets.insertNewByName("Foods", 1)
        doc.Sheets.getByName("Foods").getCellRangeByName("A1:B%d" % len(foods)).setDataArray(tuple(foods))
        sheet.getCellRangeByName("A1:C%d" % rows).setDataArray(tuple(data))

        # Column D: the description each text matched, as a value.
        matched = fill(sheet, 3, rows, "=INDEX(FOODMATCH(A1);1;1)")
        doc.calculateAll()
        described = matched.getDataArray()
        matched.setDataArray(described)

        # The add-in column once, untimed: every cell must compute.
        rng = fill(sheet, 4, rows, "=MAGNESIUM(A1;B1;C1)")
        doc.calculateAll()
        bad = sum(1 for (v,) in rng.getDataArray() if not isinstance(v, float))
        rng.clearContents(CLEAR)
        print("%d rows, %d distinct food texts, %d foods in the VLOOKUP table; "
              "add-in cells in error: %d" % (rows, len(set(r[0] for r in data)), len(foods), bad))

        # The no-op must compute in every cell, or its times mean nothing.
        rng = fill(sheet, 4, rows, "=KMGCANOOP(A1;B1;C1)")
        doc.calculateAll()
        first = sheet.getCellByPosition(4, 0)
        wrong = sum(1 for (v,), row in zip(rng.getDataArray(), data) if v != row[1])
        if wrong:
            sys.exit("bench/addin.py: %d of %d KMGCANOOP cells do not give back their amount "
                     "(first cell: %r, error %d); is %s/bench/noop built?"
                     % (wrong, rows, first.getString(), first.getError(), build))
        rng.clearContents(CLEAR)

        columns = {
            "add-in": "=MAGNESIUM(A1;B1;C1)",
            "no-op": "=KMGCANOOP(A1;B1;C1)",
            "trivial": "=LEN(A1)*B1/100",
            "uno floor": "=SQRTPI(B1)",
            "vlookup": "=VLOOKUP(D1;$Foods.$A$1:$B$%d;2;0)*B1/100" % len(foods),
        }
        times = {k: [] for k in columns}
        cpu = {k: [] for k in columns}
        # The add-in and the no-op always run back to back (their order
        # alternating), so that each round's ratio of the two compares runs
        # seconds apart; the four groups rotate round by round.
        groups = [["add-in", "no-op"], ["trivial"], ["uno floor"], ["vlookup"]]
        for r in range(rounds):
            for group in groups[r % len(groups):] + groups[:r % len(groups)]:
                for name in (group if r % 2 == 0 else group[::-1]):
                    wall, used = timed(doc, sheet, rows, columns[name], pid)
                    times[name].append(wall)
                    cpu[name].append(used)
        doc.close(True)

    med = {k: statistics.median(v) for k, v in times.items()}
    for name in columns:
        v = sorted(times[name])
        print("%-9s median %.3f s  (min %.3f, max %.3f)  %.2f us/cell"
              % (name, med[name], v[0], v[-1], med[name] / rows * 1e6))
    if pid is not None:
        cpu_med = {k: statistics.median(v) for k, v in cpu.items()}
        cpu_round = sorted(a / n for a, n in zip(cpu["add-in"], cpu["no-op"]) if n > 0)
        print("office CPU time (user + system, all threads; %d Hz ticks), medians: %s"
              % (os.sysconf("SC_CLK_TCK"),
                 ", ".join("%s %.3f s" % (k, cpu_med[k]) for k in columns)))
        if cpu_med["no-op"] > 0 and cpu_round:
            print("add-in / no-op in CPU time: %.2fx of the medians; median of the rounds "
                  "%.2fx, %.2fx to %.2fx" % (cpu_med["add-in"] / cpu_med["no-op"],
                                             statistics.median(cpu_round), cpu_round[0],
                                             cpu_round[-1]))
    ratio_noop = med["add-in"] / med["no-op"]
    speedup_vlookup = med["vlookup"] / med["add-in"]
    per_round = sorted(a / n for a, n in zip(times["add-in"], times["no-op"]))
    print("kmgca's own work: %.2f us/cell (add-in minus no-op); add-in / no-op in each "
          "round: median %.2fx, %.2fx to %.2fx"
          % ((med["add-in"] - med["no-op"]) / rows * 1e6, statistics.median(per_round),
             per_round[0], per_round[-1]))
    print("add-in / trivial: %.2fx; no-op / uno floor: %.2fx; uno floor / trivial: %.2fx"
          % (med["add-in"] / med["trivial"], med["no-op"] / med["uno floor"],
             med["uno floor"] / med["trivial"]))
    print("goal add-in <= 1.2x the no-op add-in: %s (%.2fx)"
          % ("PASS" if ratio_noop <= 1.2 else "FAIL", ratio_noop))
    print("goal add-in >= 10x faster than VLOOKUP: %s (%.1fx)"
          % ("PASS" if speedup_vlookup >= 10 else "FAIL", speedup_vlookup))


if __name__ == "__main__":
    main()
