// Loads the wasm module once (shared by every component).
import init, * as wasm from '../pkg/tiepcan_wasm.js';

let readyPromise = null;

/**
 * Load and instantiate the wasm module once; resolves to the raw exports.
 * @param {URL|string|Response|BufferSource|WebAssembly.Module} [moduleOrPath]
 */
export function ready(moduleOrPath) {
  if (!readyPromise) {
    const arg = moduleOrPath ?? new URL('../pkg/tiepcan_wasm_bg.wasm', import.meta.url);
    readyPromise = init({ module_or_path: arg }).then(() => wasm);
  }
  return readyPromise;
}
