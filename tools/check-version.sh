#!/bin/sh
# check-version.sh VERSION — the places that write kmgca's version by hand
# must write the Makefile's VERSION: the public header, the manual page's .TH
# line, debian/changelog and NEWS. The rest take it from the Makefile when
# built (kmgca.pc, the add-in's description.xml) or from the header (the
# command's --version, kmgca_version()); `make check-deb` checks those in
# the installed packages. Run from the repository root.
set -u
v=${1:?usage: tools/check-version.sh VERSION}
fail=0
bad() { echo "FAIL version: $*"; fail=1; }

h=$(sed -n 's/^#define KMGCA_VERSION "\(.*\)"$/\1/p' include/kmgca.h)
[ "$h" = "$v" ] || bad "include/kmgca.h: KMGCA_VERSION is \"$h\", the Makefile's VERSION is $v"
parts=$(for p in MAJOR MINOR PATCH; do sed -n "s/^#define KMGCA_VERSION_$p \([0-9]*\)$/\1/p" include/kmgca.h; done | paste -sd.)
[ "$parts" = "$v" ] || bad "include/kmgca.h: KMGCA_VERSION_MAJOR.MINOR.PATCH is $parts, not $v"
th=$(sed -n 's/^\.TH KMGCA 1 "[^"]*" "kmgca \([^"]*\)".*/\1/p' man/kmgca.1)
[ "$th" = "$v" ] || bad "man/kmgca.1: the .TH line says kmgca \"$th\", not $v"
d=$(sed -n '1s/^kmgca (\([^)]*\)).*/\1/p' debian/changelog)
[ "$d" = "$v" ] || bad "debian/changelog: the newest entry is $d, not $v (add an entry: dch -v $v)"
grep -q "^$v\\b" NEWS || bad "NEWS: no entry for $v"

[ $fail = 0 ] && echo "ok version: $v in the Makefile, include/kmgca.h, man/kmgca.1, debian/changelog and NEWS"
exit $fail
