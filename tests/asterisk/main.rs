//! The real Asterisk (scripts/asterisk/with-asterisk.sh starts it): connection, calls per setting, hostile values.
//! One test binary for the area (each former file is a module), so it links once.

mod asterisk_support;

mod call_flow;
mod calls;
mod connection;
mod freepbx;
mod hostile;
mod voicemail;
