"""What social workers write in the synthetic council's assessments and plan reviews.

Templates are filled with the child's first name {name} and pronouns that
need no verb to agree with them: {their}, {them}, and {they_lower} only
before a past tense or a modal ("said {they_lower} felt", "{they_lower}
would"). {concern} is the contact's concern in words ("neglect and
domestic abuse"), {parent} "mum" or "dad" ({Parent} after a full stop; a
text's first letter is made a capital) and {their_parent} "her" or "his".
"""

# The Assessment Framework dimensions (casework.framework): (what was found when it is a worry, when it is not).
DIMENSIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "health": (
        (
            "{name} has missed two health appointments this year and is behind with immunisations.",
            "Dental decay noted by the school nurse; no dentist registered.",
            "{name} is on the waiting list for CAMHS after the GP raised concerns about low mood.",
        ),
        (
            "{name} is registered with the GP and up to date with checks and immunisations.",
            "No health concerns; growth and development are within the expected range.",
        ),
    ),
    "education": (
        (
            "Attendance is {attendance}% this year, with a pattern of Monday absences.",
            "School report that {name} is often tired and struggling to concentrate in lessons.",
            "{name} has an EHC plan; school say support at home for it has fallen away.",
        ),
        (
            "Attendance is {attendance}% and school describe {name} as settled and making progress.",
            "{name} attends nursery regularly and staff have no worries about development.",
        ),
    ),
    "emotional": (
        (
            "{name} has become withdrawn at school and has had angry outbursts at home.",
            "School report that {name} is anxious about going home at the end of the day.",
            "{name} described feeling scared when the adults argue and hides in {their} room.",
        ),
        (
            "{name} presents as a happy, chatty child with good relationships with staff.",
            "No concerns about {name}'s emotional development were raised by any agency.",
        ),
    ),
    "identity": (
        (
            "{name} has had little contact with {their} father's family and knows little about them.",
            "{name} has spoken about being bullied about {their} appearance online.",
        ),
        (
            "{name} has a good sense of identity and is proud of {their} family's heritage.",
            "{name} takes part in church and community activities that matter to {them}.",
        ),
    ),
    "relationships": (
        (
            "{name} has few friends and spends most evenings alone in {their} room on a phone.",
            "{name}'s relationship with {their} {parent} is strained, with frequent arguments.",
        ),
        (
            "{name} is close to {their} brothers and sisters and to a grandparent who lives nearby.",
            "{name} has a settled group of friends at school.",
        ),
    ),
    "presentation": (
        (
            "{name} often arrives at school in unwashed clothes that are too small.",
            "Staff have noticed {name}'s hygiene has declined over the last term.",
        ),
        ("{name} is well presented and appropriately dressed for the weather.",),
    ),
    "self_care": (
        ("{name} is taking on more care of younger siblings than is appropriate for {their} age.",),
        ("{name} manages age-appropriate self-care with encouragement.",),
    ),
    "basic_care": (
        (
            "The home was cold on two visits and there was little food in the cupboards.",
            "There have been periods when {name}'s basic needs were not met while {parent} was unwell.",
            "Bedding was soiled and there was no clean clothing for {name} at the visit.",
        ),
        (
            "The home was warm and clean, with food available, at both visits.",
            "{name}'s basic care needs are met consistently.",
        ),
    ),
    "safety": (
        (
            "{parent} has not always recognised the risk posed by an ex-partner who still visits.",
            "{name} has been out late at night without the adults knowing where to find {them}.",
            "Police have attended the home three times in six months after arguments between the adults.",
        ),
        (
            "{parent} understands the concerns and has taken sensible steps to keep {name} safe.",
            "No safety hazards were seen in the home.",
        ),
    ),
    "warmth": (
        (
            "Interactions between {parent} and {name} were observed to be cold and critical.",
            "{name} seeks comfort from staff at school rather than at home.",
        ),
        (
            "{parent} spoke warmly about {name} and the two were affectionate during the visit.",
            "{name} is clearly loved and responds well to {their} {parent}'s praise.",
        ),
    ),
    "stimulation": (
        ("There are few toys or books at home and {name} spends long periods in front of screens.",),
        ("{parent} reads with {name} most nights and takes {them} to the library and the park.",),
    ),
    "boundaries": (
        (
            "{parent} finds it hard to set boundaries and {name} often decides when to go to bed.",
            "Rules at home are inconsistent and discipline has at times been physical.",
        ),
        ("There are clear routines at home, with rules {name} understands.",),
    ),
    "stability": (
        (
            "The family has moved three times in two years and {name} has changed school twice.",
            "Several partners have lived in the home in the last year.",
        ),
        ("{name} has lived with the same carers in the same home all {their} life.",),
    ),
    "history": (
        (
            "{parent} had a social worker as a child and has a history of depression.",
            "There is a history of domestic abuse in {parent}'s previous relationship.",
            "The family was known to children's social care in 2019 for similar concerns.",
        ),
        ("No previous involvement with children's social care.",),
    ),
    "wider_family": (
        (
            "There is little wider family support; maternal grandparents live in another city.",
            "Paternal relatives are described as hostile and are not a safe source of support.",
        ),
        (
            "Maternal grandmother lives nearby and helps with school runs and childcare.",
            "An aunt is willing to offer support and respite.",
        ),
    ),
    "housing": (
        (
            "The family is in temporary accommodation with one bedroom for four people.",
            "The flat has damp and mould in the children's bedroom; a repair has been reported.",
            "Rent arrears of several months mean the family faces eviction.",
        ),
        ("The family has a secure tenancy in a suitable home.",),
    ),
    "employment": (
        ("{parent} lost {their_parent} job this year and the household has no one in work.",),
        ("{parent} works part time in school hours.",),
    ),
    "income": (
        (
            "The family relies on food banks and has debts with a payday lender.",
            "Benefits were stopped for six weeks after a change of address.",
        ),
        ("Income meets the family's needs; no debt was reported.",),
    ),
    "integration": (
        ("The family is isolated, with no links to neighbours or the local community.",),
        ("The family is well connected locally through school and the mosque.",),
    ),
    "community": (
        ("There are few services nearby and {parent} does not drive.",),
        ("The family uses the children's centre and local youth club.",),
    ),
}

