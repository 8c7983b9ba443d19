"""What the seeded child protection records say: a few templates for each, filled with the child's details.

Placeholders: {name} the child (or "the baby"), {names} every child the discussion was about, {their}/{them}/
{they} the child's pronouns, {parent}/{Parent} "mum" or "dad", {concern} the concerns at referral, {police} the
police officer, {worker} the social worker, {health} the health professional, {school} the school.
"""

# What the agencies shared at the strategy discussion, by the first concern at referral.
INFORMATION_SHARED: dict[str, tuple[str, ...]] = {
    "physical_abuse": (
        "{names}: school saw bruising to {name}'s upper arm and cheek this morning; {name} said {parent} grabbed "
        "{them}. Police hold two previous call-outs to the address for domestic incidents. Health: {name} is up to "
        "date with immunisations; one A&E attendance last year for a wrist injury, explained as a fall.",
        "{name} arrived at school with a mark to {their} neck and said {parent}'s partner hit {them} with a belt. "
        "Police: the partner has a caution for assault (2022). Health visitor records show no concerns until "
        "this year; the GP has not seen {name} for eighteen months.",
        "Injury to {name} seen by the nursery: finger-tip bruising to both upper arms. {Parent} gave no "
        "explanation. Police checks: no records on {parent}; the partner is known for violence to a previous "
        "partner. Health: missed developmental review in the spring.",
    ),
    "sexual_abuse": (
        "{name} told a teacher that an adult male visiting the home touched {them} inappropriately. Police: the "
        "named adult is a registered sex offender not known to be living at the address. Health: no concerns "
        "recorded; school nurse has seen {name} twice this year about low mood.",
        "Disclosure by {name} to a friend's parent of sexual abuse by a relative. Police will lead; an ABE "
        "interview is needed. School reports {name} has been withdrawn for some weeks. No previous involvement "
        "with children's social care.",
    ),
    "neglect": (
        "{names}: school reports poor hygiene, hunger and attendance of 71% this term. Home conditions seen by the "
        "health visitor were poor, with little food and no working heating. Police attended a welfare check last "
        "week and found the children alone in the evening.",
        "Health visitor: {name} has lost weight and missed three appointments; the home was cluttered and unsafe. "
        "Police found {parent} intoxicated at a welfare check with the children present. School: the older "
        "children often arrive late and hungry.",
    ),
    "emotional_abuse": (
        "{name} told school that {parent} tells {them} daily that {they} are worthless and will be sent away. "
        "Police: three domestic incidents in six months, the children present at two. Health: {name} is on the "
        "CAMHS waiting list for anxiety.",
        "Persistent shouting and threats heard by neighbours; {name} described being locked out of the house as a "
        "punishment. School has noticed {name} is frightened to go home. No health concerns recorded.",
    ),
    "domestic_abuse": (
        "Police attended a domestic incident overnight: {parent}'s partner assaulted {parent} in front of {names}. "
        "The partner was arrested and bailed with conditions not to attend the address. The risk assessment was "
        "high; MARAC referral made. Health: {parent} attended A&E twice this year with injuries.",
        "Third domestic incident in two months; {name} tried to intervene and was pushed over. Police: the "
        "perpetrator has a history of violence to partners. School reports {name} is tired and anxious.",
    ),
    "exploitation": (
        "{name} has been missing three times this month and was found in another city with older males. Police "
        "intelligence links {them} to a county lines network. School: attendance has fallen to 52%. Health: "
        "sexual health clinic attendance noted.",
        "Police found {name} in a car with adults known for child sexual exploitation. {Parent} is worried but "
        "cannot keep {them} safe at home. School reports new phones and clothes {name} cannot explain.",
    ),
    "substance_misuse": (
        "Police found {parent} unconscious at home after taking drugs, with {names} present and no other adult. "
        "Health: {parent} is known to the substance misuse service and has missed appointments. School reports "
        "{name} often cares for the younger children.",
    ),
    "other": (
        "{names}: concerns that {name} is at risk of significant harm ({concern}). Police, health and school "
        "shared what they hold; the police have previous reports about the household. {Parent} is not yet aware "
        "of the referral.",
        "The information from the referral ({concern}) was shared. Police hold intelligence about adults visiting "
        "the home. Health records show missed appointments; school reports {name} has been unsettled and "
        "withdrawn.",
    ),
}

RATIONALES = {
    "s47_joint": (
        "There is reasonable cause to suspect {name} is suffering significant harm, and a crime may have been "
        "committed: joint section 47 enquiry with the police.",
        "Disclosure of harm by a named adult who has access to {name}; the police will investigate alongside our "
        "enquiries. Joint section 47 enquiry.",
        "Injury with no adequate explanation and a history of violence in the household: joint enquiry, with an ABE "
        "interview to be considered.",
    ),
    "s47_single": (
        "Reasonable cause to suspect {name} is likely to suffer significant harm from {concern}; no crime to "
        "investigate at present, so a single agency section 47 enquiry.",
        "The cumulative neglect described by school and health meets the threshold for a section 47 enquiry; the "
        "police will share information but not investigate.",
        "{name} is likely to suffer significant harm if nothing changes: section 47 enquiry led by children's "
        "social care.",
    ),
    "assessment": (
        "{name} is a child in need, but the information shared does not give reasonable cause to suspect "
        "significant harm: continue the single assessment.",
        "The explanation given is consistent with the injury and the family are working with us: no section 47; "
        "assess {name}'s needs.",
    ),
    "nfa": (
        "The police have established the allegation is unfounded and there are no other concerns: no further "
        "action under section 47.",
        "Information from all agencies shows {name} is safe and well cared for: no further action.",
    ),
}

