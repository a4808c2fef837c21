//! Some parsers Brief relies on (the PDF reader, rust-bert's model loading) panic on bad input
//! instead of returning an error. Brief catches those panics and reports the file or model as
//! damaged; this module also keeps the panic hook from printing them as crashes (or, under
//! the fuzzer, from aborting), while every other panic is still reported as usual.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Wraps the current panic hook so that it stays silent for panics inside [`catch_quietly`].
/// Call once at start, after any other hook is set; later calls do nothing.
pub fn silence_caught_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CATCHING.with(Cell::get) {
                hook(info);
            }
        }));
    });
}

/// Runs `work`; a panic in it becomes `Err` with the panic's message.
pub fn catch_quietly<R>(work: impl FnOnce() -> R) -> Result<R, String> {
    let outer = CATCHING.with(|catching| catching.replace(true));
    let result = catch_unwind(AssertUnwindSafe(work));
    CATCHING.with(|catching| catching.set(outer));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "an unexpected failure".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        silence_caught_panics();
        assert_eq!(catch_quietly(|| 7), Ok(7));
        let caught: Result<(), String> = catch_quietly(|| panic!("bad xref"));
        assert_eq!(caught, Err("bad xref".to_string()));
    }
}
