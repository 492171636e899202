"""The initial message texts, in English and Kiswahili (Kiswahili terms as in
``docs/glossary.md``).

A data migration copies them into ``MessageTemplate`` rows, which editors then change as
snippets; they are also the fallback when a row has been deleted. A citizen's SMS ends with
the tracking link (the response, with how to answer it after the link), an authority's SMS
with its response link; the link and what follows it are kept whole when a long text is
shortened.
"""

SIGNATURE = "Huduma Portal"

# How the citizen answers a response by SMS: the end of the "case_responded" SMS.
ANSWER_BY_SMS = {
    "en": "Reply 1 if this solved your problem, 2 if not.",
    "sw": "Tuma 1 kama tatizo lako limetatuliwa, 2 kama sivyo.",
}

# (event, language) -> SMS text
SMS = {
    ("case_received", "en"): (
        "Huduma Portal: we received your report. Reference {reference}, access code "
        "{access_code}. To check, SMS STATUS {reference}. Follow it here: {tracking_link}"
    ),
    ("case_received", "sw"): (
        "Huduma Portal: tumepokea ripoti yako, nambari ya kumbukumbu {reference}. Nambari ya "
        "siri {access_code}. Kuangalia hali, tuma: HALI {reference}. Fuatilia: {tracking_link}"
    ),
    ("case_forwarded", "en"): (
        "Huduma Portal: case {reference} was sent to {authority}, who should answer by "
        "{due_date}. We will tell you their answer. {tracking_link}"
    ),
    ("case_forwarded", "sw"): (
        "Huduma Portal: kesi {reference} imetumwa kwa {authority}, wanaopaswa kujibu kufikia "
        "{due_date}. Tutakujulisha jibu lao. {tracking_link}"
    ),
    # The citizen answers by SMS (intake/gateways/sms_answers.py) or on the tracking page.
    ("case_responded", "en"): (
        'Huduma Portal: {authority} answered case {reference}: "{response}" {tracking_link} '
        + ANSWER_BY_SMS["en"]
    ),
    ("case_responded", "sw"): (
        'Huduma Portal: {authority} wamejibu kesi {reference}: "{response}" {tracking_link} '
        + ANSWER_BY_SMS["sw"]
    ),
    ("case_closed", "en"): (
        "Huduma Portal: case {reference} is closed. Outcome: {outcome}. Thank you for "
        "reporting. {tracking_link}"
    ),
    ("case_closed", "sw"): (
        "Huduma Portal: kesi {reference} imefungwa. Matokeo: {outcome}. Asante kwa kuripoti. "
        "{tracking_link}"
    ),
    ("case_closed_unanswered", "en"): (
        "Huduma Portal: {authority} did not answer case {reference} in time, so it is closed "
        "as unanswered. Details: {tracking_link}"
    ),
    ("case_closed_unanswered", "sw"): (
        "Huduma Portal: {authority} hawakujibu kesi {reference} kwa wakati, kwa hivyo "
        "imefungwa bila jibu. Maelezo: {tracking_link}"
    ),
    ("case_dismissed", "en"): (
        "Huduma Portal: we cannot take case {reference} further ({outcome}): {update} "
        "Details: {tracking_link}"
    ),
    ("case_dismissed", "sw"): (
        "Huduma Portal: hatuwezi kuendelea na kesi {reference} ({outcome}): {update} "
        "Maelezo: {tracking_link}"
    ),
    ("case_withdrawn", "en"): (
        "Huduma Portal: case {reference} is withdrawn and closed, as asked. You may report "
        "again at any time. {tracking_link}"
    ),
    ("case_withdrawn", "sw"): (
        "Huduma Portal: kesi {reference} imeondolewa na kufungwa kama ulivyoomba. Unaweza "
        "kuripoti tena wakati wowote. {tracking_link}"
    ),
    ("case_escalated", "en"): (
        "Huduma Portal: case {reference} was sent again to {authority} for a better answer, "
        "due by {due_date}. {tracking_link}"
    ),
    ("case_escalated", "sw"): (
        "Huduma Portal: kesi {reference} imetumwa tena kwa {authority} ili kupata jibu bora "
        "kufikia {due_date}. {tracking_link}"
    ),
    ("case_reopened", "en"): (
        "Huduma Portal: case {reference} is open again: {update} {tracking_link}"
    ),
    ("case_reopened", "sw"): (
        "Huduma Portal: kesi {reference} imefunguliwa tena: {update} {tracking_link}"
    ),
}

