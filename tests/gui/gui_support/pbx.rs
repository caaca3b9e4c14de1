//! A PBX stand-in for the window tests: settings kept like the demo's, calls recorded instead of placed
//! (each ending with a chosen outcome), and a mailbox whose count the test sets.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use callprofiles::gui::main_window::{FileChooser, MainApp};
use callprofiles::gui::model::Model;
use callprofiles::gui::state::State;
use callprofiles::gui::worker::{PhoneWorker, WorkerCore};
use callprofiles::text::i18n::Language;
use callprofiles_core::phone_system::call::{CallOutcome, CallWatch, KnownOutcome};
use callprofiles_core::phone_system::demo::DemoPhoneSystem;
use callprofiles_core::phone_system::demo_voicemail::DemoMailbox;
use callprofiles_core::voicemail::{MessageId, RecordedGreetings, VoicemailMessage};
use callprofiles_core::{
    ApplicableSettings, PhoneError, PhoneNumber, PhoneSystem, PhoneSystemDescription, PhoneSystemKind, Settings,
};
use egui_kittest::Harness;

/// What the test sees of the stand-in, and sets.
#[derive(Clone)]
pub struct PbxHandles {
    /// The numbers called so far.
    pub calls: Arc<Mutex<Vec<String>>>,
    /// How every call ends.
    pub outcome: CallOutcome,
    /// New voicemail messages in the mailbox.
    pub messages: Arc<AtomicU64>,
    /// Do-not-disturb, as set on the phone.
    pub do_not_disturb: Arc<std::sync::atomic::AtomicBool>,
    /// The voicemail messages played on the phone so far (their ids).
    pub played: Arc<Mutex<Vec<String>>>,
    /// Whether message audio is served (as through a server); else the default "needs a server".
    pub serves_audio: Arc<std::sync::atomic::AtomicBool>,
}

impl PbxHandles {
    /// No calls yet, calls answered, an empty mailbox.
    pub fn new(outcome: CallOutcome) -> Self {
        Self {
            calls: Arc::new(Mutex::new(Vec::new())),
            outcome,
            messages: Arc::new(AtomicU64::new(0)),
            do_not_disturb: Arc::new(std::sync::atomic::AtomicBool::new(false)),
            played: Arc::new(Mutex::new(Vec::new())),
            serves_audio: Arc::new(std::sync::atomic::AtomicBool::new(false)),
        }
    }

    /// The messages played on the phone so far.
    pub fn played(&self) -> Vec<String> {
        self.played.lock().map(|played| played.clone()).unwrap_or_default()
    }

    /// The numbers called so far.
    pub fn called(&self) -> Vec<String> {
        self.calls.lock().map(|calls| calls.clone()).unwrap_or_default()
    }

    /// Sets do-not-disturb as if on the phone.
    pub fn set_do_not_disturb(&self, on: bool) {
        self.do_not_disturb.store(on, Ordering::SeqCst);
    }

    /// Sets the mailbox's count of new messages.
    pub fn set_messages(&self, count: u64) {
        self.messages.store(count, Ordering::SeqCst);
    }
}

/// The stand-in itself.
struct FakePbx {
    demo: DemoPhoneSystem,
    mailbox: DemoMailbox,
    handles: PbxHandles,
}

impl PhoneSystem for FakePbx {
    fn description(&self) -> PhoneSystemDescription {
        PhoneSystemDescription {
            kind: PhoneSystemKind::Asterisk,
            computer_audio: self.handles.serves_audio.load(Ordering::SeqCst),
            summary: "Test PBX".to_owned(),
        }
    }

    fn read(&mut self) -> Result<Settings, PhoneError> {
        self.demo.read()
    }

    fn write(&mut self, settings: &ApplicableSettings) -> Result<(), PhoneError> {
        self.demo.write(settings)
    }

    fn place_call(&mut self, target: &PhoneNumber) -> Result<Box<dyn CallWatch>, PhoneError> {
        self.handles
            .calls
            .lock()
            .map_err(|_| PhoneError::BadState {
                reason: "poisoned".to_owned(),
            })?
            .push(target.as_str().to_owned());
        Ok(Box::new(KnownOutcome(self.handles.outcome)))
    }

    fn places_calls(&self) -> bool {
        true
    }

    fn do_not_disturb(&self) -> bool {
        self.handles.do_not_disturb.load(Ordering::SeqCst)
    }

    fn new_messages(&mut self) -> Result<Option<u64>, PhoneError> {
        Ok(Some(self.handles.messages.load(Ordering::SeqCst)))
    }

    // The mailbox is the demo's (same files), playing on the phone is recorded.
    fn voicemail_messages(&mut self) -> Result<Vec<VoicemailMessage>, PhoneError> {
        self.demo.voicemail_messages()
    }

    fn mark_heard(&mut self, id: &MessageId) -> Result<(), PhoneError> {
        self.demo.mark_heard(id)
    }

    fn delete_message(&mut self, id: &MessageId) -> Result<(), PhoneError> {
        self.demo.delete_message(id)
    }

    fn recorded_greetings(&mut self) -> Result<RecordedGreetings, PhoneError> {
        self.demo.recorded_greetings()
    }

    // The call is placed; the test records the greeting itself (into the demo's mailbox) when it likes.
    fn record_greeting(&mut self, _slot: callprofiles_core::GreetingSlot) -> Result<(), PhoneError> {
        Ok(())
    }

    fn play_on_phone(&mut self, id: &MessageId) -> Result<(), PhoneError> {
        self.demo.voicemail_messages()?;
        self.handles
            .played
            .lock()
            .map_err(|_| PhoneError::BadState {
                reason: "poisoned".to_owned(),
            })?
            .push(id.to_string());
        Ok(())
    }

    fn message_audio(&mut self, id: &MessageId) -> Result<Vec<u8>, PhoneError> {
        if !self.handles.serves_audio.load(Ordering::SeqCst) {
            return Err(PhoneError::Audio(callprofiles_core::AudioError::NeedsServer));
        }
        std::fs::read(self.mailbox.audio_path(id)).map_err(|error| PhoneError::BadState {
            reason: error.to_string(),
        })
    }
}

/// The stand-in over `home`'s demo settings, driven by `handles`.
pub fn fake_pbx(home: &Path, handles: &PbxHandles) -> Box<dyn PhoneSystem> {
    Box::new(FakePbx {
        demo: DemoPhoneSystem::new(home),
        mailbox: DemoMailbox::new(home),
        handles: handles.clone(),
    })
}

/// The main window over `home` and the stand-in, its worker answering each request at once.
pub fn pbx_window(home: &Path, handles: &PbxHandles) -> Harness<'static, MainApp> {
    super::harness_of(pbx_app(home, handles))
}

/// The main window's app over `home` and the stand-in (not drawn yet).
pub fn pbx_app(home: &Path, handles: &PbxHandles) -> MainApp {
    let worker = PhoneWorker::inline(WorkerCore::with_phone_system(home, fake_pbx(home, handles)));
    MainApp::new(
        Model::new(worker),
        State::default(),
        Some(Language::English),
        FileChooser::typed_path(),
    )
}
