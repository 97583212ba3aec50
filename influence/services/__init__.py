"""The rules of the recommendation tracker, shared by the public pages, staff pages and API.

Current status is never stored: it is the latest uncorrected entry of each target's
timeline (`timeline`). A correction adds a new entry and points the old one at it
(`corrected_by`), so the old value stays visible and the audit log says who changed what
(`status`).

Every function that writes takes the acting user first and records the change with
core.audit. Rule breaks raise django.core.exceptions.ValidationError keyed by field name,
which forms show beside the field and the API turns into a 422.
"""
