"""Member updates composed from what changed (issue 16 §2).

An update is a numbered issue of a mailing list, drafted from `core.registries.changes`
for the period since the list's previous issue and filtered to the list's networks and
topics; staff reorder, cut, edit and add items, check the language, preview, send a test,
schedule and send it through `comms.services.sending`. Sent issues form the public archive at
/updates/ with RSS and Atom feeds.

- models.py: UpdateIssue and UpdateItem;
- drafting.py: a new issue from what changed;
- editing.py: staff's changes to a draft (items moved, cut, edited, added);
- rendering.py: the issue as email HTML and plain text, and as a page;
- language.py: the glossary's checker over the draft;
- delivery.py: test, schedule and send, through comms.services.sending;
- access.py: who may read which list's archive.
"""
