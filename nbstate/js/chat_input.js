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

const TRAITS = ["placeholder", "max_chars", "disabled"];
const SEND_ICON =
  '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">' +
  '<path fill="currentColor" d="M3 20.5v-6.2l8-2.3-8-2.3V3.5L22 12z"/></svg>';

/** The text to send for what the field holds, or null when there is nothing to send. */
export function toSend(value, maxChars) {
  const text = String(value ?? "");
  if (text.trim() === "") return null;
  return maxChars > 0 ? text.slice(0, maxChars) : text;
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
  form.appendChild(field);
  form.appendChild(send);
  el.appendChild(form);

  const grow = () => {
    field.style.height = "auto";
    // (not laid out yet, e.g. before the view is in the page: keep the one-row height)
    const h = field.scrollHeight || 0;
    field.style.height = h > 0 ? `${Math.min(h, 200)}px` : "";
    send.disabled = Boolean(model.get("disabled")) || toSend(field.value, 0) === null;
  };
  const sync = () => {
    const placeholder = String(model.get("placeholder") ?? "");
    field.placeholder = placeholder;
    field.setAttribute("aria-label", placeholder || "Chat input");
    const max = Number(model.get("max_chars") || 0);
    if (max > 0) field.maxLength = max;
    else field.removeAttribute("maxlength");
    field.disabled = Boolean(model.get("disabled"));
    grow();
  };
  const submit = () => {
    if (model.get("disabled")) return;
    const text = toSend(field.value, Number(model.get("max_chars") || 0));
    if (text === null) return;
    model.send({ event: "submit", text });
    field.value = "";
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
