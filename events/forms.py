from django import forms
from django.core.validators import validate_email
from django.utils import timezone

from core.lib.markdown import FORMATTING_HELP
from core.lib.pickers import use_pickers
from core.roles import is_staff_member
from events.models import Action, Event, EventFormat, Group, Question, Speaker, Venue
from taxonomy.models import Term, Vocabulary

LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
CONSENT = (
    "I agree that the alliance keeps my registration to run this event. Answers about access "
    "and dietary needs are seen only by the event's organisers and deleted after the event."
)


class EventForm(forms.ModelForm):
    """Times are typed in UK time; Django reads them in Europe/London (settings.TIME_ZONE),
    refusing a time the clocks skip or repeat, and stores them in UTC."""

    class Meta:
        model = Event
        fields = [
            "kind", "title", "summary", "description", "status", "visibility",
            "starts_at", "ends_at", "format", "venue", "joining_link",
            "networks", "topics", "organisers", "co_hosts",
            "capacity", "per_organisation_limit", "registration_opens_at",
            "registration_closes_at", "offer_hold_hours", "group",
        ]  # fmt: skip
        widgets = {
            "starts_at": LOCAL_DATETIME,
            "ends_at": LOCAL_DATETIME,
            "registration_opens_at": LOCAL_DATETIME,
            "registration_closes_at": LOCAL_DATETIME,
            "description": forms.Textarea(attrs={"rows": 8}),
            "networks": forms.CheckboxSelectMultiple,
            "topics": forms.SelectMultiple(attrs={"size": 8}),
            "co_hosts": forms.SelectMultiple(attrs={"size": 6}),
            "organisers": forms.CheckboxSelectMultiple,
        }
        labels = {
            "starts_at": "Starts (UK time)",
            "ends_at": "Ends (UK time)",
            "registration_opens_at": "Registration opens (UK time)",
            "registration_closes_at": "Registration closes (UK time)",
            "co_hosts": "Co-hosting member organisations",
            "offer_hold_hours": "Hours a waitlist offer is held",
            "group": "A meeting of the group (its members see it and may register)",
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        from core.models import User

        if self.instance.people_chosen_by:
            # Its people are chosen elsewhere: it stays invitation-only, in its networks.
            for name in ("visibility", "networks"):
                self.fields[name].disabled = True
                self.fields[
                    name
                ].help_text = f"Fixed: who comes is chosen by {self.instance.people_chosen_by}."
        staff = [u.pk for u in User.objects.all() if is_staff_member(u)]
        self.fields["organisers"].queryset = User.objects.filter(pk__in=staff).order_by("name")
        self.fields["topics"].queryset = Term.objects.filter(
            vocabulary__in=[Vocabulary.PART, Vocabulary.THEME]
        )
        self.fields["description"].help_text = FORMATTING_HELP
        use_pickers(self, "topics", "co_hosts")
        # One message of our own for 0 and below, not the generic "at least 0".
        self.fields["capacity"].validators = []
        self.fields["capacity"].widget.attrs["min"] = 1

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError("Enter the event's title.")
        return title

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity is None or capacity < 1:
            raise forms.ValidationError("Capacity must be at least 1.")
        if self.instance.pk and capacity < self.instance.places_taken:
            raise forms.ValidationError(
                f"{self.instance.places_taken} places are already taken: the capacity cannot "
                "be lower. Cancel registrations first."
            )
        return capacity

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", "The event must end after it starts.")
        moved = not self.instance.pk or starts != self.instance.starts_at
        if starts and moved and starts < timezone.now():
            self.add_error("starts_at", "The start is in the past.")
        opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", "Registration must close after it opens.")
        if closes and starts and closes > starts:
            self.add_error("registration_closes_at", "Registration must close by the start.")
        limit, capacity = data.get("per_organisation_limit"), data.get("capacity")
        if limit is not None and limit < 1:
            self.add_error("per_organisation_limit", "Leave blank for no limit, or give 1 or more.")
        elif limit and capacity and limit > capacity:
            self.add_error("per_organisation_limit", "The limit cannot be above the capacity.")
        fmt = data.get("format")
        if fmt in (EventFormat.IN_PERSON, EventFormat.HYBRID) and not data.get("venue"):
            self.add_error("venue", "Choose the venue of an event held in person.")
        return data


class VenueForm(forms.ModelForm):
    class Meta:
        model = Venue
        fields = [
            "name", "address", "step_free_access", "hearing_loop", "quiet_room",
            "accessible_toilet", "access_notes",
        ]  # fmt: skip
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = ["name", "role"]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Enter the speaker's name.")
        return name


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "kind", "required", "sensitive"]
        labels = {"sensitive": "Sensitive (access or dietary needs, health)"}


