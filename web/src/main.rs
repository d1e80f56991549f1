//! The signkit web app (Leptos CSR).
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <p>"signkit"</p> });
}
