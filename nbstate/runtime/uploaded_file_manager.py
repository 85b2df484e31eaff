"""``streamlit.runtime.uploaded_file_manager``: the type ``st.file_uploader`` returns."""

from ..uploads import UploadedFile

__all__ = ["UploadedFile"]
