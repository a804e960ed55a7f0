"""Header wordings seen in real reports beyond the official ones."""
from layout import ReportSpec, Span, write_docx

from extractor import extract_file


def extract(tmp_path, rows):
    spec = ReportSpec()
    spec.title("某某局2022年政府信息公开工作年度报告")
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
