//! The call-flow picture: snapshot images of every routing mode with voicemail on and off in both
//! languages (and dark, 200 % zoom, Detected beside its nearest profile); the screen-reader text of the
//! drawn steps equals `show NAME --flow`'s lines; the picture follows the form's draft as it is edited.
//!
//! Snapshots live in `tests/snapshots/`; after an intended change of the drawing, regenerate them with
//! `UPDATE_SNAPSHOTS=1 cargo test -p callprofiles --test gui call_flow` and look at every changed PNG.

use callprofiles::gui::main_window::call_flow::{compare_ui, flow_ui};
use callprofiles::text::i18n::{I18n, Language};
use callprofiles_core::{CallFlow, Callprofiles, PhoneNumber, RingTime, RingTimes, RoutingMode, Settings};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::{Harness, SnapshotError};

use crate::gui_support::{TestResult, select, window};

/// Ring times as an Asterisk with `ringtimer` 25 and Follow Me's `grptime` 30 reports them.
const PBX_TIMES: RingTimes = RingTimes {
    single: RingTime::Seconds(25),
    together: RingTime::Seconds(30),
};

/// Office's settings with `mode` (number +48600100200) and voicemail on or off.
fn settings(mode: RoutingMode, voicemail: bool) -> Settings {
    let mut settings = Settings::office_default();
    settings.routing = mode.with_number(PhoneNumber::parse("+48 600 100 200").ok());
    settings.voicemail.enabled = voicemail;
    settings
}

/// A harness drawing only the picture of `flow`, sized to it, at `width` points wide.
fn picture(language: Language, flow: CallFlow, theme: egui::Theme, width: f32) -> Harness<'static> {
    let i18n = I18n::new(language);
    let heading = i18n.tr("flow-heading");
    let mut harness = Harness::builder()
        .with_size([width, 900.0])
        .with_theme(theme)
        .build_ui(move |ui| flow_ui(ui, &i18n, &heading, &flow, &[]));
    harness.fit_contents();
    harness
}

/// The names of every step box (role list item) a harness shows, top to bottom.
fn step_labels<State>(harness: &Harness<'_, State>) -> Vec<String> {
    let mut nodes: Vec<(f32, String)> = harness
        .query_all_by_role(Role::ListItem)
        .map(|node| (node.rect().min.y, node.accesskit_node().label().unwrap_or_default()))
        .collect();
    nodes.sort_by(|a, b| a.0.total_cmp(&b.0));
    nodes.into_iter().map(|(_, label)| label).collect()
}

/// Turns a snapshot result into the list of failures kept for one report at the end.
fn keep(failures: &mut Vec<String>, name: &str, result: Result<(), SnapshotError>) {
    if let Err(error) = result {
        failures.push(format!("{name}: {error}"));
    }
}

#[test]
fn every_routing_mode_with_voicemail_on_and_off_in_both_languages_looks_as_approved() -> TestResult {
    let mut failures = Vec::new();
    for language in Language::ALL {
        for mode in RoutingMode::ALL {
            for voicemail in [true, false] {
                let flow = CallFlow::of(&settings(mode, voicemail), &PBX_TIMES);
                let mut harness = picture(language, flow, egui::Theme::Light, 340.0);
                let name = format!(
                    "call_flow_{}_voicemail_{}_{}",
                    mode.key(),
                    if voicemail { "on" } else { "off" },
                    language.code()
                );
                keep(&mut failures, &name, harness.try_snapshot(&name));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    Ok(())
}

#[test]
fn dark_theme_and_double_zoom_stay_readable() -> TestResult {
    let mut failures = Vec::new();
    let mut everything = settings(RoutingMode::Twinning, true);
    everything.voicemail.notification = true;
    everything.voicemail.ringback = true;
    for language in Language::ALL {
        let flow = CallFlow::of(&everything, &PBX_TIMES);
        let mut dark = picture(language, flow.clone(), egui::Theme::Dark, 340.0);
        let name = format!("call_flow_dark_{}", language.code());
        keep(&mut failures, &name, dark.try_snapshot(&name));
    }
    // 200 %: a 720-point-wide window's central panel zoomed twice is about 250 points wide.
    let i18n = I18n::new(Language::Polish);
    let flow = CallFlow::of(&everything, &PBX_TIMES);
    let mut zoomed = Harness::builder()
        .with_size([250.0, 1400.0])
        .with_pixels_per_point(2.0)
        .build_ui(move |ui| flow_ui(ui, &i18n, "Zoom 200 %", &flow, &[]));
    zoomed.fit_contents();
    // Every box keeps inside the width: nothing is cut off at the right.
    for node in zoomed.query_all_by_role(Role::ListItem) {
        assert!(
            node.rect().max.x <= 250.5,
            "{:?} {:?}",
            node.accesskit_node().label(),
            node.rect()
        );
    }
    keep(
        &mut failures,
        "call_flow_zoom_200_pl",
        zoomed.try_snapshot("call_flow_zoom_200_pl"),
    );
    assert!(failures.is_empty(), "{failures:#?}");
    Ok(())
}

#[test]
fn detected_beside_its_nearest_profile_marks_what_differs() -> TestResult {
    let mut failures = Vec::new();
    for language in Language::ALL {
        let i18n = I18n::new(language);
        let office = CallFlow::of(&Settings::office_default(), &PBX_TIMES);
        let mut changed = Settings::office_default();
        changed.voicemail.enabled = false;
        let live = CallFlow::of(&changed, &PBX_TIMES);
        let name = i18n.builtin_name(callprofiles_core::BuiltIn::Office);
        let mut harness = Harness::builder()
            .with_size([560.0, 900.0])
            .build_ui(move |ui| compare_ui(ui, &i18n, &live, Some((&name, &office))));
        harness.fit_contents();
        let differs = I18n::new(language).tr("mark-differs");
        let marked: Vec<String> = step_labels(&harness)
            .into_iter()
            .filter(|label| label.ends_with(&format!("({differs})")))
            .collect();
        // The live "call ends" against the profile's voicemail and message steps.
        assert_eq!(marked.len(), 3, "{language:?}: {marked:?}");
        let snapshot = format!("call_flow_detected_{}", language.code());
        keep(&mut failures, &snapshot, harness.try_snapshot(&snapshot));
    }
    assert!(failures.is_empty(), "{failures:#?}");
    Ok(())
}

/// `show NAME --flow`'s step lines, run as the real binary over `home`.
fn cli_steps(
    home: &std::path::Path,
    language: Language,
    name: &str,
) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_callprofiles"))
        .args(["--home"])
        .arg(home)
        .args(["--lang", language.code(), "show", name, "--flow"])
        .output()?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned().into());
    }
    Ok(String::from_utf8(output.stdout)?
        .lines()
        .filter_map(|line| line.strip_prefix("  • "))
        .map(str::to_owned)
        .collect())
}

