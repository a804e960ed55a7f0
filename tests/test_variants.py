"""Header wordings seen in real reports beyond the official ones."""
import itertools
import random

from generate import Style, Writer, requests_header, requests_numbers, requests_rows
from layout import ReportSpec, Span, write_docx
from redraw import generated_reports, redrawn, redrawn_rows, turned

from extractor import extract_file


def extract(tmp_path, *tables):
    spec = ReportSpec()
    spec.title("某某局2022年政府信息公开工作年度报告")
    for rows in tables:
        spec.table(rows)
    path = tmp_path / "r.docx"
    write_docx(spec, path)
    return extract_file(path)


def test_short_review_headers_read_as_outcomes(tmp_path):
    report = extract(tmp_path, [
        [Span("行政复议", cols=5, rows=2), Span("行政诉讼", cols=10)],
        [Span("未经复议直接起诉", cols=5), Span("复议后起诉", cols=5)],
        ["维持", "纠正", "其他", "尚未审结", "总计"] * 3,
        ["1", "2", "3", "0", "6", "0", "0", "1", "0", "1", "0", "0", "0", "0", "0"],
    ])
    assert report.value("review_litigation.review", "other") == 3
    assert report.value("review_litigation.litigation_direct", "other") == 1
    assert set(report.observations["dim"]) == {"upheld", "corrected", "other", "pending", "total"}


def test_applicant_header_variants(tmp_path):
    report = extract(tmp_path, [
        [Span("", rows=2), Span("自然人", rows=2), Span("法人或其他组织", cols=5), Span("合计", rows=2)],
        ["企业", "科研机构", "公益组织", "法律服务", "其他组织"],
        ["一、本年新收政府信息公开申请数量", "5", "1", "0", "2", "0", "1", "9"],
    ])
    row = {d: report.value("requests.received_new", d) for d in
           ("natural_person", "commercial", "research", "public_interest", "legal_services", "other_org", "total")}
    assert row == {"natural_person": 5, "commercial": 1, "research": 0, "public_interest": 2, "legal_services": 0,
                   "other_org": 1, "total": 9}


def test_review_table_without_its_group_header_rows(tmp_path):
    # the 行政复议 / 行政诉讼 header rows are left out: the dims, three times over, still say which is which
    report = extract(tmp_path, [
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3,
        ["1", "0", "0", "0", "1", "0", "2", "0", "0", "2", "0", "0", "0", "3", "3"],
    ])
    assert report.value("review_litigation.review", "upheld") == 1
    assert report.value("review_litigation.litigation_direct", "corrected") == 2
    assert report.value("review_litigation.litigation_after_review", "pending") == 3


def test_legacy_table_without_its_header_row(tmp_path):
    # 统计指标 | 单位 | 统计数 left out: the unit column is recognised by its units, not taken for the label
    report = extract(tmp_path, [
        ["（一）收到申请数", "件", "7"],
        ["1.当面申请数", "件", "2"],
        ["2.传真申请数", "件", "0"],
        ["3.网络申请数", "件", "5"],
        ["4.信函申请数", "件", "0"],
    ])
    assert report.value("requests_legacy.received", "value") == 7
    assert report.value("requests_legacy.received.online", "value") == 5
    assert set(report.observations["raw_label"]) >= {"（一）收到申请数", "3.网络申请数"}


OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def test_review_table_with_a_row_for_each_of_review_and_litigation(tmp_path):
    # the 复议/诉讼 table as narrow pages print it: outcomes across, 行政复议 and the two 行政诉讼 down
    report = extract(tmp_path, [
        [Span("", cols=2), *OUTCOMES],
        [Span("行政复议", cols=2), "1", "2", "0", "4", "7"],
        [Span("行政诉讼", rows=2), "未经复议直接起诉", "0", "1", "0", "0", "1"],
        ["复议后起诉", "2", "0", "0", "1", "3"],
    ])
    assert report.value("review_litigation.review", "pending") == 4
    assert report.value("review_litigation.litigation_direct", "corrected") == 1
    assert report.value("review_litigation.litigation_after_review", "total") == 3
    assert len(report.observations) == 15
    direct = report.observations[report.observations["field"] == "review_litigation.litigation_direct"]
    assert set(direct["row"]) == {2}


