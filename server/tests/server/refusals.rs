//! Every endpoint refuses a missing, malformed, altered, revoked or expired token, and another user's
//! token acts only on that other user: nothing of 221 changes, on the PBX or in its profiles.

use hyper::{Method, StatusCode};
use serde_json::json;

use crate::support::{TestResult, asterisk, block_on, forward_to, reset_extension, value};

/// Every endpoint that needs a token, with a body that would be valid.
fn endpoints() -> Vec<(Method, &'static str, Option<serde_json::Value>)> {
    let export = json!({"format": "callprofiles-profiles", "version": 1, "profiles": []});
    vec![
        (Method::GET, "/api/v1/users/me", None),
        (Method::GET, "/api/v1/users/me/state", None),
        (Method::GET, "/api/v1/users/me/events", None),
        (
            Method::POST,
            "/api/v1/users/me/activate",
            Some(json!({"profile": "home"})),
        ),
        (
            Method::PUT,
            "/api/v1/users/me/profiles/home/settings",
            Some(forward_to("600666")),
        ),
        (
            Method::POST,
            "/api/v1/users/me/profiles",
            Some(json!({"name": "Evil", "from": null})),
        ),
        (
            Method::PATCH,
            "/api/v1/users/me/profiles/custom-1",
            Some(json!({"name": "Evil"})),
        ),
        (Method::DELETE, "/api/v1/users/me/profiles/custom-1", None),
        (Method::POST, "/api/v1/users/me/detected", Some(json!({"name": "Evil"}))),
        (Method::GET, "/api/v1/users/me/profiles/export", None),
        (Method::PUT, "/api/v1/users/me/profiles/import", Some(export.clone())),
        (Method::POST, "/api/v1/users/me/profiles/upload", Some(export)),
        (Method::PUT, "/api/v1/users/me/live", Some(forward_to("600666"))),
        (
            Method::PUT,
            "/api/v1/users/me/language",
            Some(json!({"language": "en"})),
        ),
        (
            Method::POST,
            "/api/v1/users/me/calls",
            Some(json!({"number": "600666"})),
        ),
        (Method::GET, "/api/v1/users/me/voicemail", None),
        (Method::POST, "/api/v1/users/me/voicemail/messages/1-1/heard", None),
        (Method::DELETE, "/api/v1/users/me/voicemail/messages/1-1", None),
        (Method::POST, "/api/v1/users/me/voicemail/messages/1-1/play", None),
        (Method::GET, "/api/v1/users/me/voicemail/messages/1-1/audio", None),
        (Method::GET, "/api/v1/users/me/voicemail/greetings", None),
        (Method::POST, "/api/v1/users/me/voicemail/greetings/9/record", None),
        (Method::GET, "/api/v1/users/me/voicemail/greetings/9/audio", None),
        (
            Method::PUT,
            "/api/v1/users/me/voicemail/greetings/9/audio",
            Some(json!({"not": "a wav"})),
        ),
        (Method::DELETE, "/api/v1/users/me/devices/current", None),
    ]
}

