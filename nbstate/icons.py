"""Icons: which ``:material/name:`` shortcodes name a Material Symbol (``check_icon``, what
Streamlit checks an ``icon=`` argument for), and the icon at the start of a text, which
Streamlit's alerts take as their icon when given none (``leading_icon``).

``st.error("⚠️ Could not load")`` shows the warning sign as the alert's icon and "Could not load"
as its text (Streamlit 1.67's rule for ``st.error``/``warning``/``info``/``success`` with
``icon=None``): a leading emoji, or a ``:material/name:`` shortcode, and the spaces, ``_`` or
``-`` after it. Emoji are Unicode's: the code points that begin one (``_PICTOGRAPHIC``, from
Unicode's emoji data), then what may follow in a sequence (variation selector, skin tone, tags,
zero-width joiner and another emoji), a keycap (``1️⃣``) or a flag (two regional indicators).
A shortcode counts only if it names a Material Symbol of Streamlit's list
(``nbstate/material_icon_names.py``, loaded the first time a shortcode is checked).

Example:
    >>> leading_icon("⚠️ Could not load")
    ('⚠️', 'Could not load')
    >>> leading_icon(":material/check: Saved"), leading_icon("plain")
    ((':material/check:', 'Saved'), ('', 'plain'))
"""

from __future__ import annotations

import re
from typing import Any

from .errors import InvalidIconError, _describe

_PICTOGRAPHIC = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9-\u21aa\u231a-\u231b\u2328\u23cf"
    "\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa-\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u2604"
    "\u260e\u2611\u2614-\u2615\u2618\u261d\u2620\u2622-\u2623\u2626\u262a\u262e-\u262f"
    "\u2638-\u263a\u2640\u2642\u2648-\u2653\u265f-\u2660\u2663\u2665-\u2666\u2668\u267b"
    "\u267e-\u267f\u2692-\u2697\u2699\u269b-\u269c\u26a0-\u26a1\u26a7\u26aa-\u26ab"
    "\u26b0-\u26b1\u26bd-\u26be\u26c4-\u26c5\u26c8\u26ce-\u26cf\u26d1\u26d3-\u26d4"
    "\u26e9-\u26ea\u26f0-\u26f5\u26f7-\u26fa\u26fd\u2702\u2705\u2708-\u270d\u270f\u2712"
    "\u2714\u2716\u271d\u2721\u2728\u2733-\u2734\u2744\u2747\u274c\u274e\u2753-\u2755\u2757"
    "\u2763-\u2764\u2795-\u2797\u27a1\u27b0\u27bf\u2934-\u2935\u2b05-\u2b07\u2b1b-\u2b1c"
    "\u2b50\u2b55\u3030\u303d\u3297\u3299\U0001f004\U0001f0cf\U0001f170-\U0001f171"
    "\U0001f17e-\U0001f17f\U0001f18e\U0001f191-\U0001f19a\U0001f1e6-\U0001f1ff"
    "\U0001f201-\U0001f202\U0001f21a\U0001f22f\U0001f232-\U0001f23a\U0001f250-\U0001f251"
    "\U0001f300-\U0001f321\U0001f324-\U0001f393\U0001f396-\U0001f397\U0001f399-\U0001f39b"
    "\U0001f39e-\U0001f3f0\U0001f3f3-\U0001f3f5\U0001f3f7-\U0001f4fd\U0001f4ff-\U0001f53d"
    "\U0001f549-\U0001f54e\U0001f550-\U0001f567\U0001f56f-\U0001f570\U0001f573-\U0001f57a"
    "\U0001f587\U0001f58a-\U0001f58d\U0001f590\U0001f595-\U0001f596\U0001f5a4-\U0001f5a5"
    "\U0001f5a8\U0001f5b1-\U0001f5b2\U0001f5bc\U0001f5c2-\U0001f5c4\U0001f5d1-\U0001f5d3"
    "\U0001f5dc-\U0001f5de\U0001f5e1\U0001f5e3\U0001f5e8\U0001f5ef\U0001f5f3"
    "\U0001f5fa-\U0001f64f\U0001f680-\U0001f6c5\U0001f6cb-\U0001f6d2\U0001f6d5-\U0001f6d9"
    "\U0001f6dc-\U0001f6e5\U0001f6e9\U0001f6eb-\U0001f6ec\U0001f6f0\U0001f6f3-\U0001f6fc"
    "\U0001f7e0-\U0001f7eb\U0001f7f0\U0001f90c-\U0001f93a\U0001f93c-\U0001f945"
    "\U0001f947-\U0001f9ff\U0001fa70-\U0001fa7c\U0001fa80-\U0001fac6\U0001fac8"
    "\U0001facc-\U0001fadd\U0001fadf-\U0001faeb\U0001faef-\U0001fafa")
