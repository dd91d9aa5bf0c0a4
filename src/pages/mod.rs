//! One module per screen.

pub mod guide;
pub mod plan;
pub mod questions;
pub mod results;
pub mod review;
pub mod start;
pub mod workshop;
