"""Registries: where a page gathers many apps' work, each app registers its part.

Apps register in their AppConfig.ready(), so core never imports them. The topic-page sections
live in `taxonomy.sections`; the rest live here:

- `home`: panels on a signed-in person's home page;
- `navigation`: entries in the site's navigation, grouped;
- `search`: kinds of thing the site-wide search looks through;
- `personal_data`: what each app holds about a person, with export and erasure.
"""
