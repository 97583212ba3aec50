"""The awards app's writes and engines, one module per job:

nominating.py    the public nomination form's work: checks, duplicates, consent requests
screening.py     staff screening: eligibility with reasons, merging duplicates, withdrawing
media_entries.py the media monitor's awards shortlist turned into media-award entries
panels.py        panels: judges, the make-up rules, declared and detected conflicts, recusal
scoring.py       what a judge may see and score, and saving their scores
ranking.py       weighted means, z-scores per judge, spread, ties: the ranking staff decide from
ranking_data.py  the ranking of one category, from the database
decisions.py     shortlist and winners (with a note when they depart from the ranking)
archive.py       what the public may see: open categories, shortlists, the winners' archive
setup.py         staff setting up schemes, cycles and categories
certificates.py  winners' certificates as PDF
"""
