"""The eight rights of Article 43, explained for the public. The Constitution's own words come
from ``article-43.md`` (see ``reference.py``); this module holds everything written around
them. Keep to facts that are certain: no figures, phone numbers or web addresses."""

from dataclasses import dataclass, field

from .complaints import complaint_steps
from .stream import bullet_list, callout, heading, paragraph


@dataclass(frozen=True)
class RightContent:
    slug: str
    clause: str
    title: str
    sector_slug: str
    summary: str
    explanation: list
    what_to_expect: list
    how_to_complain: list
    convention_numbers: tuple = field(default=())


PROGRESSIVE_REALISATION = paragraph(
    "<p>Article 21(2) requires the State to take legislative, policy and other measures, "
    "including setting standards, to achieve the progressive realisation of the rights in "
    "Article 43. Progressive does not mean optional. Under Article 20(5), if the State says it "
    "does not have the resources to fulfil a right, it is the State that must show the "
    "resources are not available; and when it allocates resources, it must give priority to "
    "the widest possible enjoyment of the right, having regard to the vulnerability of "
    "particular groups or individuals.</p>"
)

EVERY_PERSON = callout(
    "For every person, without discrimination",
    "<p>Article 43 speaks of <i>every person</i>. Article 27 forbids discrimination on any "
    "ground, including race, sex, pregnancy, marital status, health status, ethnic or social "
    "origin, colour, age, disability, religion, conscience, belief, culture, dress, language "
    "or birth.</p>",
)

PUBLIC_SERVICE_VALUES = paragraph(
    "<p>Article 232 of the Constitution sets the values of the public service, among them "
    "responsive, prompt, effective, impartial and equitable provision of services, "
    "accountability for administrative acts, and timely, accurate information for the "
    "public. Many public offices display a service charter that lists their services, what "
    "they cost and how long they should take: ask to see it.</p>"
)


def _health():
    return RightContent(
        slug="health",
        clause="43(1)(a)",
        title="The right to health",
        sector_slug="health",
        summary=(
            "You have the right to the highest attainable standard of health, including health "
            "care services and reproductive health care. Public health services must treat you "
            "with dignity and without discrimination, and the State must keep improving what "
            "they offer."
        ),
        explanation=[
            paragraph(
                "<p>Article 43(1)(a) gives every person the right to the highest attainable "
                "standard of health. It includes the right to health care services, and it "
                "names reproductive health care expressly. “Highest attainable” accepts that "
                "what can be provided depends on the country’s resources, but it sets a "
                "direction: services must keep improving, and what is available must reach "
                "people fairly.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("Who is responsible"),
            paragraph(
                "<p>Under the Fourth Schedule of the Constitution, county governments run "
                "county health services, including county health facilities and pharmacies, "
                "ambulance services and the promotion of primary health care. The national "
                "government is responsible for health policy and for national referral health "
                "facilities.</p>"
            ),
            paragraph(
                "<p>Children have their own right to basic nutrition, shelter and health care "
                "under Article 53(1)(c). Emergency medical treatment is protected separately, "
                "by Article 43(2).</p>"
            ),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>At a public health facility you can reasonably expect:</p>"
                + bullet_list(
                    "to be received and treated with respect for your dignity, whoever you are;",
                    "to be told, in words you understand, what is wrong, what treatment is "
                    "proposed and what it will cost, before you agree to it;",
                    "privacy: your health information is kept confidential and examinations "
                    "take place out of sight of others;",
                    "to know which services the facility offers, its opening hours and its "
                    "charges;",
                    "to be referred to another facility when this one cannot treat you;",
                    "written reasons if a service is refused to you.",
                )
            ),
            PUBLIC_SERVICE_VALUES,
            callout(
                "Medicines or staff not available?",
                "<p>Ask for the shortage to be recorded and where else you can get the "
                "medicine or service. A shortage that keeps happening is worth reporting: it "
                "shows where the service is failing.</p>",
                tone="tip",
            ),
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>Speak to the nurse or clinician in charge, or to the facility’s "
                "administrator or customer care desk; many public hospitals have one. Ask for "
                "your complaint to be recorded and note the name of the person you spoke "
                "to.</p>"
            ),
            responsible_body=(
                "<p>If the facility does not resolve it, write to your county’s department of "
                "health. For a national referral hospital, write to the hospital’s management "
                "and, if that fails, to the Ministry of Health.</p>"
                + bullet_list(
                    "About the professional conduct of a doctor or dentist: the Kenya Medical "
                    "Practitioners and Dentists Council.",
                    "About a nurse: the Nursing Council of Kenya.",
                    "About public health insurance cover or claims: the Social Health Authority.",
                )
            ),
        ),
    )


