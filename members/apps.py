from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members network"

    def ready(self):
        from members import topic_section  # noqa: F401  registers the topic page section
