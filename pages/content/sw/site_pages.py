"""Ukurasa wa mwanzo, kurasa tatu za orodha na kurasa za kawaida, kwa Kiswahili (mirrors
``pages/content/site_pages.py``)."""

from django.urls import reverse
from django.utils import translation

from ..site_pages import StandardPageContent
from ..stream import bullet_list, callout, heading, paragraph

OPERATOR_PLACEHOLDER = "[Kujazwa na shirika linaloendesha tovuti hii]"


def _report_url():
    with translation.override("sw"):
        return reverse("report_problem")


# --- Ukurasa wa mwanzo -------------------------------------------------------------------

HOME_SLUG = "nyumbani"
HOME_TITLE = "Huduma Portal"
HOME_HERO_TITLE = "Jua haki zako. Ripoti huduma za umma zinapokuangusha."
HOME_HERO_TEXT = (
    "Ibara ya 43 ya Katiba ya Kenya inampa kila mtu haki ya afya, makazi na usafi wa "
    "mazingira, chakula, maji, hifadhi ya jamii na elimu. Jua unachoweza kutarajia kutoka kwa "
    "huduma za umma na jinsi ya kulalamika, na uripoti tatizo, ukitaja jina lako au bila "
    "kulitaja."
)
HOME_REPORT_CTA = "Ripoti tatizo la huduma ya umma"


def home_body():
    report_url = _report_url()
    return [
        heading("Unachoweza kufanya hapa", level="h2"),
        paragraph(
            bullet_list(
                "<b>Jua haki zako.</b> Soma maana ya kila haki ya Ibara ya 43, unachoweza "
                "kutarajia kutoka kwa huduma, na jinsi ya kulalamika.",
                "<b>Jua haki zako kazini.</b> Soma kuhusu mikataba ya ILO juu ya uhuru wa "
                "kujumuika, malipo sawa, kazi za kulazimishwa, ubaguzi na ajira ya watoto.",
                f'<b>Ripoti tatizo.</b> <a href="{report_url}">Tueleze</a> huduma ya umma '
                "inapokuangusha. Unaweza kuripoti bila kutaja jina lako.",
                "<b>Soma ripoti.</b> Ona tafiti na ripoti zinasema nini kuhusu huduma za umma "
                "na upatikanaji wa haki nchini Kenya.",
            )
        ),
    ]


# --- Kurasa za orodha --------------------------------------------------------------------

RIGHTS_INDEX_SLUG = "haki"
RIGHTS_INDEX_TITLE = "Haki zako"
RIGHTS_INDEX_INTRO = (
    "<p>Ibara ya 43 ya Katiba ya Kenya ya 2010, “Haki za kiuchumi na kijamii”, inaweka haki "
    "ambazo ni za kila mtu: afya, makazi na usafi wa mazingira, chakula, maji, hifadhi ya jamii "
    "na elimu, matibabu ya dharura, na msaada kwa watu wasioweza kujikimu. Kila ukurasa "
    "unanukuu Katiba, unaeleza haki kwa lugha rahisi, na unasema unachoweza kutarajia kutoka "
    "kwa huduma na jinsi ya kulalamika inapokuangusha.</p>"
)

CONVENTIONS_INDEX_SLUG = "mikataba"
CONVENTIONS_INDEX_TITLE = "Haki za wafanyakazi: mikataba ya ILO"
CONVENTIONS_INDEX_INTRO = (
    "<p>Shirika la Kazi Duniani (ILO) linachukulia baadhi ya mikataba yake kuwa kanuni na haki "
    "za msingi kazini. Kurasa hizi zinaeleza saba kati yake, kuhusu uhuru wa kujumuika, "
    "majadiliano ya pamoja, malipo sawa, kazi za kulazimishwa, ubaguzi na ajira ya watoto, na "
    "zinasema kama Kenya imeridhia kila mmoja. Kwa mujibu wa Ibara ya 2(6) ya Katiba, mkataba "
    "ulioridhiwa na Kenya ni sehemu ya sheria za Kenya.</p>"
)

