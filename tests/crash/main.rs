//! Never lose data: SIGKILL during saves, concurrent writers, a full or read-only disk.
//! One test binary for the area (each former file is a module), so it links once.

mod crash_support;

mod concurrent;
mod disk;
mod kill;
