# English catalog of callprofiles. Every message here must also exist in pl.ftl (a test checks).

## Profiles
profile-office = Office
profile-mobile = Mobile
profile-home = Home
profile-detected = Detected
profile-count = { $count ->
    [one] { $count } profile
   *[other] { $count } profiles
}

## Window
window-title = callprofiles — call profiles
window-title-active = callprofiles — { $profile } is active
window-title-detected = callprofiles — Detected settings

## Toolbar
button-add = ➕ Add profile…
tooltip-add = Add a custom profile as a copy of the profile shown ({ $shortcut }).
tooltip-add-full = You already have { $max } custom profiles, the most allowed: delete one to add another.
tooltip-unavailable = Not available until your profiles can be read.
slots-left = { $count ->
    [one] You can add 1 more profile.
   *[other] You can add { $count } more profiles.
}
slots-none = No more profiles can be added.
button-export = Export…
tooltip-export = Save every profile to a file.
button-import = Import…
tooltip-import = Replace every profile with those from an exported file.
language-label = Language
language-system = System ({ $language })
button-more = More
tooltip-more = Export, import and the phone system

## Sidebar
sidebar-builtin = Built-in profiles
sidebar-custom = Your profiles ({ $count } of 4)
sidebar-custom-empty = None yet.
mark-builtin = built-in
mark-custom = custom
mark-active = active
mark-differs = differs
tooltip-row = Click to edit. Double-click or { $shortcut } to activate.
detected-differs = Differs from { $profile }: { $settings }
detected-short = Changed elsewhere
tooltip-detected = The phone system's current settings match none of your profiles: click to see them and keep them.
summary-desk-phone = Desk phone
summary-forward = ➡ { $number }
summary-twinning = Desk + { $number }
summary-telecommuter = Telecommuter: { $number }
summary-no-number = no number yet
summary-spoken-desk-phone = calls ring the desk phone
summary-spoken-forward = calls are forwarded to { $number }
summary-spoken-twinning = calls ring the desk phone and { $number }
summary-spoken-telecommuter = telecommuter, calls go to { $number }

## Profile view
button-activate = Activate
tooltip-activate = Apply this profile's saved settings to the phone system.
tooltip-already-active = This profile is already active.
tooltip-busy = Wait until the phone system has finished.
button-rename = Rename…
button-delete = Delete…
button-save = Save
button-revert = Revert
tooltip-save-invalid = Correct the marked field first.
tooltip-save-nothing = Nothing has changed.
tooltip-revert = Throw away the changes made since the last save.
hint-unsaved = Unsaved changes
hint-active-edit = This profile is active: saving also applies the changes to the phone system.

## Settings form
group-call-pickup = Call pickup
field-call-pickup = Call pickup on
hint-call-pickup = Colleagues can answer your ringing calls.
group-mobility = Mobility
mode-desk-phone = Default desk phone
mode-forward = Call forwarding
mode-twinning = Simultaneous ringing on mobile phones
mode-telecommuter = Telecommuter
number-forward = Forward calls to
number-twinning = Also ring
number-telecommuter = Telecommuter number
hint-number = e.g. +48 600 100 200
hint-number-missing = No number set yet: the profile can be saved, but not activated.
hint-number-saved-as = Will be saved as { $number }
group-voicemail = Voicemail
field-voicemail = Voicemail on
field-ringback = Voicemail ringback on
field-notification = Voicemail notification on
setting-call-pickup = Call pickup
setting-routing = Mobility
setting-voicemail = Voicemail
setting-ringback = Voicemail ringback
setting-notification = Voicemail notification
setting-playback = Listening to messages
setting-greeting = Active voicemail greeting
field-playback = Listen to messages:
field-greeting = Active voicemail greeting:
playback-phone = using the phone
playback-computer = using the computer
greeting-default = System greeting
greeting-recorded = Greeting { $number }

## Detected
detected-explain = The phone system's current settings match none of your saved profiles (they were changed elsewhere, e.g. on the desk phone).
button-save-detected-new = Save as new profile…
button-save-detected-into = Save into…

## Dialogs
field-name = Name
dialog-add-title = Add a profile
dialog-add-text = The new profile is a copy of { $profile }: it starts with the same settings, which you can then change.
dialog-add-text-default = The new profile starts with the default settings: calls ring the desk phone.
button-add-confirm = Add
dialog-rename-title = Rename the profile
button-rename-confirm = Rename
dialog-delete-title = Delete the profile?
dialog-delete-text = Delete { $profile }? This cannot be undone.
button-delete-confirm = Delete
dialog-detected-new-title = Save Detected as a new profile
dialog-detected-new-text = The new profile gets the phone system's current settings and becomes the active one.
dialog-detected-into-title = Save Detected into a profile
dialog-detected-into-text = Which profile should take the phone system's current settings?
dialog-detected-into-warning = The saved settings of { $profile } will be replaced.
button-save-confirm = Save
dialog-unsaved-title = Unsaved changes
dialog-unsaved-text = { $profile } has changes that are not saved.
dialog-unsaved-invalid = They cannot be saved as they are: a field is not valid.
button-discard = Discard changes
button-cancel = Cancel
dialog-import-title = Import profiles?
dialog-import-text = Importing replaces all your profiles, your custom ones included, with these.
button-import-confirm = Import
button-export-confirm = Export
field-path = File
hint-path = e.g. /home/me/callprofiles-profiles.json
file-export-title = Export profiles
file-import-title = Import profiles
file-filter-json = callprofiles export (JSON)
file-no-portal = No file chooser could be opened: the desktop's file chooser service (xdg-desktop-portal) is not running. Type the file's path instead.

## Damaged profiles file
damaged-heading = Your profiles cannot be read
damaged-explain = You can move it aside (it is kept next to the original, nothing is deleted) and start again with the three built-in profiles.
damaged-retry = Nothing was changed. The window will try again in a few seconds.
button-move-aside = Move it aside and start fresh

## Status line
status-starting = Reading the phone system…
status-worker-stopped = The background worker that talks to the phone system has stopped; nothing you do is saved or applied until it is restarted.
button-restart-worker = Restart it
status-phone-unknown = Phone system: not opened
status-phone-demo = Built-in demo phone system — no PBX is connected
tooltip-phone-demo = Settings are only saved on this computer: no real phone changes. Click to choose the phone system.
status-phone-asterisk = Phone system: { $summary }
status-connected = Connected
status-applying = Applying { $profile }…
status-saving = Saving…
status-error = Error
status-last-read = Last read at { $time }
button-dismiss = Dismiss the message

