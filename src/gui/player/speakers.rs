//! The computer's sound output: a trait, so the window can be tested without a sound card, and rodio's.

use std::time::Duration;

use super::DecodedAudio;

/// Why nothing can be played on the computer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputProblem {
    /// No sound device could be opened (none, or in use by another program that holds it).
    NoDevice,
}

/// Where decoded audio is played.
pub trait Speakers {
    /// Plays `audio` from its start, replacing what played; opens the device on first use.
    fn start(&mut self, audio: &DecodedAudio) -> Result<(), OutputProblem>;
    /// Pauses or resumes.
    fn set_paused(&mut self, paused: bool);
    /// How far the audio has played.
    fn position(&self) -> Duration;
    /// Whether the audio has played to its end (or was never started).
    fn finished(&self) -> bool;
    /// Stops and forgets the audio.
    fn stop(&mut self);
    /// Goes on from `position` (within the audio), paused or not as it was.
    fn seek(&mut self, position: Duration);
}

/// The default sound device through rodio, opened on first use and kept open.
#[derive(Default)]
pub struct RodioSpeakers {
    device: Option<rodio::MixerDeviceSink>,
    player: Option<rodio::Player>,
}

impl Speakers for RodioSpeakers {
    fn start(&mut self, audio: &DecodedAudio) -> Result<(), OutputProblem> {
        self.stop();
        let device = match self.device.as_mut() {
            Some(device) => device,
            None => {
                let mut opened = rodio::DeviceSinkBuilder::open_default_sink().map_err(|error| {
                    tracing::warn!(%error, "cannot open the sound device");
                    OutputProblem::NoDevice
                })?;
                // Dropping it when the window closes is expected, not worth a line on stderr.
                opened.log_on_drop(false);
                self.device.insert(opened)
            }
        };
        let player = rodio::Player::connect_new(device.mixer());
        player.append(rodio::buffer::SamplesBuffer::new(
            audio.channels,
            audio.sample_rate,
            audio.samples.as_ref().clone(),
        ));
        self.player = Some(player);
        Ok(())
    }

    fn set_paused(&mut self, paused: bool) {
        if let Some(player) = &self.player {
            if paused { player.pause() } else { player.play() }
        }
    }

    fn position(&self) -> Duration {
        self.player.as_ref().map_or(Duration::ZERO, rodio::Player::get_pos)
    }

    fn finished(&self) -> bool {
        self.player.as_ref().is_none_or(rodio::Player::empty)
    }

    fn stop(&mut self) {
        if let Some(player) = self.player.take() {
            player.stop();
        }
    }

    fn seek(&mut self, position: Duration) {
        if let Some(player) = &self.player
            && let Err(error) = player.try_seek(position)
        {
            // The decoded buffer always seeks; a refusal leaves it playing where it was.
            tracing::warn!(%error, "cannot move the playback position");
        }
    }
}