def test_review_table_printed_turned(tmp_path):
    # outcomes down, 行政复议 and the two 行政诉讼 across: read as the table it turns, in the printed rows and
    # columns
    report = extract(tmp_path, [
        [Span("", rows=2), Span("行政复议", rows=2), Span("行政诉讼", cols=2)],
        ["未经复议直接起诉", "复议后起诉"],
        ["结果维持", "3", "1", "0"],
        ["结果纠正", "1", "0", "2"],
        ["其他结果", "0", "0", "0"],
        ["尚未审结", "2", "1", "0"],
        ["总计", "6", "2", "2"],
    ])
    observations = report.observations.set_index(["field", "dim"])
    assert len(observations) == 15
    assert report.value("review_litigation.review", "upheld") == 3
    assert report.value("review_litigation.litigation_after_review", "corrected") == 2
    assert observations.loc[("review_litigation.litigation_direct", "pending"), ["row", "col"]].tolist() == [5, 2]
    assert not (report.findings["kind"] == "identity_violation").any()


def test_unknown_table_is_not_read_turned(tmp_path):
    # a table of other figures, which no reading of either way round matches, gives no values
    report = extract(tmp_path, [
        ["", "2021年", "2022年"],
        ["网站访问量", "1000", "1200"],
        ["办件量", "30", "35"],
    ])
    assert report.observations.empty
    assert (report.findings["kind"] == "no_tables").any()


def test_requests_table_printed_turned(tmp_path):
    # the 2021 request matrix with applicants down and the outcome rows across: every cell is read
    rng = random.Random(3)
    writer = Writer(Style(template="2021"), rng)
    rows, _ = requests_rows(writer, requests_numbers(rng, "2021"))
    report = extract(tmp_path, redrawn_rows(requests_header(writer) + rows, turned))
    truth = {(field, dim): value for field, dim, value in writer.truth}
    got = {(o.field, o.dim): (None if o.value != o.value else o.value) for o in report.observations.itertuples()}
    assert len(truth) == 175
    assert got == truth


def test_turned_table_read_turned_when_read_upright_it_gives_no_value(tmp_path):
    # generated report 7 of seed 91 with every table turned: read upright, a row of its request table
    # (申请人情况 | 总计 | numbers) fits a layout of headerless rows, so that reading knows the table's columns yet
    # maps no value; the table is then read turned, and every cell of the report is read
    _, generated = next(itertools.islice(generated_reports(91), 7, None))
    path = tmp_path / "r.docx"
    write_docx(redrawn(generated.spec, turned), path)
    report = extract_file(path)
    got = {(o.field, o.dim): (None if o.value != o.value else o.value) for o in report.observations.itertuples()}
    truth = {(field, dim): value for field, dim, value in generated.truth}
    assert sum(field.startswith("requests.") for field, _ in truth) == 175
    assert got == truth


def test_review_rows_told_apart_by_their_notes_in_brackets(tmp_path):
    report = extract(tmp_path, [
        ["", *OUTCOMES],
        ["行政复议", "1", "2", "0", "4", "7"],
        ["行政诉讼（未经复议直接起诉）", "0", "1", "0", "0", "1"],
        ["行政诉讼（复议后起诉）", "2", "0", "0", "1", "3"],
    ])
    assert report.value("review_litigation.litigation_direct", "corrected") == 1
    assert report.value("review_litigation.litigation_after_review", "upheld") == 2
    assert len(report.observations) == 15


def test_review_table_as_three_tables_each_under_its_caption(tmp_path):
    # 行政复议 and the two 行政诉讼 each a small table of outcomes, named only by the paragraph above it
    spec = ReportSpec()
    spec.title("某某局2022年政府信息公开工作年度报告")
    spec.heading("四、政府信息公开行政复议、行政诉讼情况")
    for caption, numbers in (("（一）行政复议", ["1", "0", "0", "0", "1"]),
                             ("（二）行政诉讼（未经复议直接起诉）", ["0", "2", "0", "1", "3"]),
                             ("（三）行政诉讼（复议后起诉）", ["0", "0", "4", "0", "4"])):
        spec.para(caption)
        spec.table([OUTCOMES, numbers])
    spec.para("五、存在的主要问题及改进情况")
    path = tmp_path / "r.docx"
    write_docx(spec, path)
    report = extract_file(path)
    assert len(report.observations) == 15
    assert report.value("review_litigation.review", "upheld") == 1
    assert report.value("review_litigation.litigation_direct", "pending") == 1
    assert report.value("review_litigation.litigation_after_review", "other") == 4
    assert set(report.observations["row"]) == {1}
    assert not (report.findings["kind"] == "unmatched_label").any()


