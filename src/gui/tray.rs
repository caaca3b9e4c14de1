//! The tray icon (cargo feature `tray`): a StatusNotifierItem over D-Bus (ksni, pure Rust, no GTK) whose menu
//! lists the profiles as radio items (the active one checked) and opens the main or the quick window. Without a
//! session bus or a tray host it says so once in the log, and the app goes on without it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use callprofiles_core::ProfileId;
use fluent_bundle::FluentValue;
use ksni::blocking::{Handle, TrayMethods};
use ksni::menu::{MenuItem, RadioGroup, RadioItem, StandardItem, SubMenu};

use crate::automation::until::TrayHold;
use crate::gui::main_window::MainApp;
use crate::gui::model::Model;
use crate::text::i18n::{I18n, Language};

/// What the user chose in the tray menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrayRequest {
    /// Apply this saved profile.
    Activate(ProfileId),
    /// Apply this saved profile for a while, then let the rules decide.
    ActivateFor(ProfileId, TrayHold),
    /// Show the main window.
    OpenMain,
    /// Open the quick-access window.
    QuickSwitch,
    /// End the app (closing the window only hides it while the tray icon shows).
    Quit,
}

/// Everything the tray shows, in the user's language (built on the UI thread, sent to the tray's thread).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrayMenu {
    /// Each saved profile's id and shown name, in display order.
    pub profiles: Vec<(ProfileId, String)>,
    /// The position of the active profile (none while Detected or unknown).
    pub active: Option<usize>,
    /// The "Detected" entry, shown (disabled) when the live settings match no profile.
    pub detected: Option<String>,
    /// The tooltip's sentence.
    pub tooltip: String,
    /// "Open main window".
    pub open_main: String,
    /// "Quick switch".
    pub quick: String,
    /// "Quit".
    pub quit: String,
    /// "Until…": the submenu of profiles chosen for a while.
    pub until: String,
    /// Its choices for each profile ("For 1 hour"…).
    pub holds: Vec<(TrayHold, String)>,
}

impl TrayMenu {
    /// The menu for what the model knows now.
    pub fn new(model: &Model, i18n: &I18n) -> Self {
        let profiles: Vec<(ProfileId, String)> = model
            .profiles()
            .iter()
            .map(|profile| (profile.id.clone(), i18n.profile_name(profile)))
            .collect();
        let active_id = model.active_id();
        let active = profiles.iter().position(|(id, _)| Some(id) == active_id.as_ref());
        let detected = model.detected().map(|_| i18n.tr("tray-detected"));
        let tooltip = match (active.and_then(|index| profiles.get(index)), &detected) {
            (Some((_, name)), _) => {
                i18n.tr_args("tray-tooltip-active", &[("profile", FluentValue::from(name.clone()))])
            }
            (None, Some(_)) => i18n.tr("tray-tooltip-detected"),
            (None, None) => i18n.tr("status-starting"),
        };
        Self {
            profiles,
            active,
            detected,
            tooltip,
            open_main: i18n.tr("tray-open-main"),
            quick: i18n.tr("tray-quick"),
            quit: i18n.tr("tray-quit"),
            until: i18n.tr("tray-until"),
            holds: vec![
                (TrayHold::Hours(1), i18n.tr("tray-for-1-hour")),
                (TrayHold::Hours(2), i18n.tr("tray-for-2-hours")),
                (TrayHold::EndOfWorkingDay, i18n.tr("tray-until-end-of-day")),
                (TrayHold::TomorrowMorning, i18n.tr("tray-until-tomorrow")),
            ],
        }
    }

