//! The page's `<title>` ("… – Một Cửa").
//!
//! On the server the text is worked out while the page renders and handed to leptos_meta as
//! plain text: leptos_axum reads the title after the page's reactive owner has let go of the
//! request's arena, now and then on another thread, and a title that read a signal there
//! panicked and took the connection down (found by `make bench`'s SSR load, about 1 request in
//! 1,500). In an island (pages read from the device name their dossier once it is read) it is set
//! on the document as it changes.

use leptos::prelude::*;

#[component]
pub fn PageTitle<F>(text: F) -> impl IntoView
where
    F: Fn() -> String + Send + Sync + 'static,
{
    #[cfg(not(feature = "csr"))]
    {
        let text = untrack(text);
        view! { <leptos_meta::Title text=text /> }
    }
    #[cfg(feature = "csr")]
    {
        Effect::new(move |_| document().set_title(&format!("{} – Một Cửa", text())));
    }
}
