//! Fuzzes the AMI message reader with whatever a server (or something posing as one) might send: any
//! bytes give messages or an error, never a panic, with bounded memory.

#![no_main]

use callprofiles_core::phone_system::asterisk::message::{MAX_HEADERS, MessageReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut reader = MessageReader::new(std::io::BufReader::with_capacity(64, data));
    for _ in 0..data.len().saturating_add(1) {
        match reader.read_message() {
            Ok(Some(message)) => {
                assert!(!message.headers().is_empty());
                assert!(message.headers().len() <= MAX_HEADERS);
                let kinds = [message.event().is_some(), message.response().is_some()];
                assert!(kinds != [true, true], "both an event and a response: {message:?}");
                message.completes_list();
                message.starts_list();
                message.action_id();
            }
            Ok(None) => return,
            Err(_) => continue,
        }
    }
});
