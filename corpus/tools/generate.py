"""Deterministic generator of annual reports in the 2019, 2021, legacy and hybrid formats, with ground truth.

    python corpus/tools/generate.py            # rebuilds corpus/seed/, generated/, pdf/ and truth/

Each agency gets consecutive years whose 第二十条 counts chain from one year to the next. Reports vary the
way real ones do: renumbered and renamed headings, label typos and older wordings (上年转结, 本年新收到),
layouts of the 依申请 matrix (merged group cells, group rows, a table split in two with or without its
header), 第二十条 tables as one table or several, blanks or —— for zero, money in 元 or 万元, full-width
digits, titles on one line or two, missing sections. The truth lists every cell a reader should emit.
"""
from __future__ import annotations

import csv
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from layout import ReportSpec, Span, split_table, write_docx  # noqa: E402
from seed import seed_report, seed_truth  # noqa: E402

CORPUS = HERE.parent
SEED = 20240601
APPLICANTS = ["natural_person", "commercial", "research", "public_interest", "legal_services", "other_org", "total"]
OUTCOMES = ["upheld", "corrected", "other", "pending", "total"]
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

AGENCIES = [
    ("宁海县交通运输局", range(2019, 2024)),
    ("象山县教育局", range(2020, 2023)),
    ("余姚市人民政府", range(2021, 2024)),
    ("慈溪市卫生健康局", range(2016, 2019)),
    ("奉化区自然资源和规划局", range(2018, 2022)),
    ("鄞州区市场监督管理局", range(2021, 2023)),
    ("北仑区民政局", range(2019, 2021)),
    ("镇海区司法局", range(2017, 2019)),
    ("海曙区住房和城乡建设局", range(2022, 2024)),
    ("江北区人民政府", range(2020, 2022)),
]

WITHHELD = ["属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益", "属于三类内部事务信息",
            "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"]
WITHHELD_IDS = ["state_secret", "prohibited_by_law", "security_stability", "third_party_rights", "internal_affairs",
                "process_info", "enforcement_files", "admin_query"]
UNABLE = ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"]
UNABLE_IDS = ["not_held", "needs_creation", "still_unclear"]
NOT_PROCESSED = ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息"]
NOT_PROCESSED_IDS = ["petition", "duplicate", "publication", "excessive", "confirm_or_reissue"]
OTHER_2021 = ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他"]
OTHER_2021_IDS = ["no_correction", "unpaid_fee", "other"]
CN = "一二三四五六七八九十"


@dataclass
class Style:
    """How one report prints: every choice the generator makes for it."""

    template: str
    zero_as: str = "0"  # "0", "", "——"
    fullwidth: bool = False
    typos: bool = False
    old_wording: bool = False
    requests_layout: str = "merged"  # merged | group_rows
    split_requests: str = "no"  # no | bare | repeat_header
    article20: str = "one_table"  # one_table | separate
    money_in_yuan: bool = False
    title: str = "one_line"  # one_line | two_lines | no_agency
    file_name: str = "title"  # title | code
    drop_section: str | None = None
    renumber: bool = False
    plant: str | None = None  # broken_total | prose | chain: a defect an audit must find


@dataclass
class Generated:
    spec: ReportSpec
    truth: list[tuple[str, str, float | None]] = field(default_factory=list)
    planted: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)  # kind, section, field, dim


class Writer:
    """Prints numbers in a report's style and records what a reader should get back."""

    def __init__(self, style: Style, rng: random.Random):
        self.style, self.rng, self.truth = style, rng, []

    def cell(self, field_id: str, dim: str, value: float | None, money: bool = False) -> str:
        if value is None:
            self.truth.append((field_id, dim, None))
            return ""
        if value == 0 and self.style.zero_as != "0":
            self.truth.append((field_id, dim, None))
            return self.style.zero_as
        self.truth.append((field_id, dim, float(value)))
        if money:
            if self.style.money_in_yuan:
                return f"{round(value * 10000)}元"
            return f"{value:g}万元" if self.rng.random() < 0.5 else f"{value:g}"
        text = f"{int(value):+d}" if dim == "change" and value > 0 else f"{int(value)}" if float(value).is_integer() else f"{value:g}"
        return text.translate(FULLWIDTH) if self.style.fullwidth else text

    def label(self, text: str) -> str:
        """The label as a careless office might type it: sometimes a character dropped from a long label."""
        if self.style.typos and len(text) >= 10 and self.rng.random() < 0.3:
            i = self.rng.randrange(2, len(text) - 2)
            return text[:i] + text[i + 1:]
        return text


# ----------------------------------------------------------------------------- numbers


def small(rng, high=5, zero_bias=0.5):
    return 0 if rng.random() < zero_bias else rng.randint(1, high)


