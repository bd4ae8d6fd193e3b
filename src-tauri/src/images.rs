//! The app's image scheme: the webview asks `tidings://localhost/image?src=…` and gets the image
//! from the library (kept offline, or fetched by the backend when settings allow), never from
//! the network itself; `tidings://localhost/icon?feed=…` is a feed's icon, from the library only.

use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};
use tidings_core::Library;
use tidings_core::media::{parse_app_icon_url, parse_app_image_url};

pub fn serve<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    // No library yet (the recovery screen is showing): nothing to serve.
    let Some(library) = ctx.app_handle().try_state::<Library>() else {
        if let Ok(response) = Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Vec::new())
        {
            responder.respond(response);
        }
        return;
    };
    let library = library.inner().clone();
    let address = request.uri().to_string();
    tauri::async_runtime::spawn(async move {
        let image = if let Some(asked) = parse_app_image_url(&address) {
            library
                .image(asked.article, &asked.src, asked.requested)
                .await
        } else if let Some(feed) = parse_app_icon_url(&address) {
            library.feed_icon(feed).await
        } else {
            Ok(None)
        };
        let response = match image {
            Ok(Some(image)) => Response::builder()
                .header(header::CONTENT_TYPE, image.mime_type)
                // An SVG is an image here, never a document that could run anything.
                .header(
                    header::CONTENT_SECURITY_POLICY,
                    "default-src 'none'; style-src 'unsafe-inline'",
                )
                .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
                .body(image.bytes),
            Ok(None) => Response::builder()
                .status(StatusCode::NOT_FOUND)
                .body(Vec::new()),
            Err(error) => {
                tracing::warn!(%error, "could not serve an image");
                Response::builder()
                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                    .body(Vec::new())
            }
        };
        match response {
            Ok(response) => responder.respond(response),
            Err(error) => tracing::error!(%error, "could not build an image response"),
        }
    });
}
