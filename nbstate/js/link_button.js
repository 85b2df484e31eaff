// nbstate link_button: an anywidget ESM module (no build step, no lab extension).
//
// st.link_button: a button-styled link that opens `url` in a new tab. When `report` is true
// (on_click="rerun" or a callback), a click also sends {event: "click"} to the kernel.
// Traits: label, url, disabled, help, button_type ("primary" | "secondary" | "tertiary"),
// report, stretch (as wide as its container).

const STYLE = {
  primary: "background:#ff4b4b;color:#fff;border:1px solid #ff4b4b;",
  secondary: "background:transparent;color:inherit;border:1px solid rgba(128,128,128,.45);",
  tertiary: "background:transparent;color:inherit;border:none;",
};

export function draw(a, model) {
  const type = model.get("button_type") || "secondary";
  a.textContent = model.get("label");
  a.href = model.get("url");
  a.title = model.get("help") || "";
  a.setAttribute("aria-disabled", model.get("disabled") ? "true" : "false");
  a.style.cssText = "display:inline-block;padding:.3em .9em;border-radius:.5em;" +
    "text-decoration:none;font:inherit;cursor:pointer;" + (STYLE[type] || STYLE.secondary) +
    (model.get("stretch") ? "width:100%;text-align:center;box-sizing:border-box;" : "") +
    (model.get("disabled") ? "opacity:.4;pointer-events:none;" : "");
}

export default {
  render({ model, el }) {
    const a = el.ownerDocument.createElement("a");
    a.className = "nbstate-link-button";
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    const redraw = () => draw(a, model);
    redraw();
    a.addEventListener("click", (ev) => {
      if (model.get("disabled")) {
        ev.preventDefault();
        return;
      }
      if (model.get("report")) model.send({ event: "click" });
    });
    el.appendChild(a);
    model.on("change", redraw);
    return () => model.off("change", redraw);
  },
};
