// Loads the wasm modules, each once, for the whole page.
//
// Two modules are built from the crate tiepcan-wasm (README "Two modules"):
// - the components' module, pkg/tiepcan_components{.js,_bg.wasm}: only what
//   <tiepcan-catalog>, <tiepcan-deadline> and <tiepcan-request-form> call
//   (JSON catalog, calendar and deadlines, rendering, search keys, request
//   slip check). `ready()` loads it; every component calls `ready()`.
// - the full API, pkg/tiepcan_wasm{.js,_bg.wasm}: adds the CSV/XML readers,
//   the catalog rules and the report. `readyFull()` (the package's `ready()`)
//   imports and loads it on demand; nothing of it is fetched before.
// When the full module has been asked for, the components use it too (it
// exports everything the components' module does): one module per page.
import initComponents, * as components from '../pkg/tiepcan_components.js';

let componentsPromise = null;
let fullPromise = null;

/**
 * Load the components' module once; resolves to its exports (the full
 * module's when that one is already loading or loaded).
 * @param {URL|string|Response|BufferSource|WebAssembly.Module} [moduleOrPath]
 *   where `tiepcan_components_bg.wasm` is (default: next to the glue).
 */
export function ready(moduleOrPath) {
  if (fullPromise) return fullPromise;
  if (!componentsPromise) {
    const arg = moduleOrPath ?? new URL('../pkg/tiepcan_components_bg.wasm', import.meta.url);
    componentsPromise = initComponents({ module_or_path: arg }).then(() => components);
  }
  return componentsPromise;
}

/**
 * Import and load the full API module once; resolves to its exports.
 * @param {URL|string|Response|BufferSource|WebAssembly.Module} [moduleOrPath]
 *   where `tiepcan_wasm_bg.wasm` is (default: next to the glue).
 */
export function readyFull(moduleOrPath) {
  if (!fullPromise) {
    fullPromise = import('../pkg/tiepcan_wasm.js').then(async (full) => {
      const arg = moduleOrPath ?? new URL('../pkg/tiepcan_wasm_bg.wasm', import.meta.url);
      await full.default({ module_or_path: arg });
      return full;
    });
  }
  return fullPromise;
}
