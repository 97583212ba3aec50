from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "Programmes"

    def ready(self):
        # Each registers this app's part of a page that gathers many apps' work.
        from django.db.models.signals import post_delete

        from programmes import registries  # noqa: F401
        from programmes.models import ProgrammeSession
        from programmes.services.delivery import delete_event_of

        # A session deleted (with its module or cohort, say) takes its event with it, so no
        # invitation-only event is left behind with the participants' places on it.
        post_delete.connect(delete_event_of, sender=ProgrammeSession, dispatch_uid="session_event")
