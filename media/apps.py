from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = "Media narrative monitor"

    def ready(self):
        from django.db.models.signals import post_save

        from glossary.models import GuideVersion
        from media import registries  # noqa: F401  registers its parts of shared pages
        from media.signals import guide_version_saved

        post_save.connect(
            guide_version_saved, sender=GuideVersion, dispatch_uid="media-reanalyse-on-new-guide"
        )
