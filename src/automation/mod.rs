//! What the desktop senses for automatic switching (issue 13), and the runner that acts on it while no
//! callprofiles server runs the rules: the network the computer is on, whether the user has left it, desktop
//! notifications of each automatic switch, and starting at login.

pub mod autostart;
pub mod away;
pub mod bus;
pub mod network;
pub mod notification;
pub mod runner;
pub mod until;
