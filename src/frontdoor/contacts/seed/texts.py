"""What referrers say and what deciders write: the concern templates and rationales of the synthetic front door.

The templates and their tags are described in `frontdoor.contacts.seed.data`.
"""

CONCERNS: dict[str, tuple[tuple[str, str], ...]] = {
    "physical_abuse": (
        (
            "one school @school",
            "{child} came into school with a bruise on {their} cheek. When the class teacher asked, {they} said "
            "{abuser} had hit {them} because {they} would not go to bed.",
        ),
        (
            "one @school @health @la @other",
            "{child} has marks on {their} upper arm that look like fingertip bruising. {They} told staff that "
            "{parent} grabbed {them} and shook {them} when {they} spilt a drink.",
        ),
        (
            "@individual @anonymous @police",
            "A neighbour heard shouting and a child screaming from the house for about an hour last night, then a "
            "loud bang. This morning {child} {was} seen with what looked like a cut lip.",
        ),
        (
            "one high @3E @3F",
            "{child} was brought to A&E with a fractured forearm. The explanation given by {parent} (a fall from the "
            "sofa) does not fit the injury, and there was a delay of two days in seeking treatment.",
        ),
        (
            "@police",
            "Police were called to the address after a report of an assault. {Abuser} is alleged to have slapped "
            "{child} across the face during an argument about phones.",
        ),
        (
            "one young high @3B",
            "Health visitor saw a small bruise on the side of {child}'s face at a home visit. {child} is not yet "
            "mobile and {parent} could not explain it.",
        ),
    ),
    "neglect": (
        (
            "school @school",
            "{child} {has} come to school hungry most days this half term, in the same clothes and smelling of "
            "urine. {They} {has} been asking staff for food to take home.",
        ),
        (
            "young @3B @3A",
            "Health visitor found the home cold, with no food in the fridge and dog mess on the floor. {child} "
            "{was} in a soiled nappy and {parent} seemed unable to focus on what was said.",
        ),
        (
            "school @school @la",
            "Attendance has dropped below 60% this term. When staff visited, {parent} did not answer the door; "
            "neighbours say {child} {is} often left alone in the evenings.",
        ),
        (
            "@individual @anonymous @housing",
            "The caller says {child} {is} often out in the street late at night without an adult, and the house is "
            "in a very poor state, with rubbish piled up in the garden.",
        ),
        (
            "one low @3D",
            "The dentist reports that {child} has severe tooth decay needing extractions under general anaesthetic, "
            "and three appointments have been missed.",
        ),
        (
            "@3A @3B @3C @3D @la",
            "Missed health appointments: {child} {has} not been seen for immunisations or development checks for "
            "over a year, and the family have not responded to letters.",
        ),
        (
            "@police",
            "Police attended for a welfare check and found {child} at home with no adult present and very little "
            "food in the house.",
        ),
    ),
    "sexual_abuse": (
        (
            "one school high @school",
            "{child} told {their} teacher that an older cousin touches {them} when {they} stay{s} at {their} nan's "
            "house, and that it is a secret.",
        ),
        (
            "one older @school @3C",
            "{child} told the school nurse about a man {they} met online who has been sending {them} sexual "
            "messages and has asked to meet.",
        ),
        (
            "one older @police @individual @school",
            "{Parent} found messages on {child}'s phone from an adult asking for pictures and has contacted the "
            "police.",
        ),
        (
            "@legal @police",
            "Probation report that a man convicted of sexual offences against children has moved into the "
            "household where {child} live{s}.",
        ),
        (
            "high",
            "{child} disclosed sexual abuse by a family friend to a trusted adult, who has told the police.",
        ),
    ),
    "emotional_abuse": (
        (
            "school @school",
            "{child} {has} become withdrawn and tearful at school. {They} told the class teacher that {parent} "
            "calls {them} stupid and says {they} should never have been born.",
        ),
        (
            "@school",
            "School are worried about how {parent} speaks to {child} at the gate: shouting, swearing and "
            "threatening to put {them} in care.",
        ),
        (
            "school",
            "{child} {says} {they} {is} frightened to go home because of the constant arguments, and that {they} "
            "{is} blamed for them.",
        ),
    ),
    "domestic_abuse": (
        (
            "@police",
            "Police attended a domestic incident at the home at about 11pm. Mum had been pushed against a wall by "
            "{partner}, who also broke her phone; {child} {was} in the house and heard it. DASH assessed as medium "
            "risk.",
        ),
        (
            "low @police",
            "Police notification: a verbal argument between the parents, no offences disclosed. {child} {was} "
            "upstairs asleep. DASH assessed as standard risk.",
        ),
        (
            "@3B @3A @3D",
            "Mum disclosed to the health visitor that {partner} controls the money, checks her phone and has "
            "threatened to take {child} if she leaves.",
        ),
        (
            "school @school",
            "{child} told staff that {abuser} hit mum at the weekend and {they} hid in the bedroom until it stopped.",
        ),
        (
            "@police",
            "Third police call-out to the address in two months. {Abuser} was arrested for criminal damage after "
            "smashing the front door. {child} {was} present.",
        ),
        (
            "",
            "Mum has fled to a friend's house with {child} after an assault by {partner}, who has found out where "
            "she is and keeps turning up.",
        ),
        (
            "@legal",
            "Cafcass safeguarding checks for a child arrangements application: police hold records of domestic "
            "abuse between the parents, and {child} {has} seen some of the incidents.",
        ),
        (
            "@individual @anonymous @health @la @other",
            "The caller says mum is frightened of {partner}, who has hit her in front of {child}.",
        ),
    ),
    "parental_mental_health": (
        (
            "",
            "{Parent} took an overdose on Sunday and was discharged from hospital yesterday. {child} {was} at home "
            "at the time.",
        ),
        (
            "@health",
            "Mum has told health staff she is hearing voices and has stopped taking her medication. She is the only "
            "carer for {child}.",
        ),
        (
            "young @3A @3B @3D @3F",
            "The perinatal mental health team are worried about mum's very low mood and that she is not responding "
            "to {child}'s needs.",
        ),
        (
            "",
            "{Parent} has been sectioned under the Mental Health Act. {child} {is} staying with a neighbour and there "
            "is no plan for who will care for {them}.",
        ),
    ),
    "substance_misuse": (
        (
            "school @school",
            "{Parent} arrived to collect {child} from school smelling strongly of alcohol and tried to drive away "
            "with {them}; staff called the police.",
        ),
        (
            "@police",
            "Police executed a drugs warrant at the address. Cannabis and cocaine were found in the kitchen within "
            "reach of {child}.",
        ),
        (
            "school @individual @anonymous",
            "A neighbour says {parent} has been drinking heavily since the separation and {child} {is} often left "
            "to get {self} to school.",
        ),
        (
            "@3F @la @other",
            "The drug and alcohol service report that {parent} has relapsed into heroin use and has missed three "
            "script appointments. {Parent} cares for {child} alone.",
        ),
        (
            "@police",
            "Police stopped {parent} driving over the limit with {child} in the car.",
        ),
    ),
    "child_mental_health": (
        (
            "one @school",
            "{child} told the school counsellor that {they} {has} been cutting {their} arms and thinking about "
            "ending {their} life.",
        ),
        (
            "one @3E @3F @police",
            "{child} came to A&E after taking 16 paracetamol. {They} {was} seen by the mental health liaison team "
            "and discharged home.",
        ),
        (
            "one @health @school @individual",
            "{child} has stopped eating, is losing weight and refuses to go to school. The GP has referred to CAMHS "
            "but the wait is long.",
        ),
        (
            "one @police",
            "Police found {child} on a bridge in the early hours saying {they} wanted to die; {they} {was} taken to "
            "A&E.",
        ),
    ),
    "exploitation": (
        (
            "one",
            "{child} has been seen getting into cars with older men and has new clothes and phones {they} cannot "
            "explain.",
        ),
        (
            "one @police",
            "Police stopped {child} in another county with cash and two phones. Concerns about county lines "
            "exploitation.",
        ),
        (
            "one @school @la @individual",
            "{child} {is} regularly missing overnight and comes back with injuries. School are worried {they} "
            "{is} being groomed by a local gang.",
        ),
    ),
    "missing": (
        (
            "one @police @individual",
            "{child} went missing from home last night and was found by police at 3am in the town centre. This is "
            "the fourth missing episode this month.",
        ),
        (
            "one @police @school",
            "{child} did not come home from school and was reported missing by {parent}; {they} {was} found the "
            "next morning at a friend's house.",
        ),
        (
            "one @school @la",
            "School have not seen {child} for three weeks and the family are not at the address. Possible child "
            "missing education.",
        ),
    ),
    "disability": (
        (
            "one @individual @la @health @other",
            "{Parent} is struggling to care for {child}, who is autistic and is hardly sleeping; {parent} is "
            "exhausted and asking for short breaks.",
        ),
        (
            "one @3F @3E",
            "The paediatrician asks for an assessment of {child}'s needs: complex health needs, two carers needed "
            "at night, and the family's housing is unsuitable.",
        ),
        (
            "one",
            "{child} has a learning disability and {parent} says they can no longer manage {their} behaviour at "
            "home safely.",
        ),
    ),
    "behaviour": (
        (
            "one @school",
            "{child} has been excluded twice this term for violence towards staff. {Parent} says {they} cannot cope "
            "with {their} behaviour at home either.",
        ),
        (
            "one @individual @la @other",
            "The youth justice service report that {child} has been arrested for shoplifting and is out late most "
            "nights.",
        ),
        ("one", "{Parent} rang asking for help: {child} is smashing things at home and has hit a younger sibling."),
        (
            "one older @police",
            "Police were called after {child} assaulted {parent} during an argument at home.",
        ),
    ),
    "housing": (
        (
            "",
            "The family have been served notice and will be homeless at the end of the month. {Parent} and {child} "
            "are sofa-surfing at a friend's.",
        ),
        (
            "@housing",
            "The housing officer found the family's flat badly overcrowded and damp, with black mould in the "
            "children's bedroom.",
        ),
        (
            "@housing @la",
            "The family presented as homeless after fleeing domestic abuse in another area. They have no recourse "
            "to public funds.",
        ),
    ),
    "parenting": (
        (
            "school @individual @school @la @other",
            "{Parent} asked for help with routines and boundaries: {child} {is} not going to bed until the early "
            "hours and {is} late for school most days.",
        ),
        (
            "@la @other",
            "The family support worker reports the family are struggling after the death of the children's "
            "grandmother, and {parent} is finding it hard to cope.",
        ),
        (
            "",
            "{Parent} says the separation has been very difficult and {child} {is} caught in the middle of "
            "arguments about contact.",
        ),
    ),
    "other": (
        (
            "low @la",
            "A request for information from another local authority about {child}, who may have moved into the area.",
        ),
        (
            "one",
            "Possible private fostering: {child} has been living with a family friend for six weeks while {parent} "
            "is abroad.",
        ),
        (
            "@individual @anonymous @police",
            "A member of the public saw {child} alone at the bus station late in the evening and was worried "
            "about {them}.",
        ),
        (
            "low",
            "The referrer is worried about how things are at home for {child} and would like advice.",
        ),
    ),
}

