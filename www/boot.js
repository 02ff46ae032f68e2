// The demo page's first module: it starts the page's script (main.js, which
// imports the widget, crossread.js) and requests the files the live widget
// will read (the links of the page's <template id="crossread-preloads">),
// all at once.
//
// When a server has rendered the widget's first view into the page
// (crossread serve, as bash .ci/reader.sh runs it), its marks arrive with the
// page and nothing should compete with their first paint: fetching,
// compiling and running the widget's code on a phone's few cores holds it
// back (a new window of headless Chromium on two cores: first marks at
// 128-140 ms with the scripts and preloads in the head, 96-100 ms so, the
// time of the same page with no script at all). So all is requested once
// the first paint is on screen; the live widget is ready about 30 ms later
// than it was. From a static host the widget has nothing to show before it
// runs: all is requested at once.

function start() {
  const preloads = document.getElementById("crossread-preloads");
  if (preloads instanceof HTMLTemplateElement) document.head.append(preloads.content.cloneNode(true));
  // (should it fail, the server's view stays, readable, without details on hover)
  import("./main.js").catch((error) => console.error("crossread: the page's scripts did not load:", error));
}

const prerendered = [...document.querySelectorAll("crossread-reader")].some((widget) => widget.shadowRoot);
// A hidden tab paints nothing until it is shown.
if (prerendered && document.visibilityState === "visible" && PerformanceObserver.supportedEntryTypes?.includes("paint")) {
  // Once the first contentful paint is on screen: after an animation frame
  // is too soon, as the frame may still be in raster (on a loaded machine,
  // by tens of ms). Should it never be reported, after a second.
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    observer.disconnect();
    start();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName("first-contentful-paint").length) once();
  });
  observer.observe({ type: "paint", buffered: true });
  setTimeout(once, 1000);
} else {
  start();
}
