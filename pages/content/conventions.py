"""What each ILO convention says and what it means for workers in Kenya. The facts (number,
title, year adopted, Kenya's ratification) come from ``ilo-fundamental-conventions.csv``;
this module holds only the explanations."""

from dataclasses import dataclass

from .stream import bullet_list, callout, heading, paragraph


@dataclass(frozen=True)
class ConventionText:
    summary: str
    what_it_means: list


ILO_DECLARATION = callout(
    "Binding on every ILO member",
    "<p>Under the ILO Declaration on Fundamental Principles and Rights at Work of 1998, every "
    "member State of the ILO, Kenya included, has an obligation arising from membership to "
    "respect, promote and realise the principles of the fundamental conventions, even those "
    "it has not ratified.</p>",
)

RATIFIED_IS_LAW = paragraph(
    "<p>Kenya has ratified this convention. Under Article 2(6) of the Constitution, a treaty "
    "or convention ratified by Kenya forms part of the law of Kenya.</p>"
)

WHERE_WORKERS_TURN = paragraph(
    "<p>A worker whose rights are breached can raise it with the employer, with their trade "
    "union, and with the labour office of the Ministry responsible for labour, which can "
    "receive complaints and try conciliation. Disputes about employment and labour relations "
    "are decided by the Employment and Labour Relations Court.</p>"
)


def _c87():
    return ConventionText(
        summary=(
            "Workers and employers, without distinction whatsoever, have the right to form and "
            "join organisations of their own choosing without previous authorisation. These "
            "organisations may draw up their own rules, elect their representatives freely, "
            "organise their activities and join federations, including international ones. "
            "Public authorities must not interfere, and must not dissolve or suspend them by "
            "administrative decision."
        ),
        what_it_means=[
            heading("Kenya has not ratified C87"),
            paragraph(
                "<p>Kenya has not ratified this convention, but the Constitution of Kenya "
                "protects the same freedoms. Article 36 protects freedom of association. "
                "Article 41 gives every worker the right to form, join or participate in the "
                "activities and programmes of a trade union, and the right to go on strike; it "
                "gives every trade union and employers’ organisation the right to determine "
                "its own administration, programmes and activities, to organise, and to form "
                "and join a federation. The Labour Relations Act, 2007 governs the "
                "registration and running of trade unions.</p>"
            ),
            ILO_DECLARATION,
            heading("What it means for you"),
            paragraph(
                bullet_list(
                    "You may join a trade union of your choice, or help to form one.",
                    "You may take part in the union’s lawful activities and stand for its offices.",
                    "The union’s members, not the employer or the government, decide how the "
                    "union is run.",
                )
            ),
            WHERE_WORKERS_TURN,
        ],
    )


def _c98():
    return ConventionText(
        summary=(
            "Workers must be protected against anti-union discrimination: an employer may not "
            "make a job conditional on not joining a union or on leaving one, or dismiss or "
            "otherwise prejudice a worker for union membership or union activities. Workers’ "
            "and employers’ organisations must be protected from interference by each other, "
            "and voluntary collective bargaining must be encouraged."
        ),
        what_it_means=[
            RATIFIED_IS_LAW,
            paragraph(
                "<p>Article 41(5) of the Constitution gives every trade union, employers’ "
                "organisation and employer the right to engage in collective bargaining. The "
                "Employment Act, 2007 provides that membership of a trade union, or taking "
                "part in its lawful activities, is not a fair reason for dismissal.</p>"
            ),
            heading("What it means for you"),
            paragraph(
                bullet_list(
                    "You cannot lawfully be refused a job, dismissed or treated worse because "
                    "you joined a union or took part in its lawful activities.",
                    "Your union can negotiate wages and working conditions with the employer "
                    "on your behalf; a collective agreement then sets terms for the workers "
                    "it covers.",
                    "An employer must not try to control or fund a union in order to dominate it.",
                )
            ),
            WHERE_WORKERS_TURN,
        ],
    )


def _c100():
    return ConventionText(
        summary=(
            "Men and women must receive equal remuneration for work of equal value. This "
            "covers not only the same job but different jobs of equal value, judged by "
            "objective appraisal of the work, and it covers the basic wage and any other "
            "payment, in cash or in kind, arising from the employment."
        ),
        what_it_means=[
            RATIFIED_IS_LAW,
            paragraph(
                "<p>Article 27(3) of the Constitution gives women and men the right to equal "
                "treatment, including equal opportunities in political, economic, cultural and "
                "social spheres, and Article 41 gives every worker the right to fair "
                "remuneration. The Employment Act, 2007 requires employers to pay their "
                "employees equal remuneration for work of equal value.</p>"
            ),
            heading("What it means for you"),
            paragraph(
                bullet_list(
                    "A woman and a man doing work of equal value for the same employer must be "
                    "paid the same, including allowances and benefits.",
                    "Different job titles do not justify different pay if the work is of equal "
                    "value.",
                    "Pay differences must rest on objective reasons, such as the demands of "
                    "the work, and not on whether the worker is a man or a woman.",
                )
            ),
            WHERE_WORKERS_TURN,
        ],
    )


