"""Text of the home page, the three index pages and the plain pages (about, contact, privacy).

Facts that only the organisation running the portal can give (its name, contact details,
retention period) are left as clearly marked placeholders for it to complete."""

from dataclasses import dataclass, field

from django.urls import reverse

from .stream import bullet_list, callout, heading, paragraph

OPERATOR_PLACEHOLDER = "[To be completed by the organisation running this portal]"


@dataclass(frozen=True)
class StandardPageContent:
    slug: str
    title: str
    intro: str
    body: list
    show_in_menus: bool = False
    search_description: str = field(default="")


# --- Home --------------------------------------------------------------------------------

HOME_TITLE = "Huduma Portal"
HOME_HERO_TITLE = "Know your rights. Report when public services fail you."
HOME_HERO_TEXT = (
    "Article 43 of the Constitution of Kenya gives every person the right to health, housing "
    "and sanitation, food, water, social security and education. Find out what you can expect "
    "from public services and how to complain, and report a problem, with your name or "
    "without it."
)
# The rights shown on the home page, by slug, in order.
FEATURED_RIGHT_SLUGS = ("health", "water", "education", "housing-and-sanitation")


def home_body():
    report_url = reverse("report_problem")
    return [
        heading("What you can do here", level="h2"),
        paragraph(
            bullet_list(
                "<b>Know your rights.</b> Read what each right in Article 43 means, what you "
                "can reasonably expect from the service, and how to complain.",
                "<b>Know your rights at work.</b> Read about the ILO conventions on freedom of "
                "association, equal pay, forced labour, discrimination and child labour.",
                f'<b>Report a problem.</b> <a href="{report_url}">Tell us</a> when a public '
                "service fails you. You can report without giving your name.",
                "<b>Read the reports.</b> See what surveys and reports say about public "
                "services and access to justice in Kenya.",
            )
        ),
    ]


# --- Index pages -------------------------------------------------------------------------

RIGHTS_INDEX_TITLE = "Your rights"
RIGHTS_INDEX_INTRO = (
    "<p>Article 43 of the Constitution of Kenya, 2010 sets out economic and social rights that "
    "belong to every person: health, housing and sanitation, food, water, social security and "
    "education, emergency medical treatment, and support for people who cannot support "
    "themselves. Each page quotes the Constitution, explains the right in plain language, and "
    "says what you can reasonably expect from the service and how to complain when it fails "
    "you.</p>"
)

CONVENTIONS_INDEX_TITLE = "Workers' rights: ILO conventions"
CONVENTIONS_INDEX_INTRO = (
    "<p>The International Labour Organization (ILO) treats some of its conventions as "
    "fundamental principles and rights at work. These pages explain seven of them, on freedom "
    "of association, collective bargaining, equal pay, forced labour, discrimination and child "
    "labour, and say whether Kenya has ratified each one. Under Article 2(6) of the "
    "Constitution, a treaty or convention ratified by Kenya forms part of the law of "
    "Kenya.</p>"
)

REPORTS_INDEX_TITLE = "Reports"
REPORTS_INDEX_INTRO = (
    "<p>Surveys and reports on public services and access to justice in Kenya, published by "
    "the portal and its partners.</p>"
)


# --- Plain pages -------------------------------------------------------------------------


def about_page():
    report_url = reverse("report_problem")
    return StandardPageContent(
        slug="about",
        title="About Huduma",
        show_in_menus=True,
        intro=(
            "Huduma Portal explains the economic and social rights in Article 43 of the "
            "Constitution of Kenya, 2010, and lets people report problems with public "
            "services."
        ),
        body=[
            heading("What the portal does", level="h2"),
            paragraph(
                bullet_list(
                    "It explains, in plain language, the rights to health, housing and "
                    "sanitation, food, water, social security and education, what people can "
                    "reasonably expect from public services, and how to complain.",
                    "It explains the ILO conventions that protect workers’ fundamental rights.",
                    f'It lets anyone <a href="{report_url}">report a problem</a> with a public '
                    "service, with or without giving their name. Case workers review the "
                    "reports and help people take them to the body that can act.",
                    "It publishes reports on public services and access to justice.",
                )
            ),
            paragraph(
                "<p>The portal is not a court and not a government office: it cannot decide a "
                "complaint or order a service to act. It helps people find the right body, "
                "and it records problems so that they can be followed up and so that patterns "
                "become visible.</p>"
            ),
            heading("Who runs it", level="h2"),
            callout(
                "Operator",
                f"<p>{OPERATOR_PLACEHOLDER}: the name of the organisation that runs this "
                "portal, what kind of organisation it is, and how it is funded.</p>",
                tone="important",
            ),
            heading("Open source", level="h2"),
            paragraph(
                "<p>The software behind the portal is open source, published under the GNU "
                "Affero General Public License, version 3 or later. Anyone may study, use and "
                "improve it; anyone who runs a modified version as a service to the public must "
                "offer its source code to the people who use it.</p>"
            ),
        ],
    )


def contact_page(privacy_page_id):
    report_url = reverse("report_problem")
    return StandardPageContent(
        slug="contact",
        title="Contact",
        intro="How to reach the organisation that runs Huduma Portal.",
        body=[
            callout(
                "Contact details",
                "<p>The contact details on this page are set by the organisation running the "
                f"portal. {OPERATOR_PLACEHOLDER}: postal address, e-mail address and opening "
                "hours.</p>",
                tone="important",
            ),
            heading("Reporting a problem with a public service", level="h2"),
            paragraph(
                f'<p>You do not need to contact us first: use the <a href="{report_url}">report '
                "form</a>. You can report with your name or without it.</p>"
            ),
            heading("Your personal data", level="h2"),
            paragraph(
                "<p>For what we keep about you and how to use your rights, read the "
                f'<a linktype="page" id="{privacy_page_id}">privacy notice</a>.</p>'
            ),
            callout(
                "Not an emergency service",
                "<p>This portal cannot send help. If someone’s life or safety is in danger, "
                "contact the police or go to the nearest health facility.</p>",
                tone="important",
            ),
        ],
    )