    /// The menu items: the profiles as radio items, Detected, "Until…" (each profile for a while), then the two
    /// windows.
    pub fn items<T: 'static>(&self, choose: fn(&mut T, TrayRequest)) -> Vec<MenuItem<T>> {
        let ids: Vec<ProfileId> = self.profiles.iter().map(|(id, _)| id.clone()).collect();
        let mut items: Vec<MenuItem<T>> = vec![
            RadioGroup {
                // Out of range when no profile is active: then no item is checked.
                selected: self.active.unwrap_or(usize::MAX),
                select: Box::new(move |tray: &mut T, index: usize| {
                    if let Some(id) = ids.get(index) {
                        choose(tray, TrayRequest::Activate(id.clone()));
                    }
                }),
                options: self
                    .profiles
                    .iter()
                    .map(|(_, name)| RadioItem {
                        label: menu_label(name),
                        ..Default::default()
                    })
                    .collect(),
            }
            .into(),
        ];
        if let Some(detected) = &self.detected {
            items.push(
                StandardItem {
                    label: menu_label(detected),
                    enabled: false,
                    ..Default::default()
                }
                .into(),
            );
        }
        items.push(self.until_menu(choose));
        items.push(MenuItem::Separator);
        for (label, request) in [
            (&self.open_main, TrayRequest::OpenMain),
            (&self.quick, TrayRequest::QuickSwitch),
            (&self.quit, TrayRequest::Quit),
        ] {
            items.push(
                StandardItem {
                    label: menu_label(label),
                    activate: Box::new(move |tray: &mut T| choose(tray, request.clone())),
                    ..Default::default()
                }
                .into(),
            );
        }
        items
    }

    /// "Until…": a submenu per profile with the holds, each asking to apply that profile for a while.
    fn until_menu<T: 'static>(&self, choose: fn(&mut T, TrayRequest)) -> MenuItem<T> {
        let per_profile = self
            .profiles
            .iter()
            .map(|(id, name)| {
                let holds = self
                    .holds
                    .iter()
                    .map(|(hold, label)| {
                        let request = TrayRequest::ActivateFor(id.clone(), *hold);
                        StandardItem {
                            label: menu_label(label),
                            activate: Box::new(move |tray: &mut T| choose(tray, request.clone())),
                            ..Default::default()
                        }
                        .into()
                    })
                    .collect();
                SubMenu {
                    label: menu_label(name),
                    submenu: holds,
                    ..Default::default()
                }
                .into()
            })
            .collect();
        SubMenu {
            label: menu_label(&self.until),
            submenu: per_profile,
            ..Default::default()
        }
        .into()
    }
}

/// A menu label shown as written: D-Bus menus take `_` as the mark of an access key, `__` as a plain `_`.
fn menu_label(text: &str) -> String {
    text.replace('_', "__")
}

/// Text for the tooltip, which hosts may read as simple HTML.
fn tooltip_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The StatusNotifierItem, living on ksni's thread: it hands the user's choices to the UI thread.
struct TrayItem {
    menu: TrayMenu,
    requests: Sender<TrayRequest>,
    ctx: egui::Context,
    icons: Vec<ksni::Icon>,
}

impl TrayItem {
    /// Passes a choice to the window and wakes it.
    fn choose(&mut self, request: TrayRequest) {
        if self.requests.send(request).is_ok() {
            self.ctx.request_repaint();
        }
    }
}

impl ksni::Tray for TrayItem {
    fn id(&self) -> String {
        "callprofiles".to_owned()
    }

    fn title(&self) -> String {
        "callprofiles".to_owned()
    }

    fn icon_name(&self) -> String {
        "callprofiles".to_owned()
    }

    fn icon_pixmap(&self) -> Vec<ksni::Icon> {
        self.icons.clone()
    }

    fn tool_tip(&self) -> ksni::ToolTip {
        ksni::ToolTip {
            title: "callprofiles".to_owned(),
            description: tooltip_text(&self.menu.tooltip),
            ..Default::default()
        }
    }

    fn activate(&mut self, _x: i32, _y: i32) {
        self.choose(TrayRequest::OpenMain);
    }

    fn menu(&self) -> Vec<MenuItem<Self>> {
        self.menu.items(Self::choose)
    }
}

/// The app's icons as a tray host wants them: ARGB32, network byte order, in two sizes.
fn tray_icons() -> Vec<ksni::Icon> {
    crate::gui::icon::TRAY_ICON_PNGS
        .iter()
        .map(|png| crate::gui::icon::decode(png))
        .filter(|icon| !icon.rgba.is_empty())
        .filter_map(|icon| {
            let width = i32::try_from(icon.width).ok()?;
            let height = i32::try_from(icon.height).ok()?;
            let data = icon
                .rgba
                .chunks_exact(4)
                .flat_map(|pixel| match *pixel {
                    [r, g, b, a] => [a, r, g, b],
                    _ => [0; 4],
                })
                .collect();
            Some(ksni::Icon { width, height, data })
        })
        .collect()
}

/// The UI thread's side of the tray: its choices, and the menu to keep up to date.
pub struct Tray {
    starting: Option<Receiver<Result<Handle<TrayItem>, ksni::Error>>>,
    handle: Option<Handle<TrayItem>>,
    requests: Receiver<TrayRequest>,
    shown: TrayMenu,
    problem: Option<String>,
}

