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
  installListenerCleanup(proto);  // first: `original` below may be WidgetView's remove
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

/**
 * Make removing any widget view (a Layout or Style view too) drop the listeners it left on its
 * model (see dropModelListeners), once per WidgetView class (the prototype that owns
 * `handle_message`, found from DOMWidgetView's prototype `domProto`).
 */
function installListenerCleanup(domProto) {
  let proto = domProto;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "handle_message")) {
    proto = Object.getPrototypeOf(proto);
  }
  proto = proto || domProto;
  if (proto.__nbstateListeners) return;
  proto.__nbstateListeners = true;
  const remove = proto.remove;
  proto.remove = function (...args) {
    dropModelListeners(this);
    return remove.apply(this, args);
  };
  if (typeof proto.initialize === "function") {
    const initialize = proto.initialize;
    proto.initialize = function (...args) {
      const model = args[0] && args[0].model;
      const list0 = customListeners(model), n0 = list0.length;
      const out = initialize.apply(this, args);
      // Backbone appends: what initialize added is the list's tail (a shared model's list
      // has a handler per view, so comparing whole lists per view would be quadratic)
      const list1 = customListeners(model);
      const added = list1 === list0 || n0 === 0 ? list1.slice(n0)
        : list1.filter((e) => !list0.includes(e));
      this.__nbstateCustom = added.map((e) => e.callback);
      for (const cb of this.__nbstateCustom) TRACKED.add(cb);
      return out;
    };
  }
}

// The `msg:custom` handlers that views made after `installViewCleanup` registered (theirs are
// removed with them; an untracked one belongs to a view made before, see dropModelListeners).
const TRACKED = new WeakSet();

function customListeners(model) {
  const events = model && model._events;
  return (events && events["msg:custom"]) || [];
}

/**
 * Drop the listeners a removed view left on its model. ipywidgets' views register some with
 * `model.on(...)` instead of `listenTo` (every view: a bound `msg:custom` handler; sliders:
 * `change:min/max/step/...` with the view as context), which `remove()` does not undo. nbstate
 * keeps an app's models over re-executions of its cell, so each closed output's views would
 * stay reachable from the models, with their DOM: the tab's heap grew with every
 * re-execution.
 */
export function dropModelListeners(view) {
  const model = view && view.model;
  const events = model && model._events;
  if (!events || typeof model.off !== "function") return;
  if (typeof view.setLayout === "function") {
    // a widget's own model, with few handlers (Layout and Style views, whose shared models
    // have one handler per view of the app, register none with a context)
    for (const name of Object.keys(events)) {
      if ((events[name] || []).some((e) => e.context === view && !e.listening)) {
        model.off(name, null, view);
      }
    }
  }
  const mine = view.__nbstateCustom;
  view.__nbstateCustom = null;
  for (const cb of mine || []) DEAD.add(cb);
  detachFromShared(view);
  sweepSoon(model, !mine);
}

// a model with this many `change` handlers is shared by many views (nbstate's Layout/Style)
const SHARED = 32;

/**
 * Detach a removed view from the shared models it listens to (its own, for a Layout or Style
 * view; a widget's view listens to its Layout model's `change` too) at once, leaving its
 * handlers to the sweep. Backbone's stopListening (ipywidgets' remove) would rebuild every
 * handler list of such a model for each view: a Layout model shared by a thousand sliders has
 * ~45 lists of a thousand handlers, so removing an output of a thousand sliders took seconds
 * (quadratic). This does what Backbone 1.4's Listening.cleanup does for the pair, so
 * stopListening skips the model.
 */
function detachFromShared(view) {
  const listeningTo = view._listeningTo;
  if (!listeningTo) return;
  for (const id of Object.keys(listeningTo)) {
    const listening = listeningTo[id];
    const obj = listening && listening.obj;
    const change = obj && obj._events && obj._events.change;
    if (!change || change.length < SHARED || listening.interop) continue;
    delete listeningTo[id];
    if (obj._listeners) delete obj._listeners[listening.id];
    DEAD_VIEWS.add(view);
    sweepSoon(obj, false);
  }
}

