"""Text for demo cases: places, names and complaints in English and Kiswahili.

Demo content only: none of it is translated through gettext, because each story is written in
the language the demo complainant chose.
"""

# County name -> (population in thousands, 2019 census, rounded; a few places in the county).
# The population weights how many demo cases a county gets.
COUNTIES = {
    "Mombasa": (1208, ["Likoni", "Changamwe", "Kisauni", "Old Town", "Bamburi", "Mikindani"]),
    "Kwale": (867, ["Ukunda", "Msambweni", "Kinango", "Lunga Lunga"]),
    "Kilifi": (1453, ["Malindi", "Mtwapa", "Kilifi town", "Mariakani", "Watamu"]),
    "Tana River": (316, ["Hola", "Garsen", "Bura"]),
    "Lamu": (144, ["Mpeketoni", "Lamu town", "Faza"]),
    "Taita Taveta": (341, ["Voi", "Wundanyi", "Taveta", "Mwatate"]),
    "Garissa": (841, ["Garissa town", "Dadaab", "Masalani"]),
    "Wajir": (781, ["Wajir town", "Habaswein", "Bute"]),
    "Mandera": (867, ["Mandera town", "El Wak", "Rhamu", "Takaba"]),
    "Marsabit": (460, ["Marsabit town", "Moyale", "Laisamis", "North Horr"]),
    "Isiolo": (268, ["Isiolo town", "Merti", "Garbatulla"]),
    "Meru": (1546, ["Meru town", "Maua", "Nkubu", "Timau"]),
    "Tharaka Nithi": (393, ["Chuka", "Marimanti", "Chogoria"]),
    "Embu": (609, ["Embu town", "Runyenjes", "Siakago", "Kiritiri"]),
    "Kitui": (1136, ["Kitui town", "Mwingi", "Mutomo", "Kwa Vonza"]),
    "Machakos": (1422, ["Machakos town", "Athi River", "Kangundo", "Tala", "Masii"]),
    "Makueni": (988, ["Wote", "Makindu", "Emali", "Mtito Andei", "Kibwezi"]),
    "Nyandarua": (638, ["Ol Kalou", "Engineer", "Njabini", "Ndaragwa"]),
    "Nyeri": (759, ["Nyeri town", "Karatina", "Othaya", "Mukurweini"]),
    "Kirinyaga": (610, ["Kerugoya", "Kutus", "Sagana", "Wang'uru"]),
    "Murang'a": (1057, ["Murang'a town", "Kenol", "Kangema", "Makuyu"]),
    "Kiambu": (2418, ["Thika", "Ruiru", "Kikuyu", "Githunguri", "Limuru", "Juja"]),
    "Turkana": (926, ["Lodwar", "Kakuma", "Lokichoggio", "Lokitaung", "Kalokol"]),
    "West Pokot": (621, ["Kapenguria", "Makutano", "Chepareria", "Sigor"]),
    "Samburu": (310, ["Maralal", "Baragoi", "Wamba", "Archers Post"]),
    "Trans Nzoia": (991, ["Kitale", "Endebess", "Kiminini", "Saboti"]),
    "Uasin Gishu": (1163, ["Eldoret", "Burnt Forest", "Turbo", "Moiben"]),
    "Elgeyo Marakwet": (454, ["Iten", "Kapsowar", "Chepkorio", "Tambach"]),
    "Nandi": (886, ["Kapsabet", "Nandi Hills", "Mosoriot", "Kabiyet"]),
    "Baringo": (667, ["Kabarnet", "Marigat", "Eldama Ravine", "Chemolingot"]),
    "Laikipia": (518, ["Nanyuki", "Nyahururu", "Rumuruti", "Doldol"]),
    "Nakuru": (2162, ["Nakuru town", "Naivasha", "Molo", "Njoro", "Gilgil"]),
    "Narok": (1158, ["Narok town", "Kilgoris", "Ololulunga", "Nairegie Enkare"]),
    "Kajiado": (1118, ["Kitengela", "Ngong", "Kajiado town", "Loitokitok", "Namanga"]),
    "Kericho": (902, ["Kericho town", "Litein", "Londiani", "Kipkelion"]),
    "Bomet": (876, ["Bomet town", "Sotik", "Longisa", "Mulot"]),
    "Kakamega": (1868, ["Kakamega town", "Mumias", "Malava", "Butere", "Lurambi"]),
    "Vihiga": (591, ["Mbale", "Chavakali", "Luanda", "Hamisi"]),
    "Bungoma": (1671, ["Bungoma town", "Webuye", "Kimilili", "Chwele"]),
    "Busia": (894, ["Busia town", "Malaba", "Nambale", "Port Victoria"]),
    "Siaya": (993, ["Siaya town", "Bondo", "Ugunja", "Yala", "Usenge"]),
    "Kisumu": (1156, ["Kondele", "Nyalenda", "Obunga", "Manyatta", "Ahero", "Maseno"]),
    "Homa Bay": (1132, ["Homa Bay town", "Mbita", "Oyugis", "Kendu Bay", "Ndhiwa"]),
    "Migori": (1116, ["Migori town", "Rongo", "Awendo", "Isebania"]),
    "Kisii": (1266, ["Kisii town", "Ogembo", "Suneka", "Marani"]),
    "Nyamira": (605, ["Nyamira town", "Keroka", "Nyansiongo", "Ekerenyo"]),
    "Nairobi City": (
        4397,
        [
            "Kibera",
            "Mathare",
            "Kawangware",
            "Embakasi",
            "Kayole",
            "Dandora",
            "Mukuru kwa Njenga",
            "Kangemi",
            "Korogocho",
            "Eastleigh",
        ],
    ),
}

