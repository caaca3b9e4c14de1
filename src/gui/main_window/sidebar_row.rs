//! One clickable sidebar entry of two lines: the name (with ✔ when active and a short mark such as built-in on the
//! right), and under it a detail in a smaller font (where calls go, or what Detected differs in).

/// What one sidebar entry shows.
pub struct RowLook {
    /// The profile's name in the user's language.
    pub name: String,
    /// The name's colour when the entry is not selected (`None`: the usual text colour).
    pub name_color: Option<egui::Color32>,
    /// Whether the entry is active (a ✔ before the name, and the name brighter).
    pub active: bool,
    /// A short mark at the right of the name (built-in profiles have one).
    pub mark: Option<String>,
    /// The second line.
    pub detail: String,
    /// Whether the detail wraps onto more lines (else it is cut with "…").
    pub wrap_detail: bool,
    /// Whether the entry is the one shown in the form.
    pub selected: bool,
    /// A coloured outline that sets the entry apart (Detected).
    pub outline: Option<egui::Color32>,
    /// What a screen reader says for the entry.
    pub spoken: String,
    /// The entry's tooltip (it starts with the whole name and detail when either had to be cut).
    pub tooltip: String,
}

/// Space between the entry's border and its text.
const PADDING: egui::Vec2 = egui::vec2(8.0, 5.0);
/// Space between the two lines.
const LINE_GAP: f32 = 1.0;
/// Size of the detail's font relative to the body font.
const DETAIL_SCALE: f32 = 0.88;

/// Draws the entry and returns its response (click, double-click, hover; its tooltip is attached).
pub fn row_ui(ui: &mut egui::Ui, look: &RowLook) -> egui::Response {
    let width = ui.available_width();
    let inner = (width - 2.0 * PADDING.x).max(1.0);
    let check = look
        .active
        .then(|| galley(ui, "✔ ".into(), egui::TextWrapMode::Extend, f32::INFINITY));
    let mark = look.mark.as_ref().map(|mark| {
        let text = egui::RichText::new(mark).size(detail_size(ui) * 0.9);
        galley(ui, text, egui::TextWrapMode::Extend, f32::INFINITY)
    });
    let check_width = check.as_ref().map_or(0.0, |g| g.size().x);
    let mark_width = mark.as_ref().map_or(0.0, |g| g.size().x + ui.spacing().item_spacing.x);
    let name_width = (inner - check_width - mark_width).max(1.0);
    let name = galley(ui, look.name.as_str().into(), egui::TextWrapMode::Truncate, name_width);
    let detail_mode = if look.wrap_detail {
        egui::TextWrapMode::Wrap
    } else {
        egui::TextWrapMode::Truncate
    };
    let detail_text = egui::RichText::new(&look.detail).size(detail_size(ui));
    let detail = galley(ui, detail_text, detail_mode, inner);
    let height = 2.0 * PADDING.y + name.size().y + LINE_GAP + detail.size().y;
    let (rect, mut response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
    response = if name.elided || detail.elided {
        response.on_hover_text(format!("{}\n{}\n\n{}", look.name, look.detail, look.tooltip))
    } else {
        response.on_hover_text(&look.tooltip)
    };
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, look.selected, &look.spoken));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.style().interact_selectable(&response, look.selected);
    let painter = ui.painter();
    if look.selected || response.hovered() || response.has_focus() || response.is_pointer_button_down_on() {
        painter.rect(
            rect,
            visuals.corner_radius,
            visuals.weak_bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
    }
    if let Some(color) = look.outline {
        painter.rect_stroke(
            rect,
            visuals.corner_radius,
            egui::Stroke::new(1.5, color),
            egui::StrokeKind::Inside,
        );
    }
    let colors = Colors::of(ui, &visuals, look);
    let top = rect.min + PADDING;
    let mut x = top.x;
    if let Some(check) = check {
        painter.galley(egui::pos2(x, top.y), check.clone(), colors.check);
        x += check.size().x;
    }
    painter.galley(egui::pos2(x, top.y), name.clone(), colors.name);
    if let Some(mark) = mark {
        // The mark sits at the right, on the name's baseline.
        let y = top.y + name.size().y - mark.size().y - 1.0;
        painter.galley(
            egui::pos2(rect.max.x - PADDING.x - mark.size().x, y),
            mark,
            colors.detail,
        );
    }
    painter.galley(
        egui::pos2(top.x, top.y + name.size().y + LINE_GAP),
        detail,
        colors.detail,
    );
    response
}

/// The colours of the entry's text, readable on the selection's fill too.
struct Colors {
    check: egui::Color32,
    name: egui::Color32,
    detail: egui::Color32,
}

impl Colors {
    fn of(ui: &egui::Ui, visuals: &egui::style::WidgetVisuals, look: &RowLook) -> Self {
        if look.selected {
            // On the selection's fill, weak grey and warning orange are hard to read: use the selection's text
            // colour, a little dimmer for the detail.
            let text = visuals.text_color();
            return Self {
                check: text,
                name: text,
                detail: text.gamma_multiply(0.85),
            };
        }
        let name = look.name_color.unwrap_or(if look.active {
            ui.visuals().strong_text_color()
        } else {
            visuals.text_color()
        });
        Self {
            check: super::status::ok_color(ui),
            name,
            detail: detail_color(ui),
        }
    }
}

/// The detail's colour: dimmer than the text, but clearly readable (egui's weak colour is too faint for it).
fn detail_color(ui: &egui::Ui) -> egui::Color32 {
    let visuals = ui.visuals();
    egui::Color32::from(egui::lerp(
        egui::Rgba::from(visuals.text_color())..=egui::Rgba::from(visuals.panel_fill),
        0.3,
    ))
}

/// The detail's font size.
fn detail_size(ui: &egui::Ui) -> f32 {
    egui::TextStyle::Body.resolve(ui.style()).size * DETAIL_SCALE
}

/// Lays out `text` in the button font.
fn galley(ui: &egui::Ui, text: egui::RichText, mode: egui::TextWrapMode, width: f32) -> std::sync::Arc<egui::Galley> {
    egui::WidgetText::from(text).into_galley(ui, Some(mode), width, egui::TextStyle::Button)
}
