# ruff: noqa: E501 (rows of demo words read best one to a line)
"""The words of the demo strategies and plans, written for the demo (facts from the two seed
networks: the criminal justice alliance's 2022–2027 strategy with five approaches and an
"evolving the alliance" aim; the youth alliance's five priorities for 2023–25)."""

CJA_STRATEGY = {
    "title": "Strategy 2022–2027: removing the barriers to a fair system",
    "years": (2022, 2027),
    "vision": "A criminal justice system that prevents harm, repairs it where it happens and "
    "lets people move on, so that communities are safer and fairer.",
    "mission": "We bring our members' expertise together to shift policy, practice, power and "
    "public stories, working on the quick fixes and the long, systemic change at once.",
    "aims": [
        (
            "A shared vision for change",
            [
                "Run joint policy projects with members on a fair and effective system",
                "Use the annual awards to raise up those already changing the system",
            ],
        ),
        (
            "Working together",
            [
                "Give members more ways to meet across the parts of the system",
                "Connect policy makers, practitioners and researchers around evidence",
            ],
        ),
        (
            "Changing the story",
            [
                "Support journalists to report crime and justice with care",
                "Track how media language changes over time",
            ],
        ),
        (
            "Sharing power",
            [
                "Help leaders with lived experience into senior roles",
                "Help employers build inclusive leadership teams",
            ],
        ),
        (
            "Tackling racial inequality",
            [
                "Hold public bodies to the Public Sector Equality Duty",
                "Grow membership among groups tackling racial inequality",
            ],
        ),
        (
            "Evolving the alliance",
            [
                "Become an anti-racist, restorative organisation and report on it each year",
                "Strengthen governance and staff development",
            ],
        ),
    ],
}

AYJ_STRATEGY = {
    "title": "Strategy 2023–25, extended to 2027",
    "years": (2023, 2027),
    "vision": "A youth justice system that treats children as children and builds on their "
    "strengths, with far fewer children drawn into it at all.",
    "mission": "We gather the knowledge of our members and the voices of young people to "
    "change systems, services and support for children in trouble with the law.",
    "aims": [
        (
            "Better systems, services and support",
            [
                "Change the way children in the system are talked about",
                "Push for fewer children, especially Black and mixed-heritage children, in the system",
            ],
        ),
        (
            "Solutions grounded in evidence",
            [
                "Set up a members' research advisory group",
                "Share members' research with decision makers",
            ],
        ),
        (
            "A stronger membership",
            [
                "Widen the membership where expertise is thin",
                "Give small grassroots groups a platform and support",
            ],
        ),
        (
            "Young people's voices heard",
            [
                "Grow the young advocates' project",
                "Bring young people into rooms where decisions are made",
            ],
        ),
        (
            "A more effective organisation",
            [
                "Review our own equity, diversity and inclusion",
                "Keep the alliance financially sustainable",
            ],
        ),
    ],
}

# (objective index within the whole strategy, title, owner, quarters)
CJA_ACTIVITIES = [
    (0, "Co-produce a briefing on diversion with members", "Policy team", "1,2"),
    (0, "Publish a members' vision for sentencing reform", "Policy team", "2,3"),
    (0, "Respond to the sentencing review consultation", "Policy manager", "1"),
    (0, "Brief parliamentarians before the justice bill's second reading", "Director", "3"),
    (1, "Run the annual awards and announce winners", "Events officer", "2,3"),
    (1, "Film short stories about last year's winners", "Communications officer", "1"),
    (2, "Hold four members' forums across England and Wales", "Membership officer", "1,2,3,4"),
    (2, "Start a members' working group on women in the system", "Policy officer", "2"),
    (2, "Host a regional forum in the North East", "Membership officer", "3"),
    (3, "Hold a roundtable with policy makers on probation caseloads", "Policy manager", "2"),
    (3, "Run a webinar series on what works in prevention", "Events officer", "1,2,3"),
    (3, "Publish a digest of members' evaluations", "Research officer", "4"),
    (4, "Train trainee journalists on people-first language", "Communications manager", "2,4"),
    (4, "Run the media awards", "Communications manager", "3,4"),
    (4, "Publish a guide to reporting on prisons", "Communications officer", "1,2"),
    (5, "Publish quarterly figures from the media monitor", "Research officer", "1,2,3,4"),
    (5, "Report on headlines about young adults", "Research officer", "3"),
    (6, "Run the leadership programme for a new cohort", "Programmes lead", "1,2,3,4"),
    (6, "Match programme graduates with mentors", "Programmes lead", "2,3"),
    (7, "Recruit ten employers to offer senior placements", "Programmes lead", "1,2,3"),
    (7, "Publish a guide on recruiting people with convictions", "Policy officer", "4"),
    (8, "Write to every police force about equality duty assessments", "Policy officer", "1"),
    (8, "Publish a review of equality impact assessments in prisons", "Research officer", "2,3"),
    (8, "Follow up stop and search recommendations", "Policy manager", "1,2,3,4"),
    (9, "Reach out to by-and-for groups led by Black and minority ethnic people", "Membership officer", "1,2"),
    (9, "Hold a learning session on race for members", "Membership officer", "3"),
    (9, "Offer free membership to small grassroots groups", "Director", "1"),
    (10, "Publish the annual Equality Impact Report", "Director", "1"),
    (10, "Commission a restorative practice review of our processes", "Director", "2,3"),
    (10, "Run anti-racism training for staff and trustees", "Operations manager", "2"),
    (11, "Review board skills and recruit two trustees", "Chair", "3,4"),
    (11, "Launch the members' feedback survey", "Membership officer", "4"),
    (11, "Move member records to the new platform", "Operations manager", "1"),
]  # fmt: skip

