"""The media monitor's writes and workflows, by job.

monthly_figures.py  the per-outlet, per-month figures the dashboard reads, rebuilt from articles
awards.py           the media awards shortlist and staff decisions on it
saved_searches.py   staff's saved article searches
digests.py          the email digest of new stigmatising headlines for saved searches

Ingest's own (queueing an upload, adding a feed) are in media.ingest.services; storing an
analysis and re-analysing are in media.analysis.runs.
"""
