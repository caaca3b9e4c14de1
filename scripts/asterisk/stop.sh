#!/usr/bin/env bash
# Stops the Asterisk test instance described by ENV_FILE (printed by start.sh): "core stop now"
# through its control socket, then by the PID start.sh started if it is still running.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=env.sh
. "$here/env.sh"
env_file="$1"
# shellcheck disable=SC1090
. "$env_file"
instance="$CALLPROFILES_ASTERISK_INSTANCES/$CALLPROFILES_TEST_AMI_PORT"
pid="$CALLPROFILES_TEST_ASTERISK_PID"
if kill -0 "$pid" 2>/dev/null; then
    chroot "$CALLPROFILES_ASTERISK_CHROOT" /usr/sbin/asterisk -C "$instance/etc/asterisk.conf" \
        -rx 'core stop now' >/dev/null 2>&1 || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        sleep 0.5
        kill -9 "$pid" 2>/dev/null || true
    fi
fi
echo "asterisk: stopped (pid $pid)" >&2
