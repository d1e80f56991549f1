//! Pages. There is one: the generic endpoint page that renders any endpoint description.

pub mod endpoint;
