"""The awards forms: the public nomination form, screening and decisions, judging, panels,
and staff's forms for schemes, cycles and categories."""

from django import forms
from django.core.validators import URLValidator

from awards.models import (
    Category,
    Criterion,
    Cycle,
    NomineeKind,
    PanelMember,
    Scheme,
)
from awards.services import eligibility, reach
from core.lib.pickers import use_pickers
from core.lib.uploads import UploadRefused, check_size, clean_upload, read_head, sniff
from core.models import User
from core.roles import Role, is_admin
from members.models import Organisation
from members.services.applications.screening import make_form_token
from members.services.permissions import networks_run_by

MAX_LINKS = 10
SUPPORTING_KINDS = {"pdf": "PDF", "docx": "Word document", "png": "PNG image", "jpg": "JPEG image"}
SUPPORTING_ACCEPTED = "a PDF, a Word document (.docx), or a PNG or JPEG image"
STATEMENT_MAX = 5000
ANSWER_MAX = 2000


# The first part of /awards/<cycle>/ that the app's own pages use.
RESERVED_CYCLE_SLUGS = {"winners", "feed", "consent", "judging", "staff"}


def check_supporting_file(uploaded) -> str:
    """The kind of a supporting file, judged by its bytes; UploadRefused otherwise."""
    check_size(uploaded)
    kind = sniff(read_head(uploaded), uploaded)
    if kind not in SUPPORTING_KINDS:
        raise UploadRefused(
            f"This file's content is not {SUPPORTING_ACCEPTED}, whatever its name says."
        )
    return kind


def _date(**kwargs):
    return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **kwargs)


