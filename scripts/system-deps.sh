#!/usr/bin/env bash
# Install the system packages the browser tests need (Debian): Chromium, Arabic and Latin fonts, and Java
# for the HTML validator. Does nothing when they are already there; needs root (or sudo) otherwise.
set -euo pipefail

PACKAGES=(chromium fonts-noto-core fonts-dejavu-core openjdk-17-jre-headless)

have_everything() {
    command -v chromium >/dev/null 2>&1 &&
        command -v java >/dev/null 2>&1 &&
        [ -e /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] &&
        [ -d /usr/share/fonts/truetype/dejavu ]
}

if have_everything; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    run_as_root=()
elif command -v sudo >/dev/null 2>&1; then
    run_as_root=(sudo)
else
    echo "system-deps: the browser tests need the Debian packages: ${PACKAGES[*]}" >&2
    echo "system-deps: install them as root (apt-get install ${PACKAGES[*]}), or run 'make test-quick' to skip the browser tests" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${run_as_root[@]}" apt-get update -qq
"${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
have_everything || { echo "system-deps: installed ${PACKAGES[*]} but something is still missing" >&2; exit 1; }
