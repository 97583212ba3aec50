"""The shared taxonomy as first loaded (by migration 0002). Admins may edit it afterwards.

Each entry: (slug, name, plain-language description).
"""

PARTS = [
    (
        "prevention",
        "Prevention and early intervention",
        "Support that reaches people, especially children, before they are drawn into crime "
        "or the justice system.",
    ),
    (
        "policing",
        "Policing",
        "How the police stop, search, arrest, question and divert people, and how they are held "
        "to account.",
    ),
    (
        "courts-and-sentencing",
        "Courts and sentencing",
        "What happens from charge to verdict, and the sentences courts hand down.",
    ),
    (
        "prisons",
        "Prisons",
        "Life in prison and in young offender institutions: safety, health, education and "
        "contact with family.",
    ),
    (
        "probation-and-resettlement",
        "Probation and resettlement",
        "Supervision in the community and the support people need when they leave prison: a "
        "home, work, health care and a bank account.",
    ),
    (
        "youth-justice",
        "Youth justice",
        "The separate system for children aged 10 to 17: youth offending teams, youth courts "
        "and secure settings.",
    ),
    (
        "victims-services",
        "Victims' services",
        "Help for people harmed by crime, and their rights as a case moves through the system.",
    ),
]

THEMES = [
    (
        "racial-equality",
        "Racial equality",
        "Unequal treatment and outcomes for Black, Asian and minority ethnic people at each "
        "stage of the system.",
    ),
    (
        "women-and-girls",
        "Women and girls",
        "The different routes women and girls take into the system and what works for them.",
    ),
    (
        "children-and-young-adults",
        "Children and young adults",
        "Treating children as children, and recognising that young adults are still maturing.",
    ),
    (
        "lived-experience",
        "Lived experience",
        "People who have been through the system shaping the services and policies that affect "
        "them.",
    ),
    (
        "mental-health-and-neurodiversity",
        "Mental health and neurodiversity",
        "Mental ill health, learning disabilities, autism, ADHD and brain injury among people "
        "in contact with the system.",
    ),
    (
        "drugs-and-alcohol",
        "Drugs and alcohol",
        "Treatment, harm reduction and the policing of drug and alcohol use.",
    ),
    ("housing", "Housing", "A safe place to live, before and after contact with the system."),
    (
        "employment-and-education",
        "Employment and education",
        "Learning, training and work, inside prison and after release.",
    ),
    (
        "families-of-people-in-prison",
        "Families of people in prison",
        "Children, partners and parents affected when someone they love is in prison.",
    ),
    (
        "restorative-justice",
        "Restorative justice",
        "Bringing people harmed and people responsible into communication to repair harm.",
    ),
    (
        "trauma-informed-practice",
        "Trauma-informed practice",
        "Services that understand how past trauma shapes behaviour and avoid causing more.",
    ),
    (
        "criminal-records",
        "Criminal records",
        "How long records follow people, what must be disclosed, and the barriers this creates.",
    ),
]

POPULATIONS = [
    ("children", "Children", "People under 18."),
    (
        "young-adults",
        "Young adults (18–25)",
        "People aged 18 to 25, whose brains and lives are still developing.",
    ),
    ("women", "Women", "Women and girls in contact with the system."),
    (
        "black-asian-minority-ethnic",
        "Black, Asian and minority ethnic communities",
        "People from communities that are over-represented in the justice system.",
    ),
    (
        "gypsy-roma-traveller",
        "Gypsy, Roma and Traveller communities",
        "Communities whose needs are often overlooked, especially in prison.",
    ),
    (
        "care-experienced",
        "Care-experienced people",
        "People who have spent time in the care of a local authority.",
    ),
    ("families", "Families", "Relatives, partners and children of people in the system."),
    ("victims-and-survivors", "Victims and survivors", "People harmed by crime."),
    ("veterans", "Veterans", "People who have served in the armed forces."),
    (
        "foreign-nationals",
        "Foreign nationals",
        "People without British citizenship, who face immigration as well as criminal processes.",
    ),
    (
        "disabled-people",
        "Disabled people",
        "People with physical, sensory, learning or mental health disabilities.",
    ),
    ("lgbtq", "LGBTQ+ people", "Lesbian, gay, bisexual, trans and queer people."),
    (
        "older-people",
        "Older people",
        "People over 50 in prison and on probation, a fast-growing group.",
    ),
]

PLACES = [
    ("north-east", "North East", "The North East of England."),
    ("north-west", "North West", "The North West of England."),
    ("yorkshire-and-the-humber", "Yorkshire and the Humber", "Yorkshire and the Humber."),
    ("east-midlands", "East Midlands", "The East Midlands of England."),
    ("west-midlands", "West Midlands", "The West Midlands of England."),
    ("east-of-england", "East of England", "The East of England."),
    ("london", "London", "Greater London."),
    ("south-east", "South East", "The South East of England."),
    ("south-west", "South West", "The South West of England."),
    (
        "wales",
        "Wales",
        "Wales, where policing and justice are reserved to Westminster but health, education "
        "and housing are devolved.",
    ),
    (
        "national",
        "National (England and Wales)",
        "Work that covers the whole of England and Wales.",
    ),
    ("international", "International", "Work beyond England and Wales."),
]

VOCABULARIES = {"part": PARTS, "theme": THEMES, "population": POPULATIONS, "place": PLACES}
