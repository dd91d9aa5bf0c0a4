//! The pure core: plain Rust with no browser APIs, tested natively.

pub mod answers;
pub mod catalogue;
pub mod code;
pub mod csv;
pub mod group;
pub mod history;
pub mod instrument;
pub mod invisible;
pub mod json_layout;
pub mod json_text;
pub mod lang;
pub mod library;
pub mod plan;
pub mod response;
pub mod saved;
pub mod scan;
pub mod scoring;
pub mod session;
pub mod url_config;
pub mod workshop;
