"""Files the pages take and give: uploads are read only from Gradio's upload directory; downloads are written
under the app's own folder of ``settings.temp_dir``, which is swept (``web.files``)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Literal

import gradio as gr
from gradio.utils import get_upload_folder

from assistant.settings import Settings


def uploaded_path(upload: Any) -> Path:
    """The path of a file uploaded through this page; any other path (one a client made up) is refused."""
    path = Path(upload if isinstance(upload, str) else getattr(upload, "path", None) or upload.name).resolve()
    if not path.is_relative_to(Path(get_upload_folder()).resolve()) or not path.is_file():
        raise gr.Error("只能导入通过本页面上传的文件，请重新选择文件上传。")
    return path


def download_path(settings: Settings, app: Literal["public", "staff"], name: str) -> Path:
    """A new path named ``name`` for a file offered for download by the public or the staff pages."""
    folder = settings.temp_dir / app
    folder.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="download-", dir=folder)) / name
