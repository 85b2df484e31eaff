import assert from "node:assert/strict";
import { test } from "node:test";

import { addOption, filterOptions } from "../multiselect.js";
import { enterSubmitButton } from "../stale_marker.js";
import toggle from "../toggle.js";
import { FakeDocument, FakeModel } from "./fakes.js";

test("multiselect: typing filters the options not chosen, any case", () => {
  const options = ["Alpha", "beta", "Gamma", "alphabet"];
  assert.deepEqual(filterOptions(options, [], ""), [0, 1, 2, 3]);
  assert.deepEqual(filterOptions(options, [0], "ALPH"), [3]);
  assert.deepEqual(filterOptions(options, [], "zz"), []);
});

test("multiselect: a click adds an option, never twice, never past max_selections", () => {
  assert.deepEqual(addOption([2], 0, 0), [2, 0]);
  assert.deepEqual(addOption([2, 0], 0, 0), [2, 0]);
  assert.deepEqual(addOption([2], 1, 1), [2]);
  assert.deepEqual(addOption([], 1, 1), [1]);
});

test("Enter submits through the form's first enabled submit button, unless the form says no", () => {
  const doc = new FakeDocument();
  const form = doc.createElement("div");
  form.className = "nbstate-form";
  const input = doc.createElement("input");
  input.type = "text";
  form.appendChild(input);
  const submit = doc.createElement("button");
  submit.className = "nbstate-submit";
  form.appendChild(submit);
  form.querySelectorAll = () => [submit];
  assert.equal(enterSubmitButton(input), submit);
  submit.disabled = true;
  assert.equal(enterSubmitButton(input), null);
  submit.disabled = false;
  form.classList.add("nbstate-no-enter");
  assert.equal(enterSubmitButton(input), null);
  const lone = doc.createElement("input");
  lone.type = "text";
  assert.equal(enterSubmitButton(lone), null);
  const box = doc.createElement("input");
  box.type = "checkbox";
  form.appendChild(box);
  form.classList.remove("nbstate-no-enter");
  assert.equal(enterSubmitButton(box), null);
});

test("toggle: a switch whose click flips and sends the value", () => {
  const doc = new FakeDocument();
  const el = doc.createElement("div");
  doc.body.appendChild(el);
  const model = new FakeModel({ value: false, description: "Power", disabled: false,
    tooltip: null });
  let saved = 0;
  model.save_changes = () => { saved += 1; };
  const cleanup = toggle.render({ model, el });
  const row = el.children[0];
  const sw = row.children[0];
  assert.equal(sw.getAttribute("role"), "switch");
  assert.equal(sw.getAttribute("aria-checked"), "false");
  assert.equal(sw.getAttribute("aria-label"), "Power");
  for (const fn of row.listeners.click) fn({ target: sw, preventDefault() {} });
  assert.equal(model.get("value"), true);
  assert.equal(saved, 1);
  assert.equal(sw.getAttribute("aria-checked"), "true");
  model.set("disabled", true);
  for (const fn of row.listeners.click) fn({ target: sw, preventDefault() {} });
  assert.equal(model.get("value"), true, "a disabled switch does not flip");
  cleanup();
  assert.equal(model.listeners(), 0);
});
