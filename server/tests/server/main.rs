//! The real callprofiles-server binary over real TLS against the real Asterisk (run under
//! `scripts/asterisk/with-asterisk.sh`; under `CI=true` a missing Asterisk fails the tests).

mod api;
mod automation;
mod crash;
mod limits;
mod mail;
mod observed;
mod push;
mod refusals;
mod smtp;
mod support;
mod voicemail;
mod voicemail_gsm;
