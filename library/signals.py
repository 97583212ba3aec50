"""Signals other parts of the site (the search index) listen to, to stay in step.

resource_changed(sender=Resource, resource=<Resource>)
    after a resource is created or edited, its status changes, or its file's text has
    been extracted (or could not be). Sent inside the same transaction as the change.
resource_deleted(sender=Resource, resource_id=<int>, slug=<str>)
    after a resource has been deleted.
"""

from django.dispatch import Signal

resource_changed = Signal()
resource_deleted = Signal()