## Results
done-activated = { $profile } is now active.
done-saved = { $profile } was saved.
done-saved-applied = { $profile } was saved and applied to the phone system.
done-created = { $profile } was added.
done-renamed = The profile is now called { $profile }.
done-deleted = { $profile } was deleted.
done-detected-saved = The detected settings were saved as { $profile }, which is now active.
done-moved-aside = The damaged file was moved to { $path }; you start with fresh profiles.
done-exported = { $count ->
    [one] Exported 1 profile to { $path }.
   *[other] Exported { $count } profiles to { $path }.
}
done-imported = { $count ->
    [one] Imported 1 profile from { $path }.
   *[other] Imported { $count } profiles from { $path }.
}

## Errors
error-number-character = The number contains “{ $character }”, which is not allowed: use digits, an optional leading +, and spaces, dashes, dots or brackets.
error-number-too-short = The number is too short: it needs at least 2 digits.
error-number-too-long = The number is too long: it may have at most 20 digits.
error-name-empty = A profile name cannot be empty.
error-name-too-long = The name is too long: it may have at most 32 characters.
error-name-control = A profile name cannot contain line breaks or tabs.
error-name-hidden = A profile name cannot contain invisible or direction-changing characters (it holds { $character }).
error-too-many-custom = You already have 4 custom profiles, the most allowed: delete one first.
error-name-taken = The name “{ $name }” is already used by another profile.
error-name-reserved = The name “{ $name }” is reserved for a built-in profile.
error-builtin-delete = { $name } is a built-in profile: it cannot be deleted.
error-builtin-rename = { $name } is a built-in profile: its name cannot be changed.
error-unknown-profile = There is no profile called “{ $name }” (it may have been deleted elsewhere).
error-missing-number = { $name } needs a phone number for its call routing: set it in the profile, save, then activate.
error-nothing-detected = There is nothing detected to save: the phone system's settings match { $name }.
error-call-needs-telecommuter = Calls from callprofiles ring your telecommuter phone first, so they need the Telecommuter routing with a number: activate such a profile first.
error-no-free-id = Cannot add “{ $name }”: every custom profile id up to custom-{ $max } has been used, and ids are never reused.
error-id-out-of-range = The profile id “{ $id }” is out of range: custom ids go up to custom-{ $max }.
error-calls-unsupported = The built-in demo phone system cannot place calls: connect callprofiles to your Asterisk or FreePBX first.
error-voicemail-unsupported = This phone system offers no voicemail messages to callprofiles.
error-no-mailbox = Extension { $extension } has no voicemail box on the phone system.
error-message-not-found = There is no voicemail message { $id } in the mailbox: list the messages again.
error-play-on-phone-unsupported = The built-in demo phone system cannot ring a phone to play a message: connect callprofiles to your Asterisk or FreePBX first.
error-record-by-phone-unsupported = The built-in demo phone system cannot ring a phone to record a greeting: connect callprofiles to your Asterisk or FreePBX first.
error-bad-message-id = “{ $input }” is not a voicemail message id: use an id from the message list.
error-no-home = Cannot find a folder for callprofiles' files: set CALLPROFILES_HOME or pass --home DIR.
error-file = Cannot use the file { $path }: { $reason }.
error-store-corrupt = The profiles file { $path } is damaged ({ $reason }); it was left untouched.
damage-syntax = there is an error at line { $line }, column { $column }
damage-too-large = it is larger than { $limit } bytes
damage-bad-version = its version number is not valid
damage-not-a-file = it is { $kind }, not a regular file
damage-not-an-object = it holds no JSON object
damage-newer = it was written by a newer version of callprofiles (format { $found }, this version reads up to { $supported })
file-kind-directory = a folder
file-kind-fifo = a named pipe (FIFO)
file-kind-char-device = a character device
file-kind-block-device = a block device
file-kind-socket = a socket
file-kind-symlink = a symbolic link
error-store-newer = The profiles file { $path } was written by a newer version of callprofiles; it was left untouched. Update callprofiles to use it.
error-store-busy = Another callprofiles window or command is changing your profiles right now; try again in a moment.
error-too-large = The file { $path } is too large to be a callprofiles export.
error-phone-unreachable = Cannot reach the phone system at { $address }: { $reason }.
link-unknown-host = the host name { $host } is not known, so check it
link-no-address = the host name { $host } has no address
link-refused = nothing accepts connections there, so check that Asterisk is running and that AMI is enabled on that port
link-unreachable = the network cannot reach it
link-network-down = the network is down
link-broken = the connection was broken
link-closed-at-once = it closed the connection at once
link-closed = Asterisk closed the connection
link-wrong-banner = something other than Asterisk's AMI answers on that port (it greeted with “{ $banner }”)
link-not-ami = what it sent is not AMI
error-phone-too-large = The phone system at { $address } sent too much in one answer ({ $bound }); callprofiles stopped reading it. If this keeps happening, tell your PBX administrator.
overflow-line-bytes = a line longer than { $limit } bytes
overflow-headers = a message with more than { $limit } headers
overflow-bytes = more than { $limit } bytes
overflow-entries = a list of more than { $limit } entries
link-other = a network error ({ $detail })
error-phone-login = The phone system rejected the login of user “{ $user }”: check the user name and secret.
error-phone-timeout = The phone system did not answer within { $seconds ->
    [one] 1 second.
   *[other] { $seconds } seconds.
}
error-phone-refused = The phone system refused the { $action } request: “{ $reason }”.
error-phone-refused-silently = The phone system refused the { $action } request without giving a reason.
error-phone-not-verified = The phone system did not keep the new settings; someone may have changed them at the same time.
error-phone-save = The demo phone system cannot save its settings in { $path }: { $reason }.
io-disk-full = the disk is full
io-read-only = the folder is on a read-only disk
io-permission = you are not allowed to change it
error-phone-incomplete = The phone system answered the { $action } request incompletely; try again, and if it keeps happening, tell your PBX administrator.
error-phone-state = The phone system's state is unusable: { $reason }.
error-demo-damaged = The demo phone system's file { $path } is damaged ({ $reason }); move it aside or delete it to start from Office's settings.
error-demo-unreadable = The demo phone system cannot read its settings from { $path }: { $reason }.
error-phone-config = The phone system is not configured correctly: { $reason }.
error-phone-unsafe = The { $what } cannot be sent to the phone system: { $reason }.
config-host-empty = no host name or IP address is given
config-host-too-long = the host name “{ $host }” is too long
config-host-characters = “{ $host }” is not a host name or IP address (use letters, digits, dots and dashes, or an IP address)
config-user-empty = no AMI user name is given
config-user-too-long = the AMI user name is longer than { $limit } characters
config-user-space = the AMI user name contains a space
config-bad-extension = “{ $extension }” is not an extension number: use { $min }–{ $max } digits
config-originate-not-allowed = the AMI user “{ $user }” may not place calls: ask your PBX administrator to add originate to its write permissions (manager.conf: write = system,call,originate)
config-secret-empty = the AMI secret is empty
config-secret-variable = { $variable } is not valid UTF-8
config-no-secret = there is no AMI secret: enter it in the connection settings, or set { $variable }
config-secret-file = the secret file { $path } { $problem }
secret-unreadable = cannot be read ({ $reason })
secret-not-a-file = is not a regular file
secret-open = can be read by other users (permissions { $mode }), but it must be readable by its owner only (run: chmod 600 { $path })
secret-too-large = is larger than { $limit } bytes
secret-unusable = holds a secret that cannot be used: { $reason }
secret-empty = is empty
secret-unwritable = cannot be written ({ $reason })
unsafe-line-break = it contains a line break
unsafe-control = it contains a control character
unsafe-too-long = it is { $bytes } bytes long, more than the { $limit } allowed
value-ami-user = AMI user name
value-ami-secret = AMI secret
io-not-found = it does not exist
error-import = Cannot import { $path }: { $reason }. Nothing was changed.
import-not-json = it is not a valid JSON file (the error is at line { $line }, column { $column })
damage-truncated = it ends too early, as if it was cut short
import-not-export = it is not a callprofiles export
import-newer = it was written by a newer version of callprofiles (version { $found }; this version reads up to { $supported }), so update callprofiles
import-bad-version = its version number is missing or not valid
import-damaged = it is damaged ({ $detail })
import-entry-damaged = profile { $position } in it is damaged ({ $detail })
import-entry-input = profile { $position }: { $reason }
import-bad-id = profile { $position } has an id that is not valid (“{ $id }”)
import-unknown-builtin = profile { $position } is marked built-in, but its id “{ $id }” is not office, mobile or home
import-builtin-renamed = profile { $position } is the built-in profile { $builtin } but is named “{ $name }” (names of built-in profiles cannot change)
import-builtin-twice = the built-in profile { $builtin } appears twice
import-custom-builtin-id = profile { $position } is a custom profile with the id of a built-in one (“{ $id }”)
import-id-twice = two profiles have the id “{ $id }”
import-too-many-custom = it holds { $count } custom profiles, but at most { $limit } are allowed
import-name-twice = two profiles are named “{ $name }” (names must differ, ignoring case)
import-name-reserved = the custom profile “{ $name }” has a name reserved for a built-in profile or Detected
error-unknown-language = “{ $code }” is not a language of callprofiles: use en or pl.
error-window = Cannot open the window: { $reason }.
error-no-display = Cannot open the window: no graphical display was found (neither DISPLAY nor WAYLAND_DISPLAY is set). Run callprofiles in a desktop session, or use its commands (callprofiles --help).
done-imported-replaced = { $count ->
    [one] The custom profile you had before was replaced.
   *[other] The { $count } custom profiles you had before were replaced.
}

