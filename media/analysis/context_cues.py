"""Context: the cues that show a story reaching beyond the single incident.

Framing research distinguishes episodic stories (one crime, one court case, one person) from
thematic ones that set events in their wider context: figures and trends, policy and law,
research and inspection findings, what works. Episodic reporting tends to make readers blame
individuals; thematic reporting lets them see causes and remedies.

Each cue is a regular-expression fragment (matched case-insensitively on word boundaries)
with a plain name shown to the reader as the reason. Some cues are STRONG: one is enough to
call an article thematic (a percentage, "figures show", an inspection report). The rest are
SUPPORTING: common words that also appear in episodic court reports ("policy", "funding"),
so an article needs SUPPORTING_NEEDED of them, in different sentences, to count.

What is deliberately NOT a cue: ages, sentence lengths, fines and compensation sums,
dates and times: every court report has them.
"""

_NUMBER = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a|half a)"
_WORD_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"

STRONG = "strong"
SUPPORTING = "supporting"
# Supporting cues in this many different sentences make an article thematic.
SUPPORTING_NEEDED = 2

CUES: list[tuple[str, str, str]] = [
    # (name shown to the reader, strength, pattern)
    ("a percentage", STRONG, r"\d+(?:\.\d+)?\s?(?:%|per ?cent|percentage points?)"),
    (
        "a proportion",
        STRONG,
        rf"(?:{_WORD_NUMBER}|\d+) in (?:every )?(?:{_WORD_NUMBER}|\d+|a hundred)\b"
        r"|(?:a|one) (?:third|quarter|fifth|half|tenth) of\b"
        r"|(?:two|three|four) (?:thirds|quarters|fifths|tenths)\b"
        r"|(?:half|majority|minority|most|a (?:large|growing|small) (?:share|number|proportion)) "
        r"of (?:all|those|the|them|people|children|women|men|adults|prisoners)\b"
        r"|(?:large|growing|rising|small) (?:share|proportion)",
    ),
    (
        "official figures or statistics",
        STRONG,
        r"(?:official|latest|new|government|national|annual|quarterly|published|home office|"
        r"ministry of justice|moj|ons|police|these|the) (?:figures|statistics|data)\b"
        r"|(?:figures|statistics|data) (?:show|showed|shows|published|released|obtained|from|"
        r"suggest|suggests|reveal|revealed|compiled)"
        r"|on average|(?:an|the) average (?:of|number|length|cost|time|wait)|(?<!\u00a3)\d{1,3}"
        r"(?:,\d{3})+ (?:people|children|women|men|cases|prisoners|places|names|offences|"
        r"young|adults|victims|learners|officers|staff|deaths|searches)"
        r"|since records began|on record|highest (?:level|number|rate)s?|lowest (?:level|number|"
        r"rate)s?|(?:a|the) record (?:high|low|level|number)|rates? of",
    ),
    (
        "a trend over time",
        STRONG,
        r"(?:rise|rose|risen|rising|increase|increased|fall|fell|fallen|falling|drop|dropped|"
        r"decline|declined|doubled|tripled|halved|grown|grew|climbed|soared|jumped|widened|"
        r"narrowed|improved|worsened|up|down) "
        r"(?:by |of )?(?:\S+ ){0,6}?(?:since|over the (?:past|last)|in the (?:past|last)|"
        r"compared with|from \d{4}|between \d{4}|for the \w+ year)"
        r"|year[- ]on[- ]year|(?:years?|quarters?|months?) running|(?:year|quarter) in a row"
        r"|the (?:number|rate|proportion|cost|use) of [\w ]{3,60}? (?:has|had|have) (?:risen|"
        r"fallen|doubled|halved|increased|decreased|grown|dropped)",
    ),
    (
        "research or an inspection",
        STRONG,
        r"(?:report|review|inspection|study|research|survey|analysis|evaluation|audit|inquiry"
        r"|inspectors|inspectorates?|researchers|academics) (?:by|from|for|of \d|published|found|"
        r"finds|shows|showed|suggests|concluded|warned|commissioned|notes|estimates|rated)"
        r"|(?:inspectorate|chief inspector|ombudsman|national audit office|public accounts "
        r"committee|justice committee|home affairs committee|the think tank|monitoring boards?) "
        r"(?:found|said|warned|reported|concluded|highlighted|estimates|described)"
        r"|(?:survey|study|review|evaluation) of \d",
    ),
    (
        "what works and the evidence",
        STRONG,
        r"what works|(?:do|does|did) not work|evidence (?:shows|suggests|base|from|that|for|on|"
        r"is)|reoffending rates?|proven reoffending|reconviction rates?|(?:cut|cuts|cutting|"
        r"reduce|reduces|reduced|reducing) (?:re-?offending|repeat offending)|likely to "
        r"(?:re-?offend|be reconvicted|be recalled)|more effective than|cost[- ]effective|"
        r"pilots?(?: scheme| project| programme| court| area)?|outcomes|paid (?:\w+ ){0,2}by "
        r"results|payment by results",
    ),
    (
        "law or policy change",
        STRONG,
        r"(?:sentencing|justice|victims|police|policing|crime|prisons?|bail|courts|public order"
        r"|immigration|offenders|youth justice|criminal justice) bill|and \w+ bill"
        r"|act \d{4}|legislat\w+|white paper|green paper|consultation|consult on|"
        r"sentencing review|independent review|royal commission|presumption against|"
        r"government (?:plans|proposals|strategy|policy)|strategy|sentencing (?:guidelines|"
        r"reforms?)|reforms?\b|under the (?:new |revised )?(?:rules|plans|guidance|standard|"
        r"scheme|law|proposals|framework|pilot)|new (?:rules|guidance|standards?|framework|"
        r"contracts?|law|powers|duties)|revised guidance|abolished|the right to vote|"
        r"(?:national|practice) (?:standards|guidance|note)|commissioning|contracts? (?:for|worth)",
    ),
    (
        "a comparison",
        STRONG,
        r"national average|(?:times|far|much|significantly|twice as|more|less) (?:more |less "
        r"|as )?likely|over-?represented|under-?represented|disproportionat\w+|compared with|"
        r"compared to|than (?:the )?(?:rest|national|general|other|white|similar)",
    ),
    (
        "the wider system",
        SUPPORTING,
        r"(?:across|in|throughout) (?:england and wales|england|wales|scotland|the uk|the country|"
        r"britain|the sector|the estate)|nationally|nationwide|(?:prison|remand|inmate|"
        r"custodial) population|prisons? (?:estate|system)|(?:overcrowd|understaff)\w*|capacity|"
        r"backlog|waiting (?:lists?|times)|the (?:criminal |youth )?justice system|the system|"
        r"every (?:region|prison|police force|court|year)|providers|agencies|workforce|"
        r"caseloads?|recruit\w*|prison places|new places|(?:the|a) sector",
    ),
    (
        "policy and funding",
        SUPPORTING,
        r"polic(?:y|ies)|funding|funded|investment|budget|spending|ministers|the government|"
        r"government's|parliament|mps\b|cuts?\b|cut by|closure of|campaigners? (?:want|call|are "
        r"calling)|calls? for (?:a|an|the|more|ring)|called for|alternatives? to (?:custody|prison|"
        r"short sentences)|schemes?|programmes?",
    ),
]