class DuplicateForm(forms.Form):
    starts_at = forms.DateTimeField(label="New start (UK time)", widget=LOCAL_DATETIME)

    def clean_starts_at(self):
        starts = self.cleaned_data["starts_at"]
        if starts < timezone.now():
            raise forms.ValidationError("The start is in the past.")
        return starts


class RegistrationForm(forms.Form):
    """Name, email, the event's questions and consent. Signed-in people's name and email
    come from their account; `organisations` offers theirs to register under."""

    name = forms.CharField(max_length=200)
    email = forms.EmailField(label="Email address")
    organisation = forms.ModelChoiceField(queryset=None, required=False, empty_label=None)
    consent = forms.BooleanField(label=CONSENT, error_messages={"required": "Please agree."})
    # A field people never see; bots fill it in.
    website = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, questions=(), organisations=None, fixed_identity=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        if organisations is None or not organisations.exists():
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
            self.fields["organisation"].label = "Registering for"
        if fixed_identity:
            for name in ("name", "email"):
                self.fields[name].initial = fixed_identity[name]
            # The account's or the invitation's address is the one registered: not editable.
            self.fields["email"].disabled = True
        for question in self.questions:
            self.fields[f"q{question.pk}"] = _question_field(question)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Enter your name.")
        return name

    def answers(self) -> dict[int, str]:
        return {q.pk: _answer_text(q, self.cleaned_data.get(f"q{q.pk}")) for q in self.questions}


class NotesForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["notes"]
        labels = {"notes": "Notes: who came, what was said, what was agreed"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 14})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notes"].help_text = (
            "Seen by staff and, for a group's meeting, by the group's members; never public. "
            "Record actions on the Actions page. " + FORMATTING_HELP
        )


class InvitationsForm(forms.Form):
    """One person a line, "Name, email" or "Name <email>"; every line must be right."""

    people = forms.CharField(
        label="People to invite",
        help_text="One a line: a name, then a comma and their email address. "
        "E.g. “Sam Patel, sam.patel@example.gov.uk”.",
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def clean_people(self) -> list[tuple[str, str]]:
        people, problems, seen = [], [], set()
        for number, line in enumerate(self.cleaned_data["people"].splitlines(), start=1):
            if not line.strip():
                continue
            name, email = _name_and_email(line)
            try:
                validate_email(email)
            except forms.ValidationError:
                problems.append(f"line {number} has no valid email address")
                continue
            if not name:
                problems.append(f"line {number} has no name")
            elif email.lower() in seen:
                problems.append(f"line {number} repeats {email}")
            seen.add(email.lower())
            people.append((name, email))
        if problems:
            raise forms.ValidationError("Nobody was invited: " + "; ".join(problems) + ".")
        if not people:
            raise forms.ValidationError("Enter at least one person.")
        return people


def _name_and_email(line: str) -> tuple[str, str]:
    line = line.strip()
    if line.endswith(">") and "<" in line:
        name, _, email = line[:-1].rpartition("<")
    else:
        name, _, email = line.rpartition(",")
    return " ".join(name.strip(" ,").split()), email.strip()


class ColleagueForm(forms.Form):
    name = forms.CharField(max_length=200, label="Colleague's name")
    email = forms.EmailField(label="Colleague's email address")
    organisation = forms.ModelChoiceField(queryset=None, empty_label=None)

    def __init__(self, *args, organisations, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


def _question_field(question: Question) -> forms.Field:
    label = question.text + (" (seen only by the organisers)" if question.sensitive else "")
    if question.kind == Question.Kind.YES_NO:
        return forms.TypedChoiceField(
            label=label,
            required=question.required,
            choices=[("", "No answer"), ("yes", "Yes"), ("no", "No")],
        )
    return forms.CharField(label=label, required=question.required, max_length=1000)


def _answer_text(question: Question, value) -> str:
    return str(value or "")


class CheckInSearchForm(forms.Form):
    q = forms.CharField(required=False, label="Name, email or organisation")


class MessageForm(forms.Form):
    subject = forms.CharField(max_length=150)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), max_length=5000)
    include_waitlist = forms.BooleanField(required=False, label="Also send to the waitlist")


