#!/usr/bin/env bash
# Installs Asterisk 22 (Debian sid package) into a minimal sid chroot, or reuses it when already built.
# Debian 12 has no asterisk package and sid's needs a newer libc, hence the chroot.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=env.sh
. "$here/env.sh"
dir="$CALLPROFILES_ASTERISK_CHROOT"
mkdir -p "$(dirname "$dir")"
# Two test runs may start at once: only one builds, the other waits and then reuses.
exec 9>"$dir.lock"
flock 9

if [ -f "$CALLPROFILES_ASTERISK_MARKER" ] && [ -x "$dir/usr/sbin/asterisk" ]; then
    echo "asterisk chroot: reusing $dir"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "asterisk chroot: building it needs root (debootstrap/mmdebstrap and chroot)." >&2
    exit 1
fi

# The Debian mirror the host already uses (first non-security URI of its apt sources).
host_mirror() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/ && $i ~ /debian/) { print $i; exit } }' "$f"
    done
    if [ -f /etc/apt/sources.list ]; then
        awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) { if ($i !~ /security/) print $i; break } }' \
            /etc/apt/sources.list
    fi
}
mirror="${CALLPROFILES_DEBIAN_MIRROR:-$(host_mirror | head -n1)}"
if [ -z "$mirror" ]; then
    echo "asterisk chroot: no Debian mirror found in the host's apt sources; set CALLPROFILES_DEBIAN_MIRROR." >&2
    exit 1
fi

if ! command -v mmdebstrap >/dev/null 2>&1; then
    echo "asterisk chroot: installing mmdebstrap with apt-get"
    # Other jobs may be using apt at the same time: wait for its lock rather than fail.
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq mmdebstrap >/dev/null
fi

# Never delete a chroot that still has something mounted inside it.
if [ -e "$dir" ]; then
    if grep -q " $dir/" /proc/mounts; then
        echo "asterisk chroot: $dir has live mounts; unmount them first." >&2
        exit 1
    fi
    rm -rf --one-file-system "$dir"
fi
tmp="$dir.partial"
if grep -q " $tmp/" /proc/mounts; then
    echo "asterisk chroot: $tmp has live mounts; unmount them first." >&2
    exit 1
fi
rm -rf --one-file-system "$tmp"

start=$(date +%s)
echo "asterisk chroot: building $dir from $mirror (sid)"
# The mirror's sid Release file may be past its Valid-Until, hence Check-Valid-Until=false.
mmdebstrap --quiet --variant=minbase --include=asterisk \
    --aptopt='APT::Install-Recommends "false"' \
    --aptopt='Acquire::Check-Valid-Until "false"' \
    sid "$tmp" "$mirror"
mv "$tmp" "$dir"
chroot "$dir" asterisk -V > "$CALLPROFILES_ASTERISK_MARKER"
echo "asterisk chroot: ready ($(cat "$CALLPROFILES_ASTERISK_MARKER")) in $(($(date +%s) - start)) s"
