"""Haki nane za Ibara ya 43, kwa Kiswahili (mirrors ``pages/content/rights.py``: the same
blocks, paragraphs and list items, in the same order). ``constitutional_text`` holds the
unofficial translation of the Article, shown beside the English original."""

from dataclasses import dataclass

from ..stream import bullet_list, callout, heading, paragraph
from .complaints import complaint_steps


@dataclass(frozen=True)
class RightTranslation:
    slug: str
    title: str
    constitutional_text: str
    summary: str
    explanation: list
    what_to_expect: list
    how_to_complain: list


# Tafsiri isiyo rasmi ya Ibara ya 43. Maneno rasmi ni ya Kiingereza tu.
LEAD_IN = "Kila mtu ana haki—"
ARTICLE_43 = {
    "43(1)(a)": f"{LEAD_IN}\n(a) ya kupata kiwango cha juu kabisa cha afya kinachoweza "
    "kufikiwa, ikiwemo haki ya huduma za afya, pamoja na huduma za afya ya uzazi;",
    "43(1)(b)": f"{LEAD_IN}\n(b) ya kupata makazi yanayofikika na yanayotosheleza, na viwango "
    "vinavyofaa vya usafi wa mazingira;",
    "43(1)(c)": f"{LEAD_IN}\n(c) ya kutokuwa na njaa, na ya kupata chakula cha kutosha chenye "
    "ubora unaokubalika;",
    "43(1)(d)": f"{LEAD_IN}\n(d) ya kupata maji safi na salama kwa kiasi cha kutosha;",
    "43(1)(e)": f"{LEAD_IN}\n(e) ya hifadhi ya jamii; na",
    "43(1)(f)": f"{LEAD_IN}\n(f) ya elimu.",
    "43(2)": "Mtu hatanyimwa matibabu ya dharura.",
    "43(3)": "Serikali itatoa hifadhi ya jamii inayofaa kwa watu wasioweza kujikimu wao wenyewe "
    "na wanaowategemea.",
}

PROGRESSIVE_REALISATION = paragraph(
    "<p>Ibara ya 21(2) inaitaka Serikali kuchukua hatua za kisheria, za kisera na nyingine, "
    "ikiwemo kuweka viwango, ili haki za Ibara ya 43 zitimizwe hatua kwa hatua. Hatua kwa hatua "
    "haimaanishi kwamba ni hiari. Kwa mujibu wa Ibara ya 20(5), Serikali ikisema haina rasilimali "
    "za kutimiza haki, ni Serikali yenyewe inayopaswa kuonyesha kwamba rasilimali hizo hazipo; "
    "na inapogawa rasilimali, lazima itangulize kuwawezesha watu wengi zaidi kufurahia haki "
    "hiyo, ikizingatia hali ngumu ya makundi au watu fulani.</p>"
)

EVERY_PERSON = callout(
    "Kwa kila mtu, bila ubaguzi",
    "<p>Ibara ya 43 inazungumzia <i>kila mtu</i>. Ibara ya 27 inakataza ubaguzi kwa msingi "
    "wowote, ukiwemo rangi, jinsia, ujauzito, hali ya ndoa, hali ya afya, asili ya kikabila "
    "au ya kijamii, rangi ya ngozi, umri, ulemavu, dini, dhamiri, imani, utamaduni, mavazi, "
    "lugha au kuzaliwa.</p>",
)

PUBLIC_SERVICE_VALUES = paragraph(
    "<p>Ibara ya 232 ya Katiba inaweka maadili ya utumishi wa umma, yakiwemo kutoa huduma kwa "
    "haraka, kwa ufanisi, bila upendeleo na kwa usawa, kuwajibika kwa maamuzi ya kiutawala, na "
    "kuwapa wananchi habari sahihi kwa wakati. Ofisi nyingi za umma huweka wazi mkataba wa "
    "huduma unaoorodhesha huduma zao, gharama zake na muda zinazopaswa kuchukua: omba "
    "kuuona.</p>"
)


