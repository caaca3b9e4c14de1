//! What happens to an incoming call under given settings: the ordered, typed steps that the window draws
//! and the command line prints (`show NAME --flow`). Both come from [`CallFlow::of`], so the picture and
//! the text cannot disagree. Steps carry no words: the app says them in the user's language.
//!
//! The steps follow the shipped dialplan (`assets/asterisk/callprofiles.conf`): a forward sends the call
//! to the number at once (never pickable; with voicemail on it rings there for the ring time, then
//! voicemail takes it; with voicemail off the number's own handling decides); the other modes ring for
//! the ring time, then voicemail takes the call (with the chosen greeting) or the call ends; a new
//! message then raises the notification and the ringback when they are on.

use crate::phone_number::PhoneNumber;
use crate::settings::{Greeting, Playback, Routing, Settings};

/// How long phones ring before a call counts as unanswered, as far as the phone system tells.
/// (Serde: the server sends it to desktops in its `State`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RingTime {
    /// This many seconds (the phone system's own setting for the extension).
    Seconds(u16),
    /// The extension sets none, so the phone system's general default applies (not readable from here).
    SystemDefault,
    /// Nothing rings for real, or the phone system was not read: unknown.
    Unknown,
}

/// The ring times the live phone system uses, for whichever profile is applied to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct RingTimes {
    /// How long the desk phone or the telecommuter number rings.
    pub single: RingTime,
    /// How long the desk phone and the twinned number ring together.
    pub together: RingTime,
}

impl RingTimes {
    /// Nothing known (the built-in demo places no calls).
    pub const UNKNOWN: Self = Self {
        single: RingTime::Unknown,
        together: RingTime::Unknown,
    };
}

impl Default for RingTimes {
    fn default() -> Self {
        Self::UNKNOWN
    }
}

/// Which phones ring.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Phones {
    /// The desk phone alone.
    DeskPhone,
    /// The desk phone and this number at once (unset until the user enters it).
    DeskAndNumber(Option<PhoneNumber>),
    /// The telecommuter number instead of the desk phone.
    TelecommuterNumber(Option<PhoneNumber>),
}

/// Whether a colleague can answer the call while it rings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pickup {
    /// Call pickup is on: colleagues can answer it.
    Allowed,
    /// Call pickup is off: no colleague can.
    Refused,
    /// The call is forwarded at once, so nothing rings here to pick up.
    NothingRingsHere,
}

/// One step of an incoming call.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// These phones ring together for the ring time.
    Ring {
        /// Which phones.
        phones: Phones,
        /// For how long.
        ring_time: RingTime,
    },
    /// The call goes to this number at once; the desk phone does not ring.
    Forward {
        /// Where to (unset until the user enters it).
        number: Option<PhoneNumber>,
        /// How long it rings there before voicemail takes it; `None` when voicemail is off (it rings as
        /// long as that number lets it).
        ring_time: Option<RingTime>,
    },
    /// Whether colleagues may pick up while it rings.
    Pickup(Pickup),
    /// Unanswered: voicemail takes the call and the caller hears this greeting.
    Voicemail {
        /// The active greeting.
        greeting: Greeting,
    },
    /// Unanswered and voicemail off: the call ends, no message can be left.
    CallEnds,
    /// Unanswered at the forwarded number with voicemail off: that number's own handling applies.
    ForwardedNumberDecides,
    /// After a new message: a notification is raised.
    Notification {
        /// Where the user listens to messages (sent with the notification).
        playback: Playback,
    },
    /// After a new message: the phone system calls the desk phone back once it is idle.
    Ringback {
        /// Answering plays the messages (phone) or says how many wait (computer).
        playback: Playback,
    },
    /// After a new message, with neither notification nor ringback: it waits in the mailbox.
    MessageWaits {
        /// Where the user listens to it.
        playback: Playback,
    },
}

/// When a step happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// As the call comes in.
    Incoming,
    /// When nobody answers.
    Unanswered,
    /// After the caller leaves a message.
    NewMessage,
}

impl Step {
    /// When this step happens.
    pub fn stage(&self) -> Stage {
        match self {
            Self::Ring { .. } | Self::Forward { .. } | Self::Pickup(_) => Stage::Incoming,
            Self::Voicemail { .. } | Self::CallEnds | Self::ForwardedNumberDecides => Stage::Unanswered,
            Self::Notification { .. } | Self::Ringback { .. } | Self::MessageWaits { .. } => Stage::NewMessage,
        }
    }
}

