"""What an ingested document is: kind, title, province, readable id, citations naming it; lists of recognised
units from every format; duplicates refused; overrides win."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from test_ingest import snapshot, write, write_xlsx

from assistant.corpus.library import Library
from assistant.corpus.recognised import read_row, units_in
from assistant.errors import DuplicateDocumentError
from assistant.ingest import ingest_file, remove_document
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "eval" / "dev" / "layering"
LIST_LINES = "已认定单位（整理）\n湖州市德清县人民政府\t国家知识产权强县建设示范县\t2022\n" \
             "宁波市北仑区人民政府  国家知识产权强县建设试点县  2021\n浙江禾丰新材料股份有限公司 国家知识产权示范企业 2023\n"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", retrieval="lexical")


@pytest.mark.parametrize(("name", "kind", "doc_id", "label", "province"), [
    ("zhejiang-2025.txt", "provincial_notice", "zhejiang-2025", "《浙江省转发通知》", "浙江省"),
    ("guangdong-2025.txt", "provincial_notice", "guangdong-2025", "《广东省转发通知》", "广东省"),
    ("county-2023-notice.txt", "reference", "ref-2023-601", "（参考）", ""),
    ("patent-news.txt", "reference", "patent-news", "《专利转化运用专项行动方案（2023—2025年）》（参考）", ""),
    ("recognised-2021-2024.xlsx", "recognised_list", "recognised-2021-2024", "《2021—2024年已认定名单》", ""),
    ("recognised-extra.txt", "recognised_list", "recognised-2022-2024", "《2022—2024年已认定名单》", ""),
])
def test_each_kind_is_read_from_the_content(settings: Settings, name: str, kind: str, doc_id: str, label: str,
                                            province: str) -> None:
    result = ingest_file(settings, FIXTURES / name)
    info = Library.from_settings(settings).document(result.doc_id).info
    assert (result.kind, result.doc_id, info.province) == (kind, doc_id, province)
    assert label in result.label and info.imported is not None
    assert "文件" not in info.title[-2:]  # a 版头 (…文件) is not the title


def test_citations_name_the_document_and_the_clause(settings: Settings) -> None:
    ingest_file(settings, FIXTURES / "zhejiang-2025.txt")
    library = Library.from_settings(settings)
    clause = next(c for c in library.document("zhejiang-2025").clauses if c.kind == "item")
    citation = library.cite(clause.id)
    assert citation.label.startswith("《浙江省转发通知》") and "（" in citation.label and "#" not in citation.label
    assert library.cite("notice#2.2").label == "《通知》二、（二）"


def test_an_annex_is_recognised_by_its_title_and_fills_its_placeholder(settings: Settings, tmp_path: Path) -> None:
    text = "附件3\n\n知识产权强国建设示范创建评价指标\n\n一、示范市评价指标\n（一）知识产权创造。有效发明专利拥有量。\n"
    result = ingest_file(settings, write(tmp_path / "指标.txt", text))
    info = Library.from_settings(settings).document("annex3").info
    assert (result.doc_id, result.kind, info.parent, info.available) == ("annex3", "annex", "notice", True)
    assert Library.from_settings(settings).cite("annex3#1.1").label == "《附件3》一、（一）"


def test_loaded_annexes_answer_and_the_form_becomes_the_outline(settings: Settings, tmp_path: Path) -> None:
    from assistant.answering import Assistant
    from assistant.drafting import draft_application

    indicators = ("附件3\n\n知识产权强国建设示范创建评价指标\n\n一、示范县评价指标\n（一）县域每万人口高价值发明专利拥有量。\n"
                  "（二）知识产权专项资金投入。\n二、示范企业评价指标\n（一）企业有效发明专利数量。\n")
    form = "附件1\n\n知识产权强国建设示范创建申报书\n\n一、申报单位基本情况\n填写单位名称、地址。\n" \
           "二、知识产权工作基础\n近三年工作成效。\n三、创建目标和主要任务\n创建期内的目标。\n"
    ingest_file(settings, write(tmp_path / "指标.txt", indicators))
    ingest_file(settings, write(tmp_path / "申报书.txt", form))
    library = Library.from_settings(settings)
    answer = Assistant(settings, library=library).ask("示范县的评价指标有哪些？")
    assert "《附件3》" in answer.answer and "每万人口高价值发明专利拥有量" in answer.answer and answer.in_scope
    draft = draft_application("county", settings=settings, library=library)
    headings = [section.heading for section in draft.sections]
    assert headings == ["一、申报单位基本情况", "二、知识产权工作基础", "三、创建目标和主要任务"]
    assert "【待补充：每万人口高价值发明专利拥有量】" in draft.markdown()  # the facts still asked for, in 一、
    assert any(c.doc == "annex1" for c in draft.citations()) and not draft.problems


def test_overrides_win(settings: Settings) -> None:
    result = ingest_file(settings, FIXTURES / "patent-news.txt", kind="provincial_notice", province="浙江",
                         title="浙江转发的专项行动方案")
    info = Library.from_settings(settings).document(result.doc_id).info
    assert (info.kind, info.province, info.title, info.short_title) == (
        "provincial_notice", "浙江省", "浙江转发的专项行动方案", "浙江省转发通知")


def test_the_same_content_under_another_name_or_format_is_refused_naming_the_holder(
        settings: Settings, tmp_path: Path) -> None:
    ingest_file(settings, FIXTURES / "guangdong-2025.txt")
    before = snapshot(settings.data_dir)
    copy = write(tmp_path / "粤转发.md", (FIXTURES / "guangdong-2025.txt").read_text(encoding="utf-8") + "\n\n")
    with pytest.raises(DuplicateDocumentError, match=r"《广东省转发通知》（编号 guangdong-2025）相同.*--replace"):
        ingest_file(settings, copy)
    assert snapshot(settings.data_dir) == before
    again = ingest_file(settings, FIXTURES / "guangdong-2025.txt")
    assert (again.status, again.doc_id) == ("unchanged", "guangdong-2025")
    swapped = ingest_file(settings, copy, replace=True)
    assert (swapped.status, swapped.doc_id) == ("replaced", "guangdong-2025")
    files = sorted(p.name for p in (settings.documents_dir / "files").iterdir())
    assert files == ["guangdong-2025.md"]


def test_a_different_document_never_takes_a_readable_id_that_is_held(settings: Settings, tmp_path: Path) -> None:
    first = ingest_file(settings, FIXTURES / "zhejiang-2025.txt")
    other = (FIXTURES / "zhejiang-2025.txt").read_text(encoding="utf-8").replace("关于转发", "关于再次转发")
    second = ingest_file(settings, write(tmp_path / "补充.txt", other.replace("一、", "一、补充说明。\n", 1)))
    assert (first.doc_id, second.doc_id) == ("zhejiang-2025", "zhejiang-2025-2")
    remove_document(settings, "zhejiang-2025-2")
    assert "zhejiang-2025-2" not in Library.from_settings(settings).documents


@pytest.mark.parametrize("writer", ["txt", "csv", "xlsx", "docx"])
def test_a_list_of_recognised_units_reads_in_every_format(settings: Settings, tmp_path: Path, writer: str) -> None:
    rows = [row.split("\t") for row in LIST_LINES.replace("  ", "\t").replace(" ", "\t").splitlines()[1:]]
    path = tmp_path / f"名单.{writer}"
    if writer == "txt":
        write(path, LIST_LINES)
    elif writer == "csv":
        write(path, "单位名称,称号,认定年份\n" + "\n".join(",".join(r) for r in rows) + "\n")
    elif writer == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        book.active.append(["已认定单位（整理）"])
        book.active.append(["序号", "称号类别", "单位", "年度"])
        for number, (unit, title, year) in enumerate(rows, 1):
            book.active.append([number, title, unit, int(year)])
        book.save(path)
    else:
        document = docx.Document()
        document.add_paragraph("已认定单位（整理）")
        table = document.add_table(rows=len(rows) + 1, cols=3)
        for row, values in zip(table.rows, [["单位", "称号", "年份"], *rows], strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
        document.save(path)
    result = ingest_file(settings, path)
    library = Library.from_settings(settings)
    units = units_in(library.document(result.doc_id).clauses)
    assert result.kind == "recognised_list"
    assert [(u.unit, u.year) for u in units] == [("湖州市德清县人民政府", 2022), ("宁波市北仑区人民政府", 2021),
                                                  ("浙江禾丰新材料股份有限公司", 2023)]
    assert all(library.verify_quote(u.clause, u.unit) for u in units)


def test_a_row_whose_columns_say_where_before_the_name_reads_the_name_as_the_unit() -> None:
    row = read_row("序号：3；所在城市：曲靖市；企业名称：曲靖云岭装备制造有限公司；称号：国家知识产权示范企业；年度：2021")
    assert row is not None and (row.unit, row.year) == ("曲靖云岭装备制造有限公司", 2021)
    assert read_row("城市：玉溪市人民政府；称号：国家知识产权强市建设试点城市").unit == "玉溪市人民政府"


def test_rows_that_are_not_units_are_not_read_as_units() -> None:
    assert read_row("示范市不超过2个；") is None
    assert read_row("本报讯，近日，省局在全省启动知识产权强国建设示范创建推荐工作") is None  # prose split at commas
    assert read_row("据了解，我省已有示范企业30家、优势企业120家，某某市已创建示范城市") is None
    assert read_row("示范企业：周太湖 025—66662222") is None
    assert read_row("一、各设区市要认真组织，于2025年10月16日前报送。") is None
    assert read_row("省份：江苏省；项目类型：示范县；名额：3") is None


def test_a_quota_table_is_not_a_list_of_recognised_units(settings: Settings, tmp_path: Path) -> None:
    assert ingest_file(settings, write_xlsx(tmp_path / "quota.xlsx")).kind == "reference"


CITY_NOTICE = """# 柳州市市场监督管理局（柳州市知识产权局）文件

