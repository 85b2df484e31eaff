// nbstate chat input: an anywidget ESM module (no build step, no lab extension).
//
// st.chat_input's field: a text area that grows with its text and a send button. Enter sends
// (Shift+Enter starts a new line), as in Streamlit; the field is then emptied and the kernel
// gets {event: "submit", text}. The model's traits (nbstate/frontends/chat.py, ChatInput):
//   placeholder  the text shown while the field is empty (also its accessible name)
//   max_chars    the most characters the field takes (0: no limit)
//   disabled     the field and the button take no input
//   prefill      text put in the field, unsent (st.session_state[key] = "..."), each time
//   prefill_n    changes
//   accept_file  "" (no files), "true" (one file), "multiple" or "directory": an attach
//                button picks files, listed above the field and sent with the next message
//                as {name, type, b64} (base64 content)
//   file_type    the accepted extensions (".txt", ...), or empty for any
//   accept_audio a microphone button beside the attach button picks one audio file (on a
//                phone the browser offers to record one), sent with the next message as
//                `audio` ({name, type, b64})
//   height       the field's height in pixels (0: one line, growing with the text)

const TRAITS = ["placeholder", "max_chars", "disabled", "accept_file", "file_type", "height",
  "accept_audio"];
const MIC_ICON =
  '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">' +
  '<path fill="currentColor" d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 ' +
  '0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11z"/></svg>';
const ATTACH_ICON =
  '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">' +
  '<path fill="currentColor" d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1' +
  '-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z"/></svg>';
const SEND_ICON =
  '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">' +
  '<path fill="currentColor" d="M3 20.5v-6.2l8-2.3-8-2.3V3.5L22 12z"/></svg>';

/** The text to send for what the field holds, or null when there is nothing to send. */
export function toSend(value, maxChars) {
  const text = String(value ?? "");
  if (text.trim() === "") return null;
  return maxChars > 0 ? text.slice(0, maxChars) : text;
}

/** A file's bytes as base64 (what the message to the kernel carries). */
export function toBase64(bytes) {
  let bin = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk));
  }
  return globalThis.btoa(bin);
}

/** A picked file as the message carries it. */
async function encode(f) {
  return {
    name: f.webkitRelativePath || f.name, type: f.type || "",
    b64: toBase64(new Uint8Array(await f.arrayBuffer())),
  };
}

/** Should this keydown send the message? (Enter without Shift, not while composing) */
export function isSendKey(event) {
  return event.key === "Enter" && !event.shiftKey && !event.isComposing;
}

