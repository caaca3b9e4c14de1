//! CLI language: `--lang en|pl`, else the system locale; human output and error lines follow it, JSON
//! never does, and every message the command line uses exists in the catalogs.

use crate::cli_support::{Home, Res, TestResult, in_locale};
use callprofiles::text::i18n::{I18n, Language};

/// How a command chooses its language.
#[derive(Clone, Copy, Debug)]
enum Choice {
    /// `--lang CODE` (in the C locale).
    Flag(&'static str),
    /// Only `LANG=…` set (no LC_ALL, LC_MESSAGES or LANGUAGE).
    LangVariable(&'static str),
    /// `LANG=…` set and `--lang CODE` given.
    Both(&'static str, &'static str),
}

/// The ways to ask for Polish.
const POLISH: [Choice; 2] = [Choice::Flag("pl"), Choice::LangVariable("pl_PL.UTF-8")];

/// Runs `callprofiles --home HOME [--lang …] ARGS…` in the chosen language; returns (exit code, stdout, stderr).
fn run(home: &Home, choice: Choice, args: &[&str]) -> Res<(i32, String, String)> {
    let (flag, variable) = match choice {
        Choice::Flag(code) => (Some(code), None),
        Choice::LangVariable(locale) => (None, Some(locale)),
        Choice::Both(locale, code) => (Some(code), Some(locale)),
    };
    let mut full_args: Vec<&str> = flag.map(|code| vec!["--lang", code]).unwrap_or_default();
    full_args.extend_from_slice(args);
    let mut command = home.command(&full_args);
    if let Some(locale) = variable {
        in_locale(&mut command, locale);
        command.env_remove("LC_ALL");
    }
    let output = command.output()?;
    Ok((
        output.status.code().ok_or("killed by a signal")?,
        String::from_utf8(output.stdout)?,
        String::from_utf8(output.stderr)?,
    ))
}

/// Runs a command that must succeed quietly; returns its stdout.
fn ok(home: &Home, choice: Choice, args: &[&str]) -> Res<String> {
    let (code, stdout, stderr) = run(home, choice, args)?;
    if code != 0 || !stderr.is_empty() {
        return Err(format!("{choice:?} {args:?} failed ({code}): {stderr}").into());
    }
    Ok(stdout)
}

#[test]
fn list_and_status_speak_polish_when_asked_or_when_the_locale_is_polish() -> TestResult {
    let home = Home::new()?;
    for choice in POLISH {
        let list = ok(&home, choice, &["list"])?;
        assert!(
            list.starts_with("Profile (* = aktywny):\n* Biurowy "),
            "{choice:?}: {list}"
        );
        assert!(list.contains("Komórkowy") && list.contains("wbudowany"), "{list}");
        assert!(
            list.contains("poczta głosowa włączona; przejmowanie połączeń wyłączone"),
            "{list}"
        );
        assert!(list.contains("System telefoniczny: wbudowany system demonstracyjny (bez centrali PBX)"));
        assert!(!list.contains("Office") && !list.contains("voicemail on"), "{list}");
        let status = ok(&home, choice, &["status"])?;
        assert!(status.starts_with("Aktywny profil: Biurowy\n"), "{choice:?}: {status}");
        assert!(
            status.contains("\nBieżące ustawienia:\n  Przejmowanie połączeń "),
            "{status}"
        );
    }
    let english = ok(&home, Choice::Flag("en"), &["status"])?;
    assert!(english.starts_with("Active profile: Office\n"), "{english}");
    let overridden = ok(&home, Choice::Both("pl_PL.UTF-8", "en"), &["list"])?;
    assert!(
        overridden.starts_with("Profiles (* = active):\n* Office "),
        "{overridden}"
    );
    let unknown_locale = ok(&home, Choice::LangVariable("de_DE.UTF-8"), &["list"])?;
    assert!(unknown_locale.starts_with("Profiles (* = active):"), "{unknown_locale}");
    Ok(())
}

#[test]
fn detected_reads_polish() -> TestResult {
    let home = Home::new()?;
    home.ok(&["pbx", "set", "call_pickup=off"])?;
    for choice in POLISH {
        let status = ok(&home, choice, &["status"])?;
        assert!(status.starts_with("Aktywny profil: Wykryte ("), "{status}");
        assert!(
            status.contains("Najbliższy zapisany profil: Biurowy (różni się: call_pickup)"),
            "{status}"
        );
        let list = ok(&home, choice, &["list"])?;
        assert!(list.contains("\n* Wykryte "), "{list}");
        let changed = ok(&home, choice, &["pbx", "set", "call_pickup=on"])?;
        assert!(changed.starts_with("Zmieniono system telefoniczny. Ustawienia odpowiadają profilowi „Biurowy”."));
        home.ok(&["pbx", "set", "call_pickup=off"])?;
    }
    Ok(())
}

#[test]
fn errors_are_one_polish_line_after_the_error_prefix_with_the_same_exit_code() -> TestResult {
    let home = Home::new()?;
    home.ok(&["new", "Tram"])?;
    let english = home.fail(&["show", "nope"])?;
    assert_eq!(english, "There is no profile called \"nope\".");
    for choice in POLISH {
        let before = home.snapshot()?;
        for (args, expected) in [
            (&["show", "nope"][..], "error: Nie ma profilu o nazwie „nope”"),
            (
                &["delete", "Office"][..],
                "error: Biurowy to profil wbudowany: nie można go usunąć.",
            ),
            (&["set", "office", "bogus=1"][..], "error: „bogus” nie jest ustawieniem"),
            (
                &["new", "tram"][..],
                "error: Nazwa „tram” jest już używana przez inny profil.",
            ),
            (
                &["rename", "tram", "Domowy"][..],
                "error: Nazwa „Domowy” jest zarezerwowana",
            ),
        ] {
            let (code, stdout, stderr) = run(&home, choice, args)?;
            assert_eq!((code, stdout.as_str()), (1, ""), "{choice:?} {args:?}");
            assert!(stderr.starts_with(expected), "{choice:?} {args:?}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
        }
        assert_eq!(before, home.snapshot()?, "{choice:?}");
        let (code, _, stderr) = run(&home, choice, &["show"])?;
        assert_eq!(code, 2, "a usage error keeps its exit code: {stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
    Ok(())
}

#[test]
fn the_import_report_uses_polish_plurals() -> TestResult {
    let home = Home::new()?;
    home.ok(&["new", "Car"])?;
    home.ok(&["export", "one-custom.json"])?;
    for choice in POLISH {
        home.ok(&["new", "Van"])?;
        home.ok(&["new", "Bus"])?;
        let report = ok(&home, choice, &["import", "one-custom.json"])?;
        assert_eq!(
            report.trim_end(),
            "Zaimportowano 3 profile wbudowane i 1 profil własny; 3 profile własne, które były wcześniej, \
             zostały zastąpione.",
            "{choice:?}"
        );
    }
    let report = home.ok(&["import", "one-custom.json"])?;
    assert_eq!(
        report.trim_end(),
        "Imported 3 built-in profiles and 1 custom profile; the 1 custom profile you had before was replaced."
    );
    let exported = ok(&home, Choice::Flag("pl"), &["export", "again.json"])?;
    assert_eq!(exported.trim_end(), "Wyeksportowano 4 profile do again.json.");
    Ok(())
}

#[test]
fn json_is_the_same_in_every_language() -> TestResult {
    let home = Home::new()?;
    home.ok(&["new", "Car", "--from", "mobile"])?;
    home.ok(&["pbx", "set", "routing=forward:+48 22 123"])?;
    for args in [
        &["list", "--json"][..],
        &["status", "--json"],
        &["show", "office", "--json"],
        &["show", "car", "--json"],
        &["pbx", "show", "--json"],
    ] {
        let english = home.ok(args)?;
        assert!(english.starts_with(['[', '{']), "{english}");
        for choice in POLISH {
            assert_eq!(ok(&home, choice, args)?, english, "{choice:?} {args:?}");
        }
    }
    Ok(())
}

/// Every `"message-id"` literal in the command line's sources.
fn message_ids_in_cli_sources() -> Res<Vec<String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli");
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let text = std::fs::read_to_string(entry?.path())?;
        for literal in text.split('"').skip(1).step_by(2) {
            let mut chars = literal.chars();
            let looks_like_id = literal.contains('-')
                && chars.next().is_some_and(|c| c.is_ascii_lowercase())
                && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if looks_like_id {
                ids.push(literal.to_owned());
            }
        }
    }
    Ok(ids)
}

#[test]
fn every_message_the_command_line_uses_exists_in_both_catalogs() -> TestResult {
    let ids = message_ids_in_cli_sources()?;
    assert!(ids.len() > 40, "{ids:?}");
    for language in Language::ALL {
        let i18n = I18n::new(language);
        let missing: Vec<&String> = ids.iter().filter(|id| i18n.tr(id) == **id).collect();
        assert!(
            missing.is_empty(),
            "used but not in the {language:?} catalog: {missing:?}"
        );
    }
    Ok(())
}
