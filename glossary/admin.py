"""Django admin for the glossary. The language guide's admin lives in admin_guide.py."""

from glossary import admin_guide  # noqa: F401  (registers the language guide's admin)
