// Known XSS vectors (tests/e2e/xss-vectors.txt: the kind DOMPurify and the
// OWASP filter-evasion cheat sheet test against) fed through every input
// path: page paste, file drop, embed attributes and inline sources, a JSON
// sources URL, the CLI's --html page, and widgets prerendered by the CLI. In a real browser, asserts that no
// vector's script runs and that no event handler, script, frame, object or
// image reaches the page.
//
//   node tests/e2e/xss.spec.mjs [path/to/crossread-binary]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";
import { binary, checker, here, launchChromium, out, root, serve } from "./support.mjs";

const vectors = readFileSync(path.join(here, "xss-vectors.txt"), "utf8").split("\n").filter((l) => l.trim());
assert.ok(vectors.length >= 100, `${vectors.length} vectors`);
// Each vector twice: in plain text and inside an HTML body, around real figures.
const texts = vectors.flatMap((v, i) => [
  `Kenya has already deployed 382 officers (${i}). ${v} “We are proud of them,” Ruto said.`,
  `<p>Kenya has already deployed 400 officers (${i}).</p>${v}<p>“We are proud of them,” Ruto said.</p>`,
]);
const batches = [];
for (let i = 0; i < texts.length; i += 24) batches.push(texts.slice(i, i + 24).join("\n"));
const cluster = { articles: batches.map((text, i) => ({ id: `x${i}`, source: vectors[i % vectors.length], text })) };
writeFileSync(path.join(out, "xss-cluster.json"), JSON.stringify(cluster));

const { check, results } = checker();
const server = await serve();
const browser = await launchChromium();

async function open(url) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__xssHits = [];
    window.__xss = (name) => window.__xssHits.push(String(name));
    window.alert = window.confirm = window.prompt = (m) => window.__xssHits.push(`dialog ${m}`);
  });
  await context.route(/xss\.invalid/, (r) => { r.abort(); });
  const page = await context.newPage();
  page.on("dialog", (d) => { d.dismiss(); });
  await page.goto(url);
  return page;
}

/** No vector ran, and nothing executable reached the page or a widget. */
async function clean(page, label) {
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll("crossread-reader")].map((w) => w.shadowRoot)];
    const handlers = [];
    const banned = [];
    for (const r of roots) {
      for (const el of r.querySelectorAll("*")) {
        for (const a of el.getAttributeNames()) if (/^on/i.test(a)) handlers.push(`${el.tagName}[${a}]`);
        if (/^(SCRIPT|IFRAME|OBJECT|EMBED|IMG|SVG|MATH|FRAME|FRAMESET|BASE|META|LINK|STYLE|FORM|INPUT|VIDEO|AUDIO|TEMPLATE|BGSOUND|XSS)$/i.test(el.tagName)
          && !(el.tagName === "SCRIPT" && (el.type === "module" || el.type === "application/json"))
          && !(el.tagName === "LINK" && /crossread(-marks)?\.css$|style\.css$|embed\.css$/.test(el.href))
          // the demo page's own preload hints, in its head, for its own files
          && !(el.tagName === "LINK" && /^(preload|modulepreload)$/.test(el.rel) && el.parentNode === document.head && new URL(el.href).origin === location.origin)
          // and its icon
          && !(el.tagName === "LINK" && el.rel === "icon" && el.parentNode === document.head && new URL(el.href).pathname === "/www/favicon.svg")
          && !(el.tagName === "META" && !el.httpEquiv)
          && !(el.tagName === "STYLE" && r === document && document.title === "crossread report")
          && !(el.tagName === "TEMPLATE" && (el.id === "editor-template" || (el.id === "crossread-preloads" && el.parentNode === document.head)))
          && !(el.tagName === "INPUT" && el.closest("#own"))) banned.push(el.tagName);
        const href = el.getAttribute("href") || "";
        if (/^\s*(javascript|data|vbscript):/i.test(href)) banned.push(`href ${href.slice(0, 30)}`);
      }
    }
    return { hits: window.__xssHits, handlers, banned };
  });
  assert.deepEqual(state.hits, [], `${label}: a vector ran`);
  assert.deepEqual(state.handlers, [], `${label}: event handler attributes`);
  assert.deepEqual(state.banned, [], `${label}: forbidden elements`);
}

async function eachArticle(page, label) {
  const ids = await page.$eval("crossread-reader", (w) => w.report.articles.map((a) => a.id));
  for (const id of ids) {
    await page.$eval("crossread-reader", (w, id) => w.shadowRoot.querySelector(`button[data-article="${CSS.escape(id)}"]`).click(), id);
    // hover every mark once, so that any smuggled handler would fire
    await page.$eval("crossread-reader", (w) => { for (const m of w.shadowRoot.querySelectorAll("mark")) m.dispatchEvent(new PointerEvent("pointerover", { bubbles: true, composed: true })); });
    await clean(page, `${label} ${id}`);
  }
  return ids.length;
}

