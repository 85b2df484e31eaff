"""file_uploader through a real kernel: the browser's FileUpload value (a list of dicts with
name, type, size, last_modified, the content as a binary buffer) is checked against ``type=``
and ``max_upload_size``; a refused file leaves session state as it was and is named in a
warning, and the uploader is emptied in the browser."""

from __future__ import annotations

from hostile import Browser

UPLOADER = """
st.session_state.setdefault("up_calls", 0)
def cb():
    st.session_state.up_calls += 1
f = st.file_uploader("Data", type=["csv", ".TSV"], max_upload_size=10, key="data",
                     on_change=cb)
st.write(f"file={f!r} calls={st.session_state.up_calls}")
"""


def _warned(kernel, root, *needles: str) -> bool:
    text = kernel.text(root)
    return '"Data" (key "data") refused' in text and all(n in text for n in needles)


def test_type_and_size_are_enforced(kernel, app):
    root = app(UPLOADER)
    up = kernel.find(name="FileUpload", within=root)
    assert up["accept"] == ".csv,.tsv"

    kernel.upload(up, [("notes.txt", b"a,b", "text/plain")])
    assert _warned(kernel, root, "notes.txt", "not of an allowed type", ".csv")
    assert kernel.state("data") is None and kernel.state("up_calls") == 0
    assert up.value == []  # the browser's uploader is emptied

    kernel.upload(up, [("big.csv", b"x" * 11, "text/csv")])
    assert _warned(kernel, root, "big.csv", "11 bytes", "10 allowed")
    assert kernel.state("data") is None and kernel.state("up_calls") == 0

    kernel.upload(up, [("ok.TSV", b"1\t2", "text/tab-separated-values")])
    text = kernel.text(root)
    assert "file=UploadedFile(name='ok.TSV'" in text and "size=3" in text and "calls=1" in text
    assert "refused" not in text

    # a refusal after an accepted file keeps that file
    kernel.upload(up, [("huge.csv", b"y" * 1000, "text/csv")])
    assert _warned(kernel, root, "huge.csv")
    assert "name='ok.TSV'" in kernel.eval("repr(__import__('nbstate').session_state['data'])")
    assert kernel.state("up_calls") == 1


def test_the_size_check_counts_the_bytes_not_the_claimed_size(kernel, app, browser: Browser):
    root = app(UPLOADER)
    up = kernel.find(name="FileUpload", within=root)
    value = [{"name": "liar.csv", "type": "text/csv", "size": 1, "last_modified": 0}]
    browser.send_all([browser.comm(up, {"method": "update", "state": {"value": value},
                                        "buffer_paths": [["value", 0, "content"]]},
                                   [b"z" * 50])])
    assert _warned(kernel, root, "liar.csv", "50 bytes")
    assert kernel.state("data") is None


def test_multiple_files_one_bad_refuses_the_upload(kernel, app):
    root = app("""
    fs = st.file_uploader("Many", type="csv", accept_multiple_files=True,
                          max_upload_size=100, key="many")
    st.write(f"names={[f.name for f in fs]}")
    """)
    up = kernel.find(name="FileUpload", within=root)
    kernel.upload(up, [("a.csv", b"1", "text/csv"), ("b.exe", b"MZ", "application/x")])
    text = kernel.text(root)
    assert '"Many" (key "many") refused' in text and "b.exe" in text
    assert kernel.state("many") == []
    kernel.upload(up, [("a.csv", b"1", "text/csv"), ("c.csv", b"2", "text/csv")])
    assert "names=['a.csv', 'c.csv']" in kernel.text(root)


def test_default_maximum_is_streamlits_200_mb(kernel, app):
    root = app("""
    f = st.file_uploader("Any", key="anyfile")
    st.write(f"size={f.size if f else None}")
    """)
    up = kernel.find(name="FileUpload", within=root)
    kernel.upload(up, [("one_mb.bin", b"\0" * 2**20, "application/octet-stream")])
    assert f"size={2**20}" in kernel.text(root)
    assert kernel.eval("__import__('nbstate').widgets.MAX_UPLOAD_BYTES") == 200 * 2**20