PRE_BIRTH = (
    (
        "substance_misuse",
        "The midwife is concerned for the unborn baby: mum is {weeks} weeks pregnant, booked late, and has "
        "disclosed daily cannabis and alcohol use.",
    ),
    (
        "neglect",
        "Pre-birth referral: mum's older children were removed from her care in another area. She is {weeks} "
        "weeks pregnant and due in {due}.",
    ),
    (
        "domestic_abuse",
        "Mum disclosed domestic abuse from her partner at her booking appointment. She is {weeks} weeks pregnant.",
    ),
    (
        "parental_mental_health",
        "Mum is {weeks} weeks pregnant and has a history of severe postnatal depression and a psychotic episode "
        "after her last baby.",
    ),
)

CHILDS_VIEWS = (
    "{child} says {they} want{s} things to go back to how they were.",
    "{child} told staff {they} just want{s} everyone to stop arguing.",
    "{child} did not want to talk about what happened but said {they} would like to stay at {their} nan's for a while.",
    "{child} says {they} {is} happy at home and does not want social workers involved.",
    "{child} said {they} would like someone to talk to at school.",
    "{child} says {they} feel{s} safe with mum but does not like it when there is shouting.",
    "{child} said {they} {is} scared to go home tonight.",
)

UNIDENTIFIED = (
    "{sex}, about {age}, first name given as {first}; surname, date of birth and address not known. Seen at {place}.",
    "{sex} aged about {age}, called {first} by friends. The caller does not know the family's surname or address; "
    "thought to live near {place}.",
    "A {sex_lower} of about {age} known only as {first}, seen several times at {place}.",
)
UNIDENTIFIED_PLACES = (
    "the bus station",
    "the retail park",
    "the skate park",
    "Northbridge Academy",
    "the Riverside estate",
    "the town centre",
    "the Co-op on the High Street",
)
FOLLOW_UPS = (
    "Ask the police for the address from their incident log.",
    "Check the school roll with the education welfare service.",
    "Ring the referrer back for more details, then search again.",
    "Ask health to check the NHS spine once a date of birth is known.",
    "Check with the housing team who lives at the address given.",
)

