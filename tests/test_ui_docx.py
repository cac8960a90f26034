"""The .docx drafts in 党政机关公文格式 (GB/T 9704): A4, margins, 公文 fonts with fallbacks, page numbers,
core properties from the settings, no clause ids, nothing of python-docx's defaults."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from assistant.corpus.library import Library
from assistant.drafting import draft_application, draft_reply, reply_docx, to_docx
from assistant.settings import Settings

FONTS = {"Title": "方正小标宋简体", "Heading 1": "黑体", "Heading 2": "楷体_GB2312", "Normal": "仿宋_GB2312"}


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("data"), author="江苏省知识产权局")


@pytest.fixture(scope="module")
def library(settings: Settings) -> Library:
    return Library.from_settings(settings)


def assert_gongwen_layout(path: Path, title: str) -> docx.document.Document:
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    for name, font in FONTS.items():
        style = document.styles[name]
        fonts = style.element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == font and fonts.get(qn("w:eastAsiaTheme")) is None, name
        assert str(style.font.color.rgb) == "000000" and not style.font.bold, name
    assert document.styles["Normal"].font.size.pt == 16 and document.styles["Title"].font.size.pt == 22
    assert document.styles["Title"].element.pPr.find(qn("w:pBdr")) is None  # no Word title rule
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name).decode("utf-8", "ignore") for name in archive.namelist()}
    assert not [name for name, text in parts.items() if "python-docx" in text]
    assert '<w:altName w:val="仿宋"/>' in parts["word/fontTable.xml"]  # a fallback where 仿宋_GB2312 is missing
    footers = [text for name, text in parts.items() if name.startswith("word/footer")]
    assert len(footers) == 2 and all("PAGE" in text and "— " in text for text in footers)
    assert "<w:evenAndOddHeaders/>" in parts["word/settings.xml"]
    assert document.core_properties.title == title and document.core_properties.author == "江苏省知识产权局"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "notice#" not in text and "〔" not in text.replace("〔2025〕", "")
    return document


def test_application_docx_is_a4_gongwen_without_ids(settings: Settings, library: Library, tmp_path: Path) -> None:
    draft = draft_application("enterprise", {"企业名称": "江苏示例智能装备股份有限公司"}, settings=settings,
                              library=library)
    to_docx(draft, tmp_path / "draft.docx", author=settings.author)
    document = assert_gongwen_layout(tmp_path / "draft.docx", draft.title)
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert quotes and all("（《通知》" in q for q in quotes)
    assert document.paragraphs[0].style.name == "Title"


def test_reply_docx_has_title_addressee_and_signature(settings: Settings, library: Library, tmp_path: Path) -> None:
    reply = draft_reply("我们是苏州示例科技有限公司，想申报示范企业，需要交费吗？什么时候截止？", library=library,
                        settings=settings, as_of=date(2025, 9, 20), sender="江苏省知识产权局")
    reply_docx(reply, tmp_path / "reply.docx", author=settings.author)
    document = assert_gongwen_layout(tmp_path / "reply.docx", "关于知识产权强国建设示范创建申报有关问题的复函")
    paragraphs = document.paragraphs
    assert paragraphs[1].text == "苏州示例科技有限公司：" and paragraphs[1].paragraph_format.first_line_indent == 0
    assert [p.text for p in paragraphs[-2:]] == ["江苏省知识产权局", "2025年9月20日"]
    assert all(p.alignment == 2 for p in paragraphs[-2:])  # right
    assert "还剩" not in reply.text and "本助手" not in reply.text
