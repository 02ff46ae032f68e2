// The reader page: loads the demo cluster, analyses it with the wasm core,
// shows one article at a time with its marks, and the disagreements.
// Article text only ever reaches the page as text nodes (built in Rust).
import init, { Analysis } from "../pkg/crossread.js";

const $ = (id) => document.getElementById(id);
const PREFIX = "cr";
let analysis = null;
let report = null;
let current = null;

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = false;
  $("status").textContent = "";
}

async function loadCluster(base) {
  const index = await fetchJson(`${base}/index.json`);
  const articles = [];
  for (const entry of index.articles) {
    const response = await fetch(`${base}/${entry.file}`);
    if (!response.ok) throw new Error(`could not load ${entry.file}: HTTP ${response.status}`);
    articles.push({ id: entry.id, text: await response.text(), ...(entry.source ? { source: entry.source } : {}) });
  }
  return { name: index.name, articles };
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return response.json();
}

function label(article) {
  return article.source || article.id;
}

function renderSummary(name) {
  const counts = { agree: 0, conflict: 0, variant: 0 };
  for (const g of report.groups) counts[g.verdict]++;
  const mentions = report.articles.reduce((n, a) => n + a.mentions.length, 0);
  const box = $("summary");
  box.textContent = `${name}: ${report.articles.length} articles, ${mentions} numbers, dates and quotes; `
    + `${report.groups.length} facts stated more than once: ${counts.agree} agree, `
    + `${counts.conflict} conflict, ${counts.variant} worded differently.`;
  box.hidden = false;
}

function renderTabs() {
  const nav = $("articles");
  nav.textContent = "";
  for (const a of report.articles) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label(a);
    button.dataset.article = a.id;
    button.setAttribute("aria-pressed", String(a.id === current));
    button.addEventListener("click", () => showArticle(a.id));
    nav.append(button);
  }
}

function showArticle(id) {
  current = id;
  hideTip();
  analysis.renderArticle(id, $("reader"), $("tips"), PREFIX);
  for (const b of $("articles").querySelectorAll("button")) b.setAttribute("aria-pressed", String(b.dataset.article === id));
}

function renderDisagreements() {
  const list = $("disagreement-list");
  list.textContent = "";
  const byMention = new Map();
  for (const a of report.articles) for (const m of a.mentions) byMention.set(m.id, a.id);
  const disputed = report.groups.filter((g) => g.verdict !== "agree");
  for (const g of disputed) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `${g.verdict === "conflict" ? "⚠ Conflict" : "≈ Worded differently"}: ${g.explanation}`;
    button.addEventListener("click", () => {
      const first = g.members[0];
      showArticle(byMention.get(first));
      const mark = document.getElementById(`${PREFIX}-${first}`);
      if (mark) {
        mark.scrollIntoView({ block: "center", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
        mark.focus({ preventScroll: true });
      }
    });
    li.append(button);
    list.append(li);
  }
  if (!disputed.length) list.textContent = "No disagreements found.";
}

// Tooltips: shown on hover, focus and tap; hidden on Escape, blur, leave.
let shown = null;
function showTip(mark) {
  const tip = document.getElementById(mark.getAttribute("aria-describedby"));
  if (!tip) return;
  if (shown && shown !== tip) shown.hidden = true;
  tip.hidden = false;
  const r = mark.getBoundingClientRect();
  const width = Math.min(tip.offsetWidth, window.innerWidth - 16);
  tip.style.left = `${Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - 8))}px`;
  tip.style.top = `${r.bottom + window.scrollY + 6}px`;
  shown = tip;
}
function hideTip() {
  if (shown) shown.hidden = true;
  shown = null;
}
function wireTooltips() {
  const reader = $("reader");
  reader.addEventListener("mouseover", (e) => { const m = e.target.closest(".cr-mark"); if (m) showTip(m); });
  reader.addEventListener("mouseout", (e) => {
    const to = e.relatedTarget;
    if (to && (to.closest?.(".cr-tip") || to.closest?.(".cr-mark"))) return;
    if (!reader.contains(document.activeElement) || !document.activeElement.classList.contains("cr-mark")) hideTip();
  });
  $("tips").addEventListener("mouseleave", () => { if (!document.activeElement?.classList?.contains("cr-mark")) hideTip(); });
  reader.addEventListener("focusin", (e) => { if (e.target.classList.contains("cr-mark")) showTip(e.target); });
  reader.addEventListener("focusout", () => hideTip());
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && shown) { hideTip(); }
    if ((e.key === "Enter" || e.key === " ") && e.target.classList?.contains("cr-mark")) { e.preventDefault(); showTip(e.target); }
  });
}

async function main() {
  try {
    await init();
    const cluster = await loadCluster("corpus/kenya-haiti");
    analysis = new Analysis({ articles: cluster.articles });
    report = analysis.report;
    current = report.articles[0].id;
    renderSummary(cluster.name);
    renderTabs();
    wireTooltips();
    showArticle(current);
    renderDisagreements();
    $("status").textContent = "";
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(`crossread could not start: ${error.message || error}`);
    console.error(error);
  }
}

main();
