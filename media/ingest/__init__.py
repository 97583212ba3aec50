"""Ingest: articles in from feeds and files, checked, deduplicated, analysed and counted.

batches.py         run_batch(): records from any source become articles, a chunk at a time
files.py           CSV and JSON Lines files and saved pages; import_file() runs the right reader
feeds.py           RSS and Atom feeds, fetched politely, with back-off
cleaning.py        plain text, bylines, dates and contact details from what sources give
canonical_urls.py  one address per article (tracking parameters, ports, case dropped)
dedup.py           exact duplicates, by address or by text
syndication.py     syndicated copies across outlets (MinHash)
outlet_health.py   is an outlet still being monitored properly
services.py        what staff start: an upload queued for import, a new feed
views.py, forms.py the staff ingest pages (templates in media/templates/media/ingest/)
"""