def _health():
    return RightTranslation(
        slug="afya",
        title="Haki ya afya",
        constitutional_text=ARTICLE_43["43(1)(a)"],
        summary=(
            "Una haki ya kupata kiwango cha juu kabisa cha afya, zikiwemo huduma za afya na za "
            "afya ya uzazi. Huduma za afya za umma lazima zikuhudumie kwa heshima na bila "
            "ubaguzi, na Serikali lazima iendelee kuziboresha."
        ),
        explanation=[
            paragraph(
                "<p>Ibara ya 43(1)(a) inampa kila mtu haki ya kupata kiwango cha juu kabisa cha "
                "afya kinachoweza kufikiwa. Haki hii inajumuisha huduma za afya, na inataja "
                "waziwazi huduma za afya ya uzazi. “Kinachoweza kufikiwa” kinakubali kwamba "
                "kinachotolewa kinategemea rasilimali za nchi, lakini kinaonyesha mwelekeo: "
                "huduma lazima ziendelee kuboreshwa, na zilizopo lazima ziwafikie watu wote kwa "
                "haki.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("Nani anahusika"),
            paragraph(
                "<p>Kwa mujibu wa Jedwali la Nne la Katiba, serikali za kaunti zinaendesha "
                "huduma za afya za kaunti, zikiwemo vituo vya afya na maduka ya dawa ya kaunti, "
                "huduma za ambulensi na uendelezaji wa huduma za afya ya msingi. Serikali ya "
                "kitaifa inahusika na sera ya afya na hospitali za kitaifa za rufaa.</p>"
            ),
            paragraph(
                "<p>Watoto wana haki yao wenyewe ya lishe bora, makazi na huduma za afya chini "
                "ya Ibara ya 53(1)(c). Matibabu ya dharura yanalindwa peke yake na Ibara ya "
                "43(2).</p>"
            ),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>Katika kituo cha afya cha umma unaweza kutarajia:</p>"
                + bullet_list(
                    "kupokelewa na kutibiwa kwa heshima, bila kujali wewe ni nani;",
                    "kuelezwa, kwa maneno unayoyaelewa, tatizo lako ni nini, matibabu gani "
                    "yanapendekezwa na yatagharimu kiasi gani, kabla hujakubali;",
                    "faragha: habari za afya yako zinawekwa siri na uchunguzi unafanyika mahali "
                    "ambapo wengine hawaoni;",
                    "kujua kituo kinatoa huduma gani, saa zake za kazi na bei zake;",
                    "kupewa rufaa kwenda kituo kingine pale kituo hiki kisipoweza kukutibu;",
                    "kupewa sababu kwa maandishi ukinyimwa huduma.",
                )
            ),
            PUBLIC_SERVICE_VALUES,
            callout(
                "Hakuna dawa au wahudumu?",
                "<p>Omba upungufu huo uandikwe, na uulize mahali pengine unapoweza kupata dawa "
                "au huduma hiyo. Upungufu unaojirudia unafaa kuripotiwa: unaonyesha mahali "
                "huduma inaposhindwa.</p>",
                tone="tip",
            ),
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>Zungumza na muuguzi au daktari msimamizi, au na msimamizi wa kituo au dawati "
                "la huduma kwa wateja; hospitali nyingi za umma zina dawati hilo. Omba lalamiko "
                "lako liandikwe, na uandike jina la mtu uliyezungumza naye.</p>"
            ),
            responsible_body=(
                "<p>Kituo kisipolitatua, iandikie idara ya afya ya kaunti yako. Kwa hospitali "
                "ya kitaifa ya rufaa, iandikie usimamizi wa hospitali na, hilo likishindikana, "
                "Wizara ya Afya.</p>"
                + bullet_list(
                    "Kuhusu mwenendo wa kikazi wa daktari au daktari wa meno: Baraza la Madaktari "
                    "na Madaktari wa Meno la Kenya.",
                    "Kuhusu muuguzi: Baraza la Wauguzi la Kenya.",
                    "Kuhusu bima ya afya ya umma au madai yake: Mamlaka ya Afya ya Jamii (SHA).",
                )
            ),
        ),
    )


