// nbstate stale marker: an anywidget ESM module (no build step, no lab extension).
//
// One StaleMarker sits inside an app's root box (class "nbstate-app"). While its `running` trait
// is true (the kernel is rerunning the app) it shows a small "Running..." badge; while `running`
// or `stale` is true (a callback failed and the previous run's elements are still on show) it
// puts the class "nbstate-stale" on the app's root, which fades those elements (see
// stale_marker.css). Both are attribute and class changes only: no node is added or removed, so
// marking and unmarking never flickers. The badge and the fade come after a short delay (CSS
// transition-delay), so a fast rerun shows nothing.
//
// The marker also makes its app's boxes keyed (`app` trait: the app's root box). ipywidgets'
// Box re-creates the view of every child after the first one that changed (ViewList.update
// compares the old and new children lists position by position), so a rerun that adds or removes
// one widget in the middle of an app would remove and re-create every widget below it: flicker,
// lost focus and scroll. `keyedUpdate` keeps each child view whose model is still there and only
// creates the new ones (in place) and removes the gone ones. It applies to the boxes of nbstate
// apps (a class "nbstate-...") and leaves every other box to ipywidgets' own update.

export const APP_CLASS = "nbstate-app";
export const STALE_CLASS = "nbstate-stale";
// While a run's output is shown as it comes, the `stale_ids` trait lists the models that show
// the previous run's elements below the current point: their views get this class (faded by
// the stylesheet while the app has the class nbstate-live), one message for all of them.
export const STALE_EL_CLASS = "nbstate-stale-el";
const TRAITS = ["running", "stale", "text", "live"];
export const LIVE_CLASS = "nbstate-live";

/** The app root this marker belongs to: the closest ".nbstate-app", else the parent. */
export function appRoot(el) {
  if (typeof el.closest === "function") {
    const root = el.closest(`.${APP_CLASS}`);
    if (root) return root;
  }
  return el.parentElement || null;
}

/** Is this ViewList the children list of an nbstate app's Box view? */
export function isAppBoxList(list) {
  const box = list && list._handler_context;
  if (!box || !box.el || !box.luminoWidget) return false;
  if (typeof box.add_child_model !== "function" || list._create_view !== box.add_child_model) {
    return false; // not a plain Box (a Tab, an Accordion...): leave it alone
  }
  if (typeof box.luminoWidget.insertWidget !== "function") return false;
  return [...box.el.classList].some((c) => c.startsWith("nbstate-"));
}

/**
 * The children update of a Box, keyed by model: kept views stay where they are (their DOM
 * nodes are never touched), new ones are created at their place, gone ones are removed.
 * Returns null when it cannot do better than ipywidgets (a model twice, or a reorder), so that
 * the caller uses the original update.
 */
export function keyedUpdate(list, newModels) {
  const box = list._handler_context;
  const oldModels = list._models || [];
  const oldViews = list.views || [];
  if (new Set(newModels).size !== newModels.length) return null;
  if (new Set(oldModels).size !== oldModels.length) return null;
  const newSet = new Set(newModels);
  const kept = new Map();
  oldModels.forEach((m, i) => { if (newSet.has(m)) kept.set(m, oldViews[i]); });
  // kept children must keep their order: a reorder is left to ipywidgets
  const keptNew = newModels.filter((m) => kept.has(m));
  const keptOld = oldModels.filter((m) => kept.has(m));
  if (keptNew.some((m, i) => m !== keptOld[i])) return null;

  oldModels.forEach((m, i) => {
    if (!newSet.has(m)) {
      oldViews[i].then((view) => list._remove_view.call(box, view));
    }
  });

  const panel = box.luminoWidget;
  const views = newModels.map((m) => kept.get(m));
  newModels.forEach((m, i) => {
    if (views[i]) return;
    // a placeholder at the right place now keeps the order while the view is created
    const next = views.slice(i + 1).find(Boolean);
    const placeholder = new (Object.getPrototypeOf(panel.constructor))();
    const placed = Promise.resolve(next)
      .then((nextView) => {
        const at = nextView ? panel.widgets.indexOf(nextView.luminoWidget) : -1;
        panel.insertWidget(at < 0 ? panel.widgets.length : at, placeholder);
        return box.create_child_view(m);
      })
      .then((view) => {
        const at = panel.widgets.indexOf(placeholder);
        panel.insertWidget(at < 0 ? panel.widgets.length : at, view.luminoWidget);
        placeholder.dispose();
        return view;
      });
    views[i] = placed;
  });
  list._models = newModels.slice();
  list.views = views;
  return Promise.all(views);
}