// handlers of removed views, views detached from shared models, and the models whose handler
// lists are swept once per turn: a shared Layout model's lists have a handler per view, so
// removing them one at a time while an output of a thousand widgets goes away is quadratic
const DEAD = new WeakSet();
const DEAD_VIEWS = new WeakSet();
const SWEEPS = new Map();

function sweepSoon(model, untracked) {
  const pending = SWEEPS.get(model);
  if (pending) { pending.untracked ||= untracked; return; }
  SWEEPS.set(model, { untracked });
  Promise.resolve().then(() => {
    const { untracked: all } = SWEEPS.get(model);
    SWEEPS.delete(model);
    const events = model._events || {};
    for (const name of Object.keys(events)) {
      const list = events[name];
      // A view made before the cleanup was installed (the app's first output) has an
      // untracked msg:custom handler that cannot be told apart from its siblings' untracked
      // ones, which only move focus: they go together.
      const kept = list.filter((e) => !DEAD.has(e.callback) && !DEAD_VIEWS.has(e.context) &&
        !(all && name === "msg:custom" && e.context == null && !TRACKED.has(e.callback) &&
          String(e.callback && e.callback.name).startsWith("bound handle_message")));
      if (kept.length === list.length) continue;
      if (kept.length) events[name] = kept;
      else delete events[name];
    }
  });
}

/** Find the app box's view (from the `app` trait) and install the keyed update through it;
 * each view of the app box is kept when its output is cleared (`keepOnClear`). */
export async function keyAppBoxes(model) {
  const ref = model.get("app");
  const manager = model.widget_manager;
  if (!ref || !manager || typeof manager.get_model !== "function") return false;
  const id = typeof ref === "string" ? ref.replace(/^IPY_MODEL_/, "") : ref.model_id;
  const box = await manager.get_model(id);
  const views = (await Promise.all(Object.values((box && box.views) || {})))
    .filter((v) => v && v.children_views);
  if (!views.length) return false;
  for (const v of views) keepOnClear(v, manager);
  installViewCleanup(views[0]);
  return installKeyedUpdate(Object.getPrototypeOf(views[0].children_views));
}

// -- a re-executed cell shows its app's views as they are ------------------------------------
// Re-executing an app's cell empties its output area, and the kernel displays the same live
// root box again at once (its models are kept: frontends/ipy.py). ipywidgets would dispose
// the whole view tree with the old output and build every view anew for the new one: the
// browser's main work on a re-execution (each chart parsed and drawn again, each grid laid
// out, each widget's DOM made). Instead, the root view of an output that is cleared is kept,
// detached, for CARRY_MS; the next display of the same root model takes it back with all its
// children's views as they are (a detached view still follows its model's changes), so the
// re-executed cell shows the last run at once, then what this run changes, without flicker.
// Nothing is kept for a view inside another widget, or whose model's comm is closed.
export const CARRY_MS = 60000;
const CARRIED = new Map(); // root model id -> [{ view, timer }], the latest last

/** Keep `view` (an app's root box view) for `ms` when the output showing it is cleared; once
 * per view. `manager`'s create_view gives a kept view back to the next display of its model. */
export function keepOnClear(view, manager, ms = CARRY_MS) {
  const widget = view && view.luminoWidget;
  if (!widget || widget.__nbstateKeep || typeof widget.dispose !== "function") return false;
  if (!installCarriedViews(manager)) return false;
  widget.__nbstateKeep = true;
  const dispose = widget.dispose;
  widget.dispose = function keepOrDispose(...args) {
    const parent = this.parent;
    const model = view.model;
    const cleared = parent && parent.isDisposed && !("_view" in parent);
    if (!this.isDisposed && cleared && model && model.comm_live !== false) {
      // (the output's renderer is being disposed: it sends no message to its children now)
      this.parent = null;
      if (this.node.parentNode) this.node.parentNode.removeChild(this.node);
      carry(view, () => dispose.apply(this, args), ms);
      return undefined;
    }
    uncarry(view);
    return dispose.apply(this, args);
  };
  return true;
}

