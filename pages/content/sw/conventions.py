"""Mikataba saba ya ILO, kwa Kiswahili (mirrors ``pages/content/conventions.py``). The title
is a rendering of the ILO's official English title; the page shows both."""

from dataclasses import dataclass

from ..stream import bullet_list, callout, heading, paragraph


@dataclass(frozen=True)
class ConventionTranslation:
    title: str
    summary: str
    what_it_means: list


# Tafsiri isiyo rasmi ya majina rasmi ya Kiingereza ya mikataba.
TITLES = {
    87: "Mkataba kuhusu Uhuru wa Kujumuika na Ulinzi wa Haki ya Kujipanga",
    98: "Mkataba kuhusu Haki ya Kujipanga na Majadiliano ya Pamoja",
    100: "Mkataba kuhusu Malipo Sawa",
    105: "Mkataba kuhusu Kukomesha Kazi za Kulazimishwa",
    111: "Mkataba kuhusu Ubaguzi (Ajira na Kazi)",
    138: "Mkataba kuhusu Umri wa Chini wa Kuajiriwa",
    182: "Mkataba kuhusu Aina Mbaya Zaidi za Ajira ya Watoto",
}

ILO_DECLARATION = callout(
    "Unamfunga kila mwanachama wa ILO",
    "<p>Kwa mujibu wa Azimio la ILO la 1998 kuhusu Kanuni na Haki za Msingi Kazini, kila nchi "
    "mwanachama wa ILO, ikiwemo Kenya, ina wajibu unaotokana na uanachama wake wa kuheshimu, "
    "kukuza na kutimiza kanuni za mikataba ya msingi, hata ile ambayo haijairidhia.</p>",
)

RATIFIED_IS_LAW = paragraph(
    "<p>Kenya imeridhia mkataba huu. Kwa mujibu wa Ibara ya 2(6) ya Katiba, mkataba wowote "
    "ulioridhiwa na Kenya ni sehemu ya sheria za Kenya.</p>"
)

WHERE_WORKERS_TURN = paragraph(
    "<p>Mfanyakazi ambaye haki zake zimevunjwa anaweza kulieleza kwa mwajiri, kwa chama chake "
    "cha wafanyakazi, na kwa ofisi ya kazi ya Wizara inayohusika na kazi, ambayo inaweza "
    "kupokea malalamiko na kujaribu upatanisho. Migogoro kuhusu ajira na mahusiano ya kazi "
    "huamuliwa na Mahakama ya Ajira na Mahusiano ya Kazi.</p>"
)


def _c87():
    return ConventionTranslation(
        title=TITLES[87],
        summary=(
            "Wafanyakazi na waajiri, bila tofauti yoyote, wana haki ya kuunda na kujiunga na "
            "vyama wanavyovichagua wenyewe bila kuomba ruhusa kwanza. Vyama hivi vinaweza "
            "kutunga kanuni zao, kuchagua viongozi wao kwa uhuru, kupanga shughuli zao na "
            "kujiunga na mashirikisho, yakiwemo ya kimataifa. Mamlaka za umma hazipaswi "
            "kuingilia, na hazipaswi kuvifuta wala kuvisimamisha kwa uamuzi wa kiutawala."
        ),
        what_it_means=[
            heading("Kenya haijaridhia C87"),
            paragraph(
                "<p>Kenya haijaridhia mkataba huu, lakini Katiba ya Kenya inalinda uhuru huo "
                "huo. Ibara ya 36 inalinda uhuru wa kujumuika. Ibara ya 41 inampa kila "
                "mfanyakazi haki ya kuunda, kujiunga au kushiriki katika shughuli na mipango ya "
                "chama cha wafanyakazi, na haki ya kugoma; inakipa kila chama cha wafanyakazi na "
                "chama cha waajiri haki ya kuamua utawala, mipango na shughuli zake, kujipanga, "
                "na kuunda na kujiunga na shirikisho. Sheria ya Mahusiano ya Kazi ya 2007 "
                "inasimamia usajili na uendeshaji wa vyama vya wafanyakazi.</p>"
            ),
            ILO_DECLARATION,
            heading("Maana yake kwako"),
            paragraph(
                bullet_list(
                    "Unaweza kujiunga na chama cha wafanyakazi unachokichagua, au kusaidia "
                    "kukiunda.",
                    "Unaweza kushiriki katika shughuli halali za chama na kugombea nafasi zake.",
                    "Wanachama, si mwajiri wala serikali, ndio wanaoamua jinsi chama "
                    "kinavyoendeshwa.",
                )
            ),
            WHERE_WORKERS_TURN,
        ],
    )


