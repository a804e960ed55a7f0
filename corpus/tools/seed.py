"""The sample report of ../shared/seed/ (a 2020 county bureau report) rebuilt as a Word document.

Texts are copied from the text dump as printed (typos, full-width spaces, renumbered headings); merges are
the ones the dump shows: a merged cell prints once and leaves empty places in the rows and columns it covers.
"""
from __future__ import annotations

from layout import ReportSpec, Span

OVERVIEW = (
    "2020年我局严格按照《中华人民共和国政府信息公开条例》及相关规定，不断健完善政务信息公开工作制度，精细化梳理政务信息公开标注目录，"
    "专职化落实人员负责体系，公开制度逐渐完善，公开渠道逐渐丰富，公开内容逐渐全面，按计划推动信息公开工作有序进行。今年我局主动公开政府信息513条，"
    "全文电子化率达100%。主动公开的信息内容涉及本部门组织机构、政府公文、重大决策预公开、提案建议、行政执法、行政许可、人事信息、财政信息等项内容，"
    "以及本部门的工作动态和各类活动的信息等。其中宁海县人民政府网站公开政府信息195条,官方微博公开政府信息373条、官方微信公开政府信息450条、"
    "其他方式公开政府信息数224条；本年度我局未收到依申请公开信息申请；本年度我局未发生因政府信息公开导致的行政复议和行政诉讼案件。"
)
SUPERVISION = (
    "一是加强监督管理局。明确一名分管政工副书记负责政府信息公开，局办公室负责信息公开统筹协调，不同板块由不同科室负责，科室实行科长负责制，"
    "指定工作人员负责本科室的信息公开。二是加强保密审查。建立保密审查机制，明确审查程序和责任人对主动公开的，明确要求科室及时申报，办公室事前审核，"
    "准确把握公开范围、形式和时间，对依申请公开，由办公室统一，承办处理提出办理意见，最后报分管副局长审定。三是加强社会监督，把涉及群众和企业切身利益的"
    "各类权力运行过程作为信息公开的重点内容，对决策、执行、结果等信息依法公开，对权力事项办理办事流程、完成时限、受理人及联系电话等信息主动公开通过依申请公开、"
    "局长信箱等方式，及时向社会公众、服务对象和基层单位提供信息和解决问题。"
)
PROBLEMS = [
    "2020年，我局政府信息公开工作，在领导的高度重视下，总体进展较为顺利，但也存在主动公开信息涉及面不广、公开形式不够便民、公开质量有待提升、"
    "从业人员不专业等问题。下阶段我局将严格按照县政府统一安排，进一步推进政府信息公开工作。主要将从以下几个方面加以改进：",
    "1、 加强梳理精度，进一步扩大公开内容。对照基层政务公开标准目录，参考省市同系统政务公开目录，学习优秀县市区文旅行业公开政务目录，结合本地实际，"
    "编制出台适合地区行业的政务公开标准目录，做到应公开的尽公开，可公开的也公开。",
    "2、 加强载体建设，进一步加大群众参与度。依托图书馆、城市书房、网吧等公共文化旅游场所，建立贴近群众生活的政务公开网络，切实加强政务信息公开咨询服务工作，"
    "方便公众获取信息。",
    "3、加强业务指导，进一步规范公开工作。加强完善政务信息公开内容审查、保密审查和更新维护等工作制度建设。按计划组织专题业务培训，开展工作检查，"
    "深化公开内容，规范工作流程，进一步提升政府信息公开工作质量。",
]

I = "\u3000"  # the dump indents labels with ideographic spaces