def requests_numbers(rng, template, carried_in: list[int] | None = None) -> dict[str, list[int]]:
    """A 依申请 matrix whose identities hold: received + carried = results + forward, rows sum to totals;
    what was carried over is what last year's report carried forward, when there was one."""
    rows: dict[str, list[int]] = {}
    results = ["disclosed", "partially_disclosed", *("withheld." + i for i in WITHHELD_IDS),
               *("unable." + i for i in UNABLE_IDS), *("not_processed." + i for i in NOT_PROCESSED_IDS)]
    results += ["other." + i for i in OTHER_2021_IDS] if template == "2021" else ["other"]
    for name in results:
        rows[f"requests.result.{name}"] = [small(rng, 8 if name == "disclosed" else 3, 0.3 if name == "disclosed" else 0.7)
                                           if i in (0, 1) else small(rng, 2, 0.85) for i in range(6)]
    forward = [small(rng, 2, 0.8) for _ in range(6)]
    result_total = [sum(v[i] for v in rows.values()) for i in range(6)]
    carried = carried_in or [min(small(rng, 2, 0.8), result_total[i] + forward[i]) for i in range(6)]
    for i in range(6):
        rows["requests.result.disclosed"][i] += max(0, carried[i] - result_total[i] - forward[i])
    result_total = [sum(v[i] for v in rows.values()) for i in range(6)]
    received = [result_total[i] + forward[i] - carried[i] for i in range(6)]
    rows["requests.result.total"] = result_total
    rows = {"requests.received_new": received, "requests.carried_over": carried, **rows,
            "requests.carried_forward": forward}
    return {k: v + [sum(v)] for k, v in rows.items()}


def review_numbers(rng) -> dict[str, list[int]]:
    out = {}
    for field_id in ("review_litigation.review", "review_litigation.litigation_direct",
                     "review_litigation.litigation_after_review"):
        parts = [small(rng, 3, 0.6) for _ in range(4)]
        out[field_id] = parts + [sum(parts)]
    return out


def article20_state(rng) -> dict[str, int]:
    return {f: rng.randint(5, 200) for f in ("proactive.admin_license", "proactive.other_services",
                                               "proactive.admin_penalty", "proactive.admin_coercion",
                                               "proactive.admin_fees")}


# ----------------------------------------------------------------------------- tables


def article20_rows(w: Writer, state: dict[str, int], rng) -> list[list]:
    """表二 as one table with 第二十条 title rows (a list of row groups, one per title)."""
    s = w.style
    groups = []
    if s.template == "2021":
        head = ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
        docs = [["规章", *(w.cell("proactive.rules", d, rng.randint(0, 2)) for d in ("issued", "repealed", "in_force"))],
                ["行政规范性文件", *(w.cell("proactive.normative_docs", d, rng.randint(0, 9)) for d in ("issued", "repealed", "in_force"))]]
        groups.append(("第二十条第（一）项", [head, *docs]))
        groups.append(("第二十条第（五）项", [["信息内容", Span("本年处理决定数量", cols=3)],
                                        ["行政许可", Span(w.cell("proactive.admin_license", "decisions", rng.randint(0, 900)), cols=3)]]))
        groups.append(("第二十条第（六）项", [["信息内容", Span("本年处理决定数量", cols=3)],
                                        ["行政处罚", Span(w.cell("proactive.admin_penalty", "decisions", rng.randint(0, 900)), cols=3)],
                                        ["行政强制", Span(w.cell("proactive.admin_coercion", "decisions", rng.randint(0, 50)), cols=3)]]))
        fee = round(rng.uniform(0, 900), 2)
        groups.append(("第二十条第（八）项", [["信息内容", Span("本年收费金额（单位：万元）", cols=3)],
                                        ["行政事业性收费", Span(w.cell("proactive.admin_fees", "amount", fee, money=True), cols=3)]]))
        return groups
    head = ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]
    docs = [["规章", *(w.cell("proactive.rules", d, rng.randint(0, 2)) for d in ("new_made", "new_published", "total_published"))],
            ["规范性文件", *(w.cell("proactive.normative_docs", d, rng.randint(0, 9)) for d in ("new_made", "new_published", "total_published"))]]
    groups.append(("第二十条第（一）项", [head, *docs]))
    items = ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]

    def item_row(field_id, label):
        prev = state[field_id]
        if s.plant == "chain" and field_id == "proactive.admin_penalty" and state.get("previous_template") in ("2019", "hybrid"):
            prev += 3  # this year's 上一年项目数量 no longer follows from last year's report
            state["planted_chain"] = True
        change = rng.randint(-min(prev, 9), 12)
        state[field_id] = prev + change
        return [label, w.cell(field_id, "prev_count", prev), w.cell(field_id, "change", change),
                w.cell(field_id, "decisions", rng.randint(0, 300))]

    groups.append(("第二十条第（五）项", [items, item_row("proactive.admin_license", "行政许可"),
                                    item_row("proactive.other_services", "其他对外管理服务事项")]))
    groups.append(("第二十条第（六）项", [items, item_row("proactive.admin_penalty", "行政处罚"),
                                    item_row("proactive.admin_coercion", "行政强制")]))
    prev = state["proactive.admin_fees"]
    change = rng.randint(-min(prev, 3), 3)
    state["proactive.admin_fees"] = prev + change
    groups.append(("第二十条第（八）项", [["信息内容", "上一年项目数量", Span("本年增/减", cols=2)],
                                    ["行政事业性收费", w.cell("proactive.admin_fees", "prev_count", prev),
                                     Span(w.cell("proactive.admin_fees", "change", change), cols=2)]]))
    amount = round(rng.uniform(1, 500), 2)
    groups.append(("第二十条第（九）项", [["信息内容", "采购项目数量", Span("采购总金额", cols=2)],
                                    ["政府集中采购", w.cell("proactive.procurement", "items", rng.randint(1, 40)),
                                     Span(w.cell("proactive.procurement", "amount", amount, money=True), cols=2)]]))
    return groups


