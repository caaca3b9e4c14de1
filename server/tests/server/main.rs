//! The real callprofiles-server binary over real TLS against the real Asterisk (run under
//! `scripts/asterisk/with-asterisk.sh`; under `CI=true` a missing Asterisk fails the tests).

mod api;
mod crash;
mod limits;
mod mail;
mod push;
mod refusals;
mod smtp;
mod support;
mod voicemail;
