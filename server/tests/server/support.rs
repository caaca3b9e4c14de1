//! What the server tests share: the test Asterisk (the CI rule: missing under `CI=true` is a failure),
//! a server directory made by the real `init`, the real server binary running from it, an HTTPS client
//! over rustls that pins the server's fingerprint, and SSE reading.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use callprofiles_core::phone_system::asterisk::{AmiClient, AmiHost, AmiSecret, AmiTarget, AmiUsername, AmiValue};
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use sha2::{Digest, Sha256};
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use tokio_rustls::rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use tokio_rustls::rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme};

/// What a helper returns.
pub type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;
/// A test's result.
pub type TestResult = Res<()>;

/// The AMI user the server logs in as (scripts/asterisk/write-config.sh).
pub const SERVER_USER: &str = "callprofiles-server";
/// The tests' own AMI user (everything).
pub const TEST_USER: &str = "callprofiles-test";

/// The running test Asterisk.
#[derive(Clone, Debug)]
pub struct Asterisk {
    /// AMI port on 127.0.0.1.
    pub port: u16,
    /// AMI secret (every user of the test manager.conf has it).
    pub secret: String,
}

/// The test Asterisk, `None` (after saying why) when absent and not under `CI=true`; an error under CI.
pub fn asterisk() -> Res<Option<Asterisk>> {
    let port = std::env::var("CALLPROFILES_TEST_AMI_PORT")
        .ok()
        .and_then(|p| p.parse().ok());
    let secret = std::env::var("CALLPROFILES_TEST_AMI_SECRET")
        .ok()
        .filter(|s| !s.is_empty());
    match (port, secret) {
        (Some(port), Some(secret)) => Ok(Some(Asterisk { port, secret })),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => Err("CI=true but no test Asterisk is running \
             (run under scripts/asterisk/with-asterisk.sh)"
            .into()),
        _ => {
            eprintln!("skipped: no test Asterisk; run under scripts/asterisk/with-asterisk.sh");
            Ok(None)
        }
    }
}

/// A checked AMI value.
pub fn value(text: impl Into<String>) -> Res<AmiValue> {
    Ok(AmiValue::new("test value", text)?)
}

impl Asterisk {
    /// An AMI client as the tests' user (the "outside" that changes AstDB behind the server's back).
    pub fn admin(&self) -> Res<AmiClient> {
        let target = AmiTarget::new(
            AmiHost::parse("127.0.0.1")?,
            self.port,
            &AmiUsername::parse(TEST_USER)?,
            AmiSecret::new(&self.secret)?,
        );
        let mut client = AmiClient::new(target);
        client.connect()?;
        Ok(client)
    }

    /// This instance's voicemail spool as seen from outside the chroot (scripts/asterisk/env.sh:
    /// `<chroot>/srv/callprofiles/<port>/spool`, plus `voicemail`): the server reads it as it would
    /// `/var/spool/asterisk/voicemail` beside a real PBX.
    pub fn spool_dir(&self) -> PathBuf {
        let chroot = std::env::var("CALLPROFILES_ASTERISK_CHROOT")
            .unwrap_or_else(|_| "/var/cache/callprofiles/asterisk-chroot".to_owned());
        Path::new(&chroot)
            .join("srv/callprofiles")
            .join(self.port.to_string())
            .join("spool/voicemail")
    }

    /// An AMI client as the tests' user that also receives events (to see what the dialplan did).
    pub fn events(&self) -> Res<AmiClient> {
        let target = AmiTarget::new(
            AmiHost::parse("127.0.0.1")?,
            self.port,
            &AmiUsername::parse(TEST_USER)?,
            AmiSecret::new(&self.secret)?,
        );
        let mut client = AmiClient::new(target).with_events();
        client.connect()?;
        Ok(client)
    }

    /// A fresh server directory made by `callprofiles-server init` (self-signed certificate).
    pub fn init(&self, poll_seconds: u64, failure_limit: u32) -> Res<ServerHome> {
        self.init_at(self.port, poll_seconds, failure_limit)
    }

