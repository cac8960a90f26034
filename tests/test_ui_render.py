"""What the pages render, without a browser: text stays text, answers carry their citations as buttons,
the viewer highlights the quote, pasted facts parse by line, metrics read in Chinese, uploads stay in their
directory.

The page modules import Gradio: each test imports what it reads, so that a worker that runs none of these
tests never loads Gradio only to collect them."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from assistant.answering import Answer
from assistant.corpus.library import Library
from assistant.drafting import fact_fields
from assistant.settings import Settings


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def library(settings: Settings) -> Library:
    return Library.from_settings(settings)


def test_inert_shows_markup_as_typed() -> None:
    from assistant.web.citations import inert

    html = inert('![图](http://x/a.png)\n<img src="http://x/b.png"> **粗** $$x$$ www.x.cn 申报')
    assert "<img" not in html and "](" not in html and "**" not in html and "$$" not in html and "www." not in html
    assert html.startswith("&#33;&#91;图&#93;") and "<br>" in html and html.endswith(" 申报")


def test_an_answer_shows_its_text_once_and_its_citations_as_buttons(library: Library) -> None:
    from assistant.answering import compose
    from assistant.web.citations import answer_body, answer_html

    citation = library.cite("notice#5.4", "不得以任何形式向申报单位、创建对象、示范单位等收取费用")

    text = compose.render("不收取任何费用。", [citation])
    answer = Answer(question="要交费吗", answer=text, citations=[citation])
    assert answer_body(answer, library) == "不收取任何费用。"
    html = answer_html(answer, library)
    assert '<button type="button" class="cite-chip" value="notice#5.4"' in html and ">《通知》五、（四）</button>" in html
    assert "依据：" not in html.replace("依据（点击查看原文）：", "")
    written = Answer(question="q", answer="不收费〔notice#5.4〕，见「原文」。", citations=[citation], mode="llm")
    assert answer_body(written, library) == "不收费（《通知》五、（四）），见「原文」。"


def test_answers_point_to_the_tab_that_does_the_job(library: Library) -> None:
    from assistant.web.citations import helpful_tab

    form = library.cite("notice#annex.1")
    assert helpful_tab(Answer(question="申报书写什么", answer="…", citations=[form])) == "申报书起草"
    assert helpful_tab(Answer(question="帮我写", answer="…", route="drafting")) == "申报书起草"
    assert helpful_tab(Answer(question="能报吗", answer="…", route="eligibility")) == "申报预审"
    assert helpful_tab(Answer(question="天气", answer="…", route="out_of_scope", in_scope=False)) is None


def test_the_viewer_shows_the_clause_in_context_with_the_quote_highlighted(library: Library) -> None:
    from assistant.web.citations import clause_view, locate

    assert locate("申报单位\n应高度 重视", "单位应高度重视") == (2, 11)
    view = clause_view(library, "notice#5.4", "不得以任何形式向申报单位、创建对象、示范单位等收取费用")
    assert "<mark>不得以任何形式向申报单位、创建对象、示范单位等收取费用</mark>" in view
    assert "《通知》五、（四）严肃工作纪律" in view and "（三）坚持从严把关" in view and "notice#" not in view
    assert "<mark>" not in clause_view(library, "notice#5.4", "通知里没有的话")
    assert "找不到这条原文" in clause_view(library, "notice#none")


def test_pasted_facts_accept_either_colon_and_report_errors_by_line(settings: Settings) -> None:
    from assistant.web.drafting_form import parse_fact_lines

    fields = fact_fields("enterprise", settings)
    facts, errors = parse_fact_lines("\n".join([
        "说明：这一行不是事实项",
        "企业名称：苏州示例有限公司",
        "主营业务: 智能装备：研发与制造",
        "第二行接在主营业务后面",
        "",
        "企业名字：错的",
        "employees：1260",
    ]), fields, "示范企业")
    assert facts == {"unit_name": "苏州示例有限公司", "main_business": "智能装备：研发与制造\n第二行接在主营业务后面",
                     "employees": "1260"}
    assert errors[0].startswith("第1行：“说明”不是示范企业申报书的事实项")
    assert errors[1] == "第6行：“企业名字”不是示范企业申报书的事实项。您是不是指“企业名称”？"
    assert parse_fact_lines("没有冒号", fields, "示范企业")[1][0].startswith("第1行：没有冒号")


def test_metrics_read_in_chinese_with_rounded_figures() -> None:
    from assistant.web.staff_eval import figure, metric_label, metrics_rows

    assert metric_label("dev/qa.fact_recall") == "开发集·问答：要点覆盖率"
    assert metric_label("holdout/eligibility_3.verdict_accuracy.city") == "留出集·资格判定（3）：判定准确率（示范市）"
    assert metric_label("dev.wrong_eligible") == "开发集：误判为“可以申报”的次数"
    assert (figure("x.hit@1", 0.8598130841121495), figure("x.latency_p95_ms", 12.7), figure("x", None)) == \
        ("0.860", "13", "—")
    rows = metrics_rows({"dev/qa.fact_recall": 0.99, "dev/qa.latency_p50_ms": 3.2}, {"dev/qa.fact_recall": 1.0})
    assert rows == [["开发集·问答：要点覆盖率", "0.990", "≥ 1.000", "未达标"], ["开发集·问答：耗时中位数（毫秒）", "3", "", ""]]


def test_only_files_uploaded_through_the_page_are_read(tmp_path: Path) -> None:
    import gradio as gr
    from gradio.utils import get_upload_folder

    from assistant.web.uploads import uploaded_path

    outside = tmp_path / "notice.txt"
    outside.write_text("通知", encoding="utf-8")
    for path in (outside, Path("/etc/passwd"), f"{get_upload_folder()}/../../etc/passwd"):
        with pytest.raises(gr.Error):
            uploaded_path(str(path))
    Path(get_upload_folder()).mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=get_upload_folder(), suffix=".txt") as upload:
        assert uploaded_path(upload.name) == Path(upload.name).resolve()


def test_the_deadline_day_itself_is_said_as_such(library: Library) -> None:
    from datetime import date

    from assistant.rules import timeline
    from assistant.web.chat import phase_sentence

    assert "截至2025年10月24日今天是截止日" in phase_sentence(timeline(date(2025, 10, 24), library))
    assert phase_sentence(timeline(date(2025, 10, 25), library)).startswith("本届申报已于2025年10月24日截止")


def test_an_answer_arriving_keeps_what_was_typed_while_it_was_worked_out(settings: Settings, library: Library) -> None:
    import gradio as gr

    from assistant.answering import Assistant
    from assistant.feedback import FeedbackStore
    from assistant.web.chat import ChatSession
    from assistant.web.ui import build_ui

    assistant = Assistant(settings.model_copy(update={"retrieval": "lexical", "embedder": "hash"}), library=library)
    demo = build_ui(assistant, FeedbackStore(settings.data_dir / "feedback.jsonl"))
    respond = next(function.fn for function in demo.fns.values() if function.name == "respond")
    posted, answered = list(respond("申报需要交费吗？", ChatSession()))
    assert posted[1] == "" and "申报需要交费吗" in str(posted[0][-2])  # posting empties the box
    assert answered[1] == gr.update() and "不得以任何形式" in str(answered[0][-1])  # the answer leaves it alone
