// nbstate fragment_timer: an anywidget ESM module (no build step, no lab extension).
//
// The timer of an `@st.fragment(run_every=...)`: while the app is shown, it sends
// {event: "click"} to the kernel every `interval` seconds, and the kernel reruns that fragment.
// Traits:
//   interval  seconds between ticks (0: no ticks)
//   disabled  no ticks
// The widget takes no room. One timer per widget model, however many views show it.

const timers = new WeakMap();

/** Start (or restart) the ticking of `model`; returns the interval id, or null. */
export function arm(model, win) {
  const old = timers.get(model);
  if (old) win.clearInterval(old.id);
  const seconds = Number(model.get("interval")) || 0;
  if (seconds <= 0 || model.get("disabled")) {
    timers.delete(model);
    return null;
  }
  const id = win.setInterval(() => model.send({ event: "click" }), seconds * 1000);
  timers.set(model, { id, views: (old && old.views) || 0 });
  return id;
}

export default {
  render({ model, el }) {
    const win = el.ownerDocument.defaultView || globalThis;
    el.style.display = "none";
    el.classList.add("nbstate-fragment-timer");
    arm(model, win);
    const entry = timers.get(model);
    if (entry) entry.views += 1;
    const rearm = () => arm(model, win);
    model.on("change:interval", rearm);
    model.on("change:disabled", rearm);
    return () => {
      model.off("change:interval", rearm);
      model.off("change:disabled", rearm);
      const e = timers.get(model);
      if (e) {
        e.views -= 1;
        if (e.views <= 0) {
          win.clearInterval(e.id);
          timers.delete(model);
        }
      }
    };
  },
};
