// Removing a view drops the listeners ipywidgets' views leave on their (reused) model.
import assert from "node:assert/strict";
import { test } from "node:test";

import { installViewCleanup } from "../stale_marker.js";

// Backbone's event store, as ipywidgets' models have it: `_events[name]` holds
// `{callback, context}`; `off(name, callback, context)` matches on what is given.
class Model {
  constructor() { this._events = {}; }
  on(name, callback, context) {
    (this._events[name] ||= []).push({ callback, context, ctx: context || this });
  }
  off(name, callback, context) {
    for (const n of name ? [name] : Object.keys(this._events)) {
      this._events[n] = (this._events[n] || []).filter((e) =>
        (callback && e.callback !== callback) || (context && e.context !== context));
    }
  }
  count() { return Object.values(this._events).reduce((a, l) => a + l.length, 0); }
}

// @jupyter-widgets/base's views: every view registers a bound `msg:custom` handler, a
// slider registers `change:*` handlers with itself as context; remove() undoes neither.
class WidgetView {
  constructor(options) { this.initialize(options); }
  initialize({ model }) {
    this.model = model;
    model.on("msg:custom", this.handle_message.bind(this));
  }
  handle_message() {}
  remove() {  // Backbone's View.remove (under WidgetView's): stopListening
    for (const l of Object.values(this._listeningTo || {})) l.obj.off(undefined, undefined, this);
    this.removed = true;
    return this;
  }
}
class LayoutView extends WidgetView {}  // one shared Layout model has a view per widget view
class DOMWidgetView extends WidgetView {
  initialize(options) {
    super.initialize(options);
    this.layoutPromise = Promise.resolve(new LayoutView({ model: options.layout }));
  }
  setLayout() {}
}
class SliderView extends DOMWidgetView {
  render() { this.model.on("change:max", this.render, this); }
}

test("views removed over re-executions leave no listener on their reused model", async () => {
  const model = new Model();
  const layout = new Model();
  const first = new SliderView({ model, layout });  // made before the cleanup is installed
  first.render();
  assert.equal(installViewCleanup(first), true);
  assert.equal(installViewCleanup(first), false, "installed once per class");
  first.remove();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(model.count(), 0);
  assert.equal(layout.count(), 0, "the removed view's Layout view is removed with it");
  for (let i = 0; i < 10; i++) {  // ten re-executions: a new view, the old one removed
    const view = new SliderView({ model, layout });
    view.render();
    assert.equal(model.count(), 2);
    assert.equal(layout.count(), 1);
    view.remove();
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(model.count(), 0, `after re-execution ${i}`);
    assert.equal(layout.count(), 0, `the Layout model after re-execution ${i}`);
  }
});

test("removing one view keeps the listeners of another live view of the same model", async () => {
  const model = new Model();
  const layout = new Model();
  new SliderView({ model, layout }).render();
  const a = new SliderView({ model, layout });
  installViewCleanup(a);
  const b = new SliderView({ model, layout });
  b.render();
  const c = new SliderView({ model, layout });
  c.render();
  b.remove();
  await new Promise((r) => setTimeout(r, 0));
  const custom = model._events["msg:custom"];
  assert.equal(custom.length, 3, "the views made before, and c's, keep their handlers");
  assert.equal(model._events["change:max"].length, 2, "the first view's and c's stay");
  assert.ok(model._events["change:max"].some((e) => e.context === c));
});

// Backbone 1.4's listenTo bookkeeping, as ipywidgets' views and models have it: the listener
// keeps `_listeningTo[obj._listenId]`, the model `_listeners[listening.id]`, and every handler
// points at its Listening; stopListening calls `obj.off(undefined, undefined, listener)`,
// which rebuilds every handler list of the model.
let ids = 0;
class BackboneModel extends Model {
  constructor() { super(); this._listenId = `l${++ids}`; this.offCalls = 0; }
  off(name, callback, context) {
    this.offCalls += 1;
    for (const n of name ? [name] : Object.keys(this._events)) {
      this._events[n] = (this._events[n] || []).filter((e) => {
        const keep = (callback && e.callback !== callback) || (context && e.context !== context);
        if (!keep && e.listening && --e.listening.count === 0) {
          delete e.listening.listener._listeningTo[this._listenId];
          delete this._listeners[e.listening.id];
        }
        return keep;
      });
    }
  }
}
class BackboneView extends WidgetView {
  initialize(options) {
    super.initialize(options);
    this._listenId = `v${++ids}`;
    this.listenTo(options.model, "change");
    this.listenTo(options.model, "change:width");
  }
  listenTo(obj, name) {
    this._listeningTo ||= {};
    const listening = this._listeningTo[obj._listenId] ||= {
      obj, id: this._listenId, listener: this, count: 0, interop: false };
    (obj._listeners ||= {})[listening.id] = listening;
    listening.count += 1;
    (obj._events[name] ||= []).push({ callback: () => {}, context: this, ctx: this, listening });
  }
}

test("views of a shared model are detached from it at once and swept together", async () => {
  const shared = new BackboneModel();
  const views = Array.from({ length: 100 }, () => new BackboneView({ model: shared }));
  installViewCleanup(Object.assign(Object.create(DOMWidgetView.prototype), {}));
  assert.equal(shared._events.change.length, 100);
  const before = shared.offCalls;
  for (const v of views.slice(0, 60)) v.remove();
  assert.equal(shared.offCalls, before, "no per-view rebuild of the shared model's lists");
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(shared._events.change.length, 40);
  assert.equal(shared._events["change:width"].length, 40);
  assert.equal(shared._events["msg:custom"].length, 40);
  assert.equal(Object.keys(shared._listeners).length, 40);
  for (const v of views.slice(60)) v.remove();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(shared.count(), 0);
  assert.equal(Object.keys(shared._listeners).length, 0);
  assert.ok(views.every((v) => !v._listeningTo || !v._listeningTo[shared._listenId]));
});

test("a widget's view listening to its shared Layout model is detached from it too", async () => {
  // DOMWidgetView.setLayout: the widget's view listens to its Layout model's `change`
  class WidgetOwnView extends BackboneView {
    initialize(options) {
      super.initialize(options);
      this.listenTo(options.layoutModel, "change");
    }
  }
  const layout = new BackboneModel();
  const views = Array.from({ length: 50 }, () =>
    new WidgetOwnView({ model: new BackboneModel(), layoutModel: layout }));
  assert.equal(layout._events.change.length, 50);
  const before = layout.offCalls;
  for (const v of views) v.remove();
  assert.equal(layout.offCalls, before, "no per-view rebuild of the shared model's lists");
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(layout.count(), 0);
  assert.equal(Object.keys(layout._listeners).length, 0);
  for (const v of views) assert.equal(v.model.count(), 0, "each view's own model is clean");
});