def _housing_and_sanitation():
    return RightTranslation(
        slug="makazi-na-usafi",
        title="Haki ya makazi na usafi wa mazingira",
        constitutional_text=ARTICLE_43["43(1)(b)"],
        summary=(
            "Una haki ya makazi yanayofikika na yanayotosheleza, na ya viwango vinavyofaa vya "
            "usafi wa mazingira: mahali salama pa kuishi, ulinzi dhidi ya kufukuzwa kinyume cha "
            "sheria, na vyoo, mifereji ya maji taka na ukusanyaji wa taka vinavyolinda afya yako."
        ),
        explanation=[
            paragraph(
                "<p>Ibara ya 43(1)(b) inaunganisha haki mbili: makazi yanayotosheleza na "
                "viwango vinavyofaa vya usafi wa mazingira. Kenya imeridhia Mkataba wa "
                "Kimataifa wa Haki za Kiuchumi, Kijamii na Kiutamaduni, na kwa mujibu wa Ibara "
                "ya 2(6) ya Katiba mkataba ambao Kenya imeridhia ni sehemu ya sheria za Kenya. "
                "Chini ya Mkataba huo, makazi yanayotosheleza ni zaidi ya paa: ni pamoja na "
                "uhakika wa kisheria wa kukaa; huduma kama maji, usafi na nishati; gharama "
                "inayobebeka; nyumba inayofaa kuishi; kufikika kwa kila mtu, wakiwemo watu "
                "wenye ulemavu; mahali penye njia ya kufika kazini, shuleni na kwenye huduma za "
                "afya; na kuheshimu utamaduni.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("Nani anahusika"),
            paragraph(
                "<p>Sera ya makazi ni jukumu la serikali ya kitaifa; mipango na maendeleo ya "
                "kaunti, ikiwemo makazi, ni jukumu la kaunti. Kaunti pia zinahusika na "
                "uondoaji wa taka, madampo na utupaji wa taka ngumu, na huduma za maji na usafi, "
                "ambazo kwa kawaida hutolewa na kampuni za maji na maji taka.</p>"
            ),
            paragraph("<p>Watoto wana haki yao wenyewe ya makazi chini ya Ibara ya 53(1)(c).</p>"),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>Unaweza kutarajia:</p>"
                + bullet_list(
                    "taka kukusanywa katika maeneo yanayohudumiwa na kaunti, na madampo ya umma "
                    "kusimamiwa ili yasihatarishe watu wanaoishi karibu;",
                    "vyoo vya umma sokoni na mahali pengine pa umma kufanya kazi na kuwa safi;",
                    "mifereji ya maji taka iliyoziba au inayofurika kurekebishwa na kampuni ya "
                    "maji na maji taka;",
                    "maafisa wa afya ya umma wa kaunti kushughulikia kero za kiafya kama vyoo "
                    "vya shimo vinavyofurika, maji taka yaliyo wazi na utupaji haramu wa taka;",
                    "nyumba za umma kugawiwa kwa utaratibu wa haki na ulio wazi.",
                )
            ),
            callout(
                "Kufukuzwa lazima kufuate sheria",
                "<p>Kumfukuza mtu lazima kufuate utaratibu uliowekwa na sheria. Sheria ya Ardhi "
                "ya 2012, kama ilivyorekebishwa mwaka 2016, inataka notisi itolewe kabla ya "
                "kufukuzwa na inaweka masharti ya jinsi ya kufanya hivyo, ili heshima na usalama "
                "wa walioathirika vilindwe.</p>",
                tone="important",
            ),
            PUBLIC_SERVICE_VALUES,
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>Kwa taka, mitaro iliyoziba au kero ya kiafya, nenda ofisi ya afya ya umma ya "
                "kaunti au kwa msimamizi wa wadi yako. Kwa mfereji wa maji taka, wasiliana na "
                "ofisi ya huduma kwa wateja ya kampuni yako ya maji na maji taka na uombe "
                "nambari ya kumbukumbu. Kwa nyumba za umma, kiandikie chombo kinachozisimamia.</p>"
            ),
            responsible_body=(
                "<p>Hakuna kinachofanyika, iandikie idara ya kaunti inayohusika na mazingira, "
                "usafi au makazi. Uchafuzi, kama maji taka yanayomwagwa mtoni au taka "
                "zinazotupwa kinyume cha sheria, unaweza pia kuripotiwa kwa Mamlaka ya Kitaifa "
                "ya Usimamizi wa Mazingira (NEMA). Matatizo na kampuni ya maji taka ambayo "
                "haiyatatui yanaweza kupelekwa kwa Bodi ya Udhibiti wa Huduma za Maji "
                "(WASREB).</p>"
            ),
            extra=[
                callout(
                    "Unatishiwa kufukuzwa?",
                    "<p>Chukua hatua haraka. Omba notisi kwa maandishi na uulize ni nani "
                    "aliyeidhinisha kufukuzwa. Wasiliana mara moja na Tume ya Kitaifa ya Haki za "
                    "Binadamu ya Kenya au mtoa msaada wa kisheria; mahakama inaweza kuzuia "
                    "kufukuzwa kusikofuata sheria.</p>",
                    tone="important",
                )
            ],
        ),
    )


