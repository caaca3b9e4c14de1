//! The Asterisk (and FreePBX) phone system over AMI: a small synchronous client (see ARCHITECTURE.md,
//! "AMI client"), the AstDB layout of the settings, and the `PhoneSystem` built from them. The shipped
//! dialplan `assets/asterisk/callprofiles.conf` makes the settings real for calls.

pub mod action;
pub mod call;
pub mod client;
pub mod config;
pub mod connection;
pub mod extension;
pub mod layout;
pub mod message;
pub mod secret;
pub mod spool;
pub mod system;
pub mod target;
pub mod value;
pub mod voicemail;

pub use action::{Action, Originate};
pub use client::{AmiClient, Expect};
pub use config::AsteriskConfig;
pub use connection::Reply;
pub use extension::Extension;
pub use message::Message;
pub use secret::{AmiSecret, SECRET_ENV};
pub use spool::{DEFAULT_SPOOL_DIR, Spool};
pub use system::AsteriskPhoneSystem;
pub use target::{AmiHost, AmiTarget, AmiUsername};
pub use value::AmiValue;
