#!/bin/sh
# tests/deb/run.sh DEB_DIR VERSION — the Debian packages, as a user gets them
# (`make check-deb`, as root on a throwaway machine; run from the repository
# root after `make deb`):
#
#  1. lintian on the .changes: no error, no warning (the overridden tags are
#     justified in debian/*.lintian-overrides);
#  2. every package, debian/changelog and the Makefile carry VERSION;
#  3. kmgca, libkmgca0, libkmgca-dev and libreoffice-kmgca installed with
#     apt-get (any earlier install of them purged first);
#  4. in a temporary folder, with a bare environment, as a user would: the
#     installed kmgca (--version; analyse on the installed example diary to a
#     workbook; the installed demo.sh; its manual page and bash completion), a
#     small C program built with `pkg-config --cflags --libs kmgca` against
#     the installed shared library, and =MAGNESIUM("almonds";30;"g") in a
#     headless Calc that has only the packaged extension (tests/deb/calc.py);
#  5. apt-get purge of the four: no file they installed is left, and no
#     folder of theirs that no other package owns.
#
# The packages are purged on the way out, whatever happened.
set -u

debs=$(cd "${1:?usage: tests/deb/run.sh DEB_DIR VERSION}" && pwd) || exit 2
version=${2:?usage: tests/deb/run.sh DEB_DIR VERSION}
root=$(pwd)
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
pkgs="kmgca libkmgca0 libkmgca-dev libreoffice-kmgca"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kmgca-deb.XXXXXX") || exit 2
fail=0
start=$(date +%s)
ok() { echo "ok deb: $*"; }
bad() { echo "FAIL deb: $*"; fail=1; }
export DEBIAN_FRONTEND=noninteractive

present() {    # those of the four dpkg knows (installed, or their configuration left)
    for p in $pkgs; do
        case $(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) in
        ""|not-installed) ;;
        *) echo "$p" ;;
        esac
    done
}
purge() {
    left=$(present)
    # shellcheck disable=SC2086
    [ -z "$left" ] || apt-get purge -y -qq $left >"$tmp/purge.log" 2>&1
}
trap 'purge; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# ---- 1. lintian ------------------------------------------------------------
changes=$debs/kmgca_${version}_$arch.changes
if lintian --fail-on error,warning "$changes" >"$tmp/lintian.txt" 2>&1; then
    ok "lintian $(basename "$changes"): no error, no warning"
else
    bad "lintian $(basename "$changes"):"
fi
grep -v '^running with root privileges' "$tmp/lintian.txt" | sed 's/^/    /'

# ---- 2. one version --------------------------------------------------------
cl=$(dpkg-parsechangelog -SVersion)
[ "$cl" = "$version" ] && ok "debian/changelog is $version, as the Makefile's VERSION" ||
    bad "debian/changelog is $cl but the Makefile's VERSION is $version: add a changelog entry (dch -v $version)"
vfail=$fail fail=0
for p in $pkgs; do
    f=$debs/${p}_${version}_$arch.deb
    if [ ! -f "$f" ]; then bad "no $f"; continue; fi
    v=$(dpkg-deb -f "$f" Version)
    [ "$v" = "$version" ] || bad "$p is version $v, not $version"
done
[ $fail = 0 ] && ok "the four packages are version $version"
[ $vfail = 0 ] || fail=1

# ---- 3. install ------------------------------------------------------------
purge
files=""
for p in $pkgs; do files="$files $debs/${p}_${version}_$arch.deb"; done
# shellcheck disable=SC2086
if apt-get install -y -qq --no-install-recommends $files >"$tmp/install.log" 2>&1; then
    ok "apt-get install:$(for p in $pkgs; do printf ' %s' "$p"; done)"
else
    bad "apt-get install failed:"; sed 's/^/    /' "$tmp/install.log"; exit 1
fi
for p in $pkgs; do dpkg -L "$p" >"$tmp/$p.list"; done

