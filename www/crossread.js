// <crossread-reader>: the embeddable crossread widget.
//
//   <script type="module" src="/www/crossread.js"></script>
//
//   Read a cluster's articles inside the widget:
//   <crossread-reader src="/clusters/haiti.json"></crossread-reader>
//
//   Enhance an article already on the page, against other outlets' articles:
//   <crossread-reader for="#story" article-source="Daily Nation" article-published="2024-09-26">
//     <script type="application/json">{"articles": [{"id": "reuters", "source": "Reuters", "text": "…"}]}</script>
//   </crossread-reader>
//
// The widget's UI lives in shadow DOM; article text only ever becomes text
// nodes (the marks are built by the wasm core from text nodes, never from
// markup). See the README for attributes, events and theming properties.
import init, { Analysis, enhanceView, lastPanic, renderView, textOf } from "../pkg/crossread.js";

const here = new URL(".", import.meta.url);
// (in the standalone page, import.meta.url is the page itself; CSS is inlined there)
let ready = null;
/** Loads the wasm module once for every widget on the page. */
export function load(wasm) {
  ready ??= init(wasm ? { module_or_path: wasm } : undefined);
  return ready;
}

/**
 * Two short articles that take every stage (numbers, dates, a quote; a
 * conflict and a quote worded differently), analysed once on the page
 * before its first analysis. Chromium compiles each wasm function on its
 * first call, with its baseline compiler, and optimises hot ones in the
 * background, but a call already running keeps the code it started with: a
 * large first analysis runs mostly in slow code. After this small one
 * (about 20 ms), the demo's first analysis takes about 30 ms rather than 90
 * (the bench's "analysed" stage, Chromium), so the marks show sooner
 * although this comes first. Clusters for the worker skip it: their pages
 * must not get a long task.
 */
export const WARM_UP = [
  { id: "a", text: 'Kenya sent 382 police officers to Haiti on 3 January 2024, about 40% of the force. "We are ready to serve the people of Haiti," President William Ruto told reporters on Tuesday.' },
  { id: "b", text: 'Kenya sent 400 police officers to Haiti in January, about 45% of the force. "We are ready to serve the good people of Haiti," President William Ruto told reporters last Tuesday.' },
];

let warmed = false;
/** Analyses WARM_UP once per page; true if it did so now. */
function warmUp() {
  if (warmed) return false;
  warmed = true;
  const analysis = new Analysis({ articles: WARM_UP });
  try {
    void analysis.report; // its trip through the glue is on the first highlight's path too
    analysis.summary();
    return true;
  } finally {
    analysis.free();
  }
}

let counter = 0;
/** Largest article accepted, as the core's MAX_ARTICLE_BYTES. */
export const MAX_BYTES = 2 * 1024 * 1024;
/** Clusters larger than this are analysed in a Web Worker, so the page never stalls. */
export const WORKER_BYTES = 256 * 1024;

/** The analysis on the page's own thread: for small clusters, no start-up cost. */
class LocalAnalysis {
  async analyse(articles) {
    this.analysis = new Analysis({ articles });
    this.report = this.analysis.report;
    this.summary = this.analysis.summary();
  }
  async show(id, target, tips, prefix, inPlace) {
    return inPlace ? this.analysis.enhance(id, target, tips, prefix) : this.analysis.renderArticle(id, target, tips, prefix);
  }
  async markdown() {
    return this.analysis.markdown();
  }
  async reportJson() {
    return this.analysis.reportJson();
  }
  free() {
    this.analysis?.free();
  }
}

let workerPolicy = null;
/** The worker script's URL, through a Trusted Types policy where the page enforces them. */
function workerScript() {
  const url = new URL("crossread-worker.js", here).href;
  if (!globalThis.trustedTypes?.createPolicy) return url;
  try {
    workerPolicy ??= trustedTypes.createPolicy("crossread", {
      createScriptURL: (u) => {
        if (u !== url) throw new TypeError(`crossread only starts its own worker, not ${u}`);
        return u;
      },
    });
    return workerPolicy.createScriptURL(url);
  } catch {
    return url; // the page restricts policy names: the Worker constructor decides
  }
}

