//! Asterisk restarted under a running callprofiles-server: the user's stream says `reachable: false`,
//! then the server reconnects by itself and the stream recovers; switching works again. Its own test
//! binary: a restart would disturb the other server tests sharing this Asterisk.

#[path = "server/support.rs"]
mod support;

use std::time::{Duration, Instant};

use hyper::{Method, StatusCode};
use serde_json::json;
use support::{TestResult, asterisk, block_on, forward_to, reset_extension, value};

#[test]
fn asterisk_restart_shows_unreachable_then_recovers() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "261")?;
        let home = asterisk.init(15, 10)?;
        let code = home.add_user("261")?;
        let server = home.start()?;
        let client = &server.client;
        let token = server.enroll("261", &code).await?;
        let mut events = client.events(&token).await?;
        let first = events.next_state(Duration::from_secs(5)).await?.ok_or("ended")?;
        assert_eq!(first["reachable"], true);

        // The answer to "core restart now" may never come: Asterisk goes away at once.
        admin.command(&value("core restart now")?).ok();
        let restarted = Instant::now();
        let down = events.next_state(Duration::from_secs(10)).await?.ok_or("ended")?;
        let down_after = restarted.elapsed();
        assert_eq!(down["reachable"], false, "{down}");
        assert_eq!(down["live"], serde_json::Value::Null);
        assert!(down["book"]["builtin"].is_object(), "the profiles are still there");
        let (status, state) = client
            .json(Method::GET, "/api/v1/users/me/state", Some(&token), None)
            .await?;
        assert_eq!(status, StatusCode::OK);
        let back = if state["reachable"] == true {
            state
        } else {
            events.next_state(Duration::from_secs(30)).await?.ok_or("ended")?
        };
        let back_after = restarted.elapsed();
        assert_eq!(back["reachable"], true, "{back}");
        assert_eq!(back["activity"], json!({"active": "office"}));

        // Switching works again through the reconnected shared AMI client.
        let settings = "/api/v1/users/me/profiles/home/settings";
        let (status, _) = client
            .json(Method::PUT, settings, Some(&token), Some(&forward_to("600261")))
            .await?;
        assert_eq!(status, StatusCode::OK);
        let (status, state) = client
            .json(
                Method::POST,
                "/api/v1/users/me/activate",
                Some(&token),
                Some(&json!({"profile": "home"})),
            )
            .await?;
        assert_eq!(status, StatusCode::OK, "{state}");
        let mut admin = asterisk.admin()?;
        assert_eq!(admin.db_get(&value("CF")?, &value("261")?)?.as_deref(), Some("600261"));
        eprintln!(
            "asterisk restart: stream said unreachable after {:.2} s, reachable again after {:.2} s",
            down_after.as_secs_f64(),
            back_after.as_secs_f64()
        );
        Ok(())
    })
}
