#!/bin/sh
# setup.sh — makes sure the Debian packages kmgca builds and tests with are here.
# Run as root it installs what is missing with apt-get; otherwise, or with
# KMGCA_NO_INSTALL=1 (what a plain `make` sets), it prints the exact command.
# Usage: tools/setup.sh build|test|addin|bench|deb
set -eu

want="gcc make pkg-config libcsv-dev libxlsxwriter-dev libcmocka-dev zlib1g-dev"
case "${1:-build}" in
build) ;;
test) want="$want python3 python3-openpyxl libreoffice-calc-nogui python3-uno libreoffice-dev g++ zip clang libclang-rt-14-dev valgrind poppler-utils fonts-noto-cjk libreoffice-l10n-zh-cn" ;;
addin) want="$want libreoffice-dev libreoffice-calc-nogui g++ zip" ;;
bench) want="$want python3 python3-pandas python3-xlsxwriter" ;;
# The Debian packages (make deb) and their check (make check-deb: lintian, the
# installed command's bash completion, the packaged add-in in a headless Calc).
deb) want="$want debhelper dpkg-dev lintian libreoffice-dev zip bash-completion python3-uno libreoffice-calc-nogui" ;;
*) echo "setup.sh: unknown set '$1'" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
    # dpkg-query exits non-zero, or reports a state other than installed, when absent.
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

# KMGCA_NO_INSTALL=1 (a plain `make`): name them, install nothing.
if [ -z "${KMGCA_NO_INSTALL:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
    exit 0
fi
echo "kmgca needs these Debian packages:$missing" >&2
if [ -n "${KMGCA_NO_INSTALL:-}" ]; then
    echo "install them with:  make setup   (as root; or any of make demo, make check)" >&2
    echo "                or:  sudo apt-get install -y --no-install-recommends$missing" >&2
    exit 1
fi
echo "install them with:  sudo apt-get install -y --no-install-recommends$missing" >&2
exit 1