    /// The same with the server's AMI port given (a benchmark's counting proxy in front of Asterisk).
    pub fn init_at(&self, ami_port: u16, poll_seconds: u64, failure_limit: u32) -> Res<ServerHome> {
        let temp = tempfile::tempdir()?;
        let secret = temp.path().join("secret");
        std::fs::write(&secret, &self.secret)?;
        std::fs::set_permissions(&secret, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
        let dir = temp.path().join("srv");
        let output = Command::new(env!("CARGO_BIN_EXE_callprofiles-server"))
            .args(["init", "--dir"])
            .arg(&dir)
            .args(["--ami-host", "127.0.0.1", "--ami-port", &ami_port.to_string()])
            .args(["--ami-username", SERVER_USER, "--ami-secret-file"])
            .arg(&secret)
            .args(["--listen", "127.0.0.1:0", "--poll-seconds", &poll_seconds.to_string()])
            .args(["--failure-limit", &failure_limit.to_string()])
            .arg("--spool-dir")
            .arg(self.spool_dir())
            .output()?;
        let stdout = String::from_utf8(output.stdout)?;
        if !output.status.success() {
            return Err(format!("init failed: {}", String::from_utf8_lossy(&output.stderr)).into());
        }
        let fingerprint = stdout.lines().last().ok_or("init printed nothing")?.to_owned();
        Ok(ServerHome {
            _temp: temp,
            dir,
            fingerprint,
            secret: self.secret.clone(),
        })
    }
}

/// Clears every AstDB key of `extension`.
pub fn reset_extension(admin: &mut AmiClient, extension: &str) -> TestResult {
    for family in ["CF", "AMPUSER", "CALLPROFILES"] {
        admin.db_del_tree(&value(family)?, &value(extension)?)?;
    }
    Ok(())
}

/// A server directory.
pub struct ServerHome {
    _temp: tempfile::TempDir,
    /// The directory.
    pub dir: PathBuf,
    /// The fingerprint `init` printed.
    pub fingerprint: String,
    /// The AMI secret (to grep logs for it).
    pub secret: String,
}

impl ServerHome {
    /// Runs `callprofiles-server ARGS --dir DIR`; its stdout.
    pub fn command(&self, args: &[&str]) -> Res<String> {
        let output = Command::new(env!("CARGO_BIN_EXE_callprofiles-server"))
            .args(args)
            .arg("--dir")
            .arg(&self.dir)
            .output()?;
        if !output.status.success() {
            return Err(format!("{args:?} failed: {}", String::from_utf8_lossy(&output.stderr)).into());
        }
        Ok(String::from_utf8(output.stdout)?)
    }

    /// `user add EXT`: the code (the last line but one), checking the last line is the fingerprint.
    pub fn add_user(&self, extension: &str) -> Res<String> {
        let out = self.command(&["user", "add", extension])?;
        let lines: Vec<&str> = out.lines().collect();
        let [.., code, fingerprint] = lines.as_slice() else {
            return Err(format!("user add printed {out:?}").into());
        };
        assert_eq!(*fingerprint, self.fingerprint, "the last line is the fingerprint");
        Ok((*code).to_owned())
    }

    /// Starts `callprofiles-server run` and waits until it listens.
    pub fn start(&self) -> Res<Server> {
        let log = self.dir.join("server.log");
        let mut child = Command::new(env!("CARGO_BIN_EXE_callprofiles-server"))
            .args(["run", "--dir"])
            .arg(&self.dir)
            .env(
                "RUST_LOG",
                std::env::var("CALLPROFILES_SERVER_LOG").unwrap_or_else(|_| "info".to_owned()),
            )
            .stdout(Stdio::piped())
            .stderr(std::fs::OpenOptions::new().create(true).append(true).open(&log)?)
            .spawn()?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let address: SocketAddr = line
            .trim()
            .strip_prefix("listening on https://")
            .ok_or_else(|| format!("server said {line:?}"))?
            .parse()?;
        Ok(Server {
            child,
            client: Client::new(address, &self.fingerprint)?,
        })
    }

