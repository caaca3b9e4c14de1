//! The eframe desktop app: main window and quick-access window.

pub mod automation;
pub mod autostart_setting;
pub mod backdrop;
pub mod bench_report;
pub mod cancel;
pub mod command;
pub mod draft;
pub mod home_watch;
pub mod icon;
pub mod main_window;
pub mod model;
pub mod player;
pub mod quick_window;
pub mod server_events;
pub mod state;
#[cfg(feature = "tray")]
pub mod tray;
pub mod worker;

use std::path::Path;

use anyhow::anyhow;
use fluent_bundle::FluentValue;

use crate::automation::runner::RunnerSetup;
use crate::gui::autostart_setting::AutostartSetting;
use crate::gui::main_window::{FileChooser, MainApp};
use crate::gui::model::Model;
use crate::gui::quick_window::QuickApp;
use crate::gui::state::State;
use crate::gui::worker::{PhoneWorker, WorkerCore};
use crate::launch::{GuiOptions, Window};
use crate::text::i18n::{I18n, Language};

/// The file in the callprofiles home where the main window keeps its size, position and language.
pub const MAIN_WINDOW_STATE_FILE: &str = "gui-main.ron";

/// The file in the callprofiles home where eframe keeps the quick window's state (its position is not kept).
pub const QUICK_WINDOW_STATE_FILE: &str = "gui-quick.ron";

/// Opens `window` and runs until it closes.
pub fn open_window(window: Window, options: GuiOptions) -> anyhow::Result<()> {
    match window {
        Window::Main => run_main_window(options, false),
        Window::Messages => run_main_window(options, true),
        Window::Quick => run_quick_window(options),
    }
}

/// Opens the main window (on the voicemail messages when `messages`) and runs until it closes.
pub fn run_main_window(options: GuiOptions, messages: bool) -> anyhow::Result<()> {
    let forced = options.forced_language()?;
    let home = options.home.clone();
    let i18n = I18n::new(forced.unwrap_or_else(Language::from_system));
    create_home(&home, &i18n)?;
    // Hidden behind the tray icon only where there is one to bring it back (MainWithTray shows the window
    // when no tray host takes the icon).
    let background = options.background && cfg!(feature = "tray");
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_visible(!background)
            .with_title(i18n.tr("window-title"))
            .with_app_id("callprofiles")
            .with_inner_size([980.0, 680.0])
            .with_min_inner_size([720.0, 480.0])
            .with_icon(icon::window_icon()),
        persistence_path: Some(home.join(MAIN_WINDOW_STATE_FILE)),
        ..Default::default()
    };
    eframe::run_native(
        "callprofiles",
        native,
        Box::new(move |cc| {
            let state = State::load(cc.storage);
            let mut worker = PhoneWorker::spawn(WorkerCore::open(&home), cc.egui_ctx.clone())?;
            let language = forced.unwrap_or_else(|| state.language.resolve());
            if let Err(error) = worker.start_runner(RunnerSetup::desktop(language)) {
                tracing::warn!(%error, "the rules will not run automatically: no thread for them");
            }
            let app = MainApp::new(Model::new(worker), state, forced, FileChooser::system())
                .with_autostart(AutostartSetting::for_user(&home));
            let app = if messages { app.showing_messages() } else { app };
            #[cfg(feature = "tray")]
            let app = tray::MainWithTray::new(app, home, &cc.egui_ctx, background);
            Ok(Box::new(app))
        }),
    )
    .map_err(|error| anyhow!(window_error_text(&i18n, &error)))
}

/// Opens the small quick-access window (always on top, no decorations, centred) and runs until it closes.
pub fn run_quick_window(options: GuiOptions) -> anyhow::Result<()> {
    let saved = || State::read_saved(&options.home.join(MAIN_WINDOW_STATE_FILE)).map(|state| state.language);
    let language = match options.forced_language()? {
        Some(language) => language,
        None => saved().unwrap_or_default().resolve(),
    };
    let home = options.home;
    let i18n = I18n::new(language);
    create_home(&home, &i18n)?;
    // Hidden behind the tray icon only where there is one to bring it back (MainWithTray shows the window
    // when no tray host takes the icon).
    let background = options.background && cfg!(feature = "tray");
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_visible(!background)
            .with_title("callprofiles")
            .with_app_id("callprofiles")
            .with_icon(icon::window_icon())
            .with_inner_size([quick_window::WIDTH, 300.0])
            .with_decorations(false)
            .with_window_level(egui::WindowLevel::AlwaysOnTop),
        centered: true,
        persist_window: false,
        persistence_path: Some(home.join(QUICK_WINDOW_STATE_FILE)),
        ..Default::default()
    };
    eframe::run_native(
        "callprofiles",
        native,
        Box::new(move |cc| {
            let model = threaded_model(&home, &cc.egui_ctx)?;
            Ok(Box::new(
                QuickApp::new(model, language).opening_main_window_over(home.clone()),
            ))
        }),
    )
    .map_err(|error| anyhow!(window_error_text(&i18n, &error)))
}

/// Creates the callprofiles home if needed; a failure is one sentence.
fn create_home(home: &Path, i18n: &I18n) -> anyhow::Result<()> {
    std::fs::create_dir_all(home).map_err(|error| {
        anyhow!(i18n.tr_args(
            "error-file",
            &[
                ("path", FluentValue::from(home.display().to_string())),
                ("reason", FluentValue::from(error.to_string())),
            ],
        ))
    })
}

/// The shared model over `home` with its worker thread, which wakes `ctx` when something changed
/// (for the main and the quick window alike).
pub fn threaded_model(home: &Path, ctx: &egui::Context) -> std::io::Result<Model> {
    PhoneWorker::spawn(WorkerCore::open(home), ctx.clone()).map(Model::new)
}

/// A main window whose worker runs each request at once on the caller's thread, in `language`, asking for
/// typed paths instead of opening file choosers: for tests, deterministic and display-free.
pub fn inline_main_app(home: &Path, language: Language) -> MainApp {
    let worker = PhoneWorker::inline(WorkerCore::open(home));
    // Start at login writes an entry inside the home, never into the user's own autostart folder.
    let autostart = crate::automation::autostart::Autostart::at(&home.join("autostart").join("callprofiles.desktop"));
    MainApp::new(
        Model::new(worker),
        State::default(),
        Some(language),
        FileChooser::typed_path(),
    )
    .with_autostart(AutostartSetting::new(
        Some(autostart),
        home,
        Some(std::path::PathBuf::from("callprofiles")),
    ))
}

/// Why the window could not open, as one sentence.
pub fn window_error_text(i18n: &I18n, error: &eframe::Error) -> String {
    let has_display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|value| !value.is_empty()));
    if has_display {
        i18n.tr_args("error-window", &[("reason", FluentValue::from(error.to_string()))])
    } else {
        i18n.tr("error-no-display")
    }
}
