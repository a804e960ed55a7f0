"""Sections from headings, by meaning rather than number."""
import pytest

from extractor.mappings import load_mappings
from extractor.sections import heading_section


@pytest.mark.parametrize("heading, section", [
    ("一、总体情况", "overview"),
    ("一．总体情况", "overview"),
    ("1、总体情况", "overview"),
    ("第一部分 总体情况", "overview"),
    ("第二部分：主动公开政府信息情况", "proactive"),
    ("第五章 存在的主要问题及改进情况", "problems"),
    ("一 总体情况", "overview"),
    ("六　其他需要报告的事项", "other_matters"),
    ("七、附表", "other"),
    # a lower level, or prose, names no section
    ("（一）主动公开情况", None),
    ("1.主动公开", None),
    ("一是加强主动公开，全年主动公开政府信息1234条，其中规范性文件12件，依申请公开办理及时。", None),
])
def test_heading_section(heading, section):
    assert heading_section(heading, load_mappings()) == section
