// A re-executed cell's app keeps its root view: keepOnClear (stale_marker.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { keepOnClear, takeCarried } from "../stale_marker.js";

// Lumino's Widget, as far as disposal goes: dispose() flags the widget, detaches it from its
// parent (no message to a disposed parent) and disposes its children (a Panel's layout).
class Widget {
  constructor(name) {
    this.name = name;
    this.node = { parentNode: null, removeChild(n) { n.parentNode = null; } };
    this.parent = null;
    this.children = [];
    this.isDisposed = false;
  }
  add(child) { child.parent = this; child.node.parentNode = this.node; this.children.push(child); }
  dispose() {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.parent = null;
    while (this.children.length) this.children.pop().dispose();
  }
}
// ipywidgets' JupyterLuminoPanelWidget: disposing it removes its view (and the view's children)
class ViewWidget extends Widget {
  constructor(view) { super("view"); this._view = view; }
  dispose() {
    if (this.isDisposed) return;
    super.dispose();
    this._view.remove();
  }
}
class View {
  constructor(model) {
    this.model = model;
    this.removed = false;
    this.luminoWidget = new ViewWidget(this);
  }
  remove() { this.removed = true; this.luminoWidget.dispose(); }
}
// the widget manager: create_view makes a new view (a box passes its view as `parent`)
function manager() {
  return {
    made: 0,
    create_view(model, options = {}) { this.made += 1; return Promise.resolve(new View(model)); },
  };
}
const model = (id) => ({ model_id: id, comm_live: true });
// JupyterLab's output: a renderer widget (no `_view`) holding the root view's widget
function display(view) {
  const renderer = new Widget("renderer");
  renderer.add(view.luminoWidget);
  return renderer;
}

test("a cleared output's root view is kept and given to the next display of its model", async () => {
  const m = manager();
  const root = new View(model("root-1"));
  assert.equal(keepOnClear(root, m), true);
  assert.equal(keepOnClear(root, m), false, "once per view");
  const output = display(root);
  output.dispose();  // the cell is executed again: JupyterLab empties its output area
  assert.equal(root.removed, false);
  assert.equal(root.luminoWidget.isDisposed, false);
  assert.equal(root.luminoWidget.parent, null);
  assert.equal(root.luminoWidget.node.parentNode, null, "detached from the old output");

  const again = await m.create_view(root.model);  // the kernel displays the same root
  assert.equal(again, root);
  assert.equal(m.made, 0, "no view made");
  // kept once: a further display makes its own view
  assert.notEqual(await m.create_view(root.model), root);
  assert.equal(m.made, 1);

  // the kept view is kept again on the next clear
  display(root).dispose();
  assert.equal(await m.create_view(root.model), root);
  root.remove();
});

test("a box's child view, other models and closed models are not kept", async () => {
  const m = manager();
  const root = new View(model("root-2"));
  keepOnClear(root, m);
  display(root).dispose();
  // a box creating a child view of the same model (options.parent) gets a new view
  const child = await m.create_view(root.model, { parent: {} });
  assert.notEqual(child, root);
  assert.equal(await m.create_view(model("other")) === root, false);
  assert.equal(takeCarried(root.model), root);

  // inside another widget's view (not an output's renderer): disposed with it
  const inner = new View(model("root-3"));
  keepOnClear(inner, m);
  const box = new ViewWidget(new View(model("box")));
  box.add(inner.luminoWidget);
  box.dispose();
  assert.equal(inner.removed, true);
  assert.equal(takeCarried(inner.model), null);

  // a model whose comm is closed (the kernel is gone): disposed with its output
  const dead = new View({ model_id: "root-4", comm_live: false });
  keepOnClear(dead, m);
  display(dead).dispose();
  assert.equal(dead.removed, true);
  assert.equal(takeCarried(dead.model), null);
});

test("a kept view nobody takes is disposed after a while, or when its model closes", async () => {
  const m = manager();
  const root = new View(model("root-5"));
  keepOnClear(root, m, 10);
  display(root).dispose();
  assert.equal(root.removed, false);
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(root.removed, true, "disposed once the time is up");
  assert.equal(takeCarried(root.model), null);

  const closed = new View(model("root-6"));
  keepOnClear(closed, m);
  display(closed).dispose();
  closed.remove();  // the app is closed: ipywidgets removes the model's views
  assert.equal(closed.removed, true);
  assert.equal(closed.luminoWidget.isDisposed, true);
  assert.equal(takeCarried(closed.model), null, "no longer kept (and its timer cleared)");
});