def _c105():
    return ConventionText(
        summary=(
            "Forced or compulsory labour must never be used as a means of political coercion "
            "or as punishment for holding or expressing political views, as a method of "
            "mobilising labour for economic development, as labour discipline, as punishment "
            "for taking part in strikes, or as a means of racial, social, national or religious "
            "discrimination."
        ),
        what_it_means=[
            RATIFIED_IS_LAW,
            paragraph(
                "<p>Article 30 of the Constitution provides that a person shall not be held in "
                "slavery or servitude, and shall not be required to perform forced labour. The "
                "Counter-Trafficking in Persons Act, 2010 makes trafficking in persons, "
                "including for forced labour, an offence.</p>"
            ),
            heading("Signs of forced labour"),
            paragraph(
                "<p>The ILO lists signs such as these. One alone may not prove forced labour, "
                "but together they are a warning:</p>"
                + bullet_list(
                    "your identity documents are taken and kept from you;",
                    "your wages are withheld, or you are kept in a debt you can never pay off;",
                    "you are deceived about the work or the pay;",
                    "you are locked in, watched or isolated, or your movement is restricted;",
                    "you or your family are threatened, intimidated or subjected to violence;",
                    "you are made to work excessive hours in abusive conditions.",
                )
            ),
            callout(
                "In danger now?",
                "<p>If you or someone else is held against their will, contact the police. "
                "Complain to the labour office and the Kenya National Commission on Human "
                "Rights as well.</p>",
                tone="important",
            ),
        ],
    )


def _c111():
    return ConventionText(
        summary=(
            "No one may be discriminated against in employment or occupation on grounds of "
            "race, colour, sex, religion, political opinion, national extraction or social "
            "origin. The protection covers access to vocational training, access to jobs and "
            "particular occupations, and terms and conditions of employment. A distinction "
            "based on the inherent requirements of a particular job is not discrimination."
        ),
        what_it_means=[
            RATIFIED_IS_LAW,
            paragraph(
                "<p>Article 27 of the Constitution forbids discrimination on more grounds than "
                "the convention lists, among them pregnancy, marital status, health status, "
                "age, disability, ethnic origin, culture and language. The Employment Act, "
                "2007 forbids discrimination in employment, including on grounds of "
                "disability, pregnancy and HIV status.</p>"
            ),
            heading("What it means for you"),
            paragraph(
                bullet_list(
                    "Recruitment, training, promotion, pay, working conditions and dismissal "
                    "must be decided on merit and the needs of the job.",
                    "An employer may not refuse you a job, a promotion or training because of "
                    "who you are, such as your sex, religion, ethnic origin or political "
                    "opinion.",
                    "Harassment on any of these grounds is a form of discrimination.",
                )
            ),
            WHERE_WORKERS_TURN,
            paragraph(
                "<p>The National Gender and Equality Commission also receives complaints of "
                "discrimination.</p>"
            ),
        ],
    )


def _c138():
    return ConventionText(
        summary=(
            "Each State must set a minimum age for admission to employment that is not lower "
            "than the age at which compulsory schooling ends, and in any case not lower than "
            "15 (14, for a time, in countries whose economy and education facilities are less "
            "developed). Work likely to harm young people’s health, safety or morals is for "
            "people aged 18 or over, with narrow exceptions from 16 under strict safeguards. "
            "Light work that does not harm health or schooling may be allowed from 13 (or 12)."
        ),
        what_it_means=[
            RATIFIED_IS_LAW,
            paragraph(
                "<p>Article 53 of the Constitution gives every child the right to free and "
                "compulsory basic education, and to be protected from hazardous or "
                "exploitative labour. A child is any person under 18.</p>"
            ),
            heading("What it means for children and families"),
            paragraph(
                bullet_list(
                    "Work must never keep a child from school.",
                    "Children under 18 must not do hazardous work: work that is dangerous, "
                    "unhealthy, or harmful to their development.",
                    "Employers who employ children below the minimum age break the law.",
                )
            ),
            paragraph(
                "<p>Report child labour to the children’s officer in your sub-county, the "
                "labour office or the police. See also the right to education.</p>"
            ),
        ],
    )


def _c182():
    return ConventionText(
        summary=(
            "States must take immediate and effective measures to prohibit and eliminate the "
            "worst forms of child labour for all children under 18: slavery and similar "
            "practices, including trafficking, debt bondage, forced labour and forced "
            "recruitment for armed conflict; the use of children for prostitution or "
            "pornography; their use in illicit activities such as drug trafficking; and work "
            "likely to harm their health, safety or morals."
        ),
        what_it_means=[
            RATIFIED_IS_LAW,
            paragraph(
                "<p>In 2020 this became the first ILO convention ratified by every member "
                "State. It requires States to prevent children from being drawn into the "
                "worst forms of child labour, to remove them from it, to help them recover, "
                "and to ensure that children taken out of it have access to free basic "
                "education.</p>"
            ),
            paragraph(
                "<p>In Kenya, Article 53 of the Constitution protects every child from abuse, "
                "neglect, all forms of violence and hazardous or exploitative labour. The "
                "Counter-Trafficking in Persons Act, 2010 and the Sexual Offences Act, 2006 "
                "make trafficking and the sexual exploitation of children criminal "
                "offences.</p>"
            ),
            callout(
                "A child in danger",
                "<p>If a child is in immediate danger, contact the police. Report other cases "
                "to the children’s officer in your sub-county.</p>",
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
    """The explanations for convention ``number``; KeyError for a convention not written."""
    return CONVENTION_TEXTS[number]()
