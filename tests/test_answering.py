"""The answer pipeline end to end on real components: routes, citations, refusals, memory, LLM guard."""

from __future__ import annotations

import time
from datetime import date

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel, GenericFakeChatModel
from running_app import serving

from assistant.answering import Assistant
from assistant.answering.conversation import Conversation
from assistant.errors import InvalidInputError

SEPT = date(2025, 9, 20)


def test_every_shown_quote_is_verified_against_the_source(assistant: Assistant) -> None:
    for question in ["申报要交费吗？", "昆山市人民政府能申报示范县吗？", "推荐材料什么时候截止？", "工作要求有哪些？"]:
        answer = assistant.ask(question, as_of=SEPT)
        assert answer.citations, question
        for citation in answer.citations:
            assert assistant.library.verify_quote(citation.id, citation.quote)
            assert citation.quote in answer.answer


def test_first_sentence_answers_directly(assistant: Assistant) -> None:
    fee = assistant.ask("申报要交费吗？")
    assert fee.answer.startswith("不收取任何费用") and fee.route == "factual"
    deadline = assistant.ask("推荐材料什么时候截止？", as_of=date(2025, 10, 24))
    assert deadline.answer.startswith("完成推荐及材料报送的时限是2025年10月24日前，2025年10月24日是最后一天")
    assert "不是申报单位的" in deadline.answer
    passed = assistant.ask("推荐材料什么时候截止？", as_of=date(2025, 10, 25))
    assert "已过期" in passed.answer
    county = assistant.ask("昆山市人民政府能申报示范县吗？", as_of=SEPT)
    assert county.answer.startswith("可以申报示范县") and county.verdicts["county"].status == "eligible"
    assert [c.id for c in county.citations] == ["notice#2.2"]


def test_out_of_scope_and_missing_annexes_are_refused_with_a_contact(assistant: Assistant) -> None:
    other = assistant.ask("商标注册的流程是怎样的？")
    assert not other.in_scope and other.route == "out_of_scope" and "zLzL@cnipa.gov.cn" in other.answer
    assert "010—" not in other.answer and other.answer.count("。") == 1  # one sentence, one contact
    park = assistant.ask("示范园区怎么注册商标？")
    assert not park.in_scope and "徐俊峰 010—62086568" in park.answer and "010—62083864" not in park.answer
    quota = assistant.ask("江苏有几个推荐名额？")
    assert not quota.in_scope and "尚未载入" in quota.answer
    assert [c.id for c in quota.citations] == ["notice#annex.2"]


def test_follow_ups_use_the_conversation(assistant: Assistant) -> None:
    chat = Conversation()
    first = assistant.ask("我们是上海市浦东新区人民政府，能申报示范市吗？", chat, as_of=SEPT)
    assert first.verdicts["city"].status == "eligible"
    second = assistant.ask("那示范县呢？", chat, as_of=SEPT)
    assert second.answer.startswith("不能申报示范县") and second.verdicts["county"].status == "ineligible"
    park = Conversation()
    assert assistant.ask("我们是一个产业园区的管委会，想申报示范园区", park).verdicts["park"].status == "needs_info"
    assert assistant.ask("我们是省级高新区", park).verdicts["park"].status == "eligible"


def test_bad_questions_get_clear_errors(assistant: Assistant) -> None:
    for bad, message in [("   ", "不能为空"), ("问" * 100_000, "过长"), ("能申报吗\ud800", "无法识别")]:
        with pytest.raises(InvalidInputError, match=message):
            assistant.ask(bad)


def llm_assistant(assistant: Assistant, model: object) -> Assistant:
    return Assistant(assistant.settings, library=assistant.library, retriever=assistant.retriever, chat_model=model)


def test_llm_wording_is_used_when_it_passes_the_guard(assistant: Assistant) -> None:
    model = FakeListChatModel(responses=["可以申报示范县。昆山市属于地级市下辖的县级市〔notice#2.2〕。"])
    answer = llm_assistant(assistant, model).ask("昆山市人民政府能申报示范县吗？", as_of=SEPT)
    assert answer.mode == "llm" and answer.answer.startswith("可以申报示范县")
    assert "fallback" not in answer.trace


