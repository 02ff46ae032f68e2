// Builds pkg/crossread-standalone.html: the reader page as one self-contained
// file (wasm, JS, CSS and the demo cluster inlined) that works when opened
// from disk (file://) with no server, its widget's first view prerendered
// by the native CLI (`crossread prerender`, built here if need be) so that
// the marks show before the inlined wasm has loaded. Run by .ci/build-pkg.sh.
//
//   node .ci/standalone.mjs [output.html]   (default pkg/crossread-standalone.html)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const read = (p) => readFileSync(path.join(root, p), "utf8");
const safe = (text) => text.replace(/<\/(script|style)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");

const glue = read("pkg/crossread.js");
const widget = read("www/crossread.js")
  .replace(/^import .*?;\n/m, "")
  .replace(/^export (async function|function|class|const|let)/gm, "$1");
const main = read("www/main.js").replace(/^import .*?;\n/m, "").replace(/^void CrossreadReader;\n/m, "");
if (/^\s*(import|export)\s/m.test(widget + main)) throw new Error("standalone: an import or export was left in the page code");
const wasm = readFileSync(path.join(root, "pkg/crossread_bg.wasm")).toString("base64");

const dir = path.join(root, "www/corpus/kenya-haiti");
const cluster = JSON.parse(read("www/corpus/kenya-haiti/cluster.json"));
for (const a of cluster.articles) {
  a.text = readFileSync(path.join(dir, a.file), "utf8");
  delete a.file;
}

const page = read("www/index.html");
const body = page.slice(page.indexOf("<body>") + 6, page.indexOf("</body>"))
  .replace('<crossread-reader id="reader" src="corpus/kenya-haiti/cluster.json"></crossread-reader>',
    `<crossread-reader id="reader"><script type="application/json">${safe(JSON.stringify(cluster))}</script></crossread-reader>`);

const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>crossread: read the news critically (standalone)</title>
  <style>${safe(read("www/style.css"))}</style>
</head>
<body>${body}
<script type="module">
${safe(glue)}
const init = __wbg_init;
globalThis.crossreadInlineStyles = { widget: ${safe(JSON.stringify(read("www/crossread.css")))}, marks: ${safe(JSON.stringify(read("www/crossread-marks.css")))} };
{
${safe(widget)}
  const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
  load(bytes);
${safe(main)}
}
</script>
</body>
</html>
`;
// The widget's first view, rendered by the CLI from the inline sources (its
// CSS inline too: the page loads no crossread.css).
execFileSync("cargo", ["build", "--release", "--quiet", "--bin", "crossread"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
const scratch = mkdtempSync(path.join(tmpdir(), "crossread-standalone-"));
let prerendered;
try {
  writeFileSync(path.join(scratch, "page.html"), html);
  prerendered = execFileSync(path.join(root, "target/release/crossread"), ["prerender", path.join(scratch, "page.html")], { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (!prerendered.includes('<crossread-reader id="reader"><template shadowrootmode="open">')) throw new Error("standalone: the widget was not prerendered");

const target = process.argv[2] || path.join(root, "pkg/crossread-standalone.html");
writeFileSync(target, prerendered);
console.log(`[standalone] ${path.relative(root, target)}: ${prerendered.length} bytes`);
