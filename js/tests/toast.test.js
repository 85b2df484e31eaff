import assert from "node:assert/strict";
import { test } from "node:test";

import toast, { FADE_MS, countdown, showToast, toastStack } from "../toast.js";
import { FakeDocument, FakeModel } from "./fakes.js";

/** A clock whose timers run when the test says. */
class FakeClock {
  constructor() { this.timers = new Map(); this.next = 1; }
  setTimeout(fn, ms) { const id = this.next++; this.timers.set(id, { fn, ms }); return id; }
  clearTimeout(id) { this.timers.delete(id); }
  runAll() {
    const due = [...this.timers.entries()];
    this.timers.clear();
    for (const [, t] of due) t.fn();
  }
}

test("toast: one stack per page, in the body", () => {
  const doc = new FakeDocument();
  const a = toastStack(doc);
  const b = toastStack(doc);
  assert.equal(a, b);
  assert.equal(a.parentElement, doc.body);
  assert.equal(a.getAttribute("role"), "region");
});

test("toast: a card stacks under the one before, fades after its duration, closes", () => {
  const doc = new FakeDocument();
  const clock = new FakeClock();
  const stack = toastStack(doc);
  showToast(stack, { body: "<p>one</p>", icon: "✅", duration: 4 }, clock);
  showToast(stack, { body: "<p>two</p>", icon: "", duration: 0 }, clock);
  assert.equal(stack.children.length, 2);
  const [one, two] = stack.children;
  assert.equal(one.children[0].textContent, "✅");
  assert.equal([...clock.timers.values()][0].ms, 4000);
  clock.runAll(); // its 4 s are up: it fades, then goes
  assert.ok(one.classList.contains("nbstate-toast-out"));
  assert.equal([...clock.timers.values()][0].ms, FADE_MS);
  clock.runAll();
  assert.deepEqual(stack.children, [two]); // "infinite" stays
  two.children.at(-1).click(); // its close button
  assert.deepEqual(stack.children, []);
});

test("toast: a countdown pauses and resumes", () => {
  const clock = new FakeClock();
  let done = 0;
  const t = countdown(1000, () => { done += 1; }, clock);
  t.resume();
  t.pause();
  assert.equal(clock.timers.size, 0);
  t.resume();
  assert.equal(clock.timers.size, 1);
  clock.runAll();
  assert.equal(done, 1);
});

test("toast: a view shows its toast once per key, a new key replaces the card", () => {
  const doc = new FakeDocument();
  const el = doc.createElement("div");
  doc.body.appendChild(el);
  const model = new FakeModel({ body: "<p>Saving</p>", icon: "", duration: 0, key: "1|a",
    uid: "t-1" });
  const cleanup = toast.render({ model, el });
  const again = doc.createElement("div");
  toast.render({ model, el: again }); // a second view of the same showing: no second card
  const stack = toastStack(doc);
  assert.equal(stack.children.length, 1);
  model.values.body = "<p>Saved</p>";
  model.set("key", "1|b");
  assert.equal(stack.children.length, 1);
  assert.equal(stack.children[0].children[0].innerHTML, "<p>Saved</p>");
  cleanup();
});
