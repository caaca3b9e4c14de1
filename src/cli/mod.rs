//! The command line: `callprofiles [--home DIR] <command>`.
