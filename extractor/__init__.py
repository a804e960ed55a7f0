"""Extract the statistical tables of Chinese government information-disclosure annual reports."""
from .mappings import load_mappings
from .output import write_tables
from .pipeline import Report, extract_corpus, extract_file, iter_report_files

__version__ = "0.1.0"
__all__ = ["Report", "extract_corpus", "extract_file", "iter_report_files", "load_mappings", "write_tables"]
