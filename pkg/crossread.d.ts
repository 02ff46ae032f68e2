/* tslint:disable */
/* eslint-disable */

/**
 * An analysed cluster that can render its articles with marks and tooltips.
 */
export class Analysis {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Marks article `article_id` in place inside `root`, an element already
     * on the page whose text (see [`text_of`]) is the article's text: its own
     * markup stays, text nodes are split and wrapped in `<mark>`s.
     */
    enhance(article_id: string, root: Element, tips: Element, prefix: string): number;
    /**
     * The findings as Markdown a fact-checker can paste.
     */
    markdown(): string;
    /**
     * Analyses a cluster (an object or its JSON text), calling `progress`
     * (if given) with `(done, total)` about forty times along the way.
     * Throws an `Error` with a `code` on bad input.
     */
    constructor(input: any, progress?: Function | null);
    /**
     * Replaces the children of `target` with the text of article
     * `article_id`, each mention a focusable `<mark>` described by a tooltip
     * element appended to `tips`. Ids are prefixed with `prefix` so several
     * widgets can share a page. Returns the number of marks. An HTML
     * article is shown with its allowed structure only.
     */
    renderArticle(article_id: string, target: Element, tips: Element, prefix: string): number;
    /**
     * The report as JSON text, for export (by the browser's JSON
     * serializer: no JSON code ships in the wasm module).
     */
    reportJson(): string;
    /**
     * One summary line: articles, mentions, facts, verdicts.
     */
    summary(): string;
    /**
     * The tooltip of one mention: `{heading, verdict, lines}`.
     */
    tooltip(mention_id: string): any;
    /**
     * What `renderArticle` (or with `inPlace`, `enhance`) shows of article
     * `article_id`, as plain data for `renderView` / `enhanceView`: how a
     * Web Worker that holds the analysis hands an article to the page.
     */
    view(article_id: string, in_place: boolean): any;
    /**
     * The report as a plain object (the CLI's `--json` format).
     */
    readonly report: any;
}

/**
 * Analyses a cluster (an object or its JSON text) and returns the report
 * as a plain object. Throws an `Error` with a `code` on bad input.
 */
export function analyze(input: any): any;

/**
 * Marks an article view (from `Analysis.view(id, true)`) in place inside
 * `root`, as `enhance` does. Returns the number of marks.
 */
export function enhanceView(view: any, root: Element, tips: Element, prefix: string): number;

/**
 * The message of the last panic inside crossread, if one happened.
 */
export function lastPanic(): string | undefined;

/**
 * Builds an article view (from `Analysis.view(id, false)`, perhaps made in
 * a worker) into `target`, as `renderArticle` does. Returns the number of marks.
 */
export function renderView(view: any, target: Element, tips: Element, prefix: string): number;

/**
 * Keeps the message of a panic, which would otherwise end as a bare
 * "unreachable" trap, so the widget can show what went wrong.
 */
export function start(): void;

/**
 * The article text of an element as `Analysis.enhance` reads it: its text
 * nodes joined, without scripts, styles and templates.
 */
export function textOf(root: Element): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_analysis_free: (a: number, b: number) => void;
    readonly analysis_enhance: (a: number, b: number, c: number, d: any, e: any, f: number, g: number) => [number, number, number];
    readonly analysis_markdown: (a: number) => [number, number];
    readonly analysis_new: (a: any, b: number) => [number, number, number];
    readonly analysis_renderArticle: (a: number, b: number, c: number, d: any, e: any, f: number, g: number) => [number, number, number];
    readonly analysis_report: (a: number) => [number, number, number];
    readonly analysis_reportJson: (a: number) => [number, number, number, number];
    readonly analysis_summary: (a: number) => [number, number];
    readonly analysis_tooltip: (a: number, b: number, c: number) => [number, number, number];
    readonly analysis_view: (a: number, b: number, c: number, d: number) => [number, number, number];
    readonly analyze: (a: any) => [number, number, number];
    readonly enhanceView: (a: any, b: any, c: any, d: number, e: number) => [number, number, number];
    readonly lastPanic: () => [number, number];
    readonly renderView: (a: any, b: any, c: any, d: number, e: number) => [number, number, number];
    readonly start: () => void;
    readonly textOf: (a: any) => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
