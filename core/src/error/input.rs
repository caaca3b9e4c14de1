//! Input from a user or a file that does not parse.

use thiserror::Error;

/// Input from a user or a file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum InputError {
    /// A phone number holds a character that is neither a digit, a separator nor a leading `+`.
    #[error(
        "The phone number \"{input}\" contains {character:?}, which is not allowed: use digits, an optional leading +, and spaces, dashes, dots or brackets."
    )]
    NumberCharacter {
        /// The number as typed.
        input: String,
        /// The first character that is not allowed.
        character: char,
    },
    /// Fewer than two digits.
    #[error("The phone number \"{input}\" is too short: it needs at least 2 digits.")]
    NumberTooShort {
        /// The number as typed.
        input: String,
    },
    /// More than twenty digits.
    #[error("The phone number \"{input}\" is too long: it may have at most 20 digits.")]
    NumberTooLong {
        /// The number as typed.
        input: String,
    },
    /// An empty name.
    #[error("A profile name cannot be empty.")]
    NameEmpty,
    /// A name over 32 characters.
    #[error("The profile name \"{input}\" is too long: it may have at most 32 characters.")]
    NameTooLong {
        /// The name as typed.
        input: String,
    },
    /// A name holding a control character such as a line break.
    #[error("A profile name cannot contain control characters such as line breaks or tabs.")]
    NameControlCharacter,
    /// A name holding an invisible or direction-changing character (U+200B, U+202E…), with which it
    /// could pass for another profile's name.
    #[error("A profile name cannot contain invisible or direction-changing characters (it holds {code_point}).")]
    NameHiddenCharacter {
        /// The character, as `U+XXXX`.
        code_point: String,
    },
    /// Unknown routing mode.
    #[error(
        "\"{input}\" is not a call routing: use desk_phone, forward:NUMBER, twinning:NUMBER or telecommuter:NUMBER."
    )]
    UnknownRouting {
        /// The routing as typed.
        input: String,
    },
    /// `desk_phone:NUMBER`.
    #[error("The desk phone routing takes no number.")]
    RoutingTakesNoNumber,
    /// Unknown playback place.
    #[error("\"{input}\" is not a way to play messages: use phone or computer.")]
    UnknownPlayback {
        /// The value as typed.
        input: String,
    },
    /// A voicemail message id that no mailbox can hold.
    #[error("\"{input}\" is not a voicemail message id: use an id from the message list.")]
    BadMessageId {
        /// The value as typed.
        input: String,
    },
    /// A greeting that is neither `default` nor a slot from 1 to 9.
    #[error("\"{input}\" is not a voicemail greeting: use default or a number from 1 to 9.")]
    UnknownGreeting {
        /// The value as typed.
        input: String,
    },
    /// A switch's value that is neither `on` nor `off`.
    #[error("\"{input}\" for {key} is not on or off.")]
    NotOnOff {
        /// The setting key.
        key: String,
        /// The value as typed.
        input: String,
    },
    /// A `KEY=VALUE` pair without `=`.
    #[error("\"{input}\" is not a setting: write KEY=VALUE, e.g. call_pickup=on.")]
    NotKeyValue {
        /// The pair as typed.
        input: String,
    },
    /// `pbx set routing=MODE` without the number the phone system needs for that mode.
    #[error("The phone system needs a number for the {mode} routing: write routing={mode}:NUMBER.")]
    RoutingNeedsNumber {
        /// The mode's key, e.g. `forward`.
        #[serde(with = "super::serde_support::static_str")]
        mode: super::serde_support::CoreText,
    },
    /// Unknown key.
    #[error(
        "\"{key}\" is not a setting: use call_pickup, routing, voicemail, voicemail.ringback, voicemail.notification, voicemail.playback or voicemail.greeting."
    )]
    UnknownKey {
        /// The key as typed.
        key: String,
    },
}
