//! The windows driven by egui_kittest: main window, quick window, connection form, calls, voicemail, worker.
//! One test binary for the area (each former file is a module), so it links once.

#[path = "../asterisk/asterisk_support/mod.rs"]
mod asterisk_support;
mod gui_connection_support;
mod gui_quick_support;
mod gui_support;

mod automation;
mod call;
mod call_flow;
mod careful_user;
mod connection;
mod connection_asterisk;
mod language;
mod main_window;
mod messages;
mod quick;
mod quick_apply;
mod voicemail;
mod worker;
mod worker_stopped;
