// The demo page: the widget reads the demo cluster; the form below lets a
// reader analyse articles of their own (paste, drop files, or a cluster JSON).
// What the reader types is kept in localStorage so that nothing is lost.
import { CrossreadReader, MAX_BYTES } from "./crossread.js";

const $ = (id) => document.getElementById(id);
const reader = $("reader");
const KEY = "crossread:own-articles";

function editors() {
  return [...$("editors").children];
}

function addEditor(values = {}) {
  const item = $("editor-template").content.firstElementChild.cloneNode(true);
  for (const field of ["source", "published", "text"]) item.querySelector(`[name=${field}]`).value = values[field] || "";
  item.querySelector(".remove").addEventListener("click", () => { item.remove(); save(); });
  $("editors").append(item);
  return item;
}

function collect() {
  return editors().map((item, i) => {
    const get = (name) => item.querySelector(`[name=${name}]`).value;
    const article = { id: get("source").trim() || `article ${i + 1}`, text: get("text") };
    if (get("source").trim()) article.source = get("source").trim();
    if (get("published")) article.published = get("published");
    return article;
  });
}

function save() {
  try {
    localStorage.setItem(KEY, JSON.stringify(collect()));
  } catch {
    // storage full or disabled: the text stays in the form
  }
}

function complain(message) {
  const box = $("own-error");
  box.textContent = message;
  box.hidden = !message;
}

async function readFile(file) {
  if (file.size > MAX_BYTES) throw new Error(`${file.name} is ${(file.size / 1048576).toFixed(1)} MB; crossread reads articles up to ${MAX_BYTES / 1048576} MB`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) throw new Error(`${file.name} looks binary (it contains NUL bytes); give a .txt, .html or .json file`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file.name} is not UTF-8 text; save it as UTF-8 and try again`);
  }
}

async function addFiles(files) {
  complain("");
  for (const file of files) {
    try {
      const text = await readFile(file);
      if (/\.json$/i.test(file.name) || file.type === "application/json") {
        let cluster;
        try {
          cluster = JSON.parse(text);
        } catch (e) {
          throw new Error(`${file.name} is not valid JSON: ${e.message}`);
        }
        if (!Array.isArray(cluster.articles)) throw new Error(`${file.name} has no "articles" list`);
        for (const a of cluster.articles) addEditor({ source: a.source || a.id, published: a.published, text: a.text || "" });
      } else {
        addEditor({ source: file.name.replace(/\.[^.]+$/, ""), text });
      }
    } catch (error) {
      complain(error.message);
    }
  }
  save();
}

function analyse() {
  const articles = collect();
  const empty = articles.filter((a) => !a.text.trim());
  if (articles.length === 0) return complain("Add at least one article first.");
  if (empty.length) return complain(`${empty.map((a) => a.id).join(", ")}: no text yet. Paste the article, or remove it.`);
  const ids = articles.map((a) => a.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) return complain(`Two articles are called "${twice}"; give each outlet a different name.`);
  complain("");
  reader.cluster = { articles };
  reader.scrollIntoView({ block: "start" });
}

reader.addEventListener("crossread:error", (e) => {
  if (reader.given) complain(e.detail.message);
});

$("add").addEventListener("click", () => addEditor().querySelector("textarea").focus());
$("analyse").addEventListener("click", analyse);
$("clear").addEventListener("click", () => { $("editors").textContent = ""; complain(""); localStorage.removeItem(KEY); addEditor(); addEditor(); });
$("demo").addEventListener("click", () => { reader.given = null; reader.refresh(); });
$("files").addEventListener("change", (e) => addFiles(e.target.files));
$("editors").addEventListener("input", save);
const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); addFiles(e.dataTransfer.files); });

let saved = [];
try {
  saved = JSON.parse(localStorage.getItem(KEY) || "[]");
} catch {
  saved = [];
}
if (saved.length) saved.forEach(addEditor);
else { addEditor(); addEditor(); }
void CrossreadReader;
