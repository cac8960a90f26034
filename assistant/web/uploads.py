"""Files staff upload: only paths inside Gradio's upload directory are ever read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr
from gradio.utils import get_upload_folder


def uploaded_path(upload: Any) -> Path:
    """The path of a file uploaded through this page; any other path (one a client made up) is refused."""
    path = Path(upload if isinstance(upload, str) else getattr(upload, "path", None) or upload.name).resolve()
    if not path.is_relative_to(Path(get_upload_folder()).resolve()) or not path.is_file():
        raise gr.Error("只能导入通过本页面上传的文件，请重新选择文件上传。")
    return path
