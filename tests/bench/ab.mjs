// Two builds of the wasm package, timed against each other in Node: does a
// change make the analysis faster? On a shared machine the load drifts by
// more than the few percent a change is worth, so the builds run in turns
// (each round times both, in alternating order, each over about 30 ms) and
// what is printed is the median of the per-round ratios B / A, with its
// quartiles: a change is real when A-vs-B and B-vs-A both say so.
//
//   cp -r pkg /tmp/before          # the package before the change
//   (change src/, then) bash .ci/build-pkg.sh
//   node tests/bench/ab.mjs /tmp/before pkg [articles] [rounds]
//   node tests/bench/ab.mjs pkg /tmp/before [articles] [rounds]
//
// articles: how many (default 5, the demo cluster; more are copies with
// paragraphs rotated, as the benchmark builds them); rounds: default 201.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const [a, b, n = "5", rounds = "201"] = process.argv.slice(2);
if (!a || !b) {
  console.error("usage: node tests/bench/ab.mjs PKG_DIR_A PKG_DIR_B [articles] [rounds]");
  process.exit(2);
}
const dir = path.join(root, "www/corpus/kenya-haiti");
const base = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => ({ id: f.replace(/\.txt$/, ""), text: readFileSync(path.join(dir, f), "utf8") }));
const articles = Array.from({ length: Number(n) }, (_, i) => {
  const { id, text } = base[i % base.length];
  const paragraphs = text.split("\n");
  const k = Math.floor(i / base.length) % paragraphs.length;
  return { id: `${id}-${i}`, text: [...paragraphs.slice(k), ...paragraphs.slice(0, k)].join("\n") };
});

/** One build's `analyze`, from its own copy of the glue (a query string makes Node load it again). */
async function build(pkg) {
  const full = path.resolve(pkg);
  const glue = await import(`${path.join(full, "crossread.js")}?${encodeURIComponent(full)}`);
  glue.initSync({ module: readFileSync(path.join(full, "crossread_bg.wasm")) });
  return () => glue.analyze({ articles });
}

const runA = await build(a);
const runB = await build(b);
// warm both up (V8 optimizes wasm functions once they are hot)
for (let i = 0; i < 30; i++) {
  runA();
  runB();
}
const started = performance.now();
runA();
const batch = Math.max(1, Math.ceil(30 / (performance.now() - started)));
const ratios = [];
const time = (run) => {
  const start = performance.now();
  for (let i = 0; i < batch; i++) run();
  return (performance.now() - start) / batch;
};
for (let r = 0; r < Number(rounds); r++) {
  // alternating which goes first, so that neither always runs after the other's garbage
  let msA;
  let msB;
  if (r % 2) {
    msA = time(runA);
    msB = time(runB);
  } else {
    msB = time(runB);
    msA = time(runA);
  }
  ratios.push(msB / msA);
}
ratios.sort((x, y) => x - y);
const at = (q) => ratios[Math.floor(q * (ratios.length - 1))].toFixed(3);
console.log(`${articles.length} articles, ${ratios.length} rounds: B/A median ${at(0.5)} (quartiles ${at(0.25)}, ${at(0.75)})`);