@pytest.mark.parametrize("planted, problem", [
    ("昆山市不能申报示范县〔notice#2.2〕。", "矛盾"),
    ("可以申报示范县〔notice#9.9〕。", "未提供的条款"),
    ("可以申报示范县〔notice#2.2〕，请于2025年11月30日前提交。", "数字"),
    ("通知规定「县级市一律可以申报示范市」〔notice#2.2〕。", "引文"),
])
def test_llm_answers_that_break_the_rules_fall_back(assistant: Assistant, planted: str, problem: str) -> None:
    model = GenericFakeChatModel(messages=iter([planted]))
    answer = llm_assistant(assistant, model).ask("昆山市人民政府能申报示范县吗？", as_of=SEPT)
    assert answer.mode == "extractive" and answer.answer.startswith("可以申报示范县")
    assert problem in answer.trace["fallback"]


def test_llm_endpoint_down_or_slow_falls_back(assistant: Assistant) -> None:
    from langchain_openai import ChatOpenAI

    down = ChatOpenAI(model="x", base_url="http://127.0.0.1:9/v1", api_key="k", max_retries=0, timeout=2)
    answer = llm_assistant(assistant, down).ask("申报要交费吗？")
    assert answer.mode == "extractive" and answer.trace["fallback"].startswith("llm_error")


def test_llm_over_http_against_a_loopback_openai_server(assistant: Assistant, free_port) -> None:
    """ChatOpenAI → a real HTTP server speaking the OpenAI protocol; slow replies hit the timeout."""
    from fastapi import FastAPI
    from langchain_openai import ChatOpenAI

    server_app = FastAPI()
    delay = {"seconds": 0.0}

    @server_app.post("/v1/chat/completions")
    def complete(body: dict) -> dict:
        time.sleep(delay["seconds"])
        assert body["messages"][0]["role"] == "system"
        return {"id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": "不收取任何费用〔notice#5.4〕。"}}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}

    with serving(server_app, free_port()) as url:
        model = ChatOpenAI(model="qwen", base_url=f"{url}/v1", api_key="k", max_retries=0, timeout=1.5)
        answer = llm_assistant(assistant, model).ask("申报要交费吗？")
        assert answer.mode == "llm" and answer.answer == "不收取任何费用〔notice#5.4〕。"
        delay["seconds"] = 3.0
        slow = llm_assistant(assistant, model).ask("申报要交费吗？")
        assert slow.mode == "extractive" and "Timeout" in slow.trace["fallback"]


def test_quota_answers_come_only_from_an_imported_table(tmp_path, assistant: Assistant) -> None:
    from assistant.rules.quotas import import_table
    from assistant.settings import Settings

    settings = Settings(data_dir=tmp_path)
    local = Assistant(settings, library=assistant.library, retriever=assistant.retriever)
    missing = local.ask("江苏省示范企业有几个推荐名额？")
    assert not missing.in_scope and "尚未载入" in missing.answer
    assert [c.id for c in missing.citations] == ["notice#annex.2"]
    table = tmp_path / "附件2.csv"
    table.write_text("省份,项目类型,名额\n江苏省,示范企业,7\n浙江省,示范县,2\n", encoding="utf-8")
    import_table(table, settings.data_dir)
    loaded = local.ask("江苏省示范企业有几个推荐名额？")
    assert loaded.in_scope and "江苏省示范企业7名" in loaded.answer
    assert "浙江" not in loaded.answer


def test_terms_the_notice_does_not_define_are_shown_where_used(assistant: Assistant) -> None:
    answer = assistant.ask("通知里说的产业集聚是什么意思？")
    assert answer.in_scope and answer.answer.startswith("通知没有对“产业集聚”作出专门界定")
    assert [c.id for c in answer.citations] == ["notice#2.4"]
    assert not assistant.ask("量子纠缠是什么意思？").in_scope


def test_one_question_for_several_types_is_asked_once(assistant: Assistant) -> None:
    answer = assistant.ask("能不能同时申报示范市和服务业集聚示范区？")
    lead = answer.answer.split("\n")[0]
    assert lead.startswith("能否申报示范市、服务业集聚示范区还需确认：") and lead.count("？") == 1
