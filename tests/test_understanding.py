"""The kinds of wording the understanding layer must hold on (issue 10): each illustration answered right,
through the real assistant (real retrieval, real rules), the API and the staff reply."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.answering import Answer, Assistant
from assistant.answering.conversation import Conversation
from assistant.answering.intents import pieces
from assistant.drafting import draft_reply
from assistant.language.dates import said_date
from assistant.language.lexicon import pattern
from assistant.language.normalize import normalize
from assistant.language.pinyin import syllable, syllables
from assistant.rules import extract_profile, kinds
from assistant.rules.extract import mentioned_types
from assistant.rules.layout import fields_as_sentences
from assistant.rules.profile import ApplicantKind, Founder, LegalForm, ParkLevel, PlaceCategory, UniversityLevel
from assistant.rules.text import Qualifier, qualifiers
from assistant.web.api import build_router

DAY = date(2025, 9, 20)


def statuses(assistant: Assistant, text: str) -> dict[str, str]:
    return {key: verdict.status for key, verdict in assistant.check(text, as_of=DAY).verdicts.items()}


def asked_after(assistant: Assistant, first: str, question: str) -> Answer:
    """The answer to ``question`` asked after ``first`` in one conversation."""
    conversation = Conversation()
    assistant.ask(first, conversation, as_of=DAY)
    return assistant.ask(question, conversation, as_of=DAY)


def cited_first(assistant: Assistant, question: str) -> str | None:
    """The clause an in-scope answer cites first; None when the question is refused."""
    answer = assistant.ask(question, as_of=DAY)
    return answer.citations[0].id if answer.in_scope and answer.citations else None


# --- 1. last mention never wins: pending, partial and former facts are not the fact -------------------

def test_a_pending_upgrade_is_not_the_parks_level(assistant: Assistant) -> None:
    profile = extract_profile("我们现在是市级科技园，正在争取升格为省级高新区")
    assert profile.park.level == ParkLevel.below_provincial
    assert statuses(assistant, "我们现在是市级科技园，正在争取升格为省级高新区")["park"] == "ineligible"


@pytest.mark.parametrize("follow_up", ["补充一下，前年自治区政府批成自治区级高新区了", "更正：后来是省政府下文批的，省级开发区"])
def test_the_government_that_approved_a_parks_level_is_not_the_applicant(follow_up: str) -> None:
    earlier = extract_profile("我们园区是县里批的工业园区，想报示范园区")
    profile = extract_profile(follow_up, previous=earlier)
    assert (profile.kind, profile.park.level) == (ApplicantKind.park_committee, ParkLevel.provincial)


@pytest.mark.parametrize(("text", "level"), [("我们是自治区级高新区管委会", ParkLevel.provincial),
                                           ("园区是区级工业园，区政府管的", ParkLevel.below_provincial)])
def test_an_autonomous_regions_level_is_a_provinces(text: str, level: ParkLevel) -> None:
    assert extract_profile(text).park.level == level


def test_a_level_taken_back_as_written_wrongly_leaves_the_one_beside_it() -> None:
    profile = extract_profile("园区其实是市级园区，国家级是宣传册上写错了")
    assert profile.park.level == ParkLevel.below_provincial


def test_a_level_still_to_come_is_not_the_governments_level(assistant: Assistant) -> None:
    text = "我们市之前说要撤县改市再升地级，批没批下来我也不知道，能报示范市吗"
    assert statuses(assistant, text)["city"] == "needs_info"


def test_the_schools_merged_into_a_university_are_what_it_was_made_of() -> None:
    text = "本校由两所高职院校和一所卫生专科学校于2022年合并组建，现为普通本科院校"
    assert extract_profile(text).university.level == UniversityLevel.undergraduate


def test_a_few_pilot_majors_do_not_make_a_vocational_college_undergraduate(assistant: Assistant) -> None:
    text = "我校是高职专科，只有两个职业本科试点专业"
    assert extract_profile(text).university.level == UniversityLevel.junior
    verdict = assistant.check(text, as_of=DAY).verdicts["university"]
    assert verdict.status == "ineligible" and "高职（专科）" in verdict.reason


@pytest.mark.parametrize(("text", "qualifier"), [
    ("我们原来是县级开发区", Qualifier.former), ("园区拟升格为省级", Qualifier.pending),
    ("听说是省级的", Qualifier.hearsay), ("好像是省级的", Qualifier.hedged), ("只有部分专业是本科", Qualifier.partial),
])
def test_each_qualifier_is_recognised(text: str, qualifier: Qualifier) -> None:
    start = text.index("级") - 1 if "级" in text else text.index("本科")
    assert qualifier in qualifiers(text, start, start + 2)


def test_disagreeing_plain_statements_leave_the_fact_unknown_unless_the_self_introduction_says_it() -> None:
    assert extract_profile("园区是省级高新区，园区是国家级的").park.level is None
    assert extract_profile("我们是省级高新区管委会，园区是国家级的").park.level == ParkLevel.provincial
    branch = "我们是某集团有限公司的上海分公司，专利都以总公司名义申请。能以分公司名义报示范企业吗？"
    assert extract_profile(branch).company.branch is True


# --- 2. hearsay, hedges and programme names are not recognition ---------------------------------------

def test_a_hedged_recognition_is_asked_about_not_assumed(assistant: Assistant) -> None:
    profile = extract_profile("领导说我们市可能早就是示范城市了，我也说不准")
    assert profile.recognized == [] and profile.unsure_recognized == ["city"]
    verdict = assistant.check("我们是宁波市人民政府，领导说可能早就是示范城市了，我也说不准", as_of=DAY).verdicts["city"]
    assert verdict.status == "needs_info" and "是否已被认定为" in verdict.ask[0]


NINGBO = "我们是宁波市鄞州区人民政府，能否申报2025年知识产权强国建设示范县？"


def test_a_programme_named_in_a_question_is_no_recognition_claim_anywhere(assistant: Assistant) -> None:
    assert assistant.check(NINGBO, as_of=DAY).verdicts["county"].status == "eligible"
    assert assistant.ask(NINGBO, as_of=DAY).verdicts["county"].status == "eligible"
    app = FastAPI()
    app.include_router(build_router(assistant))
    api = TestClient(app).post("/api/check", json={"text": NINGBO, "as_of": "2025-09-20"}).json()
    assert api["verdicts"]["county"]["status"] == "eligible"
    reply = draft_reply(NINGBO, library=assistant.library, settings=assistant.settings, as_of=DAY)
    assert reply.verdicts["county"].status == "eligible" and "已认定" not in reply.text.split("依据")[0]


# --- 3. recognition phrasing ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我们公司2021年经国家知识产权局评审入选国家知识产权示范企业",
    "本公司于2019年被国家知识产权局确定为国家知识产权示范企业",
    "我司是2020年度国家知识产权示范企业",
    "我们前年春天收到了国家知识产权示范企业的认定通知",  # the title's paper is the title
    "本公司2018年晋升为国家知识产权示范企业",
    "我们是2019年拿的国家知识产权示范企业，还用报吗",
])
def test_recognition_stated_with_bodies_years_and_other_verbs(assistant: Assistant, text: str) -> None:
    assert statuses(assistant, text)["enterprise"] == "already_recognized"


@pytest.mark.parametrize("text", ["我们想争创国家知识产权示范企业", "如果我们是国家知识产权示范企业，还要报吗",
                                  "我们不是国家知识产权示范企业", "我们是省级知识产权示范企业",
                                  "我们想拿国家知识产权示范企业的牌子", "国家知识产权示范企业的认定标准是什么",
                                  "我们是某县人民政府，公示名单上有个同名的县是国家知识产权强县建设示范县"])
def test_wishes_conditions_negations_and_provincial_titles_are_not_recognition(text: str) -> None:
    assert extract_profile(text).recognized == []


def test_a_title_said_to_be_of_this_very_year_is_unsure() -> None:
    """四（一） keeps the titles of earlier years (此前年度); one of the year the notice is read in is asked about."""
    profile = extract_profile("本公司上个月刚被认定为国家知识产权示范企业，这一届还报不报？")
    assert profile.recognized == [] and profile.unsure_recognized == ["enterprise"]
    assert extract_profile("本公司2021年被认定为国家知识产权示范企业").recognized == ["enterprise"]


def test_an_earlier_application_whose_outcome_is_not_known_leaves_the_title_unsure() -> None:
    profile = extract_profile("我区前年报过国家知识产权强县建设示范县，后来一直没收到结果通知，这回还要报吗？")
    assert profile.unsure_recognized == ["county"]
    assert extract_profile("我区前年报过国家知识产权强县建设示范县，没评上").unsure_recognized == []


def test_a_title_of_a_unit_merged_into_the_applicant_is_unsure() -> None:
    profile = extract_profile("我校由两校合并组建。原师范学院2020年被确定为国家知识产权示范高校，合并后学校能否再报？")
    assert profile.recognized == [] and profile.unsure_recognized == ["university"]


# --- 4. one applicant can be two kinds ------------------------------------------------------------------

def test_an_institute_registered_as_a_company_is_both(assistant: Assistant) -> None:
    text = "我们是杭州某某技术研究院有限公司，民营企业出资设立"
    profile = extract_profile(text)
    assert profile.kind == ApplicantKind.company and ApplicantKind.institute in profile.also
    found = statuses(assistant, text)
    assert (found["enterprise"], found["institute"]) == ("eligible", "eligible")


def test_an_institute_said_later_to_be_a_company_itself_is_both() -> None:
    profile = extract_profile("我们是某能源集团旗下的设计研究院，研究院自己也是一家有限公司，想报示范企业")
    assert profile.kind == ApplicantKind.institute and ApplicantKind.company in profile.also


# --- 5. no over-caution about a Chinese-law company ---------------------------------------------------

@pytest.mark.parametrize("text", ["我们是一家有限责任公司", "我们是一家股份有限公司，做新材料的"])
def test_a_chinese_law_company_without_a_foreign_marker_is_eligible_with_the_condition_stated(
        assistant: Assistant, text: str) -> None:
    verdict = assistant.check(text, as_of=DAY).verdicts["enterprise"]
    assert verdict.status == "eligible" and "在我国境内设立" in verdict.reason


def test_a_foreign_marker_still_decides(assistant: Assistant) -> None:
    assert statuses(assistant, "我们是在香港注册的有限公司")["enterprise"] == "ineligible"


@pytest.mark.parametrize("text", ["我们是香港的公司在深圳设立的子公司，是有限责任公司。",
                                  "是有限责任公司，我们是香港的公司在深圳设立的子公司。"])
def test_where_a_company_was_set_up_outranks_where_its_owner_is(assistant: Assistant, text: str) -> None:
    place = extract_profile(text).place
    assert place is not None and place.city == "深圳市"
    assert statuses(assistant, text)["enterprise"] == "eligible"


@pytest.mark.parametrize(("text", "county"), [
    ("宁夏塞上云谷信息技术有限公司，注册地：银川市金凤区，有限责任公司", "金凤区"),
    ("甘肃陇原新材股份有限公司 注册在兰州市七里河区", "七里河区"),
    ("我们是西宁一家有限公司，母公司注册地在香港", None),  # the owner's registration is not the applicant's
])
def test_where_a_company_is_registered_outranks_the_place_its_name_begins_with(text: str, county: str | None) -> None:
    place = extract_profile(text).place
    assert place is not None and place.county == county and PlaceCategory.outside not in place.categories


# --- spoken and variant wordings are read as the notice writes them ------------------------------------

@pytest.mark.parametrize(("typed", "read"), [("咱们县2023年已获评示范县", "我们县2023年已获评示范县"),
                                             ("俺们厂想申请示范企业", "我们厂想申报示范企业"),
                                             ("示范县的申请由谁组织", "示范县的申报由谁组织"),
                                             ("回执填错了咋整", "回执填错了怎么办"), ("咋填申报书", "怎么填申报书"),
                                             ("申报书都填啥", "申报书都填什么")])
def test_spoken_first_person_and_applying_are_read_as_the_notice_writes_them(typed: str, read: str) -> None:
    assert normalize(typed) == read


@pytest.mark.parametrize("text", ["我们申请了300件发明专利", "专利申请量很大", "申请人是谁", "PCT申请多少件"])
def test_a_patent_application_stays_an_application(text: str) -> None:
    assert normalize(text) == text


def test_the_spoken_first_person_describes_the_applicant(assistant: Assistant) -> None:
    assert statuses(assistant, "咱们是上海的一个区")["city"] == "eligible"
    assert statuses(assistant, "咱们县2023年已获评国家知识产权强县建设示范县")["city"] == "ineligible"


# --- 6. traditional characters and typos --------------------------------------------------------------

def test_traditional_characters_are_read_as_simplified(assistant: Assistant) -> None:
    assert normalize("我們是廣東省佛山市順德區") == "我们是广东省佛山市顺德区"
    assert statuses(assistant, "我們是廣東省佛山市順德區")["county"] == "eligible"


@pytest.mark.parametrize(("typed", "meant"), [("汇执什么时候交", "回执"), ("示范线的申报单位是谁", "示范县"),
                                              ("北京师范大学能申保示范高校吗", "申报"), ("平审要几轮", "评审"),
                                              ("公式期过了没", "公示期"), ("付件二在哪下载", "附件")])
def test_sound_alike_typos_of_the_programmes_terms_are_repaired(typed: str, meant: str) -> None:
    repaired = normalize(typed)
    assert meant in repaired
    assert "师范大学" in normalize("北京师范大学")  # a dictionary word is never "repaired"


def test_a_characters_sound_is_pypinyins_first_reading_without_importing_it() -> None:
    from pypinyin import lazy_pinyin

    characters = [chr(code) for code in range(0x3400, 0xA000, 7)] + list("绿嗯重庆行长a1，")
    assert [syllable(ch) for ch in characters] == [lazy_pinyin(ch)[0] for ch in characters]
    assert syllables("重庆银行") == ["zhong", "qing", "yin", "xing"]  # one sound per character, no phrases


def test_typos_keep_the_topic(assistant: Assistant) -> None:
    receipt = assistant.ask("汇执什么时候交", as_of=DAY)
    assert receipt.route == "timeline" and "2025年9月19日" in receipt.answer
    county = assistant.ask("示范线的申报单位是谁", as_of=DAY)
    assert county.citations[0].id == "notice#2.2"
    assert assistant.ask("推荐材料截至什么时候", as_of=DAY).citations[0].id == "notice#closing"


# --- 7. routing by evidence, several intents per question ----------------------------------------------

def test_a_keyword_does_not_pick_the_topic(assistant: Assistant) -> None:
    published = assistant.ask("认定结果在哪里公开", as_of=DAY)
    assert [c.id for c in published.citations] == ["notice#4.3"] and "此件公开发布" not in published.answer
    strict = assistant.ask("名额有限的话，是不是要宁缺毋滥？", as_of=DAY)
    assert strict.citations[0].id == "notice#5.3"


def test_the_event_named_decides_which_deadline(assistant: Assistant) -> None:
    receipt = assistant.ask("回执现在交还来得及吗", as_of=date(2025, 9, 10))
    assert receipt.citations[0].quote.startswith("于2025年9月19日前将回执") and "还剩9天" in receipt.answer


def test_the_thing_sent_decides_which_deadline_not_the_verb(assistant: Assistant) -> None:
    late = assistant.ask("联络员回执现在还能报送吗", as_of=date(2025, 9, 25))
    assert late.trace["parts"] == ["when:receipt"] and "2025年9月19日" in late.answer and "已过" in late.answer
    passed = assistant.ask("材料还没交，截止日期过了没？", as_of=date(2025, 10, 28))
    assert "2025年10月24日" in passed.answer and "已过" in passed.answer


@pytest.mark.parametrize("question", ["创建一共要搞几年", "入选以后创建期是多长"])
def test_how_long_the_creation_lasts_is_the_creation_period(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.citations[0].id == "notice#4.2" and "2025年—2027年" in answer.answer


@pytest.mark.parametrize(("question", "clause"), [("申报书由哪个单位来填？", "notice#4.1"),
                                                  ("我们省想多推几个，能超出名额吗", "notice#4.1"),
                                                  ("名额用不完的话要不要凑够数", "notice#5.3")])
def test_who_does_what_and_whether_a_quota_binds_are_the_notices_own_rules(assistant: Assistant, question: str,
                                                                         clause: str) -> None:
    assert cited_first(assistant, question) == clause
    assert not assistant.ask("申报书要填哪些栏目", as_of=DAY).in_scope  # the annex's contents: not loaded


def test_a_line_naming_an_annex_does_not_outbid_the_clause_that_answers(assistant: Assistant) -> None:
    answer = assistant.ask("回执上的联络员对级别有要求吗", as_of=DAY)
    assert answer.in_scope and answer.citations[0].id == "notice#closing" and "处级干部" in answer.answer


@pytest.mark.parametrize(("question", "annex"), [("示范高校的评价指标要求有效专利至少多少件？", "notice#annex.3"),
                                                 ("申报书一般要写多少页？", "notice#annex.1")])  # its length: the form's
def test_a_detail_asked_of_an_annexs_subject_is_asked_of_the_annex(assistant: Assistant, question: str,
                                                                   annex: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert not answer.in_scope and "未载入" in answer.answer and answer.citations[0].id == annex


def test_a_question_asking_two_things_gets_both(assistant: Assistant) -> None:
    assert pieces("截止时间和要报哪些材料") == ["截止时间", "要报哪些材料"]
    answer = assistant.ask("截止时间和要报哪些材料", as_of=DAY)
    assert {"notice#closing", "notice#4.1"} <= {c.id for c in answer.citations}
    assert "2025年10月24日" in answer.answer and "申报书" in answer.answer


# --- 8. scope by evidence ------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "clause"), [("多久评一次", "notice#1"), ("这一届要搞到哪一年", "notice#4.2"),
                                                  ("这一届结束以后，下一届什么时候开始", "notice#1")])
def test_paraphrases_of_the_timetable_are_answered(assistant: Assistant, question: str, clause: str) -> None:
    assert cited_first(assistant, question) == clause


@pytest.mark.parametrize("question", ["2021年的试点示范县名单里有哪些县", "上一届示范县名单里有哪些县",
                                      "示范企业能拿到多少奖励资金？", "学校评上示范高校后，学生申请专利的官费能减免吗",
                                      "我们是示范企业，专利优先审查怎么申请"])
def test_naming_a_project_type_does_not_make_a_question_in_scope(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert not answer.in_scope and "notice#2.2" not in [c.id for c in answer.citations]


def test_when_to_apply_to_another_programme_is_out_of_scope(assistant: Assistant) -> None:
    other = assistant.ask("专利导航项目今年几月份开始申报？", as_of=DAY)
    assert not other.in_scope and not other.trace["parts"][0].startswith("when")
    assert assistant.ask("示范企业今年几月份开始申报？", as_of=DAY).in_scope
    named_step = assistant.ask("高企认定下半年几号开始受理", as_of=DAY)  # 认定 belongs to that programme's name
    assert not named_step.in_scope and named_step.route == "out_of_scope"


# --- 9. one home per phrase list ------------------------------------------------------------------------

def test_the_lexicon_lists_are_used_by_name_and_off_topic_is_gone() -> None:
    import assistant.answering as answering

    assert pattern("hedge").search("好像是") and pattern("when").search("截至什么时候")
    assert not hasattr(answering, "scope") and not hasattr(answering, "router")


# --- what the unit is: its own name, its own noun, its founders (dev eligibility_2) ---------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("我们是XX高新区开发建设有限公司，国有独资，负责高新区的招商和运营，高新区是国家级的。能不能由我们公司来报示范园区？",
     {"park": "ineligible", "enterprise": "eligible"}),
    ("我们公司在XX国家级经开区里面，是一家有限责任公司。听说园区可以报示范园区，我们作为园区企业能不能报？",
     {"park": "ineligible", "enterprise": "eligible"}),
    ("您好，我们是XX国家级经济技术开发区管理委员会，请问本区是否符合示范园区的申报单位要求？", {"park": "eligible"}),
    ("我们是德国XX集团在中国设立的研发中心，全称“XX（上海）研发中心有限公司”，外商独资的有限责任公司，在上海注册。",
     {"enterprise": "eligible"}),
    ("我们是XX技师学院，由省人力资源和社会保障厅主管，属于技工院校。", {"university": "ineligible"}),
    ("我们是经教育部批准设立的中外合作大学，具有独立法人资格，开展普通本科教育。", {"university": "eligible"}),
    ("您好，我们是XX市级高新区管委会……不好意思写错了，其实是2018年省政府批准的XX省级高新区管委会。", {"park": "eligible"}),
])
def test_the_unit_is_read_from_its_own_noun_name_and_statements(assistant: Assistant, text: str,
                                                                 expected: dict[str, str]) -> None:
    found = statuses(assistant, text)
    assert {key: found[key] for key in expected} == expected


def test_what_a_unit_would_become_is_not_what_it_is() -> None:
    text = "我们是市政府批准设立的新型研发机构，登记为事业单位。领导问需不需要先改制成公司才能报？如果改成公司是不是还能报示范企业？"
    assert extract_profile(text).kind == ApplicantKind.institute


@pytest.mark.parametrize(("text", "status"), [
    ("XX市农业科学研究所，市农业农村局主管的公益一类事业单位，独立法人，经市编办批准设立。", "eligible"),
    ("我们研究院是民办非企业单位，举办单位是XX科技股份有限公司，一家民营的上市公司。", "eligible"),
    ("我们研究院是XX控股集团出资设立的，集团是民营企业。", "eligible"),
    ("我们是三个博士办的研究院，民办非企业单位，举办者就是我们三个自然人，没有任何企业出资。", "ineligible"),
])
def test_who_set_the_institute_up_is_read_where_it_is_said(assistant: Assistant, text: str, status: str) -> None:
    assert statuses(assistant, text)["institute"] == status


def test_asking_which_type_to_apply_for_is_an_eligibility_question(assistant: Assistant) -> None:
    answer = assistant.ask("我们是新疆兵团下面的一个市，该报示范市还是示范县？", as_of=DAY)
    assert answer.route == "eligibility" and answer.check is not None
    assert (answer.check.verdicts["county"].status, answer.check.verdicts["city"].status) == ("eligible", "ineligible")
    assert assistant.ask("我们是县里的企业，申报材料是交县里、市里还是省里？", as_of=DAY).route != "eligibility"


@pytest.mark.parametrize("question", ["我们公司评上示范企业的概率大不大？", "下一届申报条件会不会放宽一点？",
                                      "您估计明年推荐名额会增加吗？", "下一届示范县会不会比这届少？"])
def test_a_prediction_is_refused_not_answered_with_a_clause(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.route == "out_of_scope" and "预测" in answer.answer


def test_procedural_and_date_questions_are_no_predictions(assistant: Assistant) -> None:
    assert not pattern("asks_prediction").search("申报单位名称能否变更？名额能否调整？")
    assert not pattern("asks_prediction").search("你觉得我们能报示范县吗？")  # an opinion on eligibility is asked
    assert assistant.ask("下一届什么时候开始？", as_of=DAY).route == "timeline"


@pytest.mark.parametrize(("question", "in_scope"), [("评价指标里专利质量占多少分？", False),
                                                    ("申报书写多少页合适？", False),
                                                    ("附件2是个什么表？", True)])
def test_an_annexs_title_answers_only_what_its_title_says(assistant: Assistant, question: str,
                                                          in_scope: bool) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.in_scope is in_scope
    assert ("未载入" in answer.answer) is not in_scope


@pytest.mark.parametrize(("question", "as_of", "cited", "said"), [
    ("创建周期是多长？从哪年到哪年", DAY, "notice#4.2", "2025年—2027年"),
    ("回执的截止是不是已经过了？那推荐材料呢，还有多久", date(2025, 9, 23), "notice#closing", "2025年10月24日"),
    ("验收通过了是不是就直接算示范单位了？", DAY, "notice#4.3", "公示无异议"),
    ("附件一共有几个？", DAY, "notice#annexes", "工作联络员回执"),
    # a day named with 前 in a yes-or-no question: whether that is the deadline (and how many days are left)
    ("所以省局要赶在本周五之前报给国家局是吧", date(2025, 10, 20), "notice#closing", "还剩4天"),
    ("材料21号前送到就没问题吧", date(2025, 10, 17), "notice#closing", "2025年10月24日"),
])
def test_how_long_what_remains_and_what_follows_are_read_as_asked(assistant: Assistant, question: str, as_of: date,
                                                                  cited: str, said: str) -> None:
    answer = assistant.ask(question, as_of=as_of)
    assert cited in [c.id for c in answer.citations] and said in answer.answer


def test_not_wanting_to_apply_is_no_eligibility_question(assistant: Assistant) -> None:
    answer = assistant.ask("是不是必须报啊？我们区今年不太想报", as_of=DAY)
    assert answer.trace["parts"] == ["topic:voluntary"] and "自愿" in answer.answer


@pytest.mark.parametrize("question", ["我是一家有限公司的行政主管，想请问一下：申报要交钱吗",
                                      "我们县科技局的，我想了解一下，报名费要不要交"])
def test_a_question_framed_by_wanting_to_ask_applies_for_nothing(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.trace["parts"] == ["topic:fees"] and "不得以任何形式" in answer.answer


def test_a_statement_closed_by_a_full_stop_asks_nothing_where_questions_end_with_a_question_mark(
        assistant: Assistant) -> None:
    answer = assistant.ask("我们是一家做新材料的有限公司，很想报示范企业，又担心赶不上。有中介说交五千元能包过。"
                           "请问申报到底收不收费？", as_of=DAY)
    assert answer.trace["parts"] == ["topic:fees"]
    assert assistant.ask("我们是一家有限公司。想了解一下示范企业的申报条件。", as_of=DAY).trace["parts"] == ["eligibility:"]


@pytest.mark.parametrize(("question", "annex"), [("示范企业申报书要填哪些栏目？需要附上哪些证明材料？", "notice#annex.1"),
                                              ("评价指标里专利质量占多少分？有没有发明专利数量的门槛？", "notice#annex.3")])
def test_details_asked_after_an_annexs_content_are_asked_of_that_annex(assistant: Assistant, question: str,
                                                                        annex: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert [c.id for c in answer.citations] == [annex] and not answer.in_scope


def test_a_branch_registered_since_as_a_company_is_no_branch(assistant: Assistant) -> None:
    chat = Conversation()
    branch = assistant.ask("我们是XX集团在成都的分公司，营业执照上写的“分公司”，能报示范企业吗", chat, as_of=DAY)
    assert branch.verdicts["enterprise"].status == "ineligible"
    company = assistant.ask("更正一下：今年3月已变更登记为集团全资的有限责任公司，“分公司”是旧执照上的。现在能报吗",
                            chat, as_of=DAY)
    assert company.verdicts["enterprise"].status == "eligible"


def test_a_piece_the_notice_does_not_answer_alone_is_read_with_the_piece_before(assistant: Assistant) -> None:
    answer = assistant.ask("省局报上推荐名单以后，国家局怎么确定创建对象？是全部通过还是要评审？", as_of=DAY)
    assert answer.in_scope and [c.id for c in answer.citations] == ["notice#4.2"]


def test_an_excerpt_inside_another_of_the_same_clause_is_quoted_once(assistant: Assistant) -> None:
    answer = assistant.ask("这次示范创建是按哪个管理办法搞的？有没有经过批准？", as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#preamble"]


def test_each_item_of_an_announced_list_of_questions_is_asked(assistant: Assistant) -> None:
    answer = assistant.ask("市局：\n    现将有关问题请示如下：一是推荐材料报送国家局的截止时间；二是申报书有无统一模板；三是各省推荐名额。\n"
                           "    妥否，请批示。", as_of=DAY)
    assert answer.trace["parts"] == ["when:recommendation", "topic:form", "topic:quota"]


@pytest.mark.parametrize("question", ["市里准备拿出三亿元新建知识产权展示馆迎接验收，通知对创建投入有规定吗？",
                                      "创建期间大额资金投入建大楼，符合通知要求吗"])
def test_spending_on_the_creation_is_asked_against_the_realism_rule(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.citations[0].id == "notice#5.5" and "花架子" in answer.answer


def test_how_many_kinds_of_demonstration_there_are_is_the_list_of_types(assistant: Assistant) -> None:
    answer = assistant.ask("这次总共有几种示范？", as_of=DAY)
    assert answer.trace["parts"] == ["topic:types"] and "示范科研机构" in answer.answer


def test_a_letters_request_asks(assistant: Assistant) -> None:
    answer = assistant.ask("区政府办公室交办：请提供国家知识产权局负责示范园区工作的联系人和电话，以便对接。", as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#contacts"] and "徐俊峰" in answer.answer


def test_a_question_pointing_back_is_read_with_the_statements_before_it(assistant: Assistant) -> None:
    answer = assistant.ask("听说我们区为了争创示范县，准备花上亿元建一个知识产权大展馆，还要请明星来站台。区里财力一般。"
                           "请问通知提倡这么做吗？", as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#5.5"] and "花架子" in answer.answer
    # in a letter, signed: the practice before a question that points back is what it asks the work rules about
    answer = assistant.ask("市里组织申报时，又要求我们区把系统里已有的专利数据重新填报一遍。请问通知对此有要求吗？\n某某区市场监管局 "
                           "2025年9月24日", as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#5.2"]


def test_these_few_years_or_several_units_ask_nothing(assistant: Assistant) -> None:
    answer = assistant.ask("我们县这几年专利授权量翻了一番，好几家企业都是高企。想报示范县，申报要交钱吗？", as_of=DAY)
    assert answer.trace["parts"] == ["eligibility:", "topic:fees"]


@pytest.mark.parametrize("question", [
    "【办公室-小李】回执是不是下周五截止？\n【科技科-老王】不清楚，先把申报书弄好\n【办公室-小李】@智能助手 申报示范企业要不要交评审费？",
    "单位：某科技有限公司｜拟申报：示范企业｜问题：申报示范企业要不要交评审费？"])
def test_a_chat_asks_what_it_asks_the_assistant_and_a_form_its_question_field(assistant: Assistant,
                                                                            question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#5.4"] and "收取费用" in answer.answer


def test_the_patent_offices_other_demonstration_programmes_are_other_programmes(assistant: Assistant) -> None:
    answer = assistant.ask("国家知识产权保护示范区的申报是不是也按这个通知？", as_of=DAY)
    assert not answer.in_scope and "保护示范区" in answer.answer


@pytest.mark.parametrize(("question", "clause", "said"), [
    ("【来电人身份】某股份有限公司员工\n【来电内容】来电人反映：其公司打算报示范企业，老板让把专利数多写一些。\n"
     "【诉求】咨询如果申报材料造假会怎样。\n【备注】来电人不愿留姓名。", "notice#5.4", "取消申报"),
    ("来电人称其单位系一家有限公司，准备申报示范企业，申报书有几处看不懂。\n【诉求】索要负责示范企业工作的联系人和电话",
     "notice#contacts", "徐俊峰"),
])
def test_a_work_order_asks_what_its_request_field_says(assistant: Assistant, question: str, clause: str,
                                                       said: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert [c.id for c in answer.citations] == [clause] and said in answer.answer


@pytest.mark.parametrize("text", ["我们是XX大学（威海）校区，异地办学校区，不是独立法人，想单独以校区的名义申报示范高校",
                                  "我们是XX大学与英国XX大学合作举办的联合学院，属于不具有法人资格的中外合作办学机构"])
def test_a_campus_or_college_without_legal_personality_is_not_the_university(assistant: Assistant, text: str) -> None:
    verdict = assistant.check(text, as_of=DAY).verdicts["university"]
    assert verdict.status == "ineligible" and "所属高校" in verdict.reason
    assert statuses(assistant, "我们是教育部直属的普通本科高校，事业单位法人")["university"] == "eligible"


@pytest.mark.parametrize(("text", "key"), [
    ("我们是XX大学的重点实验室，实验室不是独立法人，依托学校建设。学校是教育部直属的普通本科高校。", "university"),
    ("我们是XX汽车股份有限公司的中央研究院，研究院是公司内设的部门，不是独立法人。公司是境内注册的股份有限公司。", "enterprise"),
])
def test_an_internal_unit_is_told_what_its_parent_may_apply_for(assistant: Assistant, text: str, key: str) -> None:
    assert statuses(assistant, text)[key] == "eligible"
    assert statuses(assistant, "我们是XX大学的重点实验室，依托学校建设。")["university"] != "eligible"  # not said internal


# --- what the text says of the unit, read with its context (dev eligibility_3) --------------------------

@pytest.mark.parametrize(("text", "key", "status"), [
    # a unit measured against another is not that other (比…还大)
    ("我们是市里批的工业园，规模比不少省级园区还大，想报示范园区", "park", "ineligible"),
    ("像我们这样的省级高新区管委会能报示范园区吗", "park", "eligible"),  # 像 here describes the applicant
    # who approved the zone gives its level; who set up its committee does not
    ("我们开发区是国务院批准设立的，管委会想报示范园区", "park", "eligible"),
    ("县政府自己建的一个产业园，管委会想报示范园区", "park", "ineligible"),
    ("我们园区是省级高新区，管委会是市政府设立的派出机构", "park", "eligible"),
    # part of a zone is not the zone
    ("我们是某省级高新区的一个分园，能报示范园区吗", "park", "needs_info"),
    # a unit inside the zone's committee, applying in its own name
    ("我们是XX高新区管委会下属的招商服务局，想以我们局的名义报示范园区", "park", "ineligible"),
    # units the applicant governs are not its own level
    ("我们是XX市人民政府，辖五个区和两个县，能报示范市吗", "city", "needs_info"),
    # a provincial capital is a 副省级 or a 地级 city: either way its government may apply for 示范市
    ("我们是省会城市的人民政府，想报示范市", "city", "eligible"),
    ("我们是省会城市的人民政府，想报示范市", "county", "ineligible"),
    # another field's local title is not this programme's
    ("我们是省级高新区管委会，前年获评全市文明创建示范园区", "park", "eligible"),
    # what the unit would be treated as, or was before an approved upgrade, is not what it is
    ("我们是一所高职专科学校，能按本科报示范高校吗", "university", "ineligible"),
    ("我们学院前年经教育部批准升格为普通本科院校", "university", "eligible"),
    ("学校前年经省教育厅批准转为普通本科，可以报示范高校吗", "university", "eligible"),  # approved, not the approver
    # a company still being set up is not yet one
    ("我们公司正在筹建，营业执照还没下来，能报示范企业吗", "enterprise", "ineligible"),
    # asking whether a rule exists (有没有成立年限的门槛) says nothing of whether the unit was set up
    ("本公司是今年春天注册的股份有限公司，有没有成立年限的门槛？能报示范企业不", "enterprise", "eligible"),
    # a 直辖市 itself is not among the governments 二（一） lists (its districts are)
    ("我是市政府研究室的，我们是直辖市，全市能不能作为一个单位报示范市", "city", "ineligible"),
    # the zone named before who approved it
    ("我们开发区是前年县政府批准设立的，想报示范园区", "park", "ineligible"),
    # 事业单位 is the legal form of the institute the text introduces
    ("我们研究所是省政府设立的事业单位。事业单位可以报示范科研机构吗", "institute", "eligible"),
    # a research department inside a company: whether such a unit may apply in its own name is not said
    ("我们是集团内部的技术中心，没有单独注册，就是一个部门，能报示范科研机构吗", "institute", "needs_info"),
    # a bureau applying in its own name, the committee named afterwards
    ("我们是某经开区管委会下属的招商局，想以招商局名义报示范园区，管委会同意了", "park", "ineligible"),
    # a bureau the government tasked with its application: the government applies
    ("我在某县发改局规划股工作，县政府让我们局牵头准备示范县的材料", "county", "eligible"),
])
def test_a_fact_is_read_with_what_surrounds_it(assistant: Assistant, text: str, key: str, status: str) -> None:
    assert statuses(assistant, text)[key] == status


@pytest.mark.parametrize(("text", "expected"), [
    # an institute whose licence says it is a company is both
    ("我们是一家研究院，营业执照是股份有限公司，由民营企业出资设立", {"enterprise": "eligible", "institute": "eligible"}),
    # one body under two names
    ("我们县人民政府和省级经开区管委会合署办公，示范县和示范园区都能报吗",
     {"park": "eligible", "county": "eligible"}),
    # a question about the applicant and one about a company that belongs to it
    ("我们是普通本科高校，想报示范高校；学校的资产经营公司（有限责任公司）能报示范企业吗",
     {"university": "eligible", "enterprise": "eligible"}),
    ("我们是普通本科高校，学校有一家科技公司（有限公司）。学校和公司分别能报什么",
     {"university": "eligible", "enterprise": "eligible"}),
    ("我们是一所高职院校。学校控股的XX技术有限公司（境内注册，独立法人）能不能报示范企业",
     {"university": "ineligible", "enterprise": "eligible"}),  # a parenthesis is part of the subject
    ("我们研究院由民营企业出资设立，注册名称是“XX智能研究院有限公司”，两个都能报吗",
     {"institute": "eligible", "enterprise": "eligible"}),  # a registered name in quotes
    # each unit put forward for a type in a message that asks (学校报示范高校、资产公司报示范企业，行吗)
    ("我们是普通本科大学，学校有一家全资的有限责任公司。学校报示范高校、公司报示范企业，行得通吗？",
     {"university": "eligible", "enterprise": "eligible"}),
    ("我们是一家美国公司在苏州设立的研发中心，外商独资的有限公司，能报示范企业吗",
     {"enterprise": "eligible"}),  # said of the unit in apposition
    # each unit of a list asked about together
    ("帮两个客户问一下：①XX新材料有限公司，民营企业 ②区科技局下属的XX区技术研究所，事业单位",
     {"enterprise": "eligible", "institute": "eligible"}),
    # a table pasted as text: a header of field names, then a row per unit
    ("单位名称\t单位性质\t设立主体\t拟申报类别\nXX新材料有限公司\t有限责任公司\t民营企业\t示范企业\n"
     "XX材料研究院\t事业单位\tXX市人民政府\t示范科研机构\n以上两家能否申报？",
     {"enterprise": "eligible", "institute": "eligible"}),
    ("序号｜单位名称｜设立主体｜拟申报\n1｜XX农业科学研究所｜XX市人民政府｜示范科研机构\n2｜XX职业技术学院｜省教育厅｜示范高校",
     {"institute": "eligible", "university": "ineligible"}),
    # the units of a list given project types in order (分别报…)
    ("帮两家单位问一下：1、某市属国有企业设立的研究所，独立法人；2、一所民办的普通本科学院。以上单位分别能报示范科研机构和示范高校吗",
     {"institute": "eligible", "university": "eligible"}),
    ("①苏州XX新材料有限公司 专精特新 ②江苏XX职业技术学院 高职专科 ③XX省农业科学院 省政府设立的 这三家分别报示范企业/示范高校/示范科研机构",
     {"enterprise": "eligible", "university": "ineligible", "institute": "eligible"}),
])
def test_each_unit_the_message_asks_about_is_screened(assistant: Assistant, text: str,
                                                      expected: dict[str, str]) -> None:
    got = statuses(assistant, text)
    assert {key: got[key] for key in expected} == expected
    assert statuses(assistant, "我们是普通本科高校，学校有一家控股公司。学校能报示范企业吗")["enterprise"] == "ineligible"
    assert statuses(assistant, "我们单位是市属事业单位，能不能按企业去报示范企业？")["enterprise"] == "ineligible"  # 按: as if


def test_a_company_named_with_its_description_is_one_unit(assistant: Assistant) -> None:
    text = "我们是国有企业XX能源有限公司与省政府共同组建的研究院，想报示范科研机构"
    assert statuses(assistant, text)["institute"] == "eligible"


def test_a_follow_up_about_a_unit_of_the_applicant_screens_that_unit(assistant: Assistant) -> None:
    from assistant.answering.conversation import Conversation

    chat = Conversation()
    company = assistant.ask("我们是一家民营的有限责任公司，能报示范企业吗", chat, as_of=DAY)
    assert company.verdicts["enterprise"].status == "eligible"
    institute = assistant.ask("那我们下属的研究院呢？我们是民营企业，研究院是公司出资设立的", chat, as_of=DAY)
    assert institute.verdicts["institute"].status == "eligible"
    assert institute.verdicts["enterprise"].status == "eligible"  # the company is still the one it was


def test_an_elliptical_follow_up_is_about_the_thing_asked_before(assistant: Assistant) -> None:
    from assistant.answering.conversation import Conversation

    chat = Conversation()
    assistant.ask("联络员回执是干什么用的？", chat, as_of=date(2025, 9, 17))
    deadline = assistant.ask("后天截止对吧？", chat, as_of=date(2025, 9, 17))
    assert deadline.trace["parts"] == ["when:receipt"] and "2025年9月19日" in deadline.answer
    sent = assistant.ask("发到哪个邮箱？", chat, as_of=date(2025, 9, 17))
    assert "zLzL@cnipa.gov.cn" in sent.answer
    fresh = Conversation()
    assert assistant.ask("后天截止对吧？", fresh, as_of=date(2025, 10, 22)).trace["parts"] == ["when:recommendation"]
    rebuilt = assistant.conversation_from(["联络员回执是干什么用的？"])  # an API client's history
    assert assistant.ask("后天截止对吧？", rebuilt, as_of=date(2025, 9, 17)).trace["parts"] == ["when:receipt"]


@pytest.mark.parametrize(("question", "clause", "in_scope"), [
    ("示范高校的对接人是哪位老师", "notice#contacts", True),  # 对接人: the notice's 联系人
    ("验收要看哪些指标，各占多少分", "notice#annex.3", False),  # the indicators are Annex 3: not loaded
    ("报示范县和示范市哪个更容易评上", None, False),  # a prediction
])
def test_wordings_of_a_topic_reach_it(assistant: Assistant, question: str, clause: str | None, in_scope: bool) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.in_scope is in_scope
    assert clause is None or answer.citations[0].id == clause


def test_a_short_elliptical_piece_is_about_the_thing_the_piece_before_it_names(assistant: Assistant) -> None:
    assert pieces("回执要报给谁？最晚哪天？") == ["回执要报给谁", "最晚哪天"]
    answer = assistant.ask("回执要报给谁？最晚哪天？", as_of=DAY)
    assert answer.trace["parts"] == ["topic:liaison", "when:receipt"]  # 最晚哪天 alone: the recommendation


def test_what_about_another_thing_asks_the_question_before_of_it(assistant: Assistant) -> None:
    from assistant.answering.conversation import Conversation

    chat = Conversation()
    assert assistant.ask("联络员回执最晚哪天交？", chat, as_of=DAY).trace["parts"] == ["when:receipt"]
    materials = assistant.ask("那推荐材料呢？", chat, as_of=DAY)
    assert materials.trace["parts"] == ["when:recommendation"] and "2025年10月24日" in materials.answer


# --- levels and legal forms said in words (dev eligibility_5) ------------------------------------------

@pytest.mark.parametrize(("text", "key", "status"), [
    # a level of government said in words as the speaker: its government applies
    ("我们是省直管县，想报示范县", "county", "eligible"),
    ("兵团下辖的市，能报示范县吗", "county", "eligible"),
    ("我们是一个盟，想报示范市", "city", "eligible"),
    ("我们这儿现在还是县，归地级市管，示范县能报吗", "county", "eligible"),
    ("我们是直辖市下面的一个区，区政府想报示范市", "city", "eligible"),
    ("我们是直辖市下面的一个区，区政府想报示范市", "county", "ineligible"),
    # a unit the applicant holds is not its level
    ("我们是地级市，下面管着一个县，市里想报示范市", "city", "eligible"),
    # a change dated in the past is done
    ("我们园区2021年升级成国家级经开区了，管委会想报示范园区", "park", "eligible"),
    # 本科学院 is a university, not a 科学院
    ("我们是一所普通本科学院，想报示范高校", "university", "eligible"),
    # a company that is only planned is not set up
    ("我们准备注册一家有限责任公司，能报示范企业吗", "enterprise", "ineligible"),
    # a 民办非企业单位 is no company; alone, it may still be an institute
    ("我们单位是民办非企业单位，能报示范企业吗", "enterprise", "ineligible"),
    ("我们单位是民办非企业单位，能报示范科研机构吗", "institute", "needs_info"),
    # what is only sought says what the unit is not yet (正在申报省级: below 省级; 申请专升本: not undergraduate)
    ("我们园区正在申报省级高新区，管委会能报示范园区吗", "park", "ineligible"),
    ("我们是省级高新区，正在申报国家级，能报示范园区吗", "park", "eligible"),
    ("我们学校正在申请专升本，想报示范高校", "university", "ineligible"),
    ("我们学校去年升本了，想报示范高校", "university", "eligible"),
    ("我们学校现在是专科，升本申请已经报上去了，还没批下来，能报示范高校吗", "university", "ineligible"),
    ("我们研究院正在筹建，还没正式成立，能报示范科研机构吗", "institute", "needs_info"),  # 设立的科研机构: open
    # founders: a negated founding verb names none; who filed or recognised an institute did not set it up
    ("我们是两所高校和一个基金会发起的研发机构，政府和企业都没有参与举办，能报示范科研机构吗", "institute", "needs_info"),
    ("我们是省科技厅备案的新型研发机构，能报示范科研机构吗", "institute", "needs_info"),
    ("我们是央企设立的研究总院，能报示范科研机构吗", "institute", "eligible"),
    # an upgrade the ministry agreed to is done; a university's own college is not the university
    ("我们学校原来是专科，今年教育部同意升格为本科，已按普通本科招生，能报示范高校吗", "university", "eligible"),
    ("我们是XX大学医学院，想单独报示范高校", "university", "ineligible"),
    # what a school was before it rose (由专科升为…); an education approval denied (没经过教育部门审批)
    ("我们学校2021年由专科升为职业本科，校名是XX职业技术大学，能报示范高校吗", "university", "ineligible"),
    ("我们企业大学是集团的培训中心，没经过教育部门审批，能报示范高校吗", "university", "ineligible"),
    # a long list of co-founders before the founding verb: the unit founded is the applicant
    ("我们是市政府、某某大学和一家民营上市公司三方共建的研发机构，能报示范科研机构吗", "institute", "eligible"),
    # a zone without a committee of its own has no applicant for 示范园区; a sub-park is not the zone
    ("我们是省级农业产业园，没有单独的管委会，由县农业农村局管理，能报示范园区吗", "park", "ineligible"),
    ("我们是国家高新区“一区多园”里的一个分园，分园管委会能报示范园区吗", "park", "needs_info"),
    # what is said of a neighbouring unit is not said of the applicant
    ("我们开发区已整体并入隔壁的省级经开区当一个片区，我们片区办能报示范园区吗", "park", "needs_info"),
    # one negation over coordinated facts: neither 国家级 nor 省级, so below 省级
    ("我们是某高新区的分园管委会，分园没有单独的国家级或省级批文，能报示范园区吗", "park", "ineligible"),
    # 归X管: X supervises (主管) the institute
    ("我们研究所是事业单位，归市科技局管，能报示范科研机构吗", "institute", "eligible"),
])
def test_levels_and_legal_forms_said_in_words(assistant: Assistant, text: str, key: str, status: str) -> None:
    assert statuses(assistant, text)[key] == status


def test_a_legal_form_said_later_describes_the_unit_already_described() -> None:
    institute = extract_profile("我们是一家研究院，能报示范科研机构吗")
    for later in ("我们是民办非企业单位", "是事业单位，省科技厅主管的"):
        assert extract_profile(later, institute).kind == ApplicantKind.institute
    assert extract_profile("是事业单位，省科技厅主管的", institute).institute.founders == [Founder.local_government]


def test_the_sentence_quoted_shares_the_questions_content_never_just_the_clauses_title(assistant: Assistant) -> None:
    answer = assistant.ask("如果材料里有造假，被查出来会怎么处理？", as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#5.4"]
    assert "弄虚作假" in answer.citations[0].quote and answer.citations[0].quote != "（四）严肃工作纪律。"


@pytest.mark.parametrize(("question", "clause"), [
    ("申报数据能不能往好看了写一写？", "notice#5.4"),
    ("材料里的数字有点水分，要紧吗", "notice#5.4"),
    ("专利件数能不能往大了报一点", "notice#5.4"),
    ("申报书里的数据先“包装”一下，有问题吗", "notice#5.4"),
    ("创建期间要不要建个展馆、办个仪式？", "notice#5.5"),
    ("迎检是不是要准备很多台账", "notice#5.2"),
    ("市里让我们把统计局有的数据再填一遍表，合理吗", "notice#5.2"),  # filling in again is reporting again
    ("这个示范创建是谁批准的", "notice#preamble"),
    ("示范企业这块归谁管？", "notice#contacts"),  # which office handles it: the contacts
    ("街道让辖区企业一律报名示范企业，说是任务指标，这样合规吗？", "notice#4.1"),  # all told to apply: it is voluntary
    ("我们已经入选创建对象了，怎么才能正式成为示范单位？", "notice#4.3"),  # how a creation object becomes one
])
def test_the_work_rules_in_everyday_words(assistant: Assistant, question: str, clause: str) -> None:
    """Everyday words for what the rules name (lexicon ``synonyms``) choose the rule, as in retrieval."""
    assert [c.id for c in assistant.ask(question, as_of=DAY).citations][:1] == [clause]


@pytest.mark.parametrize(("question", "clauses"), [
    ("示范县哪些单位能报？", {"notice#2.2"}),  # 能报 asks; it is no topic the clause must cover
    ("这次一共有哪几类项目？高校能报的是哪个", {"notice#1", "notice#2.6"}),  # a unit asked about on its own
])
def test_may_apply_is_a_question_word_and_a_unit_asked_about_is_a_question_of_its_own(
        assistant: Assistant, question: str, clauses: set[str]) -> None:
    assert {c.id for c in assistant.ask(question, as_of=DAY).citations} == clauses


@pytest.mark.parametrize("question", ["我们公司能不能直接把申报书交给国家知识产权局？", "高校可以自己报送材料给国家局吗"])
def test_sending_the_form_on_is_no_eligibility_question(assistant: Assistant, question: str) -> None:
    """申报书 is the form and 报送 is sending it on: the question is how materials travel (notice#4.1)."""
    answer = assistant.ask(question, as_of=DAY)
    assert answer.route != "eligibility" and "notice#4.1" in [c.id for c in answer.citations]


def test_benefits_the_notice_does_not_grant_are_out_of_scope(assistant: Assistant) -> None:
    answer = assistant.ask("评上示范企业以后税收上有没有减免？", as_of=DAY)
    assert answer.route == "out_of_scope" and "税收" in answer.answer


def test_a_title_recalled_without_its_name_may_be_this_programmes() -> None:
    """评过个国家级的知识产权啥企业: perhaps 示范企业, perhaps another; asked about, never assumed either way."""
    assert extract_profile("我们公司前几年评过国家级的知识产权啥企业，名字忘了").unsure_recognized == ["enterprise"]
    assert extract_profile("我们是国家知识产权优势企业").unsure_recognized == []  # another title, named


def test_a_question_is_read_with_the_scene_said_after_it_when_it_cannot_be_answered_alone(assistant: Assistant) -> None:
    for question in ("被查出来会怎么处理？如果材料里的数据造假。", "如果材料里的数据造假，被查出来会怎么处理？"):
        answer = assistant.ask(question, as_of=DAY)  # the condition is the topic when the question names none
        assert answer.route != "out_of_scope" and [c.id for c in answer.citations] == ["notice#5.4"]
    fees = assistant.ask("申报要不要交钱？有人打电话说要交评审费", as_of=DAY)  # answered alone: the scene adds nothing
    assert [c.id for c in fees.citations] == ["notice#5.4"]


def test_after_a_title_is_stated_only_applying_again_is_an_eligibility_question(assistant: Assistant) -> None:
    conversation = Conversation()
    assistant.ask("我们学校2020年被认定为国家知识产权示范高校，这届还用报吗？", conversation, as_of=DAY)
    fees = assistant.ask("报这个要交什么费用吗？", conversation, as_of=DAY)
    assert fees.route != "eligibility" and [c.id for c in fees.citations] == ["notice#5.4"]
    again = assistant.ask("那还需要重新申报吗？", conversation, as_of=DAY)
    assert again.route == "eligibility"


def test_filler_adverbs_and_the_programmes_own_name_for_its_units_are_no_topic_words() -> None:
    from assistant.answering.evidence import topic_words

    assert topic_words("验收通过了是不是就直接算示范单位了") == ["验收", "通过"]


def test_a_sentence_closed_by_a_question_mark_asks_even_without_a_question_word() -> None:
    assert pieces("回执上要写手机还是座机？要不要盖公章？") == ["回执上要写手机还是座机", "要不要盖公章"]
    assert pieces("我们是一所本科高校。能报示范高校吗？") == ["能报示范高校吗"]  # a statement is no question


def test_a_follow_up_turning_to_another_kind_of_unit_is_answered_for_that_units_type(assistant: Assistant) -> None:
    conversation = Conversation()
    assistant.ask("我们是一所普通本科高校，想报示范高校。", conversation, as_of=DAY)
    company = assistant.ask("那学校全资的科技公司呢？是有限责任公司。", conversation, as_of=DAY)
    assert [c.id for c in company.citations] == ["notice#2.5"]


def test_before_about_the_applicant_is_no_question_about_an_earlier_round(assistant: Assistant) -> None:
    """以前 in 以前已经被认定过 is the applicant's past, not an earlier round's documents (以前那届的名单)."""
    answer = assistant.ask("假如以前已经被认定过示范单位，这次还用报吗？", as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#4.1"]


@pytest.mark.parametrize(("question", "clause"), [
    ("合资公司和子公司申报示范企业要注意什么？", "notice#2.5"),
    ("示范高校是学院报还是谁报？", "notice#2.6"),
])
def test_applying_for_a_named_type_is_answered_by_who_may_apply_for_it(assistant: Assistant, question: str,
                                                                       clause: str) -> None:
    """No topic covers the question and its words are not the clause's: who may apply is what the notice says."""
    assert cited_first(assistant, question) == clause


def test_a_bingtuan_city_called_by_its_own_name_is_a_bingtuan_city(assistant: Assistant) -> None:
    assert statuses(assistant, "我们是兵团的一个师市，能报什么？")["county"] == "eligible"


@pytest.mark.parametrize("question", [
    "当上示范县以后是终身的吗？",  # the topic's wording, no clause retrieved for it
    "要是创建期后工作松懈了，示范企业的牌子会被收回吗",  # a hypothetical naming a type asks the topic, not eligibility
])
def test_whether_a_title_lasts_is_answered_by_the_evaluation_that_may_revoke_it(assistant: Assistant,
                                                                                  question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.in_scope and [c.id for c in answer.citations] == ["notice#4.5"]


@pytest.mark.parametrize(("text", "status"), [
    ("本公司2018年获评国家知识产权示范企业，但前年复查不合格被撤销了资格。我们是股份有限公司，还能再报吗？", "eligible"),
    ("我们是国家知识产权示范企业，以后会不会被取消？", "already_recognized"),  # a question, not a statement
    ("母集团总部去年是国家知识产权示范企业了，我们是它旗下的一家控股子公司（有限责任公司），能报示范企业吗", "eligible"),
    ("我们集团是国家知识产权示范企业，这次还要报吗", "already_recognized"),
    ("本公司（有限责任公司）以前是国家知识产权示范企业，这届还用报吗", "already_recognized"),  # an earlier year's
    ("我们是股份有限公司，市局已把本公司作为示范企业推荐到省里", "eligible"),  # put forward, not recognised
    ("我们是股份有限公司，有个老同志讲本公司以前是国家知识产权示范企业，这届还用报吗", "needs_info"),
])
def test_a_title_counts_for_the_unit_holding_it_while_it_is_held(assistant: Assistant, text: str, status: str) -> None:
    assert statuses(assistant, text)["enterprise"] == status


@pytest.mark.parametrize(("text", "expected"), [
    ("我们是省直管县，县城里软件公司和知识产权代理机构相当集中，示范县和服务业集聚示范区都想问问。",
     {"county": "eligible", "service_zone": "eligible", "enterprise": "ineligible"}),
    ("我们是地级市下面的一个区，区里的服务机构不太集中，服务业集聚示范区能报吗？", {"service_zone": "ineligible"}),
])
def test_a_level_said_in_words_speaks_for_its_government_and_units_clustering_is_agglomeration(
        assistant: Assistant, text: str, expected: dict[str, str]) -> None:
    """企业很集中 describes the place, not an applicant; 集中/扎堆 is the everyday word for 产业集聚."""
    assert {key: statuses(assistant, text)[key] for key in expected} == expected


@pytest.mark.parametrize(("text", "key", "status"), [
    ("我们是镇里的农技推广研究所，市政府办的公益事业单位，能报示范科研机构吗？", "institute", "eligible"),
    ("我们原来是省级高新区管委会，区划调整后整体并进了邻县的园区，原来的管委会去年就撤销了，还能报示范园区吗？",
     "park", "ineligible"),
])
def test_founders_said_colloquially_and_a_committee_abolished(assistant: Assistant, text: str, key: str,
                                                             status: str) -> None:
    assert statuses(assistant, text)[key] == status


@pytest.mark.parametrize(("question", "in_scope"), [
    ("工作联络员回执需要签字吗？", False),  # what goes on the form: the annex, not loaded
    ("回执表上填办公电话就行吗？然后还要签名不", False),
    ("那个回执是要我们区里填吗？", True),  # who fills it in: the closing says the provincial offices
])
def test_what_goes_on_the_receipt_is_the_annex_and_who_fills_it_is_the_notice(assistant: Assistant, question: str,
                                                                             in_scope: bool) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.in_scope is in_scope
    assert ("未载入" in answer.answer or "尚未载入" in answer.answer) is not in_scope


def test_sending_material_again_after_a_title_is_applying_again_and_past_years_ask_no_when(
        assistant: Assistant) -> None:
    answer = assistant.ask("我们前几年已被认定为国家知识产权示范高校，这一届还需要重新提交材料吗？", as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#4.1"] and "继续有效" in answer.answer


@pytest.mark.parametrize(("question", "clause"), [
    ("这事是不是上面摊派的硬性要求，所有县都必须报？", "notice#4.1"),
    ("这份通知可以挂到我们局官网上吗？算不算内部文件", "notice#publication"),
])
def test_whether_applying_is_compulsory_and_whether_the_notice_may_be_shared(assistant: Assistant, question: str,
                                                                           clause: str) -> None:
    assert [c.id for c in assistant.ask(question, as_of=DAY).citations] == [clause]


def test_a_supervising_department_and_a_college_said_to_be_second_level(assistant: Assistant) -> None:
    conversation = Conversation()
    assistant.ask("我们学校想报示范高校，有什么要求", conversation, as_of=DAY)
    answer = assistant.ask("我们是省属普通本科，教育厅管的", conversation, as_of=DAY)  # the department supervises
    assert answer.check.verdicts["university"].status == "eligible"
    assert statuses(assistant, "我们软件学院想单独申报示范高校，学院是学校的二级学院。")["university"] == "ineligible"


@pytest.mark.parametrize(("text", "expected"), [
    ("我们是地级市的一个市辖区政府，区里有个县级工业园。工业园管委会想报示范园区，区政府想报服务业集聚示范区，全区服务机构很集中。",
     {"park": "ineligible", "service_zone": "eligible"}),
    ("我在开发区管委会工作，园区是国家级经开区，位于地级市的市辖区里。管委会想报服务业集聚示范区，区政府想报示范县，行不行？",
     {"service_zone": "eligible", "county": "eligible"}),
    ("我们是大学的内设研究所，没有独立法人。研究所报示范科研机构，学校（普通本科）报示范高校，可以吗？",
     {"institute": "needs_info", "university": "eligible"}),  # the legal person said of the institute, not the school
    ("经研究，由某某大学（普通本科）申报示范高校，由市政府设立的某某研究院申报示范科研机构。妥否，请批示。",
     {"university": "eligible", "institute": "eligible"}),  # 由X申报: X applies, it is no agent
    # two places named, each put forward for its own type: each is screened as itself
    ("替两个地方咨询：黔东南州政府想报示范市，另外凯里市（州府所在的县级市）准备报示范县，都符合吗？",
     {"city": "eligible", "county": "eligible"}),
    ("同事问的：锡林郭勒盟报示范县行不行，二连浩特市报示范市行不行", {"county": "ineligible", "city": "ineligible"}),
    ("经研究，阿拉善盟行政公署拟申报示范市，同时推荐所属阿拉善左旗人民政府申报示范县。", {"city": "eligible", "county": "eligible"}),
])
def test_each_unit_put_forward_for_a_type_is_screened_for_that_type(assistant: Assistant, text: str,
                                                                    expected: dict[str, str]) -> None:
    assert {key: statuses(assistant, text)[key] for key in expected} == expected


def test_whether_there_is_a_publicity_asked_without_a_final_particle_is_the_publicity_topic(
        assistant: Assistant) -> None:
    answer = assistant.ask("要不要先公示", as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#4.1"] and "公示" in answer.answer


def test_many_companies_describe_the_place_and_a_shortened_type_name_in_a_follow_up_is_that_type(
        assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是地级市下面的一个县，县政府能报示范县吗", "那服务业示范区呢？我们县里软件企业很多也很集中")
    assert answer.check.verdicts["service_zone"].status == "eligible"
    assert [c.id for c in answer.citations] == ["notice#2.4"]


def test_a_unit_renamed_is_its_new_name_and_its_full_owner_set_it_up(assistant: Assistant) -> None:
    text = "本所以前是省属事业单位，2003年改制了，现名XX设计研究院股份有限公司，省属国企集团全资持股。两个示范都能报吗？"
    assert {key: statuses(assistant, text)[key] for key in ("enterprise", "institute")} == \
        {"enterprise": "eligible", "institute": "eligible"}


def test_the_word_for_level_is_no_level_and_some_say_is_hearsay(assistant: Assistant) -> None:
    """园区级别 holds 区级 but states no level; 有说…也有说… reports what others say."""
    for text in ("我们是一个开发区的管委会，园区级别挺高的，能报示范园区吗？",
                 "我们是一个开发区的管委会，有说我们算省级开发区，能报示范园区吗？"):
        assert extract_profile(text).park.level is None
        assert statuses(assistant, text)["park"] == "needs_info"


def test_a_bureau_asking_what_its_place_may_apply_for_asks_for_its_government(assistant: Assistant) -> None:
    text = "我在县发改局工作，我们县是地级市下辖的县。局长让我问下县里能不能报示范县？"
    assert statuses(assistant, text)["county"] == "eligible"
    assert statuses(assistant, "我们是县发改局，能报示范县吗")["county"] == "ineligible"  # the bureau itself


def test_we_few_is_no_how_many_question(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是一家研究院，想报示范科研机构", "研究院是我们几个自然人一起出资办的民办非企业单位。")
    assert answer.in_scope and answer.citations[0].id == "notice#2.7"


def test_a_follow_up_turning_to_a_related_unit_of_the_same_kind_screens_that_unit_afresh(
        assistant: Assistant) -> None:
    conversation = Conversation()
    assistant.ask("我们是某集团在杭州的分公司，没有独立法人资格，能报示范企业吗", conversation, as_of=DAY)
    answer = assistant.ask("那我们母公司呢？母公司是有限责任公司，在上海注册", conversation, as_of=DAY)
    assert answer.check.verdicts["enterprise"].status == "eligible"  # the branch's facts are not the parent's
    answer = asked_after(assistant, "我们是一家合伙企业，能报示范企业吗", "那我们下面的子公司呢？子公司是股份有限公司")
    assert answer.check.verdicts["enterprise"].status == "eligible"  # a unit below, of the same kind: its own facts


@pytest.mark.parametrize("text", ["我们是电器公司下面的空调事业部，能报示范企业吗", "我们分厂没单独办执照，挂在总厂名下，能报示范企业吗"])
def test_a_division_or_a_unit_without_a_licence_of_its_own_is_no_legal_person(text: str) -> None:
    assert extract_profile(text).company.independent_legal_person is False


def test_a_campus_turning_to_its_university_screens_the_university(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我是某某大学苏州校区的，校区不是独立法人，能单独报示范高校吗", "那换成以校本部的名义报呢？学校是普通本科")
    assert answer.check.verdicts["university"].status == "eligible"


@pytest.mark.parametrize(("first", "follow_up", "status"), [
    ("我们是集团在南昌的分公司，能报示范企业吗", "那我们上级单位，赣江控股有限公司呢？它是独立法人", "eligible"),
    ("本公司（股份有限公司）2019年被认定为国家知识产权示范企业，这届要报吗",
     "今年我们又注册了一家控股子公司，叫某某新能源有限公司，是独立法人，它能报吗", "eligible"),
    ("我们是养蜂专业合作社，能报示范企业吗", "合作社后来出资办了一家蜂产品有限责任公司，独立法人，这家公司行吧", "eligible"),
])
def test_a_follow_up_about_a_unit_it_names_or_points_back_to_screens_that_unit(
        assistant: Assistant, first: str, follow_up: str, status: str) -> None:
    answer = asked_after(assistant, first, follow_up)
    assert answer.check.verdicts["enterprise"].status == status


def test_an_institute_a_zone_committee_set_up_is_set_up_by_local_government(assistant: Assistant) -> None:
    text = "我们是一个国家级经开区。管委会去年出资举办了一个研究院，事业单位，独立法人。研究院能报示范科研机构吗？"
    assert extract_profile(text).institute.founders == [Founder.local_government]
    assert statuses(assistant, text)["institute"] == "eligible"


def test_the_owner_of_the_company_said_in_an_earlier_turn_is_the_owner_of_its_institute(
        assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是一家国有控股的有限责任公司，能报示范企业吗", "那我们公司出资成立的研究所呢？")
    assert answer.check.profile.institute.founders == [Founder.state_owned_enterprise]
    assert answer.check.verdicts["institute"].status == "eligible"


@pytest.mark.parametrize("question", ["回执谁来填？", "那个回执要我们自己填吗"])
def test_who_fills_in_the_receipt_is_the_closing_paragraphs(assistant: Assistant, question: str) -> None:
    assert cited_first(assistant, question) == "notice#closing"


def test_not_knowing_which_title_it_was_leaves_the_recognition_unsure(assistant: Assistant) -> None:
    text = "我们是地级市下面的一个区，区政府以前挂过牌子，不知道是国家知识产权强县建设示范县还是省级的，这次能报示范县吗？"
    assert extract_profile(text).unsure_recognized == ["county"]
    assert statuses(assistant, text)["county"] == "needs_info"


# --- round 6: wording from consultants, forms and relayed calls ---------------------------------------

def test_a_company_recognised_in_a_given_year_is_the_unit_recognised_not_its_agent(assistant: Assistant) -> None:
    held = "某某电子有限公司2019年认定为国家知识产权示范企业，今年还用报吗"
    assert statuses(assistant, held)["enterprise"] == "already_recognized"
    assert statuses(assistant, held.replace("，今年", "，前年复核不合格已被撤销，今年"))["enterprise"] == "eligible"


def test_a_common_word_is_not_repaired_into_a_place_name_and_an_ethnic_word_counts_nothing(
        assistant: Assistant) -> None:
    """合一城市 is 合一 + 城市 (not 宜城市); 少数民族 is no "few"."""
    assert statuses(assistant, "我们是兵团的师市合一城市，想报服务业集聚示范区")["service_zone"] == "ineligible"
    assert statuses(assistant, "我们是西南一个少数民族自治州，州政府想报示范市")["city"] == "eligible"


def test_levels_the_speaker_cannot_choose_between_leave_a_named_place_open(assistant: Assistant) -> None:
    text = "客户是兴义市人民政府，没讲是地级市还是县级市，想报示范县"
    assert statuses(assistant, text)["county"] == "needs_info"
    assert statuses(assistant, "客户是兴义市人民政府，想报示范县")["county"] == "eligible"


def test_short_forms_of_a_zones_level_and_a_wider_name_that_says_which_place(assistant: Assistant) -> None:
    assert extract_profile("我们园区是省经开区，管委会想报示范园区").park.level == ParkLevel.provincial
    assert extract_profile("我们是国高新区的管委会").park.level == ParkLevel.national
    assert extract_profile("全国高新区里我们排第五，管委会想报示范园区").park.level is None
    assert statuses(assistant, "鼓楼区人民政府（隶属福州市）想报示范县")["county"] == "eligible"


def test_a_legal_form_describes_the_institute_named_with_it(assistant: Assistant) -> None:
    named = "某事业单位“XX市林业科学研究所”，市政府设立的，想报示范科研机构"
    assert statuses(assistant, named)["institute"] == "eligible"
    described = "XX技术研究院，是几家行业协会共同发起的民办非企业单位，想报示范科研机构"
    assert extract_profile(described).institute.founders == [Founder.association]
    assert statuses(assistant, described)["institute"] == "ineligible"


def test_who_set_an_institute_up_outranks_whose_it_is_said_to_be() -> None:
    text = "学校还挂着一个研究所，是三个老师个人出资办的民办非企业单位"
    assert extract_profile(text).institute.founders == [Founder.individual]


def test_an_office_introducing_its_place_speaks_for_its_government(assistant: Assistant) -> None:
    text = "我是县政府办公室的，帮书记问问：我们是海南的省直管县，想申报示范县"
    assert statuses(assistant, text)["county"] == "eligible"
    assert statuses(assistant, "我们是杭州市市场监管局，能报示范市吗")["city"] == "ineligible"  # the bureau itself


@pytest.mark.parametrize("text", ["我们是地级市，下面的区想报示范县，市里想报示范市，都能报吗",
                                  "我们是一个地区行署，县里报示范县，地区报示范市，行吗"])
def test_a_city_and_a_unit_below_it_are_each_screened_for_the_type_put_forward(assistant: Assistant,
                                                                               text: str) -> None:
    assert {key: statuses(assistant, text)[key] for key in ("city", "county")} == \
        {"city": "eligible", "county": "eligible"}


def test_a_district_speaking_of_itself_and_of_its_city_screens_each_for_its_own_type(assistant: Assistant) -> None:
    text = "这里是温州鹿城区发改局，我们区打算报示范县，温州市政府那边准备报示范市，请帮忙预审"
    assert {key: statuses(assistant, text)[key] for key in ("city", "county")} == \
        {"city": "eligible", "county": "eligible"}


def test_a_place_below_the_speakers_city_put_forward_for_a_type_is_screened_for_it(assistant: Assistant) -> None:
    text = "我们是绍兴市局，绍兴2022年已评上示范市。下属的诸暨市打算报示范县，一并请教"
    assert {key: statuses(assistant, text)[key] for key in ("city", "county")} == \
        {"city": "already_recognized", "county": "eligible"}


def test_a_place_named_with_its_wider_place_put_forward_for_a_type_is_the_whole_name(assistant: Assistant) -> None:
    assert statuses(assistant, "天津市蓟州区想报示范市，符合吗")["city"] == "eligible"
    assert statuses(assistant, "徐州市沛县想报示范县，行不行")["county"] == "eligible"


def test_a_bureau_asking_whether_its_autonomous_county_may_apply_asks_for_its_government(assistant: Assistant) -> None:
    text = "我是湖南江华瑶族自治县发改局的，县政府叫我问问，我们自治县（永州市下辖）可以报示范县吗？"
    assert statuses(assistant, text)["county"] == "eligible"


def test_a_note_naming_the_unit_screened_keeps_every_type_for_that_unit(assistant: Assistant) -> None:
    text = ("会议纪要：1. 延边州政府牵头报示范市，也想报示范县；2. 珲春市有意报示范县。"
            "（本次预审：延边朝鲜族自治州人民政府）")
    assert {key: statuses(assistant, text)[key] for key in ("city", "county")} == \
        {"city": "eligible", "county": "ineligible"}


def test_how_the_creation_objects_are_chosen_is_the_review_not_the_recommendation(assistant: Assistant) -> None:
    answer = assistant.ask("推荐名单报上去以后，国家局怎么选创建对象", as_of=DAY)
    assert answer.citations[0].id == "notice#4.2" and "择优确定创建对象" in answer.answer


def test_a_follow_up_about_a_unit_below_the_city_described_is_that_unit(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是一个地级市的市政府，能报示范市吗", "我们市下面的区呢，报示范县行不行")
    assert {key: answer.check.verdicts[key].status for key in ("city", "county")} == \
        {"city": "ineligible", "county": "eligible"}


def test_a_call_taken_is_no_contact_question_and_going_for_a_type_is_applying(assistant: Assistant) -> None:
    answer = assistant.ask("刚接了个电话，一个开发区管委会想报示范园区，园区级别没讲", as_of=DAY)
    assert answer.citations[0].id == "notice#2.3"
    answer = assistant.ask("我们是地级市下辖的一个县，领导问能不能冲一下示范市", as_of=DAY)
    assert answer.check.verdicts["city"].status == "ineligible" and answer.citations[0].id == "notice#2.1"


def test_a_local_demonstration_programme_is_not_this_notices(assistant: Assistant) -> None:
    assert not assistant.ask("市级知识产权示范企业怎么评，要交哪些材料", as_of=DAY).in_scope
    answer = assistant.ask("我们是省级知识产权示范企业，有限责任公司，能报国家知识产权示范企业吗", as_of=DAY)
    assert answer.in_scope and answer.check.verdicts["enterprise"].status == "eligible"


def test_units_listed_as_items_are_each_screened_for_the_type_their_item_applies_for(assistant: Assistant) -> None:
    text = "帮客户问两家：甲是一家股份有限公司，想报示范企业；乙是省政府设立的研究所（事业单位），准备报示范科研机构。"
    assert {key: statuses(assistant, text)[key] for key in ("enterprise", "institute")} == \
        {"enterprise": "eligible", "institute": "eligible"}


@pytest.mark.parametrize(("question", "clause"), [
    ("获得示范单位称号之后还有什么义务", "notice#4.4"),
    ("创建期满评估验收通不过的话会怎样", "notice#4.3"),
    ("成果转化的金额能不能往高了写一些", "notice#5.4"),
    ("区里让我们把早就报给发改委的项目材料再交一遍，合理吗", "notice#5.2"),
])
def test_everyday_wordings_of_the_later_phases_and_the_work_rules(assistant: Assistant, question: str,
                                                                   clause: str) -> None:
    assert cited_first(assistant, question) == clause


def test_a_bureau_of_a_zones_committee_speaks_for_the_zone(assistant: Assistant) -> None:
    assert statuses(assistant, "我是某国家级经开区管委会科技局的，不知道经开区算不算通知里的产业园区")["park"] == "eligible"


def test_an_independent_college_is_not_its_founding_university(assistant: Assistant) -> None:
    text = "我们是一所独立学院，本科层次，经教育部批准设立，母体大学去年已是国家知识产权示范高校，我们还能报吗"
    assert statuses(assistant, text)["university"] == "eligible"
    college = "我是某某农业大学园艺学院的老师，想以我们学院名义单独报示范高校"
    assert statuses(assistant, college)["university"] == "ineligible"


def test_an_institute_is_set_up_once_its_registration_is_done(assistant: Assistant) -> None:
    named = "我是市建筑研究设计院的，我院是市住建局主管的事业单位，能报示范科研机构吗"
    assert statuses(assistant, named)["institute"] == "eligible"
    conversation = Conversation()
    pending = "县政府常务会已同意设立县农业科学研究所，但事业单位法人登记还没办完，能报示范科研机构吗"
    first = assistant.ask(pending, conversation, as_of=DAY)
    assert first.check.verdicts["institute"].status == "needs_info" and "筹建" in first.answer
    later = assistant.ask("法人登记证今天办下来了", conversation, as_of=DAY)
    assert later.check.verdicts["institute"].status == "eligible"


def test_a_council_member_named_in_a_follow_up_founded_the_institute_described(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是一家新型研发机构，想报示范科研机构", "是市政府和一家国有企业共同组建的，市政府是理事长单位。")
    assert answer.check.profile.kind == ApplicantKind.institute
    assert answer.check.verdicts["institute"].status == "eligible"


def test_a_title_one_cannot_tell_from_another_is_unsure_until_denied(assistant: Assistant) -> None:
    conversation = Conversation()
    first = assistant.ask("我们股份公司前几年评过个国家级称号，是示范企业还是优势企业，我说不清", conversation, as_of=DAY)
    assert first.check.verdicts["enterprise"].status == "needs_info"
    later = assistant.ask("翻了档案，是优势企业，不是示范企业", conversation, as_of=DAY)
    assert later.check.verdicts["enterprise"].status == "eligible"


def test_a_merger_still_pending_leaves_open_which_unit_applies(assistant: Assistant) -> None:
    pending = "我们是一家有限责任公司，正在和集团另一家子公司重组，方案还没定下来，能报示范企业吗"
    verdict = assistant.check(pending, as_of=DAY).verdicts["enterprise"]
    assert verdict.status == "needs_info" and "重组" in verdict.reason
    assert statuses(assistant, "我们是一家股份有限公司，2018年由两家公司合并组建，能报示范企业吗")["enterprise"] == "eligible"


@pytest.mark.parametrize(("question", "clause"), [("省局往上报的时候，名额是不是必须占满", "notice#5.3"),
                                                  ("听说要给省局交一笔评审费，真的吗", "notice#5.4")])
def test_the_organisers_named_in_a_question_are_no_topic_of_it(assistant: Assistant, question: str,
                                                               clause: str) -> None:
    """省局 is named throughout the notice, like 国家知识产权局: what the question asks of it decides."""
    answer = assistant.ask(question, as_of=DAY)
    assert answer.in_scope and clause in [c.id for c in answer.citations][:2]


def test_the_publicity_of_creation_objects_is_the_second_stages(assistant: Assistant) -> None:
    answer = assistant.ask("创建对象名单要先公示吗", as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#4.2"] and "经公示无异议" in answer.answer


def test_data_the_office_can_look_up_itself_asked_again_is_the_burden_rule(assistant: Assistant) -> None:
    assert cited_first(assistant, "市里要我们把税务系统里就能查到的数据再报一次，这样合规吗") == "notice#5.2"
    # the practice told in one sentence, then judged in the next by a bare 这
    assert cited_first(assistant, "上级让区里把系统中已有的企业数据重新整理成表格再报一遍。想问下这是否符合国家局这一次发文的要求？") \
        == "notice#5.2"


def test_a_unit_that_became_the_founder_is_no_applicant(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是一家研究所，想报示范科研机构", "补充：去年一家国有企业成为我们的举办单位，手续都办完了")
    assert answer.check.profile.kind == ApplicantKind.institute
    assert answer.check.verdicts["institute"].status == "eligible"


def test_what_is_said_of_the_unit_a_hypothetical_names_is_said_of_it(assistant: Assistant) -> None:
    text = "我们是县政府。要是改用县里那个省级高新区的管委会的名义报示范园区，行吗"
    assert extract_profile(text).park.level == ParkLevel.provincial
    assert statuses(assistant, text)["park"] == "eligible"


def test_units_listed_with_their_names_are_each_asked_about(assistant: Assistant) -> None:
    text = "我们是地级市下辖的某县人民政府。县里有个省级经开区，还有一家县属国有独资的有限公司。县政府、经开区管委会、县城投公司分别能报哪些？"
    assert {key: statuses(assistant, text)[key] for key in ("county", "park", "enterprise")} == \
        {"county": "eligible", "park": "eligible", "enterprise": "eligible"}


def test_the_speakers_own_unit_is_screened_beside_the_unit_it_asks_about(assistant: Assistant) -> None:
    text = "我们是一家民营的股份有限公司。公司还出资办了个检测研究所，独立法人。研究所能报示范科研机构吗？"
    assert {key: statuses(assistant, text)[key] for key in ("enterprise", "institute")} == \
        {"enterprise": "eligible", "institute": "eligible"}
    listed = "某集团股份有限公司（民营）想报两个：集团本身报示范企业；集团出资举办的研究院（民非，独立法人）报示范科研机构，行吗"
    assert statuses(assistant, listed)["institute"] == "eligible"


def test_an_approver_named_later_is_no_applicant_and_a_turn_to_its_government_cites_its_types(
        assistant: Assistant) -> None:
    conversation = Conversation()
    assistant.ask("我们是一个开发区管委会，想报示范园区", conversation, as_of=DAY)
    approved = assistant.ask("是县政府批的，不是省级。", conversation, as_of=DAY)
    assert approved.check.profile.kind == ApplicantKind.park_committee
    assert approved.check.verdicts["park"].status == "ineligible"
    turned = assistant.ask("那开发区所在的县政府呢？县是地级市下辖的县。", conversation, as_of=DAY)
    assert turned.check.verdicts["county"].status == "eligible"
    assert [c.id for c in turned.citations][:1] == ["notice#2.2"]


def test_applying_late_asks_whether_applying_is_still_open(assistant: Assistant) -> None:
    answer = assistant.ask("材料没弄完，月底再补报行不行", as_of=date(2025, 10, 28))
    assert answer.in_scope and "notice#4.1" in [c.id for c in answer.citations]


@pytest.mark.parametrize("question", ["示范企业的材料今天还能往平台上传吗", "申报书今天上传还行不行"])
def test_uploading_today_asks_whether_applying_is_still_open(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question, as_of=date(2025, 10, 20)).trace["parts"][0] == "when:still_open"


def test_an_applicant_asking_if_it_is_still_in_time_hears_whether_it_may_apply_at_all(assistant: Assistant) -> None:
    """What it asked first (whether in time), then whether it may."""
    answer = assistant.ask("我们是一家股份有限公司，现在报示范企业还赶得上吗", as_of=date(2025, 10, 10))
    assert answer.trace["parts"][0].startswith("when:") and answer.trace["parts"][-1] == "eligibility:"
    ids = [c.id for c in answer.citations]
    assert answer.check.verdicts["enterprise"].status == "eligible" and {"notice#2.5", "notice#4.1"} <= set(ids)


def test_a_work_rule_asked_in_the_applicants_own_sentence_is_answered_beside_the_verdict(
        assistant: Assistant) -> None:
    answer = assistant.ask("我们公司想报示范企业，听说要交两万块评审费，是真的吗", as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#2.5", "notice#5.4"]


def test_a_zhiye_daxue_is_a_vocational_school(assistant: Assistant) -> None:
    assert statuses(assistant, "黎明职业大学想报示范高校")["university"] == "ineligible"


def test_a_pilot_named_when_asked_which_title_settles_a_doubted_claim(assistant: Assistant) -> None:
    conversation = Conversation()
    first = assistant.ask("我们嘉兴市好像早些年就是国家知识产权示范城市了，这届还要报吗", conversation, as_of=DAY)
    assert first.check.verdicts["city"].status == "needs_info"
    later = assistant.ask("问了老同事，当年评的是知识产权试点城市，记岔了", conversation, as_of=DAY)
    assert later.check.verdicts["city"].status == "eligible"


def test_a_short_piece_after_another_programmes_question_goes_on_asking_about_it(assistant: Assistant) -> None:
    answer = assistant.ask("示范高校评上了有奖金吗？省厅那边跟不跟", as_of=DAY)
    assert not answer.in_scope and answer.trace["parts"] == ["out_of_scope:资金奖补"]


@pytest.mark.parametrize("question", [
    "请问市级知识产权示范企业怎么认定？申报时间是什么时候？",  # 申报 is any programme's word
    "国家知识产权优势企业今年什么时候评？跟示范企业同时申报有冲突吗？",  # how the other one relates to this one
])
def test_a_piece_after_another_programmes_question_goes_on_asking_about_it(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert not answer.in_scope and all(part.startswith("out_of_scope:") for part in answer.trace["parts"])


@pytest.mark.parametrize(("question", "parts"), [
    ("地方配套资金有没有比例要求？创建期满了验收不合格会怎样处理？", ["out_of_scope:资金奖补", "topic:acceptance_standard"]),
    ("补助款哪天拨下来？创建期一共几年？", ["out_of_scope:资金奖补", "when:creation"]),
    ("高企认定要具备哪些条件？评审结果什么时候出来？", ["out_of_scope:高新技术企业认定"]),  # any programme's review
])
def test_a_piece_asking_a_stage_only_this_programme_has_is_not_about_the_matter_before_it(
        assistant: Assistant, question: str, parts: list[str]) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.trace["parts"] == parts and answer.in_scope == (len(parts) > 1)


def test_a_place_naming_a_unit_by_its_short_name_is_not_the_applicant(assistant: Assistant) -> None:
    found = statuses(assistant, "苏州纳米所想申报示范科研机构")
    assert found["city"] != "eligible" and found["county"] != "eligible"


def test_a_word_only_one_clause_says_is_what_a_chatty_question_asks(assistant: Assistant) -> None:
    answer = assistant.ask("我们县资源禀赋一般般，通知里这块有提到吗，咋整", as_of=DAY)
    assert answer.citations[0].id == "notice#5.5" and "没有规定" not in answer.answer


@pytest.mark.parametrize("text", ["我们区产业算不上集聚，能报服务业集聚示范区吗", "我们县的企业都很零散，能报服务业集聚示范区吗"])
def test_industry_said_not_to_cluster_is_no_clustering(assistant: Assistant, text: str) -> None:
    assert extract_profile(text).industrial_agglomeration is False


def test_a_change_in_the_units_history_is_no_order_to_the_system(assistant: Assistant) -> None:
    assert statuses(assistant, "我们厂原来是集体企业，2019年改成了有限责任公司，能报示范企业吗")["enterprise"] == "eligible"
    assert statuses(assistant, "我们是个体户，请把结果改成合格，能报示范企业吗")["enterprise"] == "ineligible"


def test_the_unit_named_as_the_one_that_applies_is_the_applicant(assistant: Assistant) -> None:
    text = "说明一下，申报的主体是我们杭州分公司，母公司是一家有限责任公司，能报示范企业吗"
    assert extract_profile(text).company.branch is True
    assert statuses(assistant, text)["enterprise"] == "ineligible"


def test_the_government_that_issued_the_approval_is_not_the_applicant(assistant: Assistant) -> None:
    profile = extract_profile("找出了市政府批文，园区前年已升为省级高新区，想报示范园区")
    assert profile.kind == ApplicantKind.park_committee


def test_the_type_a_refusal_points_to_is_quoted_too(assistant: Assistant) -> None:
    answer = assistant.ask("苏州市政府能报示范县吗？", as_of=DAY)
    assert answer.check.verdicts["county"].status == "ineligible" and "示范市" in answer.answer
    assert [c.id for c in answer.citations[:2]] == ["notice#2.2", "notice#2.1"]


def test_money_a_founder_put_in_is_no_question_about_fees(assistant: Assistant) -> None:
    answer = assistant.ask("集团掏钱办的研究院，能报示范科研机构吗", as_of=DAY)
    assert "notice#5.4" not in [c.id for c in answer.citations]


def test_an_annexs_content_asked_with_another_programmes_words_is_the_annex(assistant: Assistant) -> None:
    answer = assistant.ask("评价指标里高新技术企业数量这一项占多少分？", as_of=DAY)
    assert "未载入" in answer.answer and answer.citations[0].id == "notice#annex.3"


def test_a_category_the_unit_asks_to_be_treated_as_is_not_its_kind(assistant: Assistant) -> None:
    text = "我们是滨海新区的一个开发区管委会，能不能按“市辖区”申报示范县？"
    assert ApplicantKind.government not in extract_profile(text).kinds


def test_a_zone_named_after_its_city_and_located_in_a_district_is_the_applicant(assistant: Assistant) -> None:
    found = statuses(assistant, "合肥高新区管委会，国家级高新区，在蜀山区，想报示范园区")
    assert found["park"] == "eligible" and found["county"] == "ineligible"


def test_questions_listed_with_enumeration_commas_are_each_answered(assistant: Assistant) -> None:
    answer = assistant.ask("示范园区哪些单位能报、什么时候截止、申报书有哪些栏目？", as_of=DAY)
    assert {"notice#2.3", "notice#closing", "notice#annex.1"} <= {c.id for c in answer.citations}


def test_the_service_zone_asked_for_by_a_short_name_is_no_sign_of_clustering(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是浙江省义乌市", "那服务业集聚区呢？")
    assert answer.check.verdicts["service_zone"].status == "needs_info"
    assert extract_profile("区里有个知识产权服务业集聚区，入驻机构四十多家").industrial_agglomeration is True


def test_an_institute_converted_into_a_company_is_both(assistant: Assistant) -> None:
    text = "我们是原省化工研究院，2016年转制成了有限责任公司，控股股东是省属国企，示范企业和示范科研机构都能报吗"
    found = statuses(assistant, text)
    assert found["enterprise"] == "eligible" and found["institute"] == "eligible"


def test_applying_for_a_named_type_is_answered_by_who_may_apply_only_when_an_applicant_is_in_view(
        assistant: Assistant) -> None:
    assert not assistant.ask("申报示范高校对招生有没有帮助", as_of=DAY).in_scope  # asks something the notice never says
    assert cited_first(assistant, "合资公司申报示范企业要注意什么") == "notice#2.5"


def test_a_formal_letters_addressee_and_signature_are_not_the_applicant(assistant: Assistant) -> None:
    text = ("市市场监督管理局：我委收到某某职业技术学院的来函，该校系专科层次高职院校，拟申报国家知识产权示范高校。"
            "特此请示，妥否，请批示。某某市发展和改革委员会")
    assert extract_profile(text).kind == ApplicantKind.university
    assert statuses(assistant, text)["university"] == "ineligible"
    assert extract_profile("市局：我们县想报示范县，行不行").kind == ApplicantKind.government  # a chat: its sender


@pytest.mark.parametrize(("question", "clause"), [
    ("有单位反映有人以代办申报为名收取服务费，通知对此有无规定，特此请示。", "notice#5.4"),
    ("企业申报材料如存在数据造假，将承担何种后果，妥否，请批示。", "notice#5.4"),
    ("有同志反映，市里要求区里把省局系统里已有的专利数据再报一遍。请查一下通知里有没有相关规定。", "notice#5.2"),
])
def test_a_formal_question_is_a_question(assistant: Assistant, question: str, clause: str) -> None:
    assert cited_first(assistant, question) == clause


def test_a_title_or_level_applied_for_is_not_yet_held(assistant: Assistant) -> None:
    text = "我们园区是县级工业园区，已向省政府申请认定为省级经济开发区，管委会想报示范园区"
    assert extract_profile(text).park.level == ParkLevel.below_provincial
    assert statuses(assistant, "我们分校已向教育部申请独立设置为本科院校，现在能报示范高校吗")["university"] != "eligible"


def test_a_campus_that_is_not_set_up_on_its_own_is_no_legal_person(assistant: Assistant) -> None:
    assert extract_profile("我们是某某大学的非独立设置的分校，想单独报示范高校").university.independent_legal_person is False
    assert statuses(assistant, "某某学院分校不具有独立办学资格，想报示范高校")["university"] == "ineligible"


def test_founders_the_text_says_took_no_part_did_not_set_the_institute_up(assistant: Assistant) -> None:
    text = "某某研究所是几位退休专家个人出资办的，无政府或国企投资背景，想报示范科研机构"
    assert extract_profile(text).institute.founders == [Founder.individual]
    assert statuses(assistant, text)["institute"] == "ineligible"


@pytest.mark.parametrize("text", ["某某技术研究院（民非）登记信息——\n业务主管单位：某市某区科技局\n举办者（出资人）：张某、李某两名自然人",
                                  "我们研究所的主管部门是省科技厅，举办单位是一家外资企业"])
def test_who_supervises_an_institute_is_no_founder_when_its_founder_is_said(assistant: Assistant, text: str) -> None:
    assert Founder.local_government not in extract_profile(text).institute.founders
    assert statuses(assistant, text + "。能报示范科研机构吗？")["institute"] != "eligible"


def test_an_institute_a_government_body_oversees_with_no_founder_said_was_set_up_by_that_government() -> None:
    text = "某某设计研究总院有限公司，早年由科研院所转制而来，目前由省国资委监管，想报示范科研机构"
    assert extract_profile(text).institute.founders == [Founder.local_government]


@pytest.mark.parametrize(("text", "founder"), [
    ("西北高原生物所，属于中央级公益性科研院所，能报示范科研机构吗", Founder.central_government),
    ("所里是一家中央级科研单位，在西宁", Founder.central_government),
    ("我们是一家民营企业，示范科研机构我们能报吗", None),  # the type asked about is no institute of the speaker's
])
def test_a_founder_said_as_the_class_of_research_body_sets_it_up(text: str, founder: Founder | None) -> None:
    assert extract_profile(text).institute.founders == ([founder] if founder else [])


def test_a_company_form_an_institute_is_still_to_take_is_not_its_form(assistant: Assistant) -> None:
    text = "某市农机研究所是市农业农村局举办的事业单位，目前在走改制程序，准备注册为有限责任公司，两个项目报哪个？"
    assert {key: statuses(assistant, text)[key] for key in ("enterprise", "institute")} == \
        {"enterprise": "ineligible", "institute": "eligible"}
    assert extract_profile("研究所打算注册成立一家公司").institute.set_up is False


def test_an_institute_registered_as_a_company_later_is_the_applicant_not_a_founder() -> None:
    before = extract_profile("某市农机研究所是市农业农村局举办的事业单位，准备注册为有限责任公司，能报示范企业吗")
    after = extract_profile("执照办好了：某某农机研究院有限公司，有限责任公司，出资人是市国资委", before)
    assert {after.kind, *after.also} == {ApplicantKind.institute, ApplicantKind.company}
    assert after.company.legal_form == LegalForm.llc


def test_a_unit_without_a_legal_person_certificate_of_its_own_is_internal(assistant: Assistant) -> None:
    text = "我们是中国科学院某所在外省设的一个野外观测站，无独立的法人证书，想单独报示范科研机构"
    assert extract_profile(text).institute.independent_legal_person is False
    assert statuses(assistant, text)["institute"] == "needs_info"


@pytest.mark.parametrize(("title", "level"), [("某某市人民政府关于同意设立某某产业园的批复", ParkLevel.below_provincial),
                                            ("某某省人民政府关于同意设立某某高新技术产业园区的批复", ParkLevel.provincial)])
def test_the_title_of_a_zones_approval_document_says_who_approved_it(title: str, level: ParkLevel) -> None:
    assert extract_profile(f"我们园区的批复文件是《{title}》，管委会想报示范园区").park.level == level


def test_the_registered_type_other_limited_company_is_a_limited_company() -> None:
    assert extract_profile("企业类型：其他有限责任公司。想报示范企业").company.legal_form == LegalForm.llc


def test_a_government_that_is_one_body_with_a_zones_committee_may_take_either_branch_of_the_service_zone(
        assistant: Assistant) -> None:
    text = "常州市武进区政府和区内开发区管委会两块牌子一套人马，区里软件和设计服务业集聚，想报服务业集聚示范区"
    assert statuses(assistant, text)["service_zone"] == "eligible"


def test_a_notice_word_quoted_of_the_speaker_itself_is_a_fact_about_it() -> None:
    assert extract_profile("我们也是“管委会”，没有区政府，能报示范县吗").kind == ApplicantKind.park_committee


def test_units_counted_with_no_classifier_are_not_the_applicant() -> None:
    assert kinds.head("开发区管委会：代管若干街道和乡镇，想报示范园区").kind == ApplicantKind.park_committee


@pytest.mark.parametrize(("question", "clause", "words"), [
    ("示范园区的事问国家局的哪个同志比较合适", "notice#contacts", "徐俊峰"),
    ("材料想早点备，组织申报安排在哪一个月", "notice#4.1", "2025年9月—10月"),
    ("进了创建对象名单的县，年终总结里能称为示范县了吗", "notice#4.3", "认定为示范单位"),
    ("公司改了名字，以前评的示范企业牌子还作数吗", "notice#4.1", "继续有效"),
])
def test_everyday_wordings_of_a_topic_are_answered_from_its_clause(assistant: Assistant, question: str, clause: str,
                                                                  words: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.in_scope and clause in [c.id for c in answer.citations] and words in answer.answer


def test_a_fee_named_by_what_it_pays_for_is_the_fees_question(assistant: Assistant) -> None:
    answer = assistant.ask("报这个要交工本费或者专家费吗", as_of=DAY)
    assert answer.citations[0].id == "notice#5.4" and "收取费用" in answer.answer


def test_a_pilot_asking_whether_it_must_apply_hears_that_a_pilot_title_is_no_recognition(assistant: Assistant) -> None:
    answer = assistant.ask("本市前几年是强市建设试点城市，这回要不要申报？", as_of=DAY)
    assert "已认定为示范单位" in answer.answer and "notice#4.1" in [c.id for c in answer.citations]


def test_a_document_forwarded_is_no_question_about_when_the_notice_was_issued(assistant: Assistant) -> None:
    answer = assistant.ask("市局昨天才把转发的文件给我们，现在报还赶得上吗？", as_of=date(2025, 10, 15))
    assert "2025年10月24日" in answer.answer


def test_a_count_with_some_is_no_question_and_asking_ones_standing_asks_eligibility(assistant: Assistant) -> None:
    for text in ("本店登记的是个体工商户，做竹编的，有三十几件专利。", "麻烦先把资格弄清楚：我们是个人独资企业，开了三家门店。"):
        answer = assistant.ask(text, as_of=DAY)
        assert answer.in_scope and "不能申报示范企业" in answer.answer


@pytest.mark.parametrize(("question", "clause"), [("县里的材料上周已经报送省局推荐了，下一步是什么？", "notice#4.2"),
                                              ("我们刚被认定为示范县，之后还有什么流程？", "notice#4.4"),
                                              ("省局上个月把我们学校的材料报上去了，后面是怎么定的？", "notice#4.2")])
def test_what_comes_after_a_step_told_is_the_next_step(assistant: Assistant, question: str, clause: str) -> None:
    assert assistant.ask(question, as_of=DAY).citations[0].id == clause


def test_a_yes_no_question_about_what_follows_is_that_question(assistant: Assistant) -> None:
    answer = assistant.ask("省里推荐我们以后，接下来是不是直接就挂牌了？", as_of=DAY)
    assert "还不是示范单位" in answer.answer


def test_support_for_creation_objects_is_the_creation_period_not_what_follows_recognition(
        assistant: Assistant) -> None:
    answer = assistant.ask("当上创建对象之后，省里会给哪些帮助？", as_of=DAY)
    assert "政策支持" in answer.answer and answer.citations[0].id == "notice#4.2"


def test_who_signs_the_application_form_is_the_forms_content(assistant: Assistant) -> None:
    answer = assistant.ask("申报书要法定代表人签字盖章吗？", as_of=DAY)
    assert not answer.in_scope and "附件1" in answer.answer and "未载入" in answer.answer


def test_whether_the_notice_is_out_yet_is_answered_by_its_date(assistant: Assistant) -> None:
    before = assistant.ask("强国建设示范创建的文件下来了吗？", as_of=date(2025, 9, 1))
    assert "2025年9月12日" in before.answer and "尚未印发" in before.answer
    assert "尚未印发" not in assistant.ask("强国建设示范创建的文件下来了吗？", as_of=DAY).answer
    assert not assistant.ask("地理标志保护示范区的通知出来了没有？", as_of=DAY).in_scope
    for asked in ("这届示范创建的通知出来没？", "示范创建的文件下来没有"):
        assert "尚未印发" in assistant.ask(asked, as_of=date(2025, 9, 3)).answer


def test_whether_a_title_lasts_whatever_happens_is_the_revocation(assistant: Assistant) -> None:
    answer = asked_after(assistant, "验收一般在什么时候？", "要是以后成效下降了呢？")
    assert "notice#4.5" in [c.id for c in answer.citations] and "予以摘牌" in answer.answer


def test_the_new_round_starting_this_year_is_this_round(assistant: Assistant) -> None:
    answer = assistant.ask("今年新一届示范创建什么时候开始报？", as_of=date(2025, 9, 15))
    assert "2025年9月—10月" in answer.answer and "2028" not in answer.answer


@pytest.mark.parametrize(("question", "clause", "words"), [
    ("我们集团的子公司申报，材料是交集团还是交省知识产权局？", "notice#4.1", "省级知识产权局"),
    ("两家公司合并了，原来一家的示范企业称号能不能沿用到新公司？", "notice#4.1", "继续有效"),
])
def test_where_materials_go_and_whether_a_title_carries_over(assistant: Assistant, question: str, clause: str,
                                                              words: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.citations[0].id == clause and words in answer.answer


def test_a_follow_up_applying_for_a_type_by_a_short_name_asks_about_that_type(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是慈溪市人民政府（宁波代管的县级市），想报示范市", "那申报强县呢？")
    assert answer.answer.startswith("可以申报示范县")


def test_whether_the_list_of_those_chosen_is_publicised_is_the_second_publicity(assistant: Assistant) -> None:
    answer = assistant.ask("选上创建对象的名单也会公示吗？", as_of=DAY)
    assert answer.citations[0].id == "notice#4.2"


def test_what_a_creation_object_does_in_the_creation_period_is_the_creation_work(assistant: Assistant) -> None:
    answer = assistant.ask("假如被选为创建对象，这三年我们具体要做啥？", as_of=DAY)
    assert answer.in_scope and answer.citations[0].id in ("notice#4.2", "notice#5.5")  # the work, or how to do it


def test_a_term_is_not_repaired_into_a_word_that_the_next_character_continues() -> None:
    assert normalize("本所是县级事业单位，举办单位是县科技局") == "本所是县级事业单位，举办单位是县科技局"
    assert normalize("我们是示范线吗") == "我们是示范县吗"


def test_a_sound_alike_of_the_words_asking_whether_it_is_still_time_is_repaired() -> None:
    assert normalize("这会儿报还来的及吧") == "这会儿报还来得及吧"


def test_a_local_station_of_an_academys_institute_is_a_part_of_it_until_registered_on_its_own() -> None:
    station = extract_profile("我们是中国农业科学院某研究所设在新疆的试验站，想报示范科研机构")
    assert station.institute.independent_legal_person is False
    registered = extract_profile("试验站去年已单独登记为事业单位，举办单位是自治区科技厅", station)
    assert registered.institute.independent_legal_person is True


def test_a_follow_up_correcting_the_founder_replaces_it_and_keeps_the_institute() -> None:
    first = extract_profile("我们研究院的法人证书上，举办单位是某市人民政府，能报示范科研机构吗")
    corrected = extract_profile("抱歉填错了，举办单位实际上是某某大学，市政府只是签了合作协议", first)
    assert corrected.kind == ApplicantKind.institute and corrected.institute.founders == [Founder.university]


def test_an_enterprises_technology_centre_is_a_research_unit() -> None:
    profile = extract_profile("某钢铁公司的技术中心，是公司内设部门，打算以技术中心的名义申报示范科研机构")
    assert profile.kind == ApplicantKind.institute and profile.institute.independent_legal_person is False


def test_units_labelled_by_a_number_and_a_space_are_screened_one_by_one(assistant: Assistant) -> None:
    text = "客户1 恒昌（澳门）有限公司 澳门注册 想报示范企业；客户2 温州肯恩大学 教育部批准的本科 想报示范高校"
    assert {key: statuses(assistant, text)[key] for key in ("enterprise", "university")} == \
        {"enterprise": "ineligible", "university": "eligible"}


def test_the_form_of_a_shareholder_named_on_its_line_is_not_the_applicants() -> None:
    text = "名称：珠海某某电子有限公司\n类型：有限责任公司（港澳法人独资）\n股东：澳门某某集团股份有限公司\n能报示范企业吗"
    assert extract_profile(text).company.legal_form == LegalForm.llc
    text = "执照摘录：名称 某某设计院有限公司；类型 有限责任公司；股东 某某建工股份有限公司（国有）。能报示范企业吗"
    assert extract_profile(text).company.legal_form == LegalForm.llc


def test_people_named_as_the_founders_are_individuals_whoever_supervises() -> None:
    text = "登记证书摘录：\n业务主管单位：某市科学技术局\n举办者：王海涛、赵敏\n想报示范科研机构"
    assert extract_profile(text).institute.founders == [Founder.individual]
    assert extract_profile("研究所目前由谁举办我不清楚，主管部门是市科技局").institute.founders == [Founder.local_government]


def test_an_institute_a_government_plans_to_found_with_a_university_is_not_set_up_yet() -> None:
    assert extract_profile("市里计划同某某大学合建一个新材料研究院，明年挂牌，能报示范科研机构吗").institute.set_up is False


def test_a_certificate_just_received_ends_the_setting_up() -> None:
    before = extract_profile("这家研究院目前处于筹建阶段，法人登记在办，能报示范科研机构吗")
    assert before.institute.set_up is False
    assert extract_profile("今天领到了事业单位法人证书，举办单位是省政府", before).institute.set_up is True


def test_a_follow_up_asking_about_a_company_an_owner_controls_turns_to_that_company() -> None:
    first = extract_profile("学校全资办的某某研究院想报示范科研机构")
    then = extract_profile("那学校投资公司控股的某某智能科技有限公司呢？", first)
    assert then.kind == ApplicantKind.company


def test_a_recognition_as_a_demonstration_unit_without_its_type_is_doubted_for_the_kinds_own_type() -> None:
    assert extract_profile("我们研究所是市政府办的，听说前几年被评为过示范单位").unsure_recognized == ["institute"]
    assert extract_profile("我们研究所是市政府办的，假如以前被认定为示范单位呢").unsure_recognized == []
    assert extract_profile("研究所是市政府办的，是否属于“此前年度已认定为示范单位”").unsure_recognized == []


def test_a_licence_naming_an_institutes_company_makes_it_a_company_too() -> None:
    profile = extract_profile("营业执照信息：某某精工研发（无锡）有限公司。我们是日本母公司设的研发中心，想报示范科研机构")
    assert profile.kind == ApplicantKind.institute and ApplicantKind.company in profile.also


def test_a_forms_yes_or_no_fields_and_approval_field_are_read() -> None:
    form = "学校名称：某某理工大学\n办学层次：普通本科\n设立批准：省教育厅\n是否已获国家知识产权示范高校：否\n是否已获优势企业：是"
    profile = extract_profile(form)
    assert profile.university.approved is True and profile.unsure_recognized == [] and profile.recognized == []


def test_a_couple_who_founded_an_institute_are_individuals() -> None:
    text = "业务主管单位是区科技局，举办人就是我们俩夫妻，钱也是我们出的，想报示范科研机构"
    assert extract_profile(text).institute.founders == [Founder.individual]


def test_a_recalled_national_demonstration_title_without_its_type_is_doubted_but_a_provincial_one_is_not() -> None:
    recalled = "听老领导讲，我们研究所以前似乎获评过国家级的知识产权示范，研究所是省林业局办的"
    assert extract_profile(recalled).unsure_recognized == ["institute"]
    provincial = "我们研究所是市农业局办的，去年被评为“浙江省知识产权示范单位”"
    assert extract_profile(provincial).unsure_recognized == []


def test_a_record_label_and_its_value_separated_by_a_space_are_one_field() -> None:
    text = "登记证书：名称 某某环境技术研究院；举办单位 某某省环境科学学会（社会团体）；业务主管单位 某某省科协"
    assert extract_profile(text).institute.founders == [Founder.association]


def test_a_registration_certificate_not_yet_issued_means_not_set_up() -> None:
    text = "我们研究院是区政府和某大学合作办的，登记材料月初交到民政局了，证书还没有下来，能报示范科研机构吗"
    assert extract_profile(text).institute.set_up is False


def test_a_founder_named_far_after_its_role_in_the_same_clause_is_read() -> None:
    text = "研究院登记证上举办单位那一栏里填的是“某某新材料科技股份有限公司”，一家民营企业"
    assert extract_profile(text).institute.founders == [Founder.private_enterprise]


def test_who_supervises_an_institute_stands_for_its_founder_when_no_founder_is_said() -> None:
    assert extract_profile("某研究所，事业单位，主管部门是市科技局").institute.founders == [Founder.local_government]


def test_the_formal_copula_ends_what_a_unit_modifies(assistant: Assistant) -> None:
    text = "某某市林业科学研究所系市人民政府设立的事业单位，拟申报示范科研机构"
    assert extract_profile(text).kind == ApplicantKind.institute
    assert statuses(assistant, text)["institute"] == "eligible"


def test_a_company_that_operates_something_is_no_agent(assistant: Assistant) -> None:
    assert extract_profile("某某文旅经营有限公司，独立法人，想报示范企业").kind == ApplicantKind.company


def test_an_academy_named_by_its_short_name_is_an_institute(assistant: Assistant) -> None:
    assert extract_profile("我们市林科院是市政府设立的事业单位，想报示范科研机构").kind == ApplicantKind.institute


def test_a_follow_up_about_the_government_one_level_up_is_about_that_place(assistant: Assistant) -> None:
    conversation = Conversation()
    assistant.ask("我们是浙江省湖州市长兴县", conversation, as_of=DAY)
    answer = assistant.ask("那我们州政府呢，能报示范市吗", conversation, as_of=DAY)
    assert answer.check.verdicts["city"].status == "eligible" and answer.check.profile.place.city == "湖州市"
    conversation = Conversation()
    assistant.ask("我是某自治州知识产权局的，州里有个县级市想报示范县", conversation, as_of=DAY)
    assert assistant.ask("那州政府本级呢，能报示范市吗", conversation, as_of=DAY).check.verdicts["city"].status == "eligible"


def test_preparing_the_application_materials_is_no_question_of_eligibility(assistant: Assistant) -> None:
    answer = assistant.ask("我们学校正准备申报材料，申报书包括哪些栏目？", as_of=DAY)
    assert "未载入" in answer.answer and answer.citations[0].id == "notice#annex.1"


def test_the_forms_parts_asked_in_everyday_words_are_the_annexs_content(assistant: Assistant) -> None:
    answer = assistant.ask("我们学校正准备申报材料，申报书要写哪几部分？", as_of=DAY)
    assert not answer.in_scope and "未载入" in answer.answer and answer.citations[0].id == "notice#annex.1"


def test_kinds_of_property_listed_together_are_no_other_programme(assistant: Assistant) -> None:
    assert cited_first(assistant, "县局又让我们把专利、商标数据重新填一遍报上去，通知对这种做法有说法吗") == "notice#5.2"


def test_a_whether_question_is_about_the_word_it_ends_on(assistant: Assistant) -> None:
    assert cited_first(assistant, "推荐过程中，省里是否会向我们收取评审或服务费用？") == "notice#5.4"


@pytest.mark.parametrize(("text", "expected"), [
    ("我手上两个客户：一个是民营的股份有限公司，想报示范企业；另一个是省政府设立的研究所，想报示范科研机构",
     {"enterprise": "eligible", "institute": "eligible"}),
    ("客户1：某国家级经开区管委会，报示范园区；客户2：某县级市政府，报示范县", {"park": "eligible", "county": "eligible"}),
])
def test_units_listed_for_a_type_each_are_screened_for_it(assistant: Assistant, text: str,
                                                          expected: dict[str, str]) -> None:
    found = statuses(assistant, text)
    assert {key: found[key] for key in expected} == expected


def test_the_level_of_the_place_above_is_not_the_places_own(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是个县", "归地级市管的")
    assert answer.check.verdicts["county"].status == "eligible"
    assert answer.check.profile.place.categories == [PlaceCategory.county_level]


def test_the_short_name_of_a_private_non_enterprise_unit_negates_nothing(assistant: Assistant) -> None:
    assert extract_profile("我们研究院是民非个人出资的").institute.founders == [Founder.individual]


def test_circled_numbers_mark_the_items_of_a_list(assistant: Assistant) -> None:
    text = "帮两个客户问下：①苏州某某新材料有限公司，民营，想报示范企业②某某研究所，市政府设立的事业单位，想报示范科研机构"
    found = statuses(assistant, text)
    assert (found["enterprise"], found["institute"]) == ("eligible", "eligible")


def test_an_agents_own_firm_is_not_its_clients_applicant(assistant: Assistant) -> None:
    assert extract_profile("我们代理公司有个客户，是湖州市长兴县，想报示范县").kind == ApplicantKind.government


def test_a_district_named_by_a_placeholder_is_a_district(assistant: Assistant) -> None:
    found = statuses(assistant, "XX市（地级市）XX区，区里服务机构扎堆，产业也集聚，区政府能报示范市吗？服务业集聚示范区呢")
    assert (found["city"], found["service_zone"]) == ("ineligible", "eligible")


# --- one description, one verdict: each row a class of wording (issue 10, rounds 7 and 8) -----------------

ONE_VERDICT = [
    pytest.param("我们开发区管委会2022年就评上了国家知识产权强国建设示范园区，服务业集聚示范区能报吗", "service_zone", "eligible",
                 id="a_zone_holding_the_park_title_is_one_that_could_apply_for_it"),
    pytest.param("我们园区管委会，目前是县级工业园，省级的还在走流程，能报示范园区吗", "park", "ineligible",
                 id="a_level_still_being_applied_for_is_not_the_zones_level"),
    pytest.param("我们原来是昆山县，1989年撤县设市，现在是昆山市，能报示范县吗", "county", "eligible",
                 id="a_place_named_by_its_former_and_its_present_name_is_one_place"),
    pytest.param("公司股票在香港挂牌，注册地是苏州，股份有限公司，能报示范企业吗", "enterprise", "eligible",
                 id="a_company_listed_abroad_and_registered_at_home_is_set_up_in_china"),
    pytest.param("我们是省农科院下属的植保研究所，能报示范科研机构吗", "institute", "eligible",
                 id="an_institute_of_a_local_academy_is_set_up_by_the_local_government"),
    pytest.param("我们集团在澳门依澳门《商法典》注册了一家有限公司，想以这家公司的名义报示范企业", "enterprise", "ineligible",
                 id="a_company_registered_under_a_law_abroad_is_not_set_up_under_the_company_law"),
    pytest.param("某某基金合伙企业（有限合伙）是在本省登记的合伙企业，由三家有限责任公司作为普通合伙人出资设立，拟以合伙企业名义报示范企业", "enterprise", "ineligible",
                 id="the_form_of_the_founding_partners_is_not_the_applicants"),
    pytest.param("我们是某个省直管县，想问能不能报示范县", "county", "eligible", id="a_place_left_unnamed_is_still_the_applicant"),
    pytest.param("某某大学的南湖校区想单独报示范高校", "university", "ineligible",
                 id="a_campus_applying_on_its_own_is_a_part_of_its_university-1"),
    pytest.param("我们想以某某学院东校区的名义申报示范高校", "university", "ineligible",
                 id="a_campus_applying_on_its_own_is_a_part_of_its_university-2"),
    pytest.param("客户丙前年被认定为示范企业，客户丁是一家股份有限公司，想报示范企业，丁能报吗", "enterprise", "eligible",
                 id="a_title_another_unit_holds_is_not_the_applicants-1"),
    pytest.param("我们集团下属有家子公司是示范企业，我们集团总部（有限责任公司）这次能报吗", "enterprise", "eligible",
                 id="a_title_another_unit_holds_is_not_the_applicants-2"),
    pytest.param("我们学院前年从专科升上来的，现在是普通本科，能报示范高校吗", "university", "eligible",
                 id="a_level_the_school_rose_from_is_its_former_level"),
    pytest.param("某高校的国际教育学院想单独报示范高校", "university", "ineligible",
                 id="a_college_of_a_university_named_by_the_common_word_is_a_part_of_it"),
    pytest.param("客户是专精特新小巨人，股份制，科创板上市，能报示范企业吗", "enterprise", "eligible", id="a_legal_form_says_what_the_unit_is-1"),
    pytest.param("客户是一家会计师所，特殊普通合伙，能报示范企业吗", "enterprise", "ineligible", id="a_legal_form_says_what_the_unit_is-2"),
    pytest.param("我们是杭州市滨江区政府，区里知识产权服务机构有两百多家，想报服务业集聚示范区", "service_zone", "eligible",
                 id="how_many_units_a_place_has_says_whether_industry_clusters-1"),
    pytest.param("我们是湖州市长兴县政府，县里没什么知识产权服务机构，能报服务业集聚示范区吗", "service_zone", "ineligible",
                 id="how_many_units_a_place_has_says_whether_industry_clusters-2"),
    pytest.param("客户是个县，地级市下面的，是国家知识产权强县工程试点县，这次能报示范县吗", "county", "eligible",
                 id="a_county_said_with_a_bare_measure_word_is_a_county"),
    pytest.param("某省属国有企业出资设立了某某设计研究院有限公司，独立法人。该公司想报示范科研机构", "institute", "eligible",
                 id="a_unit_referred_back_to_is_the_one_named_before"),
    pytest.param("我们县2021年已经认定为国家知识产权强县建设示范县这次还报吗", "county", "already_recognized",
                 id="a_title_held_followed_by_applying_again_is_held"),
    pytest.param("我们县是国家知识产权强县工程示范县，不对，是试点县，地级市下辖的，想报示范县", "county", "eligible",
                 id="a_title_taken_back_at_once_is_not_held-1"),
    pytest.param("我们公司是国家知识产权示范企业，哦不对，是优势企业，有限责任公司，想报示范企业", "enterprise", "eligible",
                 id="a_title_taken_back_at_once_is_not_held-2"),
    pytest.param("我们是县里的产业园 有管委会 现在还是县级 省级经开区正在申报 能先报示范园区吗", "park", "ineligible",
                 id="spaces_between_phrases_of_a_chat_message_are_commas-1"),
    pytest.param("我们是某某集团上海分公司 高企 专利很多 集团总部不打算报 我们分公司自己报示范企业行吗", "enterprise", "ineligible",
                 id="spaces_between_phrases_of_a_chat_message_are_commas-2"),
    pytest.param("我们公司 二零二一年 被认定为 国家知识产权 示范企业了 这次还要报吗 我们是股份有限公司", "enterprise", "already_recognized",
                 id="a_pause_inside_a_name_or_a_clause_is_no_comma-1"),
    pytest.param("我们是 湖州市长兴县的 县里想报 那个示范县 就是 国家知识产权 强县建设 示范县 能不能报", "county", "eligible",
                 id="a_pause_inside_a_name_or_a_clause_is_no_comma-2"),
    pytest.param("我们是天津市某区人民政府，对照通知看，服务业示范区列的是“直辖市下辖县”，我们区能报示范市吗", "city", "eligible",
                 id="the_notices_words_quoted_are_no_fact_about_the_applicant"),
    pytest.param("您好！我们那儿是省直管县，全县电池企业一百多家，还引进了好几家龙头企业。我们县政府是报示范县还是别的？", "county",
                 "eligible", id="units_counted_are_not_the_applicant"),
    pytest.param("我们县里有一个省级高新区，设有管委会，这个管委会能报示范园区吗？", "park", "eligible",
                 id="a_unit_the_place_has_is_a_whole_unit_not_a_part"),
    pytest.param("我们公司还参股了一个检测研究所，是公司和区政府共同出资设立的，这个能报示范科研机构吗？", "institute", "eligible",
                 id="a_question_pointing_back_asks_about_the_unit_named_last"),
    pytest.param("来电人系某地级市下辖县的县市场监管局工作人员。【诉求】该县这次还能否申报示范县。", "county", "eligible",
                 id="a_department_asking_whether_its_place_may_apply_asks_for_its_government"),
    pytest.param("单位名称：XX研究院；设立主体：XX市人民政府；法人类型：事业单位；拟申报类别：示范科研机构", "institute", "eligible",
                 id="an_intake_forms_fields_are_read_as_sentences-1"),
    pytest.param("单位名称：XX高新技术产业开发区管委会；批准机关：国务院；拟申报类别：示范园区", "park", "eligible",
                 id="an_intake_forms_fields_are_read_as_sentences-2"),
    pytest.param("单位名称：XX工业园区管委会\n批准机关：XX县人民政府\n拟申报类别：示范园区", "park", "ineligible",
                 id="an_intake_forms_fields_are_read_as_sentences-3"),
    pytest.param("单位名称：XX研究院；设立主体：待核实；拟申报类别：示范科研机构", "institute", "needs_info",
                 id="an_open_field_of_a_form_says_nothing"),
    pytest.param("单位名称：某某县林业科学研究所 | 单位性质：事业单位 | 设立主体：某某县人民政府 | 拟申报类别：示范科研机构",
                 "institute", "eligible", id="a_forms_name_field_names_the_applicant_not_its_legal_form"),
    pytest.param("我们是地级市下辖县，能报示范县吗", "county", "eligible", id="a_county_under_a_city_is_no_county_it_governs"),
    pytest.param("我们研究所是两名大学退休教授出资办的民非，能报示范科研机构吗", "institute", "ineligible",
                 id="people_named_by_where_they_work_are_persons_not_that_unit"),
    pytest.param("我们是一家有限责任公司，2019年被认定为国家知识产权示范企业。去年复核没通过，被撤销了称号。这届能报示范企业吗", "enterprise",
                 "eligible", id="a_title_the_next_sentence_says_was_revoked_is_not_held"),
    pytest.param("某市示范创建调度会纪要\n一、某某大学科技园管委会拟申报示范园区；\n二、某某市农科院（市政府举办的事业单位）"
                 "拟申报示范科研机构；\n三、某某有限公司拟申报示范企业。\n（审核对象：某某市农科院）", "institute", "eligible",
                 id="minutes_listing_several_units_are_read_for_the_one_a_note_names"),
    pytest.param("我们园区是省级高新区，哦不对不对，省级的还在批，现在是市级园区。管委会能报示范园区吗", "park", "ineligible",
                 id="what_the_speaker_takes_back_at_once_is_not_said"),
    pytest.param("那个服务业高质量集聚示范区 我们重庆城口县政府 能不能报", "service_zone", "needs_info",
                 id="the_service_zones_name_says_nothing_of_clustering"),
    pytest.param("武昌区市场监管局：这一届我们想报国家知识产权强县建设示范县，可以吗", "county", "eligible",
                 id="a_department_wanting_a_type_only_governments_apply_for_speaks_for_its_government"),
    pytest.param("我们是一家民营企业，前年出资设立了一个研究院，研究院想报示范科研机构", "institute", "eligible",
                 id="a_founding_said_without_its_subject_is_the_speakers"),
    pytest.param("我们是石柱县科技局，县里面想报示范县", "county", "eligible",
                 id="a_department_saying_its_place_wants_to_apply_speaks_for_its_government"),
    pytest.param("本公司系有限责任公司，2018年曾获评国家知识产权示范企业，2023年复查不合格。今年还能报示范企业吗", "enterprise",
                 "eligible", id="a_title_that_failed_its_review_is_not_held"),
    pytest.param("本校是省属普通本科学院，经教育部批准设立，现设12个二级学院。请问能报示范高校吗", "university", "eligible",
                 id="the_schools_parts_counted_do_not_make_it_a_part"),
    pytest.param("省知识产权局：\n    某某高新区为省级高新区（省政府批准），管委会为市政府派出机构。我委拟申报示范园区，请问申报主体是否符合要求？\n"
                 "    盼复。\n\n某某高新区管委会\n2025年10月10日", "park", "eligible",
                 id="a_letter_closed_by_asking_for_a_reply_is_framed_by_its_addressee"),
    pytest.param("我们开发区升格为省级经济开发区才一年，管委会能报示范园区吗", "park", "eligible",
                 id="an_upgrade_said_since_when_is_done"),
    pytest.param("我们开发区去年经省政府批复升格为省级经济开发区，管委会能报示范园区吗", "park", "eligible",
                 id="an_upgrade_approved_is_done"),
    pytest.param("我们开发区已经向省里申请升级为省级经济开发区了，管委会能报示范园区吗", "park", "ineligible",
                 id="an_upgrade_applied_for_is_not_done"),
    pytest.param("我司某某电子科技有限公司是某某集团股份有限公司控股的子公司，具有独立法人资格，能报示范企业吗", "enterprise", "eligible",
                 id="the_owners_legal_form_is_not_the_applicants"),
    pytest.param("我公司是某某股份有限公司的苏州分公司，负责总公司在华东的研发，以总公司名义申请专利。我分公司希望以本分公司名义申报示范企业",
                 "enterprise", "ineligible", id="what_the_speaker_calls_its_own_unit_outweighs_the_head_office_it_names"),
    pytest.param("某某智能装备研究院有限公司成立于2019年，是独立法人的有限责任公司。老师好，我们研究院能报示范企业吗", "enterprise", "eligible",
                 id="the_own_unit_is_the_company_named_first_with_all_its_kinds"),
    pytest.param("经研究，拟由某某学院（普通本科高校）申报示范高校。妥否，请批示。", "university", "eligible",
                 id="what_is_planned_is_the_applying_not_the_unit_that_applies"),
    pytest.param("某某自治州人民政府能否申报示范市？有同志说自治州实际管理的是县市，报示范县更合适", "city", "eligible",
                 id="the_level_of_what_a_place_governs_is_not_its_own"),
    pytest.param("市教育局：\n    我院近三年专利转让许可60余件，拟申报示范高校，请问是否可以？\n    某某学院科研处 2025年10月9日", "university",
                 "needs_info", id="a_letter_signed_with_a_date_is_framed_by_its_signature"),
    pytest.param("某某经济开发区为省级经济开发区，经市政府批准托管两个镇，参照县级行使经济社会管理权限，承担县级政府职能。管委会能报示范园区吗",
                 "park", "eligible", id="what_a_zone_is_approved_to_run_and_the_powers_it_exercises_are_not_its_level"),
    pytest.param("我市是某某市代管的县级市，市内知识产权服务机构集聚发展，市政府想报服务业集聚示范区", "service_zone", "eligible",
                 id="a_county_level_city_a_city_administers_is_under_a_city"),
    pytest.param("本单位登记为事业单位，由市人民政府举办，想报示范科研机构", "institute", "eligible",
                 id="a_legal_form_put_forward_as_a_research_institution_is_one"),
    pytest.param("本单位登记为事业单位，由市人民政府举办，想报示范企业", "enterprise", "ineligible",
                 id="a_legal_form_put_forward_as_another_type_stays_what_it_is"),
    pytest.param("某某集团股份有限公司全资设立了某某检测研究院有限公司，该公司想报示范企业", "enterprise", "eligible",
                 id="the_owner_that_set_the_company_up_is_another_party"),
    pytest.param("我所原为市农业局直属事业单位，后转制为市属国有独资的某某农业技术研究所有限公司。想报示范科研机构，也问问示范企业", "institute",
                 "eligible",
                 id="the_legal_form_a_unit_had_is_not_what_it_is"),
    pytest.param("省知识产权局：\n    我市为地级市，下辖3区5县，所辖长兴县2021年入选强县建设试点县。拟申报示范市。\n    妥否，请批示。\n某某市人民政府\n"
                 "2025年9月20日", "city", "eligible", id="a_place_the_applicant_governs_is_not_its_own"),
    pytest.param("我公司是某某集团股份有限公司的全资子公司，依法独立注册的有限责任公司。集团2020年已被认定为国家知识产权示范企业。我公司能否单独申报？",
                 "enterprise", "eligible", id="the_groups_title_is_not_its_subsidiarys"),
    pytest.param("老周：咱们区是示范县吧\n小许：示范县没评上，当年只进了试点\n@助手 我们区是地级市的市辖区，能报示范县吗", "county", "eligible",
                 id="a_title_asked_with_a_particle_and_said_not_awarded_is_not_held"),
    pytest.param("学校类型：成人高等学校 | 办学层次：专科、本科 | 拟申报类别：示范高校", "university", "ineligible",
                 id="an_adult_schools_degree_programmes_do_not_make_it_an_undergraduate_university"),
    pytest.param("张三：听说我们县是示范县了\n李四：那是试点县，不是示范县\n@助手 我们县是地级市下辖的县，这届能报示范县吗？",
                 "county", "eligible", id="a_title_heard_of_and_denied_in_the_same_chat_is_not_held"),
    pytest.param("甲：我们研究院是市政府设立的\n乙：不是，是几个教授自己出资办的民非\n@助手 能报示范科研机构吗", "institute",
                 "ineligible", id="a_chat_line_the_next_speaker_denies_is_taken_back"),  # set up by people
    pytest.param("【行政-小张】09:30 咱们是合伙企业吧？\n【法务-老王】09:32 不对，你记错了，咱们是有限责任公司\n"
                 "【行政-小张】09:33 @助手 能报示范企业吗", "enterprise", "eligible",
                 id="a_chat_line_the_next_speaker_denies_is_taken_back-timed"),
    pytest.param("单位名称：XX有限公司\n是否分公司：不是\n拟申报类别：示范企业", "enterprise", "eligible",
                 id="a_forms_yes_no_field_denies_no_line"),
    pytest.param("小王：咱们园区是省级高新区吗？\n老李：不清楚，得问管委会\n@助手 园区管委会能报示范园区吗", "park", "needs_info",
                 id="a_fact_a_question_asks_is_not_said-1"),
    pytest.param("小王：我们公司是有限责任公司吧？\n老李：不知道，执照在财务\n@助手 能报示范企业吗", "enterprise", "needs_info",
                 id="a_fact_a_question_asks_is_not_said-2"),
    pytest.param("单位名称：XX经开区管委会；园区级别：省级（待确认）；拟申报类别：示范园区", "park", "needs_info",
                 id="a_fact_marked_unconfirmed_is_not_said"),
    pytest.param("我们省级高新区管委会能报示范园区吗？", "park", "eligible", id="a_fact_in_a_question_about_applying_is_said"),
    pytest.param("我们园区去年纳入了省级高新区培育名单，管委会能报示范园区吗", "park", "ineligible",
                 id="a_candidate_list_is_not_the_level"),
    pytest.param("我们研究所到底算政府设立还是企业设立？能报示范科研机构吗", "institute", "needs_info",
                 id="a_founder_asked_about_is_not_said-1"),
    pytest.param("我们研究所是区政府设立的吗？能报示范科研机构吗", "institute", "needs_info",
                 id="a_founder_asked_about_is_not_said-2"),
]


@pytest.mark.parametrize(("text", "key", "status"), ONE_VERDICT)
def test_each_class_of_description_gets_its_verdict(assistant: Assistant, text: str, key: str, status: str) -> None:
    assert statuses(assistant, text)[key] == status


# One conversation each, whose last turn's verdict shows the class (one table instead of a function per class).
FOLLOW_UP_VERDICT = [
    pytest.param(["我们是一家民营的股份有限公司", "公司底下还有个研发中心，独立法人，能报示范科研机构吗"], "institute", "eligible",
                 id="a_unit_said_to_be_under_another_is_the_one_asked_about"),
    pytest.param(["我们是某某控股集团有限公司，国有控股", "那我们集团的研究总院呢", "研究总院是集团出资设立的独立法人"], "institute", "eligible",
                 id="a_unit_of_the_group_asked_about_keeps_what_was_said_of_the_group"),
    pytest.param(["客户是某某科技有限公司，在无锡注册，想报示范企业", "哦对，这家2021年已经是国家知识产权示范企业了"], "enterprise", "already_recognized",
                 id="a_title_said_of_the_unit_referred_back_to_is_the_applicants"),
    pytest.param(["我们是一所专科学校，想报示范高校", "明年升本，升了以后还能报这届吗"], "university", "ineligible",
                 id="a_level_the_school_reaches_next_year_is_not_yet_its_level"),
    pytest.param(["客户是某某大学的资产经营有限公司，想报示范企业", "那大学本身呢 普通本科 2021年已经是国家知识产权示范高校"], "university", "already_recognized",
                 id="a_title_stated_after_a_follow_up_question_is_the_units_own"),
    pytest.param(["我们是某某股份有限公司的华南分公司，想报示范企业", "那如果改由总公司某某电子股份有限公司（在本省登记）来申报呢"], "enterprise",
                 "eligible", id="the_unit_a_follow_up_names_to_apply_instead_is_screened"),
    pytest.param(["我们是某某电器股份有限公司的杭州分公司，想报示范企业", "改用总公司来报呢", "对了，总公司2022年已被认定为国家知识产权示范企业"],
                 "enterprise", "already_recognized", id="the_head_offices_title_is_the_title_of_the_company_that_applies"),
    pytest.param(["我们是某某经开区管委会，园区是省级经开区，想报服务业集聚示范区", "补充一下，我区去年已被认定为示范园区，还能报集聚区吗"],
                 "service_zone", "eligible", id="our_zone_after_a_committee_spoke_is_the_zone_not_a_district"),
]


@pytest.mark.parametrize(("turns", "key", "status"), FOLLOW_UP_VERDICT)
def test_each_class_of_follow_up_gets_its_verdict(assistant: Assistant, turns: list[str], key: str,
                                                   status: str) -> None:
    conversation = Conversation()
    for turn in turns[:-1]:
        assistant.ask(turn, conversation, as_of=DAY)
    answer = assistant.ask(turns[-1], conversation, as_of=DAY)
    assert answer.check.verdicts[key].status == status


def test_a_form_field_written_on_one_line_ends_at_the_next_field() -> None:
    text = "举办者：两名自然人 主管部门：某某市科技局 拟申报类别：示范科研机构"
    assert fields_as_sentences(text) == "由两名自然人举办 主管部门为某某市科技局 拟申报示范科研机构"


@pytest.mark.parametrize(("question", "cited"), [
    ("咨询：我们是某集团的分公司，有营业执照，但不是独立法人。能不能自己报示范企业？", ["notice#2.5"]),  # 咨询 names the letter
    ("示范企业有问题可以向谁咨询？", ["notice#contacts"]),  # whom to ask: the contacts
])
def test_an_inquiry_asks_for_contacts_only_where_it_asks_whom_to_ask(
        assistant: Assistant, question: str, cited: list[str]) -> None:
    assert [c.id for c in assistant.ask(question, as_of=DAY).citations] == cited


def test_who_decides_a_thing_is_answered_by_the_clause_naming_the_decider_and_said_once(
        assistant: Assistant) -> None:
    """是谁定的 asks who decides (the organising clause names it), not who the thing is; two pieces one sentence
    answers get that sentence once."""
    answer = assistant.ask("申报材料谁来审核？推荐对象又是谁定的？", as_of=DAY)
    assert answer.in_scope and [c.id for c in answer.citations] == ["notice#4.1"]
    assert answer.answer.count("根据《通知》四、（一）") == 1
    from assistant.answering.compose import combine
    from assistant.answering.topics import Lead

    # a line one piece's answer repeats after a line of its own: said once
    assert combine([Lead("某省的转发通知未载入。\n根据《通知》二、（四）：…", []), Lead("根据《通知》二、（四）：…", [])]).sentence \
        == "某省的转发通知未载入。\n根据《通知》二、（四）：…"


@pytest.mark.parametrize("question", [
    "某某学院科研处咨询：学校准备申报示范高校，今天还来得及直接报省知识产权局吗？",  # 来得及 is one word
    "听说国家局月底才截止，现在交还行吗？",  # the notice's words added for 国家局 are no words after 还行吗
    "我们研究所想报示范科研机构，材料今天能直接寄给省局吗？",  # sending today asks the time (and how: the time first)
])
def test_whether_it_is_still_time_is_asked_however_worded(assistant: Assistant, question: str) -> None:
    assert len(pieces(question)) == 1
    assert any(part.startswith("when:") for part in assistant.ask(question, as_of=DAY).trace["parts"])


def test_asking_whether_to_apply_again_for_a_title_held_gets_the_verdict(assistant: Assistant) -> None:
    answer = assistant.ask("德阳市前年已经是国家知识产权强市建设示范城市了，这一届还用再报示范市吗？", as_of=DAY)
    assert answer.verdicts["city"].status == "already_recognized"


def test_an_earlier_year_beside_this_round_asks_of_this_round() -> None:
    from assistant.answering.evidence import earlier_round

    assert earlier_round("2022年那次是省局统一推荐的") is not None
    assert earlier_round("2022年那次是省局统一推荐的，这一届也是省局推荐吗") is None
    assert earlier_round("我们是2012年市政府批复设立的工业园区，被确定为创建对象后有哪些支持") is None  # the zone's year
    assert earlier_round("我县2019届的示范县申报材料还能参考吗") is not None
    assert earlier_round("2021年国家知识产权强市建设试点那次，名单是哪天公布的") is not None  # the round's full name


def test_when_an_earlier_round_was_due_is_no_date_of_this_round(assistant: Assistant) -> None:
    answer = assistant.ask("2021年那次申报，当时国家局要求几号前报材料？", as_of=DAY)
    assert not any(part.startswith("when:") for part in answer.trace["parts"])


def test_a_work_orders_request_field_is_what_it_asks_however_labelled(assistant: Assistant) -> None:
    """诉求内容 is the request field as 诉求 is: the caller's unit in another field is the scene, not an applicant."""
    text = "工单编号：A-001\n来电人：王先生（某县农业农村局）\n诉求内容：来电人咨询中国专利奖的申报时间和条件。\n办理要求：请答复。"
    assert not assistant.ask(text, as_of=DAY).in_scope


@pytest.mark.parametrize("question", ["专利代理师资格考试今年什么时候报名？", "知识产权职称评审要什么条件？",
                                      "数据知识产权登记怎么办？", "创新型城市今年怎么申报？"])
def test_other_ip_matters_are_refused_naming_them(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert not answer.in_scope and "不属于" in answer.answer


def test_another_programmes_title_asked_about_is_no_applicant_unless_held() -> None:
    assert extract_profile("请问国家知识产权优势企业今年哪个月开始申报？").kind is None
    assert extract_profile("我们是2022年认定的高新技术企业，想报示范企业").kind == ApplicantKind.company


def test_the_speakers_own_county_is_no_hearsay_and_a_bracketed_level_is_the_parents() -> None:
    """听说我们县…评上过 doubts the title, not that the speaker's unit is a county; 某某市（地级市）下面的 names the
    level of the place above."""
    profile = extract_profile("听同事说我们县好像以前评过示范县，说不准。县归某某市（地级市）管的。")
    assert profile.kind == ApplicantKind.government
    assert profile.place is not None and profile.place.categories == [PlaceCategory.county_level]
    assert profile.recognized == [] and profile.unsure_recognized == ["county"]


def test_a_project_types_matter_is_no_title_claim() -> None:
    assert extract_profile("我们是某某市政府办，领导的意思是示范市那块今年先不考虑。").recognized == []


def test_a_department_annotated_by_its_citys_level_is_the_department() -> None:
    assert extract_profile("我是某某市（地级市）市场监督管理局知识产权科的，想问示范市能不能报？").kind == ApplicantKind.department


def test_a_founders_form_before_its_founding_is_not_the_applicants() -> None:
    """由一家股份公司全资出资设立，营业执照上是有限责任公司: the applicant is a limited company."""
    profile = extract_profile("我们研究院由一家上市公司全资出资设立，营业执照上是有限责任公司，能报示范企业吗？")
    assert profile.company.legal_form == LegalForm.llc


@pytest.mark.parametrize("text", [
    "我们是一家美资企业在苏州设立的实验室，注册为外商独资有限责任公司，能报示范科研机构吗？",
    "我们现在是某某控股集团的全资子公司“某某检测研究院有限公司”，想报示范科研机构。",
    "本院在科研院所体制改革中转制为企业，现为某某设计研究院有限公司，想报示范科研机构。",
])
def test_an_institute_registered_as_a_company_in_other_words_is_both(text: str) -> None:
    profile = extract_profile(text)
    assert {profile.kind, *profile.also} >= {ApplicantKind.institute, ApplicantKind.company}


def test_a_provincial_zone_in_a_county_keeps_its_level() -> None:
    assert extract_profile("我们是县里的省级高新区管委会，想报示范园区。").park.level == ParkLevel.provincial


def test_units_gathered_by_the_dozen_are_industry_clustering(assistant: Assistant) -> None:
    text = "我们是潍坊市临朐县人民政府，县城的知识产权服务园汇聚了四十多家代理和评估机构，想报服务业示范区。"
    assert statuses(assistant, text)["service_zone"] == "eligible"


def test_a_corps_city_named_by_its_division_is_a_corps_city() -> None:
    profile = extract_profile("我们是兵团第某师某某市，想报示范县。")
    assert profile.place is not None and profile.place.categories == [PlaceCategory.xpcc_city]


def test_a_place_asking_which_government_types_it_may_apply_for_is_its_government() -> None:
    """这几个 names the types listed, it asks no number; 服务业集聚示范区 beside 示范市 and 示范县 is one a government
    may apply for."""
    text = "阿拉尔市的，想了解示范市、示范县、服务业集聚示范区这几个我们能报哪个。"
    assert extract_profile(text).kind == ApplicantKind.government


def test_a_party_said_to_take_no_part_is_not_the_applicant() -> None:
    text = "我们是某某大学在海南设的一个热带作物试验站，学校自己出的钱，地方政府没参与。能报示范科研机构吗？"
    assert extract_profile(text).kind == ApplicantKind.institute


@pytest.mark.parametrize("text", ["我们是某某国家高新区“一区多园”中的一个园，想报示范园区。",
                                  "我们是国家级经开区的一个片区，有自己的管理办公室，想报示范园区。"])
def test_a_part_of_a_national_zone_does_not_hold_its_level(text: str) -> None:
    assert extract_profile(text).park.level is None


def test_which_form_to_fill_asks_for_the_application_form(assistant: Assistant) -> None:
    answer = assistant.ask("我们要交哪张表？", as_of=DAY)
    assert answer.in_scope and "申报书" in answer.answer


def test_a_field_of_the_application_form_is_the_unloaded_annexs_content(assistant: Assistant) -> None:
    answer = assistant.ask("申报书中“创建目标”这一栏要写多少字？", as_of=DAY)
    assert "未载入" in answer.answer and [c.id for c in answer.citations] == ["notice#annex.1"]


def test_whether_the_plaque_comes_at_once_asks_the_acceptance_clause(assistant: Assistant) -> None:
    answer = assistant.ask("材料交上去，是不是直接就给授牌？", as_of=DAY)
    assert "notice#4.3" in [c.id for c in answer.citations]


def test_units_said_to_be_many_below_the_applicant_are_not_its_level() -> None:
    profile = extract_profile("上海崇明区能不能报示范县？我们区下面乡镇很多，跟县差不多。")
    assert profile.place is not None and profile.place.categories == [PlaceCategory.municipal_district]


def test_the_service_zone_by_a_short_name_of_its_own_is_that_type() -> None:
    assert mentioned_types("区政府还想报服务业集聚区那个") == ["service_zone"]
    assert mentioned_types("我们区里有个服务业集聚区，能报示范县吗") == ["county"]
    assert mentioned_types("区里打算报示范市与服务业集聚区") == ["city", "service_zone"]  # named beside another type
    assert mentioned_types("区里有物流园与服务业集聚区，想报示范县") == ["county"]  # a place beside another place


def test_a_department_asking_what_its_place_may_apply_for_speaks_for_its_government() -> None:
    """区科技局的人说“我们区该报示范市还是示范县”: the district asks; a bureau asking of itself (我们局能报吗) does
    not."""
    assert extract_profile("我在武清区科技局，我们区该报示范市还是示范县？").kind == ApplicantKind.government
    assert extract_profile("我们是苏州市知识产权局，能申报示范市吗？").kind == ApplicantKind.department
    # 我们 as the subject: a bureau applies for no type, its place may; a zone committee's bureau speaks for the zone
    assert extract_profile("这里是溧阳市科技局。想请教下，我们这回能不能报示范县？").kind == ApplicantKind.government
    assert extract_profile("这里是某国家级经开区管委会经发局，我们能报示范园区吗").kind == ApplicantKind.park_committee


def test_a_city_level_place_referred_to_by_its_level_is_the_one_named_before() -> None:
    """替延边州问：州政府能不能报示范市？州里的延吉市能不能报示范县？ — each type for its own place."""
    profile = extract_profile("替延边州问两件事：州政府能不能报示范市？州里的延吉市能不能报示范县？")
    assert profile.places_proposed["city"].mention != profile.places_proposed["county"].mention
    assert PlaceCategory.county_level in profile.places_proposed["county"].categories


def test_a_zone_located_by_another_and_a_level_word_in_quotes_say_nothing_of_its_level() -> None:
    """位于某某国家高新区旁边 locates the zone; 担心“国家级”的称号… talks about the word."""
    assert extract_profile("枝江经济开发区是省级经开区，位于宜昌国家高新区旁边，能报示范园区吗").park.level \
        == ParkLevel.provincial
    assert extract_profile("来电人系省级开发区管委会工作人员，主任担心“国家级”的称号只有国家级开发区才能报。").park.level \
        == ParkLevel.provincial


def test_a_unit_named_as_a_landmark_is_not_the_applicant() -> None:
    text = "固始是省直管县，县里在工业园旁边建了一栋服务大楼，作为省直管县，我们县政府是报示范县还是报服务业示范区？"
    assert extract_profile(text).kind == ApplicantKind.government


@pytest.mark.parametrize("text", [
    "闵行区市场监管局：区政府研究后倾向于报示范县，行吗？",
    "奉节县科技局：县里想报示范县，我们是重庆的县，行不行？",
    "喂 你好 我这边是重庆秀山的 就是秀山土家族苗族自治县 科技局 嗯 我们县里面想报那个示范县 我们是重庆下面的县",
    "我是常熟市市场监管局的，市政府研究决定申报示范县，申报单位写“常熟市人民政府”，能报吗？",
])
def test_a_department_reporting_its_governments_intention_speaks_for_its_government(text: str) -> None:
    assert extract_profile(text).kind == ApplicantKind.government


def test_an_office_a_place_names_is_not_the_places_government() -> None:
    text = "我们是成都市锦江区知识产权服务业集聚区管理办公室，想报服务业集聚示范区。"
    assert extract_profile(text).kind != ApplicantKind.government


def test_a_zone_a_municipality_calls_its_own_is_provincial() -> None:
    assert extract_profile("我们是天津市政府批准设立的市级开发区管委会，在天津市西青区。").park.level == ParkLevel.provincial
    assert extract_profile("我们是苏州市政府批准设立的市级开发区管委会。").park.level == ParkLevel.below_provincial


def test_a_question_of_its_own_beside_the_wish_to_apply_is_answered_too(assistant: Assistant) -> None:
    """想报示范企业，是直接报给国家局吗 — the verdict, and the channel asked in its own clause; the conditions of
    applying stay the verdict's to answer."""
    answer = assistant.ask("我们是宁波一家有限公司，想报示范企业，是直接报给国家知识产权局吗？", as_of=DAY)
    assert answer.verdicts and "省级知识产权局" in answer.answer and "notice#4.1" in [c.id for c in answer.citations]


def test_filling_in_data_again_asks_the_burden_rule(assistant: Assistant) -> None:
    answer = assistant.ask("市局让我们把统计数据又填一遍，这些上面早就有，通知怎么说？", as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#5.2"]


def test_whether_being_chosen_makes_a_demonstration_unit_asks_the_acceptance_clause(assistant: Assistant) -> None:
    answer = assistant.ask("入选以后是不是就直接是示范单位了？", as_of=DAY)
    assert "notice#4.3" in [c.id for c in answer.citations]


def test_a_protection_centre_is_another_matter(assistant: Assistant) -> None:
    answer = assistant.ask("想申请建一个知识产权快速维权中心，要什么条件？", as_of=DAY)
    assert not answer.in_scope and "快速维权中心" in answer.answer


def test_whether_a_unit_holding_a_title_must_apply_this_time_gets_the_verdict(assistant: Assistant) -> None:
    answer = assistant.ask("我们市前年被确定为国家知识产权强市建设示范城市，这次要报吗？", as_of=DAY)
    assert "eligibility:" in answer.trace["parts"] and "继续有效" in answer.answer


def test_an_offer_to_pay_for_a_late_application_asks_the_fees_rule(assistant: Assistant) -> None:
    chat, late = Conversation(), date(2025, 10, 28)
    assistant.ask("我们是云南省宾川县的，示范县材料才弄好，现在还来得及吗？", chat, as_of=late)
    assistant.ask("那下一届什么时候？", chat, as_of=late)
    answer = assistant.ask("有人说交钱可以帮忙补报，这个能信吗", chat, as_of=late)
    assert [c.id for c in answer.citations] == ["notice#5.4"]


# A title held beside the one asked about: a parent's stays the parent's, a pilot or a neighbouring title exempts
# nothing; the subsidiary or the unit is judged by its own facts, with 四、（一） on recognised units.
@pytest.mark.parametrize(("text", "key", "note"), [
    ("母公司前年已认定为国家知识产权示范企业，我们是它旗下的子公司，有限责任公司，能报示范企业吗？", "enterprise", "上级单位已认定"),
    ("我们是湖北某地级市，2020年入选过国家知识产权强市建设试点城市，这届打算报示范市。", "city", "试点"),
    ("我司2022年获评国家知识产权优势企业，是有限责任公司，这次示范企业还用报吗？", "enterprise", "优势企业")])
def test_a_title_held_beside_the_type_is_noted_with_the_clause_on_recognised_units(assistant: Assistant, text: str,
                                                                                    key: str, note: str) -> None:
    verdict = assistant.check(text, as_of=DAY).verdicts[key]
    assert verdict.status == "eligible" and note in verdict.reason
    assert "notice#4.1" in [c.id for c in verdict.citations]


def test_a_number_a_province_may_recommend_at_most_asks_the_quota(assistant: Assistant) -> None:
    answer = assistant.ask("听说每个省最多推3个示范县，今年广西也是这样吗？", as_of=DAY)
    assert "名额" in answer.answer and "notice#annex.2" in [c.id for c in answer.citations]


@pytest.mark.parametrize("question", ["我们县想申请设立知识产权维权援助中心，要什么程序？",
                                      "我们市有个农产品想申请地理标志保护，要准备什么？"])
def test_wishing_to_apply_for_another_programme_is_no_question_of_eligibility(assistant: Assistant,
                                                                             question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert not answer.in_scope and "eligibility:" not in answer.trace["parts"]


def test_a_chat_groups_name_is_no_unit() -> None:
    assert extract_profile("高校交流群：示范高校的申报书模板哪里下载？").kind is None


def test_asking_whether_another_programme_is_the_same_as_this_one_stays_refused(assistant: Assistant) -> None:
    """优势企业…什么时候开始申报？和示范企业是一个通知吗？ — both pieces are about the other programme."""
    answer = assistant.ask("企业服务群：优势企业哪个月申报？和示范企业是一回事吗？", as_of=DAY)
    assert not answer.in_scope and not answer.verdicts


@pytest.mark.parametrize("question", ["前几批的示范园区都有谁？", "开代理机构的执业许可要什么条件？"])
def test_earlier_batches_and_an_agencys_licence_are_other_matters(assistant: Assistant, question: str) -> None:
    assert not assistant.ask(question, as_of=DAY).in_scope


def test_a_wish_far_back_in_an_unpunctuated_transcript_qualifies_nothing_later() -> None:
    text = "喂 我是佛山那边一个研究院的 叫南海智能装备研究院 嗯 想报那个示范科研机构 就是 我们这个研究院是区政府跟一家民营企业合作搞的"
    assert extract_profile(text).institute.founders


def test_paying_for_an_institute_is_founding_it() -> None:
    text = "我们研究院是一家民营企业出钱搞起来的，是民非，能报示范科研机构吗"
    assert Founder.private_enterprise in extract_profile(text).institute.founders


def test_where_a_company_is_from_is_not_its_government() -> None:
    text = ("你好 我们是温州这边的 瓯江新材 是民营的 股份有限公司 然后公司出钱 成立了一个研究院 叫瓯江新材料研究院 是民非 "
            "现在是想 用研究院的名义 报那个示范科研机构")
    assert extract_profile(text).kind != ApplicantKind.government
    assert extract_profile("我们是宁波鄞州这边的，想报示范县").kind == ApplicantKind.government


@pytest.mark.parametrize("text", ["我们是台州路桥区峰江街道一家做汽摩配的，车间里八十个工人，想问示范企业",
                                  "我们是湖南衡阳的一所省属本科院校（省政府举办），示范高校能报吗",
                                  "我们是江门新会的一家不锈钢制品厂，能报示范企业吗"])
def test_a_business_or_school_of_a_place_is_not_its_government(text: str) -> None:
    assert extract_profile(text).kind != ApplicantKind.government


@pytest.mark.parametrize("text", ["开发区里都是标准厂房，我们是省级开发区管委会", "我们是大厂回族自治县，想报示范县"])
def test_a_factory_building_or_a_place_is_no_works(text: str) -> None:
    assert extract_profile(text).kind != ApplicantKind.company


def test_two_titles_offered_then_a_doubt_is_no_claim() -> None:
    profile = extract_profile("我们公司以前评过一个国家级的，是示范企业还是优势企业，我记不太清楚了，今年要不要报？")
    assert profile.recognized == [] and profile.unsure_recognized == ["enterprise"]


def test_a_unit_a_note_names_by_item_number_is_the_one_screened() -> None:
    text = ("某市示范创建工作会纪要\n一、会议议程\n（一）听取汇报。\n二、申报意向\n（一）某某大学拟申报示范高校；\n"
            "（二）某某市林业科学研究院（市政府设立的事业单位）拟申报示范科研机构；\n"
            "（本次仅对第二项第（二）目所列单位进行预审）")
    assert extract_profile(text).kind == ApplicantKind.institute


def test_the_unit_after_a_long_founding_clause_that_applies_is_the_applicant() -> None:
    text = "某市人民政府常务会议纪要：会议同意，由市政府与省内一所高校共同举办的“某某光电研究院”（事业单位法人）申报示范科研机构。"
    assert extract_profile(text).kind == ApplicantKind.institute


def test_which_type_a_level_corresponds_to_is_no_title_claim() -> None:
    profile = extract_profile("我县拟申报示范创建项目，但不清楚县一级对应的是“示范市”还是“示范县”。")
    assert profile.recognized == [] and profile.unsure_recognized == []


@pytest.mark.parametrize("question", ["这届错过了还得等多久？", "今年错过了还得等多久？"])
def test_how_long_to_wait_after_missing_this_round_asks_the_next_round(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=date(2025, 11, 5))
    assert [c.id for c in answer.citations] == ["notice#1"] and "2028年" in answer.answer


def test_who_is_in_charge_at_the_national_office_asks_for_its_contacts(assistant: Assistant) -> None:
    answer = assistant.ask("示范企业国家局那边是谁负责？", as_of=DAY)
    assert answer.in_scope and [c.id for c in answer.citations] == ["notice#contacts"] and "徐俊峰" in answer.answer


def test_becoming_a_demonstration_unit_in_quotes_asks_the_acceptance_clause(assistant: Assistant) -> None:
    answer = assistant.ask("我们已入选创建对象。请问最终怎么才能正式成为“示范单位”？验收以后会授牌吗？", as_of=DAY)
    assert answer.in_scope and "notice#contacts" not in [c.id for c in answer.citations]
    assert "notice#4.3" in [c.id for c in answer.citations]


@pytest.mark.parametrize("text", ["我县的生物医药产业园这两年引进了不少项目，想问问能报哪个示范？",
                                  "我旗的农牧业科技园区去年通过了验收，想了解一下能报哪一项"])
def test_a_unit_after_the_speakers_own_place_belongs_to_that_place(text: str) -> None:
    assert extract_profile(text).kind == ApplicantKind.government


def test_a_zone_speaking_of_itself_keeps_its_own_kind() -> None:
    assert extract_profile("我区（省级经开区）管委会想报示范园区").kind == ApplicantKind.park_committee


def test_a_question_without_subject_after_saying_what_the_place_is_asks_for_that_place() -> None:
    text = "我在温州市平阳县科技局办公室，分管县长让我打听：平阳是温州管辖的县，这回能不能申报示范县？"
    profile = extract_profile(text)
    assert profile.kind == ApplicantKind.government and profile.place is not None and profile.place.county == "平阳县"


@pytest.mark.parametrize("text", ["我们属于四川一个县级市，想报示范县", "我们是九江一个县，想报示范县"])
def test_a_numeral_in_a_place_name_counts_nothing(text: str) -> None:
    assert PlaceCategory.county_level in extract_profile(text).place.categories


def test_a_city_said_without_its_level_leaves_the_level_open() -> None:
    place = extract_profile("您好，我们是江西的一个市，市里想了解示范市怎么报").place
    assert place is not None and place.categories == [] and "级别尚不确定" in place.description


def test_a_company_that_would_file_in_a_zones_stead_is_the_applicant() -> None:
    text = "我们是某某新区下属的城投平台公司（有限责任公司，独立法人），主任想让我们公司代表园区去报示范园区，这样行不行？"
    assert extract_profile(text).kind == ApplicantKind.company


def test_a_zone_a_company_would_file_for_is_not_screened_as_an_applicant(assistant: Assistant) -> None:
    text = "开发区的运营公司是国有独资的有限公司，能不能代替管委会申报示范园区？"
    assert ApplicantKind.park_committee not in extract_profile(text).also
    assert statuses(assistant, text)["park"] == "ineligible"


def test_a_unit_that_asks_whether_it_may_apply_puts_itself_forward_for_that_type() -> None:
    text = "某某市科技局：市人民政府准备报示范市，也想以市政府名义报服务业集聚示范区；另外市里的高新区管委会咨询能否报示范园区。"
    proposed = extract_profile(text).proposed
    assert proposed == {"city": ApplicantKind.government, "service_zone": ApplicantKind.government,
                        "park": ApplicantKind.park_committee}


@pytest.mark.parametrize("text", ["市里的青川经济开发区（省级）管委会想报示范园区", "县里的工业园是省级的，管委会想报示范园区"])
def test_a_zone_of_a_place_keeps_the_level_said_after_its_name(text: str) -> None:
    assert extract_profile(text).park.level == ParkLevel.provincial


def test_an_institute_registered_into_a_company_form_is_both_kinds() -> None:
    profile = extract_profile("我们技术研究院去年在市场监管局登记成了股份有限公司，能不能报示范企业？")
    assert profile.kind == ApplicantKind.institute and ApplicantKind.company in profile.also


@pytest.mark.parametrize("question", ["市里想争取知识产权运营服务体系建设项目，几月份开始报？",
                                      "我们想建一个技术与创新支持中心，什么时候可以申请？"])
def test_a_neighbouring_programme_asked_with_a_time_is_not_this_rounds_timetable(assistant: Assistant,
                                                                                  question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert not answer.in_scope and "不属于" in answer.answer


@pytest.mark.parametrize("question", ["这届来不及了，后年再申报可以吗？", "错过这一轮的话，明年还可以申报不？"])
def test_applying_next_year_asks_when_the_next_round_starts(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=date(2025, 11, 12))
    assert [c.id for c in answer.citations] == ["notice#1"] and "2028年" in answer.answer


def test_a_follow_up_about_applying_next_year_is_no_eligibility_question(assistant: Assistant) -> None:
    first = "我们是江西省上饶市广丰区，现在还能报示范县吗？"
    answer = assistant.ask("那后年再报呢？", conversation=assistant.conversation_from([first]),
                           as_of=date(2025, 11, 12))
    assert [c.id for c in answer.citations] == ["notice#1"]


@pytest.mark.parametrize("question", ["我们区打算报示范县，申报书是直接送国家知识产权局还是交市里？",
                                      "我们学校准备报示范高校，材料直接寄到北京还是先给省里？"])
def test_an_alternative_question_beside_the_wish_to_apply_is_answered_too(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=date(2025, 10, 1))
    assert "notice#4.1" in [c.id for c in answer.citations]


def test_a_pilot_title_the_speaker_already_tells_apart_needs_no_note(assistant: Assistant) -> None:
    verdict = assistant.check("我们是湖北某地级市，是国家知识产权强市建设试点城市，不是示范市，这届打算报示范市。",
                              as_of=DAY).verdicts["city"]
    assert "试点" not in verdict.reason


def test_a_pilot_asking_whether_to_apply_again_gets_its_verdict_not_the_exemption(assistant: Assistant) -> None:
    answer = assistant.ask("我们是江西省赣州市南康区，早年是国家知识产权强县工程试点县，这届示范县是不是还得重新报？", as_of=DAY)
    assert not answer.answer.startswith("此前年度已认定")
    assert "试点" in answer.check.verdicts["county"].reason


@pytest.mark.parametrize("question", ["评上了以后会不会颁个牌匾？", "当上示范县之后给不给挂块牌子？"])
def test_a_plaque_asked_about_is_the_acceptance_clause_that_awards_it(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert "notice#4.3" in [c.id for c in answer.citations]


def test_a_college_the_school_is_said_to_have_is_part_of_it() -> None:
    profile = extract_profile("学校的机械工程学院能不能以学院的名义单独报示范高校？")
    assert profile.kind == ApplicantKind.university and profile.university.independent_legal_person is False


def test_a_school_named_a_college_is_no_part_of_another() -> None:
    assert extract_profile("我们学校叫某某理工学院，想报示范高校").university.independent_legal_person is None


def test_the_schools_title_stays_the_schools_when_a_follow_up_asks_about_one_of_its_colleges() -> None:
    school = extract_profile("我们学校2021年已被认定为国家知识产权示范高校。")
    college = extract_profile("学校的机械工程学院能不能以学院的名义单独报示范高校？", school)
    assert college.recognized == [] and college.parent_recognized == ["university"]


def test_a_part_of_a_national_zone_with_no_level_of_its_own_is_asked_about(assistant: Assistant) -> None:
    text = "我们是某某国家经开区下面的一个片区，片区有自己的管理委员会，但没有单独的省级批文，想报示范园区"
    verdict = assistant.check(text, as_of=DAY).verdicts["park"]
    assert verdict.status == "needs_info" and "分园" in verdict.reason


def test_a_part_of_a_national_zone_that_is_a_provincial_zone_itself_may_apply(assistant: Assistant) -> None:
    text = "我们是某某国家高新区的一个分园，分园本身也是省政府批准的省级高新区，有独立的管委会，想报示范园区"
    assert assistant.check(text, as_of=DAY).verdicts["park"].status == "eligible"


def test_a_zone_named_as_the_subject_of_a_question_is_no_place_asking() -> None:
    text = "我们是高新区管委会科技局的，想问示范园区和服务业集聚区可以一起报吗？"
    assert extract_profile(text).kind == ApplicantKind.park_committee


def test_an_institute_named_by_its_short_form_is_an_institute() -> None:
    profile = extract_profile("市林科所属于事业单位，由市政府设立，请问能报示范企业和示范科研机构吗")
    assert profile.kind == ApplicantKind.institute and Founder.local_government in profile.institute.founders


def test_two_cases_asked_with_one_question_are_each_answered(assistant: Assistant) -> None:
    answer = assistant.ask("假如验收不合格，或者评上之后工作松懈了，分别会怎么处理？", as_of=DAY)
    cited = [c.id for c in answer.citations]
    assert "notice#4.3" in cited and "notice#4.5" in cited


@pytest.mark.parametrize("question", ["材料交上去是不是就一定能入选创建对象？", "只要省局推荐，是不是肯定能成为创建对象？"])
def test_whether_applying_makes_a_creation_object_asks_the_selection(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.in_scope and "notice#4.2" in [c.id for c in answer.citations]


def test_a_creation_object_in_a_condition_is_not_what_is_asked(assistant: Assistant) -> None:
    answer = assistant.ask("我们园区如果被选为创建对象，国家会给哪些支持？", as_of=DAY)
    assert "择优确定创建对象" not in answer.answer.split("依据")[0]


@pytest.mark.parametrize(("text", "kind"), [
    ("园区管委会人手不够，打算由区人民政府作为申报单位来报示范园区，可以吗？", ApplicantKind.government),
    ("我们是某大学的校办企业（有限责任公司），学校想让我们公司来当申报主体报示范高校，行不行？", ApplicantKind.company)])
def test_the_unit_said_to_be_the_applicant_is_the_applicant(text: str, kind: ApplicantKind) -> None:
    assert extract_profile(text).kind == kind


def test_an_internal_institute_without_legal_personality_is_asked_about(assistant: Assistant) -> None:
    text = "我们是一家省属国有企业的技术研究院，属于公司内设部门，没有单独的法人登记，能报示范科研机构吗？"
    verdict = assistant.check(text, as_of=DAY).verdicts["institute"]
    assert verdict.status == "needs_info" and verdict.ask


@pytest.mark.parametrize("text", ["我们是自然资源部直属的海洋研究所，想报示范科研机构",
                                  "本院是国家林业和草原局主管的事业单位性质的研究院"])
def test_an_institute_of_a_ministry_or_a_national_bureau_is_set_up_by_the_centre(text: str) -> None:
    assert Founder.central_government in extract_profile(text).institute.founders


def test_a_groups_headquarters_is_no_ministry() -> None:
    assert Founder.central_government not in extract_profile("我们是集团总部下属的研究院").institute.founders


def test_an_institute_set_up_by_a_federation_is_set_up_by_an_association() -> None:
    profile = extract_profile("某某材料研究院（民办非企业单位）的举办单位是省纺织工业联合会，能不能报示范科研机构？")
    assert profile.institute.founders == [Founder.association]


def test_what_else_a_unit_may_apply_for_is_no_timetable_question(assistant: Assistant) -> None:
    first = "北京市海淀区人民政府想报服务业集聚示范区。"
    answer = assistant.ask("那海淀区政府还可以报什么？", conversation=assistant.conversation_from([first]), as_of=DAY)
    assert "notice#2.1" in [c.id for c in answer.citations]
    assert assistant.ask("现在还能报吗？", as_of=DAY).route != answer.route


def test_whether_a_fact_just_told_matters_is_asked_of_the_applicant(assistant: Assistant) -> None:
    answer = assistant.ask("我们是某某科技城管委会，园区到底算不算省级开发区我也说不清，这个有没有影响？", as_of=DAY)
    assert answer.in_scope and "notice#2.3" in [c.id for c in answer.citations]


def test_whether_a_fact_told_later_rules_the_applicant_out_is_its_eligibility(assistant: Assistant) -> None:
    answer = asked_after(assistant, "本公司是注册在杭州的有限责任公司，想申报示范企业", "营业执照今年三月才领，是否因为年头太短不够格？")
    assert answer.in_scope and answer.trace["parts"] == ["eligibility:"] and "notice#2.5" in [c.id for c in answer.citations]


def test_how_a_zone_is_upgraded_is_another_matter(assistant: Assistant) -> None:
    answer = assistant.ask("我们省级经开区想升级为国家级经开区，升级程序是怎样的？", as_of=DAY)
    assert not answer.in_scope and "不属于" in answer.answer


@pytest.mark.parametrize("question", ["入选创建对象以后是不是马上就算示范县了？", "名单公布了我们就直接是示范企业了吧？"])
def test_a_creation_object_is_told_the_way_to_recognition(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    cited = [c.id for c in answer.citations]
    assert "notice#4.2" in cited and "notice#4.3" in cited and "2027年底前" in answer.answer


def test_the_note_on_a_neighbouring_title_is_said_once_not_every_turn() -> None:
    first = extract_profile("我们是国家知识产权优势企业，有限责任公司。")
    assert first.piloted == ["enterprise"]
    assert extract_profile("那申报书交给谁？", first).piloted == []


def test_the_stage_during_creation_says_what_is_done_in_it(assistant: Assistant) -> None:
    answer = assistant.ask("眼下整个示范创建走到哪个环节了？这段时间国家局主要做什么？", as_of=date(2026, 3, 2))
    assert "创建对象名单" in answer.answer and "创建周期内" in answer.answer


def test_what_a_recognised_unit_does_afterwards_includes_sharing_its_experience(assistant: Assistant) -> None:
    answer = assistant.ask("认定之后示范单位还得做些什么？", as_of=DAY)
    assert "分享先进经验" in answer.answer and "以点带面" in answer.answer


def test_who_passed_the_question_on_is_no_part_of_it(assistant: Assistant) -> None:
    answer = assistant.ask("领导问：是不是每个区都得报一个，有没有硬性要求？", as_of=DAY)
    assert [c.id for c in answer.citations] == ["notice#4.1"] and "自愿" in answer.answer


def test_whether_materials_may_go_straight_to_the_national_office_asks_the_channel(assistant: Assistant) -> None:
    answer = assistant.ask("我们公司可以直接把申报材料报给国家局吗，还是要经过省局？", as_of=DAY)
    assert [c.id for c in answer.citations][:1] == ["notice#4.1"]


@pytest.mark.parametrize("text", ["我们是湖南某地级市政府，市本级能报示范市吗，还是只能下面的区县报？",
                                  "我们是地级市政府，这次是市里报还是让各县市区去报？"])
def test_the_units_of_a_level_in_general_state_no_level_of_the_applicant(text: str) -> None:
    assert PlaceCategory.prefecture_city in extract_profile(text).place.categories


@pytest.mark.parametrize("follow_up", ["补充一下：我们是省交通投资集团出资设立的，集团是省属国企",
                                       "对了 我们是 一家 民营 上市公司 投资 设立 的"])
def test_a_founder_told_in_a_later_turn_keeps_the_institute_the_applicant(follow_up: str) -> None:
    institute = extract_profile("我们是一家工程技术研究院，独立法人，想报示范科研机构。")
    profile = extract_profile(follow_up, institute)
    assert profile.kind == ApplicantKind.institute and profile.institute.founders


def test_a_school_in_a_companys_name_is_whose_the_company_is() -> None:
    text = "请看一下湘江大学科技发展有限公司，大学全资，有人说校办企业不能报"
    assert extract_profile(text).kind == ApplicantKind.company


@pytest.mark.parametrize("question", ["需要走什么流程？我们县想搞一个专利导航服务基地。",
                                      "条件有哪些？我们想了解的是知识产权运营服务体系建设那个项目。"])
def test_a_question_before_the_sentence_naming_another_programme_is_asked_of_it(assistant: Assistant,
                                                                                  question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert not answer.in_scope and "不属于" in answer.answer


@pytest.mark.parametrize("text", [
    # each unit screened alone for the type it wants
    "台州市监局转两家单位：（1）台州黄岩模具有限公司上海分公司，不是独立法人，想报示范企业；（2）台州市水产研究所，由市政府设立，想报示范科研机构。",
    # the words before the list say whose the units are (集团是市属国企: the institute's founder is state-owned)
    "集团（海螺建材集团有限公司，市属国有企业）下面两家想报：（1）海螺建材销售分公司，没有独立法人资格，想报示范企业；"
    "（2）海螺建材研究院，集团出资设立，想报示范科研机构。"])
def test_each_unit_of_a_numbered_list_is_screened_for_the_type_it_wants(assistant: Assistant, text: str) -> None:
    assert {key: statuses(assistant, text)[key] for key in ("enterprise", "institute")} == \
        {"enterprise": "ineligible", "institute": "eligible"}


def test_numbered_questions_about_one_unit_are_no_list_of_units(assistant: Assistant) -> None:
    text = "我们园区2022年已是国家知识产权示范园区，问两件事：1. 示范园区这次要重新报吗？2. 园区能不能报服务业集聚示范区？"
    assert statuses(assistant, text)["park"] == "already_recognized"


def test_the_service_zone_spoken_of_as_a_matter_says_nothing_of_clustering(assistant: Assistant) -> None:
    text = "台州市黄岩区人民政府想报示范县和服务业集聚示范区。服务业集聚方面，区里到底算不算集聚，我说不好。"
    assert statuses(assistant, text)["service_zone"] == "needs_info"


def test_a_company_whose_licence_is_still_being_issued_is_not_yet_set_up(assistant: Assistant) -> None:
    assert statuses(assistant, "朋友新注册的公司，营业执照还在办，想先报示范企业")["enterprise"] == "ineligible"


def test_an_aside_in_brackets_states_a_fact_the_wish_before_it_does_not_govern(assistant: Assistant) -> None:
    text = "外国语学院想以学院名义单独报示范高校（外国语学院不是独立法人，学校是普通本科）"
    assert extract_profile(text).university.independent_legal_person is False
    assert statuses(assistant, text)["university"] == "ineligible"


def test_who_relays_a_question_did_not_set_the_institute_up(assistant: Assistant) -> None:
    text = "区局转来：有个研究院想报示范科研机构，出资方是谁对方没说。"
    assert extract_profile(text).institute.founders == []
    assert statuses(assistant, text)["institute"] == "needs_info"


def test_a_short_question_opening_with_a_demonstrative_is_asked_of_the_sentence_before(assistant: Assistant) -> None:
    answer = assistant.ask("有家企业打算把研发投入多填一些，觉得省里不会细看。这个问题严重吗？", as_of=DAY)
    assert answer.in_scope and answer.citations[0].id == "notice#5.4"


def test_whether_a_title_lapses_is_asked_of_its_validity_not_of_the_deadline(assistant: Assistant) -> None:
    answer = assistant.ask("我们早就认定为示范企业了，称号会不会失效？这个牌子有效期几年？", as_of=DAY)
    assert {c.id for c in answer.citations} == {"notice#4.1", "notice#4.5"}
    assert "继续有效" in answer.answer and "取消资格" in answer.answer


def test_being_late_by_some_days_asks_whether_it_is_still_time(assistant: Assistant) -> None:
    answer = assistant.ask("材料估计要比要求迟两天才能交到省局，省局还会收吗？", as_of=date(2025, 10, 20))
    assert "2025年10月24日" in answer.answer and "notice#closing" in {c.id for c in answer.citations}


def test_the_stage_now_is_asked_apart_from_the_step_told_before_it(assistant: Assistant) -> None:
    answer = assistant.ask("我们上个月已经由省局推荐上报了，目前处在哪个阶段？", as_of=date(2026, 3, 1))
    assert "推动创建阶段" in answer.answer and answer.citations[0].id == "notice#4.2"


def test_who_goes_down_as_the_applicant_is_the_government_the_question_names(assistant: Assistant) -> None:
    answer = assistant.ask("申报主体填县科技局还是填县人民政府？", as_of=DAY)
    assert answer.in_scope and answer.citations[0].id == "notice#2.2"


def test_sending_the_materials_straight_to_the_national_office_asks_how_to_apply(assistant: Assistant) -> None:
    answer = assistant.ask("申报书能不能直接发到国家知识产权局的邮箱？", as_of=DAY)
    assert answer.in_scope and answer.citations[0].id == "notice#4.1" and "省级知识产权局" in answer.answer


@pytest.mark.parametrize(("question", "step"), [("国家局评审时需要现场答辩吗", "notice#4.2"),
                                                ("对公示的推荐名单有意见，异议向谁提", "notice#4.1"),
                                                ("评审专家怎么产生，和申报单位有关系的要不要回避", "notice#4.2"),
                                                ("报给省局的材料要准备几份？要不要装订", "notice#4.1"),
                                                ("推荐对象公示期是多少个工作日", "notice#4.1")])
def test_a_detail_the_notice_leaves_open_is_declined_with_what_it_says_of_the_step(
        assistant: Assistant, question: str, step: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert not answer.in_scope and answer.answer.startswith("通知没有规定")
    assert answer.citations[0].id == step


@pytest.mark.parametrize("question", ["省局定了推荐名单以后要不要公示", "省里推荐之前是不是还得公示？"])
def test_whether_the_recommendations_are_publicised_is_answered(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.in_scope and "经公示无异议" in answer.answer and answer.citations[0].id == "notice#4.1"


@pytest.mark.parametrize("question", ["学校的技术转移中心想申请国家技术转移示范机构，怎么报", "单项冠军企业今年什么时候开始申报"])
def test_programmes_of_other_ministries_are_other_matters(assistant: Assistant, question: str) -> None:
    assert not assistant.ask(question, as_of=DAY).in_scope


def test_a_company_holding_another_ministrys_title_is_still_screened(assistant: Assistant) -> None:
    assert statuses(assistant, "我们是专精特新小巨人，股份有限公司，想报示范企业")["enterprise"] == "eligible"


def test_what_a_form_asks_for_is_the_annexs_even_when_another_clause_shares_a_word(assistant: Assistant) -> None:
    answer = assistant.ask("回执上要填写哪些信息？联络员的办公电话也要写上吗？", as_of=DAY)
    assert not answer.in_scope and "未载入" in answer.answer and [c.id for c in answer.citations] == ["notice#annex.4"]


def test_a_unit_holding_a_title_asking_about_the_next_round_hears_both(assistant: Assistant) -> None:
    answer = assistant.ask("我们市早就认定为示范市了，下一轮还需要再报吗？", as_of=date(2028, 2, 1))
    assert {"notice#1", "notice#4.1"} <= {c.id for c in answer.citations} and "继续有效" in answer.answer


def test_a_follow_up_asking_about_another_unit_with_a_fact_after_it_turns_to_that_unit(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是一家有限责任公司，想报示范企业", "公司出资办的研究所呢？公司是民营企业。")
    assert answer.citations[0].id == "notice#2.7" and "民营企业" in answer.answer


def test_a_zone_introduced_with_haiyou_is_another_unit_with_its_own_level() -> None:
    assert extract_profile("我们县里还有一个省级高新区，管委会也想报示范园区").park.level == ParkLevel.provincial
    assert extract_profile("学校是高职专科，还有几个本科专业").university.level == UniversityLevel.junior


def test_what_it_takes_to_end_up_recognised_is_the_acceptance(assistant: Assistant) -> None:
    answer = assistant.ask("假如被选为创建对象，要走完哪些程序才能最终认定为示范单位？", as_of=DAY)
    assert answer.citations[0].id == "notice#4.3" and "评估验收" in answer.answer


def test_shenme_shijian_asks_when(assistant: Assistant) -> None:
    answer = assistant.ask("省局最晚要在什么时间前把推荐材料报上去", as_of=DAY)
    assert "2025年10月24日" in answer.answer
    assert pattern("when").search("材料要在什么时间之前交齐")


def test_a_research_headquarters_is_an_institute() -> None:
    assert extract_profile("某汽车集团研发总院想报示范科研机构").kind == ApplicantKind.institute


def test_who_speaks_in_a_chat_record_is_no_place_of_the_applicant(assistant: Assistant) -> None:
    text = ("【某区局 小王】示范市只能地级市报吧\n【市局 老李】副省级城市也能报\n"
            "【市局 老李】@智能助手 青岛市人民政府能不能报示范市？")
    assert statuses(assistant, text)["city"] == "eligible"


def test_before_the_application_period_it_has_not_started(assistant: Assistant) -> None:
    answer = assistant.ask("示范企业现在可以报了吗？", as_of=date(2025, 8, 10))
    assert "尚未开始" in answer.answer and "仍在申报期内" not in answer.answer
    assert "notice#signature" in {c.id for c in answer.citations}


def test_who_decides_which_units_are_recommended_is_how_applying_works(assistant: Assistant) -> None:
    answer = assistant.ask("我们市局能不能决定推荐哪家", as_of=DAY)
    assert answer.in_scope and "择优确定推荐对象" in answer.answer and answer.citations[0].id == "notice#4.1"


def test_who_relays_a_message_before_a_colon_is_not_the_applicant(assistant: Assistant) -> None:
    text = "武汉东湖高新区招商局：园区一家股份有限公司想报示范企业，能报吗？"
    assert extract_profile(text).kind == ApplicantKind.company
    assert statuses(assistant, text)["enterprise"] == "eligible"
    assert statuses(assistant, "兰考县人民政府：我县为省直管县，拟申报示范县。")["county"] == "eligible"


@pytest.mark.parametrize(("text", "kind"), [
    ("江南理工大学成果转化办：我们想报示范高校，材料直接交给省知识产权局可以吗", ApplicantKind.university),
    ("东海研究所科研处：请问材料是报到市市场监管局吗？我们想申报示范科研机构", ApplicantKind.institute),
    ("某某电子股份有限公司法务部：向区知识产权局报送材料的时间是哪天？我们拟报示范企业", ApplicantKind.company)])
def test_the_office_the_materials_go_to_is_not_the_applicant(text: str, kind: ApplicantKind) -> None:
    assert extract_profile(text).kind == kind


def test_a_unit_said_to_be_inside_a_zone_is_the_applicant_not_the_zone() -> None:
    assert extract_profile("我们开发区里一家有限公司想报示范企业").kind == ApplicantKind.company


def test_an_agency_asking_about_its_own_fee_hears_what_the_rule_on_fees_binds(assistant: Assistant) -> None:
    answer = assistant.ask("我们是一家知识产权代理公司，替企业代写申报书并收取服务费，通知允许吗？", as_of=DAY)
    assert "没有对中介机构" in answer.answer and "真实报送相关信息" in answer.answer
    assert assistant.ask("申报示范企业要交评审费吗", as_of=DAY).answer.startswith("不收取任何费用")


def test_whether_a_neighbouring_title_counts_as_recognised_is_answered_with_its_verdict(assistant: Assistant) -> None:
    answer = assistant.ask("我们是有限责任公司，前年评上了国家知识产权优势企业，这算不算此前已认定、这次不用再申报？", as_of=DAY)
    assert answer.in_scope and answer.check is not None
    assert answer.check.verdicts["enterprise"].status == "eligible" and "不是已认定的示范企业" in answer.answer


def test_a_follow_up_asking_whether_a_neighbouring_title_counts_is_no_refusal(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是股份有限公司，想报示范企业", "补充一下：我们被认定为国家知识产权优势企业，是否属于此前已认定、此届不需申报？")
    assert answer.in_scope and "notice#4.1" in {c.id for c in answer.citations}


def test_being_asked_for_data_the_asker_already_holds_is_the_burden_rule(assistant: Assistant) -> None:
    answer = assistant.ask("上面要我们交专利证书复印件，可这些材料省局早就掌握了，合理吗", as_of=DAY)
    assert answer.in_scope and "减负" in answer.answer


def test_which_type_is_easier_to_win_is_a_prediction_not_a_screening(assistant: Assistant) -> None:
    answer = assistant.ask("我们区报示范县合适还是报示范市合适，哪个胜算大？", as_of=DAY)
    assert not answer.in_scope and "预测" in answer.answer


def test_land_quotas_are_another_matter(assistant: Assistant) -> None:
    assert not assistant.ask("示范园区认定后，园区的用地指标能不能倾斜", as_of=DAY).in_scope


@pytest.mark.parametrize(("text", "day"), [("材料要下个月才弄得完", date(2025, 11, 1)), ("月底前后能交", date(2025, 10, 31)),
                                           ("通知说10月24日前报，我们10月28号交", date(2025, 10, 28)),
                                           ("下周能交齐", date(2025, 10, 27)), ("我们想问截止时间", None)])
def test_the_day_a_question_speaks_of_is_counted_from_today(text: str, day: date | None) -> None:
    assert said_date(text, date(2025, 10, 20)) == day


def test_materials_ready_after_the_deadline_are_too_late(assistant: Assistant) -> None:
    late = assistant.ask("企业下个月才能把材料弄好，还赶得上吗？", as_of=date(2025, 10, 20)).answer
    early = assistant.ask("企业10月22号能把材料弄好，还赶得上吗？", as_of=date(2025, 10, 10)).answer
    assert "赶不上本届" in late and "2025年11月1日" in late and "赶不上本届" not in early


def test_a_current_period_says_how_many_days_are_left(assistant: Assistant) -> None:
    assert "距结束还剩296天" in assistant.ask("创建期还有多久结束？", as_of=date(2027, 3, 10)).answer


def test_the_application_period_gives_no_days_left_to_its_end(assistant: Assistant) -> None:
    assert "距结束还剩" not in assistant.ask("申报材料什么时候交到省里？", as_of=date(2025, 9, 25)).answer


def test_the_level_of_a_zone_the_applicant_manages_is_that_zones() -> None:
    text = "管委会系国家级经开区管委会，托管了一个市级产业园，想报示范园区"
    assert extract_profile(text).park.level == ParkLevel.national


@pytest.mark.parametrize(("text", "founders"), [
    ("我在一所市属本科院校当老师，我带的团队办了个研究中心，能报示范科研机构吗", []),
    ("研究院由东江大学独资举办。学校是市属的。", [Founder.university]),
    ("南岭农业大学（农业农村部直属）出资设立了这家研究所", [Founder.university]),
    ("研究院由区属国企出资设立", [Founder.state_owned_enterprise]),
    ("研究所是县属事业单位", [Founder.local_government]),
])
def test_an_owner_said_of_another_unit_is_not_the_institutes_founder(text: str, founders: list[Founder]) -> None:
    assert extract_profile(text).institute.founders == founders


@pytest.mark.parametrize(("text", "level"), [
    ("兰州交通大学科技处：想了解示范高校的申报", UniversityLevel.undergraduate),
    ("我们是昆明冶金职业技术大学，能报示范高校吗", UniversityLevel.vocational_undergraduate),
    ("我们是四川开放大学，能报示范高校吗", UniversityLevel.adult),
    ("我们是长江大学荆州校区，想单独报示范高校", None),
    ("我们是一所大学，想报示范高校", None),
])
def test_a_school_named_a_daxue_is_undergraduate_unless_its_name_says_otherwise(text: str, level) -> None:
    assert extract_profile(text).university.level == level


@pytest.mark.parametrize(("text", "level"), [
    ("我们学院能授予硕士学位，在合肥，想报示范高校", UniversityLevel.undergraduate),
    ("学校是博士学位授予单位，省教育厅管", UniversityLevel.undergraduate),
    ("我们学院有四十多位博士老师，是高职", UniversityLevel.junior),  # doctors who teach: no degree it awards
])
def test_a_school_awarding_masters_or_doctors_degrees_is_undergraduate(text: str, level: UniversityLevel) -> None:
    assert extract_profile(text).university.level == level


@pytest.mark.parametrize("text", ["我们是市人社局批准成立的职业培训学校，叫某某商学院，想报示范高校",
                                  "我们学院归人力资源和社会保障厅审批，是技工教育，能报示范高校吗"])
def test_a_school_the_labour_administration_approves_is_no_school_the_education_one_set_up(
        assistant: Assistant, text: str) -> None:
    assert statuses(assistant, text)["university"] == "ineligible"


@pytest.mark.parametrize("text", ["我们是驻西安的一所军事院校，能报示范高校吗",
                                  "学校归中央军委训练管理部门管理，本科层次，想报示范高校"])
def test_a_school_of_the_armed_forces_is_not_set_up_by_the_education_administration(assistant: Assistant,
                                                                                     text: str) -> None:
    assert statuses(assistant, text)["university"] == "ineligible"


def test_a_programme_inside_a_university_is_screened_as_a_part_and_the_university_itself_afresh(
        assistant: Assistant) -> None:
    conversation = Conversation()
    answer = assistant.ask("我负责学校的一个中澳合作办学项目，项目不是独立的机构，能单独报示范高校吗", conversation, as_of=DAY)
    assert answer.check.verdicts["university"].status == "ineligible"
    answer = assistant.ask("那学校本身呢？是省属普通本科", conversation, as_of=DAY)
    assert answer.check.verdicts["university"].status == "eligible"


def test_a_kind_noun_naming_back_a_unit_of_two_kinds_keeps_both(assistant: Assistant) -> None:
    text = "一家民营集团出资设立了“合肥芯途微电子研究院有限公司”，独立法人。研究院准备报示范科研机构，另外问下能否同时算示范企业。"
    assert statuses(assistant, text)["enterprise"] == "eligible"


def test_a_unit_named_as_a_branch_is_one_whatever_is_said_of_its_head_office(assistant: Assistant) -> None:
    text = "执照名称：“宁波某某电器有限公司余姚分公司”，总公司在宁波，今年总公司不报，分公司可以单独报示范企业吗"
    assert extract_profile(text).company.branch is True
    assert statuses(assistant, text)["enterprise"] == "ineligible"


def test_a_follow_up_taking_back_the_founder_read_before_replaces_it(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们研究所是事业单位，举办单位一栏是市科技局，能报示范科研机构吗", "不对不对，举办单位那格填的是“滨江理工大学”，市科技局那格是业务指导单位。")
    assert answer.in_scope and answer.check.profile.institute.founders == [Founder.university]
    assert answer.check.verdicts["institute"].status != "eligible"


def test_a_government_leading_a_joint_founding_is_a_founder_not_the_applicant() -> None:
    profile = extract_profile("我们是台州市政府牵头、和一所211大学共建的研究院，能报示范科研机构吗？")
    assert profile.kind == ApplicantKind.institute and Founder.local_government in profile.institute.founders


def test_a_word_naming_no_title_counts_only_right_after_the_title(assistant: Assistant) -> None:
    text = "咱们 是 地级市 以前 好像 获评过 示范市 或者 是 试点城市 时间 太久 说不清 这次 示范市 要报吗"
    assert statuses(assistant, text)["city"] == "needs_info"


@pytest.mark.parametrize(("first", "follow_up"), [
    ("我们是某集团在无锡的分公司，能报示范企业吗", "那让南京的总公司出面申报呢？"),
    ("我们集团想报示范企业，集团是股份有限公司", "扬州那边的是控股子公司，具有独立法人资格，它能报吗"),
])
def test_a_head_office_or_a_subsidiary_that_is_a_legal_person_is_a_company(assistant: Assistant, first: str,
                                                                           follow_up: str) -> None:
    answer = asked_after(assistant, first, follow_up)
    assert answer.check.verdicts["enterprise"].status == "eligible"


def test_a_bureau_describing_its_place_by_level_speaks_for_its_government(assistant: Assistant) -> None:
    text = "您好，我在张家港市科技局工作。张家港是县级市，由苏州代管，示范市和示范县哪个能报？"
    assert statuses(assistant, text)["county"] == "eligible"


@pytest.mark.parametrize(("text", "asking"), [("听说申报要交评审费，真的假的", True), ("示范县是不是三年一届", True),
                                              ("不对不对，我们园区是省级的。", False)])
def test_a_not_a_question_asks_but_taking_back_what_was_said_does_not(text: str, asking: bool) -> None:
    assert bool(pattern("asks_something").search(text)) is asking


def test_the_span_of_this_cycle_and_what_happens_in_it_are_both_answered(assistant: Assistant) -> None:
    answer = assistant.ask("这个周期一直到哪年结束？期间国家局都干嘛？", as_of=DAY)
    assert "2027" in answer.answer and "notice#4.2" in {c.id for c in answer.citations}


@pytest.mark.parametrize("question", ["一个省能推荐多少家有上限吗", "是不是多推就多给？"])
def test_how_many_a_province_may_put_forward_is_the_quota(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert "分配名额" in answer.answer and "弄虚作假" not in answer.answer


def test_a_writers_label_before_a_colon_holds_no_title(assistant: Assistant) -> None:
    text = "华重集团某子公司综合办：我们公司2020年由国家知识产权局认定为国家知识产权示范企业，是股份有限公司，这届还用报吗？"
    assert statuses(assistant, text)["enterprise"] == "already_recognized"


def test_an_e_mail_with_a_subject_line_is_about_the_unit_its_body_describes() -> None:
    text = ("主题：我所申报示范科研机构的请教\n\n市市场监管局知识产权科：\n"
            "东江水产研究所是市政府设立的公益一类事业单位，始建于1958年，2003年迁入新址，现有职工120人。"
            "我所拟申报国家知识产权示范科研机构，请予指导。\n东江水产研究所办公室 2025年9月22日")
    profile = extract_profile(text)
    assert profile.kind == ApplicantKind.institute and profile.institute.founders == [Founder.local_government]


def test_an_office_of_a_named_place_that_acted_is_not_the_applicant() -> None:
    text = "本院曾被广西壮族自治区知识产权局评为区级知识产权示范单位，是自治区政府设立的林业科学研究院"
    assert extract_profile(text).kind == ApplicantKind.institute


@pytest.mark.parametrize("question", ["市局这边准备报5家示范企业，省里会不会嫌多？", "我们县里打算推荐两个示范园区上去，行不行"])
def test_putting_forward_a_number_of_units_asks_how_many_not_whether_the_asker_may(
        assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.trace["parts"][0] == "topic:quota" and "申报示范" not in answer.answer.split("依据")[0]


def test_the_places_a_government_lists_as_governed_are_not_where_it_is(assistant: Assistant) -> None:
    text = "黔东南苗族侗族自治州人民政府：我州下辖凯里市、黄平县等十几个县市，州政府打算申报示范市，行吗"
    assert extract_profile(text).place.county is None
    assert statuses(assistant, text)["city"] == "eligible"


def test_what_a_document_is_said_to_name_is_no_title_held() -> None:
    assert extract_profile("文件里说的是“强县建设示范县”，我们这儿叫旗，不叫县，能不能报").recognized == []


def test_cantonese_function_words_are_read_as_mandarin(assistant: Assistant) -> None:
    text = "我哋係一間喺澳門註冊嘅公司，冇喺內地設立公司，可唔可以報示範企業？"
    assert statuses(assistant, text)["enterprise"] == "ineligible"


@pytest.mark.parametrize("text", ["六盘水市六枝特区人民政府想报示范县", "我们是神农架林区，能报示范县吗"])
def test_a_county_level_unit_the_clause_does_not_name_is_asked_about(assistant: Assistant, text: str) -> None:
    verdict = assistant.check(text, as_of=DAY).verdicts["county"]
    assert verdict.status == "needs_info" and "没有写明" in verdict.reason and verdict.ask


@pytest.mark.parametrize("text", [
    "江津区市场监管局小李说局长想问区里该报示范市还是示范县",
    "我是南京市江宁区科技局的，我们作为南京下面的区，能报示范县吗",
    "我在黔江区知识产权局上班，区里领导开会讨论了很久，最后想报示范县",
])
def test_a_department_relaying_its_places_question_speaks_for_its_government(text: str) -> None:
    assert extract_profile(text).kind == ApplicantKind.government


def test_what_a_named_company_says_it_is_keeps_it_a_company(assistant: Assistant) -> None:
    text = "苏州微纳传感研究院有限公司，市属国有平台公司全资设立，是省科技厅备案的新型研发机构。想报示范企业和示范科研机构。——研究院办公室"
    verdicts = statuses(assistant, text)
    assert verdicts["enterprise"] == "eligible" and verdicts["institute"] == "eligible"


def test_the_body_an_institute_belongs_to_stands_for_its_founder() -> None:
    assert extract_profile("本所是一家水产研究所，隶属于市海洋与渔业局").institute.founders \
        == [Founder.local_government]


@pytest.mark.parametrize(("follow_up", "key"), [("管委会不行的话，园区所在的滨湖区能不能报示范县？", "county"),
                                                ("无锡市自己申报示范市总该行吧", "city")])
def test_a_follow_up_naming_a_place_as_its_subject_screens_that_places_government(
        assistant: Assistant, follow_up: str, key: str) -> None:
    answer = asked_after(assistant, "我们是无锡一个省级经开区的管委会，能报示范园区吗", follow_up)
    assert answer.verdicts[key].status == "eligible"


@pytest.mark.parametrize(("text", "asked"), [("我们是几位研究员合伙出资办的，登记成民非了。", False),
                                             ("请问分给我市的示范企业名额有几个，请批示。", True),
                                             ("市里有几家园区想报？", True)])
def test_a_few_in_a_statement_asks_nothing(text: str, asked: bool) -> None:
    assert bool(pattern("asks_something").search(text)) == asked


def test_people_named_by_their_trade_alone_are_persons() -> None:
    assert extract_profile("我们研究院是三位院士自己出资办的民非").institute.founders == [Founder.individual]


def test_a_local_title_held_asked_about_gets_the_verdict_and_the_note(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是宁夏农林科学院，自治区人民政府设立的事业单位，能报示范科研机构吗", "我们前些年被评为自治区知识产权示范单位，这届还要不要申报？")
    assert answer.in_scope and answer.verdicts["institute"].status == "eligible" and "不是已认定的" in answer.answer


def test_a_statement_naming_a_type_once_the_applicant_is_known_is_screened_again(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是安徽宁国市（县级市），有人说早些年评过示范县，这届还要报吗", "刚问了档案室，我们拿的是强县工程试点县，并不是示范县。")
    assert answer.in_scope and answer.verdicts["county"].status == "eligible"


def test_whether_a_unit_said_to_hold_a_title_need_not_apply_again_is_answered_by_its_verdict(
        assistant: Assistant) -> None:
    answer = assistant.ask("听老职工讲我们厂早年拿过国家知识产权示范企业，这届就不用报了吧？", as_of=DAY)
    assert answer.trace["parts"] == ["eligibility:"] and answer.verdicts["enterprise"].status == "needs_info"


def test_a_recognition_naming_the_place_as_its_object_is_a_title_held() -> None:
    text = "我们是福建石狮市。2021年国知局印发文件，确定石狮市为国家知识产权强县建设示范县，我们还需要报吗"
    assert extract_profile(text).recognized == ["county"]


@pytest.mark.parametrize("text", [
    "平台公司报不合适的话，改成管委会报可以吗？园区是国家级经开区",  # who would apply instead
    "我们钦州港自贸片区打算申报示范园区",  # a free trade zone
    "我们溧阳工业园区属于省级开发区，打算申报示范园区",  # a unit the place names
])
def test_a_zones_committee_is_the_applicant_however_the_zone_is_described(text: str) -> None:
    assert extract_profile(text).kind == ApplicantKind.park_committee


@pytest.mark.parametrize(("question", "part"), [("把专利转化金额写得漂亮些可以吗", "topic:falsification"),
                                                ("材料交上去，哪一级先审？", "topic:how_to_apply")])
def test_everyday_wordings_of_a_topic(assistant: Assistant, question: str, part: str) -> None:
    assert assistant.ask(question, as_of=DAY).trace["parts"] == [part]


def test_a_call_record_asks_for_no_phone_number(assistant: Assistant) -> None:
    answer = assistant.ask("电话记录：某市农业科学研究所办公室来电，问能不能报示范科研机构，说所里是市农业农村局主管的事业单位。",
                           as_of=DAY)
    assert answer.verdicts["institute"].status == "eligible" and "010" not in answer.answer


def test_a_wish_to_apply_for_the_other_programme_a_question_names_is_not_screened(assistant: Assistant) -> None:
    answer = assistant.ask("国家知识产权保护示范区怎么申报，我们区的园区想报", as_of=DAY)
    assert not answer.in_scope and answer.trace["parts"][0].startswith("out_of_scope")


@pytest.mark.parametrize(("question", "part"), [
    ("挂牌以后要是考核得不好，后果是什么？", "topic:revocation"),
    ("有家咨询公司打电话说能帮忙代办申报，服务费3万，还说省局那边要收审核费，真有这事吗？", "topic:fees"),  # a call told of
    ("是不是每个区都必需参加这次申报？", "topic:voluntary"),  # 必需 written for 必须
])
def test_everyday_wordings_of_the_work_rules(assistant: Assistant, question: str, part: str) -> None:
    assert assistant.ask(question, as_of=DAY).trace["parts"] == [part]


def test_two_pieces_asking_the_same_thing_are_answered_in_the_words_of_both() -> None:
    from assistant.answering.intents import Intent, Part, dedupe

    merged = dedupe([Part(Intent.topic, "纸质版要几份", slot="copies"), Part(Intent.topic, "寄到哪", slot="copies")])
    assert [part.text for part in merged] == ["纸质版要几份，寄到哪"]


@pytest.mark.parametrize("text", ["补充：我们是湖北省直管的县级市，跟仙桃、潜江一样", "我们县跟浙江的义乌差不多，也是小商品集散地"])
def test_a_place_the_applicant_is_likened_to_is_not_its_own(text: str) -> None:
    place = extract_profile(text).place
    assert place is None or place.county not in ("仙桃市", "义乌市")


def test_what_a_unit_was_before_its_conversion_is_not_what_it_is() -> None:
    first = extract_profile("我们是某某检测认证有限公司，有限责任公司")
    assert extract_profile("能报示范科研机构吗？我们原本就是研究所转制来的", first).kind == ApplicantKind.company


def test_a_zone_a_municipalitys_government_approved_is_provincial() -> None:
    text = "我们是上海漕河泾的一个园区，是上海市政府批准设立的，有管委会，想报示范园区"
    assert extract_profile(text).park.level == ParkLevel.provincial


def test_it_with_no_unit_named_before_is_the_unit_an_earlier_turn_described(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是浙江余姚市，县级市，想了解示范县", "那它能报服务业集聚示范区吗？城区有座知识产权服务大厦，入驻了三十来家代理机构")
    assert answer.verdicts["service_zone"].status == "eligible"


def test_asking_which_types_in_a_follow_up_is_answered_for_all_seven(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是苏州市吴江区，能报示范市吗？", "区里的汾湖高新区是省级高新区，管委会可以申报哪些？")
    assert answer.answer.startswith("按您提供的情况，可以申报：示范园区、服务业集聚示范区")


@pytest.mark.parametrize("text", ["天津港综合保税区管委会拟申报示范园区", "我们是自贸试验区某某片区管委会，想报示范园区"])
def test_a_bonded_or_free_trade_zone_is_asked_about(assistant: Assistant, text: str) -> None:
    verdict = assistant.check(text, as_of=DAY).verdicts["park"]
    assert verdict.status == "needs_info" and "没有写明" in verdict.reason


@pytest.mark.parametrize(("said", "clustered"), [("入驻了二十来家代理机构", True), ("服务机构也就十来家", False)])
def test_scores_of_units_said_roughly_are_a_cluster_and_about_ten_is_not(said: str, clustered: bool) -> None:
    read = extract_profile(f"我们是宁波市鄞州区人民政府，{said}，想报服务业集聚示范区").industrial_agglomeration
    assert (read is True) == clustered


@pytest.mark.parametrize(("text", "key", "status"), [
    # what a change planned in the sentence would make of the unit is not what it is
    ("厂子营业执照上写的是集体所有制，主管局说明年要完成公司制改造，改成有限责任公司。能报示范企业吗", "enterprise", "ineligible"),
    # the other answer a question offers (…吗，还是…) is no fact
    ("公司在澳门注册的，横琴有个办事处 能报示范企业吗 还是要先到内地登记一家公司", "enterprise", "ineligible"),
    ("绍兴市政府办公室转：想以绍兴市人民政府名义报示范市，可以吗？还是让下面的区报", "city", "eligible"),
    # a unit inside the speaker's company (公司内部有个研发中心) leaves the company's own type open to it
    ("我们公司内部有个研发中心 没单独登记 就是个科室 能不能以研发中心的名义报示范科研机构 公司本身是嘉兴的一家股份有限公司",
     "enterprise", "eligible"),
])
def test_what_holds_of_the_unit_today_decides(assistant: Assistant, text: str, key: str, status: str) -> None:
    assert assistant.ask(text, as_of=DAY).verdicts[key].status == status


@pytest.mark.parametrize(("text", "key", "status"), [
    # a name said (名字叫…) ends at a 、: 研究院、但登记是公司 names an institute registered as a company
    ("我们单位叫某某智造研究院有限公司，是一家民营集团全资设立的。像我们这种名字叫研究院、但登记是有限公司的，两个都能报吗",
     "institute", "eligible"),
    # what the speaker says it actually is (我们其实是个研发机构) is a second kind of the same unit
    ("我们登记的是有限责任公司，不过我们其实是个研发机构，由省属国有集团出资设立，能报示范科研机构吗", "institute", "eligible"),
    # whom the speaker names as a founder (设立者是外国企业) says nothing of where the speaker was registered
    ("我们是2015年在苏州工业园区注册的有限责任公司，想报示范企业；另外我们研发中心的设立者是外国企业，不知道算不算",
     "enterprise", "eligible"),
])
def test_a_name_and_a_founder_said_in_passing_are_read_for_what_they_are(
        assistant: Assistant, text: str, key: str, status: str) -> None:
    assert assistant.ask(text, as_of=DAY).verdicts[key].status == status


def test_items_sought_after_a_lead_in_are_no_titles_and_a_unit_not_set_up_is_another() -> None:
    """Items counted after a lead-in that seeks (打算报两个项目：其一是…，其二是…) are sought, not held — after one that
    tells what is held they are held; a unit the text says was not set up (没有设立管委会) is not the applicant."""
    sought = extract_profile("石河子市今年打算报两个项目：其一是国家知识产权服务业高质量集聚发展示范区，"
                             "其二是国家知识产权强县建设示范县（市里已有服务机构十余家）")
    held = extract_profile("我们公司先后获得两项称号：一是国家知识产权示范企业，二是省专利金奖")
    assert (sought.recognized, held.recognized) == ([], ["enterprise"])
    assert extract_profile("片区由一家区属国有的开发有限公司运营，没有设立管委会，这家公司想报示范企业").company.set_up is not False


@pytest.mark.parametrize(("question", "expected"), [
    # two clauses asking about topics of their own, a statement before them kept with the first
    ("我们学校打算报示范高校，截止时间是几号，申报书模板找谁要", ["我们学校打算报示范高校，截止时间是几号", "申报书模板找谁要"]),
    # one asking clause among statements and formalities is one question
    ("我局辖区两个县拟申报，需与业务处室对接，请问示范县工作由谁联系，特此请示，妥否",
     ["我局辖区两个县拟申报，需与业务处室对接，请问示范县工作由谁联系，特此请示，妥否"]),
    # 还有几天 asks how long is left; it joins nothing
    ("离回执截止还有几天", ["离回执截止还有几天"]),
])
def test_a_message_is_cut_where_each_clause_asks_a_topic_of_its_own(question: str, expected: list[str]) -> None:
    assert pieces(question) == expected


def test_a_messages_pauses_and_a_choice_between_types_are_read_as_written(assistant: Assistant) -> None:
    """Phrases a message separates by spaces are its clauses (两问两答); 报哪个 asks which type to apply for."""
    spaced = assistant.ask("公司这边想报示范企业 材料最晚哪天交 申报书在哪下载", as_of=DAY).trace["parts"]
    assert any(part.startswith("when:") for part in spaced) and len(spaced) == 2
    which = assistant.ask("内蒙古的一个旗 报哪个合适 示范县还是服务业集聚区", as_of=DAY).trace["parts"]
    assert which == ["eligibility:"]


@pytest.mark.parametrize("question", [
    "我们前年拿过国家知识产权优势企业，这届是不是就不用再报了？",  # another programme's title
    "我们区以前评上过市级知识产权示范区，对这次有影响吗",  # a local title
    "主任说我们2019年就获评过国家级示范，是不是不用再申报了",  # a title of an earlier year
])
def test_whether_a_title_held_spares_applying_is_answered_by_what_stays_valid(
        assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.in_scope and "notice#4.1" in [c.id for c in answer.citations]



def test_an_office_consulted_is_not_the_applicants_place(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是河北平山县人民政府，想报示范县，不过听人说县里以前评过示范县", "刚才咨询了石家庄市局，那次是试点县，不是示范县")
    assert answer.verdicts["county"].status == "eligible" and "平山县" in answer.verdicts["county"].reason


def test_the_unit_named_to_apply_is_asked_of_however_the_question_ends(assistant: Assistant) -> None:
    """要报的是“…有限公司”，…，这个可以吧: the unit named is asked of; 另外一个股东 is no new question."""
    answer = assistant.ask("之前发错了。要报的是“佛山某某陶瓷有限公司”，两个股东各占一半，另外一个股东是他弟弟，这个可以吧？",
                           as_of=DAY)
    assert answer.in_scope and answer.trace["parts"] == ["eligibility:"]
    assert answer.verdicts["enterprise"].status == "eligible"


def test_a_place_itself_beside_a_place_below_it_is_screened_for_its_own_type() -> None:
    profile = extract_profile("市局替下面的邵东市问：邵东想报示范县，行不行？另外邵阳市自己也想报示范市。")
    assert profile.places_proposed["city"].mention.startswith("邵阳") and "邵东" in profile.place.mention


def test_a_parents_title_told_before_the_asker_asks_of_itself_is_the_parents(assistant: Assistant) -> None:
    """集团是示范企业，那我们还要报吗: the parent holds it, not the asker; a bare kind noun names nothing a list holds."""
    profile = extract_profile("噢对了 集团前年是国家知识产权示范企业 那我们还要报吗")
    assert (profile.recognized, profile.parent_recognized) == ([], ["enterprise"])
    assert assistant.ask("噢对了，集团前年是国家知识产权示范企业，那我们还要报吗", as_of=DAY).trace["parts"][0] != "listed:"


def test_a_follow_up_telling_an_institutes_founder_and_its_registration_keeps_both_kinds() -> None:
    earlier = extract_profile("我们是一家新型研发机构，想报示范科研机构")
    profile = extract_profile("是杭州一家民营企业出资成立的，注册的是有限公司", previous=earlier)
    assert set(profile.kinds) == {ApplicantKind.institute, ApplicantKind.company}


@pytest.mark.parametrize(("question", "cited"), [
    # a requirement the notice does not set, asked as one for applying: answered from its conditions
    ("通知是不是规定专利授权量要连年增长才能报", "notice#3"),
    # another programme's title asked as a prerequisite of a type: answered from that type's clause
    ("示范高校这块，是不是得先拿到省里的知识产权试点高校称号", "notice#2.6"),
    ("报示范企业前需要先成为国家知识产权优势企业不", "notice#2.5"),
])
def test_a_requirement_the_notice_does_not_set_is_answered_from_its_conditions(
        assistant: Assistant, question: str, cited: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.trace["parts"] == ["factual:not_stated"] and [c.id for c in answer.citations] == [cited]


@pytest.mark.parametrize("question", ["报示范企业是交到区局还是哪里", "材料报市局还是直接报省局", "园区能不能直接交给省里"])
def test_a_choice_of_offices_asks_where_to_hand_in(question: str) -> None:
    assert pattern("provincial_channel_asks").search(question)


def test_a_frame_of_wanting_to_make_sure_is_no_part_of_what_is_asked(assistant: Assistant) -> None:
    answer = assistant.ask("我想核实一下示范高校到底看什么", as_of=DAY)
    assert answer.in_scope and "notice#2.6" in [c.id for c in answer.citations]


def test_asking_to_have_a_deadline_put_off_asks_whether_it_is_still_time(assistant: Assistant) -> None:
    answer = assistant.ask("几个区的材料还差一点，能不能请省里宽限到10月18号？", as_of=DAY)
    assert any(part.startswith("when:") for part in answer.trace["parts"]) and answer.in_scope


def test_how_long_a_title_lasts_asked_with_losing_it_is_the_revocation(assistant: Assistant) -> None:
    answer = assistant.ask("示范单位的有效期几年 还会被收回吗", as_of=date(2028, 3, 1))
    assert answer.citations[0].id == "notice#4.5" and "2025年9月—10月" not in answer.answer


def test_paying_any_named_charge_asks_the_fees_rule(assistant: Assistant) -> None:
    answer = assistant.ask("中介要我们付一笔陪跑辅导费才给报，合规吗", as_of=DAY)
    assert answer.citations[0].id == "notice#5.4" and "收取费用" in answer.answer


def test_the_standard_acceptance_is_judged_by_asks_the_acceptance(assistant: Assistant) -> None:
    answer = assistant.ask("验收定在啥时候 按啥标准验", as_of=DAY)
    assert "2027年底前" in answer.answer and "验收标准" in answer.answer


def test_a_place_turned_to_with_an_aside_in_brackets_is_screened_for_its_government(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我们是赣州一个市级工业园区管委会，想报示范园区", "那园区所在的信丰县（赣州市下面的县）可以报示范县吧")
    assert answer.verdicts["county"].status == "eligible"


def test_going_for_a_type_then_asking_if_that_works_asks_eligibility(assistant: Assistant) -> None:
    answer = assistant.ask("我在张家港市市场监管局。张家港是苏州代管的县级市，市里的想法是直接冲国家知识产权强市建设示范市，"
                           "您看行吗？", as_of=DAY)
    assert answer.verdicts["city"].status == "ineligible" and "不需重复" not in answer.answer


def test_who_carries_out_the_acceptance_is_the_acceptance(assistant: Assistant) -> None:
    answer = assistant.ask("创建期满后由哪个部门来验？", as_of=DAY)
    assert answer.citations[0].id == "notice#4.3" and "组织开展评估验收" in answer.answer


def test_which_listed_places_fall_under_which_type_asks_who_may_apply(assistant: Assistant) -> None:
    answer = assistant.ask("像天津河西区、上海崇明区、浙江义乌市这几个，分别算示范市还是示范县？", as_of=DAY)
    assert answer.in_scope and {"notice#2.1", "notice#2.2"} & {c.id for c in answer.citations}


def test_a_large_budget_for_a_showroom_asks_the_rule_on_realism(assistant: Assistant) -> None:
    answer = assistant.ask("县里打算借创建的机会新建一座五千平方米的知识产权综合展示馆，预算两千万，文件允许吗？", as_of=DAY)
    assert answer.citations[0].id == "notice#5.5" and "花架子" in answer.answer


def test_whether_a_title_may_be_taken_back_some_day_asks_the_revocation(assistant: Assistant) -> None:
    answer = assistant.ask("拿到示范企业的牌子以后，会不会哪天又被收回？", as_of=DAY)
    assert answer.citations[0].id == "notice#4.5" and "2025年9月—10月" not in answer.answer


def test_when_another_programmes_round_closes_is_not_this_rounds_deadline(assistant: Assistant) -> None:
    assert not assistant.ask("专精特新小巨人今年第二批哪天截止？我们想顺带一起弄", as_of=DAY).in_scope
    answer = assistant.ask("专精特新和示范企业一起准备的话，示范企业哪天截止？", as_of=DAY)
    assert answer.in_scope and "2025年10月24日" in answer.answer


def test_figures_somewhat_off_and_what_if_found_out_asks_about_falsification(assistant: Assistant) -> None:
    answer = assistant.ask("申报书里研发投入的数跟年报有一些出入，要是被核查出来后果是什么", as_of=DAY)
    assert answer.citations[0].id == "notice#5.4" and "相应资格" in answer.answer


def test_a_question_after_a_statement_is_read_with_that_statement() -> None:
    from assistant.answering.intents import pieces_and_scenes

    found = pieces_and_scenes("我们县的材料上周已经交到市局了。接下来市局会怎么处理？")
    assert found == [("接下来市局会怎么处理", "我们县的材料上周已经交到市局了")]


def test_whether_a_place_is_filled_with_a_weak_unit_asks_the_rule_on_strictness(assistant: Assistant) -> None:
    answer = assistant.ask("达标的企业只有一家，市局会不会硬凑一家一起推上去？", as_of=DAY)
    assert answer.citations[0].id == "notice#5.3" and "宁缺毋滥" in answer.answer


def test_proposing_to_switch_types_asks_eligibility_whatever_else_is_described(assistant: Assistant) -> None:
    answer = assistant.ask("我们是某某省级高新区管委会，区里商标代理、专利代理机构很多，要不干脆报服务业高质量集聚发展示范区？",
                           as_of=DAY)
    assert answer.in_scope and answer.verdicts["service_zone"].status == "eligible"


def test_figures_of_another_programme_reported_again_ask_the_rule_on_burden(assistant: Assistant) -> None:
    answer = assistant.ask("省里要各市把地理标志数量、质押融资的数据再报一次，这些省里平台上都查得到，合理吗", as_of=DAY)
    assert answer.in_scope and answer.citations[0].id == "notice#5.2"
    assert not assistant.ask("知识产权质押融资怎么申请贴息？", as_of=DAY).in_scope


def test_falling_short_during_the_creation_period_asks_what_creation_aims_at(assistant: Assistant) -> None:
    answer = assistant.ask("创建期到哪一年？期间没达标怎么办？", as_of=DAY)
    assert "2027" in answer.answer and "达到示范创建标准" in answer.answer


def test_a_when_asked_beside_a_clause_asking_its_own_topic_gets_both(assistant: Assistant) -> None:
    answer = assistant.ask("评估验收在哪一年，由谁来验？", as_of=DAY)
    assert "2027年底前" in answer.answer and "组织开展评估验收" in answer.answer
    assert [c.id for c in assistant.ask("联络员回执截止了没有？", as_of=DAY).citations] == ["notice#closing"]


def test_how_long_creation_runs_once_chosen_is_the_creation_period(assistant: Assistant) -> None:
    answer = assistant.ask("如果被选为创建对象，要一直创建到哪一年？", as_of=DAY)
    assert answer.citations[0].id == "notice#4.2" and "2027" in answer.answer


def test_another_type_asked_after_a_question_that_differs_by_type_is_that_question_of_it(assistant: Assistant) -> None:
    """那示范市呢 after whom to ask about 示范园区: whom to ask about 示范市 (and the next follow-up reads that)."""
    conversation = Conversation()
    assistant.ask("示范园区这块国家局对接人是谁？", conversation, as_of=DAY)
    turned = assistant.ask("那示范市呢，也是这位吗", conversation, as_of=DAY)
    assert turned.question == "那示范市呢，也是这位吗" and "吕律" in turned.answer and "徐俊峰" not in turned.answer
    assert "王海军" in assistant.ask("示范高校呢", conversation, as_of=DAY).answer
    kept = asked_after(assistant, "我们是一家研究院，能申报示范科研机构吗", "那示范企业呢")
    assert kept.trace["parts"] == ["eligibility:"]  # after whether it may apply: whether it may apply for that one


@pytest.mark.parametrize(("question", "parts"), [
    ("这是国家局的规定吗？省里说名额宁缺毋滥，不用凑满。", ["topic:strictness"]),  # 这 points to what follows
    ("那个基地的申报几号截止？我们打算申请专利导航服务基地，据说跟示范园区同批评审。", ["out_of_scope:专利导航"]),
    ("市里一般配套比例是多少？", ["out_of_scope:资金奖补"]),
])
def test_a_question_asked_before_what_it_is_about_is_read_with_it(assistant: Assistant, question: str,
                                                                    parts: list[str]) -> None:
    assert assistant.ask(question, as_of=DAY).trace["parts"] == parts


@pytest.mark.parametrize(("question", "part"), [
    ("那下面的研究中心报示范科研机构呢，中心是市局发文成立的", "eligibility:"),  # how the unit was set up
    ("这个通知的发文单位是谁", "topic:issuer"),
])
def test_a_unit_set_up_by_a_document_is_not_a_question_about_who_issued_the_notice(
        assistant: Assistant, question: str, part: str) -> None:
    assert assistant.ask(question, as_of=DAY).trace["parts"] == [part]


def test_a_school_run_enterprise_is_a_company() -> None:
    assert extract_profile("学校办的校企，想报示范企业").kind == ApplicantKind.company


@pytest.mark.parametrize("question", ["回执寄哪", "回执发哪，邮箱多少"])
def test_where_the_receipt_goes_is_answered_with_the_mailbox(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert "topic:liaison" in answer.trace["parts"] and "zLzL@cnipa.gov.cn" in answer.answer


@pytest.mark.parametrize("question", ["回执几号交 验收是哪年", "验收哪年，创建期多长时间"])
def test_two_events_each_asked_when_in_a_clause_of_its_own_are_both_answered(
        assistant: Assistant, question: str) -> None:
    parts = assistant.ask(question, as_of=DAY).trace["parts"]
    assert len([part for part in parts if part.startswith("when:")]) == 2


@pytest.mark.parametrize(("question", "in_scope"), [("申报书模板是哪个附件", True), ("回执表是附件几", True),
                                                    ("名额分配表里我们省有几个", False)])
def test_which_annex_holds_a_thing_is_answered_though_the_annex_is_not_loaded(
        assistant: Assistant, question: str, in_scope: bool) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.in_scope is in_scope and "附件" in answer.answer


@pytest.mark.parametrize(("text", "status"), [
    ("西安高新区管委会想报示范园区", "eligible"),  # a zone the State Council approved, its level unsaid
    ("我们是兰州经济技术开发区管委会，能报示范园区吗", "eligible"),
    ("我们是中关村的一个分园，有单设的管委会，能单独报示范园区吗", "needs_info"),  # a part of it, not the zone
    ("我们园区紧挨着西安高新区，是区级工业园，管委会想报示范园区", "ineligible"),  # its own level said
    ("某某县高新区管委会想报示范园区", "needs_info"),  # no zone the list names
])
def test_a_zone_named_as_one_the_state_council_approved_is_national(
        assistant: Assistant, text: str, status: str) -> None:
    verdict = assistant.check(text, as_of=DAY).verdicts["park"]
    assert verdict.status == status
    assert status != "eligible" or "国务院批准的国家级园区" in verdict.reason


def test_what_the_form_asks_for_said_colloquially_is_the_form_topic(assistant: Assistant) -> None:
    answer = assistant.ask("申报书里头都要填啥", as_of=DAY)
    assert answer.trace["parts"] == ["topic:form"] and "附件1" in answer.answer


@pytest.mark.parametrize(("answer", "status"), [("市政府批的", "ineligible"), ("是省政府批的", "eligible")])
def test_who_approved_the_zone_said_alone_in_reply_is_its_level(
        assistant: Assistant, answer: str, status: str) -> None:
    chat = Conversation()
    assistant.ask("我们是工业园区管委会，想报示范园区", chat, as_of=DAY)
    assert assistant.ask(answer, chat, as_of=DAY).check.verdicts["park"].status == status


def test_a_follow_up_asking_about_another_unit_with_more_said_after_it_is_a_follow_up(assistant: Assistant) -> None:
    chat = Conversation()
    assistant.ask("我们是一家有限责任公司，想报示范企业", chat, as_of=DAY)
    answer = assistant.ask("还有一家控股的股份公司呢，专利也挺多", chat, as_of=DAY)
    assert answer.trace["parts"] == ["eligibility:"] and answer.check.verdicts["enterprise"].status == "eligible"


def test_whether_both_types_named_before_are_within_reach_is_asked_of_the_applicant(assistant: Assistant) -> None:
    answer = assistant.ask("我们是湖北仙桃市政府。班子里一派想报示范县，一派想报服务业高质量集聚发展示范区。请问两样都符合条件吗？",
                           as_of=DAY)
    assert answer.trace["parts"][0] == "eligibility:" and [c.id for c in answer.citations][:2] == ["notice#2.2",
                                                                                                   "notice#2.4"]


def test_a_scene_that_names_another_programme_and_this_one_is_asked_of_this_one(assistant: Assistant) -> None:
    answer = assistant.ask("有人跟我们讲，拿过省级优势企业就等于已认定的示范单位，本届不必再报。这么理解没错吧？", as_of=DAY)
    assert answer.in_scope and answer.citations[0].id == "notice#4.1"


@pytest.mark.parametrize("question", ["省级示范企业啥时候申报，条件是什么？", "县级示范单位归谁评？"])
def test_a_local_level_demonstration_title_is_another_programme(assistant: Assistant, question: str) -> None:
    assert not assistant.ask(question, as_of=DAY).in_scope


@pytest.mark.parametrize("question", ["凭什么不让报？", "依据在哪？", "不符合是哪条规定的"])
def test_why_a_verdict_is_what_it_is_is_asked_of_the_unit_described_before(assistant: Assistant, question: str) -> None:
    answer = asked_after(assistant, "我们是江苏昆山市人民政府，能报示范市吗", question)
    assert answer.trace["parts"] == ["eligibility:"] and answer.citations[0].id == "notice#2.1"


def test_a_unit_below_named_in_full_in_a_follow_up_is_another_unit(assistant: Assistant) -> None:
    answer = asked_after(assistant, "我司是一家股份有限公司，2020年被认定为国家知识产权示范企业，这次还用报吗",
                         "那我们控股的子公司江苏某某精工装备制造（常州）有限公司呢？")
    assert answer.check is not None and answer.check.verdicts["enterprise"].status == "eligible"


def test_a_numbered_question_about_a_unit_described_before_the_list_is_read_with_that_description(
        assistant: Assistant) -> None:
    text = ("集团是民营控股的有限责任公司，在无锡注册。集团出资办了一个研究院，登记为民办非企业单位。"
            "想问两件事：1. 研究院能不能报示范科研机构；2. 集团自己能不能报示范企业。")
    assert {key: status for key, status in statuses(assistant, text).items()
            if key in ("institute", "enterprise")} == {"institute": "eligible", "enterprise": "eligible"}


@pytest.mark.parametrize("founder", ["我厂", "本厂"])
def test_a_unit_speaking_of_itself_as_founder_is_no_person(founder: str) -> None:
    profile = extract_profile(f"厂里下设一个研究所，由{founder}出资设立，想报示范科研机构")
    assert profile.institute is not None and Founder.individual not in profile.institute.founders


@pytest.mark.parametrize("question", ["还能在网上报吗", "现在还可以在系统里填报吗"])
def test_whether_it_can_still_be_filed_through_a_channel_asks_whether_applying_is_open(
        assistant: Assistant, question: str) -> None:
    parts = assistant.ask(question, as_of=DAY).trace["parts"]
    assert parts and all(part.startswith("when:") for part in parts)  # not whether it may apply


def test_an_either_or_about_how_to_send_is_no_choice_between_types(assistant: Assistant) -> None:
    parts = assistant.ask("我们是一家软件公司，报示范企业的申报书是寄纸质的还是网上传？", as_of=DAY).trace["parts"]
    assert "eligibility:" not in parts


def test_becoming_a_demonstration_unit_right_after_applying_is_answered_with_the_steps_before_it(
        assistant: Assistant) -> None:
    assert cited_first(assistant, "材料交上去后，单位马上变成示范单位了吗？") == "notice#4.2"


@pytest.mark.parametrize(("question", "clauses"), [
    ("示范市跟示范县差别在哪", ["notice#2.1", "notice#2.2"]),
    ("示范高校和示范科研机构有何异同？", ["notice#2.6", "notice#2.7"]),
])
def test_how_two_types_differ_is_answered_by_who_may_apply_for_each(
        assistant: Assistant, question: str, clauses: list[str]) -> None:
    answer = assistant.ask(question, as_of=DAY)
    assert answer.in_scope and [c.id for c in answer.citations] == clauses