def _c98():
    return ConventionTranslation(
        title=TITLES[98],
        summary=(
            "Wafanyakazi lazima walindwe dhidi ya ubaguzi kwa sababu ya chama: mwajiri hawezi "
            "kuweka sharti la kazi kwamba mtu asijiunge na chama au akiache, wala kumfukuza au "
            "kumdhulumu mfanyakazi kwa sababu ya uanachama au shughuli za chama. Vyama vya "
            "wafanyakazi na vya waajiri lazima vilindwe dhidi ya kuingiliwa na upande mwingine, "
            "na majadiliano ya pamoja ya hiari lazima yahimizwe."
        ),
        what_it_means=[
            RATIFIED_IS_LAW,
            paragraph(
                "<p>Ibara ya 41(5) ya Katiba inakipa kila chama cha wafanyakazi, chama cha "
                "waajiri na mwajiri haki ya kushiriki katika majadiliano ya pamoja. Sheria ya "
                "Ajira ya 2007 inasema kwamba kuwa mwanachama wa chama cha wafanyakazi, au "
                "kushiriki katika shughuli zake halali, si sababu ya haki ya kumfukuza mtu "
                "kazi.</p>"
            ),
            heading("Maana yake kwako"),
            paragraph(
                bullet_list(
                    "Huwezi kunyimwa kazi, kufukuzwa au kutendewa vibaya zaidi kisheria kwa "
                    "sababu ulijiunga na chama au ulishiriki katika shughuli zake halali.",
                    "Chama chako kinaweza kujadiliana na mwajiri kuhusu mishahara na mazingira "
                    "ya kazi kwa niaba yako; makubaliano ya pamoja huweka masharti kwa "
                    "wafanyakazi wanaohusika.",
                    "Mwajiri hapaswi kujaribu kukidhibiti au kukifadhili chama ili akitawale.",
                )
            ),
            WHERE_WORKERS_TURN,
        ],
    )


def _c100():
    return ConventionTranslation(
        title=TITLES[100],
        summary=(
            "Wanaume na wanawake lazima walipwe malipo sawa kwa kazi yenye thamani sawa. Hii "
            "inahusu si kazi ile ile tu, bali pia kazi tofauti zenye thamani sawa, zinazopimwa "
            "kwa tathmini isiyo na upendeleo, na inahusu mshahara wa msingi na malipo mengine "
            "yoyote, kwa pesa au kwa vitu, yanayotokana na ajira."
        ),
        what_it_means=[
            RATIFIED_IS_LAW,
            paragraph(
                "<p>Ibara ya 27(3) ya Katiba inawapa wanawake na wanaume haki ya kutendewa kwa "
                "usawa, ikiwemo fursa sawa katika nyanja za kisiasa, kiuchumi, kitamaduni na "
                "kijamii, na Ibara ya 41 inampa kila mfanyakazi haki ya malipo ya haki. Sheria "
                "ya Ajira ya 2007 inawataka waajiri kuwalipa wafanyakazi wao malipo sawa kwa "
                "kazi yenye thamani sawa.</p>"
            ),
            heading("Maana yake kwako"),
            paragraph(
                bullet_list(
                    "Mwanamke na mwanamume wanaofanya kazi yenye thamani sawa kwa mwajiri mmoja "
                    "lazima walipwe sawa, pamoja na marupurupu na mafao.",
                    "Vyeo tofauti vya kazi havihalalishi malipo tofauti ikiwa kazi ina thamani "
                    "sawa.",
                    "Tofauti za malipo lazima ziwe na sababu zisizo na upendeleo, kama mahitaji "
                    "ya kazi, si kama mfanyakazi ni mwanamume au mwanamke.",
                )
            ),
            WHERE_WORKERS_TURN,
        ],
    )