柳市监〔2025〕8号

## 市知识产权局关于转发《广西壮族自治区知识产权局关于做好示范创建推荐工作的通知》的通知

各县（区）市场监督管理局：

现将**自治区**通知转发给你们，并提出以下要求。

## 一、时间安排

（一）各县（区）于2025年9月15日前将申报工作回执报市局。

（二）申报示范企业的企业，于2025年9月26日前向所在县（区）市场监督管理局提交申报材料。

（三）示范高校、示范科研机构于2025年10月9日前直接向市局报送申报材料。

## 二、附加要求

（一）申报示范企业的，有效发明专利拥有量不少于15件。

（二）所有申报单位2022年以来未发生知识产权严重违法失信行为。

| 项目 | 推荐上限 |
|---|---|
| 示范企业 | 3家 |

## 三、申报范围

示范县由各县（区）人民政府申报，市辖城区联合申报、不单独申报。

## 四、联系方式

市局知识产权运用科 张三 0772-8888888

柳州市市场监督管理局（柳州市知识产权局）
2025年9月10日
"""
NEWS = "省里启动示范创建申报\n\n本报讯，近日，省知识产权局印发通知，启动示范创建推荐工作。\n\n" \
       "据了解，我省已有示范企业30家、优势企业120家，某某市已创建示范城市。\n\n" \
       "业内人士认为，新一届示范创建更加注重实效，将带动全省知识产权工作。\n"


def test_a_city_bureaus_forwarding_notice_in_markdown_is_that_citys(settings: Settings, tmp_path: Path) -> None:
    """Markdown marks are dropped (headings parse as headings, a table's rows read as fields); a city's office
    forwarding its province's notice is a provincial notice of that province for that city's applicants."""
    result = ingest_file(settings, write(tmp_path / "liuzhou.md", CITY_NOTICE))
    library = Library.from_settings(settings)
    document = library.document(result.doc_id)
    info = document.info
    assert (result.kind, info.province, info.locality, result.doc_id) == \
        ("provincial_notice", "广西壮族自治区", "柳州市", "liuzhou-2025")
    assert info.label == "《柳州市转发通知》" and "#" not in document.source and "**" not in document.source
    assert "项目：示范企业；推荐上限：3家。" in document.source
    from assistant.rules.provincial import provincial_notice

    own = provincial_notice(library, "广西", "柳州市")
    assert own is not None and provincial_notice(library, "广西", "桂林市") is None  # another city's applicants
    deadlines = {key: own.applicant_deadline(types) for key, types in
                 {"enterprise": ["enterprise"], "university": ["university"], "unknown": []}.items()}
    assert {key: found.date.isoformat() for key, found in deadlines.items() if found} == \
        {"enterprise": "2025-09-26", "university": "2025-10-09", "unknown": "2025-09-26"}  # never the 回执's


PRIORITY_NOTICE = """宁夏回族自治区知识产权局关于做好示范创建推荐工作的通知

宁知发〔2025〕8号

一、推荐条件

申报示范企业的，应为宁夏回族自治区知识产权优势企业。

申报示范企业的，自2023年1月1日以来未因侵犯他人知识产权受到行政处罚。

同等条件下，优先推荐以下单位：参与制定国家标准的企业；在枸杞、葡萄酒出口中积极应对海外知识产权纠纷的单位。

二、报送时间

申报单位于2025年10月10日前报送申报材料。
"""


@pytest.mark.parametrize(("told", "status"), [
    ("2024年3月因仿冒他人商标被市场监管局罚款5万元", "ineligible"),  # a breach of the kind, in the years counted
    ("2021年曾因专利侵权受过一次行政处罚，此后再没有受过处罚", "eligible"),  # before the year counted from
    ("2024年因消防检查不合格被罚款", "needs_info"),  # a breach of another kind: asked, not assumed
    ("近几年无知识产权违法失信记录", "eligible"),
])
def test_a_clean_record_since_a_date_counts_the_breaches_told_in_those_years(
        settings: Settings, tmp_path: Path, told: str, status: str) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "ningxia.txt", PRIORITY_NOTICE))
    text = f"银川一家股份有限公司，2024年被评为宁夏回族自治区知识产权优势企业，{told}，想报示范企业"
    verdict = check(text, Library.from_settings(settings), as_of=date(2025, 9, 20)).verdicts["enterprise"]
    assert verdict.status == status


def test_a_condition_is_matched_by_what_it_requires_not_by_whom_it_requires_it_of(
        settings: Settings, tmp_path: Path) -> None:
    """申报示范企业的，应为…优势企业: a text saying only that it applies for 示范企业 tells nothing of the title."""
    from datetime import date

    from assistant.rules import check

    notice = PRIORITY_NOTICE.replace("申报示范企业的，应为", "申报国家知识产权示范企业创建的，应为")
    ingest_file(settings, write(tmp_path / "ningxia.txt", notice))
    verdict = check("银川一家有限责任公司，有发明专利30件，拟申报国家知识产权示范企业", Library.from_settings(settings),
                    as_of=date(2025, 9, 20)).verdicts["enterprise"]
    assert verdict.status == "needs_info" and "优势企业" in verdict.ask[0]


@pytest.mark.parametrize(("patents", "status"), [("8", "ineligible"), ("26", "eligible")])
def test_a_condition_added_beside_the_national_rule_it_keeps_decides(
        settings: Settings, tmp_path: Path, patents: str, status: str) -> None:
    """除符合《通知》…规定外，还应…: the national rule stays and the rest is required too."""
    from datetime import date

    from assistant.rules import check

    notice = PRIORITY_NOTICE.replace("申报示范企业的，应为宁夏回族自治区知识产权优势企业。",
                                     "申报示范企业的，除符合《通知》第二条第（五）项规定外，还应拥有有效发明专利不少于20件。")
    ingest_file(settings, write(tmp_path / "ningxia.txt", notice))
    verdict = check(f"银川一家有限责任公司，有效发明专利{patents}件，想报示范企业", Library.from_settings(settings),
                    as_of=date(2025, 9, 20)).verdicts["enterprise"]
    assert verdict.status == status and "不少于20件" in verdict.reason


def test_a_provinces_priorities_are_no_conditions(settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "ningxia.txt", PRIORITY_NOTICE))
    verdict = check("银川一家股份有限公司，2024年被评为宁夏回族自治区知识产权优势企业，想报示范企业",
                    Library.from_settings(settings), as_of=date(2025, 9, 20)).verdicts["enterprise"]
    assert verdict.status == "eligible" and "优势企业" in verdict.reason and "葡萄酒" not in verdict.reason


CONTACTS_NOTICE = """青海省知识产权局文件

青知发〔2025〕6号

青海省知识产权局关于做好示范创建推荐工作的通知

各市（州）市场监督管理局：

一、推荐要求

同等条件下，优先推荐以下单位：盐湖化工产业链企业；在生态保护知识产权工作中成效突出的县；参与对口援青合作的园区。

二、联系方式

工作事项：示范企业；联系人：马建国；联系电话：0971-6100001。
工作事项：示范高校、示范科研机构；联系人：韩雪；联系电话：0971-6100002。

青海省知识产权局
2025年9月12日
"""
CONTACTS_SUPPLEMENT = """青海省知识产权局关于示范创建推荐工作的补充通知

各市（州）市场监督管理局：

因人员调整，示范企业联系人由马建国同志调整为李响同志，联系电话：0971-6100009。

青海省知识产权局
2025年9月22日
"""


@pytest.mark.parametrize(("question", "said", "unsaid"), [
    ("西宁一家企业，示范企业申报有几个问题想请教省局，找哪位？", ["李响", "0971-6100009"], ["0971-6100001"]),
    ("青海大学想报示范高校，省局联系人是谁？", ["韩雪"], ["李响"]),  # another type's contact is no answer
    ("青海这次有没有优先推荐的？我们是搞盐湖提锂的公司", ["同等条件下", "对口援青"], []),  # the list said whole
])
def test_a_provinces_arrangements_are_answered_as_in_force(
        settings: Settings, tmp_path: Path, question: str, said: list[str], unsaid: list[str]) -> None:
    """What a later notice replaces (由马建国同志调整为李响同志) is no answer from the earlier one; a contact of another
    type than asked is none; the items of a list after one lead-in are quoted together."""
    from datetime import date

    from assistant.answering import Assistant

    ingest_file(settings, write(tmp_path / "qinghai.txt", CONTACTS_NOTICE))
    ingest_file(settings, write(tmp_path / "qinghai-supplement.txt", CONTACTS_SUPPLEMENT))
    answer = Assistant(settings).ask(question, as_of=date(2025, 9, 25)).answer.split("依据")[0]
    assert all(word in answer for word in said) and not any(word in answer for word in unsaid)


PREFECTURE_NOTICE = """海南州市场监督管理局（海南州知识产权局）

海州市监〔2025〕9号

海南州市场监督管理局（海南州知识产权局）关于转发《青海省知识产权局关于做好示范创建推荐工作的通知》的通知

各县市场监督管理局：

一、报送时间

各县人民政府申报示范县的，于2025年9月29日前将申报材料报州局。

海南州市场监督管理局
2025年9月15日
"""


def test_a_prefecture_whose_name_begins_like_another_province_forwards_its_own_provinces_notice(
        settings: Settings, tmp_path: Path) -> None:
    """A letterhead naming the office alone, without 文件, heads the notice; 海南州 is a prefecture of 青海, the
    province whose notice it forwards, not 海南省."""
    from assistant.rules.provincial import provincial_notice

    result = ingest_file(settings, write(tmp_path / "hainanzhou.txt", PREFECTURE_NOTICE))
    library = Library.from_settings(settings)
    info = library.document(result.doc_id).info
    assert (result.kind, info.province, info.locality, info.docno) == \
        ("provincial_notice", "青海省", "海南州", "海州市监〔2025〕9号")
    assert provincial_notice(library, "海南") is None
    own = provincial_notice(library, "青海", "海南藏族自治州")
    assert own is not None and own.applicant_deadline(["county"]).date.isoformat() == "2025-09-29"


PROVINCE_TABLE_NOTICE = """# 贵州省知识产权局文件

黔知发〔2025〕12号

## 贵州省知识产权局关于做好示范创建推荐工作的通知

各市（州）市场监督管理局：

## 一、补充条件

申报示范企业的，应为截至2025年8月31日已获评贵州省知识产权优势企业的企业。

申报单位近三年发生重大安全生产事故或被列入严重违法失信名单的，不予推荐。

## 二、报送时间

| 项目 | 渠道 | 截止时间 |
|---|---|---|
| 示范企业 | 向所在市（州）局申报；市（州）局审核后汇总报送 | 2025年10月9日前 |
| 示范高校、示范科研机构 | 直接向省局报送 | 2025年10月14日前 |

## 三、报送方式

申报材料须同时报送电子版和纸质版。纸质材料一式3份，加盖单位公章。报送地址：贵阳市观山湖区长岭北路66号1206室。电子版发送至gzsfcj@example.org。

贵州省知识产权局
2025年9月12日
"""


def test_each_row_of_a_deadline_table_is_one_record_and_an_as_of_date_is_no_deadline(
        settings: Settings, tmp_path: Path) -> None:
    """A row whose cell holds its own ； stays one record (its project type decides whose date it is); 截至…已获评
    dates a condition, not a hand-in."""
    from assistant.rules.provincial import provincial_notice

    ingest_file(settings, write(tmp_path / "guizhou.md", PROVINCE_TABLE_NOTICE))
    notice = provincial_notice(Library.from_settings(settings), "贵州")
    assert notice is not None
    assert {key: found.date.isoformat() for key in ("enterprise", "university")
            if (found := notice.applicant_deadline([key]))} == {"enterprise": "2025-10-09", "university": "2025-10-14"}
    assert [d.date.isoformat() for d in notice.deadlines] == ["2025-10-09", "2025-10-14"]


SUPPLEMENT = """贵州省知识产权局关于示范创建推荐工作有关事项的补充通知

各市（州）市场监督管理局：

因部分企业反映材料准备时间较紧，经研究，示范企业申报材料报送截止时间由2025年10月9日调整为2025年10月16日。
示范企业在申报系统完成账号注册的时间（2025年9月26日前）不变。其他事项仍按原通知执行。

贵州省知识产权局
2025年9月25日
"""


def test_a_supplementary_notice_moves_the_deadline_it_names_and_leaves_the_rest(
        settings: Settings, tmp_path: Path) -> None:
    """A province's later notice amending its forwarding notice: the date it moves a deadline to replaces that
    type's (the date moved from, and a registration date restated as unchanged, are no deadline for the
    materials), the other types keep theirs, the conditions stay in force, and each is cited from the notice that
    sets it."""
    from datetime import date

    from assistant.answering import Assistant
    from assistant.rules import check
    from assistant.rules.provincial import provincial_notice

    ingest_file(settings, write(tmp_path / "guizhou.md", PROVINCE_TABLE_NOTICE))
    supplement = ingest_file(settings, write(tmp_path / "guizhou-supplement.txt", SUPPLEMENT))
    library = Library.from_settings(settings)
    assert library.document(supplement.doc_id).info.label == "《贵州省补充通知》"
    notice = provincial_notice(library, "贵州")
    assert notice is not None
    assert {key: (found.date.isoformat(), found.citation.doc) for key in ("enterprise", "university")
            if (found := notice.applicant_deadline([key]))} == \
        {"enterprise": ("2025-10-16", supplement.doc_id), "university": ("2025-10-14", "guizhou-2025")}
    verdict = check("遵义一家有限责任公司，2023年获评贵州省知识产权优势企业，想报示范企业", library,
                    as_of=date(2025, 10, 12)).verdicts["enterprise"]
    assert verdict.status == "eligible" and "按《贵州省补充通知》，材料须于2025年10月16日前报送" in verdict.reason
    assert "不属于《贵州省转发通知》所列不予推荐的情形" in verdict.reason
    answer = Assistant(settings).ask("遵义的企业报示范企业，材料最晚什么时候交？", as_of=date(2025, 10, 12))
    said = answer.answer.split("依据")[0]
    assert "2025年10月16日" in said and "2025年10月9日" not in said
    assert [c.doc for c in answer.citations][:1] == [supplement.doc_id]


@pytest.mark.parametrize(("said", "status"), [
    ("2023年获评贵州省知识产权优势企业，近年无违法失信记录", "eligible"),
    ("2021年是国家知识产权优势企业，省级知识产权优势企业还没评上", "ineligible"),  # a title of another level, and none held
    ("申报了贵州省知识产权优势企业，名单还在公示", "ineligible"),  # not yet held
    ("2023年获评贵州省知识产权优势企业，去年被列入严重违法失信名单", "ineligible"),  # what the notice rules out
])
def test_a_provincial_condition_is_met_only_by_the_title_it_names_as_held(
        settings: Settings, tmp_path: Path, said: str, status: str) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "guizhou.md", PROVINCE_TABLE_NOTICE))
    verdict = check(f"遵义一家有限责任公司，{said}，想报示范企业", Library.from_settings(settings),
                    as_of=date(2025, 9, 20)).verdicts["enterprise"]
    assert verdict.status == status and "guizhou-2025" in [c.doc for c in verdict.citations]


def test_a_verdict_still_open_says_what_the_provincial_notice_requires_beside_it(
        settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "guizhou.md", PROVINCE_TABLE_NOTICE))
    verdict = check("遵义的一家企业想报示范企业", Library.from_settings(settings),
                    as_of=date(2025, 9, 20)).verdicts["enterprise"]
    assert verdict.status == "needs_info" and "已获评贵州省知识产权优势企业" in verdict.reason
    assert "guizhou-2025" in [c.doc for c in verdict.citations]


def test_an_eligible_types_provincial_deadline_is_said_in_the_screening(settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "guizhou.md", PROVINCE_TABLE_NOTICE))
    text = "遵义一家有限责任公司，2023年获评贵州省知识产权优势企业，想报示范企业"
    verdict = check(text, Library.from_settings(settings), as_of=date(2025, 9, 20)).verdicts["enterprise"]
    assert verdict.status == "eligible" and "材料须于2025年10月9日前报送，截至2025年9月20日尚未截止，还剩19天" in verdict.reason
    assert "不属于《贵州省转发通知》所列不予推荐的情形" in verdict.reason
    late = check(text, Library.from_settings(settings), as_of=date(2025, 10, 10)).verdicts["enterprise"]
    assert "已过期" in late.reason
    from assistant.answering import Assistant

    asked = Assistant(settings).ask(f"{text}，能报吗？最晚哪天交？", as_of=date(2025, 9, 20)).answer.split("依据")[0]
    assert asked.count("2025年10月9日") == 1  # said once, by the answer about dates


ZONE_CITY_NOTICE = """# 六盘水市市场监督管理局文件