def _housing_and_sanitation():
    return RightContent(
        slug="housing-and-sanitation",
        clause="43(1)(b)",
        title="The right to housing and sanitation",
        sector_slug="housing-sanitation",
        summary=(
            "You have the right to accessible and adequate housing and to reasonable standards "
            "of sanitation: a secure, habitable place to live, protection from evictions that "
            "do not follow the law, and toilets, sewerage and waste collection that protect "
            "your health."
        ),
        explanation=[
            paragraph(
                "<p>Article 43(1)(b) joins two rights: adequate housing and reasonable standards "
                "of sanitation. Kenya is a party to the International Covenant on Economic, "
                "Social and Cultural Rights, and under Article 2(6) of the Constitution a "
                "treaty Kenya has ratified forms part of the law of Kenya. Under that "
                "Covenant, adequate housing means more than a roof: it includes legal "
                "security of tenure; access to services such as water, sanitation and energy; "
                "affordability; habitability; accessibility for everyone, including people "
                "with disabilities; a location with access to work, schools and health care; "
                "and cultural adequacy.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("Who is responsible"),
            paragraph(
                "<p>Housing policy is a national function; county planning and development, "
                "including housing, is a county function. Counties are also responsible for "
                "refuse removal, refuse dumps and solid waste disposal, and for water and "
                "sanitation services, which they usually provide through water and sewerage "
                "companies.</p>"
            ),
            paragraph("<p>Children have their own right to shelter under Article 53(1)(c).</p>"),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>You can reasonably expect:</p>"
                + bullet_list(
                    "refuse to be collected in the areas the county serves, and public dumps "
                    "to be managed so that they do not endanger the people living nearby;",
                    "public toilets in markets and other public places to be kept working and "
                    "clean;",
                    "blocked or overflowing sewers to be repaired by the water and sewerage "
                    "company;",
                    "county public health officers to act on health nuisances such as "
                    "overflowing pit latrines, raw sewage and illegal dumping;",
                    "public housing to be allocated by a fair and open procedure.",
                )
            ),
            callout(
                "Evictions must follow the law",
                "<p>An eviction must follow the procedure set in law. The Land Act, 2012, as "
                "amended in 2016, requires notice before an eviction and sets rules on how an "
                "eviction is carried out, so that the dignity and safety of the people "
                "affected are respected.</p>",
                tone="important",
            ),
            PUBLIC_SERVICE_VALUES,
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>For refuse, blocked drains or a health nuisance, go to the county public "
                "health office or your ward administrator. For a sewer, contact the customer "
                "care office of your water and sewerage company and ask for a reference "
                "number. For public housing, write to the body that manages it.</p>"
            ),
            responsible_body=(
                "<p>If nothing happens, write to the county department responsible for "
                "environment, sanitation or housing. Pollution, such as raw sewage released "
                "into a river or waste dumped illegally, can also be reported to the National "
                "Environment Management Authority (NEMA). Problems with a sewerage company "
                "that it does not resolve can be taken to the Water Services Regulatory Board "
                "(WASREB).</p>"
            ),
            extra=[
                callout(
                    "Threatened with eviction?",
                    "<p>Act quickly. Ask for the notice in writing and ask who authorised the "
                    "eviction. Contact the Kenya National Commission on Human Rights or a "
                    "legal aid provider at once; a court can stop an eviction that does not "
                    "follow the law.</p>",
                    tone="important",
                )
            ],
        ),
    )


