// nbstate vega_chart: an anywidget ESM module (no build step, no lab extension).
//
// Draws a Vega-Lite spec (the `spec` trait, JSON text) with vega-embed, the same way in
// JupyterLab, Notebook 7, VS Code and Voila, and reports selections as Streamlit does.
//
// - Version: the spec's "$schema" names its Vega-Lite version. Vega 6, Vega-Lite 6 and
//   vega-embed 7 ship with nbstate (nbstate/js/vendor, sent once per page by the kernel on
//   request: no network needed). A spec that declares another major version (v5) is drawn with
//   that version loaded from a CDN when the browser can reach one; without a network it is
//   drawn by the shipped Vega-Lite 6 (which reads v5 specs), its "$schema" replaced so that no
//   version warning is logged on every redraw.
// - Width: a spec whose width is "container" (Streamlit's width="stretch") is never handed to
//   Vega as "container" (Vega then follows its container's size, and a page whose height
//   depends on the chart can resize forever: it froze Voila). The chart is drawn at the
//   element's measured width (autosize "fit-x", axes included), and a ResizeObserver that
//   reacts to width changes only (never to height) redraws it at the new width.
// - Selections (`selection_mode`: the selection parameters to report): as Streamlit's
//   useVegaLiteSelections, a signal listener per parameter, debounced 150 ms; a point
//   selection reports its `vlPoint.or` list, an interval its {field: [lo, hi]}; the message
//   {event: "select", value: {selection: {...}}} carries every parameter reported so far.
// - Theme: with theme "streamlit" (Streamlit's default), Streamlit's chart look (font,
//   palette, grid); with "" Vega-Lite's own, in vega-embed's "dark" theme under a dark
//   notebook theme. Either is redrawn when the notebook switches between light and dark.

const BUNDLED_MAJOR = 6;
const CDN = {
  5: "https://esm.sh/vega-embed@6?deps=vega@5&deps=vega-lite@5",
  6: "https://esm.sh/vega-embed@7?deps=vega@6&deps=vega-lite@6",
};
const DEBOUNCE_MS = 150;

// shared by every chart of the page (anywidget may load this module once per widget): the
// libraries are asked for and evaluated once
const shared = (globalThis.__nbstateVega = globalThis.__nbstateVega || { bundled: null, cdn: {} });
const fromCdn = shared.cdn; // major -> Promise<vegaEmbed | null>

/** The major Vega-Lite version a spec declares ("$schema"), or null. */
export function declaredMajor(spec) {
  const m = /vega-lite\/v(\d+)/.exec((spec && spec.$schema) || "");
  return m ? Number(m[1]) : null;
}

/** Run UMD bundles (vega, vega-lite, vega-embed) and return vegaEmbed, leaving the page's
 * globals as they were (the bundles set globalThis.vega, vegaLite and vegaEmbed). */
export function evaluateBundles(sources) {
  const scope = globalThis;
  const names = ["vega", "vegaLite", "vegaEmbed"];
  const saved = names.map((n) => [n, Object.prototype.hasOwnProperty.call(scope, n), scope[n]]);
  try {
    for (const src of sources) {
      // define/module/exports shadowed: the UMD wrappers then set globals, never AMD modules
      new Function("define", "module", "exports", src).call(scope);
    }
    const embed = scope.vegaEmbed;
    if (typeof embed !== "function") throw new Error("vega-embed did not load");
    return embed;
  } finally {
    for (const [n, had, v] of saved) {
      if (had) scope[n] = v;
      else delete scope[n];
    }
  }
}

function loadBundled(model) {
  if (shared.bundled) return shared.bundled;
  shared.bundled = new Promise((resolve, reject) => {
    const onMsg = (msg) => {
      if (!msg || msg.type !== "vega-lib") return;
      model.off("msg:custom", onMsg);
      try {
        resolve(evaluateBundles(msg.sources));
      } catch (e) {
        reject(e);
      }
    };
    model.on("msg:custom", onMsg);
    model.send({ event: "vega-lib" });
    // no answer (the asking chart was closed first): give up, the next chart asks again
    setTimeout(() => {
      model.off("msg:custom", onMsg);
      reject(new Error("the kernel did not send the chart library"));
    }, 30000);
  }).catch((e) => {
    shared.bundled = null;
    throw e;
  });
  return shared.bundled;
}

function loadCdn(major) {
  if (!(major in fromCdn)) {
    const url = CDN[major];
    fromCdn[major] = !url ? Promise.resolve(null) : Promise.race([
      import(/* webpackIgnore: true */ url).then((m) => m.default || null),
      new Promise((resolve) => setTimeout(() => resolve(null), 4000)),
    ]).catch(() => null);
  }
  return fromCdn[major];
}

/** vegaEmbed for a spec, and the spec to give it. */
async function embedderFor(model, spec) {
  const major = declaredMajor(spec);
  if (major !== null && major !== BUNDLED_MAJOR) {
    const embed = await loadCdn(major);
    if (embed) return [embed, spec];
    const copy = { ...spec };
    delete copy.$schema; // drawn by the shipped Vega-Lite: no version warning per redraw
    return [await loadBundled(model), copy];
  }
  return [await loadBundled(model), spec];
}

/** Streamlit's value for one selection parameter's signal value. */
export function selectionValue(value) {
  if (value && typeof value === "object" && value.vlPoint && "or" in value.vlPoint) {
    return value.vlPoint.or;
  }
  return value || {};
}