/// The steps of an incoming call, in order.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CallFlow {
    steps: Vec<Step>,
}

impl CallFlow {
    /// The flow of a call under `settings`, with the phone system's `ring_times`.
    pub fn of(settings: &Settings, ring_times: &RingTimes) -> Self {
        let mut steps = Vec::with_capacity(6);
        let ring = |phones, ring_time| Step::Ring { phones, ring_time };
        let forwarded = match &settings.routing {
            Routing::DeskPhone => {
                steps.push(ring(Phones::DeskPhone, ring_times.single));
                false
            }
            Routing::Twinning { number } => {
                steps.push(ring(Phones::DeskAndNumber(number.clone()), ring_times.together));
                false
            }
            Routing::Telecommuter { number } => {
                steps.push(ring(Phones::TelecommuterNumber(number.clone()), ring_times.single));
                false
            }
            Routing::Forward { number } => {
                steps.push(Step::Forward {
                    number: number.clone(),
                    ring_time: settings.voicemail.enabled.then_some(ring_times.single),
                });
                true
            }
        };
        steps.push(Step::Pickup(match (forwarded, settings.call_pickup) {
            (true, _) => Pickup::NothingRingsHere,
            (false, true) => Pickup::Allowed,
            (false, false) => Pickup::Refused,
        }));
        let voicemail = &settings.voicemail;
        if !voicemail.enabled {
            steps.push(if forwarded {
                Step::ForwardedNumberDecides
            } else {
                Step::CallEnds
            });
        } else {
            steps.push(Step::Voicemail {
                greeting: voicemail.greeting,
            });
            let playback = voicemail.playback;
            if voicemail.notification {
                steps.push(Step::Notification { playback });
            }
            if voicemail.ringback {
                steps.push(Step::Ringback { playback });
            }
            if !voicemail.notification && !voicemail.ringback {
                steps.push(Step::MessageWaits { playback });
            }
        }
        Self { steps }
    }

