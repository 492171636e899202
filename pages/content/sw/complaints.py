"""Njia ya kulalamika, ya kila haki (mirrors ``pages/content/complaints.py``)."""

from django.urls import reverse
from django.utils import translation

from ..stream import callout, heading, paragraph

KEEP_A_RECORD = callout(
    "Kabla ya kuanza: weka kumbukumbu",
    "<p>Andika tarehe, mahali, na majina au vyeo vya watu uliozungumza nao na walichosema. "
    "Weka nakala za risiti, barua, jumbe na picha. Ukinyimwa huduma, omba sababu kwa "
    "maandishi: Ibara ya 47 ya Katiba inampa kila mtu ambaye haki zake zimeathiriwa na uamuzi "
    "wa kiutawala haki ya kupewa sababu za uamuzi huo kwa maandishi.</p>",
    tone="tip",
)

COMMISSION_ON_ADMINISTRATIVE_JUSTICE = paragraph(
    "<p>Tume ya Haki ya Kiutawala, inayojulikana pia kama Ofisi ya Ombudsman, ni tume huru ya "
    "kikatiba. Inashughulikia malalamiko kuhusu ofisi za umma na maafisa wa umma: matumizi "
    "mabaya ya mamlaka, kutendewa isivyo haki, dhuluma za wazi, na mwenendo usio halali, wa "
    "kukandamiza au usiojali, kama kuchelewa kwa muda mrefu au barua zisizojibiwa kamwe. Pia "
    "inasimamia haki ya kupata habari zilizo mikononi mwa mashirika ya umma. Ieleze Tume ni "
    "ofisi gani inahusika, nini kilitokea, umeshafanya nini, na uitumie nakala za kumbukumbu "
    "zako.</p>"
)

HUMAN_RIGHTS_COMMISSION = paragraph(
    "<p>Tume ya Kitaifa ya Haki za Binadamu ya Kenya ndiyo taasisi huru ya kitaifa ya haki za "
    "binadamu. Inapokea malalamiko kwamba haki za binadamu zimevunjwa, zikiwemo haki za "
    "kiuchumi na kijamii za Ibara ya 43, inayachunguza na kuchukua hatua ili haki itendeke. Ni "
    "njia nzuri pale haki inaponyimwa kabisa, pale watu wengi wanapoathirika, au pale "
    "walioathirika wako katika hali ngumu zaidi.</p>"
)

GOING_FURTHER = callout(
    "Njia nyingine",
    "<p>Kwa mujibu wa Ibara ya 22 ya Katiba, kila mtu ana haki ya kwenda mahakamani akidai "
    "kwamba haki iliyo katika Sheria ya Haki za Binadamu imenyimwa, imevunjwa, imekiukwa au iko "
    "hatarini. Kama huwezi kulipia wakili, Huduma ya Kitaifa ya Msaada wa Kisheria inaweza "
    "kukusaidia.</p><p>Mtu akikuomba hongo kabla ya kukuhudumia, unaweza kuripoti kwa Tume ya "
    "Maadili na Kupambana na Ufisadi.</p>",
)


def portal_step():
    with translation.override("sw"):
        report_url = reverse("report_problem")
    return paragraph(
        f'<p>Unaweza <a href="{report_url}">kuripoti tatizo kupitia tovuti hii</a>, ukitaja '
        "jina lako au bila kulitaja. Maafisa wa kesi husoma ripoti, wanaweza kukusaidia kupata "
        "chombo sahihi cha kupelekea lalamiko lako, na hutumia ripoti kuonyesha mahali huduma "
        "za umma zinaposhindwa. Jina lako hupewa mamlaka inayohusika tu ukikubali.</p>"
    )


def complaint_steps(service, responsible_body, extra=()):
    """Mfululizo mzima wa "jinsi ya kulalamika" kwa haki moja."""
    return [
        KEEP_A_RECORD,
        heading("Hatua ya 1: lieleze kwa wanaotoa huduma"),
        paragraph(service),
        heading("Hatua ya 2: lipeleke kwa chombo cha kaunti au cha kitaifa kinachohusika"),
        paragraph(responsible_body),
        heading("Hatua ya 3: Tume ya Haki ya Kiutawala (Ofisi ya Ombudsman)"),
        COMMISSION_ON_ADMINISTRATIVE_JUSTICE,
        heading("Hatua ya 4: Tume ya Kitaifa ya Haki za Binadamu ya Kenya"),
        HUMAN_RIGHTS_COMMISSION,
        heading("Hatua ya 5: liripoti kupitia tovuti hii"),
        portal_step(),
        *extra,
        GOING_FURTHER,
    ]