_FOLLOWING = "(?:\ufe0f|[\U0001f3fb-\U0001f3ff]|[\U000e0020-\U000e007f])*"
_ONE = f"(?:[{_PICTOGRAPHIC}]{_FOLLOWING})"
_EMOJI = re.compile(
    f"^([0-9#*]\ufe0f?\u20e3|[\U0001f1e6-\U0001f1ff]{{2}}|{_ONE}(?:\u200d{_ONE})*)"
    "[_ -]*(.*)", re.DOTALL)
_LEADING_SHORTCODE = re.compile(r"^(:[^:]+:)\s*(.*)", re.DOTALL)
_SHORTCODE = re.compile(r"^\s*:(.+)/(.+):\s*$")
_EMOJI_SHORTCODE = re.compile(r":[a-zA-Z0-9_+-]+:")


def material_icon(icon: str) -> str | None:
    """``icon`` as ``:material/name:`` if it is a shortcode of a Material Symbol (spaces
    around it dropped), else None (as Streamlit's ``validate_material_icon``).

    Example:
        >>> material_icon(" :material/thumb_up: "), material_icon(":material/no_such_icon:")
        (':material/thumb_up:', None)
    """
    match = _SHORTCODE.match(icon)
    if match is None or match.group(1) != "material":
        return None
    from .material_icon_names import NAMES

    return f":material/{match.group(2)}:" if match.group(2) in NAMES else None


def check_icon(icon: Any, kind: str, label: Any = None, *, image_ok: bool = False) -> Any:
    """An ``icon=`` argument (or an avatar) of ``st.<kind>`` as Streamlit 1.67 checks it
    (``validate_icon_or_emoji``): a ``:material...`` shortcode must name a Material Symbol
    (it is returned as ``:material/name:``); any other text must be one emoji, or
    ``"spinner"``; an emoji shortcode (``:smile:``), a URL or other plain text is an
    ``InvalidIconError`` naming the element by ``kind`` and ``label``. Blank text and
    non-strings are returned as given. With ``image_ok`` (an avatar, a page icon: images are
    allowed there) only a Material shortcode is checked."""
    if not isinstance(icon, str):
        return icon
    text = icon.strip()
    if text.lower().startswith(":material"):
        found = material_icon(icon)
        if found is None:
            raise InvalidIconError(
                f"{_describe(kind, label)}: the icon {icon!r} is not a valid Material icon "
                "(Streamlit knows no Material Symbol of that name). Use a shortcode such as "
                "':material/thumb_up:' with a name from https://fonts.google.com/icons, or an "
                "emoji.")
        return found
    if image_ok or not text or text == "spinner":
        return icon
    if _EMOJI_SHORTCODE.fullmatch(text):
        why = "emoji shortcodes are not supported"
    elif "://" in text or text[:5].lower() == "data:" or text.startswith("//"):
        why = "it looks like a URL, and images are not supported for icon="
    elif text.isascii():
        why = "it is plain text"
    else:
        match = _EMOJI.match(text)
        if match is not None and match.group(1) == text:
            return icon
        why = "it is not one emoji"
    raise InvalidIconError(
        f"{_describe(kind, label)}: the icon {icon!r} is not a valid icon ({why}). Use a "
        "single emoji such as '🔥' or a Material icon shortcode such as ':material/thumb_up:'.")


def leading_icon(text: str) -> tuple[str, str]:
    """(the icon ``text`` begins with or "", the rest of ``text``)."""
    if not text:
        return "", text
    if text.startswith(":material"):
        match = _LEADING_SHORTCODE.match(text)
        found = material_icon(match.group(1)) if match is not None else None
        if match is not None and found is not None:
            return found, match.group(2)
    if text.isascii():
        return "", text
    match = _EMOJI.match(text)
    if match is None:
        return "", text
    return match.group(1), match.group(2)
