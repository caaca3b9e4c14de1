//! Panels without a background of their own: eframe clears the window to the panel colour instead. The
//! window looks the same, and each frame skips one fill of the whole window, which under a software
//! renderer (llvmpipe) was most of a frame's pixel work.

/// The colour a window is cleared to before each frame: the panel colour of `visuals`.
pub fn clear_color(visuals: &egui::Visuals) -> [f32; 4] {
    visuals.panel_fill.to_normalized_gamma_f32()
}

/// A top, bottom or side panel's usual frame, without its fill.
pub fn side_panel_frame(style: &egui::Style) -> egui::Frame {
    egui::Frame::side_top_panel(style).fill(egui::Color32::TRANSPARENT)
}

/// The central panel's usual frame, without its fill.
pub fn central_panel_frame(style: &egui::Style) -> egui::Frame {
    egui::Frame::central_panel(style).fill(egui::Color32::TRANSPARENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clear_colour_is_the_panel_colour_the_frames_leave_out() {
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            let style = egui::Style {
                visuals: visuals.clone(),
                ..Default::default()
            };
            let [r, g, b, a] = clear_color(&visuals);
            let cleared = egui::Color32::from_rgba_unmultiplied(
                (r * 255.0).round() as u8,
                (g * 255.0).round() as u8,
                (b * 255.0).round() as u8,
                (a * 255.0).round() as u8,
            );
            assert_eq!(cleared, egui::Frame::side_top_panel(&style).fill);
            assert_eq!(cleared, egui::Frame::central_panel(&style).fill);
            assert_eq!(side_panel_frame(&style).fill, egui::Color32::TRANSPARENT);
            assert_eq!(central_panel_frame(&style).fill, egui::Color32::TRANSPARENT);
            assert_eq!(
                side_panel_frame(&style).inner_margin,
                egui::Frame::side_top_panel(&style).inner_margin
            );
            assert_eq!(
                central_panel_frame(&style).inner_margin,
                egui::Frame::central_panel(&style).inner_margin
            );
        }
    }
}
