//! Embeds an rpath to the libtorch libraries, so `brief` and the tests run without LD_LIBRARY_PATH.
//! LIBTORCH comes from .cargo/config.toml (set up by scripts/libtorch.sh).
fn main() {
    println!("cargo:rerun-if-env-changed=LIBTORCH");
    if let Ok(libtorch) = std::env::var("LIBTORCH") {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{libtorch}/lib");
    }
}
