// The demo page's first module: it starts the page's script (main.js, which
// imports the widget, crossread.js) and requests the files the live widget
// will read (the links of the page's <template id="crossread-preloads">),
// all at once.
//
// When a server has rendered the widget's first view into the page
// (crossread serve, as bash .ci/reader.sh runs it), its marks arrive with the
// page and nothing should compete with their first paint: fetching,
// compiling and running the widget's code on a phone's few cores holds it
// back (a new tab in Chromium on two cores: first marks 136-144 ms with the
// scripts and preloads in the head, 116-120 ms so, the time of the same page
// with no script at all), while the live widget is ready as soon. So all is
// requested once the page has painted. From a static host the widget has
// nothing to show before it runs: all is requested at once.

function start() {
  const preloads = document.getElementById("crossread-preloads");
  if (preloads instanceof HTMLTemplateElement) document.head.append(preloads.content.cloneNode(true));
  import("./main.js");
}

const prerendered = [...document.querySelectorAll("crossread-reader")].some((widget) => widget.shadowRoot);
// A hidden tab paints nothing (and runs no animation frames) until it is shown.
if (prerendered && document.visibilityState === "visible") requestAnimationFrame(() => setTimeout(start, 0));
else start();
