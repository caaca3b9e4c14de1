//! The app's icon, embedded in the binary, for window managers, taskbars and the tray.

/// The 128×128 PNG icon, the window's. (The 256×256 one does not reach X11 window managers: its
/// `_NET_WM_ICON` property is larger than one X request may be, and it is silently dropped.)
pub const WINDOW_ICON_PNG: &[u8] = include_bytes!("../../assets/icons/callprofiles-128.png");

/// The small PNG icons offered to a tray host, which picks the size it shows (22–48 pixels).
pub const TRAY_ICON_PNGS: [&[u8]; 2] = [
    include_bytes!("../../assets/icons/callprofiles-32.png"),
    include_bytes!("../../assets/icons/callprofiles-64.png"),
];

/// Decodes an embedded PNG icon; empty (the desktop's default icon) if it could not be decoded.
pub fn decode(png: &[u8]) -> egui::IconData {
    eframe::icon_data::from_png_bytes(png)
        .inspect_err(|error| tracing::warn!("an embedded icon could not be decoded: {error}"))
        .unwrap_or_default()
}

/// The icon of both windows (the task bar and the window manager show it).
pub fn window_icon() -> egui::IconData {
    decode(WINDOW_ICON_PNG)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_icons_decode() {
        let icon = window_icon();
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
        let sizes: Vec<(u32, u32)> = TRAY_ICON_PNGS
            .iter()
            .map(|png| decode(png))
            .map(|icon| (icon.width, icon.height))
            .collect();
        assert_eq!(sizes, [(32, 32), (64, 64)]);
    }
}
