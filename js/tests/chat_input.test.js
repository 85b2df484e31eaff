import assert from "node:assert/strict";
import { test } from "node:test";

import widget, { isSendKey, toBase64, toSend } from "../chat_input.js";
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
  const [chips, form] = el.children;
  return { doc, el, model, cleanup, form, chips, field: form.children[0],
    attach: form.children[1], send: form.children[2], picker: form.children[3] };
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

function fakeFile(name, text, type = "text/plain") {
  const bytes = new TextEncoder().encode(text);
  return { name, type, webkitRelativePath: "", arrayBuffer: async () => bytes.buffer };
}

function pick(picker, files) {
  picker.files = files;
  for (const fn of picker.listeners.change || []) fn({ type: "change" });
}

test("toBase64 encodes bytes", () => {
  assert.equal(toBase64(new TextEncoder().encode("hi there")), "aGkgdGhlcmU=");
  assert.equal(toBase64(new Uint8Array(0)), "");
});

test("no attach button unless the input accepts files", () => {
  const { attach } = setup();
  assert.equal(attach.style.display, "none");
  const other = setup({ accept_file: "multiple", file_type: [".txt", ".md"] });
  assert.equal(other.attach.style.display, "");
  assert.equal(other.attach.getAttribute("aria-label"), "Attach files");
  assert.equal(other.picker.multiple, true);
  assert.equal(other.picker.getAttribute("accept"), ".txt,.md");
});

test("picked files are listed and sent with the next message, then forgotten", async () => {
  const { model, field, attach, picker, chips, doc } = setup({ accept_file: "multiple" });
  attach.click();
  assert.ok(doc.clicked.includes(picker), "the attach button opens the file picker");
  pick(picker, [fakeFile("a.txt", "one")]);
  pick(picker, [fakeFile("b.txt", "two")]);
  assert.equal(chips.textContent, "a.txt, b.txt");
  field.value = "see these";
  key(field, "Enter");
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(model.sent, [{ event: "submit", text: "see these", files: [
    { name: "a.txt", type: "text/plain", b64: toBase64(new TextEncoder().encode("one")) },
    { name: "b.txt", type: "text/plain", b64: toBase64(new TextEncoder().encode("two")) },
  ] }]);
  assert.equal(chips.textContent, "");
  key(field, "Enter");
  assert.equal(model.sent.length, 1, "nothing left to send");
});

test("one file (accept_file=true): a new pick replaces it; files alone are sent", async () => {
  const { model, field, picker } = setup({ accept_file: "true" });
  pick(picker, [fakeFile("a.txt", "one")]);
  pick(picker, [fakeFile("b.txt", "two")]);
  key(field, "Enter");
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(model.sent.length, 1);
  assert.equal(model.sent[0].text, "");
  assert.deepEqual(model.sent[0].files.map((f) => f.name), ["b.txt"]);
});

test("a height in pixels fixes the field's height", () => {
  const { field, model } = setup({ height: 120 });
  assert.equal(field.style.height, "120px");
  model.set("height", 0);
  assert.equal(field.style.height, "");
});

test("accept_audio: a microphone button beside the attach button sends one audio file", async () => {
  const { form, model, field, chips, doc, send } = setup({ accept_audio: false });
  const mic = form.children[4];
  const audioPicker = form.children[5];
  assert.equal(mic.getAttribute("aria-label"), "Attach audio");
  assert.equal(mic.style.display, "none");
  model.set("accept_audio", true);
  assert.equal(mic.style.display, "flex");
  assert.ok(Number(mic.style.order) < Number(send.style.order), "before the send button");
  assert.equal(audioPicker.getAttribute("accept"), "audio/*");
  mic.click();
  assert.ok(doc.clicked.includes(audioPicker), "the microphone opens the audio picker");
  pick(audioPicker, [fakeFile("note.wav", "RIFF", "audio/wav")]);
  assert.equal(send.disabled, false, "an audio file alone can be sent");
  assert.match(chips.textContent, /note\.wav/);
  key(field, "Enter");
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(model.sent, [{ event: "submit", text: "", audio:
    { name: "note.wav", type: "audio/wav", b64: toBase64(new TextEncoder().encode("RIFF")) } }]);
  assert.equal(chips.textContent, "");
});