impl Tray {
    /// Registers the tray icon on its own thread (D-Bus never blocks the window); `ctx` is woken on a choice.
    pub fn start(menu: TrayMenu, ctx: &egui::Context) -> Self {
        let (request_tx, requests) = mpsc::channel();
        let (started_tx, started) = mpsc::channel();
        let item = TrayItem {
            menu: menu.clone(),
            requests: request_tx,
            ctx: ctx.clone(),
            icons: tray_icons(),
        };
        let waker = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("tray starter".to_owned())
            .spawn(move || {
                if started_tx.send(item.spawn()).is_ok() {
                    waker.request_repaint();
                }
            });
        if let Err(error) = spawned {
            tracing::warn!("the tray icon could not be started: {error}");
        }
        Self {
            starting: Some(started),
            handle: None,
            requests,
            shown: menu,
            problem: None,
        }
    }

    /// Whether the tray icon is registered with a tray host.
    pub fn running(&self) -> bool {
        self.handle.as_ref().is_some_and(|handle| !handle.is_closed())
    }

    /// Whether the tray icon is still being registered.
    pub fn starting(&self) -> bool {
        self.starting.is_some()
    }

    /// Why there is no tray icon, once known (the sentence the log got).
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// The user's choices since the last call (never waits). When the tray could not start, it says why once,
    /// in `i18n`'s language.
    pub fn poll(&mut self, i18n: &I18n) -> Vec<TrayRequest> {
        if let Some(starting) = &self.starting {
            match starting.try_recv() {
                Ok(Ok(handle)) => {
                    self.handle = Some(handle);
                    self.starting = None;
                    // The model may have changed while the tray was registering.
                    let menu = std::mem::take(&mut self.shown);
                    self.show(menu);
                }
                Ok(Err(error)) => {
                    self.starting = None;
                    let reason = FluentValue::from(error.to_string());
                    let sentence = i18n.tr_args("tray-unavailable", &[("reason", reason)]);
                    tracing::warn!("{sentence}");
                    self.problem = Some(sentence);
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => self.starting = None,
            }
        }
        self.requests.try_iter().collect()
    }

    /// Shows `menu` in the tray when it differs from what the tray shows.
    pub fn show(&mut self, menu: TrayMenu) {
        if menu == self.shown {
            return;
        }
        if let Some(handle) = &self.handle {
            let sent = menu.clone();
            handle.update(move |item| item.menu = sent);
        }
        self.shown = menu;
    }
}

/// The main window with the tray icon beside it: the tray's choices go through the main window's model.
pub struct MainWithTray {
    app: MainApp,
    tray: Tray,
    i18n: I18n,
    home: PathBuf,
    paint_asked: bool,
    /// Started hidden (`--background`): the window is shown once it is clear no tray icon will bring it back.
    hidden_at_start: bool,
    /// The window's close button was pressed while the tray icon shows: hide it instead (the rules go on).
    hide_asked: bool,
    /// "Quit" was chosen: the next close request closes.
    quitting: bool,
}

impl MainWithTray {
    /// Starts the tray next to `app`; "Quick switch" opens the quick window over `home`. With `background`
    /// the window was created hidden, and is shown if the tray icon cannot be registered.
    pub fn new(app: MainApp, home: PathBuf, ctx: &egui::Context, background: bool) -> Self {
        let i18n = I18n::new(app.language());
        let tray = Tray::start(TrayMenu::new(&app.model, &i18n), ctx);
        Self {
            app,
            tray,
            i18n,
            home,
            paint_asked: false,
            hidden_at_start: background,
            hide_asked: false,
            quitting: false,
        }
    }
}

/// Runs one choice from the tray: a profile is activated through the main window's model (its worker), so the
/// window shows the progress and the result.
fn run_request(app: &mut MainApp, i18n: &I18n, home: &Path, ctx: &egui::Context, request: TrayRequest) {
    match request {
        // The window's own questions (an unrecorded greeting, unsaved edits) come first: shown, not skipped.
        TrayRequest::Activate(id) => {
            if app.activate_from_tray(&id) {
                run_request(app, i18n, home, ctx, TrayRequest::OpenMain);
            }
        }
        TrayRequest::ActivateFor(id, hold) => {
            if app.activate_for_from_tray(&id, hold) {
                run_request(app, i18n, home, ctx, TrayRequest::OpenMain);
            }
        }
        TrayRequest::OpenMain => {
            ctx.send_viewport_cmd(egui::ViewportCommand::Visible(true));
            ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
            ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
        }
        TrayRequest::QuickSwitch => open_quick_window(home, i18n.language()),
        // MainWithTray handles it (it closes the window for good).
        TrayRequest::Quit => {}
    }
}

/// Starts `callprofiles quick` over `home` in `language` as its own process (reaped when it exits).
fn open_quick_window(home: &Path, language: Language) {
    let child = std::env::current_exe().and_then(|exe| {
        std::process::Command::new(exe)
            .arg("--home")
            .arg(home)
            .args(["--lang", language.code(), "quick"])
            .spawn()
    });
    match child {
        Ok(mut child) => {
            let reaper = std::thread::Builder::new()
                .name("quick window reaper".to_owned())
                .spawn(move || child.wait().ok());
            if let Err(error) = reaper {
                tracing::warn!("the quick window will not be reaped: {error}");
            }
        }
        Err(error) => tracing::warn!("the quick window could not be opened: {error}"),
    }
}

impl eframe::App for MainWithTray {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        if self.i18n.language() != self.app.language() {
            self.i18n = I18n::new(self.app.language());
            if let Some(runner) = self.app.model.automation_runner() {
                runner.set_language(self.app.language());
            }
        }
        for request in self.tray.poll(&self.i18n) {
            if request == TrayRequest::Quit {
                // Shown first: with unsaved changes the window asks before it closes.
                self.quitting = true;
                run_request(&mut self.app, &self.i18n, &self.home, ctx, TrayRequest::OpenMain);
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                continue;
            }
            run_request(&mut self.app, &self.i18n, &self.home, ctx, request);
        }
        if std::mem::take(&mut self.hide_asked) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Visible(false));
        }
        if self.hidden_at_start && !self.tray.starting() {
            self.hidden_at_start = false;
            if !self.tray.running() {
                tracing::info!("no tray icon to start hidden behind: the window is shown");
                run_request(&mut self.app, &self.i18n, &self.home, ctx, TrayRequest::OpenMain);
            }
        }
        // A minimized window runs no ui, where the model takes the worker's news: ask for one pass each time
        // something woke it, so the tray's menu stays true.
        let hidden = ctx.input(|input| input.viewport().visible() == Some(false));
        if hidden && self.tray.running() && !self.paint_asked {
            self.paint_asked = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaintWhileHidden);
        }
        self.app.logic(ctx, frame);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.paint_asked = false;
        self.app.ui(ui, frame);
        self.tray.show(TrayMenu::new(&self.app.model, &self.i18n));
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        self.app.clear_color(visuals)
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        self.app.on_exit(gl);
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        self.app.auto_save_interval()
    }

    fn persist_egui_memory(&self) -> bool {
        self.app.persist_egui_memory()
    }

    /// While the tray icon shows, the close button hides the window (eframe reads the close request after
    /// this hook): the app goes on running the rules, and "Quit" in the tray ends it.
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // Ctrl+Q quits (the window sends its close request next frame), the close button hides.
        if asks_to_quit(raw_input) {
            self.quitting = true;
        }
        if self.tray.running() && !self.quitting && take_close_request(raw_input) {
            self.hide_asked = true;
        }
        self.app.raw_input_hook(ctx, raw_input);
    }
}

