// nbstate grid: a virtualised table for st.dataframe (an anywidget ESM module, no build step).
//
// The data stays in the kernel. The browser draws the rows and columns in view (plus a margin)
// and asks the kernel for the cells it lacks with a custom message
//   {type: "window", seq, r0, r1, cols: [column indices], sort: [column, "asc"|"desc"] | null}
// answered by {type: "window", seq, version, r0, rows: [data positions], cols, cells: [[...]]}.
// Sorting is done by the kernel over all rows: a click on a header only changes `sort` in the
// requests. It holds at most a few screens of rows, whatever the number of rows.
//
// Traits (see nbstate/frontends/grid.py): columns, nrows, version, height, width, row_height,
// selection_mode, selection, sort, editable, head (the first screen of rows, sent with each
// version: a new view draws it without asking).
//
// Accessibility (as Streamlit's grid): role="grid", aria-rowcount (all rows + the header row),
// aria-colcount, rows with aria-rowindex, cells with aria-colindex; the grid takes the focus
// and the arrow keys, Page Up/Down, Home/End and Ctrl+Home/End move the active cell
// (aria-activedescendant), Space selects its row, Enter edits it (editable grids).

const MAX_PX = 8_000_000;  // beyond this the scroll range is scaled (browsers cap heights)
const WIDTHS = { small: 75, medium: 200, large: 400 };
let uid = 0;

/** Default width (px) of a column from its label and type. */
export function columnWidth(col) {
  if (typeof col.width === "number" && col.width > 0) return col.width;
  if (WIDTHS[col.width]) return WIDTHS[col.width];
  if (col.kind === "bool") return Math.max(60, 8 * col.label.length + 30);
  const base = col.index ? 60 : 90;
  return Math.min(260, Math.max(base, 8 * col.label.length + 34));
}

/** The first display row and the pixel offset in it for a scroll position (scaled ranges). */
export function rowAt(scrollTop, n, rowH, bodyH) {
  const content = n * rowH;
  const range = Math.min(content, MAX_PX);
  const maxScroll = Math.max(0, range - bodyH);
  const trueMax = Math.max(0, content - bodyH);
  const px = maxScroll > 0 ? Math.min(scrollTop, maxScroll) * (trueMax / maxScroll) : 0;
  const first = Math.min(Math.max(0, Math.floor(px / rowH + 1e-6)), Math.max(0, n - 1));
  return { first, offset: px - first * rowH, range, maxScroll, trueMax };
}

/** The scroll position that shows display row `r` at the top (inverse of rowAt). */
export function scrollFor(r, n, rowH, bodyH) {
  const { maxScroll, trueMax } = rowAt(0, n, rowH, bodyH);
  if (trueMax <= 0) return 0;
  return Math.min(maxScroll, (r * rowH) * (maxScroll / trueMax));
}

function el(doc, tag, cls, attrs) {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
  return e;
}

function sparkline(doc, cell, w, h) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = doc.createElementNS(ns, "svg");
  svg.setAttribute("width", w);
  svg.setAttribute("height", h);
  const v = cell.values || [];
  if (!v.length) return svg;
  const lo = cell.y_min ?? Math.min(...v, 0), hi = cell.y_max ?? Math.max(...v);
  const span = hi - lo || 1;
  const y = (x) => h - 2 - ((x - lo) / span) * (h - 4);
  if (cell.chart === "bar_chart") {
    const bw = w / v.length;
    v.forEach((x, i) => {
      const r = doc.createElementNS(ns, "rect");
      r.setAttribute("x", i * bw + 1);
      r.setAttribute("width", Math.max(1, bw - 2));
      r.setAttribute("y", y(x));
      r.setAttribute("height", Math.max(0, h - 2 - y(x)));
      svg.appendChild(r);
    });
  } else {
    const step = v.length > 1 ? w / (v.length - 1) : 0;
    const pts = v.map((x, i) => `${(i * step).toFixed(1)},${y(x).toFixed(1)}`);
    const p = doc.createElementNS(ns, cell.chart === "area_chart" ? "polygon" : "polyline");
    p.setAttribute("points", cell.chart === "area_chart"
      ? `0,${h} ${pts.join(" ")} ${w},${h}` : pts.join(" "));
    svg.appendChild(p);
  }
  return svg;
}

