// nbstate multiselect: an anywidget ESM module (no build step, no lab extension).
//
// st.multiselect as Streamlit draws it: the chosen options as tags (each with a remove
// button) in one box, and a dropdown of the other options that typing filters. A plain click
// on an option adds it (a native listbox would replace the selection); Enter adds the first
// option shown, Backspace in an empty field removes the last tag, Escape closes the list.
// Traits: options (the option labels), index (the chosen options' positions: the value sent
// to the kernel), description, disabled, tooltip, placeholder, max_selections (0: no limit).

const TRAITS = ["options", "index", "description", "disabled", "tooltip", "placeholder",
  "max_selections"];

/** The positions of the options not chosen whose label contains `text` (any case). */
export function filterOptions(options, chosen, text) {
  const want = String(text || "").trim().toLowerCase();
  const taken = new Set(chosen);
  const out = [];
  options.forEach((label, i) => {
    if (!taken.has(i) && String(label).toLowerCase().includes(want)) out.push(i);
  });
  return out;
}

/** The new index list after adding option `i` (unchanged past max_selections). */
export function addOption(chosen, i, max) {
  if (chosen.includes(i) || (max > 0 && chosen.length >= max)) return chosen;
  return [...chosen, i];
}

function render({ model, el }) {
  const doc = el.ownerDocument || globalThis.document;
  const win = doc.defaultView || globalThis;
  el.classList.add("nbstate-multiselect", "widget-inline-hbox");
  const label = doc.createElement("label");
  label.className = "widget-label";
  const box = doc.createElement("div");
  box.className = "nbstate-ms-box";
  box.setAttribute("role", "combobox");
  box.setAttribute("aria-haspopup", "listbox");
  const tags = doc.createElement("div");
  tags.className = "nbstate-ms-tags";
  const input = doc.createElement("input");
  input.className = "nbstate-ms-input";
  input.type = "text";
  input.setAttribute("autocomplete", "off");
  const clear = doc.createElement("button");
  clear.type = "button";
  clear.className = "nbstate-ms-clear";
  clear.setAttribute("aria-label", "Clear all");
  clear.textContent = "\u00d7";
  const menu = doc.createElement("div");
  menu.className = "nbstate-ms-menu";
  menu.setAttribute("role", "listbox");
  menu.setAttribute("aria-multiselectable", "true");
  tags.appendChild(input);
  box.appendChild(tags);
  box.appendChild(clear);
  el.appendChild(label);
  el.appendChild(box);
  el.appendChild(menu);
  let open = false;

  const chosen = () => [...(model.get("index") || [])];
  const send = (index) => {
    model.set("index", index);
    model.save_changes();
  };
  const place = () => {
    const r = box.getBoundingClientRect();
    menu.style.left = `${r.left}px`;
    menu.style.top = `${r.bottom + 2}px`;
    menu.style.width = `${r.width}px`;
  };
  const drawMenu = () => {
    menu.textContent = "";
    menu.style.display = open ? "" : "none";
    box.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) return;
    place();
    const options = model.get("options") || [];
    const max = Number(model.get("max_selections") || 0);
    if (max > 0 && chosen().length >= max) {
      const note = doc.createElement("div");
      note.className = "nbstate-ms-note";
      note.textContent = `You can only select up to ${max} option${max === 1 ? "" : "s"}. ` +
        "Remove an option first.";
      menu.appendChild(note);
      return;
    }
    const shown = filterOptions(options, chosen(), input.value);
    if (!shown.length) {
      const note = doc.createElement("div");
      note.className = "nbstate-ms-note";
      note.textContent = "No results";
      menu.appendChild(note);
    }
    for (const i of shown) {
      const item = doc.createElement("div");
      item.className = "nbstate-ms-option";
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.textContent = String(options[i]);
      // mousedown: the field keeps the focus (a click would blur it and close the list)
      item.addEventListener("mousedown", (e) => {
        e.preventDefault();
        send(addOption(chosen(), i, max));
        input.value = "";
        drawMenu();
      });
      menu.appendChild(item);
    }
  };
  const draw = () => {
    const options = model.get("options") || [];
    const disabled = Boolean(model.get("disabled"));
    label.textContent = String(model.get("description") ?? "");
    label.style.display = label.textContent ? "" : "none";
    const tip = model.get("tooltip");
    el.classList.toggle("nbstate-help", Boolean(tip && label.textContent));
    if (tip) label.title = String(tip);
    else label.removeAttribute("title");
    for (const t of [...tags.querySelectorAll(".nbstate-ms-tag")]) t.remove();
    for (const i of chosen()) {
      const tag = doc.createElement("span");
      tag.className = "nbstate-ms-tag";
      const text = doc.createElement("span");
      text.textContent = String(options[i] ?? "");
      const x = doc.createElement("button");
      x.type = "button";
      x.className = "nbstate-ms-remove";
      x.setAttribute("aria-label", `Remove ${options[i] ?? ""}`);
      x.textContent = "\u00d7";
      x.disabled = disabled;
      x.addEventListener("mousedown", (e) => {
        e.preventDefault();
        e.stopPropagation();
        send(chosen().filter((k) => k !== i));
        drawMenu();
      });
      tag.appendChild(text);
      tag.appendChild(x);
      tags.insertBefore(tag, input);
    }
    input.disabled = disabled;
    input.placeholder = chosen().length ? "" : String(model.get("placeholder") || "");
    clear.style.display = chosen().length && !disabled ? "" : "none";
    el.classList.toggle("nbstate-disabled", disabled);
    drawMenu();
  };
  const openMenu = () => {
    if (model.get("disabled")) return;
    open = true;
    drawMenu();
  };
  const closeMenu = () => {
    open = false;
    input.value = "";
    drawMenu();
  };
  box.addEventListener("mousedown", (e) => {
    if (e.target !== input) e.preventDefault();
    input.focus();
    openMenu();
  });
  input.addEventListener("focus", openMenu);
  input.addEventListener("blur", closeMenu);
  input.addEventListener("input", () => { open = true; drawMenu(); });
  input.addEventListener("keydown", (e) => {
    e.stopPropagation(); // the notebook's shortcuts stay out of the field
    if (e.key === "Enter") {
      e.preventDefault();
      const first = filterOptions(model.get("options") || [], chosen(), input.value)[0];
      if (first !== undefined) {
        send(addOption(chosen(), first, Number(model.get("max_selections") || 0)));
        input.value = "";
        drawMenu();
      }
    } else if (e.key === "Backspace" && !input.value && chosen().length) {
      send(chosen().slice(0, -1));
    } else if (e.key === "Escape") {
      input.blur();
    }
  });
  clear.addEventListener("mousedown", (e) => {
    e.preventDefault();
    e.stopPropagation();
    send([]);
  });
  const onScroll = () => { if (open) place(); };
  win.addEventListener("scroll", onScroll, true);
  win.addEventListener("resize", onScroll);
  draw();
  for (const t of TRAITS) model.on(`change:${t}`, draw);
  return () => {
    for (const t of TRAITS) model.off(`change:${t}`, draw);
    win.removeEventListener("scroll", onScroll, true);
    win.removeEventListener("resize", onScroll);
  };
}

export default { render };
