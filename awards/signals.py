"""Keep the cached rankings honest (services/ranking_cache.py): any saved or deleted record a
ranking is made of replaces its category's cache token once the transaction commits (before
the commit, a request could work the ranking out again from the old data and keep it)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from awards.models import Category, Conflict, Criterion, Cycle, Nomination, PanelMember, Score
from awards.services import ranking_cache


def forget_later(*category_pks) -> None:
    for pk in {pk for pk in category_pks if pk}:
        transaction.on_commit(lambda pk=pk: ranking_cache.forget(pk))


# A score and a conflict know their category through the record they belong to.
_THROUGH = {Score: ("nomination", Nomination), Conflict: ("panel_member", PanelMember)}


def _category_of(instance) -> int | None:
    if isinstance(instance, Category):
        return instance.pk
    if isinstance(instance, (Nomination, Criterion, PanelMember)):
        return instance.category_id
    if type(instance) in _THROUGH:
        field, parent = _THROUGH[type(instance)]
        if getattr(type(instance), field).is_cached(instance):
            return getattr(instance, field).category_id
        parent_pk = getattr(instance, f"{field}_id")
        return parent.objects.filter(pk=parent_pk).values_list("category_id", flat=True).first()
    return None


def _changed(sender, instance, **kwargs):
    if isinstance(instance, Cycle):
        forget_later(*Category.objects.filter(cycle=instance).values_list("pk", flat=True))
    else:
        forget_later(_category_of(instance))


for _model in (Score, Conflict, PanelMember, Criterion, Nomination, Category, Cycle):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"awards-ranking-{_model.__name__}")
# Not on Score and Conflict: a listener there would turn the cascade that deletes a category
# into one signal (and query) per score. Their deletes come with a parent's (whose signal
# counts) or from scoring.save_scores, which forgets the ranking itself.
for _model in (PanelMember, Criterion, Nomination, Category, Cycle):
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"awards-ranking-d-{_model.__name__}")