class LinkConsultationForm(forms.Form):
    consultation = forms.ModelChoiceField(queryset=None, label="Consultation")

    def __init__(self, *args, **kwargs):
        from consultations.models import Consultation

        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = Consultation.objects.order_by("-pk")


class GroupForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = ["network", "name", "purpose"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Enter the group's name.")
        return name


class GroupMemberForm(forms.Form):
    """Add one person to a group. The person is a searchable picker (core/lib/pickers) that
    offers only the people the staff member may reach (members.services.permissions) who are
    not yet in the group; a posted id outside that reach, or of someone already in, is
    refused with a message saying which."""

    person = forms.ModelChoiceField(
        queryset=None,
        label="Person",
        help_text="Type part of their name, then choose them from the list.",
        error_messages={
            "required": "Choose the person to add.",
            "invalid_choice": "Choose a person from the list: that one is not someone you may add.",
        },
    )
    organisation = forms.ModelChoiceField(
        queryset=None, required=False, label="Through the organisation (their own)"
    )
    role = forms.CharField(max_length=100, required=False, help_text="E.g. chair.")

    def __init__(self, *args, user, group, **kwargs):
        super().__init__(*args, **kwargs)
        from members.models import Organisation
        from members.services.permissions import people_in_reach

        self.group = group
        # Members stay in the queryset so that adding one again gets its own message below.
        in_reach = people_in_reach(user).order_by("name")
        self.fields["person"].queryset = in_reach
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        use_pickers(self, "person")
        addable = in_reach.exclude(pk__in=group.members.values("person"))
        self.fields["person"].widget.choices = [("", "Choose a person")] + [
            (person.pk, person.name) for person in addable.only("pk", "name")
        ]

    def clean_person(self):
        person = self.cleaned_data["person"]
        if self.group.members.filter(person=person).exists():
            raise forms.ValidationError(f"{person} is already in the group.")
        return person


class GroupDocumentForm(forms.Form):
    resource = forms.ModelChoiceField(
        queryset=None,
        label="Library resource (unpublished)",
        help_text="Add it to the library as a draft first; it is then seen only by this "
        "group's members and staff.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from library.models import Resource, ResourceStatus

        self.fields["resource"].queryset = Resource.objects.exclude(
            status=ResourceStatus.PUBLISHED
        ).order_by("title")


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["text", "owner", "due_on", "target", "follow_up", "done"]
        labels = {"text": "Action agreed", "target": "Ask of a target body"}
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}),
            "follow_up": forms.Textarea(attrs={"rows": 2}),
        }


class SeriesForm(forms.Form):
    rule = forms.CharField(
        max_length=300,
        label="Repeat rule",
        help_text="In the iCalendar (RFC 5545) form, with an end. Examples: every first "
        "Tuesday for six months, FREQ=MONTHLY;BYDAY=1TU;COUNT=6; every quarter for a year, "
        "FREQ=MONTHLY;INTERVAL=3;COUNT=4; weekly until Christmas, FREQ=WEEKLY;UNTIL=20271224.",
    )
