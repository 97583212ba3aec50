from django.urls import path  # noqa: F401  each block below adds its path() lines

from consultations import (
    views_evidence,
    views_evidence_coding,
    views_evidence_contribute,
    views_evidence_sessions,
    views_submission,
    views_submission_outputs,
    views_submission_public,
)

app_name = "consultations"
urlpatterns = [
    # --- Evidence: contributing, sessions, quotes, redaction, coding (views_evidence*.py) ---
    path("contribute/", views_evidence_contribute.contribute_index, name="contribute_index"),
    path("<slug:slug>/contribute/", views_evidence_contribute.contribute, name="contribute"),
    path(
        "<slug:slug>/contribute/<slug:org_slug>/",
        views_evidence_contribute.contribute_org,
        name="contribute_org",
    ),
    path(
        "<slug:slug>/contribute/<slug:org_slug>/withdraw/",
        views_evidence_contribute.contribute_withdraw,
        name="contribute_withdraw",
    ),
    path("staff/", views_evidence.staff_index, name="staff_index"),
    path("staff/new/", views_evidence.staff_create, name="staff_create"),
    path("staff/<slug:slug>/", views_evidence.staff_overview, name="staff_overview"),
    path("staff/<slug:slug>/edit/", views_evidence.staff_edit, name="staff_edit"),
    path("staff/<slug:slug>/status/", views_evidence.staff_status, name="staff_status"),
    path("staff/<slug:slug>/questions/", views_evidence.staff_questions, name="staff_questions"),
    path(
        "staff/<slug:slug>/questions/reorder/",
        views_evidence.staff_reorder,
        name="staff_reorder",
    ),
    path(
        "staff/<slug:slug>/questions/<int:pk>/",
        views_evidence.staff_question_edit,
        name="staff_question_edit",
    ),
    path(
        "staff/<slug:slug>/parts/<int:pk>/", views_evidence.staff_part_edit, name="staff_part_edit"
    ),
    path(
        "staff/<slug:slug>/contributions/",
        views_evidence_sessions.staff_contributions,
        name="staff_contributions",
    ),
    path(
        "staff/<slug:slug>/contributions/<int:pk>/",
        views_evidence_sessions.staff_contribution,
        name="staff_contribution",
    ),
    path(
        "staff/<slug:slug>/contributions/<int:pk>/withdraw/",
        views_evidence_sessions.staff_withdraw_contribution,
        name="staff_withdraw_contribution",
    ),
    path(
        "staff/<slug:slug>/sessions/", views_evidence_sessions.staff_sessions, name="staff_sessions"
    ),
    path(
        "staff/<slug:slug>/sessions/new/",
        views_evidence_sessions.staff_session_create,
        name="staff_session_create",
    ),
    path(
        "staff/<slug:slug>/sessions/<int:pk>/",
        views_evidence_sessions.staff_session,
        name="staff_session",
    ),
    path(
        "staff/<slug:slug>/sessions/<int:pk>/edit/",
        views_evidence_sessions.staff_session_edit,
        name="staff_session_edit",
    ),
    path(
        "staff/<slug:slug>/speakers/<int:pk>/",
        views_evidence_sessions.staff_speaker_edit,
        name="staff_speaker_edit",
    ),
    path(
        "staff/<slug:slug>/speakers/<int:pk>/withdraw/",
        views_evidence_sessions.staff_withdraw_speaker,
        name="staff_withdraw_speaker",
    ),
    path(
        "staff/<slug:slug>/passages/<int:pk>/",
        views_evidence_sessions.staff_passage_edit,
        name="staff_passage_edit",
    ),
    path("staff/<slug:slug>/flags/", views_evidence_sessions.staff_flags, name="staff_flags"),
    path(
        "staff/<slug:slug>/flags/<int:pk>/resolve/",
        views_evidence_sessions.staff_flag_resolve,
        name="staff_flag_resolve",
    ),
    path("staff/<slug:slug>/quotes/", views_evidence_coding.staff_quotes, name="staff_quotes"),
    path(
        "staff/<slug:slug>/answers/<int:pk>/quote/",
        views_evidence_coding.staff_quote_answer,
        name="staff_quote_answer",
    ),
    path(
        "staff/<slug:slug>/passages/<int:pk>/quote/",
        views_evidence_coding.staff_quote_passage,
        name="staff_quote_passage",
    ),
    path(
        "staff/<slug:slug>/quotes/<int:pk>/", views_evidence_coding.staff_quote, name="staff_quote"
    ),
    path(
        "staff/<slug:slug>/quotes/<int:pk>/redactions/",
        views_evidence_coding.staff_quote_redactions,
        name="staff_quote_redactions",
    ),
    path(
        "staff/<slug:slug>/quotes/<int:pk>/redactions/<int:redaction_pk>/",
        views_evidence_coding.staff_redaction_edit,
        name="staff_redaction_edit",
    ),
    path(
        "staff/<slug:slug>/quotes/<int:pk>/code/",
        views_evidence_coding.staff_quote_code,
        name="staff_quote_code",
    ),
    path(
        "staff/<slug:slug>/quotes/<int:pk>/accept/",
        views_evidence_coding.staff_suggestion_accept,
        name="staff_suggestion_accept",
    ),
    path(
        "staff/<slug:slug>/suggestions/",
        views_evidence_coding.staff_suggestions,
        name="staff_suggestions",
    ),
    path(
        "staff/<slug:slug>/codebook/", views_evidence_coding.staff_codebook, name="staff_codebook"
    ),
    path(
        "staff/<slug:slug>/codebook/<int:pk>/",
        views_evidence_coding.staff_theme_edit,
        name="staff_theme_edit",
    ),
    path(
        "staff/<slug:slug>/codebook/<int:pk>/merge/",
        views_evidence_coding.staff_theme_merge,
        name="staff_theme_merge",
    ),
    path("staff/<slug:slug>/samples/", views_evidence_coding.staff_samples, name="staff_samples"),
    path(
        "staff/<slug:slug>/samples/<int:pk>/",
        views_evidence_coding.staff_sample,
        name="staff_sample",
    ),
    path(
        "staff/<slug:slug>/samples/<int:pk>/agreement/",
        views_evidence_coding.staff_sample_agreement,
        name="staff_sample_agreement",
    ),
    path("staff/<slug:slug>/summary/", views_evidence_coding.staff_summary, name="staff_summary"),
    # --- Submission builder, feedback loop and public pages (views_submission*.py) ---
    path("", views_submission_public.index, name="index"),
    path("my-input/", views_submission_public.my_input, name="my_input"),
    path(
        "<slug:slug>/submission.docx",
        views_submission_public.submission_docx,
        name="submission_docx",
    ),
    path(
        "<slug:slug>/submission.pdf", views_submission_public.submission_pdf, name="submission_pdf"
    ),
    path("<slug:slug>/submission/", views_submission.builder_page, name="builder"),
    path("<slug:slug>/submission/start/", views_submission.builder_start, name="builder_start"),
    path(
        "<slug:slug>/submission/details/", views_submission.builder_details, name="builder_details"
    ),
    path(
        "<slug:slug>/submission/sections/new/",
        views_submission.section_add,
        name="builder_section_add",
    ),
    path(
        "<slug:slug>/submission/sections/<int:pk>/",
        views_submission.section_page,
        name="builder_section",
    ),
    path(
        "<slug:slug>/submission/sections/<int:pk>/move/",
        views_submission.section_move,
        name="builder_section_move",
    ),
    path(
        "<slug:slug>/submission/sections/<int:pk>/remove/",
        views_submission.section_remove,
        name="builder_section_remove",
    ),
    path(
        "<slug:slug>/submission/sections/<int:pk>/text/",
        views_submission.block_add_text,
        name="builder_add_text",
    ),
    path(
        "<slug:slug>/submission/sections/<int:pk>/quote/",
        views_submission.block_add_quote,
        name="builder_add_quote",
    ),
    path(
        "<slug:slug>/submission/sections/<int:pk>/recommendation/",
        views_submission.block_add_recommendation,
        name="builder_add_recommendation",
    ),
    path(
        "<slug:slug>/submission/blocks/<int:pk>/edit/",
        views_submission.block_edit,
        name="builder_block_edit",
    ),
    path(
        "<slug:slug>/submission/blocks/<int:pk>/move/",
        views_submission.block_move,
        name="builder_block_move",
    ),
    path(
        "<slug:slug>/submission/blocks/<int:pk>/remove/",
        views_submission.block_remove,
        name="builder_block_remove",
    ),
    path(
        "<slug:slug>/submission/preview/", views_submission_outputs.preview, name="builder_preview"
    ),
    path(
        "<slug:slug>/submission/draft.docx",
        views_submission_outputs.draft_docx,
        name="builder_docx",
    ),
    path(
        "<slug:slug>/submission/draft.pdf", views_submission_outputs.draft_pdf, name="builder_pdf"
    ),
    path(
        "<slug:slug>/submission/versions/",
        views_submission_outputs.versions_page,
        name="builder_versions",
    ),
    path(
        "<slug:slug>/submission/versions/compare/",
        views_submission_outputs.compare_versions,
        name="builder_compare",
    ),
    path("<slug:slug>/submission/send/", views_submission_outputs.mark_sent, name="builder_send"),
    path(
        "<slug:slug>/submission/publish/", views_submission_outputs.publish, name="builder_publish"
    ),
    path("<slug:slug>/feedback/", views_submission_outputs.feedback_loop, name="feedback_loop"),
    path(
        "<slug:slug>/feedback/send/", views_submission_outputs.feedback_send, name="feedback_send"
    ),
]
# The public page of one consultation matches any slug: keep it last.
urlpatterns.append(path("<slug:slug>/", views_submission_public.detail, name="detail"))
