"""The monitoring questions and their answers, after the UK's harmonised census standards.

Each question asks in the census's words where they fit an alliance's form, and every one has
"Prefer not to say". Ethnicity is asked in the 19 detailed census categories but reported in
the five broad groups: tables of a few dozen people by 19 categories would be nearly all
hidden by suppression. Answers are stored as short codes; their labels live here only.
"""

from dataclasses import dataclass

PREFER_NOT = "prefer_not"
PREFER_NOT_LABEL = "Prefer not to say"


@dataclass(frozen=True)
class Question:
    field: str  # the Response field that holds the answer
    title: str  # the characteristic, as a report heading
    text: str  # the question as asked
    choices: tuple  # (code, label), "Prefer not to say" added by `all_choices`
    report_as: dict | None = None  # code -> reported category code (ethnicity's broad groups)
    report_categories: tuple = ()  # (code, label) the report shows, when grouped

    def all_choices(self) -> list[tuple[str, str]]:
        return [*self.choices, (PREFER_NOT, PREFER_NOT_LABEL)]

    def categories(self) -> list[tuple[str, str]]:
        """The rows of this question's report table."""
        return [*(self.report_categories or self.choices), (PREFER_NOT, PREFER_NOT_LABEL)]

    def reported(self, code: str) -> str:
        if code == PREFER_NOT or not self.report_as:
            return code
        return self.report_as[code]


ETHNIC_GROUPS = (
    ("asian", "Asian, Asian British or Asian Welsh"),
    ("black", "Black, Black British, Black Welsh, Caribbean or African"),
    ("mixed", "Mixed or multiple ethnic groups"),
    ("white", "White"),
    ("other", "Other ethnic group"),
)
DETAILED_ETHNICITY = {
    "asian": ("Bangladeshi", "Chinese", "Indian", "Pakistani", "Any other Asian background"),
    "black": ("African", "Caribbean", "Any other Black, Black British or Caribbean background"),
    "mixed": (
        "White and Asian",
        "White and Black African",
        "White and Black Caribbean",
        "Any other Mixed or multiple ethnic background",
    ),
    "white": (
        "English, Welsh, Scottish, Northern Irish or British",
        "Irish",
        "Gypsy or Irish Traveller",
        "Roma",
        "Any other White background",
    ),
    "other": ("Arab", "Any other ethnic group"),
}


def _detailed_choices():
    choices, grouping = [], {}
    for group, label in ETHNIC_GROUPS:
        for number, detail in enumerate(DETAILED_ETHNICITY[group], start=1):
            code = f"{group}_{number}"
            choices.append((code, f"{label.split(',')[0]}: {detail}"))
            grouping[code] = group
    return tuple(choices), grouping


_ETHNICITY_CHOICES, _ETHNICITY_GROUPING = _detailed_choices()

QUESTIONS = (
    Question(
        "ethnicity",
        "Ethnic group",
        "What is your ethnic group?",
        _ETHNICITY_CHOICES,
        report_as=_ETHNICITY_GROUPING,
        report_categories=ETHNIC_GROUPS,
    ),
    Question("sex", "Sex", "What is your sex?", (("female", "Female"), ("male", "Male"))),
    Question(
        "gender_identity",
        "Gender identity",
        "Is the gender you identify with the same as your sex registered at birth?",
        (("same", "Yes, the same"), ("different", "No, different")),
    ),
    Question(
        "sexual_orientation",
        "Sexual orientation",
        "Which of the following best describes your sexual orientation?",
        (
            ("straight", "Straight or heterosexual"),
            ("gay_lesbian", "Gay or lesbian"),
            ("bisexual", "Bisexual"),
            ("other", "Another sexual orientation"),
        ),
    ),
    Question(
        "disability",
        "Disability",
        "Do you have a physical or mental health condition or illness lasting or expected to "
        "last 12 months or more that reduces your ability to carry out day-to-day activities?",
        (
            ("a_lot", "Yes, a lot"),
            ("a_little", "Yes, a little"),
            ("no", "No"),
        ),
    ),
    Question(
        "age_band",
        "Age",
        "What is your age?",
        (
            ("16_24", "16 to 24"),
            ("25_34", "25 to 34"),
            ("35_44", "35 to 44"),
            ("45_54", "45 to 54"),
            ("55_64", "55 to 64"),
            ("65_plus", "65 or over"),
        ),
    ),
    Question(
        "religion",
        "Religion",
        "What is your religion?",
        (
            ("none", "No religion"),
            ("christian", "Christian"),
            ("buddhist", "Buddhist"),
            ("hindu", "Hindu"),
            ("jewish", "Jewish"),
            ("muslim", "Muslim"),
            ("sikh", "Sikh"),
            ("other", "Any other religion"),
        ),
    ),
    Question(
        "justice_experience",
        "Lived experience of the justice system",
        "Do you have lived experience of the criminal justice system?",
        (
            ("prison", "Yes, including time in prison or a young offender institution"),
            ("other", "Yes, other contact (for example arrest, a caution or a community sentence)"),
            ("no", "No"),
        ),
    ),
    Question(
        "care_experience",
        "Care experience",
        "Have you ever been in care (looked after by a local authority)?",
        (("yes", "Yes"), ("no", "No")),
    ),
)
QUESTIONS_BY_FIELD = {q.field: q for q in QUESTIONS}

CONSENT_WORDING = (
    "I choose to give these answers for the alliance's equality monitoring. I understand that "
    "they include special category data (and, for lived experience of the justice system, "
    "criminal offence data); that they are kept apart from my name and account, seen by no "
    "one but me, and used only in published totals where no number from 1 to 4 can be shown "
    "or worked out; and that I can see, change or delete them at any time."
)
