//! Enrollment, state, activation and the other endpoints, happy paths, checked on the PBX.

use std::time::Duration;

use hyper::{Method, StatusCode};
use serde_json::json;

use crate::support::{TestResult, asterisk, block_on, forward_to, mode_of, reset_extension, value};

#[test]
fn init_enroll_state_activate_and_every_endpoint_on_the_pbx() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "211")?;
        let home = asterisk.init(15, 10)?;
        assert_eq!(mode_of(&home.dir)?, 0o700);
        for file in ["server.json", "ami-secret", "cert.pem", "key.pem"] {
            assert_eq!(mode_of(&home.dir.join(file))?, 0o600, "{file}");
        }
        assert_eq!(home.fingerprint.len(), 32 * 3 - 1);
        assert!(
            home.fingerprint
                .chars()
                .all(|c| c == ':' || c.is_ascii_hexdigit() && !c.is_ascii_lowercase())
        );
        let code = home.add_user("211")?;
        let second_code = home.add_user("211")?;
        assert_ne!(code, second_code, "each computer gets its own code");
        let server = home.start()?;
        let client = &server.client;

        let token = server.enroll("211", &code).await?;
        assert!(token.len() >= 12 + 1 + 22, "≥ 128 random bits after the device id");
        // The code is used up; the second one enrolls another computer.
        let body = json!({"extension": "211", "code": code, "device_name": "again"});
        let (status, reply) = client.json(Method::POST, "/api/v1/enroll", None, Some(&body)).await?;
        assert_eq!(
            (status, reply["error"].as_str()),
            (StatusCode::UNAUTHORIZED, Some("enrollment_refused"))
        );
        let other_token = server.enroll("211", &second_code).await?;
        assert_ne!(token, other_token);
        let users_json = std::fs::read_to_string(home.dir.join("users.json"))?;
        assert!(
            !users_json.contains(&token) && !users_json.contains(&code),
            "only hashes are stored"
        );

        let (status, me) = client.json(Method::GET, "/api/v1/users/me", Some(&token), None).await?;
        assert_eq!((status, me["extension"].as_str()), (StatusCode::OK, Some("211")));

        let (status, state) = client
            .json(Method::GET, "/api/v1/users/me/state", Some(&token), None)
            .await?;
        assert_eq!(status, StatusCode::OK, "{state}");
        assert_eq!(state["reachable"], true);
        assert_eq!(state["activity"], json!({"active": "office"}));
        assert_eq!(state["new_messages"], 0);

        // Activating Home without its number is core's rule, typed.
        let (status, error) = client
            .json(
                Method::POST,
                "/api/v1/users/me/activate",
                Some(&token),
                Some(&json!({"profile": "home"})),
            )
            .await?;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error["error"], "rule");
        assert!(error["detail"]["rule"]["MissingNumber"].is_object(), "{error}");

        let path = "/api/v1/users/me/profiles/home/settings";
        let (status, state) = client
            .json(Method::PUT, path, Some(&token), Some(&forward_to("600100211")))
            .await?;
        assert_eq!(status, StatusCode::OK, "{state}");
        let (status, state) = client
            .json(
                Method::POST,
                "/api/v1/users/me/activate",
                Some(&token),
                Some(&json!({"profile": "home"})),
            )
            .await?;
        assert_eq!(status, StatusCode::OK, "{state}");
        assert_eq!(state["activity"], json!({"active": "home"}));
        assert_eq!(
            admin.db_get(&value("CF")?, &value("211")?)?.as_deref(),
            Some("600100211")
        );
        assert!(
            home.profiles_file("211").exists(),
            "the user's profiles live in DIR/users/211"
        );

        // Create, rename, delete, save Detected, export/import, upload, live.
        let (status, state) = client
            .json(
                Method::POST,
                "/api/v1/users/me/profiles",
                Some(&token),
                Some(&json!({"name": "Car", "from": null})),
            )
            .await?;
        assert_eq!(status, StatusCode::OK, "{state}");
        assert_eq!(state["book"]["custom"][0]["name"], "Car");
        let (status, state) = client
            .json(
                Method::PATCH,
                "/api/v1/users/me/profiles/custom-1",
                Some(&token),
                Some(&json!({"name": "Van"})),
            )
            .await?;
        assert_eq!(
            (status, state["book"]["custom"][0]["name"].as_str()),
            (StatusCode::OK, Some("Van"))
        );
        let (status, error) = client
            .json(
                Method::PATCH,
                "/api/v1/users/me/profiles/office",
                Some(&token),
                Some(&json!({"name": "X"})),
            )
            .await?;
        assert_eq!(
            (status, error["error"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("rule"))
        );

        let export = client
            .request(Method::GET, "/api/v1/users/me/profiles/export", Some(&token), vec![])
            .await?;
        assert_eq!(export.status, StatusCode::OK);
        let exported: serde_json::Value = serde_json::from_slice(&export.body)?;
        assert_eq!(exported["format"], "callprofiles-profiles");

        let (status, state) = client
            .json(Method::DELETE, "/api/v1/users/me/profiles/custom-1", Some(&token), None)
            .await?;
        assert_eq!(
            (status, state["book"]["custom"].as_array().map(Vec::len)),
            (StatusCode::OK, Some(0))
        );

        let import = client
            .request(
                Method::PUT,
                "/api/v1/users/me/profiles/import",
                Some(&token),
                export.body.clone(),
            )
            .await?;
        assert_eq!(import.status, StatusCode::OK);
        let imported: serde_json::Value = serde_json::from_slice(&import.body)?;
        assert_eq!(imported["report"]["custom_imported"], 1);
        let broken = client
            .request(
                Method::PUT,
                "/api/v1/users/me/profiles/import",
                Some(&token),
                b"{\"format\":1".to_vec(),
            )
            .await?;
        assert_eq!(broken.status, StatusCode::BAD_REQUEST);

        let upload = client
            .request(
                Method::POST,
                "/api/v1/users/me/profiles/upload",
                Some(&token),
                export.body.clone(),
            )
            .await?;
        let uploaded: serde_json::Value = serde_json::from_slice(&upload.body)?;
        assert_eq!(
            uploaded["uploaded"], false,
            "the server already has this user's profiles"
        );

        // Live settings directly, then Detected saved as a profile.
        let (status, state) = client
            .json(
                Method::PUT,
                "/api/v1/users/me/live",
                Some(&token),
                Some(&forward_to("700211")),
            )
            .await?;
        assert_eq!(status, StatusCode::OK, "{state}");
        assert!(state["activity"]["detected"].is_object(), "{state}");
        assert_eq!(admin.db_get(&value("CF")?, &value("211")?)?.as_deref(), Some("700211"));
        let (status, state) = client
            .json(
                Method::POST,
                "/api/v1/users/me/detected",
                Some(&token),
                Some(&json!({"name": "Seven"})),
            )
            .await?;
        assert_eq!(status, StatusCode::OK, "{state}");
        assert_eq!(state["activity"], json!({"active": "custom-2"}));

        // A call needs Telecommuter routing: refused by core's rule, typed.
        let (status, error) = client
            .json(
                Method::POST,
                "/api/v1/users/me/calls",
                Some(&token),
                Some(&json!({"number": "500"})),
            )
            .await?;
        assert_eq!(
            (status, error["error"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("rule")),
            "{error}"
        );

        // Sign out: this token stops working, the other computer's does not.
        let (status, _) = client
            .json(Method::DELETE, "/api/v1/users/me/devices/current", Some(&token), None)
            .await?;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, _) = client.json(Method::GET, "/api/v1/users/me", Some(&token), None).await?;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let (status, _) = client
            .json(Method::GET, "/api/v1/users/me", Some(&other_token), None)
            .await?;
        assert_eq!(status, StatusCode::OK);

        let list = home.command(&["user", "list"])?;
        assert!(list.contains("211: 1 device(s)"), "{list}");

        // One audit line per change, and no secret anywhere in the logs.
        let audit = home.audit()?;
        for what in [
            "enroll",
            "activate home done",
            "rename custom-1 done",
            "delete custom-1 done",
            "sign out",
        ] {
            assert!(audit.contains(what), "audit lacks {what}: {audit}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        let logs = home.logs()?;
        for secret in [&token, &other_token, &code, &second_code, &home.secret] {
            assert!(!logs.contains(secret.as_str()), "a secret leaked into the logs");
        }
        let (_, secret_part) = other_token.split_once('.').ok_or("token shape")?;
        assert!(!logs.contains(secret_part));
        Ok(())
    })
}