#[test]
fn the_window_draws_the_steps_the_command_line_prints() -> TestResult {
    for language in Language::ALL {
        for (routing, voicemail) in [
            ("desk_phone", "on"),
            ("twinning:600100200", "off"),
            ("telecommuter:600100200", "on"),
            ("forward:600100200", "on"),
        ] {
            let home = tempfile::tempdir()?;
            let mut service = Callprofiles::open(home.path())?;
            service.set(
                "home",
                &[
                    format!("routing={routing}"),
                    format!("voicemail={voicemail}"),
                    "voicemail.ringback=on".to_owned(),
                ],
            )?;
            let printed = cli_steps(home.path(), language, "home")?;
            let mut harness = window(home.path(), language);
            select(
                &mut harness,
                &I18n::new(language).builtin_name(callprofiles_core::BuiltIn::Home),
            );
            let drawn = step_labels(&harness);
            assert!(printed.len() >= 3, "{printed:?}");
            assert_eq!(drawn, printed, "{language:?} {routing} voicemail={voicemail}");
        }
    }
    Ok(())
}

#[test]
fn the_picture_follows_the_form_before_it_is_saved() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::English);
    select(&mut harness, "Office");
    assert!(step_labels(&harness).iter().any(|s| s.starts_with("Voicemail answers")));
    harness.get_by_label("Voicemail on").click();
    harness.run();
    let steps = step_labels(&harness);
    assert!(steps.iter().any(|s| s.starts_with("The call ends")), "{steps:?}");
    assert!(harness.state().has_unsaved_changes());
    harness.get_by_label("Simultaneous ringing on mobile phones").click();
    harness.run();
    let steps = step_labels(&harness);
    assert!(
        steps
            .first()
            .is_some_and(|s| s.starts_with("Your desk phone and (no number yet) ring together")),
        "{steps:?}"
    );
    crate::gui_support::type_into(&mut harness, "Also ring", "600 100 200");
    let steps = step_labels(&harness);
    assert!(
        steps
            .first()
            .is_some_and(|s| s.starts_with("Your desk phone and 600 100 200 ring together")),
        "{steps:?}"
    );
    Ok(())
}

#[test]
fn detected_shows_the_live_flow_beside_the_nearest_profile() -> TestResult {
    let home = tempfile::tempdir()?;
    Callprofiles::open(home.path())?.pbx_set(&["voicemail=off"])?;
    let mut harness = window(home.path(), Language::English);
    select(&mut harness, "Detected");
    let steps = step_labels(&harness);
    assert!(
        steps
            .iter()
            .any(|s| s == "The call ends — voicemail is off, so no message can be left (differs)"),
        "{steps:?}"
    );
    assert!(
        steps
            .iter()
            .any(|s| s.starts_with("Voicemail answers") && s.ends_with("(differs)")),
        "{steps:?}"
    );
    // The unchanged steps are in both flows, unmarked.
    assert_eq!(
        steps
            .iter()
            .filter(|s| s.starts_with("Your desk phone rings") && !s.contains("(differs)"))
            .count(),
        2
    );
    Ok(())
}

#[test]
fn every_symbol_the_picture_draws_is_in_the_fonts() {
    let harness = Harness::builder().build_ui(|ui| {
        ui.label("");
    });
    let font = egui::FontId::proportional(14.0);
    let missing: String = "☎📞➡✔✖✉🔔≠"
        .chars()
        .filter(|c| !harness.ctx.fonts_mut(|fonts| fonts.has_glyph(&font, *c)))
        .collect();
    assert!(missing.is_empty(), "not in the fonts: {missing}");
}

#[test]
fn over_a_real_asterisk_the_picture_says_the_ring_time_it_holds() -> TestResult {
    use crate::asterisk_support::{reset_extension, value, with_asterisk};
    with_asterisk("gui_call_flow_asterisk", |asterisk| {
        let extension = "241";
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, extension)?;
        admin.db_put(
            &value("AMPUSER")?,
            &value(format!("{extension}/ringtimer"))?,
            &value("9")?,
        )?;
        let home = asterisk.home(extension)?;
        let mut harness = window(home.path(), Language::Polish);
        select(&mut harness, "Biurowy");
        let steps = step_labels(&harness);
        assert_eq!(
            steps.first().map(String::as_str),
            Some("Dzwoni Twój telefon stacjonarny — przez 9 sekund"),
            "{steps:?}"
        );
        reset_extension(&mut admin, extension)?;
        Ok(())
    })
}
