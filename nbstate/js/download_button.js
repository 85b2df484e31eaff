// nbstate download_button: an anywidget ESM module (no build step, no lab extension).
//
// The model's traits (see nbstate/frontends/anywidgets.py, class DownloadButton):
//   label      the button text
//   data       the bytes to download (a binary buffer: DataView / ArrayBuffer / typed array;
//              a base64 string is accepted too)
//   file_name  the name the browser saves the file under
//   mime       the file's MIME type
//   disabled   greys the button out; a click does nothing
//   help       tooltip text
//   button_type  "primary" | "secondary" | "tertiary" (Streamlit's `type=`)
//   deferred   the data is a function in the kernel (st.download_button(data=callable)):
//              a click asks for it ({event: "fetch"}); the kernel calls the function and
//              answers {event: "data"} with the bytes as a buffer ({event: "error", message}
//              if the function failed)
// A click saves the bytes through a temporary blob URL, then sends {event: "click"} to the
// kernel, which reruns the app (st.download_button returns True for that run).

/** Turn what the model holds in `data` into a Uint8Array. */
export function toBytes(data) {
  if (data == null) return new Uint8Array(0);
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  if (typeof data === "string") {
    const bin = globalThis.atob(data);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  throw new TypeError(`download_button: cannot turn ${typeof data} into bytes`);
}

/** Save `bytes` as `fileName` through a temporary <a download> link; returns the link used. */
export function saveBytes(doc, bytes, fileName, mime) {
  const blob = new Blob([bytes], { type: mime || "application/octet-stream" });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = fileName || "download";
  a.style.display = "none";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken its copy once the click has been handled.
  const timer = setTimeout(() => URL.revokeObjectURL(url), 30000);
  timer?.unref?.();  // (node) do not keep a test process alive for it
  return a;
}

const TRAITS = ["label", "disabled", "help", "button_type"];

function render({ model, el }) {
  const doc = el.ownerDocument || globalThis.document;
  const button = doc.createElement("button");
  button.type = "button";
  el.classList.add("nbstate-download");
  el.appendChild(button);

  // Update attributes in place: the node is never replaced, so a rerun does not flicker.
  const sync = () => {
    button.textContent = String(model.get("label") ?? "");
    button.disabled = Boolean(model.get("disabled"));
    const help = model.get("help");
    if (help) button.title = String(help);
    else button.removeAttribute("title");
    const kind = model.get("button_type") || "secondary";
    button.className =
      "jupyter-widgets jupyter-button widget-button nbstate-download-button" +
      (kind === "primary" ? " mod-primary" : "") +
      ` nbstate-${kind}`;
  };
  sync();
  for (const t of TRAITS) model.on(`change:${t}`, sync);

  const onClick = () => {
    if (model.get("disabled")) return;
    if (model.get("deferred")) {
      model.send({ event: "fetch" });
      return;
    }
    saveBytes(doc, toBytes(model.get("data")), model.get("file_name"), model.get("mime"));
    model.send({ event: "click" });
  };
  button.addEventListener("click", onClick);

  // the kernel's answer to a fetch: save what the function returned, then report the click
  const onMessage = (msg, buffers) => {
    if (!msg || typeof msg !== "object") return;
    if (msg.event === "data") {
      const bytes = buffers && buffers.length ? toBytes(buffers[0]) : new Uint8Array(0);
      saveBytes(doc, bytes, model.get("file_name"), msg.mime || model.get("mime"));
      model.send({ event: "click" });
    } else if (msg.event === "error") {
      button.title = `The download failed: ${msg.message ?? ""}`;
    }
  };
  model.on("msg:custom", onMessage);

  return () => {
    button.removeEventListener("click", onClick);
    model.off("msg:custom", onMessage);
    for (const t of TRAITS) model.off(`change:${t}`, sync);
  };
}

export default { render };
