// nbstate stale marker: an anywidget ESM module (no build step, no lab extension).
//
// One StaleMarker sits inside an app's root box (class "nbstate-app"). While its `stale` trait is
// true (the kernel is rerunning the app, or a callback failed and the previous run's elements are
// still on show), it shows a small "Running..." badge and puts the class "nbstate-stale" on the
// app's root, which fades the previous run's elements (see stale_marker.css). Both are attribute and
// class changes only: no node is added or removed, so marking and unmarking never flickers.
// The fade starts after a short delay (CSS transition-delay), so a fast rerun shows nothing.

export const APP_CLASS = "nbstate-app";
export const STALE_CLASS = "nbstate-stale";

/** The app root this marker belongs to: the closest ".nbstate-app", else the parent. */
export function appRoot(el) {
  if (typeof el.closest === "function") {
    const root = el.closest(`.${APP_CLASS}`);
    if (root) return root;
  }
  return el.parentElement || null;
}

function render({ model, el }) {
  const doc = el.ownerDocument || globalThis.document;
  el.classList.add("nbstate-stale-host");
  const badge = doc.createElement("div");
  badge.className = "nbstate-stale-marker";
  badge.setAttribute("role", "status");
  const spinner = doc.createElement("span");
  spinner.className = "nbstate-spinner";
  const text = doc.createElement("span");
  text.className = "nbstate-stale-text";
  badge.appendChild(spinner);
  badge.appendChild(text);
  el.appendChild(badge);

  const sync = () => {
    const stale = Boolean(model.get("stale"));
    text.textContent = String(model.get("text") ?? "Running...");
    badge.setAttribute("data-stale", stale ? "true" : "false");
    badge.setAttribute("aria-hidden", stale ? "false" : "true");
    // The view may not be in the page yet when it is first rendered: find the root when needed.
    const root = appRoot(el);
    if (root) root.classList.toggle(STALE_CLASS, stale);
    return root;
  };
  if (!sync() && typeof globalThis.requestAnimationFrame === "function") {
    globalThis.requestAnimationFrame(sync);
  }
  model.on("change:stale", sync);
  model.on("change:text", sync);

  return () => {
    model.off("change:stale", sync);
    model.off("change:text", sync);
    const root = appRoot(el);
    if (root) root.classList.remove(STALE_CLASS);
  };
}

export default { render };