def privacy_page():
    return StandardPageContent(
        slug="privacy",
        title="Privacy notice",
        intro=(
            "What personal data Huduma Portal keeps, why, and your rights under the Data "
            "Protection Act, 2019 (Act No. 24 of 2019)."
        ),
        body=[
            callout(
                "To be completed before the portal goes live",
                "<p>The name and contact details of the data controller and the date of this "
                "notice are set by the organisation running the portal. "
                f"Each is marked “{OPERATOR_PLACEHOLDER}” below.</p>",
                tone="important",
            ),
            heading("Who is responsible for your data", level="h2"),
            paragraph(
                "<p>The data controller is the organisation that runs this portal: "
                f"{OPERATOR_PLACEHOLDER}: its name, address and e-mail address, and the "
                "contact details of its data protection officer if it has one.</p>"
            ),
            heading("What we collect when you report a problem", level="h2"),
            paragraph(
                bullet_list(
                    "a description of the problem, and the public service and sector concerned;",
                    "where it happened: the county and the place you give;",
                    "if you choose to give them: your name, phone number and e-mail address;",
                    "evidence files you choose to upload, such as photographs and documents.",
                )
                + "<p>A report may reveal sensitive personal data, such as information about "
                "your health. We use it only to handle your report. Please leave out details "
                "of other people unless they are needed to understand the problem.</p>"
            ),
            heading("You can report anonymously", level="h2"),
            paragraph(
                "<p>You do not have to give your name or contact details. If you do not, we "
                "cannot ask you for more information or tell you what happened. Files can "
                "carry personal details of their own, such as a name on a letter or "
                "information stored inside a photograph: check them before you upload "
                "them.</p>"
            ),
            heading("Three separate choices", level="h2"),
            paragraph(
                "<p>When you report, we ask for three separate consents. Each is optional, and "
                "saying no to one does not affect the others or how your report is "
                "handled.</p>"
                "<ol>"
                "<li><b>To be contacted</b> by our case workers about your report.</li>"
                "<li><b>To share your identity</b> (your name and contact details) with the "
                "authority responsible for the service, so that it can deal with your case "
                "directly.</li>"
                "<li><b>To publish an edited summary</b> of your report, without your name and "
                "without details that could identify you.</li>"
                "</ol>"
                "<p>You can withdraw any consent at any time, as the Act allows. Withdrawing "
                "does not undo what was done lawfully before.</p>"
            ),
            heading("Why we use your data", level="h2"),
            paragraph(
                "<p>To handle your report: to understand the problem, to follow it up with the "
                "body that can act, and, if you agreed, to contact you. We also count reports "
                "to show where public services fail; those figures never identify anyone. We "
                "do not sell your data, and we do not use it for advertising.</p>"
            ),
            heading("Who sees your report", level="h2"),
            paragraph(
                bullet_list(
                    "Case workers of the organisation running the portal, who need it to "
                    "handle your report.",
                    "The authority responsible for the service sees who you are only if you "
                    "gave the second consent.",
                    "The public sees an edited summary, without your name, only if you gave "
                    "the third consent.",
                )
                + "<p>We may also have to disclose data when the law requires it, for example "
                "under a court order.</p>"
            ),
            heading("How long we keep it", level="h2"),
            paragraph(
                "<p>The Act requires that personal data is kept no longer than is necessary "
                "for the purpose for which it was collected. The portal removes it on this "
                "schedule, every day, by itself:</p>"
            ),
            ("retention_schedule", None),
            heading("Your rights", level="h2"),
            paragraph(
                "<p>Under the Data Protection Act, 2019 you have the right:</p>"
                + bullet_list(
                    "to be informed of how your personal data is used;",
                    "to access the personal data we hold about you;",
                    "to object to the processing of all or part of your personal data;",
                    "to have false or misleading data corrected;",
                    "to have false or misleading data deleted;",
                )
                + "<p>and to withdraw your consent at any time. To use these rights, contact "
                "the data controller named above with your phone number or e-mail address. "
                "After checking who you are, a supervisor finds everything we hold about "
                "you and sends you a copy, as a file a computer can read and as a document "
                "you can read; corrects it; or erases it everywhere, leaving only anonymous "
                "numbers in our statistics.</p>"
            ),
            heading("Complaints to the regulator", level="h2"),
            paragraph(
                "<p>If you are not satisfied with how we handle your personal data, you can "
                "complain to the Office of the Data Protection Commissioner, the regulator "
                "established under the Act.</p>"
            ),
            heading("Cookies", level="h2"),
            paragraph(
                bullet_list(
                    "A page's address carries its language (/sw/ for Kiswahili), so no "
                    "language cookie is needed.",
                    "A security cookie protects the forms you send, such as the report form, "
                    "against forgery.",
                    "Staff who sign in to the back office also get session cookies.",
                )
                + "<p>We use no tracking, advertising or analytics cookies.</p>"
            ),
            heading("Changes to this notice", level="h2"),
            paragraph(
                "<p>We publish any change to this notice on this page. Last updated: "
                f"{OPERATOR_PLACEHOLDER}.</p>"
            ),
        ],
    )