try {
  await check("self-check: the detector catches a vector that does run", async () => {
    const page = await open(`${server.origin}/tests/e2e/pages/blank.html`);
    await page.evaluate(() => { document.getElementById("host").innerHTML = "<img src=x onerror=\"window.__xss('self-check')\">"; });
    await assert.rejects(clean(page, "self-check"), /a vector ran/);
    await page.context().close();
  });

  await check(`paste: ${vectors.length} vectors × plain and HTML, in the page's own-articles form`, async () => {
    const page = await open(`${server.origin}/www/`);
    await page.waitForFunction(() => document.querySelector("crossread-reader").dataset.ready === "true");
    while ((await page.locator("#editors li").count()) < batches.length) await page.click("#add");
    for (let i = 0; i < batches.length; i++) {
      await page.locator("#editors textarea").nth(i).fill(batches[i]);
      await page.locator("#editors input[name=source]").nth(i).fill(`outlet ${i} ${vectors[i]}`);
    }
    await page.click("#analyse");
    await page.waitForFunction((n) => document.querySelector("crossread-reader").report?.articles.length === n, batches.length);
    const n = await eachArticle(page, "paste");
    assert.equal(n, batches.length);
    await page.click("#clear");
    await page.context().close();
  });

  await check("file drop: the vectors as .html and .txt files", async () => {
    const page = await open(`${server.origin}/www/`);
    await page.waitForFunction(() => document.querySelector("crossread-reader").dataset.ready === "true");
    await page.click("#clear");
    while ((await page.locator("#editors li").count()) > 0) await page.locator("#editors .remove").first().click();
    const files = batches.slice(0, 6).map((b, i) => ({ name: `v${i}.${i % 2 ? "html" : "txt"}`, mimeType: i % 2 ? "text/html" : "text/plain", buffer: Buffer.from(b) }));
    await page.setInputFiles("#files", files);
    await page.waitForFunction(() => document.querySelectorAll("#editors li").length === 6);
    await page.click("#analyse");
    await page.waitForFunction(() => document.querySelector("crossread-reader").report?.articles.length === 6);
    await eachArticle(page, "files");
    await page.click("#clear");
    await page.context().close();
  });

  await check("embed: vectors in attributes, in the page's own article and in inline sources", async () => {
    const page = await open(`${server.origin}/tests/e2e/pages/blank.html`);
    await page.evaluate(({ vectors, batches }) => {
      const host = document.getElementById("host");
      vectors.slice(0, 40).forEach((v, i) => {
        const story = document.createElement("article");
        story.id = `story${i}`;
        story.textContent = `Kenya has already deployed 382 officers. ${v}`;
        host.append(story);
        const w = document.createElement("crossread-reader");
        w.setAttribute("for", `#story${i}`);
        w.setAttribute("article-source", v);
        w.setAttribute("article-id", `own ${v}`);
        const data = document.createElement("script");
        data.type = "application/json";
        data.textContent = JSON.stringify({ articles: [{ id: `wire ${i}`, source: v, text: batches[i % batches.length] }] });
        w.append(data);
        host.append(w);
      });
    }, { vectors, batches });
    await page.waitForFunction(() => [...document.querySelectorAll("crossread-reader")].every((w) => w.dataset.ready === "true"), null, { timeout: 30000 });
    await clean(page, "embed");
    await page.context().close();
  });

  await check("worker: a cluster of vectors large enough to be analysed in a Web Worker", async () => {
    const page = await open(`${server.origin}/tests/e2e/pages/blank.html`);
    const used = await page.evaluate(async (articles) => {
      const { WORKER_BYTES } = await import("/www/crossread.js");
      // copies under new ids until the cluster is over the widget's worker threshold
      const big = [];
      for (let copy = 0; big.reduce((n, a) => n + a.text.length, 0) <= WORKER_BYTES; copy++) big.push(...articles.map((a) => ({ ...a, id: `${a.id}-${copy}` })));
      const w = document.createElement("crossread-reader");
      document.getElementById("host").append(w);
      w.cluster = { articles: big };
      await new Promise((resolve) => w.addEventListener("crossread:ready", resolve));
      return performance.getEntriesByType("resource").some((e) => e.name.endsWith("/www/crossread-worker.js"));
    }, cluster.articles);
    assert.ok(used, "the worker was not used");
    const n = await eachArticle(page, "worker");
    assert.ok(n > cluster.articles.length, `${n} articles`);
    await page.context().close();
  });

  await check("JSON sources: a src= cluster of vectors (texts and outlet names)", async () => {
    const page = await open(`${server.origin}/tests/e2e/pages/blank.html`);
    await page.evaluate(() => {
      const w = document.createElement("crossread-reader");
      w.setAttribute("src", "/tests/e2e/out/xss-cluster.json");
      document.getElementById("host").append(w);
    });
    await page.waitForFunction(() => document.querySelector("crossread-reader").dataset.ready === "true", null, { timeout: 30000 });
    await eachArticle(page, "sources");
    await page.context().close();
  });

  await check("CLI --html: the static report page of the vector cluster", async () => {
    const html = execFileSync(binary, ["analyze", "--html", path.join(out, "xss-cluster.json")], { maxBuffer: 64 << 20 });
    writeFileSync(path.join(out, "xss-report.html"), html);
    const page = await open(`${server.origin}/tests/e2e/out/xss-report.html`);
    const marks = await page.$$eval("mark", (ms) => ms.length);
    assert.ok(marks > 100, `${marks} marks`);
    await clean(page, "cli html");
    await page.context().close();
  });

  await check("prerender: each article of the vector cluster first in a server-rendered widget", async () => {
    // One widget per article, its cluster turned so that article is the one shown.
    const widgets = cluster.articles.map((_, k) => {
      const turned = { articles: [...cluster.articles.slice(k), ...cluster.articles.slice(0, k)] };
      writeFileSync(path.join(out, `xss-turned-${k}.json`), JSON.stringify(turned));
      return `<crossread-reader src="xss-turned-${k}.json"></crossread-reader>`;
    });
    const source = path.join(out, "xss-prerender-source.html");
    writeFileSync(source, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>prerendered vectors</title></head><body>\n${widgets.join("\n")}\n</body></html>`);
    const html = execFileSync(binary, ["prerender", source, "--root", root, "--css", "/www/crossread.css"], { maxBuffer: 64 << 20 });
    writeFileSync(path.join(out, "xss-prerendered.html"), html);
    const page = await open(`${server.origin}/tests/e2e/out/xss-prerendered.html`);
    const seen = await page.$$eval("crossread-reader", (ws) => ws.map((w) => [!!w.shadowRoot?.querySelector("[data-prerendered]"), w.shadowRoot?.querySelectorAll("mark").length ?? 0]));
    assert.equal(seen.length, cluster.articles.length);
    assert.ok(seen.every(([rendered, marks]) => rendered && marks >= 10), JSON.stringify(seen));
    assert.ok(seen.reduce((n, [, marks]) => n + marks, 0) > 500, JSON.stringify(seen));
    await page.$$eval("crossread-reader", (ws) => { for (const w of ws) for (const m of w.shadowRoot.querySelectorAll("mark")) m.dispatchEvent(new PointerEvent("pointerover", { bubbles: true, composed: true })); });
    await clean(page, "prerendered");
    await page.context().close();
  });

  await check("prerender: a page's own article marked in place against the vector cluster (details from every outlet)", async () => {
    const source = path.join(out, "xss-in-place-source.html");
    writeFileSync(source, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>prerendered in place</title></head><body>
<article id="story"><p>Kenya has already deployed 390 officers (1). “We are proud of them,” Ruto said.</p></article>
<crossread-reader for="#story" article-source="Host" src="xss-cluster.json"></crossread-reader>
</body></html>`);
    const html = execFileSync(binary, ["prerender", source, "--root", root, "--css", "/www/crossread.css"], { maxBuffer: 64 << 20 });
    writeFileSync(path.join(out, "xss-in-place.html"), html);
    const page = await open(`${server.origin}/tests/e2e/out/xss-in-place.html`);
    const seen = await page.evaluate(() => ({
      marks: document.querySelectorAll("#story mark[data-crossread-mark]").length,
      tips: document.querySelectorAll("[data-crossread-server-tips] .cr-tip").length,
      prerendered: !!document.querySelector("crossread-reader").shadowRoot?.querySelector("[data-prerendered]"),
    }));
    assert.ok(seen.marks >= 2 && seen.tips === seen.marks && seen.prerendered, JSON.stringify(seen));
    await page.$$eval("#story mark", (ms) => { for (const m of ms) m.dispatchEvent(new PointerEvent("pointerover", { bubbles: true, composed: true })); });
    await clean(page, "prerendered in place");
    await page.context().close();
  });
} finally {
  await browser.close();
  server.child.kill();
}
console.log(results.join("\n"));
