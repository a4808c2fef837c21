// Shared by core/build.rs and src-tauri/build.rs: embeds an rpath to the libtorch libraries so
// the binaries and tests run without LD_LIBRARY_PATH. LIBTORCH comes from .cargo/config.toml
// (set up by scripts/libtorch.sh); a packaged build (scripts/package-deb.sh) sets BRIEF_LIB_DIR
// to where the package installs them instead.
pub fn emit_libtorch_rpath() {
    println!("cargo:rerun-if-env-changed=LIBTORCH");
    println!("cargo:rerun-if-env-changed=BRIEF_LIB_DIR");
    let lib_dir = std::env::var("BRIEF_LIB_DIR").ok().or_else(|| {
        std::env::var("LIBTORCH")
            .ok()
            .map(|dir| format!("{dir}/lib"))
    });
    if let Some(dir) = lib_dir {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
    }
}