def _food():
    return RightContent(
        slug="food",
        clause="43(1)(c)",
        title="The right to food",
        sector_slug="food",
        summary=(
            "You have the right to be free from hunger and to have adequate food of acceptable "
            "quality. The State must work to make food available and affordable, support "
            "people who cannot feed themselves, and make sure that food sold to the public is "
            "safe."
        ),
        explanation=[
            paragraph(
                "<p>Article 43(1)(c) protects two things: freedom from hunger, which is the "
                "most urgent, and adequate food of acceptable quality. Under the International "
                "Covenant on Economic, Social and Cultural Rights, which forms part of the law "
                "of Kenya under Article 2(6), the right to adequate food is realised when every "
                "man, woman and child has physical and economic access at all times to "
                "adequate food or the means to obtain it. The State is not expected to feed "
                "everyone, but it must not stand in the way of people feeding themselves, must "
                "protect them from others who would, and must help those who cannot.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("Who is responsible"),
            paragraph(
                "<p>Agriculture, including crop and animal husbandry and fisheries, is a county "
                "function; agricultural policy is national. Counties license and control "
                "businesses that sell food to the public. The Kenya Bureau of Standards sets "
                "and enforces standards for products, including packaged food. In times of "
                "drought, the National Drought Management Authority coordinates early warning "
                "and response with the national and county governments.</p>"
            ),
            paragraph(
                "<p>Children have their own right to basic nutrition under Article 53(1)(c).</p>"
            ),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>You can reasonably expect:</p>"
                + bullet_list(
                    "relief food and cash in an emergency to be distributed fairly and openly, "
                    "without discrimination or political favour, to the people it is meant "
                    "for;",
                    "to be told how people were selected for a relief or support programme, "
                    "and why you were not;",
                    "where a school meals programme runs, the food to reach the pupils as planned;",
                    "places that sell food to the public to be licensed and inspected by "
                    "county public health officers;",
                    "packaged food to be properly labelled and within its expiry date.",
                )
            ),
            PUBLIC_SERVICE_VALUES,
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>About unsafe food, go back to the shop or eating place first. About relief "
                "food or a support programme, ask the officer or committee that runs the "
                "distribution, or your local chief or ward administrator, how the list was "
                "drawn up and why you were left out.</p>"
            ),
            responsible_body=(
                "<p>Report unsafe food or an unhygienic food business to the county public "
                "health office. Report substandard packaged food to the Kenya Bureau of "
                "Standards. Complaints about relief distribution can go to the deputy county "
                "commissioner or to the county department that runs the programme; about farm "
                "input or agricultural support programmes, to the county department of "
                "agriculture.</p>"
            ),
            extra=[
                callout(
                    "Hungry now?",
                    "<p>Ask for help first and complain afterwards: your chief, your ward "
                    "administrator or the county disaster management office can tell you what "
                    "support is available.</p>",
                    tone="important",
                )
            ],
        ),
    )


def _water():
    return RightContent(
        slug="water",
        clause="43(1)(d)",
        title="The right to water",
        sector_slug="water",
        summary=(
            "You have the right to clean and safe water in adequate quantities. Water for "
            "drinking and household use must be safe, sufficient, within physical reach and "
            "affordable, and water providers must answer your complaints."
        ),
        explanation=[
            paragraph(
                "<p>Article 43(1)(d) gives every person the right to clean and safe water in "
                "adequate quantities. Under the International Covenant on Economic, Social and "
                "Cultural Rights, which forms part of the law of Kenya under Article 2(6), the "
                "right to water means sufficient, safe, acceptable, physically accessible and "
                "affordable water for personal and domestic use.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("Who is responsible"),
            paragraph(
                "<p>Water and sanitation services are a county function. Counties usually "
                "provide them through water service providers, often county-owned water "
                "companies. The Water Act, 2016 organises the sector: the Water Services "
                "Regulatory Board (WASREB) regulates water service providers, sets standards "
                "and approves tariffs, and the Water Resources Authority manages water "
                "resources such as rivers, lakes and groundwater.</p>"
            ),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>From your water service provider you can reasonably expect:</p>"
                + bullet_list(
                    "water that is safe to drink;",
                    "notice of planned interruptions and published rationing schedules;",
                    "bills based on actual meter readings, with charges you can understand "
                    "and check against the approved tariff;",
                    "public water points and kiosks to charge the approved tariff;",
                    "to be told why, if your supply is disconnected, and how to have it restored;",
                    "a reference number for your complaint and an answer within the time the "
                    "provider has published.",
                )
            ),
            PUBLIC_SERVICE_VALUES,
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>Contact your water service provider’s customer care office, in writing if "
                "you can, and ask for a reference number. Describe the problem: no water, "
                "dirty water, a wrong bill, a leak, a disconnection.</p>"
            ),
            responsible_body=(
                "<p>If the provider does not resolve your complaint, take it to the Water "
                "Services Regulatory Board (WASREB), which handles complaints that providers "
                "have not resolved. You can also write to your county department responsible "
                "for water. Pollution of a water source can be reported to the National "
                "Environment Management Authority (NEMA), and problems with rivers, boreholes "
                "or the use of water resources to the Water Resources Authority.</p>"
            ),
        ),
    )