六盘水市监〔2025〕21号

## 市市场监督管理局关于转发《贵州省知识产权局关于做好示范创建推荐工作的通知》的通知

各区、县人民政府，钟山经济开发区管委会：

## 一、时间安排

申报单位于2025年9月28日前向市局报送申报材料。

## 二、申报安排

（一）服务业高质量集聚发展示范区。全市由钟山经济开发区管委会统一申报，各区、县人民政府不单独申报。

（二）示范县。各区、县人民政府自愿申报。

## 三、联系人

市局知识产权科 王五 0858-8222333

六盘水市市场监督管理局
2025年9月16日
"""


def test_a_citys_rule_that_its_districts_do_not_apply_on_their_own_decides_for_them(
        settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "liupanshui.md", ZONE_CITY_NOTICE))
    library = Library.from_settings(settings)
    text = "六盘水市钟山区人民政府，区里知识产权服务机构集聚，想报服务业集聚示范区和示范县"
    verdicts = check(text, library, as_of=date(2025, 9, 20)).verdicts
    assert verdicts["service_zone"].status == "ineligible" and "不单独申报" in verdicts["service_zone"].reason
    assert verdicts["service_zone"].citations[0].doc == "liupanshui-2025"  # the rule that decides is cited first
    assert verdicts["county"].status == "eligible"
    assert list(verdicts)[:2] == ["county", "service_zone"]  # the report leads with the types the text names


def test_who_is_in_charge_at_a_loaded_notices_office_is_its_contact_without_the_section_heading(
        settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.answering import Assistant

    ingest_file(settings, write(tmp_path / "liupanshui.md", ZONE_CITY_NOTICE))
    answer = Assistant(settings).ask("六盘水市局示范县这块谁负责？", as_of=date(2025, 9, 20))
    assert answer.in_scope and "0858-8222333" in answer.answer and "三、联系人" not in answer.answer


MUNICIPAL_NOTICE = """重庆市知识产权局关于做好示范创建推荐工作的通知

