"""Where each default parameter comes from: one Source per publication the model cites.

Every figure was read in stored public material (the search corpus this project used). Where
a figure came to us through a secondary summary of an official publication, `found_via` says
so, so nobody mistakes the summary for the table itself. `NOT_FOUND` marks parameters whose
value we could not find in stored material: they are the model's assumptions and the pages
say so in words.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    table: str  # the table or section the figure is in
    published: str  # a UK date, e.g. "25 July 2024"
    url: str
    found_via: str = ""  # a secondary page that quoted the figure, when that is how we read it

    @property
    def found(self) -> bool:
        return bool(self.url)


NOT_FOUND = Source(
    title="Not found in stored material",
    publisher="",
    table="",
    published="",
    url="",
)

OMSQ_JAN_MAR_2024 = Source(
    title="Offender management statistics quarterly: January to March 2024",
    publisher="Ministry of Justice",
    table="Main points (prison population at 30 June 2024; first receptions, releases and "
    "licence recalls January to March 2024; probation caseload at 31 March 2024)",
    published="25 July 2024",
    url="https://www.gov.uk/government/statistics/offender-management-statistics-quarterly-"
    "january-to-march-2024/offender-management-statistics-quarterly-january-to-march-2024",
)

OMSQ_REMAND_JUNE_2024 = Source(
    title="Offender management statistics quarterly: January to March 2024",
    publisher="Ministry of Justice",
    table="Prison population: remand (untried 11,027; convicted unsentenced 6,043) at 30 June 2024",
    published="25 July 2024",
    url="https://www.gov.uk/government/statistics/offender-management-statistics-quarterly-"
    "january-to-march-2024/offender-management-statistics-quarterly-january-to-march-2024",
    found_via="https://www.russellwebster.com/prison-and-probation-trends-summer-2024/",
)

OMSQ_JUL_SEP_2024 = Source(
    title="Offender management statistics quarterly: July to September 2024",
    publisher="Ministry of Justice",
    table="Main points (prison population at 31 December 2024); statistician's note on the "
    "change to standard determinate sentence release on 10 September 2024",
    published="30 January 2025",
    url="https://www.gov.uk/government/statistics/offender-management-statistics-quarterly-"
    "july-to-september-2024/offender-management-statistics-quarterly-july-to-september-2024",
)

OMSQ_APR_JUN_2024 = Source(
    title="Offender management statistics quarterly: April to June 2024",
    publisher="Ministry of Justice",
    table="Main points (prison population at 30 September 2024)",
    published="31 October 2024",
    url="https://www.gov.uk/government/statistics/offender-management-statistics-quarterly-"
    "april-to-june-2024/offender-management-statistics-quarterly-april-to-june-2024",
)

OMSQ_APR_JUN_2021 = Source(
    title="Offender management statistics quarterly: April to June 2021",
    publisher="Ministry of Justice",
    table="Main points (78,756 prisoners at 30 September 2021; 15,206 first receptions April "
    "to June 2021)",
    published="28 October 2021",
    url="https://www.gov.uk/government/statistics/offender-management-statistics-quarterly-"
    "april-to-june-2021/offender-management-statistics-quarterly-april-to-june-2021",
)

CCSQ_JUL_SEP_2024 = Source(
    title="Criminal court statistics quarterly: July to September 2024",
    publisher="Ministry of Justice",
    table="Main points (open caseload: magistrates' courts 333,349; Crown Court 73,105)",
    published="12 December 2024",
    url="https://www.gov.uk/government/statistics/criminal-court-statistics-quarterly-"
    "july-to-september-2024/criminal-court-statistics-quarterly-july-to-september-2024",
)

CCSQ_APR_JUN_2023 = Source(
    title="Criminal court statistics quarterly: April to June 2023",
    publisher="Ministry of Justice",
    table="Crown Court receipts (26,403) and disposals (23,581), April to June 2023",
    published="28 September 2023",
    url="https://www.gov.uk/government/statistics/criminal-court-statistics-quarterly-"
    "april-to-june-2023/criminal-court-statistics-quarterly-april-to-june-2023",
    found_via="https://www.russellwebster.com/court-backlogs-increase-again/",
)

PROVEN_REOFFENDING_APR_JUN_2023 = Source(
    title="Proven reoffending statistics: April to June 2023",
    publisher="Ministry of Justice",
    table="Main points (adults 27.3%; adults released from custodial sentences of less than "
    "12 months 59.2%)",
    published="24 April 2025",
    url="https://gov.uk/government/statistics/proven-reoffending-statistics-april-to-june-2023/"
    "proven-reoffending-statistics-april-to-june-2023",
)

PROVEN_REOFFENDING_JUL_2011_JUN_2012 = Source(
    title="Proven reoffending statistics quarterly: July 2011 to June 2012",
    publisher="Ministry of Justice",
    table="Overall: reoffences per reoffender (2.9, adults and juveniles)",
    published="2013",
    url="https://www.gov.uk/government/statistics/proven-reoffending-statistics-quarterly-"
    "statistics-july-2011-to-june-2012",
)

COSTS_PER_PRISONER_2022_23 = Source(
    title="Costs per place and costs per prisoner by individual prison, 2022-23",
    publisher="Ministry of Justice / HM Prison and Probation Service",
    table="Overall resource expenditure per prisoner, England and Wales (£51,724)",
    published="21 March 2024",
    url="https://www.russellwebster.com/how-much-does-prison-cost/",
    found_via="https://www.pressreader.com/uk/the-daily-telegraph-saturday/20240406/"
    "281578065684939",
)

BROMLEY_WINTER_2025 = Source(
    title="Bromley Briefings Prison Factfile, winter 2025 (from Offender management statistics)",
    publisher="Prison Reform Trust",
    table="Recall: 12,920 people held on recall at 31 December 2024; 32,404 recall "
    "admissions in the year to September 2024, 15,211 of them from sentences under 12 months",
    published="2025",
    url="https://prisonreformtrust.org.uk/dramatic-rise-in-prison-recalls-threatens-to-"
    "undermine-emergency-prison-overcrowding-measures",
)

POLICE_POWERS_2024 = Source(
    title="Police powers and procedures: Stop and search, arrests and mental health detentions, "
    "England and Wales, year ending 31 March 2024",
    publisher="Home Office",
    table="Arrests for notifiable offences, year ending March 2024 (720,506)",
    published="26 September 2024",
    url="https://www.gov.uk/government/statistics/stop-and-search-arrests-and-mental-health-"
    "detentions-march-2024/police-powers-and-procedures-stop-and-search-arrests-and-mental-"
    "health-detentions-england-and-wales-year-ending-31-march-2024",
    found_via="https://factually.co/fact-checks/society/uk-arrests-per-year-statistics-trends-"
    "bd08d6",
)

RECALL_RULES = Source(
    title="The growing problem of prison recalls",
    publisher="Russell Webster",
    table="Offender Rehabilitation Act 2014: supervision after release for sentences of "
    "more than one day",
    published="2023",
    url="https://www.russellwebster.com/the-growing-problem-of-prison-recalls/",
)

OMSQ_INDETERMINATE_SEP_2024 = Source(
    title="Offender management statistics quarterly: April to June 2024",
    publisher="Ministry of Justice",
    table="Prison population: 8,501 unreleased prisoners serving indeterminate sentences (life "
    "and IPP) at 30 September 2024; remand population 17,662; probation caseload 238,646 at "
    "30 June 2024",
    published="31 October 2024",
    url="https://www.gov.uk/government/statistics/offender-management-statistics-quarterly-"
    "april-to-june-2024/offender-management-statistics-quarterly-april-to-june-2024",
    found_via="https://www.russellwebster.com/pressures-on-prison-system-keep-mounting/",
)

CJS_MARCH_2024 = Source(
    title="Criminal Justice Statistics quarterly: March 2024",
    publisher="Ministry of Justice",
    table="Main points: average custodial sentence length for indictable offences 22.9 months, "
    "year ending March 2024",
    published="15 August 2024",
    url="https://www.gov.uk/government/statistics/criminal-justice-system-statistics-quarterly-"
    "march-2024/criminal-justice-statistics-quarterly-march-2024-html",
)

SENTENCING_ACADEMY_SSO = Source(
    title="Suspended Sentence Orders: key facts and statistics",
    publisher="Sentencing Academy (Sentencing Hub), from Ministry of Justice statistics",
    table="Average length of a suspended sentence order 18.1 months (Offender management "
    "statistics, October to December 2024); proven reoffending, 2023: suspended sentence "
    "orders 27%, community orders 38%, prison sentences 39%, all sentences 27%",
    published="12 November 2025 (updated February 2026)",
    url="https://sentencinghub.sentencingacademy.org.uk/key-sentencing-facts/suspended-"
    "sentence-orders",
)

CPS_CONVICTION_RATES_2018 = Source(
    title="Magistrates' Courts: Convictions (written question 163550, answered by the "
    "Attorney General)",
    publisher="UK Parliament, from the Crown Prosecution Service's management information",
    table="Conviction rates 2017-18: magistrates' courts 84.8%, Crown Court 79.9%",
    published="25 July 2018",
    url="https://www.parallelparliament.co.uk/question/163550/magistrates-courts-convictions",
)


# Pages we could read only through a summary link to the series' collection page, so that no
# address we did not see is given as the publication's own.
OMSQ_COLLECTION = (
    "https://www.gov.uk/government/collections/offender-management-statistics-quarterly"
)

OMSQ_OCT_DEC_2022_INDETERMINATE = Source(
    title="Offender management statistics quarterly: October to December 2022",
    publisher="Ministry of Justice",
    table="Table 2.5a: receptions of prisoners sentenced to indeterminate sentences, 299 in the "
    "four quarters to December 2022 (the figure the Ministry's own prisons ready reckoner "
    "model takes from this table)",
    published="April 2023 (month of the quarterly release; we did not read the day)",
    url=OMSQ_COLLECTION,
    found_via="https://github.com/moj-analytical-services/prisonsreadyreckoner/blob/main/tests/"
    "dev/dev-params.R",
)

OMSQ_JAN_MAR_2022 = Source(
    title="Offender management statistics quarterly: January to March 2022",
    publisher="Ministry of Justice",
    table="Main points (80,659 prisoners at 30 June 2022; 15,354 first receptions January to "
    "March 2022)",
    published="28 July 2022",
    url="https://www.gov.uk/government/statistics/offender-management-statistics-quarterly-"
    "january-to-march-2022/offender-management-statistics-quarterly-january-to-march-2022",
)

OMSQ_JAN_MAR_2023 = Source(
    title="Offender management statistics quarterly: January to March 2023",
    publisher="Ministry of Justice",
    table="Main points (85,851 prisoners at 30 June 2023; 17,139 first receptions January to "
    "March 2023)",
    published="27 July 2023",
    url=OMSQ_COLLECTION,
    found_via="https://www.russellwebster.com/justicetrendssummer23/",
)

MAGISTRATES_POWERS = Source(
    title="Judicial Review and Courts Act 2022, section 13, amending section 224 of the "
    "Sentencing Act 2020 (general limit on magistrates' court's power to impose custodial "
    "sentence)",
    publisher="legislation.gov.uk",
    table="Applicable limit: 6 months for a summary offence; 12 months for an either-way "
    "offence, which regulations may set back to 6 (it was 6 from March 2023 to 17 November "
    "2024, so in the base year); at most 12 months in all for consecutive either-way offences",
    published="28 April 2022",
    url="https://www.legislation.gov.uk/ukpga/2022/35/section/13",
    found_via="https://wyppnldlive.powerappsportals.com/article/?id=02d55330-d9a1-ef11-8a69-"
    "6045bdd03f4c",
)

PROBATION_FUNDING = Source(
    title="Probation: Nationalisation (written question 193367, answered by the Ministry of "
    "Justice)",
    publisher="UK Parliament",
    table="An additional £155m a year for the unified Probation Service, a 15% increase on "
    "funding in 2019/20",
    published="2023 or 2024 (the answer counts 2022/23 as a finished year; the page we read "
    "did not show the date)",
    url="https://www.parallelparliament.co.uk/question/193367/probation-nationalisation",
)
