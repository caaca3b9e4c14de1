//! `kill -9` of the server in the middle of 200 profile writes: after a restart the last acknowledged
//! write is there (or the one in flight), `profiles.json` is whole, and the writes go on to 200. A user's
//! `profiles.json` damaged behind the server's back is kept untouched and said so in one sentence.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use hyper::{Method, StatusCode};
use serde_json::json;

use crate::support::{Client, TestResult, asterisk, block_on};

/// The profile everything renames.
const PATH: &str = "/api/v1/users/me/profiles/custom-1";

/// Renames the profile W{from}, W{from+1}, … up to W200, noting each acknowledged one; stops at the
/// first failure (the server is gone).
async fn write_until_failure(client: Client, token: String, from: u64, acknowledged: Arc<AtomicU64>) {
    for n in from..=200 {
        let body = json!({"name": format!("W{n}")});
        match client.json(Method::PATCH, PATH, Some(&token), Some(&body)).await {
            Ok((StatusCode::OK, _)) => acknowledged.store(n, Ordering::SeqCst),
            _ => return,
        }
    }
}

#[test]
fn kill_9_during_200_profile_writes_loses_and_tears_nothing() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let home = asterisk.init(15, 10)?;
        let code = home.add_user("251")?;
        let mut server = home.start()?;
        let token = server.enroll("251", &code).await?;
        let (status, _) = server
            .client
            .json(
                Method::POST,
                "/api/v1/users/me/profiles",
                Some(&token),
                Some(&json!({"name": "W0"})),
            )
            .await?;
        assert_eq!(status, StatusCode::OK);

        let acknowledged = Arc::new(AtomicU64::new(0));
        let writer = tokio::spawn(write_until_failure(
            server.client.clone(),
            token.clone(),
            1,
            acknowledged.clone(),
        ));
        while acknowledged.load(Ordering::SeqCst) < 100 {
            tokio::time::sleep(Duration::from_micros(200)).await;
        }
        server.kill9()?;
        writer.await?;
        let last = acknowledged.load(Ordering::SeqCst);

        // The file is whole and holds the last acknowledged write, or the one in flight when killed.
        let bytes = std::fs::read(home.profiles_file("251"))?;
        let file: serde_json::Value = serde_json::from_slice(&bytes)?;
        let name = file["custom"][0]["name"]
            .as_str()
            .ok_or("no custom profile")?
            .to_owned();
        let allowed = [format!("W{last}"), format!("W{}", last + 1)];
        assert!(
            allowed.contains(&name),
            "after kill -9 at write {last} the profile is {name:?}"
        );

        // Restarted on the same directory: the same profile, and the writes go on to 200.
        let server = home.start()?;
        let (status, state) = server
            .client
            .json(Method::GET, "/api/v1/users/me/state", Some(&token), None)
            .await?;
        assert_eq!(status, StatusCode::OK, "{state}");
        assert_eq!(state["book"]["custom"][0]["name"].as_str(), Some(name.as_str()));
        let done = Arc::new(AtomicU64::new(0));
        write_until_failure(server.client.clone(), token.clone(), last + 1, done.clone()).await;
        assert_eq!(done.load(Ordering::SeqCst), 200);
        let file: serde_json::Value = serde_json::from_slice(&std::fs::read(home.profiles_file("251"))?)?;
        assert_eq!(file["custom"][0]["name"], "W200");
        eprintln!(
            "kill -9: killed after write {last} was acknowledged; the file held {name:?}; 200 writes done after restart"
        );
        Ok(())
    })
}

#[test]
fn a_damaged_profiles_file_is_kept_untouched_and_said_so_without_its_path() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let home = asterisk.init(15, 50)?;
        let code = home.add_user("269")?;
        let server = home.start()?;
        let client = &server.client;
        let token = server.enroll("269", &code).await?;
        let (status, _) = client
            .json(Method::GET, "/api/v1/users/me/state", Some(&token), None)
            .await?;
        assert_eq!(status, StatusCode::OK);
        let file = home.dir.join("users").join("269").join("profiles.json");
        let damage = b"{\"version\": 1, \"profiles\": [tru";
        std::fs::write(&file, damage)?;
        let (status, error) = client
            .json(Method::GET, "/api/v1/users/me/state", Some(&token), None)
            .await?;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{error}");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(
            message.starts_with("Your profiles.json on the server cannot be read") && message.contains("administrator"),
            "{message}"
        );
        assert!(
            !message.contains(&home.dir.display().to_string()),
            "the server's paths stay on the server: {message}"
        );
        // A change is refused alike and writes nothing over the damaged file.
        let (status, _) = client
            .json(
                Method::POST,
                "/api/v1/users/me/activate",
                Some(&token),
                Some(&json!({"profile": "home"})),
            )
            .await?;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(std::fs::read(&file)?, damage, "the damaged file is kept as it was");
        assert!(
            home.logs()?.contains("profiles.json"),
            "the log names the file for the administrator"
        );
        Ok(())
    })
}