ANALYSIS: dict[str, tuple[str, ...]] = {
    "nfa": (
        "The concerns about {concern} were not substantiated. {name}'s needs are being met, and {parent} "
        "has shown a good understanding of the worries raised. No further action by children's social care.",
        "This was a one-off incident that {parent} dealt with appropriately. Universal services will continue to "
        "support {name}; no role for children's social care.",
        "The assessment found {name} to be a child whose needs are met at home. School will keep an eye on things "
        "and refer again if anything changes.",
    ),
    "early_help": (
        "{name} is not a child in need of social care services, but the family would benefit from support with "
        "{concern}. {Parent} has agreed to work with the early help team.",
        "The concerns about {concern} are real but low level. A family support worker can help {parent} with "
        "routines and boundaries; step down to early help with consent.",
        "{parent} recognises the difficulties and wants help. An early help assessment and team around the family "
        "is the right level of support for {name}.",
    ),
    "cin_plan": (
        "{name} is a child in need. The concerns about {concern} are having an impact on {their} development and "
        "{parent} needs support to make lasting changes. A child in need plan is recommended.",
        "There is a pattern of {concern} over time. {Parent} is engaging, but the risks remain and {name} needs "
        "a plan with clear actions, reviewed every three months.",
        "{name}'s needs are not being met consistently. Without support the situation is likely to get worse; "
        "a child in need plan will coordinate school, health and the family.",
    ),
    "strategy": (
        "The information gathered suggests {name} may be suffering significant harm. A strategy discussion is "
        "needed to decide whether to start a section 47 enquiry.",
    ),
    "looked_after": (
        "{name} cannot be kept safe at home and {parent} has agreed to {them} being accommodated while the "
        "assessment of the family continues.",
    ),
    "core_assessment": (
        "The initial assessment shows complex needs around {concern}. A core assessment is needed to understand "
        "the family's history and {parent}'s capacity to change.",
    ),
}

RISKS: dict[str, str] = {
    "physical_abuse": "Unexplained injuries and physical chastisement.",
    "neglect": "{name}'s basic care and health needs are not met consistently.",
    "sexual_abuse": "An allegation of sexual harm that is still being investigated by police.",
    "emotional_abuse": "{name} is exposed to persistent criticism and hostility at home.",
    "domestic_abuse": "Domestic abuse between the adults, with {name} present during incidents.",
    "parental_mental_health": "{parent}'s mental health fluctuates and affects the care {name} receives.",
    "substance_misuse": "{parent}'s drug and alcohol use affects routines and supervision.",
    "child_mental_health": "{name}'s self-harm and low mood.",
    "exploitation": "{name} has links to older young people involved in exploitation.",
    "missing": "{name} goes missing overnight and will not say where {they_lower} went.",
    "disability": "The family's capacity to meet {name}'s care needs without support.",
    "behaviour": "{name}'s behaviour is escalating and the family struggle to manage it.",
    "housing": "Overcrowded and unsuitable housing.",
    "parenting": "Inconsistent parenting and a lack of routines.",
    "other": "The concerns raised at the contact.",
}

STRENGTHS = (
    "{parent} engaged well with the assessment and was open about the difficulties.",
    "{name} has a good relationship with school staff and a trusted adult to talk to.",
    "Supportive grandparents who live nearby and see {name} most days.",
    "{parent} has made positive changes in the past with support.",
    "{name} is doing well at school and enjoys football club.",
    "The family has a secure home and {parent} is in work.",
)

