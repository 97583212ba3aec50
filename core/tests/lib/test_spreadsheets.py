"""Spreadsheet cells: formulas become text on the way out, and come back exactly as they were."""

from core.lib.spreadsheets import escape_cell, line_writer, unescape_cell


def test_export_neutralises_formulas_and_import_reverses_it():
    for value, exported in [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+441234", "'+441234"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("'hello", "''hello"),
        ("''", "'''"),
        ("plain", "plain"),
        ("", ""),
    ]:
        assert escape_cell(value) == exported
        assert unescape_cell(exported) == value
    assert unescape_cell("'hello") == "'hello", "an apostrophe typed by hand stays"


def test_the_line_writer_returns_each_row_as_a_csv_line():
    writer = line_writer()
    assert writer.writerow(["a", 'say "hi"', "x,y"]) == 'a,"say ""hi""","x,y"\r\n'
