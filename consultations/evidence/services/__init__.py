"""The evidence side's writes, workflows and engines, one module per job."""
