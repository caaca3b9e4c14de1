//! `GET /users/me/events`: the user's `State` at once, then on every change; a `: keep-alive` comment
//! every 15 s. The stream ends when the token stops being valid (revoked, signed out, expired).

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State as AxumState;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use tokio::sync::watch;

use super::AppState;
use super::error::ApiError;
use super::extract::Authenticated;
use callprofiles_core::wire::State;

/// How often an open stream re-checks its token.
const RECHECK: Duration = Duration::from_secs(10);
/// The keep-alive comment's period.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Where a stream is.
struct Stream_ {
    receiver: watch::Receiver<Option<State>>,
    first: bool,
    state: AppState,
    token: String,
}

/// The handler.
pub async fn events(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let receiver = state.hub.subscribe(&who.caller.extension);
    if receiver.borrow().is_none() {
        let hub = state.hub.clone();
        let extension = who.caller.extension.clone();
        tokio::task::spawn_blocking(move || hub.refresh_now(&extension))
            .await
            .map_err(|e| ApiError::internal(&e))??;
    }
    let start = Stream_ {
        receiver,
        first: true,
        state,
        token: who.token,
    };
    let stream = futures_util::stream::unfold(start, next_event);
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE).text("keep-alive")))
}

/// The next `state` event; `None` ends the stream.
async fn next_event(mut stream: Stream_) -> Option<(Result<Event, Infallible>, Stream_)> {
    loop {
        if stream.first {
            stream.first = false;
        } else {
            tokio::select! {
                changed = stream.receiver.changed() => changed.ok()?,
                () = tokio::time::sleep(RECHECK) => {
                    if !still_valid(&stream) {
                        return None;
                    }
                    continue;
                }
            }
        }
        if !still_valid(&stream) {
            return None;
        }
        let latest = stream.receiver.borrow_and_update().clone();
        if let Some(latest) = latest {
            let event = Event::default().event("state").json_data(&latest).ok()?;
            return Some((Ok(event), stream));
        }
    }
}

/// Whether the stream's token still works.
fn still_valid(stream: &Stream_) -> bool {
    stream
        .state
        .users
        .authenticate(&stream.token)
        .is_ok_and(|verdict| verdict.is_ok())
}
