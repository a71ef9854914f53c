// Types of js/index.js, the entry of the npm package `tiepcan`. The
// functions are the full API module's (pkg/tiepcan_wasm.d.ts: same names,
// same signatures, its types re-exported here); they throw until
// `await ready()` has loaded that module.
import type * as full from '../pkg/tiepcan_wasm.js';

export type * from '../pkg/tiepcan_wasm.js';

/** What `ready()` accepts: where `tiepcan_wasm_bg.wasm` is (default: pkg/ next to js/), or the module itself. */
export type ModuleSource = URL | string | Response | BufferSource | WebAssembly.Module;

/** Load the full API module once; resolves to its raw exports. */
export declare function ready(moduleOrPath?: ModuleSource): Promise<typeof full>;

/**
 * Load the components' module once (what the three web components use;
 * smaller, no readers or rules); resolves to its raw exports.
 */
export declare function readyComponents(moduleOrPath?: ModuleSource): Promise<unknown>;

/** Parse a catalog (tiepcan's JSON model) once and keep it in wasm; free it with `.free()`. Needs `await ready()`. */
export declare function catalogView(json: string | Uint8Array | ArrayBuffer): full.CatalogView;

export declare const parseCatalog: typeof full.parseCatalog;
export declare const renderCatalog: typeof full.renderCatalog;
export declare const renderCatalogJson: typeof full.renderCatalogJson;
export declare const catalogText: typeof full.catalogText;
export declare const renderReport: typeof full.renderReport;
export declare const checkRequestSlip: typeof full.checkRequestSlip;
export declare const renderRequestForm: typeof full.renderRequestForm;
export declare const renderPage: typeof full.renderPage;
export declare const escapeHtml: typeof full.escapeHtml;
export declare const foldKey: typeof full.foldKey;
export declare const foldedContains: typeof full.foldedContains;
export declare const validateCatalog: typeof full.validateCatalog;
export declare const computeDeadline: typeof full.computeDeadline;
export declare const renderDeadline: typeof full.renderDeadline;
export declare const deadlineView: typeof full.deadlineView;
export declare const renderDeadlineForm: typeof full.renderDeadlineForm;
export declare const renderDeadlineTable: typeof full.renderDeadlineTable;
export declare const isWorkingDay: typeof full.isWorkingDay;
export declare const addWorkingDays: typeof full.addWorkingDays;
export declare const workingDaysBetween: typeof full.workingDaysBetween;
export declare const explainDays: typeof full.explainDays;
export declare const calendarVersion: typeof full.calendarVersion;
export declare const parseDate: typeof full.parseDate;
export declare const spokenDate: typeof full.spokenDate;
export declare const version: typeof full.version;

/** `<tiepcan-catalog>`: search, filters, sort and pages over a server-rendered table or a `src` catalog. */
export declare class TiepcanCatalog extends HTMLElement {
  /** Run the parse, index and row rendering once on a small catalog (done by the component while `src` downloads). */
  static warmUp(api: unknown): void;
  applyFilter(): void;
  goToPage(n: number): void;
  sortBy(field: string): void;
}

/** `<tiepcan-deadline>`: the statutory deadline of a request, explained; fires `tiepcan-deadline` with the schedule. */
export declare class TiepcanDeadline extends HTMLElement {
  /** Compute from the form; returns the schedule or null. */
  compute(): full.Schedule | null;
}

/** `<tiepcan-request-form>`: the request slip (form 01a) with its checks and error summary. */
export declare class TiepcanRequestForm extends HTMLElement {}
