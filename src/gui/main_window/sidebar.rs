//! The profile sidebar: Detected first when the live settings match no profile, then the built-ins (marked,
//! never deletable) and the custom profiles. Each entry says in a second line where its calls go. Click selects;
//! double-click activates.

use callprofiles_core::{Profile, ProfileKind};
use fluent_bundle::FluentValue;

use super::sidebar_row::{RowLook, row_ui};
use crate::gui::command::{Selection, UiCommand};
use crate::gui::model::Model;
use crate::text::i18n::I18n;
use crate::text::labels::{routing_summary, settings_list};

/// A profile and its position (for Ctrl+1…7).
type Row<'a> = (usize, &'a Profile);

/// Draws the sidebar (scrolling when its entries do not fit).
#[must_use]
pub fn sidebar_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    selection: &Selection,
    listed_new: Option<usize>,
) -> Option<UiCommand> {
    super::scrolled::scrolled_ui(ui, "sidebar", |ui| {
        let command = entries_ui(ui, i18n, model, selection);
        command.or(messages_row_ui(ui, i18n, model, selection, listed_new))
    })
}

/// The voicemail entry under the profiles: how many new messages wait (from the list when it was read, else
/// from the phone system's count).
#[must_use]
fn messages_row_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    selection: &Selection,
    listed_new: Option<usize>,
) -> Option<UiCommand> {
    let new = listed_new.map(|count| count as u64).or_else(|| model.new_messages());
    ui.add_space(6.0);
    ui.strong(i18n.tr("group-voicemail"));
    let detail = match new {
        Some(0) => i18n.tr("vm-sidebar-none-new"),
        Some(count) => i18n.tr_args("vm-sidebar-new", &[("count", FluentValue::from(count))]),
        None => i18n.tr("vm-sidebar-open"),
    };
    let name = i18n.tr("vm-sidebar-entry");
    let look = RowLook {
        name: format!("✉ {name}"),
        name_color: None,
        active: false,
        mark: None,
        spoken: format!("{name}, {detail}"),
        detail,
        wrap_detail: false,
        selected: selection == &Selection::Messages,
        outline: None,
        tooltip: i18n.tr_args(
            "vm-sidebar-tooltip",
            &[(
                "shortcut",
                FluentValue::from(ui.ctx().format_shortcut(&super::shortcuts::MESSAGES)),
            )],
        ),
    };
    let response = row_ui(ui, &look);
    ui.add_space(4.0);
    response.clicked().then_some(UiCommand::Select(Selection::Messages))
}

/// The headings and entries.
#[must_use]
fn entries_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, selection: &Selection) -> Option<UiCommand> {
    let mut command = None;
    let profiles = model.profiles();
    let active = model.active_id();
    let (builtins, customs): (Vec<Row<'_>>, Vec<Row<'_>>) =
        profiles.iter().enumerate().partition(|(_, p)| p.is_builtin());
    // Detected first: at the bottom of a long list (or a zoomed window) it would be out of sight.
    if model.detected().is_some() {
        ui.add_space(6.0);
        command = command.or(detected_row_ui(ui, i18n, model, selection));
    }
    let custom_heading = i18n.tr_args("sidebar-custom", &[("count", FluentValue::from(customs.len()))]);
    for (heading, rows, custom) in [
        (i18n.tr("sidebar-builtin"), builtins, false),
        (custom_heading, customs, true),
    ] {
        ui.add_space(6.0);
        ui.strong(heading);
        if custom && rows.is_empty() {
            ui.weak(i18n.tr("sidebar-custom-empty"));
        }
        for (index, profile) in rows {
            let is_active = active.as_ref() == Some(&profile.id);
            command = command.or(profile_row_ui(ui, i18n, profile, index, selection, is_active));
        }
        if custom && let Some(book) = model.book() {
            let slots = match book.custom_slots_left() {
                0 => i18n.tr("slots-none"),
                left => i18n.tr_args("slots-left", &[("count", FluentValue::from(left))]),
            };
            ui.add(egui::Label::new(egui::RichText::new(slots).weak()).wrap());
        }
    }
    ui.add_space(6.0);
    ui.strong(i18n.tr("sidebar-automation"));
    for (target, name, detail) in [
        (Selection::Rules, "sidebar-rules", "sidebar-rules-detail"),
        (Selection::History, "sidebar-history", "sidebar-history-detail"),
    ] {
        command = command.or(view_row_ui(ui, i18n.tr(name), i18n.tr(detail), selection, target));
    }
    ui.add_space(4.0);
    command
}