def proactive_legacy_table():
    return [
        [f"统{I}计{I}指{I}标", "单位", "统计数"],
        [f"{I*2}（一）主动公开政府信息数\n（不同渠道和方式公开相同信息计1条）", "条", "513"],
        [f"{I*2}（二）通过不同渠道和方式公开政府信息的情况", "——", "——"],
        [f"{I*5}1.政府公报公开政府信息数", "条", "238"],
        [f"{I*5}2.政府网站公开政府信息数", "条", "195"],
        [f"{I*5}3.政务微博公开政府信息数", "条", "373"],
        [f"{I*5}4.政务微信公开政府信息数", "条", "450"],
        [f"{I*5}5.其他方式公开政府信息数", "条", "224"],
        [f"{I*2}（三）回应公众关注热点或重大舆情数\n{I*4}（不同方式回应同一热点或舆情计1次）", "次", "0"],
        [f"{I*2}（四）通过不同渠道和方式回应解读的情况", "——", "——"],
        [f"{I*5}1.参加或举办新闻发布会总次数", "次", "1"],
        [f"{I*6}其中：主要负责同志参加新闻发布会次数", "次", "1"],
        [f"{I*5}2.政府网站在线访谈次数", "次", "0"],
        [f"{I*6}其中：主要负责同志参加政府网站在线访谈次数", "次", "0"],
        [f"{I*5}3.政策解读稿件发布数", "篇", "1"],
        [f"{I*5}4.微博微信回应事件数", "次", "113"],
        [f"{I*5}5.其他方式回应事件数", "次", "0"],
    ]


def article20_table():
    items = ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    return [
        [Span("第二十条第（一）项", cols=4)],
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规章", "0", "0", "0"],
        ["规范性文件", "0", "0", "0"],
        [Span("第二十条第（五）项", cols=4)],
        items,
        ["行政许可", "17", "+8", "13"],
        ["其他对外管理服务事项", "20", "+1", "17"],
        [Span("第二十条第（六）项", cols=4)],
        items,
        ["行政处罚", "159", "+25", "23"],
        ["行政强制", "8", "-7", "0"],
        [Span("第二十条第（八）项", cols=4)],
        ["信息内容", "上一年项目数量", Span("本年增/减", cols=2)],
        ["行政事业性收费", "0", Span("0", cols=2)],
        [Span("第二十条第（九）项", cols=4)],
        ["信息内容", "采购项目数量", Span("采购总金额", cols=2)],
        ["政府集中采购", "11", Span("182.32万元", cols=2)],
    ]


def requests_table():
    blank = [""] * 7
    rows = [
        [Span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", cols=3, rows=3), Span("申请人情况", cols=7)],
        [Span("自然人", rows=2), Span("法人或其他组织", cols=5), Span("总计", rows=2)],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
        [Span("一、本年新收到政府信息公开申请数量", cols=3), *blank],
        [Span("二、上年转结政府信息公开申请数量", cols=3), *blank],
        [Span("三、本年度办理结果", rows=20), Span("（一）予以公开", cols=2), *blank],
        [Span("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", cols=2), *blank],
    ]
    groups = [
        ("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                      "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]),
        ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
        ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                      "5.要求行政机关确认或重新出具已获取信息"]),
    ]
    for group, labels in groups:
        for i, label in enumerate(labels):
            rows.append(([Span(group, rows=len(labels))] if i == 0 else []) + [label, *blank])
    rows.append([Span("（六）其他处理", cols=2), *blank])
    rows.append([Span("（七）总计", cols=2), *[""] * 6, "0"])
    rows.append([Span("四、转结下年度继续办理", cols=3), *blank])
    return rows


def review_table():
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [
        [Span("行政复议", cols=5, rows=2), Span("行政诉讼", cols=10)],
        [Span("未经复议直接起诉", cols=5), Span("复议后起诉", cols=5)],
        outcomes * 3,
        ["", "", "", "", "0"] * 3,
    ]


def capacity_table():
    return [
        [f"统{I}计{I}指{I}标", "单位", "统计数"],
        ["（一）机构建设、保障经费情况", "——", ""],
        [f"{I*2}1.政府信息公开工作专门机构数", "个", "1"],
        [f"{I*2}2.设置政府信息公开查阅点数", "个", "1"],
        [f"{I*2}3.从事政府信息公开工作人员数", "人", "3"],
        [f"{I*3}专职人员数（不包括政府公报及政府网站工作人员数）", "人", "3"],
        [f"{I*3}兼职人员数", "人", "0"],
        ["4.政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", "1.5"],
        ["（二）政府信息公开会议和培训情况", "——", ""],
        [f"{I*2}1.召开政府信息公开工作会议或专题会议数", "次", "1"],
        [f"{I*2}2.举办各类培训班数", "次", "1"],
        [f"{I*2}3.接受培训人员数", "人次", "50"],
    ]


