// nbstate url_query: an anywidget ESM module (no build step, no lab extension).
//
// st.query_params written by the app is the page's URL query, as in Streamlit: the kernel
// sets `query` (the query string, without "?") and this puts it in the address bar with
// history.replaceState (no reload, no new history entry; the path and the #hash stay).
// The kernel makes one only where the app is the whole page (Voila): a notebook
// application's URL is its own. The widget takes no room. Traits:
//   query   the query string ("a=1&b=x"); "" removes the query from the URL

/** The URL `loc` (a Location) with its query replaced by `query`. */
export function withQuery(loc, query) {
  return loc.pathname + (query ? "?" + query : "") + (loc.hash || "");
}

/** Put `query` in `win`'s address bar if it differs; returns the new URL or null. */
export function applyQuery(win, query) {
  if (query === null || query === undefined) return null;
  const loc = win.location;
  const current = (loc.search || "").replace(/^\?/, "");
  if (current === query) return null;
  const url = withQuery(loc, query);
  win.history.replaceState(win.history.state, "", url);
  return url;
}

export default {
  render({ model, el }) {
    el.style.display = "none";
    el.classList.add("nbstate-url-query");
    const win = el.ownerDocument.defaultView;
    const apply = () => applyQuery(win, model.get("query"));
    apply();
    model.on("change:query", apply);
    return () => model.off("change:query", apply);
  },
};