def _social_security():
    return RightContent(
        slug="social-security",
        clause="43(1)(e)",
        title="The right to social security",
        sector_slug="social-security",
        summary=(
            "You have the right to social security: protection when you cannot earn, for "
            "example in old age, sickness, disability, after a work injury or after losing a "
            "breadwinner, through contributory schemes such as the NSSF and through support "
            "paid by the State."
        ),
        explanation=[
            paragraph(
                "<p>Article 43(1)(e) gives every person the right to social security. Under "
                "the International Covenant on Economic, Social and Cultural Rights, which "
                "forms part of the law of Kenya under Article 2(6), social security covers "
                "health care, sickness, old age, unemployment, employment injury, family and "
                "child support, maternity, disability, and support for survivors and "
                "orphans.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("How it works in Kenya"),
            paragraph(
                bullet_list(
                    "<b>Contributory schemes.</b> Employers register their employees with the "
                    "National Social Security Fund (NSSF), deduct the employee’s contribution "
                    "and pay it in with their own. Other retirement benefit schemes, such as "
                    "occupational pension schemes, are regulated by the Retirement Benefits "
                    "Authority.",
                    "<b>Work injury.</b> Workers injured at work, or who fall ill because of "
                    "their work, are compensated under the Work Injury Benefits Act, 2007.",
                    "<b>Support paid by the State.</b> For people who cannot support "
                    "themselves, Article 43(3) adds a duty on the State; see the page on that "
                    "right.",
                )
            ),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>You can reasonably expect:</p>"
                + bullet_list(
                    "if you are employed, your employer to register you with the NSSF and "
                    "pay in every contribution deducted from your pay;",
                    "to get a statement of your contributions from the NSSF or your scheme "
                    "when you ask for one;",
                    "claims for benefits to be handled within a reasonable time, with written "
                    "reasons if they are refused;",
                    "if you are injured at work, your employer to report the injury so that "
                    "your claim for compensation can be assessed.",
                )
            ),
            PUBLIC_SERVICE_VALUES,
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>If contributions are missing from your statement, ask your employer’s "
                "payroll office first, in writing. About a claim, go to the NSSF branch or "
                "the scheme that handles it and ask for a reference number.</p>"
            ),
            responsible_body=(
                bullet_list(
                    "An employer who deducts contributions but does not pay them in: report "
                    "it to the NSSF and to the labour office of the Ministry responsible for "
                    "labour in your county.",
                    "A claim the NSSF has not resolved: write to the NSSF’s head office.",
                    "A problem with a pension or other retirement benefit scheme that the "
                    "scheme has not resolved: the Retirement Benefits Authority.",
                    "A work injury claim: the Directorate of Occupational Safety and Health "
                    "Services.",
                )
            ),
        ),
    )