/**
 * The analysis in a Web Worker (crossread-worker.js), which holds the
 * report; the page asks it for one article view at a time and builds the
 * marks itself. An error with `workerFailed` means the worker could not run
 * at all (a Content-Security-Policy, a page opened from disk): the caller
 * then analyses on the page instead.
 */
class WorkerAnalysis {
  constructor() {
    this.pending = new Map();
    this.next = 0;
    this.worker = new Worker(workerScript(), { type: "module" });
    this.worker.onmessage = ({ data }) => {
      const request = this.pending.get(data.id);
      if (!request) return;
      if (data.progress) return request.onProgress?.(...data.progress);
      this.pending.delete(data.id);
      if (data.error) request.reject(Object.assign(new Error(data.error.message), { code: data.error.code }));
      else request.resolve(data.result);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      const error = Object.assign(new Error(`the analysis worker could not run${event.message ? `: ${event.message}` : ""}`), { workerFailed: true });
      for (const request of this.pending.values()) request.reject(error);
      this.pending.clear();
    };
  }
  request(op, fields = {}, onProgress = null) {
    return new Promise((resolve, reject) => {
      const id = ++this.next;
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ id, op, ...fields });
    });
  }
  async analyse(articles, onProgress) {
    Object.assign(this, await this.request("analyse", { articles }, onProgress));
  }
  async show(id, target, tips, prefix, inPlace) {
    const view = await this.request("view", { article: id, inPlace });
    return inPlace ? enhanceView(view, target, tips, prefix) : renderView(view, target, tips, prefix);
  }
  markdown() {
    return this.request("markdown");
  }
  reportJson() {
    return this.request("reportJson");
  }
  free() {
    this.worker.terminate();
  }
}

/** Whether `articles` are enough text for the worker (and a worker may run here). */
function forWorker(articles) {
  if (!Array.isArray(articles) || typeof Worker !== "function") return false;
  if (globalThis.crossreadInlineStyles) return false; // the single-file page: no worker script to load
  return articles.reduce((n, a) => n + (typeof a?.text === "string" ? a.text.length : 0), 0) > WORKER_BYTES;
}

