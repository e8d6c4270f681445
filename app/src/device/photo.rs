//! Photos of documents, made small on the device before they are kept: decoded, drawn at most
//! 2000 pixels on the longest side (on white, for transparent PNGs) and re-encoded as JPEG. PDFs
//! are kept as they are. Everything is checked before anything is stored.

#[cfg(feature = "csr")]
pub use browser::prepare;

/// A file ready to be kept.
#[cfg(feature = "csr")]
pub struct Prepared {
    pub blob: web_sys::Blob,
    pub name: String,
    pub mime: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

#[cfg(feature = "csr")]
mod browser {
    use super::Prepared;
    use crate::dossier::attachment::{self, Handling, Refusal};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::js_sys::{Function, Promise};

    /// Checks `file` (what its bytes are, its size, how many the document has already: the
    /// server's own content check, [`attachment::accept`]) and makes it ready to keep.
    pub async fn prepare(file: web_sys::File, already: usize) -> Result<Prepared, Refusal> {
        let size = file.size() as u64;
        let head = if size == 0 {
            Vec::new()
        } else {
            let within = attachment::PDF_HEADER_WITHIN as f64;
            let head = file
                .slice_with_f64_and_f64(0.0, within)
                .map_err(|_| Refusal::Unreadable)?;
            bytes(&head).await.map_err(|_| Refusal::Unreadable)?
        };
        let handling = attachment::accept(&head, &file.type_(), size, already)?;
        match handling {
            Handling::Pdf => {
                // The whole PDF (at most 5 MB) as the server will read it.
                let whole = bytes(&file).await.map_err(|_| Refusal::Unreadable)?;
                if attachment::pdf_active_content(&whole).is_some() {
                    return Err(Refusal::Active);
                }
                Ok(Prepared {
                    name: file.name(),
                    mime: "application/pdf".to_string(),
                    width: None,
                    height: None,
                    blob: file.into(),
                })
            }
            Handling::Photo => downscale(&file).await.map_err(|_| Refusal::Unreadable),
        }
    }

    /// The bytes of `blob`.
    async fn bytes(blob: &web_sys::Blob) -> Result<Vec<u8>, JsValue> {
        let buffer = JsFuture::from(blob.array_buffer()).await?;
        Ok(web_sys::js_sys::Uint8Array::new(&buffer).to_vec())
    }

    async fn downscale(file: &web_sys::File) -> Result<Prepared, JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let bitmap: web_sys::ImageBitmap =
            JsFuture::from(window.create_image_bitmap_with_blob(file)?)
                .await?
                .dyn_into()?;
        let (width, height) = attachment::scaled(bitmap.width(), bitmap.height());
        let canvas: web_sys::HtmlCanvasElement = window
            .document()
            .ok_or(JsValue::NULL)?
            .create_element("canvas")?
            .dyn_into()?;
        canvas.set_width(width);
        canvas.set_height(height);
        let context: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d")?.ok_or(JsValue::NULL)?.dyn_into()?;
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
        context.draw_image_with_image_bitmap_and_dw_and_dh(
            &bitmap,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )?;
        bitmap.close();
        let blob = to_jpeg(&canvas).await?;
        Ok(Prepared {
            blob,
            name: attachment::jpeg_name(&file.name()),
            mime: "image/jpeg".to_string(),
            width: Some(width),
            height: Some(height),
        })
    }

    /// `canvas.toBlob` as a future.
    async fn to_jpeg(canvas: &web_sys::HtmlCanvasElement) -> Result<web_sys::Blob, JsValue> {
        let canvas = canvas.clone();
        let mut error = None;
        let promise = Promise::new(&mut |resolve: Function, reject: Function| {
            let callback = Closure::once_into_js(move |blob: JsValue| {
                if blob.is_null() {
                    let _ = reject.call0(&JsValue::NULL);
                } else {
                    let _ = resolve.call1(&JsValue::NULL, &blob);
                }
            });
            if let Err(e) = canvas.to_blob_with_type_and_encoder_options(
                callback.unchecked_ref(),
                "image/jpeg",
                &JsValue::from_f64(attachment::JPEG_QUALITY),
            ) {
                error = Some(e);
            }
        });
        if let Some(error) = error {
            return Err(error);
        }
        JsFuture::from(promise).await?.dyn_into()
    }
}
