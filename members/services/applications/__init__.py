"""Membership applications: taking them in from the public form and deciding them.

The public form is open to anyone, so it is guarded in three cheap ways that need no outside
service: a rate limit per client (in the view), a honeypot field that people never see, and
a signed timestamp that shows how long the form was open. Staff then see likely duplicates
of existing members before they approve or decline. Every decision happens in one
transaction, is written to the audit log, and the applicant hears about it by email.

The modules: `screening` (the public form's spam checks), `intake` (taking an application
in), `duplicates` (likely duplicates of existing members and other applications) and `review`
(the staff's list, approving and declining).
"""
