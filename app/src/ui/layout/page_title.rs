//! The page's `<title>`, following the language on the device, fixed once rendered on the server.
//!
//! leptos_axum reads the title for the `<head>` after the page's reactive owner has let go of
//! the request's arena, now and then on another thread: a title that reads a signal there (the
//! language, a procedure's name) panicked, and the panic took the whole connection down (found
//! by `make bench`'s SSR load, about 1 request in 1,500). On the server the text is therefore
//! worked out while the page renders and handed over as plain text; in the browser it stays
//! reactive.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PageTitle<F>(text: F) -> impl IntoView
where
    F: Fn() -> String + Send + Sync + 'static,
{
    #[cfg(feature = "ssr")]
    let text = untrack(text);
    view! { <Title text=text /> }
}
