#!/bin/sh
# run.sh — the bad-input corpus (expect.tsv) against a kmgca binary, with the
# network cut off, plus a check that the binary cannot reach a network at all.
# Usage, from anywhere: sh tests/bad/run.sh build/kmgca [CASE_ID...]
# PYTHON names the python3 with openpyxl (default /usr/bin/python3).
set -u
if [ $# -lt 1 ]; then
    echo "usage: run.sh KMGCA_BINARY [CASE_ID...]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
case $1 in
/*) KMGCA=$1 ;;
*) KMGCA=$(pwd)/$1 ;;
esac
shift
PYTHON=${PYTHON:-/usr/bin/python3}

# No network: run again in a network namespace of our own (only a loopback
# device, down), as root with unshare -n, else as an ordinary user in a user
# namespace (unshare -r -n). -m gives a mount namespace too, for the tmpfs
# case. Where neither is allowed the cases still run, and say so.
if [ -z "${KMGCA_BAD_NETNS:-}" ]; then
    for opts in "-n -m" "-r -n -m" "-n" "-r -n"; do
        # shellcheck disable=SC2086 # opts are words
        if unshare $opts true 2>/dev/null; then
            KMGCA_BAD_NETNS="unshare $opts"
            export KMGCA_BAD_NETNS
            # shellcheck disable=SC2086
            exec unshare $opts sh "$0" "$KMGCA" "$@"
        fi
    done
    KMGCA_BAD_NETNS=none
fi
if [ "$KMGCA_BAD_NETNS" = none ]; then
    echo "bad: network not cut off (unshare is not permitted here); running anyway"
else
    devices=$(awk -F: 'NR > 2 { gsub(/ /, "", $1); printf "%s ", $1 }' /proc/net/dev 2>/dev/null)
    echo "bad: running under $KMGCA_BAD_NETNS (network devices: ${devices:-none})"
fi

fail=0
if ! "$PYTHON" -c 'import openpyxl' 2>/dev/null; then
    echo "FAIL $PYTHON cannot import openpyxl (Debian: apt-get install python3-openpyxl)"
    exit 1
fi
if [ ! -x "$KMGCA" ]; then
    echo "FAIL $KMGCA is not an executable"
    exit 1
fi

# The binary imports no function that opens a network connection or looks up
# a host name (nm from binutils; skipped without it).
if command -v nm >/dev/null 2>&1; then
    net=$(nm -D --undefined-only "$KMGCA" 2>/dev/null |
        awk '{ print $NF }' | sed 's/@.*//' |
        grep -E -x 'socket|connect|bind|listen|accept4?|sendto|sendmsg|recvfrom|getaddrinfo|gethostbyname2?|gethostbyname_r|getnameinfo|curl_.*' || true)
    if [ -n "$net" ]; then
        echo "FAIL $KMGCA imports network functions: $(echo $net)"
        fail=1
    else
        echo "ok no network functions imported by $KMGCA"
    fi
fi

"$PYTHON" "$here/run.py" "$KMGCA" "$@" || fail=1
exit $fail