def test_review_table_cut_in_three_each_with_its_title_row(tmp_path):
    report = extract(tmp_path, [
        [Span("行政诉讼（复议后起诉）", cols=5)],
        OUTCOMES,
        ["0", "1", "0", "2", "3"],
    ])
    assert report.value("review_litigation.litigation_after_review", "pending") == 2
    assert set(report.observations["field"]) == {"review_litigation.litigation_after_review"}


def test_legacy_table_beside_last_years_figures(tmp_path):
    # 本年 and 上年 side by side: the report's year is read, the year before it is neither value nor label
    report = extract(tmp_path, [
        ["统计指标", "单位", "2016年", "2017年"],
        ["（一）收到申请数", "件", "5", "7"],
        ["1.当面申请数", "件", "1", "2"],
        ["2.网络申请数", "件", "4", "5"],
    ])
    assert report.value("requests_legacy.received", "value") == 7
    assert report.value("requests_legacy.received.online", "value") == 5
    assert set(report.observations["col"]) == {3}
    assert report.document["template"] == "legacy"
    named = extract(tmp_path, [["统计指标", "单位", "本年数", "上年数"], ["（一）收到申请数", "件", "7", "5"]])
    assert named.value("requests_legacy.received", "value") == 7 and len(named.observations) == 1


def test_table_headed_by_years_of_other_figures_is_not_a_report_table(tmp_path):
    report = extract(tmp_path, [["", "2021年", "2022年"], ["网站访问量", "1000", "1200"], ["办件量", "30", "35"]])
    assert report.observations.empty
    assert report.document["template"] == "unknown"
    assert set(report.findings["kind"]) == {"unmatched_label", "no_tables"}
    assert set(report.findings.loc[report.findings["kind"] == "unmatched_label", "severity"]) == {"info"}


