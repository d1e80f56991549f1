//! Pages: the generic endpoint page that renders any endpoint description, and the sign
//! doctor.

pub mod doctor;
pub mod endpoint;
