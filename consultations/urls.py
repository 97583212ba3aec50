from django.urls import path  # noqa: F401  each block below adds its path() lines

from consultations.evidence.views import (
    calls,
    coding,
    consent,
    contribute,
    contributions,
    quotes,
    sessions,
)
from consultations.feedback import views as feedback
from consultations.public import views as public
from consultations.submission.views import builder, outputs

app_name = "consultations"
urlpatterns = [
    # --- Evidence: contributing, sessions, quotes, redaction, coding (evidence/views/) ---
    path("contribute/", contribute.contribute_index, name="contribute_index"),
    path("<slug:slug>/contribute/", contribute.contribute, name="contribute"),
    path(
        "<slug:slug>/contribute/<slug:org_slug>/",
        contribute.contribute_org,
        name="contribute_org",
    ),
    path(
        "<slug:slug>/contribute/<slug:org_slug>/withdraw/",
        contribute.contribute_withdraw,
        name="contribute_withdraw",
    ),
    path("staff/", calls.staff_index, name="staff_index"),
    path("staff/new/", calls.staff_create, name="staff_create"),
    path("staff/<slug:slug>/", calls.staff_overview, name="staff_overview"),
    path("staff/<slug:slug>/edit/", calls.staff_edit, name="staff_edit"),
    path("staff/<slug:slug>/status/", calls.staff_status, name="staff_status"),
    path("staff/<slug:slug>/questions/", calls.staff_questions, name="staff_questions"),
    path(
        "staff/<slug:slug>/questions/reorder/",
        calls.staff_reorder,
        name="staff_reorder",
    ),
    path(
        "staff/<slug:slug>/questions/<int:pk>/",
        calls.staff_question_edit,
        name="staff_question_edit",
    ),
    path("staff/<slug:slug>/parts/<int:pk>/", calls.staff_part_edit, name="staff_part_edit"),
    path(
        "staff/<slug:slug>/contributions/",
        contributions.staff_contributions,
        name="staff_contributions",
    ),
    path(
        "staff/<slug:slug>/contributions/<int:pk>/",
        contributions.staff_contribution,
        name="staff_contribution",
    ),
    path(
        "staff/<slug:slug>/contributions/<int:pk>/withdraw/",
        consent.staff_withdraw_contribution,
        name="staff_withdraw_contribution",
    ),
    path("staff/<slug:slug>/sessions/", sessions.staff_sessions, name="staff_sessions"),
    path(
        "staff/<slug:slug>/sessions/new/",
        sessions.staff_session_create,
        name="staff_session_create",
    ),
    path(
        "staff/<slug:slug>/sessions/<int:pk>/",
        sessions.staff_session,
        name="staff_session",
    ),
    path(
        "staff/<slug:slug>/sessions/<int:pk>/edit/",
        sessions.staff_session_edit,
        name="staff_session_edit",
    ),
    path(
        "staff/<slug:slug>/speakers/<int:pk>/",
        sessions.staff_speaker_edit,
        name="staff_speaker_edit",
    ),
    path(
        "staff/<slug:slug>/speakers/<int:pk>/withdraw/",
        consent.staff_withdraw_speaker,
        name="staff_withdraw_speaker",
    ),
    path(
        "staff/<slug:slug>/passages/<int:pk>/",
        sessions.staff_passage_edit,
        name="staff_passage_edit",
    ),
    path("staff/<slug:slug>/flags/", consent.staff_flags, name="staff_flags"),
    path(
        "staff/<slug:slug>/flags/<int:pk>/resolve/",
        consent.staff_flag_resolve,
        name="staff_flag_resolve",
    ),
    path("staff/<slug:slug>/quotes/", quotes.staff_quotes, name="staff_quotes"),
    path(
        "staff/<slug:slug>/answers/<int:pk>/quote/",
        quotes.staff_quote_answer,
        name="staff_quote_answer",
    ),
    path(
        "staff/<slug:slug>/passages/<int:pk>/quote/",
        quotes.staff_quote_passage,
        name="staff_quote_passage",
    ),
    path("staff/<slug:slug>/quotes/<int:pk>/", quotes.staff_quote, name="staff_quote"),
    path(
        "staff/<slug:slug>/quotes/<int:pk>/redactions/",
        quotes.staff_quote_redactions,
        name="staff_quote_redactions",
    ),
    path(
        "staff/<slug:slug>/quotes/<int:pk>/redactions/<int:redaction_pk>/",
        quotes.staff_redaction_edit,
        name="staff_redaction_edit",
    ),
    path(
        "staff/<slug:slug>/quotes/<int:pk>/code/",
        coding.staff_quote_code,
        name="staff_quote_code",
    ),
    path(
        "staff/<slug:slug>/quotes/<int:pk>/accept/",
        coding.staff_suggestion_accept,
        name="staff_suggestion_accept",
    ),
    path(
        "staff/<slug:slug>/suggestions/",
        coding.staff_suggestions,
        name="staff_suggestions",
    ),
    path("staff/<slug:slug>/codebook/", coding.staff_codebook, name="staff_codebook"),
    path(
        "staff/<slug:slug>/codebook/<int:pk>/",
        coding.staff_theme_edit,
        name="staff_theme_edit",
    ),
    path(
        "staff/<slug:slug>/codebook/<int:pk>/merge/",
        coding.staff_theme_merge,
        name="staff_theme_merge",
    ),
    path("staff/<slug:slug>/samples/", coding.staff_samples, name="staff_samples"),
    path(
        "staff/<slug:slug>/samples/<int:pk>/",
        coding.staff_sample,
        name="staff_sample",
    ),
    path(
        "staff/<slug:slug>/samples/<int:pk>/agreement/",
        coding.staff_sample_agreement,
        name="staff_sample_agreement",
    ),
    path("staff/<slug:slug>/summary/", coding.staff_summary, name="staff_summary"),
    # --- Submission builder (submission/views/), feedback loop and public pages ---
    path("", public.index, name="index"),
    path("my-input/", feedback.my_input, name="my_input"),
    path(
        "<slug:slug>/submission.docx",
        public.submission_docx,
        name="submission_docx",
    ),
    path("<slug:slug>/submission.pdf", public.submission_pdf, name="submission_pdf"),
    path("<slug:slug>/submission/", builder.builder_page, name="builder"),
    path("<slug:slug>/submission/start/", builder.builder_start, name="builder_start"),
    path("<slug:slug>/submission/details/", builder.builder_details, name="builder_details"),
    path(
        "<slug:slug>/submission/sections/new/",
        builder.section_add,
        name="builder_section_add",
    ),
    path(
        "<slug:slug>/submission/sections/<int:pk>/",
        builder.section_page,
        name="builder_section",
    ),
    path(
        "<slug:slug>/submission/sections/<int:pk>/move/",
        builder.section_move,
        name="builder_section_move",
    ),
    path(
        "<slug:slug>/submission/sections/<int:pk>/remove/",
        builder.section_remove,
        name="builder_section_remove",
    ),
    path(
        "<slug:slug>/submission/sections/<int:pk>/text/",
        builder.block_add_text,
        name="builder_add_text",
    ),
    path(
        "<slug:slug>/submission/sections/<int:pk>/quote/",
        builder.block_add_quote,
        name="builder_add_quote",
    ),
    path(
        "<slug:slug>/submission/sections/<int:pk>/recommendation/",
        builder.block_add_recommendation,
        name="builder_add_recommendation",
    ),
    path(
        "<slug:slug>/submission/blocks/<int:pk>/edit/",
        builder.block_edit,
        name="builder_block_edit",
    ),
    path(
        "<slug:slug>/submission/blocks/<int:pk>/move/",
        builder.block_move,
        name="builder_block_move",
    ),
    path(
        "<slug:slug>/submission/blocks/<int:pk>/remove/",
        builder.block_remove,
        name="builder_block_remove",
    ),
    path("<slug:slug>/submission/preview/", outputs.preview, name="builder_preview"),
    path(
        "<slug:slug>/submission/draft.docx",
        outputs.draft_docx,
        name="builder_docx",
    ),
    path("<slug:slug>/submission/draft.pdf", outputs.draft_pdf, name="builder_pdf"),
    path(
        "<slug:slug>/submission/versions/",
        outputs.versions_page,
        name="builder_versions",
    ),
    path(
        "<slug:slug>/submission/versions/compare/",
        outputs.compare_versions,
        name="builder_compare",
    ),
    path("<slug:slug>/submission/send/", outputs.mark_sent, name="builder_send"),
    path("<slug:slug>/submission/publish/", outputs.publish, name="builder_publish"),
    path("<slug:slug>/feedback/", feedback.feedback_loop, name="feedback_loop"),
    path("<slug:slug>/feedback/send/", feedback.feedback_send, name="feedback_send"),
]
# The public page of one consultation matches any slug: keep it last.
urlpatterns.append(path("<slug:slug>/", public.detail, name="detail"))
