//! The `callprofiles` binary: parses the command line and runs the CLI or the GUI.

fn main() -> std::process::ExitCode {
    callprofiles::cli::main(callprofiles::gui::open_window)
}
