"""Right values, bounded output: date/time sliders reach every step of any range, a colour
never keeps a trailing newline, a burst of refusals is one warning, a refusal's warning is
short and never fails, uploads are named safely, checked by extension and type, and a refused
upload does not send the kept file's bytes back to the browser."""

from __future__ import annotations

from hostile import Browser, shown_texts


def test_date_slider_over_thirty_years_reaches_every_day(kernel, app):
    root = app("""
    import datetime as dt
    d = st.slider("Day", dt.date(2000, 1, 1), dt.date(2030, 1, 1), dt.date(2029, 6, 1),
                  key="long_day")
    st.write(f"day={d}")
    """)
    s = kernel.find(description="Day", within=root)
    labels = s["_options_labels"]
    assert len(labels) == 10959
    assert labels[s["index"]] == "2029-06-01"  # what the slider shows is the value
    kernel.set(s, len(labels) - 1)
    assert "day=2030-01-01" in kernel.text(root)
    assert kernel.eval("str(__import__('nbstate').session_state['long_day'])") == "2030-01-01"


def test_datetime_slider_of_half_a_million_steps(kernel, app):
    root = app("""
    import datetime as dt
    t = st.slider("When", dt.datetime(2000, 1, 1), dt.datetime(2001, 1, 1),
                  dt.datetime(2000, 12, 31, 23, 59), step=dt.timedelta(minutes=1),
                  key="long_when")
    st.write(f"when={t:%Y-%m-%d %H:%M}")
    """)
    s = kernel.find(name="IntSlider", within=root)
    assert s["max"] == 366 * 24 * 60 and s.value == s["max"] - 1
    assert s["description"] == "When: 2000-12-31 23:59"  # the value is shown, not a number
    kernel.set(s, s["max"])
    assert "when=2001-01-01 00:00" in kernel.text(root)
    assert s["description"] == "When: 2001-01-01 00:00"
    kernel.set(s, 60)
    assert "when=2000-01-01 01:00" in kernel.text(root)
    kernel.set(s, s["max"] + 1)  # past the end: refused, set back
    assert "refused" in kernel.text(root) and s.value == 60


def test_datetime_range_slider_of_half_a_million_steps(kernel, app):
    root = app("""
    import datetime as dt
    a, b = st.slider("Span", dt.datetime(2000, 1, 1), dt.datetime(2001, 1, 1),
                     (dt.datetime(2000, 3, 1), dt.datetime(2000, 4, 1)),
                     step=dt.timedelta(minutes=1), key="long_span")
    st.write(f"span={a:%Y-%m-%d %H:%M}..{b:%Y-%m-%d %H:%M}")
    """)
    s = kernel.find(name="IntRangeSlider", within=root)
    assert s["description"] == "Span: 2000-03-01 00:00 – 2000-04-01 00:00"
    kernel.set(s, [1, s["max"]])
    assert "span=2000-01-01 00:01..2001-01-01 00:00" in kernel.text(root)
    assert s["description"] == "Span: 2000-01-01 00:01 – 2001-01-01 00:00"


def test_color_with_a_trailing_newline_is_refused(kernel, app):
    root = app("""
    c = st.color_picker("Ink", "#112233", key="ink")
    st.write(f"ink={c!r}")
    """)
    picker = kernel.find(description="Ink", within=root)
    kernel.set(picker, "#aabbcc\n")
    text = kernel.text(root)
    assert "refused" in text and kernel.state("ink") == "#112233"
    assert picker.value == "#112233"
    kernel.set(picker, "#aabbcc")
    assert kernel.state("ink") == "#aabbcc"


def test_a_burst_of_refusals_is_one_warning(kernel, app, browser: Browser):
    root = app("""
    v = st.slider("Level", 0, 10, 2, key="flood_level")
    st.write(f"level={v}")
    """)
    s = kernel.find(description="Level", within=root)
    ever = len(kernel.models)
    with kernel.updates_during() as ups:
        browser.send_all([browser.comm(s, {"method": "update", "state": {"value": 100 + i},
                                           "buffer_paths": []}) for i in range(5000)])
    new = set(list(kernel.models)[ever:])
    # the warning is one HTML widget (and its layout and style), updated in place
    assert len(kernel.models) - ever <= 3, len(kernel.models) - ever
    text = shown_texts(kernel, ups, new, root)
    assert "refused" in text and "values were refused in this update" in text
    assert kernel.text(root).count("refused the value") == 1
    assert kernel.state("flood_level") == 2 and s.value == 2


