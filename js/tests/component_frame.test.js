import assert from "node:assert/strict";
import { test } from "node:test";

import { handle, pageUrl } from "../component_frame.js";

function setup() {
  const sent = [];
  const notes = [];
  const state = { ready: false, note: (t) => notes.push(t) };
  const model = { send: (m) => sent.push(m) };
  const frame = { style: {} };
  let renders = 0;
  const render = () => { renders += 1; };
  return { state, model, frame, sent, notes, render, renders: () => renders };
}

test("the page's URL carries streamlitUrl, as Streamlit's frontend adds it", () => {
  const loc = { href: "http://h:8888/lab/tree/a.ipynb", origin: "http://h:8888",
                pathname: "/lab/tree/a.ipynb" };
  const url = new URL(pageUrl("http://127.0.0.1:5000/abc/index.html?x=1", loc));
  assert.equal(url.searchParams.get("streamlitUrl"), "http://h:8888/lab/tree/a.ipynb");
  assert.equal(url.searchParams.get("x"), "1");
});

test("componentReady renders; values and heights only after it", () => {
  const s = setup();
  const value = { isStreamlitMessage: true, type: "streamlit:setComponentValue", value: 3 };
  assert.equal(handle(s.state, value, s.model, s.frame, s.render), "early");
  assert.deepEqual(s.sent, []);
  const ready = { isStreamlitMessage: true, type: "streamlit:componentReady", apiVersion: 1 };
  assert.equal(handle(s.state, ready, s.model, s.frame, s.render), "ready");
  assert.equal(s.renders(), 1);
  assert.equal(handle(s.state, value, s.model, s.frame, s.render), "value");
  assert.deepEqual(s.sent, [{ event: "value", value: 3 }]);
  const height = { isStreamlitMessage: true, type: "streamlit:setFrameHeight", height: 90 };
  assert.equal(handle(s.state, height, s.model, s.frame, s.render), "height");
  assert.equal(s.frame.style.height, "90px");
});

test("other data types and versions are reported, foreign messages ignored", () => {
  const s = setup();
  assert.equal(handle(s.state, { type: "streamlit:componentReady" }, s.model, s.frame,
                      s.render), "ignored");
  assert.equal(handle(s.state, { isStreamlitMessage: true, type: "streamlit:componentReady",
                                 apiVersion: 2 }, s.model, s.frame, s.render), "bad-version");
  assert.match(s.notes.at(-1), /API version: '2'/);
  s.state.ready = true;
  handle(s.state, { isStreamlitMessage: true, type: "streamlit:setComponentValue",
                    value: {}, dataType: "dataframe" }, s.model, s.frame, s.render);
  assert.deepEqual(s.sent, [{ event: "value", unsupported: "dataframe" }]);
});
