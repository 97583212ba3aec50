"""Member organisations as CSV: the file format, export, and the all-or-nothing import.

The modules, in the order a file goes through them: `columns` (the format's columns),
`reading` (bytes to rows, and the header), `validation` (each row's cells), `matching`
(existing organisations, duplicates), `plan` and `planning` (what importing would do),
`applying` (writing it); and `export`.

The format
==========

UTF-8 text (a byte-order mark is fine: spreadsheets add one), comma-separated, the first row
holding the column names. Row numbers in messages are the ones a spreadsheet shows: the
header is row 1, the first organisation row 2.

    name                  required; the organisation's name
    slug                  optional column; the address of its profile (/members/<slug>/).
                          Used when creating an organisation and to recognise one whose name
                          changed; existing organisations keep their address.
    type                  one of charity, social_enterprise, grassroots, research,
                          association, other
    description           plain text, up to 2,000 characters
    website               a web address
    charity_number        6 or 7 digits (England and Wales), SC + 6 digits, NIC + 6 digits
    company_number        8 digits, or 2 letters and 6 digits
    size_band             blank, micro, small, medium, large or major
    lived_experience_led  yes or no
    by_and_for            yes or no
    regions               taxonomy term slugs separated by ";" (places)
    parts                 ... parts of the system
    themes                ... themes
    populations           ... populations served

and, for each network in the installation (the three columns together, or none of them):

    <network slug> status       applied, active, lapsed or left; blank = no membership
    <network slug> joined       YYYY-MM-DD or blank
    <network slug> renewal due  YYYY-MM-DD or blank

Every column above except slug and the network columns must be present. A blank cell
clears that detail; a blank status never deletes a membership (set it to "left" to end one).

Export (`export.export_lines`) writes exactly this format, so export then import is a
lossless round trip. A cell that a spreadsheet would run as a formula (starting with = + - @,
a tab or a carriage return) is written with a leading apostrophe, and so is a cell that
already starts with one; import removes that apostrophe again.

Import
======

`planning.plan_import` reads the whole file and checks every row with the rules of the
profile form (`OrganisationForm`) plus the file's own rules: term slugs in the right
vocabulary, no organisation twice, no registration number that belongs to a different
organisation. Rows are matched to existing organisations by charity number, then by
normalised name, then by slug. The plan says, per row, whether it would create, update or
leave an organisation unchanged; it writes nothing. `applying.apply_plan` then writes a valid
plan in one transaction with a fixed number of set-based statements per 500 rows, and audit
entries in bulk.
"""
