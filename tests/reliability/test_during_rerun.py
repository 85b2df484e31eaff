"""Hostile and valid updates that arrive while a rerun is running: they queue behind it and
are applied (or refused) together afterwards; nothing invalid is stored."""

from __future__ import annotations

import time

from hostile import Browser, shown_texts


def test_updates_arriving_during_a_rerun(kernel, app, browser: Browser, tmp_path):
    started, go = tmp_path / "started", tmp_path / "go"
    root = app(f"""
    import pathlib, time
    st.session_state.setdefault("calls", [])
    def cb(name):
        st.session_state.calls.append(name)
    level = st.slider("Level", 0, 10, 0, key="lvl", on_change=cb, args=("lvl",))
    word = st.text_input("Word", max_chars=5, key="word", on_change=cb, args=("word",))
    pick = st.radio("Pick", ["a", "b"], key="pick", on_change=cb, args=("pick",))
    if level == 7 and not pathlib.Path({str(go)!r}).exists():
        pathlib.Path({str(started)!r}).write_text("yes")
        while not pathlib.Path({str(go)!r}).exists():
            time.sleep(0.005)
    st.write(f"lvl={{level}} word={{word!r}} pick={{pick!r}} calls={{st.session_state.calls}}")
    """)
    level = kernel.find(description="Level", within=root)
    word = kernel.find(description="Word", within=root)
    pick = kernel.find(description="Pick", within=root)

    mid = kernel.set(level, 7, wait=False)
    deadline = time.monotonic() + 60
    while not started.exists():  # the rerun is under way and waits for us
        assert time.monotonic() < deadline
        time.sleep(0.005)
    up = {"method": "update", "buffer_paths": []}
    frames = [browser.frames(*m) for m in [
        browser.comm(level, {**up, "state": {"value": 99}}),
        browser.comm(level, {**up, "state": {"value": float("nan")}}),
        browser.comm(word, {**up, "state": {"value": "far too long"}}),
        browser.comm(word, {**up, "state": {"value": "ok"}}),
        browser.comm(pick, {**up, "state": {"index": 5}}),
        browser.comm("no-such-comm", {**up, "state": {"value": 1}}),
        browser.comm(pick, {"method": "update", "state": "garbage"}),
    ]]
    sock = kernel.kc.shell_channel.socket
    old_ids = set(kernel.models)
    with kernel.updates_during() as ups:
        for f, _ in frames:  # sent while the rerun runs: the kernel reads them after it
            sock.send_multipart(f)
        go.write_text("go")
        kernel._wait_idle(mid)
        for _, m in frames:
            kernel._wait_idle(m)
        # changes queued behind messages without a value are applied once nothing else
        # waits; a browser's next change (here: the same word again) applies them at once
        kernel.set(word, "ok")
    shown = shown_texts(kernel, ups, set(kernel.models) - old_ids, root)
    assert '"Level" (key "lvl") refused the value nan' in shown
    # (index 5, then a malformed update: the last one the app saw for the widget is named)
    assert '"Pick" (key "pick") refused the value' in shown

    text = kernel.text(root)
    assert "lvl=7 word='ok' pick='a'" in text
    assert kernel.state("calls") == ["lvl", "word"]
    assert kernel.state("lvl") == 7 and kernel.state("pick") == "a"
    assert level.value == 7 and pick["index"] == 0  # refused values set back in the browser
    kernel.set(pick, 1)
    assert "pick='b'" in kernel.text(root)
