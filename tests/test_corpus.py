"""The shipped corpus against its ground truth: every generated report in every format variant."""
import sys

from conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from accuracy import load_truth, score  # noqa: E402


def test_corpus_cell_f1():
    truth, documents = load_truth(CORPUS / "truth", CORPUS)
    assert truth["path"].nunique() >= 25
    groups, mistakes = score(truth, documents)
    total = groups["all"]
    precision = total["right"] / total["predicted"]
    recall = total["right"] / total["truth"]
    assert 2 * precision * recall / (precision + recall) >= 0.99, mistakes[:20]
    assert total["wrong_confident"] == 0, mistakes[:20]
    for template in ("2019", "2021", "legacy", "hybrid"):
        assert groups[f"template={template}"]["truth"] > 0
    metadata_mistakes = [m for m in mistakes if m[1][0] in ("template", "agency", "year")]
    assert not metadata_mistakes