    /// The server's log so far plus the audit log (to grep for secrets).
    pub fn logs(&self) -> Res<String> {
        let mut all = std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
        all.push_str(&std::fs::read_to_string(self.dir.join("audit.log"))?);
        Ok(all)
    }

    /// The audit log.
    pub fn audit(&self) -> Res<String> {
        Ok(std::fs::read_to_string(self.dir.join("audit.log"))?)
    }

    /// The user's `profiles.json`.
    pub fn profiles_file(&self, extension: &str) -> PathBuf {
        self.dir.join("users").join(extension).join("profiles.json")
    }
}

/// A running server (killed when dropped).
pub struct Server {
    /// Its process.
    pub child: Child,
    /// A client of it.
    pub client: Client,
}

impl Server {
    /// `kill -9`.
    pub fn kill9(&mut self) -> TestResult {
        self.child.kill()?;
        self.child.wait()?;
        Ok(())
    }

    /// Enrolls a device of `extension` with `code`; its token.
    pub async fn enroll(&self, extension: &str, code: &str) -> Res<String> {
        let body = serde_json::json!({"extension": extension, "code": code, "device_name": "test laptop"});
        let (status, reply) = self
            .client
            .json(Method::POST, "/api/v1/enroll", None, Some(&body))
            .await?;
        assert_eq!(status, StatusCode::OK, "{reply}");
        Ok(reply["token"].as_str().ok_or("no token")?.to_owned())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// An HTTPS client that trusts exactly one certificate, by its SHA-256 fingerprint.
#[derive(Clone)]
pub struct Client {
    /// The server's address.
    pub address: SocketAddr,
    connector: TlsConnector,
    source: Option<std::net::IpAddr>,
}

/// An answer.
pub struct Answer {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: hyper::HeaderMap,
    /// Body.
    pub body: Vec<u8>,
}

impl Client {
    /// A client of `address` pinning `fingerprint`.
    pub fn new(address: SocketAddr, fingerprint: &str) -> Res<Self> {
        let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
        let verifier = Arc::new(Pinned {
            fingerprint: fingerprint.to_owned(),
            provider: provider.clone(),
        });
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth();
        Ok(Self {
            address,
            connector: TlsConnector::from(Arc::new(config)),
            source: None,
        })
    }

    /// The same client connecting from another loopback address (e.g. 127.0.0.7), as another computer.
    pub fn at_address(&self, source: [u8; 4]) -> Self {
        Self {
            source: Some(std::net::IpAddr::from(source)),
            ..self.clone()
        }
    }

    /// A new TLS connection (raw: for tests that misbehave on purpose).
    pub async fn tls(&self) -> Res<tokio_rustls::client::TlsStream<tokio::net::TcpStream>> {
        let tcp = match self.source {
            None => tokio::net::TcpStream::connect(self.address).await?,
            Some(source) => {
                let socket = tokio::net::TcpSocket::new_v4()?;
                socket.bind(SocketAddr::new(source, 0))?;
                socket.connect(self.address).await?
            }
        };
        let name = ServerName::try_from("localhost")?;
        Ok(self.connector.connect(name, tcp).await?)
    }

    /// Writes raw bytes on a new connection (a write the server refuses midway is no error) and reads the
    /// answer's first bytes.
    pub async fn raw(&self, bytes: &[u8]) -> Res<String> {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut tls = self.tls().await?;
        tls.write_all(bytes).await.ok();
        let mut answer = vec![0; 4096];
        let n = tokio::time::timeout(Duration::from_secs(10), tls.read(&mut answer)).await??;
        Ok(String::from_utf8_lossy(&answer[..n]).into_owned())
    }

    /// Sends one request on a new connection; the answer's head and its body stream.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Vec<u8>,
    ) -> Res<hyper::Response<Incoming>> {
        let io = TokioIo::new(self.tls().await?);
        let (mut sender, connection) = hyper::client::conn::http1::handshake::<_, Full<Bytes>>(io).await?;
        tokio::spawn(connection);
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header("host", "localhost")
            .header("content-type", "application/json");
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        Ok(sender.send_request(request.body(Full::new(Bytes::from(body)))?).await?)
    }

    /// One request, whole answer.
    pub async fn request(&self, method: Method, path: &str, token: Option<&str>, body: Vec<u8>) -> Res<Answer> {
        let response = self.send(method, path, token, body).await?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await?.to_bytes().to_vec();
        Ok(Answer { status, headers, body })
    }

    /// A JSON request; status and JSON answer (`null` for an empty body).
    pub async fn json(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&serde_json::Value>,
    ) -> Res<(StatusCode, serde_json::Value)> {
        let bytes = body.map(serde_json::to_vec).transpose()?.unwrap_or_default();
        let answer = self.request(method, path, token, bytes).await?;
        let value = if answer.body.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_slice(&answer.body)?
        };
        Ok((answer.status, value))
    }

