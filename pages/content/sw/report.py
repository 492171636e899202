"""Ripoti ya utafiti wa msingi, kwa Kiswahili (mirrors ``pages/content/report.py``)."""

from ..stream import callout, finding

TITLE = "Hali ya huduma za umma na upatikanaji wa haki nchini Kenya"
SLUG = "hali-ya-huduma-za-umma-na-upatikanaji-wa-haki"
PUBLISHERS = "Washirika wa Huduma Portal"

SUMMARY = (
    "Utafiti wa msingi uliofanywa kuisaidia Huduma Portal. Unaangalia jinsi watu nchini Kenya "
    "wanavyopata huduma za umma (afya, maji, elimu, makazi na usafi wa mazingira, chakula na "
    "hifadhi ya jamii) na upatikanaji wa haki: kama watu hulalamika huduma inapowaangusha, "
    "hupeleka malalamiko yao wapi, na kama hupata jibu. Ndio mwanzo ambao kazi ya tovuti hii "
    "itapimwa dhidi yake. Ripoti kamili itachapishwa kwenye ukurasa huu; hati iliyoambatishwa "
    "kwa sasa ni ya muda tu."
)

KEY_FINDINGS = [
    finding(
        "Kupata huduma muhimu",
        "<p>Utafiti unaangalia kama watu wanaweza kufikia na kutumia huduma za afya, maji, "
        "elimu, makazi na usafi, chakula na hifadhi ya jamii, na kinachowazuia: umbali, gharama, "
        "muda wa kusubiri na tabia ya wahudumu.</p>",
    ),
    finding(
        "Kujua haki zako",
        "<p>Unauliza kama watu wanajua haki wanazopewa na Ibara ya 43 ya Katiba, na kama "
        "wanajua waende wapi huduma inapowaangusha.</p>",
    ),
    finding(
        "Kulalamika",
        "<p>Unaangalia kama watu wenye tatizo na huduma ya umma hulalamika, kwa nani (kwa "
        "wanaotoa huduma wenyewe, kaunti, chombo cha kitaifa, tume au mahakama) na kwa nini "
        "wengine hawalalamiki.</p>",
    ),
    finding(
        "Kupata jibu",
        "<p>Unachunguza kama malalamiko hupata jibu, inachukua muda gani, na kama tatizo "
        "hutatuliwa.</p>",
    ),
    finding(
        "Upatikanaji wa haki",
        "<p>Unazingatia gharama, umbali na ugumu wa kulipeleka lalamiko mbele zaidi, na nafasi "
        "ya msaada wa kisheria na ya vyombo kama Tume ya Haki ya Kiutawala na Tume ya Kitaifa "
        "ya Haki za Binadamu ya Kenya.</p>",
    ),
    callout(
        "Matokeo yatafuata",
        "<p>Matokeo ya utafiti yataongezwa hapa ripoti kamili itakapochapishwa. Mpaka hapo "
        "ukurasa huu hautoi takwimu zozote.</p>",
    ),
]
