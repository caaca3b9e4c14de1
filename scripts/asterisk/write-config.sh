#!/usr/bin/env bash
# Writes a test instance's Asterisk configuration: usage write-config.sh INSTANCE_DIR PORT SECRET
# INSTANCE_DIR is the host path of /srv/callprofiles/<port> inside the chroot. The shipped dialplan
# (assets/asterisk/callprofiles.conf) is included unchanged; test-only phones and callers are added.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=env.sh
. "$here/env.sh"
instance_host="$1"
port="$2"
secret="$3"
instance="$CALLPROFILES_ASTERISK_INSTANCES/$port"
etc="$instance_host/etc"
mkdir -p "$etc" "$instance_host/run" "$instance_host/spool" "$instance_host/lib" "$instance_host/log"
moddir="$(sed -n 's/^astmoddir *=> *//p' "$CALLPROFILES_ASTERISK_CHROOT/etc/asterisk/asterisk.conf" | head -n1)"

cat > "$etc/asterisk.conf" <<CONF
[directories]
astcachedir => $instance/lib
astetcdir => $instance/etc
astmoddir => ${moddir:-/usr/lib/x86_64-linux-gnu/asterisk/modules}
astvarlibdir => /var/lib/asterisk
astdbdir => $instance/lib
astkeydir => $instance/lib
astdatadir => /usr/share/asterisk
astagidir => /usr/share/asterisk/agi-bin
astspooldir => $instance/spool
astrundir => $instance/run
astlogdir => $instance/log
astsbindir => /usr/sbin

[options]
verbose = 3
nofork = yes
runuser = root
rungroup = root
; no internal timing module is needed: res_timing_timerfd is loaded below
CONF

# autoload=no: only what the dialplan needs, nothing that listens on the network except AMI.
cat > "$etc/modules.conf" <<'CONF'
[modules]
autoload = no
load = pbx_config.so
load = res_timing_timerfd.so
load = bridge_simple.so
load = codec_ulaw.so
load = codec_alaw.so
load = codec_gsm.so
load = codec_a_mu.so
load = format_pcm.so
load = format_wav.so
load = format_gsm.so
load = format_wav_gsm.so
; CLI `file convert`: the tests have Asterisk's own libgsm encode and decode .gsm and WAV49 files
; (server/tests/server/voicemail_gsm.rs compares our decoder with it, sample for sample).
load = res_convert.so
load = func_db.so
load = func_strings.so
load = func_cut.so
load = func_logic.so
load = func_channel.so
load = func_callerid.so
load = func_devstate.so
; DeviceStateChange AMI events (callprofiles-server re-reads a user when a Custom: lamp changes).
load = res_manager_devicestate.so
load = func_env.so
load = func_timeout.so
load = func_dialplan.so
load = func_global.so
load = func_math.so
load = func_extstate.so
load = app_playtones.so
load = app_db.so
load = app_exec.so
load = app_userevent.so
load = app_verbose.so
load = app_stack.so
load = app_dial.so
load = app_echo.so
load = app_playback.so
load = app_record.so
load = app_milliwatt.so
load = app_originate.so
load = app_directed_pickup.so
load = app_while.so
load = res_adsi.so
load = app_voicemail.so
CONF

cat > "$etc/manager.conf" <<CONF
[general]
enabled = yes
bindaddr = 127.0.0.1
port = $port
webenabled = no
displayconnects = no
authtimeout = 5
authlimit = 20

; The app's user: AstDB and device states (write=system,call), telecommuter calls and playing
; voicemail on the phone (originate), marking messages heard and deleting them (user).
[callprofiles]
secret = $secret
deny = 0.0.0.0/0.0.0.0
permit = 127.0.0.1/255.255.255.255
read = system,call,user
write = system,call,originate,user

; An app user as set up before telecommuter calls existed: no originate.
[callprofiles-nocalls]
secret = $secret
deny = 0.0.0.0/0.0.0.0
permit = 127.0.0.1/255.255.255.255
read = system,call,user
write = system,call

