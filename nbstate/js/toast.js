// nbstate toast: an anywidget ESM module (no build step, no lab extension).
//
// st.toast as Streamlit 1.67 draws it: a card floating in the window's top-right corner, under
// the page's header, stacked under the toasts already shown; it goes after its duration (it
// fades out), and its close button takes it away at once. While the pointer is over the
// toasts, none of them goes (Streamlit pauses them the same way).
//
// The cards live in one stack appended to the document's body (class nbstate-toasts), not in
// the widget's view: a notebook's output area scrolls and clips what is inside it, and an
// ancestor with a transform or `contain` would make a position: fixed card scroll with it.
// The view itself stays empty.
//
// Traits: body (HTML, the Markdown already rendered by the kernel), icon (an emoji, "spinner" or ""),
// duration (seconds; 0: until closed), key (changes whenever the toast is to be shown anew:
// each run's toast is a new one in Streamlit, and .toast() on a handle replaces it), uid (the
// widget's own: two toasts with the same text are two cards).

export const STACK_CLASS = "nbstate-toasts";
export const FADE_MS = 300;
const TRAITS = ["body", "icon", "duration", "key"];

/** The page's one stack of toasts (made on first use), fixed to the window's top right. */
export function toastStack(doc) {
  for (const child of doc.body.children) {
    if (child.classList.contains(STACK_CLASS)) return child;
  }
  const stack = doc.createElement("div");
  stack.className = STACK_CLASS;
  stack.setAttribute("role", "region");
  stack.setAttribute("aria-label", "Notifications");
  stack.nbstateTimers = new Set();
  stack.addEventListener("mouseenter", () => {
    for (const t of stack.nbstateTimers) t.pause();
  });
  stack.addEventListener("mouseleave", () => {
    for (const t of stack.nbstateTimers) t.resume();
  });
  doc.body.appendChild(stack);
  return stack;
}

/** Put the stack under the page's top bars (JupyterLab's menu, tabs and toolbar; Streamlit's
 * header is 3.75rem), at the right: its top right corner is that of the scrolling area that
 * shows the notebook (the one holding ``anchor``, or else the one on show; none in Voila: the
 * window's). */
export function placeStack(stack, doc, anchor) {
  if (!doc.querySelectorAll) return;
  const AREA = ".jp-WindowedPanel-outer";
  let area = anchor && anchor.isConnected && anchor.closest ? anchor.closest(AREA) : null;
  if (!area) area = [...doc.querySelectorAll(AREA)].find((a) => a.offsetParent !== null);
  const box = area ? area.getBoundingClientRect() : null;
  const top = box ? Math.max(0, box.top) : 0;
  // and at the right of that area (JupyterLab's right side bar stays uncovered)
  const win = doc.defaultView;
  const right = box && win ? Math.max(0, win.innerWidth - box.right) : 0;
  stack.style.top = `calc(${Math.round(top)}px + 0.5rem)`;
  stack.style.right = `${Math.round(right)}px`;
}

/** A countdown that can pause (pointer over the toasts) and resume. */
export function countdown(ms, done, clock = globalThis) {
  let left = ms, started = 0, handle = null;
  const t = {
    resume() {
      if (handle !== null || left === null) return;
      started = Date.now();
      handle = clock.setTimeout(() => { handle = null; left = null; done(); }, left);
    },
    pause() {
      if (handle === null) return;
      clock.clearTimeout(handle);
      handle = null;
      left = Math.max(0, left - (Date.now() - started));
    },
    cancel() {
      if (handle !== null) clock.clearTimeout(handle);
      handle = null;
      left = null;
    },
  };
  return t;
}

/** One toast card in ``stack``; returns a function that takes it away (faded). */
export function showToast(stack, { body, icon, duration, dark }, clock = globalThis) {
  const doc = stack.ownerDocument;
  const card = doc.createElement("div");
  card.className = "nbstate-toast-card" + (dark ? " nbstate-dark" : "");
  card.setAttribute("role", "alertdialog");
  if (icon) {
    const i = doc.createElement("span");
    i.className = "nbstate-toast-icon";
    // icon="spinner": a spinning ring, as Streamlit's
    if (icon === "spinner") i.classList.add("nbstate-toast-spinner");
    else i.textContent = String(icon);
    card.appendChild(i);
  }
  const text = doc.createElement("div");
  text.className = "nbstate-toast-body";
  text.innerHTML = String(body ?? "");
  card.appendChild(text);
  const close = doc.createElement("button");
  close.type = "button";
  close.className = "nbstate-toast-close";
  close.setAttribute("aria-label", "Close");
  close.textContent = "\u00d7";
  card.appendChild(close);
  stack.appendChild(card);

  let timer = null, gone = false;
  const remove = (fade) => {
    if (gone) return;
    gone = true;
    if (timer) {
      timer.cancel();
      stack.nbstateTimers?.delete(timer);
    }
    if (!fade) {
      card.remove();
      return;
    }
    card.classList.add("nbstate-toast-out");
    clock.setTimeout(() => card.remove(), FADE_MS);
  };
  close.addEventListener("click", () => remove(false));
  const secs = Number(duration);
  if (secs > 0) {
    timer = countdown(secs * 1000, () => remove(true), clock);
    stack.nbstateTimers?.add(timer);
    if (!stack.matches?.(":hover")) timer.resume();
  }
  return remove;
}

// the keys of the toasts this page has shown: a view drawn again (a notebook re-attaching
// its outputs) must not show its toast a second time
const SHOWN = new Set();
// per toast widget (uid): what takes its card away
const CARDS = new Map();

function render({ model, el }) {
  const doc = el.ownerDocument || globalThis.document;
  el.classList.add("nbstate-toast-view");
  const show = () => {
    const uid = String(model.get("uid") ?? "");
    const key = `${uid}|${model.get("key") ?? ""}`;
    if (SHOWN.has(key)) return;
    SHOWN.add(key);
    CARDS.get(uid)?.(false); // .toast() on the handle: the new text replaces the card
    const stack = toastStack(doc);
    placeStack(stack, doc, el);
    // (a view is drawn before it is in the page: place the stack again once it is)
    doc.defaultView?.requestAnimationFrame?.(() => placeStack(stack, doc, el));
    const dark = Boolean(el.closest && el.closest(".nbstate-dark"));
    CARDS.set(uid, showToast(stack, {
      body: model.get("body"), icon: model.get("icon"), duration: model.get("duration"), dark,
    }));
  };
  show();
  for (const t of TRAITS) model.on(`change:${t}`, show);
  // the view going (the next run has no such toast) leaves the card to its countdown, as a
  // Streamlit toast outlives the run that made it
  return () => {
    for (const t of TRAITS) model.off(`change:${t}`, show);
  };
}

export default { render };
