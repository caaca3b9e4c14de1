//! `ServerClient`: blocking HTTPS requests to a callprofiles server (ureq over our pinned TLS), every
//! one bounded in time and size, every failure a typed error (the server's typed detail becomes the core
//! error it carries, so a rule broken on the server reads exactly as one broken locally).

use std::io::Read;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;
use ureq::Agent;
use ureq::http::{Response, StatusCode};
use ureq::unversioned::resolver::DefaultResolver;
use ureq::unversioned::transport::{Connector, TcpConnector};

use super::fingerprint::Fingerprint;
use super::token::DeviceToken;
use super::transport::PinnedTlsConnector;
use super::url::ServerUrl;
use super::verifier::{CertificateRefusal, client_config, refusal_in};
use crate::error::{CoreError, ReachProblem, RemoteError};
use crate::wire::{ErrorBody, ErrorDetail, ErrorKind, MAX_BODY_BYTES};

/// Time to open a connection (TCP and TLS).
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// Time for a whole ordinary request.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// Time for a telecommuter's call: the server waits while the telecommuter phone rings.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(90);
/// Time for downloading a recording (up to ~100 MiB of WAV).
pub const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(120);
/// Largest response read (an export or a State is a few KiB; the contract's bodies are ≤ 64 KiB).
pub const MAX_RESPONSE_BYTES: u64 = 256 * 1024;

/// How the client's agent is tuned.
#[derive(Clone, Copy, Debug)]
pub(crate) enum AgentKind {
    /// Request and answer, bounded as a whole.
    Requests,
    /// The event stream: no overall limit, but a silent connection (no keep-alive) is given up.
    Stream {
        /// Longest silence accepted between two reads.
        idle: Duration,
    },
}

/// A connection to one server, with or without this device's token.
#[derive(Debug, Clone)]
pub struct ServerClient {
    agent: Agent,
    url: ServerUrl,
    fingerprint: Option<Fingerprint>,
    token: Option<DeviceToken>,
}

impl ServerClient {
    /// A client of `url`, trusting the pinned certificate (or public authorities without one).
    pub fn new(
        url: ServerUrl,
        fingerprint: Option<Fingerprint>,
        token: Option<DeviceToken>,
    ) -> Result<Self, RemoteError> {
        let agent = build_agent(&url, fingerprint, AgentKind::Requests)?;
        Ok(Self {
            agent,
            url,
            fingerprint,
            token,
        })
    }

    /// The server's address.
    pub fn url(&self) -> &ServerUrl {
        &self.url
    }

    /// The pinned fingerprint, if any.
    pub fn fingerprint(&self) -> Option<Fingerprint> {
        self.fingerprint
    }

