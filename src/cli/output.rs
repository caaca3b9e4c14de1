//! Writing to stdout without panicking, and turning any failure into the one `error:` line on stderr.

use std::io::Write;

/// Writing to stdout failed (other than the reader going away).
#[derive(Debug)]
pub struct OutputError(pub std::io::Error);

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cannot write the output: {}.", self.0)
    }
}

impl std::error::Error for OutputError {}

/// Prints `text` (plus a final newline) to stdout; a reader that went away (`| head`) is not an error.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{}", text.trim_end()).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(OutputError(error).into()),
        _ => Ok(()),
    }
}

/// Prints a value as one line of JSON.
pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    print(&serde_json::to_string(value)?)
}

/// Prints a warning line on stderr (the command still succeeds).
pub fn warn(text: &str) {
    eprintln!("warning: {}", callprofiles_core::shown::text(&one_line(text)));
}

/// Joins the lines of a message into one, collapsing runs of white space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The one line a command-line usage error becomes: clap's message without its usage block.
pub fn usage_error_line(rendered: &str) -> String {
    let message: Vec<String> = rendered
        .lines()
        .map(str::trim)
        .take_while(|line| !line.starts_with("Usage:"))
        .filter(|line| !line.is_empty() && !line.starts_with("For more information"))
        .map(|line| {
            if line.starts_with("tip:") {
                format!("({line})")
            } else {
                line.to_owned()
            }
        })
        .collect();
    let text = one_line(&message.join(" "));
    let text = text.strip_prefix("error:").map(str::trim).unwrap_or(&text);
    format!("{text} (see callprofiles --help)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_errors_become_one_line() {
        let rendered = "error: the following required arguments were not provided:\n  <NAME>\n\nUsage: callprofiles show <NAME>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            usage_error_line(rendered),
            "the following required arguments were not provided: <NAME> (see callprofiles --help)"
        );
        assert_eq!(
            usage_error_line(
                "error: unrecognized subcommand 'lst'\n\n  tip: a similar subcommand exists: 'list'\n\nUsage: x"
            ),
            "unrecognized subcommand 'lst' (tip: a similar subcommand exists: 'list') (see callprofiles --help)"
        );
        assert_eq!(one_line("a\nb\r\n  c"), "a b c");
    }
}