REPORTS_INDEX_SLUG = "ripoti"
REPORTS_INDEX_TITLE = "Ripoti"
REPORTS_INDEX_INTRO = (
    "<p>Tafiti na ripoti kuhusu huduma za umma na upatikanaji wa haki nchini Kenya, "
    "zinazochapishwa na tovuti hii na washirika wake.</p>"
)


# --- Kurasa za kawaida -------------------------------------------------------------------


def about_page():
    report_url = _report_url()
    return StandardPageContent(
        slug="kuhusu",
        title="Kuhusu Huduma",
        show_in_menus=True,
        intro=(
            "Huduma Portal inaeleza haki za kiuchumi na kijamii za Ibara ya 43 ya Katiba ya "
            "Kenya ya 2010, na inawawezesha watu kuripoti matatizo ya huduma za umma."
        ),
        body=[
            heading("Tovuti inafanya nini", level="h2"),
            paragraph(
                bullet_list(
                    "Inaeleza, kwa lugha rahisi, haki za afya, makazi na usafi wa mazingira, "
                    "chakula, maji, hifadhi ya jamii na elimu, kile watu wanachoweza kutarajia "
                    "kutoka kwa huduma za umma, na jinsi ya kulalamika.",
                    "Inaeleza mikataba ya ILO inayolinda haki za msingi za wafanyakazi.",
                    f'Inamwezesha yeyote <a href="{report_url}">kuripoti tatizo</a> la huduma ya '
                    "umma, akitaja jina lake au bila kulitaja. Maafisa wa kesi husoma ripoti na "
                    "kuwasaidia watu kuzipeleka kwa chombo kinachoweza kuchukua hatua.",
                    "Inachapisha ripoti kuhusu huduma za umma na upatikanaji wa haki.",
                )
            ),
            paragraph(
                "<p>Tovuti hii si mahakama wala ofisi ya serikali: haiwezi kuamua lalamiko wala "
                "kuiamuru huduma ichukue hatua. Inawasaidia watu kupata chombo sahihi, na "
                "inahifadhi kumbukumbu za matatizo ili yafuatiliwe na ili mwelekeo wake "
                "uonekane.</p>"
            ),
            heading("Nani anaiendesha", level="h2"),
            callout(
                "Mwendeshaji",
                f"<p>{OPERATOR_PLACEHOLDER}: jina la shirika linaloendesha tovuti hii, ni "
                "shirika la aina gani, na linafadhiliwa vipi.</p>",
                tone="important",
            ),
            heading("Programu huria", level="h2"),
            paragraph(
                "<p>Programu inayoendesha tovuti hii ni huria, imechapishwa chini ya leseni ya "
                "GNU Affero General Public License, toleo la 3 au la baadaye. Yeyote anaweza "
                "kuichunguza, kuitumia na kuiboresha; yeyote anayeendesha toleo lililobadilishwa "
                "kama huduma kwa umma lazima awape watumiaji wake msimbo wake.</p>"
            ),
        ],
    )


def contact_page(privacy_page_id):
    report_url = _report_url()
    return StandardPageContent(
        slug="mawasiliano",
        title="Wasiliana nasi",
        intro="Jinsi ya kuwasiliana na shirika linaloendesha Huduma Portal.",
        body=[
            callout(
                "Njia za mawasiliano",
                "<p>Maelezo ya mawasiliano kwenye ukurasa huu huwekwa na shirika linaloendesha "
                f"tovuti. {OPERATOR_PLACEHOLDER}: anwani ya posta, anwani ya barua pepe na saa "
                "za kazi.</p>",
                tone="important",
            ),
            heading("Kuripoti tatizo la huduma ya umma", level="h2"),
            paragraph(
                f'<p>Huhitaji kuwasiliana nasi kwanza: tumia <a href="{report_url}">fomu ya '
                "kuripoti</a>. Unaweza kuripoti ukitaja jina lako au bila kulitaja.</p>"
            ),
            heading("Data yako binafsi", level="h2"),
            paragraph(
                "<p>Kujua tunachohifadhi kukuhusu na jinsi ya kutumia haki zako, soma "
                f'<a linktype="page" id="{privacy_page_id}">taarifa ya faragha</a>.</p>'
            ),
            callout(
                "Si huduma ya dharura",
                "<p>Tovuti hii haiwezi kutuma msaada. Kama maisha au usalama wa mtu uko hatarini, "
                "wasiliana na polisi au nenda kituo cha afya kilicho karibu.</p>",
                tone="important",
            ),
        ],
    )


