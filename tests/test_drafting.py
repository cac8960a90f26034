"""Drafting: 申报书 drafts for every project type (Markdown and .docx), the provenance check, LLM polish
with planted inventions, and reply drafts for the inquiries in eval/replies.jsonl."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import docx
import pytest
import yaml
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from typer.testing import CliRunner

from assistant.cli import app
from assistant.corpus.library import Library
from assistant.drafting import (
    check_provenance,
    draft_application,
    draft_reply,
    fact_fields,
    load_facts,
    load_outlines,
    reply_wording,
    to_docx,
)
from assistant.drafting.application import COMMENT, template_path
from assistant.drafting.model import FACTS_HEADING, PLACEHOLDERS_HEADING, TABLE_HEADER
from assistant.errors import InvalidInputError
from assistant.rules import PROJECT_KEYS, PROJECT_TYPES
from assistant.settings import PROJECT_ROOT, Settings, get_settings

CORPUS = PROJECT_ROOT / "corpus"
FACTS_FILE = PROJECT_ROOT / "eval" / "drafting" / "facts_enterprise.yaml"
REPLIES = PROJECT_ROOT / "eval" / "dev" / "replies.jsonl"
DIMENSIONS = ["创造质量", "运用效益", "保护效果", "管理能力", "服务水平", "工作条件保障",
              "对创新发展和经济高质量发展的作用", "宣传推广意义"]


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(CORPUS)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


def fake_model(*replies: str) -> GenericFakeChatModel:
    return GenericFakeChatModel(messages=iter([AIMessage(content=r) for r in replies]))


# --- outline ---------------------------------------------------------------------------------------

def test_outline_has_every_project_type_with_the_notice_dimensions(library: Library) -> None:
    outlines = load_outlines()
    assert list(outlines) == list(PROJECT_KEYS)
    for number, (key, outline) in enumerate(outlines.items(), start=1):
        basic, *dimensions = outline.sections
        assert basic.title == "申报单位基本情况" and [b.id for b in basic.basis] == [f"notice#2.{number}"], key
        assert len(dimensions) == len(DIMENSIONS)
        for section, dimension in zip(dimensions, DIMENSIONS, strict=True):
            assert dimension in section.title and section.facts, (key, section.key)
        for section in outline.sections:
            for basis in section.basis:
                assert library.verify_quote(basis.id, basis.quote), (key, section.key, basis.quote)


def test_fact_fields_list_the_form_of_a_type(settings: Settings) -> None:
    fields = fact_fields("enterprise", settings)
    grants = next(f for f in fields if f["key"] == "invention_grants_3y")
    assert grants == {"key": "invention_grants_3y", "label": "近三年发明专利授权量", "unit": "件",
                      "multiline": False, "section": "知识产权创造质量"}
    assert len({f["key"] for f in fields}) == len(fields)


def test_a_staff_outline_under_the_data_dir_replaces_the_bundled_one(settings: Settings, library: Library) -> None:
    override = settings.data_dir / "drafting" / "outline.yaml"
    override.parent.mkdir(parents=True)
    override.write_text(yaml.safe_dump({"enterprise": {
        "name": "国家知识产权示范企业", "title": "示范企业申报书（附件1格式）",
        "sections": [{"key": "team", "title": "知识产权工作团队",
                      "basis": [{"id": "notice#3", "quote": "知识产权工作条件保障有力"}],
                      "facts": [{"key": "team_size", "label": "知识产权团队人数", "unit": "人"}]}]}},
        allow_unicode=True), encoding="utf-8")
    draft = draft_application("enterprise", {"team_size": 9}, settings=settings, library=library)
    text = draft.markdown()
    assert draft.title == "示范企业申报书（附件1格式）"
    assert "## 一、知识产权工作团队" in text and "知识产权团队人数：9人。" in text
    assert template_path(settings.prompts_dir, "enterprise", "team").name == "default.md"
    assert draft.problems == [] and draft.placeholders == []


# --- application drafts ----------------------------------------------------------------------------

@pytest.mark.parametrize("type_key", PROJECT_KEYS)
def test_every_type_drafts_with_every_fact_a_placeholder(type_key: str, settings: Settings, library: Library,
                                                        tmp_path: Path) -> None:
    outline = load_outlines()[type_key]
    draft = draft_application(type_key, settings=settings, library=library)
    text = draft.markdown()
    labels = [f.label for f in outline.facts()]
    assert sorted(draft.placeholders) == sorted(f"【待补充：{label}】" for label in labels)
    assert draft.problems == []
    headings = [s.heading for s in draft.sections]
    assert headings[0] == "一、申报单位基本情况" and len(headings) == len(outline.sections)
    assert all(f"## {h}" in text for h in headings)
    assert text.rstrip().endswith(draft.placeholders[-1])

    to_docx(draft, tmp_path / "draft.docx")
    document = docx.Document(str(tmp_path / "draft.docx"))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[0] == ("Title", outline.title)
    assert [t for s, t in styled if s == "Heading 1"] == [*headings, FACTS_HEADING, PLACEHOLDERS_HEADING]
    table = document.tables[0]
    assert tuple(c.text for c in table.rows[0].cells) == TABLE_HEADER
    assert [r.cells[1].text for r in table.rows[1:]] == labels
    assert [t for s, t in styled if s == "List Bullet"] == draft.placeholders


def test_the_facts_file_fills_the_draft_and_only_missing_facts_stay_open(settings: Settings,
                                                                        library: Library) -> None:
    facts = load_facts(FACTS_FILE)
    draft = draft_application("enterprise", facts, settings=settings, library=library)
    text = draft.markdown()
    assert "江苏示例智能装备股份有限公司的公司类型为股份有限公司，注册地为江苏省苏州市" in text
    assert "近三年发明专利授权量：126件。" in text  # given by its Chinese label
    assert "近三年知识产权转让许可收入：1250.5万元。" in text
    given = set(facts.facts)
    missing = [f for f in load_outlines()["enterprise"].facts() if f.key not in given and f.label not in given]
    assert sorted(draft.placeholders) == sorted(f"【待补充：{f.label}】" for f in missing)
    rows = {r.label: r.value for r in draft.facts}
    assert rows["职工总数"] == "1260人" and rows["有效注册商标量"] == ""
    assert draft.problems == []


def test_every_sentence_is_traceable_to_facts_a_cited_clause_or_a_template(settings: Settings,
                                                                          library: Library) -> None:
    draft = draft_application("enterprise", load_facts(FACTS_FILE), settings=settings, library=library)
    values = {r.key: r.value for r in draft.facts}
    labels = {r.key: r.label for r in draft.facts}
    templates = "\n".join(COMMENT.sub("", p.read_text(encoding="utf-8"))
                          for p in (settings.prompts_dir / "drafts").rglob("*.md"))
    for sentence in draft.sentences():
        if sentence.source == "template":
            assert sentence.text in templates
        elif sentence.source == "notice":
            assert sentence.citations
            assert all(library.verify_quote(c.id, c.quote) and c.id not in sentence.text
                       and f"「{c.quote}」（{library.label(library.clause(c.id), titled=True)}）" in sentence.text
                       for c in sentence.citations)
        else:
            assert sentence.source == "facts" and sentence.facts
            for key in sentence.facts:
                assert (values[key] or f"【待补充：{labels[key]}】") in sentence.text
    assert {c.id for c in draft.citations()} == {"notice#2.5", "notice#3", "notice#5.4"}


def test_one_section_alone(settings: Settings, library: Library) -> None:
    draft = draft_application("university", {"invention_grants_3y": "85"}, section="creation",
                              settings=settings, library=library)
    assert [s.heading for s in draft.sections] == ["二、知识产权创造质量"] and draft.intro == []
    assert "近三年发明专利授权量：85件。" in draft.markdown()
    assert draft.placeholders == ["【待补充：高价值发明专利拥有量】", "【待补充：近三年PCT国际专利申请量】"]


@pytest.mark.parametrize(("args", "message"), [
    (("enterprise", {"员工宿舍面积": 300}), "员工宿舍面积"),
    (("nowhere", None), "没有项目类型"),
])
def test_bad_input_is_refused_with_a_message(args: tuple, message: str, settings: Settings,
                                             library: Library) -> None:
    with pytest.raises(InvalidInputError, match=message):
        draft_application(*args, settings=settings, library=library)


def test_a_facts_file_for_another_type_is_refused(settings: Settings, library: Library) -> None:
    with pytest.raises(InvalidInputError, match="不一致"):
        draft_application("university", load_facts(FACTS_FILE), settings=settings, library=library)


# --- provenance check and polish --------------------------------------------------------------------

MATERIAL = ["近三年发明专利授权量：126件。", "江苏示例智能装备股份有限公司", "〔notice#3〕知识产权工作条件保障有力"]


@pytest.mark.parametrize(("text", "culprit"), [
    ("近三年发明专利授权量：126件，授权量达到5000件。", "5000"),
    ("近三年发明专利授权量达五千件。", "五千"),
    ("江苏示例智能装备股份有限公司于2024年获评省级示范。", "2024"),
    ("江苏示例智能装备股份有限公司与华为技术有限公司合作。", "华为"),
    ("江苏示例智能装备股份有限公司落实《专利法实施细则》。", "专利法实施细则"),
    ("通知要求：「知识产权工作条件保障有力，经费充足」〔notice#3〕", "经费充足"),
])
def test_provenance_check_catches_planted_inventions(text: str, culprit: str) -> None:
    problems = check_provenance(text, MATERIAL)
    assert any(culprit in p for p in problems), problems


def test_provenance_check_passes_what_the_material_holds() -> None:
    assert check_provenance("江苏示例智能装备股份有限公司近三年发明专利授权量为126件。知识产权工作条件保障有力〔notice#3〕",
                            MATERIAL) == []


def test_a_polish_that_invents_a_number_is_rejected_and_the_template_draft_kept(settings: Settings,
                                                                               library: Library) -> None:
    facts = {"invention_grants_3y": 126}
    plain = draft_application("enterprise", facts, section="creation", settings=settings, library=library)
    invented = ("本企业近三年发明专利授权量达126件，授权量达到5000件。有效发明专利拥有量【待补充：有效发明专利拥有量】，"
                "近三年PCT国际专利申请量【待补充：近三年PCT国际专利申请量】，有效注册商标量【待补充：有效注册商标量】。")
    draft = draft_application("enterprise", facts, section="creation", settings=settings, library=library,
                              chat_model=fake_model(invented))
    assert draft.mode == "template" and "5000" in draft.trace["fallback"]
    assert draft.markdown() == plain.markdown() and "5000" not in draft.markdown()


def test_a_faithful_polish_is_kept(settings: Settings, library: Library) -> None:
    polished = ("在知识产权创造质量方面，本企业近三年发明专利授权量为126件，有效发明专利拥有量为【待补充：有效发明专利拥有量】，"
                "近三年PCT国际专利申请量为【待补充：近三年PCT国际专利申请量】，有效注册商标量为【待补充：有效注册商标量】。")
    draft = draft_application("enterprise", {"invention_grants_3y": 126}, section="creation", settings=settings,
                              library=library, chat_model=fake_model(polished))
    assert draft.mode == "polished" and "fallback" not in draft.trace
    assert polished in draft.markdown()
    assert "> 通知要求：「创建对象知识产权创造质量" in draft.markdown()  # the cited clause stays verbatim
    assert draft.sections[0].sentences[-1].source == "polished"


def test_a_polish_that_drops_a_placeholder_is_rejected(settings: Settings, library: Library) -> None:
    dropped = "本企业近三年发明专利授权量为126件，各项创造指标表现良好。"
    draft = draft_application("enterprise", {"invention_grants_3y": 126}, section="creation", settings=settings,
                              library=library, chat_model=fake_model(dropped))
    assert draft.mode == "template" and "丢失了待补充项" in draft.trace["fallback"]


def test_a_failing_model_leaves_the_template_draft(settings: Settings, library: Library) -> None:
    draft = draft_application("enterprise", section="creation", settings=settings, library=library,
                              chat_model=fake_model())  # no message left: the model raises
    assert draft.mode == "template" and draft.trace["fallback"].startswith("llm_error")


# --- reply drafts ----------------------------------------------------------------------------------

CASES = [json.loads(line) for line in REPLIES.read_text(encoding="utf-8").splitlines() if line.strip()]
REPLY_DAY = date(2025, 9, 20)


def test_the_reply_set_covers_every_type_and_status() -> None:
    assert len(CASES) >= 12
    expected = [(k, s) for case in CASES for k, s in case["expected_verdicts"].items()]
    assert {k for k, _ in expected} == set(PROJECT_KEYS)
    assert {s for _, s in expected} == {"eligible", "ineligible", "needs_info", "already_recognized"}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_reply_states_the_verdict_cites_the_clauses_and_names_the_contact(case: dict, settings: Settings,
                                                                         library: Library) -> None:
    reply = draft_reply(case["inquiry"], settings=settings, library=library, as_of=REPLY_DAY)
    wording = reply_wording(settings.prompts_dir)["verdicts"]
    for key, status in case["expected_verdicts"].items():
        assert reply.verdicts[key].status == status, (key, reply.verdicts[key].reason)
        if key in reply.focus:
            assert wording[status].format(name=PROJECT_TYPES[key].name) in reply.text
    assert set(case["expected_verdicts"]) & set(reply.focus) or not case["expected_verdicts"]
    for key in reply.focus:
        assert PROJECT_TYPES[key].contact.quote in reply.text
    assert all(text in reply.text for text in case["must_contain"])
    assert set(case.get("cites", [])) <= {c.id for c in reply.citations}
    assert "#" not in reply.text and "本助手" not in reply.text and "还剩" not in reply.text  # no ids, no chat voice
    assert reply.citations and all(library.verify_quote(c.id, c.quote) and c.quote in reply.text
                                   for c in reply.citations)
    assert reply.problems == []
    assert reply.text.startswith("关于知识产权强国建设示范创建申报有关问题的复函")
    assert reply.text.rstrip().endswith("（起草单位）\n2025年9月20日") and reply.placeholders[-1] == "（起草单位）"


def test_what_the_rules_cannot_decide_becomes_an_item_to_verify(settings: Settings, library: Library) -> None:
    reply = draft_reply("您好，我们想申报国家知识产权示范企业，请问需要满足什么条件？", settings=settings,
                        library=library, as_of=REPLY_DAY, sender="江苏省知识产权局")
    asks = reply.verdicts["enterprise"].ask
    assert asks and all(f"【待核实：{ask}】" in reply.text for ask in asks)
    assert reply.placeholders == ["【待核实：来函单位名称】", *(f"【待核实：{ask}】" for ask in asks)]
    assert reply.text.rstrip().endswith("江苏省知识产权局\n2025年9月20日")


def test_an_unloaded_annex_is_flagged_not_described(settings: Settings, library: Library) -> None:
    reply = draft_reply("请问申报书模板在哪里下载？评价指标有哪些？", settings=settings, library=library,
                        as_of=REPLY_DAY)
    assert "【待核实：示范创建申报书的格式和内容（附件未载入）】" in reply.placeholders
    assert "【待核实：示范评价指标（附件未载入）】" in reply.placeholders
    assert reply.problems == []


def test_an_empty_inquiry_is_refused(settings: Settings, library: Library) -> None:
    with pytest.raises(InvalidInputError):
        draft_reply("  ", settings=settings, library=library)


# --- command line -----------------------------------------------------------------------------------

@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_cli_draft_writes_docx_and_prints_json(cli_env: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "企业.docx"
    result = cli_env.invoke(app, ["draft", "--type", "enterprise", "--facts", str(FACTS_FILE), "--format", "docx",
                                  "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"text", "citations", "verdicts", "placeholders"}
    assert {"id", "doc", "heading", "quote"} == set(data["citations"][0])
    assert "【待补充：有效注册商标量】" in data["placeholders"]
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "一、申报单位基本情况"


def test_cli_draft_without_facts_prints_markdown(cli_env: CliRunner) -> None:
    result = cli_env.invoke(app, ["draft", "--type", "county", "--section", "basic"])
    assert result.exit_code == 0, result.output
    assert "【待补充：申报单位名称】申报国家知识产权强县建设示范县创建。" in result.stdout
    bad = cli_env.invoke(app, ["draft", "--type", "county", "--section", "nothing"])
    assert bad.exit_code == 1 and "没有章节" in bad.output


def test_cli_reply_json(cli_env: CliRunner) -> None:
    result = cli_env.invoke(app, ["reply", "我们是一所高职专科院校，能报国家知识产权示范高校吗？", "--as-of", "2025-09-20",
                                  "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"text", "citations", "verdicts", "placeholders"}
    assert data["verdicts"]["university"]["status"] == "ineligible" and "王海军" in data["text"]
    assert data["citations"][0] == {"id": "notice#2.6", "doc": "notice", "heading": "二、申报单位 › （六）",
                                    "quote": "申报国家知识产权示范高校创建的应为教育行政部门批准设立的普通本科高等院校"}
