//! Automatic switching run by the server (issue 13) on the real Asterisk: a window of the weekly
//! schedule starting a few seconds ahead is applied with no request from any desktop (AstDB changes,
//! history and the audit log say why, the user's stream gets the push); a boundary passed while the
//! server was stopped is applied when it starts; an "until" that ends returns to the schedule; and the
//! refusals.

use std::time::{Duration, Instant};

use hyper::{Method, StatusCode};
use jiff::{SignedDuration, Timestamp, ToSpan, tz::TimeZone};
use serde_json::{Value, json};

use callprofiles_core::phone_system::asterisk::AmiClient;

use crate::support::{
    AmiClientExt, Asterisk, Client, Res, Server, ServerHome, TestResult, asterisk, block_on, forward_to,
    reset_extension,
};

/// Where a user's Home profile is edited.
const HOME_SETTINGS: &str = "/api/v1/users/me/profiles/home/settings";
/// Where a user's rules are saved.
const RULES: &str = "/api/v1/users/me/automation/rules";

/// What a test of one user works with.
struct Enrolled {
    /// The tests' own AMI connection (the "outside" that reads AstDB).
    admin: AmiClient,
    /// The server's directory.
    home: ServerHome,
    /// The running server.
    server: Server,
    /// The user's device token.
    token: String,
}

/// Resets `extension` on the PBX, starts a server (safety poll every 15 s, `failure_limit` failed guesses
/// before 429) and enrolls one device of `extension`.
async fn enrolled(asterisk: &Asterisk, extension: &str, failure_limit: u32) -> Res<Enrolled> {
    let mut admin = asterisk.admin()?;
    reset_extension(&mut admin, extension)?;
    let home = asterisk.init(15, failure_limit)?;
    let code = home.add_user(extension)?;
    let server = home.start()?;
    let token = server.enroll(extension, &code).await?;
    Ok(Enrolled {
        admin,
        home,
        server,
        token,
    })
}

/// Sends `body` to `path` with `token`, checks the answer is 200, and returns its body.
async fn ok(client: &Client, method: Method, path: &str, token: &str, body: Option<&Value>) -> Res<Value> {
    let (status, answer) = client.json(method, path, Some(token), body).await?;
    assert_eq!(status, StatusCode::OK, "{path}: {answer}");
    Ok(answer)
}

/// The next minute boundary at least `margin` seconds ahead (windows are whole minutes).
fn boundary_ahead(margin: i64) -> Res<Timestamp> {
    let now = Timestamp::now();
    let minute = (now.as_second() / 60 + 1) * 60;
    let minute = if minute - now.as_second() < margin {
        minute + 60
    } else {
        minute
    };
    Ok(Timestamp::from_second(minute)?)
}

/// Rules in UTC: Office otherwise, `profile` in a window of `minutes` from `start` on its weekday.
fn window_rules(start: Timestamp, minutes: i64, profile: &str) -> Res<Value> {
    let start = start.to_zoned(TimeZone::UTC);
    let end = start.checked_add(minutes.minutes())?;
    let day = format!("{:?}", start.weekday()).to_lowercase();
    Ok(json!({
        "time_zone": "UTC",
        "weekly": [{"days": [&day[..3]], "start": start.strftime("%H:%M").to_string(),
                    "end": end.strftime("%H:%M").to_string(), "profile": profile}],
        "otherwise": "office",
    }))
}

/// Waits until `at` (wall clock) plus `extra`.
async fn sleep_past(at: Timestamp, extra: Duration) {
    let left = Duration::try_from(at.duration_since(Timestamp::now())).unwrap_or_default();
    tokio::time::sleep(left + extra).await;
}

