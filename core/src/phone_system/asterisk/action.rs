//! AMI actions built only from fixed header names and checked [`AmiValue`]s, and their wire form.

use std::fmt;
use std::time::Duration;

use super::secret::AmiSecret;
use super::value::AmiValue;

/// One AMI action: a fixed name and header names from this crate, values checked.
#[derive(Clone, PartialEq, Eq)]
pub struct Action {
    name: &'static str,
    headers: Vec<(&'static str, AmiValue)>,
    repeatable: bool,
}

/// Header names whose values are never shown by `Debug`.
const HIDDEN_HEADERS: [&str; 1] = ["Secret"];

impl Action {
    /// An action with no headers yet; `repeatable` says it may safely be sent again after a
    /// connection broke mid-request (true for everything that sets a state rather than causing one).
    pub fn new(name: &'static str, repeatable: bool) -> Self {
        Self {
            name,
            headers: Vec::new(),
            repeatable,
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &'static str, value: AmiValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// The action's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Whether it may be sent again after a broken connection.
    pub fn repeatable(&self) -> bool {
        self.repeatable
    }

    /// The bytes sent for this action with the given ActionID.
    pub fn encode(&self, action_id: u64) -> Vec<u8> {
        let mut text = format!("Action: {}\r\n", self.name);
        for (name, value) in &self.headers {
            text.push_str(name);
            text.push_str(": ");
            text.push_str(value.as_str());
            text.push_str("\r\n");
        }
        text.push_str(&format!("ActionID: {action_id}\r\n\r\n"));
        text.into_bytes()
    }

    /// `Login`; `events` asks Asterisk to send events to this session (only tests need them).
    pub fn login(username: &AmiValue, secret: &AmiSecret, events: bool) -> Self {
        Self::new("Login", true)
            .header("Username", username.clone())
            .header("Secret", secret.value().clone())
            .header("Events", AmiValue::fixed(if events { "on" } else { "off" }))
    }

    /// `Ping`.
    pub fn ping() -> Self {
        Self::new("Ping", true)
    }

    /// `Logoff`.
    pub fn logoff() -> Self {
        Self::new("Logoff", true)
    }

    /// `DBGet` of one key.
    pub fn db_get(family: &AmiValue, key: &AmiValue) -> Self {
        Self::family_key("DBGet", family, key)
    }

    /// `DBGetTree` of a family, below `key`.
    pub fn db_get_tree(family: &AmiValue, key: &AmiValue) -> Self {
        Self::family_key("DBGetTree", family, key)
    }

    /// An AstDB action naming a family and a key.
    fn family_key(name: &'static str, family: &AmiValue, key: &AmiValue) -> Self {
        Self::new(name, true)
            .header("Family", family.clone())
            .header("Key", key.clone())
    }

    /// `DBPut`.
    pub fn db_put(family: &AmiValue, key: &AmiValue, value: &AmiValue) -> Self {
        Self::family_key("DBPut", family, key).header("Val", value.clone())
    }

    /// `DBDel`.
    pub fn db_del(family: &AmiValue, key: &AmiValue) -> Self {
        Self::family_key("DBDel", family, key)
    }

    /// `DBDelTree`: deletes a family, or every key below `key` in it.
    pub fn db_del_tree(family: &AmiValue, key: &AmiValue) -> Self {
        Self::family_key("DBDelTree", family, key)
    }

    /// `Setvar` of a global variable or function, e.g. `DEVICE_STATE(Custom:CF201)`.
    pub fn setvar(variable: &AmiValue, value: &AmiValue) -> Self {
        Self::new("Setvar", true)
            .header("Variable", variable.clone())
            .header("Value", value.clone())
    }

    /// `Getvar` of a global variable or function.
    pub fn getvar(variable: &AmiValue) -> Self {
        Self::new("Getvar", true).header("Variable", variable.clone())
    }

    /// `Command`: runs an Asterisk CLI command. Not repeatable (e.g. `core restart now`).
    pub fn command(command: &AmiValue) -> Self {
        Self::new("Command", false).header("Command", command.clone())
    }

    /// `MailboxCount` of `mailbox@context`.
    pub fn mailbox_count(mailbox: &AmiValue) -> Self {
        Self::new("MailboxCount", true).header("Mailbox", mailbox.clone())
    }
}

/// `Originate` of a call that, once answered, continues in a dialplan context (always asynchronous:
/// the result arrives later as an `OriginateResponse` event).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Originate {
    /// The channel to call, e.g. `Local/201@callprofiles-in`.
    pub channel: AmiValue,
    /// Where the answered channel continues.
    pub context: AmiValue,
    /// Its extension there.
    pub exten: AmiValue,
    /// How long to wait for an answer.
    pub timeout: Duration,
    /// The unique id given to the new channel (to find its events), if any.
    pub channel_id: Option<AmiValue>,
    /// The unique id given to the other half of a `Local` channel (the one running the dialplan).
    pub other_channel_id: Option<AmiValue>,
    /// Channel variables, each `NAME=value`.
    pub variables: Vec<AmiValue>,
}

impl Originate {
    /// The action. Not repeatable: sending it twice places two calls.
    pub fn action(&self) -> Action {
        let timeout_ms = u64::try_from(self.timeout.as_millis()).unwrap_or(u64::MAX);
        let mut action = Action::new("Originate", false)
            .header("Channel", self.channel.clone())
            .header("Context", self.context.clone())
            .header("Exten", self.exten.clone())
            .header("Priority", AmiValue::fixed("1"))
            .header("Async", AmiValue::fixed("true"))
            .header("Timeout", AmiValue::number(timeout_ms));
        if let Some(id) = &self.channel_id {
            action = action.header("ChannelId", id.clone());
        }
        if let Some(id) = &self.other_channel_id {
            action = action.header("OtherChannelId", id.clone());
        }
        for variable in &self.variables {
            action = action.header("Variable", variable.clone());
        }
        action
    }
}

impl fmt::Debug for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut list = f.debug_struct("Action");
        list.field("name", &self.name);
        for (name, value) in &self.headers {
            if HIDDEN_HEADERS.contains(name) {
                list.field(name, &"<hidden>");
            } else {
                list.field(name, value);
            }
        }
        list.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::PhoneError;

