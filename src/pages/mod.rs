//! One module per screen.

pub mod questions;
pub mod results;
pub mod review;
pub mod start;