def _food():
    return RightTranslation(
        slug="chakula",
        title="Haki ya chakula",
        constitutional_text=ARTICLE_43["43(1)(c)"],
        summary=(
            "Una haki ya kutokuwa na njaa na ya kupata chakula cha kutosha chenye ubora "
            "unaokubalika. Serikali lazima ifanye kazi ili chakula kipatikane kwa bei "
            "inayobebeka, iwasaidie wasioweza kujilisha, na ihakikishe chakula kinachouzwa kwa "
            "umma ni salama."
        ),
        explanation=[
            paragraph(
                "<p>Ibara ya 43(1)(c) inalinda mambo mawili: kutokuwa na njaa, ambalo ndilo la "
                "dharura zaidi, na chakula cha kutosha chenye ubora unaokubalika. Chini ya "
                "Mkataba wa Kimataifa wa Haki za Kiuchumi, Kijamii na Kiutamaduni, ambao ni "
                "sehemu ya sheria za Kenya kwa mujibu wa Ibara ya 2(6), haki ya chakula "
                "hutimizwa pale kila mwanamume, mwanamke na mtoto anapoweza wakati wote kupata "
                "chakula cha kutosha au njia za kukipata. Serikali haitarajiwi kumlisha kila "
                "mtu, lakini isiwazuie watu kujilisha, iwalinde dhidi ya wanaotaka kuwazuia, na "
                "iwasaidie wasioweza.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("Nani anahusika"),
            paragraph(
                "<p>Kilimo, ikiwemo mazao, ufugaji na uvuvi, ni jukumu la kaunti; sera ya kilimo "
                "ni ya kitaifa. Kaunti zinatoa leseni na kudhibiti biashara zinazouza chakula "
                "kwa umma. Shirika la Viwango la Kenya (KEBS) huweka na kusimamia viwango vya "
                "bidhaa, zikiwemo vyakula vilivyofungashwa. Wakati wa ukame, Mamlaka ya Kitaifa "
                "ya Kudhibiti Ukame huratibu tahadhari za mapema na hatua za kukabiliana nao "
                "pamoja na serikali ya kitaifa na za kaunti.</p>"
            ),
            paragraph(
                "<p>Watoto wana haki yao wenyewe ya lishe bora chini ya Ibara ya 53(1)(c).</p>"
            ),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>Unaweza kutarajia:</p>"
                + bullet_list(
                    "chakula na pesa za msaada wakati wa dharura kugawiwa kwa haki na kwa uwazi, "
                    "bila ubaguzi wala upendeleo wa kisiasa, kwa watu waliokusudiwa;",
                    "kuelezwa jinsi watu walivyochaguliwa kwa mpango wa msaada, na kwa nini "
                    "wewe hukuchaguliwa;",
                    "pale mpango wa chakula shuleni upo, chakula kuwafikia wanafunzi kama "
                    "ilivyopangwa;",
                    "mahali panapouza chakula kwa umma kuwa na leseni na kukaguliwa na maafisa "
                    "wa afya ya umma wa kaunti;",
                    "vyakula vilivyofungashwa kuwa na maelezo sahihi na kutopitwa na muda wake.",
                )
            ),
            PUBLIC_SERVICE_VALUES,
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>Kuhusu chakula kisicho salama, rudi kwanza dukani au hotelini. Kuhusu chakula "
                "cha msaada au mpango wa msaada, muulize afisa au kamati inayoendesha ugawaji, au "
                "chifu wako au msimamizi wa wadi, jinsi orodha ilivyoandaliwa na kwa nini "
                "uliachwa.</p>"
            ),
            responsible_body=(
                "<p>Ripoti chakula kisicho salama au biashara ya chakula isiyo safi kwa ofisi ya "
                "afya ya umma ya kaunti. Ripoti chakula kilichofungashwa chenye ubora duni kwa "
                "Shirika la Viwango la Kenya. Malalamiko kuhusu ugawaji wa msaada yanaweza "
                "kupelekwa kwa naibu kamishna wa kaunti au kwa idara ya kaunti inayoendesha "
                "mpango huo; kuhusu pembejeo za kilimo au mipango ya kusaidia wakulima, kwa "
                "idara ya kilimo ya kaunti.</p>"
            ),
            extra=[
                callout(
                    "Una njaa sasa?",
                    "<p>Omba msaada kwanza na ulalamike baadaye: chifu wako, msimamizi wa wadi "
                    "yako au ofisi ya kaunti ya kukabiliana na majanga wanaweza kukueleza msaada "
                    "uliopo.</p>",
                    tone="important",
                )
            ],
        ),
    )


