"""The topic pages' entry in the site's navigation."""

from core.registries import navigation

navigation.register(
    navigation.NavEntry("topics", "Topics", "taxonomy:index", navigation.EXPLORE, order=20)
)