# ---- 4. as a user ----------------------------------------------------------
# A bare environment in a folder of its own: nothing of the build tree
# (PATH, LD_LIBRARY_PATH, the working directory) can stand in for what the
# packages installed.
mkdir -p "$tmp/home" "$tmp/cwd"
user() { (cd "$tmp/cwd" && env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1 "$@"); }
ex=/usr/share/doc/kmgca/examples

where=$(user sh -c 'command -v kmgca')
[ "$where" = /usr/bin/kmgca ] && ok "kmgca is /usr/bin/kmgca" || bad "kmgca is '$where', not /usr/bin/kmgca"
v=$(user kmgca --version)
[ "$v" = "kmgca $version (library $version)" ] && ok "kmgca --version: $v" ||
    bad "kmgca --version says '$v', not 'kmgca $version (library $version)'"

if user kmgca analyse --age 68 --sex m --foods $ex/custom_foods.csv --meds $ex/meds.csv \
        --activity $ex/activity.csv $ex/diary.csv -o "$tmp/cwd/report.xlsx" >"$tmp/analyse.txt" 2>&1 &&
   user /usr/bin/python3 -c 'import sys, zipfile; sys.exit("xl/workbook.xml" not in zipfile.ZipFile(sys.argv[1]).namelist())' \
        "$tmp/cwd/report.xlsx"; then
    ok "kmgca analyse $ex/diary.csv -o report.xlsx: $(sed -n 1p "$tmp/analyse.txt"); the workbook is there"
else
    bad "kmgca analyse on the installed example diary:"; sed 's/^/    /' "$tmp/analyse.txt"
fi
if user sh $ex/demo.sh kmgca "$tmp/cwd/demo.xlsx" >"$tmp/demo.txt" 2>&1 && [ -s "$tmp/cwd/demo.xlsx" ]; then
    ok "sh $ex/demo.sh kmgca demo.xlsx"
else
    bad "the installed demo.sh:"; sed 's/^/    /' "$tmp/demo.txt"
fi

mg=$(user kmgca food --json almonds 30 g | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["mg_mg"])')
[ -n "$mg" ] && ok "kmgca food almonds 30 g: Mg $mg mg" || bad "kmgca food almonds 30 g gave no magnesium"

th=$(zcat /usr/share/man/man1/kmgca.1.gz 2>/dev/null | grep '^\.TH')
case $th in
*"\"kmgca $version\""*) ok "man page kmgca(1): $th" ;;
*) bad "man page /usr/share/man/man1/kmgca.1.gz: .TH line '$th' does not say kmgca $version" ;;
esac

# The completion as bash-completion loads it when kmgca is first completed.
comp=$(user bash -c '. /usr/share/bash-completion/bash_completion
    _completion_loader kmgca 2>/dev/null
    t() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
          COMPREPLY=(); _kmgca kmgca "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; echo "${COMPREPLY[*]}"; }
    t kmgca an; t kmgca analyse --for; t kmgca analyse --format cron; t kmgca report --la')
want_comp="analyse
--format
cronometer-servings cronometer-daily
--lang"
[ "$comp" = "$want_comp" ] && ok "bash completion: kmgca an -> analyse, analyse --for -> --format, ..." ||
    bad "bash completion gave: $(echo "$comp" | paste -sd'|'), expected $(echo "$want_comp" | paste -sd'|')"

# A C program against the installed library (the example of docs/library.md).
cat >"$tmp/cwd/prog.c" <<'EOF'
#include <stdio.h>
#include <kmgca.h>

int main(void)
{
    kmgca_error err;
    kmgca_foods *foods = kmgca_foods_new(&err);
    kmgca_match m;
    kmgca_serving s;
    double grams;
    if (!foods)
        return 5;
    printf("%s\n", kmgca_version());
    if (kmgca_foods_match(foods, "almonds", &m, &err) == KMGCA_OK &&
        kmgca_serving_parse("30 g", &s, &err) == KMGCA_OK &&
        kmgca_serving_grams(m.food, &s, &grams, NULL, 0, &err) == KMGCA_OK)
        printf("%s: %g mg magnesium\n", kmgca_food_description(m.food),
               kmgca_food_mg(m.food, KMGCA_MG, grams));
    else
        fprintf(stderr, "%s\n", err.message);
    kmgca_foods_free(foods);
    return 0;
}
EOF
pc=$(user pkg-config --modversion kmgca)
[ "$pc" = "$version" ] && ok "pkg-config --modversion kmgca: $pc" || bad "pkg-config --modversion kmgca says '$pc'"
if user sh -c 'cc -Wall -o prog prog.c $(pkg-config --cflags --libs kmgca)' >"$tmp/cc.txt" 2>&1; then
    out=$(user ./prog)
    lib=$(user ldd ./prog | sed -n 's/^[[:space:]]*libkmgca\.so\.0 => \([^ ]*\).*/\1/p')
    lib=$(readlink -f "$lib")
    [ "$out" = "$version
Nuts, almonds: $mg mg magnesium" ] && ok "a C program built with pkg-config kmgca prints: $(echo "$out" | paste -sd' ')" ||
        bad "the C program printed '$out'"
    case $lib in
    /usr/lib/"$(dpkg-architecture -qDEB_HOST_MULTIARCH)"/libkmgca.so.$version) ok "it runs on the installed $lib" ;;
    *) bad "the C program found libkmgca.so.0 at '$lib'" ;;
    esac
