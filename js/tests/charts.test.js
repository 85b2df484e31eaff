import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { selectionState } from "../plotly_chart.js";
import { declaredMajor, evaluateBundles, selectionValue, sizedSpec, streamlitConfig, themeFor } from "../vega_chart.js";

const vendor = (name) => readFileSync(new URL(`../../nbstate/js/vendor/${name}`, import.meta.url), "utf8");

test("the declared Vega-Lite major version is read from $schema", () => {
  assert.equal(declaredMajor({ $schema: "https://vega.github.io/schema/vega-lite/v6.4.1.json" }), 6);
  assert.equal(declaredMajor({ $schema: "https://vega.github.io/schema/vega-lite/v5.json" }), 5);
  assert.equal(declaredMajor({ mark: "bar" }), null);
});

test("a container-wide spec is drawn at the measured width, never 'container'", () => {
  const out = sizedSpec({ width: "container", mark: "bar" }, 612.7, 0);
  assert.equal(out.width, 612);
  assert.deepEqual(out.autosize, { type: "fit-x", contains: "padding" });
  assert.deepEqual(sizedSpec({ width: 200, mark: "bar" }, 600, 250), { width: 200, mark: "bar", height: 250 });
});

test("selections have Streamlit's shape: points as the vlPoint.or list, intervals as they are", () => {
  assert.deepEqual(selectionValue({ name: ["c"], vlPoint: { or: [{ name: "c" }] } }), [{ name: "c" }]);
  assert.deepEqual(selectionValue({ x: [1, 2] }), { x: [1, 2] });
  assert.deepEqual(selectionValue(null), {});
});

test("the shipped bundles load in order, give vegaEmbed and leave the globals alone", () => {
  globalThis.vega = "theirs";
  try {
    const embed = evaluateBundles([vendor("vega.min.js"), vendor("vega-lite.min.js"),
      vendor("vega-embed.min.js")]);
    assert.equal(typeof embed, "function");
    assert.equal(globalThis.vega, "theirs");
    assert.equal("vegaLite" in globalThis || "vegaEmbed" in globalThis, false);
  } finally {
    delete globalThis.vega;
  }
});

test("a plotly selection event becomes Streamlit's PlotlyState", () => {
  const event = {
    points: [{ x: 2, y: 1, curveNumber: 0, pointIndex: 1, pointNumber: 1, data: { legendgroup: "g" },
               fullData: {}, xaxis: {}, yaxis: {} }],
    selections: [{ type: "rect", xref: "x", yref: "y", x0: 1, x1: 3, y0: 0, y1: 2 }],
  };
  assert.deepEqual(selectionState(event, ["points", "box"]), { selection: {
    points: [{ x: 2, y: 1, curve_number: 0, point_index: 1, point_number: 1, legendgroup: "g" }],
    point_indices: [1], box: [{ xref: "x", yref: "y", x: [1, 3], y: [0, 2] }], lasso: [] } });
  assert.equal(selectionState(event, ["points"]), null); // box selections are not reported
  const lasso = selectionState({ points: [], selections: [{ type: "path", xref: "x", yref: "y",
    path: "M1,2L3,4L5,0Z" }] }, ["lasso"]);
  assert.deepEqual(lasso.selection.lasso, [{ xref: "x", yref: "y", x: [1, 3, 5], y: [2, 4, 0] }]);
});

test("a dark notebook theme draws Vega charts with vega-embed's dark theme", () => {
  assert.equal(themeFor({ body: { dataset: { jpThemeLight: "false" } } }), "dark");
  assert.equal(themeFor({ body: { dataset: { jpThemeLight: "true" } } }), undefined);
  assert.equal(themeFor({ body: { dataset: {} } }), undefined);
  // VS Code: the body's theme class
  const vscode = (...names) => ({ body: { dataset: {}, classList: new Set(names) } });
  for (const b of [vscode("vscode-dark"), vscode("vscode-high-contrast")]) {
    b.body.classList.contains = b.body.classList.has;
    assert.equal(themeFor(b), "dark");
  }
  for (const b of [vscode("vscode-light"), vscode("vscode-high-contrast-light")]) {
    b.body.classList.contains = b.body.classList.has;
    assert.equal(themeFor(b), undefined);
  }
});

test("Streamlit's chart look: its palette and font, text readable in both themes", () => {
  const light = streamlitConfig(false);
  const dark = streamlitConfig(true);
  assert.equal(light.range.category[0], "#0068c9");
  assert.match(light.font, /Source Sans/);
  assert.equal(light.axis.labelColor, "#31333f");
  assert.equal(dark.axis.labelColor, "#fafafa");
});
