//! Guessing is rate-limited (429 + Retry-After) per address and per extension; bodies over 64 KiB are
//! 413; a client that sends its request too slowly is cut off; an idle event stream is not.

use std::time::{Duration, Instant};

use hyper::{Method, StatusCode};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::{TestResult, asterisk, block_on};

#[test]
fn repeated_bad_codes_and_tokens_get_429_per_address_and_per_extension() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let home = asterisk.init(15, 10)?;
        let code = home.add_user("231")?;
        let server = home.start()?;
        let guesser = server.client.at_address([127, 0, 0, 2]);
        let enroll = |code: &str| json!({"extension": "231", "code": code, "device_name": "x"});
        for attempt in 0..10 {
            let (status, reply) = guesser
                .json(
                    Method::POST,
                    "/api/v1/enroll",
                    None,
                    Some(&enroll(&format!("WRONG-{attempt}"))),
                )
                .await?;
            assert_eq!(
                (status, reply["error"].as_str()),
                (StatusCode::UNAUTHORIZED, Some("enrollment_refused"))
            );
        }
        let answer = guesser
            .request(
                Method::POST,
                "/api/v1/enroll",
                None,
                serde_json::to_vec(&enroll(&code))?,
            )
            .await?;
        assert_eq!(
            answer.status,
            StatusCode::TOO_MANY_REQUESTS,
            "even the right code waits"
        );
        let retry: u64 = answer
            .headers
            .get("retry-after")
            .ok_or("no Retry-After")?
            .to_str()?
            .parse()?;
        assert!((1..=60).contains(&retry), "Retry-After {retry}");
        // Another address, same extension: still limited (per extension).
        let elsewhere = server.client.at_address([127, 0, 0, 3]);
        let (status, _) = elsewhere
            .json(Method::POST, "/api/v1/enroll", None, Some(&enroll(&code)))
            .await?;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        // Another extension from a fresh address is not.
        let other = json!({"extension": "232", "code": "NOPE", "device_name": "x"});
        let (status, _) = server
            .client
            .at_address([127, 0, 0, 4])
            .json(Method::POST, "/api/v1/enroll", None, Some(&other))
            .await?;
        assert_eq!(status, StatusCode::UNAUTHORIZED);

        // Bad tokens from one address: 401 ten times, then 429.
        let prober = server.client.at_address([127, 0, 0, 5]);
        for n in 0..10 {
            let token = format!("0123456789ab.guess{n}");
            let (status, _) = prober
                .json(Method::GET, "/api/v1/users/me/state", Some(&token), None)
                .await?;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
        }
        let (status, reply) = prober
            .json(Method::GET, "/api/v1/users/me/state", Some("0123456789ab.x"), None)
            .await?;
        assert_eq!(
            (status, reply["error"].as_str()),
            (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited"))
        );
        Ok(())
    })
}

#[test]
fn big_bodies_get_413_slow_clients_are_cut_off_and_idle_streams_live_on() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let home = asterisk.init(15, 10)?;
        let code = home.add_user("233")?;
        let server = home.start()?;
        let token = server.enroll("233", &code).await?;
        let client = &server.client;

        let big = vec![b' '; 70 * 1024];
        for path in ["/api/v1/users/me/activate", "/api/v1/users/me/profiles/import"] {
            let method = if path.ends_with("import") {
                Method::PUT
            } else {
                Method::POST
            };
            let answer = client.request(method, path, Some(&token), big.clone()).await?;
            assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE, "{path}");
        }
        let answer = client
            .request(Method::POST, "/api/v1/enroll", None, big.clone())
            .await?;
        assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
        // A body that lies about its size (chunked, no length) is cut at the limit too.
        let mut tls = client.tls().await?;
        let head = format!(
            "PUT /api/v1/users/me/profiles/import HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\
             Transfer-Encoding: chunked\r\n\r\n"
        );
        tls.write_all(head.as_bytes()).await?;
        for _ in 0..20 {
            tls.write_all(format!("{:x}\r\n{}\r\n", 8192, " ".repeat(8192)).as_bytes())
                .await
                .ok();
        }
        let mut reply = vec![0; 4096];
        let n = tokio::time::timeout(Duration::from_secs(10), tls.read(&mut reply)).await??;
        let reply = String::from_utf8_lossy(&reply[..n]);
        assert!(reply.starts_with("HTTP/1.1 413"), "{reply}");

        let events = client.events(&token).await;
        let mut events = events?;
        assert!(events.next_state(Duration::from_secs(5)).await?.is_some());

        // Headers that never end: the connection is closed (header read timeout, 10 s).
        let started = Instant::now();
        let mut slow_head = client.tls().await?;
        slow_head
            .write_all(b"GET /api/v1/users/me HTTP/1.1\r\nHost: x\r\n")
            .await?;
        // A body that never comes: 408 (request timeout, 20 s).
        let mut slow_body = client.tls().await?;
        let head = format!(
            "POST /api/v1/users/me/activate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"profile\""
        );
        slow_body.write_all(head.as_bytes()).await?;
        let head_closed = async {
            let mut buffer = vec![0; 1024];
            let read = tokio::time::timeout(Duration::from_secs(30), slow_head.read(&mut buffer)).await;
            (
                started.elapsed(),
                read.map(|r| r.map(|n| String::from_utf8_lossy(&buffer[..n]).into_owned())),
            )
        };
        let body_answered = async {
            let mut buffer = vec![0; 4096];
            let read = tokio::time::timeout(Duration::from_secs(40), slow_body.read(&mut buffer)).await;
            (
                started.elapsed(),
                read.map(|r| r.map(|n| String::from_utf8_lossy(&buffer[..n]).into_owned())),
            )
        };
        let ((head_after, head_read), (body_after, body_read)) = tokio::join!(head_closed, body_answered);
        let head_read = head_read.map_err(|_| "slow headers were never cut off")?;
        assert!(head_read.map_or(true, |text| text.is_empty() || text.starts_with("HTTP/1.1 408")));
        let body_read = body_read.map_err(|_| "a slow body was never cut off")??;
        assert!(body_read.starts_with("HTTP/1.1 408"), "{body_read}");
        eprintln!(
            "slow clients: unfinished headers cut after {:.1} s, unfinished body answered 408 after {:.1} s",
            head_after.as_secs_f64(),
            body_after.as_secs_f64()
        );
        // The event stream stayed open through all that idle time, and still delivers.
        let (status, _) = client
            .json(
                Method::POST,
                "/api/v1/users/me/profiles",
                Some(&token),
                Some(&json!({"name": "Idle"})),
            )
            .await?;
        assert_eq!(status, StatusCode::OK);
        let pushed = events.next_state(Duration::from_secs(5)).await?.ok_or("stream ended")?;
        assert_eq!(pushed["book"]["custom"][0]["name"], "Idle");
        Ok(())
    })
}