/// Whether `raw_input` holds the quit shortcut (Ctrl+Q).
fn asks_to_quit(raw_input: &egui::RawInput) -> bool {
    raw_input.events.iter().any(|event| {
        matches!(event, egui::Event::Key { key: egui::Key::Q, pressed: true, modifiers, .. } if modifiers.command)
    })
}

/// Removes the main window's close request from `raw_input`; whether there was one.
fn take_close_request(raw_input: &mut egui::RawInput) -> bool {
    let Some(root) = raw_input.viewports.get_mut(&egui::ViewportId::ROOT) else {
        return false;
    };
    let before = root.events.len();
    root.events.retain(|event| *event != egui::ViewportEvent::Close);
    root.events.len() != before
}

#[cfg(test)]
mod tests {
    use callprofiles_core::{BuiltIn, Callprofiles, ProfileService};

    use super::*;

    /// Collects what the menu asks for.
    #[derive(Default)]
    struct Chosen(Vec<TrayRequest>);

    fn choose(chosen: &mut Chosen, request: TrayRequest) {
        chosen.0.push(request);
    }

    fn menu() -> TrayMenu {
        TrayMenu {
            profiles: vec![
                (BuiltIn::Office.id(), "Biurowy".to_owned()),
                (ProfileId::custom(1), "Dom_i_ogród".to_owned()),
            ],
            active: Some(1),
            detected: None,
            tooltip: "Aktywny profil: Dom_i_ogród".to_owned(),
            open_main: "Otwórz główne okno".to_owned(),
            quick: "Szybkie przełączanie".to_owned(),
            quit: "Zakończ".to_owned(),
            until: "Na jakiś czas…".to_owned(),
            holds: vec![
                (TrayHold::Hours(1), "Na 1 godzinę".to_owned()),
                (TrayHold::TomorrowMorning, "Do jutra rana".to_owned()),
            ],
        }
    }

