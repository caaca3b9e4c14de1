//! Pushes: an edit on one computer reaches the user's other computer's stream; an outside AstDB change
//! (as FreePBX's feature codes make it: the key and its `Custom:` lamp) is pushed from the AMI event,
//! a bare AstDB write by the safety poll; another user's stream hears nothing of it.

use std::time::{Duration, Instant};

use hyper::{Method, StatusCode};
use serde_json::json;

use crate::support::{TestResult, asterisk, block_on, reset_extension, value};

#[test]
fn edits_and_outside_changes_are_pushed_to_the_users_streams_only() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "241")?;
        reset_extension(&mut admin, "242")?;
        let poll_seconds = 2;
        let home = asterisk.init(poll_seconds, 10)?;
        let (laptop_code, desk_code, other_code) =
            (home.add_user("241")?, home.add_user("241")?, home.add_user("242")?);
        let server = home.start()?;
        let client = &server.client;
        let laptop = server.enroll("241", &laptop_code).await?;
        let desk = server.enroll("241", &desk_code).await?;
        let other = server.enroll("242", &other_code).await?;

        let mut desk_events = client.events(&desk).await?;
        let first = desk_events.next_state(Duration::from_secs(5)).await?.ok_or("ended")?;
        assert_eq!(first["activity"], json!({"active": "office"}));
        let mut other_events = client.events(&other).await?;
        let other_first = other_events.next_state(Duration::from_secs(5)).await?.ok_or("ended")?;
        assert_eq!(other_first["extension"], "242");

        // An edit on the laptop shows on the desk computer within 1 s.
        let edited = Instant::now();
        let (status, _) = client
            .json(
                Method::POST,
                "/api/v1/users/me/profiles",
                Some(&laptop),
                Some(&json!({"name": "Car"})),
            )
            .await?;
        assert_eq!(status, StatusCode::OK);
        let pushed = desk_events
            .next_state(Duration::from_secs(1))
            .await
            .map_err(|e| format!("edit: {e}"))?
            .ok_or("ended")?;
        let edit_latency = edited.elapsed();
        assert_eq!(pushed["book"]["custom"][0]["name"], "Car");

        // Outside, as a desk phone's *72 does in FreePBX: CF/241 and the Custom:CF241 lamp.
        let changed = Instant::now();
        admin.db_put(&value("CF")?, &value("241")?, &value("0700241241")?)?;
        admin.setvar(&value("DEVICE_STATE(Custom:CF241)")?, &value("BUSY")?)?;
        let pushed = desk_events
            .next_state(Duration::from_secs(2))
            .await
            .map_err(|e| format!("lamp: {e}; server log: {}", home.logs().unwrap_or_default()))?
            .ok_or("ended")?;
        let event_latency = changed.elapsed();
        assert_eq!(
            pushed["live"]["routing"],
            json!({"mode": "forward", "number": "0700241241"})
        );
        assert!(pushed["activity"]["detected"].is_object(), "{pushed}");

        // A bare AstDB write raises no event: the safety poll finds it.
        let changed = Instant::now();
        admin.db_del(&value("CF")?, &value("241")?)?;
        let pushed = desk_events
            .next_state(Duration::from_secs(poll_seconds * 2 + 2))
            .await
            .map_err(|e| format!("poll: {e}; server log: {}", home.logs().unwrap_or_default()))?
            .ok_or("ended")?;
        let poll_latency = changed.elapsed();
        assert_eq!(pushed["activity"], json!({"active": "office"}), "{pushed}");

        // 242 heard nothing of 241.
        assert!(
            other_events.next_state(Duration::from_millis(500)).await.is_err(),
            "242 got 241's push"
        );
        eprintln!(
            "push latency: edit on another computer {:.0} ms, outside change with lamp (AMI event) {:.0} ms, \
             bare AstDB write (safety poll every {poll_seconds} s) {:.0} ms",
            edit_latency.as_secs_f64() * 1000.0,
            event_latency.as_secs_f64() * 1000.0,
            poll_latency.as_secs_f64() * 1000.0
        );
        Ok(())
    })
}
