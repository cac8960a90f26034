"""A staffer's corpus — the notice, two provinces' forwarding notices, lists of recognised units, an earlier
round's notice and a news item (eval/dev/layering/), ingested through the real pipeline — changes the answers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.answering import Answer, Assistant
from assistant.answering.conversation import Conversation
from assistant.evaluation.corpora import layered_assistant
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def layered(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    settings = Settings(data_dir=tmp_path_factory.mktemp("layered"), retrieval="lexical")
    assistant, detected = layered_assistant(settings, ROOT / "eval" / "dev" / "layering.jsonl")
    assert detected["zhejiang-2025"] == "provincial_notice" and detected["county-2023"] == "reference"
    return assistant


def ask(assistant: Assistant, question: str, on: str) -> Answer:
    return assistant.ask(question, Conversation(), date.fromisoformat(on))


def cited(answer: Answer) -> list[str]:
    return [c.doc for c in answer.citations]


@pytest.mark.parametrize(("on", "state"), [("2025-10-10", "尚未截止"), ("2025-10-16", "当天仍在期限内"),
                                           ("2025-10-20", "已过期")])
def test_the_applicants_deadline_is_the_provinces(layered: Assistant, on: str, state: str) -> None:
    answer = ask(layered, "我们是嘉兴市南湖区人民政府，想申报示范县，材料最晚什么时候交？", on)
    first = answer.answer.split("\n")[0]
    assert "2025年10月16日" in first and state in first and "2025年10月24日" in first
    assert "不是申报单位的截止时间" in first and cited(answer)[0] == "zhejiang-2025"


def test_a_province_whose_notice_is_not_loaded_is_said_to_be_so(layered: Assistant) -> None:
    answer = ask(layered, "我们是长沙市岳麓区人民政府，示范县的材料要在哪天之前交？", "2025-10-10")
    assert "湖南省的转发通知未载入" in answer.answer and "2025年10月24日" in answer.answer
    assert not {"zhejiang-2025", "guangdong-2025"} & set(cited(answer))


def test_a_province_named_as_the_topic_is_not_the_applicant(layered: Assistant) -> None:
    answer = ask(layered, "广东示范县能推几个", "2025-10-10")
    assert answer.check is None and "全省不超过3个" in answer.answer and "guangdong-2025" in cited(answer)
    where = ask(layered, "浙江的申报书交到哪", "2025-10-10")
    assert where.check is None and "浙江知识产权在线" in where.answer and "《浙江省转发通知》" in where.answer


def test_recognised_units_come_from_the_lists_by_any_name(layered: Assistant) -> None:
    result = layered.check("我们是杭州余杭区人民政府，拟申报国家知识产权强县建设示范县。", as_of=date(2025, 10, 1))
    county = result.verdicts["county"]
    assert county.status == "already_recognized" and "2023年" in county.reason
    assert county.citations[0].doc == "recognised-2021-2024" and county.citations[1].id == "notice#4.1"
    company = layered.check("我們是安徽恒瑞光電，想申報國家知識產權示範企業。", as_of=date(2025, 10, 1))
    assert company.verdicts["enterprise"].status == "already_recognized"


def test_a_pilot_title_is_no_demonstration_title(layered: Assistant) -> None:
    result = layered.check("绍兴市柯桥区人民政府，准备申报国家知识产权强县建设示范县。", as_of=date(2025, 10, 1))
    county = result.verdicts["county"]
    assert county.status == "eligible" and "试点县" in county.reason and "不是国家知识产权强县建设示范县" in county.reason
    answer = ask(layered, "柯桥区已经是示范县了吧？", "2025-10-01")
    assert "试点县" in answer.answer and "不是国家知识产权强县建设示范县" in answer.answer


def test_not_on_a_loaded_list_is_never_proof(layered: Assistant) -> None:
    answer = ask(layered, "宁波市鄞州区是不是国家知识产权强县建设示范县？", "2025-10-01")
    assert "没有找到“宁波市鄞州区”" in answer.answer and "不代表未获认定" in answer.answer
    assert answer.check is None  # a question about another unit describes no applicant


def test_without_a_list_the_answer_says_none_is_loaded() -> None:
    assistant = Assistant(Settings(retrieval="lexical"))
    answer = assistant.ask("余杭区是示范县吗？", Conversation(), date(2025, 10, 1))
    assert "尚未载入已认定单位名单" in answer.answer and cited(answer) == ["notice"]


def test_reference_documents_never_answer_for_the_current_round(layered: Assistant) -> None:
    answer = ask(layered, "申报示范县对高价值发明专利拥有量有没有硬性门槛？", "2025-10-01")
    assert "county-2023" not in cited(answer) and cited(answer)[0] == "notice"
    earlier = ask(layered, "2023年那届强县试点示范的申报条件是什么？", "2025-10-01")
    assert "county-2023" in cited(earlier) and "（参考）" in earlier.answer


@pytest.fixture(scope="module")
def sichuan(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The second dev layering corpus: a 四川 notice (.docx) that sets its own 回执 date, a 武汉 forwarding."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("sichuan"), retrieval="lexical")
    assistant, detected = layered_assistant(settings, ROOT / "eval" / "dev" / "layering_2.jsonl")
    assert detected["sichuan-2025"] == "provincial_notice"
    return assistant


def test_a_provinces_own_receipt_date_comes_before_the_national_one(sichuan: Assistant) -> None:
    answer = ask(sichuan, "我们是泸州市知识产权局，申报工作回执最晚哪天要交？", "2025-09-16")
    first = answer.answer.split("\n")[0]
    assert first.startswith("按《四川省转发通知》，回执须于2025年9月18日前报送") and "还剩2天" in first
    assert "2025年9月19日" in first and cited(answer)[0] == "sichuan-2025"
    elsewhere = ask(sichuan, "我们是南昌市知识产权局，工作联络员回执哪天前报？", "2025-09-16")
    assert "2025年9月19日" in elsewhere.answer and "sichuan-2025" not in cited(elsewhere)


def test_a_question_that_says_nowhere_is_answered_by_each_loaded_notice_named(layered: Assistant) -> None:
    answer = ask(layered, "报材料的时候遇到问题应该联系谁，有电话吗？", "2025-10-10")
    assert {"zhejiang-2025", "guangdong-2025"} <= set(cited(answer))
    assert "《浙江省转发通知》" in answer.answer and "《广东省转发通知》" in answer.answer


def test_a_deadline_asked_for_a_type_from_nowhere_is_each_loaded_notices_date_for_its_applicants(
        layered: Assistant) -> None:
    answer = ask(layered, "示范企业那边的申报书，截止日是哪一天？", "2025-10-14")
    assert "2025年10月24日" in answer.answer  # the provincial offices' date, then each province's for applicants
    assert "广东省申报单位的材料须于2025年10月13日前报送，截至2025年10月14日已过期" in answer.answer
    assert "浙江省申报单位的材料须于2025年10月16日前报送" in answer.answer
    assert {"zhejiang-2025", "guangdong-2025"} <= set(cited(answer))
    untyped = ask(layered, "截止日是哪一天？", "2025-10-14")  # no type: each notice's dates differ by type
    assert cited(untyped) == ["notice"]


def test_of_several_notices_the_one_that_answers_a_question_saying_nowhere_comes_first(layered: Assistant) -> None:
    answer = ask(layered, "网上申报模块的网址是什么？系统技术支持电话有吗？", "2025-10-10")
    assert cited(answer)[0] == "zhejiang-2025" and answer.answer.startswith("按《浙江省转发通知》")


def test_a_company_that_says_nowhere_asking_its_deadline_gets_each_loaded_notices_date_for_companies(
        layered: Assistant) -> None:
    answer = ask(layered, "我们企业这边最晚几号交？", "2025-10-14")
    assert "广东省申报单位的材料须于2025年10月13日前报送" in answer.answer