/// Reads `CF/<ext>` until it is `wanted` or `wait` ends.
async fn forward_becomes(
    admin: &mut callprofiles_core::phone_system::asterisk::AmiClient,
    extension: &str,
    wanted: Option<&str>,
    wait: Duration,
) -> Res<bool> {
    let deadline = Instant::now() + wait;
    loop {
        if admin.forward_of(extension)?.as_deref() == wanted {
            return Ok(true);
        }
        if Instant::now() > deadline {
            return Ok(false);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[test]
fn a_window_boundary_is_applied_on_the_pbx_without_any_request_and_an_until_returns_to_it() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let Enrolled {
            mut admin,
            home,
            server,
            token,
        } = enrolled(&asterisk, "261", 10).await?;
        let client = &server.client;
        ok(
            client,
            Method::PUT,
            HOME_SETTINGS,
            &token,
            Some(&forward_to("600100261")),
        )
        .await?;

        let boundary = boundary_ahead(6)?;
        let rules = window_rules(boundary, 3, "home")?;
        let change = ok(client, Method::PUT, RULES, &token, Some(&rules)).await?;
        assert_eq!(
            change["step"]["switched"],
            Value::Null,
            "Office is already active: {change}"
        );
        assert_eq!(change["step"]["next"]["profile"], "home");
        assert_eq!(change["step"]["next"]["at"], boundary.to_string());
        assert_eq!(
            change["state"]["automation"]["next"]["profile"], "home",
            "the state carries the Next: line"
        );

        let mut events = client.events(&token).await?;
        let first = events.next_state(Duration::from_secs(5)).await?.ok_or("ended")?;
        assert_eq!(first["activity"], json!({"active": "office"}));
        assert_eq!(admin.forward_of("261")?, None);

        // No request from here on: the server applies the boundary itself.
        let wait = Duration::try_from(boundary.duration_since(Timestamp::now())).unwrap_or_default();
        let pushed = events
            .next_state(wait + Duration::from_secs(5))
            .await
            .map_err(|e| format!("boundary at {boundary}: {e}; log: {}", home.logs().unwrap_or_default()))?
            .ok_or("ended")?;
        let late = Timestamp::now().duration_since(boundary);
        assert_eq!(pushed["activity"], json!({"active": "home"}), "{pushed}");
        assert_eq!(
            admin.forward_of("261")?.as_deref(),
            Some("600100261"),
            "AstDB follows the schedule"
        );
        assert_eq!(pushed["automation"]["decision"]["profile"], "home");
        let (status, history) = client
            .json(Method::GET, "/api/v1/users/me/automation/history", Some(&token), None)
            .await?;
        assert_eq!(status, StatusCode::OK);
        let entry = &history["entries"][0];
        assert_eq!(
            (&entry["from"], &entry["to"]),
            (&json!("office"), &json!("home")),
            "{history}"
        );
        assert_eq!(entry["reason"], json!({"kind": "schedule", "rule": 1}), "{history}");
        assert!(
            home.audit()?
                .contains("who=261/automation what=\"automatic: office → home (schedule window 1)\""),
            "{}",
            home.audit()?
        );

        // "Until" 4 s from now: Office at once, then back to what the schedule says (Home).
        let ends = Timestamp::now().checked_add(SignedDuration::from_secs(4))?;
        let body = json!({"profile": "office", "until": {"ends": ends.to_string(), "then": "schedule"}});
        let (status, change) = client
            .json(
                Method::POST,
                "/api/v1/users/me/automation/until",
                Some(&token),
                Some(&body),
            )
            .await?;
        assert_eq!(status, StatusCode::OK, "{change}");
        assert_eq!(change["step"]["switched"]["to"], "office");
        assert_eq!(admin.forward_of("261")?, None, "Office is live at once");
        assert!(
            forward_becomes(&mut admin, "261", Some("600100261"), Duration::from_secs(10)).await?,
            "the until ended at {ends} but Home is not back; log: {}",
            home.logs()?
        );
        let back = Timestamp::now().duration_since(ends);
        let (_, history) = client
            .json(Method::GET, "/api/v1/users/me/automation/history", Some(&token), None)
            .await?;
        let reasons: Vec<&Value> = history["entries"]
            .as_array()
            .ok_or("no entries")?
            .iter()
            .map(|e| &e["to"])
            .collect();
        assert_eq!(reasons, [&json!("home"), &json!("office"), &json!("home")], "{history}");
        assert_eq!(history["entries"][1]["reason"]["kind"], "until");
        assert_eq!(history["entries"][1]["reason"]["then"], "schedule");
        eprintln!(
            "server applied the window boundary {:.0} ms after it, the end of an until {:.0} ms after it",
            late.as_secs_f64() * 1000.0,
            back.as_secs_f64() * 1000.0
        );
        reset_extension(&mut admin, "261")?;
        Ok(())
    })
}

