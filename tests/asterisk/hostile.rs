//! Hostile values (line breaks, control characters, over-long text) are refused before anything
//! reaches AMI: a listening socket standing in for Asterisk proves that not one byte — not even a
//! connection — arrives. Needs no Asterisk.

use std::net::TcpListener;
use std::path::Path;

use callprofiles_core::phone_system::asterisk::{
    AmiHost, AmiSecret, AmiUsername, AmiValue, AsteriskConfig, AsteriskPhoneSystem, Extension,
};
use callprofiles_core::{Callprofiles, CoreError, PhoneError, PhoneSystem};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A socket that accepts nothing by itself; `connections()` tells whether anyone connected.
struct Silent(TcpListener);

impl Silent {
    fn new() -> Result<Self, std::io::Error> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        Ok(Self(listener))
    }

    fn port(&self) -> Result<u16, std::io::Error> {
        Ok(self.0.local_addr()?.port())
    }

    /// How many connections are waiting (nobody reads them, so any would still be queued).
    fn connections(&self) -> usize {
        std::iter::from_fn(|| self.0.accept().ok()).count()
    }
}

fn config(port: u16, secret_file: Option<&Path>) -> Result<AsteriskConfig, Box<dyn std::error::Error>> {
    Ok(AsteriskConfig {
        host: AmiHost::parse("127.0.0.1")?,
        port: std::num::NonZeroU16::new(port).ok_or("port 0")?,
        username: AmiUsername::parse("callprofiles")?,
        extension: Extension::parse("201")?,
        secret_file: secret_file.map(Path::to_path_buf),
    })
}

#[test]
fn the_value_builder_refuses_line_breaks_controls_and_long_text() {
    for hostile in [
        "secret\r\nAction: Originate".to_owned(),
        "x\nAction: Command\nCommand: core stop now".to_owned(),
        "bell\u{7}".to_owned(),
        "y".repeat(513),
    ] {
        let refused = AmiValue::new("test value", hostile.clone());
        assert!(matches!(refused, Err(PhoneError::UnsafeValue { .. })), "{hostile:?}");
        assert!(AmiSecret::new(&hostile).is_err());
        assert!(AmiUsername::parse(&hostile).is_err());
        assert!(Extension::parse(&hostile).is_err());
        assert!(AmiHost::parse(&hostile).is_err());
    }
}

#[cfg(unix)]
#[test]
fn a_hostile_secret_file_never_reaches_the_socket() -> TestResult {
    use std::os::unix::fs::PermissionsExt;
    let silent = Silent::new()?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("secret");
    for hostile in ["abc\r\nAction: Command\r\nCommand: core stop now\r\n", &"z".repeat(600)] {
        std::fs::write(&path, hostile)?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
        let mut phone = AsteriskPhoneSystem::new(config(silent.port()?, Some(&path))?, Some(path.clone()));
        let error = phone.read().err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains("unusable secret"), "{error}");
        assert!(!error.contains("core stop"), "the error repeats the secret: {error}");
    }
    assert_eq!(silent.connections(), 0);
    Ok(())
}

#[test]
fn a_hostile_config_file_is_refused_before_connecting() -> TestResult {
    let silent = Silent::new()?;
    let home = tempfile::tempdir()?;
    let port = silent.port()?;
    for (field, hostile) in [
        ("username", "evil\\r\\nAction: Command"),
        ("extension", "201\\r\\nAction: Command"),
        ("host", "127.0.0.1\\r\\nAction: Command"),
    ] {
        let mut fields = serde_json::json!({
            "kind": "asterisk", "host": "127.0.0.1", "port": port, "username": "callprofiles", "extension": "201"
        });
        fields[field] = serde_json::Value::String(serde_json::from_str(&format!("\"{hostile}\""))?);
        let json = serde_json::json!({ "phone_system": fields });
        std::fs::write(home.path().join("config.json"), json.to_string())?;
        let opened = Callprofiles::open(home.path());
        assert!(matches!(opened, Err(CoreError::Store(_))), "{field}");
    }
    assert_eq!(silent.connections(), 0);
    Ok(())
}
