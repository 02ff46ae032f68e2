// End-to-end test of the reader page in headless Chromium (the system's
// /usr/bin/chromium, driven by playwright-core): serves the project on
// loopback with the crossread binary, opens the demo, focuses marks by
// keyboard, checks what the tooltip says, and saves a screenshot.
//
//   node tests/e2e/reader.spec.mjs [path/to/crossread-binary]
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import assert from "node:assert/strict";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const binary = process.argv[2] || path.join(root, "target/release/crossread");
const out = path.join(root, "tests/e2e/out");
mkdirSync(out, { recursive: true });

function serve() {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ["serve", "--port", "0", "--root", root], { stdio: ["ignore", "pipe", "inherit"] });
    child.on("error", reject);
    child.stdout.on("data", (chunk) => {
      const match = /http:\/\/[^\s]+/.exec(String(chunk));
      if (match) resolve({ child, url: match[0] });
    });
  });
}

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push(`ok   ${name}`);
  } catch (error) {
    results.push(`FAIL ${name}: ${error.message}`);
    process.exitCode = 1;
  }
}

const { child, url } = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });

  await check("marks every kind in the first article", async () => {
    const kinds = await page.$$eval("#reader .cr-mark", (ms) => ms.map((m) => m.dataset.kind));
    for (const k of ["number", "date"]) assert.ok(kinds.includes(k), `no ${k} marks`);
    assert.ok(kinds.length >= 10, `only ${kinds.length} marks`);
  });

  await check("rendered text equals the article text", async () => {
    const shown = await page.$eval("#reader", (el) => el.textContent);
    const original = await (await fetch(`${url}corpus/kenya-haiti/000_ab610103825d78f6.txt`)).text();
    assert.equal(shown, original);
  });

  await check("keyboard focus on 382 opens a tooltip naming the other outlets' values", async () => {
    // Tab from the top of the page until the first "382" mark has focus.
    await page.focus("#articles button");
    let text = "";
    for (let i = 0; i < 60 && text !== "382"; i++) {
      await page.keyboard.press("Tab");
      text = await page.evaluate(() => document.activeElement?.classList.contains("cr-mark") ? document.activeElement.textContent : "");
    }
    assert.equal(text, "382", "Tab never reached the 382 mark");
    const tip = await page.evaluate(() => {
      const id = document.activeElement.getAttribute("aria-describedby");
      const el = document.getElementById(id);
      return { visible: !el.hidden, text: el.textContent };
    });
    assert.ok(tip.visible, "tooltip hidden after focus");
    assert.match(tip.text, /Conflict/);
    assert.match(tip.text, /400 in 002_9bc17c87cdb306d3/);
    assert.match(tip.text, /382 in 000_ab610103825d78f6, 001_d100ab99cad84b3b/);
    await page.screenshot({ path: path.join(out, "reader-tooltip.png") });
    await page.keyboard.press("Escape");
    const hidden = await page.evaluate(() => document.getElementById(document.activeElement.getAttribute("aria-describedby")).hidden);
    assert.ok(hidden, "Escape did not close the tooltip");
  });

  await check("hover opens a tooltip", async () => {
    await page.hover("#reader .cr-date");
    const visible = await page.$$eval("#tips .cr-tip", (tips) => tips.filter((t) => !t.hidden).length);
    assert.equal(visible, 1);
  });

  await check("the disagreements panel focuses a conflicting mark in its article", async () => {
    const items = await page.$$("#disagreement-list button");
    assert.ok(items.length >= 3, `${items.length} disagreements listed`);
    await items[items.length - 1].click();
    const focused = await page.evaluate(() => document.activeElement?.dataset.mention || "");
    assert.ok(focused.startsWith("m"), "no mark focused");
  });

  await check("switching article renders that article", async () => {
    await page.click("#articles button[data-article='003_797e2071f4ed8727']");
    const text = await page.$eval("#reader", (el) => el.textContent);
    assert.match(text, /600 More Police Officers/);
    const quotes = await page.$$eval("#reader .cr-quote", (ms) => ms.length);
    assert.ok(quotes >= 5, `${quotes} quote marks`);
  });

  await check("tap on a touch screen opens the tooltip", async () => {
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    await phone.goto(url);
    await phone.waitForSelector("body[data-ready=true]", { timeout: 15000 });
    await phone.tap("#reader .cr-mark[data-verdict=conflict]");
    const tip = await phone.$$eval("#tips .cr-tip", (tips) => tips.filter((t) => !t.hidden).map((t) => t.textContent));
    assert.equal(tip.length, 1, "no tooltip after tap");
    assert.match(tip[0], /Conflict/);
    await phone.screenshot({ path: path.join(out, "reader-phone.png") });
    await context.close();
  });

  await check("no script errors", async () => assert.deepEqual(errors, []));
} finally {
  await browser.close();
  child.kill();
}
console.log(results.join("\n"));
console.log(`screenshot: ${path.join("tests/e2e/out", "reader-tooltip.png")}`);