#[test]
fn a_boundary_passed_while_the_server_was_stopped_is_applied_at_start_up() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let Enrolled {
            mut admin,
            home,
            mut server,
            token,
        } = enrolled(&asterisk, "263", 10).await?;
        let client = server.client.clone();
        ok(
            &client,
            Method::PUT,
            HOME_SETTINGS,
            &token,
            Some(&forward_to("600100263")),
        )
        .await?;
        let boundary = boundary_ahead(6)?;
        ok(
            &client,
            Method::PUT,
            RULES,
            &token,
            Some(&window_rules(boundary, 5, "home")?),
        )
        .await?;
        server.kill9()?;

        sleep_past(boundary, Duration::from_secs(2)).await;
        assert_eq!(
            admin.forward_of("263")?,
            None,
            "nothing applied the boundary while the server was down"
        );
        let started = Instant::now();
        let server = home.start()?;
        assert!(
            forward_becomes(&mut admin, "263", Some("600100263"), Duration::from_secs(10)).await?,
            "not applied at start-up; log: {}",
            home.logs()?
        );
        let took = started.elapsed();
        let (status, history) = server
            .client
            .json(Method::GET, "/api/v1/users/me/automation/history", Some(&token), None)
            .await?;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(history["entries"][0]["to"], "home", "{history}");
        assert_eq!(history["entries"][0]["reason"], json!({"kind": "schedule", "rule": 1}));
        assert!(home.audit()?.contains("automatic: office → home (schedule window 1)"));
        eprintln!(
            "a missed boundary was applied {:.0} ms after the server started",
            took.as_secs_f64() * 1000.0
        );
        reset_extension(&mut admin, "263")?;
        Ok(())
    })
}

