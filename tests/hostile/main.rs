//! Hostile files and peers: imports and a misbehaving AMI peer, against the real binary.
//! One test binary for the area (each former file is a module), so it links once.

#[path = "../crash/crash_support/mod.rs"]
mod crash_support;
mod hostile_support;

mod ami;
mod crafted;
mod files;
mod import;
mod peer;