渝知发〔2025〕60号

各区县（自治县）知识产权局：

一、申报条件

申报示范企业的，应为有效期内的重庆市知识产权示范单位。

二、时间安排

申报单位于2025年10月9日前报送申报材料。

重庆市知识产权局
2025年9月12日
"""
DISTRICT_NOTICE = """重庆市渝北区市场监督管理局关于转发《重庆市知识产权局关于做好示范创建推荐工作的通知》及补充通知的通知

各有关企业：

一、时间安排

本区申报单位于2025年9月26日前向区局报送申报材料。

二、联系人

区局知识产权科 孙八 023-67000000

重庆市渝北区市场监督管理局
2025年9月18日
"""


def test_a_municipal_districts_forwarding_binds_that_district_only(settings: Settings, tmp_path: Path) -> None:
    """A district bureau of a municipality forwarding its notice (and the amendment) is a forwarding notice for that
    district's applicants; a company named after the city is where it says it is registered."""
    from datetime import date

    from assistant.answering import Assistant

    ingest_file(settings, write(tmp_path / "chongqing.txt", MUNICIPAL_NOTICE))
    district = ingest_file(settings, write(tmp_path / "yubei.txt", DISTRICT_NOTICE))
    assert Library.from_settings(settings).document(district.doc_id).info.label == "《渝北区转发通知》"
    assistant = Assistant(settings)
    inside = assistant.ask("重庆云联科技有限公司，渝北区注册，材料最晚哪天交？", as_of=date(2025, 9, 20)).answer
    outside = assistant.ask("重庆云联科技有限公司，江北区注册，材料最晚哪天交？", as_of=date(2025, 9, 20)).answer
    assert "2025年9月26日" in inside and "2025年9月26日" not in outside and "2025年10月9日" in outside


@pytest.mark.parametrize(("said", "status"), [
    ("是重庆市知识产权示范单位", "eligible"),
    ("是重庆市知识产权试点单位，示范单位还没评上", "ineligible"),  # the unit title required is not held
    ("重庆市知识产权示范单位的证书去年底到期了", "ineligible"),  # held once, lapsed
    ("是重庆市知识产权示范单位（2027年到期）", "eligible"),  # held until then
])
def test_a_local_demonstration_unit_title_required_is_met_only_when_held(
        settings: Settings, tmp_path: Path, said: str, status: str) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "chongqing.txt", MUNICIPAL_NOTICE))
    verdict = check(f"重庆云联科技有限公司，有限责任公司，江北区注册，{said}，想报示范企业", Library.from_settings(settings),
                    as_of=date(2025, 9, 20)).verdicts["enterprise"]
    assert verdict.status == status