#[test]
fn automation_refusals_other_users_no_token_oversized_and_overlapping() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let Enrolled {
            mut admin,
            home,
            server,
            token,
        } = enrolled(&asterisk, "265", 50).await?;
        reset_extension(&mut admin, "266")?;
        let client = &server.client;
        let other = server.enroll("266", &home.add_user("266")?).await?;
        let rules_path = RULES;
        let later = boundary_ahead(600)?;
        ok(
            client,
            Method::PUT,
            RULES,
            &token,
            Some(&window_rules(later, 30, "mobile")?),
        )
        .await?;

        // Another user's token sees and changes only its own rules; no path names an extension.
        let (status, view) = client
            .json(Method::GET, "/api/v1/users/me/automation", Some(&other), None)
            .await?;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            view["rules"]["weekly"],
            json!([]),
            "266 sees none of 265's rules: {view}"
        );
        for (method, path) in [
            (Method::GET, "/api/v1/users/265/automation"),
            (Method::PUT, "/api/v1/users/265/automation/rules"),
            (Method::GET, "/api/v1/users/265/automation/history"),
        ] {
            let (status, _) = client.json(method, path, Some(&other), Some(&json!({}))).await?;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        }
        let (status, _) = client
            .json(Method::DELETE, "/api/v1/users/me/automation/hold", Some(&other), None)
            .await?;
        assert_eq!(status, StatusCode::OK);
        let (_, view) = client
            .json(Method::GET, "/api/v1/users/me/automation", Some(&token), None)
            .await?;
        assert_eq!(
            view["rules"]["weekly"][0]["profile"], "mobile",
            "265's rules are untouched"
        );

        // No token, or a wrong one: 401 on every automation endpoint.
        for (method, path) in [
            (Method::GET, "/api/v1/users/me/automation"),
            (Method::PUT, rules_path),
            (Method::POST, "/api/v1/users/me/automation/until"),
            (Method::DELETE, "/api/v1/users/me/automation/hold"),
            (Method::PUT, "/api/v1/users/me/automation/situation"),
            (Method::GET, "/api/v1/users/me/automation/history"),
        ] {
            let (status, body) = client.json(method.clone(), path, None, Some(&json!({}))).await?;
            assert_eq!(
                (status, &body["error"]),
                (StatusCode::UNAUTHORIZED, &json!("unauthorized")),
                "{path}"
            );
        }

        // Over 64 KiB: 413 before anything is parsed. The server answers from Content-Length and may close
        // before the body is all sent, so the request is written raw and only the answer's head is read.
        let huge = format!(
            "{{\"time_zone\":\"UTC\",\"weekly\":[],\"otherwise\":\"{}\"}}",
            "x".repeat(70 * 1024)
        );
        let request = format!(
            "PUT {rules_path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{huge}",
            huge.len()
        );
        let answer = client.raw(request.as_bytes()).await?;
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");

        // Overlapping windows: 422 with the typed reason; the saved rules are kept.
        let overlapping = json!({"time_zone": "Europe/Warsaw", "weekly": [
            {"days": ["mon", "tue"], "start": "08:00", "end": "16:00", "profile": "office"},
            {"days": ["tue"], "start": "15:00", "end": "18:00", "profile": "mobile"}]});
        let (status, error) = client
            .json(Method::PUT, rules_path, Some(&token), Some(&overlapping))
            .await?;
        assert_eq!(
            (status, &error["error"]),
            (StatusCode::UNPROCESSABLE_ENTITY, &json!("rule")),
            "{error}"
        );
        let reason = &error["detail"]["automation"]["OverlappingWindows"];
        assert_eq!(
            (&reason["first"], &reason["second"], &reason["day"]),
            (&json!(1), &json!(2), &json!("tue")),
            "{error}"
        );
        // A profile that does not exist, an "until" already past, an unknown zone.
        let unknown = json!({"time_zone": "UTC", "otherwise": "custom-9"});
        let (status, error) = client
            .json(Method::PUT, rules_path, Some(&token), Some(&unknown))
            .await?;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
        let past = json!({"profile": "office", "until": {"ends": "2020-01-01T00:00:00Z", "then": "schedule"}});
        let (status, error) = client
            .json(
                Method::POST,
                "/api/v1/users/me/automation/until",
                Some(&token),
                Some(&past),
            )
            .await?;
        assert_eq!(
            (status, error["detail"]["automation"]["UntilPassed"].is_object()),
            (StatusCode::UNPROCESSABLE_ENTITY, true),
            "{error}"
        );
        let zone = json!({"time_zone": "Mars/Olympus_Mons"});
        let (status, error) = client.json(Method::PUT, rules_path, Some(&token), Some(&zone)).await?;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{error}");
        let (_, view) = client
            .json(Method::GET, "/api/v1/users/me/automation", Some(&token), None)
            .await?;
        assert_eq!(
            view["rules"]["weekly"][0]["profile"], "mobile",
            "refused rules changed nothing"
        );
        assert_eq!(view["rules"]["time_zone"], "UTC");
        let audit = home.audit()?;
        assert!(
            audit.contains("who=265/") && audit.contains("save automation rules refused:Rule"),
            "{audit}"
        );
        Ok(())
    })
}