LANDMARKS = {
    "en": [
        "near the market",
        "behind the chief's office",
        "next to the primary school",
        "opposite the matatu stage",
        "near the mosque",
        "near the Catholic church",
    ],
    "sw": [
        "karibu na soko",
        "nyuma ya ofisi ya chifu",
        "karibu na shule ya msingi",
        "mkabala na stendi ya matatu",
        "karibu na msikiti",
        "karibu na kanisa Katoliki",
    ],
}

NAMES = [
    "Achieng Otieno",
    "Wanjiku Kamau",
    "Mwangi Njoroge",
    "Fatuma Hassan",
    "Kiprono Kiptoo",
    "Chebet Jepkoech",
    "Ouma Okoth",
    "Akinyi Adhiambo",
    "Mohamed Abdi",
    "Nekesa Wafula",
    "Wekesa Barasa",
    "Mutua Musyoka",
    "Mwende Mutiso",
    "Halima Omar",
    "Ekai Lokwang",
    "Naisula Lekishon",
    "Kibet Rotich",
    "Njeri Wambui",
    "Atieno Odhiambo",
    "Makena Kirimi",
    "Juma Bakari",
    "Zawadi Mwinyi",
    "Moraa Nyaboke",
    "Kerubo Ondieki",
    "Amina Noor",
    "Lokiru Ewoi",
    "Wairimu Gitau",
    "Omondi Ochieng",
    "Nafula Simiyu",
    "Kamene Mbithi",
]

# Mobile prefixes (07xx) of Safaricom and Airtel; every generated number is checked with
# phonenumbers as well.
MOBILE_PREFIXES = [
    *[f"07{n:02d}" for n in range(10, 30)],  # Safaricom
    "0740",
    "0741",
    "0742",
    "0743",
    "0757",
    "0758",
    "0759",
    "0768",
    "0769",
    *[f"07{n:02d}" for n in range(90, 100)],  # Safaricom
    *[f"07{n:02d}" for n in range(30, 40)],  # Airtel
    *[f"07{n:02d}" for n in range(50, 57)],  # Airtel
    *[f"07{n:02d}" for n in range(80, 90)],  # Airtel
]

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "sw": [
        "Januari",
        "Februari",
        "Machi",
        "Aprili",
        "Mei",
        "Juni",
        "Julai",
        "Agosti",
        "Septemba",
        "Oktoba",
        "Novemba",
        "Desemba",
    ],
}

