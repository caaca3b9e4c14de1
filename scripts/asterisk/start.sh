#!/usr/bin/env bash
# Starts a fresh Asterisk test instance from the chroot in the background, on loopback, with AMI on the
# first free port from CALLPROFILES_AMI_FIRST_PORT, our dialplan and a random AMI secret; waits until
# it is fully booted. Prints the path of an env file holding CALLPROFILES_TEST_AMI_PORT,
# CALLPROFILES_TEST_AMI_SECRET, CALLPROFILES_TEST_ASTERISK_PID and CALLPROFILES_TEST_ASTERISK_INSTANCE
# (pass it to stop.sh). Needs root (chroot).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=env.sh
. "$here/env.sh"
root="$CALLPROFILES_ASTERISK_CHROOT"
if [ ! -f "$CALLPROFILES_ASTERISK_MARKER" ]; then
    echo "asterisk: the chroot $root is not built; run scripts/asterisk/install.sh first." >&2
    exit 1
fi

# Two test runs starting at once must not pick the same port: choose and start under a lock, held
# until this instance listens.
mkdir -p "$root$CALLPROFILES_ASTERISK_INSTANCES"
exec 8>"$root$CALLPROFILES_ASTERISK_INSTANCES/.start.lock"
flock 8
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port="$CALLPROFILES_AMI_FIRST_PORT"
while port_in_use "$port"; do
    port=$((port + 1))
    if [ "$port" -gt $((CALLPROFILES_AMI_FIRST_PORT + 100)) ]; then
        echo "asterisk: no free AMI port from $CALLPROFILES_AMI_FIRST_PORT on." >&2
        exit 1
    fi
done
instance="$CALLPROFILES_ASTERISK_INSTANCES/$port"
instance_host="$root$instance"
rm -rf --one-file-system "$instance_host"
secret="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
"$here/write-config.sh" "$instance_host" "$port" "$secret"

started=$(date +%s%N)
chroot "$root" /usr/sbin/asterisk -f -n -C "$instance/etc/asterisk.conf" \
    > "$instance_host/log/console.log" 2>&1 < /dev/null 8>&- &
pid=$!
ready=no
for _ in $(seq 1 200); do
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    if chroot "$root" /usr/sbin/asterisk -C "$instance/etc/asterisk.conf" -rx 'core waitfullybooted' \
        >/dev/null 2>&1; then
        ready=yes
        break
    fi
    sleep 0.05
done
if [ "$ready" != yes ]; then
    echo "asterisk: did not boot; its console log follows." >&2
    tail -n 40 "$instance_host/log/console.log" >&2 || true
    kill "$pid" 2>/dev/null || true
    exit 1
fi
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
env_file="$instance_host/instance.env"
umask 077
cat > "$env_file" <<ENV
CALLPROFILES_TEST_AMI_PORT=$port
CALLPROFILES_TEST_AMI_SECRET=$secret
CALLPROFILES_TEST_ASTERISK_PID=$pid
CALLPROFILES_TEST_ASTERISK_INSTANCE=$instance_host
ENV
echo "asterisk: running (pid $pid, AMI 127.0.0.1:$port, booted in ${elapsed_ms} ms)" >&2
echo "$env_file"
