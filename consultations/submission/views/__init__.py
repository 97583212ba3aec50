"""The submission's staff pages: thin views that parse input, call a service and render."""
