//! The command line, run as the real binary: profiles, files and homes, the phone system, languages.
//! One test binary for the area (each former file is a module), so it links once.

mod cli_support;

mod automation;
mod files;
mod flow;
mod language;
mod phone;
mod profiles;
mod voicemail;