/** Fill a cell element with a cell value from the kernel. */
export function paintCell(doc, node, cell, col, width, editable, placeholder) {
  node.textContent = "";
  node.classList.remove("nbstate-grid-null");
  if (cell === null || cell === undefined) {
    node.textContent = placeholder ?? "None";
    node.classList.add("nbstate-grid-null");
  } else if (typeof cell === "boolean") {
    const box = el(doc, "input", "", { type: "checkbox", tabindex: "-1" });
    box.checked = cell;
    box.disabled = !editable;
    box.setAttribute("aria-label", String(cell));
    node.appendChild(box);
  } else if (typeof cell === "string") {
    node.textContent = cell;
  } else if ("link" in cell) {
    const a = el(doc, "a", "", { href: cell.link, target: "_blank", rel: "noopener noreferrer" });
    a.textContent = cell.text;
    node.appendChild(a);
  } else if ("image" in cell) {
    node.appendChild(el(doc, "img", "", { src: cell.image, alt: "" }));
  } else if ("progress" in cell) {
    const bar = el(doc, "div", "nbstate-grid-progress");
    const fill = el(doc, "div");
    fill.style.width = `${(100 * cell.progress).toFixed(1)}%`;
    if (col.color) fill.style.background = col.color;
    bar.appendChild(fill);
    const label = el(doc, "span");
    label.textContent = cell.text;
    node.append(bar, label);
  } else if ("chart" in cell) {
    const svg = sparkline(doc, cell, Math.max(20, width - 16), 24);
    if (col.color) svg.style.stroke = svg.style.fill = col.color;
    node.appendChild(svg);
  } else if ("list" in cell) {
    for (const item of cell.list) {
      const b = el(doc, "span", "nbstate-grid-bubble");
      const k = col.type === "multiselect" ? (col.options || []).indexOf(item) : -1;
      // a multiselect column: the option's label and colour (format_func, color)
      b.textContent = k >= 0 && col.option_labels ? col.option_labels[k] : item;
      const color = k >= 0 && col.option_colors ? tagColor(col.option_colors[k], k) : "";
      if (color) b.style.background = color;
      node.appendChild(b);
    }
  } else if ("markdown" in cell) {
    // the text in the cell; a click opens it rendered (the kernel's markdown, HTML escaped)
    node.textContent = cell.markdown.replace(/\s*\n\s*/g, " ");
    node.classList.add("nbstate-grid-md");
  } else if ("media" in cell) {
    const b = el(doc, "button", "nbstate-grid-media", {
      type: "button", tabindex: "-1", "aria-label": `Play ${cell.media}`, title: cell.url,
    });
    b.textContent = cell.media === "audio" ? "\u266B" : "\u25B6";
    node.appendChild(b);
  } else if ("button" in cell) {
    const kind = col.button_type || "secondary";
    if (cell.button.length > 1) {
      // several actions: a menu, as Streamlit's multi-action dropdown
      const sel = el(doc, "select", `nbstate-grid-button nbstate-grid-button-${kind}`, {
        tabindex: "-1", "aria-label": col.label || "Actions" });
      const head = el(doc, "option", "", { value: "" });
      head.textContent = `${col.label || "Actions"} \u25BE`;
      head.disabled = true;
      head.selected = true;
      sel.appendChild(head);
      for (const label of cell.button) {
        const o = el(doc, "option", "", { value: label });
        o.textContent = label;
        sel.appendChild(o);
      }
      node.appendChild(sel);
    } else if (cell.button.length) {
      const b = el(doc, "button", `nbstate-grid-button nbstate-grid-button-${kind}`, {
        type: "button", tabindex: "-1" });
      b.textContent = cell.button[0];
      node.appendChild(b);
    }
  } else if ("text" in cell) {
    node.textContent = cell.text;
    if (cell.css) node.style.cssText += ";" + cell.css;
  }
}

const THEME = {
  red: "#ff4b4b", orange: "#ffa421", yellow: "#ffe312", green: "#21c354", blue: "#1c83e1",
  violet: "#803df5", gray: "#a3a8b8", grey: "#a3a8b8", primary: "#ff4b4b",
};
const AUTO = ["#ff4b4b", "#1c83e1", "#21c354", "#ffa421", "#803df5", "#a3a8b8"];

/** The CSS background of a multiselect tag for a colour of MultiselectColumn. */
/**
 * The rows of a selection as the `selection` trait holds them: a list of positions, or (for
 * "select all" over a big frame, which as a list would pass the server's 10 MiB websocket
 * limit from about a million rows) `{range: k, except: [...]}`, positions 0..k-1 but those.
 * Returns `{has(pos), size}` without making a list of them.
 */
export function rowSet(rows) {
  if (rows && typeof rows === "object" && !Array.isArray(rows) && Number.isInteger(rows.range)) {
    const k = rows.range, out = new Set(rows.except || []);
    let missing = 0;
    for (const x of out) if (Number.isInteger(x) && x >= 0 && x < k) missing += 1;
    return { has: (pos) => pos >= 0 && pos < k && !out.has(pos), size: k - missing };
  }
  return new Set(Array.isArray(rows) ? rows : []);
}

/** The next rows after a click on row `pos` (one at a time: "single-row" or "multi-row"). */
export function toggledRows(rows, pos, single) {
  const set = rowSet(rows);
  const has = set.has(pos);
  if (single) return has ? [] : [pos];
  if (rows && typeof rows === "object" && !Array.isArray(rows)) {
    const except = (rows.except || []).filter((x) => x !== pos);
    return { range: rows.range, except: has ? [...except, pos] : except };
  }
  const list = Array.isArray(rows) ? rows : [];
  return has ? list.filter((x) => x !== pos) : [...list, pos];
}

export function tagColor(color, k) {
  if (!color) return "";
  if (color === "auto") color = AUTO[k % AUTO.length];
  const c = THEME[color] || color;
  // a light tint of the colour, as Streamlit's tags (text stays readable)
  return /^#[0-9a-f]{6}$/i.test(c) ? `${c}33` : c;
}

/** A media URL a player may load: http(s), data:audio/video, blob or relative (no script). */
export function safeMediaUrl(url, kind) {
  const u = String(url || "").trim();
  if (/^(https?:|blob:)/i.test(u)) return u;
  if (new RegExp(`^data:${kind}/`, "i").test(u)) return u;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(u)) return u;  // relative
  return "";
}