#[test]
fn a_damaged_automation_file_is_set_aside_kept_and_audited_and_the_user_goes_on() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let Enrolled {
            mut admin,
            home,
            server,
            token,
        } = enrolled(&asterisk, "267", 50).await?;
        let client = &server.client;
        let view_path = "/api/v1/users/me/automation";
        let rules = window_rules(boundary_ahead(600)?, 30, "mobile")?;
        ok(client, Method::PUT, RULES, &token, Some(&rules)).await?;

        // The file is damaged behind the server's back (a disk fault, a hand edit): the request still
        // answers, with fresh rules.
        let user = home.dir.join("users").join("267");
        let damage = b"{\"version\": 1, \"rules\": {\"weekly\": [trunc";
        std::fs::write(user.join("automation.json"), damage)?;
        let view = ok(client, Method::GET, view_path, &token, None).await?;
        assert_eq!(view["rules"]["weekly"], json!([]), "{view}");
        let kept: Vec<_> = std::fs::read_dir(&user)?
            .flatten()
            .filter(|entry| {
                entry
                    .file_name()
                    .to_string_lossy()
                    .starts_with("automation.json.damaged-")
            })
            .map(|entry| entry.path())
            .collect();
        let [kept] = kept.as_slice() else {
            return Err(format!("the damaged file is not kept once: {kept:?}").into());
        };
        assert_eq!(std::fs::read(kept)?, damage, "the damaged file is kept as it was");
        let audit = home.audit()?;
        assert!(
            audit.contains("who=267 ")
                && audit.contains("damaged automation file set aside as automation.json.damaged-"),
            "{audit}"
        );
        // The user goes on: new rules are saved and read back; the history reads.
        ok(client, Method::PUT, RULES, &token, Some(&rules)).await?;
        let view = ok(client, Method::GET, view_path, &token, None).await?;
        assert_eq!(view["rules"]["weekly"][0]["profile"], "mobile", "{view}");
        std::fs::write(user.join("history.json"), b"[not json")?;
        ok(client, Method::GET, "/api/v1/users/me/automation/history", &token, None).await?;
        assert!(home.audit()?.contains("set aside as history.json.damaged-"));
        // A file of a newer version is not set aside (the server that wrote it may come back).
        std::fs::write(user.join("automation.json"), br#"{"version": 999}"#)?;
        let (status, error) = client.json(Method::GET, view_path, Some(&token), None).await?;
        assert_ne!(status, StatusCode::OK, "{error}");
        assert_eq!(std::fs::read(user.join("automation.json"))?, br#"{"version": 999}"#);
        reset_extension(&mut admin, "267")?;
        Ok(())
    })
}

#[test]
fn away_only_when_every_computer_of_the_user_is_and_a_revoked_one_stops_counting() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let Enrolled {
            mut admin,
            home,
            server,
            token: desk,
        } = enrolled(&asterisk, "268", 50).await?;
        let client = &server.client;
        let laptop = server.enroll("268", &home.add_user("268")?).await?;
        ok(
            client,
            Method::PUT,
            HOME_SETTINGS,
            &desk,
            Some(&forward_to("600100268")),
        )
        .await?;
        let rules = json!({"time_zone": "UTC", "otherwise": "office",
                           "away": {"profile": "home", "on_lock": true, "on_sleep": true}});
        ok(client, Method::PUT, RULES, &desk, Some(&rules)).await?;
        let report = |token: String, situation: Value| async move {
            ok(
                client,
                Method::PUT,
                "/api/v1/users/me/automation/situation",
                &token,
                Some(&situation),
            )
            .await
        };
        let at_the_desk = json!({});
        let locked = json!({"away": "locked"});
        report(desk.clone(), at_the_desk.clone()).await?;
        assert_eq!(admin.forward_of("268")?, None, "Office while the user is at the desk");
        // The laptop left at home locks itself: the user is still at the desk.
        report(laptop.clone(), locked.clone()).await?;
        assert_eq!(admin.forward_of("268")?, None, "one locked computer of two is not away");
        // The desk locks too: away.
        report(desk.clone(), locked.clone()).await?;
        assert_eq!(
            admin.forward_of("268")?.as_deref(),
            Some("600100268"),
            "all locked: away"
        );
        // Back at the laptop: back to the rules.
        report(laptop.clone(), at_the_desk.clone()).await?;
        assert_eq!(admin.forward_of("268")?, None);
        // The desk in use is signed out (revoked): its last report stops counting when the laptop locks.
        report(desk.clone(), at_the_desk.clone()).await?;
        let (status, _) = client
            .json(Method::DELETE, "/api/v1/users/me/devices/current", Some(&desk), None)
            .await?;
        assert_eq!(status, StatusCode::NO_CONTENT);
        report(laptop.clone(), locked.clone()).await?;
        assert_eq!(admin.forward_of("268")?.as_deref(), Some("600100268"));
        let kept = std::fs::read_to_string(home.dir.join("users").join("268").join("situations.json"))?;
        assert!(
            !kept.contains(&desk) && !kept.contains(&laptop),
            "no token is kept: {kept}"
        );
        reset_extension(&mut admin, "268")?;
        Ok(())
    })
}
