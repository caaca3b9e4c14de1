//! Evaluation with an injected clock: precedence, holds, midnight, Europe/Warsaw's daylight-saving days.

mod evaluation;
mod support;
