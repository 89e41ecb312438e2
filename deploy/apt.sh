# Sourced by the set-up scripts that install the Debian packages a make target needs
# (deploy/podman/setup.sh, deploy/browser/setup.sh). The caller defines `say MESSAGE`.

# Run a command as root: directly when root (CI), else through passwordless sudo.
as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        say "need root to run: $*"
        return 1
    fi
}

# apt_install LOG [APT-GET INSTALL ARGUMENTS...]: refresh the package lists and install, waiting
# for another apt/dpkg run (e.g. unattended upgrades) instead of failing at once; apt's output
# goes to LOG, whose tail is shown when the install fails.
apt_install() {
    local log="$1"
    shift
    local wait=(-o DPkg::Lock::Timeout=300)
    mkdir -p "$(dirname "$log")"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get "${wait[@]}" update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get "${wait[@]}" install -y -qq \
        -o Dpkg::Use-Pty=0 "$@" >"$log" 2>&1 || {
        say "apt-get install failed; see $log"
        tail -n 20 "$log" >&2
        return 1
    }
}
