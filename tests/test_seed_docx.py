"""The seed report (a real 2020 county bureau report) rebuilt as .docx yields exactly its numbers."""
import math

import pytest

from conftest import SEED_DOCX
from seed import seed_truth


@pytest.mark.parametrize("field, dim, expected", [
    ("proactive.channel.website", "value", 195),
    ("proactive.total", "value", 513),
    ("proactive.admin_penalty", "prev_count", 159),
    ("proactive.admin_penalty", "change", 25),
    ("proactive.admin_penalty", "decisions", 23),
    ("proactive.admin_coercion", "change", -7),
    ("proactive.admin_license", "change", 8),
    ("proactive.procurement", "amount", 182.32),
    ("proactive.procurement", "items", 11),
    ("capacity.trainees", "value", 50),
    ("capacity.budget", "value", 1.5),
    ("requests.result.total", "total", 0),
    ("review_litigation.litigation_after_review", "total", 0),
    ("response.press_conferences.by_head", "value", 1),
    ("response.online_interviews.by_head", "value", 0),
])
def test_seed_values(seed_report, field, dim, expected):
    assert seed_report.value(field, dim) == pytest.approx(expected)


def test_seed_blank_matrix_cells_are_null_with_empty_raw_value(seed_report):
    obs = seed_report.observations
    received = obs[obs["field"] == "requests.received_new"]
    assert len(received) == 7
    assert received["value"].isna().all()
    assert (received["raw_value"] == "").all()
    assert seed_report.value("requests.result.withheld.state_secret", "natural_person") is None


def test_seed_matches_hand_truth_exactly(seed_report):
    want = {(f, d): v for f, d, v in seed_truth()}
    got = {(r.field, r.dim): (None if math.isnan(r.value) else r.value) for r in seed_report.observations.itertuples()}
    assert set(got) == set(want)
    for key, value in want.items():
        assert got[key] == pytest.approx(value) if value is not None else got[key] is None, key


def test_seed_document_row(seed_report):
    doc = seed_report.document
    assert doc["status"] == "ok"
    assert doc["year"] == 2020
    assert doc["agency"] is None  # the title names no body; 宁海县人民政府网站 in the prose is not the author
    assert doc["template"] == "hybrid"
    assert doc["n_tables"] == 5
    assert doc["sections"].split() == ["overview", "proactive", "response", "requests", "review_litigation",
                                       "capacity", "problems", "other_matters"]


def test_seed_traceability(seed_report):
    obs = seed_report.observations
    row = obs[(obs["field"] == "proactive.admin_penalty") & (obs["dim"] == "change")].iloc[0]
    assert (row["table"], row["row"], row["col"]) == (1, 10, 2)
    assert row["raw_value"] == "+25"
    assert row["raw_label"] == "行政处罚"
    assert row["unit"] == "项"
    amount = obs[(obs["field"] == "proactive.procurement") & (obs["dim"] == "amount")].iloc[0]
    assert amount["unit"] == "万元" and amount["raw_value"] == "182.32万元"
    assert obs["doc_id"].str.len().eq(16).all()
    assert not obs.duplicated(["doc_id", "field", "dim"]).any()


def test_observation_records_carry_exactly_the_schema_columns():
    from extractor.pipeline import extract_records
    from extractor.schema import OBSERVATIONS

    observations, document, _ = extract_records(SEED_DOCX)
    assert len(observations) == 221
    assert all(set(record) == set(OBSERVATIONS.names) for record in observations)
    website = next(o for o in observations if o["field"] == "proactive.channel.website")
    assert (website["value"], website["doc_id"], website["year"]) == (195.0, document["doc_id"], 2020)


def test_seed_has_no_unmatched_numbers(seed_report):
    kinds = set(seed_report.findings["kind"])
    assert "unmatched_label" not in kinds and "low_confidence" not in kinds


def test_seed_reader_resolves_merges():
    from extractor.readers.docx import read_docx

    doc = read_docx(SEED_DOCX)
    requests = doc.tables[2]
    assert (requests.n_rows, requests.n_cols) == (26, 10)
    state_secret_row = requests.grid[7]
    assert state_secret_row[1].text == "（三）不予公开" and state_secret_row[1].rowspan == 8
    assert requests.grid[8][1] is state_secret_row[1]  # the merged cell is shared, so row 8 knows its parent
    assert requests.grid[8][0].text == "三、本年度办理结果"
    header = requests.grid[1]
    assert header[4].text == "法人或其他组织" and header[4].colspan == 5
    assert all(header[c] is header[4] for c in range(4, 9))