# Complaints per sector slug: (English, Kiswahili, what the authority may answer). {place},
# {month} and {weeks} are filled in.
STORIES = {
    "water": [
        (
            "The borehole at {place} has been broken since {month}; we walk 5 km for water.",
            "Kisima cha {place} kimeharibika tangu {month}; tunatembea kilomita tano kutafuta "
            "maji.",
            [
                "A technician visited on Tuesday and replaced the borehole pump; water is "
                "flowing again.",
                "The borehole is on this quarter's repair list; a water bowser will serve the "
                "area twice a week until then.",
            ],
        ),
        (
            "The water kiosk in {place} has been dry for {weeks} weeks and vendors now sell a "
            "20-litre jerrican for 50 shillings.",
            "Kioski cha maji cha {place} hakina maji kwa wiki {weeks} sasa, na mtungi wa lita "
            "ishirini unauzwa shilingi hamsini.",
            [
                "Supply to the kiosk was restored after a valve on the main line was repaired.",
                "The rationing programme was revised; the kiosk now gets water on Mondays, "
                "Wednesdays and Fridays.",
            ],
        ),
        (
            "The tap water in {place} is brown and smells. Children in our plot have had "
            "diarrhoea this month.",
            "Maji ya bomba hapa {place} ni machafu na yananuka. Watoto wameharisha mwezi huu.",
            [
                "The line was flushed and chlorinated; laboratory tests on Friday found the "
                "water safe."
            ],
        ),
        (
            "We received a water bill of 8,400 shillings for {month} although no water came to "
            "our house in {place}.",
            "Tumepokea bili ya maji ya shilingi 8,400 ya mwezi wa {month} ingawa maji "
            "hayakufika nyumbani kwetu {place}.",
            [
                "The bill was checked against the meter readings and corrected; the account has "
                "been credited."
            ],
        ),
        (
            "A burst pipe near the market in {place} has been wasting water for {weeks} weeks "
            "and nobody has come to repair it.",
            "Bomba lililopasuka karibu na soko la {place} linamwaga maji kwa wiki {weeks} na "
            "hakuna aliyekuja kulirekebisha.",
            ["The burst pipe was repaired by our maintenance team this week."],
        ),
    ],
    "health": [
        (
            "The dispensary in {place} has had no medicines for two weeks; we are told to buy "
            "them from the chemist.",
            "Zahanati ya {place} haina dawa tangu wiki mbili.",
            ["Essential medicines were delivered from KEMSA this week."],
        ),
        (
            "The health centre at {place} has no nurse at night; a woman in labour had to be "
            "taken to town on a motorbike.",
            "Kituo cha afya cha {place} hakina muuguzi usiku; mama mjamzito alipelekwa mjini "
            "kwa pikipiki.",
            ["A nurse has been posted for night duty at the health centre from next month."],
        ),
        (
            "My mother was asked to pay 3,000 shillings at the hospital in {place} although she "
            "is registered with the Social Health Authority.",
            "Mama yangu aliambiwa alipe shilingi 3,000 hospitalini {place} ingawa amesajiliwa "
            "na SHA.",
            [
                "The charge was refunded; staff were reminded that SHA members do not pay for "
                "covered services."
            ],
        ),
        (
            "The maternity ward at {place} has had no running water since {month}.",
            "Wodi ya kujifungulia ya {place} haina maji ya bomba tangu {month}.",
            ["A water tank was installed at the maternity ward and connected to the supply."],
        ),
        (
            "The ambulance for {place} has been broken since {month}; patients are carried on "
            "boda bodas.",
            "Gari la wagonjwa la {place} limeharibika tangu {month}; wagonjwa wanabebwa kwa "
            "bodaboda.",
            ["The ambulance is back from the garage and in service."],
        ),
    ],
    "education": [
        (
            "Our children at {place} Primary School have had no Grade 6 teacher since {month}.",
            "Watoto wetu katika Shule ya Msingi ya {place} hawana mwalimu wa Gredi ya 6 tangu "
            "{month}.",
            ["A teacher has been posted to the school by the Teachers Service Commission."],
        ),
        (
            "The school in {place} sent pupils home over 1,500 shillings of 'development fees' "
            "although basic education is free.",
            "Shule ya {place} iliwarudisha wanafunzi nyumbani kwa kukosa shilingi 1,500 za "
            "'maendeleo' ingawa elimu ya msingi ni bure.",
            [
                "The head teacher was instructed to readmit the pupils; no levy may keep a child "
                "out of school."
            ],
        ),
        (
            "The wind blew off the roof of a classroom at the school in {place} in {month}; the "
            "pupils now learn under a tree.",
            "Upepo uling'oa paa la darasa katika shule ya {place} mwezi wa {month}, na "
            "wanafunzi wanasomea chini ya mti.",
            ["The classroom roof has been repaired with emergency school funds."],
        ),
        (
            "The bursary my son was awarded in {month} has not reached his school in {place}.",
            "Basari aliyopewa mwanangu mwezi wa {month} haijafika shuleni kwake {place}.",
            ["The bursary cheque was sent to the school on Friday."],
        ),
        (
            "The school feeding programme at {place} stopped {weeks} weeks ago.",
            "Mpango wa chakula shuleni {place} ulisimama wiki {weeks} zilizopita.",
            ["Food for the school feeding programme was delivered this week."],
        ),
    ],
    "housing-sanitation": [
        (
            "Sewage has been flowing on the road in {place} since {month}; children play next "
            "to it.",
            "Maji taka yanatiririka barabarani {place} tangu {month}; watoto wanacheza kando yake.",
            ["The sewer line was unblocked and the area disinfected."],
        ),
        (
            "Garbage has not been collected in {place} for {weeks} weeks.",
            "Taka hazijazolewa {place} kwa wiki {weeks}.",
            ["Garbage collection has resumed on Mondays and Thursdays."],
        ),
        (
            "Families in {place} were evicted at night without notice and our houses were "
            "demolished.",
            "Familia za {place} zilifukuzwa usiku bila notisi na nyumba zetu zikabomolewa.",
            [
                "The evictions are being investigated; the affected families have been "
                "registered for support."
            ],
        ),
        (
            "The public toilets at the {place} market are locked; traders have nowhere to go.",
            "Vyoo vya umma katika soko la {place} vimefungwa; wafanyabiashara hawana mahali pa "
            "kwenda.",
            ["The toilets were reopened and a caretaker appointed."],
        ),
    ],
    "food": [
        (
            "Relief food meant for {place} was given only to relatives of the chief.",
            "Chakula cha msaada cha {place} kiligawiwa tu kwa jamaa wa chifu.",
            [
                "The relief committee was reconstituted and the list of beneficiaries read out "
                "at a public baraza."
            ],
        ),
        (
            "Families in {place} have not received relief food since {month} although the "
            "drought has killed our livestock.",
            "Familia za {place} hazijapata chakula cha msaada tangu {month} ingawa ukame "
            "umeua mifugo yetu.",
            ["Relief food will be distributed on the 15th through the ward relief committee."],
        ),
        (
            "The maize flour distributed in {place} in {month} was mouldy.",
            "Unga wa mahindi uliogawiwa {place} mwezi wa {month} ulikuwa umeharibika.",
            ["The mouldy flour was withdrawn and replaced."],
        ),
    ],
    "social-security": [
        (
            "My grandmother in {place} is enrolled in Inua Jamii but has not received her "
            "payment since {month}.",
            "Bibi yangu {place} amesajiliwa katika Inua Jamii lakini hajapokea malipo tangu "
            "{month}.",
            ["The arrears were paid to the beneficiary's account this week."],
        ),
        (
            "NSSF has not paid my late husband's survivors' benefit; I applied in {month} and "
            "keep being sent back.",
            "NSSF haijalipa mafao ya marehemu mume wangu; niliomba mwezi wa {month} na "
            "ninazungushwa tu.",
            ["The claim has been approved and payment will follow within 30 days."],
        ),
        (
            "My employer in {place} deducts NSSF from my pay but my statement shows no "
            "contributions since {month}.",
            "Mwajiri wangu {place} anakata pesa za NSSF kwenye mshahara lakini taarifa yangu "
            "haionyeshi michango tangu {month}.",
            ["The employer was ordered to remit the missing contributions with penalties."],
        ),
        (
            "The SHA office in {place} says my registration is not active although I pay every "
            "month.",
            "Ofisi ya SHA {place} inasema usajili wangu haufanyi kazi ingawa ninalipa kila mwezi.",
            ["The registration was corrected; the member's cover is active again."],
        ),
    ],
    "justice-police": [
        (
            "Police at {place} police station refused to record my report of assault and asked "
            "for 500 shillings.",
            "Polisi katika kituo cha {place} walikataa kuandika ripoti yangu ya kushambuliwa na "
            "wakaomba shilingi 500.",
            [
                "The report has been recorded and an officer assigned to investigate; the demand "
                "for money is under internal investigation."
            ],
        ),
        (
            "My son was arrested in {place} {weeks} weeks ago and has not been taken to court.",
            "Mwanangu alikamatwa {place} wiki {weeks} zilizopita na hajapelekwa mahakamani.",
            ["The suspect was presented in court on Monday."],
        ),
        (
            "The OB number I was given at {place} police station cannot be found when I follow up.",
            "Nambari ya OB niliyopewa katika kituo cha polisi cha {place} haipatikani "
            "ninapofuatilia.",
            ["The occurrence book entry was traced and the complainant given the right number."],
        ),
        (
            "Officers at the roadblock near {place} demand money from boda boda riders every day.",
            "Maafisa katika kizuizi karibu na {place} wanadai pesa kutoka kwa waendesha "
            "bodaboda kila siku.",
            [
                "The officers concerned have been transferred and the matter is under internal "
                "investigation."
            ],
        ),
    ],
    "other": [
        (
            "I applied for my ID card at {place} in {month} and it is still not ready.",
            "Niliomba kitambulisho {place} mwezi wa {month} na bado hakijatoka.",
            ["The ID card is ready for collection at the registration office."],
        ),
        (
            "The road to {place} market has been impassable since the rains in {month}.",
            "Barabara ya kwenda soko la {place} haipitiki tangu mvua za {month}.",
            ["The road has been graded and murram laid."],
        ),
        (
            "The street lights in {place} have been off for {weeks} weeks and people are robbed "
            "at night.",
            "Taa za barabarani {place} zimezimika kwa wiki {weeks} na watu wanaibiwa usiku.",
            ["The street lights were repaired on Wednesday."],
        ),
    ],
}

