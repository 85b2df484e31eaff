import assert from "node:assert/strict";
import { test } from "node:test";

import timer, { arm } from "../fragment_timer.js";
import link from "../link_button.js";
import { applyPage, iconHref } from "../page_config.js";
import { FakeDocument, FakeModel } from "./fakes.js";

function fakeWindow() {
  const w = { next: 1, intervals: new Map() };
  w.setInterval = (fn, ms) => { const id = w.next++; w.intervals.set(id, { fn, ms }); return id; };
  w.clearInterval = (id) => { w.intervals.delete(id); };
  return w;
}

test("fragment_timer clicks every interval seconds, once per model, and stops with its views", () => {
  const doc = new FakeDocument();
  const win = fakeWindow();
  doc.defaultView = win;
  const model = new FakeModel({ interval: 0.5, disabled: false });
  const el1 = doc.createElement("div");
  const el2 = doc.createElement("div");
  const stop1 = timer.render({ model, el: el1 });
  const stop2 = timer.render({ model, el: el2 });
  assert.equal(win.intervals.size, 1);  // two views, one clock
  const [{ fn, ms }] = win.intervals.values();
  assert.equal(ms, 500);
  fn();
  assert.deepEqual(model.sent, [{ event: "click" }]);
  stop1();
  assert.equal(win.intervals.size, 1);  // the other view still shows it
  stop2();
  assert.equal(win.intervals.size, 0);
  assert.equal(model.listeners(), 0);
});

test("fragment_timer: no clock while disabled or without an interval", () => {
  const win = fakeWindow();
  assert.equal(arm(new FakeModel({ interval: 0, disabled: false }), win), null);
  assert.equal(arm(new FakeModel({ interval: 2, disabled: true }), win), null);
  assert.equal(win.intervals.size, 0);
});

test("link_button opens its URL in a new tab and reports clicks only as a widget", () => {
  const doc = new FakeDocument();
  const el = doc.createElement("div");
  const model = new FakeModel({ label: "Docs", url: "https://docs.example.com", disabled: false,
    help: "", button_type: "primary", report: false, stretch: false });
  link.render({ model, el });
  const a = el.children[0];
  assert.equal(a.href, "https://docs.example.com");
  assert.equal(a.target, "_blank");
  assert.equal(a.textContent, "Docs");
  a.listeners.click[0]({ preventDefault() {} });
  assert.deepEqual(model.sent, []);
  model.set("report", true);
  a.listeners.click[0]({ preventDefault() {} });
  assert.deepEqual(model.sent, [{ event: "click" }]);
});

test("page_config titles the page and draws an emoji icon as SVG", () => {
  assert.equal(iconHref("https://x/icon.png"), "https://x/icon.png");
  assert.match(iconHref("\u{1F4C8}"), /^data:image\/svg\+xml,/);
  assert.equal(iconHref(""), "");
  const links = [];
  const doc = { title: "Voila", head: { appendChild: (l) => links.push(l) },
    querySelector: () => links[0] || null, createElement: () => ({}) };
  const done = applyPage(doc, "Sales", "\u{1F4C8}");
  assert.equal(doc.title, "Sales");
  assert.equal(links.length, 1);
  assert.equal(links[0].rel, "icon");
  assert.equal(done.icon, links[0].href);
  applyPage(doc, "", "");
  assert.equal(doc.title, "Sales");  // empty: the page keeps its own
});