function render({ model, el: host }) {
  const doc = host.ownerDocument || globalThis.document;
  const id = `nbstate-grid-${++uid}`;
  // (the suppress attributes keep JupyterLab's and Notebook 7's shortcuts, which take the arrow
  // keys in command mode, away from the grid's keyboard navigation)
  const root = el(doc, "div", "nbstate-grid", {
    role: "grid", tabindex: "0", "data-lm-suppress-shortcuts": "true",
    "data-p-suppress-shortcuts": "true",
  });
  const scroller = el(doc, "div", "nbstate-grid-scroller");
  const layer = el(doc, "div", "nbstate-grid-layer");
  const spacer = el(doc, "div", "nbstate-grid-spacer");
  scroller.append(layer, spacer);
  root.appendChild(scroller);
  host.appendChild(root);

  let cols = [], widths = [], pinned = [], free = [], freeX = [], pinnedW = 0, freeW = 0;
  let n = 0, rowH = 35, version = -1, sortKey = "";
  let cache = new Map();        // display row -> {pos, cells: Map(col -> cell), raw: Map}
  // a double click (or Enter) on a row being fetched anew (a rerun of the last edit sent new
  // data) opens its editor when the row arrives, instead of being lost
  let pendingEdit = null;       // {r, c}
  let seq = 0;
  const sentSort = new Map();   // seq -> sort key it was sent with
  let lastReq = null;           // {r0, r1, cols: Set, key}
  let active = null;            // {r, c} the active cell (display row, column index)
  let editing = null;
  let frame = 0;

  const sortOf = () => {
    const s = model.get("sort") || [];
    return s.length === 2 ? s : null;
  };
  const modes = () => (model.get("selection_mode") || "").split(",").filter(Boolean);
  const rowMode = () => modes().find((m) => m.endsWith("-row"));
  const colMode = () => modes().find((m) => m.endsWith("-column"));
  const cellMode = () => modes().find((m) => m.endsWith("-cell"));
  const deletable = () => model.get("editable") && ["dynamic", "delete"].includes(model.get("num_rows"));
  const addable = () => model.get("editable") && ["dynamic", "add"].includes(model.get("num_rows"));
  const markers = () => !!rowMode() || deletable();
  const marked = new Set();  // rows ticked for deletion (data editor), by position
  const markerW = () => (markers() ? 32 : 0);
  const headerH = () => (model.get("hide_header") ? 0 : rowH);

  let fit = [];  // widths grown to fit the cells fetched so far (columns with no set width)

  /** Widen the columns whose fetched text is longer than they are (never narrower). */
  function fitColumns(msg) {
    let grew = false;
    msg.cols.forEach((c, j) => {
      const col = cols[c];
      if (!col || col.width) return;
      let longest = 0;
      for (const row of msg.cells) {
        const v = row[j];
        const t = typeof v === "string" ? v : v && typeof v === "object" && "text" in v ? v.text : "";
        if (t.length > longest) longest = t.length;
      }
      const want = Math.min(400, 8 * longest + 26);
      if (want > (fit[c] || 0) && want > widths[c]) { fit[c] = want; grew = true; }
    });
    if (grew) layoutColumns();
  }

  function layoutColumns() {
    cols = model.get("columns") || [];
    widths = cols.map((c, i) => Math.max(columnWidth(c), fit[i] || 0));
    pinned = [];
    free = [];
    cols.forEach((c, i) => (c.pinned ? pinned : free).push(i));
    pinnedW = markerW() + pinned.reduce((s, i) => s + widths[i], 0);
    freeX = [];
    let x = 0;
    for (const i of free) { freeX.push(x); x += widths[i]; }
    freeW = x;
    root.setAttribute("aria-colcount", String(cols.length + (markers() ? 1 : 0)));
  }

  function sizes() {
    n = model.get("nrows") || 0;
    rowH = model.get("row_height") || 35;
    root.setAttribute("aria-rowcount", String(n + 1));
    if (model.get("alt")) root.setAttribute("aria-label", model.get("alt"));
    else root.removeAttribute("aria-label");
    root.setAttribute("aria-multiselectable", String(modes().some((m) => m.startsWith("multi"))));
    const h = model.get("height");
    const w = model.get("width");
    const auto = Math.min(n, 10) * rowH + headerH() + 2 + (pinnedW + freeW > host.clientWidth ? 12 : 0);
    scroller.style.height = h === "stretch" ? "100%" : h || `${auto}px`;
    root.style.width = w === "content" ? `${pinnedW + freeW + 14}px` : w || "100%";
    root.style.maxWidth = "100%";
  }

  function geometry() {
    const viewH = scroller.clientHeight, viewW = scroller.clientWidth;
    const bodyH = Math.max(rowH, viewH - headerH());
    const g = rowAt(scroller.scrollTop, n, rowH, bodyH);
    layer.style.height = `${viewH}px`;
    layer.style.width = `${viewW}px`;
    spacer.style.height = `${Math.max(0, g.range - bodyH)}px`;
    spacer.style.width = `${pinnedW + freeW}px`;  // (below the layer: the full width)
    const last = Math.min(n, g.first + Math.ceil((bodyH + g.offset) / rowH) + 1);
    const x0 = scroller.scrollLeft, avail = viewW - pinnedW;
    const shown = free.filter((_, k) => freeX[k] + widths[free[k]] > x0 && freeX[k] < x0 + avail);
    return { ...g, viewH, viewW, bodyH, last, shown, x0 };
  }

  function xOf(c, x0) {
    const k = pinned.indexOf(c);
    if (k >= 0) {
      let x = markerW();
      for (let j = 0; j < k; j++) x += widths[pinned[j]];
      return x;
    }
    return pinnedW + freeX[free.indexOf(c)] - x0;
  }

  // -- fetching -------------------------------------------------------------------------
  function request(first, last, shown) {
    const want = [...pinned, ...shown];
    const page = Math.max(10, last - first);
    let missing = false;
    for (let r = first; r < last && !missing; r++) {
      const row = cache.get(r);
      if (!row || want.some((c) => !row.cells.has(c))) missing = true;
    }
    if (!missing) return;
    const r0 = Math.max(0, first - page), r1 = Math.min(n, last + page);
    // a request already under way covers it
    if (lastReq && lastReq.key === sortKey && lastReq.version === version
        && lastReq.r0 <= first && lastReq.r1 >= last && want.every((c) => lastReq.cols.has(c))) {
      return;
    }
    // ask for the shown columns and the next few to either side
    const extra = free.filter((c) => !shown.includes(c)).filter((c) => {
      const k = free.indexOf(c);
      return Math.abs(k - free.indexOf(shown[0] ?? c)) < 4
        || Math.abs(k - free.indexOf(shown[shown.length - 1] ?? c)) < 4;
    });
    const cs = [...new Set([...want, ...extra])];
    seq += 1;
    sentSort.set(seq, sortKey);
    lastReq = { r0, r1, cols: new Set(cs), key: sortKey, version };
    model.send({ type: "window", seq, r0, r1, cols: cs, sort: sortOf() });
  }

  /** The first screen the kernel sent with this version (the ``head`` trait): no request. */
  function takeHead() {
    const h = model.get("head");
    if (!h || h.version !== version || sortOf() !== null || !Array.isArray(h.rows)) return;
    fill(h);
  }

  function onMessage(msg) {
    if (!msg || msg.type !== "window") return;
    const key = sentSort.get(msg.seq);
    sentSort.delete(msg.seq);
    if (msg.version !== version || key !== sortKey) return;  // stale: data or sort changed
    fill(msg);
    if (lastReq && msg.seq === seq) lastReq = null;
    if (pendingEdit && cache.has(pendingEdit.r)) {
      const { r, c } = pendingEdit;
      draw();  // the cell's element first: some editors open over it
      startEdit(r, c);
    }
    // keep a few screens around the view: memory does not grow with the number of rows
    const g = geometry();
    const keep = 4 * Math.max(20, g.last - g.first);
    if (cache.size > 3 * keep) {
      for (const r of cache.keys()) if (r < g.first - keep || r > g.last + keep) cache.delete(r);
    }
    schedule();
  }

  /** Put a window's cells in the cache. */
  function fill(msg) {
    msg.rows.forEach((pos, i) => {
      const r = msg.r0 + i;
      let row = cache.get(r);
      if (!row || row.pos !== pos) { row = { pos, cells: new Map(), raw: new Map() }; cache.set(r, row); }
      msg.cols.forEach((c, j) => {
        row.cells.set(c, msg.cells[i][j]);
        if (msg.raw) row.raw.set(c, msg.raw[i][j]);
      });
    });
    fitColumns(msg);
  }

  // -- drawing --------------------------------------------------------------------------
  // (no redraw while a mouse button is down in the grid: a cell's button rebuilt between its
  // mousedown and mouseup would lose the click; the draw waits for the mouseup)
  let pressed = false, held = false;
  function schedule() {
    if (frame) return;
    const raf = globalThis.requestAnimationFrame || ((f) => setTimeout(f, 16));
    frame = raf(() => {
      frame = 0;
      if (pressed) { held = true; return; }
      draw();
    });
  }
  // (only a press on a cell: a press on the scroll bar must let the rows follow the drag)
  const onPress = (e) => { if (e.target?.closest?.(".nbstate-grid-cell")) pressed = true; };
  const onRelease = () => {
    if (!pressed) return;
    pressed = false;
    if (held) { held = false; setTimeout(schedule, 0); }
  };

  function selection() {
    const s = model.get("selection") || {};
    return { rows: rowSet(s.rows), columns: new Set(s.columns || []),
             cells: new Set((s.cells || []).map((x) => `${x[0]}\u0000${x[1]}`)) };
  }

  function draw() {
    const g = geometry();
    request(g.first, g.last, g.shown);
    const sel = selection();
    const sort = sortOf();
    layer.textContent = "";
    const visible = [...pinned, ...g.shown];
    // body rows
    for (let r = g.first; r < g.last; r++) {
      const row = cache.get(r);
      const tr = el(doc, "div", "nbstate-grid-row", { role: "row", "aria-rowindex": String(r + 2) });
      tr.style.top = `${headerH() + (r - g.first) * rowH - g.offset}px`;
      tr.style.height = `${rowH}px`;
      const chosen = row && (rowMode() ? sel.rows.has(row.pos) : marked.has(row.pos));
      if (chosen) { tr.classList.add("nbstate-grid-selected"); tr.setAttribute("aria-selected", "true"); }
      if (markers()) {
        const m = el(doc, "div", "nbstate-grid-cell nbstate-grid-marker", { role: "gridcell", "aria-colindex": "1" });
        m.style.left = "0px";
        m.style.width = `${markerW()}px`;
        const box = el(doc, "input", "", { type: "checkbox", tabindex: "-1", "aria-label": `Select row ${r + 1}` });
        box.checked = !!chosen;
        box.addEventListener("click", (e) => { e.stopPropagation(); if (row) toggleRow(row.pos); });
        m.addEventListener("click", () => { if (row) toggleRow(row.pos); });
        m.appendChild(box);
        tr.appendChild(m);
      }
      for (const c of visible) {
        const col = cols[c];
        const td = el(doc, "div", "nbstate-grid-cell", {
          role: col.index ? "rowheader" : "gridcell", "aria-colindex": String(c + 1 + (markers() ? 1 : 0)),
          id: `${id}-${r}-${c}`,
        });
        if (col.index) td.classList.add("nbstate-grid-index");
        if (col.pinned) td.classList.add("nbstate-grid-pinned");
        td.style.left = `${xOf(c, g.x0)}px`;
        td.style.width = `${widths[c]}px`;
        td.style.textAlign = col.align;
        if (row && row.cells.has(c)) {
          paintCell(doc, td, row.cells.get(c), col, widths[c], editableCol(c, row), model.get("placeholder"));
          wireCell(td, row, c);
          if (sel.cells.has(`${row.pos}\u0000${col.name}`) || sel.columns.has(col.name)) {
            td.classList.add("nbstate-grid-selected");
            td.setAttribute("aria-selected", "true");
          }
        } else {
          td.classList.add("nbstate-grid-loading");
        }
        if (active && active.r === r && active.c === c) td.classList.add("nbstate-grid-active");
        td.addEventListener("mousedown", () => { active = { r, c }; });
        td.addEventListener("click", (e) => onCellClick(r, c, e));
        // (a double click is told from two clicks on the same cell, not from the DOM's
        // dblclick: the cell may be drawn anew between the two clicks)
        tr.appendChild(td);
      }
      layer.appendChild(tr);
    }
    // header
    const hr = el(doc, "div", "nbstate-grid-row nbstate-grid-header", { role: "row", "aria-rowindex": "1" });
    hr.style.top = "0px";
    hr.style.height = `${rowH}px`;
    if (markers()) {
      const m = el(doc, "div", "nbstate-grid-cell nbstate-grid-marker", { role: "columnheader", "aria-colindex": "1" });
      m.style.left = "0px";
      m.style.width = `${markerW()}px`;
      if (rowMode() === "multi-row" && n > 0) {
        // Streamlit's header checkbox: every row of the data, not only those in view
        const box = el(doc, "input", "", { type: "checkbox", tabindex: "-1", "aria-label": "Select all rows" });
        box.checked = sel.rows.size >= n;
        box.indeterminate = sel.rows.size > 0 && sel.rows.size < n;
        box.addEventListener("click", (e) => { e.stopPropagation(); selectAll(); });
        m.addEventListener("click", selectAll);
        m.appendChild(box);
      }
      hr.appendChild(m);
    }
    for (const c of visible) {
      const col = cols[c];
      const th = el(doc, "div", "nbstate-grid-cell", { role: "columnheader", "aria-colindex": String(c + 1 + (markers() ? 1 : 0)) });
      if (col.pinned) th.classList.add("nbstate-grid-pinned");
      th.style.left = `${xOf(c, g.x0)}px`;
      th.style.width = `${widths[c]}px`;
      th.style.textAlign = col.align;
      if (!model.get("sortable")) th.style.cursor = "default";
      const label = el(doc, "span", "nbstate-grid-label");
      label.textContent = col.label;
      th.appendChild(label);
      if (col.help) th.title = col.help;
      const dir = sort && sort[0] === c ? sort[1] : null;
      th.setAttribute("aria-sort", dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none");
      const arrow = el(doc, "span", "nbstate-grid-sort", { "aria-hidden": "true" });
      arrow.textContent = dir === "asc" ? " \u2191" : dir === "desc" ? " \u2193" : "";
      th.appendChild(arrow);
      if (sel.columns.has(col.name)) th.classList.add("nbstate-grid-selected");
      th.addEventListener("click", () => onHeaderClick(c));
      hr.appendChild(th);
    }
    if (headerH()) layer.appendChild(hr);
    if (active) {
      const a = doc.getElementById(`${id}-${active.r}-${active.c}`);
      if (a) root.setAttribute("aria-activedescendant", a.id);
      else root.removeAttribute("aria-activedescendant");
    }
  }

  // -- interaction ----------------------------------------------------------------------
  // (an index is editable unless the kernel disabled it: a RangeIndex, as in Streamlit)
  function editableCol(c) {
    return model.get("editable") && !cols[c].disabled;
  }

  function selectAll() {
    const s = current();
    s.rows = rowSet(s.rows).size >= n ? [] : { range: n, except: [] };
    sendSelection(s);
  }

  // -- the rich cells: buttons, markdown, audio and video ---------------------------------
  function wireCell(td, row, c) {
    const col = cols[c], cell = row.cells.get(c);
    if (!cell || typeof cell !== "object") return;
    if ("button" in cell) {
      const live = (model.get("buttons") || []).includes(col.name);
      const send = (label) => {
        if (live && label) model.send({ type: "button", column: col.name, row: row.pos, label });
      };
      const b = td.querySelector("button, select");
      if (!b) return;
      b.setAttribute("aria-disabled", String(!live));
      if (b.tagName.toLowerCase() === "select") {
        b.addEventListener("click", (e) => e.stopPropagation());
        b.addEventListener("change", (e) => { e.stopPropagation(); send(b.value); b.value = ""; });
      } else {
        b.addEventListener("click", (e) => { e.stopPropagation(); send(b.textContent); });
      }
    } else if ("media" in cell) {
      const b = td.querySelector("button");
      b?.addEventListener("click", (e) => { e.stopPropagation(); openMedia(td, cell); });
    } else if ("markdown" in cell && !editableCol(c)) {
      td.addEventListener("click", () => openMarkdown(td, cell));
    }
  }

  let overlay = null;
  function closeOverlay() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function openOverlay(td, cls) {
    closeOverlay();
    const box = el(doc, "div", `nbstate-grid-overlay ${cls}`, { role: "dialog" });
    const top = td.parentNode ? parseFloat(td.parentNode.style.top) || 0 : 0;
    box.style.top = `${Math.min(top + rowH, Math.max(0, scroller.clientHeight - 40))}px`;
    box.style.left = `${parseFloat(td.style.left) || 0}px`;
    box.addEventListener("keydown", (e) => {
      e.stopPropagation();
      if (e.key === "Escape") { closeOverlay(); root.focus({ preventScroll: true }); }
    });
    box.addEventListener("click", (e) => e.stopPropagation());
    root.appendChild(box);
    overlay = box;
    return box;
  }

  function openMarkdown(td, cell) {
    const box = openOverlay(td, "nbstate-grid-md-overlay");
    box.tabIndex = -1;
    // rendered by the kernel (markdown-it-py, raw HTML escaped, unsafe links dropped)
    box.innerHTML = cell.html;
    for (const a of box.querySelectorAll("a")) { a.target = "_blank"; a.rel = "noopener noreferrer"; }
    box.focus({ preventScroll: true });
  }

  function openMedia(td, cell) {
    const url = safeMediaUrl(cell.url, cell.media);
    const box = openOverlay(td, "nbstate-grid-media-overlay");
    if (!url) { box.textContent = cell.url; return; }
    const player = el(doc, cell.media, "", { controls: "", src: url, preload: "metadata" });
    box.appendChild(player);
    player.focus?.({ preventScroll: true });
  }

  function setSort(c) {
    const s = sortOf();
    const next = !s || s[0] !== c ? [c, "asc"] : s[1] === "asc" ? [c, "desc"] : [];
    model.set("sort", next);
    model.save_changes();
    sortKey = JSON.stringify(next);
    cache = new Map();
    schedule();
  }

  function sendSelection(next) {
    model.set("selection", next);
    model.save_changes();
    schedule();
  }

  function current() {
    const s = model.get("selection") || {};
    const rows = Array.isArray(s.rows) ? [...s.rows]
      : s.rows && typeof s.rows === "object" ? { ...s.rows } : [];
    return { rows, columns: [...(s.columns || [])], cells: [...(s.cells || [])] };
  }

  function toggleRow(pos) {
    const mode = rowMode();
    if (!mode) {
      if (!deletable()) return;
      if (marked.has(pos)) marked.delete(pos); else marked.add(pos);
      toolbar();
      schedule();
      return;
    }
    const s = current();
    s.rows = toggledRows(s.rows, pos, mode.startsWith("single"));
    sendSelection(s);
  }

  function onHeaderClick(c) {
    const mode = colMode();
    if (mode && !cols[c].index) {
      const s = current(), name = cols[c].name, has = s.columns.includes(name);
      s.columns = mode.startsWith("single") ? (has ? [] : [name])
        : has ? s.columns.filter((x) => x !== name) : [...s.columns, name];
      sendSelection(s);
      return;
    }
    if (model.get("sortable")) setSort(c);
  }

  let lastClick = null;  // {r, c, t}: a second click on the same cell soon after: a double click
  function onCellClick(r, c, e) {
    const now = Date.now();
    const again = lastClick && lastClick.r === r && lastClick.c === c && now - lastClick.t < 500;
    lastClick = again ? null : { r, c, t: now };
    if (again && !(e && e.target && e.target.type === "checkbox")) {
      startEdit(r, c);
      return;
    }
    active = { r, c };
    pendingEdit = null;
    root.focus({ preventScroll: true });
    const row = cache.get(r);
    if (!row) return schedule();
    if (e && e.target && e.target.type === "checkbox" && editableCol(c)) {
      commit(r, c, e.target.checked);
      return;
    }
    if (cellMode() && !cols[c].index) {
      const mode = cellMode(), s = current(), cell = [row.pos, cols[c].name];
      const has = s.cells.some((x) => x[0] === cell[0] && x[1] === cell[1]);
      s.cells = mode.startsWith("single") ? (has ? [] : [cell])
        : has ? s.cells.filter((x) => !(x[0] === cell[0] && x[1] === cell[1])) : [...s.cells, cell];
      sendSelection(s);
      return;
    }
    schedule();
  }

  function reveal(r, c) {
    const g = geometry();
    if (r < g.first + 1 || r >= g.last - 2) {
      const top = r < g.first + 1 ? r : r - Math.floor(g.bodyH / rowH) + 1;
      scroller.scrollTop = scrollFor(Math.max(0, top), n, rowH, g.bodyH);
    }
    const k = free.indexOf(c);
    if (k >= 0) {
      const avail = g.viewW - pinnedW;
      if (freeX[k] < scroller.scrollLeft) scroller.scrollLeft = freeX[k];
      else if (freeX[k] + widths[c] > scroller.scrollLeft + avail) {
        scroller.scrollLeft = freeX[k] + widths[c] - avail;
      }
    }
  }

  root.addEventListener("keydown", (e) => {
    if (editing) return;
    if (!cols.length || !n) return;
    const g = geometry();
    const page = Math.max(1, Math.floor(g.bodyH / rowH) - 1);
    const order = [...pinned, ...free];
    let { r, c } = active || { r: g.first, c: order[0] };
    let k = order.indexOf(c);
    const moves = {
      ArrowDown: () => { r += 1; }, ArrowUp: () => { r -= 1; },
      ArrowRight: () => { k += 1; }, ArrowLeft: () => { k -= 1; },
      PageDown: () => { r += page; }, PageUp: () => { r -= page; },
      Home: () => { if (e.ctrlKey || e.metaKey) r = 0; else k = 0; },
      End: () => { if (e.ctrlKey || e.metaKey) r = n - 1; else k = order.length - 1; },
    };
    if (moves[e.key]) {
      moves[e.key]();
      e.preventDefault();
      r = Math.max(0, Math.min(n - 1, r));
      k = Math.max(0, Math.min(order.length - 1, k));
      active = { r, c: order[k] };
      reveal(r, order[k]);
      schedule();
    } else if ((e.key === "Delete" || e.key === "Backspace") && marked.size) {
      e.preventDefault();
      deleteMarked();
    } else if (e.key === " " && active && markers()) {
      e.preventDefault();
      const row = cache.get(active.r);
      if (row) toggleRow(row.pos);
    } else if ((e.key === "Enter" || e.key === "F2") && active) {
      e.preventDefault();
      if (cellMode() || colMode()) onCellClick(active.r, active.c);
      else startEdit(active.r, active.c);
    }
  });

  // -- editing (st.data_editor) ---------------------------------------------------------
  function startEdit(r, c) {
    const row = cache.get(r);
    pendingEdit = row ? null : { r, c };
    if (!row) return schedule();
    const col = cols[c];
    const cell = row.cells.get(c);
    if (!editableCol(c)) {
      // read-only rich cells open on a double click or Enter, as in Streamlit
      const td = doc.getElementById(`${id}-${r}-${c}`);
      if (td && cell && typeof cell === "object" && "markdown" in cell) openMarkdown(td, cell);
      else if (td && cell && typeof cell === "object" && "media" in cell) openMedia(td, cell);
      else if (td && cell && typeof cell === "object" && "button" in cell) {
        // Enter on a button cell: its button (a menu: opened by the keyboard's focus)
        const b = td.querySelector("button, select");
        if (b && b.tagName.toLowerCase() === "button") b.click();
        else b?.focus();
      }
      return;
    }
    const raw = row.raw.has(c) ? row.raw.get(c) : cell;
    if (typeof raw === "boolean") { commit(r, c, !raw); return; }
    if (col.type === "multiselect") { editTags(r, c, Array.isArray(raw) ? raw : [], row.pos); return; }
    const g = geometry();
    const tag = col.type === "markdown" ? "textarea" : "input";
    const input = el(doc, tag, "nbstate-grid-editor", { "aria-label": `Edit ${col.label}` });
    input.value = raw === null || raw === undefined ? "" : String(raw);
    input.style.top = `${headerH() + (r - g.first) * rowH - g.offset}px`;
    input.style.left = `${xOf(c, g.x0)}px`;
    input.style.width = `${widths[c]}px`;
    input.style.height = `${tag === "textarea" ? 4 * rowH : rowH}px`;
    editing = { r, c, input };
    let done = false;
    const finish = (save) => {
      if (done) return;
      done = true;
      editing = null;
      input.remove();
      root.focus({ preventScroll: true });
      if (save) {
        let v = input.value;
        if (col.kind === "int" || col.kind === "float" || col.type === "number") {
          v = v.trim() === "" ? null : Number(v);
          if (typeof v === "number" && Number.isNaN(v)) v = input.value;
        }
        commit(r, c, v, row.pos);
      }
    };
    input.addEventListener("keydown", (e) => {
      e.stopPropagation();
      if (e.key === "Enter" && !(tag === "textarea" && e.shiftKey)) { e.preventDefault(); finish(true); }
      else if (e.key === "Escape") finish(false);
    });
    input.addEventListener("blur", () => finish(true));
    root.appendChild(input);
    input.focus();
    input.select();
  }

  /** A multiselect cell's editor: a box per option (and a new option with
   * accept_new_options); Enter or "Done" sets the list, Escape leaves it. */
  function editTags(r, c, current, pos) {
    const col = cols[c];
    const td = doc.getElementById(`${id}-${r}-${c}`);
    if (!td) return;
    const box = openOverlay(td, "nbstate-grid-tags-editor");
    box.setAttribute("aria-label", `Edit ${col.label}`);
    const picked = [...current];
    const opts = [...(col.options || [])];
    for (const v of picked) if (!opts.includes(v)) opts.push(v);
    const list = el(doc, "div", "nbstate-grid-tags-list");
    const draw = () => {
      list.textContent = "";
      opts.forEach((v, k) => {
        const lab = el(doc, "label", "nbstate-grid-tag-option");
        const cb = el(doc, "input", "", { type: "checkbox", value: String(v) });
        cb.checked = picked.includes(v);
        cb.addEventListener("change", () => {
          const i = picked.indexOf(v);
          if (cb.checked && i < 0) picked.push(v);
          if (!cb.checked && i >= 0) picked.splice(i, 1);
        });
        const text = el(doc, "span", "nbstate-grid-bubble");
        text.textContent = k < (col.option_labels || []).length ? col.option_labels[k] : String(v);
        const color = tagColor((col.option_colors || [])[k], k);
        if (color) text.style.background = color;
        lab.append(cb, text);
        list.appendChild(lab);
      });
    };
    draw();
    box.appendChild(list);
    if (col.accept_new_options) {
      const add = el(doc, "input", "nbstate-grid-tag-new", { placeholder: "Add an option", "aria-label": "Add an option" });
      add.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && add.value.trim()) {
          e.preventDefault();
          e.stopPropagation();
          const v = add.value.trim();
          if (!opts.includes(v)) opts.push(v);
          if (!picked.includes(v)) picked.push(v);
          add.value = "";
          draw();
        }
      });
      box.appendChild(add);
    }
    const done = el(doc, "button", "nbstate-grid-tags-done", { type: "button" });
    done.textContent = "Done";
    const save = () => { closeOverlay(); root.focus({ preventScroll: true }); commit(r, c, [...picked], pos); };
    done.addEventListener("click", save);
    box.addEventListener("keydown", (e) => { if (e.key === "Enter" && e.target === box) save(); });
    box.appendChild(done);
    box.tabIndex = -1;
    box.focus({ preventScroll: true });
  }

  // The editing state is Streamlit's {edited_rows, added_rows, deleted_rows}: the browser
  // adds to it and sets it whole (the kernel checks it; a refused one comes back as it was).
  function editsNow() {
    const e = model.get("edits") || {};
    return {
      edited_rows: Object.fromEntries(Object.entries(e.edited_rows || {}).map(([k, v]) => [k, { ...v }])),
      added_rows: (e.added_rows || []).map((r) => ({ ...r })),
      deleted_rows: [...(e.deleted_rows || [])],
    };
  }

  let ownEdit = false;
  function saveEdits(next) {
    ownEdit = true;  // (our own change: the cells shown already say it)
    model.set("edits", next);
    ownEdit = false;
    model.save_changes();
  }

  // `pos`: the row's position in the data, taken when the editor opened (the rows in view may
  // be fetched anew meanwhile: a rerun of an earlier edit; the edit must not be lost)
  function commit(r, c, value, pos) {
    const row = cache.get(r);
    const p = pos ?? row?.pos;
    if (p === undefined || !cols[c]) return;
    const name = cols[c].name, base = model.get("base_rows"), st = editsNow();
    if (p >= base) {
      if (!st.added_rows[p - base]) return;
      st.added_rows[p - base][name] = value;
    } else {
      st.edited_rows[p] = { ...(st.edited_rows[p] || {}), [name]: value };
    }
    // shown at once; the kernel's rerun then sends the edited data (or sets a refusal back)
    if (row && row.pos === p) {
      row.cells.set(c, typeof value === "boolean" || value === null ? value
        : Array.isArray(value) ? { list: value.map(String) }
          : cols[c].type === "markdown" ? { markdown: String(value), html: "" } : String(value));
      row.raw.set(c, value);
    }
    saveEdits(st);
    schedule();
  }

  let toEnd = false;
  function addRow() {
    const st = editsNow(), row = {};
    for (const col of cols) if (!col.index && col.default !== null && col.default !== undefined) row[col.name] = col.default;
    st.added_rows.push(row);
    toEnd = true;
    saveEdits(st);
  }

  function deleteMarked() {
    const st = editsNow(), base = model.get("base_rows");
    for (const pos of [...marked].sort((a, b) => b - a)) {
      if (pos >= base) st.added_rows.splice(pos - base, 1);
      else if (!st.deleted_rows.includes(pos)) st.deleted_rows.push(pos);
    }
    marked.clear();
    saveEdits(st);
    toolbar();
  }

  const bar = el(doc, "div", "nbstate-grid-toolbar");
  const addButton = el(doc, "button", "", { type: "button" });
  addButton.textContent = "+ Add row";
  addButton.addEventListener("click", addRow);
  const deleteButton = el(doc, "button", "", { type: "button" });
  deleteButton.addEventListener("click", deleteMarked);
  bar.append(addButton, deleteButton);
  host.insertBefore(bar, root);

  function toolbar() {
    bar.style.display = addable() || deletable() ? "" : "none";
    addButton.style.display = addable() ? "" : "none";
    deleteButton.style.display = deletable() ? "" : "none";
    deleteButton.disabled = marked.size === 0;
    deleteButton.textContent = `Delete ${marked.size || ""} row${marked.size === 1 ? "" : "s"}`.replace("  ", " ");
  }

  // -- model changes --------------------------------------------------------------------
  function reset() {
    if (JSON.stringify(model.get("columns")) !== JSON.stringify(cols)) fit = [];
    version = model.get("version");
    sortKey = JSON.stringify(sortOf() || []);
    cache = new Map();
    lastReq = null;
    layoutColumns();
    sizes();
    takeHead();
    if (active && (active.r >= n || active.c >= cols.length)) active = null;
    toolbar();
    if (toEnd) {
      toEnd = false;
      scroller.scrollTop = scroller.scrollHeight;
      active = { r: n - 1, c: [...pinned, ...free].find((c) => !cols[c].index) ?? 0 };
    }
    schedule();
  }

  model.on("msg:custom", onMessage);
  model.on("change:version", reset);
  model.on("change:columns", reset);
  model.on("change:nrows", reset);
  for (const name of ["height", "width", "row_height", "selection_mode", "alt", "placeholder", "hide_header", "editable", "num_rows"]) {
    model.on(`change:${name}`, () => { layoutColumns(); sizes(); toolbar(); schedule(); });
  }
  model.on("change:selection", schedule);
  // the kernel set the edits (a refusal put back): drop the optimistic cells
  model.on("change:edits", () => { if (!ownEdit) { cache = new Map(); lastReq = null; schedule(); } });
  model.on("change:sort", () => {
    const key = JSON.stringify(sortOf() || []);
    if (key !== sortKey) { sortKey = key; cache = new Map(); takeHead(); schedule(); }
  });
  scroller.addEventListener("scroll", () => { pendingEdit = null; closeOverlay(); schedule(); }, { passive: true });
  scroller.addEventListener("mousedown", closeOverlay);
  root.addEventListener("mousedown", onPress, true);
  doc.addEventListener?.("mouseup", onRelease, true);
  globalThis.addEventListener?.("blur", onRelease);
  const ro = globalThis.ResizeObserver ? new ResizeObserver(schedule) : null;
  ro?.observe(scroller);
  reset();

  return () => {
    ro?.disconnect();
    doc.removeEventListener?.("mouseup", onRelease, true);
    globalThis.removeEventListener?.("blur", onRelease);
    model.off("msg:custom", onMessage);
  };
}

export default { render };
