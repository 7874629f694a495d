#!/bin/sh
# Install the Debian/Ubuntu packages the tests need: a private D-Bus session bus (dbus, dbus-x11),
# notify-send for the fallback route (libnotify-bin), a virtual display (xvfb), a real
# notification server (dunst), tmux, systemd-analyze (systemd) to verify the printed unit, and
# PostgreSQL 15 with its contrib extensions (postgresql, postgresql-contrib) for the tests'
# throwaway server. Idempotent: already-installed packages are left alone. Uses sudo only when
# not root. Without apt-get (not Debian-like) it prints a note and exits 0: the tests that need these
# programs skip themselves, saying what to install.
set -eu

PACKAGES="dbus dbus-x11 libnotify-bin xvfb dunst tmux systemd postgresql postgresql-contrib"

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ci-system-deps: apt-get not found; install these yourself if you can: $PACKAGES" >&2
    exit 0
fi

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
if [ -z "$missing" ]; then
    echo "ci-system-deps: already installed: $PACKAGES"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    run() { "$@"; }
elif command -v sudo >/dev/null 2>&1; then
    run() { sudo "$@"; }
else
    echo "ci-system-deps: not root and no sudo; cannot install:$missing" >&2
    exit 1
fi

echo "ci-system-deps: installing:$missing"
run apt-get update
# shellcheck disable=SC2086  # word splitting of the package list is intended
run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
