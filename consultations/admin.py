"""Django admin for consultations: a fallback for fixing records by hand. The staff pages
are where the work is done, because they apply the consent and audit rules."""

from django.contrib import admin

from consultations.models import (
    Answer,
    Coding,
    ConsentFlag,
    Consultation,
    Contribution,
    Passage,
    Question,
    QuestionPart,
    Quote,
    Redaction,
    Session,
    Speaker,
    Theme,
)


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "asking_body", "status", "internal_deadline", "deadline"]
    list_filter = ["status"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(QuestionPart)
class QuestionPartAdmin(admin.ModelAdmin):
    list_display = ["title", "consultation", "position"]
    inlines = [QuestionInline]


class AnswerInline(admin.StackedInline):
    model = Answer
    extra = 0


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["organisation", "consultation", "status", "attribution"]
    list_filter = ["status", "attribution"]
    readonly_fields = ["consent_given_at", "consent_withdrawn_at", "submitted_at"]
    inlines = [AnswerInline]


class SpeakerInline(admin.TabularInline):
    model = Speaker
    extra = 0
    readonly_fields = ["consent_given_at", "consent_withdrawn_at"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "consultation", "kind", "held_on"]
    inlines = [SpeakerInline]


@admin.register(Passage)
class PassageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "session"]


class RedactionInline(admin.TabularInline):
    model = Redaction
    extra = 0


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "consultation", "is_redaction_reviewed"]
    list_filter = ["is_redaction_reviewed"]
    readonly_fields = ["answer", "passage", "start", "end", "text"]
    inlines = [RedactionInline]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "consultation", "parent", "merged_into"]


admin.site.register(Coding)


@admin.register(ConsentFlag)
class ConsentFlagAdmin(admin.ModelAdmin):
    list_display = ["__str__", "consultation", "raised_at", "resolved_at"]
