//! Voicemail on the computer's speakers: which message or greeting plays, paused or not, where it is.
//! Decoding ([`decode`]) is separate from output ([`Speakers`]), so the worker decodes off the UI thread and
//! tests decode without a sound card; [`RodioSpeakers`] is the real output (rodio → cpal → ALSA).

mod decode;
mod speakers;

use std::time::Duration;

use callprofiles_core::settings::GreetingSlot;
use callprofiles_core::voicemail::MessageId;

pub use decode::{DecodeProblem, DecodedAudio, MAX_AUDIO_BYTES, decode_wav};
pub use speakers::{OutputProblem, RodioSpeakers, Speakers};

/// How often the progress bar moves while something plays (and so how often the window repaints then).
pub const PROGRESS_STEP: Duration = Duration::from_millis(250);

/// What is played on the computer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Track {
    /// A voicemail message.
    Message(MessageId),
    /// A recorded greeting.
    Greeting(GreetingSlot),
}

/// The track playing now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NowPlaying {
    /// What.
    pub track: Track,
    /// How long it lasts.
    pub duration: Duration,
    /// Whether it is paused.
    pub paused: bool,
}

/// The window's player: one track at a time.
pub struct Player {
    speakers: Box<dyn Speakers>,
    now: Option<NowPlaying>,
}

impl Player {
    /// A player over these speakers (opened only when something is first played).
    pub fn new(speakers: Box<dyn Speakers>) -> Self {
        Self { speakers, now: None }
    }

    /// Plays `audio` as `track` from its start, replacing what played.
    pub fn play(&mut self, track: Track, audio: &DecodedAudio) -> Result<(), OutputProblem> {
        self.now = None;
        self.speakers.start(audio)?;
        self.now = Some(NowPlaying {
            track,
            duration: audio.duration(),
            paused: false,
        });
        Ok(())
    }

    /// Pauses, or goes on after a pause.
    pub fn toggle_pause(&mut self) {
        if let Some(now) = self.now.as_mut() {
            now.paused = !now.paused;
            self.speakers.set_paused(now.paused);
        }
    }

    /// Goes on from `position` (kept within the track).
    pub fn seek(&mut self, position: Duration) {
        if let Some(now) = &self.now {
            self.speakers.seek(position.min(now.duration));
        }
    }

    /// Goes `by` forward (or back, when `forward` is false) from where the track is.
    pub fn skip(&mut self, by: Duration, forward: bool) {
        let here = self.position();
        let to = if forward {
            here.saturating_add(by)
        } else {
            here.saturating_sub(by)
        };
        self.seek(to);
    }

    /// Stops playing.
    pub fn stop(&mut self) {
        if self.now.take().is_some() {
            self.speakers.stop();
        }
    }

    /// The track playing (or paused) now.
    pub fn now(&self) -> Option<&NowPlaying> {
        self.now.as_ref()
    }

    /// Where the track is.
    pub fn position(&self) -> Duration {
        match &self.now {
            Some(now) => self.speakers.position().min(now.duration),
            None => Duration::ZERO,
        }
    }

    /// Forgets a track that has played to its end; returns how soon the progress bar moves again while one
    /// plays (`None`: paused or nothing playing, so no repaint is needed).
    pub fn tick(&mut self) -> Option<Duration> {
        let now = self.now.as_ref()?;
        if self.speakers.finished() {
            self.now = None;
            return None;
        }
        (!now.paused).then_some(PROGRESS_STEP)
    }
}

/// `m:ss` of a duration (voicemail is short; an hour shows as 60:00).
pub fn minutes_seconds(duration: Duration) -> String {
    let seconds = duration.as_secs();
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        assert_eq!(minutes_seconds(Duration::from_secs(0)), "0:00");
        assert_eq!(minutes_seconds(Duration::from_millis(65_900)), "1:05");
        assert_eq!(minutes_seconds(Duration::from_secs(3600)), "60:00");
    }
}
