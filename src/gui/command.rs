//! What the drawing code asks for: commands the app runs after the frame, so drawing never changes the model.

use std::path::PathBuf;

use callprofiles_core::phone_system::asterisk::{AmiSecret, AsteriskConfig};
use callprofiles_core::voicemail::MessageId;
use callprofiles_core::{GreetingSlot, Playback, Profile, ProfileId};

use crate::text::i18n::LanguageChoice;

/// Which entry of the sidebar is shown in the form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// A saved profile.
    Profile(ProfileId),
    /// The Detected profile (live settings matching no saved profile).
    Detected,
    /// The rules of automatic switching.
    Rules,
    /// The history of automatic switches.
    History,
    /// The voicemail messages.
    Messages,
}

/// What to do once the user has answered "unsaved changes?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leave {
    /// Show another entry.
    Select(Selection),
    /// Show and activate another profile.
    SelectAndActivate(ProfileId),
    /// Close the window.
    CloseWindow,
}

/// Which file operation a dialog or file chooser is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    /// Write every profile to a file.
    Export,
    /// Replace every profile with a file's.
    Import,
    /// Upload a WAV file as this greeting.
    UploadGreeting(GreetingSlot),
}

/// A dialog over the window, with the text typed into it so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// Name a new custom profile.
    Add {
        /// The name typed so far.
        name: String,
    },
    /// Rename a custom profile.
    Rename {
        /// The profile.
        id: ProfileId,
        /// The name typed so far.
        name: String,
    },
    /// Confirm deleting a custom profile.
    Delete {
        /// The profile.
        id: ProfileId,
    },
    /// Name the profile the Detected settings become.
    SaveDetectedAsNew {
        /// The name typed so far.
        name: String,
    },
    /// Pick the profile the Detected settings go into.
    SaveDetectedInto {
        /// The profile picked so far.
        target: Option<ProfileId>,
    },
    /// The edit has unsaved changes: save, discard or stay?
    Unsaved {
        /// What the user was doing.
        then: Leave,
    },
    /// Type a path (when no file chooser is available).
    Path {
        /// Export or import.
        action: FileAction,
        /// The path typed so far.
        path: String,
        /// The file chooser could not be opened.
        no_portal: bool,
        /// Why the last attempt failed (kept in the dialog, so the path can be corrected).
        problem: Option<String>,
    },
    /// Confirm replacing every profile with a file's, once the file has been read and checked.
    ConfirmImport {
        /// The file.
        path: PathBuf,
        /// What the check found so far.
        check: ImportCheck,
    },
    /// Type the number of a telecommuter's call.
    Call {
        /// The number typed so far.
        number: String,
    },
    /// The profile to activate chooses a greeting that is not recorded: activate anyway?
    UnrecordedGreeting {
        /// What Activate was to do.
        then: Activation,
        /// The greeting that is not recorded.
        slot: GreetingSlot,
    },
}

/// An activation that waits for the user's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Activation {
    /// Activate this saved profile.
    Profile(ProfileId),
    /// Save the edit of the profile shown, then activate it.
    SaveAndActivate,
    /// Activate this saved profile for a while (the main window's *Until…*); the end is worked out when
    /// the user answers, so "for 2 hours" counts from the answer.
    Until {
        /// The profile.
        id: ProfileId,
        /// For how long.
        hold: crate::gui::automation::until::Hold,
        /// What comes after.
        afterwards: crate::gui::automation::until::Afterwards,
    },
    /// Activate this saved profile for one of the tray's lengths.
    TrayFor(ProfileId, crate::automation::until::TrayHold),
}

/// What the messages view and the form's greetings ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoicemailCommand {
    /// List the messages and greetings again.
    Refresh,
    /// Play a message, on the phone or on the computer.
    Play(MessageId, Playback),
    /// Pause or go on playing on the computer.
    TogglePause,
    /// Stop playing on the computer.
    Stop,
    /// Go on playing from this position.
    Seek(std::time::Duration),
    /// Go this far forward (`true`) or back from where it plays.
    Skip(std::time::Duration, bool),
    /// Mark a message heard.
    MarkHeard(MessageId),
    /// Hide a message at once and delete it once its Undo has passed.
    Delete(MessageId),
    /// Bring back the message just deleted.
    UndoDelete,
    /// Ring the phone to record a greeting.
    RecordGreeting(GreetingSlot),
    /// Play a recorded greeting on the computer.
    ListenGreeting(GreetingSlot),
    /// Choose a WAV file to upload as a greeting.
    ChooseGreetingFile(GreetingSlot),
    /// Upload this WAV file as a greeting.
    UploadGreeting(GreetingSlot, PathBuf),
}

