"""The baseline survey report. The survey's results are not yet published, so this page says
what the survey covers and gives no figures; the attached PDF is a placeholder."""

import datetime

from .stream import callout, finding

TITLE = "State of public services and access to justice in Kenya"
SLUG = "state-of-public-services-and-access-to-justice"
PUBLICATION_DATE = datetime.date(2026, 11, 2)
PUBLISHERS = "Huduma Portal partners"
# The six sectors of Article 43, and justice for the survey's questions on access to justice.
SECTOR_SLUGS = (
    "health",
    "housing-sanitation",
    "food",
    "water",
    "social-security",
    "education",
    "justice-police",
)

SUMMARY = (
    "A baseline survey carried out in support of the Huduma Portal. It looks at how people in "
    "Kenya experience public services (health, water, education, housing and sanitation, "
    "food and social security) and at access to justice: whether people complain when a "
    "service fails them, where they take their complaints, and whether they receive an "
    "answer. It is the starting point against which the portal's work will be measured. The "
    "full report will be published on this page; the document attached for now is a "
    "placeholder."
)

KEY_FINDINGS = [
    finding(
        "Access to essential services",
        "<p>The survey examines whether people can reach and use health, water, education, "
        "housing and sanitation, food and social security services, and what stands in their "
        "way: distance, cost, waiting times and the conduct of staff.</p>",
    ),
    finding(
        "Knowing your rights",
        "<p>It asks whether people know the rights that Article 43 of the Constitution gives "
        "them, and whether they know where to turn when a service fails them.</p>",
    ),
    finding(
        "Complaining",
        "<p>It looks at whether people who have a problem with a public service complain, to "
        "whom (the service itself, the county, a national body, a commission or the courts) "
        "and why others do not.</p>",
    ),
    finding(
        "Getting an answer",
        "<p>It examines whether complaints receive a response, how long that takes, and "
        "whether the problem is resolved.</p>",
    ),
    finding(
        "Access to justice",
        "<p>It considers the cost, distance and complexity of taking a complaint further, and "
        "the part played by legal aid and by bodies such as the Commission on Administrative "
        "Justice and the Kenya National Commission on Human Rights.</p>",
    ),
    callout(
        "Results to follow",
        "<p>The survey's results will be added here when the full report is published. Until "
        "then this page gives no figures.</p>",
    ),
]

# The placeholder PDF: found again by its title, so it is generated only once.
DOCUMENT_TITLE = f"{TITLE} (placeholder)"
DOCUMENT_FILENAME = "huduma-baseline-survey-placeholder.pdf"
