"""The complaint route shared by every right: the service first, then the county or national
body, the two constitutional commissions, and this portal. Each right supplies only the first
two steps and any sector-specific advice."""

from django.urls import reverse

from .stream import callout, heading, paragraph

KEEP_A_RECORD = callout(
    "Before you start: keep a record",
    "<p>Write down the date, the place, and the names or job titles of the people you dealt "
    "with and what they said. Keep copies of receipts, letters, messages and photographs. If "
    "you are refused a service, ask for the reasons in writing: under Article 47 of the "
    "Constitution, a person whose rights are affected by administrative action has the right "
    "to be given written reasons for it.</p>",
    tone="tip",
)

COMMISSION_ON_ADMINISTRATIVE_JUSTICE = paragraph(
    "<p>The Commission on Administrative Justice, also known as the Office of the Ombudsman, "
    "is an independent constitutional commission. It deals with complaints about public "
    "offices and public officers: abuse of power, unfair treatment, manifest injustice, and "
    "unlawful, oppressive, unfair or unresponsive official conduct, such as long delays or "
    "letters that are never answered. It also oversees the right of access to information "
    "held by public bodies. Tell the Commission which office is involved, what happened, what "
    "you have already done, and send copies of your records.</p>"
)

HUMAN_RIGHTS_COMMISSION = paragraph(
    "<p>The Kenya National Commission on Human Rights is the independent national human "
    "rights institution. It receives complaints that human rights have been violated, "
    "including the economic and social rights in Article 43, investigates them and takes "
    "steps to secure redress. It is a good route when a right is denied altogether, when "
    "many people are affected, or when the people affected are especially vulnerable.</p>"
)

GOING_FURTHER = callout(
    "Other routes",
    "<p>Under Article 22 of the Constitution, every person has the right to go to court "
    "claiming that a right in the Bill of Rights has been denied, violated or infringed, or "
    "is threatened. If you cannot afford a lawyer, the National Legal Aid Service may be able "
    "to help.</p><p>If anyone asks you for a bribe before serving you, you can report it to "
    "the Ethics and Anti-Corruption Commission.</p>",
)


def portal_step():
    # Built at call time: reverse() needs the URLconf, which imports the page models.
    report_url = reverse("report_problem")
    return paragraph(
        f'<p>You can <a href="{report_url}">report the problem through this portal</a>, with '
        "your name or without it. Case workers review the reports, can help you find the right "
        "body to take your complaint to, and use reports to show where public services fail. "
        "Your name is shared with the authority concerned only if you agree.</p>"
    )


def complaint_steps(service, responsible_body, extra=()):
    """The full "how to complain" stream for a right.

    ``service`` and ``responsible_body`` are HTML for steps 1 and 2; ``extra`` holds
    further blocks for advice that applies to this right only."""
    return [
        KEEP_A_RECORD,
        heading("Step 1: raise it with the service"),
        paragraph(service),
        heading("Step 2: take it to the county or national body responsible"),
        paragraph(responsible_body),
        heading("Step 3: the Commission on Administrative Justice (Office of the Ombudsman)"),
        COMMISSION_ON_ADMINISTRATIVE_JUSTICE,
        heading("Step 4: the Kenya National Commission on Human Rights"),
        HUMAN_RIGHTS_COMMISSION,
        heading("Step 5: report it through this portal"),
        portal_step(),
        *extra,
        GOING_FURTHER,
    ]
