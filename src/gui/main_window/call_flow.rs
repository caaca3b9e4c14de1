//! The call-flow picture: what happens to an incoming call, drawn with egui's painter as a column of
//! boxes joined by arrows, one box per step of core's [`CallFlow`], with the stage ("Not answered", "After
//! a new message") written beside the arrow that leads into it. Each box is one accessible node (role
//! list item) whose name is the step's line from [`crate::text::flow_text`], the same line that
//! `show NAME --flow` prints.

use callprofiles_core::{CallFlow, Phones, Pickup, RingTimes, Settings, Step};
use egui::accesskit::Role;
use egui::{Color32, CornerRadius, FontId, Pos2, Sense, Stroke, StrokeKind, TextStyle, Vec2};
use fluent_bundle::FluentValue;

use crate::gui::draft::Draft;
use crate::text::flow_text::{StepWords, stage_words, step_words};
use crate::text::i18n::I18n;

/// Narrowest a column may be for the picture to stand beside the form (else it goes under it).
const MIN_COLUMN: f32 = 280.0;
/// Diameter of the round icon at the left of a box.
const ICON: f32 = 26.0;
/// Padding inside a box.
const PAD: f32 = 8.0;
/// Length of the arrow between two stages.
const STAGE_ARROW: f32 = 22.0;
/// Length of the connector between two steps of the same stage.
const STEP_GAP: f32 = 8.0;
/// Room kept free at the right of the picture (for the scroll bar of the panel).
const RIGHT_MARGIN: f32 = 8.0;
/// The mark of a step the other flow lacks.
pub const DIFFERS_MARK: &str = "≠";

/// The glyph and accent colour of a step's icon.
fn icon_of(ui: &egui::Ui, step: &Step) -> (&'static str, Color32) {
    let visuals = ui.visuals();
    let ok = super::status::ok_color(ui);
    let info = visuals.hyperlink_color;
    let quiet = visuals.weak_text_color();
    match step {
        Step::Ring {
            phones: Phones::DeskPhone,
            ..
        } => ("☎", info),
        Step::Ring { .. } => ("📞", info),
        Step::Forward { .. } | Step::ForwardedNumberDecides => ("➡", info),
        Step::Pickup(Pickup::Allowed) => ("✔", ok),
        Step::Pickup(Pickup::Refused | Pickup::NothingRingsHere) => ("✖", quiet),
        Step::Voicemail { .. } | Step::MessageWaits { .. } => ("✉", ok),
        Step::CallEnds => ("✖", visuals.error_fg_color),
        Step::Notification { .. } => ("🔔", ok),
        Step::Ringback { .. } => ("📞", ok),
    }
}

/// The flow of the settings being edited: what is typed counts as it is typed (a number not valid yet
/// shows as no number), so the picture follows every click and key.
pub fn draft_flow(draft: &Draft, ring_times: &RingTimes) -> CallFlow {
    let settings = Settings {
        call_pickup: draft.call_pickup,
        routing: draft.mode.with_number(draft.parsed_number().ok().flatten()),
        voicemail: draft.voicemail.clone(),
    };
    CallFlow::of(&settings, ring_times)
}

/// Shows `form` and `picture` side by side when both fit in columns of [`MIN_COLUMN`], else one under the
/// other (the form first: it is what the user edits).
pub fn beside_ui(ui: &mut egui::Ui, form: impl FnOnce(&mut egui::Ui), picture: impl FnOnce(&mut egui::Ui)) {
    if ui.available_width() >= 2.0 * MIN_COLUMN + ui.spacing().item_spacing.x {
        ui.columns(2, |columns| {
            if let [left, right] = columns {
                form(left);
                right.add_space(6.0);
                picture(right);
            }
        });
    } else {
        form(ui);
        ui.add_space(8.0);
        picture(ui);
    }
}

/// Draws `flow` under `heading`; the steps marked in `differs` (same order as the steps) get the
/// [`DIFFERS_MARK`] and a warning-coloured frame.
pub fn flow_ui(ui: &mut egui::Ui, i18n: &I18n, heading: &str, flow: &CallFlow, differs: &[bool]) {
    ui.vertical(|ui| {
        ui.strong(heading);
        ui.add_space(4.0);
        steps_ui(ui, i18n, flow, differs);
    });
}

/// The steps of `flow` (without a heading), a little narrower than the space given so that a scroll bar
/// beside them covers nothing.
fn steps_ui(ui: &mut egui::Ui, i18n: &I18n, flow: &CallFlow, differs: &[bool]) {
    ui.vertical(|ui| {
        ui.set_max_width(ui.available_width() - RIGHT_MARGIN);
        let mut stage = None;
        for (index, step) in flow.steps().iter().enumerate() {
            let starts_stage = stage != Some(step.stage());
            if starts_stage {
                stage_ui(ui, &stage_words(i18n, step.stage()), stage.is_some());
            } else {
                connector_ui(ui);
            }
            stage = Some(step.stage());
            let differs = differs.get(index).copied().unwrap_or(false);
            step_ui(ui, i18n, step, differs);
        }
    });
}

