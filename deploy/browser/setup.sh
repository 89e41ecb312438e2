#!/usr/bin/env bash
# Headless Chromium and its WebDriver for the view's browser test, from the distribution's
# packages (no browser download at test time).
#
#   setup.sh install   install chromium and chromium-driver with apt-get (only what is missing)
#   setup.sh check     exit 1 and say what is missing
#
# Run it as root (CI) or with passwordless sudo. Fast when nothing is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE_DIR="$ROOT/.cache/browser"

say() { echo "browser-setup: $*" >&2; }
# shellcheck source=deploy/apt.sh
. "$ROOT/deploy/apt.sh"


missing() {
    local out=()
    command -v chromium >/dev/null || out+=(chromium)
    command -v chromedriver >/dev/null || out+=(chromium-driver)
    echo "${out[@]}"
}

cmd_check() {
    local absent
    absent="$(missing)"
    [ -z "$absent" ] && return 0
    say "missing: $absent (make browser installs them)"
    return 1
}

cmd_install() {
    local absent
    absent="$(missing)"
    [ -z "$absent" ] && return 0
    if ! command -v apt-get >/dev/null; then
        say "missing $absent and no apt-get here: install Chromium and its chromedriver yourself"
        return 1
    fi
    say "installing $absent (apt-get, once)"
    # shellcheck disable=SC2086  # one word per package
    apt_install "$STATE_DIR/apt.log" --no-install-recommends $absent
    cmd_check
}

case "${1:-install}" in
    install) cmd_install ;;
    check) cmd_check ;;
    *) say "usage: $0 [install|check]"; exit 2 ;;
esac