def _water():
    return RightTranslation(
        slug="maji",
        title="Haki ya maji",
        constitutional_text=ARTICLE_43["43(1)(d)"],
        summary=(
            "Una haki ya kupata maji safi na salama kwa kiasi cha kutosha. Maji ya kunywa na ya "
            "matumizi ya nyumbani lazima yawe salama, ya kutosha, yaliyo karibu na kwa bei "
            "inayobebeka, na watoa huduma za maji lazima wajibu malalamiko yako."
        ),
        explanation=[
            paragraph(
                "<p>Ibara ya 43(1)(d) inampa kila mtu haki ya kupata maji safi na salama kwa "
                "kiasi cha kutosha. Chini ya Mkataba wa Kimataifa wa Haki za Kiuchumi, Kijamii "
                "na Kiutamaduni, ambao ni sehemu ya sheria za Kenya kwa mujibu wa Ibara ya 2(6), "
                "haki ya maji ni maji ya kutosha, salama, yanayokubalika, yaliyo karibu na kwa "
                "bei inayobebeka, kwa matumizi ya mtu na ya nyumbani.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("Nani anahusika"),
            paragraph(
                "<p>Huduma za maji na usafi ni jukumu la kaunti. Kwa kawaida kaunti huzitoa "
                "kupitia watoa huduma za maji, mara nyingi kampuni za maji zinazomilikiwa na "
                "kaunti. Sheria ya Maji ya 2016 inapanga sekta hii: Bodi ya Udhibiti wa Huduma za "
                "Maji (WASREB) inawadhibiti watoa huduma, inaweka viwango na kuidhinisha bei, na "
                "Mamlaka ya Rasilimali za Maji inasimamia vyanzo vya maji kama mito, maziwa na "
                "maji ya chini ya ardhi.</p>"
            ),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>Kutoka kwa mtoa huduma wako wa maji unaweza kutarajia:</p>"
                + bullet_list(
                    "maji yaliyo salama kunywa;",
                    "taarifa kabla ya kukatizwa kwa maji kulikopangwa, na ratiba za mgao "
                    "zilizotangazwa;",
                    "bili zinazotokana na usomaji halisi wa mita, zenye gharama unazoweza "
                    "kuzielewa na kuzilinganisha na bei iliyoidhinishwa;",
                    "vituo vya maji vya umma na vibanda vya maji kutoza bei iliyoidhinishwa;",
                    "kuelezwa sababu maji yako yakikatwa, na jinsi ya kuyarudisha;",
                    "nambari ya kumbukumbu ya lalamiko lako, na jibu ndani ya muda ambao mtoa "
                    "huduma ametangaza.",
                )
            ),
            PUBLIC_SERVICE_VALUES,
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>Wasiliana na ofisi ya huduma kwa wateja ya mtoa huduma wako wa maji, kwa "
                "maandishi ikiwezekana, na uombe nambari ya kumbukumbu. Eleza tatizo: hakuna "
                "maji, maji machafu, bili isiyo sahihi, bomba linalovuja, au kukatiwa maji.</p>"
            ),
            responsible_body=(
                "<p>Mtoa huduma asipotatua lalamiko lako, lipeleke kwa Bodi ya Udhibiti wa "
                "Huduma za Maji (WASREB), inayoshughulikia malalamiko ambayo watoa huduma "
                "hawajayatatua. Unaweza pia kuiandikia idara ya maji ya kaunti yako. Uchafuzi wa "
                "chanzo cha maji unaweza kuripotiwa kwa Mamlaka ya Kitaifa ya Usimamizi wa "
                "Mazingira (NEMA), na matatizo ya mito, visima au matumizi ya rasilimali za maji "
                "kwa Mamlaka ya Rasilimali za Maji.</p>"
            ),
        ),
    )


def _social_security():
    return RightTranslation(
        slug="hifadhi-ya-jamii",
        title="Haki ya hifadhi ya jamii",
        constitutional_text=ARTICLE_43["43(1)(e)"],
        summary=(
            "Una haki ya hifadhi ya jamii: kulindwa pale usipoweza kujipatia kipato, kwa mfano "
            "uzeeni, ukiwa mgonjwa, ukiwa na ulemavu, baada ya kuumia kazini au baada ya kumpoteza "
            "anayetegemewa, kupitia mifuko ya michango kama NSSF na kupitia msaada unaolipwa na "
            "Serikali."
        ),
        explanation=[
            paragraph(
                "<p>Ibara ya 43(1)(e) inampa kila mtu haki ya hifadhi ya jamii. Chini ya Mkataba "
                "wa Kimataifa wa Haki za Kiuchumi, Kijamii na Kiutamaduni, ambao ni sehemu ya "
                "sheria za Kenya kwa mujibu wa Ibara ya 2(6), hifadhi ya jamii inahusu huduma za "
                "afya, ugonjwa, uzee, ukosefu wa ajira, majeraha kazini, msaada kwa familia na "
                "watoto, uzazi, ulemavu, na msaada kwa wajane, wagane na yatima.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("Inavyofanya kazi Kenya"),
            paragraph(
                bullet_list(
                    "<b>Mifuko ya michango.</b> Waajiri huwasajili wafanyakazi wao na Mfuko wa "
                    "Kitaifa wa Hifadhi ya Jamii (NSSF), hukata mchango wa mfanyakazi na kuulipa "
                    "pamoja na mchango wao wenyewe. Mipango mingine ya mafao ya kustaafu, kama "
                    "mipango ya pensheni ya waajiri, inadhibitiwa na Mamlaka ya Mafao ya "
                    "Kustaafu.",
                    "<b>Majeraha kazini.</b> Wafanyakazi wanaoumia kazini, au wanaougua kwa "
                    "sababu ya kazi yao, hulipwa fidia chini ya Sheria ya Mafao ya Majeraha "
                    "Kazini ya 2007.",
                    "<b>Msaada unaolipwa na Serikali.</b> Kwa watu wasioweza kujikimu, Ibara ya "
                    "43(3) inaongeza wajibu kwa Serikali; soma ukurasa wa haki hiyo.",
                )
            ),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>Unaweza kutarajia:</p>"
                + bullet_list(
                    "ukiwa umeajiriwa, mwajiri wako akusajili na NSSF na alipe kila mchango "
                    "anaokata kwenye mshahara wako;",
                    "kupata taarifa ya michango yako kutoka NSSF au mpango wako ukiiomba;",
                    "madai ya mafao kushughulikiwa kwa muda unaofaa, na kupewa sababu kwa "
                    "maandishi yakikataliwa;",
                    "ukiumia kazini, mwajiri wako aripoti jeraha hilo ili dai lako la fidia "
                    "liweze kutathminiwa.",
                )
            ),
            PUBLIC_SERVICE_VALUES,
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>Kama michango haionekani kwenye taarifa yako, uliza kwanza ofisi ya mishahara "
                "ya mwajiri wako, kwa maandishi. Kuhusu dai, nenda tawi la NSSF au mpango "
                "unaolishughulikia na uombe nambari ya kumbukumbu.</p>"
            ),
            responsible_body=(
                bullet_list(
                    "Mwajiri anayekata michango lakini haipeleki: ripoti kwa NSSF na kwa ofisi "
                    "ya kazi ya Wizara inayohusika na kazi katika kaunti yako.",
                    "Dai ambalo NSSF haijalitatua: iandikie ofisi kuu ya NSSF.",
                    "Tatizo la pensheni au mpango mwingine wa mafao ya kustaafu ambalo mpango "
                    "huo haujalitatua: Mamlaka ya Mafao ya Kustaafu.",
                    "Dai la fidia ya jeraha kazini: Kurugenzi ya Huduma za Usalama na Afya Kazini.",
                )
            ),
        ),
    )


