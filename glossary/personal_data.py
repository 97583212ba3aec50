"""What the dictionary and language guide hold about people: only who saved each guide version."""

from core.registries import personal_data

personal_data.declare_authorship("glossary.GuideVersion", "created_by")
personal_data.declare_not_personal(
    "glossary.OfficialName", "name", reason="The official name of a body or service."
)
