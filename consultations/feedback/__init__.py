"""The feedback loop: telling each contributor who asked what happened to their input. The
staff's loop page and a contributor's "my input" page in `views.py`, the rules in
`services.py`; templates in templates/consultations/feedback/ and .../email/.
"""
