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
