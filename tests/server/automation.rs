//! The desktop under a server (issue 13): the automation verbs go to the server, which runs the rules
//! (`automation_runs_remotely`, and `run_automation` switches nothing here), refusals come back as
//! core's typed errors, and do-not-disturb set on the phone shows on the desktop.

use callprofiles_core::automation::Rules;
use callprofiles_core::error::{AutomationError, CoreError};
use callprofiles_core::open_home;

use crate::asterisk_support::{TestResult, reset_extension, value, with_asterisk};
use crate::server_support::{Server, callprofiles, connect};

#[test]
fn the_desktop_speaks_the_servers_rules_and_shows_do_not_disturb() -> TestResult {
    with_asterisk("server automation from the desktop", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "207")?;
        let dnd = (value("DND")?, value("207")?);
        admin.db_del_tree(&dnd.0, &dnd.1)?;
        let server = Server::start(asterisk)?;
        let code = server.add_user("207")?;
        let home = tempfile::tempdir()?;
        let (ok, _, err) = connect(home.path(), &server, "207", &code, &server.fingerprint)?;
        assert!(ok, "connect failed: {err}");

        let mut service = open_home(home.path());
        assert!(
            service.automation_runs_remotely(),
            "the desktop's runner must stay idle"
        );
        let rules: Rules = serde_json::from_value(serde_json::json!({
            "time_zone": "Europe/Warsaw",
            "weekly": [{"days": ["sat"], "start": "00:00", "end": "24:00", "profile": "office"}],
            "otherwise": "office"}))?;
        let step = service.save_rules(rules.clone())?;
        assert_eq!(step.switched, None, "Office is already active");
        let view = service.automation()?;
        assert_eq!(view.rules, rules, "the server keeps them");
        assert!(
            !home.path().join("automation.json").exists(),
            "nothing is kept on the desktop"
        );
        let ran = service.run_automation(jiff::Timestamp::now())?;
        assert_eq!(
            (ran.switched, ran.next),
            (None, view.next),
            "the desktop only reads the server's step"
        );
        assert_eq!(service.history()?, []);

        let overlapping: Rules = serde_json::from_value(serde_json::json!({
            "time_zone": "UTC",
            "weekly": [{"days": ["mon"], "start": "08:00", "end": "16:00", "profile": "office"},
                       {"days": ["mon"], "start": "09:00", "end": "10:00", "profile": "office"}]}))?;
        match service.save_rules(overlapping) {
            Err(CoreError::Automation(AutomationError::OverlappingWindows {
                first: 1, second: 2, ..
            })) => {}
            other => panic!("expected the typed overlap, got {other:?}"),
        }

        // The command line goes through the server too: "until" applies Mobile there, history says so.
        callprofiles(home.path())
            .args(["set", "mobile", "routing=twinning:600100207"])
            .assert()
            .success();
        callprofiles(home.path())
            .args(["activate", "mobile", "--for", "2h"])
            .assert()
            .success();
        let direct = asterisk.home("207")?;
        let live = asterisk.app(direct.path())?.pbx_show()?;
        assert_eq!(live.routing, callprofiles_core::Routing::parse("twinning:600100207")?);
        let history = callprofiles(home.path()).args(["history", "--json"]).output()?;
        let history: serde_json::Value = serde_json::from_slice(&history.stdout)?;
        assert_eq!(history["entries"][0]["to"], "mobile", "{history}");
        assert_eq!(history["entries"][0]["reason"]["kind"], "until", "{history}");
        assert!(
            !home.path().join("history.json").exists(),
            "the history is the server's"
        );

        admin.db_put(&dnd.0, &dnd.1, &value("YES")?)?;
        let snapshot = service.snapshot();
        assert!(snapshot.do_not_disturb, "DND set on the phone shows under a server");
        let status = String::from_utf8(callprofiles(home.path()).arg("status").output()?.stdout)?;
        assert!(status.contains("Do not disturb is on"), "{status}");
        admin.db_del_tree(&dnd.0, &dnd.1)?;
        Ok(())
    })
}