; callprofiles-server's user (README: "The server's AMI user"): events of lamps, voicemail and the
; dialplan (read=call,user), AstDB writes and lamps (write=system,call), telecommuter calls and
; voicemail played on the phone (originate), marking messages heard and deleting them (user).
[callprofiles-server]
secret = $secret
deny = 0.0.0.0/0.0.0.0
permit = 127.0.0.1/255.255.255.255
read = call,user
write = system,call,originate,user

; The tests' user: also places calls (originate) and runs CLI commands (restart).
[callprofiles-test]
secret = $secret
deny = 0.0.0.0/0.0.0.0
permit = 127.0.0.1/255.255.255.255
read = all
write = all
CONF

cat > "$etc/logger.conf" <<'CONF'
[general]
[logfiles]
console => notice,warning,error
full => notice,warning,error,verbose
CONF

{
    cat <<'CONF'
[general]
format = wav
serveremail = callprofiles
attach = no
maxmsg = 100
maxsecs = 120
minsecs = 0
sendvoicemail = no
mailcmd = /bin/true

[default]
CONF
    # 380-389 have an e-mail address (callprofiles-server mails new voicemail there); Asterisk's own
    # e-mail (mailcmd) goes nowhere.
    for ext in $(seq 200 399); do
        case "$ext" in
            38?) echo "$ext => 1234,Test user $ext,vm$ext@example.test" ;;
            *) echo "$ext => 1234,Test user $ext" ;;
        esac
    done
    printf '\n[sales]\n310 => 1234,Test user 310 in sales\n'
} > "$etc/voicemail.conf"

cat > "$etc/extensions.conf" <<'CONF'
[general]
static = yes
writeprotect = yes
clearglobalvars = no

[globals]
; Test phones are Local channels that report ringing with a UserEvent (see below).
CALLPROFILES_DESK_DIAL = Local/%EXT%@callprofiles-test-phones
CALLPROFILES_OUTBOUND_DIAL = Local/%NUM%@callprofiles-test-phones
CALLPROFILES_RING_SECONDS = 2
CALLPROFILES_VM_CONTEXT = default
CALLPROFILES_RINGBACK_POLL_SECONDS = 1
; FreePBX's globals (core functions.inc.php) for the FreePBX-faithful dialplan (tests/asterisk/freepbx).
RINGTIMER_DEFAULT = 2
DIAL_OPTIONS = Tt
CWINUSEBUSY = true

#include callprofiles.conf

; A test phone: reports that it rang, then answers when the AstDB key CPTEST/<target> is "answer", or
; "answer-after-N" and it has rung more than N times, or "listen" (answers and stays 20 s, e.g. to hear
; a voicemail message); otherwise it keeps ringing.
[callprofiles-test-phones]
exten => _[0-9+].,1,UserEvent(CallprofilesTestRang,Target: ${EXTEN},From: ${CALLERID(num)})
 same => n,Set(CPTEST_RINGS=$[0${DB(CPTEST/${EXTEN}/rings)} + 1])
 same => n,Set(DB(CPTEST/${EXTEN}/rings)=${CPTEST_RINGS})
 same => n,Set(CPTEST_MODE=${DB(CPTEST/${EXTEN})})
 same => n,GotoIf($["${CPTEST_MODE}" = "answer" | "${CPTEST_MODE}" = "listen"]?answer)
 same => n,GotoIf($["${CPTEST_MODE:0:13}" != "answer-after-"]?ring)
 same => n,GotoIf($[${CPTEST_RINGS} > ${CPTEST_MODE:13}]?answer)
 same => n(ring),Ringing()
 same => n,Wait(120)
 same => n,Hangup()
 same => n(answer),Answer()
 same => n,UserEvent(CallprofilesTestAnswered,Target: ${EXTEN})
 same => n,Wait(${IF($["${CPTEST_MODE}" = "listen"]?20:2)})
 same => n,Hangup()