def _education():
    return RightTranslation(
        slug="elimu",
        title="Haki ya elimu",
        constitutional_text=ARTICLE_43["43(1)(f)"],
        summary=(
            "Una haki ya elimu. Kila mtoto ana haki ya elimu ya msingi ya bure na ya lazima, "
            "shule za umma hazipaswi kutoza karo ya masomo kwa elimu hiyo, na shule lazima "
            "ziwaweke wanafunzi salama na kuwaheshimu."
        ),
        explanation=[
            paragraph(
                "<p>Ibara ya 43(1)(f) inampa kila mtu haki ya elimu. Ibara ya 53(1)(b) inaongeza "
                "kwamba kila mtoto ana haki ya elimu ya msingi ya bure na ya lazima, na Ibara ya "
                "55 inaitaka Serikali kuchukua hatua, zikiwemo za upendeleo maalum, ili vijana "
                "wapate elimu na mafunzo yanayofaa. Ibara ya 54 inalinda haki ya watu wenye "
                "ulemavu kufikia taasisi na vifaa vya elimu.</p>"
            ),
            paragraph(
                "<p>Sheria ya Elimu ya Msingi ya 2013 inaweka haki hizi katika sheria. Miongoni "
                "mwa mambo mengine, inakataza shule za umma kutoza karo ya masomo kwa elimu ya "
                "msingi, na inakataza adhabu au mateso ya kikatili, ya kinyama au ya kudhalilisha "
                "kwa wanafunzi, ziwe za mwili au za kisaikolojia.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("Nani anahusika"),
            paragraph(
                "<p>Kwa mujibu wa Jedwali la Nne, serikali ya kitaifa inahusika na sera ya elimu, "
                "viwango, mitaala na mitihani, na shule za msingi na sekondari, elimu maalum, "
                "vyuo na vyuo vikuu. Serikali za kaunti zinahusika na elimu ya chekechea, vyuo "
                "vya ufundi vya vijijini, vituo vya mafunzo ya nyumbani na vituo vya kulea "
                "watoto. Walimu wa shule za umma wanaajiriwa na Tume ya Huduma za Walimu.</p>"
            ),
            heading("Elimu na ajira ya watoto"),
            paragraph(
                "<p>Kazi inayomzuia mtoto kwenda shule inamnyima haki hii. Ibara ya 53(1)(d) "
                "inamlinda kila mtoto dhidi ya kazi hatari au za unyonyaji. Mkataba wa ILO wa "
                "Umri wa Chini wa Kuajiriwa (C138) unaunganisha umri wa chini wa kufanya kazi na "
                "mwisho wa masomo ya lazima, na Mkataba wa Aina Mbaya Zaidi za Ajira ya Watoto "
                "(C182) unataka watoto wanaoondolewa katika aina hizo za ajira wapate elimu ya "
                "msingi ya bure. Kenya imeridhia mikataba yote miwili.</p>"
            ),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>Unaweza kutarajia:</p>"
                + bullet_list(
                    "mtoto wako kupokelewa katika shule ya umma bila kulipa karo ya masomo kwa "
                    "elimu ya msingi;",
                    "kupewa sababu kwa maandishi mtoto akinyimwa nafasi, au akirudishwa nyumbani;",
                    "wanafunzi kuwekwa salama, na kamwe wasipigwe, wasidhalilishwe wala "
                    "wasitishiwe kama adhabu;",
                    "wanafunzi wenye ulemavu kuweza kufika na kutumia shule, wakipata msaada "
                    "wanaouhitaji;",
                    "wasichana wanaopata ujauzito kuweza kuendelea na masomo yao;",
                    "Bodi ya Usimamizi ya shule kuwaeleza wazazi jinsi pesa za shule, zikiwemo "
                    "ruzuku za serikali, zinavyotumika.",
                )
            ),
            PUBLIC_SERVICE_VALUES,
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>Anza na mwalimu wa darasa, kisha mwalimu mkuu. Hilo likishindikana, iandikie "
                "Bodi ya Usimamizi ya shule; chama cha wazazi kinaweza kukusaidia kulifikisha.</p>"
            ),
            responsible_body=(
                bullet_list(
                    "Kuhusu shule ya umma ya msingi au sekondari: mkurugenzi wa elimu wa kaunti "
                    "ndogo au wa kaunti wa Wizara ya Elimu.",
                    "Kuhusu mwenendo wa mwalimu: Tume ya Huduma za Walimu, kupitia ofisi yake ya "
                    "kaunti.",
                    "Kuhusu elimu ya chekechea, kituo cha mafunzo ya ufundi au kituo cha kulea "
                    "watoto: idara ya elimu ya serikali ya kaunti.",
                    "Kuhusu chuo kikuu: chuo chenyewe kwanza, kisha Tume ya Elimu ya Vyuo Vikuu.",
                )
            ),
            extra=[
                callout(
                    "Mtoto anadhuriwa",
                    "<p>Mtoto akinyanyaswa, au akizuiwa kwenda shule ili afanye kazi, mjulishe "
                    "afisa wa watoto wa kaunti ndogo yako au polisi. Usisubiri lalamiko "
                    "litatuliwe.</p>",
                    tone="important",
                )
            ],
        ),
    )


