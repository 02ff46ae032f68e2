// The reader page in headless Firefox, driven through geckodriver's
// WebDriver protocol with plain fetch (playwright's Firefox needs its own
// patched build, which cannot be downloaded here). Checks that the page
// renders the article with marks and that focusing a mark opens its tooltip.
//
//   node tests/e2e/firefox.spec.mjs [path/to/crossread-binary]
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import assert from "node:assert/strict";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const binary = process.argv[2] || path.join(root, "target/release/crossread");

function started(command, args, pattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    child.on("error", reject);
    const look = (chunk) => { const m = pattern.exec(String(chunk)); if (m) resolve({ child, match: m }); };
    child.stdout.on("data", look);
    child.stderr.on("data", look);
  });
}

const server = await started(binary, ["serve", "--port", "0", "--root", root], /http:\/\/[^\s]+/);
const driverPort = 4444 + Math.floor(Math.random() * 1000);
const driver = await started("geckodriver", ["--port", String(driverPort)], /Listening on/);
const base = `http://127.0.0.1:${driverPort}`;

async function wd(method, url, body) {
  const response = await fetch(base + url, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
  const json = await response.json();
  if (json.value && json.value.error) throw new Error(`${json.value.error}: ${json.value.message}`);
  return json.value;
}

let session;
try {
  const created = await wd("POST", "/session", {
    capabilities: { alwaysMatch: { browserName: "firefox", "moz:firefoxOptions": { args: ["-headless"] } } },
  });
  session = created.sessionId;
  const run = (script, args = []) => wd("POST", `/session/${session}/execute/sync`, { script, args });
  await wd("POST", `/session/${session}/url`, { url: server.match[0] });
  let ready = false;
  for (let i = 0; i < 100 && !ready; i++) {
    ready = await run("return document.querySelector('crossread-reader')?.dataset.ready === 'true'");
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(ready, "the page never became ready");
  const marks = await run("return document.querySelector('#reader').shadowRoot.querySelectorAll('mark[tabindex]').length");
  assert.ok(marks >= 10, `${marks} marks`);
  const tip = await run(`
    const root = document.querySelector('#reader').shadowRoot;
    const mark = [...root.querySelectorAll('mark[tabindex]')].find((m) => m.textContent === '382');
    mark.focus();
    const popup = root.querySelector('.cr-popup');
    return { visible: !popup.hidden, text: popup.textContent };`);
  assert.ok(tip.visible, "tooltip not shown on focus");
  assert.match(tip.text, /400 in 002_9bc17c87cdb306d3/);
  const error = await run("return document.querySelector('#reader').shadowRoot.querySelector('.cr-error').hidden");
  assert.ok(error, "the widget shows an error");
  // The embed: the page's own article marked in place.
  await wd("POST", `/session/${session}/url`, { url: server.match[0] + "embed.html" });
  let inPlace = 0;
  for (let i = 0; i < 100 && !inPlace; i++) {
    inPlace = await run("return document.querySelector('crossread-reader')?.dataset.ready === 'true' ? document.querySelectorAll('#story mark[tabindex]').length : 0");
    if (!inPlace) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(inPlace >= 10, `embed: ${inPlace} marks in place`);
  const links = await run("return document.querySelectorAll('#story a').length");
  assert.equal(links, 1, "the article lost its link");
  // The single-file page, from disk.
  await wd("POST", `/session/${session}/url`, { url: `file://${path.join(root, "pkg/crossread-standalone.html")}` });
  let standalone = 0;
  for (let i = 0; i < 100 && !standalone; i++) {
    standalone = await run("const w = document.querySelector('crossread-reader'); return w?.dataset.ready === 'true' ? w.shadowRoot.querySelectorAll('mark[tabindex]').length : 0");
    if (!standalone) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(standalone >= 10, `standalone from file://: ${standalone} marks`);
  console.log(`ok   firefox: demo ${marks} marks, focused 382 shows “${tip.text.slice(0, 60)}…”; embed ${inPlace} marks in place; standalone from file:// ${standalone} marks`);
} catch (e) {
  console.log(`FAIL firefox: ${e.message}`);
  process.exitCode = 1;
} finally {
  if (session) await wd("DELETE", `/session/${session}`).catch(() => {});
  driver.child.kill();
  server.child.kill();
}
