"""Mechanisms two or more apps need, each a small module with one job.

Apps import these from here (`from core.lib.charts import ...`), never from another app.
Modules here depend on Django and the standard library only, never on an app.
"""
