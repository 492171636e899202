"""One citizen's data everywhere the portal keeps it: two cases (web and SMS), their
timelines and evidence, the messages sent to them, their inbound SMS, a USSD session and a
voice call."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from cases import actions
from cases.rules import Actor
from intake.gateways.sms import receive_sms
from intake.models import UssdSession, VoiceCall
from tests.factories import AuthorityFactory, make_case, supervisor

NAME = "Achieng Otieno"
PHONE = "+254712345678"
EMAIL = "achieng.otieno@example.org"
HOUSE = "blue gate behind the chief's camp"
SECRETS = ["Achieng", "Otieno", "712345678", "712 345 678", EMAIL, HOUSE]


def build():
    """The citizen's data; returns (supervisor, web case, SMS case, evidence path)."""
    boss = supervisor("dpo")
    water = AuthorityFactory(name="Kisumu Water")
    web = make_case(
        complainant_name=NAME,
        complainant_phone="0712 345 678",
        complainant_email=EMAIL,
        description=f"No water for three weeks at the {HOUSE}. Call Achieng on 0712 345 678.",
        location=f"Kisumu, {HOUSE}",
        consent_to_publish=True,
    )
    actions.add_note(case=web, text=f"I am Achieng, at the {HOUSE}.", by=Actor.citizen())
    attachment = actions.add_attachment(
        case=web,
        file=ContentFile(b"%PDF-1.4 evidence", name="letter.pdf"),
        content_type="application/pdf",
        original_name="achieng-letter.pdf",
        by=Actor.citizen(),
    )
    web = actions.forward_case(
        case=web, authority=water, by=boss, note="Achieng Otieno reported it; ring 0712345678."
    )
    web = actions.respond_to_case(
        case=web, response="We visited Mama Achieng and fixed it.", by=boss
    )
    web = actions.close_case(case=web, outcome="resolved", by=boss)
    receive_sms(gateway_id="at-1", sender=PHONE, recipient="22384", text="Hakuna maji Kisumu")
    UssdSession.objects.create(session_id="ussd-1", phone_number=PHONE, last_text="1*2")
    VoiceCall.objects.create(
        session_id="voice-1", caller_number=PHONE, steps=[{"digits": "1"}, {"digits": "2"}]
    )
    sms_case = web.__class__.objects.exclude(pk=web.pk).get(complainant_phone=PHONE)
    return boss, web, sms_case, attachment.file.path


def closed_days_ago(case, days):
    moment = timezone.now() - datetime.timedelta(days=days)
    case.__class__.objects.filter(pk=case.pk).update(closed_at=moment)
