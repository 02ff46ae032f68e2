// End-to-end tests of the reader page, the embed and the widget in headless
// Chromium (the system's /usr/bin/chromium, driven by playwright-core). The
// project is served on loopback by the crossread binary, once plainly and
// once with a strict Content-Security-Policy and Trusted Types.
//
//   node tests/e2e/reader.spec.mjs [path/to/crossread-binary]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";
import { binary, checker, here, launchChromium, out, root, serve } from "./support.mjs";

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const { check, results } = checker();
const plain = await serve();
const strict = await serve([`Content-Security-Policy: ${CSP}; require-trusted-types-for 'script'`]);
const browser = await launchChromium();

async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error" && !/\/favicon\.ico$/.test(m.location().url || "")) page.errors.push(m.text()); });
  await page.goto(url);
  return page;
}

async function ready(page, selector = "crossread-reader") {
  await page.waitForFunction((s) => [...document.querySelectorAll(s)].every((w) => w.dataset.ready === "true" || w.shadowRoot?.querySelector(".cr-error:not([hidden])")), selector, { timeout: 15000 });
}

const articleText = (page) => page.$eval("#reader", (w) => w.shadowRoot.querySelector(".cr-text").textContent);
const openPopup = (page, sel = "#reader") => page.$eval(sel, (w) => { const p = w.shadowRoot.querySelector(".cr-popup"); return p.hidden ? null : p.textContent; });