CHILDS_VIEWS: dict[str, tuple[str, ...]] = {
    "young": (
        '{name} drew a picture of {their} house and said "mummy gets cross but then we have cuddles".',
        '{name} said "I like my bed and my teddy" and that {their} favourite thing is going to the park.',
        "{name} said {they_lower} felt happy at home, and sad when the grown-ups shout.",
    ),
    "school": (
        "{name} said \"it's alright at home most of the time, I just don't like it when they argue\".",
        '{name} said "I want mum to stop drinking and I want to stay living with her".',
        "{name} said {they_lower} felt safe at home and would tell {their} teacher if anything was wrong.",
        '{name} said "I get hungry sometimes when there\'s nothing in" and that school breakfast club helps.',
        "{name} said {they_lower} wanted dad to come back and worried about {their} mum.",
    ),
    "older": (
        "{name} said \"I don't need a social worker, I'm fine\" but agreed that things at home are hard.",
        '{name} said "I go out because it\'s better than being at home" and does not want the police involved.',
        '{name} said "I just want everyone to stop fighting" and would like someone to talk to.',
        "{name} said {they_lower} would like help with {their} anxiety and to move school.",
        '{name} said "mum is doing her best" and wants help for her, not for {them}.',
    ),
}

VIEWS_HOW = (
    "Seen alone at school by the allocated social worker, using a three houses tool.",
    "Seen alone in {their} bedroom at a home visit by the social worker; words recorded at the time.",
    "Talked with the social worker on a walk to the park, with {parent}'s agreement.",
    "Seen at school with a trusted teaching assistant present; the social worker used the wishes and feelings workbook.",
    "Through play and drawing at the children's centre with the social worker.",
    "Met the social worker at a youth club; {name} chose where to meet.",
)

VIEWS_NOT_GATHERED = {
    "age": (
        "Too young to give views. Observed at home: {name} was settled, explored the room and went to {parent} for comfort.",
        "A baby, observed with {parent}: responsive, well handled, feeding well.",
    ),
    "communication": (
        "{name} is non-verbal; an interpreter for Makaton could not be arranged in time. Observed at school instead.",
        "{name} uses a communication aid; school will help gather views for the plan.",
    ),
    "refused": (
        "{name} did not want to speak to a social worker and walked out of the meeting; {their} wish was respected.",
        "{name} refused to talk about home, saying it was nobody's business.",
    ),
    "not_seen": (
        "Three unannounced visits, no answer at the door; {parent} cancelled two planned visits.",
        "The family moved out of the area during the assessment and could not be seen.",
        "{name} was staying with relatives abroad throughout the assessment.",
    ),
    "unborn": ("Unborn baby: {Parent} was seen at home and at the antenatal clinic with the midwife.",),
    "other": ("{name} was in hospital for most of the assessment; views will be gathered at the first plan meeting.",),
}

NOT_ALONE_REASONS = (
    "{parent} would not agree to {name} being seen alone.",
    "{name} was too anxious to be seen without {their} {parent} present.",
    "Seen at home with {parent} present; an unannounced visit alone could not be arranged in time.",
)

NOT_APPROPRIATE_REASONS = (
    "A baby: seen with {parent}.",
    "Too young to be seen alone; observed with {parent} at home.",
)

PARENTS_VIEWS = (
    "{parent} was upset by the referral but agreed that things have been difficult and wants help.",
    "{parent} disputes the concerns and feels the school has overreacted.",
    "{parent} accepts the concerns about {concern} and has agreed to work with services.",
    "{parent} said the family is managing and does not want social care involved.",
    "{parent} is worried about {name} and asked for help with {their} behaviour.",
    "{parent} was open about {their_parent} own difficulties and wants support to keep {name} at home.",
)

AGENCIES_VIEWS = (
    "School are worried about attendance and presentation and support a plan.",
    "The health visitor has no concerns about care; development is on track.",
    "Police have attended the address before; no further incidents since.",
    "The GP reports that {parent} is engaging with treatment.",
    "School describe {name} as a bright child who has been unsettled this term.",
    "The school nurse has seen {name} twice and will continue to offer drop-ins.",
)

LATE_REASONS = (
    "Waiting for information from health partners.",
    "Staff sickness in the team; the case was reallocated.",
    "The family cancelled visits and the child could not be seen in time.",
    "Waiting for police checks.",
    "Complex family situation needed further visits to understand.",
    "Interpreter not available for the family's first language.",
)

AUTHORISE_COMMENTS = (
    "Good analysis; the child's voice comes through clearly.",
    "Agreed. Please make sure the plan names who does what by when.",
    "A thorough assessment. Share it with the family this week.",
    "Agreed with the outcome. The chronology could be fuller next time.",
    "Well evidenced. Remember to tell the referrer the outcome.",
)

RETURN_COMMENTS = (
    "Please add the child's own words and how they were gathered.",
    "The analysis needs to say what the risks mean for the child, not just list them.",
    "Please add the school's view before I authorise this.",
    "Father's views are missing; please try to speak to him.",
)

REVIEW_SUMMARIES = (
    "Plan reviewed with {parent}, school and health. Good progress on attendance; plan continues.",
    "Some progress but {concern} remains a worry. Actions updated; next review in three months.",
    "{name} is settled and {parent} is working well with the family support worker. Plan continues.",
    "Little progress since the last review. Escalation to a legal planning meeting discussed and not yet needed.",
    "Positive review: the family has met the plan's outcomes. Plan to end with step down to early help.",
    "{parent} did not attend; the plan was reviewed with professionals and a home visit arranged.",
)
