"""calc.py — the packaged Calc add-in (libreoffice-kmgca) in a headless Calc.

Usage: /usr/bin/python3 tests/deb/calc.py EXPECTED_MG VERSION

soffice starts on a fresh profile with no -env: options (tests/addin/office.py
without a build folder), so the functions can only come from the extension
the package unpacked under /usr/lib/libreoffice/share/extensions/kmgca. The
office must list it as a bundled extension of this version, and as no user
or shared one: a `make install-addin` as root (unopkg --shared) would stand
in front of the packaged one and is reported. Then =MAGNESIUM("almonds";30;"g")
in a new sheet must give EXPECTED_MG (what the installed `kmgca food almonds
30 g` says), and the installed example spreadsheet must recalculate without
an error cell.
"""
import os
import sys
from urllib.parse import unquote

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "addin"))
import uno  # noqa: E402
from office import Office, file_url, prop  # noqa: E402

BUNDLED = "/usr/lib/libreoffice/share/extensions/kmgca"
EXAMPLE = "/usr/share/doc/kmgca/examples/kmgca-functions.fods"
failed = 0


def check(cond, what):
    global failed
    print("%s deb calc: %s" % ("ok" if cond else "FAIL", what))
    if not cond:
        failed += 1


def extensions(office, repository):
    """(identifier, file URL, version) of each extension of a repository."""
    em = office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    expander = office.ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
    out = []
    for p in em.getDeployedExtensions(repository, em.createAbortChannel(), None):
        ident = p.getIdentifier()
        url = p.getURL()     # vnd.sun.star.expand:$BUNDLED_EXTENSIONS/kmgca
        if url.startswith("vnd.sun.star.expand:"):
            url = expander.expandMacros(unquote(url[len("vnd.sun.star.expand:"):]))
        out.append((ident.Value if ident.IsPresent else "", url, p.getVersion()))
    return out


def main():
    want, version = float(sys.argv[1]), sys.argv[2]
    with Office() as office:
        bundled = [e for e in extensions(office, "bundled") if e[0] == "org.kmgca.calc"]
        check(len(bundled) == 1 and bundled[0][1].startswith("file:")
              and os.path.realpath(uno.fileUrlToSystemPath(bundled[0][1])) == BUNDLED
              and bundled[0][2] == version,
              "the office lists org.kmgca.calc %s as bundled, from %s: %s" % (version, BUNDLED, bundled))
        for repo in ("user", "shared"):
            other = [e for e in extensions(office, repo) if e[0] == "org.kmgca.calc"]
            check(not other, "no %s org.kmgca.calc stands in front of the packaged one%s" % (
                repo, "" if not other else " (remove it: unopkg remove%s org.kmgca.calc)" % (
                    " --shared" if repo == "shared" else "")))

        doc, sheet = office.new_sheet()
        cell = sheet.getCellByPosition(0, 0)
        cell.setFormula('=MAGNESIUM("almonds";30;"g")')
        doc.calculateAll()
        got, err = cell.getValue(), cell.getError()
        check(err == 0 and abs(got - want) < 1e-9,
              '=MAGNESIUM("almonds";30;"g") = %r (error %d), kmgca food says %r' % (got, err, want))
        doc.close(True)

        if os.path.exists(EXAMPLE):
            from com.sun.star.sheet.CellFlags import FORMULA
            d = office.desktop.loadComponentFromURL(file_url(EXAMPLE), "_blank", 0, (prop("Hidden", True),))
            d.calculateAll()
            cells = bad = 0
            for s in d.Sheets:
                cursor = s.queryContentCells(FORMULA).getCells().createEnumeration()
                while cursor.hasMoreElements():
                    c = cursor.nextElement()
                    cells += 1
                    if c.getError():
                        bad += 1
            d.close(True)
            check(cells > 20 and bad == 0,
                  "%s: %d formula cells, %d with an error" % (EXAMPLE, cells, bad))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
