"""``UploadedFile``: what ``st.file_uploader`` returns, a ``BytesIO`` with a name and a type.

Example:
    >>> f = UploadedFile("a.csv", b"x,y\\n1,2\\n", "text/csv")
    >>> f.name, f.size, f.read(3)
    ('a.csv', 8, b'x,y')
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import re

#: longest file name kept (most file systems allow 255 bytes)
MAX_NAME = 255
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: MIME types browsers are known to give files of these extensions besides the standard one
_ALSO = {".csv": {"application/vnd.ms-excel", "application/csv", "text/x-csv", "text/plain"},
         ".tsv": {"text/plain"}, ".json": {"text/plain"}, ".md": {"text/plain"},
         ".log": {"text/plain"}}


def safe_file_name(name: str) -> str:
    """The last path component of ``name``, without control characters, at most
    ``MAX_NAME`` characters (its extension kept); never empty, ``.`` or ``..``.

    Example:
        >>> safe_file_name("../../etc/passwd"), safe_file_name("C:/Users/a.csv")
        ('passwd', 'a.csv')
    """
    name = _CONTROL.sub("", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    if name in ("", ".", ".."):
        return "upload"
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        ext = dot + ext if dot and 0 < len(ext) <= 16 else ""
        name = name[:MAX_NAME - len(ext)] + ext if ext else name[:MAX_NAME]
    return name


def safe_relative_path(name: str) -> str:
    """A path inside an uploaded folder, each part as :func:`safe_file_name` makes it, without
    empty, ``.`` and ``..`` parts (so never out of the folder); never empty.

    Example:
        >>> safe_relative_path("photos/2024/a.jpg"), safe_relative_path("../x/./b.csv")
        ('photos/2024/a.jpg', 'x/b.csv')
    """
    parts = [p for p in name.replace("\\", "/").split("/") if p.strip() not in ("", ".", "..")]
    return "/".join(safe_file_name(p) for p in parts) or "upload"


def mime_fits(mime: str | None, ext: str) -> bool:
    """Can a file of extension ``ext`` (``".csv"``) have the MIME type the browser gave it?
    An empty or generic type (the browser did not know) fits any.

    Example:
        >>> mime_fits("text/csv", ".csv"), mime_fits("application/x-msdownload", ".csv")
        (True, False)
    """
    mime = (mime or "").split(";")[0].strip().lower()
    if mime in ("", "application/octet-stream"):
        return True
    guessed = mimetypes.guess_type("f" + ext)[0]
    if guessed is None or mime == guessed or mime in _ALSO.get(ext, ()):
        return True
    return ext in mimetypes.guess_all_extensions(mime)


class UploadedFile(io.BytesIO):
    def __init__(self, name: str, data: bytes, type: str | None = None,
                 file_id: str | None = None) -> None:
        super().__init__(data)
        self.name = name
        self.type = type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        self.size = len(data)
        self.file_id = file_id or hashlib.blake2b(name.encode() + data, digest_size=8).hexdigest()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UploadedFile):
            return NotImplemented
        return self.file_id == other.file_id and self.name == other.name

    __hash__ = io.BytesIO.__hash__

    def __repr__(self) -> str:
        return f"UploadedFile(name={self.name!r}, type={self.type!r}, size={self.size})"
