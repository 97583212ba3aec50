from django.urls import path  # noqa: F401  each block below adds its path() lines

app_name = "consultations"
urlpatterns = [
    # --- Evidence: contributing, sessions, quotes, redaction, coding (views_evidence*.py) ---
    # --- Submission builder, feedback loop and public pages (views_submission*.py) ---
]
# The public page of one consultation matches any slug: keep it last.
