"""Fuzzing the widget comm path of a live app: a hostile browser sends thousands of messages
(wrong types, NaN and infinities, huge numbers and strings, out-of-range values, malformed
messages, unknown and closed comms), many per kernel round trip.

After every batch: the kernel still answers, every value in session state is one the widget
could hold (checked against the app's constraints, independently of nbstate's own checks), a
widget that received only refused values kept exactly its value, every refused value was
named in a warning, and a valid change afterwards reruns the app as usual.

The oracle of what the frontend accepts replays the comm protocol as the kernel reads it
(ipywidgets' ``from_json`` of the trait, the binding's mapping of indices and tags to options)
and then applies the widget's constraints as this file states them.

``NBSTATE_LONG=1``: 10,000+ messages; otherwise a few hundred.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import math
import re
from typing import Any

import ipywidgets as W
import pytest
from hostile import LONG, pack_any, shown_texts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from ipywidgets.widgets.widget import _put_buffers

from nbstate.frontends.look import MultiSelect, Toggle
from nbstate.uploads import UploadedFile

APP = """
import datetime
st.session_state.setdefault("calls", 0)
def cb():
    st.session_state.calls += 1
st.checkbox("Flag", key="f_check", on_change=cb)
st.toggle("Power", key="f_toggle", on_change=cb)
st.radio("Radio", ["a", "b", "c"], key="f_radio", on_change=cb)
st.selectbox("Select", ["x", "y", "z"], key="f_select", on_change=cb)
st.multiselect("Multi", ["p", "q", "r"], max_selections=2, key="f_multi", on_change=cb)
st.slider("Int", 0, 10, 5, key="f_int", on_change=cb)
st.slider("Float", 0.0, 1.0, 0.5, step=0.25, key="f_float", on_change=cb)
st.slider("Range", 0, 100, (10, 20), key="f_range", on_change=cb)
st.select_slider("Size", ["S", "M", "L"], key="f_size", on_change=cb)
st.text_input("Name", max_chars=20, key="f_text", on_change=cb)
st.text_area("Notes", key="f_area", on_change=cb)
st.number_input("Count", 0, 100, 3, key="f_num", on_change=cb)
st.number_input("Free", value=1.5, key="f_free", on_change=cb)
st.date_input("Day", datetime.date(2024, 5, 2), datetime.date(2024, 5, 1),
              datetime.date(2024, 5, 31), key="f_date", on_change=cb)
st.time_input("At", datetime.time(8, 0), key="f_time", on_change=cb)
st.color_picker("Colour", "#112233", key="f_color", on_change=cb)
st.file_uploader("Upload", type=["txt"], max_upload_size=100, key="f_file", on_change=cb)
st.pills("Pill", ["u", "v"], key="f_pill", on_change=cb)
st.button("Go", key="f_button")
if st.checkbox("Show extra", True, key="f_show"):
    st.text_input("Extra", key="f_extra")