OFFICE_STEP_MOVED = """重庆市知识产权局关于示范创建推荐工作有关事项的补充通知

渝知发〔2025〕66号

各区县（自治县）知识产权局：

一、时间调整

各区县审核推荐截止时间由2025年10月13日调整为2025年10月20日。

重庆市知识产权局
2025年9月25日
"""


def test_a_lower_offices_step_moved_leaves_the_applicants_own_deadline(settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.rules.provincial import provincial_notice

    ingest_file(settings, write(tmp_path / "chongqing.txt", MUNICIPAL_NOTICE))
    ingest_file(settings, write(tmp_path / "chongqing-supplement.txt", OFFICE_STEP_MOVED))
    notice = provincial_notice(Library.from_settings(settings), "重庆", as_of=date(2025, 9, 28))
    assert notice is not None and (deadline := notice.applicant_deadline(["enterprise"])) is not None
    assert deadline.date == date(2025, 10, 9)


@pytest.mark.parametrize(("loaded", "status"), [(True, "eligible"), (False, "needs_info")])
def test_a_name_of_several_places_is_the_one_in_the_province_whose_notice_is_loaded(
        settings: Settings, tmp_path: Path, loaded: bool, status: str) -> None:
    from datetime import date

    from assistant.rules import check

    if loaded:
        ingest_file(settings, write(tmp_path / "chongqing.txt", MUNICIPAL_NOTICE))
    verdict = check("江北区人民政府想报示范市", Library.from_settings(settings), as_of=date(2025, 9, 20)).verdicts["city"]
    assert verdict.status == status


OLDER_ROUND = """国家知识产权局办公室关于组织开展2022年度国家知识产权优势企业和示范企业申报工作的通知

国知办函运字〔2022〕480号

各省、自治区、直辖市知识产权局：

现组织开展2022年度国家知识产权优势企业和示范企业申报工作，有关事项通知如下。

一、工作安排

（一）企业申报。申报企业于2022年8月20日前登录申报系统在线填报，提交至所在地省级知识产权局。

（二）省级推荐。各省级知识产权局于2022年9月20日前将推荐名单报送国家知识产权局。

二、联系方式

运用促进司 钱七 010-66660000

国家知识产权局办公室
2022年7月15日
"""


def test_an_earlier_round_that_ran_another_programme_too_is_answered_from_its_loaded_notice(
        settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.answering import Assistant

    assert ingest_file(settings, write(tmp_path / "older.txt", OLDER_ROUND)).kind == "reference"
    answer = Assistant(settings).ask("2022年度那批优势企业和示范企业申报，企业要在几号前在线填报？", as_of=date(2025, 10, 1))
    assert answer.in_scope and "2022年8月20日" in answer.answer and "（参考）" in answer.answer


def test_what_an_earlier_rounds_loaded_notice_arranged_is_answered_from_it_not_from_this_rounds_notices(
        settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.answering import Assistant

    ingest_file(settings, write(tmp_path / "liupanshui.md", ZONE_CITY_NOTICE))
    ingest_file(settings, write(tmp_path / "older.txt", OLDER_ROUND))
    answer = Assistant(settings).ask("2022年那次省局报名单是几号前？当时国家局找谁？", as_of=date(2025, 10, 1))
    assert answer.citations[0].doc == "ref-2022-480" and "2022年9月20日" in answer.answer and "钱七" in answer.answer
    assert "liupanshui-2025" not in {c.doc for c in answer.citations} and "不作为本届申报的依据" in answer.answer


LAUNCH_NEWS = "全市示范创建推进会召开\n\n来源：六盘水日报\n\n" \
              "9月18日，全市知识产权强国建设示范创建推进会在钟山区召开，市局副局长赵六出席会议并讲话。\n\n" \
              "会议要求，企业申报材料于9月28日前报送市局。\n"


@pytest.mark.parametrize(("question", "from_the_news"), [
    ("日报上写的那个推进会在哪天开的？谁讲的话？", True),  # what the news reported
    ("日报上说企业材料报市局，市局那边谁负责？", False),  # what the notices arrange
])
def test_a_news_item_answers_what_it_reported_but_not_what_the_notices_arrange(
        settings: Settings, tmp_path: Path, question: str, from_the_news: bool) -> None:
    from datetime import date

    from assistant.answering import Assistant

    ingest_file(settings, write(tmp_path / "liupanshui.md", ZONE_CITY_NOTICE))
    ingest_file(settings, write(tmp_path / "launch.md", LAUNCH_NEWS), kind="reference")
    answer = Assistant(settings).ask(question, as_of=date(2025, 9, 20))
    assert (answer.citations[0].doc == "launch") == from_the_news
    if from_the_news:
        assert "9月18日" in answer.answer and "赵六" in answer.answer


def test_each_detail_asked_of_a_provinces_arrangements_is_answered(settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.answering import Assistant

    ingest_file(settings, write(tmp_path / "guizhou.md", PROVINCE_TABLE_NOTICE))
    answer = Assistant(settings).ask("遵义的企业，申报材料纸质版要几份？寄到哪？", as_of=date(2025, 9, 20)).answer
    assert "一式3份" in answer and "长岭北路66号" in answer


def test_a_news_item_naming_titles_is_no_list(settings: Settings, tmp_path: Path) -> None:
    assert ingest_file(settings, write(tmp_path / "news.md", NEWS)).kind == "reference"


def test_a_listed_title_holds_only_for_that_unit_and_while_not_revoked(settings: Settings, tmp_path: Path) -> None:
    """A row's 备注 that the title was revoked leaves it unheld; a branch of a listed company, or a unit whose name
    only starts like a listed one's (…学院 for …大学), is not the listed unit."""
    from datetime import date

    from assistant.rules import check

    write(tmp_path / "名单.csv", "单位名称,类型,年度,备注\n江西赣鄱精工股份有限公司,国家知识产权示范企业,2020,\n"
          "江西青原重工有限公司,国家知识产权示范企业,2019,2023年复核不合格，已撤销\n"
          "江西洪都理工大学,国家知识产权示范高校,2021,\n")
    ingest_file(settings, tmp_path / "名单.csv")
    library = Library.from_settings(settings)

    def status(text: str, key: str) -> str:
        return check(text, library, as_of=date(2025, 10, 1)).verdicts[key].status

    assert status("江西赣鄱精工股份有限公司想报示范企业", "enterprise") == "already_recognized"
    assert status("江西赣鄱精工股份有限公司南昌分公司想报示范企业，不是独立法人", "enterprise") == "ineligible"
    revoked = check("江西青原重工有限公司想报示范企业", library, as_of=date(2025, 10, 1)).verdicts["enterprise"]
    assert revoked.status == "eligible" and "已撤销" in revoked.reason
    assert status("江西洪都理工大学想报示范高校", "university") == "already_recognized"
    assert status("江西洪都理工学院想报示范高校", "university") != "already_recognized"
    from assistant.answering import Assistant

    answer = Assistant(settings).ask("江西青原重工有限公司能报示范企业吗？", as_of=date(2025, 10, 1))
    assert "已撤销" in answer.answer and "recognised-2019-2021" in [c.doc for c in answer.citations]  # the row said
    again = Assistant(settings).ask("江西赣鄱精工股份有限公司这届还需要报示范企业吗？", as_of=date(2025, 10, 1))
    assert again.verdicts["enterprise"].status == "already_recognized" and "继续有效" in again.answer


@pytest.mark.parametrize(("said", "status"), [
    ("有效发明专利22件", "eligible"),  # the figure the city's notice requires, reached
    ("有效发明专利9件", "ineligible"),  # stated short of it
    ("研发投入占比6%", "needs_info"),  # not spoken of: the question to ask
    ("有效发明专利22件，去年因专利侵权受到行政处罚", "needs_info"),  # a clean record is presumed, unless a breach is told
])
def test_a_loaded_notices_conditions_decide_with_the_national_rules(
        settings: Settings, tmp_path: Path, said: str, status: str) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "liuzhou.md", CITY_NOTICE))
    library = Library.from_settings(settings)
    verdict = check(f"柳州市一家有限责任公司，{said}，想报示范企业", library, as_of=date(2025, 9, 20)).verdicts["enterprise"]
    assert verdict.status == status and "liuzhou-2025" in [c.doc for c in verdict.citations]
    assert status != "ineligible" or verdict.citations[0].doc == "liuzhou-2025"  # the condition failed comes first
    assert status != "needs_info" or ("不少于15件" in verdict.ask[0]) == ("研发" in said)  # the condition unsaid
    elsewhere = check(f"桂林市一家有限责任公司，{said}，想报示范企业", library, as_of=date(2025, 9, 20))
    assert elsewhere.verdicts["enterprise"].status == "eligible"  # the city's conditions are its own


def test_an_office_below_the_province_gets_the_loaded_notices_deadline_first(settings: Settings, tmp_path: Path) -> None:
    """A district's bureau sends on to the city, as applicants do: the national date is the provincial offices'."""
    from datetime import date

    from assistant.answering import Assistant

    ingest_file(settings, write(tmp_path / "liuzhou.md", CITY_NOTICE))
    answer = Assistant(settings).ask("我是柳州市柳江区市场监管局的，示范企业的申报材料最晚哪天交？", as_of=date(2025, 9, 20))
    assert [c.doc for c in answer.citations][:1] == ["liuzhou-2025"] and "2025年9月26日" in answer.answer
    assert "柳州市申报单位的材料" in answer.answer  # a city bureau's notice binds that city's applicants
    relayed = Assistant(settings).ask("柳州一家企业来电咨询：示范企业的材料最晚哪天交？", as_of=date(2025, 9, 20))
    assert "2025年9月26日" in relayed.answer and "0772-8888888" not in relayed.answer  # 咨询 asks for no contacts


def test_a_limit_in_a_table_row_is_quoted_whole(settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.answering import Assistant

    ingest_file(settings, write(tmp_path / "liuzhou.md", CITY_NOTICE))
    answer = Assistant(settings).ask("柳州市的示范企业最多能推几家？", as_of=date(2025, 9, 20))
    assert "项目：示范企业；推荐上限：3家。" in [c.quote for c in answer.citations]


def test_a_loaded_notices_rule_on_who_applies_is_said_beside_the_verdict(settings: Settings, tmp_path: Path) -> None:
    """示范县由各县（区）人民政府申报，…不单独申报: the national rules decide; the local arrangement is quoted beside the
    verdict for the type asked about, and only for the notice's own applicants."""
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "liuzhou.md", CITY_NOTICE))
    library = Library.from_settings(settings)
    verdict = check("柳州市鱼峰区人民政府能报示范县吗？", library, as_of=date(2025, 9, 20)).verdicts["county"]
    assert verdict.status == "eligible" and "不单独申报" in verdict.reason
    assert "liuzhou-2025" in [c.doc for c in verdict.citations]
    elsewhere = check("桂林市七星区人民政府能报示范县吗？", library, as_of=date(2025, 9, 20)).verdicts["county"]
    assert "不单独申报" not in elsewhere.reason


def test_a_listed_advantage_enterprise_is_said_beside_the_enterprise_verdict(settings: Settings, tmp_path: Path) -> None:
    """优势企业 is no 示范 title: the verdict stands, and the list's row is said and cited beside it."""
    from datetime import date

    from assistant.rules import check

    write(tmp_path / "名单.csv", "单位名称,类型,年度\n江西昌北光电股份有限公司,国家知识产权优势企业,2022\n")
    result = ingest_file(settings, tmp_path / "名单.csv")
    verdict = check("江西昌北光电股份有限公司想报示范企业", Library.from_settings(settings),
                    as_of=date(2025, 10, 1)).verdicts["enterprise"]
    assert verdict.status == "eligible" and "优势企业" in verdict.reason
    assert result.doc_id in [c.doc for c in verdict.citations]


def test_an_arrangement_asked_is_answered_by_the_closest_sentence_when_none_says_it_in_the_aspects_words(
        settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.answering import Assistant

    notice = CONTACTS_NOTICE.replace("二、联系方式\n", "二、联系方式\n\n示范企业由所在市（州）局审核后报省局。\n")
    ingest_file(settings, write(tmp_path / "qinghai.txt", notice))
    answer = Assistant(settings).ask("海东的企业报示范企业，是交到市局还是直接交省局？", as_of=date(2025, 9, 25)).answer
    assert "由所在市（州）局审核后报省局" in answer.split("依据")[0]


def test_a_piece_naming_no_type_is_answered_for_the_types_its_question_names(settings: Settings, tmp_path: Path) -> None:
    """示范企业最晚哪天交？联系人是谁？: the 示范企业 contact, not every type's; a loaded notice that sets the
    applicants no date is said to set none, not to be missing."""
    from datetime import date

    from assistant.answering import Assistant

    ingest_file(settings, write(tmp_path / "qinghai.txt", CONTACTS_NOTICE))
    answer = Assistant(settings).ask("海东的企业报示范企业，材料最晚哪天交？省局联系人是谁？",
                                     as_of=date(2025, 9, 25)).answer.split("依据")[0]
    assert "马建国" in answer and "韩雪" not in answer
    assert "《青海省转发通知》未写明申报单位的报送时间" in answer and "未载入" not in answer


NAMED_DISTRICTS_NOTICE = """# 包头市市场监督管理局文件

包市监发〔2025〕9号

## 包头市市场监督管理局关于转发《内蒙古自治区知识产权局关于组织开展2025—2027年知识产权强国建设示范创建工作的通知》的通知

各旗县区市场监督管理局：

## 一、申报项目

（一）示范市。以包头市人民政府名义申报。昆都仑区、青山区不单独申报国家知识产权强县建设示范县。

## 二、本市申报条件

申报示范企业的企业，应已被认定为包头市知识产权示范企业。

## 三、联系人

市局知识产权科 赵六 0472-5111222

包头市市场监督管理局
2025年9月18日
"""


@pytest.mark.parametrize(("text", "status"), [
    ("包头市青山区人民政府打算报示范县", "ineligible"),  # a district the arrangement names
    ("包头市九原区人民政府打算报示范县", "eligible"),  # one it does not name
])
def test_districts_a_city_names_as_not_applying_on_their_own_are_those_alone(
        settings: Settings, tmp_path: Path, text: str, status: str) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "baotou.md", NAMED_DISTRICTS_NOTICE))
    verdict = check(text, Library.from_settings(settings), as_of=date(2025, 9, 20)).verdicts["county"]
    assert verdict.status == status