def _c105():
    return ConventionTranslation(
        title=TITLES[105],
        summary=(
            "Kazi za kulazimishwa hazipaswi kamwe kutumika kushinikiza watu kisiasa au kuwaadhibu "
            "kwa kuwa na au kutoa maoni ya kisiasa, kama njia ya kukusanya nguvu kazi kwa ajili "
            "ya maendeleo ya kiuchumi, kama nidhamu ya kazi, kama adhabu kwa kushiriki mgomo, au "
            "kama njia ya ubaguzi wa rangi, wa kijamii, wa kitaifa au wa kidini."
        ),
        what_it_means=[
            RATIFIED_IS_LAW,
            paragraph(
                "<p>Ibara ya 30 ya Katiba inasema kwamba mtu hatashikiliwa katika utumwa au "
                "utwana, na hatalazimishwa kufanya kazi za kulazimishwa. Sheria ya Kupambana na "
                "Biashara ya Binadamu ya 2010 inafanya biashara ya binadamu, ikiwemo kwa ajili ya "
                "kazi za kulazimishwa, kuwa kosa la jinai.</p>"
            ),
            heading("Dalili za kazi za kulazimishwa"),
            paragraph(
                "<p>ILO inaorodhesha dalili kama hizi. Dalili moja peke yake huenda isithibitishe "
                "kazi ya kulazimishwa, lakini zikiwa pamoja ni onyo:</p>"
                + bullet_list(
                    "vitambulisho vyako vinachukuliwa na kuzuiliwa;",
                    "mshahara wako unazuiliwa, au unawekwa katika deni usiloweza kulimaliza;",
                    "unadanganywa kuhusu kazi au malipo;",
                    "unafungiwa ndani, unachungwa au unatengwa, au unazuiwa kutembea;",
                    "wewe au familia yako mnatishiwa, mnaogopeshwa au mnafanyiwa vurugu;",
                    "unalazimishwa kufanya kazi saa nyingi kupita kiasi katika mazingira ya "
                    "unyanyasaji.",
                )
            ),
            callout(
                "Uko hatarini sasa?",
                "<p>Kama wewe au mtu mwingine anashikiliwa bila kupenda, wasiliana na polisi. "
                "Lalamika pia kwa ofisi ya kazi na kwa Tume ya Kitaifa ya Haki za Binadamu ya "
                "Kenya.</p>",
                tone="important",
            ),
        ],
    )


def _c111():
    return ConventionTranslation(
        title=TITLES[111],
        summary=(
            "Hakuna mtu anayepaswa kubaguliwa katika ajira au kazi kwa sababu ya rangi, rangi ya "
            "ngozi, jinsia, dini, maoni ya kisiasa, asili ya kitaifa au asili ya kijamii. Ulinzi "
            "huu unahusu kupata mafunzo ya ufundi, kupata kazi na fani fulani, na masharti na "
            "mazingira ya ajira. Tofauti inayotokana na mahitaji halisi ya kazi fulani si ubaguzi."
        ),
        what_it_means=[
            RATIFIED_IS_LAW,
            paragraph(
                "<p>Ibara ya 27 ya Katiba inakataza ubaguzi kwa misingi mingi zaidi ya ile "
                "iliyoorodheshwa na mkataba, ikiwemo ujauzito, hali ya ndoa, hali ya afya, umri, "
                "ulemavu, asili ya kikabila, utamaduni na lugha. Sheria ya Ajira ya 2007 "
                "inakataza ubaguzi katika ajira, ukiwemo kwa sababu ya ulemavu, ujauzito na hali "
                "ya VVU.</p>"
            ),
            heading("Maana yake kwako"),
            paragraph(
                bullet_list(
                    "Kuajiri, mafunzo, kupandishwa cheo, malipo, mazingira ya kazi na kufukuzwa "
                    "lazima viamuliwe kwa uwezo na mahitaji ya kazi.",
                    "Mwajiri hawezi kukunyima kazi, cheo au mafunzo kwa sababu ya jinsi ulivyo, "
                    "kama jinsia yako, dini, asili ya kikabila au maoni ya kisiasa.",
                    "Unyanyasaji kwa sababu yoyote kati ya hizi ni aina ya ubaguzi.",
                )
            ),
            WHERE_WORKERS_TURN,
            paragraph(
                "<p>Tume ya Kitaifa ya Jinsia na Usawa pia hupokea malalamiko ya ubaguzi.</p>"
            ),
        ],
    )