function render({ model, el }) {
  const doc = el.ownerDocument || globalThis.document;
  el.classList.add("nbstate-chat-input");
  const form = doc.createElement("form");
  form.className = "nbstate-chat-form";
  const field = doc.createElement("textarea");
  field.className = "nbstate-chat-field";
  field.rows = 1;
  const send = doc.createElement("button");
  send.type = "submit";
  send.className = "nbstate-chat-send";
  send.setAttribute("aria-label", "Send message");
  send.innerHTML = SEND_ICON;
  const attach = doc.createElement("button");
  attach.type = "button";
  attach.className = "nbstate-chat-attach";
  attach.setAttribute("aria-label", "Attach files");
  attach.innerHTML = ATTACH_ICON;
  const picker = doc.createElement("input");
  picker.type = "file";
  picker.className = "nbstate-chat-picker";
  picker.style.display = "none";
  const mic = doc.createElement("button");
  mic.type = "button";
  mic.className = "nbstate-chat-audio";
  mic.setAttribute("aria-label", "Attach audio");
  mic.innerHTML = MIC_ICON;
  const audioPicker = doc.createElement("input");
  audioPicker.type = "file";
  audioPicker.className = "nbstate-chat-audio-picker";
  audioPicker.setAttribute("accept", "audio/*");
  audioPicker.setAttribute("capture", "user");
  audioPicker.style.display = "none";
  const chips = doc.createElement("div");
  chips.className = "nbstate-chat-files";
  // the microphone shows beside the attach button (flex order), after it in the DOM
  Object.assign(mic.style, { order: "1", flex: "0 0 auto", border: "none", cursor: "pointer",
    background: "transparent", padding: "0.3rem", borderRadius: "0.5rem", display: "flex" });
  send.style.order = "2";
  form.appendChild(field);
  form.appendChild(attach);
  form.appendChild(send);
  form.appendChild(picker);
  form.appendChild(mic);
  form.appendChild(audioPicker);
  el.appendChild(chips);
  el.appendChild(form);
  let files = []; // File objects picked for the next message
  let audio = null; // the audio file picked for the next message

  const showFiles = () => {
    const names = files.map((f) => f.name);
    if (audio) names.push(`\u{1F3A4} ${audio.name}`);
    chips.textContent = names.join(", ");
    chips.style.display = names.length ? "" : "none";
  };
  const grow = () => {
    field.style.height = "auto";
    // (not laid out yet, e.g. before the view is in the page: keep the one-row height)
    const fixed = Number(model.get("height") || 0);
    const h = field.scrollHeight || 0;
    if (fixed > 0) field.style.height = `${fixed}px`;
    else field.style.height = h > 0 ? `${Math.min(h, 200)}px` : "";
    send.disabled = Boolean(model.get("disabled")) ||
      (toSend(field.value, 0) === null && files.length === 0 && !audio);
  };
  const sync = () => {
    const placeholder = String(model.get("placeholder") ?? "");
    field.placeholder = placeholder;
    field.setAttribute("aria-label", placeholder || "Chat input");
    const max = Number(model.get("max_chars") || 0);
    if (max > 0) field.maxLength = max;
    else field.removeAttribute("maxlength");
    field.disabled = Boolean(model.get("disabled"));
    const accept = String(model.get("accept_file") || "");
    attach.style.display = accept ? "" : "none";
    attach.disabled = field.disabled;
    mic.style.display = model.get("accept_audio") ? "flex" : "none";
    mic.disabled = field.disabled;
    picker.multiple = accept === "multiple" || accept === "directory";
    if (accept === "directory") picker.setAttribute("webkitdirectory", "");
    else picker.removeAttribute("webkitdirectory");
    const types = model.get("file_type") || [];
    if (types.length) picker.setAttribute("accept", types.join(","));
    else picker.removeAttribute("accept");
    grow();
  };
  const submit = async () => {
    if (model.get("disabled")) return;
    const max = Number(model.get("max_chars") || 0);
    let text = toSend(field.value, max);
    if (text === null && files.length === 0 && !audio) return;
    if (text === null) text = "";
    const picked = files;
    const recorded = audio;
    files = [];
    audio = null;
    field.value = "";
    showFiles();
    grow();
    const msg = { event: "submit", text };
    if (picked.length) msg.files = await Promise.all(picked.map(encode));
    if (recorded) msg.audio = await encode(recorded);
    model.send(msg);
  };
  const onAttach = () => picker.click();
  const onMic = () => audioPicker.click();
  const onAudio = () => {
    const chosen = Array.from(audioPicker.files || []);
    if (chosen.length) audio = chosen[0];
    audioPicker.value = "";
    showFiles();
    grow();
  };
  const onPick = () => {
    const chosen = Array.from(picker.files || []);
    files = picker.multiple ? [...files, ...chosen] : chosen.slice(0, 1);
    picker.value = "";
    showFiles();
    grow();
  };
  const onKey = (event) => {
    // keys typed here are the field's: not notebook shortcuts
    event.stopPropagation();
    if (isSendKey(event)) {
      event.preventDefault();
      submit();
    }
  };
  const onSubmit = (event) => {
    event.preventDefault();
    submit();
  };
  const onPrefill = () => {
    field.value = String(model.get("prefill") ?? "");
    grow();
  };
  attach.addEventListener("click", onAttach);
  picker.addEventListener("change", onPick);
  mic.addEventListener("click", onMic);
  audioPicker.addEventListener("change", onAudio);
  showFiles();
  field.addEventListener("keydown", onKey);
  field.addEventListener("input", grow);
  form.addEventListener("submit", onSubmit);
  sync();
  if (model.get("prefill")) onPrefill();
  for (const t of TRAITS) model.on(`change:${t}`, sync);
  model.on("change:prefill_n", onPrefill);
  return () => {
    for (const t of TRAITS) model.off(`change:${t}`, sync);
    model.off("change:prefill_n", onPrefill);
  };
}

export default { render };