st.write(f"int={st.session_state.f_int} calls={st.session_state.calls}")
"""

# key -> (label, ipywidget class, value trait, to core value, constraint on the core value)
# `to core`: the binding's mapping of what arrived (after from_json) to the core's value;
# raising means "no value of this widget".
_OPTS = {"f_radio": ["a", "b", "c"], "f_select": ["x", "y", "z"], "f_size": ["S", "M", "L"],
         "f_pill": ["u", "v"]}


def _index(key):
    def conv(raw):
        if raw is None and key == "f_pill":
            return None
        if type(raw) is int and 0 <= raw < len(_OPTS[key]):
            return _OPTS[key][raw]
        raise ValueError(raw)
    return conv


def _indices(raw):
    if not isinstance(raw, list) or not all(type(i) is int and 0 <= i < 3 for i in raw):
        raise ValueError(raw)
    return ["pqr"[i] for i in raw]


def _ident(raw):
    return raw


def _pair(raw):
    if isinstance(raw, list):
        return tuple(raw)
    raise ValueError(raw)


def _upload(raw):
    if not isinstance(raw, (list, tuple)):
        raise ValueError(raw)
    files = []
    for d in raw:
        content, name, kind = d["content"], d["name"], d.get("type")
        if not isinstance(content, (bytes, bytearray, memoryview)) or not isinstance(name, str) \
                or not isinstance(kind, (str, type(None))):
            raise ValueError(d)
        files.append(UploadedFile(name, bytes(content), kind or None))
    if not files:
        return None
    if len(files) != 1:
        raise ValueError(raw)
    return files[0]


def _num(v, lo=None, hi=None, ints=False):
    if ints:
        if type(v) is not int or abs(v) > 2**53 - 1:
            return False
    elif type(v) is not float or not math.isfinite(v):
        return False
    return (lo is None or v >= lo) and (hi is None or v <= hi)


def _float(raw):
    """A float widget takes an int or float from the browser as a float."""
    if type(raw) not in (int, float):
        raise ValueError(raw)
    return float(raw)  # OverflowError for a huge int: refused


def _on_grid(v, lo, step):
    k = (v - lo) / step
    return abs(k - round(k)) <= 1e-6


def _utf8(v: str) -> bool:
    """Text a browser can be sent back: no lone surrogate."""
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_date(v):
    return type(v) is dt.date and dt.date(2024, 5, 1) <= v <= dt.date(2024, 5, 31)


WIDGETS: dict[str, tuple] = {
    "f_check": ("Flag", W.Checkbox, "value", _ident, lambda v: type(v) is bool),
    "f_toggle": ("Power", Toggle, "value", _ident, lambda v: type(v) is bool),
    "f_radio": ("Radio", W.RadioButtons, "index", _index("f_radio"), lambda v: v in "abc"),
    "f_select": ("Select", W.Dropdown, "index", _index("f_select"), lambda v: v in "xyz"),
    "f_multi": ("Multi", MultiSelect, "index", _indices,
                lambda v: len(v) <= 2 and len(set(v)) == len(v)),
    "f_int": ("Int", W.IntSlider, "value", _ident, lambda v: _num(v, 0, 10, ints=True)),
    "f_float": ("Float", W.FloatSlider, "value", _float,
                lambda v: _num(v, 0, 1) and _on_grid(v, 0.0, 0.25)),
    "f_range": ("Range", W.IntRangeSlider, "value", _pair,
                lambda v: len(v) == 2 and all(_num(x, 0, 100, ints=True) for x in v)
                and v[0] <= v[1]),
    "f_size": ("Size", W.SelectionSlider, "index", _index("f_size"), lambda v: v in "SML"),
    "f_text": ("Name", W.Text, "value", _ident,
               lambda v: isinstance(v, str) and _utf8(v) and len(v) <= 20),
    "f_area": ("Notes", W.Textarea, "value", _ident, lambda v: isinstance(v, str) and _utf8(v)),
    "f_num": ("Count", W.BoundedIntText, "value", _ident, lambda v: _num(v, 0, 100, ints=True)),
    "f_free": ("Free", W.FloatText, "value", _float, lambda v: _num(v)),
    "f_date": ("Day", W.DatePicker, "value", _ident, _is_date),
    "f_time": ("At", W.TimePicker, "value", _ident, lambda v: type(v) is dt.time),
    "f_color": ("Colour", W.ColorPicker, "value", _ident,
                lambda v: isinstance(v, str) and re.fullmatch("#[0-9a-fA-F]{6}", v)),
    "f_file": ("Upload", W.FileUpload, "value", _upload,
               lambda v: v is None or (v.name.lower().endswith(".txt") and v.size <= 100
                                       and _utf8(v.name) and _utf8(v.type))),
    "f_pill": ("Pill", W.ToggleButtons, "index", _index("f_pill"),
               lambda v: v is None or v in "uv"),
}

# The same constraints, run in the kernel on what session state holds.
KERNEL_CHECKS = """
import datetime as _dt, math as _m, re as _re, hashlib as _h, json as _j
from nbstate.uploads import UploadedFile as _UF
def _rel_utf8(v):
    try:
        v.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False