def privacy_page():
    return StandardPageContent(
        slug="faragha",
        title="Taarifa ya faragha",
        intro=(
            "Data binafsi ambayo Huduma Portal huhifadhi, kwa nini, na haki zako chini ya Sheria "
            "ya Ulinzi wa Data ya 2019 (Sheria Na. 24 ya 2019)."
        ),
        body=[
            callout(
                "Kujazwa kabla tovuti haijaanza kutumika",
                "<p>Jina na maelezo ya mawasiliano ya mdhibiti wa data na tarehe ya taarifa hii "
                "huwekwa na shirika linaloendesha tovuti. Kila kimoja "
                f"kimewekewa alama “{OPERATOR_PLACEHOLDER}” hapa chini.</p>",
                tone="important",
            ),
            heading("Nani anawajibika kwa data yako", level="h2"),
            paragraph(
                "<p>Mdhibiti wa data ni shirika linaloendesha tovuti hii: "
                f"{OPERATOR_PLACEHOLDER}: jina lake, anwani yake na barua pepe yake, na maelezo "
                "ya mawasiliano ya afisa wake wa ulinzi wa data kama anaye.</p>"
            ),
            heading("Tunachokusanya unaporipoti tatizo", level="h2"),
            paragraph(
                bullet_list(
                    "maelezo ya tatizo, na huduma ya umma na sekta inayohusika;",
                    "mahali lilipotokea: kaunti na mahali unapotaja;",
                    "ukichagua kuvitoa: jina lako, nambari yako ya simu na anwani yako ya barua "
                    "pepe;",
                    "faili za ushahidi unazochagua kupakia, kama picha na hati.",
                )
                + "<p>Ripoti inaweza kufichua data binafsi nyeti, kama habari za afya yako. "
                "Tunaitumia tu kushughulikia ripoti yako. Tafadhali usiweke habari za watu "
                "wengine isipokuwa zinahitajika kuelewa tatizo.</p>"
            ),
            heading("Unaweza kuripoti bila kujitambulisha", level="h2"),
            paragraph(
                "<p>Huhitaji kutoa jina lako wala njia za kuwasiliana nawe. Usipozitoa, hatuwezi "
                "kukuuliza maelezo zaidi wala kukueleza kilichotokea. Faili zinaweza kuwa na "
                "habari binafsi ndani yake, kama jina kwenye barua au habari zilizohifadhiwa "
                "ndani ya picha: zikague kabla ya kuzipakia.</p>"
            ),
            heading("Machaguo matatu tofauti", level="h2"),
            paragraph(
                "<p>Unaporipoti, tunaomba idhini tatu tofauti. Kila moja ni ya hiari, na kukataa "
                "moja hakuathiri nyingine wala jinsi ripoti yako inavyoshughulikiwa.</p>"
                "<ol>"
                "<li><b>Kuwasiliana nawe</b>: maafisa wetu wa kesi wawasiliane nawe kuhusu ripoti "
                "yako.</li>"
                "<li><b>Kutoa utambulisho wako</b> (jina lako na njia za kuwasiliana nawe) kwa "
                "mamlaka inayohusika na huduma, ili iweze kushughulikia kesi yako moja kwa "
                "moja.</li>"
                "<li><b>Kuchapisha muhtasari uliohaririwa</b> wa ripoti yako, bila jina lako na "
                "bila maelezo yanayoweza kukutambulisha.</li>"
                "</ol>"
                "<p>Unaweza kuondoa idhini yoyote wakati wowote, kama Sheria inavyoruhusu. "
                "Kuiondoa hakutengui yaliyofanywa kihalali kabla.</p>"
            ),
            heading("Kwa nini tunatumia data yako", level="h2"),
            paragraph(
                "<p>Kushughulikia ripoti yako: kuelewa tatizo, kulifuatilia na chombo kinachoweza "
                "kuchukua hatua, na, ukikubali, kuwasiliana nawe. Pia tunahesabu ripoti ili "
                "kuonyesha mahali huduma za umma zinaposhindwa; takwimu hizo hazimtambulishi mtu "
                "yeyote. Hatuuzi data yako, na hatuitumii kwa matangazo.</p>"
            ),
            heading("Nani anaona ripoti yako", level="h2"),
            paragraph(
                bullet_list(
                    "Maafisa wa kesi wa shirika linaloendesha tovuti, wanaoihitaji kushughulikia "
                    "ripoti yako.",
                    "Mamlaka inayohusika na huduma inaona wewe ni nani tu kama ulitoa idhini ya "
                    "pili.",
                    "Umma unaona muhtasari uliohaririwa, bila jina lako, tu kama ulitoa idhini "
                    "ya tatu.",
                )
                + "<p>Tunaweza pia kulazimika kutoa data pale sheria inapotaka, kwa mfano kwa "
                "amri ya mahakama.</p>"
            ),
            heading("Tunaihifadhi kwa muda gani", level="h2"),
            paragraph(
                "<p>Sheria inataka data binafsi isihifadhiwe muda mrefu zaidi ya unaohitajika kwa "
                "kusudi ilipokusanywa. Tovuti yenyewe huiondoa kila siku kwa ratiba hii:</p>"
            ),
            ("retention_schedule", None),
            heading("Haki zako", level="h2"),
            paragraph(
                "<p>Chini ya Sheria ya Ulinzi wa Data ya 2019 una haki:</p>"
                + bullet_list(
                    "ya kuelezwa jinsi data yako binafsi inavyotumika;",
                    "ya kupata data binafsi tunayohifadhi kukuhusu;",
                    "ya kupinga matumizi ya data yako binafsi yote au sehemu yake;",
                    "ya kusahihishiwa data isiyo ya kweli au inayopotosha;",
                    "ya kufutiwa data isiyo ya kweli au inayopotosha;",
                )
                + "<p>na ya kuondoa idhini yako wakati wowote. Kutumia haki hizi, wasiliana na "
                "mdhibiti wa data aliyetajwa hapo juu ukitaja nambari yako ya simu au anwani ya "
                "barua pepe. Baada ya kuthibitisha wewe ni nani, msimamizi hutafuta data yote "
                "tunayohifadhi kukuhusu na kukutumia nakala, kama faili ambalo kompyuta inaweza "
                "kusoma na kama hati unayoweza kusoma; huisahihisha; au huifuta kila mahali, "
                "zikibaki tu takwimu zisizomtambulisha mtu.</p>"
            ),
            heading("Malalamiko kwa mdhibiti", level="h2"),
            paragraph(
                "<p>Kama huridhiki na jinsi tunavyoshughulikia data yako binafsi, unaweza "
                "kulalamika kwa Ofisi ya Kamishna wa Ulinzi wa Data, mdhibiti aliyewekwa na "
                "Sheria hiyo.</p>"
            ),
            heading("Vidakuzi (cookies)", level="h2"),
            paragraph(
                bullet_list(
                    "Ukurasa huonyeshwa kwa lugha iliyo kwenye anwani yake (/sw/ kwa Kiswahili), "
                    "kwa hiyo hakuna kidakuzi cha lugha kinachohitajika.",
                    "Kidakuzi cha usalama hulinda fomu unazotuma, kama fomu ya kuripoti, dhidi "
                    "ya kughushiwa.",
                    "Wafanyakazi wanaoingia kwenye eneo la usimamizi pia hupata vidakuzi vya "
                    "kikao.",
                )
                + "<p>Hatutumii vidakuzi vya kufuatilia, vya matangazo wala vya takwimu.</p>"
            ),
            heading("Mabadiliko ya taarifa hii", level="h2"),
            paragraph(
                "<p>Tunachapisha mabadiliko yoyote ya taarifa hii kwenye ukurasa huu. Ilisasishwa "
                f"mwisho: {OPERATOR_PLACEHOLDER}.</p>"
            ),
        ],
    )