def test_refusal_warnings_are_short_and_never_fail(kernel, app):
    root = app("""
    class Opt:
        def __init__(self, n):
            self.n = n
        def __str__(self):
            return f"option {self.n}"
        def __repr__(self):
            raise RuntimeError("no repr for you")
    OPTS = [Opt(1), Opt(2)]
    st.selectbox("Pick", OPTS, key="bad_repr_pick")
    big = st.text_area("Big", "x" * 2_000_000, max_chars=3_000_000, key="big_text")
    st.write(f"big={len(big)}")
    """)
    pick = kernel.find(description="Pick", within=root)
    kernel.set(pick, 7)  # no such option
    text = kernel.text(root)
    assert "refused" in text and "cannot be shown" in text
    assert "RuntimeError" not in text and "no repr for you" not in text
    area = kernel.find(description="Big", within=root)
    kernel.set(area, "y" * 3_000_001)  # longer than max_chars
    warning = [line for line in kernel.text(root).splitlines() if "refused" in line]
    assert len(warning) == 1 and len(warning[0]) < 1000, len(warning[0])
    assert "big=2000000" in kernel.text(root)


UPLOADER = """
f = st.file_uploader("Doc", type=["txt", "csv"], key="safe_doc")
st.write(f"doc={f.name if f else None!r}")
"""


def test_upload_names_are_sanitised(kernel, app):
    root = app(UPLOADER)
    up = kernel.find(name="FileUpload", within=root)
    kernel.upload(up, [("../../etc/passwd.txt", b"root", "text/plain")])
    assert "doc='passwd.txt'" in kernel.text(root)
    kernel.upload(up, [("C:\\Users\\me\\notes.txt", b"hi", "text/plain")])
    assert "doc='notes.txt'" in kernel.text(root)
    kernel.upload(up, [("a" * 100_000 + ".csv", b"1,2", "text/csv")])
    name = kernel.eval("__import__('nbstate').session_state['safe_doc'].name")
    assert len(name) == 255 and name.endswith(".csv")
    kernel.upload(up, [("evil.exe\0.txt", b"MZ", "text/plain")])
    assert "null bytes" in kernel.text(root)
    assert kernel.eval("__import__('nbstate').session_state['safe_doc'].name") == name


def test_upload_type_checks_extension_and_mime_type(kernel, app):
    root = app(UPLOADER)
    up = kernel.find(name="FileUpload", within=root)
    kernel.upload(up, [("data.csv", b"1,2", "application/vnd.ms-excel")])  # Windows' csv
    assert "doc='data.csv'" in kernel.text(root)
    kernel.upload(up, [("setup.csv", b"MZ\x90", "application/x-msdownload")])
    text = kernel.text(root)
    assert "refused" in text and "application/x-msdownload" in text
    assert "doc='data.csv'" in text


def test_a_refused_upload_does_not_send_the_kept_file_back(kernel, app):
    root = app(UPLOADER)
    up = kernel.find(name="FileUpload", within=root)
    kernel.upload(up, [("big.txt", b"z" * 5_000_000, "text/plain")])
    assert "doc='big.txt'" in kernel.text(root)
    with kernel.updates_during() as ups:
        kernel.upload(up, [("no.png", b"\x89PNG", "image/png")])
    assert "refused" in kernel.text(root)
    assert [f["name"] for f in up.value] == ["big.txt"]  # shown as kept, by name and size
    assert up.value[0]["size"] == 5_000_000
    sent = sum(len(f.get("content") or b"") for u in ups if u["model"] is up
               for f in u["state"].get("value", ()))
    assert sent == 0
    assert kernel.eval("__import__('nbstate').session_state['safe_doc'].size") == 5_000_000