class NominationForm(forms.Form):
    """Built for one category: its kinds of nominee, its questions, self-nomination if it
    allows it. The signed token shows how long the form was open; the honeypot beside the
    form (`nominee_alias`, which people never see) is read by the view."""

    nominee_kind = forms.ChoiceField(
        label="Who or what are you nominating?", widget=forms.RadioSelect
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), required=False,
        label="Member organisation", help_text="Choose from the members' directory.",
    )  # fmt: skip
    nominee_name = forms.CharField(
        max_length=200, required=False, label="Name of the organisation or person",
        help_text="Leave blank if you chose a member organisation.",
    )  # fmt: skip
    nominee_email = forms.EmailField(
        required=False, label="The person's email address",
        help_text="We ask a nominated person for their consent before naming them.",
    )  # fmt: skip
    nominee_website = forms.URLField(max_length=500, required=False, label="Website (optional)")
    articles = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label="Articles from our media monitor",
    )
    article_links = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}),
        label="Links to articles or programmes", help_text="One link per line, up to ten.",
    )  # fmt: skip
    statement = forms.CharField(
        max_length=STATEMENT_MAX, widget=forms.Textarea(attrs={"rows": 8}),
        label="Why do they deserve this award?",
        help_text=f"Up to {STATEMENT_MAX:,} characters. Judges read this against the criteria.",
    )  # fmt: skip
    nominator_name = forms.CharField(max_length=200, label="Your name")
    nominator_email = forms.EmailField(
        label="Your email address", help_text="We send a confirmation here."
    )
    nominator_organisation = forms.CharField(
        max_length=200, required=False, label="Your organisation (optional)"
    )
    is_self_nomination = forms.BooleanField(
        required=False, label="I am nominating my own organisation or myself"
    )
    file_1 = forms.FileField(
        required=False, label="Supporting file (optional)",
        help_text=f"{SUPPORTING_ACCEPTED[0].upper()}{SUPPORTING_ACCEPTED[1:]}.",
    )  # fmt: skip
    file_2 = forms.FileField(required=False, label="Another supporting file (optional)")
    agree = forms.BooleanField(
        label="You may keep these details to run the awards. We share your statement with the "
        "judges; we never publish your name or email.",
        error_messages={"required": "Tick this box to let us keep your nomination."},
    )
    form_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, category: Category, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("form_token", make_form_token())
        super().__init__(*args, **kwargs)
        self.category = category
        kinds = eligibility.kinds_for(category)
        self.fields["nominee_kind"].choices = [(k, NomineeKind(k).label) for k in kinds]
        if len(kinds) == 1:
            self.fields["nominee_kind"].initial = kinds[0]
        from media.models import Article

        if NomineeKind.MEDIA in kinds:
            cycle = category.cycle
            self.fields["articles"].queryset = (
                Article.objects.filter(
                    published_at__year__in=[cycle.year - 1, cycle.year], is_syndicated_copy=False
                )
                .select_related("outlet")
                .order_by("-score", "-published_at")[:200]
            )
        else:
            del self.fields["articles"], self.fields["article_links"]
        if NomineeKind.MEMBER in kinds:
            self.fields["organisation"].queryset = eligibility.member_organisations(
                category
            ).order_by("name")
        else:
            del self.fields["organisation"]
        if NomineeKind.PERSON not in kinds:
            del self.fields["nominee_email"]
        self._name_the_nominee(kinds)
        if not category.self_nomination:
            del self.fields["is_self_nomination"]
        # The eligibility rules' own question (how a group is led by people with lived
        # experience, where a student journalist studies): required for the kinds it is about.
        self.rule_questions = {
            kind: question
            for kind in kinds
            if (question := eligibility.question_for(category, kind)) is not None
        }
        if self.rule_questions:
            # A category's rule asks one question (of one kind of nominee, or of every kind).
            self.fields["eligibility_answer"] = forms.CharField(
                label=next(iter(self.rule_questions.values())), max_length=ANSWER_MAX,
                required=False, widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_rule_help(category, self.rule_questions, kinds),
            )  # fmt: skip
        for number, question in enumerate(category.question_list()):
            self.fields[f"answer_{number}"] = forms.CharField(
                label=question, max_length=ANSWER_MAX, widget=forms.Textarea(attrs={"rows": 4})
            )
        # Long lists (the directory, the monitor's articles) become search boxes.
        use_pickers(self, "organisation", "articles")
        self.order_fields(
            ["nominee_kind", "organisation", "nominee_name", "nominee_email", "nominee_website",
             "articles", "article_links", "eligibility_answer", "statement"]
            + [f"answer_{n}" for n in range(len(category.question_list()))]
        )  # fmt: skip

    def _name_the_nominee(self, kinds) -> None:
        """The name field in the words of what this category takes."""
        if kinds == (NomineeKind.MEMBER,):
            del self.fields["nominee_name"]  # the directory gives the name
            return
        field = self.fields["nominee_name"]
        if kinds == (NomineeKind.MEDIA,):
            field.label = "The journalist's or programme's name"
            field.help_text = "As it appears on the work: a byline, or a programme's title."
        elif kinds == (NomineeKind.PERSON,):
            field.label, field.help_text = "The person's name", ""
        else:
            field.label = "Name of the organisation"
            field.help_text = "Leave blank if you chose a member organisation."

    def clean_article_links(self):
        lines = [line.strip() for line in self.cleaned_data["article_links"].splitlines()]
        links = [line for line in lines if line]
        if len(links) > MAX_LINKS:
            raise forms.ValidationError(f"Give at most {MAX_LINKS} links.")
        validate = URLValidator(schemes=["http", "https"])
        for link in links:
            try:
                validate(link)
            except forms.ValidationError as error:
                raise forms.ValidationError(f"“{link[:80]}” is not a web address.") from error
        return links

    def clean_file_1(self):
        return self._file("file_1")

    def clean_file_2(self):
        return self._file("file_2")

    def _file(self, name):
        uploaded = self.cleaned_data.get(name)
        if not uploaded:
            return None
        return (uploaded, clean_upload(uploaded, check_supporting_file))

    def clean(self):
        data = super().clean()
        kind = data.get("nominee_kind")
        if kind == NomineeKind.MEMBER:
            if not data.get("organisation"):
                self.add_error("organisation", "Choose the member organisation.")
            else:
                data["nominee_name"] = data["organisation"].name
        elif kind and not data.get("nominee_name"):
            label = "the person's name" if kind == NomineeKind.PERSON else "a name"
            if kind == NomineeKind.MEDIA:
                label = "the journalist's or programme's name"
            self.add_error("nominee_name", f"Give {label}.")
        if kind == NomineeKind.PERSON and not data.get("nominee_email"):
            self.add_error("nominee_email", "Give the person's email, so we can ask their consent.")
        if kind == NomineeKind.MEDIA and not (data.get("articles") or data.get("article_links")):
            self.add_error("article_links", "Choose an article from the monitor or give a link.")
        if kind != NomineeKind.MEMBER:
            data["organisation"] = None
        data["answers"] = [
            [question, data.get(f"answer_{n}", "")]
            for n, question in enumerate(self.category.question_list())
        ]
        rule_question = self.rule_questions.get(kind)
        if rule_question:
            answer = (data.get("eligibility_answer") or "").strip()
            if not answer:
                self.add_error("eligibility_answer", "Answer this: the category's rules ask it.")
            data["answers"].insert(0, [rule_question, answer])
        return data

    def uploads(self) -> list:
        return [f for f in (self.cleaned_data.get("file_1"), self.cleaned_data.get("file_2")) if f]


def _rule_help(category: Category, questions: dict, kinds) -> str:
    """Which nominees the eligibility question is for, when not every kind needs it."""
    if len(questions) == len(kinds):
        return f"{category.name} is for {category.get_eligibility_display().lower()}."
    for_kinds = " or ".join(NomineeKind(k).label.lower() for k in questions)
    return f"Needed when you nominate {for_kinds}: the directory cannot confirm it."


class ScreeningForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("eligible", "Eligible"), ("ineligible", "Not eligible")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when the nomination is not eligible; the nominator may be told.",
    )  # fmt: skip


class ReasonForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class MergeForm(forms.Form):
    duplicate = forms.IntegerField(widget=forms.HiddenInput)


class DecisionForm(forms.Form):
    shortlisted = forms.BooleanField(required=False)
    highly_commended = forms.BooleanField(required=False, label="Highly commended")
    winner = forms.BooleanField(required=False)
    citation = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
        help_text="Public: why they won or were commended.",
    )  # fmt: skip
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
        label="Moderation note", help_text="Needed when the decision departs from the ranking.",
    )  # fmt: skip


class ScoreForm(forms.Form):
    """One score (1 to the category's maximum) and a comment per criterion."""

    def __init__(self, category: Category, existing: dict, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(category.criteria.all())
        for criterion in self.criteria:
            score = existing.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                required=False, min_value=1, max_value=category.score_max,
                label=f"Score for {criterion.name.lower()}",
                help_text=criterion.description
                or f"1 (weak) to {category.score_max} (outstanding).",
                initial=score.value if score else None,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                error_messages=dict.fromkeys(
                    ["invalid", "min_value", "max_value"],
                    f"Give {criterion.name.lower()} a whole number from 1 to {category.score_max}.",
                ),
            )  # fmt: skip
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                required=False, max_length=2000,
                label=f"Comment on {criterion.name.lower()} (optional)",
                widget=forms.Textarea(attrs={"rows": 2}), initial=score.comment if score else "",
            )  # fmt: skip

    def groups(self) -> list:
        """(criterion, its score field, its comment field) for the template's fieldsets."""
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def entries(self) -> dict:
        return {
            c.pk: (
                self.cleaned_data.get(f"score_{c.pk}"),
                self.cleaned_data.get(f"comment_{c.pk}", ""),
            )
            for c in self.criteria
        }


class DeclareForm(forms.Form):
    reason = forms.CharField(
        label="What is your interest?", max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: I am a trustee of the nominee. You will not see or score it.",
    )  # fmt: skip


class OverrideForm(forms.Form):
    recused = forms.TypedChoiceField(
        choices=[("1", "Keep the judge recused"), ("0", "Let the judge score it")],
        coerce=lambda value: value == "1", widget=forms.RadioSelect,
    )  # fmt: skip
    reason = forms.CharField(
        required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class PanelMemberForm(forms.ModelForm):
    class Meta:
        model = PanelMember
        fields = ["judge", "organisation", "lived_experience", "role_description", "named_publicly"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["judge"].queryset = User.objects.filter(role=Role.JUDGE).order_by("name")
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")


class SchemeForm(forms.ModelForm):
    class Meta:
        model = Scheme
        fields = ["name", "slug", "network", "description", "is_media"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Staff tie a scheme to a network they run (admins: any, or none for every network).
        self.fields["network"].queryset = networks_run_by(user)
        self.fields["network"].required = not is_admin(user)


class CycleForm(forms.ModelForm):
    class Meta:
        model = Cycle
        fields = [
            "scheme", "year", "slug", "nominations_open", "nominations_close", "judging_ends",
            "shortlist_announced_on", "ceremony_on", "ceremony_event", "winners_published_on",
            "blind_judging", "normalise_scores",
        ]  # fmt: skip
        widgets = {
            name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            for name in ["nominations_open", "nominations_close", "judging_ends",
                         "shortlist_announced_on", "ceremony_on", "winners_published_on"]
        }  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scheme"].queryset = reach.schemes_run_by(user)

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_CYCLE_SLUGS:
            raise forms.ValidationError(
                f"“{slug}” is the address of another awards page; choose another, such as "
                f"“{slug}-{self.cleaned_data.get('year') or 'awards'}”."
            )
        return slug

    def clean(self):
        data = super().clean()
        opens, closes = data.get("nominations_open"), data.get("nominations_close")
        if opens and closes and closes < opens:
            self.add_error("nominations_close", "Nominations must close after they open.")
        return data


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = [
            "name", "slug", "description", "eligibility", "self_nomination", "questions",
            "topics", "prize_amount", "prize_description", "prize_paid_on", "score_max",
            "quorum", "needs_lived_experience_judge", "order",
        ]  # fmt: skip
        widgets = {
            "prize_paid_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "topics": forms.CheckboxSelectMultiple,
        }


CriterionFormSet = forms.inlineformset_factory(
    Category, Criterion, fields=["name", "description", "weight", "order"], extra=3,
    can_delete=True,
)  # fmt: skip


def check_weights(formset) -> None:
    """Criteria weights are per cent and must add up to 100."""
    total = sum(
        f.cleaned_data.get("weight") or 0
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE")
    )
    if total and total != 100:
        raise forms.ValidationError(f"The criteria's weights add up to {total}%; make them 100%.")
