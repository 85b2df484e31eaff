// nbstate plotly_chart: an anywidget ESM module (no build step, no lab extension).
//
// Draws a Plotly figure (the `figure` trait: JSON text of {data, layout, config}) with
// plotly.js, the same way in JupyterLab, Notebook 7, VS Code and Voila. plotly.js is the copy
// the `plotly` Python package ships, sent once per page by the kernel on request (no network).
//
// - Width: without `fill` (width="content"), the figure's own width, else 700 px (as
//   Streamlit); with `fill`, the figure is as wide as its element; a ResizeObserver that reacts to
//   width changes only (never to height: no resize loop) relayouts it at the new width. Its
//   height is `height` pixels (the figure's own layout height, else Plotly's 450).
// - Selections (`selection_mode`: "points", "box", "lasso"), as Streamlit's frontend: a click
//   selects a point (clickmode "event+select"), a drag a box or lasso; plotly_selected sends
//   {selection: {points, point_indices, box, lasso}}, a double click (plotly_deselect) the
//   empty selection.

// shared by every chart of the page (anywidget may load this module once per widget)
const shared = (globalThis.__nbstatePlotly = globalThis.__nbstatePlotly || { loading: null });

function loadPlotly(model) {
  if (shared.loading) return shared.loading;
  shared.loading = new Promise((resolve, reject) => {
    const onMsg = (msg) => {
      if (!msg || msg.type !== "plotly-lib") return;
      model.off("msg:custom", onMsg);
      try {
        const hadGlobal = Object.prototype.hasOwnProperty.call(globalThis, "Plotly");
        const previous = globalThis.Plotly;
        const module = { exports: {} };
        new Function("module", "exports", "define", msg.source).call(globalThis, module,
          module.exports, undefined);
        if (hadGlobal) globalThis.Plotly = previous;
        else delete globalThis.Plotly;
        resolve(module.exports);
      } catch (e) {
        reject(e);
      }
    };
    model.on("msg:custom", onMsg);
    model.send({ event: "plotly-lib" });
    // no answer (the asking chart was closed first): give up, the next chart asks again
    setTimeout(() => {
      model.off("msg:custom", onMsg);
      reject(new Error("the kernel did not send the chart library"));
    }, 30000);
  }).catch((e) => {
    shared.loading = null;
    throw e;
  });
  return shared.loading;
}

function snake(key) {
  return key.replace(/([A-Z])/g, (c) => `_${c.toLowerCase()}`);
}

/** Streamlit's selection state of a plotly_selected event. */
export function selectionState(event, modes) {
  const out = { selection: { points: [], point_indices: [], box: [], lasso: [] } };
  if (!event) return out;
  const indices = new Set();
  for (const point of event.points || []) {
    const p = {};
    for (const [k, v] of Object.entries(point)) {
      if (["data", "fullData", "xaxis", "yaxis", "bbox"].includes(k)) continue;
      if (v !== null && typeof v === "object" && !Array.isArray(v)) continue;
      if (typeof v === "function" || v === undefined) continue;
      p[snake(k)] = v;
    }
    const group = point.data && point.data.legendgroup;
    if (group) p.legendgroup = group;
    out.selection.points.push(p);
    if (point.pointIndex !== undefined && point.pointIndex !== null) indices.add(point.pointIndex);
    for (const i of point.pointIndices || []) indices.add(i);
  }
  out.selection.point_indices = [...indices];
  for (const s of event.selections || []) {
    if (s.type === "rect" && "x0" in s) {
      out.selection.box.push({ xref: s.xref, yref: s.yref, x: [s.x0, s.x1], y: [s.y0, s.y1] });
    } else if (s.type === "path" && s.path) {
      const pts = s.path.replace("M", "").replace("Z", "").split("L").map((q) => q.split(",").map(Number));
      out.selection.lasso.push({ xref: s.xref, yref: s.yref, x: pts.map((q) => q[0]),
        y: pts.map((q) => q[1]) });
    }
  }
  if (out.selection.box.length && !modes.includes("box")) return null;
  if (out.selection.lasso.length && !modes.includes("lasso")) return null;
  return out;
}

export default {
  render({ model, el }) {
    el.classList.add("nbstate-plotly-chart");
    el.style.display = "block";
    el.style.maxWidth = "100%";
    const box = el.ownerDocument.createElement("div");
    box.style.width = "100%";
    el.append(box);
    let Plotly = null;
    let lastWidth = 0;
    let drawn = false;

    const layoutFor = (figure) => {
      const layout = { ...(figure.layout || {}) };
      const height = model.get("height") || layout.height || 450;
      layout.height = height;
      if (model.get("fill")) {
        lastWidth = Math.floor(el.clientWidth) || lastWidth || 700;
        layout.width = lastWidth;
        layout.autosize = false;
      } else if (!layout.width) {
        layout.width = 700; // Streamlit's width="content": the figure's width, else 700
      }
      const modes = model.get("selection_mode") || [];
      if (modes.length) {
        if (modes.includes("points")) layout.clickmode = "event+select";
        if (!layout.dragmode || layout.dragmode === "zoom") {
          layout.dragmode = modes.includes("box") ? "select" : modes.includes("lasso") ? "lasso" : layout.dragmode;
        }
      }
      return layout;
    };

    const draw = async () => {
      let figure;
      try {
        figure = JSON.parse(model.get("figure") || "{}");
      } catch (e) {
        box.textContent = `The figure is not JSON: ${e}`;
        return;
      }
      try {
        Plotly = Plotly || await loadPlotly(model);
      } catch (e) {
        box.textContent = `plotly.js could not be loaded: ${e}`;
        return;
      }
      let extra = {};
      try {
        extra = JSON.parse(model.get("config") || "{}");
      } catch (e) {
        extra = {};
      }
      const config = { responsive: false, displaylogo: false, ...extra };
      await Plotly.react(box, figure.data || [], layoutFor(figure), config);
      if (!drawn) {
        drawn = true;
        const modes = () => model.get("selection_mode") || [];
        box.on("plotly_selected", (event) => {
          if (!modes().length) return;
          const state = selectionState(event, modes());
          if (state) model.send({ event: "select", value: state });
        });
        box.on("plotly_deselect", () => {
          if (!modes().length) return;
          model.send({ event: "select", value: selectionState(null, modes()) });
        });
      }
    };

    const observer = new ResizeObserver((entries) => {
      if (!drawn || !model.get("fill")) return;
      const width = Math.floor(entries[entries.length - 1].contentRect.width);
      if (width > 0 && width !== lastWidth) { // width changes only
        lastWidth = width;
        Plotly.relayout(box, { width });
      }
    });
    observer.observe(el);
    const redraw = () => draw();
    model.on("change:figure", redraw);
    model.on("change:height", redraw);
    model.on("change:selection_mode", redraw);
    model.on("change:config", redraw);
    draw();
    return () => {
      observer.disconnect();
      model.off("change:figure", redraw);
      model.off("change:height", redraw);
      model.off("change:selection_mode", redraw);
      if (Plotly && drawn) Plotly.purge(box);
    };
  },
};