## Quick-access window
quick-title = Quick switch
quick-hint = Click a profile or press its number to activate it. M opens your voicemail. Esc closes.
quick-close = Close
quick-key = key { $key }
quick-needs-number = no number
quick-detected-current = The phone system's current settings match none of your profiles.
quick-store-problem = Your profiles cannot be read. Open the main window (callprofiles) to fix this.

## Tray
tray-tooltip-active = { $profile } is active
tray-tooltip-detected = Detected: the phone system's settings match none of your profiles
tray-detected = Detected (changed elsewhere)
tray-open-main = Open main window
tray-quick = Quick switch
tray-unavailable = No system tray is available, so callprofiles shows no tray icon ({ $reason }). Everything else works as usual.

## Phone system connection form
button-phone-system = ☎ Phone system…
tooltip-phone-system = Choose the phone system: the built-in demo, or your Asterisk or FreePBX.
conn-title = Phone system
conn-in-use-demo = In use now: the built-in demo phone system (no PBX is connected).
conn-in-use-asterisk = In use now: Asterisk at { $address }, extension { $extension }.
conn-choice-builtin = Built-in demo (no PBX)
conn-choice-asterisk = Asterisk or FreePBX (over AMI)
conn-builtin-explain = The built-in demo needs no PBX: profiles are applied to a file on this computer, so everything can be tried out.
conn-builtin-in-use = The built-in demo is already in use.
button-conn-builtin = Use the built-in demo
conn-field-host = Host
conn-hint-host = e.g. pbx.example.com or 192.168.1.10
conn-field-port = Port
conn-field-username = AMI user name
conn-hint-username = e.g. callprofiles
conn-field-extension = Your extension
conn-hint-extension = e.g. 201
conn-field-secret = AMI secret
conn-secret-keep = leave empty to keep the saved secret
conn-secret-stored = A secret typed here is saved in the file { $file } of your callprofiles folder, readable only by you. It is never shown or logged.
conn-secret-env = Taken from the environment variable { $variable }.
conn-missing-host = Enter the host name or IP address of the Asterisk server.
conn-invalid-host = Use a host name (letters, digits, dots and dashes) or an IP address, without a port.
conn-invalid-port = The port is a number from 1 to 65535 (Asterisk's default is 5038).
conn-missing-username = Enter the AMI user name (a user of manager.conf).
conn-invalid-username = The user name cannot contain spaces or line breaks and has at most { $max } characters.
conn-missing-extension = Enter your extension number.
conn-invalid-extension = The extension is { $min }–{ $max } digits.
conn-missing-secret = Enter the AMI secret.
conn-invalid-secret = The secret cannot contain line breaks or control characters and has at most { $max } bytes.
button-conn-test = Test and connect
button-close = Close
conn-connecting = Testing the connection to { $address }…
conn-switching = Switching to the built-in demo…
conn-connected = Connected to Asterisk at { $address }, extension { $extension }. The connection is saved, and your profiles were compared with the extension's settings.
conn-using-builtin = Switched to the built-in demo phone system.
conn-failed-kept = Nothing was changed: the phone system in use stays as it was.
status-phone-asterisk-at = Asterisk { $address }, extension { $extension }
status-connecting = Connecting to { $address }…
status-reconnecting = Connection lost: reconnecting…
status-demo-ready = Ready
error-applied-unrecorded = { $profile } is now in use on the phone system, but callprofiles could not note it: { $reason }
error-encode = Cannot write { $path }: its contents could not be encoded ({ $detail }); nothing was written.
error-own-file = Cannot export to { $path }: it is one of callprofiles' own files; choose another file.
error-not-a-file = Cannot use { $path }: it is { $kind }, not a regular file; choose a regular file.
error-unknown-routing = “{ $input }” is not a call routing: use desk_phone, forward:NUMBER, twinning:NUMBER or telecommuter:NUMBER.
error-routing-no-number = The desk phone routing takes no number.
error-unknown-playback = “{ $input }” is not a way to play messages: use phone or computer.
error-unknown-greeting = “{ $input }” is not a voicemail greeting: use default or a number from 1 to 9.
error-not-on-off = “{ $input }” for { $key } is not on or off.
error-not-key-value = “{ $input }” is not a setting: write KEY=VALUE, e.g. call_pickup=on.
error-routing-needs-number = The phone system needs a number for the { $mode } routing: write routing={ $mode }:NUMBER.
error-unknown-key = “{ $key }” is not a setting: use call_pickup, routing, voicemail, voicemail.ringback, voicemail.notification, voicemail.playback or voicemail.greeting.

## Command line (callprofiles list, status, …): the English text is what scripts have always seen
cli-on = on
cli-off = off
cli-summary = { $routing }; voicemail { $voicemail ->
    [on] on
   *[off] off
}; call pickup { $pickup ->
    [on] on
   *[off] off
}
cli-routing-desk-phone = ring the desk phone
cli-routing-forward = forward calls to { $number }
cli-routing-twinning = ring the desk phone and { $number } together
cli-routing-telecommuter = telecommuter at { $number }
cli-routing-forward-unset = forward calls (number not set yet)
cli-routing-twinning-unset = ring the desk phone and a mobile together (number not set yet)
cli-routing-telecommuter-unset = telecommuter (number not set yet)
cli-label-call-pickup = Call pickup
cli-label-routing = Mobility
cli-label-voicemail = Voicemail
cli-label-ringback = Voicemail ringback
cli-label-notification = Voicemail notification
cli-label-playback = Listen to messages
cli-label-greeting = Greeting
cli-playback-phone = on the phone
cli-playback-computer = on the computer
cli-greeting-default = the system greeting
cli-greeting-recorded = recorded greeting { $number }
cli-kind-builtin = built-in
cli-kind-custom = custom
cli-phone-demo = Phone system: Built-in demo phone system (no PBX connected): settings are saved on this computer only — it is not a PBX, so no real phone changes.
cli-phone-asterisk = Phone system: Asterisk at { $address }, extension { $extension } (AMI user { $user }).
cli-phone-other = Phone system: { $summary }.
cli-live-settings = Live settings:
cli-list-heading = Profiles (* = active):
cli-list-detected = Detected: the phone system's settings match no saved profile; keep them with: callprofiles save-detected NAME
cli-warn-active-unknown = Cannot tell which profile is active: { $reason }
cli-warn-active-unknown-one = Cannot tell whether it is active: { $reason }
cli-show-heading = { $name } ({ $kind ->
    [builtin] built-in
   *[custom] custom
} profile, id { $id }{ $active ->
    [yes] , active now
   *[no] {""}
})
cli-show-change = Change it with: callprofiles set { $id } KEY=VALUE...
cli-status-active = Active profile: { $name }
cli-status-detected = Active profile: Detected (the phone system's settings match no saved profile)
cli-status-nearest = Closest saved profile: { $name } (differs in { $keys })
cli-status-keep = Keep these settings with: callprofiles save-detected NAME
cli-status-do-not-disturb = Do not disturb is on (set on the phone): callers get busy whatever the profile says.
cli-status-voicemail = Voicemail: { $count ->
    [0] no new messages
    [one] 1 new message
   *[other] { $count } new messages
}.
cli-activated = Activated "{ $name }": { $summary }.
cli-call-placed = Your telecommuter phone ({ $remote }) rings now: answer it to be connected to { $target }, who sees your extension calling.
cli-voicemail-count = Voicemail: { $new } new, { $old } heard.
cli-voicemail-line = { $id }  { $state }  { $time }  { $seconds } s  { $caller }
cli-voicemail-state-new = new
cli-voicemail-state-old = heard
cli-voicemail-unknown-caller = unknown caller
cli-voicemail-playing = Your phone rings now: answer it to hear message { $id }.
cli-voicemail-heard = Message { $id } is marked heard.
cli-voicemail-deleted = Message { $id } is deleted.
cli-voicemail-recording = Your phone rings now: answer it, speak greeting { $slot } after the beep, then hang up.
cli-voicemail-greetings = Recorded greetings: { $slots }. Callers hear the system greeting when a profile chooses another one.
cli-voicemail-greetings-none = No greeting is recorded: callers hear the system greeting.
cli-show-greeting-unrecorded = Warning: greeting { $slot } is not recorded, so callers would hear the system greeting. Record it by phone or choose another one.
cli-created = Created profile "{ $name }" (id { $id }) with { $origin }; { $used } of { $max } custom profiles used.
cli-origin-from = the settings of "{ $name }"
cli-origin-default = the Office defaults
cli-renamed = Renamed "{ $old }" to "{ $new }".
cli-deleted = Deleted profile "{ $name }".
cli-set-saved = Saved profile "{ $name }": { $summary }.
cli-set-hint = The phone system changes when you activate it: callprofiles activate { $id }
cli-saved-detected-new = Saved the detected settings as the new profile "{ $name }"; it is now the active profile.
cli-saved-detected-into = Saved the detected settings into the profile "{ $name }"; it is now the active profile.
cli-pbx-changed-profile = Changed the phone system. They match profile "{ $name }".
cli-pbx-changed-detected = Changed the phone system. They match no saved profile: Detected.
cli-exported = Exported { $count ->
    [one] 1 profile
   *[other] { $count } profiles
} to { $path }.
cli-imported = Imported { $builtin ->
    [one] 1 built-in profile
   *[other] { $builtin } built-in profiles
} and { $custom ->
    [one] 1 custom profile
   *[other] { $custom } custom profiles
}{ $reset ->
    [0] {""}
    [one] ; 1 built-in profile missing from the file went back to the defaults
   *[other] ; { $reset } built-in profiles missing from the file went back to the defaults
}{ $replaced ->
    [0] .
    [one] ; the 1 custom profile you had before was replaced.
   *[other] ; the { $replaced } custom profiles you had before were replaced.
}
cli-connect-builtin = Switched to the built-in demo phone system (no PBX connected).
cli-connect-asterisk = Connected to Asterisk at { $address } as { $user }; saved in { $path }.
cli-connect-live = Live settings of extension:
cli-error-secret-file = Cannot use the secret file { $path }: { $reason }.
cli-error-output = Cannot write the output: { $reason }.
button-call = 📞 Call…
tooltip-call = Call a number as a telecommuter: your telecommuter phone ({ $remote }) rings first, then callprofiles connects you, showing your extension.
dialog-call-title = Call as a telecommuter
dialog-call-text = Your telecommuter phone ({ $remote }) rings first. Answer it, and the phone system calls this number for you, showing your extension as the caller.
field-call-number = Number to call
hint-call-number = e.g. +48 22 123 45 67
button-call-confirm = Call
status-calling = Placing the call to { $number }…
done-call-placed = Your telecommuter phone ({ $remote }) rings now: answer it to be connected to { $target }.
call-answered = You answered: the phone system now calls { $target } for you, showing your extension.
call-not-answered = Your telecommuter phone ({ $remote }) was not answered, so { $target } was not called.
call-busy = Your telecommuter phone ({ $remote }) was busy, so { $target } was not called.
call-failed = Your telecommuter phone ({ $remote }) could not be called, so { $target } was not called: check the telecommuter number.
call-unknown = The phone system did not say whether you answered; if your telecommuter phone rings, answer it to be connected to { $target }.
status-do-not-disturb = Do not disturb is on (set on the phone)
status-new-voicemail = ✉ { $count ->
    [one] 1 new voicemail message
   *[other] { $count } new voicemail messages
}
notice-new-voicemail = New voicemail: { $count ->
    [one] 1 message waits
   *[other] { $count } messages wait
} in your mailbox.

## callprofiles server (core/src/remote/)
error-server-not-https = "{ $url }" is not an https:// address: callprofiles talks to its server only over HTTPS.
error-server-bad-url = "{ $url }" is not a server address (e.g. https://pbx.example.com:8443).
error-server-bad-fingerprint = "{ $text }" is not a SHA-256 fingerprint (32 hex pairs like AB:CD:…, as the server printed it).
error-server-fingerprint-mismatch = The server's certificate has fingerprint { $found }, not the expected { $expected }: the connection was refused (ask your administrator).
error-server-untrusted = The server's certificate (fingerprint { $found }) is not signed by a known authority: give its fingerprint with --fingerprint.
error-server-unreachable = Cannot reach the callprofiles server at { $url }: { $reason }.
error-server-code-refused = The server refused the enrollment code for extension { $extension }: it is wrong, already used or expired (ask for a new one).
error-server-unauthorized = The server no longer accepts this computer (signed out or revoked): connect again with a new code.
error-server-rate-limited = The server refuses more attempts for now: try again in { $seconds } seconds.
error-server-pbx-unreachable = The server cannot reach the phone system (PBX unreachable); it keeps trying.
error-server-pbx = The phone system refused the change: { $reason }
error-server-refused = The server refused: { $reason }
error-server-not-found = The server does not know that: { $reason }
error-server-too-large = The message is larger than the { $limit } KiB a server exchange may carry.
error-server-bad-answer = The server gave an answer callprofiles does not understand (HTTP { $status }): { $reason }.
error-server-failed = The server failed (HTTP { $status }): { $reason }
error-server-not-signed-in = This computer is not signed in to the callprofiles server: run callprofiles connect server with a code.
error-server-token-file = Cannot use the device token file { $path }: { $reason }.
error-server-token-open = The device token file { $path } is readable by others (mode { $mode }): run chmod 600 on it.
reach-unknown-host = its name does not resolve
reach-refused = the connection was refused
reach-timed-out = it did not answer in time
reach-tls = the secure connection failed ({ $reason })
status-phone-server = Server { $url }, extension { $extension }
cli-phone-server = Phone system: through the callprofiles server { $url }, extension { $extension }.
cli-connect-server = Connected to the callprofiles server { $url } as extension { $extension }; this computer's token is kept in { $path } (readable by you only).
cli-connect-uploaded = The server had no profiles for you yet: this computer's profiles were uploaded.
cli-connect-server-kept = Your profiles on the server are used; this computer's earlier profiles are kept as a backup in { $path }.
cli-connect-server-kept-nothing = Your profiles on the server are used.
cli-disconnect-revoked = Signed out of the callprofiles server (this computer's token is revoked); now using the built-in demo phone system.
cli-disconnect-forgotten = Signed out here, but the server could not be told: ask your administrator to revoke this computer (callprofiles-server user revoke). Now using the built-in demo phone system.
cli-disconnect-not-connected = This computer is not connected to a callprofiles server; nothing to sign out of.
conn-choice-server = callprofiles server (no PBX password on this computer)
conn-in-use-server = In use now: the callprofiles server { $url }, extension { $extension }.
conn-server-explain = Your administrator runs callprofiles-server next to the phone system and gives you a one-time code (callprofiles-server user add) and the server certificate's fingerprint.
conn-server-field-url = Server address
conn-server-field-code = One-time code
conn-server-field-fingerprint = Certificate fingerprint (SHA-256)
conn-server-need-url = Type the server's address (https://…).
conn-server-need-extension = Type your extension number.
conn-server-need-code = Type the one-time code your administrator gave you.
button-conn-server = Connect
button-conn-sign-out = Sign out
conn-server-sign-out-explain = Revokes this computer's access to { $url } and switches to the built-in demo.
conn-server-connected = Connected to the callprofiles server { $url }, extension { $extension }.
## Added for a careful user (issue 16)
explain-desk-phone = Calls ring your desk phone.
explain-forward = Incoming calls are forwarded to an external number; the desk phone does not ring. Unanswered there, a call goes to your voicemail while voicemail is on.
explain-twinning = Incoming calls ring both your desk phone and another number at once.
explain-telecommuter = You work from another phone (e.g. at home): your calls ring there, and calls you make from callprofiles ring it first.
hint-voicemail-off = Voicemail is off: the settings below apply only while it is on (they are kept).
button-save-activate = Save and activate
tooltip-save-activate = Save the changes shown, then apply them to the phone system.
dialog-unsaved-activate = Activate applies the saved settings: save the changes to apply them, or discard them to apply the saved ones.
button-undo = Undo
done-reverted = Your unsaved changes to { $profile } were thrown away.
notice-changed-outside-profile = Your phone settings were changed outside this window: { $profile } is now active.
notice-changed-outside-detected = Your phone settings were changed outside this window: they now match none of your profiles (Detected).
status-profiles-unreadable = Profiles cannot be read
conn-cancelled = Cancelled: nothing was saved, and the phone system in use stays as it was.
conn-ami-explain = callprofiles talks to Asterisk or FreePBX over AMI (the Asterisk Manager Interface). Your PBX administrator creates an AMI user for it in manager.conf (FreePBX: manager_custom.conf) with write = system,call, and gives you its name and secret (the AMI user's password). See “Asterisk and FreePBX” in callprofiles' README.
value-on = on
value-off = off
compare-heading = On the phone system now, beside { $profile }, the closest saved profile:
compare-differs = ({ $profile }: { $value })
compare-same = (same in { $profile })
detected-banner = Your phone settings match none of your profiles: they were changed elsewhere (Detected).
detected-banner-nearest = Your phone settings match none of your profiles (Detected): closest is { $profile }, which differs in { $settings }.
button-show-detected = Show them…
dialog-delete-active = { $profile } is active now. Deleting it does not change the phone system: it keeps these settings, which will then show as another profile or as Detected.
file-exists = A file with this name already exists: exporting replaces it.
button-replace-confirm = Replace
dialog-import-file = File: { $path }
dialog-import-reading = Reading and checking the file…
dialog-import-holds = { $count ->
    [one] 1 profile: { $names }
   *[other] { $count } profiles: { $names }
}
dialog-import-damaged = Importing replaces your damaged profiles file, which is first moved aside and kept next to it.
button-import-damaged = Import profiles from a file…
quick-done = ✔ { $profile } is now active.
quick-cannot = Cannot be activated: { $reason }
quick-detected-open = Press D or click to see them in the main window and keep them.
## Call flow (the picture beside a profile's settings, and `show NAME --flow`)
flow-heading = What happens to a call
flow-heading-profile = What happens to a call with { $profile }
flow-heading-saved = Saved profile { $profile }
flow-heading-live = Now, on the phone system
flow-differs-note = ≠ marks what the phone system does differently from { $profile }.
flow-stage-incoming = A call comes in
flow-stage-unanswered = Not answered
flow-stage-new-message = After a new message
flow-ring-desk = Your desk phone rings
flow-ring-together = Your desk phone and { $number } ring together
flow-ring-telecommuter = Your telecommuter number { $number } rings
flow-no-number = (no number yet)
flow-ring-seconds = for { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
}
flow-ring-default = for the phone system's default ring time
flow-ring-unknown = for a ring time the phone system does not report
flow-forward = The call is forwarded to { $number }
flow-forward-ring-detail = your desk phone does not ring; it rings there { $ring }
flow-forward-detail = at once: your desk phone does not ring
flow-pickup-allowed = Colleagues can pick up
flow-pickup-allowed-detail = they can answer it while it rings
flow-pickup-refused = Colleagues cannot pick up
flow-pickup-refused-detail = call pickup is off
flow-pickup-forwarded = No call pickup
flow-pickup-forwarded-detail = nothing rings here to pick up
flow-voicemail = Voicemail answers
flow-voicemail-detail = callers hear { $greeting } and can leave a message
flow-greeting-default = the system greeting
flow-greeting-recorded = your recorded greeting { $number }
flow-call-ends = The call ends
flow-call-ends-detail = voicemail is off, so no message can be left
flow-forwarded-decides = Your voicemail is not used
flow-forwarded-decides-detail = voicemail is off: if nobody answers there, that phone's own voicemail (if any) takes the call
flow-notification = You are notified
flow-ringback = The phone system calls you back
flow-ringback-phone-detail = on your desk phone once it is idle; answering plays the messages
flow-ringback-computer-detail = on your desk phone once it is idle; it says how many messages wait
flow-message-waits = The message waits in your mailbox
flow-listen-phone = listen to it using the phone
flow-listen-computer = listen to it using the computer
flow-message-waits-detail = no notification or ringback; { $listen }

## auto-window: automatic switching in the window (rules editor, precedence, Next:, until, history)
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
weekday-short-mon = Mon
weekday-short-tue = Tue
weekday-short-wed = Wed
weekday-short-thu = Thu
weekday-short-fri = Fri
weekday-short-sat = Sat
weekday-short-sun = Sun
sidebar-automation = Automatic switching
sidebar-rules = Rules
sidebar-rules-detail = schedule, networks, away
sidebar-history = History
sidebar-history-detail = when, what and why
rules-title = Automatic switching
rules-choose-profile = Choose a profile
rules-profile-missing = (deleted profile)
rules-windows-heading = Weekly schedule
rules-windows-empty = No time windows yet: the “otherwise” profile applies all week.
rules-window-day = Window { $number }: { $day }
rules-window-start = Window { $number }: from
rules-window-end = Window { $number }: until
rules-window-profile = Window { $number }: profile
rules-window-remove = Remove window { $number }
rules-add-window = + Add a time window
rules-otherwise = Otherwise:
rules-otherwise-none = no automatic switch
rules-time-zone = Time zone:
rules-time-zone-hint = e.g. Europe/Warsaw
rules-exceptions-heading = Exceptions (holidays, days off)
rules-exceptions-empty = No exceptions.
rules-exception-first = Exception { $number }: first day
rules-exception-last = Exception { $number }: last day
rules-exception-profile = Exception { $number }: profile
rules-exception-remove = Remove exception { $number }
rules-add-exception = + Add an exception
rules-networks-heading = Networks
rules-networks-empty = No networks yet. Learn the one this computer is on now to use a profile whenever you are on it.
rules-network-label = Network { $number }: name
rules-network-profile = Network { $number }: profile
rules-network-remove = Remove network { $number }
rules-learn-network = Learn this network
rules-learn-network-tooltip = Remember the network this computer is on now (its gateway, Wi-Fi name or subnet)
rules-away-heading = Leaving the computer
rules-away-enabled = When I leave the computer, use:
rules-away-lock = when the screen locks
rules-away-sleep = when the computer sleeps
rules-away-hint = On return, the profile goes back to what the other rules say.
rules-autostart-hint = Without a callprofiles server, the rules work only while the app runs.
rules-autostart-heading = Start at login
rules-learn-none = No network has been seen yet: connect this computer to the network, wait a moment and try again.
rules-learn-known = This network is already in the rules (network { $number }).
rules-save = Save rules
rules-cancel = Cancel changes
rules-unsaved = Unsaved changes
rules-saved = The rules are saved.
rules-precedence-heading = Which rule decides
rules-precedence = A profile you chose yourself (also “until”) comes first, then leaving the computer, then the network, then the weekly schedule with its exceptions; “otherwise” covers the rest. A profile you choose yourself holds until the next change of the schedule.
rules-disabled-note = This rule names a profile that no longer exists, so it is off: choose another profile.
problem-time = Type the time as HH:MM, e.g. 08:00.
problem-date = Type the date as YYYY-MM-DD, e.g. 2026-12-24.
problem-no-days = Choose at least one day.
problem-no-profile = Choose a profile.
problem-time-zone = “{ $zone }” is not a time zone this computer knows (e.g. Europe/Warsaw).
problem-network-label = Give the network a name.
when-today = at { $time }
when-tomorrow = tomorrow at { $time }
when-weekday = { $day } at { $time }
when-date = on { $date } at { $time }
weekday-on-mon = on Monday
weekday-on-tue = on Tuesday
weekday-on-wed = on Wednesday
weekday-on-thu = on Thursday
weekday-on-fri = on Friday
weekday-on-sat = on Saturday
weekday-on-sun = on Sunday
until-button = ⏱ Until…
until-button-tooltip = Activate this profile for a while, then go back to the schedule or to the previous profile
until-hours = for { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}
until-time = until { $time }
until-time-label = until (HH:MM):
until-time-go = Activate
until-tomorrow-morning = until tomorrow morning
until-then = Then:
until-then-schedule = the schedule
until-then-previous = the previous profile
until-quick-label = Keep it:
until-changed = until I change it
history-title = History of automatic switching
history-empty = Nothing has switched automatically yet.
history-when = When
history-what = What
history-why = Why
until-save-first = Save or revert your changes first: “until” applies the saved profile.
days-every = every day
reason-manual = your choice
reason-until = your choice, until { $time }
reason-locked = screen locked
reason-asleep = computer asleep
reason-network = network “{ $label }”
reason-exception = exception { $dates }
reason-schedule = schedule
why-manual = you chose it; it holds until the rules below change their decision.
why-until = you chose it { $when }.
why-away = you left the computer ({ $how }).
why-network = this computer is on network { $number }, “{ $label }”.
why-exception = exception { $number } ({ $dates }).
why-schedule = weekly schedule, window { $number } ({ $window }).
why-otherwise = no window of the schedule applies, so “otherwise”.
now-line = Now: { $profile }, because { $why }
now-none = Now: no rule applies, so the profile stays as it is.
next-line = Next: { $profile } { $when }, { $why }
next-none = Next: nothing changes by itself.
hold-manual = { $profile }, your choice, until the rules’ next change
hold-until = { $profile } { $when }, then { $then }
hold-then-schedule = the schedule
hold-then-previous = { $profile }
resume-schedule = Resume schedule
resume-schedule-tooltip = End your choice now and use what the rules say
rules-network-gateway = router { $mac }
rules-network-wifi = Wi-Fi “{ $name }”
rules-network-subnet = subnet { $subnet }
until-when-today = until { $time }
until-when-tomorrow = until tomorrow, { $time }
until-when-day = until { $day } { $time }
until-when-date = until { $date } { $time }

## auto-desktop: the network, leaving the computer, notifications, autostart
network-offline = No network: this computer has no default route.
network-interface = Network interface: { $interface }
network-gateway = Default gateway (MAC address): { $mac }
network-ssid = Wi-Fi: { $ssid }
network-addresses = Addresses: { $addresses }
network-unknown = unknown
network-no-wifi = none
autostart-comment = Keeps your call profiles' rules running
autostart-setting = Start callprofiles when I log in (in the background, with its tray icon)
autostart-now-on = callprofiles will start when you log in, in the background with its tray icon ({ $file }).
autostart-now-off = callprofiles will no longer start when you log in.
autostart-is-on = callprofiles starts when you log in ({ $file }).
autostart-is-off = callprofiles does not start when you log in.
autostart-error-no-config = Your configuration folder is unknown: set HOME or XDG_CONFIG_HOME.
autostart-error-path = The path { $path } holds a line break, which a login entry cannot hold.
autostart-error-io = { $file } could not be changed: { $reason }
notify-switched = Switched to { $profile } ({ $reason })
notify-switched-from = Before: { $profile }.
notify-switched-from-detected = Before: Detected.
tray-until = Until…
tray-for-1-hour = For 1 hour
tray-for-2-hours = For 2 hours
tray-until-end-of-day = Until the end of the working day
tray-until-tomorrow = Until tomorrow morning
tray-quit = Quit
## auto-core: automatic switching (rules, until, history; core errors and the command line)
auto-day-mon = Monday
auto-day-tue = Tuesday
auto-day-wed = Wednesday
auto-day-thu = Thursday
auto-day-fri = Friday
auto-day-sat = Saturday
auto-day-sun = Sunday
auto-reason-manual = your choice
auto-reason-until-schedule = until { $time }, then the schedule
auto-reason-until-previous = until { $time }, then the profile before
auto-reason-locked = screen locked
auto-reason-asleep = computer asleep
auto-reason-network = network { $number } “{ $label }”
auto-reason-exception = exception { $number }, { $dates }
auto-reason-schedule = schedule, window { $number }
auto-reason-otherwise = otherwise
auto-when-today = at { $time }
auto-when-tomorrow = tomorrow at { $time }
auto-when-date = on { $date } at { $time }
auto-next = Next: { $profile } { $when } ({ $reason }).
auto-next-none = Nothing changes by itself.
cli-activated-until = Activated "{ $name }" ({ $reason }).
cli-auto-switched = Switched to { $profile } ({ $reason }).
cli-auto-now = Now: { $profile } ({ $reason }).
cli-auto-now-none = Now: no rule applies; the profile stays as it is.
cli-rules-saved = Rules saved.
cli-resumed = Your own choice has ended: the rules decide again.
cli-rules-zone = Time zone: { $zone }
cli-rules-weekly = Weekly schedule:
cli-rules-exceptions = Exceptions:
cli-rules-networks = Networks:
cli-rules-none = (none)
cli-rules-disabled = { $profile } (disabled: this profile no longer exists)
cli-rules-away-both = Leaving the computer (screen lock or sleep): { $profile }
cli-rules-away-lock = Leaving the computer (screen lock): { $profile }
cli-rules-away-sleep = Leaving the computer (sleep): { $profile }
cli-rules-away-off = Leaving the computer: off
cli-rules-otherwise = Otherwise: { $profile }
cli-rules-otherwise-off = Otherwise: the profile stays as it is
cli-history-empty = No automatic switches yet.
cli-history-line = { $when }  { $from } → { $to }  ({ $reason })
error-auto-bad-time = “{ $input }” is not a time of day: write it as HH:MM, for example 08:00 (24:00 ends a day).
error-auto-bad-days = “{ $input }” is not a set of weekdays: write for example mon-fri, sat,sun or daily.
error-auto-bad-date = “{ $input }” is not a date: write it as YYYY-MM-DD, for example 2026-12-24.
error-auto-bad-duration = “{ $input }” is not a duration: write for example 2h, 90m or 1h 30m.
error-auto-bad-mac = “{ $input }” is not a MAC address: write it as six pairs of hexadecimal digits, for example aa:bb:cc:dd:ee:ff.
error-auto-bad-wifi = “{ $input }” is not a Wi-Fi name: it needs 1 to 32 bytes without control or invisible characters.
error-auto-bad-subnet = “{ $input }” is not a subnet: write an address and a prefix length, for example 192.168.1.0/24.
error-auto-bad-label = “{ $input }” is not a network name: it needs 1 to 32 characters without control or invisible characters.
error-auto-unknown-zone = “{ $name }” is not a time zone: use a name such as Europe/Warsaw.
error-auto-no-days = Window { $window } is on no day: choose at least one weekday.
error-auto-empty-window = Window { $window } starts and ends at { $time }, so it would be empty: use 00:00–24:00 for a whole day.
error-auto-overlapping-windows = Windows { $first } ({ $first_text }) and { $second } ({ $second_text }) overlap on { $day }: change one of them.
error-auto-exception-backwards = Exception { $exception } ends on { $to }, before it starts on { $from }.
error-auto-overlapping-exceptions = Exceptions { $first } ({ $first_text }) and { $second } ({ $second_text }) both cover { $day }: change one of them.
error-auto-duplicate-network = Networks { $first } and { $second } both recognise { $network }: remove one of them.
error-auto-too-many-windows = The weekly schedule may have at most { $limit } windows.
error-auto-too-many-exceptions = There may be at most { $limit } exceptions.
error-auto-too-many-networks = There may be at most { $limit } networks.
error-auto-away-without-trigger = Leaving the computer needs the screen lock, sleep, or both.
error-auto-no-such-window = There is no window number { $number } in the weekly schedule.
error-auto-no-such-exception = There is no exception number { $number }.
error-auto-no-such-network = There is no network number { $number }.
error-auto-until-passed = The end time { $ends } has already passed: choose a later one.
error-auto-until-too-far = The end time { $ends } is more than a year away: choose an earlier one.
error-auto-unknown-profile = A rule names the profile “{ $id }”, which does not exist.
error-auto-unavailable = Automatic switching is not available with this phone system connection.
history-switch = { $from } ➡ { $to }
history-switch-to = ➡ { $to }
problem-away-trigger = Tick when: the screen locks, the computer sleeps, or both.
done-hold-cleared = Back to the schedule: the rules decide again.
rules-save-fix-first = First fix the rows marked ✖ or ⚠ (each says what is wrong).
until-rules-change = until the rules change
problem-new-window = Choose its days, type from and until (HH:MM), and choose a profile.
problem-new-exception = Type the first day (YYYY-MM-DD), the last day if there are more, and choose a profile.
rules-unsaved-close = The rules have unsaved changes: save them or cancel them, then close the window.
## vm-window: voicemail messages in the main window, the computer's player, greetings in the form
vm-heading = Voicemail
vm-refresh = Refresh
vm-refresh-tooltip = List the messages and the recorded greetings again
vm-summary = { $new } new, { $old } heard
vm-playback-phone-hint = Your active profile listens to messages using the phone: playing a message rings your phone and plays it there.
vm-playback-computer-hint = Your active profile listens to messages using the computer: playing a message plays it on this computer's speakers.
vm-listing = Reading your mailbox…
vm-empty = Your mailbox is empty.
vm-unknown-caller = Unknown caller
vm-unknown-time = unknown time
vm-today = today { $time }
vm-yesterday = yesterday { $time }
vm-state-new = New
vm-state-old = Heard
vm-message-spoken = { $state } message from { $caller }, { $time }, { $length }
vm-play-phone = Play using the phone
vm-play-computer = Play using the computer
vm-mark-heard = Mark heard
vm-delete = Delete
vm-deleted = The message from { $caller } is deleted.
vm-undo = Undo
vm-playing = playing
vm-now-playing = Playing: { $what }
vm-pause = Pause
vm-resume = Resume
vm-stop = Stop
vm-seek = Move the playback position (← →)
vm-position = Position { $position }
vm-sidebar-entry = Messages
vm-sidebar-none-new = no new messages
vm-sidebar-new = { $count ->
    [one] 1 new message
   *[other] { $count } new messages
}
vm-sidebar-open = your messages
vm-sidebar-tooltip = Your voicemail messages ({ $shortcut })
vm-phone-desk = your desk phone
vm-phone-telecommuter = your telecommuter phone ({ $number })
vm-phone-rings = The phone system rings { $phone } now: answer it to hear the message from { $caller }.
vm-phone-records = The phone system rings { $phone } now: answer it, speak greeting { $number } after the beep, then hang up.
vm-play-on-phone-instead = You can play it using the phone instead.
vm-audio-not-wav = The message's audio is not a WAV file this app can play.
vm-audio-too-large = The audio file is too large to play.
vm-audio-empty = The audio file holds no sound.
vm-no-sound-device = No sound device could be opened on this computer, so nothing can be played here: play the message using the phone instead.
vm-greeting-recorded = recorded
vm-greeting-not-recorded = not recorded
vm-greeting-unrecorded-warning = Greeting { $number } is not recorded: callers would hear the system greeting instead. Record it by phone, upload a WAV file, or choose another greeting.
vm-record-by-phone = Record by phone
vm-record-by-phone-tooltip = The phone system calls you; after the beep, speak greeting { $number } and hang up
vm-listen = Listen
vm-listen-tooltip = Play greeting { $number } on this computer
vm-listen-unrecorded = This greeting is not recorded yet.
vm-upload-wav = Upload WAV…
vm-upload-wav-tooltip = Choose a WAV file on this computer to become greeting { $number }
vm-greeting-uploaded = Greeting { $number } is uploaded.
file-upload-greeting-title = Upload greeting { $number }
file-filter-wav = WAV audio
button-upload-confirm = Upload
dialog-unrecorded-title = Greeting not recorded
dialog-unrecorded-text = This profile chooses greeting { $number }, which is not recorded: callers would hear the system greeting instead. Activate it anyway?
button-activate-anyway = Activate anyway
quick-messages-tooltip = Open your voicemail messages in the main window (M)

## vm-audio: voicemail audio on the computer (playing messages and greetings, uploading a greeting)
error-audio-needs-server = Playing voicemail on the computer needs callprofiles-server (the recordings are on the phone system): connect to it, or listen using the phone.
error-audio-format = The recording is kept as { $format }, which callprofiles cannot play on the computer: listen using the phone.
error-audio-no-recording = The phone system keeps no recording for this message.
error-audio-greeting-not-recorded = Greeting { $slot } is not recorded.
error-audio-too-large = The recording is larger than { $limit } bytes; callprofiles does not read it.
error-audio-not-a-file = The recording's file is { $kind }, not a regular file; callprofiles does not read it.
error-audio-unreadable = The recording cannot be read: { $reason }.
error-audio-invalid-wav = The audio is not a readable WAV file ({ $detail }).
error-audio-rate = The WAV file's sample rate ({ $rate } Hz) cannot be used: save it at 8000 Hz or more.
error-audio-empty = The WAV file holds no sound.
error-audio-too-long = The greeting is longer than { $limit } seconds: shorten it.
error-audio-unwritable = The greeting cannot be saved in the mailbox: { $reason }.
cli-voicemail-saved = Message { $id } is saved as { $path }.
cli-voicemail-uploaded = Greeting { $slot } is now the uploaded recording.
audio-read-permission = callprofiles is not allowed to read it
## fix-window: closing with unsaved rules, the quick window's greeting check, audio on a direct Asterisk
dialog-unsaved-rules-too = The rules also have unsaved changes: they are kept, and the window then shows them so you can save or cancel them.
quick-unrecorded-greeting = { $profile } chooses greeting { $number }, which is not recorded: callers would hear the system greeting instead. Press it again to activate it anyway.
vm-computer-audio-unavailable = The recordings are on the phone system, which this computer reaches without callprofiles-server: listen using the phone.
vm-greeting-audio-unavailable = The greetings are on the phone system, which this computer reaches without callprofiles-server: record them by phone, or connect through callprofiles-server to listen and upload.

## gsm: voicemail kept as GSM (.gsm) or WAV49 (.WAV) that cannot be decoded
error-audio-invalid-gsm = The recording is not readable GSM audio: { $fault }.
gsm-fault-bad-mark = frame { $frame } does not begin with the GSM mark
gsm-fault-not-riff = the WAV49 file is not a RIFF WAVE file
gsm-fault-not-gsm-wave = the WAV file's format tag is { $tag }, not GSM 6.10
gsm-fault-not-mono-8khz = the WAV49 file has { $channels } channels at { $rate } Hz, not one at 8000 Hz
gsm-fault-no-format = the WAV49 file does not say its format
gsm-fault-no-data = the WAV49 file holds no sound chunk
