//! Where callprofiles keeps its files: `--home`, else `CALLPROFILES_HOME`, else the platform config dir.

use std::path::PathBuf;

use crate::error::StoreError;

/// The environment variable overriding the home directory.
pub const HOME_ENV: &str = "CALLPROFILES_HOME";

/// Resolves the callprofiles home from an explicit flag, the environment, or the platform default
/// (`~/.config/callprofiles` on Linux).
pub fn resolve_home(flag: Option<PathBuf>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(HOME_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "callprofiles")
        .map(|dirs| dirs.config_dir().to_path_buf())
        .ok_or(StoreError::NoHome)
}
