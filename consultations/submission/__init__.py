"""The alliance's submission: the builder, the document every output renders, DOCX and PDF
exports, saved versions, sending and publishing. Pages in `views/`, forms in `forms.py`, the
rules and workflows in `services/`; templates in templates/consultations/submission/.
"""