def _rel_num(v, lo=None, hi=None, ints=False):
    if isinstance(v, bool):
        return False
    if ints and (type(v) is not int or abs(v) > 2**53 - 1):
        return False
    if type(v) not in (int, float) or (type(v) is float and not _m.isfinite(v)):
        return False
    return (lo is None or v >= lo) and (hi is None or v <= hi)
_REL_OK = {
    "f_check": lambda v: type(v) is bool, "f_toggle": lambda v: type(v) is bool,
    "f_radio": lambda v: v in ("a", "b", "c"), "f_select": lambda v: v in ("x", "y", "z"),
    "f_multi": lambda v: type(v) is list and len(v) <= 2 and len(set(v)) == len(v)
               and all(x in ("p", "q", "r") for x in v),
    "f_int": lambda v: _rel_num(v, 0, 10, True),
    "f_float": lambda v: type(v) is float and _rel_num(v, 0, 1) and abs(v * 4 - round(v * 4)) <= 1e-6,
    "f_range": lambda v: type(v) is tuple and len(v) == 2
               and all(_rel_num(x, 0, 100, True) for x in v) and v[0] <= v[1],
    "f_size": lambda v: v in ("S", "M", "L"),
    "f_text": lambda v: type(v) is str and _rel_utf8(v) and len(v) <= 20,
    "f_area": lambda v: type(v) is str and _rel_utf8(v),
    "f_num": lambda v: _rel_num(v, 0, 100, True),
    "f_free": lambda v: type(v) is float and _rel_num(v),
    "f_date": lambda v: type(v) is _dt.date and _dt.date(2024, 5, 1) <= v <= _dt.date(2024, 5, 31),
    "f_time": lambda v: type(v) is _dt.time,
    "f_color": lambda v: type(v) is str and _re.fullmatch("#[0-9a-fA-F]{6}", v) is not None,
    "f_file": lambda v: v is None or (isinstance(v, _UF) and v.name.lower().endswith(".txt")
                                      and v.size <= 100 and _rel_utf8(v.name)),
    "f_pill": lambda v: v is None or v in ("u", "v"),
    "f_button": lambda v: v is False, "f_show": lambda v: v is False,
    "f_extra": lambda v: type(v) is str, "calls": lambda v: type(v) is int,
}
def _rel_digest(v):
    r = repr(v)
    return r if len(r) < 200 else "sha:" + _h.sha256(r.encode("utf8", "surrogatepass")).hexdigest()
def _rel_snapshot():
    ss = __import__("nbstate").session_state
    keys = [k for k in ss.keys() if k in _REL_OK]
    return _j.dumps({"state": {k: _rel_digest(ss[k]) for k in keys},
                     "invalid": [k for k in keys if not _REL_OK[k](ss[k])]})
