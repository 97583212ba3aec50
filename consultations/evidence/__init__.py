"""Gathering the evidence: running a call for evidence, members' online contributions,
roundtables and interviews, consent and its withdrawal, quotes and their redaction, coding
them with themes, and the theme summary. Pages in `views/`, forms in `forms.py`, the rules
and workflows in `services/`; templates in templates/consultations/evidence/ (members) and
templates/consultations/staff/ (staff).
"""
