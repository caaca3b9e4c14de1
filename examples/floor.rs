//! The floor of the startup benchmark (`scripts/bench startup`, `benches/startup`): the smallest eframe
//! window, built from the app's own eframe dependency (same features, glow renderer) at the app's window
//! size, reporting its frames through the same probe as the app. What the app costs above it is its own.

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("callprofiles floor")
            .with_app_id("callprofiles-floor")
            .with_inner_size([980.0, 680.0]),
        ..Default::default()
    };
    eframe::run_native("callprofiles-floor", options, Box::new(|_cc| Ok(Box::new(Floor))))
}

/// A window with one label.
struct Floor;

impl eframe::App for Floor {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let _bench_frame = callprofiles::gui::bench_report::frame();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("floor");
        });
    }
}
