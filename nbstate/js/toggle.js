// nbstate toggle: an anywidget ESM module (no build step, no lab extension).
//
// st.toggle as Streamlit draws it: a switch (a button with role="switch" and aria-checked)
// and its label beside it. Traits: value (bool, the widget's value: a click flips it and
// sends it), description, disabled, tooltip (the help text: a "?" after the label).

const TRAITS = ["value", "description", "disabled", "tooltip"];

function render({ model, el }) {
  const doc = el.ownerDocument || globalThis.document;
  el.classList.add("nbstate-toggle");
  const row = doc.createElement("label");
  row.className = "nbstate-toggle-row";
  const sw = doc.createElement("button");
  sw.type = "button";
  sw.className = "nbstate-switch";
  sw.setAttribute("role", "switch");
  const thumb = doc.createElement("span");
  thumb.className = "nbstate-switch-thumb";
  sw.appendChild(thumb);
  const text = doc.createElement("span");
  text.className = "nbstate-toggle-text";
  const help = doc.createElement("span");
  help.className = "nbstate-help-icon";
  help.textContent = "?";
  row.appendChild(sw);
  row.appendChild(text);
  row.appendChild(help);
  el.appendChild(row);

  const sync = () => {
    const on = Boolean(model.get("value"));
    sw.setAttribute("aria-checked", on ? "true" : "false");
    sw.disabled = Boolean(model.get("disabled"));
    const label = String(model.get("description") ?? "");
    text.textContent = label;
    sw.setAttribute("aria-label", label);
    const tip = model.get("tooltip");
    help.style.display = tip ? "" : "none";
    if (tip) help.title = String(tip);
    else help.removeAttribute("title");
  };
  sync();
  for (const t of TRAITS) model.on(`change:${t}`, sync);
  const onClick = (e) => {
    e.preventDefault(); // the label would click the switch a second time
    if (e.target === help || model.get("disabled")) return;
    model.set("value", !model.get("value"));
    model.save_changes();
  };
  row.addEventListener("click", onClick);
  return () => {
    row.removeEventListener("click", onClick);
    for (const t of TRAITS) model.off(`change:${t}`, sync);
  };
}

export default { render };
