fn main() {
    arbeidsmiljo::panic_screen::install();
    // index.html's "loading" line gives way to the app.
    if let Some(loading) = leptos::prelude::document().get_element_by_id("loading") {
        loading.remove();
    }
    leptos::mount::mount_to_body(arbeidsmiljo::app::App);
    // Debug builds only: `?debug-panic` panics once the app is up, so an
    // end-to-end test can see the error screen and that saved data survives.
    #[cfg(debug_assertions)]
    if web_sys::window()
        .and_then(|window| window.location().search().ok())
        .is_some_and(|query| query.contains("debug-panic"))
    {
        panic!("deliberate panic (?debug-panic)");
    }
}