# Answers that fit any complaint.
GENERIC_RESPONSES = [
    "We have received the complaint and sent an officer to investigate; we will report back.",
    "The matter has been resolved; please tell us if the problem continues.",
]

# Complaints the portal cannot take up: (English, Kiswahili, the reason for dismissing them).
OUT_OF_SCOPE_STORIES = [
    (
        "My landlord in {place} has locked my room because I am one month late with the rent.",
        "Mwenye nyumba wangu {place} amefunga chumba changu kwa sababu nimechelewa kulipa kodi "
        "ya mwezi mmoja.",
        "A dispute between a landlord and a tenant, not a public service; the complainant was "
        "referred to the Rent Restriction Tribunal.",
    ),
    (
        "My brother has taken our late father's land in {place} and refuses to share it.",
        "Kaka yangu amechukua shamba la marehemu baba yetu {place} na anakataa kugawana.",
        "A family land dispute; the complainant was referred to the chief and a legal aid clinic.",
    ),
    (
        "A shop in {place} sold me a phone that stopped working after two days.",
        "Duka moja {place} liliniuzia simu iliyoharibika baada ya siku mbili.",
        "A complaint about a private shop; the complainant was referred to the Competition "
        "Authority of Kenya.",
    ),
]
SPAM_MESSAGES = ["Hello", "Test", "Habari yako", "1", "Please call me", "Niaje"]
SPAM_REASONS = ["The message contained no complaint.", "A test message with no complaint."]
DUPLICATE_REASON = "The same problem is already being followed up in case {reference}."