"""


def _digest(v: Any) -> str:
    r = repr(v)
    return r if len(r) < 200 else "sha:" + hashlib.sha256(
        r.encode("utf8", "surrogatepass")).hexdigest()


def _from_json(cls: type, trait: str, raw: Any) -> Any:
    conv = cls.class_traits()[trait].metadata.get("from_json")
    return conv(raw, None) if conv is not None else raw


def outcome(key: str, data: Any, buffers: list[bytes]) -> tuple[bool, Any]:
    """What the app must make of one comm message for widget ``key``, as the kernel reads the
    wire: ``(carries a value, the accepted core value or _REFUSED)``."""
    label, cls, trait, to_core, ok = WIDGETS[key]
    try:
        data = json.loads(pack_any(data))
        if data.get("method") != "update":
            return False, None
    except Exception:
        return False, None
    try:
        state = dict(data.get("state") or {})
        _put_buffers(state, data.get("buffer_paths") or [], buffers)
    except Exception:
        return True, _REFUSED  # a malformed update is refused, naming the widget
    if trait not in state:
        return False, None
    try:
        value = to_core(_from_json(cls, trait, state[trait]))
        if not ok(value):
            return True, _REFUSED
    except Exception:
        return True, _REFUSED
    return True, value


_REFUSED = object()

# -- what a hostile browser sends ----------------------------------------------------------
_HUGE = [10**400, -(10**400), 2**53, 2**63, -(2**53) - 1, 1e308, -1e308, 5e-324,
         float("nan"), float("inf"), float("-inf")]
scalars = (hs.none() | hs.booleans() | hs.integers(-5, 120) | hs.integers()
           | hs.sampled_from(_HUGE) | hs.floats(allow_nan=True, allow_infinity=True)
           | hs.text(max_size=30) | hs.sampled_from(["\ud800", "x" * 20_000, "#ff00ff", "", "a",
                                                     "p", "q", "#12345", "S", "u"]))
json_values = hs.recursive(scalars, lambda ch: hs.lists(ch, max_size=4)
                           | hs.dictionaries(hs.text(max_size=6), ch, max_size=4), max_leaves=8)

date_dicts = hs.fixed_dictionaries({"year": hs.sampled_from([2024, 2023, 0, 10**6, -1, 2024.0]),
                                    "month": hs.integers(-2, 13), "date": hs.integers(-1, 33)})
time_dicts = hs.fixed_dictionaries({"hours": hs.integers(-1, 25), "minutes": hs.integers(-1, 61),
                                    "seconds": hs.integers(-1, 61),
                                    "milliseconds": hs.integers(-1, 1000) | hs.floats(0, 1)})
upload_entry = hs.fixed_dictionaries(
    {"name": hs.sampled_from(["a.txt", "B.TXT", "c.csv", "noext", 5, None, "\ud800.txt"]),
     "type": hs.sampled_from(["text/plain", "", None, 3, "\udfff"]),
     "size": hs.sampled_from([1, -1, 10**12, "big"]),
     "content": hs.sampled_from(["BUFFER", "BIG", 5, 10**9, "text", [1, 2], None]),
     "last_modified": hs.sampled_from([0, 1.7e12, -1, float("nan"), 10**30, "x", None])})

PER_KIND = {
    "f_check": hs.booleans(), "f_toggle": hs.booleans(),
    "f_radio": hs.integers(-2, 4) | hs.sampled_from([1.0, True, "a"]),
    "f_select": hs.integers(-2, 4) | hs.sampled_from([1.0, False, "x"]),
    "f_size": hs.integers(-2, 4), "f_pill": hs.integers(-1, 3) | hs.none(),
    "f_multi": hs.lists(hs.integers(-1, 3) | hs.sampled_from([1.0, True, "p"]), max_size=4),
    "f_int": hs.integers(-3, 14) | hs.sampled_from([2.5, 3.0, "4", True]),
    "f_float": hs.sampled_from([0, 1, 0.25, 0.3, 0.75, 1.25, -0.25, True, "0.5"])
    | hs.floats(-1, 2),
    "f_range": hs.lists(hs.integers(-5, 105) | hs.sampled_from([1.5, None]), max_size=3),
    "f_text": hs.text(max_size=25), "f_area": hs.text(max_size=200),
    "f_num": hs.integers(-5, 105) | hs.sampled_from([3.5, "7"]),
    "f_free": hs.floats(allow_nan=True, allow_infinity=True) | hs.integers(),
    "f_date": date_dicts, "f_time": time_dicts,
    "f_color": hs.sampled_from(["#aabbcc", "#ABCDEF", "red", "#abc", "#gggggg", "#aabbccdd"]),
    "f_file": hs.lists(upload_entry, max_size=3),
}


@hs.composite
def message(draw, keys: list[str]):
    """``(target, data, buffers)``: target is a widget key, "unknown", "closed" or "display"."""
    target = draw(hs.sampled_from(keys + ["unknown", "closed", "display", "button"]))
    if target in ("unknown", "closed", "display", "button"):
        trait = "value"
        value = draw(json_values)
        if target == "button":
            return target, draw(hs.sampled_from([
                {"method": "custom", "content": {"event": "click"}},
                {"method": "custom", "content": draw(json_values)},
                {"method": "update", "state": {"zz_unknown": value}}])), []
        if target == "display":
            trait = "zz_unknown"
    else:
        trait = WIDGETS[target][2]
        value = draw(PER_KIND[target] | json_values) if draw(hs.integers(0, 3)) else \
            draw(json_values)
    buffers: list[bytes] = []
    paths: Any = []
    if target == "f_file" and isinstance(value, list):
        value = copy.deepcopy(value)
        for i, entry in enumerate(value):
            if isinstance(entry, dict) and entry.get("content") in ("BUFFER", "BIG"):
                buffers.append(b"hello" if entry["content"] == "BUFFER" else b"x" * 500)
                entry["content"] = None
                paths.append(["value", i, "content"])
    shape = draw(hs.integers(0, 19))
    if shape == 0:
        data: Any = {"state": {trait: value}}  # no method
    elif shape == 1:
        data = {"method": "update"}  # no state
    elif shape == 2:
        data = {"method": "update", "state": draw(json_values.filter(
            lambda s: not isinstance(s, dict)))}
    elif shape == 3:
        data = {"method": "update", "state": {draw(hs.sampled_from(
            ["zz_unknown", "", "__class__", "valu"])): value}}
    elif shape == 4:
        data = {"method": draw(hs.sampled_from(["upd", "", None, 3, "request_state",
                                                "echo_update"])), "state": {trait: value}}
    elif shape == 5:
        data = {"method": "update", "state": {trait: value},
                "buffer_paths": draw(json_values)}
        buffers = [b"junk"] * draw(hs.integers(0, 2))
    elif shape == 6:
        data = draw(json_values)  # data is anything
    else:
        data = {"method": "update", "state": {trait: value}, "buffer_paths": paths}
    return target, data, buffers


KEYS = list(WIDGETS)
BATCHES = 360 if LONG else 12  # batches average ~33 messages
SENT = {"messages": 0, "refusals": 0, "accepted": 0}


@pytest.fixture(scope="module")
def fuzz_app(kernel):
    kernel.execute(KERNEL_CHECKS)
    kernel.execute("%%app fuzz\nimport nbstate as st\n" + APP, cell_id="fuzz-cell")
    root = kernel.app()
    models = {k: kernel.find(description=WIDGETS[k][0], within=root) for k in KEYS}
    extra = kernel.find(description="Extra", within=root)
    kernel.set(kernel.find(description="Show extra", within=root), False)
    assert extra.closed
    display = next(m for m in root.walk() if m.name == "HTML")
    button = kernel.find(description="Go", within=root)
    show = kernel.find(description="Show extra", within=root)
    return root, models, {"closed": extra, "display": display, "button": button, "show": show}


def snapshot(kernel) -> dict:
    return json.loads(kernel.eval("_rel_snapshot()"))


def test_hostile_comm_messages(kernel, browser, fuzz_app):
    root, models, others = fuzz_app

    @settings(max_examples=BATCHES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(hs.lists(message(KEYS), min_size=20, max_size=60))
    def batch(msgs):
        before = snapshot(kernel)
        assert before["invalid"] == []
        wire = []
        for target, data, buffers in msgs:
            if target == "unknown":
                wire.append(browser.comm("no-such-comm-" + str(len(wire)), data, buffers))
            elif target in others:
                wire.append(browser.comm(others[target], data, buffers))
            else:
                wire.append(browser.comm(models[target], data, buffers))
        # A change queued behind messages that carry no value is applied once no message is
        # waiting (a moment later): as a browser's next change would, a last update (the
        # value "Show extra" has) makes the app apply everything queued before it.
        wire.append(browser.comm(others["show"], {"method": "update", "state": {"value": False},
                                                  "buffer_paths": []}))
        old_ids = set(kernel.models)
        with kernel.updates_during() as ups:
            browser.send_all(wire)
        SENT["messages"] += len(wire)

        after = snapshot(kernel)
        # never an invalid value in session state
        assert after["invalid"] == [], after
        # a widget that got only refusals (or nothing usable) keeps exactly its value
        last: dict[str, Any] = {}
        accepted: dict[str, set[str]] = {}
        for target, data, buffers in msgs:
            if target not in WIDGETS:
                continue
            carries, value = outcome(target, data, buffers)
            if not carries:
                continue
            last[target] = value
            if value is _REFUSED:
                SENT["refusals"] += 1
            else:
                SENT["accepted"] += 1
                accepted.setdefault(target, set()).add(_digest(value))
        for key in WIDGETS:
            was, now = before["state"][key], after["state"][key]
            if key in accepted:
                assert now == was or now in accepted[key], (key, was, now, accepted[key])
            else:
                assert now == was, (key, was, now)
        if not accepted:
            assert after["state"]["calls"] == before["state"]["calls"]  # no callback ran
        # each widget whose last value was refused is named in a warning the app showed
        shown = shown_texts(kernel, ups, set(kernel.models) - old_ids, root)
        for key, value in last.items():
            if value is _REFUSED and f'"{WIDGETS[key][0]}" (key "{key}") refused' not in shown:
                pytest.fail(f"no warning names {key}; the app showed: {shown[-3000:]}")

        # the app keeps answering: a valid change reruns it
        slider = models["f_int"]
        new = (json.loads(after["state"]["f_int"]) + 1) % 11
        kernel.set(slider, new)
        assert f"int={new} " in kernel.text(root)
        assert slider.value == new

    batch()
    assert SENT["messages"] >= (10_000 if LONG else 240)
    assert SENT["refusals"] > 0 and SENT["accepted"] > 0
    assert kernel.eval("1 + 1") == 2


def test_malformed_updates_are_refused_naming_the_widget(kernel, browser, fuzz_app):
    root, models, _ = fuzz_app
    box = models["f_check"]
    before = snapshot(kernel)["state"]
    for data, bufs in [({"method": "update", "state": "not a dict"}, []),
                       ({"method": "update", "state": [1, 2]}, []),
                       ({"method": "update", "state": {"value": True},
                         "buffer_paths": [["value", 3, "x"]]}, [b"junk"])]:
        browser.send_all([browser.comm(box, data, bufs)])
        text = kernel.text(root)
        assert '"Flag" (key "f_check") refused the value a malformed update' in text, data
    assert snapshot(kernel)["state"] == before
    kernel.set(box, not json.loads(before["f_check"].lower()))
    assert snapshot(kernel)["state"]["f_check"] != before["f_check"]


def test_text_with_a_lone_surrogate_is_refused(kernel, browser, fuzz_app):
    # JSON can carry "\ud800", UTF-8 cannot: stored, it could never be sent back and every
    # later update of the app would fail
    root, models, _ = fuzz_app
    before = snapshot(kernel)["state"]
    browser.send_all([browser.comm(models["f_text"], {"method": "update",
                                                      "state": {"value": "a\ud800"}})])
    assert '"Name" (key "f_text") refused' in kernel.text(root)
    assert "not valid Unicode" in kernel.text(root)
    assert snapshot(kernel)["state"] == before
    kernel.set(models["f_text"], "fine")
    assert kernel.state("f_text") == "fine"
    assert "refused" not in kernel.text(root)


def test_a_buffer_path_making_a_strange_key_does_not_hide_the_value(kernel, browser, fuzz_app):
    # found by the fuzz: a buffer path [[None]] put a key None into the state, on which
    # ipywidgets' set_state raised before the value was looked at
    root, models, _ = fuzz_app
    before = snapshot(kernel)["state"]
    browser.send_all([browser.comm(models["f_check"], {
        "method": "update", "state": {"value": None}, "buffer_paths": [[None]]}, [b"junk"])])
    assert '"Flag" (key "f_check") refused the value None' in kernel.text(root)
    assert snapshot(kernel)["state"] == before
