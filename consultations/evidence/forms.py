"""Forms for running a consultation and gathering its evidence. Rules that need the database
or span several records live in the services; forms check what one submission can show."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from consultations.evidence.services.calls import invited_organisations
from consultations.evidence.services.codebook import active_themes, descendants
from consultations.evidence.services.contributions import (
    CONSENT_FIELDS,
    MAX_ANSWER_CHARS,
    normalise_text,
)
from consultations.models import (
    Attribution,
    Consultation,
    Contribution,
    Passage,
    Question,
    QuestionPart,
    Redaction,
    Session,
    Speaker,
    Theme,
)
from core.lib.markdown import FORMATTING_HELP
from core.models import User
from core.roles import OFFICE_ROLES
from members.models import Organisation
from taxonomy.models import Term, Vocabulary

ATTRIBUTION_HELP = {
    Attribution.NAMED: "We may quote you and name your organisation.",
    Attribution.MEMBER_ORGANISATION: 'We may quote you as "a member organisation".',
    Attribution.DESCRIBED: "We may quote you with a description you write below.",
    Attribution.NOT_FOR_PUBLICATION: "We will use what you say to inform our response, "
    "but never quote it.",
}


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = [
            "title",
            "asking_body",
            "external_link",
            "deadline",
            "internal_deadline",
            "description",
            "networks",
            "parts",
            "themes",
        ]
        labels = {
            "asking_body": "Who is asking",
            "deadline": "Their deadline",
            "internal_deadline": "Our deadline for members' evidence",
            "networks": "Networks invited",
        }
        widgets = {
            "deadline": _date_input(),
            "internal_deadline": _date_input(),
            "networks": forms.CheckboxSelectMultiple,
            "parts": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "description": FORMATTING_HELP,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parts"].queryset = Term.objects.filter(vocabulary=Vocabulary.PART)
        self.fields["themes"].queryset = Term.objects.filter(vocabulary=Vocabulary.THEME)
        self.fields["networks"].required = True

    def clean(self):
        cleaned = super().clean()
        deadline, internal = cleaned.get("deadline"), cleaned.get("internal_deadline")
        if deadline and internal and internal > deadline:
            self.add_error(
                "internal_deadline",
                f"Our deadline must be on or before theirs ({deadline:%-d %B %Y}), so there is "
                "time to write the response.",
            )
        return cleaned


class QuestionPartForm(forms.ModelForm):
    class Meta:
        model = QuestionPart
        fields = ["title"]
        labels = {"title": "Part title"}


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["part", "number", "text", "guidance"]
        labels = {"text": "Question", "number": "Number"}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "guidance": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.fields["part"].queryset = consultation.question_parts.all()
        self.fields["part"].empty_label = None

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = self.consultation.questions.filter(number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(f"Question {number} already exists; choose another number.")
        return number


class ConsentFieldsMixin(forms.Form):
    """The consent choices shared by a contribution and a roundtable speaker."""

    attribution = forms.ChoiceField(
        label="How may we use these words?",
        choices=Attribution.choices,
        widget=forms.RadioSelect,
    )
    approved_description = forms.CharField(
        label="Description to use (if quoted anonymously with a description)",
        required=False,
        max_length=200,
        help_text='For example "a young adult with lived experience".',
    )
    wants_feedback = forms.BooleanField(label="Tell me what happened to this input", required=False)
    feedback_email = forms.EmailField(label="Email for the outcome", required=False)


class ContributionForm(ConsentFieldsMixin):
    """One field per question, plus the consent choices. Answers may be empty in a draft."""

    def __init__(self, *args, questions, submitting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.submitting = submitting
        self.fields["attribution"].required = False
        for question in self.questions:
            self.fields[self.answer_field(question)] = forms.CharField(
                label=f"Question {question.number}",
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=question.guidance,
            )

    @staticmethod
    def answer_field(question) -> str:
        return f"answer_{question.pk}"

    @classmethod
    def initial_for(cls, user, contribution: Contribution | None, questions) -> dict:
        """What the form shows first: the saved answers and consent choices, if any, and the
        contact's own email for the outcome."""
        if contribution is None:
            return {"feedback_email": user.email}
        answers = {answer.question_id: answer.text for answer in contribution.answers.all()}
        initial = {cls.answer_field(q): answers.get(q.pk, "") for q in questions}
        for field in CONSENT_FIELDS:
            initial[field] = getattr(contribution, field)
        initial["feedback_email"] = initial["feedback_email"] or user.email
        return initial

    def fields_by_part(self):
        """Questions grouped by part, each with its form field, in the asking body's order."""
        parts = {}
        ordered = sorted(self.questions, key=lambda q: (q.part.position, q.part.pk, q.number))
        for question in ordered:
            parts.setdefault(question.part, []).append(
                (question, self[self.answer_field(question)])
            )
        return list(parts.items())

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            name = self.answer_field(question)
            if len(cleaned.get(name) or "") > MAX_ANSWER_CHARS:
                self.add_error(
                    name,
                    f"This answer is {len(cleaned[name]):,} characters long; the most we can "
                    f"take is {MAX_ANSWER_CHARS:,}. Please shorten it, or send longer "
                    "evidence as a document. Nothing was saved.",
                )
        return cleaned

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(self.answer_field(q)) or "" for q in self.questions}

    def consent(self) -> dict:
        return {
            field: self.cleaned_data.get(field)
            for field in ("attribution", "approved_description", "wants_feedback", "feedback_email")
            if field != "attribution" or self.cleaned_data.get("attribution")
        }


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["kind", "title", "held_on", "facilitator", "organisations_present", "notes"]
        labels = {"held_on": "Date", "kind": "Kind of session"}
        widgets = {
            "held_on": _date_input(),
            "organisations_present": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations_present"].queryset = invited_organisations(
            consultation
        ).order_by("name")