    /// The steps, in the order they happen.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// For each of this flow's steps, whether `other` lacks it (what to highlight when two flows are shown
    /// side by side, e.g. Detected's live flow beside the nearest profile's).
    pub fn differs_from(&self, other: &CallFlow) -> Vec<bool> {
        self.steps.iter().map(|step| !other.steps.contains(step)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{GreetingSlot, RoutingMode, Voicemail};

    const TIMES: RingTimes = RingTimes {
        single: RingTime::Seconds(25),
        together: RingTime::Seconds(15),
    };

    fn number() -> Option<PhoneNumber> {
        PhoneNumber::parse("+48 600 100 200").ok()
    }

    fn settings(mode: RoutingMode, voicemail_on: bool) -> Settings {
        Settings {
            call_pickup: true,
            routing: mode.with_number(number()),
            voicemail: Voicemail {
                enabled: voicemail_on,
                ..Voicemail::default_on()
            },
        }
    }

    fn flow(mode: RoutingMode, voicemail_on: bool) -> Vec<Step> {
        CallFlow::of(&settings(mode, voicemail_on), &TIMES).steps().to_vec()
    }

    const WAITS: Step = Step::MessageWaits {
        playback: Playback::Phone,
    };
    const VOICEMAIL: Step = Step::Voicemail {
        greeting: Greeting::Default,
    };

    #[test]
    fn desk_phone_rings_for_its_ring_time_then_voicemail_or_the_end() {
        let ring = Step::Ring {
            phones: Phones::DeskPhone,
            ring_time: RingTime::Seconds(25),
        };
        let picked = Step::Pickup(Pickup::Allowed);
        assert_eq!(
            flow(RoutingMode::DeskPhone, true),
            [ring.clone(), picked.clone(), VOICEMAIL, WAITS]
        );
        assert_eq!(flow(RoutingMode::DeskPhone, false), [ring, picked, Step::CallEnds]);
    }

    #[test]
    fn twinning_rings_both_for_the_together_ring_time() {
        let ring = Step::Ring {
            phones: Phones::DeskAndNumber(number()),
            ring_time: RingTime::Seconds(15),
        };
        let picked = Step::Pickup(Pickup::Allowed);
        assert_eq!(
            flow(RoutingMode::Twinning, true),
            [ring.clone(), picked.clone(), VOICEMAIL, WAITS]
        );
        assert_eq!(flow(RoutingMode::Twinning, false), [ring, picked, Step::CallEnds]);
    }

    #[test]
    fn telecommuter_rings_the_remote_number_instead_of_the_desk_phone() {
        let ring = Step::Ring {
            phones: Phones::TelecommuterNumber(number()),
            ring_time: RingTime::Seconds(25),
        };
        let picked = Step::Pickup(Pickup::Allowed);
        assert_eq!(
            flow(RoutingMode::Telecommuter, true),
            [ring.clone(), picked.clone(), VOICEMAIL, WAITS]
        );
        assert_eq!(flow(RoutingMode::Telecommuter, false), [ring, picked, Step::CallEnds]);
    }

    #[test]
    fn forward_rings_the_number_then_voicemail_or_leaves_it_to_that_number() {
        let nothing_here = Step::Pickup(Pickup::NothingRingsHere);
        assert_eq!(
            flow(RoutingMode::Forward, true),
            [
                Step::Forward {
                    number: number(),
                    ring_time: Some(RingTime::Seconds(25)),
                },
                nothing_here.clone(),
                VOICEMAIL,
                WAITS
            ]
        );
        assert_eq!(
            flow(RoutingMode::Forward, false),
            [
                Step::Forward {
                    number: number(),
                    ring_time: None,
                },
                nothing_here,
                Step::ForwardedNumberDecides
            ]
        );
    }

    #[test]
    fn pickup_off_is_said_and_an_unset_number_stays_unset() {
        let mut home = Settings::home_default();
        home.routing = Routing::Twinning { number: None };
        let steps = CallFlow::of(&home, &RingTimes::UNKNOWN).steps().to_vec();
        assert_eq!(
            steps.first(),
            Some(&Step::Ring {
                phones: Phones::DeskAndNumber(None),
                ring_time: RingTime::Unknown,
            })
        );
        assert_eq!(steps.get(1), Some(&Step::Pickup(Pickup::Refused)));
    }

    #[test]
    fn after_a_message_notification_and_ringback_come_in_order_with_the_greeting() -> Result<(), crate::InputError> {
        let mut office = Settings::office_default();
        office.voicemail.notification = true;
        office.voicemail.ringback = true;
        office.voicemail.playback = Playback::Computer;
        office.voicemail.greeting = Greeting::Recorded(GreetingSlot::new(3)?);
        let steps = CallFlow::of(&office, &TIMES).steps().to_vec();
        assert_eq!(
            steps.get(2..),
            Some(
                &[
                    Step::Voicemail {
                        greeting: Greeting::Recorded(GreetingSlot::new(3)?)
                    },
                    Step::Notification {
                        playback: Playback::Computer
                    },
                    Step::Ringback {
                        playback: Playback::Computer
                    },
                ][..]
            )
        );
        office.voicemail.ringback = false;
        let steps = CallFlow::of(&office, &TIMES).steps().to_vec();
        assert_eq!(steps.last().map(Step::stage), Some(Stage::NewMessage));
        assert!(!steps.contains(&Step::MessageWaits {
            playback: Playback::Computer
        }));
        Ok(())
    }

    #[test]
    fn stages_never_go_backwards() {
        for mode in RoutingMode::ALL {
            for voicemail_on in [true, false] {
                let stages: Vec<Stage> = flow(mode, voicemail_on).iter().map(Step::stage).collect();
                assert!(stages.is_sorted(), "{mode:?} {voicemail_on}: {stages:?}");
            }
        }
    }

    #[test]
    fn differences_mark_the_steps_the_other_flow_lacks() {
        let office = CallFlow::of(&Settings::office_default(), &TIMES);
        let mut live = Settings::office_default();
        live.voicemail.enabled = false;
        let live = CallFlow::of(&live, &TIMES);
        assert_eq!(live.differs_from(&office), [false, false, true]);
        assert_eq!(office.differs_from(&live), [false, false, true, true]);
        assert_eq!(office.differs_from(&office), [false; 4]);
    }
}
