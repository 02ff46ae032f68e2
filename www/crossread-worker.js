// The analysis of a large cluster, off the page's main thread: the widget
// (crossread.js) sends the articles, this worker analyses them with its own
// instance of the wasm core, reports progress, and hands back the report and,
// one article at a time, article views that the page builds into marks.
//
// Messages in:  {id, op: "analyse", articles} | {id, op: "view", article, inPlace}
//               | {id, op: "markdown"} | {id, op: "reportJson"}
// Messages out: {id, progress: [done, total]} while analysing, then
//               {id, result} or {id, error: {message, code}}
import init, { Analysis, lastPanic } from "../pkg/crossread.js";

const ready = init();
let analysis = null;

onmessage = async ({ data }) => {
  const { id, op } = data;
  try {
    await ready;
    let result;
    if (op === "analyse") {
      analysis?.free();
      analysis = null;
      analysis = new Analysis({ articles: data.articles }, (done, total) => postMessage({ id, progress: [done, total] }));
      result = { report: analysis.report, summary: analysis.summary() };
    } else if (!analysis) {
      throw new Error("nothing has been analysed yet");
    } else if (op === "view") {
      result = analysis.view(data.article, Boolean(data.inPlace));
    } else if (op === "markdown") {
      result = analysis.markdown();
    } else if (op === "reportJson") {
      result = analysis.reportJson();
    } else {
      throw new Error(`unknown request ${op}`);
    }
    postMessage({ id, result });
  } catch (error) {
    // A trap inside the wasm core ("unreachable") carries the panic's message.
    const panic = error instanceof WebAssembly.RuntimeError ? lastPanic() : null;
    const message = panic ? `${panic}. Please report this with the article that caused it.` : error.message || String(error);
    postMessage({ id, error: { message, code: error.code || null } });
  }
};
