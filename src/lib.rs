//! The callprofiles app: a thin layer of CLI and GUI over `callprofiles-core`, and the words both speak.

pub mod automation;
pub mod cli;
pub mod gui;
pub mod launch;
pub mod text;
