"""What the library holds about people: who submitted and who reviewed each resource. The
resources are the organisations' publications and stay when a person is erased."""

from core.registries import personal_data

personal_data.declare_authorship("library.Resource", "submitted_by", "reviewed_by")
