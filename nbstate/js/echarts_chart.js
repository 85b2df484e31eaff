// nbstate echarts_chart: an anywidget ESM module (no build step, no lab extension).
//
// st.echarts_chart: an Apache ECharts chart of the option `spec` (JSON text), `height` pixels
// tall, drawn with the `renderer` ("canvas" | "svg"). ECharts is loaded from a CDN as an ES
// module the first time; a browser that cannot load it shows the option as JSON with a note.

const SOURCE = "https://cdn.jsdelivr.net/npm/echarts@5/dist/echarts.esm.min.js";
let loading = null;

export function loadECharts(importer = (url) => import(url)) {
  if (!loading) loading = importer(SOURCE).catch((e) => { loading = null; throw e; });
  return loading;
}

export function fallback(el, spec, error) {
  el.innerHTML = "";
  const note = el.ownerDocument.createElement("div");
  note.className = "nbstate-echarts-fallback";
  note.textContent = `ECharts could not be loaded (${error}); the chart's option:`;
  const pre = el.ownerDocument.createElement("pre");
  pre.textContent = JSON.stringify(JSON.parse(spec || "{}"), null, 2);
  el.append(note, pre);
}

export default {
  render({ model, el }) {
    const box = el.ownerDocument.createElement("div");
    box.className = "nbstate-echarts";
    box.style.width = "100%";
    box.style.height = `${model.get("height") || 400}px`;
    el.appendChild(box);
    let chart = null;
    let gone = false;
    const draw = () => {
      const option = JSON.parse(model.get("spec") || "{}");
      if (chart) chart.setOption(option, true);
    };
    loadECharts().then((echarts) => {
      if (gone) return;
      chart = echarts.init(box, null, { renderer: model.get("renderer") || "canvas" });
      draw();
    }).catch((e) => { if (!gone) fallback(box, model.get("spec"), e && e.message); });
    model.on("change:spec", draw);
    const win = el.ownerDocument.defaultView;
    const resize = () => chart && chart.resize();
    if (win) win.addEventListener("resize", resize);
    return () => {
      gone = true;
      model.off("change:spec", draw);
      if (win) win.removeEventListener("resize", resize);
      if (chart) chart.dispose();
    };
  },
};
