//! "Until": activate a profile for a while — 1 h, 2 h, until a time typed, until tomorrow morning — and then
//! go back to what the schedule says, or to the previous profile. The same small form serves the main
//! window (a menu beside Activate) and the quick window (a line under the profiles).

use fluent_bundle::FluentValue;

use super::draft::parse_time;
use super::widgets::{TIME_WIDTH, name_widget, short_field_ui};
use crate::text::i18n::I18n;

/// How long a profile chosen now holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hold {
    /// For this many hours.
    Hours(u8),
    /// Until this time of day (today, or tomorrow when it has passed).
    At(jiff::civil::Time),
    /// Until tomorrow morning (the schedule's first change tomorrow, else 08:00).
    TomorrowMorning,
}

/// What comes after the hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Afterwards {
    /// Whatever the rules say then.
    #[default]
    Schedule,
    /// The profile active before.
    Previous,
}

/// The form's state: what was typed and chosen so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UntilForm {
    /// The time typed for "until HH:MM".
    pub time: String,
    /// What comes after.
    pub afterwards: Afterwards,
    /// In the quick window, the hold chosen for the next click (`None`: until changed).
    pub chosen: Option<Hold>,
}

/// The choices of a hold, in the order shown (the time typed comes last, with its field).
pub const QUICK_HOLDS: [Hold; 3] = [Hold::Hours(1), Hold::Hours(2), Hold::TomorrowMorning];

/// What a hold is called on a button or in a menu.
pub fn hold_label(i18n: &I18n, hold: Hold) -> String {
    match hold {
        Hold::Hours(hours) => i18n.tr_args("until-hours", &[("hours", FluentValue::from(hours))]),
        Hold::At(time) => i18n.tr_args(
            "until-time",
            &[("time", FluentValue::from(super::draft::time_text(time)))],
        ),
        Hold::TomorrowMorning => i18n.tr("until-tomorrow-morning"),
    }
}

impl UntilForm {
    /// The main window's menu: one button per hold, "until [HH:MM]", and what comes after; returns the hold
    /// chosen (the menu closes then).
    #[must_use]
    pub fn menu_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) -> Option<Hold> {
        let mut chosen = None;
        ui.set_min_width(220.0);
        for hold in QUICK_HOLDS {
            if ui.button(hold_label(i18n, hold)).clicked() {
                chosen = Some(hold);
            }
        }
        chosen = chosen.or(self.time_row_ui(ui, i18n, true));
        ui.separator();
        self.afterwards_ui(ui, i18n);
        chosen
    }

    /// "Until [HH:MM]" with its button; the time field's problem under it.
    #[must_use]
    pub fn time_row_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, with_button: bool) -> Option<Hold> {
        let mut chosen = None;
        let typed = parse_time(&self.time);
        ui.horizontal(|ui| {
            let label = i18n.tr("until-time-label");
            ui.label(&label);
            let field = short_field_ui(ui, &mut self.time, TIME_WIDTH, &label, "17:00");
            let entered = field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
            if with_button {
                let ok = ui.add_enabled(typed.is_some(), egui::Button::new(i18n.tr("until-time-go")));
                if ok.clicked() || (entered && typed.is_some()) {
                    chosen = typed.map(Hold::At);
                }
            }
        });
        if !self.time.trim().is_empty() && typed.is_none() {
            ui.colored_label(ui.visuals().error_fg_color, format!("✖ {}", i18n.tr("problem-time")));
        }
        chosen
    }

    /// "Then: (•) the schedule ( ) the previous profile".
    pub fn afterwards_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) {
        ui.horizontal_wrapped(|ui| {
            ui.label(i18n.tr("until-then"));
            ui.radio_value(
                &mut self.afterwards,
                Afterwards::Schedule,
                i18n.tr("until-then-schedule"),
            );
            ui.radio_value(
                &mut self.afterwards,
                Afterwards::Previous,
                i18n.tr("until-then-previous"),
            );
        });
    }

    /// The quick window's line: how long the next profile clicked holds, and what comes after.
    pub fn quick_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) {
        let label = i18n.tr("until-quick-label");
        ui.horizontal_wrapped(|ui| {
            ui.label(&label);
            let typed = parse_time(&self.time);
            let shown = match self.chosen {
                None => i18n.tr("until-changed"),
                Some(Hold::At(_)) => i18n.tr("until-time-label"),
                Some(hold) => hold_label(i18n, hold),
            };
            let combo = egui::ComboBox::from_id_salt("quick_until")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.chosen, None, i18n.tr("until-changed"));
                    for hold in QUICK_HOLDS {
                        ui.selectable_value(&mut self.chosen, Some(hold), hold_label(i18n, hold));
                    }
                    let at = Hold::At(typed.unwrap_or(jiff::civil::Time::midnight()));
                    let is_at = matches!(self.chosen, Some(Hold::At(_)));
                    if ui.selectable_label(is_at, i18n.tr("until-time-label")).clicked() {
                        self.chosen = Some(at);
                    }
                });
            name_widget(ui, &combo.response, &label);
            if matches!(self.chosen, Some(Hold::At(_))) {
                let name = i18n.tr("until-time-label");
                short_field_ui(ui, &mut self.time, TIME_WIDTH, &name, "17:00");
                if let Some(time) = parse_time(&self.time) {
                    self.chosen = Some(Hold::At(time));
                }
            }
        });
        if matches!(self.chosen, Some(Hold::At(_))) && parse_time(&self.time).is_none() {
            ui.colored_label(ui.visuals().error_fg_color, format!("✖ {}", i18n.tr("problem-time")));
        }
        if self.chosen.is_some() {
            self.afterwards_ui(ui, i18n);
        }
    }

    /// The hold the quick window applies with the next click; `Err(())` while the typed time is not one.
    pub fn quick_hold(&self) -> Result<Option<Hold>, ()> {
        match self.chosen {
            Some(Hold::At(_)) => parse_time(&self.time).map(|time| Some(Hold::At(time))).ok_or(()),
            other => Ok(other),
        }
    }
}
