from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members network"

    def ready(self):
        from members import registries, topic_section  # noqa: F401  register their parts
