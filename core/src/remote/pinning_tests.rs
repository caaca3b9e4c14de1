//! The pinning verifier against a real rustls TLS server (rcgen certificate): the right fingerprint
//! gets an answer, a wrong one is refused before any request byte reaches the server, and without a
//! fingerprint a self-signed certificate is refused as untrusted.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::{ServerConfig, ServerConnection, StreamOwned};

use super::{Fingerprint, ServerClient, ServerUrl};
use crate::error::{CoreError, ReachProblem, RemoteError};

type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// A TLS server with a fresh self-signed certificate for `localhost`.
struct TestServer {
    config: Arc<ServerConfig>,
    fingerprint: Fingerprint,
}

impl TestServer {
    fn new() -> Result<Self, Box<dyn std::error::Error>> {
        let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()])?;
        let der: CertificateDer<'static> = certified.cert.der().clone();
        let fingerprint = Fingerprint::of_der(&der);
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(certified.signing_key.serialize_der()));
        let config = ServerConfig::builder_with_provider(super::verifier::provider())
            .with_safe_default_protocol_versions()?
            .with_no_client_auth()
            .with_single_cert(vec![der], key)?;
        Ok(Self {
            config: Arc::new(config),
            fingerprint,
        })
    }

    /// Accepts one connection, answers one request with `body`; returns the plaintext bytes received.
    fn serve_once(&self, body: &'static str) -> TestResult<(u16, JoinHandle<Vec<u8>>)> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let config = self.config.clone();
        let handle = thread::spawn(move || {
            let mut received = Vec::new();
            let Ok((tcp, _)) = listener.accept() else {
                return received;
            };
            tcp.set_read_timeout(Some(Duration::from_secs(5))).ok();
            let Ok(conn) = ServerConnection::new(config) else {
                return received;
            };
            let mut tls = StreamOwned::new(conn, tcp);
            let mut buffer = [0_u8; 4096];
            loop {
                match tls.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        received.extend_from_slice(buffer.get(..n).unwrap_or_default());
                        if received.windows(4).any(|w| w == b"\r\n\r\n") {
                            let answer = format!(
                                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                                body.len()
                            );
                            tls.write_all(answer.as_bytes()).ok();
                            tls.flush().ok();
                            tls.conn.send_close_notify();
                            tls.flush().ok();
                            break;
                        }
                    }
                }
            }
            received
        });
        Ok((port, handle))
    }
}

const ME: &str = r#"{"extension":"201","device_id":"d1"}"#;

fn client(port: u16, fingerprint: Option<Fingerprint>) -> Result<ServerClient, RemoteError> {
    ServerClient::new(
        ServerUrl::parse(&format!("https://localhost:{port}"))?,
        fingerprint,
        None,
    )
}

#[test]
fn the_pinned_certificate_is_trusted_and_answers() -> TestResult {
    let server = TestServer::new()?;
    let (port, handle) = server.serve_once(ME)?;
    let me = client(port, Some(server.fingerprint))?.me()?;
    assert_eq!((me.extension.as_str(), me.device_id.as_str()), ("201", "d1"));
    let received = handle.join().map_err(|_| "server thread panicked")?;
    assert!(
        received.starts_with(b"GET /api/v1/users/me HTTP/1.1\r\n"),
        "{received:?}"
    );
    Ok(())
}

#[test]
fn a_wrong_fingerprint_is_refused_before_any_request_byte_is_sent() -> TestResult {
    let server = TestServer::new()?;
    let other = TestServer::new()?;
    let (port, handle) = server.serve_once(ME)?;
    let error = client(port, Some(other.fingerprint))?
        .me()
        .err()
        .ok_or("should be refused")?;
    match &error {
        CoreError::Remote(RemoteError::FingerprintMismatch { expected, found }) => {
            assert_eq!(expected, &other.fingerprint.to_string());
            assert_eq!(found, &server.fingerprint.to_string());
        }
        other => return Err(format!("unexpected error: {other:?}").into()),
    }
    assert!(error.to_string().contains("not the expected"), "{error}");
    let received = handle.join().map_err(|_| "server thread panicked")?;
    assert!(
        received.is_empty(),
        "the server received {} plaintext bytes",
        received.len()
    );
    Ok(())
}

#[test]
fn without_a_fingerprint_a_self_signed_certificate_is_untrusted() -> TestResult {
    let server = TestServer::new()?;
    let (port, handle) = server.serve_once(ME)?;
    let error = client(port, None)?.me().err().ok_or("should be refused")?;
    assert!(
        matches!(&error, CoreError::Remote(RemoteError::UntrustedCertificate { found }) if *found == server.fingerprint.to_string()),
        "{error:?}"
    );
    assert!(handle.join().map_err(|_| "server thread panicked")?.is_empty());
    Ok(())
}

#[test]
fn nothing_listening_is_unreachable_in_one_sentence() -> TestResult {
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let error = client(port, None)?.me().err().ok_or("should fail")?;
    assert!(
        matches!(
            &error,
            CoreError::Remote(RemoteError::Unreachable {
                problem: ReachProblem::Refused,
                ..
            })
        ),
        "{error:?}"
    );
    Ok(())
}