class SpeakerForm(forms.ModelForm):
    consent_confirmed = forms.BooleanField(
        label="The speaker agreed to the choices above",
        required=False,
        help_text="Their consent is recorded with today's date and time.",
    )

    class Meta:
        model = Speaker
        fields = [
            "kind",
            "name",
            "organisation",
            "attribution",
            "approved_description",
            "wants_feedback",
            "feedback_email",
        ]
        labels = {
            "kind": "Who spoke",
            "name": "Name (staff only)",
            "attribution": "How may we use their words?",
        }
        widgets = {"attribution": forms.RadioSelect}

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["consent_confirmed"].initial = bool(self.instance.consent_given_at)


class PassageForm(forms.ModelForm):
    class Meta:
        model = Passage
        fields = ["speaker", "question", "text"]
        labels = {"text": "What they said", "question": "Question it answers (optional)"}
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, session: Session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = session.speakers.all()
        self.fields["speaker"].empty_label = None
        self.fields["question"].queryset = session.consultation.questions.all()

    def clean_text(self):
        text = normalise_text(self.cleaned_data["text"])
        if len(text) > MAX_ANSWER_CHARS:
            raise ValidationError(
                f"A passage can be at most {MAX_ANSWER_CHARS:,} characters; split it in two."
            )
        return text


class QuoteForm(forms.Form):
    """The words to quote, exactly as in the source; `start` says which occurrence."""

    text = forms.CharField(
        label="Words to quote",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Select words in the source above, or paste them here exactly as written.",
    )
    start = forms.IntegerField(
        label="Starts at character",
        required=False,
        min_value=0,
        help_text="Only needed when the words appear more than once.",
    )


WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each word of a quote starts and ends; punctuation and spaces are not words."""
    return [match.span() for match in WORD.finditer(text)]


class RedactionForm(forms.Form):
    """A redaction of staff's own, or a change to a suggested one: staff tick the words to
    hide (or type them), never count characters."""

    chosen = forms.MultipleChoiceField(
        label="Tick the words to hide",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="One word, or several next to each other, such as a first name and surname.",
    )
    words = forms.CharField(
        label="Or type the words to hide",
        required=False,
        strip=False,
        help_text="Exactly as they appear in the quote.",
    )
    category = forms.ChoiceField(label="Kind of detail", choices=Redaction.Category.choices)
    marker = forms.CharField(
        label="Shown instead",
        required=False,
        max_length=40,
        help_text='Leave empty for the usual marker, such as "[name]".',
    )

    def __init__(self, *args, quote, **kwargs):
        super().__init__(*args, **kwargs)
        self.quote = quote
        self.spans = word_spans(quote.text)
        self.fields["chosen"].choices = [
            (str(number), quote.text[start:end]) for number, (start, end) in enumerate(self.spans)
        ]

    @property
    def word_segments(self) -> list[dict]:
        """The quote as it reads: each word's checkbox with the text before it, so the
        punctuation and spaces between words are shown but cannot be ticked."""
        text, segments, at = self.quote.text, [], 0
        for (start, end), choice in zip(self.spans, self["chosen"], strict=True):
            segments.append({"before": text[at:start], "choice": choice})
            at = end
        return segments

    @property
    def text_after_words(self) -> str:
        return self.quote.text[self.spans[-1][1] :] if self.spans else self.quote.text

    def _span_of_ticked(self, ticked: list[str]) -> tuple[int, int]:
        numbers = sorted(int(n) for n in ticked)
        if numbers != list(range(numbers[0], numbers[-1] + 1)):
            raise ValidationError(
                "Tick words that are next to each other: hide one stretch of words at a time."
            )
        return self.spans[numbers[0]][0], self.spans[numbers[-1]][1]

    def _span_of_typed(self, words: str) -> tuple[int, int]:
        found = self.quote.text.count(words)
        if not found:
            raise ValidationError("Those words are not in the quote exactly as written.")
        if found > 1:
            raise ValidationError(
                f"Those words appear {found} times in the quote: tick the ones to hide instead."
            )
        start = self.quote.text.find(words)
        return start, start + len(words)

    def clean(self):
        cleaned = super().clean()
        ticked, words = cleaned.get("chosen"), cleaned.get("words")
        if "chosen" in self.errors:
            return cleaned
        if ticked:
            cleaned["start"], cleaned["end"] = self._span_of_ticked(ticked)
        elif words and words.strip():
            cleaned["start"], cleaned["end"] = self._span_of_typed(words)
        else:
            raise ValidationError("Give the words to hide: tick them in the quote, or type them.")
        return cleaned


class ThemeForm(forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["name", "parent", "description"]
        labels = {"parent": "Inside theme (optional)"}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        choices = active_themes(consultation)
        if self.instance.pk:
            choices = choices.exclude(pk__in={self.instance.pk, *descendants(self.instance)})
        self.fields["parent"].queryset = choices


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label="Merge into", queryset=Theme.objects.none(), empty_label=None
    )

    def __init__(self, *args, theme: Theme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = active_themes(theme.consultation).exclude(pk=theme.pk)


class CodingForm(forms.Form):
    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = active_themes(consultation)


class SampleForm(forms.Form):
    name = forms.CharField(label="Name of the sample", max_length=200)
    size = forms.IntegerField(label="Number of quotes", min_value=2, max_value=500, initial=20)
    coders = forms.ModelMultipleChoiceField(
        label="The two coders",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coders"].queryset = User.objects.filter(
            Q(role__in=OFFICE_ROLES) | Q(is_superuser=True), is_active=True
        ).order_by("name")

    def clean_coders(self):
        coders = self.cleaned_data["coders"]
        if len(coders) != 2:
            raise ValidationError("Choose exactly two people.")
        return coders