def _c138():
    return ConventionTranslation(
        title=TITLES[138],
        summary=(
            "Kila nchi lazima iweke umri wa chini wa kuajiriwa usio chini ya umri ambao masomo "
            "ya lazima huisha, na kwa vyovyote usio chini ya miaka 15 (miaka 14, kwa muda, katika "
            "nchi ambazo uchumi na vifaa vya elimu bado havijaendelea). Kazi inayoweza kudhuru "
            "afya, usalama au maadili ya vijana ni ya watu wenye miaka 18 au zaidi, isipokuwa "
            "kwa hali chache kuanzia miaka 16 chini ya ulinzi mkali. Kazi nyepesi isiyodhuru "
            "afya wala masomo inaweza kuruhusiwa kuanzia miaka 13 (au 12)."
        ),
        what_it_means=[
            RATIFIED_IS_LAW,
            paragraph(
                "<p>Ibara ya 53 ya Katiba inampa kila mtoto haki ya elimu ya msingi ya bure na "
                "ya lazima, na ya kulindwa dhidi ya kazi hatari au za unyonyaji. Mtoto ni mtu "
                "yeyote aliye chini ya miaka 18.</p>"
            ),
            heading("Maana yake kwa watoto na familia"),
            paragraph(
                bullet_list(
                    "Kazi haipaswi kamwe kumzuia mtoto kwenda shule.",
                    "Watoto walio chini ya miaka 18 hawapaswi kufanya kazi hatari: kazi yenye "
                    "hatari, isiyo ya afya, au inayodhuru makuzi yao.",
                    "Waajiri wanaoajiri watoto walio chini ya umri wa chini wanavunja sheria.",
                )
            ),
            paragraph(
                "<p>Ripoti ajira ya watoto kwa afisa wa watoto wa kaunti ndogo yako, ofisi ya "
                "kazi au polisi. Soma pia ukurasa wa haki ya elimu.</p>"
            ),
        ],
    )


def _c182():
    return ConventionTranslation(
        title=TITLES[182],
        summary=(
            "Nchi lazima zichukue hatua za haraka na madhubuti kukataza na kukomesha aina mbaya "
            "zaidi za ajira ya watoto kwa watoto wote walio chini ya miaka 18: utumwa na mambo "
            "yanayofanana nao, ikiwemo biashara ya watoto, utumwa wa madeni, kazi za "
            "kulazimishwa na kuwaingiza watoto kwa nguvu katika vita; kuwatumia watoto katika "
            "ukahaba au picha za ngono; kuwatumia katika shughuli haramu kama biashara ya dawa "
            "za kulevya; na kazi inayoweza kudhuru afya, usalama au maadili yao."
        ),
        what_it_means=[
            RATIFIED_IS_LAW,
            paragraph(
                "<p>Mwaka 2020 huu ulikuwa mkataba wa kwanza wa ILO kuridhiwa na kila nchi "
                "mwanachama. Unazitaka nchi kuzuia watoto wasiingizwe katika aina mbaya zaidi "
                "za ajira ya watoto, kuwaondoa humo, kuwasaidia kupona, na kuhakikisha watoto "
                "walioondolewa wanapata elimu ya msingi ya bure.</p>"
            ),
            paragraph(
                "<p>Nchini Kenya, Ibara ya 53 ya Katiba inamlinda kila mtoto dhidi ya "
                "unyanyasaji, kutelekezwa, aina zote za vurugu na kazi hatari au za unyonyaji. "
                "Sheria ya Kupambana na Biashara ya Binadamu ya 2010 na Sheria ya Makosa ya "
                "Kingono ya 2006 zinafanya biashara ya watoto na unyonyaji wa kingono wa watoto "
                "kuwa makosa ya jinai.</p>"
            ),
            callout(
                "Mtoto yuko hatarini",
                "<p>Mtoto akiwa katika hatari ya haraka, wasiliana na polisi. Ripoti mambo "
                "mengine kwa afisa wa watoto wa kaunti ndogo yako.</p>",
                tone="important",
            ),
        ],
    )


CONVENTION_TEXTS = {
    87: _c87,
    98: _c98,
    100: _c100,
    105: _c105,
    111: _c111,
    138: _c138,
    182: _c182,
}


def convention_text(number):
    return CONVENTION_TEXTS[number]()
