#[path = "build_rpath.rs"]
mod build_rpath;

fn main() {
    build_rpath::emit_libtorch_rpath();
}
