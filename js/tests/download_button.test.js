import assert from "node:assert/strict";
import { test } from "node:test";

import widget, { saveBytes, toBytes } from "../download_button.js";
import { FakeDocument, FakeModel } from "./fakes.js";

function setup(values = {}) {
  const doc = new FakeDocument();
  const el = doc.createElement("div");
  doc.body.appendChild(el);
  const model = new FakeModel({
    label: "Save CSV", data: new DataView(new TextEncoder().encode("a,b\n1,2\n").buffer),
    file_name: "data.csv", mime: "text/csv", disabled: false, help: "", button_type: "secondary",
    ...values,
  });
  const cleanup = widget.render({ model, el });
  return { doc, el, model, cleanup, button: el.children[0] };
}

test("toBytes accepts DataView, ArrayBuffer, typed arrays and base64", () => {
  const raw = new Uint8Array([0, 1, 2, 255]);
  const expect = [0, 1, 2, 255];
  assert.deepEqual([...toBytes(new DataView(raw.buffer))], expect);
  assert.deepEqual([...toBytes(raw.buffer)], expect);
  assert.deepEqual([...toBytes(raw)], expect);
  assert.deepEqual([...toBytes("AAEC/w==")], expect);
  assert.deepEqual([...toBytes(null)], []);
  // a view on part of a buffer gives only that part
  assert.deepEqual([...toBytes(new DataView(raw.buffer, 1, 2))], [1, 2]);
  assert.throws(() => toBytes(42), TypeError);
});

test("renders one button with the label, help and type", () => {
  const { el, button } = setup({ help: "Downloads the table", button_type: "primary" });
  assert.equal(el.children.length, 1);
  assert.equal(button.tagName, "BUTTON");
  assert.equal(button.textContent, "Save CSV");
  assert.equal(button.title, "Downloads the table");
  assert.ok(button.classList.contains("widget-button"));
  assert.ok(button.classList.contains("mod-primary"));
});

test("a label given as markup is shown as text", () => {
  const { button } = setup({ label: "<img src=x onerror=alert(1)>" });
  assert.equal(button.textContent, "<img src=x onerror=alert(1)>");
  assert.equal(button.children.length, 0);
});

test("trait changes update the same button in place", () => {
  const { doc, el, model, button } = setup();
  const before = doc.log.length;
  model.set("label", "Save again");
  model.set("disabled", true);
  model.set("help", "now with help");
  assert.equal(el.children[0], button);
  assert.equal(button.textContent, "Save again");
  assert.equal(button.disabled, true);
  assert.equal(button.title, "now with help");
  assert.equal(doc.log.length, before, "no node added or removed");
});

test("a click saves the bytes under the file name and tells the kernel", async () => {
  const { doc, model, button } = setup();
  button.click();
  const link = doc.clicked.find((n) => n.tagName === "A");
  assert.ok(link, "a download link was clicked");
  assert.equal(link.download, "data.csv");
  assert.ok(link.href.startsWith("blob:"));
  assert.equal(link.parentElement, null, "the temporary link is gone again");
  const blob = await (await import("node:buffer")).resolveObjectURL(link.href);
  assert.equal(blob.type, "text/csv");
  assert.equal(await blob.text(), "a,b\n1,2\n");
  assert.deepEqual(model.sent, [{ event: "click" }]);
});

test("a disabled button neither downloads nor sends", () => {
  const { doc, model, button } = setup({ disabled: true });
  button.click();
  assert.equal(doc.clicked.filter((n) => n.tagName === "A").length, 0);
  assert.deepEqual(model.sent, []);
});

test("saveBytes falls back to a generic name and type", async () => {
  const doc = new FakeDocument();
  const a = saveBytes(doc, new Uint8Array([104, 105]), "", "");
  assert.equal(a.download, "download");
  const blob = await (await import("node:buffer")).resolveObjectURL(a.href);
  assert.equal(blob.type, "application/octet-stream");
  assert.equal(await blob.text(), "hi");
});

test("cleanup removes the listeners", () => {
  const { model, cleanup, button } = setup();
  assert.ok(model.listeners() > 0);
  cleanup();
  assert.equal(model.listeners(), 0);
  button.click();
  assert.deepEqual(model.sent, []);
});

test("deferred data: a click asks the kernel, the answer is saved, then the click is told", async () => {
  const { doc, model, button } = setup({ deferred: true, data: null });
  button.click();
  assert.equal(doc.clicked.filter((n) => n.tagName === "A").length, 0, "nothing saved yet");
  assert.deepEqual(model.sent, [{ event: "fetch" }]);
  model.receive({ event: "data", mime: "text/plain" }, [new DataView(new TextEncoder().encode("late").buffer)]);
  const link = doc.clicked.find((n) => n.tagName === "A");
  assert.equal(link.download, "data.csv");
  const blob = await (await import("node:buffer")).resolveObjectURL(link.href);
  assert.equal(await blob.text(), "late");
  assert.equal(blob.type, "text/plain");
  assert.deepEqual(model.sent, [{ event: "fetch" }, { event: "click" }]);
});

test("deferred data that failed shows why on the button and saves nothing", () => {
  const { doc, model, button } = setup({ deferred: true, data: null });
  button.click();
  model.receive({ event: "error", message: "ValueError: no data" });
  assert.equal(doc.clicked.filter((n) => n.tagName === "A").length, 0);
  assert.match(button.title, /no data/);
  assert.deepEqual(model.sent, [{ event: "fetch" }]);
});
