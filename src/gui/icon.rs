//! The app's icon, embedded in the binary, for window managers, taskbars and the tray.

/// The 256×256 PNG icon.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/callprofiles-256.png");

/// The window icon; empty (the desktop's default icon) if the embedded PNG could not be decoded.
pub fn window_icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(ICON_PNG)
        .inspect_err(|error| tracing::warn!("the embedded icon could not be decoded: {error}"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_icon_decodes() {
        let icon = window_icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
