"""The acknowledgement e-mail says how long the tracking link and access code work after the
case closes. Only templates still holding the text shipped before are changed."""

from django.db import migrations

# language: (old body, new body) of the "case_received" e-mail
CHANGES = {
    "en": (
        "Thank you for telling us about this problem.\n\nReference: {reference}\nAccess code: {access_code}\n\nKeep the access code to yourself: with the reference it opens your case on the tracking page. You can also check the status by sending an SMS with the words STATUS {reference} from the phone number you gave us.\n\nA case worker will now read your report and send it to the authority that can act on it. We will write to you when that happens.\n\nFollow your case, add information or withdraw it here:\n{tracking_link}\n\nHuduma Portal",
        "Thank you for telling us about this problem.\n\nReference: {reference}\nAccess code: {access_code}\n\nKeep the access code to yourself: with the reference it opens your case on the tracking page. You can also check the status by sending an SMS with the words STATUS {reference} from the phone number you gave us.\n\nA case worker will now read your report and send it to the authority that can act on it. We will write to you when that happens.\n\nThe tracking link and the access code work until {tracking_access} after your case is closed.\n\nFollow your case, add information or withdraw it here:\n{tracking_link}\n\nHuduma Portal",
    ),
    "sw": (
        "Asante kwa kutueleza kuhusu tatizo hili.\n\nNambari ya kumbukumbu: {reference}\nNambari ya siri: {access_code}\n\nUsimpe mtu mwingine nambari ya siri: pamoja na nambari ya kumbukumbu inafungua kesi yako kwenye ukurasa wa kufuatilia. Unaweza pia kuangalia hali kwa kutuma SMS yenye maneno HALI {reference} kutoka nambari ya simu uliyotupa.\n\nAfisa wa kesi atasoma ripoti yako na kuituma kwa mamlaka inayoweza kuishughulikia. Tutakuandikia hilo likitokea.\n\nFuatilia kesi yako, ongeza maelezo au uiondoe hapa:\n{tracking_link}\n\nHuduma Portal",
        "Asante kwa kutueleza kuhusu tatizo hili.\n\nNambari ya kumbukumbu: {reference}\nNambari ya siri: {access_code}\n\nUsimpe mtu mwingine nambari ya siri: pamoja na nambari ya kumbukumbu inafungua kesi yako kwenye ukurasa wa kufuatilia. Unaweza pia kuangalia hali kwa kutuma SMS yenye maneno HALI {reference} kutoka nambari ya simu uliyotupa.\n\nAfisa wa kesi atasoma ripoti yako na kuituma kwa mamlaka inayoweza kuishughulikia. Tutakuandikia hilo likitokea.\n\nKiungo cha kufuatilia na nambari ya siri vitafanya kazi hadi {tracking_access} baada ya kesi yako kufungwa.\n\nFuatilia kesi yako, ongeza maelezo au uiondoe hapa:\n{tracking_link}\n\nHuduma Portal",
    ),
}


def _apply(apps, direction):
    MessageTemplate = apps.get_model("notify", "MessageTemplate")
    for language, bodies in CHANGES.items():
        old, new = bodies[::direction]
        MessageTemplate.objects.filter(
            event="case_received", channel="email", language=language, body=old
        ).update(body=new)


def forwards(apps, schema_editor):
    _apply(apps, 1)


def backwards(apps, schema_editor):
    _apply(apps, -1)


class Migration(migrations.Migration):
    dependencies = [("notify", "0006_kiswahili_texts_to_the_glossary")]

    operations = [migrations.RunPython(forwards, backwards)]