# (action, owner: "police", "worker", "health", "school", "chair" or a fixed owner, earliest and latest
# working days after the discussion)
ACTIONS: tuple[tuple[str, str, int, int], ...] = (
    ("Joint visit to see {name} and {parent} today", "police+worker", 0, 0),
    ("Achieving best evidence interview with {name}", "police", 1, 5),
    ("Child protection medical for {name}", "Duty paediatrician, Northbridge Royal Infirmary", 0, 1),
    ("Agree a safety plan with {parent}, including who may have contact with the children", "worker", 0, 1),
    ("Share health records and the outcome of the last developmental review", "health", 1, 3),
    ("Send attendance, behaviour and any safeguarding records to the social worker", "school", 1, 3),
    ("Check the partner's history with other police forces", "police", 1, 5),
    ("Convene an initial child protection conference within 15 working days", "chair", 10, 14),
    ("Tell {parent} the outcome of the discussion and what happens next", "worker", 0, 1),
    ("Reconvene if the enquiry finds new information", "worker", 5, 10),
)

NOT_REQUIRED = {
    "not_substantiated": (
        "The enquiry did not substantiate the concerns: the explanation of the injury was consistent and the "
        "paediatrician found no other injuries. Continue the assessment.",
        "{name} retracted the allegation and the police are taking no further action; no other concerns from "
        "school or health. No conference needed.",
        "Home conditions have been seen and are adequate; the school's concerns were about a short period of "
        "illness in the family. Support under the assessment.",
    ),
    "not_continuing": (
        "The concerns were substantiated, but {parent} has acted to protect {name} (the partner has left and a "
        "non-molestation order is in place). A child in need plan will support the family.",
        "Harm was substantiated, but the risk is not continuing: the adult concerned no longer has access to "
        "{name}. No conference; support as a child in need.",
        "The family accepted help straight away and the safety plan is working. Not at continuing risk of "
        "significant harm; plan under child in need.",
    ),
}

CONFERENCE_PLAN = (
    "The conference agreed {name} is likely to suffer significant harm; child protection plan under {category}. "
    "First core group within 10 working days; {parent} to engage with the parenting assessment.",
    "Unanimous decision for a child protection plan ({category}). {Parent} attended with an advocate and accepted "
    "the plan. Core group members named; visits at least every two weeks.",
    "Plan agreed under {category}, the police dissenting in favour of a higher category. {name}'s views were "
    "shared by the social worker. Review conference in three months.",
)
CONFERENCE_NO_PLAN = (
    "The conference found {name} is not likely to suffer significant harm now the partner has left; support "
    "under a child in need plan.",
    "No child protection plan: {parent} has engaged well and the risks are managed. Child in need plan with a "
    "review in six weeks.",
)

REVIEW_CONTINUE = (
    "Some progress: {parent} is attending the parenting programme, but home conditions remain poor. The plan "
    "continues under {category}.",
    "{name} has been seen alone at every visit and says things are better, but the partner's whereabouts are not "
    "known. Plan continues.",
    "Limited progress; school attendance has fallen again. The plan continues and a legal planning meeting has "
    "been requested.",
)
REVIEW_END = (
    "The risks have reduced: {parent} has completed the programme and {name} says {they} feel safe. The plan "
    "ends; step down to a child in need plan.",
    "Sustained progress over six months, confirmed by all agencies. {name} is no longer at continuing risk of "
    "significant harm; the plan ends.",
)

CORE_GROUPS = (
    "Core group met at school. Actions reviewed: {parent} attended two of three parenting sessions; the health "
    "visitor will visit fortnightly.",
    "Core group reviewed the plan: home conditions improved, school attendance 89% this month. Next core group "
    "in four weeks.",
    "{Parent} did not attend; the professionals reviewed the actions and the social worker will visit tomorrow "
    "to share them.",
    "Progress against the plan discussed with {parent}; {name}'s wishes and feelings work shared. Two actions "
    "outstanding and carried forward.",
)

VISIT_ALONE = (
    "Seen alone in {their} bedroom. {name} said home is calmer and {they} feel safe; no marks or injuries seen.",
    "Saw {name} alone after school. {name} talked about friends and football, and said {parent} has not been "
    "shouting. Food in the cupboards; the house was warm.",
    "{name} was seen alone and completed a three houses exercise: worries about money, good things about "
    "{their} grandmother's visits.",
)
VISIT_SEEN = (
    "Saw {name} with {parent} in the living room; {name} was chatty and appeared well cared for. Home conditions "
    "adequate.",
    "{name} was seen but did not want to talk alone today; {parent} was present throughout. No visible marks.",
    "Seen with {parent}. {name} was playing happily and reached for {parent} for comfort. Sleeping arrangements "
    "checked.",
)
VISIT_NOT_SEEN = (
    "No answer at the door; a card was left and {parent} was phoned. Visit rearranged for tomorrow.",
    "{Parent} said {name} was at a friend's house; {name} was not seen. The school confirmed {they} attended today.",
)