function carry(view, dispose, ms) {
  const id = view.model.model_id;
  const list = CARRIED.get(id) || [];
  const entry = { view, timer: null };
  entry.timer = setTimeout(() => { uncarry(view); dispose(); }, ms);
  list.push(entry);
  CARRIED.set(id, list);
}

function uncarry(view) {
  const id = view && view.model && view.model.model_id;
  const list = CARRIED.get(id);
  if (!list) return null;
  const at = list.findIndex((e) => e.view === view);
  if (at < 0) return null;
  const [entry] = list.splice(at, 1);
  if (!list.length) CARRIED.delete(id);
  clearTimeout(entry.timer);
  return entry.view;
}

/** The kept view of `model` the next display takes, or null. */
export function takeCarried(model) {
  const list = model && CARRIED.get(model.model_id);
  return list && list.length ? uncarry(list[list.length - 1].view) : null;
}

/** Make `manager.create_view` give a display (not a box's child) a kept view of its model. */
function installCarriedViews(manager) {
  if (!manager || typeof manager.create_view !== "function") return false;
  if (manager.__nbstateCarry) return true;
  const original = manager.create_view;
  manager.create_view = function createView(model, options, ...rest) {
    if (!(options && options.parent)) {
      const kept = takeCarried(model);
      if (kept) return Promise.resolve(kept);
    }
    return original.call(this, model, options, ...rest);
  };
  manager.__nbstateCarry = true;
  return true;
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

// The app's frame, drawn once per app root by its marker (the stylesheet is app.css):
// - the sidebar: a chevron collapses and expands it, a handle on its edge resizes it (the
//   root's grid column is `var(--nbstate-sidebar-width, ...)`), and it collapses by itself
//   while the app is narrower than NARROW_PX (Streamlit's breakpoint: a notebook's output is
//   often narrow in a wide window), where an opened sidebar lies over the main column;
// - Enter in a text or number input of a form submits the form (Streamlit's
//   `enter_to_submit`, unless the form has the class "nbstate-no-enter");
// - number fields get -/+ steppers (Streamlit's number_input), which send as an edit does.
export const NARROW_PX = 768;
export const SIDEBAR_MIN_PX = 200;
export const MAIN_MIN_PX = 320;

/** Keep the sidebar's classes, chevron and handle right; returns the shell's disposer. */
export function sidebarShell(root, host) {
  const doc = root.ownerDocument;
  const toggle = doc.createElement("button");
  toggle.type = "button";
  toggle.className = "nbstate-sidebar-toggle";
  const resizer = doc.createElement("div");
  resizer.className = "nbstate-sidebar-resizer";
  resizer.setAttribute("role", "separator");
  resizer.setAttribute("aria-orientation", "vertical");
  host.appendChild(toggle);
  host.appendChild(resizer);
  let choice = null; // the reader's: true open, false collapsed, null as the width says
  let wasNarrow = null;
  const sidebar = () => [...root.children].find((c) => c.classList.contains("nbstate-sidebar"));
  const place = () => {
    const width = root.clientWidth;
    const narrow = width > 0 && width < NARROW_PX;
    if (narrow !== wasNarrow) choice = null; // crossing the breakpoint: automatic again
    wasNarrow = narrow;
    const collapsed = choice === null ? narrow : !choice;
    root.classList.toggle("nbstate-narrow", narrow);
    root.classList.toggle("nbstate-sidebar-collapsed", collapsed);
    toggle.textContent = collapsed ? "\u203a" : "\u2039"; // › and ‹
    toggle.setAttribute("aria-label", collapsed ? "Expand sidebar" : "Collapse sidebar");
    toggle.setAttribute("aria-expanded", collapsed ? "false" : "true");
    const side = sidebar();
    if (!side) return;
    const right = collapsed ? 0 : side.getBoundingClientRect().right -
      root.getBoundingClientRect().left;
    toggle.style.left = collapsed ? "0.25rem" : `${Math.max(0, right - 40)}px`;
    resizer.style.left = `${right}px`;
  };
  const onToggle = () => {
    choice = root.classList.contains("nbstate-sidebar-collapsed");
    place();
    requestAnimationFrame(place);
  };
  toggle.addEventListener("click", onToggle);
  const onDown = (e) => {
    e.preventDefault();
    const left = root.getBoundingClientRect().left;
    const move = (ev) => {
      const max = Math.max(SIDEBAR_MIN_PX, root.clientWidth - MAIN_MIN_PX);
      const w = Math.min(max, Math.max(SIDEBAR_MIN_PX, ev.clientX - left));
      root.style.setProperty("--nbstate-sidebar-width", `${Math.round(w)}px`);
      place();
    };
    const up = () => {
      doc.removeEventListener("pointermove", move);
      doc.removeEventListener("pointerup", up);
      place();
    };
    doc.addEventListener("pointermove", move);
    doc.addEventListener("pointerup", up);
  };
  resizer.addEventListener("pointerdown", onDown);
  const win = doc.defaultView || globalThis;
  const resized = win.ResizeObserver ? new win.ResizeObserver(() => place()) : null;
  const watched = new Set();
  const watch = () => {
    if (!resized) return;
    for (const n of [root, sidebar()]) {
      if (n && !watched.has(n)) { resized.observe(n); watched.add(n); }
    }
  };
  // (placed in the next frame, not at once: reading the root's width in the middle of a
  // render would lay the whole page out once more for each change of the root's children)
  let queued = 0;
  const placeSoon = () => {
    if (!queued) queued = win.requestAnimationFrame(() => { queued = 0; place(); });
  };
  const children = win.MutationObserver ? new win.MutationObserver(() => { watch(); placeSoon(); })
    : null;
  if (children) children.observe(root, { childList: true });
  watch();
  if (win.requestAnimationFrame) placeSoon();
  else place();
  return () => {
    if (queued) win.cancelAnimationFrame(queued);
    toggle.removeEventListener("click", onToggle);
    resizer.removeEventListener("pointerdown", onDown);
    if (resized) resized.disconnect();
    if (children) children.disconnect();
    toggle.remove();
    resizer.remove();
  };
}

/** The submit button Enter in `input` presses, or null (not in a form, or not a field). */
export function enterSubmitButton(input) {
  if (!input || input.tagName !== "INPUT") return null;
  const kind = (input.type || "text").toLowerCase();
  if (!["text", "password", "number", "email", "search", "url", "tel"].includes(kind)) return null;
  const form = input.closest(".nbstate-form");
  if (!form || form.classList.contains("nbstate-no-enter")) return null;
  return [...form.querySelectorAll(".nbstate-submit")].find((b) => !b.disabled) || null;
}

/** Enter in a form's field: its value is sent (a change), then the form's submit pressed. */
export function enterToSubmit(root) {
  const onKey = (e) => {
    if (e.key !== "Enter" || e.isComposing || e.shiftKey) return;
    const button = enterSubmitButton(e.target);
    if (!button) return;
    e.target.dispatchEvent(new Event("change", { bubbles: true }));
    setTimeout(() => button.click(), 0);
  };
  // capture: ipywidgets' text views stop the keydown from bubbling (the notebook's shortcuts)
  root.addEventListener("keydown", onKey, true);
  return () => root.removeEventListener("keydown", onKey, true);
}

/** Put -/+ steppers after a number field (Streamlit's number_input): each steps the field
 * within its min/max/step and sends the value as an edit does (a change event). */
export function addSteppers(input) {
  if (!input || input.getAttribute("data-nbstate-steps")) return null;
  const doc = input.ownerDocument;
  input.setAttribute("data-nbstate-steps", "1");
  const box = doc.createElement("span");
  box.className = "nbstate-steppers";
  for (const [text, dir, name] of [["\u2212", -1, "Decrement"], ["+", 1, "Increment"]]) {
    const b = doc.createElement("button");
    b.type = "button";
    b.className = "nbstate-stepper";
    b.textContent = text;
    b.setAttribute("aria-label", name);
    b.addEventListener("click", () => {
      if (input.disabled || input.readOnly) return;
      try {
        if (dir > 0) input.stepUp(); else input.stepDown();
      } catch (err) {
        return; // not a number yet
      }
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    box.appendChild(b);
  }
  input.parentNode.insertBefore(box, input.nextSibling);
  return box;
}

/** Steppers on every number field of the app, now and as they come. */
export function numberSteppers(root) {
  const win = root.ownerDocument.defaultView || globalThis;
  const decorate = () => {
    if (typeof root.querySelectorAll !== "function") return;
    for (const input of root.querySelectorAll(".widget-text input[type=number]")) {
      addSteppers(input);
    }
  };
  let queued = false;
  const observer = win.MutationObserver ? new win.MutationObserver(() => {
    if (queued) return;
    queued = true;
    (win.requestAnimationFrame || setTimeout)(() => { queued = false; decorate(); });
  }) : null;
  if (observer) observer.observe(root, { childList: true, subtree: true });
  decorate();
  return () => { if (observer) observer.disconnect(); };
}

/** The open popovers of ``root`` (each as its Collapse node). */
function openPopovers(root) {
  if (typeof root.querySelectorAll !== "function") return [];
  return [...root.querySelectorAll(".nbstate-popover .jupyter-widget-Collapse-open")];
}

/** The open popovers of ``root`` that do not hold ``target``. */
export function popoversToClose(root, target) {
  return openPopovers(root).filter((c) => !(target && c.contains(target)));
}

/** A click outside an open popover's panel (or Escape) closes it, as Streamlit's: through its
 * header's click, so the Accordion tells the kernel as a reader's click does. */
export function popoverCloser(root) {
  const doc = root.ownerDocument;
  if (!doc || typeof doc.addEventListener !== "function") return () => {};
  const close = (target) => {
    for (const c of popoversToClose(root, target)) {
      const header = [...c.children].find(
        (n) => n.classList.contains("jupyter-widget-Collapse-header"));
      if (header) header.click();
    }
  };
  const onDown = (e) => close(e.target);
  const onKey = (e) => { if (e.key === "Escape") close(null); };
  doc.addEventListener("pointerdown", onDown, true);
  doc.addEventListener("keydown", onKey, true);
  return () => {
    doc.removeEventListener("pointerdown", onDown, true);
    doc.removeEventListener("keydown", onKey, true);
  };
}

/** An open popover's panel stays inside the app, as Streamlit's flips: one that would stick
 * out on the right (a popover in the last column) is aligned to its button's right edge
 * instead, unless that makes it stick out on the left. Placed after the click that opened it
 * (in the next frame, once the panel is laid out). */
export function popoverPlacer(root) {
  const win = root.ownerDocument && root.ownerDocument.defaultView;
  if (!win || typeof root.addEventListener !== "function") return () => {};
  const place = () => {
    const outer = root.getBoundingClientRect();
    for (const c of openPopovers(root)) {
      const pop = c.closest(".nbstate-popover");
      const panel = [...c.children].find(
        (n) => n.classList.contains("jupyter-widget-Collapse-contents"));
      if (!pop || !panel) continue;
      pop.classList.remove("nbstate-popover-end");
      if (panel.getBoundingClientRect().right <= outer.right + 1) continue;
      pop.classList.add("nbstate-popover-end");
      if (panel.getBoundingClientRect().left < outer.left - 1) {
        pop.classList.remove("nbstate-popover-end");
      }
    }
  };
  const onClick = () => (win.requestAnimationFrame || setTimeout)(place);
  root.addEventListener("click", onClick);
  return () => root.removeEventListener("click", onClick);
}

/** The files a folder upload sends, as Streamlit's uploader sends them: those whose name
 * ends with one of ``accept``'s extensions (".csv,.txt"; none: all), each named by its path
 * in the folder ("photos/2024/a.jpg"). ``files``: File-like {name, webkitRelativePath}. */
export function folderFiles(files, accept) {
  const exts = String(accept || "").split(",").map((x) => x.trim().toLowerCase())
    .filter((x) => x.startsWith("."));
  return [...files]
    .filter((f) => !exts.length || exts.some((x) => String(f.name).toLowerCase().endsWith(x)))
    .map((f) => ({ file: f, name: f.webkitRelativePath || f.name }));
}

/** Make an upload view's (detached) file input a folder picker: the browser's dialog picks a
 * folder; before ipywidgets reads the chosen files, they are narrowed to the allowed types
 * and renamed by their path in the folder. */
export function asFolderPicker(input) {
  if (input.__nbstateFolder) return;
  input.__nbstateFolder = true;
  input.setAttribute("webkitdirectory", "");
  input.multiple = true;
  const win = input.ownerDocument.defaultView || globalThis;
  // (a capture listener on the input itself runs before the upload view's own)
  input.addEventListener("change", () => {
    const kept = folderFiles(input.files || [], input.accept);
    const dt = new win.DataTransfer();
    for (const { file, name } of kept) {
      dt.items.add(new win.File([file], name, { type: file.type, lastModified: file.lastModified }));
    }
    input.files = dt.files;
  }, true);
}

let folderClick = false;  // a folder uploader's button is being clicked (this very event)

/** ipywidgets' upload view opens its dialog by clicking a file input that is in no page: a
 * click on a folder uploader (class ``nbstate-directory``) marks the input it clicks as a
 * folder picker. Patched once per window; other inputs are left alone. */
function patchInputClick(win) {
  const proto = win.HTMLInputElement && win.HTMLInputElement.prototype;
  if (!proto || proto.__nbstateFolderClick) return;
  const click = proto.click;
  proto.click = function nbstateClick() {
    if (folderClick && this.type === "file") asFolderPicker(this);
    return click.call(this);
  };
  proto.__nbstateFolderClick = true;
}

/** Folder uploaders of the app pick folders (Streamlit's accept_multiple_files="directory"). */
export function folderPickers(root) {
  const win = root.ownerDocument && root.ownerDocument.defaultView;
  if (!win || typeof root.addEventListener !== "function") return () => {};
  patchInputClick(win);
  const onClick = (e) => {
    if (!e.target || !e.target.closest || !e.target.closest(".nbstate-directory")) return;
    folderClick = true;  // (the upload view clicks its input during this event)
    setTimeout(() => { folderClick = false; }, 0);
  };
  root.addEventListener("click", onClick, true);
  return () => root.removeEventListener("click", onClick, true);
}

/** Draw the shell once per app root (a root keeps it while its marker's view lives). */
export function installShell(root, host) {
  if (!root || root.__nbstateShell) return null;
  const off = [sidebarShell(root, host), enterToSubmit(root), numberSteppers(root),
    popoverCloser(root), popoverPlacer(root), folderPickers(root)];
  root.__nbstateShell = true;
  return () => { for (const f of off) f(); root.__nbstateShell = false; };
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
  let shellOff = null;

  const sync = () => {
    const running = Boolean(model.get("running"));
    // as in Streamlit, the elements fade only while a rerun is in progress: after a run
    // (a failed callback's too) nothing stays faded
    const stale = running;
    text.textContent = String(model.get("text") ?? "Running...");
    badge.setAttribute("data-running", running ? "true" : "false");
    badge.setAttribute("aria-hidden", running ? "false" : "true");
    // The view may not be in the page yet when it is first rendered: find the root when needed.
    const root = appRoot(el);
    if (root && !shellOff && root.classList.contains(APP_CLASS)) shellOff = installShell(root, el);
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
    if (shellOff) shellOff();
    const root = appRoot(el);
    if (root) root.classList.remove(STALE_CLASS, LIVE_CLASS);
  };
}

export default { render };
