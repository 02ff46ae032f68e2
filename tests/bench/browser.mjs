// Browser and Node benchmark of the wasm build: analysis time for the five
// articles and for clusters of 20, 100 and 500 built from them (median of
// repeated runs, time per KB), gzipped bytes of what a page loads for
// crossread, and the time from navigation to the first highlighted mark on
// the demo page served on loopback. Prints figures; asserts nothing.
//
//   node tests/bench/browser.mjs [path/to/crossread-binary]
// (after `bash .ci/setup.sh`; build the binary with `cargo build --release`)
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "../e2e/node_modules/playwright-core/index.mjs";
import { spawn } from "node:child_process";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const binary = process.argv[2] || path.join(root, "target/release/crossread");
const dir = path.join(root, "www/corpus/kenya-haiti");
const base = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => ({ id: f.replace(/\.txt$/, ""), text: readFileSync(path.join(dir, f), "utf8") }));

/** The same construction as `cargo bench --bench scale`: copies with paragraphs rotated. */
function cluster(n) {
  return Array.from({ length: n }, (_, i) => {
    const a = base[i % base.length];
    const copy = Math.floor(i / base.length);
    const paragraphs = a.text.split("\n");
    const k = copy % paragraphs.length;
    return { id: `${a.id}-${copy}`, text: [...paragraphs.slice(k), ...paragraphs.slice(0, k)].join("\n") };
  });
}

const sizes = [5, 20, 100, 500];
const runsFor = (n) => (n >= 500 ? 5 : n >= 100 ? 9 : 25);
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (articles) => articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1024;

function table(title, rows) {
  console.log(`\n${title}`);
  console.log(`${"articles".padStart(8)} ${"KB".padStart(8)} ${"median ms".padStart(10)} ${"µs/KB".padStart(8)} ${"vs 5".padStart(6)}`);
  const first = rows[0].ms * 1000 / rows[0].kb;
  for (const r of rows) {
    const perKb = (r.ms * 1000) / r.kb;
    console.log(`${String(r.n).padStart(8)} ${r.kb.toFixed(1).padStart(8)} ${r.ms.toFixed(2).padStart(10)} ${perKb.toFixed(1).padStart(8)} ${(perKb / first).toFixed(2).padStart(5)}×`);
  }
}

// ----- Node -----------------------------------------------------------------
const glue = await import(path.join(root, "pkg/crossread.js"));
glue.initSync({ module: readFileSync(path.join(root, "pkg/crossread_bg.wasm")) });
const nodeRows = [];
for (const n of sizes) {
  const articles = cluster(n);
  glue.analyze({ articles });
  const times = Array.from({ length: runsFor(n) }, () => { const t = performance.now(); glue.analyze({ articles }); return performance.now() - t; });
  nodeRows.push({ n, kb: kb(articles), ms: median(times) });
}
table(`wasm in Node ${process.version}`, nodeRows);

// ----- Chromium ---------------------------------------------------------------
const server = await new Promise((resolve, reject) => {
  const child = spawn(binary, ["serve", "--port", "0", "--root", root], { stdio: ["ignore", "pipe", "inherit"] });
  child.on("error", reject);
  child.stdout.on("data", (c) => { const m = /http:\/\/([^/\s]+)/.exec(String(c)); if (m) resolve({ child, origin: `http://${m[1]}` }); });
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/tests/e2e/pages/blank.html`);
  const browserRows = await page.evaluate(async ({ sizes, clusters, runs }) => {
    const glue = await import("/pkg/crossread.js");
    await glue.default();
    const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const rows = [];
    for (const [i, n] of sizes.entries()) {
      const articles = clusters[i];
      glue.analyze({ articles });
      const times = [];
      for (let r = 0; r < runs[i]; r++) { const t = performance.now(); glue.analyze({ articles }); times.push(performance.now() - t); }
      rows.push({ n, ms: median(times) });
    }
    return rows;
  }, { sizes, clusters: sizes.map(cluster), runs: sizes.map(runsFor) });
  table(`wasm in Chromium ${browser.version()}`, browserRows.map((r, i) => ({ ...r, kb: kb(cluster(sizes[i])) })));

  const firsts = [];
  for (let i = 0; i < 5; i++) {
    const p = await browser.newPage();
    await p.goto(`${server.origin}/www/`);
    await p.waitForFunction(() => document.querySelector("crossread-reader")?.dataset.ready === "true");
    firsts.push(await p.$eval("crossread-reader", (w) => w.readyAt));
    await p.close();
  }
  console.log(`\nfirst highlighted mark on the demo page (loopback): median ${median(firsts).toFixed(0)} ms after navigation (${firsts.map((t) => t.toFixed(0)).join(", ")})`);
} finally {
  await browser.close();
  server.child.kill();
}

// ----- bytes -------------------------------------------------------------------
const files = ["pkg/crossread_bg.wasm", "pkg/crossread.js", "www/crossread.js", "www/crossread.css", "www/crossread-marks.css"];
let total = 0;
console.log("\ngzipped bytes a page loads for crossread (gzip -9):");
for (const f of files) {
  const gz = gzipSync(readFileSync(path.join(root, f)), { level: 9 }).length;
  total += gz;
  console.log(`${String(gz).padStart(8)}  ${f}`);
}
console.log(`${String(total).padStart(8)}  total`);