/** The spec as drawn at `width` pixels when it fills its container. */
export function sizedSpec(spec, width, height) {
  const out = { ...spec };
  if (out.width === "container") {
    out.width = Math.max(50, Math.floor(width));
    const auto = typeof out.autosize === "object" ? out.autosize : {};
    out.autosize = { ...auto, type: "fit-x", contains: "padding" };
  }
  if (height > 0) out.height = height;
  return out;
}

/** Streamlit's chart look (theme="streamlit"): its font, categorical palette, light grid, no
 * frame; a spec's own config wins over it. */
export function streamlitConfig(dark) {
  const text = dark ? "#fafafa" : "#31333f";
  const grid = dark ? "#31333f" : "#e6eaf1";
  return {
    font: '"Source Sans Pro", "Source Sans 3", sans-serif',
    background: null,
    view: { stroke: null },
    axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 400, labelColor: text,
            titleColor: text, gridColor: grid, domainColor: grid, tickColor: grid,
            labelPadding: 4 },
    legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 400, labelColor: text,
              titleColor: text },
    title: { fontSize: 14, fontWeight: 600, color: text },
    range: { category: ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1",
                        "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"] },
    mark: { color: "#0068c9" },
    line: { strokeWidth: 2 },
  };
}

/** vega-embed's "dark" theme under a dark notebook theme (JupyterLab, Notebook 7 and Voila
 * mark the body with data-jp-theme-light; VS Code gives it the class vscode-dark or
 * vscode-high-contrast), else none. */
export function themeFor(doc) {
  const body = doc && doc.body;
  const light = body && body.dataset ? body.dataset.jpThemeLight : undefined;
  const cls = body && body.classList;
  const vscodeDark = Boolean(cls && (cls.contains("vscode-dark") || (
    cls.contains("vscode-high-contrast") && !cls.contains("vscode-high-contrast-light"))));
  return light === "false" || vscodeDark ? "dark" : undefined;
}

function debounce(ms, fn) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

export default {
  render({ model, el }) {
    el.classList.add("nbstate-vega-chart");
    el.style.display = "block";
    el.style.maxWidth = "100%";
    el.style.boxSizing = "border-box";
    const box = el.ownerDocument.createElement("div");
    box.className = "nbstate-vega-chart-view";
    box.style.width = "100%";
    el.append(box);
    let view = null;
    let measured = 0; // the element's latest width (ResizeObserver)
    let drawnWidth = 0; // the width the view was drawn at
    let fills = false;
    let generation = 0;
    let selections = {};

    const widthNow = () => Math.floor(el.clientWidth) || measured || 600;
    const follow = () => {
      // a container-wide chart takes the element's width (width changes only)
      if (!fills || !view) return;
      const width = widthNow();
      if (width > 0 && width !== drawnWidth) {
        drawnWidth = width;
        view.width(Math.max(50, width)).runAsync();
      }
    };

    const draw = async () => {
      const mine = ++generation;
      let spec;
      try {
        spec = JSON.parse(model.get("spec") || "{}");
      } catch (e) {
        box.textContent = `The chart's spec is not JSON: ${e}`;
        return;
      }
      fills = spec.width === "container";
      el.style.width = fills ? "100%" : "";
      let embed;
      try {
        [embed, spec] = await embedderFor(model, spec);
      } catch (e) {
        box.textContent = `Vega-Lite could not be loaded: ${e}`;
        return;
      }
      if (mine !== generation) return;
      const width = widthNow();
      const sized = sizedSpec(spec, width, model.get("height"));
      const old = view;
      let result;
      try {
        const options = { actions: false, renderer: "svg" };
        const theme = themeFor(el.ownerDocument);
        if (model.get("theme") === "streamlit") options.config = streamlitConfig(theme === "dark");
        else if (theme) options.theme = theme;
        result = await embed(box, sized, options);
      } catch (e) {
        box.textContent = `The chart could not be drawn: ${e}`;
        return;
      }
      if (mine !== generation) {
        result.finalize();
        return;
      }
      if (old) old.finalize();
      view = result.view;
      drawnWidth = Math.max(50, Math.floor(width));
      follow(); // the element may have been laid out (or resized) while drawing
      selections = {};
      for (const name of model.get("selection_mode") || []) {
        try {
          view.addSignalListener(name, debounce(DEBOUNCE_MS, (_name, value) => {
            selections = { ...selections, [name]: selectionValue(value) };
            model.send({ event: "select", value: { selection: selections } });
          }));
        } catch (e) {
          console.warn(`nbstate: the chart has no selection parameter ${name}`, e);
        }
      }
    };

    const observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[entries.length - 1].contentRect.width);
      if (width > 0) measured = width;
      follow(); // never reacts to a height change: the width is all it compares
    });
    observer.observe(el);
    // the notebook's theme switched (light <-> dark): redraw with the matching theme
    const body = el.ownerDocument.body;
    let theme = themeFor(el.ownerDocument);
    const themeWatch = new MutationObserver(() => {
      const now = themeFor(el.ownerDocument);
      if (now !== theme) {
        theme = now;
        draw();
      }
    });
    if (body) themeWatch.observe(body, { attributes: true, attributeFilter: ["data-jp-theme-light", "class"] });
    model.on("change:spec", draw);
    model.on("change:height", draw);
    model.on("change:selection_mode", draw);
    model.on("change:theme", draw);
    draw();
    return () => {
      generation += 1;
      observer.disconnect();
      themeWatch.disconnect();
      if (view) view.finalize();
      model.off("change:spec", draw);
      model.off("change:height", draw);
      model.off("change:selection_mode", draw);
      model.off("change:theme", draw);
    };
  },
};
