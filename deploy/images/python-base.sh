#!/usr/bin/env bash
# Builds a local stand-in for the official python:3.11-slim image, for machines where no image
# registry can be reached: a minimal Debian bookworm root file system (debootstrap, variant
# minbase) with Debian's Python 3.11 and its venv module, from the Debian mirror apt is configured
# with, imported into podman. deploy/Dockerfile builds on either image (FACTWIRE_PYTHON_IMAGE).
#
#   python-base.sh IMAGE      e.g. localhost/factwire-python:3.11-bookworm
#
# The image carries a label with a hash of its inputs (this script, the suite, the packages and
# the mirror); when the label matches, nothing is rebuilt. Needs root (debootstrap) and
# CONTAINERS_CONF pointing at the podman configuration (see deploy/podman/setup.sh).
set -euo pipefail

image="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
suite=bookworm
packages=python3,python3-venv,ca-certificates
label=io.factwire.inputs

# The first Debian mirror apt uses (deb822 or one-line sources), or Debian's own.
debian_mirror() {
    local found
    found="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
        awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }')"
    [ -n "$found" ] || found="$(cat /etc/apt/sources.list 2>/dev/null |
        awk '$1 == "deb" && $2 !~ /security/ { print $2; exit }')"
    echo "${found:-http://deb.debian.org/debian}"
}
mirror="${FACTWIRE_DEBIAN_MIRROR:-$(debian_mirror)}"

wanted="$({ cat "${BASH_SOURCE[0]}"; echo "$image $suite $packages $mirror"; } |
    sha256sum | cut -c1-16)"
current="$(podman image inspect --format "{{ index .Labels \"$label\" }}" "$image" 2>/dev/null ||
    true)"
if [ "$current" = "$wanted" ]; then
    echo "python-base: $image is up to date"
    exit 0
fi

command -v debootstrap >/dev/null || {
    echo "python-base: installing debootstrap (apt-get, once)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq debootstrap >/dev/null
}

work="$root/.cache/images/python-base"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
echo "python-base: debootstrap $suite ($packages) from $mirror"
debootstrap --variant=minbase --include="$packages" "$suite" "$work/rootfs" "$mirror" \
    >"$work/debootstrap.log" 2>&1 || {
    tail -n 20 "$work/debootstrap.log" >&2
    exit 1
}
# What only the build needed: downloaded packages, package lists, documentation.
rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/* \
    "$work"/rootfs/usr/share/doc/* "$work"/rootfs/usr/share/man/* "$work"/rootfs/usr/share/locale/*

tar -C "$work/rootfs" --numeric-owner -cf - . | podman import --quiet \
    --change 'CMD ["python3"]' \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin' \
    --change 'ENV LANG=C.UTF-8' \
    --change "LABEL $label=$wanted" \
    - "$image" >/dev/null
for stale in $(podman images --quiet --filter dangling=true --filter "label=$label"); do
    podman rmi "$stale" >/dev/null 2>&1 || true
done
echo "python-base: built $image"
