"""What the recommendation tracker holds about people: who recorded each status change and
influence activity (staff), nothing else."""

from core.registries import personal_data

personal_data.declare_authorship("influence.StatusChange", "recorded_by")
personal_data.declare_authorship("influence.InfluenceActivity", "recorded_by")
