#!/usr/bin/env bash
# Runs COMMAND... with a test Asterisk: installs it (or reuses the chroot), starts a fresh instance,
# exports CALLPROFILES_TEST_AMI_PORT and CALLPROFILES_TEST_AMI_SECRET, runs the command and stops
# Asterisk afterwards, whatever happened. If Asterisk cannot be provided the command still runs
# without those variables: the Asterisk tests then fail under CI=true and skip otherwise.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
env_file=""
stop() {
    if [ -n "$env_file" ]; then
        "$here/stop.sh" "$env_file" || true
    fi
}
trap stop EXIT
trap 'exit 130' INT TERM

started=$(date +%s%N)
if "$here/install.sh" >&2 && env_file="$("$here/start.sh")"; then
    # shellcheck disable=SC1090
    . "$env_file"
    export CALLPROFILES_TEST_AMI_PORT CALLPROFILES_TEST_AMI_SECRET
    echo "asterisk: ready for tests after $((($(date +%s%N) - started) / 1000000)) ms (install or reuse + start)" >&2
else
    env_file=""
    echo "asterisk: NOT available; the Asterisk tests will fail under CI=true and skip otherwise." >&2
fi
"$@"
