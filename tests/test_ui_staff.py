"""The staff pages in Chromium: the document list with import and removal in Chinese, reply drafts to copy or
download as a 公文 .docx, and an evaluation with Chinese labels, rounded figures and one progress bar."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import httpx
import pytest
from running_app import RunningApp
from ui import DESKTOP, contrast_violations

pytestmark = [pytest.mark.server, pytest.mark.browser]


def pick(page, dropdown: str, option: str) -> None:
    page.locator(f"{dropdown} input").click()
    page.get_by_role("option", name=option).click()


def test_documents_are_listed_imported_and_removed_with_chinese_status(pages, tmp_path: Path) -> None:
    page = pages(DESKTOP, "/staff/")
    page.get_by_role("tab", name="文件").click()
    assert contrast_violations(page) == []
    table = page.locator("#documents")
    assert "国家通知" in table.inner_text() and "随程序提供" in table.inner_text()
    assert "会改变所有用户得到的回答" in page.locator("#import-warning").inner_text()
    source = tmp_path / "测试说明.txt"
    source.write_text("关于界面测试的说明\n一、总体要求\n本文件只用于测试工作人员页面的导入和移除。\n"
                      "二、工作安排\n导入后列在文件清单中，移除后不再出现。\n", encoding="utf-8")
    page.locator("#import-file input[type=file]").set_input_files(str(source))
    pick(page, "#import-kind", "参考文件")
    page.locator("#import-title input").fill("界面测试说明")
    page.locator("#run-import").click()
    status = page.locator("#import-status")
    status.get_by_text("已导入《界面测试说明》").wait_for(timeout=60_000)
    assert re.search(r"已导入《界面测试说明》（参考），类型：参考文件，\d+ 条。", status.inner_text())
    assert "界面测试说明" in table.inner_text() and "doc-" not in status.inner_text()
    pick(page, "#remove-choice", re.compile("界面测试说明"))
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#remove-document").click()
    status.get_by_text("已移除：界面测试说明").wait_for(timeout=60_000)
    assert "界面测试说明" not in table.inner_text()


def test_a_reply_draft_copies_and_downloads_as_a_gongwen_docx(pages) -> None:
    page = pages(DESKTOP, "/staff/")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("tab", name="复函起草").click()
    page.locator("#reply-inquiry textarea").fill("我们是苏州示例科技有限公司，想申报示范企业，需要交费吗？什么时候截止？")
    page.locator("#reply-run").click()
    page.wait_for_function("() => document.querySelector('#reply-text textarea')?.value.includes('特此函复')")
    letter = page.locator("#reply-text textarea").input_value()
    assert letter.startswith("关于知识产权强国建设示范创建申报有关问题的复函")
    assert "notice#" not in letter and "本助手" not in letter and "还剩" not in letter
    assert "《通知》二、（五）" in page.locator("#reply-notes").inner_text()
    page.wait_for_timeout(300)
    assert contrast_violations(page) == []
    page.locator('#reply-text button[aria-label="复制"]').click()
    assert page.evaluate("navigator.clipboard.readText()") == letter
    with page.expect_download() as done:
        page.locator("#reply-file").click()
    document = docx.Document(done.value.path())
    assert round(document.sections[0].page_height.mm) == 297
    assert document.paragraphs[0].style.name == "Title" and document.paragraphs[1].text == "苏州示例科技有限公司："


def test_evaluation_has_chinese_labels_rounded_figures_and_one_progress_bar(pages, running: RunningApp) -> None:
    config = httpx.get(f"{running.url}/staff/config").json()
    ids = {c.get("props", {}).get("elem_id"): c["id"] for c in config["components"]}
    run = next(d for d in config["dependencies"] if [ids["run-eval"], "click"] in d["targets"])
    assert run["show_progress_on"] == [ids["eval-verdict"]]  # one progress bar, not one per output
    page = pages(DESKTOP, "/staff/")
    page.get_by_role("tab", name="评测").click()
    suites = page.locator("#eval-suites")
    suites.get_by_label("开发集·问答", exact=True).uncheck()
    suites.get_by_label("开发集·时间安排", exact=True).check()
    page.locator("#run-eval").click()
    page.locator("#eval-verdict").get_by_text("门槛").wait_for(timeout=60_000)
    metrics = page.locator("#eval-metrics").inner_text()
    assert "开发集·时间安排：准确率" in metrics and "开发集·时间安排：耗时中位数（毫秒）" in metrics
    assert not re.search(r"\d\.\d{4,}", metrics) and not re.search(r"[a-z]+_[a-z]+", metrics)
    assert re.search(r"开发集·时间安排：准确率\s+1\.000\s+≥ 1\.000\s+达标", metrics)
    page.wait_for_timeout(300)
    assert contrast_violations(page) == []