def _education():
    return RightContent(
        slug="education",
        clause="43(1)(f)",
        title="The right to education",
        sector_slug="education",
        summary=(
            "You have the right to education. Every child has the right to free and "
            "compulsory basic education, public schools must not charge tuition fees for it, "
            "and schools must keep learners safe and treat them with dignity."
        ),
        explanation=[
            paragraph(
                "<p>Article 43(1)(f) gives every person the right to education. Article "
                "53(1)(b) adds that every child has the right to free and compulsory basic "
                "education, and Article 55 requires the State to take measures, including "
                "affirmative action, to ensure that the youth have access to relevant "
                "education and training. Article 54 protects the right of persons with "
                "disabilities to access educational institutions and facilities.</p>"
            ),
            paragraph(
                "<p>The Basic Education Act, 2013 puts these rights into law. Among other "
                "things, it forbids public schools to charge tuition fees for basic education, "
                "and it forbids cruel, inhuman or degrading treatment or punishment of pupils, "
                "whether physical or psychological.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("Who is responsible"),
            paragraph(
                "<p>Under the Fourth Schedule, the national government is responsible for "
                "education policy, standards, curricula and examinations, and for primary and "
                "secondary schools, special education, tertiary institutions and "
                "universities. County governments are responsible for pre-primary education, "
                "village polytechnics, homecraft centres and childcare facilities. Teachers in "
                "public schools are employed by the Teachers Service Commission.</p>"
            ),
            heading("Education and child labour"),
            paragraph(
                "<p>Work that keeps children out of school denies them this right. Article "
                "53(1)(d) protects every child from hazardous or exploitative labour. The ILO "
                "Minimum Age Convention (C138) links the minimum age for work to the end of "
                "compulsory schooling, and the Worst Forms of Child Labour Convention (C182) "
                "requires access to free basic education for children taken out of the worst "
                "forms of child labour. Kenya has ratified both.</p>"
            ),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>You can reasonably expect:</p>"
                + bullet_list(
                    "your child to be admitted to a public school without paying tuition "
                    "fees for basic education;",
                    "written reasons if admission is refused, or if a learner is sent home;",
                    "learners to be kept safe and never to be beaten, humiliated or "
                    "threatened as punishment;",
                    "learners with disabilities to be able to reach and use the school, with "
                    "the support they need;",
                    "girls who become pregnant to be able to continue their education;",
                    "the school’s Board of Management to account to parents for how school "
                    "funds, including government grants, are used.",
                )
            ),
            PUBLIC_SERVICE_VALUES,
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>Start with the class teacher, then the head teacher. If that fails, write "
                "to the school’s Board of Management; the parents’ association can help you "
                "raise it.</p>"
            ),
            responsible_body=(
                bullet_list(
                    "About a public primary or secondary school: the sub-county or county "
                    "director of education of the Ministry of Education.",
                    "About a teacher’s conduct: the Teachers Service Commission, through its "
                    "county office.",
                    "About pre-primary education, a vocational training centre or a childcare "
                    "facility: the county government’s department of education.",
                    "About a university: the university first, then the Commission for "
                    "University Education.",
                )
            ),
            extra=[
                callout(
                    "A child is being harmed",
                    "<p>If a child is abused, or kept out of school to work, tell the "
                    "children’s officer in your sub-county or the police. Do not wait for a "
                    "complaint to be resolved.</p>",
                    tone="important",
                )
            ],
        ),
        convention_numbers=(138, 182),
    )


