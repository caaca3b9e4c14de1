//! The server's certificate: a self-signed one made with rcgen when none is given, its SHA-256
//! fingerprint (what desktops pin), and the rustls configuration (TLS 1.2 and 1.3, ring).

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use sha2::{Digest, Sha256};
use tokio_rustls::rustls::ServerConfig;

/// A self-signed certificate and its key, both PEM, for the names desktops will use.
pub fn self_signed(names: Vec<String>) -> Result<(String, String)> {
    let certified = rcgen::generate_simple_self_signed(names).context("Cannot make a self-signed certificate")?;
    Ok((certified.cert.pem(), certified.signing_key.serialize_pem()))
}

/// The certificates of a PEM chain file, leaf first.
pub fn load_chain(path: &Path) -> Result<Vec<CertificateDer<'static>>> {
    let chain = CertificateDer::pem_file_iter(path)
        .with_context(|| format!("Cannot read the certificate {}", path.display()))?
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("The certificate {} is not valid PEM", path.display()))?;
    if chain.is_empty() {
        bail!("The certificate file {} holds no certificate", path.display());
    }
    Ok(chain)
}

/// The private key of a PEM file.
pub fn load_key(path: &Path) -> Result<PrivateKeyDer<'static>> {
    PrivateKeyDer::from_pem_file(path).with_context(|| format!("Cannot read the private key {}", path.display()))
}

/// The leaf certificate's SHA-256 as upper-case hex pairs joined by colons (like
/// `openssl x509 -fingerprint -sha256`).
pub fn fingerprint(leaf: &CertificateDer<'_>) -> String {
    Sha256::digest(leaf.as_ref())
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// The fingerprint of the first certificate of a PEM file.
pub fn fingerprint_of(path: &Path) -> Result<String> {
    let chain = load_chain(path)?;
    chain.first().map(fingerprint).context("no certificate")
}

/// The rustls server configuration (HTTP/1.1 only, announced by ALPN).
pub fn server_config(cert: &Path, key: &Path) -> Result<Arc<ServerConfig>> {
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("TLS protocol versions")?
        .with_no_client_auth()
        .with_single_cert(load_chain(cert)?, load_key(key)?)
        .context("The certificate and the private key do not belong together")?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}