; FreePBX 16/17 with callprofiles installed as README.md says (tests/asterisk/freepbx).
#include freepbx-extensions.conf

; A test caller once its call is answered: sends a tone for CPTEST_SECONDS (default 2), then hangs up.
[callprofiles-test-caller]
exten => s,1,Set(TIMEOUT(absolute)=${IF($["${CPTEST_SECONDS}" = ""]?2:${CPTEST_SECONDS})})
 same => n,Milliwatt()
 same => n,Hangup()
CONF

# Quiet, empty defaults for the core's own configuration files; tones from the package.
for conf in cdr.conf cel.conf features.conf acl.conf udptl.conf ccss.conf; do
    : > "$etc/$conf"
done
cp "$CALLPROFILES_ASTERISK_CHROOT/etc/asterisk/indications.conf" "$etc/indications.conf"
cp "$here/../../assets/asterisk/callprofiles.conf" "$etc/callprofiles.conf"

# FreePBX: the administrator's override file, the shipped FreePBX entry points, the test's copy of
# FreePBX's extensions.conf and generated contexts, and ext-local's per-user blocks as FreePBX 17
# generates them (core functions.inc.php, core_get_config): users 301-318 and 399; 309 has no
# voicemail (novm); 314 has a "no answer" destination (number 0314000).
freepbx="$here/../../tests/asterisk/freepbx"
cp "$here/../../assets/asterisk/callprofiles-freepbx.conf" "$etc/callprofiles-freepbx.conf"
cp "$freepbx/extensions_override_freepbx.conf" "$freepbx/freepbx-extensions.conf" "$freepbx/freepbx-generated.conf" "$etc/"
{
    echo "[ext-local]"
    for ext in $(seq 301 318) 399; do
        vm="$ext"
        [ "$ext" = 309 ] && vm=novm
        noanswer=0
        [ "$ext" = 314 ] && noanswer=1
        echo "exten => $ext,1,Set(__RINGTIMER=\${IF(\$[\"\${DB(AMPUSER/$ext/ringtimer)}\" > \"0\"]?\${DB(AMPUSER/$ext/ringtimer)}:\${RINGTIMER_DEFAULT})})"
        echo "exten => $ext,n,ExecIf(\$[\"\${REGEX(\"from-queue\" \${CHANNEL})}\"=\"1\" && \"\${CONTEXT}\"=\"from-internal-xfer\"]?Set(__CWIGNORE=))"
        echo "exten => $ext,n,Gosub(macro-exten-vm,s,1($vm,$ext,$noanswer,0,0))"
        echo "exten => $ext,n(dest),Set(__PICKUPMARK=)"
        [ "$noanswer" = 1 ] && echo "exten => $ext,n,GotoIf(\$[\"\${DIALSTATUS}\"=\"NOANSWER\"]?callprofiles-test-phones,0${ext}000,1)"
        if [ "$vm" = novm ]; then
            echo "exten => $ext,n,GotoIf(\$[\"\${IVR_CONTEXT}\" != \"\"]?\${IVR_CONTEXT},return,1)"
        else
            echo "exten => $ext,n,Gosub(macro-vm,s,1($vm,\${DIALSTATUS},\${IVR_RETVM}))"
            echo "exten => $ext,n,Goto(vmret,1)"
        fi
        echo "exten => $ext,hint,Custom:PHONE$ext&Custom:DND$ext"
    done
    echo "exten => vmret,1,GotoIf(\$[\"\${IVR_RETVM}\" = \"RETURN\" & \"\${IVR_CONTEXT}\" != \"\"]?playret)"
    echo "exten => vmret,n,Hangup()"
    echo "exten => vmret,n(playret),Playback(exited-vm-will-be-transfered&silence/1)"
    echo "exten => vmret,n,Goto(\${IVR_CONTEXT},return,1)"
    echo "exten => h,1,Gosub(macro-hangupcall,s,1)"
} > "$etc/freepbx-ext-local.conf"
