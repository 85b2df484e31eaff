import assert from "node:assert/strict";
import { test } from "node:test";

import { clean, SAFE, sizeOf, WITH_JS } from "../html_block.js";

test("st.html is sanitized with Streamlit's DOMPurify settings", () => {
  const calls = [];
  const purify = { sanitize: (body, cfg) => { calls.push(cfg); return `clean:${body}`; } };
  assert.equal(clean(purify, "<b>x</b>", false), "clean:<b>x</b>");
  assert.equal(clean(purify, "<b>x</b>", true), "clean:<b>x</b>");
  assert.deepEqual(calls[0], { USE_PROFILES: { html: true }, FORCE_BODY: true });
  assert.equal(calls[0], SAFE);
  assert.equal(calls[1], WITH_JS);
  assert.deepEqual(WITH_JS.ADD_TAGS, ["script", "style"]);
});

test("width: stretch, content or pixels", () => {
  assert.deepEqual(sizeOf("stretch"), { width: "100%", maxWidth: "" });
  assert.deepEqual(sizeOf("content"), { width: "fit-content", maxWidth: "100%" });
  assert.deepEqual(sizeOf("240"), { width: "240px", maxWidth: "100%" });
});
