"""CSV for spreadsheets: cells that can never run as formulas, and rows streamed as lines.

A spreadsheet runs a cell starting with = + - @ (or a tab or carriage return) as a formula
("CSV injection"), so text cells written for spreadsheets go through `escape_cell`: such a
cell gets a leading apostrophe, which spreadsheets show as text. A cell already starting
with an apostrophe gets one more, so `unescape_cell` can undo exactly what was added when the
file comes back.
"""

import csv

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def escape_cell(value: str) -> str:
    """Make a cell safe to open in a spreadsheet: formulas become text."""
    if value.startswith((*FORMULA_TRIGGERS, ESCAPE)):
        return ESCAPE + value
    return value


def unescape_cell(value: str) -> str:
    """Undo `escape_cell`, so the round trip is lossless."""
    if (
        value.startswith(ESCAPE)
        and value[1:2]
        and value[1:].startswith((*FORMULA_TRIGGERS, ESCAPE))
    ):
        return value[1:]
    return value


class _Line:
    """A file-like object whose write returns the text, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def line_writer():
    """A csv.writer whose writerow() returns the CSV line instead of writing it, so a view
    can stream rows one at a time (StreamingHttpResponse) without holding the file."""
    return csv.writer(_Line())