@pytest.mark.parametrize(("said", "status"), [
    ("去年评上了包头市知识产权优势企业，市级的示范企业还没拿到", "ineligible"),  # another title of the level
    ("2024年已被认定为包头市知识产权示范企业", "eligible"),
    ("打算申报示范企业", "needs_info"),  # the application, not a title held
])
def test_a_required_local_title_is_held_only_as_its_own_kind(settings: Settings, tmp_path: Path, said: str,
                                                              status: str) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "baotou.md", NAMED_DISTRICTS_NOTICE))
    text = f"包头某某稀土材料有限公司，有限责任公司，独立法人，{said}。"
    verdict = check(text, Library.from_settings(settings), as_of=date(2025, 9, 20)).verdicts["enterprise"]
    assert verdict.status == status


def test_a_listed_units_other_name_in_the_remarks_finds_it(settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.rules import check

    rows = ("序号,单位名称,类别,认定年度,备注\n"
            "1,中科院某某海洋所,国家知识产权示范科研机构,2023,中国科学院某某海洋研究所\n"
            "2,某某研究所,国家知识产权示范科研机构,2022,2024年已撤销\n")
    ingest_file(settings, write(tmp_path / "recognised-2023.csv", rows), kind="recognised_list")
    text = "中国科学院某某海洋研究所想报示范科研机构"
    verdict = check(text, Library.from_settings(settings), as_of=date(2025, 9, 20)).verdicts["institute"]
    assert verdict.status == "already_recognized" and "2023" in verdict.reason


PAPER_NOTICE = """宁夏回族自治区知识产权局关于做好示范创建推荐工作的通知

各市市场监督管理局：

## 一、报送时间

| 申报项目 | 截止时间 |
|---|---|
| 示范企业（电子材料） | 2025年10月10日 |
| 示范高校（电子材料） | 2025年10月14日 |
| 纸质材料（各类项目） | 2025年10月16日 |

宁夏回族自治区知识产权局
2025年9月18日
"""
PAPER_SUPPLEMENT = """宁夏回族自治区知识产权局关于示范创建推荐工作有关事项的补充通知

各市市场监督管理局：

示范高校电子材料报送截止时间由2025年10月14日延长至2025年10月21日，纸质材料可于2025年10月21日前一并寄送。
其他事项仍按原通知执行。

宁夏回族自治区知识产权局
2025年9月30日
"""


def test_a_later_notice_replaces_a_deadline_set_for_every_type_only_for_the_types_it_speaks_of(
        settings: Settings, tmp_path: Path) -> None:
    """The paper deadline the first notice sets for every type stands for the types the supplement is silent on."""
    from assistant.rules.provincial import provincial_notice

    ingest_file(settings, write(tmp_path / "ningxia.md", PAPER_NOTICE))
    ingest_file(settings, write(tmp_path / "ningxia-supplement.txt", PAPER_SUPPLEMENT))
    notice = provincial_notice(Library.from_settings(settings), "宁夏")
    assert notice is not None
    assert {key: found.date.isoformat() for key in ("enterprise", "university")
            if (found := notice.applicant_deadline([key]))} == {"enterprise": "2025-10-10", "university": "2025-10-21"}


GUANGXI_NOTICE = """广西壮族自治区知识产权局关于做好示范创建推荐工作的通知

各设区市市场监督管理局：

一、示范园区申报材料于2025年10月11日前报送自治区局。

二、联系方式：自治区局运用促进处 黄六 0771-5555666

广西壮族自治区知识产权局
2025年9月5日
"""


def test_a_date_the_provinces_notice_sets_binds_the_provinces_applicants_though_a_citys_notice_leads(
        settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.answering import Assistant

    ingest_file(settings, write(tmp_path / "liuzhou.md", CITY_NOTICE))
    ingest_file(settings, write(tmp_path / "guangxi.txt", GUANGXI_NOTICE))
    answer = Assistant(settings).ask("柳州高新区管委会想报示范园区，材料哪天前要交？", as_of=date(2025, 9, 20))
    assert "广西壮族自治区申报单位的材料须于2025年10月11日前报送" in answer.answer


def test_a_remark_naming_a_kind_or_level_is_no_other_name_of_the_listed_unit(settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.rules import check

    rows = ("序号,园区名称,类别,确定年份,备注\n"
            "1,西宁经济技术开发区管理委员会,国家知识产权强国建设示范园区,2022,国家级经开区\n")
    ingest_file(settings, write(tmp_path / "parks.csv", rows), kind="recognised_list")
    text = "格尔木昆仑经济技术开发区管委会（国家级经开区），想报示范园区"
    assert check(text, Library.from_settings(settings), as_of=date(2025, 9, 20)).verdicts["park"].status == "eligible"


SCOPE_NOTICE = """青海省知识产权局关于做好示范创建推荐工作的通知

各市（州）市场监督管理局：

## 一、申报项目和申报主体

（一）示范县由各县（市、区）人民政府申报。

（二）申报示范企业的，应为已认定的国家知识产权优势企业或青海省知识产权示范企业。

青海省知识产权局
2025年9月16日
"""


@pytest.mark.parametrize(("said", "listed", "status"), [
    ("2021年被评为国家知识产权优势企业。本届打算申报示范企业", "", "eligible"),  # the next clause is this round's
    ("拟申报示范企业", "", "needs_info"),
    ("拟申报示范企业", "西宁高原锂能有限公司,国家知识产权优势企业,2023\n", "eligible"),  # the list says it holds it
])
def test_a_condition_said_of_a_types_applicants_in_the_scope_section_decides_and_a_list_can_meet_it(
        settings: Settings, tmp_path: Path, said: str, listed: str, status: str) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "qinghai.md", SCOPE_NOTICE))
    if listed:
        ingest_file(settings, write(tmp_path / "list.csv", f"单位名称,类别,认定年度\n{listed}"), kind="recognised_list")
    text = f"西宁高原锂能有限公司，注册在西宁市城北区的有限责任公司，{said}。"
    verdict = check(text, Library.from_settings(settings), as_of=date(2025, 9, 20)).verdicts["enterprise"]
    assert verdict.status == status and "qinghai-2025" in [c.doc for c in verdict.citations]


LIFTING_NOTICE = """甘肃省知识产权局关于做好示范创建推荐工作的通知

各市（州）市场监督管理局：

## 一、申报项目和申报主体

（一）申报示范企业的，应为已认定的甘肃省知识产权示范企业。

## 二、联系方式

示范企业：马文 0931-8888001

甘肃省知识产权局
2025年9月15日
"""
LIFTING_SUPPLEMENT = """甘肃省知识产权局关于示范创建推荐工作有关事项的补充通知

各市（州）市场监督管理局：

## 一、取消示范企业前置条件

原通知“申报示范企业的，应为已认定的甘肃省知识产权示范企业”的规定不再执行。

## 二、调整联系人

原通知中示范企业联系人马文同志因工作调整不再负责此项工作，改由杨青同志负责，电话0931-8888002。

除上述调整外，其他事项仍按原通知执行。

甘肃省知识产权局
2025年9月28日
"""


def test_what_a_later_notice_lifts_is_out_of_force_and_what_it_changes_is_said_when_asked(
        settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.answering import Assistant
    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "gansu.md", LIFTING_NOTICE))
    ingest_file(settings, write(tmp_path / "gansu-supplement.md", LIFTING_SUPPLEMENT))
    verdict = check("兰州一家有限责任公司，想报示范企业", Library.from_settings(settings),
                    as_of=date(2025, 10, 1)).verdicts["enterprise"]
    assert verdict.status == "eligible"  # the condition the supplement lifted no longer decides
    assistant = Assistant(settings)
    contact = assistant.ask("甘肃的示范企业找谁联系？", as_of=date(2025, 10, 1))
    assert "杨青" in contact.answer and "马文 0931-8888001" not in contact.answer
    changes = assistant.ask("甘肃那个补充通知主要调整了哪些内容？", as_of=date(2025, 10, 1))
    assert changes.in_scope and changes.answer.startswith("按《甘肃省补充通知》")
    assert "杨青" in changes.answer and "其他事项仍按原通知执行" in changes.answer


