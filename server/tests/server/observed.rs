//! What the desktop shows beside the settings, sent in the `State`: do-not-disturb set on the phone
//! and the extension's ring times (before, the desktop showed DND off and ring times unknown).

use hyper::Method;
use serde_json::json;

use crate::support::{TestResult, asterisk, block_on, reset_extension, value};

#[test]
fn do_not_disturb_and_ring_times_reach_the_desktop() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "251")?;
        admin.db_del_tree(&value("DND")?, &value("251")?)?;
        let home = asterisk.init(15, 10)?;
        let code = home.add_user("251")?;
        let server = home.start()?;
        let token = server.enroll("251", &code).await?;
        let path = "/api/v1/users/me/state";

        let (_, state) = server.client.json(Method::GET, path, Some(&token), None).await?;
        assert_eq!(state["do_not_disturb"], false, "{state}");
        assert_eq!(
            state["ring_times"],
            json!({"single": "system_default", "together": {"seconds": 20}})
        );

        // As FreePBX's *78 and its extension page leave them.
        admin.db_put(&value("DND")?, &value("251")?, &value("YES")?)?;
        admin.db_put(&value("AMPUSER")?, &value("251/ringtimer")?, &value("25")?)?;
        admin.db_put(&value("AMPUSER")?, &value("251/followme/grptime")?, &value("40")?)?;
        let (_, state) = server.client.json(Method::GET, path, Some(&token), None).await?;
        assert_eq!(state["do_not_disturb"], true, "{state}");
        assert_eq!(
            state["ring_times"],
            json!({"single": {"seconds": 25}, "together": {"seconds": 40}})
        );
        admin.db_del_tree(&value("DND")?, &value("251")?)?;
        reset_extension(&mut admin, "251")?;
        Ok(())
    })
}
