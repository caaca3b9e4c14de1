//! Fuzzes the import file parser: any bytes give a validated book or an error, never a panic; a book that
//! is accepted exports and re-imports to the same profiles.

#![no_main]

use std::path::Path;

use callprofiles_core::transfer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(imported) = transfer::decode(Path::new("fuzz.json"), data) else {
        return;
    };
    let profiles = imported.book.profiles();
    assert_eq!(profiles.iter().filter(|p| p.is_builtin()).count(), 3);
    assert!(imported.book.custom_count() <= callprofiles_core::MAX_CUSTOM);
    let Ok(bytes) = transfer::encode(&imported.book) else {
        panic!("a book that was read must encode");
    };
    let again = transfer::decode(Path::new("again.json"), &bytes);
    assert_eq!(again.map(|book| book.book.profiles()).ok(), Some(profiles));
});