@pytest.mark.parametrize(("office", "said", "unsaid"), [("自治区局", "黄六", "张三"), ("市局", "张三", "黄六")])
def test_whom_to_ask_at_the_office_named_is_that_offices_contact(settings: Settings, tmp_path: Path, office: str,
                                                                  said: str, unsaid: str) -> None:
    from datetime import date

    from assistant.answering import Assistant

    ingest_file(settings, write(tmp_path / "liuzhou.md", CITY_NOTICE))
    ingest_file(settings, write(tmp_path / "guangxi.txt", GUANGXI_NOTICE))
    answer = Assistant(settings).ask(f"柳州一家企业报示范企业，有问题找{office}哪位？", as_of=date(2025, 9, 20))
    assert said in answer.answer and unsaid not in answer.answer


AGE_NOTICE = """宁夏回族自治区知识产权局关于做好示范创建推荐工作的通知

各市市场监督管理局：

## 一、申报条件

（一）申报示范科研机构的，应在本区登记注册满三年。

（二）申报示范企业的，须持有有效的知识产权管理体系认证证书（GB/T 29490）。

宁夏回族自治区知识产权局
2025年9月18日
"""


@pytest.mark.parametrize(("text", "key", "status"), [
    ("银川市一家农业科学研究所，自治区政府设立的事业单位，2018年登记，想报示范科研机构", "institute", "eligible"),
    ("银川市一家农业科学研究所，自治区政府设立的事业单位，前年刚登记成立，想报示范科研机构", "institute", "ineligible"),
    ("银川市一家农业科学研究所，自治区政府设立的事业单位，想报示范科研机构", "institute", "needs_info"),
    ("银川一家有限责任公司，去年做了贯标，证书有效，想报示范企业", "enterprise", "eligible"),  # what applicants call it
])
def test_a_condition_on_a_units_age_is_counted_from_the_year_it_was_set_up(
        settings: Settings, tmp_path: Path, text: str, key: str, status: str) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "ningxia.md", AGE_NOTICE))
    assert check(text, Library.from_settings(settings), as_of=date(2025, 9, 25)).verdicts[key].status == status


