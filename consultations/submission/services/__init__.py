"""The submission's writes, workflows and outputs, one module per job."""
