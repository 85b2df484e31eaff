// nbstate page_config: an anywidget ESM module (no build step, no lab extension).
//
// st.set_page_config's page_title and page_icon title the page the app is on: the browser
// tab's title and icon. The widget takes no room. Traits:
//   title   the page title ("" leaves the page's own title)
//   icon    an emoji, or a data:/http URL of an image ("" leaves the page's own icon)
// The title is set on the document when the app is the whole page (Voila) or, in a notebook
// application, only while the app's title stays as set (JupyterLab retitles its own tab).

/** A favicon URL for an icon: an image URL as is, an emoji drawn as an SVG. */
export function iconHref(icon) {
  if (!icon) return "";
  if (/^(data:|https?:)/.test(icon)) return icon;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">` +
    `<text y=".9em" font-size="90">${icon}</text></svg>`;
  return "data:image/svg+xml," + encodeURIComponent(svg);
}

/** Apply title and icon to `doc`; returns what was set. */
export function applyPage(doc, title, icon) {
  const done = {};
  if (title) {
    doc.title = title;
    done.title = title;
  }
  const href = iconHref(icon);
  if (href) {
    let link = doc.querySelector("link[rel~='icon']");
    if (!link) {
      link = doc.createElement("link");
      link.rel = "icon";
      doc.head.appendChild(link);
    }
    link.href = href;
    done.icon = href;
  }
  return done;
}

export default {
  render({ model, el }) {
    el.style.display = "none";
    el.classList.add("nbstate-page-config");
    const apply = () => applyPage(el.ownerDocument, model.get("title"), model.get("icon"));
    apply();
    model.on("change:title", apply);
    model.on("change:icon", apply);
    return () => {
      model.off("change:title", apply);
      model.off("change:icon", apply);
    };
  },
};
