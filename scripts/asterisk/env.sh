#!/usr/bin/env bash
# Shared settings for the Asterisk test scripts (sourced, not run). Every value can be overridden
# from the environment.
CALLPROFILES_ASTERISK_CHROOT="${CALLPROFILES_ASTERISK_CHROOT:-/var/cache/callprofiles/asterisk-chroot}"
# Written once the chroot holds a working asterisk; its presence means "reuse it".
CALLPROFILES_ASTERISK_MARKER="$CALLPROFILES_ASTERISK_CHROOT/.callprofiles-ready"
# Each running instance lives in its own directory inside the chroot, named after its AMI port, so
# two test runs on one machine never share state: /srv/callprofiles/<port>/{etc,run,spool,lib,log}.
CALLPROFILES_ASTERISK_INSTANCES="/srv/callprofiles"
# First AMI port tried; the next free one is used.
CALLPROFILES_AMI_FIRST_PORT="${CALLPROFILES_AMI_FIRST_PORT:-15038}"