    fn value(text: &str) -> Result<AmiValue, PhoneError> {
        AmiValue::new("test", text)
    }

    #[test]
    fn encodes_headers_in_order_with_action_id() -> Result<(), PhoneError> {
        let action = Action::db_put(&value("CF")?, &value("201")?, &value("+4812")?);
        assert_eq!(
            String::from_utf8_lossy(&action.encode(7)),
            "Action: DBPut\r\nFamily: CF\r\nKey: 201\r\nVal: +4812\r\nActionID: 7\r\n\r\n"
        );
        Ok(())
    }

    #[test]
    fn debug_never_shows_the_secret() -> Result<(), PhoneError> {
        let secret = AmiSecret::new("s3cr3t-value")?;
        let login = Action::login(&value("callprofiles")?, &secret, false);
        let shown = format!("{login:?}");
        assert!(!shown.contains("s3cr3t-value"), "{shown}");
        assert!(shown.contains("<hidden>") && shown.contains("callprofiles"), "{shown}");
        assert!(String::from_utf8_lossy(&login.encode(1)).contains("Secret: s3cr3t-value\r\n"));
        Ok(())
    }

    #[test]
    fn originate_is_asynchronous_and_not_repeatable() -> Result<(), PhoneError> {
        let originate = Originate {
            channel: value("Local/201@callprofiles-in")?,
            context: value("callprofiles-test-caller")?,
            exten: value("s")?,
            timeout: Duration::from_millis(2500),
            channel_id: Some(value("call-1")?),
            other_channel_id: None,
            variables: vec![value("CPTEST_SECONDS=3")?],
        };
        let action = originate.action();
        assert!(!action.repeatable());
        let text = String::from_utf8_lossy(&action.encode(3)).into_owned();
        for line in [
            "Async: true\r\n",
            "Timeout: 2500\r\n",
            "ChannelId: call-1\r\n",
            "Variable: CPTEST_SECONDS=3\r\n",
        ] {
            assert!(text.contains(line), "{text}");
        }
        Ok(())
    }
}