def _emergency_medical_treatment():
    return RightTranslation(
        slug="matibabu-ya-dharura",
        title="Matibabu ya dharura",
        constitutional_text=ARTICLE_43["43(2)"],
        summary=(
            "Hakuna mtu anayepaswa kunyimwa matibabu ya dharura. Kituo cha afya kinachokutana na "
            "dharura lazima kitoe huduma inayohitajika kumtuliza mgonjwa au kupanga rufaa. Katiba "
            "haiweki sharti la kulipa kwanza ili kupata haki hii."
        ),
        explanation=[
            paragraph(
                "<p>Ibara ya 43(2) ni mojawapo ya haki zilizo wazi zaidi katika Katiba: mtu "
                "hatanyimwa matibabu ya dharura. Kwa mujibu wa Ibara ya 20(1), Sheria ya Haki za "
                "Binadamu inazifunga asasi zote za Serikali na watu wote, kwa hiyo haki hii "
                "inahusu hospitali na kliniki za binafsi pamoja na za umma.</p>"
            ),
            paragraph(
                "<p>Sheria ya Afya ya 2017 inarudia haki ya matibabu ya dharura na kueleza "
                "inachojumuisha: huduma kabla ya kufika hospitalini, kutuliza hali ya mgonjwa, "
                "na kupanga rufaa pale kituo cha kwanza kisipoweza kumtuliza chenyewe.</p>"
            ),
            paragraph(
                "<p>Haki hii haitegemei malipo. Kituo kinaweza kudai malipo ya matibabu, lakini "
                "kumfukuza mtu wakati wa dharura kwa sababu hawezi kulipa amana ni kumnyima "
                "matibabu ya dharura.</p>"
            ),
            heading("Nani anahusika"),
            paragraph(
                "<p>Kila kituo cha afya kinachoweza kusaidia. Huduma za ambulensi ni jukumu la "
                "kaunti kwa mujibu wa Jedwali la Nne.</p>"
            ),
        ],
        what_to_expect=[
            paragraph(
                "<p>Wakati wa dharura unaweza kutarajia:</p>"
                + bullet_list(
                    "kuhudumiwa haraka, kabla ya maswali yoyote kuhusu malipo;",
                    "matibabu ya kutuliza hali yako;",
                    "kituo kisipoweza kukutuliza, kupewa rufaa kwenda kinachoweza, na kusaidiwa "
                    "kusafirishwa huko;",
                    "kumbukumbu ya matibabu uliyopewa.",
                )
            ),
            callout(
                "Pata huduma kwanza",
                "<p>Wakati wa dharura, nenda kituo cha afya kilicho karibu zaidi. Lalamika "
                "baadaye.</p>",
                tone="important",
            ),
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>Ukikataliwa, omba kumwona msimamizi mara moja na useme kwamba Katiba "
                "inakataza kumnyima mtu matibabu ya dharura. Baadaye, andika saa, majina au vyeo "
                "vya wahudumu waliohusika na walichosema, na ulalamike kwa maandishi kwa "
                "usimamizi wa kituo.</p>"
            ),
            responsible_body=(
                "<p>Kwa kituo cha umma, iandikie idara ya afya ya kaunti yako; kwa hospitali ya "
                "kitaifa ya rufaa, usimamizi wake na Wizara ya Afya. Kuhusu mwenendo wa daktari "
                "au daktari wa meno, lalamika kwa Baraza la Madaktari na Madaktari wa Meno la "
                "Kenya; kuhusu muuguzi, kwa Baraza la Wauguzi la Kenya.</p>"
            ),
        ),
    )


