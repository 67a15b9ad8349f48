#!/usr/bin/python3
"""cycles.py OBJECT... — fails when two modules of the library call each
other, directly or round a longer loop.

A module is one object file (lib/<module>.c). Module a calls module b when
a leaves a symbol undefined that b defines (read with nm, so this is what
the code does, not what a comment says). status.o and text.o are called by
nearly everything and call nothing back; they take part like any other.
Prints each loop with the symbols that close it; exit status 1 when there
is one, 0 when the modules form layers.
"""
import os
import subprocess
import sys


def symbols(path):
    """The global symbols an object defines and the ones it leaves undefined."""
    out = subprocess.run(["nm", "-g", path], capture_output=True, text=True, check=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDBRC":
            defined.add(parts[2])
        elif len(parts) == 2 and parts[0] == "U":
            undefined.add(parts[1])
    return defined, undefined


def loops(calls):
    """Strongly connected groups of more than one module (Tarjan's method,
    with an explicit stack so that deep graphs cannot overflow)."""
    order, low, on_stack, stack, found = {}, {}, set(), [], []
    for root in calls:
        if root in order:
            continue
        work = [(root, iter(sorted(calls[root])))]
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            step = next(edges, None)
            if step is not None:
                if step not in order:
                    order[step] = low[step] = len(order)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(calls[step]))))
                elif step in on_stack:
                    low[node] = min(low[node], order[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == order[node]:
                group = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    group.append(m)
                    if m == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def main(paths):
    if not paths:
        print("usage: tools/cycles.py OBJECT...", file=sys.stderr)
        return 2
    defines, needs = {}, {}
    for p in paths:
        name = os.path.basename(p)[:-2] if p.endswith(".o") else os.path.basename(p)
        defines[name], needs[name] = symbols(p)
    owner = {s: m for m, syms in defines.items() for s in syms}
    calls = {m: {owner[s] for s in needs[m] if owner.get(s, m) != m} for m in defines}
    found = loops(calls)
    for group in found:
        print("FAIL cycles: these modules call each other: " + ", ".join(group))
        for a in group:
            for b in sorted(calls[a] & set(group)):
                syms = sorted(s for s in needs[a] if owner.get(s) == b)
                print("  %s -> %s (%s)" % (a, b, ", ".join(syms[:4])))
    if not found:
        print("cycles: %d modules, no two call each other" % len(calls))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