/// The entry of a view that is not a profile (the rules, the history).
#[must_use]
fn view_row_ui(
    ui: &mut egui::Ui,
    name: String,
    detail: String,
    selection: &Selection,
    target: Selection,
) -> Option<UiCommand> {
    let look = RowLook {
        spoken: format!("{name}, {detail}"),
        tooltip: detail.clone(),
        name,
        name_color: None,
        active: false,
        mark: None,
        detail,
        wrap_detail: false,
        selected: selection == &target,
        outline: None,
    };
    row_ui(ui, &look).clicked().then_some(UiCommand::Select(target))
}

/// One saved profile's entry: its name, marks, and where its calls go.
#[must_use]
fn profile_row_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    profile: &Profile,
    index: usize,
    selection: &Selection,
    active: bool,
) -> Option<UiCommand> {
    let selected = selection == &Selection::Profile(profile.id.clone());
    let name = i18n.profile_name(profile);
    let builtin = matches!(profile.kind, ProfileKind::BuiltIn(_));
    let summary = routing_summary(i18n, &profile.settings.routing);
    // Screen readers (and tests) get "Office, built-in, active, calls ring the desk phone" rather than symbols.
    let mut spoken = vec![name.clone()];
    if builtin {
        spoken.push(i18n.tr("mark-builtin"));
    }
    if active {
        spoken.push(i18n.tr("mark-active"));
    }
    spoken.push(summary.spoken);
    let look = RowLook {
        name,
        name_color: None,
        active,
        mark: builtin.then(|| i18n.tr("mark-builtin")),
        detail: summary.short,
        wrap_detail: false,
        selected,
        outline: None,
        spoken: spoken.join(", "),
        tooltip: i18n.tr_args(
            "tooltip-row",
            &[("shortcut", FluentValue::from(format!("Ctrl+{}", index + 1)))],
        ),
    };
    let response = row_ui(ui, &look);
    if response.double_clicked() {
        Some(UiCommand::SelectAndActivate(profile.id.clone()))
    } else if response.clicked() {
        Some(UiCommand::Select(Selection::Profile(profile.id.clone())))
    } else {
        None
    }
}

/// The Detected entry: outlined in the warning colour, with what differs from the nearest saved profile.
#[must_use]
fn detected_row_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, selection: &Selection) -> Option<UiCommand> {
    let warn = ui.visuals().warn_fg_color;
    let name = i18n.tr("profile-detected");
    let detail = match model.nearest_to_detected() {
        Some((nearest, differences)) => i18n.tr_args(
            "detected-differs",
            &[
                ("profile", FluentValue::from(i18n.profile_name(&nearest))),
                ("settings", FluentValue::from(settings_list(i18n, &differences))),
            ],
        ),
        None => i18n.tr("detected-short"),
    };
    let look = RowLook {
        name: format!("⚠ {name}"),
        name_color: Some(warn),
        active: false,
        mark: None,
        spoken: format!("{name}, {detail}"),
        detail,
        wrap_detail: true,
        selected: selection == &Selection::Detected,
        outline: Some(warn),
        tooltip: i18n.tr("tooltip-detected"),
    };
    let response = row_ui(ui, &look);
    response.clicked().then_some(UiCommand::Select(Selection::Detected))
}