    /// Sends a request with an optional JSON body and decodes the JSON answer.
    pub(crate) fn call<R: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        body: Option<&impl Serialize>,
    ) -> Result<R, CoreError> {
        let response = self.exchange(method, path, body, REQUEST_TIMEOUT)?;
        decode(response)
    }

    /// Like [`ServerClient::call`] with a longer time limit.
    pub(crate) fn call_slow<R: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        body: Option<&impl Serialize>,
        timeout: Duration,
    ) -> Result<R, CoreError> {
        let response = self.exchange(method, path, body, timeout)?;
        decode(response)
    }

    /// Sends a request whose answer has no body (204).
    pub(crate) fn call_empty(&self, method: &str, path: &str) -> Result<(), CoreError> {
        self.exchange(method, path, None::<&()>, REQUEST_TIMEOUT).map(drop)
    }

    /// Sends a request with a JSON body whose answer has no body (204).
    pub(crate) fn call_empty_with(&self, method: &str, path: &str, body: &impl Serialize) -> Result<(), CoreError> {
        self.exchange(method, path, Some(body), REQUEST_TIMEOUT).map(drop)
    }

    /// Sends one request; a non-2xx answer becomes the error it describes.
    fn exchange(
        &self,
        method: &str,
        path: &str,
        body: Option<&impl Serialize>,
        timeout: Duration,
    ) -> Result<Response<ureq::Body>, CoreError> {
        let bytes = match body {
            Some(body) => Some(serde_json::to_vec(body).map_err(|e| RemoteError::BadAnswer {
                status: 0,
                detail: e.to_string(),
            })?),
            None => None,
        };
        if bytes.as_ref().is_some_and(|b| b.len() > MAX_BODY_BYTES) {
            return Err(RemoteError::TooLarge {
                limit_kib: (MAX_BODY_BYTES / 1024) as u64,
            }
            .into());
        }
        let body = bytes.as_deref().map(|bytes| (bytes, "application/json"));
        self.send(method, path, body, "application/json", timeout)
    }

    /// Sends a request whose body is `bytes` of `content_type` (at most `limit` bytes) and decodes the
    /// JSON answer: an uploaded greeting.
    pub(crate) fn call_with_bytes<R: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        (bytes, content_type): (&[u8], &str),
        limit: usize,
    ) -> Result<R, CoreError> {
        if bytes.len() > limit {
            return Err(RemoteError::TooLarge {
                limit_kib: (limit / 1024) as u64,
            }
            .into());
        }
        decode(self.send(
            method,
            path,
            Some((bytes, content_type)),
            "application/json",
            REQUEST_TIMEOUT,
        )?)
    }

    /// `GET`s a file (audio) of at most `limit` bytes.
    pub(crate) fn download(&self, path: &str, accept: &str, limit: u64) -> Result<Vec<u8>, CoreError> {
        let mut response = self.send("GET", path, None, accept, DOWNLOAD_TIMEOUT)?;
        let status = response.status().as_u16();
        Ok(response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => RemoteError::TooLarge {
                    limit_kib: limit / 1024,
                },
                other => RemoteError::BadAnswer {
                    status,
                    detail: other.to_string(),
                },
            })?)
    }

    /// Sends one request with an optional body; a non-2xx answer becomes the error it describes.
    fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<(&[u8], &str)>,
        accept: &str,
        timeout: Duration,
    ) -> Result<Response<ureq::Body>, CoreError> {
        let mut request = ureq::http::Request::builder()
            .method(method)
            .uri(self.url.endpoint(path))
            .header("Accept", accept);
        if let Some(token) = &self.token {
            request = request.header("Authorization", token.bearer());
        }
        let result = match body {
            Some((bytes, content_type)) => {
                let request = request
                    .header("Content-Type", content_type)
                    .body(bytes)
                    .map_err(|e| bad_url(&self.url, &e))?;
                let request = self
                    .agent
                    .configure_request(request)
                    .timeout_global(Some(timeout))
                    .build();
                self.agent.run(request)
            }
            None => {
                let request = request.body(()).map_err(|e| bad_url(&self.url, &e))?;
                let request = self
                    .agent
                    .configure_request(request)
                    .timeout_global(Some(timeout))
                    .build();
                self.agent.run(request)
            }
        };
        let response = result.map_err(|e| transport_error(&self.url, e))?;
        if response.status().is_success() {
            Ok(response)
        } else {
            Err(status_error(response))
        }
    }

    /// Opens the event stream (`GET /users/me/events`) on an agent without an overall time limit.
    pub(crate) fn open_stream(&self, path: &str, idle: Duration) -> Result<Box<dyn Read + Send>, CoreError> {
        let agent = build_agent(&self.url, self.fingerprint, AgentKind::Stream { idle })?;
        let mut request = agent.get(self.url.endpoint(path)).header("Accept", "text/event-stream");
        if let Some(token) = &self.token {
            request = request.header("Authorization", token.bearer());
        }
        let response = request.call().map_err(|e| transport_error(&self.url, e))?;
        if !response.status().is_success() {
            return Err(status_error(response));
        }
        Ok(Box::new(response.into_body().into_reader()))
    }
}

/// The agent: HTTPS only, no redirects, no proxy from the environment, our TLS connector.
fn build_agent(url: &ServerUrl, fingerprint: Option<Fingerprint>, kind: AgentKind) -> Result<Agent, RemoteError> {
    let tls = client_config(fingerprint).map_err(|e| RemoteError::Unreachable {
        url: url.to_string(),
        problem: ReachProblem::Tls { detail: e.to_string() },
    })?;
    let mut config = Agent::config_builder()
        .https_only(true)
        .http_status_as_error(false)
        .max_redirects(0)
        .proxy(None)
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .max_response_header_size(16 * 1024)
        .user_agent(concat!("callprofiles/", env!("CARGO_PKG_VERSION")));
    config = match kind {
        AgentKind::Requests => config.timeout_global(Some(REQUEST_TIMEOUT)),
        AgentKind::Stream { idle } => config
            .timeout_global(None)
            .timeout_recv_response(Some(REQUEST_TIMEOUT))
            .timeout_per_read(Some(idle)),
    };
    let connector = TcpConnector::default().chain(PinnedTlsConnector::new(tls));
    Ok(Agent::with_parts(config.build(), connector, DefaultResolver::default()))
}

/// A URL ureq could not build a request from (cannot happen with a parsed [`ServerUrl`]).
fn bad_url(url: &ServerUrl, _error: &ureq::http::Error) -> RemoteError {
    RemoteError::BadUrl { url: url.to_string() }
}

/// Reads a JSON answer, at most [`MAX_RESPONSE_BYTES`].
fn decode<R: DeserializeOwned>(mut response: Response<ureq::Body>) -> Result<R, CoreError> {
    let status = response.status().as_u16();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_RESPONSE_BYTES)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => RemoteError::TooLarge {
                limit_kib: MAX_RESPONSE_BYTES / 1024,
            },
            other => RemoteError::BadAnswer {
                status,
                detail: other.to_string(),
            },
        })?;
    Ok(serde_json::from_slice(&bytes).map_err(|e| RemoteError::BadAnswer {
        status,
        detail: e.to_string(),
    })?)
}