/// What reading and checking a file to import found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportCheck {
    /// The file is being read.
    Reading,
    /// The file is a valid export holding these profiles (in display order).
    Valid(Vec<Profile>),
    /// The file cannot be imported, or the import failed: why, as a sentence.
    Invalid(String),
}

/// What the phone-system connection form asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectionCommand {
    /// Open the form.
    Open,
    /// Close the form.
    Close,
    /// Test this Asterisk connection and switch to it when it works.
    Connect {
        /// Where and as whom to connect.
        config: AsteriskConfig,
        /// The secret typed into the form, if any.
        secret: Option<AmiSecret>,
    },
    /// Switch back to the built-in demo phone system.
    UseBuiltin,
    /// Enroll with a callprofiles server and switch to it.
    ConnectServer(Box<ServerRequest>),
    /// Sign out of the callprofiles server (revoking this computer's token) and use the built-in demo.
    SignOut,
    /// Stop waiting for the connection test in progress: when it ends, nothing is saved or switched.
    Cancel,
}

/// What the user asked for this frame.
#[must_use = "a command does nothing until the app runs it"]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// Show an entry in the form (asks first when the edit has unsaved changes).
    Select(Selection),
    /// Activate a saved profile.
    Activate(ProfileId),
    /// Save the edit of the profile shown, then apply it to the phone system.
    SaveAndActivate,
    /// Bring back the edit that Revert (or Esc) threw away.
    UndoRevert,
    /// Show a profile and activate it (double-click).
    SelectAndActivate(ProfileId),
    /// Activate the n-th saved profile (Ctrl+1…7; 0-based).
    ActivateNth(usize),
    /// Save the edit.
    Save,
    /// Throw the edit away.
    Revert,
    /// Open a dialog.
    Open(Dialog),
    /// Close the dialog.
    CloseDialog,
    /// Add a custom profile with this name (starting from the shown profile's settings).
    Create(String),
    /// Rename a custom profile.
    Rename(ProfileId, String),
    /// Delete a custom profile.
    Delete(ProfileId),
    /// Save the Detected settings as a new profile.
    SaveDetectedAsNew(String),
    /// Save the Detected settings into a profile.
    SaveDetectedInto(ProfileId),
    /// Unsaved-changes answer: save, then go on.
    SaveAndLeave(Leave),
    /// Unsaved-changes answer: discard, then go on.
    DiscardAndLeave(Leave),
    /// Move the damaged profiles file aside and start fresh.
    MoveAside,
    /// Start exporting or importing (opens the file chooser).
    ChooseFile(FileAction),
    /// Export to this file.
    ExportTo(PathBuf),
    /// Read and check a file to import, then ask to confirm (showing what it holds).
    CheckImport(PathBuf),
    /// Import from this file (after confirmation).
    ImportFrom(PathBuf),
    /// Change the language.
    SetLanguage(LanguageChoice),
    /// Hide the last message.
    DismissNotice,
    /// Open, use or close the phone-system connection form.
    Connection(ConnectionCommand),
    /// Place a telecommuter's call to this number (checked as typed).
    Call(String),
    /// Start the stopped phone worker again.
    RestartWorker,
    /// Do an activation the user confirmed (after the unrecorded-greeting question).
    ConfirmedActivation(Activation),
    /// A voicemail action.
    Voicemail(VoicemailCommand),
    /// Close the window (asks first when the edit has unsaved changes).
    Quit,
    /// Automatic switching: rules, until, resume, learn a network, start at login.
    Automation(AutomationCommand),
}

/// What the automation parts of the windows ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AutomationCommand {
    /// Save the rules as edited (checked by core).
    SaveRules(Box<callprofiles_core::automation::Rules>),
    /// Activate a profile for a while, then go back to the schedule or the previous profile.
    ActivateUntil {
        /// The profile.
        id: ProfileId,
        /// For how long.
        hold: crate::gui::automation::until::Hold,
        /// What comes after.
        afterwards: crate::gui::automation::until::Afterwards,
    },
    /// End the hold now: back to what the rules say.
    ResumeSchedule,
    /// Add the network this computer is on now to the rules being edited.
    LearnNetwork,
}

/// A server connection ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerRequest {
    /// The address.
    pub url: callprofiles_core::remote::ServerUrl,
    /// The extension.
    pub extension: callprofiles_core::phone_system::asterisk::Extension,
    /// The one-time code.
    pub code: String,
    /// The pinned fingerprint.
    pub fingerprint: Option<callprofiles_core::remote::Fingerprint>,
}
