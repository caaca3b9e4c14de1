//! Who the desktop trusts as its server: the certificate whose SHA-256 the user was given (pinned), or,
//! without a fingerprint, a certificate signed by a public authority (webpki-roots). Both still verify the
//! handshake signatures with the server's key, so only the holder of the pinned certificate's key passes.

use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, OtherError, RootCertStore, SignatureScheme};

use super::fingerprint::Fingerprint;

/// The typed reason a verifier refused a certificate, carried through rustls's `OtherError` so the
/// client can tell the user which fingerprint it saw.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertificateRefusal {
    /// The certificate is not the pinned one.
    #[error("certificate fingerprint {found} is not the pinned {expected}")]
    Mismatch {
        /// The pinned fingerprint.
        expected: Fingerprint,
        /// The presented one.
        found: Fingerprint,
    },
    /// No pin, and no known authority signed it.
    #[error("certificate {found} is not signed by a known authority")]
    Untrusted {
        /// The presented one.
        found: Fingerprint,
    },
}

impl CertificateRefusal {
    fn into_rustls(self) -> rustls::Error {
        rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(Arc::new(self))))
    }
}

/// The crypto provider used on the desktop (ring: no C build toolchain needed beyond cc).
pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The TLS client configuration: pinned to `fingerprint`, or trusting public authorities without one.
pub fn client_config(fingerprint: Option<Fingerprint>) -> Result<Arc<ClientConfig>, rustls::Error> {
    let provider = provider();
    let builder = ClientConfig::builder_with_provider(provider.clone()).with_safe_default_protocol_versions()?;
    let verifier: Arc<dyn ServerCertVerifier> = match fingerprint {
        Some(expected) => Arc::new(PinnedVerifier {
            expected,
            algorithms: provider.signature_verification_algorithms,
        }),
        None => {
            let roots = RootCertStore {
                roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
            };
            let inner = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| rustls::Error::General(e.to_string()))?;
            Arc::new(AuthorityVerifier { inner })
        }
    };
    Ok(Arc::new(
        builder
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth(),
    ))
}

/// Accepts exactly the certificate whose SHA-256 is `expected` (names and dates are not checked: the
/// pin is the trust, as with SSH host keys), and verifies the handshake signatures with its key.
#[derive(Debug)]
struct PinnedVerifier {
    expected: Fingerprint,
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for PinnedVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let found = Fingerprint::of_der(end_entity);
        if found == self.expected {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(CertificateRefusal::Mismatch {
                expected: self.expected,
                found,
            }
            .into_rustls())
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// webpki's verifier over the public roots, naming the refused certificate's fingerprint so the user
/// can check it and pin it.
#[derive(Debug)]
struct AuthorityVerifier {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for AuthorityVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            .map_err(|error| match error {
                rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer | CertificateError::BadSignature) => {
                    CertificateRefusal::Untrusted {
                        found: Fingerprint::of_der(end_entity),
                    }
                    .into_rustls()
                }
                other => other,
            })
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// The refusal behind a failed handshake, when one of our verifiers refused the certificate.
pub fn refusal_in(error: &(dyn std::error::Error + 'static)) -> Option<CertificateRefusal> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = current {
        if let Some(refusal) = error.downcast_ref::<CertificateRefusal>() {
            return Some(refusal.clone());
        }
        if let Some(rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(inner)))) =
            error.downcast_ref::<rustls::Error>()
            && let Some(refusal) = inner.downcast_ref::<CertificateRefusal>()
        {
            return Some(refusal.clone());
        }
        if let Some(io) = error.downcast_ref::<std::io::Error>()
            && let Some(inner) = io.get_ref()
        {
            current = Some(inner);
            continue;
        }
        current = error.source();
    }
    None
}
