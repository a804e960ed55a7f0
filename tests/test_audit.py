"""Findings an auditor relies on: every kind of the contract, on real and generated reports."""
import pandas as pd
import pytest

from conftest import CORPUS
from extractor import extract_corpus, extract_file
from extractor.audit import check_identities, check_prose, check_required
from extractor.mappings import load_mappings

MAPPINGS = load_mappings()


@pytest.fixture(scope="module")
def corpus_run():
    return extract_corpus(CORPUS)


def keyed(findings: pd.DataFrame):
    return {(r.source, r.kind, r.field or "", r.dim or "") for r in findings.itertuples()}


def test_real_report_total_that_does_not_add_up(shared):
    report = extract_file(shared / "real" / "hongze_district_2023.pdf")
    expected = pd.read_csv(shared / "real" / "hongze_district_2023.findings.csv")
    violations = report.findings[report.findings["kind"] == "identity_violation"]
    assert {(r.field, r.dim) for r in violations.itertuples()} == {(r.field, r.dim) for r in expected.itertuples()}
    review = violations[violations["field"] == "review_litigation.review"].iloc[0]
    assert (review["expected"], review["actual"], review["severity"]) == ("11", "0", "error")
    assert "10 + 1 + 0 + 0" in review["detail"]
    assert set(report.findings["kind"]) == {"identity_violation"}


def test_seed_has_no_false_violations(seed_report):
    kinds = set(seed_report.findings["kind"])
    assert "identity_violation" not in kinds
    assert "missing_section" not in kinds and "text_table_mismatch" not in kinds
    assert (seed_report.findings["severity"] != "error").all()


def test_seed_prose_agrees_with_its_table(seed_report):
    # 政府网站公开政府信息195条 / 主动公开政府信息513条 / 未收到…申请 => 0 are all checked and agree
    cells = {(r.field, r.dim): (None if pd.isna(r.value) else r.value) for r in seed_report.observations.itertuples()}
    text = "其中宁海县人民政府网站公开政府信息196条,今年我局主动公开政府信息513条；本年度我局未收到依申请公开信息申请"
    findings = check_prose(text, cells, MAPPINGS)
    assert [(f.field, f.expected, f.actual) for f in findings] == [("proactive.channel.website", "196", "195")]


def test_prose_figures_of_requests_are_checked():
    cells = {("requests.received_new", "total"): 15.0, ("requests.carried_over", "total"): 2.0,
             ("requests.carried_forward", "total"): 1.0}
    agreeing = "全年共收到政府信息公开申请15件，上年结转2件，结转下年度继续办理1件。收到依申请公开事项15件"
    assert check_prose(agreeing, cells, MAPPINGS) == []
    text = "共收到依申请公开16件，上年度结转政府信息公开申请3件，结转至下一年度继续办理4件"
    assert [(f.field, f.expected, f.actual) for f in check_prose(text, cells, MAPPINGS)] == [
        ("requests.received_new", "16", "15"), ("requests.carried_over", "3", "2"),
        ("requests.carried_forward", "4", "1")]


def test_blank_total_with_nonblank_parts_is_a_violation():
    cells = {("review_litigation.review", d): v for d, v in
             [("upheld", 2.0), ("corrected", None), ("other", None), ("pending", None), ("total", None)]}
    findings = check_identities(cells, "2021", MAPPINGS)
    assert [(f.field, f.dim, f.expected, f.actual) for f in findings] == \
        [("review_litigation.review", "total", "2", "0")]
    cells[("review_litigation.review", "upheld")] = 0.0
    assert check_identities(cells, "2021", MAPPINGS) == []


def test_missing_field_per_format():
    cells = {("proactive.admin_license", "decisions"): 5.0, ("proactive.admin_penalty", "decisions"): 1.0}
    findings = check_required(cells, {"proactive"}, {"proactive"}, "2021", MAPPINGS)
    missing = {(f.kind, f.field, f.dim) for f in findings}
    assert ("missing_field", "proactive.admin_coercion", None) in missing
    assert not any(f.field == "proactive.procurement" for f in findings)  # 2021 has no 政府集中采购 row
    findings_2019 = check_required({("proactive.admin_license", "prev_count"): 1.0}, {"proactive"}, {"proactive"},
                                   "2019", MAPPINGS)
    assert ("missing_field", "proactive.procurement", None) in {(f.kind, f.field, f.dim) for f in findings_2019}
    assert ("missing_field", "proactive.admin_license", "change") in {(f.kind, f.field, f.dim) for f in findings_2019}


def test_planted_defects_are_all_found(corpus_run):
    _, _, findings = corpus_run
    planted = pd.read_csv(CORPUS / "truth" / "docx.findings.csv", dtype=str, keep_default_na=False)
    assert {"identity_violation", "text_table_mismatch", "cross_year_mismatch", "missing_section",
            "duplicate"} <= set(planted["kind"])
    found = keyed(findings)
    for row in planted.itertuples():
        if row.kind in ("missing_section", "duplicate"):
            assert any(s == row.source and k == row.kind for s, k, _, _ in found), row
            if row.kind == "missing_section":
                sections = findings[(findings["source"] == row.source) & (findings["kind"] == "missing_section")]
                assert row.section in set(sections["section"])
        else:
            assert (row.source, row.kind, row.field, row.dim) in found, row


def test_clean_reports_have_no_errors_or_contradictions(corpus_run):
    _, documents, findings = corpus_run
    planted = pd.read_csv(CORPUS / "truth" / "docx.findings.csv", dtype=str, keep_default_na=False)
    planted_keys = {(r.source, r.kind) for r in planted.itertuples()}
    ours = findings[findings["source"].str.startswith(("generated/", "seed/"))]
    audited = ours[ours["kind"].isin(["identity_violation", "text_table_mismatch", "cross_year_mismatch",
                                      "missing_section", "duplicate"])]
    unexpected = [(r.source, r.kind, r.detail) for r in audited.itertuples() if (r.source, r.kind) not in planted_keys]
    assert unexpected == []


def test_duplicates_are_counted_once(corpus_run):
    observations, documents, findings = corpus_run
    copy = "generated/copies/副本-report_00_2022.docx"
    assert copy in set(documents["source"])
    assert copy not in set(observations["source"])
    assert documents.set_index("source").loc[copy, "n_observations"] == 0
    # the PDF renderings of a .docx report are the same report: counted once too
    assert not observations["source"].str.startswith("pdf/libreoffice/").any()
    assert not observations.duplicated(["doc_id", "field", "dim"]).any()