def seed_report() -> ReportSpec:
    spec = ReportSpec()
    spec.title("政府信息公开工作年度报告")
    spec.heading("一、总体情况")
    spec.para(OVERVIEW + " " * 42)
    spec.para("")
    spec.heading("二、主动公开")
    spec.para("1.不同渠道方式主动公开及回应解读总体情况")
    spec.table(proactive_legacy_table())
    spec.para("")
    spec.para("2.主动公开政府信息具体情况")
    spec.table(article20_table())
    spec.para("")
    spec.heading("三、依申请公开情况")
    spec.table(requests_table())
    spec.para("")
    spec.heading("四、政府信息公开行政复议、行政诉讼情况")
    spec.table(review_table())
    spec.heading("五、机构建设及组织保障情况")
    spec.table(capacity_table())
    spec.heading("6、 监督保障制度")
    spec.para(SUPERVISION)
    spec.heading("七、存在的主要问题及改进情况")
    for paragraph in PROBLEMS:
        spec.para(paragraph)
    spec.heading("八、其他需要报告的事项")
    spec.para("2020年我局无其他需要报告的事项。")
    return spec


def seed_truth() -> list[tuple[str, str, float | None]]:
    """Every cell of the seed's tables as (field, dim, value), read off the text dump by hand."""
    legacy = {
        "proactive.total": 513, "proactive.channel.gazette": 238, "proactive.channel.website": 195,
        "proactive.channel.weibo": 373, "proactive.channel.wechat": 450, "proactive.channel.other": 224,
        "response.hot_topics": 0, "response.press_conferences": 1, "response.press_conferences.by_head": 1,
        "response.online_interviews": 0, "response.online_interviews.by_head": 0,
        "response.policy_interpretations": 1, "response.social_media": 113, "response.other": 0,
        "capacity.units": 1, "capacity.reading_points": 1, "capacity.staff": 3, "capacity.staff.full_time": 3,
        "capacity.staff.part_time": 0, "capacity.budget": 1.5, "capacity.meetings": 1, "capacity.trainings": 1,
        "capacity.trainees": 50,
    }
    truth = [(f, "value", float(v)) for f, v in legacy.items()]
    for f in ("proactive.rules", "proactive.normative_docs"):
        truth += [(f, d, 0.0) for d in ("new_made", "new_published", "total_published")]
    article20 = {
        "proactive.admin_license": (17, 8, 13), "proactive.other_services": (20, 1, 17),
        "proactive.admin_penalty": (159, 25, 23), "proactive.admin_coercion": (8, -7, 0),
    }
    for f, values in article20.items():
        truth += [(f, d, float(v)) for d, v in zip(("prev_count", "change", "decisions"), values)]
    truth += [("proactive.admin_fees", "prev_count", 0.0), ("proactive.admin_fees", "change", 0.0),
              ("proactive.procurement", "items", 11.0), ("proactive.procurement", "amount", 182.32)]
    applicants = ["natural_person", "commercial", "research", "public_interest", "legal_services", "other_org", "total"]
    rows = ["received_new", "carried_over", "result.disclosed", "result.partially_disclosed",
            *(f"result.withheld.{x}" for x in ("state_secret", "prohibited_by_law", "security_stability",
                                              "third_party_rights", "internal_affairs", "process_info",
                                              "enforcement_files", "admin_query")),
            *(f"result.unable.{x}" for x in ("not_held", "needs_creation", "still_unclear")),
            *(f"result.not_processed.{x}" for x in ("petition", "duplicate", "publication", "excessive",
                                                   "confirm_or_reissue")),
            "result.other", "result.total", "carried_forward"]
    for row in rows:
        for dim in applicants:
            value = 0.0 if (row, dim) == ("result.total", "total") else None
            truth.append((f"requests.{row}", dim, value))
    for f in ("review", "litigation_direct", "litigation_after_review"):
        for dim in ("upheld", "corrected", "other", "pending", "total"):
            truth.append((f"review_litigation.{f}", dim, 0.0 if dim == "total" else None))
    return truth
