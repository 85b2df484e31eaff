import assert from "node:assert/strict";
import { test } from "node:test";

import widget, { APP_CLASS, STALE_CLASS, appRoot } from "../stale_marker.js";
import { FakeDocument, FakeModel } from "./fakes.js";

function setup(values = {}) {
  const doc = new FakeDocument();
  const app = doc.createElement("div");
  app.className = `widget-vbox ${APP_CLASS}`;
  doc.body.appendChild(app);
  const el = doc.createElement("div");
  app.appendChild(el);
  const other = doc.createElement("div"); // an element of the previous run
  app.appendChild(other);
  const model = new FakeModel({ running: false, stale: false, text: "Running...", ...values });
  const cleanup = widget.render({ model, el });
  const badge = el.querySelector(".nbstate-stale-marker");
  return { doc, app, el, model, cleanup, badge };
}

test("appRoot finds the app box, or falls back to the parent", () => {
  const { app, el } = setup();
  assert.equal(appRoot(el), app);
  const doc = new FakeDocument();
  const parent = doc.createElement("div");
  const lone = doc.createElement("div");
  parent.appendChild(lone);
  assert.equal(appRoot(lone), parent);
  assert.equal(appRoot(doc.createElement("div")), null);
});

test("not stale: the badge is there but hidden, the app is not faded", () => {
  const { app, el, badge } = setup();
  assert.ok(el.classList.contains("nbstate-stale-host"));
  assert.equal(badge.getAttribute("data-running"), "false");
  assert.equal(badge.getAttribute("role"), "status");
  assert.equal(badge.textContent, "Running...");
  assert.equal(app.classList.contains(STALE_CLASS), false);
});

test("running on and off shows the badge and fades the app: attributes only, never nodes", () => {
  const { doc, app, model, badge } = setup();
  const before = doc.log.length;
  for (let i = 0; i < 5; i++) {
    model.set("running", true);
    assert.equal(badge.getAttribute("data-running"), "true");
    assert.equal(app.classList.contains(STALE_CLASS), true);
    model.set("running", false);
    assert.equal(badge.getAttribute("data-running"), "false");
    assert.equal(app.classList.contains(STALE_CLASS), false);
  }
  assert.equal(doc.log.length, before);
  assert.ok(app.classList.contains(APP_CLASS), "the app keeps its own classes");
});

test("stale without running (a callback failed): nothing faded, no badge, as Streamlit", () => {
  const { app, model, badge } = setup();
  model.set("running", true);
  assert.equal(app.classList.contains(STALE_CLASS), true);
  model.set("stale", true);
  model.set("running", false);
  assert.equal(app.classList.contains(STALE_CLASS), false);
  assert.equal(badge.getAttribute("data-running"), "false");
  model.set("stale", false);
  assert.equal(app.classList.contains(STALE_CLASS), false);
});

test("starts stale when the model says so; the text can change", () => {
  const { app, model, badge } = setup({ running: true, text: "Rerunning" });
  assert.equal(app.classList.contains(STALE_CLASS), true);
  assert.equal(badge.textContent, "Rerunning");
  model.set("text", "<b>x</b>");
  assert.equal(badge.textContent, "<b>x</b>", "text, not markup");
});

test("cleanup unmarks the app and removes the listeners", () => {
  const { app, model, cleanup } = setup({ stale: true, running: true });
  cleanup();
  assert.equal(app.classList.contains(STALE_CLASS), false);
  assert.equal(model.listeners(), 0);
});

test("a folder upload sends the allowed types, named by their path in the folder", async () => {
  const { folderFiles } = await import("../stale_marker.js");
  const files = [
    { name: "a.CSV", webkitRelativePath: "data/a.CSV" },
    { name: "notes.txt", webkitRelativePath: "data/sub/notes.txt" },
    { name: "photo.png", webkitRelativePath: "data/photo.png" },
    { name: "loose.csv", webkitRelativePath: "" },
  ];
  assert.deepEqual(folderFiles(files, ".csv,.txt").map((f) => f.name),
    ["data/a.CSV", "data/sub/notes.txt", "loose.csv"]);
  assert.equal(folderFiles(files, "").length, 4);  // no types: every file
  assert.equal(folderFiles(files, ".csv")[0].file, files[0]);
});