def requests_header(w: Writer) -> list[list]:
    return [
        [Span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", cols=3, rows=3), Span("申请人情况", cols=7)],
        [Span("自然人", rows=2), Span("法人或其他组织", cols=5), Span("总计", rows=2)],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    ]


def requests_rows(w: Writer, numbers: dict[str, list[int]]) -> tuple[list[list], int]:
    """(rows of the matrix below its header, index of a good place to split it)."""
    s = w.style

    def values(field_id):
        return [w.cell(field_id, dim, v) for dim, v in zip(APPLICANTS, numbers[field_id])]

    received = "本年新收到政府信息公开申请数量" if s.old_wording else "本年新收政府信息公开申请数量"
    carried = "上年转结政府信息公开申请数量" if s.old_wording else "上年结转政府信息公开申请数量"
    forward = "转结下年度继续办理" if s.old_wording else "结转下年度继续办理"
    groups = [("（三）不予公开", WITHHELD, "withheld", WITHHELD_IDS), ("（四）无法提供", UNABLE, "unable", UNABLE_IDS),
              ("（五）不予处理", NOT_PROCESSED, "not_processed", NOT_PROCESSED_IDS)]
    if s.template == "2021":
        groups.append(("（六）其他处理", OTHER_2021, "other", OTHER_2021_IDS))
    result_rows: list[list] = [
        [Span("（一）予以公开", cols=2), *values("requests.result.disclosed")],
        [Span("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", cols=2), *values("requests.result.partially_disclosed")],
    ]
    for title, labels, group, ids in groups:
        if s.requests_layout == "group_rows":
            result_rows.append([Span(title, cols=2), *[""] * 7])
        for i, (label, sub) in enumerate(zip(labels, ids)):
            printed = f"{i + 1}.{w.label(label)}"
            if s.requests_layout == "group_rows":
                result_rows.append([Span(printed, cols=2), *values(f"requests.result.{group}.{sub}")])
            else:
                lead = [Span(title, rows=len(labels))] if i == 0 else []
                result_rows.append(lead + [printed, *values(f"requests.result.{group}.{sub}")])
    if s.template != "2021":
        result_rows.append([Span("（六）其他处理", cols=2), *values("requests.result.other")])
    result_rows.append([Span("（七）总计", cols=2), *values("requests.result.total")])
    rows = [
        [Span(f"一、{w.label(received)}", cols=3), *values("requests.received_new")],
        [Span(f"二、{carried}", cols=3), *values("requests.carried_over")],
        [Span("三、本年度办理结果", rows=len(result_rows)), *result_rows[0]],
        *result_rows[1:],
        [Span(f"四、{forward}", cols=3), *values("requests.carried_forward")],
    ]
    return rows, 2 + len(result_rows) // 2


def split_requests(w: Writer, header: list[list], rows: list[list], at: int):
    """The matrix cut in two as authors do at a page break, the header repeated or not."""
    repeat = len(header) if w.style.split_requests == "repeat_header" else 0
    return split_table(header + rows, len(header) + at, header_rows=repeat)


def review_rows(w: Writer, numbers) -> list[list]:
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    data = []
    for field_id in ("review_litigation.review", "review_litigation.litigation_direct",
                     "review_litigation.litigation_after_review"):
        data += [w.cell(field_id, dim, v) for dim, v in zip(OUTCOMES, numbers[field_id])]
    return [
        [Span("行政复议", cols=5, rows=2), Span("行政诉讼", cols=10)],
        [Span("未经复议直接起诉", cols=5), Span("复议后起诉", cols=5)],
        outcomes * 3,
        data,
    ]


LEGACY_LAYOUT = [
    ("一、主动公开情况", None, None),
    ("（一）主动公开政府信息数\n（不同渠道和方式公开相同信息计1条）", "条", "proactive.total"),
    ("其中：主动公开规范性文件数", "条", "proactive.normative_docs_published"),
    ("制发规范性文件总数", "件", "proactive.normative_docs_issued"),
    ("（二）通过不同渠道和方式公开政府信息的情况", "——", None),
    ("1.政府公报公开政府信息数", "条", "proactive.channel.gazette"),
    ("2.政府网站公开政府信息数", "条", "proactive.channel.website"),
    ("3.政务微博公开政府信息数", "条", "proactive.channel.weibo"),
    ("4.政务微信公开政府信息数", "条", "proactive.channel.wechat"),
    ("5.其他方式公开政府信息数", "条", "proactive.channel.other"),
    ("二、回应解读情况", None, None),
    ("（一）回应公众关注热点或重大舆情数\n（不同方式回应同一热点或舆情计1次）", "次", "response.hot_topics"),
    ("（二）通过不同渠道和方式回应解读的情况", "——", None),
    ("1.参加或举办新闻发布会总次数", "次", "response.press_conferences"),
    ("其中：主要负责同志参加新闻发布会次数", "次", "response.press_conferences.by_head"),
    ("2.政府网站在线访谈次数", "次", "response.online_interviews"),
    ("其中：主要负责同志参加政府网站在线访谈次数", "次", "response.online_interviews.by_head"),
    ("3.政策解读稿件发布数", "篇", "response.policy_interpretations"),
    ("4.微博微信回应事件数", "次", "response.social_media"),
    ("5.其他方式回应事件数", "次", "response.other"),
    ("三、依申请公开情况", None, None),
    ("（一）收到申请数", "件", "requests_legacy.received"),
    ("1.当面申请数", "件", "requests_legacy.received.in_person"),
    ("2.传真申请数", "件", "requests_legacy.received.fax"),
    ("3.网络申请数", "件", "requests_legacy.received.online"),
    ("4.信函申请数", "件", "requests_legacy.received.mail"),
    ("（二）申请办结数", "件", "requests_legacy.closed"),
    ("1.按时办结数", "件", "requests_legacy.closed.on_time"),
    ("2.延期办结数", "件", "requests_legacy.closed.extended"),
    ("（三）申请答复数", "件", "requests_legacy.answered"),
    ("1.属于已主动公开范围数", "件", "requests_legacy.answered.already_public"),
    ("2.同意公开答复数", "件", "requests_legacy.answered.granted"),
    ("3.同意部分公开答复数", "件", "requests_legacy.answered.partially_granted"),
    ("4.不同意公开答复数", "件", "requests_legacy.answered.refused"),
    ("其中：涉及国家秘密", "件", "requests_legacy.answered.refused.state_secret"),
    ("涉及商业秘密", "件", "requests_legacy.answered.refused.trade_secret"),
    ("涉及个人隐私", "件", "requests_legacy.answered.refused.privacy"),
    ("危及国家安全、公共安全、经济安全和社会稳定", "件", "requests_legacy.answered.refused.security_stability"),
    ("不是《条例》所指政府信息", "件", "requests_legacy.answered.refused.not_gov_info"),
    ("法律法规规定的其他情形", "件", "requests_legacy.answered.refused.other_law"),
    ("5.不属于本行政机关公开数", "件", "requests_legacy.answered.not_this_agency"),
    ("6.申请信息不存在数", "件", "requests_legacy.answered.not_exist"),
    ("7.告知作出更改补充数", "件", "requests_legacy.answered.told_to_amend"),
    ("8.告知通过其他途径办理数", "件", "requests_legacy.answered.told_other_channel"),
    ("四、行政复议数量", "件", "review_legacy.total"),
    ("（一）维持具体行政行为数", "件", "review_legacy.upheld"),
    ("（二）被依法纠错数", "件", "review_legacy.corrected"),
    ("（三）其他情形数", "件", "review_legacy.other"),
    ("五、行政诉讼数量", "件", "litigation_legacy.total"),
    ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "litigation_legacy.upheld"),
    ("（二）被依法纠错数", "件", "litigation_legacy.corrected"),
    ("（三）其他情形数", "件", "litigation_legacy.other"),
    ("六、举报投诉数量", "件", "complaints_legacy.total"),
    ("（一）维持具体行政行为数", "件", "complaints_legacy.upheld"),
    ("（二）被纠错数", "件", "complaints_legacy.corrected"),
    ("（三）其他情形数", "件", "complaints_legacy.other"),
    ("七、依申请公开信息收取的费用", "万元", "fees_legacy.collected"),
    ("八、机构建设和保障经费情况", None, None),
    ("（一）政府信息公开工作专门机构数", "个", "capacity.units"),
    ("（二）设置政府信息公开查阅点数", "个", "capacity.reading_points"),
    ("（三）从事政府信息公开工作人员数", "人", "capacity.staff"),
    ("1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "capacity.staff.full_time"),
    ("2.兼职人员数", "人", "capacity.staff.part_time"),
    ("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", "capacity.budget"),
    ("九、政府信息公开会议和培训情况", None, None),
    ("（一）召开政府信息公开工作会议或专题会议数", "次", "capacity.meetings"),
    ("（二）举办各类培训班数", "次", "capacity.trainings"),
    ("（三）接受培训人员数", "人次", "capacity.trainees"),
]


def legacy_numbers(rng) -> dict[str, float]:
    n: dict[str, float] = {}
    channels = ["gazette", "website", "weibo", "wechat", "other"]
    for c in channels:
        n[f"proactive.channel.{c}"] = rng.randint(0, 400)
    n["proactive.total"] = max(n.values()) + rng.randint(0, 200)
    n["proactive.normative_docs_issued"] = rng.randint(0, 20)
    n["proactive.normative_docs_published"] = rng.randint(0, int(n["proactive.normative_docs_issued"]))
    n["response.hot_topics"] = small(rng, 9)
    n["response.press_conferences"] = rng.randint(0, 6)
    n["response.press_conferences.by_head"] = rng.randint(0, int(n["response.press_conferences"]))
    n["response.online_interviews"] = rng.randint(0, 4)
    n["response.online_interviews.by_head"] = rng.randint(0, int(n["response.online_interviews"]))
    for f in ("policy_interpretations", "social_media", "other"):
        n[f"response.{f}"] = small(rng, 30)
    parts = {k: small(rng, 6) for k in ("in_person", "fax", "online", "mail")}
    for k, v in parts.items():
        n[f"requests_legacy.received.{k}"] = v
    received = sum(parts.values())
    n["requests_legacy.received"] = received
    on_time = max(0, received - small(rng, 1, 0.8))
    n["requests_legacy.closed"] = on_time
    n["requests_legacy.closed.on_time"] = on_time
    n["requests_legacy.closed.extended"] = 0
    answers = ["already_public", "granted", "partially_granted", "refused", "not_this_agency", "not_exist",
               "told_to_amend", "told_other_channel"]
    for a in answers:
        n[f"requests_legacy.answered.{a}"] = 0
    for _ in range(int(on_time)):
        n[f"requests_legacy.answered.{rng.choice(answers)}"] += 1
    n["requests_legacy.answered"] = on_time
    refused = int(n["requests_legacy.answered.refused"])
    reasons = ["state_secret", "trade_secret", "privacy", "security_stability", "not_gov_info", "other_law"]
    for r in reasons:
        n[f"requests_legacy.answered.refused.{r}"] = 0
    for _ in range(refused):
        n[f"requests_legacy.answered.refused.{rng.choice(reasons)}"] += 1
    for prefix in ("review_legacy", "litigation_legacy", "complaints_legacy"):
        parts = [small(rng, 2, 0.8) for _ in range(3)]
        n[f"{prefix}.upheld"], n[f"{prefix}.corrected"], n[f"{prefix}.other"] = parts
        n[f"{prefix}.total"] = sum(parts)
    n["fees_legacy.collected"] = 0
    n["capacity.units"] = 1
    n["capacity.reading_points"] = rng.randint(1, 5)
    n["capacity.staff.full_time"] = rng.randint(0, 4)
    n["capacity.staff.part_time"] = rng.randint(0, 6)
    n["capacity.staff"] = n["capacity.staff.full_time"] + n["capacity.staff.part_time"]
    n["capacity.budget"] = round(rng.uniform(0, 20), 1)
    n["capacity.meetings"] = rng.randint(0, 5)
    n["capacity.trainings"] = rng.randint(0, 5)
    n["capacity.trainees"] = rng.randint(0, 200)
    return n


def legacy_rows(w: Writer, numbers: dict[str, float], only: set[str] | None = None) -> list[list]:
    rows = [["统计指标", "单位", "统计数"]]
    for label, unit, field_id in LEGACY_LAYOUT:
        section_ok = only is None or (field_id or "").split(".")[0] in only or (field_id is None)
        if not section_ok:
            continue
        if field_id is None:
            rows.append([label, unit or "", "——" if unit else ""])
        else:
            rows.append([w.label(label), unit, w.cell(field_id, "value", numbers[field_id])])
    return rows


# ----------------------------------------------------------------------------- reports

HEADINGS = {
    "overview": ["一、总体情况"],
    "proactive": ["二、主动公开政府信息情况", "二、主动公开情况"],
    "requests": ["三、收到和处理政府信息公开申请情况", "三、依申请公开情况"],
    "review_litigation": ["四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开申请行政复议、提起行政诉讼的情况"],
    "problems": ["五、存在的主要问题及改进情况", "五、存在的主要问题和改进措施"],
    "other_matters": ["六、其他需要报告的事项", "六、其他需要报告的事项"],
}


def heading(style: Style, rng, key: str, number: int) -> str:
    text = rng.choice(HEADINGS[key])
    words = text.split("、", 1)[1]
    return f"{CN[number - 1]}、{words}" if not style.renumber else f"{number}、{words}" if rng.random() < 0.5 else f"{CN[number]}、{words}"


def build_report(agency: str, year: int, style: Style, rng: random.Random, state: dict[str, int]) -> Generated:
    w = Writer(style, rng)
    spec = ReportSpec()
    if style.title == "two_lines":
        spec.title(agency)
        spec.title(f"{year}年政府信息公开工作年度报告")
    elif style.title == "no_agency":
        spec.title(f"{year}年度政府信息公开工作年度报告")
    else:
        spec.title(f"{agency}{year}年政府信息公开工作年度报告")
    spec.para(f"本报告根据《中华人民共和国政府信息公开条例》要求编制。报告中所列数据统计期限自{year}年1月1日起至{year}年12月31日止。")
    number = 0

    def next_heading(key):
        nonlocal number
        number += 1
        spec.heading(heading(style, rng, key, number))

    if style.template == "legacy":
        numbers = legacy_numbers(rng)
        next_heading("overview")
        spec.para(f"{year}年，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息{int(numbers['proactive.total'])}条。")
        spec.heading(f"{CN[number]}、政府信息公开情况统计表")
        number += 1
        spec.table(legacy_rows(w, numbers))
        next_heading("problems")
        spec.para("信息公开的及时性有待提高。下一步将加强培训。")
        state["previous_template"] = "legacy"
        state.pop("carried_forward", None)
        return Generated(spec, w.truth)

    requests = requests_numbers(rng, style.template, state.get("carried_forward"))
    state["carried_forward"] = requests["requests.carried_forward"][:6]
    review = review_numbers(rng)
    planted = []
    if style.plant == "broken_total":
        review["review_litigation.review"][-1] += 1  # a printed 总计 that does not add up
        planted.append(("identity_violation", "review_litigation", "review_litigation.review", "total"))
    next_heading("overview")
    received = requests["requests.received_new"][-1]
    if style.plant == "prose":
        planted.append(("text_table_mismatch", "requests", "requests.received_new", "total"))
        received += 2  # the prose contradicts the table
    spec.para(f"{year}年，我单位坚持以公开为常态、不公开为例外，全年收到政府信息公开申请{received}件，均在法定期限内答复。")
    next_heading("proactive")
    if style.template == "hybrid":
        spec.para("1.不同渠道方式主动公开及回应解读总体情况")
        legacy = legacy_numbers(rng)
        spec.table(legacy_rows(w, legacy, only={"proactive", "response"}))
        spec.para("2.主动公开政府信息具体情况")
    groups = article20_rows(w, state, rng)
    if style.article20 == "one_table":
        rows = []
        for title, group_rows in groups:
            rows.append([Span(title, cols=4)])
            rows.extend(group_rows)
        spec.table(rows)
    else:
        for title, group_rows in groups:
            spec.para(title)
            spec.table(group_rows)
    if style.drop_section != "requests":
        next_heading("requests")
        header = requests_header(w)
        rows, split_at = requests_rows(w, requests)
        if style.split_requests != "no":
            for part in split_requests(w, header, rows, split_at):
                spec.table(part)
                spec.para("")
        else:
            spec.table(header + rows)
    next_heading("review_litigation")
    spec.table(review_rows(w, review))
    if style.template == "hybrid":
        spec.heading(f"{CN[number]}、机构建设及组织保障情况")
        number += 1
        spec.table(legacy_rows(w, legacy, only={"capacity"}))
    if style.drop_section != "problems":
        next_heading("problems")
        spec.para("政务公开工作与群众期待仍有差距。下一步，将进一步完善制度，加强培训。")
    if style.drop_section != "other_matters":
        next_heading("other_matters")
        spec.para(f"{year}年本单位未收取信息处理费。")
    if style.drop_section:
        planted.append(("missing_section", style.drop_section, None, None))
    if state.pop("planted_chain", False):
        planted.append(("cross_year_mismatch", "proactive", "proactive.admin_penalty", "prev_count"))
    state["previous_template"] = style.template
    return Generated(spec, w.truth, planted)


def template_for(year: int, rng) -> str:
    if year <= 2018:
        return "legacy"
    if year <= 2020:
        return "hybrid" if rng.random() < 0.3 else "2019"
    return "2021"


def choose_style(template: str, rng: random.Random) -> Style:
    style = Style(template=template)
    style.zero_as = rng.choice(["0", "0", "0", "", "——"])
    style.fullwidth = rng.random() < 0.15
    style.typos = rng.random() < 0.4
    style.old_wording = rng.random() < 0.4
    style.requests_layout = rng.choice(["merged", "merged", "group_rows"])
    style.split_requests = rng.choice(["no", "no", "bare", "repeat_header"])
    style.article20 = rng.choice(["one_table", "separate"])
    style.money_in_yuan = rng.random() < 0.3
    style.title = rng.choice(["one_line", "one_line", "two_lines", "no_agency"])
    style.file_name = "title" if style.title == "no_agency" else rng.choice(["title", "code"])
    style.drop_section = None if template == "legacy" else rng.choice([None, None, None, None, "problems", "other_matters"])
    style.renumber = rng.random() < 0.2
    if template != "legacy":
        style.plant = rng.choice([None, None, None, None, "broken_total", "prose", "chain"])
    return style


def write_truth(path: Path, rows: list[dict], columns: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


DOCUMENT_COLUMNS = ["source", "agency", "year", "template", "expected_status", "format", "producer",
                    "missing_sections", "variant"]
TRUTH_COLUMNS = ["source", "field", "dim", "value"]
FINDING_COLUMNS = ["source", "kind", "section", "field", "dim"]


def generate(out: Path = CORPUS, pdf: bool = True) -> None:
    """Write the .docx reports, their PDF renderings, and the truth of each."""
    rng = random.Random(SEED)
    reports = []  # (stem, spec, truth, document row)
    planted: dict[str, list] = {}  # stem -> findings an audit must report
    chain_planted = False
    for agency_index, (agency, years) in enumerate(AGENCIES):
        state = article20_state(rng)
        for year in years:
            template = template_for(year, rng)
            style = choose_style(template, rng)
            if not chain_planted and template in ("2019", "hybrid") and state.get("previous_template") in ("2019", "hybrid"):
                style.plant, chain_planted = "chain", True  # at least one report that does not chain on
            report = build_report(agency, year, style, rng, state)
            stem = (f"{agency}{year}年政府信息公开工作年度报告" if style.file_name == "title"
                    else f"report_{agency_index:02d}_{year}")
            known_agency = None if style.title == "no_agency" and style.file_name != "title" else agency
            document = {"agency": known_agency or "", "year": year, "template": template, "expected_status": "ok",
                        "missing_sections": style.drop_section or "", "variant": variant_text(style)}
            reports.append((stem, report.spec, report.truth, document))
            planted[stem] = report.planted
    seed_document = {"agency": "", "year": 2020, "template": "hybrid", "expected_status": "ok",
                     "missing_sections": "", "variant": "seed"}
    seed = ("report_2020_county_bureau", seed_report(), seed_truth(), seed_document)

    truth_rows, documents = [], []

    def record(source, truth, document, format_, producer):
        documents.append({"source": source, **document, "format": format_, "producer": producer})
        truth_rows.extend({"source": source, "field": f, "dim": d, "value": "" if v is None else repr(float(v))}
                          for f, d, v in truth)

    for stem, spec, truth, document in reports:
        source = f"generated/{stem}.docx"
        write_docx(spec, out / source)
        record(source, truth, document, "docx", "python-docx")
    write_docx(seed[1], out / "seed" / f"{seed[0]}.docx")
    record(f"seed/{seed[0]}.docx", seed[2], seed[3], "docx", "python-docx")
    write_truth(out / "truth" / "docx.truth.csv", truth_rows, TRUTH_COLUMNS)
    # the same report filed twice under another name: counted once, the copy gets a duplicate finding
    copy_stem = reports[3][0]
    copy_source = f"generated/copies/副本-{copy_stem}.docx"
    (out / copy_source).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(out / f"generated/{copy_stem}.docx", out / copy_source)
    record(copy_source, reports[3][2], reports[3][3], "docx", "copy")
    findings = [{"source": f"generated/{stem}.docx", "kind": kind, "section": section or "", "field": field_id or "",
                 "dim": dim or ""} for stem, items in planted.items() for kind, section, field_id, dim in items]
    findings += [{"source": copy_source, "kind": kind, "section": section or "", "field": field_id or "",
                  "dim": dim or ""} for kind, section, field_id, dim in planted[copy_stem] if kind != "cross_year_mismatch"]
    findings.append({"source": copy_source, "kind": "duplicate", "section": "", "field": "", "dim": ""})
    write_truth(out / "truth" / "docx.documents.csv", documents, DOCUMENT_COLUMNS)
    write_truth(out / "truth" / "docx.findings.csv", findings, FINDING_COLUMNS)
    if pdf:
        generate_pdfs(out, [*reports, seed], rng)


def generate_pdfs(out: Path, reports, rng: random.Random) -> None:
    """The same reports as PDF from several producers: reportlab drawing its own tables (all of them; every
    fourth also with horizontal rules only, three rules only, no rules, column rules only, or no outer side
    rules, or as landscape pages turned on upright paper), LibreOffice converting the .docx (every other one, every fourth with its tables' borders taken
    away, and the seed both ways; skipped when soffice is not installed) and Chromium printing some of the web pages; and as .doc and RTF (LibreOffice, every sixth
    report each, and the seed)."""
    from render_html import write_html
    from render_pdf import write_pdf

    truth_rows, documents = [], []
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    chromium = next((path for path in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if path),
                    None)
    for i, (stem, spec, truth, document) in enumerate(reports):
        rendered = [(f"pdf/reportlab/{stem}.pdf", "reportlab")]
        write_pdf(spec, out / rendered[0][0], repeat_header=rng.choice([0, 0, 3]), shrink=rng.choice([1.0, 1.0, 1.25]))
        for every_fourth, options, folder in PDF_STYLES:
            if i % 4 == every_fourth or document["variant"] == "seed":
                rendered.append((f"pdf/{folder}/{stem}.pdf", folder.replace("_", "-")))
                write_pdf(spec, out / rendered[-1][0], **options)
        if i % 3 == 0 or document["variant"] == "seed":
            rendered.append((f"html/{stem}.html", "html"))
            write_html(spec, out / rendered[-1][0], encoding="gbk" if i % 2 else "utf-8")
            if stem in CHROMIUM_PRINTS and chromium:
                # a web page printed to PDF: cell rules drawn per cell, split tables laid out anew, numbers
                # wrapped in narrow columns
                rendered.append((f"pdf/chromium/{stem}.pdf", "chromium"))
                print_to_pdf(chromium, out / f"html/{stem}.html", out / rendered[-1][0])
        docx_source = out / ("seed" if document["variant"] == "seed" else "generated") / f"{stem}.docx"
        for every, offset, extension, folder, borders in LIBREOFFICE_RENDERINGS:
            if soffice and (i % every == offset or document["variant"] == "seed"):
                (out / folder).mkdir(parents=True, exist_ok=True)
                with tempfile.TemporaryDirectory() as scratch:
                    source = docx_source if borders else without_table_borders(docx_source, Path(scratch))
                    subprocess.run([soffice, "--headless", "--convert-to", extension, "--outdir", str(out / folder),
                                    str(source)], check=True, capture_output=True, timeout=300)
                rendered.append((f"{folder}/{stem}.{extension}", "libreoffice" if borders else "libreoffice-borderless"))
        for source, producer in rendered:
            documents.append({"source": source, **document, "format": source.rsplit(".", 1)[1], "producer": producer})
            truth_rows.extend({"source": source, "field": f, "dim": d, "value": "" if v is None else repr(float(v))}
                              for f, d, v in truth)
    kept_producers = {name for name, found in (("libreoffice", soffice), ("libreoffice-borderless", soffice),
                                               ("chromium", chromium)) if not found}
    for producer in sorted(kept_producers):
        print(f"{producer} not found: its files are not rebuilt (the committed ones are kept)", file=sys.stderr)
    previous = out / "truth" / "pdf.documents.csv"
    if kept_producers and previous.exists():
        with open(previous, encoding="utf-8") as handle:
            kept = [row for row in csv.DictReader(handle) if row["producer"] in kept_producers]  # .pdf, .doc, .rtf
        with open(out / "truth" / "pdf.truth.csv", encoding="utf-8") as handle:
            kept_sources = {row["source"] for row in kept}
            truth_rows += [row for row in csv.DictReader(handle) if row["source"] in kept_sources]
        documents += kept
    write_truth(out / "truth" / "pdf.truth.csv", truth_rows, TRUTH_COLUMNS)
    write_truth(out / "truth" / "pdf.documents.csv", documents, DOCUMENT_COLUMNS)


# The reportlab renderings besides the fully ruled one, each of every fourth report (by its index mod 4) and
# of the seed: (index mod 4, write_pdf options, corpus folder; the producer is the folder's name with dashes).
PDF_STYLES = [
    (1, {"rules": "horizontal"}, "reportlab_hrules"),  # horizontal rules only, as some print drivers leave tables
    (0, {"rules": "three_line"}, "reportlab_three_line"),  # rules above and below the table and under its header
    (2, {"rules": "none"}, "reportlab_borderless"),  # no rules: columns and rows only by the alignment of the text
    (3, {"rules": "columns"}, "reportlab_columns"),  # column rules, and the table's top and bottom: rows by the text
    (3, {"rules": "open_sides"}, "reportlab_open_sides"),  # no outer left and right border, a common table style
    # landscape pages laid on upright paper, the content turned a quarter counter-clockwise or clockwise, with no
    # /Rotate to say so
    (0, {"turn": 90}, "reportlab_turned"),
    (2, {"turn": 270}, "reportlab_turned_clockwise"),
]

# LibreOffice's renderings of the .docx, each of the reports whose index is `offset` mod `every`, and of the
# seed: (every, offset, the format it converts to, corpus folder, whether its tables keep their borders). Without
# borders, LibreOffice (as Word) sets a table's rows as close as a cell's own lines, each cell's text at its top.
LIBREOFFICE_RENDERINGS = [(6, 0, "doc", "doc", True), (6, 3, "rtf", "rtf", True), (2, 0, "pdf", "pdf/libreoffice", True),
                          (4, 1, "pdf", "pdf/libreoffice_borderless", False)]


def without_table_borders(docx: Path, folder: Path) -> Path:
    """A copy of `docx` in `folder` whose table style draws no border (the 网格型 style's borders set to nil)."""
    from lxml import etree

    target = folder / docx.name
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(docx) as package, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in package.infolist():
            data = package.read(item.filename)
            if item.filename == "word/styles.xml":
                styles = etree.fromstring(data)
                for side in styles.iter(*(f"{w}{name}" for name in ("top", "left", "bottom", "right", "insideH",
                                                                      "insideV"))):
                    if side.getparent().tag == f"{w}tblBorders":
                        side.set(f"{w}val", "nil")
                data = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
            copy.writestr(item, data)
    return target

# Reports also printed to PDF by Chromium (each about 0.6 MB: the CJK font goes with it).
CHROMIUM_PRINTS = {"report_00_2022", "report_03_2017", "report_06_2020", "奉化区自然资源和规划局2019年政府信息公开工作年度报告",
                   "鄞州区市场监督管理局2021年政府信息公开工作年度报告", "象山县教育局2021年政府信息公开工作年度报告",
                   "report_2020_county_bureau", "江北区人民政府2021年政府信息公开工作年度报告"}


def print_to_pdf(chromium: str, page: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={target}", page.resolve().as_uri()], check=True, capture_output=True, timeout=300)


def variant_text(style: Style) -> str:
    return " ".join(f"{k}={v}" for k, v in vars(style).items() if k != "template")


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS, pdf="--no-pdf" not in sys.argv)