/** Make every nbstate app box in this page use `keyedUpdate` (once per ViewList class). */
export function installKeyedUpdate(viewListPrototype) {
  if (!viewListPrototype || viewListPrototype.__nbstateKeyed) return false;
  const original = viewListPrototype.update;
  viewListPrototype.update = function update(newModels, ...rest) {
    if (rest.length === 0 && isAppBoxList(this)) {
      let done = null;
      try {
        done = keyedUpdate(this, newModels);
      } catch (err) {  // an ipywidgets this was not written for: its own update still works
        console.warn("nbstate: keyed children update failed", err);
      }
      if (done) return done;
    }
    return original.call(this, newModels, ...rest);
  };
  viewListPrototype.__nbstateKeyed = true;
  return true;
}

/**
 * Make removing a widget view remove the views of its Layout and Style models too (once per
 * DOMWidgetView class, found from `view`). ipywidgets leaves them: they are dropped only when
 * their model closes. nbstate shares those models between widgets and keeps an app's models
 * over re-executions of its cell, so each view of a closed output area would stay reachable
 * from them, with its DOM (the tab's heap grew with every re-execution).
 */
export function installViewCleanup(view) {
  let proto = view ? Object.getPrototypeOf(view) : null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "setLayout")) {
    proto = Object.getPrototypeOf(proto);
  }
  if (!proto || proto.__nbstateCleanup || typeof proto.remove !== "function") return false;
  const original = proto.remove;
  proto.remove = function remove(...args) {
    for (const p of [this.layoutPromise, this.stylePromise]) {
      if (p && typeof p.then === "function") {
        p.then((v) => { if (v && typeof v.remove === "function") v.remove(); })
          .catch(() => {});
      }
    }
    return original.apply(this, args);
  };
  proto.__nbstateCleanup = true;
  return true;
}

/** Find the app box's view (from the `app` trait) and install the keyed update through it. */
export async function keyAppBoxes(model) {
  const ref = model.get("app");
  const manager = model.widget_manager;
  if (!ref || !manager || typeof manager.get_model !== "function") return false;
  const id = typeof ref === "string" ? ref.replace(/^IPY_MODEL_/, "") : ref.model_id;
  const box = await manager.get_model(id);
  const views = await Promise.all(Object.values((box && box.views) || {}));
  const view = views.find((v) => v && v.children_views);
  if (!view) return false;
  installViewCleanup(view);
  return installKeyedUpdate(Object.getPrototypeOf(view.children_views));
}

/** The DOM nodes of the views of the models `ids` (through the widget manager). */
export async function viewNodes(manager, ids) {
  const nodes = [];
  if (!manager || typeof manager.get_model !== "function") return nodes;
  for (const id of ids || []) {
    try {
      const m = await manager.get_model(String(id).replace(/^IPY_MODEL_/, ""));
      const views = await Promise.all(Object.values((m && m.views) || {}));
      for (const v of views) if (v && v.el) nodes.push(v.el);
    } catch (err) {
      // a model closed meanwhile: nothing to mark
    }
  }
  return nodes;
}

/** Keep STALE_EL_CLASS on exactly the views of the models in `stale_ids`. */
export function staleMarking(model) {
  let marked = [];
  let turn = 0;
  const apply = async () => {
    const mine = ++turn;
    const nodes = await viewNodes(model.widget_manager, model.get("stale_ids"));
    if (mine !== turn) return; // a later change is being applied
    for (const n of marked) if (!nodes.includes(n)) n.classList.remove(STALE_EL_CLASS);
    for (const n of nodes) n.classList.add(STALE_EL_CLASS);
    marked = nodes;
  };
  const clear = () => {
    turn++;
    for (const n of marked) n.classList.remove(STALE_EL_CLASS);
    marked = [];
  };
  return { apply, clear };
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
    const running = Boolean(model.get("running"));
    const stale = running || Boolean(model.get("stale"));
    text.textContent = String(model.get("text") ?? "Running...");
    badge.setAttribute("data-running", running ? "true" : "false");
    badge.setAttribute("aria-hidden", running ? "false" : "true");
    // The view may not be in the page yet when it is first rendered: find the root when needed.
    const root = appRoot(el);
    if (root) {
      root.classList.toggle(STALE_CLASS, stale);
      root.classList.toggle(LIVE_CLASS, Boolean(model.get("live")));
    }
    return root;
  };
  if (!sync() && typeof globalThis.requestAnimationFrame === "function") {
    globalThis.requestAnimationFrame(sync);
  }
  for (const t of TRAITS) model.on(`change:${t}`, sync);
  const stale = staleMarking(model);
  const onStale = () => { stale.apply().catch(() => {}); };
  model.on("change:stale_ids", onStale);
  if ((model.get("stale_ids") || []).length) onStale();
  // the app box's view exists by now (it is rendering this marker); a failure only means
  // ipywidgets' own children update stays in use
  keyAppBoxes(model).catch((err) => console.warn("nbstate: keyed children unavailable", err));

  return () => {
    for (const t of TRAITS) model.off(`change:${t}`, sync);
    model.off("change:stale_ids", onStale);
    stale.clear();
    const root = appRoot(el);
    if (root) root.classList.remove(STALE_CLASS, LIVE_CLASS);
  };
}

export default { render };