    /// The result of a test.
    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn profiles_are_radio_items_with_the_active_one_checked() -> TestResult {
        let mut chosen = Chosen::default();
        let items = menu().items(choose);
        let [
            MenuItem::RadioGroup(group),
            MenuItem::SubMenu(until),
            MenuItem::Separator,
            MenuItem::Standard(open),
            MenuItem::Standard(quick),
            MenuItem::Standard(quit),
        ] = items.as_slice()
        else {
            return Err(format!("unexpected menu: {items:?}").into());
        };
        // "Until…" holds a submenu per profile, each with the holds.
        assert_eq!(until.label, "Na jakiś czas…");
        let [MenuItem::SubMenu(office), MenuItem::SubMenu(garden)] = until.submenu.as_slice() else {
            return Err(format!("unexpected until menu: {:?}", until.submenu).into());
        };
        assert_eq!(
            (office.label.as_str(), garden.label.as_str()),
            ("Biurowy", "Dom__i__ogród")
        );
        let [MenuItem::Standard(hour), MenuItem::Standard(tomorrow)] = garden.submenu.as_slice() else {
            return Err(format!("unexpected holds: {:?}", garden.submenu).into());
        };
        assert_eq!(
            (hour.label.as_str(), tomorrow.label.as_str()),
            ("Na 1 godzinę", "Do jutra rana")
        );
        (tomorrow.activate)(&mut chosen);
        let labels: Vec<&str> = group.options.iter().map(|o| o.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Biurowy", "Dom__i__ogród"],
            "an underscore is not an access key"
        );
        assert_eq!(group.selected, 1);
        (group.select)(&mut chosen, 0);
        (group.select)(&mut chosen, 7);
        (open.activate)(&mut chosen);
        (quick.activate)(&mut chosen);
        (quit.activate)(&mut chosen);
        assert_eq!(open.label, "Otwórz główne okno");
        assert_eq!(
            chosen.0,
            [
                TrayRequest::ActivateFor(ProfileId::custom(1), TrayHold::TomorrowMorning),
                TrayRequest::Activate(BuiltIn::Office.id()),
                TrayRequest::OpenMain,
                TrayRequest::QuickSwitch,
                TrayRequest::Quit
            ]
        );
        Ok(())
    }

    #[test]
    fn detected_checks_no_profile_and_shows_a_disabled_entry() -> TestResult {
        let detected = TrayMenu {
            active: None,
            detected: Some("Wykryte (zmienione gdzie indziej)".to_owned()),
            ..menu()
        };
        let items = detected.items(choose);
        let [
            MenuItem::RadioGroup(group),
            MenuItem::Standard(entry),
            MenuItem::SubMenu(_),
            MenuItem::Separator,
            ..,
        ] = items.as_slice()
        else {
            return Err(format!("unexpected menu: {items:?}").into());
        };
        assert!(group.selected >= group.options.len(), "no radio item is checked");
        assert_eq!(entry.label, "Wykryte (zmienione gdzie indziej)");
        assert!(!entry.enabled);
        Ok(())
    }

