//! The building blocks of the endpoint page. Each renders data it is given (descriptions,
//! findings, the prepared request, attempts); none of them computes a rule or a signature.

pub mod copy;
pub mod credentials;
pub mod editors;
pub mod field;
pub mod history;
pub mod inspector;
pub mod reply;
pub mod send_panel;
pub mod status;
