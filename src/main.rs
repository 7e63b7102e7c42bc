//! The wasm entry point: mounts the app on the page.

/// talc instead of dlmalloc: a smaller bundle (the budget is in DESIGN.md).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    folio::mount();
}
