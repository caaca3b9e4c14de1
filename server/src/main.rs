//! callprofiles-server: the PBX-side service of callprofiles. It holds the only AMI login, keeps each
//! user's profiles, and serves desktops over HTTPS (see README.md and ARCHITECTURE.md).

mod audit;
mod automation;
mod cli;
mod dir;
mod events;
mod http;
mod hub;
mod limits;
mod pbx;
mod run;
mod secrets;
mod serve;
mod tls;
mod users;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    match cli::execute(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("callprofiles-server: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
