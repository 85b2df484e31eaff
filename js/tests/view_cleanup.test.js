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
  remove() { this.removed = true; return this; }
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
