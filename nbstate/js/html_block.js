// nbstate html_block: st.html in the live notebook (an anywidget ESM module).
//
// nbstate/frontends/embeds.py puts DOMPurify (nbstate/js/purify.min.js) in front of this
// module as `DOMPurify`. The model's traits:
//   body               the HTML
//   allow_javascript   st.html(unsafe_allow_javascript=True): keep <script> and run it
//   style_only         the HTML is only <style> tags: it takes no room
//   width              "stretch" | "content" | a number of pixels (as text)
// As Streamlit's frontend does: the HTML is sanitized with DOMPurify's HTML profile (scripts
// and on... attributes removed); with allow_javascript, <script> tags are kept and re-created
// so that the browser runs them. CSS from <style> tags is scoped to the app's box
// (.nbstate-app) where the browser has @scope, so it does not restyle the notebook around it.

export const SAFE = { USE_PROFILES: { html: true }, FORCE_BODY: true };
export const WITH_JS = {
  ...SAFE,
  ADD_TAGS: ["script", "style"],
  ADD_ATTR: ["src", "type", "async", "defer", "nonce", "crossorigin", "referrerpolicy",
             "integrity"],
};
export const SCOPE = ".nbstate-app";

/** The sanitized HTML Streamlit would show for `body`. */
export function clean(purify, body, allowJs) {
  return purify.sanitize(String(body ?? ""), allowJs ? WITH_JS : SAFE);
}

/** Scope the CSS of each <style> under `root` to the app's box, if the browser can. */
export function scopeStyles(root, win) {
  if (typeof win?.CSSScopeRule === "undefined") return 0;
  let n = 0;
  for (const style of root.querySelectorAll("style")) {
    style.textContent = `@scope (${SCOPE}) {\n${style.textContent}\n}`;
    n++;
  }
  return n;
}

/** Replace each <script> under `root` by a fresh one, which the browser runs. */
export function runScripts(root, doc) {
  for (const old of Array.from(root.querySelectorAll("script"))) {
    const s = doc.createElement("script");
    for (const { name, value } of Array.from(old.attributes)) {
      try { s.setAttribute(name, value); } catch { /* an attribute the browser refuses */ }
    }
    if (!old.src) s.textContent = old.textContent;
    old.parentNode?.replaceChild(s, old);
  }
}

export function sizeOf(width) {
  const w = String(width ?? "stretch");
  if (w === "stretch") return { width: "100%", maxWidth: "" };
  if (w === "content") return { width: "fit-content", maxWidth: "100%" };
  return { width: `${parseInt(w, 10)}px`, maxWidth: "100%" };
}

export function draw(el, model, purify, doc, win) {
  const allowJs = !!model.get("allow_javascript");
  el.classList.add("nbstate-html");
  el.innerHTML = clean(purify, model.get("body"), allowJs);
  scopeStyles(el, win);
  if (allowJs) runScripts(el, doc);
  const { width, maxWidth } = sizeOf(model.get("width"));
  el.style.width = width;
  el.style.maxWidth = maxWidth;
  el.style.display = model.get("style_only") ? "none" : "";
}

export default {
  render({ model, el }) {
    const purify = typeof DOMPurify !== "undefined" ? DOMPurify : globalThis.DOMPurify;
    const redraw = () => draw(el, model, purify, el.ownerDocument, globalThis);
    redraw();
    for (const name of ["body", "allow_javascript", "style_only", "width"]) {
      model.on(`change:${name}`, redraw);
    }
    return () => { el.innerHTML = ""; };
  },
};
