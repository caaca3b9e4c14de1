//! Another user's token can do nothing to 201; an altered or revoked token can do nothing at all.

use callprofiles_core::remote::{DeviceToken, Fingerprint, ServerClient, ServerUrl};
use callprofiles_core::{CoreError, ProfileId, RemoteError};

use crate::asterisk_support::{TestResult, reset_extension, with_asterisk};
use crate::server_support::{Server, callprofiles, connect};

#[test]
fn another_users_token_cannot_touch_201_and_revoked_or_altered_tokens_are_refused() -> TestResult {
    with_asterisk("server isolation", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "202")?;
        reset_extension(&mut admin, "206")?;
        let server = Server::start(asterisk)?;
        let owner = tempfile::tempdir()?;
        let other = tempfile::tempdir()?;
        let (ok, _, err) = connect(
            owner.path(),
            &server,
            "202",
            &server.add_user("202")?,
            &server.fingerprint,
        )?;
        assert!(ok, "{err}");
        let (ok, _, err) = connect(
            other.path(),
            &server,
            "206",
            &server.add_user("206")?,
            &server.fingerprint,
        )?;
        assert!(ok, "{err}");
        let direct = asterisk.home("202")?;
        let before = asterisk.app(direct.path())?.pbx_show()?;

        // The other user changes "their" Mobile and activates it: only 206 changes.
        callprofiles(other.path())
            .args(["set", "mobile", "routing=twinning:600100200"])
            .assert()
            .success();
        callprofiles(other.path())
            .args(["activate", "mobile"])
            .assert()
            .success();
        callprofiles(other.path())
            .args(["pbx", "set", "routing=forward:700"])
            .assert()
            .success();
        assert_eq!(asterisk.app(direct.path())?.pbx_show()?, before);
        let owner_list = String::from_utf8(callprofiles(owner.path()).arg("show").arg("mobile").output()?.stdout)?;
        assert!(!owner_list.contains("600100200"), "{owner_list}");

        // The API has no way to name another extension: the token decides.
        let url = ServerUrl::parse(&server.url())?;
        let fingerprint = Some(Fingerprint::parse(&server.fingerprint)?);
        let other_token = DeviceToken::load(other.path())?;
        let client = ServerClient::new(url.clone(), fingerprint, Some(other_token))?;
        assert_eq!(client.me()?.extension, "206");
        assert_eq!(client.state()?.extension, "206");

        // An altered token is refused and changes nothing.
        let altered = std::fs::read_to_string(DeviceToken::path_in(other.path()))?;
        let altered = DeviceToken::new(&format!("x{}", altered.trim().get(1..).unwrap_or_default())).ok_or("token")?;
        let client = ServerClient::new(url.clone(), fingerprint, Some(altered))?;
        let refused = client.activate(&ProfileId::parse("office")?).err();
        assert!(
            matches!(refused, Some(CoreError::Remote(RemoteError::Unauthorized))),
            "{refused:?}"
        );
        assert_eq!(asterisk.app(direct.path())?.pbx_show()?, before);

        // Signed out: the server revoked the token, which can do nothing any more.
        let owner_token = DeviceToken::load(owner.path())?;
        let out = callprofiles(owner.path()).arg("disconnect").output()?;
        assert!(String::from_utf8(out.stdout)?.contains("Signed out"));
        assert!(!DeviceToken::path_in(owner.path()).exists());
        let client = ServerClient::new(url, fingerprint, Some(owner_token))?;
        let refused = client.activate(&ProfileId::parse("office")?).err();
        assert!(
            matches!(refused, Some(CoreError::Remote(RemoteError::Unauthorized))),
            "{refused:?}"
        );
        let status = callprofiles(owner.path()).arg("status").output()?;
        assert!(String::from_utf8(status.stdout)?.contains("demo"));
        Ok(())
    })
}