async function axe(page, name) {
  await page.addScriptTag({ path: path.join(here, "node_modules/axe-core/axe.min.js") });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`);
  });
  assert.deepEqual(result, [], `axe on ${name}`);
}

try {
  // ----- the demo page -------------------------------------------------------
  const page = await open(`${plain.origin}/www/`);
  await ready(page);

  await check("demo: marks every kind and shows the article text unchanged", async () => {
    const kinds = await page.$$eval("#reader >> mark[data-mention][tabindex]", (ms) => ms.map((m) => m.dataset.kind));
    for (const k of ["number", "date"]) assert.ok(kinds.includes(k), `no ${k} marks`);
    const original = readFileSync(path.join(root, "www/corpus/kenya-haiti/000_ab610103825d78f6.txt"), "utf8");
    assert.equal(await articleText(page), original);
  });

  await check("demo: Tab reaches marks in reading order; focus opens details; Escape closes and keeps focus", async () => {
    await page.focus("#reader >> button[data-article]");
    const seen = [];
    for (let i = 0; i < 40 && seen.length < 6; i++) {
      await page.keyboard.press("Tab");
      const info = await page.$eval("#reader", (w) => {
        const a = w.shadowRoot.activeElement;
        return a && a.matches("mark") ? { text: a.textContent, top: a.getBoundingClientRect().top, left: a.getBoundingClientRect().left } : null;
      });
      if (info) seen.push(info);
    }
    assert.ok(seen.length >= 6, "Tab did not reach the marks");
    for (let i = 1; i < seen.length; i++) {
      const before = seen[i - 1], now = seen[i];
      assert.ok(now.top > before.top + 2 || (Math.abs(now.top - before.top) <= 2 && now.left > before.left), `mark ${i} out of reading order`);
    }
    // back to the first 382
    await page.$eval("#reader", (w) => [...w.shadowRoot.querySelectorAll("mark[tabindex]")].find((m) => m.textContent === "382").focus());
    const text = await openPopup(page);
    assert.match(text || "", /⚠ Conflict/);
    assert.match(text, /400 in 002_9bc17c87cdb306d3/);
    await page.waitForTimeout(250);
    await page.screenshot({ path: path.join(out, "reader-tooltip.png") });
    await page.keyboard.press("Escape");
    assert.equal(await openPopup(page), null, "Escape did not close");
    assert.equal(await page.$eval("#reader", (w) => w.shadowRoot.activeElement?.textContent), "382", "focus left the mark");
    await page.keyboard.press("Enter");
    assert.match((await openPopup(page)) || "", /Conflict/, "Enter did not open");
    await page.keyboard.press("Escape");
  });

  await check("demo: hover opens without taking focus and stays open over the details", async () => {
    await page.focus("#reader >> button[data-article]");
    const date = page.locator("#reader >> mark[data-kind=date][tabindex]").first();
    await date.hover();
    await page.waitForTimeout(50);
    assert.ok(await openPopup(page), "no details on hover");
    const focusedMark = await page.$eval("#reader", (w) => !!w.shadowRoot.activeElement?.matches("mark"));
    assert.equal(focusedMark, false, "hover moved focus");
    const box = await page.$eval("#reader", (w) => { const r = w.shadowRoot.querySelector(".cr-popup").getBoundingClientRect(); return { x: r.x + 10, y: r.y + 10 }; });
    await page.mouse.move(box.x, box.y, { steps: 5 });
    await page.waitForTimeout(400);
    assert.ok(await openPopup(page), "details closed when the pointer moved into them");
    await page.mouse.move(5, 5);
    await page.waitForTimeout(400);
    assert.equal(await openPopup(page), null, "details stayed open after the pointer left");
  });

  await check("demo: the disagreements panel focuses a mark in its article", async () => {
    const items = page.locator("#reader >> .cr-list button");
    assert.ok((await items.count()) >= 3);
    await page.click("#reader >> button[data-article='003_797e2071f4ed8727']");
    await items.nth(0).click();
    const focused = await page.$eval("#reader", (w) => w.shadowRoot.activeElement?.dataset.mention || "");
    const first = (await page.$eval("#reader", (w) => w.report.groups.filter((g) => g.verdict !== "agree")[0].members[0]));
    assert.equal(focused, first, "the group's first mark is not focused");
    const pressed = await page.$eval("#reader", (w) => w.shadowRoot.querySelector("button[aria-pressed=true]").dataset.article);
    assert.equal(pressed, "000_ab610103825d78f6", "the panel did not switch to the mark's article");
  });

  await check("demo: export JSON and Markdown", async () => {
    const [json] = await Promise.all([page.waitForEvent("download"), page.click("#reader >> text=Export JSON")]);
    const report = JSON.parse(readFileSync(await json.path(), "utf8"));
    assert.equal(report.articles.length, 5);
    const [md] = await Promise.all([page.waitForEvent("download"), page.click("#reader >> text=Export Markdown")]);
    const markdown = readFileSync(await md.path(), "utf8");
    assert.match(markdown, /^# crossread findings/);
    assert.match(markdown, /## Conflicts/);
  });

  await check("demo: print shows marks with footnotes and the disagreements", async () => {
    await page.emulateMedia({ media: "print" });
    const state = await page.$eval("#reader", (w) => ({
      tabs: getComputedStyle(w.shadowRoot.querySelector(".cr-tabs")).display,
      footnotes: w.shadowRoot.querySelectorAll("mark[data-footnote]").length,
      after: getComputedStyle(w.shadowRoot.querySelector("mark[data-footnote][tabindex]"), "::after").content,
    }));
    await page.emulateMedia({ media: "screen" });
    assert.equal(state.tabs, "none");
    assert.ok(state.footnotes > 0);
    assert.match(state.after, /\[\d+\]/);
  });

  await check("demo: no accessibility violations (axe-core)", () => axe(page, "the demo page"));

  await check("demo: paste your own articles, with clear messages and nothing lost", async () => {
    await page.click("#analyse");
    assert.match(await page.textContent("#own-error"), /no text yet/);
    const editors = page.locator("#editors textarea");
    await editors.nth(0).fill("Officials said 12 people were killed in the blast on Monday.");
    await page.locator("#editors input[name=source]").nth(0).fill("Daily One");
    await editors.nth(1).fill("<p>At least 15 people died in the blast, officials said.</p>");
    await page.locator("#editors input[name=source]").nth(1).fill("Two Times");
    await page.click("#analyse");
    await page.waitForFunction(() => document.querySelector("#reader").shadowRoot.querySelector(".cr-summary").textContent.startsWith("2 articles"));
    const list = await page.$eval("#reader", (w) => w.shadowRoot.querySelector(".cr-list").textContent);
    assert.match(list, /12 in Daily One · At least 15 in Two Times/);
    await page.reload();
    await ready(page);
    assert.equal(await page.locator("#editors textarea").nth(1).inputValue(), "<p>At least 15 people died in the blast, officials said.</p>");
  });

  await check("demo: files: text is added, binary and non-UTF-8 are refused with a message", async () => {
    const before = await page.locator("#editors li").count();
    await page.setInputFiles("#files", { name: "wire.txt", mimeType: "text/plain", buffer: Buffer.from("Kenya has already deployed 400 officers.") });
    await page.waitForFunction((n) => document.querySelectorAll("#editors li").length === n + 1, before);
    await page.setInputFiles("#files", { name: "photo.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) });
    await page.waitForFunction(() => !document.querySelector("#own-error").hidden);
    assert.match(await page.textContent("#own-error"), /photo\.txt looks binary/);
    await page.setInputFiles("#files", { name: "latin1.txt", mimeType: "text/plain", buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9]) });
    await page.waitForFunction(() => /not UTF-8/.test(document.querySelector("#own-error").textContent));
    await page.setInputFiles("#files", { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(3 * 1024 * 1024, 0x61) });
    await page.waitForFunction(() => /huge\.txt is 3\.0 MB; crossread reads articles up to 2 MB/.test(document.querySelector("#own-error").textContent));
    await page.click("#clear");
  });

  await check("demo: dropping files on the form adds them", async () => {
    const dropped = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(["<p>Kenya has already deployed 400 officers.</p>"], "dropped.html", { type: "text/html" }));
      return dt;
    });
    const before = await page.locator("#editors li").count();
    await page.dispatchEvent("#drop", "drop", { dataTransfer: dropped });
    await page.waitForFunction((n) => document.querySelectorAll("#editors li").length === n + 1, before);
    assert.equal(await page.locator("#editors input[name=source]").last().inputValue(), "dropped");
    await page.click("#clear");
  });

  await check("demo: no script errors", async () => assert.deepEqual(page.errors, []));
  await check("demo: the engine warmed up (WARM_UP) after the module loaded and before the first analysis ended", async () => {
    const [module, warmed, analysed] = await page.evaluate(() => ["module", "warmed", "analysed"].map((n) => performance.getEntriesByName(`crossread:${n}`, "mark").map((m) => m.startTime)));
    assert.equal(warmed.length, 1, "one warm-up");
    assert.ok(module[0] <= warmed[0] && warmed[0] <= analysed[0], `marks module ${module} warmed ${warmed} analysed ${analysed}`);
  });

  // ----- touch ---------------------------------------------------------------
  await check("touch: tap opens the details, a second tap closes them", async () => {
    const phone = await open(`${plain.origin}/www/`, { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    await ready(phone);
    const mark = phone.locator("#reader >> mark[data-verdict=conflict][tabindex]").first();
    await mark.tap();
    assert.match((await openPopup(phone)) || "", /Conflict/);
    await phone.waitForTimeout(250);
    await phone.screenshot({ path: path.join(out, "reader-phone.png") });
    await mark.tap();
    assert.equal(await openPopup(phone), null);
    await phone.context().close();
  });

  // ----- the embed -----------------------------------------------------------
  await check("embed: enhances the page's own article in place, keeping its markup and text", async () => {
    const embed = await open(`${plain.origin}/www/embed.html`);
    const before = await embed.$eval("#story", (s) => ({ text: s.textContent, links: s.querySelectorAll("a").length, paragraphs: s.querySelectorAll("p").length }));
    await ready(embed);
    const after = await embed.$eval("#story", (s) => ({ text: s.textContent, links: s.querySelectorAll("a").length, paragraphs: s.querySelectorAll("p").length, marks: s.querySelectorAll("mark[data-crossread-mark]").length }));
    assert.equal(after.text, before.text);
    assert.equal(after.links, before.links);
    assert.equal(after.paragraphs, before.paragraphs);
    assert.ok(after.marks >= 10, `${after.marks} marks`);
    await embed.$eval("#story", (s) => [...s.querySelectorAll("mark[tabindex]")].find((m) => m.textContent === "382").focus());
    const text = await openPopup(embed, "crossread-reader");
    assert.match(text || "", /400 in 002_9bc17c87cdb306d3/);
    await embed.waitForTimeout(250);
    await embed.screenshot({ path: path.join(out, "embed.png") });
    await axe(embed, "the embed page");
    assert.deepEqual(embed.errors, []);
    await embed.context().close();
  });

  await check("embed: hostile host CSS breaks neither the widget nor its marks; the host keeps its own styles", async () => {
    const hostile = await open(`${plain.origin}/tests/e2e/pages/hostile.html`);
    await ready(hostile);
    const state = await hostile.evaluate(() => {
      const w = document.querySelector("#cluster");
      const summary = w.shadowRoot.querySelector(".cr-summary");
      const button = w.shadowRoot.querySelector(".cr-tabs button");
      const mark = document.querySelector("#story mark[data-crossread-mark]");
      return {
        summaryFont: getComputedStyle(summary).fontSize, summaryColor: getComputedStyle(summary).color,
        buttonDisplay: getComputedStyle(button).display, markDisplay: getComputedStyle(mark).display,
        tipsHidden: getComputedStyle(document.querySelector("div[data-crossread-ignore]")).display,
        hostSpan: getComputedStyle(document.querySelector("#host-span")).display,
        hostButton: getComputedStyle(document.querySelector("#host-button")).display,
        hostColor: getComputedStyle(document.querySelector("#host-text")).color,
      };
    });
    assert.equal(state.summaryFont, "18px");
    assert.notEqual(state.summaryColor, "rgb(255, 0, 0)");
    assert.notEqual(state.buttonDisplay, "none");
    assert.equal(state.markDisplay, "inline");
    assert.equal(state.tipsHidden, "none");
    assert.equal(state.hostSpan, "none", "the widget restyled the host's span");
    assert.equal(state.hostButton, "none", "the widget restyled the host's button");
    assert.equal(state.hostColor, "rgb(255, 0, 0)");
    await hostile.screenshot({ path: path.join(out, "hostile.png") });
    await hostile.context().close();
  });

  await check("embed: several widgets, and one added after load", async () => {
    const hostile = await open(`${plain.origin}/tests/e2e/pages/hostile.html`);
    await ready(hostile);
    await hostile.evaluate(() => {
      const w = document.createElement("crossread-reader");
      w.id = "late";
      const data = document.createElement("script");
      data.type = "application/json";
      data.textContent = JSON.stringify({ articles: [{ id: "a", text: "Kenya has already deployed 382 officers." }, { id: "b", text: "Kenya has already deployed 400 officers." }] });
      w.append(data);
      document.body.append(w);
    });
    await hostile.waitForFunction(() => document.querySelector("#late").dataset.ready === "true");
    const summaries = await hostile.$$eval("crossread-reader", (ws) => ws.map((w) => w.shadowRoot.querySelector(".cr-summary").textContent.split(" ·")[0]));
    assert.deepEqual(summaries, ["2 articles", "5 articles", "2 articles"]);
    const ids = await hostile.$$eval("crossread-reader", (ws) => ws.flatMap((w) => [...(w.getAttribute("for") ? document.querySelectorAll("#story mark[id]") : w.shadowRoot.querySelectorAll("mark[id]"))].map((m) => m.id)));
    assert.equal(new Set(ids).size, ids.length, "mark ids repeat across widgets");
    await hostile.context().close();
  });

  await check("embed: an article given as a child element is marked in place, its markup kept", async () => {
    const p = await open(`${plain.origin}/tests/e2e/pages/blank.html`);
    await p.evaluate(() => {
      const w = document.createElement("crossread-reader");
      w.setAttribute("article-source", "Child Daily");
      const article = document.createElement("div");
      article.setAttribute("data-crossread-article", "");
      const para = document.createElement("p");
      para.append("Kenya has already deployed ", Object.assign(document.createElement("b"), { textContent: "382" }), " officers.");
      article.append(para);
      const data = Object.assign(document.createElement("script"), { type: "application/json" });
      data.textContent = JSON.stringify({ articles: [{ id: "w", source: "Wire", text: "Kenya has already deployed 400 officers." }] });
      w.append(article, data);
      document.getElementById("host").append(w);
    });
    await p.waitForFunction(() => document.querySelector("crossread-reader").dataset.ready === "true");
    const mark = await p.$eval("[data-crossread-article] b > mark", (m) => [m.textContent, m.dataset.verdict]);
    assert.deepEqual(mark, ["382", "conflict"]);
    const list = await p.$eval("crossread-reader", (w) => w.shadowRoot.querySelector(".cr-list").textContent);
    assert.match(list, /382 in Child Daily · 400 in Wire/);
    await p.context().close();
  });

  await check("embed: a bad sources URL gives a clear message in the widget", async () => {
    const p = await open(`${plain.origin}/www/embed.html`);
    // (crossread-boot.js starts the widget once the page has painted)
    await p.evaluate(() => customElements.whenDefined("crossread-reader"));
    await p.evaluate(() => document.querySelector("crossread-reader").setAttribute("src", "corpus/none.json"));
    await p.waitForFunction(() => !document.querySelector("crossread-reader").shadowRoot.querySelector(".cr-error").hidden);
    const message = await p.$eval("crossread-reader", (w) => w.shadowRoot.querySelector(".cr-error").textContent);
    assert.match(message, /could not load sources .*none\.json: HTTP 404/);
    await p.evaluate(() => document.querySelector("crossread-reader").setAttribute("src", "index.html"));
    await p.waitForFunction(() => /is an HTML page, not a cluster JSON file/.test(document.querySelector("crossread-reader").shadowRoot.querySelector(".cr-error").textContent));
    await p.evaluate(() => {
      const w = document.createElement("crossread-reader");
      w.id = "badjson";
      const data = document.createElement("script");
      data.type = "application/json";
      data.textContent = "{articles: [";
      w.append(data);
      document.body.append(w);
    });
    await p.waitForFunction(() => /inline sources are not valid JSON/.test(document.querySelector("#badjson").shadowRoot.querySelector(".cr-error").textContent));
    // the rest of the page keeps working
    assert.ok(await p.$eval("#story", (s) => s.querySelectorAll("mark").length === 0 || true));
    await p.context().close();
  });

  // ----- server-rendered marks (crossread serve prerenders the demo's widget) -----
  await check("prerendered: the demo's marks, details and disagreements show with scripts off", async () => {
    const p = await open(`${plain.origin}/www/`, { javaScriptEnabled: false });
    const seen = await p.$eval("#reader", (w) => {
      const root = w.shadowRoot;
      return {
        prerendered: !!root?.querySelector(".cr-root[data-prerendered]"),
        text: root?.querySelector(".cr-text").textContent,
        marks: [...(root?.querySelectorAll("mark[data-mention][tabindex]") ?? [])].map((m) => [m.dataset.kind, m.dataset.verdict, m.dataset.footnote ?? ""]),
        tips: root?.querySelectorAll(".cr-tip[hidden]").length,
        panel: root?.querySelector(".cr-list").textContent,
        underlined: root && getComputedStyle(root.querySelector("mark")).textDecorationLine,
      };
    });
    assert.ok(seen.prerendered, "no server-rendered view");
    assert.equal(seen.text, readFileSync(path.join(root, "www/corpus/kenya-haiti/000_ab610103825d78f6.txt"), "utf8"));
    assert.equal(seen.marks.length, 10);
    assert.ok(seen.marks.some(([kind, verdict, footnote]) => kind === "number" && verdict === "conflict" && footnote === "1"), JSON.stringify(seen.marks));
    assert.equal(seen.tips, 10, "a hidden details box per mark");
    assert.match(seen.panel, /^1\. ⚠ Conflict/);
    assert.equal(seen.underlined, "underline", "the widget's stylesheet applies");
    await p.context().close();
  });

  await check("prerendered: the server-rendered view stays until the live widget takes its place, once, with nothing lost", async () => {
    // The sources arrive late: the module has run, the live view is not ready.
    const context = await browser.newContext();
    let release;
    const held = new Promise((r) => (release = r));
    await context.route("**/cluster.json", async (route) => { await held; await route.continue(); });
    const p = await context.newPage();
    p.errors = [];
    p.on("pageerror", (e) => p.errors.push(String(e)));
    await p.goto(`${plain.origin}/www/`);
    await p.waitForFunction(() => performance.getEntriesByName("crossread:module").length > 0);
    const waiting = await p.$eval("#reader", (w) => ({
      marks: w.shadowRoot.querySelectorAll("[data-prerendered] mark[tabindex]").length,
      status: [...w.shadowRoot.querySelectorAll(".cr-status")].map((s) => s.checkVisibility() ? s.textContent : "").join(""),
      // the widget's error box is there from the start, hidden (pages and tests look for it)
      errorBox: w.shadowRoot.querySelectorAll(".cr-error[hidden]").length,
    }));
    assert.deepEqual(waiting, { marks: 10, status: "", errorBox: 1 }, "the server-rendered marks stay while the widget reads");
    // Styled at the moment of the swap (a stylesheet <link> moved in the tree loads again: a flash).
    await p.evaluate(() => document.addEventListener("crossread:ready", (e) => (window.paddingAtSwap = getComputedStyle(e.target.shadowRoot.querySelector(".cr-root")).paddingTop), { capture: true, once: true }));
    release();
    await ready(p);
    assert.equal(await p.evaluate(() => window.paddingAtSwap), "9px", "the live view unstyled when it took over");
    const seen = await p.$eval("#reader", (w) => ({
      roots: w.shadowRoot.querySelectorAll(".cr-root").length,
      prerendered: w.shadowRoot.querySelectorAll("[data-prerendered]").length,
      ids: [...w.shadowRoot.querySelectorAll("mark[tabindex]")].map((m) => m.id),
      text: w.shadowRoot.querySelector(".cr-text").textContent,
    }));
    assert.deepEqual([seen.roots, seen.prerendered], [1, 0]);
    await p.waitForFunction(() => document.querySelector("#reader").shadowRoot.querySelectorAll('link[rel="stylesheet"], style').length === 1);
    assert.equal(await p.$eval("#reader", (w) => getComputedStyle(w.shadowRoot.querySelector(".cr-summary")).fontSize), "18px");
    assert.equal(seen.ids.length, 10);
    assert.ok(seen.ids.every((id) => /^cr\d+-m\d+$/.test(id)), seen.ids.join(" "));
    assert.equal(seen.text, readFileSync(path.join(root, "www/corpus/kenya-haiti/000_ab610103825d78f6.txt"), "utf8"));
    await p.focus("#reader >> mark[tabindex]");
    assert.match(await openPopup(p), /Number/);
    assert.deepEqual(p.errors, []);
    await context.close();
  });

  await check("prerendered: when the wasm cannot load, the server-rendered view stays, under a clear message", async () => {
    const context = await browser.newContext();
    await context.route("**/*.wasm", (route) => route.abort());
    const p = await context.newPage();
    await p.goto(`${plain.origin}/www/`);
    // (the page starts its scripts once it has painted: the message box comes with them)
    await p.waitForFunction(() => document.querySelector("#reader").shadowRoot.querySelector(".cr-error")?.hidden === false, null, { timeout: 15000 });
    const seen = await p.$eval("#reader", (w) => ({
      error: w.shadowRoot.querySelector(".cr-error").textContent,
      inPrerendered: !!w.shadowRoot.querySelector("[data-prerendered] > .cr-error"),
      marks: w.shadowRoot.querySelectorAll("mark[tabindex]").length,
    }));
    assert.match(seen.error, /^crossread: /);
    assert.ok(seen.inPrerendered, "the message is above the server-rendered view");
    assert.equal(seen.marks, 10);
    await context.close();
  });

  for (const [name, page] of [["the embed's own article", "/www/embed.html"], ["an article written loosely (CRLF, references, a bare &, a script and an ignored aside inside)", "/tests/e2e/pages/in-place.html"]]) await check(`prerendered: ${name} is marked in its own markup before any script; the live widget re-marks it once`, async () => {
    const asIs = await serve([], ["--no-prerender"]);
    try {
      const read = async (origin, javaScriptEnabled) => {
        const p = await open(`${origin}${page}`, { javaScriptEnabled });
        if (javaScriptEnabled) await ready(p);
        const seen = await p.$eval("#story", (s) => ({
          text: s.textContent,
          paragraphs: s.querySelectorAll("p").length,
          ids: [...s.querySelectorAll("mark[tabindex]")].map((m) => m.id),
          kinds: [...s.querySelectorAll("mark[tabindex]")].map((m) => `${m.textContent} ${m.dataset.kind} ${m.dataset.verdict}`),
          tips: document.querySelectorAll("[data-crossread-server-tips] .cr-tip[hidden]").length,
          styled: getComputedStyle(s.querySelector("mark[data-verdict=conflict]") ?? s).textDecorationLine,
          summary: document.querySelector("crossread-reader").shadowRoot?.querySelector(".cr-summary")?.textContent,
          duplicateIds: [...document.querySelectorAll("[id]")].map((e) => e.id).filter((id, i, all) => all.indexOf(id) !== i),
        }));
        await p.context().close();
        return seen;
      };
      const original = await read(asIs.origin, false);
      const server = await read(plain.origin, false);
      const live = await read(plain.origin, true);
      assert.equal(original.ids.length, 0);
      assert.equal(server.text, original.text, "the article's text as the page has it");
      assert.equal(server.paragraphs, original.paragraphs);
      assert.ok(server.ids.length >= 4 && server.ids.every((id) => id.startsWith("crs1-")), server.ids.join(" "));
      assert.ok(server.kinds.includes("382 number conflict"), server.kinds.join("; "));
      assert.equal(server.tips, server.ids.length, "hidden details for each mark");
      assert.equal(server.styled, "underline", "crossread-marks.css applies");
      assert.match(server.summary, /^\d+ articles · /);
      // The live widget: the same marks and summary, its own ids, the server's details gone.
      assert.equal(live.text, original.text);
      assert.deepEqual(live.kinds, server.kinds);
      assert.ok(live.ids.every((id) => /^cr\d+-m\d+$/.test(id)), live.ids.join(" "));
      assert.equal(live.tips, 0);
      assert.equal(live.summary, server.summary);
      assert.deepEqual([server.duplicateIds, live.duplicateIds], [[], []]);
    } finally {
      asIs.child.kill();
    }
  });

  await check("demo page and embed (crossread-boot.js): prerendered, their scripts are requested once the page has painted, with the preload hints; from a static host at once", async () => {
    const asIs = await serve([], ["--no-prerender"]);
    try {
      for (const [origin, prerendered] of [[plain.origin, true], [asIs.origin, false]]) {
        const p = await open(`${origin}/www/`);
        await ready(p);
        const seen = await p.evaluate(() => {
          const requested = (path) => performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname === path)?.startTime ?? NaN;
          return {
            shadow: !!document.querySelector("#reader").shadowRoot.querySelector("[data-prerendered], .cr-root"),
            paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
            main: requested("/www/main.js"),
            hints: [...document.head.querySelectorAll(':scope > link[rel="preload"], :scope > link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname),
            marks: document.querySelector("#reader").shadowRoot.querySelectorAll("mark[tabindex]").length,
          };
        });
        const label = prerendered ? "prerendered" : "static host";
        for (const file of ["/www/crossread.js", "/pkg/crossread.js", "/pkg/crossread_bg.wasm", "/www/crossread.css", "/www/corpus/kenya-haiti/cluster.json", "/www/corpus/kenya-haiti/004_9b5600509f698df4.txt"]) {
          assert.ok(seen.hints.includes(file), `${label}: no preload hint for ${file} in the head (${seen.hints.join(" ")})`);
        }
        assert.equal(seen.marks, 10, label);
        if (prerendered) assert.ok(seen.main >= seen.paint, `main.js requested at ${seen.main} ms, before the page's first paint at ${seen.paint} ms`);
        assert.deepEqual(p.errors, [], label);
        await p.context().close();
        // The embedding example loads the widget with the same loader, and no page modules of its own.
        const e = await open(`${origin}/www/embed.html`);
        await e.waitForFunction(() => [...document.querySelectorAll("crossread-reader")].every((w) => w.dataset.ready === "true"), null, { timeout: 30000 });
        const embed = await e.evaluate(() => ({
          paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
          widget: performance.getEntriesByType("resource").find((r) => new URL(r.name).pathname === "/www/crossread.js")?.startTime ?? NaN,
          marks: document.querySelectorAll("#story mark[data-crossread-mark][tabindex]").length,
        }));
        assert.ok(embed.marks > 0, `${label} embed: no live marks in its article`);
        if (prerendered) assert.ok(embed.widget >= embed.paint, `embed: crossread.js requested at ${embed.widget} ms, before the page's first paint at ${embed.paint} ms`);
        else assert.ok(embed.widget < 1000, `static host embed: crossread.js requested only at ${embed.widget} ms`);
        assert.deepEqual(e.errors, [], `${label} embed`);
        await e.context().close();
      }
    } finally {
      asIs.child.kill();
    }
  });

  // ----- the single-file page ----------------------------------------------------
  await check("standalone: pkg/crossread-standalone.html works from file:// with no server", async () => {
    const p = await open(`file://${path.join(root, "pkg/crossread-standalone.html")}`);
    await ready(p);
    const marks = await p.$eval("#reader", (w) => w.shadowRoot.querySelectorAll("mark[tabindex]").length);
    assert.ok(marks >= 10, `${marks} marks`);
    await p.$eval("#reader", (w) => [...w.shadowRoot.querySelectorAll("mark[tabindex]")].find((m) => m.textContent === "382").focus());
    assert.match((await openPopup(p)) || "", /400 in 002_9bc17c87cdb306d3/);
    const font = await p.$eval("#reader", (w) => getComputedStyle(w.shadowRoot.querySelector(".cr-summary")).fontSize);
    assert.equal(font, "18px", "the inlined widget styles did not apply");
    assert.deepEqual(p.errors, []);
    await p.screenshot({ path: path.join(out, "standalone.png") });
    await p.context().close();
  });

  await check("standalone: with scripts off, the prerendered marks show, styled", async () => {
    const p = await open(`file://${path.join(root, "pkg/crossread-standalone.html")}`, { javaScriptEnabled: false });
    const seen = await p.$eval("#reader", (w) => ({
      marks: w.shadowRoot?.querySelectorAll("[data-prerendered] mark[tabindex]").length,
      font: w.shadowRoot && getComputedStyle(w.shadowRoot.querySelector(".cr-summary")).fontSize,
    }));
    assert.deepEqual(seen, { marks: 10, font: "18px" });
    await p.context().close();
  });

  // ----- the glue's strings ----------------------------------------------------
  // pkg/crossread.js builds short ASCII strings itself and leaves the rest to
  // TextDecoder (.ci/patch-glue.mjs). The browser's report must equal the
  // native CLI's, string for string, with short and long, ASCII and not.
  await check("glue: the browser's report equals the CLI's JSON, with accents, emoji and right-to-left text", async () => {
    const cluster = {
      articles: [
        { id: "é", source: "Le Monde 🗞", text: "Kenya a envoyé 382 policiers le 25 juin 2024, a dit José Ruto. « Nous sommes fiers », a-t-il dit. Coût : 5 €. 👮🏿‍♀️ قال روتو 400 שלום" },
        { id: "b", source: "Reuters", text: "Kenya sent 400 officers on June 25, 2024. “We are very proud of the officers who are serving there in Haiti,” Ruto said. It cost €5 million, or 5 € each. Prices rose 12.5% and more than 300 people fled." },
        { id: "😀", text: "Kenya sent 382 police officers on 25 June 2024. “We are very proud of the officers serving in Haiti,” said Ruto. Café owners in Nairobi said 12 ℃." },
      ],
    };
    const file = path.join(out, "glue-cluster.json");
    writeFileSync(file, JSON.stringify(cluster));
    const cli = JSON.parse(execFileSync(binary, ["analyze", "--json", file], { encoding: "utf8" }));
    const p = await open(`${plain.origin}/tests/e2e/pages/blank.html`);
    const browserReport = await p.evaluate(async (cluster) => {
      const glue = await import("/pkg/crossread.js");
      await glue.default();
      return glue.analyze(cluster);
    }, cluster);
    const strings = JSON.stringify(browserReport).match(/"(?:[^"\\]|\\.)*"/g);
    assert.ok(strings.some((s) => /[^\x00-\x7f]/.test(s) && s.length <= 34), "no short non-ASCII string in the report");
    assert.ok(strings.some((s) => /[^\x00-\x7f]/.test(s) && s.length > 34), "no long non-ASCII string in the report");
    // every kind of value the report's tape carries (src/web/tape.rs): fractions, open bounds, large numbers
    const values = browserReport.articles.flatMap((a) => a.mentions.map((m) => m.value)).filter((v) => v && typeof v === "object");
    assert.ok(values.some((v) => v.low === 12.5), "no fraction in the report");
    assert.ok(values.some((v) => v.low === 301 && v.high === null), "no open bound in the report");
    assert.ok(values.some((v) => v.low === 5e6), "no large number in the report");
    assert.deepEqual(browserReport, cli);
    await p.context().close();
  });

  await check("warm-up: the articles the widget analyses first take every kind and both kinds of disagreement", async () => {
    const p = await open(`${plain.origin}/tests/e2e/pages/blank.html`);
    const report = await p.evaluate(async () => {
      const widget = await import("/www/crossread.js");
      const glue = await import("/pkg/crossread.js");
      await widget.load();
      return glue.analyze({ articles: widget.WARM_UP });
    });
    for (const a of report.articles) assert.deepEqual([...new Set(a.mentions.map((m) => m.kind))].sort(), ["date", "number", "quote"], a.id);
    assert.deepEqual(report.groups.map((g) => `${g.kind} ${g.verdict}`).sort(), ["number conflict", "quote variant"]);
    assert.deepEqual(p.errors, []);
    await p.context().close();
  });

  // ----- large clusters: analysed in a Web Worker -------------------------------
  // 200 articles (about 570 KB, over the widget's WORKER_BYTES): the copies of
  // the five under new ids, paragraphs rotated, as the benchmark builds them.
  const corpusDir = path.join(root, "www/corpus/kenya-haiti");
  const five = ["000_ab610103825d78f6", "001_d100ab99cad84b3b", "002_9bc17c87cdb306d3", "003_797e2071f4ed8727", "004_9b5600509f698df4"]
    .map((id) => ({ id, text: readFileSync(path.join(corpusDir, `${id}.txt`), "utf8") }));
  const many = Array.from({ length: 200 }, (_, i) => {
    const a = five[i % 5];
    const copy = Math.floor(i / 5);
    const paragraphs = a.text.split("\n");
    const k = copy % paragraphs.length;
    return { id: copy ? `${a.id}-${copy}` : a.id, text: [...paragraphs.slice(k), ...paragraphs.slice(0, k)].join("\n") };
  });
  /** Gives a new widget `articles` and waits; returns what the worker and the progress bar did. */
  const bigWidget = (p, articles) => p.evaluate(async (articles) => {
    const { WORKER_BYTES } = await import("/www/crossread.js");
    const widget = document.createElement("crossread-reader");
    widget.id = "reader";
    const seen = new Set();
    const poll = setInterval(() => { const bar = widget.shadowRoot.querySelector("progress"); if (!bar.hidden) seen.add(`${bar.value}/${bar.max}`); }, 5);
    const outcome = new Promise((resolve) => {
      widget.addEventListener("crossread:ready", (e) => resolve({ groups: e.detail.report.groups.length }));
      widget.addEventListener("crossread:error", (e) => resolve({ error: e.detail.message, code: e.detail.code }));
    });
    document.body.append(widget);
    widget.cluster = { articles };
    const result = await outcome;
    clearInterval(poll);
    const bytes = articles.reduce((n, a) => n + a.text.length, 0);
    const worker = performance.getEntriesByType("resource").some((e) => e.name.endsWith("/www/crossread-worker.js"));
    const warmed = performance.getEntriesByName("crossread:warmed", "mark").length;
    return { ...result, bytes, threshold: WORKER_BYTES, worker, warmed, progress: [...seen], progressHidden: widget.shadowRoot.querySelector("progress").hidden };
  }, articles);

  for (const [name, server] of [["plain", plain], ["CSP + Trusted Types", strict]]) {
    await check(`large cluster (${name}): analysed in a Web Worker with a progress bar; marks, details, tabs and export work`, async () => {
      const p = await open(`${server.origin}/tests/e2e/pages/blank.html`);
      const violations = [];
      p.on("console", (m) => { if (/Content Security Policy|Trusted Type/i.test(m.text())) violations.push(m.text()); });
      const r = await bigWidget(p, many);
      assert.equal(r.error, undefined, r.error);
      assert.ok(r.bytes > r.threshold, `${r.bytes} bytes is not over the worker threshold`);
      assert.ok(r.worker, "crossread-worker.js was never loaded");
      assert.equal(r.warmed, 0, "the page warmed up the engine for a cluster analysed in the worker (a long task for nothing)");
      assert.ok(r.progress.length >= 3, `progress bar seen at ${JSON.stringify(r.progress)}`);
      assert.ok(r.progressHidden, "the progress bar stays after the analysis");
      // the first article, marked from the worker's view, with the same details as the five alone give
      assert.equal(await articleText(p), five[0].text);
      await p.$eval("#reader", (w) => [...w.shadowRoot.querySelectorAll("mark[tabindex]")].find((m) => m.textContent === "382").focus());
      assert.match((await openPopup(p)) || "", /⚠ Conflict/);
      assert.match(await openPopup(p), /400 in 002_9bc17c87cdb306d3/);
      // another tab asks the worker for another view
      await p.$eval("#reader", (w) => w.shadowRoot.querySelector('button[data-article="002_9bc17c87cdb306d3"]').click());
      await p.waitForFunction((t) => document.querySelector("#reader").shadowRoot.querySelector(".cr-text")?.textContent === t, five[2].text);
      const [marks, mentions] = await p.$eval("#reader", (w) => [w.shadowRoot.querySelectorAll("mark[tabindex]").length, w.report.articles.find((a) => a.id === "002_9bc17c87cdb306d3").mentions.length]);
      assert.ok(mentions >= 5 && marks === mentions, `${marks} marks for ${mentions} mentions on the second article`);
      // export: the Markdown comes from the worker
      const [download] = await Promise.all([p.waitForEvent("download"), p.$eval("#reader", (w) => [...w.shadowRoot.querySelectorAll("button")].find((b) => b.textContent === "Export Markdown").click())]);
      const markdown = readFileSync(await download.path(), "utf8");
      assert.match(markdown, /200 articles/);
      assert.deepEqual([...violations, ...p.errors], []);
      await p.context().close();
    });
  }

  await check("large cluster: bad input from the worker is a clear message with its code", async () => {
    const p = await open(`${plain.origin}/tests/e2e/pages/blank.html`);
    const r = await bigWidget(p, [...many, { id: many[7].id, text: "again" }]);
    assert.equal(r.code, "duplicate-id");
    assert.match(r.error, new RegExp(`two articles have the id "${many[7].id}"`));
    assert.ok(r.worker);
    assert.deepEqual(p.errors, []);
    await p.context().close();
  });

  // ----- strict hosts --------------------------------------------------------
  await check("CSP + Trusted Types: the demo and the embed work with no violation", async () => {
    for (const url of [`${strict.origin}/www/`, `${strict.origin}/www/embed.html`]) {
      const p = await open(url);
      const violations = [];
      p.on("console", (m) => { if (/Content Security Policy|Trusted Type/i.test(m.text())) violations.push(m.text()); });
      await ready(p);
      const marks = await p.evaluate(() => document.querySelectorAll("#story mark").length + [...document.querySelectorAll("crossread-reader")].reduce((n, w) => n + w.shadowRoot.querySelectorAll("mark").length, 0));
      assert.ok(marks > 5, `${url}: ${marks} marks`);
      const header = await p.evaluate(async () => (await fetch(location.href)).headers.get("content-security-policy"));
      assert.match(header, /wasm-unsafe-eval/);
      assert.deepEqual([...violations, ...p.errors], [], url);
      await p.context().close();
    }
  });
} finally {
  await browser.close();
  plain.child.kill();
  strict.child.kill();
}
console.log(results.join("\n"));
console.log(`screenshots: ${path.relative(root, out)}/`);
writeFileSync(path.join(out, "results.txt"), results.join("\n") + "\n");