def _emergency_medical_treatment():
    return RightContent(
        slug="emergency-medical-treatment",
        clause="43(2)",
        title="Emergency medical treatment",
        sector_slug="health",
        summary=(
            "No one may be denied emergency medical treatment. A health facility faced with an "
            "emergency must give the care needed to stabilise the person or arrange a "
            "referral. The Constitution does not make this right depend on being able to pay "
            "first."
        ),
        explanation=[
            paragraph(
                "<p>Article 43(2) is one of the most direct rights in the Constitution: a "
                "person shall not be denied emergency medical treatment. Under Article 20(1), "
                "the Bill of Rights binds all State organs and all persons, so the right "
                "applies to private hospitals and clinics as well as to public ones.</p>"
            ),
            paragraph(
                "<p>The Health Act, 2017 repeats the right to emergency medical treatment and "
                "describes what it includes: care before reaching hospital, stabilising the "
                "person’s condition, and arranging a referral where the facility first "
                "reached cannot stabilise the person itself.</p>"
            ),
            paragraph(
                "<p>The right does not depend on payment. A facility may bill for the "
                "treatment, but turning a person away in an emergency because they cannot pay "
                "a deposit denies them emergency treatment.</p>"
            ),
            heading("Who is responsible"),
            paragraph(
                "<p>Every health facility that can help. Ambulance services are a county "
                "function under the Fourth Schedule.</p>"
            ),
        ],
        what_to_expect=[
            paragraph(
                "<p>In an emergency you can reasonably expect:</p>"
                + bullet_list(
                    "to be assessed promptly, before any questions about payment;",
                    "treatment to stabilise your condition;",
                    "if the facility cannot stabilise you, to be referred to one that can, "
                    "with help arranging the transfer;",
                    "a record of the treatment you received.",
                )
            ),
            callout(
                "Get care first",
                "<p>In an emergency, go to the nearest health facility. Complain afterwards.</p>",
                tone="important",
            ),
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>If you are refused, ask to see the person in charge at once and say that "
                "the Constitution forbids denying emergency medical treatment. Afterwards, "
                "write down the time, the names or job titles of the staff involved and what "
                "they said, and complain in writing to the facility’s management.</p>"
            ),
            responsible_body=(
                "<p>For a public facility, write to your county’s department of health; for a "
                "national referral hospital, to its management and the Ministry of Health. "
                "About the conduct of a doctor or dentist, complain to the Kenya Medical "
                "Practitioners and Dentists Council; about a nurse, to the Nursing Council of "
                "Kenya.</p>"
            ),
        ),
    )


def _social_security_for_those_unable_to_support_themselves():
    return RightContent(
        slug="social-security-for-those-unable-to-support-themselves",
        clause="43(3)",
        title="Support for people unable to support themselves",
        sector_slug="social-security",
        summary=(
            "The State must provide appropriate social security to people who are unable to "
            "support themselves and their dependants. Support programmes must be run fairly "
            "and openly, and people who are refused must be told why."
        ),
        explanation=[
            paragraph(
                "<p>Article 43(3) places a duty on the State: to provide appropriate social "
                "security to persons who are unable to support themselves and their "
                "dependants. It works alongside other rights in the Bill of Rights: Article "
                "57 on older members of society, who have the right to receive reasonable "
                "care and assistance from their family and the State; Article 54 on persons "
                "with disabilities; and Article 53 on children.</p>"
            ),
            PROGRESSIVE_REALISATION,
            heading("How it works in Kenya"),
            paragraph(
                "<p>The national government runs cash transfer programmes, known together as "
                "Inua Jamii, for older persons, for orphans and vulnerable children, and for "
                "persons with severe disabilities. Eligibility and the way people are "
                "registered are set by each programme; ask the local social development or "
                "children’s services office what applies to you.</p>"
            ),
            EVERY_PERSON,
        ],
        what_to_expect=[
            paragraph(
                "<p>You can reasonably expect:</p>"
                + bullet_list(
                    "clear information on who qualifies and how to apply;",
                    "registration and selection without bribes and without political or any "
                    "other favour;",
                    "payments on the published schedule, through the payment channel the "
                    "programme has told you about;",
                    "to be told in advance of changes that affect you;",
                    "written reasons if you are refused or removed from a programme, and a way "
                    "to challenge the decision;",
                    "your personal information to be protected.",
                )
            ),
            PUBLIC_SERVICE_VALUES,
        ],
        how_to_complain=complaint_steps(
            service=(
                "<p>Go to the sub-county social development office or, for the programme for "
                "orphans and vulnerable children, the sub-county children’s officer. Ask for "
                "your complaint to be recorded in the programme’s complaints procedure.</p>"
            ),
            responsible_body=(
                "<p>If it is not resolved, write to the State Department responsible for "
                "social protection, which runs the cash transfer programmes. If you are asked "
                "for money to be registered or paid, report it to the Ethics and "
                "Anti-Corruption Commission.</p>"
            ),
        ),
    )


def all_rights():
    """The eight rights in the order of Article 43."""
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
