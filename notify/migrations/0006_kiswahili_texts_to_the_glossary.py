# Kiswahili texts brought to the glossary (docs/glossary.md): "ripoti" for the citizen's
# report, "nambari ya kumbukumbu" for the reference, "lalamiko" for a complaint. Only
# templates still holding the text shipped before are changed; edited ones are left alone.
from django.db import migrations

# (event, channel, language): ((old subject, old body), (new subject, new body))
CHANGES = {
    ('case_received', 'sms', 'sw'): (
        ('', 'Huduma Portal: tumepokea malalamiko yako. Kumbukumbu {reference}, nambari ya siri {access_code}. Kuangalia hali, tuma SMS: HALI {reference}. Fuatilia hapa: {tracking_link}'),
        ('', 'Huduma Portal: tumepokea ripoti yako, nambari ya kumbukumbu {reference}. Nambari ya siri {access_code}. Kuangalia hali, tuma: HALI {reference}. Fuatilia: {tracking_link}'),
    ),
    ('case_received', 'email', 'sw'): (
        ('Tumepokea malalamiko yako {reference}', 'Asante kwa kutueleza kuhusu tatizo hili.\n\nNamba ya kumbukumbu: {reference}\nNambari ya siri: {access_code}\n\nUsimpe mtu mwingine nambari ya siri: pamoja na namba ya kumbukumbu inafungua kesi yako kwenye ukurasa wa kufuatilia. Unaweza pia kuangalia hali kwa kutuma SMS yenye maneno HALI {reference} kutoka namba ya simu uliyotupa.\n\nAfisa wa kesi atasoma malalamiko yako na kuyatuma kwa mamlaka inayoweza kuyashughulikia. Tutakuandikia hilo likitokea.\n\nFuatilia kesi yako, ongeza maelezo au uiondoe hapa:\n{tracking_link}\n\nHuduma Portal'),
        ('Tumepokea ripoti yako {reference}', 'Asante kwa kutueleza kuhusu tatizo hili.\n\nNambari ya kumbukumbu: {reference}\nNambari ya siri: {access_code}\n\nUsimpe mtu mwingine nambari ya siri: pamoja na nambari ya kumbukumbu inafungua kesi yako kwenye ukurasa wa kufuatilia. Unaweza pia kuangalia hali kwa kutuma SMS yenye maneno HALI {reference} kutoka nambari ya simu uliyotupa.\n\nAfisa wa kesi atasoma ripoti yako na kuituma kwa mamlaka inayoweza kuishughulikia. Tutakuandikia hilo likitokea.\n\nFuatilia kesi yako, ongeza maelezo au uiondoe hapa:\n{tracking_link}\n\nHuduma Portal'),
    ),
    ('authority_new_case', 'email', 'sw'): (
        ('Kesi mpya {reference}: tafadhali jibu kufikia {due_date}', 'Kwa {authority},\n\nMalalamiko ya mwananchi yametumwa kwenu kupitia Huduma Portal. Tafadhali yashughulikieni na mwandike jibu lenu kufikia {due_date}.\n\n{summary}\n\nAndikeni jibu lenu hapa (hakuna akaunti inayohitajika):\n{respond_link}\n\nKiungo hiki kinafanya kazi kwa siku 30 na kwa kesi hii pekee; tafadhali msikitume nje ya ofisi yenu. Jibu lenu litamfikia mwananchi kwa lugha yake na litaonekana kwenye historia ya umma ya kesi.\n\nHuduma Portal'),
        ('Kesi mpya {reference}: tafadhali jibu kufikia {due_date}', 'Kwa {authority},\n\nLalamiko la mwananchi limetumwa kwenu kupitia Huduma Portal. Tafadhali lishughulikieni na mwandike jibu lenu kufikia {due_date}.\n\n{summary}\n\nAndikeni jibu lenu hapa (hakuna akaunti inayohitajika):\n{respond_link}\n\nKiungo hiki kinafanya kazi kwa siku 30 na kwa kesi hii pekee; tafadhali msikitume nje ya ofisi yenu. Jibu lenu litamfikia mwananchi kwa lugha yake na litaonekana kwenye historia ya umma ya kesi.\n\nHuduma Portal'),
    ),
}


def _apply(apps, direction):
    MessageTemplate = apps.get_model("notify", "MessageTemplate")
    for (event, channel, language), texts in CHANGES.items():
        (old_subject, old_body), (new_subject, new_body) = texts[::direction]
        MessageTemplate.objects.filter(
            event=event, channel=channel, language=language, subject=old_subject, body=old_body
        ).update(subject=new_subject, body=new_body)


def forwards(apps, schema_editor):
    _apply(apps, 1)


def backwards(apps, schema_editor):
    _apply(apps, -1)


class Migration(migrations.Migration):
    dependencies = [("notify", "0005_mask_links_in_the_outbox")]

    operations = [migrations.RunPython(forwards, backwards)]
