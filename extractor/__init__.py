"""Extract the statistical tables of Chinese government information-disclosure annual reports."""
__version__ = "0.1.0"

from .batch import extract_corpus  # noqa: E402
from .mappings import load_mappings  # noqa: E402
from .output import write_tables  # noqa: E402
from .pipeline import Report, extract_file, iter_report_files  # noqa: E402
__all__ = ["Report", "extract_corpus", "extract_file", "iter_report_files", "load_mappings", "write_tables"]