PLEAS = {
    "en": ["", "", "Please help.", "We have reported this before with no answer."],
    "sw": ["", "", "Tafadhali tusaidie.", "Tumeripoti hapo awali bila jibu."],
}

TRIAGE_NOTES = [
    "Called the complainant to confirm the location.",
    "Asked the complainant for a photo of the problem.",
    "Complainant confirmed the details by phone.",
    "Checked with the ward administrator: the problem is known.",
]
REMINDER_NOTES = [
    "Reminded the authority by phone; they promised an answer this week.",
    "Sent a reminder e-mail to the authority.",
    "The authority's officer was on leave; reminder sent to the deputy.",
]
ESCALATION_REASONS = [
    "The citizen reports that nothing has changed since the response.",
    "The response does not address the complaint.",
    "The work promised in the response was not done.",
]
RECALL_REASONS = [
    "Forwarded to the wrong authority; the facility belongs to another body.",
    "Recalled to add the complainant's new details.",
]
REOPEN_REASONS = [
    "The citizen called back: the problem has returned.",
    "The promised repair was not done after all.",
]
CLOSING_NOTES = {
    "resolved": "The complainant confirmed by phone that the problem has been solved.",
    "partly_resolved": "Partly solved: the complainant says the work is not finished.",
    "not_resolved": "The complainant reports no change and did not want a further escalation.",
}
CITIZEN_CLOSING_NOTES = {
    "en": "The problem has been solved. Thank you.",
    "sw": "Tatizo limetatuliwa. Asanteni.",
}
WITHDRAWAL_REQUESTS = [
    "the complainant asked by SMS.",
    "the complainant asked on the tracking page.",
    "the complainant called to say the problem was solved privately.",
]