/// Detected: the live flow beside the nearest profile's, each marking what the other lacks; one under the
/// other when the two do not fit side by side.
pub fn compare_ui(ui: &mut egui::Ui, i18n: &I18n, live: &CallFlow, nearest: Option<(&str, &CallFlow)>) {
    let Some((name, profile_flow)) = nearest else {
        flow_ui(ui, i18n, &i18n.tr("flow-heading-live"), live, &[]);
        return;
    };
    let name_arg = [("profile", FluentValue::from(name.to_owned()))];
    if live != profile_flow {
        ui.weak(i18n.tr_args("flow-differs-note", &name_arg));
        ui.add_space(4.0);
    }
    let live_heading = i18n.tr("flow-heading-live");
    let profile_heading = i18n.tr_args("flow-heading-saved", &name_arg);
    let live_differs = live.differs_from(profile_flow);
    let profile_differs = profile_flow.differs_from(live);
    if ui.available_width() >= 2.0 * MIN_COLUMN * 0.8 {
        // Headings in one row, then the flows in the next, so both flows start at the same height.
        ui.columns(2, |columns| {
            if let [left, right] = columns {
                left.strong(&live_heading);
                right.strong(&profile_heading);
            }
        });
        ui.add_space(4.0);
        ui.columns(2, |columns| {
            if let [left, right] = columns {
                steps_ui(left, i18n, live, &live_differs);
                steps_ui(right, i18n, profile_flow, &profile_differs);
            }
        });
    } else {
        flow_ui(ui, i18n, &live_heading, live, &live_differs);
        ui.add_space(10.0);
        flow_ui(ui, i18n, &profile_heading, profile_flow, &profile_differs);
    }
    ui.add_space(8.0);
}

/// A stage's name beside the arrow leading into it (no arrow before the first stage).
fn stage_ui(ui: &mut egui::Ui, words: &str, arrow: bool) {
    let width = ui.available_width();
    let x = ui.cursor().left() + PAD + ICON / 2.0;
    let text_left = x + ICON / 2.0 + 4.0;
    let font = TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().strong_text_color();
    let galley = ui.painter().layout(
        words.to_owned(),
        font,
        color,
        (width - (text_left - ui.cursor().left())).max(40.0),
    );
    let height = if arrow {
        STAGE_ARROW.max(galley.size().y + 6.0)
    } else {
        galley.size().y + 4.0
    };
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Label, true, words));
    let painter = ui.painter();
    if arrow {
        let stroke = Stroke::new(1.5, ui.visuals().text_color());
        painter.arrow(Pos2::new(x, rect.top()), Vec2::new(0.0, rect.height() - 1.0), stroke);
    }
    let text_pos = Pos2::new(
        if arrow { text_left } else { rect.left() },
        rect.center().y - galley.size().y / 2.0,
    );
    painter.galley(text_pos, galley, color);
}

/// The short line joining two steps of the same stage.
fn connector_ui(ui: &mut egui::Ui) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(ui.available_width(), STEP_GAP), Sense::hover());
    let x = rect.left() + PAD + ICON / 2.0;
    ui.painter().line_segment(
        [Pos2::new(x, rect.top()), Pos2::new(x, rect.bottom())],
        Stroke::new(1.5, ui.visuals().text_color()),
    );
}

/// One step: a framed box with its icon, title and detail; one accessible node saying the step's line.
fn step_ui(ui: &mut egui::Ui, i18n: &I18n, step: &Step, differs: bool) {
    let words = step_words(i18n, step);
    let spoken = if differs {
        format!("{} ({})", words.line(), i18n.tr("mark-differs"))
    } else {
        words.line()
    };
    let width = ui.available_width().max(ICON + 3.0 * PAD + 40.0);
    let text_width = width - ICON - 3.0 * PAD - if differs { 16.0 } else { 0.0 };
    let (title, detail) = galleys(ui, &words, text_width);
    let height = (title.size().y + 2.0 + detail.size().y).max(ICON) + 2.0 * PAD;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(Role::ListItem, true, &spoken));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.visuals();
    let (glyph, accent) = icon_of(ui, step);
    let frame = if differs {
        Stroke::new(2.0, visuals.warn_fg_color)
    } else {
        visuals.widgets.noninteractive.bg_stroke
    };
    let painter = ui.painter();
    painter.rect(
        rect,
        CornerRadius::same(6),
        visuals.extreme_bg_color,
        frame,
        StrokeKind::Inside,
    );
    let center = Pos2::new(rect.left() + PAD + ICON / 2.0, rect.top() + PAD + ICON / 2.0);
    painter.circle_filled(center, ICON / 2.0, accent);
    painter.text(
        center,
        egui::Align2::CENTER_CENTER,
        glyph,
        FontId::proportional(ICON * 0.55),
        contrast_on(accent),
    );
    let text_left = rect.left() + ICON + 2.0 * PAD;
    let title_height = title.size().y;
    painter.galley(
        Pos2::new(text_left, rect.top() + PAD),
        title,
        visuals.strong_text_color(),
    );
    painter.galley(
        Pos2::new(text_left, rect.top() + PAD + title_height + 2.0),
        detail,
        visuals.text_color(),
    );
    if differs {
        painter.text(
            Pos2::new(rect.right() - PAD, rect.top() + PAD),
            egui::Align2::RIGHT_TOP,
            DIFFERS_MARK,
            TextStyle::Body.resolve(ui.style()),
            visuals.warn_fg_color,
        );
    }
}

/// The laid-out title (strong) and detail of a step, wrapped to `width`.
fn galleys(
    ui: &egui::Ui,
    words: &StepWords,
    width: f32,
) -> (std::sync::Arc<egui::Galley>, std::sync::Arc<egui::Galley>) {
    let font = TextStyle::Body.resolve(ui.style());
    let visuals = ui.visuals();
    let painter = ui.painter();
    let title = painter.layout(words.title.clone(), font.clone(), visuals.strong_text_color(), width);
    let detail = painter.layout(words.detail.clone(), font, visuals.text_color(), width);
    (title, detail)
}

/// Black or white, whichever reads better on `background`.
fn contrast_on(background: Color32) -> Color32 {
    let [r, g, b, _] = background.to_array();
    let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
    if luma > 150.0 { Color32::BLACK } else { Color32::WHITE }
}
