//! "Until": activate a profile for a while — 1 h, 2 h, until a time typed, until tomorrow morning — and then
//! go back to what the schedule says, or to the previous profile. The same small form serves the main
//! window (a menu beside Activate) and the quick window (a line under the profiles).

use callprofiles_core::automation::{ClockTime, HoldLength, ReturnTo, Rules, Until, hold_end};
use fluent_bundle::FluentValue;

use super::draft::parse_time;
use super::widgets::{Name, TIME_WIDTH, name_widget, short_field_ui};
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

impl From<Hold> for HoldLength {
    fn from(hold: Hold) -> Self {
        match hold {
            Hold::Hours(hours) => HoldLength::Hours(hours),
            Hold::At(time) => HoldLength::At(ClockTime::of(time)),
            Hold::TomorrowMorning => HoldLength::TomorrowMorning,
        }
    }
}

/// The "until" core is asked for: `hold` counted from `now` by core's [`hold_end`] (a time typed is the
/// next such time on the wall clock of `now`'s zone, as the command line's `--until`; tomorrow morning is
/// the schedule's first start tomorrow before noon, else 08:00), then `afterwards`. `None` only past the
/// edges of time.
pub fn until_of(hold: Hold, afterwards: Afterwards, now: &jiff::Zoned, rules: Option<&Rules>) -> Option<Until> {
    let then = match afterwards {
        Afterwards::Schedule => ReturnTo::Schedule,
        Afterwards::Previous => ReturnTo::Previous,
    };
    Some(Until {
        ends: hold_end(hold.into(), now, rules)?,
        then,
    })
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
        // What comes after is chosen first: each choice below activates at once.
        self.afterwards_ui(ui, i18n);
        ui.separator();
        for hold in QUICK_HOLDS {
            if ui.button(hold_label(i18n, hold)).clicked() {
                chosen = Some(hold);
            }
        }
        chosen.or(self.time_row_ui(ui, i18n, true))
    }

    /// "Until [HH:MM]" with its button; the time field's problem under it.
    #[must_use]
    pub fn time_row_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, with_button: bool) -> Option<Hold> {
        let mut chosen = None;
        let typed = parse_time(&self.time);
        ui.horizontal(|ui| {
            let label = ui.label(i18n.tr("until-time-label"));
            let field = short_field_ui(ui, &mut self.time, TIME_WIDTH, Name::Label(label.id), "17:00");
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

    /// The quick window's line: how long the next profile clicked holds, and what comes after. With rules
    /// set, a plain click holds until their next change, and the first choice says so.
    pub fn quick_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, rules_set: bool) {
        let plain = i18n.tr(if rules_set {
            "until-rules-change"
        } else {
            "until-changed"
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(i18n.tr("until-quick-label"));
            let typed = parse_time(&self.time);
            let shown = match self.chosen {
                None => plain.clone(),
                Some(Hold::At(_)) => i18n.tr("until-time-label"),
                Some(hold) => hold_label(i18n, hold),
            };
            let combo = egui::ComboBox::from_id_salt("quick_until")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.chosen, None, plain.as_str());
                    for hold in QUICK_HOLDS {
                        ui.selectable_value(&mut self.chosen, Some(hold), hold_label(i18n, hold));
                    }
                    let at = Hold::At(typed.unwrap_or(jiff::civil::Time::midnight()));
                    let is_at = matches!(self.chosen, Some(Hold::At(_)));
                    if ui.selectable_label(is_at, i18n.tr("until-time-label")).clicked() {
                        self.chosen = Some(at);
                    }
                });
            name_widget(ui, combo.response, Name::Label(label.id));
            if matches!(self.chosen, Some(Hold::At(_))) {
                let name = i18n.tr("until-time-label");
                short_field_ui(ui, &mut self.time, TIME_WIDTH, Name::Text(&name), "17:00");
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

    /// The hold the quick window applies with the next click (`Some(None)`: until changed); `None` while
    /// the typed time is not one.
    pub fn quick_hold(&self) -> Option<Option<Hold>> {
        match self.chosen {
            Some(Hold::At(_)) => parse_time(&self.time).map(|time| Some(Hold::At(time))),
            other => Some(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_windows_hold_ends_where_core_reckons_then_as_chosen() -> Result<(), Box<dyn std::error::Error>> {
        let now: jiff::Zoned = "2026-12-01T18:30:00+01:00[Europe/Warsaw]".parse()?;
        let five = jiff::civil::Time::constant(17, 0, 0, 0);
        let earlier = until_of(Hold::At(five), Afterwards::Previous, &now, None).ok_or("none")?;
        assert_eq!(earlier.ends, "2026-12-02T16:00:00Z".parse()?);
        assert_eq!(earlier.then, ReturnTo::Previous);
        for hold in [Hold::Hours(2), Hold::At(five), Hold::TomorrowMorning] {
            let until = until_of(hold, Afterwards::Schedule, &now, None).ok_or("none")?;
            assert_eq!(Some(until.ends), hold_end(hold.into(), &now, None), "{hold:?}");
            assert_eq!(until.then, ReturnTo::Schedule);
        }
        Ok(())
    }
}