else
    bad "cc prog.c \$(pkg-config --cflags --libs kmgca):"; sed 's/^/    /' "$tmp/cc.txt"
fi

# The Taiwan FDA table's licence (OGDL-Taiwan-1.0) asks for its attribution
# wherever the data shows: the installed copyright gives it word for word as
# foodtables/PROVENANCE.md does.
attr=$(sed -n 's/^  > //p' foodtables/PROVENANCE.md | sed '/^(Derived/,$d')
missing=$(echo "$attr" | while IFS= read -r line; do
    grep -qxF " $line" /usr/share/doc/kmgca/copyright || echo "$line"; done)
[ -n "$attr" ] && [ -z "$missing" ] &&
    ok "/usr/share/doc/kmgca/copyright holds the TFDA attribution of foodtables/PROVENANCE.md ($(echo "$attr" | wc -l) lines)" ||
    bad "/usr/share/doc/kmgca/copyright lacks TFDA attribution lines: $missing"

grep -q "<version value=\"$version\"/>" /usr/lib/libreoffice/share/extensions/kmgca/description.xml &&
    ok "the extension's description.xml says version $version" ||
    bad "/usr/lib/libreoffice/share/extensions/kmgca/description.xml does not say version $version"
user /usr/bin/python3 "$root/tests/deb/calc.py" "$mg" "$version" || fail=1

# ---- 5. purge --------------------------------------------------------------
# shellcheck disable=SC2086
if apt-get purge -y -qq $pkgs >"$tmp/purge.log" 2>&1; then
    ok "apt-get purge:$(for p in $pkgs; do printf ' %s' "$p"; done)"
else
    bad "apt-get purge:"; sed 's/^/    /' "$tmp/purge.log"
fi
[ -z "$(present)" ] || bad "dpkg still knows: $(present)"
left=0
for p in $pkgs; do
    while IFS= read -r f; do
        [ "$f" = /. ] && continue
        if [ -d "$f" ] && [ ! -L "$f" ]; then
            # A folder may stay only when another package owns it too.
            dpkg-query -S "$f" >/dev/null 2>&1 || { bad "$p left the folder $f"; left=$((left + 1)); }
        elif [ -e "$f" ] || [ -L "$f" ]; then
            bad "$p left $f"; left=$((left + 1))
        fi
    done <"$tmp/$p.list"
done
[ -e /usr/lib/libreoffice/share/extensions/kmgca ] && bad "/usr/lib/libreoffice/share/extensions/kmgca is still there"
[ $left = 0 ] && ok "nothing left of the $(cat "$tmp"/*.list | grep -vc '^/\.$') paths the four installed"

echo "check-deb: $([ $fail = 0 ] && echo passed || echo FAILED) in $(($(date +%s) - start)) s"
exit $fail
