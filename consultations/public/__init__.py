"""What visitors see: the list of consultations, one consultation's page and its published
submission's downloads (`views.py`), and the one rule of what is public (`services.py`), which
the API asks too; templates in templates/consultations/public/.
"""
