import assert from "node:assert/strict";
import { test } from "node:test";

import {
  columnWidth, paintCell, rowAt, rowSet, safeMediaUrl, scrollFor, tagColor, toggledRows,
} from "../grid.js";
import { FakeDocument } from "./fakes.js";

test("rowAt maps the scroll position to a row, scaled past the browser's height limit", () => {
  // 100 rows of 35 px: no scaling, one row per 35 px
  assert.deepEqual(
    [rowAt(0, 100, 35, 350).first, rowAt(70, 100, 35, 350).first, rowAt(80, 100, 35, 350).offset],
    [0, 2, 10]);
  // a million rows: the scroll range is capped, its end still shows the last rows
  const end = rowAt(1e12, 1_000_000, 35, 350);
  assert.equal(end.range, 8_000_000);
  assert.equal(end.first, 1_000_000 - 10);
  assert.equal(rowAt(end.maxScroll / 2, 1_000_000, 35, 350).first, 499_995);
});

test("scrollFor is rowAt's inverse", () => {
  for (const r of [0, 1, 12_345, 999_990]) {
    assert.equal(rowAt(scrollFor(r, 1_000_000, 35, 350), 1_000_000, 35, 350).first, r);
  }
  assert.equal(scrollFor(5, 3, 35, 350), 0);  // everything fits: no scrolling
});

test("columnWidth takes the configured width, else one from the label", () => {
  assert.equal(columnWidth({ width: "small", label: "x" }), 75);
  assert.equal(columnWidth({ width: 123, label: "x" }), 123);
  assert.equal(columnWidth({ width: "", label: "a", kind: "float" }), 90);
  assert.equal(columnWidth({ width: "", label: "x".repeat(100), kind: "text" }), 260);
});

test("paintCell draws text, missing values, checkboxes, links and lists", () => {
  const doc = new FakeDocument();
  const node = doc.createElement("div");
  const paint = (cell, placeholder) => {
    paintCell(doc, node, cell, { label: "c" }, 100, false, placeholder);
    return node;
  };
  assert.equal(paint("3.1416").textContent, "3.1416");
  assert.equal(paint(null).textContent, "None");
  assert.ok(node.classList.contains("nbstate-grid-null"));
  assert.equal(paint(null, "-").textContent, "-");
  const box = paint(true).children[0];
  assert.equal(box.tagName.toLowerCase(), "input");
  assert.equal(box.checked, true);
  assert.equal(box.disabled, true);
  const a = paint({ link: "https://x.org", text: "x" }).children[0];
  assert.equal(a.getAttribute("href"), "https://x.org");
  assert.equal(a.getAttribute("rel"), "noopener noreferrer");
  assert.equal(a.textContent, "x");
  assert.deepEqual(paint({ list: ["a", "b"] }).children.map((c) => c.textContent), ["a", "b"]);
  // text is text: markup in a cell is never parsed
  assert.equal(paint("<b>x</b>").textContent, "<b>x</b>");
  assert.equal(node.children.length, 0);
});

test("paintCell draws multiselect tags, markdown text, players and buttons", () => {
  const doc = new FakeDocument();
  const node = doc.createElement("div");
  const paint = (cell, col) => {
    paintCell(doc, node, cell, { label: "c", ...col }, 100, false, null);
    return node;
  };
  // tags: the options' labels and colours
  const tags = paint({ list: ["a", "zz"] }, { type: "multiselect", options: ["a", "b"],
    option_labels: ["A", "B"], option_colors: ["#ff0000", ""] }).children;
  assert.deepEqual(tags.map((t) => t.textContent), ["A", "zz"]);
  assert.equal(tags[0].style.background, "#ff000033");
  // markdown: its text on one line, never parsed in the cell
  assert.equal(paint({ markdown: "**a**\n<b>x</b>", html: "<p>..</p>" }, {}).textContent,
    "**a** <b>x</b>");
  assert.equal(node.children.length, 0);
  // audio / video: a play button
  const play = paint({ media: "video", url: "https://e.org/v.mp4" }, {}).children[0];
  assert.equal(play.getAttribute("aria-label"), "Play video");
  // buttons: one, or a menu of several
  const one = paint({ button: ["Open"] }, { button_type: "primary" }).children[0];
  assert.equal(one.tagName.toLowerCase(), "button");
  assert.equal(one.textContent, "Open");
  assert.ok(one.className.includes("nbstate-grid-button-primary"));
  const menu = paint({ button: ["Edit", "Delete"] }, { label: "Act" }).children[0];
  assert.equal(menu.tagName.toLowerCase(), "select");
  assert.deepEqual(menu.children.map((o) => o.textContent), ["Act \u25BE", "Edit", "Delete"]);
});

test("tagColor tints theme and CSS colours; safeMediaUrl keeps scripts out", () => {
  assert.equal(tagColor("red", 0), "#ff4b4b33");
  assert.equal(tagColor("auto", 1), "#1c83e133");
  assert.equal(tagColor("rgb(1, 2, 3)", 0), "rgb(1, 2, 3)");
  assert.equal(tagColor("", 0), "");
  assert.equal(safeMediaUrl("https://e.org/a.mp3", "audio"), "https://e.org/a.mp3");
  assert.equal(safeMediaUrl("data:audio/wav;base64,AA", "audio"), "data:audio/wav;base64,AA");
  assert.equal(safeMediaUrl("clips/a.ogg", "audio"), "clips/a.ogg");
  assert.equal(safeMediaUrl("javascript:alert(1)", "video"), "");
  assert.equal(safeMediaUrl("data:text/html,<script>", "video"), "");
});

test("select all is a range of positions, never a list of them", () => {
  const all = rowSet({ range: 10_000_000, except: [] });
  assert.equal(all.size, 10_000_000);
  assert.ok(all.has(0) && all.has(9_999_999) && !all.has(10_000_000) && !all.has(-1));
  // a click on a selected row after "select all" leaves the others selected
  const one_off = toggledRows({ range: 10_000_000, except: [] }, 5, false);
  assert.deepEqual(one_off, { range: 10_000_000, except: [5] });
  assert.ok(JSON.stringify(one_off).length < 100, "what is sent stays small");
  const s = rowSet(one_off);
  assert.equal(s.size, 9_999_999);
  assert.ok(!s.has(5) && s.has(4) && s.has(6));
  assert.deepEqual(toggledRows(one_off, 5, false), { range: 10_000_000, except: [] });
  // lists as before
  assert.deepEqual(toggledRows([1, 2], 2, false), [1]);
  assert.deepEqual(toggledRows([1, 2], 3, false), [1, 2, 3]);
  assert.deepEqual(toggledRows([1], 3, true), [3]);
  assert.equal(rowSet([1, 2, 2]).size, 2);
  assert.equal(rowSet(undefined).size, 0);
});