AYJ_ACTIVITIES = [
    (0, "Publish a language guide on how to talk about children in the system", "Policy lead", "1,2"),
    (0, "Run a campaign on reframing youth justice in the media", "Communications lead", "2,3"),
    (1, "Brief officials on racial disparity in remands", "Policy lead", "1"),
    (1, "Respond to the youth custody consultation", "Policy officer", "2"),
    (1, "Follow up our recommendations on child first practice", "Policy lead", "1,2,3,4"),
    (2, "Hold the first meeting of the research advisory group", "Research lead", "1"),
    (2, "Map gaps in research on girls in the system", "Research lead", "2,3"),
    (3, "Launch a members' research digest", "Research lead", "3"),
    (3, "Present members' findings to the Youth Justice Board", "Director", "4"),
    (4, "Recruit members in regions with few of them", "Membership officer", "1,2,3"),
    (4, "Run a members' forum on transitions to adult services", "Membership officer", "2"),
    (5, "Offer grassroots groups free places at events", "Membership officer", "1,2,3,4"),
    (5, "Run a capacity-building day for small groups", "Membership officer", "3"),
    (6, "Recruit a new cohort of young advocates", "Participation lead", "1"),
    (6, "Publish the young advocates' second report", "Participation lead", "3,4"),
    (7, "Bring young advocates to meet ministers' officials", "Participation lead", "2,4"),
    (8, "Carry out the equity, diversity and inclusion review", "Director", "1,2"),
    (9, "Secure two new multi-year grants", "Director", "1,2,3,4"),
]  # fmt: skip

# (measure key, target change from the baseline: +n, or "x1.1" style factor)
MEASURED = [
    ("member_organisations", 10), ("new_members", 12), ("share_lived_experience_led", 3),
    ("share_by_and_for", 3), ("share_racial_equality", 4),
    ("median_days_to_decide_applications", -7), ("submissions_sent", 6),
    ("contributions_received", 40), ("contributing_organisations", 20),
    ("recommendations_made", 12), ("recommendations_accepted", 4),
    ("median_days_to_respond", -14), ("stigmatising_share", -5), ("events_held", 8),
    ("organisations_attending", 30), ("resources_published", 6), ("award_nominations", 40),
    ("graduates_in_senior_roles", 4),
]  # fmt: skip

REPORTED = [
    ("Policy makers met", "count", 40,
     "Meetings with ministers, officials, MPs and peers where members' evidence was put, from "
     "the team's meeting log."),
    ("Income secured (£ thousands)", "pounds", 250,
     "New grant income confirmed in the year, in thousands of pounds, from the accounts."),
]  # fmt: skip

SURVEY_STATEMENTS = [
    "The alliance helps inform our policy and communications objectives.",
    "The alliance helps us meet and learn from other organisations.",
    "Being part of the alliance gives us legitimacy in a wider forum.",
    "We know what the alliance has achieved this year.",
]

SURVEY_COMMENTS = [
    ("The forums are the most useful thing we do all year; more regional ones please.", "Forums and events"),
    ("Briefings arrive at the right time for our own consultation responses.", "Policy support"),
    ("We are a small group and sometimes feel the big charities dominate discussions.", "Voice of small groups"),
    ("The media work has changed how our local paper writes about our clients.", "Media and narratives"),
    ("It would help to have more notice of consultation deadlines.", "Policy support"),
    ("Being a member helped our funding bid.", "Legitimacy"),
    ("More chances for people with lived experience to speak at events, please.", "Lived experience"),
    ("We did not know about half the activities until this survey.", "Communication"),
    ("The awards gave our volunteers a real lift.", "Forums and events"),
    ("Online sessions make it possible for us to take part from Cornwall.", "Forums and events"),
]  # fmt: skip

# The newest comments, left uncoded so staff see the coding tool's suggestions for them.
SURVEY_UNCODED = [
    "The regional forums and online events let our small team take part.",
    "Earlier notice of consultation deadlines and briefings would help our policy responses.",
    "Our local media now describe our clients differently after the alliance's media work.",
]

LEARNING = [
    "Online forums reached more small groups than in-person ones; we will keep a mix.",
    "Consultation deadlines were tight: an early-warning list of upcoming consultations helped "
    "members contribute.",
    "Employers needed more support than expected before offering senior placements.",
    "Members told us the plan was hard to follow; this update groups activities by aim.",
]