# Rationales, tagged as concerns are with the sources whose contacts they fit.
PROFESSIONALS = "@police @school @health @housing @la @legal @other"
RATIONALES: dict[str, tuple[tuple[str, str], ...]] = {
    "nfa": (
        (
            "",
            "Information only. The concerns about {category} have been dealt with and {child}'s needs are being met "
            "by universal services. No further action.",
        ),
        (
            "",
            "A single incident; the parents acted protectively and are working with the services involved. No role "
            "for children's social care at this point.",
        ),
        (
            "@police",
            "Police notification for information. No children's social care role; the family are known to be coping "
            "and school have been told.",
        ),
    ),
    "advice": (
        (
            PROFESSIONALS,
            "Advice given to the referrer on managing the concerns about {category} within their service. {child}'s "
            "needs can be met by universal services with a little extra support.",
        ),
        (
            "",
            "Parent given advice about {category} and how to ask for help if things get worse. Below the threshold "
            "for early help.",
        ),
        (
            "@individual @anonymous",
            "Advice given to the caller on what to look out for and how to get in touch again if they are worried. "
            "Below the threshold for early help.",
        ),
    ),
    "signpost": (
        ("", "Signposted to {service}, which can meet the family's needs. The threshold for early help is not met."),
        ("", "The family agreed to contact {service}. No role for children's social care."),
    ),
    "early_help": (
        (
            "",
            "Additional needs that a co-ordinated early help response can meet; the family agree. Passed to the "
            "early help team for a family support worker.",
        ),
        (
            "",
            "Level of need: {category} affecting {child}'s wellbeing. Parents consent to early help; a lead "
            "professional to be agreed at the team around the family meeting.",
        ),
    ),
    "assessment": (
        (
            "",
            "Several needs together ({category}) and previous contacts. A child and family assessment under section "
            "17 is needed.",
        ),
        (
            "",
            "{child}'s development is likely to be impaired without services. Referral for assessment; allocate to a "
            "locality team.",
        ),
    ),
    "strategy": (
        (
            "",
            "Reasonable cause to suspect that {child} is suffering, or is likely to suffer, significant harm. "
            "Strategy discussion with police and health today.",
        ),
        (
            "",
            "Concerns of {category}. Immediate strategy discussion; the police child abuse investigation team told.",
        ),
    ),
    "marac": (
        (
            "",
            "High-risk domestic abuse (DASH 14 or more). Referred to MARAC; {child}'s needs to be considered at the "
            "meeting.",
        ),
    ),
    "open_case": (
        (
            "",
            "{child} has an allocated social worker. Contact passed to the allocated worker to consider within the "
            "current plan.",
        ),
    ),
}
# A child who could not be identified: the checks were made, and nothing more can be done.
UNIDENTIFIED_RATIONALES = (
    "Checks with the police, schools and health did not identify the child. No further action; the referrer was "
    "asked to get in touch again with any more details.",
    "The child could not be identified from the details given. Police told; no further action unless more "
    "information comes in.",
)
UNIDENTIFIED_CONCERNS = (
    (
        "exploitation",
        "A {sex_lower} of about {age}, who called {them}self {first}, was seen getting into a car with two older men "
        "outside {place}.",
    ),
    (
        "missing",
        "Police found a {sex_lower} of about {age}, who gave {their} name as {first}, alone at {place} at 2am. "
        "{They_cap} ran off before officers could get any more details.",
    ),
    (
        "physical_abuse",
        "The caller overheard a {sex_lower} of about {age} called {first} at {place} saying {they} {is} hit at home "
        "and is scared to go back.",
    ),
    (
        "neglect",
        "A {sex_lower} of about {age}, called {first} by friends, is often at {place} late at night, looking thin "
        "and unkempt, and says there is no food at home.",
    ),
)