def test_review_table_written_out_a_row_per_cell(tmp_path):
    # group | outcome | value, the group a merged cell down its five rows; the first value blank
    rows = [["类别", "结果", "数量"]]
    for g, group in enumerate(["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]):
        for k, outcome in enumerate(OUTCOMES):
            value = "" if (g, k) == (0, 0) else str(10 * g + k)
            rows.append([Span(group, rows=5), outcome, value] if k == 0 else [outcome, value])
    for header in (True, False):
        report = extract(tmp_path, rows if header else rows[1:])
        assert len(report.observations) == 15
        assert report.value("review_litigation.review", "upheld") is None
        assert report.value("review_litigation.review", "total") == 4
        assert report.value("review_litigation.litigation_direct", "corrected") == 11
        assert report.value("review_litigation.litigation_after_review", "pending") == 23
        assert not (report.findings["kind"] == "unparsed_value").any()


def test_reports_with_every_table_turned(tmp_path):
    # generated reports of every form with each table printed turned: every cell read, none misread; a half of
    # a split table that repeats no header (turned, it prints the fields across but not the applicants down)
    # is read under the header the turned reading of the half before it found
    checked = bare = 0
    for i, (style, report) in zip(range(16), generated_reports(21)):
        bare += style.split_requests == "bare"
        path = tmp_path / f"r{i}.docx"
        write_docx(redrawn(report.spec, turned), path)
        got = {(o.field, o.dim): (None if o.value != o.value else o.value)
               for o in extract_file(path).observations.itertuples()}
        assert got == {(field, dim): value for field, dim, value in report.truth}, style
        checked += 1
    assert checked == 16 and bare >= 1


def test_rest_of_a_turned_table_split_without_its_applicants(tmp_path):
    # generated report 4 of seed 2027, every table turned: the request table split by its author, the second
    # part printing the fields across (（四）无法提供 … 四、结转下年度继续办理) but not the applicants down; read
    # turned under the header the first part's turned reading found, its 77 cells are read
    style, report = next(itertools.islice(generated_reports(2027), 4, None))
    path = tmp_path / "r.docx"
    write_docx(redrawn(report.spec, turned), path)
    got = {(o.field, o.dim): (None if o.value != o.value else o.value)
           for o in extract_file(path).observations.itertuples()}
    assert got[("requests.result.unable.not_held", "total")] == 2
    assert got == {(field, dim): value for field, dim, value in report.truth}


def test_headerless_rows_under_a_group_cell_take_their_layout_from_their_own_label(tmp_path):
    # the rest of the request table after an author's cut, no header repeated, the group label down the left
    report = extract(tmp_path, [
        [Span("三、本年度办理结果", rows=3), "1.信访举报投诉类申请", "2", "0", "0", "0", "0", "0", "2"],
        ["2.重复申请", "0", "0", "0", "0", "1", "0", "1"],
        ["（六）其他处理", "1", "0", "0", "0", "0", "0", "1"],
    ])
    assert report.value("requests.result.not_processed.petition", "natural_person") == 2
    assert report.value("requests.result.not_processed.duplicate", "legal_services") == 1
    assert report.value("requests.result.other", "total") == 1


def test_a_headerless_row_takes_a_layout_only_its_field_fills(tmp_path):
    # the 2019 行政事业性收费 row cut from its header by a page break, over the 第二十条第（九）项 table: its two
    # numbers are 上一年项目数量 and 本年增/减, not 政府集中采购's 采购项目数量 and 采购总金额
    report = extract(tmp_path, [
        ["行政事业性收费", "147", "-1"],
        [Span("第二十条第（九）项", cols=3)],
        ["信息内容", "采购项目数量", "采购总金额"],
        ["政府集中采购", "32", "690000元"],
    ])
    assert report.value("proactive.admin_fees", "prev_count") == 147
    assert report.value("proactive.admin_fees", "change") == -1
    assert not ((report.observations["field"] == "proactive.admin_fees") & (report.observations["dim"] == "amount")).any()
    assert report.value("proactive.procurement", "amount") == 69


def test_numbers_before_a_headerless_table_is_known_are_reported(tmp_path):
    # a row of numbers whose label fits no layout, above a row that shows the table's: never dropped silently
    report = extract(tmp_path, [
        ["某某情况", "9", "9", "9", "9", "9", "9", "9"],
        ["四、结转下年度继续办理", "0", "1", "0", "0", "0", "0", "1"],
    ])
    assert report.value("requests.carried_forward", "commercial") == 1
    details = report.findings.loc[report.findings["kind"] == "unmatched_label", "detail"].tolist()
    assert details == ["table 0 row 0: numbers in a row under no header, in no known layout"]


def test_review_group_headers_read_over_the_wrong_columns(tmp_path):
    # as a table without rules reads: 行政复议 lost, 未经复议直接起诉 guessed one column too wide each side
    report = extract(tmp_path, [
        ["", "", "", "", Span("未经复议直接起诉", cols=7), Span("复议后起诉", cols=3), ""],
        OUTCOMES * 3,
        ["1", "1", "3", "0", "5", "0", "0", "0", "0", "0", "0", "0", "3", "0", "3"],
    ])
    assert report.value("review_litigation.review", "total") == 5
    assert report.value("review_litigation.litigation_direct", "total") == 0
    assert report.value("review_litigation.litigation_after_review", "upheld") == 0


def test_review_groups_printed_in_another_order_are_kept(tmp_path):
    report = extract(tmp_path, [
        [Span("复议后起诉", cols=5), Span("未经复议直接起诉", cols=5), Span("行政复议", cols=5)],
        OUTCOMES * 3,
        ["1", "0", "0", "0", "1", "0", "2", "0", "0", "2", "0", "0", "0", "3", "3"],
    ])
    assert report.value("review_litigation.litigation_after_review", "upheld") == 1
    assert report.value("review_litigation.litigation_direct", "corrected") == 2
    assert report.value("review_litigation.review", "pending") == 3


def test_header_cells_holding_the_title_above_them(tmp_path):
    # a table without rules read with its title line in each header cell: the column names are the last lines
    title = "第二十条第（一）项\n"
    report = extract(tmp_path, [
        [title + "信息内容", title + "本年制发件数", title + "本年废止件数", title + "现行有效件数"],
        ["规章", "2", "0", "1"],
        ["行政规范性文件", "7", "6", "9"],
    ])
    assert report.value("proactive.rules", "issued") == 2
    assert report.value("proactive.normative_docs", "in_force") == 9
    assert set(report.observations["dim"]) == {"issued", "repealed", "in_force"}


def test_label_wrapped_onto_the_row_of_its_numbers(tmp_path):
    # a table without rules may read a label's first lines as a blank row of their own
    report = extract(tmp_path, [
        ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
        ["（一）予以公开", "1", "0", "0", "0", "0", "0", "1"],
        ["（二）部分公开（区分处理的，", "", "", "", "", "", "", ""],
        ["只计这一情形，不计其他情形）", "2", "0", "0", "1", "0", "0", "3"],
    ])
    assert report.value("requests.result.partially_disclosed", "natural_person") == 2
    assert report.value("requests.result.partially_disclosed", "total") == 3
    partial = report.observations[report.observations["field"] == "requests.result.partially_disclosed"]
    assert len(partial) == 7 and set(partial["row"]) == {3}


def test_blank_row_with_a_whole_label_does_not_take_the_numbers_below_it(tmp_path):
    # 2.没有现成信息需要另行制作 printed blank is a row of its own: the numbers of the half-read row below are not its
    report = extract(tmp_path, [
        ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
        ["（四）无法提供", "", "", "", "", "", "", ""],
        ["2.没有现成信息需要另行制作", "", "", "", "", "", "", ""],
        ["容仍不明确", "3", "3", "1", "", "", "", "7"],
    ])
    assert report.value("requests.result.unable.needs_creation", "total") is None
    assert set(report.observations["row"]) == {2}


def test_group_row_ending_a_table_whose_items_open_the_next(tmp_path):
    # a table split by a page break right under （六）其他处理: its items head the next table, so the row of
    # blanks is their heading, not a row of values
    report = extract(tmp_path, [
        ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
        ["一、本年新收政府信息公开申请数量", "3", "1", "0", "0", "0", "0", "4"],
        ["（六）其他处理", "", "", "", "", "", "", ""],
    ], [
        ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1", "0", "0", "0", "0", "0", "1"],
        ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0", "0", "0", "0", "0", "0", "0"],
        ["3.其他", "0", "2", "0", "0", "0", "0", "2"],
    ])
    assert report.value("requests.result.other.no_correction", "total") == 1
    assert report.value("requests.result.other.other", "commercial") == 2
    assert not report.observations["field"].eq("requests.result.other").any()


def test_rest_of_a_split_table_with_label_columns_of_its_own_takes_the_header_above(tmp_path):
    # the part after the split prints a group label column the part above has not, and one applicant column
    # blank throughout: it is read under the header above, on its value columns
    report = extract(tmp_path, [
        ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
        ["一、本年新收政府信息公开申请数量", "3", "1", "0", "", "0", "0", "4"],
    ], [
        [Span("三、本年度办理结果", rows=2), "（一）予以公开", "2", "1", "", "", "", "", "3"],
        ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1", "", "", "", "", "1", "2"],
    ])
    assert report.value("requests.result.disclosed", "commercial") == 1
    assert report.value("requests.result.partially_disclosed", "other_org") == 1
    assert report.value("requests.result.partially_disclosed", "total") == 2


def test_header_rows_printed_again_in_part_keep_the_whole_header_above(tmp_path):
    # the request table's first two header rows printed again mid-table (Word's repeated header rows, the table
    # running on to the next page): they name 自然人 and 总计 alone, and under 法人或其他组织 nothing; the rows
    # below them are still read under the whole header above, every applicant column by its own name
    header = [
        [Span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rows=3), Span("申请人情况", cols=7)],
        [Span("自然人", rows=2), Span("法人或其他组织", cols=5), Span("总计", rows=2)],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    ]
    report = extract(tmp_path, [
        *header,
        ["一、本年新收政府信息公开申请数量", "5", "1", "0", "2", "0", "1", "9"],
        [Span(header[0][0].text, rows=2), header[0][1]], [Span("自然人"), Span("法人或其他组织", cols=5), Span("总计")],
        ["二、上年结转政府信息公开申请数量", "1", "2", "3", "4", "5", "6", "21"],
    ])
    assert {d: report.value("requests.carried_over", d) for d in
            ("natural_person", "commercial", "research", "public_interest", "legal_services", "other_org", "total")} \
        == {"natural_person": 1, "commercial": 2, "research": 3, "public_interest": 4, "legal_services": 5,
            "other_org": 6, "total": 21}


def test_a_column_headed_by_a_group_of_dims_alone_is_not_read_as_the_dim_it_resembles(tmp_path):
    # 法人或其他组织 alone over a column (the names under it left out), wrapped in its cell, ends in 他组织, which
    # is close to 其他组织 (other_org); it names a group of applicants: its column is not read as other_org
    report = extract(tmp_path, [
        ["", "自然人", "法人或其\n他组织", "总计"],
        ["一、本年新收政府信息公开申请数量", "5", "4", "9"],
    ])
    assert report.value("requests.received_new", "natural_person") == 5
    assert report.value("requests.received_new", "total") == 9
    assert "other_org" not in set(report.observations["dim"])
