// The keyed children update the stale marker installs on the app's Box views.
import assert from "node:assert/strict";
import { test } from "node:test";

import { installKeyedUpdate, isAppBoxList, keyedUpdate } from "../stale_marker.js";

// ipywidgets' ViewList, as @jupyter-widgets/base has it: after the first position where the old
// and new children differ, every view is removed and created again.
class ViewList {
  constructor(create, remove, context) {
    this._handler_context = context || this;
    this._models = [];
    this.views = [];
    this._create_view = create;
    this._remove_view = remove || ((v) => v.remove());
  }
  update(models) {
    let i = 0;
    while (i < models.length && i < this._models.length && models[i] === this._models[i]) i++;
    for (const p of this.views.splice(i)) p.then((v) => this._remove_view.call(this._handler_context, v));
    for (; i < models.length; i++) {
      this.views.push(Promise.resolve(this._create_view.call(this._handler_context, models[i], i)));
    }
    this._models = models.slice();
    return Promise.all(this.views);
  }
}

// Lumino's Panel: an ordered list of child widgets; the log records every insertion and removal.
class Widget {
  constructor(name = "placeholder") { this.name = name; this.parent = null; }
  dispose() { if (this.parent) this.parent.remove(this); }
}
class Panel extends Widget {
  constructor(name = "placeholder") { super(name); this.widgets = []; this.log = []; }
  insertWidget(i, w) {
    const at = this.widgets.indexOf(w);
    if (at >= 0) { this.widgets.splice(at, 1); this.log.push(["move", w.name]); }
    this.widgets.splice(i, 0, w);
    w.parent = this;
    this.log.push(["insert", w.name]);
  }
  addWidget(w) { this.insertWidget(this.widgets.length, w); }
  remove(w) {
    this.widgets = this.widgets.filter((x) => x !== w);
    w.parent = null;
    this.log.push(["remove", w.name]);
  }
}
class AppPanel extends Panel {}  // JupyterLuminoPanelWidget extends Panel

class BoxView {
  constructor(classes = "widget-vbox nbstate-main") {
    this.el = { classList: classes.split(" ") };
    this.luminoWidget = new AppPanel();
    this.children_views = new ViewList(this.add_child_model, null, this);
    this.created = [];
  }
  async create_child_view(model) {
    this.created.push(model.name);
    const view = { model, luminoWidget: new Widget(model.name) };
    view.remove = () => view.luminoWidget.dispose();
    return view;
  }
  add_child_model(model) {  // ipywidgets' BoxView: appends a placeholder, then the view there
    const dummy = new Widget();
    this.luminoWidget.addWidget(dummy);
    return this.create_child_view(model).then((view) => {
      this.luminoWidget.insertWidget(this.luminoWidget.widgets.indexOf(dummy), view.luminoWidget);
      dummy.dispose();
      return view;
    });
  }
}

const m = (name) => ({ name });
const names = (box) => box.luminoWidget.widgets.map((w) => w.name);
const viewLog = (box) => box.luminoWidget.log.filter(([, n]) => n !== "placeholder");

async function shown(models, classes) {
  const box = new BoxView(classes);
  await box.children_views.update(models);
  box.luminoWidget.log = [];
  box.created = [];
  return box;
}

installKeyedUpdate(ViewList.prototype);

test("only nbstate app boxes are keyed", () => {
  assert.equal(isAppBoxList(new BoxView().children_views), true);
  assert.equal(isAppBoxList(new BoxView("widget-vbox").children_views), false);
  const tab = new BoxView("nbstate-tabs");
  tab.children_views._create_view = () => null;  // a Tab's list creates tab pages
  assert.equal(isAppBoxList(tab.children_views), false);
  assert.equal(isAppBoxList(new ViewList(() => null)), false);
});

test("a widget inserted in the middle: only its view is created", async () => {
  const [a, b, c] = [m("a"), m("b"), m("c")];
  const box = await shown([a, c]);
  const views = await box.children_views.update([a, b, c]);
  assert.deepEqual(names(box), ["a", "b", "c"]);
  assert.deepEqual(box.created, ["b"]);
  assert.deepEqual(viewLog(box), [["insert", "b"]]);
  assert.deepEqual(views.map((v) => v.model.name), ["a", "b", "c"]);
});

test("a widget removed from the middle: only its view goes", async () => {
  const [a, b, c] = [m("a"), m("b"), m("c")];
  const box = await shown([a, b, c]);
  await box.children_views.update([a, c]);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(names(box), ["a", "c"]);
  assert.deepEqual(box.created, []);
  assert.deepEqual(viewLog(box), [["remove", "b"]]);
});

test("several added and removed at once keep the order", async () => {
  const [a, b, c, d, e, f] = "abcdef".split("").map(m);
  const box = await shown([a, b, c, d]);
  await box.children_views.update([e, a, c, f, d, m("z")]);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(names(box), ["e", "a", "c", "f", "d", "z"]);
  assert.deepEqual(box.created.sort(), ["e", "f", "z"]);
  assert.equal(viewLog(box).filter(([op, n]) => op === "remove" && "acd".includes(n)).length, 0);
  assert.equal(viewLog(box).filter(([op]) => op === "move").length, 0);
});

test("two updates in a row, before the first one's views exist", async () => {
  const [a, b, c, d] = "abcd".split("").map(m);
  const box = await shown([a, d]);
  const first = box.children_views.update([a, b, d]);
  const second = box.children_views.update([a, b, c, d]);
  await Promise.all([first, second]);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(names(box), ["a", "b", "c", "d"]);
  assert.deepEqual(box.created, ["b", "c"]);
});

test("a reorder or a repeated model is left to ipywidgets", async () => {
  const [a, b] = [m("a"), m("b")];
  const list = (await shown([a, b])).children_views;
  assert.equal(keyedUpdate(list, [b, a]), null);
  assert.equal(keyedUpdate(list, [a, a]), null);
  const box = await shown([a, b]);
  await box.children_views.update([b, a]);  // the original algorithm: both re-created
  assert.deepEqual(names(box), ["b", "a"]);
  assert.deepEqual(box.created, ["b", "a"]);
});

test("other boxes keep ipywidgets' own update; installing twice is a no-op", async () => {
  const [a, b, c] = [m("a"), m("b"), m("c")];
  const box = await shown([a, c], "widget-vbox");
  await box.children_views.update([a, b, c]);
  assert.deepEqual(box.created, ["b", "c"]);  // c re-created: not an nbstate box
  assert.equal(installKeyedUpdate(ViewList.prototype), false);
  assert.equal(installKeyedUpdate(null), false);
});

test("if the keyed update fails, ipywidgets' own update still shows the children", async () => {
  const [a, b, c] = [m("a"), m("b"), m("c")];
  const box = await shown([a, c]);
  box.luminoWidget.constructor = function NotAPanel() {};  // no placeholder can be made
  const warn = console.warn;
  const warned = [];
  console.warn = (...args) => warned.push(args);
  try {
    await box.children_views.update([a, b, c]);
  } finally {
    console.warn = warn;
  }
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(names(box), ["a", "b", "c"]);
  assert.equal(warned.length, 1);
});