#[test]
fn every_endpoint_refuses_bad_tokens_and_another_users_token_cannot_touch_221() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "221")?;
        reset_extension(&mut admin, "222")?;
        // A high failure limit: this test makes many failures on purpose (the limits have their own test).
        let home = asterisk.init(15, 10_000)?;
        let (code, other_code, revoked_code, expiring_code) = (
            home.add_user("221")?,
            home.add_user("222")?,
            home.add_user("221")?,
            home.add_user("221")?,
        );
        let server = home.start()?;
        let client = &server.client;
        let token = server.enroll("221", &code).await?;
        let other = server.enroll("222", &other_code).await?;
        let revoked = server.enroll("221", &revoked_code).await?;
        let expiring = server.enroll("221", &expiring_code).await?;

        // 221 as its owner left it: Car exists, Home forwards to 600221 and is active.
        let settings = "/api/v1/users/me/profiles/home/settings";
        client
            .json(Method::PUT, settings, Some(&token), Some(&forward_to("600221")))
            .await?;
        client
            .json(
                Method::POST,
                "/api/v1/users/me/profiles",
                Some(&token),
                Some(&json!({"name": "Car"})),
            )
            .await?;
        let (status, _) = client
            .json(
                Method::POST,
                "/api/v1/users/me/activate",
                Some(&token),
                Some(&json!({"profile": "home"})),
            )
            .await?;
        assert_eq!(status, StatusCode::OK);

        // Revoke one device with the CLI; expire another by its stored expiry.
        let revoked_id = revoked.split_once('.').ok_or("token shape")?.0;
        home.command(&["user", "revoke", "221", "--device", revoked_id])?;
        let expiring_id = expiring.split_once('.').ok_or("token shape")?.0;
        let users_path = home.dir.join("users.json");
        let mut users: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&users_path)?)?;
        for device in users["users"]["221"]["devices"].as_array_mut().ok_or("devices")? {
            if device["id"] == expiring_id {
                device["expires_at"] = json!(1);
            }
        }
        std::fs::write(&users_path, serde_json::to_vec(&users)?)?;

        let profiles_before = std::fs::read(home.profiles_file("221"))?;
        let trees = [
            (value("CF")?, value("221")?),
            (value("AMPUSER")?, value("221")?),
            (value("CALLPROFILES")?, value("221")?),
        ];
        let astdb = |admin: &mut callprofiles_core::phone_system::asterisk::AmiClient| admin.db_get_trees(&trees);
        let astdb_before = astdb(&mut admin)?;

        let mut altered = token.clone();
        let last = altered.pop().ok_or("empty token")?;
        altered.push(if last == 'A' { 'B' } else { 'A' });
        let bad_tokens: [(&str, Option<&str>); 5] = [
            ("none", None),
            ("malformed", Some("not-a-token")),
            ("altered", Some(&altered)),
            ("revoked", Some(&revoked)),
            ("expired", Some(&expiring)),
        ];
        let mut refusals = 0;
        for (method, path, body) in endpoints() {
            let bytes = body.as_ref().map(serde_json::to_vec).transpose()?.unwrap_or_default();
            for (what, bad) in bad_tokens {
                let answer = client.request(method.clone(), path, bad, bytes.clone()).await?;
                assert_eq!(
                    answer.status,
                    StatusCode::UNAUTHORIZED,
                    "{method} {path} with a {what} token"
                );
                let error: serde_json::Value = serde_json::from_slice(&answer.body)?;
                assert_eq!(error["error"], "unauthorized");
                refusals += 1;
            }
        }
        // 222's token on every endpoint (sign-out last): whatever it does, it does to 222.
        for (method, path, body) in endpoints() {
            let bytes = body.as_ref().map(serde_json::to_vec).transpose()?.unwrap_or_default();
            let response = client.send(method.clone(), path, Some(&other), bytes).await?;
            if path.ends_with("/me") || path.ends_with("/state") {
                let body = http_body_util::BodyExt::collect(response.into_body()).await?.to_bytes();
                let value: serde_json::Value = serde_json::from_slice(&body)?;
                assert_eq!(value["extension"], "222", "{path}");
            }
        }
        assert_eq!(
            std::fs::read(home.profiles_file("221"))?,
            profiles_before,
            "221's profiles unchanged"
        );
        assert_eq!(astdb(&mut admin)?, astdb_before, "221's AstDB unchanged");
        assert_eq!(admin.db_get(&value("CF")?, &value("221")?)?.as_deref(), Some("600221"));
        let (status, state) = client
            .json(Method::GET, "/api/v1/users/me/state", Some(&token), None)
            .await?;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(state["activity"], json!({"active": "home"}));
        assert_eq!(state["book"]["custom"][0]["name"], "Car");
        // Revoking 221 with the CLI ends its open event stream (re-checked every 10 s) and its token.
        let mut events = client.events(&token).await?;
        assert!(events.next_state(std::time::Duration::from_secs(5)).await?.is_some());
        home.command(&["user", "revoke", "221"])?;
        let revoked_at = std::time::Instant::now();
        let after = events.next_state(std::time::Duration::from_secs(15)).await?;
        assert!(after.is_none(), "the stream of a revoked device ended");
        let (status, _) = client.json(Method::GET, "/api/v1/users/me", Some(&token), None).await?;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        eprintln!(
            "refusals: {refusals} bad-token requests refused with 401; 222's token left 221 untouched; \
             a revoked device's stream ended after {:.1} s",
            revoked_at.elapsed().as_secs_f64()
        );
        Ok(())
    })
}