    /// Opens the user's event stream.
    pub async fn events(&self, token: &str) -> Res<Events> {
        let response = self
            .send(Method::GET, "/api/v1/users/me/events", Some(token), Vec::new())
            .await?;
        if response.status() != StatusCode::OK {
            return Err(format!("events: {}", response.status()).into());
        }
        Ok(Events {
            body: response.into_body(),
            buffer: String::new(),
        })
    }
}

/// An open SSE stream.
pub struct Events {
    body: Incoming,
    buffer: String,
}

impl Events {
    /// The next `state` event's JSON, waiting up to `wait`; `None` when the stream ended.
    pub async fn next_state(&mut self, wait: Duration) -> Res<Option<serde_json::Value>> {
        let deadline = Instant::now() + wait;
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                let data: String = event.lines().filter_map(|line| line.strip_prefix("data: ")).collect();
                if event.lines().any(|l| l == "event: state") {
                    return Ok(Some(serde_json::from_str(&data)?));
                }
                continue;
            }
            let left = deadline
                .checked_duration_since(Instant::now())
                .ok_or("no state event in time")?;
            match tokio::time::timeout(left, self.body.frame()).await {
                Err(_) => return Err("no state event in time".into()),
                Ok(None) => return Ok(None),
                Ok(Some(frame)) => {
                    if let Ok(data) = frame?.into_data() {
                        self.buffer.push_str(&String::from_utf8_lossy(&data));
                    }
                }
            }
        }
    }
}

/// Trusts the one certificate whose SHA-256 is the pinned fingerprint.
#[derive(Debug)]
struct Pinned {
    fingerprint: String,
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for Pinned {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, tokio_rustls::rustls::Error> {
        let found = Sha256::digest(end_entity.as_ref())
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect::<Vec<_>>()
            .join(":");
        if found == self.fingerprint {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(tokio_rustls::rustls::Error::General(format!(
                "fingerprint {found} is not the pinned one"
            )))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, tokio_rustls::rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, tokio_rustls::rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider.signature_verification_algorithms.supported_schemes()
    }
}

/// Whether `path` is owner-only.
pub fn mode_of(path: &Path) -> Res<u32> {
    Ok(std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(path)?.permissions()) & 0o777)
}

/// Runs an async test body on a runtime of its own.
pub fn block_on<T>(future: impl std::future::Future<Output = Res<T>>) -> Res<T> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?
        .block_on(future)
}

/// Settings JSON with forwarding to `number`.
pub fn forward_to(number: &str) -> serde_json::Value {
    serde_json::json!({"call_pickup": false, "routing": {"mode": "forward", "number": number},
           "voicemail": {"enabled": true, "ringback": false, "notification": false,
                         "playback": "phone", "greeting": "default"}})
}

/// Reading the user's forwarding number as the dialplan would.
pub trait AmiClientExt {
    /// `CF/<ext>`, when set.
    fn forward_of(&mut self, extension: &str) -> Res<Option<String>>;
}

impl AmiClientExt for AmiClient {
    fn forward_of(&mut self, extension: &str) -> Res<Option<String>> {
        Ok(self.db_get(&value("CF")?, &value(extension)?)?)
    }
}
