//! The desktop against the real `callprofiles-server` binary over real TLS with the real Asterisk
//! (scripts/asterisk/with-asterisk.sh starts it; under `CI=true` a missing Asterisk fails the tests).
//! One test binary for the area (each file a module), so it links once.

#[path = "../asterisk/asterisk_support/mod.rs"]
mod asterisk_support;
#[path = "../gui/gui_connection_support/mod.rs"]
mod gui_connection_support;
#[path = "../desktop/private_bus.rs"]
mod private_bus;
mod server_support;
#[path = "../desktop/stand_ins.rs"]
mod stand_ins;

mod automation;
mod desktop_runner;
mod enroll;
mod isolation;
mod language;
mod restart;
mod voicemail;
mod window;
