import assert from "node:assert/strict";
import { test } from "node:test";

import urlQuery, { applyQuery, withQuery } from "../url_query.js";
import { FakeDocument, FakeModel } from "./fakes.js";

function fakeWindow(pathname, search, hash) {
  const w = { location: { pathname, search, hash }, calls: [] };
  w.history = {
    state: { lab: 1 },
    replaceState(state, title, url) {
      w.calls.push([state, url]);
      const [rest, h = ""] = url.split("#");
      const [p, q = ""] = rest.split("?");
      w.location = { pathname: p, search: q ? "?" + q : "", hash: h ? "#" + h : "" };
    },
  };
  return w;
}

test("url_query: the query replaces the URL's, path and hash kept, history state kept", () => {
  const win = fakeWindow("/voila/render/app.ipynb", "?a=1", "#top");
  assert.equal(applyQuery(win, "tab=sales&n=2"), "/voila/render/app.ipynb?tab=sales&n=2#top");
  assert.deepEqual(win.calls, [[{ lab: 1 }, "/voila/render/app.ipynb?tab=sales&n=2#top"]]);
  assert.equal(applyQuery(win, "tab=sales&n=2"), null);  // the same: nothing done
  assert.equal(applyQuery(win, ""), "/voila/render/app.ipynb#top");  // cleared
  assert.equal(applyQuery(win, null), null);
  assert.equal(withQuery({ pathname: "/x", hash: "" }, "q=1"), "/x?q=1");
});

test("url_query: the view follows its model's query until it is removed", () => {
  const doc = new FakeDocument();
  const win = fakeWindow("/voila/render/app.ipynb", "", "");
  doc.defaultView = win;
  const model = new FakeModel({ query: "x=1" });
  const el = doc.createElement("div");
  const stop = urlQuery.render({ model, el });
  assert.equal(el.style.display, "none");
  assert.equal(win.location.search, "?x=1");
  model.set("query", "x=2");
  assert.equal(win.location.search, "?x=2");
  stop();
  assert.equal(model.listeners(), 0);
});