# (event, language) -> SMS text for an authority that has a phone number and no e-mail
AUTHORITY_SMS = {
    ("authority_new_case", "en"): (
        "Huduma Portal: new case {reference} for {authority}. {sector}. Where: {place}. Please "
        "respond by {due_date} here: {respond_link}"
    ),
    ("authority_new_case", "sw"): (
        "Huduma Portal: kesi mpya {reference} kwa {authority}. {sector}. Mahali: {place}. "
        "Tafadhali jibuni kufikia {due_date} hapa: {respond_link}"
    ),
    ("authority_escalated_case", "en"): (
        "Huduma Portal: case {reference} escalated to {authority}. {sector}. Where: {place}. "
        "Please respond by {due_date} here: {respond_link}"
    ),
    ("authority_escalated_case", "sw"): (
        "Huduma Portal: kesi {reference} imepandishwa kwa {authority}. {sector}. Mahali: "
        "{place}. Tafadhali jibuni kufikia {due_date} hapa: {respond_link}"
    ),
    # notify/reminders.py: the answer is late (sent once per due date).
    ("authority_reminder", "en"): (
        "Huduma Portal: reminder. Case {reference} for {authority} was due on {due_date} "
        "({days_overdue} days ago). {sector}. Where: {place}. Please respond here: "
        "{respond_link}"
    ),
    ("authority_reminder", "sw"): (
        "Huduma Portal: ukumbusho. Jibu la kesi {reference} kwa {authority} lilitakiwa "
        "{due_date} (siku {days_overdue} zilizopita). {sector}. Mahali: {place}. Tafadhali "
        "jibuni hapa: {respond_link}"
    ),
}

_TRACK_EN = (
    "Follow your case, add information or withdraw it here:\n{tracking_link}\n\n" + SIGNATURE
)
_TRACK_SW = "Fuatilia kesi yako, ongeza maelezo au uiondoe hapa:\n{tracking_link}\n\n" + SIGNATURE
# For a closed case, which can no longer be changed from the tracking page.
_SEE_EN = "See your case here:\n{tracking_link}\n\n" + SIGNATURE
_SEE_SW = "Angalia kesi yako hapa:\n{tracking_link}\n\n" + SIGNATURE

