// crossread-boot.js: loads the widget (crossread.js, beside this file) so
// that it never competes with the first paint of the marks a server wrote
// into the page (crossread serve, crossread prerender).
//
//   <script type="module" src="/crossread/www/crossread-boot.js"></script>
//   <script type="module" src="crossread-boot.js" data-then="main.js"></script>
//
// in place of a <script type="module"> of crossread.js. `data-then` names the
// page's own modules (URLs relative to the page, separated by spaces), started
// with the widget. A page may keep preload hints for what the live widget
// reads in <template id="crossread-preloads">: a template's links fetch
// nothing, so they are added to the head when the widget starts.
//
// When a widget on the page came with its first view, its marks arrive with
// the page, and fetching, compiling and running the widget's code on a
// phone's few cores would hold back their paint (a new window of headless
// Chromium on two cores: first marks at 128-140 ms with the scripts and
// preloads in the head, 96-100 ms so, the time of the same page with no
// script at all). So all starts once the first contentful paint is on
// screen: after an animation frame is too soon, as the frame may still be in
// raster (on a loaded machine, by tens of ms); should it never be reported,
// after a second. The live widget is ready about 30 ms later than it would
// be. With no first view (a static host) the widget has nothing to show
// before it runs: all starts at once.

const own = [...document.querySelectorAll("script[src]")].find((script) => script.src === import.meta.url);
const then = (own?.dataset.then ?? "").split(/\s+/).filter(Boolean);

function start() {
  // The modules first: the hints' requests would otherwise take the
  // connections a browser opens to one host (six, over HTTP/1.1) before them.
  // (should one fail, the server's view stays, readable, without details on hover)
  const failed = (url) => (error) => console.error(`crossread: ${url} did not load:`, error);
  for (const url of then) import(new URL(url, document.baseURI).href).catch(failed(url));
  import("./crossread.js").catch(failed("crossread.js"));
  const preloads = document.getElementById("crossread-preloads");
  if (preloads instanceof HTMLTemplateElement) document.head.append(preloads.content.cloneNode(true));
}

const prerendered = [...document.querySelectorAll("crossread-reader")].some((widget) => widget.shadowRoot);
// A hidden tab paints nothing until it is shown.
if (prerendered && document.visibilityState === "visible" && PerformanceObserver.supportedEntryTypes?.includes("paint")) {
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
