"""Keep the search index in step with the library.

The library sends resource_changed / resource_deleted (library.signals) after every create,
edit, status change, extraction and delete, inside the same transaction, so the index
commits or rolls back with the change. Resource's post_delete is a safety net for deletes
that bypass the library's services (the admin's bulk delete, a shell, a cascade).
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from library.models import Resource
from library.signals import resource_changed, resource_deleted


@receiver(resource_changed, sender=Resource, dispatch_uid="library.search.changed")
def _resource_changed(sender, resource, **kwargs):
    from library.search import index_resource

    index_resource(resource)


@receiver(resource_deleted, sender=Resource, dispatch_uid="library.search.deleted")
def _resource_deleted(sender, resource_id, **kwargs):
    from library.search import remove_resource

    remove_resource(resource_id)


@receiver(post_delete, sender=Resource, dispatch_uid="library.search.post_delete")
def _resource_post_delete(sender, instance, **kwargs):
    from library.search import remove_resource

    remove_resource(instance.pk)