# (event, language) -> (subject, body) of the e-mail
EMAIL = {
    ("case_received", "en"): (
        "We received your report {reference}",
        "Thank you for telling us about this problem.\n\n"
        "Reference: {reference}\n"
        "Access code: {access_code}\n\n"
        "Keep the access code to yourself: with the reference it opens your case on the "
        "tracking page. You can also check the status by sending an SMS with the words "
        "STATUS {reference} from the phone number you gave us.\n\n"
        "A case worker will now read your report and send it to the authority that can act "
        "on it. We will write to you when that happens.\n\n"
        "The tracking link and the access code work until {tracking_access} after your case "
        "is closed.\n\n" + _TRACK_EN,
    ),
    ("case_received", "sw"): (
        "Tumepokea ripoti yako {reference}",
        "Asante kwa kutueleza kuhusu tatizo hili.\n\n"
        "Nambari ya kumbukumbu: {reference}\n"
        "Nambari ya siri: {access_code}\n\n"
        "Usimpe mtu mwingine nambari ya siri: pamoja na nambari ya kumbukumbu inafungua kesi "
        "yako kwenye ukurasa wa kufuatilia. Unaweza pia kuangalia hali kwa kutuma SMS yenye "
        "maneno HALI {reference} kutoka nambari ya simu uliyotupa.\n\n"
        "Afisa wa kesi atasoma ripoti yako na kuituma kwa mamlaka inayoweza "
        "kuishughulikia. Tutakuandikia hilo likitokea.\n\n"
        "Kiungo cha kufuatilia na nambari ya siri vitafanya kazi hadi {tracking_access} baada "
        "ya kesi yako kufungwa.\n\n" + _TRACK_SW,
    ),
    ("case_forwarded", "en"): (
        "Your case {reference} was sent to {authority}",
        "Your case {reference} was sent to {authority}, the authority that can act on it.\n\n"
        "They should answer by {due_date}. We will send you their answer as soon as it "
        "arrives.\n\n" + _TRACK_EN,
    ),
    ("case_forwarded", "sw"): (
        "Kesi yako {reference} imetumwa kwa {authority}",
        "Kesi yako {reference} imetumwa kwa {authority}, mamlaka inayoweza kuishughulikia.\n\n"
        "Wanapaswa kujibu kufikia {due_date}. Tutakutumia jibu lao mara tu litakapofika.\n\n"
        + _TRACK_SW,
    ),
    ("case_responded", "en"): (
        "{authority} answered your case {reference}",
        "{authority} answered your case {reference}:\n\n{response}\n\n"
        "Did this solve your problem? Tell us on the tracking page: if it did, the case is "
        "closed; if it did not, a case worker will take it further.\n\n" + _TRACK_EN,
    ),
    ("case_responded", "sw"): (
        "{authority} wamejibu kesi yako {reference}",
        "{authority} wamejibu kesi yako {reference}:\n\n{response}\n\n"
        "Je, jibu hili limetatua tatizo lako? Tuambie kwenye ukurasa wa kufuatilia: "
        "likiwa limetatuliwa, kesi itafungwa; lisipotatuliwa, afisa wa kesi ataendelea "
        "kulifuatilia.\n\n" + _TRACK_SW,
    ),
    ("case_closed", "en"): (
        "Your case {reference} is closed",
        "Your case {reference} is closed.\n\nOutcome: {outcome}\n\n{update}\n\n"
        "Thank you for reporting. If the problem comes back, please report it again.\n\n" + _SEE_EN,
    ),
    ("case_closed", "sw"): (
        "Kesi yako {reference} imefungwa",
        "Kesi yako {reference} imefungwa.\n\nMatokeo: {outcome}\n\n{update}\n\n"
        "Asante kwa kuripoti. Tatizo likirudi, tafadhali liripoti tena.\n\n" + _SEE_SW,
    ),
    ("case_closed_unanswered", "en"): (
        "Your case {reference} is closed without an answer",
        "{authority} did not answer your case {reference} in time, so the case is closed as "
        "unanswered.\n\nWe keep a record of authorities that do not answer. If the problem "
        "continues, you may report it again.\n\n" + _SEE_EN,
    ),
    ("case_closed_unanswered", "sw"): (
        "Kesi yako {reference} imefungwa bila jibu",
        "{authority} hawakujibu kesi yako {reference} kwa wakati, kwa hivyo kesi imefungwa "
        "bila jibu.\n\nTunahifadhi kumbukumbu ya mamlaka zisizojibu. Tatizo likiendelea, "
        "unaweza kuliripoti tena.\n\n" + _SEE_SW,
    ),
    ("case_dismissed", "en"): (
        "We cannot take your case {reference} further",
        "We are sorry: we cannot take your case {reference} further.\n\n"
        "Reason: {outcome}\n{update}\n\n"
        "If you think this is a mistake, you may report the problem again with more "
        "details.\n\n" + _SEE_EN,
    ),
    ("case_dismissed", "sw"): (
        "Hatuwezi kuendelea na kesi yako {reference}",
        "Samahani: hatuwezi kuendelea na kesi yako {reference}.\n\n"
        "Sababu: {outcome}\n{update}\n\n"
        "Ukidhani huu ni uamuzi usio sahihi, unaweza kuripoti tatizo tena ukiwa na maelezo "
        "zaidi.\n\n" + _SEE_SW,
    ),
    ("case_withdrawn", "en"): (
        "Your case {reference} is withdrawn",
        "Your case {reference} is withdrawn and closed, as asked.\n\n"
        "You may report a problem again at any time.\n\n" + _SEE_EN,
    ),
    ("case_withdrawn", "sw"): (
        "Kesi yako {reference} imeondolewa",
        "Kesi yako {reference} imeondolewa na kufungwa kama ulivyoomba.\n\n"
        "Unaweza kuripoti tatizo tena wakati wowote.\n\n" + _SEE_SW,
    ),
    ("case_escalated", "en"): (
        "Your case {reference} was sent again to {authority}",
        "The answer to your case {reference} did not solve the problem, so we sent it again "
        "to {authority} for a better answer.\n\n{update}\n\n"
        "They should answer by {due_date}.\n\n" + _TRACK_EN,
    ),
    ("case_escalated", "sw"): (
        "Kesi yako {reference} imetumwa tena kwa {authority}",
        "Jibu la kesi yako {reference} halikutatua tatizo, kwa hivyo tumeituma tena kwa "
        "{authority} ili kupata jibu bora.\n\n{update}\n\n"
        "Wanapaswa kujibu kufikia {due_date}.\n\n" + _TRACK_SW,
    ),
    ("case_reopened", "en"): (
        "Your case {reference} is open again",
        "Your case {reference} is open again.\n\n{update}\n\n"
        "A case worker will look at it again and tell you what happens next.\n\n" + _TRACK_EN,
    ),
    ("case_reopened", "sw"): (
        "Kesi yako {reference} imefunguliwa tena",
        "Kesi yako {reference} imefunguliwa tena.\n\n{update}\n\n"
        "Afisa wa kesi ataiangalia tena na kukujulisha hatua inayofuata.\n\n" + _TRACK_SW,
    ),
    ("authority_new_case", "en"): (
        "New case {reference}: please respond by {due_date}",
        "Dear {authority},\n\n"
        "A citizen's complaint has been forwarded to you through the Huduma Portal. Please "
        "look into it and write your response by {due_date}.\n\n"
        "{summary}\n\n"
        "Write your response here (no account is needed):\n{respond_link}\n\n"
        "The link works for 30 days and only for this case; please do not share it outside "
        "your office. Your response goes to the citizen in their language and appears on "
        "the case's public timeline.\n\n" + SIGNATURE,
    ),
    ("authority_new_case", "sw"): (
        "Kesi mpya {reference}: tafadhali jibu kufikia {due_date}",
        "Kwa {authority},\n\n"
        "Lalamiko la mwananchi limetumwa kwenu kupitia Huduma Portal. Tafadhali "
        "lishughulikieni na mwandike jibu lenu kufikia {due_date}.\n\n"
        "{summary}\n\n"
        "Andikeni jibu lenu hapa (hakuna akaunti inayohitajika):\n{respond_link}\n\n"
        "Kiungo hiki kinafanya kazi kwa siku 30 na kwa kesi hii pekee; tafadhali msikitume "
        "nje ya ofisi yenu. Jibu lenu litamfikia mwananchi kwa lugha yake na litaonekana "
        "kwenye historia ya umma ya kesi.\n\n" + SIGNATURE,
    ),
    ("authority_escalated_case", "en"): (
        "Case {reference} escalated to you: please respond by {due_date}",
        "Dear {authority},\n\n"
        "The citizen says the earlier answer to case {reference} did not solve the problem, "
        "and the case has been escalated to you.\n\n"
        "Reason: {update}\n\n"
        "{summary}\n\n"
        "Please write your response by {due_date} here (no account is needed):\n"
        "{respond_link}\n\n"
        "The link works for 30 days and only for this case.\n\n" + SIGNATURE,
    ),
    ("authority_escalated_case", "sw"): (
        "Kesi {reference} imepandishwa kwenu: tafadhali jibu kufikia {due_date}",
        "Kwa {authority},\n\n"
        "Mwananchi anasema jibu la awali la kesi {reference} halikutatua tatizo, na kesi "
        "imepandishwa kwenu.\n\n"
        "Sababu: {update}\n\n"
        "{summary}\n\n"
        "Tafadhali andikeni jibu lenu kufikia {due_date} hapa (hakuna akaunti "
        "inayohitajika):\n{respond_link}\n\n"
        "Kiungo hiki kinafanya kazi kwa siku 30 na kwa kesi hii pekee.\n\n" + SIGNATURE,
    ),
    ("authority_reminder", "en"): (
        "Reminder: case {reference} was due on {due_date}",
        "Dear {authority},\n\n"
        "Your response to case {reference} was due on {due_date} ({days_overdue} days ago) "
        "and has not arrived yet. The citizen is waiting for it.\n\n"
        "{summary}\n\n"
        "Please write your response here (no account is needed):\n{respond_link}\n\n"
        "If this case is not yours to handle, say so in your response and we will forward "
        "it to the right authority.\n\n" + SIGNATURE,
    ),
    ("authority_reminder", "sw"): (
        "Ukumbusho: jibu la kesi {reference} lilitakiwa {due_date}",
        "Kwa {authority},\n\n"
        "Jibu lenu kwa kesi {reference} lilitakiwa kufikia {due_date} (siku {days_overdue} "
        "zilizopita) na bado halijafika. Mwananchi anasubiri.\n\n"
        "{summary}\n\n"
        "Tafadhali andikeni jibu lenu hapa (hakuna akaunti inayohitajika):\n"
        "{respond_link}\n\n"
        "Ikiwa kesi hii si yenu kushughulikia, semeni hivyo katika jibu lenu nasi "
        "tutaituma kwa mamlaka inayohusika.\n\n" + SIGNATURE,
    ),
    ("supervisor_overdue", "en"): (
        "Overdue twice: case {reference} at {authority}",
        "Case {reference} is overdue twice at {authority}: the answer was due on {due_date} "
        "({days_overdue} days ago), and the authority's whole response time has passed again "
        "since then.\n\n"
        "Consider calling the authority, recalling the case to forward it elsewhere, or "
        "closing it as unanswered:\n{admin_link}\n\n" + SIGNATURE,
    ),
    ("supervisor_overdue", "sw"): (
        "Imechelewa mara mbili: kesi {reference} kwa {authority}",
        "Kesi {reference} imechelewa mara mbili kwa {authority}: jibu lilitakiwa {due_date} "
        "(siku {days_overdue} zilizopita), na muda wote wa mamlaka kujibu umepita tena tangu "
        "hapo.\n\n"
        "Fikiria kuipigia simu mamlaka, kuirudisha kesi ili kuituma kwingine, au kuifunga "
        "bila jibu:\n{admin_link}\n\n" + SIGNATURE,
    ),
}


def default_text(event, channel, language):
    """``(subject, body)`` shipped for the event, or None."""
    if channel == "sms":
        body = SMS.get((event, language)) or AUTHORITY_SMS.get((event, language))
        return ("", body) if body is not None else None
    return EMAIL.get((event, language))


def all_default_texts():
    """Every shipped text as ``(event, channel, language, subject, body)``."""
    for (event, language), body in [*SMS.items(), *AUTHORITY_SMS.items()]:
        yield event, "sms", language, "", body
    for (event, language), (subject, body) in EMAIL.items():
        yield event, "email", language, subject, body