/** Analyses `articles` in a worker when they are many and a worker can run, else on the page. */
async function analyseCluster(articles, onProgress) {
  if (forWorker(articles)) {
    let remote = null;
    try {
      remote = new WorkerAnalysis();
      await remote.analyse(articles, onProgress);
      return remote;
    } catch (error) {
      remote?.free();
      if (!error.workerFailed && remote) throw error;
    }
  }
  const local = new LocalAnalysis();
  await local.analyse(articles);
  return local;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

/** Fetches a cluster JSON and the article files it names (same origin only). */
export async function fetchCluster(url, base = location.href) {
  const target = new URL(url, base);
  if (target.origin !== location.origin && target.protocol !== "file:") {
    throw new Error(`sources URL ${target} is not on this site (${location.origin}); crossread only reads same-origin sources`);
  }
  let response;
  try {
    response = await fetch(target);
  } catch (e) {
    throw new Error(`could not reach sources ${target}: ${e.message}`);
  }
  if (!response.ok) throw new Error(`could not load sources ${target}: HTTP ${response.status}`);
  const type = response.headers.get("content-type") || "";
  if (/^text\/html/i.test(type)) throw new Error(`sources ${target} is an HTML page, not a cluster JSON file; check the src URL`);
  let cluster;
  try {
    cluster = await response.json();
  } catch (e) {
    throw new Error(`sources ${target} is not JSON: ${e.message}`);
  }
  if (!cluster || !Array.isArray(cluster.articles)) throw new Error(`sources ${target} has no "articles" list`);
  // Article files load in parallel: one round trip, not one per article.
  await Promise.all(cluster.articles.map(async (a) => {
    if (a && a.file && !a.text) {
      const r = await fetch(new URL(a.file, target));
      if (!r.ok) throw new Error(`could not load article file ${a.file}: HTTP ${r.status}`);
      a.text = await r.text();
      delete a.file;
    }
  }));
  return cluster;
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export class CrossreadReader extends HTMLElement {
  static observedAttributes = ["src", "for"];

  constructor() {
    super();
    this.idPrefix = `cr${++counter}`;
    // A server may have sent the widget's first view in a declarative shadow
    // root (`crossread prerender`, `crossread serve`): its marks showed with
    // the page. It stays until the live view (with details on hover, focus
    // and tap) replaces it, so nothing blinks.
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    this.prerendered = [...root.children].find((e) => e.hasAttribute("data-prerendered")) ?? null;
    const inline = globalThis.crossreadInlineStyles;
    if (inline) root.adoptedStyleSheets = [sheet(inline.widget)];
    const live = [(this.ui = el("div", { class: "cr-root", part: "root" }))];
    if (!inline) live.unshift(el("link", { rel: "stylesheet", href: new URL("crossread.css", here).href }));
    if (this.prerendered) this.live = live;
    else root.append(...live);
    this.ui.append(
      (this.statusBox = el("p", { class: "cr-status", role: "status" })),
      (this.progressBar = el("progress", { class: "cr-progress", max: "1", value: "0", "aria-label": "Reading the articles", hidden: "" })),
      (this.errorBox = el("div", { class: "cr-error", role: "alert", hidden: "" })),
      (this.summaryBox = el("section", { class: "cr-summary", "aria-label": "Summary", hidden: "" })),
      (this.tabs = el("div", { class: "cr-tabs", role: "group", "aria-label": "Articles" })),
      el("div", { class: "cr-layout" },
        (this.articleBox = el("div", { class: "cr-article" }, el("slot"))),
        (this.panel = el("aside", { class: "cr-panel", "aria-label": "Disagreements", hidden: "" },
          el("h2", { text: "Disagreements" }), (this.list = el("ol", { class: "cr-list" }))))),
      (this.actions = el("div", { class: "cr-actions", hidden: "" },
        el("button", { type: "button", text: "Export JSON", onclick: () => this.export("json") }),
        el("button", { type: "button", text: "Export Markdown", onclick: () => this.export("md") }),
        el("button", { type: "button", text: "Print", onclick: () => window.print() }))),
      (this.popup = el("div", { class: "cr-popup", hidden: "" })),
    );
    this.shadowTips = el("div", { class: "cr-tips", hidden: "" });
    this.ui.append(this.shadowTips);
    // Over a server-rendered view, the error box waits above it (hidden), as in the live view.
    this.prerendered?.prepend(this.errorBox);
    this.wire();
  }

  connectedCallback() {
    if (!this.started) {
      this.started = true;
      this.schedule();
    }
  }

  attributeChangedCallback() {
    if (this.started) this.schedule();
  }

  /** Sets the cluster directly: `{articles: [{id, text, source?, published?}]}`. */
  set cluster(value) {
    this.given = value;
    if (this.started) this.schedule();
  }

  /** One refresh for all the changes made in one task (an element added, then given its cluster). */
  schedule() {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.refresh();
    });
  }

  /** The last report, or null. */
  get report() {
    return this.analysis ? this.analysis.report : null;
  }

  progress(done, total) {
    this.progressBar.max = total;
    this.progressBar.value = done;
    this.progressBar.hidden = false;
  }

  status(text) {
    this.statusBox.textContent = text;
  }

  /**
   * Puts the live view in place of a server-rendered one. The server's
   * stylesheet stays until the widget's own has loaded (it starts loading
   * only now), so that nothing shows unstyled meanwhile.
   */
  showLive() {
    if (!this.prerendered) return;
    const own = this.live.find((n) => n.localName === "link");
    const styles = own ? [...this.shadowRoot.children].filter((e) => e.matches('link[rel="stylesheet"], style')) : [];
    this.progressBar.after(this.errorBox);
    // The server's stylesheet stays where it is: a <link> taken out of the
    // tree drops its sheet, and put back, loads it again.
    for (const node of [...this.shadowRoot.childNodes]) if (!styles.includes(node)) node.remove();
    this.shadowRoot.append(...this.live);
    if (styles.length) own.addEventListener("load", () => styles.forEach((s) => s.remove()), { once: true });
    this.prerendered = this.live = null;
  }

  fail(error) {
    // A trap inside the wasm core ("unreachable") carries the panic's message.
    const panic = error instanceof WebAssembly.RuntimeError ? lastPanic() : null;
    const message = panic ? `${panic}. Please report this with the article that caused it.` : error.message || String(error);
    this.errorBox.textContent = `crossread: ${message}`;
    this.errorBox.hidden = false;
    // (over a server-rendered view, the box is above it: its text and marks stay, still right)
    this.status("");
    this.dispatchEvent(new CustomEvent("crossread:error", { detail: { message, code: error.code || null } }));
  }

  async sources() {
    if (this.given) return structuredClone(this.given);
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) {
      try {
        return JSON.parse(inline.textContent);
      } catch (e) {
        throw new Error(`the widget's inline sources are not valid JSON: ${e.message}`);
      }
    }
    const src = this.getAttribute("src");
    if (src) return fetchCluster(src);
    return { articles: [] };
  }

  /** The article element to enhance in place: `for="selector"` or a `[data-crossread-article]` child. */
  target() {
    const selector = this.getAttribute("for");
    if (selector) {
      const found = document.querySelector(selector);
      if (!found) throw new Error(`for="${selector}" matches no element on this page`);
      return found;
    }
    return this.querySelector(":scope > [data-crossread-article]");
  }

  async refresh() {
    const run = (this.run = (this.run || 0) + 1);
    this.errorBox.hidden = true;
    this.status("Reading…");
    try {
      // User Timing marks for the first analysis ("crossread:module", ...), so
      // that DevTools and the benchmark show where the first highlight's time goes.
      const mark = (name) => this.readyAt === undefined && performance.mark?.(`crossread:${name}`);
      // The wasm module and the sources load at the same time; once the
      // module is ready, it warms up (WARM_UP) unless the sources, already
      // here, are for the worker.
      let arrived = null;
      const [, cluster] = await Promise.all([
        load().then(() => {
          mark("module");
          if (run === this.run && !forWorker(arrived?.articles) && warmUp()) mark("warmed");
        }),
        this.sources().then((c) => (mark("sources"), (arrived = c))),
      ]);
      if (run !== this.run) return;
      const articles = Array.isArray(cluster.articles) ? cluster.articles : [];
      const target = this.target();
      this.inPlace = null;
      if (target) {
        const id = this.getAttribute("article-id") || "this-article";
        const own = { id, text: textOf(target) };
        if (this.hasAttribute("article-source")) own.source = this.getAttribute("article-source");
        if (this.hasAttribute("article-published")) own.published = this.getAttribute("article-published");
        articles.unshift(own);
        this.inPlace = { id, element: target };
      }
      for (const a of articles) {
        // UTF-8 takes at most three bytes per UTF-16 unit: encode only the texts that might be too large.
        if (typeof a.text === "string" && a.text.length * 3 > MAX_BYTES && new TextEncoder().encode(a.text).length > MAX_BYTES) {
          throw new Error(`article "${a.id}" is over ${MAX_BYTES / 1048576} MB; crossread reads articles up to that size`);
        }
      }
      if (articles.length > 20) this.status(`Reading ${articles.length} articles…`);
      const analysis = await analyseCluster(articles, (done, total) => run === this.run && this.progress(done, total));
      mark("analysed");
      if (run !== this.run) {
        analysis.free();
        return;
      }
      this.progressBar.hidden = true;
      this.analysis?.free();
      this.analysis = analysis;
      await this.render();
      if (run !== this.run) return;
      this.showLive();
      this.status("");
      this.dataset.ready = "true";
      // When the marks first became visible, for the benchmark's first-highlight figure.
      this.readyAt ??= performance.now();
      this.dispatchEvent(new CustomEvent("crossread:ready", { detail: { report: this.analysis.report } }));
    } catch (error) {
      if (run === this.run) {
        this.progressBar.hidden = true;
        this.fail(error);
      }
    }
  }

  async render() {
    const report = this.analysis.report;
    this.summaryBox.textContent = this.analysis.summary;
    this.summaryBox.hidden = false;
    this.actions.hidden = false;
    this.byMention = new Map();
    for (const a of report.articles) for (const m of a.mentions) this.byMention.set(m.id, a.id);
    this.footnotes = new Map();
    report.groups.filter((g) => g.verdict !== "agree").forEach((g, i) => g.members.forEach((m) => this.footnotes.set(m, i + 1)));
    this.tabs.textContent = "";
    this.renderPanel(report);
    if (this.inPlace) {
      await this.show(this.inPlace.id);
    } else {
      for (const a of report.articles) {
        this.tabs.append(el("button", { type: "button", "data-article": a.id, text: a.source || a.id, onclick: () => this.show(a.id).catch((e) => this.fail(e)) }));
      }
      if (report.articles.length) await this.show(report.articles[0].id);
    }
  }

  async show(id) {
    this.hide();
    this.current = id;
    const analysis = this.analysis;
    if (this.inPlace) {
      const { element } = this.inPlace;
      for (const m of element.querySelectorAll("mark[data-crossread-mark]")) m.replaceWith(...m.childNodes);
      element.normalize();
      this.lightTips?.remove();
      // the details of marks a server put in the article (`crossread prerender`)
      if (element.nextElementSibling?.hasAttribute("data-crossread-server-tips")) element.nextElementSibling.remove();
      this.lightTips = el("div", { hidden: "", "data-crossread-ignore": "" });
      element.after(this.lightTips);
      ensureMarkStyles();
      await analysis.show(id, element, this.lightTips, this.idPrefix, true);
      this.marksRoot = element;
    } else {
      const box = el("div", { class: "cr-text" });
      await analysis.show(id, box, this.shadowTips, this.idPrefix, false);
      // Another article was asked for, or another analysis began, meanwhile.
      if (this.current !== id || this.analysis !== analysis) return;
      this.articleBox.replaceChildren(box);
      this.marksRoot = box;
    }
    for (const mark of this.marksRoot.querySelectorAll("mark[data-mention]")) {
      const n = this.footnotes.get(mark.dataset.mention);
      if (n) mark.dataset.footnote = n;
    }
    for (const b of this.tabs.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b.dataset.article === id));
  }

  renderPanel(report) {
    this.list.textContent = "";
    const disputed = report.groups.filter((g) => g.verdict !== "agree");
    this.panel.hidden = false;
    for (const [i, g] of disputed.entries()) {
      // The number matches the footnote marks of the printed article.
      const label = g.verdict === "conflict" ? "⚠ Conflict" : "≈ Worded differently";
      this.list.append(el("li", {}, el("button", { type: "button", text: `${i + 1}. ${label} (${g.about}): ${g.explanation}`, onclick: () => this.focusGroup(g) })));
      for (const note of g.notes) this.list.lastChild.append(el("p", { class: "cr-note", text: `Note: ${note}` }));
    }
    if (!disputed.length) this.list.append(el("li", { text: "No disagreements found." }));
  }

  async focusGroup(group) {
    const visible = this.inPlace ? group.members.filter((m) => this.byMention.get(m) === this.inPlace.id) : group.members;
    const first = visible[0];
    if (!first) return;
    if (!this.inPlace && this.byMention.get(first) !== this.current) await this.show(this.byMention.get(first));
    const mark = this.findMark(first);
    if (!mark) return;
    const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    mark.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    mark.focus({ preventScroll: true });
  }

  findMark(id) {
    return this.marksRoot?.querySelector(`mark[data-mention="${CSS.escape(id)}"][tabindex]`) || null;
  }

  tipFor(mark) {
    const id = mark.getAttribute("aria-describedby");
    return (this.inPlace ? this.lightTips : this.shadowTips)?.querySelector(`[id="${CSS.escape(id)}"]`);
  }

  open(mark) {
    const tip = this.tipFor(mark);
    if (!tip) return;
    this.openMark = mark;
    this.popup.replaceChildren(...[...tip.childNodes].map((n) => n.cloneNode(true)));
    this.popup.dataset.verdict = tip.dataset.verdict || "none";
    this.popup.hidden = false;
    const r = mark.getBoundingClientRect();
    const width = Math.min(this.popup.offsetWidth, innerWidth - 16);
    this.popup.style.left = `${Math.max(8, Math.min(r.left, innerWidth - width - 8))}px`;
    const below = r.bottom + 6 + this.popup.offsetHeight < innerHeight;
    this.popup.style.top = `${below ? r.bottom + 6 : Math.max(8, r.top - 6 - this.popup.offsetHeight)}px`;
  }

  hide() {
    this.popup.hidden = true;
    this.openMark = null;
  }

  wire() {
    const markOf = (event) => event.composedPath().find((n) => n instanceof Element && n.matches("mark[data-crossread-mark]"));
    const within = (event) => event.composedPath().includes(this.marksRoot) || event.composedPath().includes(this.popup);
    // Marks live in the shadow root (the widget's own articles) or in the host
    // page (an article enhanced in place). Focus moving inside the shadow root
    // never reaches the document, so listen on both, once per event.
    const seen = new WeakSet();
    const on = (type, handler) => {
      const once = (e) => {
        if (seen.has(e)) return;
        seen.add(e);
        handler(e);
      };
      document.addEventListener(type, once, true);
      this.shadowRoot.addEventListener(type, once, true);
    };
    let leaving = null;
    let openAtPress = null;
    on("pointerover", (e) => {
      if (!this.marksRoot || !within(e)) return;
      const mark = markOf(e);
      if (mark) {
        clearTimeout(leaving);
        if (e.pointerType !== "touch") this.open(this.owner(mark));
      } else if (e.composedPath().includes(this.popup)) clearTimeout(leaving);
    });
    on("pointerout", (e) => {
      if (!this.openMark || !within(e)) return;
      clearTimeout(leaving);
      leaving = setTimeout(() => {
        if (!this.isFocused(this.openMark)) this.hide();
      }, 200);
    });
    on("pointerdown", (e) => {
      const mark = markOf(e);
      openAtPress = mark && within(e) ? (this.openMark === this.owner(mark) ? this.openMark : null) : null;
    });
    on("focusin", (e) => {
      const mark = markOf(e);
      if (mark && within(e)) this.open(this.owner(mark));
    });
    on("focusout", (e) => {
      if (markOf(e) && within(e)) this.hide();
    });
    on("click", (e) => {
      const mark = markOf(e);
      if (!mark || !within(e)) return;
      const owner = this.owner(mark);
      // A tap on a mark whose details were already open closes them.
      if (e.pointerType === "touch" && openAtPress === owner) this.hide();
      else this.open(owner);
    });
    on("keydown", (e) => {
      if (e.key === "Escape" && this.openMark) {
        const mark = this.openMark;
        this.hide();
        mark.focus();
        return;
      }
      const mark = markOf(e);
      if ((e.key === "Enter" || e.key === " ") && mark && within(e)) {
        e.preventDefault();
        this.open(this.owner(mark));
      }
    });
    addEventListener("scroll", () => this.openMark && this.open(this.openMark), { passive: true });
  }

  /** The focusable mark a (possibly continued) mark belongs to. */
  owner(mark) {
    if (mark.hasAttribute("tabindex")) return mark;
    return this.findMark(mark.dataset.mention) || mark;
  }

  isFocused(mark) {
    return document.activeElement === mark || this.shadowRoot.activeElement === mark;
  }

  async export(format) {
    if (!this.analysis) return;
    try {
      if (format === "json") download("crossread-report.json", "application/json", await this.analysis.reportJson());
      else download("crossread-findings.md", "text/markdown", await this.analysis.markdown());
    } catch (error) {
      this.fail(error);
    }
  }
}

/** A constructed stylesheet (used when the CSS is inlined, as in the standalone page). */
function sheet(text) {
  const s = new CSSStyleSheet();
  s.replaceSync(text);
  return s;
}

/** Styles for marks placed in the host page: they target only crossread's own marks. */
function ensureMarkStyles() {
  if (document.querySelector("link[data-crossread-marks]") || ensureMarkStyles.adopted) return;
  const inline = globalThis.crossreadInlineStyles;
  if (inline) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet(inline.marks)];
    ensureMarkStyles.adopted = true;
    return;
  }
  document.head.append(el("link", { rel: "stylesheet", href: new URL("crossread-marks.css", here).href, "data-crossread-marks": "" }));
}

if (!customElements.get("crossread-reader")) customElements.define("crossread-reader", CrossreadReader);