def _social_security_for_those_unable_to_support_themselves():
    return RightTranslation(
        slug="msaada-kwa-wasioweza-kujikimu",
        title="Msaada kwa watu wasioweza kujikimu",
        constitutional_text=ARTICLE_43["43(3)"],
        summary=(
            "Serikali lazima itoe hifadhi ya jamii inayofaa kwa watu wasioweza kujikimu wao "
            "wenyewe na wanaowategemea. Mipango ya msaada lazima iendeshwe kwa haki na kwa "
            "uwazi, na wanaokataliwa lazima waelezwe sababu."
        ),
        explanation=[
            paragraph(
                "<p>Ibara ya 43(3) inaweka wajibu kwa Serikali: kutoa hifadhi ya jamii inayofaa "
                "kwa watu wasioweza kujikimu wao wenyewe na wanaowategemea. Inafanya kazi pamoja "
                "na haki nyingine za Sheria ya Haki za Binadamu: Ibara ya 57 kuhusu wazee, "
                "walio na haki ya kupata matunzo na msaada unaofaa kutoka kwa familia zao na "
                "Serikali; Ibara ya 54 kuhusu watu wenye ulemavu; na Ibara ya 53 kuhusu "
                "watoto.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("Inavyofanya kazi Kenya"),
            paragraph(
                "<p>Serikali ya kitaifa inaendesha mipango ya kutoa pesa taslimu, inayojulikana "
                "kwa pamoja kama Inua Jamii, kwa wazee, kwa yatima na watoto walio katika hali "
                "ngumu, na kwa watu wenye ulemavu mkubwa. Masharti ya kustahili na jinsi watu "
                "wanavyosajiliwa huwekwa na kila mpango; uliza ofisi ya maendeleo ya jamii au ya "
                "huduma za watoto iliyo karibu nawe ni yapi yanakuhusu.</p>"
            ),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>Unaweza kutarajia:</p>"
                + bullet_list(
                    "habari zilizo wazi kuhusu nani anastahili na jinsi ya kuomba;",
                    "usajili na uchaguzi bila hongo na bila upendeleo wa kisiasa au wa aina "
                    "nyingine yoyote;",
                    "malipo kwa ratiba iliyotangazwa, kupitia njia ya malipo ambayo mpango "
                    "umekueleza;",
                    "kujulishwa mapema kuhusu mabadiliko yanayokuhusu;",
                    "kupewa sababu kwa maandishi ukikataliwa au ukiondolewa kwenye mpango, na "
                    "njia ya kupinga uamuzi huo;",
                    "habari zako binafsi kulindwa.",
                )
            ),
            PUBLIC_SERVICE_VALUES,
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>Nenda ofisi ya maendeleo ya jamii ya kaunti ndogo au, kwa mpango wa yatima "
                "na watoto walio katika hali ngumu, kwa afisa wa watoto wa kaunti ndogo. Omba "
                "lalamiko lako liandikwe katika utaratibu wa malalamiko wa mpango huo.</p>"
            ),
            responsible_body=(
                "<p>Lisipotatuliwa, iandikie Idara ya Serikali inayohusika na hifadhi ya jamii, "
                "inayoendesha mipango ya kutoa pesa taslimu. Ukiombwa pesa ili usajiliwe au "
                "ulipwe, ripoti kwa Tume ya Maadili na Kupambana na Ufisadi.</p>"
            ),
        ),
    )


def all_rights():
    """Haki nane, kwa mpangilio wa Ibara ya 43 (as ``rights.all_rights()``)."""
    return [
        _health(),
        _housing_and_sanitation(),
        _food(),
        _water(),
        _social_security(),
        _education(),
        _emergency_medical_treatment(),
        _social_security_for_those_unable_to_support_themselves(),
    ]
