import assert from "node:assert/strict";
import { test } from "node:test";

import widget, { isSendKey, toSend } from "../chat_input.js";
import { FakeDocument, FakeModel } from "./fakes.js";

function setup(values = {}) {
  const doc = new FakeDocument();
  const el = doc.createElement("div");
  doc.body.appendChild(el);
  const model = new FakeModel({
    placeholder: "What is up?", max_chars: 0, disabled: false, prefill: "", prefill_n: 0,
    ...values,
  });
  const cleanup = widget.render({ model, el });
  const form = el.children[0];
  return { doc, el, model, cleanup, form, field: form.children[0], send: form.children[1] };
}

function key(field, k, extra = {}) {
  const ev = { key: k, shiftKey: false, isComposing: false, prevented: false, stopped: false,
    preventDefault() { this.prevented = true; }, stopPropagation() { this.stopped = true; },
    ...extra };
  for (const fn of field.listeners.keydown || []) fn(ev);
  return ev;
}

test("toSend: blank text is not sent, max_chars cuts", () => {
  assert.equal(toSend("  \n", 0), null);
  assert.equal(toSend("hello", 0), "hello");
  assert.equal(toSend("hello", 3), "hel");
  assert.equal(toSend(null, 0), null);
});

test("isSendKey: Enter sends, Shift+Enter and composing do not", () => {
  assert.equal(isSendKey({ key: "Enter", shiftKey: false, isComposing: false }), true);
  assert.equal(isSendKey({ key: "Enter", shiftKey: true, isComposing: false }), false);
  assert.equal(isSendKey({ key: "Enter", shiftKey: false, isComposing: true }), false);
  assert.equal(isSendKey({ key: "a", shiftKey: false, isComposing: false }), false);
});

test("renders a labelled field and a send button", () => {
  const { field, send } = setup();
  assert.equal(field.tagName, "TEXTAREA");
  assert.equal(field.placeholder, "What is up?");
  assert.equal(field.getAttribute("aria-label"), "What is up?");
  assert.equal(send.getAttribute("aria-label"), "Send message");
  assert.equal(send.disabled, true, "nothing to send yet");
});

test("Enter sends the text and empties the field; Shift+Enter does not send", () => {
  const { model, field } = setup();
  field.value = "hi there";
  const shift = key(field, "Enter", { shiftKey: true });
  assert.equal(shift.prevented, false);
  assert.deepEqual(model.sent, []);
  const enter = key(field, "Enter");
  assert.equal(enter.prevented, true);
  assert.equal(enter.stopped, true, "notebook shortcuts do not see the keys");
  assert.deepEqual(model.sent, [{ event: "submit", text: "hi there" }]);
  assert.equal(field.value, "");
  key(field, "Enter"); // an empty field sends nothing
  assert.equal(model.sent.length, 1);
});

test("disabled: nothing is sent; max_chars limits the field", () => {
  const { model, field } = setup({ disabled: true, max_chars: 4 });
  assert.equal(field.disabled, true);
  assert.equal(field.maxLength, 4);
  field.value = "hello";
  key(field, "Enter");
  assert.deepEqual(model.sent, []);
  model.set("disabled", false);
  key(field, "Enter");
  assert.deepEqual(model.sent, [{ event: "submit", text: "hell" }]);
});

test("prefill puts text in the field, unsent, each time prefill_n changes", () => {
  const { model, field, cleanup } = setup();
  model.values.prefill = "a draft";
  model.set("prefill_n", 1);
  assert.equal(field.value, "a draft");
  assert.deepEqual(model.sent, []);
  cleanup();
  assert.equal(model.listeners(), 0, "cleanup removes every listener");
});
