//! Automatic switching in the windows: the rules being edited, "until", and the lines saying what decides
//! now and what comes next (shared by the main window's status line and rules view and the quick window).

pub mod draft;
pub mod next_line;
pub mod until;
pub mod widgets;
