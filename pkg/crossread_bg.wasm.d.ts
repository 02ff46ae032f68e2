/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const __wbg_analysis_free: (a: number, b: number) => void;
export const analysis_enhance: (a: number, b: number, c: number, d: any, e: any, f: number, g: number) => [number, number, number];
export const analysis_markdown: (a: number) => [number, number];
export const analysis_new: (a: any, b: number) => [number, number, number];
export const analysis_renderArticle: (a: number, b: number, c: number, d: any, e: any, f: number, g: number) => [number, number, number];
export const analysis_report: (a: number) => [number, number, number];
export const analysis_reportJson: (a: number) => [number, number, number, number];
export const analysis_summary: (a: number) => [number, number];
export const analysis_tooltip: (a: number, b: number, c: number) => [number, number, number];
export const analysis_view: (a: number, b: number, c: number, d: number) => [number, number, number];
export const analyze: (a: any) => [number, number, number];
export const enhanceView: (a: any, b: any, c: any, d: number, e: number) => [number, number, number];
export const lastPanic: () => [number, number];
export const renderView: (a: any, b: any, c: any, d: number, e: number) => [number, number, number];
export const start: () => void;
export const textOf: (a: any) => [number, number];
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