ONE_OF_TWO_NOTICE = """甘肃省知识产权局关于做好示范创建推荐工作的通知

各市（州）市场监督管理局：

## 一、申报安排

同一县（市、区）人民政府只能在示范县和服务业集聚发展示范区中选报一项。

甘肃省知识产权局
2025年9月15日
"""


def test_a_rule_that_a_government_applies_for_one_of_two_types_is_said_beside_each(
        settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "gansu.md", ONE_OF_TWO_NOTICE))
    text = "我们是天水市甘谷县人民政府，县城知识产权服务机构扎堆，想报示范县和服务业集聚区"
    verdicts = check(text, Library.from_settings(settings), as_of=date(2025, 9, 25)).verdicts
    assert all("选报一项" in verdicts[key].reason for key in ("county", "service_zone"))


XIZANG_NOTICE = """西藏自治区知识产权局关于做好示范创建推荐工作的通知

藏知发〔2025〕5号

各地（市）知识产权管理部门：

一、申报组织要求

（一）本届由拉萨市统筹组织城关区申报服务业集聚发展示范区，其他区、县不单独申报。

二、推荐条件

（一）申报示范园区的，除符合《通知》第二条第（三）项规定外，还应为列入自治区重点园区名单的园区（拉萨经济技术开发区、拉萨高新技术产业开发区、达孜工业园区）。

（二）示范县本届仅限拉萨市、日喀则市组织推荐，其他地（市）暂不推荐。

三、报送时间

各申报单位于2025年10月10日前报送申报材料。

西藏自治区知识产权局
2025年9月12日
"""
XIZANG_LATER = """西藏自治区知识产权局关于示范创建推荐工作的补充通知

藏知发〔2025〕7号

一、取消原通知第二条第（二）项“示范县本届仅限拉萨市、日喀则市组织推荐，其他地（市）暂不推荐”的规定。

二、示范企业申报材料报送截止时间调整为2025年10月20日；示范市、示范县的报送时间不变，仍按原通知执行。

西藏自治区知识产权局
2025年9月26日
"""


@pytest.mark.parametrize(("text", "key", "status"), [
    ("拉萨市城关区人民政府，区里知识产权服务机构集聚，想报服务业集聚发展示范区", "service_zone", "eligible"),
    ("拉萨市堆龙德庆区人民政府，区里知识产权服务机构集聚，想报服务业集聚发展示范区", "service_zone", "ineligible"),
    ("拉萨经开区管委会，国家级经开区，想报示范园区", "park", "eligible"),
    ("西藏那曲物流园区管理委员会，省级产业园区，想报示范园区", "park", "ineligible"),
    ("西藏自治区山南市乃东区人民政府，想报示范县", "county", "ineligible"),
    ("日喀则市桑珠孜区人民政府，想报示范县", "county", "eligible"),
])
def test_rules_naming_who_may_apply_decide_by_name_and_place(
        settings: Settings, tmp_path: Path, text: str, key: str, status: str) -> None:
    """其他区、县不单独申报 spares the district named before it; a closed list of parks (no 等) is met only by one
    of them; 仅限某市、某市 by the applicants of those places."""
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "xizang.txt", XIZANG_NOTICE))
    verdict = check(text, Library.from_settings(settings), as_of=date(2025, 9, 20)).verdicts[key]
    assert verdict.status == status
    assert status == "eligible" or verdict.citations[0].id.startswith("xizang")  # the rule that decides, first


def test_a_rule_a_later_notice_quotes_and_lifts_no_longer_decides(settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.rules import check

    text = "西藏自治区山南市乃东区人民政府，想报示范县"
    ingest_file(settings, write(tmp_path / "xizang.txt", XIZANG_NOTICE))
    before = check(text, Library.from_settings(settings), as_of=date(2025, 9, 28)).verdicts["county"]
    ingest_file(settings, write(tmp_path / "xizang-later.txt", XIZANG_LATER))
    after = check(text, Library.from_settings(settings), as_of=date(2025, 9, 28)).verdicts["county"]
    not_yet = check(text, Library.from_settings(settings), as_of=date(2025, 9, 22)).verdicts["county"]
    assert (before.status, after.status) == ("ineligible", "eligible")
    assert not_yet.status == "ineligible"  # asked before the later notice (2025年9月26日) was issued


def test_what_a_later_notice_leaves_as_it_was_is_said_to_one_who_thinks_it_changed(
        settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.answering import Assistant
    from assistant.answering.conversation import Conversation

    ingest_file(settings, write(tmp_path / "xizang.txt", XIZANG_NOTICE))
    ingest_file(settings, write(tmp_path / "xizang-later.txt", XIZANG_LATER))
    answer = Assistant(settings).ask("日喀则市桑珠孜区报示范县，补充通知是不是把截止时间也往后推了？", Conversation(),
                                     date(2025, 10, 1))
    assert "补充通知" in answer.citations[0].label and "示范县的报送时间不变" in answer.answer


def test_a_provincial_condition_not_met_rules_out_a_unit_the_national_rules_leave_open(
        settings: Settings, tmp_path: Path) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "chongqing.txt", MUNICIPAL_NOTICE))
    verdict = check("重庆云联科技公司，江北区注册，市里的知识产权示范单位还没评上，想报示范企业",
                    Library.from_settings(settings), as_of=date(2025, 9, 20)).verdicts["enterprise"]
    assert verdict.status == "ineligible" and verdict.citations[0].doc == "chongqing-2025"


NOT_ORGANISED_NOTICE = """宁夏回族自治区知识产权局关于做好示范创建推荐工作的通知

宁知发〔2025〕33号

各市、县（区）知识产权局：

一、申报单位

（一）示范市：各地级市人民政府。

（二）示范县：石嘴山市所辖县（区）本届不组织示范县申报，其他市所辖县（区）按《通知》规定申报。

宁夏回族自治区知识产权局
2025年9月15日
"""


@pytest.mark.parametrize(("county", "status"), [("石嘴山市平罗县", "ineligible"), ("吴忠市同心县", "eligible")])
def test_a_type_the_notice_does_not_organise_where_the_applicant_is_rules_it_out(
        settings: Settings, tmp_path: Path, county: str, status: str) -> None:
    from datetime import date

    from assistant.rules import check

    ingest_file(settings, write(tmp_path / "ningxia.txt", NOT_ORGANISED_NOTICE))
    verdict = check(f"宁夏{county}人民政府，想报示范县", Library.from_settings(settings),
                    as_of=date(2025, 9, 20)).verdicts["county"]
    assert verdict.status == status and "ningxia-2025" in [c.doc for c in verdict.citations]
