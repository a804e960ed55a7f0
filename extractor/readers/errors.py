class ReadError(Exception):
    """A file that cannot be read as a report; the message is shown to the user as the document's error."""
