//! The signkit web app (Leptos, client-side rendered): one page per endpoint, rendered from
//! the core's endpoint descriptions, with live validation, a sign inspector, sending to the
//! in-browser sandbox or through the dev proxy, and the decoded reply.
//!
//! Layout: [`model`] is the pure domain (no Leptos, no browser); [`app`] holds the signals
//! and the router; [`pages`] and [`components`] render; [`browser`] and [`send`] are the only
//! modules that touch the browser (storage, clock, randomness, clipboard, network).

mod app;
mod browser;
mod components;
mod i18n;
mod model;
mod pages;
mod send;
mod worker;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
