import nbformat
from playwright.sync_api import expect
from tests.browser.jupyter import open_app
from tests.browser.notebooks import notebook
from tests.browser.test_chat import CHAT, _WATCH_WORD

HOOK = '''
import time, nbstate.frontends.ipy as _ipy
_T = []
_orig = _ipy.LiveApp._progress
def _p(self, tree):
    t0 = time.time(); _orig(self, tree); _T.append((t0, time.time()))
_ipy.LiveApp._progress = _p
'''

def test_probe(page, server):
    nbformat.write(notebook("%load_ext nbstate", HOOK, CHAT.replace('st.title("Simple chat")', 'st.session_state.start = time.time()\nst.title("Simple chat")') + '\nst.caption("PUSHES " + repr([(round(a*1000), round(b*1000)) for a, b in _T[-8:]]) + f" start {st.session_state.start*1000:.0f}")\n' ), server.root / "scenario_chat2.ipynb")
    root = open_app(page, server, "lab", "scenario_chat2.ipynb")
    field = root.get_by_role("textbox", name="What is up?")
    field.click(); field.type("hello")
    root.evaluate(_WATCH_WORD, "Zebra")
    t_enter = page.evaluate("() => performance.timeOrigin + performance.now()")
    field.press("Enter")
    expect(root).to_contain_text("Zebra is streaming this answer word by word", timeout=30_000)
    seen = page.evaluate("() => window.__seen")
    # read kernel values through a new cell? use the caption
    produced = float(root.get_by_text("produced at").inner_text().split()[-1]) * 1000
    print("\nenter->produced", produced - t_enter, "produced->seen", seen - produced)
    print(root.get_by_text("PUSHES").inner_text(), "seen", round(seen), "enter", round(t_enter), "produced", round(produced))
