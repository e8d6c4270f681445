//! Reading aloud with the browser's speech synthesis (`window.speechSynthesis`), in the voice
//! [`crate::display::voice::pick`] chooses.

use crate::display::voice::{self, SpeechProblem, Voice};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let present = web_sys::js_sys::Reflect::get(&window, &"speechSynthesis".into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())?;
    present
        .dyn_into::<SpeechSynthesis>()
        .ok()
        .or_else(|| window.speech_synthesis().ok())
}

fn voices(synthesis: &SpeechSynthesis) -> Vec<SpeechSynthesisVoice> {
    synthesis
        .get_voices()
        .iter()
        .map(|v| v.unchecked_into::<SpeechSynthesisVoice>())
        .collect()
}

/// Speaks `text` in `language` (`vi` or `en`), stopping anything being read; `on_end` runs when
/// the reading ends, is stopped or fails. Browsers list their voices a moment after the page
/// loads, so an empty list is asked again once before giving up.
pub async fn speak(
    text: &str,
    language: &'static str,
    on_end: impl FnOnce() + 'static,
) -> Result<(), SpeechProblem> {
    let synthesis = synthesis().ok_or(SpeechProblem::Unsupported)?;
    let mut available = voices(&synthesis);
    if available.is_empty() {
        gloo_timers::future::TimeoutFuture::new(400).await;
        available = voices(&synthesis);
    }
    let described: Vec<Voice> = available
        .iter()
        .map(|v| Voice {
            name: v.name(),
            lang: v.lang(),
            local: v.local_service(),
        })
        .collect();
    let chosen = voice::pick(&described, language).ok_or(SpeechProblem::NoVoice(language))?;
    let utterance =
        SpeechSynthesisUtterance::new_with_text(text).map_err(|_| SpeechProblem::Unsupported)?;
    utterance.set_lang(voice::speech_lang(language));
    utterance.set_voice(Some(&available[chosen]));
    let on_end = std::cell::RefCell::new(Some(on_end));
    let finished = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = on_end.borrow_mut().take() {
            f();
        }
    });
    utterance.set_onend(Some(finished.as_ref().unchecked_ref()));
    utterance.set_onerror(Some(finished.as_ref().unchecked_ref()));
    // The utterance keeps the callback as long as it lives.
    finished.forget();
    synthesis.cancel();
    synthesis.speak(&utterance);
    Ok(())
}

/// Stops reading.
pub fn stop() {
    if let Some(synthesis) = synthesis() {
        synthesis.cancel();
    }
}
