"""Pre-screening cards and the drafting form in Chromium: cards stacked on phones, a form per project type
that keeps what was typed, pasted lines with either colon and errors by line, a rendered preview and an
A4 公文 .docx downloaded from next to 生成草稿."""

from __future__ import annotations

from itertools import pairwise

import docx
import pytest
from docx.oxml.ns import qn
from ui import DESKTOP, VIEWPORTS, contrast_violations

pytestmark = [pytest.mark.server, pytest.mark.browser]


@pytest.mark.parametrize("size", VIEWPORTS)
def test_prescreening_gives_one_card_per_type_stacked_on_phones_and_the_forms_meet_contrast(pages, size: str) -> None:
    page = pages(VIEWPORTS[size])
    page.get_by_role("tab", name="申报预审").click()
    page.locator("#profile-text textarea").fill("我们是重庆市城口县人民政府")
    page.locator("#run-check").click()
    cards = page.locator(".verdict-card")
    cards.first.wait_for()
    assert cards.count() == 7
    county = cards.filter(has=page.get_by_role("heading", name="示范县", exact=True))
    assert "可以申报" in county.locator(".status").inner_text()
    county.locator("summary").first.click()
    assert "《通知》二、（二）" in county.inner_text() and "notice#" not in page.locator("#verdicts").inner_text()
    assert "截至2025年9月20日" in page.locator("#check-timeline").inner_text()
    boxes = [cards.nth(i).bounding_box() for i in range(7)]
    if size == "phone":  # one card per row, each as wide as the page allows
        assert len({round(b["x"]) for b in boxes}) == 1 and all(a["y"] < b["y"] for a, b in pairwise(boxes))
        assert all(b["x"] + b["width"] <= VIEWPORTS[size]["width"] for b in boxes)
    else:
        assert len({round(b["y"]) for b in boxes}) < 7  # several cards share a row
    page.wait_for_timeout(300)  # the outputs' loading fade is over
    assert contrast_violations(page) == []
    if size == "desktop":  # the drafting page, filled in (on phones the same elements in one column)
        page.get_by_role("tab", name="申报书起草").click()
        page.locator("#draft-run").click()
        page.locator("#draft-status").get_by_text("草稿已生成").wait_for()
        page.wait_for_timeout(300)
        assert contrast_violations(page) == []


def choose_type(page, name: str) -> None:
    page.locator("#draft-type input").click()
    page.get_by_role("option", name=name).click()


def field(page, key: str):
    return page.locator(f"#fact-{key} textarea, #fact-{key} input").first


def test_the_drafting_form_keeps_input_accepts_pasted_lines_and_downloads_a_gongwen_docx(
        pages, listener: tuple[str, list[str]]) -> None:
    base, requests = listener
    page = pages(DESKTOP)
    page.reload(wait_until="load")
    page.get_by_role("tab", name="申报书起草").click()
    field(page, "unit_name").wait_for()
    assert "单位：件" in page.locator("#fact-invention_grants_3y").inner_text()  # a hint from the schema

    page.get_by_text("批量填写").click()
    page.locator("#draft-paste textarea").fill("\n".join([
        "这一行没有冒号",
        "企业名称：江苏示例智能装备股份有限公司",
        "近三年发明专利授权量: 126",
        f"主营业务：智能装备：研发、制造 ![图]({base}/fact.png)",
        "企业名字：错的",
    ]))
    page.locator("#draft-fill").click()
    status = page.locator("#draft-paste-status")
    status.get_by_text("已填入 3 项").wait_for()
    assert "第1行：没有冒号" in status.inner_text()
    assert "第5行：“企业名字”不是示范企业申报书的事实项。您是不是指“企业名称”？" in status.inner_text()
    page.wait_for_function("() => document.querySelector('#fact-unit_name textarea, #fact-unit_name input')"
                           "?.value === '江苏示例智能装备股份有限公司'")
    field(page, "ip_staff").press_sequentially("12")

    choose_type(page, "示范高校（国家知识产权示范高校）")  # another type: shared facts carry over
    page.wait_for_function("() => document.querySelector('#fact-faculty')")
    assert field(page, "unit_name").input_value() == "江苏示例智能装备股份有限公司"
    choose_type(page, "示范企业（国家知识产权示范企业）")
    page.wait_for_function("() => document.querySelector('#fact-ip_staff')")
    page.reload(wait_until="load")  # and the browser keeps all of it
    page.get_by_role("tab", name="申报书起草").click()
    page.wait_for_function("() => document.querySelector('#fact-ip_staff textarea, #fact-ip_staff input')"
                           "?.value === '12'")
    assert field(page, "invention_grants_3y").input_value() == "126"

    run, download = page.locator("#draft-run"), page.locator("#draft-file")
    run.click()
    preview = page.locator("#draft-preview")
    preview.locator("blockquote").first.wait_for()
    text = preview.inner_text()
    assert preview.locator("h2").inner_text() == "国家知识产权示范企业创建申报书（草稿）"
    assert "近三年发明专利授权量：126件。" in text and f"![图]({base}/fact.png)" in text
    assert "> " not in text and "notice#" not in text and "（《通知》二、（五））" in text
    assert not download.is_disabled()
    run_box, download_box = run.bounding_box(), download.bounding_box()
    assert abs(run_box["y"] - download_box["y"]) < 5 and 0 < download_box["x"] - run_box["x"] < 250  # side by side
    with page.expect_download() as done:
        download.click()
    document = docx.Document(done.value.path())
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    body = "\n".join(p.text for p in document.paragraphs)
    assert "江苏示例智能装备股份有限公司" in body and "notice#" not in body
    assert document.core_properties.author == "知识产权强国建设示范创建政策助手"
    assert requests == []
