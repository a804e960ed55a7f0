"""Per-file functions for the batch tests, importable by worker processes."""
import os
import time

from extractor.batch import process_file


def misbehaving(path, root, mappings, *known):
    """process_file, except that a file named hang* never returns and one named crash* kills its worker."""
    name = os.path.basename(path)
    if name.startswith("hang"):
        time.sleep(3600)
    if name.startswith("crash"):
        os._exit(3)
    return process_file(path, root, mappings, *known)
