fn main() {
    // The app's own commands get permissions, so capabilities/ can grant exactly these.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "open_document",
            "summarize",
            "cancel_summary",
            "close_document",
            "recent_documents",
            "startup_paths",
            "export_text",
        ]),
    ))
    .expect("tauri build configuration");
    // Like core/build.rs: find libtorch through an rpath, no LD_LIBRARY_PATH needed.
    println!("cargo:rerun-if-env-changed=LIBTORCH");
    if let Ok(libtorch) = std::env::var("LIBTORCH") {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{libtorch}/lib");
    }
}
