"""How every page looks and speaks: an AA-contrast theme, Chinese fonts, the page CSS and script.

``mount_gradio_app`` sets a Blocks' theme, css and head from its own arguments: ``web.mount`` passes ``PAGE``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

STATIC = Path(__file__).with_name("static")
FONTS = ["PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
         "WenQuanYi Micro Hei", "sans-serif"]  # system fonts only: no request leaves the page for a font
# Text colours with at least 4.5:1 on white and on the slate-50 of bubbles and panels (WCAG AA).
INK, SUBDUED = "#1e293b", "#334155"
ACCENT, ACCENT_DARK, DANGER, DANGER_DARK = "#1d4ed8", "#1e3a8a", "#b91c1c", "#991b1b"

THEME = gr.themes.Default(primary_hue="blue", neutral_hue="slate", font=FONTS,
                          font_mono=["Noto Sans Mono CJK SC", "monospace"]).set(
    body_text_color=INK,
    body_text_color_subdued=SUBDUED,
    block_label_text_color=SUBDUED,
    block_title_text_color=INK,
    block_info_text_color=SUBDUED,
    input_placeholder_color="#64748b",
    link_text_color=ACCENT,
    link_text_color_visited=ACCENT_DARK,
    button_primary_background_fill=ACCENT,
    button_primary_background_fill_hover=ACCENT_DARK,
    button_primary_text_color="#ffffff",
    button_primary_border_color=ACCENT,
    button_cancel_background_fill=DANGER,
    button_cancel_background_fill_hover=DANGER_DARK,
    button_cancel_text_color="#ffffff",
    button_cancel_border_color=DANGER,
    color_accent=ACCENT,
    button_secondary_text_color=INK,
    checkbox_label_text_color=INK,
    error_text_color=DANGER,
    color_accent_soft="#dbeafe",
)


# What ``mount_gradio_app`` (or ``launch``) needs to show a page as designed.
PAGE: dict[str, Any] = {"theme": THEME, "css": (STATIC / "page.css").read_text(encoding="utf-8"),
                        "head": f"<script>\n{(STATIC / 'page.js').read_text(encoding='utf-8')}\n</script>"}


def page(title: str) -> gr.Blocks:
    """A page of the app (its look comes from ``PAGE`` when it is mounted)."""
    return gr.Blocks(title=title, analytics_enabled=False)
