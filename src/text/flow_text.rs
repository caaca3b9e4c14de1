//! A call flow's steps in the user's language: what the picture draws, what screen readers say and what
//! `callprofiles show NAME --flow` prints. One function words every step, so all three say the same.

use callprofiles_core::{CallFlow, Greeting, PhoneNumber, Phones, Pickup, Playback, RingTime, Stage, Step};
use fluent_bundle::FluentValue;

use crate::text::i18n::I18n;

/// One step in words: a short title (drawn bold) and what it means (drawn below it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepWords {
    /// What happens, e.g. "Your desk phone rings".
    pub title: String,
    /// The detail, e.g. "for 20 seconds".
    pub detail: String,
}

impl StepWords {
    /// The whole step as one line: the CLI prints it and screen readers say it.
    pub fn line(&self) -> String {
        format!("{} — {}", self.title, self.detail)
    }
}

/// When a step happens, as the picture's arrows and the CLI's sub-headings say it.
pub fn stage_words(i18n: &I18n, stage: Stage) -> String {
    i18n.tr(match stage {
        Stage::Incoming => "flow-stage-incoming",
        Stage::Unanswered => "flow-stage-unanswered",
        Stage::NewMessage => "flow-stage-new-message",
    })
}

/// The number, or that it is not set yet.
fn number_words(i18n: &I18n, number: Option<&PhoneNumber>) -> String {
    number.map_or_else(|| i18n.tr("flow-no-number"), PhoneNumber::grouped)
}

/// How long phones ring.
fn ring_time_words(i18n: &I18n, ring_time: RingTime) -> String {
    match ring_time {
        RingTime::Seconds(seconds) => i18n.tr_args("flow-ring-seconds", &[("seconds", FluentValue::from(seconds))]),
        RingTime::SystemDefault => i18n.tr("flow-ring-default"),
        RingTime::Unknown => i18n.tr("flow-ring-unknown"),
    }
}

/// Where messages are listened to.
fn listen_words(i18n: &I18n, playback: Playback) -> String {
    i18n.tr(match playback {
        Playback::Phone => "flow-listen-phone",
        Playback::Computer => "flow-listen-computer",
    })
}

/// The greeting callers hear.
fn greeting_words(i18n: &I18n, greeting: Greeting) -> String {
    match greeting {
        Greeting::Default => i18n.tr("flow-greeting-default"),
        Greeting::Recorded(slot) => {
            i18n.tr_args("flow-greeting-recorded", &[("number", FluentValue::from(slot.get()))])
        }
    }
}

/// One step in words.
pub fn step_words(i18n: &I18n, step: &Step) -> StepWords {
    let words = |title: String, detail: String| StepWords { title, detail };
    let plain = |title: &str, detail: &str| words(i18n.tr(title), i18n.tr(detail));
    let with_number = |id: &str, number: Option<&PhoneNumber>| {
        i18n.tr_args(id, &[("number", FluentValue::from(number_words(i18n, number)))])
    };
    match step {
        Step::Ring { phones, ring_time } => {
            let title = match phones {
                Phones::DeskPhone => i18n.tr("flow-ring-desk"),
                Phones::DeskAndNumber(number) => with_number("flow-ring-together", number.as_ref()),
                Phones::TelecommuterNumber(number) => with_number("flow-ring-telecommuter", number.as_ref()),
            };
            words(title, ring_time_words(i18n, *ring_time))
        }
        Step::Forward { number, ring_time } => words(
            with_number("flow-forward", number.as_ref()),
            match ring_time {
                Some(ring_time) => i18n.tr_args(
                    "flow-forward-ring-detail",
                    &[("ring", FluentValue::from(ring_time_words(i18n, *ring_time)))],
                ),
                None => i18n.tr("flow-forward-detail"),
            },
        ),
        Step::Pickup(Pickup::Allowed) => plain("flow-pickup-allowed", "flow-pickup-allowed-detail"),
        Step::Pickup(Pickup::Refused) => plain("flow-pickup-refused", "flow-pickup-refused-detail"),
        Step::Pickup(Pickup::NothingRingsHere) => plain("flow-pickup-forwarded", "flow-pickup-forwarded-detail"),
        Step::Voicemail { greeting } => words(
            i18n.tr("flow-voicemail"),
            i18n.tr_args(
                "flow-voicemail-detail",
                &[("greeting", FluentValue::from(greeting_words(i18n, *greeting)))],
            ),
        ),
        Step::CallEnds => plain("flow-call-ends", "flow-call-ends-detail"),
        Step::ForwardedNumberDecides => plain("flow-forwarded-decides", "flow-forwarded-decides-detail"),
        Step::Notification { playback } => words(i18n.tr("flow-notification"), listen_words(i18n, *playback)),
        Step::Ringback { playback } => plain(
            "flow-ringback",
            match playback {
                Playback::Phone => "flow-ringback-phone-detail",
                Playback::Computer => "flow-ringback-computer-detail",
            },
        ),
        Step::MessageWaits { playback } => words(
            i18n.tr("flow-message-waits"),
            i18n.tr_args(
                "flow-message-waits-detail",
                &[("listen", FluentValue::from(listen_words(i18n, *playback)))],
            ),
        ),
    }
}

/// The flow as text: each stage's heading, then its steps' lines (what `show --flow` prints, indented).
pub fn flow_lines(i18n: &I18n, flow: &CallFlow) -> Vec<(Stage, String, Vec<String>)> {
    let mut stages: Vec<(Stage, String, Vec<String>)> = Vec::new();
    for step in flow.steps() {
        let line = step_words(i18n, step).line();
        match stages.last_mut() {
            Some((stage, _, lines)) if *stage == step.stage() => lines.push(line),
            _ => stages.push((step.stage(), stage_words(i18n, step.stage()), vec![line])),
        }
    }
    stages
}

#[cfg(test)]
mod tests {
    use callprofiles_core::{RingTimes, RoutingMode, Settings};

    use super::*;
    use crate::text::i18n::Language;

    #[test]
    fn every_step_of_every_mode_has_words_in_both_languages() {
        for language in Language::ALL {
            let i18n = I18n::new(language);
            for mode in RoutingMode::ALL {
                for voicemail in [true, false] {
                    let mut settings = Settings::office_default();
                    settings.routing = mode.with_number(PhoneNumber::parse("600100200").ok());
                    settings.voicemail.enabled = voicemail;
                    settings.voicemail.ringback = true;
                    settings.voicemail.notification = true;
                    for step in CallFlow::of(&settings, &RingTimes::UNKNOWN).steps() {
                        let words = step_words(&i18n, step);
                        // A message missing from a catalog shows as its id.
                        let id_prefix = concat!("flow", "-");
                        assert!(!words.title.contains(id_prefix), "{language:?} {step:?}: {words:?}");
                        assert!(!words.detail.contains(id_prefix), "{language:?} {step:?}: {words:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn ring_times_and_greetings_read_naturally() {
        let pl = I18n::new(Language::Polish);
        let en = I18n::new(Language::English);
        let ring = |seconds| Step::Ring {
            phones: Phones::DeskPhone,
            ring_time: RingTime::Seconds(seconds),
        };
        assert_eq!(
            step_words(&en, &ring(20)).line(),
            "Your desk phone rings — for 20 seconds"
        );
        assert_eq!(step_words(&pl, &ring(22)).detail, "przez 22 sekundy");
        assert_eq!(step_words(&pl, &ring(25)).detail, "przez 25 sekund");
        let voicemail = Step::Voicemail {
            greeting: Greeting::Default,
        };
        assert!(step_words(&pl, &voicemail).detail.contains("Powitanie systemowe"));
    }
}