    #[test]
    fn the_menu_follows_the_model() -> TestResult {
        let home = tempfile::tempdir()?;
        let mut service = Callprofiles::open(home.path())?;
        service.set("Mobile", &["routing=twinning:600100200"])?;
        service.create("Car_1", None)?;
        let mut app = crate::gui::inline_main_app(home.path(), Language::Polish);
        app.model.poll();
        let i18n = I18n::new(Language::Polish);
        let shown = TrayMenu::new(&app.model, &i18n);
        let names: Vec<&str> = shown.profiles.iter().map(|(_, name)| name.as_str()).collect();
        assert_eq!(names, ["Biurowy", "Komórkowy", "Domowy", "Car_1"]);
        assert_eq!(shown.active, Some(0));
        assert_eq!(shown.tooltip, "Aktywny profil: Biurowy");
        assert_eq!(shown.detected, None);

        // Choosing Mobile in the tray applies it through the main window's worker.
        let ctx = egui::Context::default();
        run_request(
            &mut app,
            &i18n,
            home.path(),
            &ctx,
            TrayRequest::Activate(BuiltIn::Mobile.id()),
        );
        app.model.poll();
        assert_eq!(app.model.active_id(), Some(BuiltIn::Mobile.id()));
        assert_eq!(TrayMenu::new(&app.model, &i18n).active, Some(1));
        assert_eq!(
            Callprofiles::open(home.path())?.pbx_show()?.routing,
            callprofiles_core::Routing::parse("twinning:600100200")?
        );

        // "Until…" → Office → "For 1 hour": Office now, held for an hour, through the same worker.
        run_request(
            &mut app,
            &i18n,
            home.path(),
            &ctx,
            TrayRequest::ActivateFor(BuiltIn::Office.id(), TrayHold::Hours(1)),
        );
        app.model.poll();
        assert_eq!(app.model.active_id(), Some(BuiltIn::Office.id()));
        let view = Callprofiles::open(home.path())?.automation()?;
        let Some(callprofiles_core::automation::Hold::Until { profile, until, .. }) = view.hold else {
            return Err(format!("no until: {:?}", view.hold).into());
        };
        assert_eq!(profile, BuiltIn::Office.id());
        let left = until.ends.duration_since(jiff::Timestamp::now());
        assert!(left.as_secs() > 3500 && left.as_secs() <= 3600, "{left:?}");
        Callprofiles::open(home.path())?.activate("Mobile")?;
        app.refresh();
        app.model.poll();

        // A change made elsewhere: no profile is checked, and Detected shows.
        Callprofiles::open(home.path())?.pbx_set(&["voicemail=off"])?;
        app.refresh();
        app.model.poll();
        let shown = TrayMenu::new(&app.model, &i18n);
        assert_eq!(shown.active, None);
        assert_eq!(shown.detected.as_deref(), Some("Wykryte (zmienione gdzie indziej)"));
        assert!(shown.tooltip.starts_with("Wykryte"));
        Ok(())
    }

    #[test]
    fn the_icons_are_argb() -> TestResult {
        let icons = tray_icons();
        let sizes: Vec<(i32, i32)> = icons.iter().map(|icon| (icon.width, icon.height)).collect();
        assert_eq!(sizes, [(32, 32), (64, 64)]);
        let rgba = crate::gui::icon::decode(crate::gui::icon::TRAY_ICON_PNGS[0]).rgba;
        let middle = 4 * (16 * 32 + 16);
        let (Some(argb), Some(&[r, g, b, a])) = (
            icons.first().and_then(|icon| icon.data.get(middle..middle + 4)),
            rgba.get(middle..middle + 4),
        ) else {
            return Err("empty icon".into());
        };
        assert_eq!(argb, [a, r, g, b]);
        assert_ne!(a, 0, "the middle of the icon is not transparent");
        Ok(())
    }

    #[test]
    fn a_close_request_is_taken_out_of_the_input() {
        let mut input = egui::RawInput::default();
        assert!(!take_close_request(&mut input));
        let root = egui::ViewportInfo {
            events: vec![egui::ViewportEvent::Close],
            ..Default::default()
        };
        input.viewports.insert(egui::ViewportId::ROOT, root);
        assert!(input.viewport().close_requested());
        assert!(take_close_request(&mut input));
        assert!(!input.viewport().close_requested(), "eframe will not close the window");
        assert!(!take_close_request(&mut input));
        assert!(!asks_to_quit(&input));
        input.events.push(egui::Event::Key {
            key: egui::Key::Q,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::COMMAND,
        });
        assert!(asks_to_quit(&input));
    }

    #[test]
    fn tooltips_escape_markup() {
        assert_eq!(tooltip_text("A<b>&"), "A&lt;b&gt;&amp;");
    }
}