/// The error a non-2xx answer describes: the typed detail when the server sent one.
fn status_error(mut response: Response<ureq::Body>) -> CoreError {
    let status = response.status();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let body: Option<ErrorBody> = response
        .body_mut()
        .with_config()
        .limit(MAX_BODY_BYTES as u64)
        .read_to_vec()
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok());
    let message = body
        .as_ref()
        .map(|b| b.message.chars().take(300).collect::<String>())
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("no reason given").to_owned());
    let kind = body.as_ref().map(|b| b.error);
    match body.and_then(|b| b.detail) {
        Some(ErrorDetail::Rule(rule)) => return rule.into(),
        Some(ErrorDetail::Input(input)) => return input.into(),
        Some(ErrorDetail::Import(import)) => return import.into(),
        Some(ErrorDetail::Automation(automation)) => return automation.into(),
        // A phone failure the server words as its own (a message not in the mailbox: 404; an uploaded
        // greeting it cannot use: 400) reads as the same core error as locally.
        Some(ErrorDetail::Phone(phone))
            if matches!(kind, Some(ErrorKind::Pbx | ErrorKind::NotFound | ErrorKind::BadRequest)) =>
        {
            return phone.into();
        }
        _ => {}
    }
    let error = match (status, kind) {
        (_, Some(ErrorKind::EnrollmentRefused)) => RemoteError::EnrollmentRefused {
            extension: String::new(),
        },
        (StatusCode::UNAUTHORIZED, _) | (_, Some(ErrorKind::Unauthorized)) => RemoteError::Unauthorized,
        (StatusCode::TOO_MANY_REQUESTS, _) | (_, Some(ErrorKind::RateLimited)) => RemoteError::RateLimited {
            seconds: retry_after.unwrap_or(60),
        },
        (StatusCode::PAYLOAD_TOO_LARGE, _) | (_, Some(ErrorKind::TooLarge)) => RemoteError::TooLarge {
            limit_kib: (MAX_BODY_BYTES / 1024) as u64,
        },
        (StatusCode::SERVICE_UNAVAILABLE, _) | (_, Some(ErrorKind::PbxUnreachable)) => RemoteError::PbxUnreachable,
        (_, Some(ErrorKind::Pbx)) => RemoteError::Pbx { message },
        (StatusCode::NOT_FOUND, _) | (_, Some(ErrorKind::NotFound)) => RemoteError::NotFound { message },
        (_, Some(ErrorKind::BadRequest | ErrorKind::Rule)) => RemoteError::Refused { message },
        (status, _) if status.is_client_error() => RemoteError::Refused { message },
        (status, _) => RemoteError::ServerFailed {
            status: status.as_u16(),
            message,
        },
    };
    error.into()
}

/// A failure before any answer: the certificate refused, unreachable, timed out.
pub(crate) fn transport_error(url: &ServerUrl, error: ureq::Error) -> CoreError {
    let refusal = match &error {
        ureq::Error::Io(io) => refusal_in(io),
        other => refusal_in(other),
    };
    if let Some(refusal) = refusal {
        return match refusal {
            CertificateRefusal::Mismatch { expected, found } => RemoteError::FingerprintMismatch {
                expected: expected.to_string(),
                found: found.to_string(),
            },
            CertificateRefusal::Untrusted { found } => RemoteError::UntrustedCertificate {
                found: found.to_string(),
            },
        }
        .into();
    }
    let problem = match &error {
        ureq::Error::HostNotFound => ReachProblem::UnknownHost,
        ureq::Error::ConnectionFailed => ReachProblem::Refused,
        ureq::Error::Timeout(_) => ReachProblem::TimedOut,
        ureq::Error::RequireHttpsOnly(_) => return RemoteError::NotHttps { url: url.to_string() }.into(),
        ureq::Error::BodyExceedsLimit(_) => {
            return RemoteError::TooLarge {
                limit_kib: MAX_RESPONSE_BYTES / 1024,
            }
            .into();
        }
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionReset
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::UnexpectedEof
            | std::io::ErrorKind::BrokenPipe => ReachProblem::Refused,
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => ReachProblem::TimedOut,
            _ if io.get_ref().is_some_and(|inner| inner.is::<rustls::Error>()) => {
                ReachProblem::Tls { detail: io.to_string() }
            }
            _ => ReachProblem::Other { detail: io.to_string() },
        },
        other => ReachProblem::Other {
            detail: other.to_string(),
        },
    };
    RemoteError::Unreachable {
        url: url.to_string(),
        problem,
    }
    .into()
}

/// A failure reading an open stream.
pub(crate) fn transport_error_io(url: &str, error: std::io::Error) -> CoreError {
    let problem = match error.kind() {
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => ReachProblem::TimedOut,
        std::io::ErrorKind::ConnectionRefused
        | std::io::ErrorKind::ConnectionReset
        | std::io::ErrorKind::ConnectionAborted
        | std::io::ErrorKind::UnexpectedEof
        | std::io::ErrorKind::BrokenPipe => ReachProblem::Refused,
        _ => ReachProblem::Other {
            detail: error.to_string(),
        },
    };
    RemoteError::Unreachable {
        url: url.to_owned(),
        problem,
    }
    .into()
}
