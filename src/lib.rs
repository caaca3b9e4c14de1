//! The callprofiles app: a thin layer of CLI and GUI over `callprofiles-core`.

pub mod cli;
pub mod gui;
