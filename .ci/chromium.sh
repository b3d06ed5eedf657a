#!/usr/bin/env bash
# Install Debian's Chromium for the headless-browser tests when it is missing.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
    echo "chromium.sh: installing Debian's chromium" >&2
    if [ "$(id -u)" = 0 ]; then APT="apt-get"; else APT="sudo apt-get"; fi
    $APT update -qq >&2
    DEBIAN_FRONTEND=noninteractive $APT install -y -qq chromium >&2
fi
