// nbstate component_frame: a Streamlit custom component (st.components.v1.declare_component)
// in the live notebook (an anywidget ESM module).
//
// The page of the component runs in a sandboxed iframe and speaks Streamlit's component
// protocol with its host (window.postMessage), as in Streamlit's frontend:
//   page -> host  {isStreamlitMessage: true, type: "streamlit:componentReady", apiVersion: 1}
//   host -> page  {type: "streamlit:render", args, dfs: [], disabled, theme}
//   page -> host  {isStreamlitMessage: true, type: "streamlit:setComponentValue", value, dataType}
//   page -> host  {isStreamlitMessage: true, type: "streamlit:setFrameHeight", height}
// The model's traits: src (the page), args (the call's keyword arguments), disabled, name,
// tab_index, sandbox, allow, ready_timeout_ms. A value goes to the kernel as a custom message
// {event: "value", value} (every time, as Streamlit reruns on every setComponentValue).

export const THEME = {
  base: "light", primaryColor: "#ff4b4b", backgroundColor: "#ffffff",
  secondaryBackgroundColor: "#f0f2f6", textColor: "#31333F",
  font: '"Source Sans Pro", sans-serif',
};

/** The page's URL with Streamlit's `streamlitUrl` query parameter. */
export function pageUrl(src, location) {
  const url = new URL(src, location.href);
  url.searchParams.set("streamlitUrl", location.origin + location.pathname);
  return url.toString();
}

/** Handle one message of the page; returns what it did (for tests). */
export function handle(state, data, model, frame, render) {
  if (!data || data.isStreamlitMessage !== true) return "ignored";
  switch (data.type) {
    case "streamlit:componentReady":
      if (data.apiVersion !== 1) {
        state.note(`Unrecognized component API version: '${data.apiVersion}'`);
        return "bad-version";
      }
      state.ready = true;
      state.note(null);
      render();
      return "ready";
    case "streamlit:setComponentValue":
      if (!state.ready) return "early";
      if (data.dataType && data.dataType !== "json") {
        model.send({ event: "value", unsupported: String(data.dataType) });
      } else {
        model.send({ event: "value", value: data.value === undefined ? null : data.value });
      }
      return "value";
    case "streamlit:setFrameHeight":
      if (!state.ready) return "early";
      frame.style.height = `${Math.max(0, Number(data.height) || 0)}px`;
      return "height";
    default:
      return "unknown";
  }
}

export default {
  render({ model, el }) {
    const doc = el.ownerDocument;
    const win = doc.defaultView;
    const note = doc.createElement("div");
    note.className = "nbstate-component-note";
    note.style.cssText = "display: none; padding: 0.6em 1em; border-radius: 0.5em; " +
      "border-left: 0.3em solid #ffbd45; background: rgba(255, 189, 69, 0.15);";
    const frame = doc.createElement("iframe");
    frame.className = "nbstate-component";
    frame.setAttribute("sandbox", model.get("sandbox"));
    frame.setAttribute("allow", model.get("allow"));
    frame.setAttribute("scrolling", "no");
    frame.title = model.get("name");
    frame.style.cssText = "width: 100%; height: 0px; border: none; display: block;";
    const tab = model.get("tab_index");
    if (tab !== null && tab !== undefined) frame.tabIndex = tab;
    el.append(note, frame);

    const state = {
      ready: false,
      note(text) {
        note.textContent = text || "";
        note.style.display = text ? "" : "none";
      },
    };
    const render = () => {
      if (!state.ready || !frame.contentWindow) return;
      frame.contentWindow.postMessage({
        type: "streamlit:render", args: model.get("args") || {}, dfs: [],
        disabled: !!model.get("disabled"), theme: THEME,
      }, "*");
    };
    const onMessage = (event) => {
      if (event.source !== frame.contentWindow) return;
      handle(state, event.data, model, frame, render);
    };
    win.addEventListener("message", onMessage);
    let timer = null;
    const load = () => {
      state.ready = false;
      clearTimeout(timer);
      frame.src = pageUrl(model.get("src"), win.location);
      timer = setTimeout(() => {
        if (!state.ready) {
          state.note(`The component "${model.get("name")}" has not loaded from ` +
            `${model.get("src")}. A component built into a folder (path=) is served by the ` +
            "kernel on 127.0.0.1: a browser on another machine than the kernel cannot reach " +
            "it. A url= component needs its server running.");
        }
      }, model.get("ready_timeout_ms"));
    };
    model.on("change:args", render);
    model.on("change:disabled", render);
    model.on("change:src", load);
    load();
    return () => {
      win.removeEventListener("message", onMessage);
      clearTimeout(timer);
    };
  },
};
