"""The DfE code lists, defined once, with the CIN census code as the stored value.

Source: the CIN census 2025-26 XSD and the DfE validation rules
(../shared/reference/cin_census.md section 2).
"""

from django.db import models


class Sex(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Unknown"


class Ethnicity(models.TextChoices):
    WHITE_BRITISH = "WBRI", "White British"
    WHITE_IRISH = "WIRI", "White Irish"
    IRISH_TRAVELLER = "WIRT", "Traveller of Irish heritage"
    WHITE_OTHER = "WOTH", "Any other White background"
    GYPSY_ROMA = "WROM", "Gypsy/Roma"
    WHITE_BLACK_CARIBBEAN = "MWBC", "White and Black Caribbean"
    WHITE_BLACK_AFRICAN = "MWBA", "White and Black African"
    WHITE_ASIAN = "MWAS", "White and Asian"
    MIXED_OTHER = "MOTH", "Any other mixed background"
    INDIAN = "AIND", "Indian"
    PAKISTANI = "APKN", "Pakistani"
    BANGLADESHI = "ABAN", "Bangladeshi"
    ASIAN_OTHER = "AOTH", "Any other Asian background"
    CARIBBEAN = "BCRB", "Caribbean"
    AFRICAN = "BAFR", "African"
    BLACK_OTHER = "BOTH", "Any other Black background"
    CHINESE = "CHNE", "Chinese"
    OTHER = "OOTH", "Any other ethnic group"
    REFUSED = "REFU", "Refused"
    NOT_OBTAINED = "NOBT", "Information not yet obtained"


class Disability(models.TextChoices):
    NONE = "NONE", "No disability"
    MOBILITY = "MOB", "Mobility"
    HAND_FUNCTION = "HAND", "Hand function"
    PERSONAL_CARE = "PC", "Personal care"
    INCONTINENCE = "INC", "Incontinence"
    COMMUNICATION = "COMM", "Communication"
    LEARNING = "LD", "Learning"
    HEARING = "HEAR", "Hearing"
    VISION = "VIS", "Vision"
    BEHAVIOUR = "BEH", "Behaviour"
    CONSCIOUSNESS = "CON", "Consciousness"
    AUTISM = "AUT", "Autism"
    OTHER = "DDA", "Other (DDA-defined disability)"


class UpnUnknownReason(models.TextChoices):
    UNDER_SIX = "UN1", "Under 6 years old and not yet assigned a UPN"
    NEVER_IN_MAINTAINED_SCHOOL = "UN2", "Never attended a maintained school in England"
    EDUCATED_OUTSIDE_ENGLAND = "UN3", "Educated outside England"
    NEWLY_IN_NEED = "UN4", "Newly in need: UPN not yet known at the census"
    DISCREPANCIES = "UN5", "Discrepancies in name or date of birth prevent matching"
    UNABLE_TO_OBTAIN = "UN6", "Not looked after, and the council cannot obtain the UPN"
    REFERRAL_NFA = "UN7", "Referral with no further action"


class ReferralSource(models.TextChoices):
    FAMILY = "1A", "Individual: family member, relative or carer"
    ACQUAINTANCE = "1B", "Individual: acquaintance (including neighbours and child minders)"
    SELF = "1C", "Individual: self"
    OTHER_INDIVIDUAL = "1D", "Individual: other (including strangers)"
    SCHOOLS = "2A", "Schools"
    EDUCATION_SERVICES = "2B", "Education services"
    GP = "3A", "Health services: GP"
    HEALTH_VISITOR = "3B", "Health services: health visitor"
    SCHOOL_NURSE = "3C", "Health services: school nurse"
    OTHER_PRIMARY_HEALTH = "3D", "Health services: other primary health services"
    A_AND_E = "3E", "Health services: A&E"
    OTHER_HEALTH = "3F", "Health services: other (for example hospice)"
    HOUSING = "4", "Housing: local authority or housing association"
    LA_SOCIAL_CARE = "5A", "LA services: social care (for example adult social care)"
    LA_OTHER_INTERNAL = "5B", "LA services: other internal (for example youth offending)"
    LA_EXTERNAL = "5C", "LA services: external (another council's services)"
    LA_EARLY_HELP = "5D", "LA services: early help"
    POLICE = "6", "Police"
    OTHER_LEGAL = "7", "Other legal agency (courts, probation, immigration, Cafcass, prison)"
    OTHER = "8", "Other (children's centres, independent or voluntary organisations)"
    ANONYMOUS = "9", "Anonymous"
    UNKNOWN = "10", "Unknown"


class PrimaryNeed(models.TextChoices):
    ABUSE_NEGLECT = "N1", "Abuse, neglect and exploitation"
    CHILD_DISABILITY = "N2", "Child's disability"
    PARENTAL_DISABILITY = "N3", "Parental disability or illness"
    ACUTE_STRESS = "N4", "Family in acute stress"
    FAMILY_DYSFUNCTION = "N5", "Family dysfunction"
    SOCIALLY_UNACCEPTABLE = "N6", "Socially unacceptable behaviour"
    LOW_INCOME = "N7", "Low income"
    ABSENT_PARENTING = "N8", "Absent parenting"
    NOT_IN_NEED = "N9", "Cases other than children in need"
    NOT_STATED = "N0", "Not stated"


class ReasonForClosure(models.TextChoices):
    ADOPTED = "RC1", "Adopted"
    DIED = "RC2", "Died"
    CHILD_ARRANGEMENTS = "RC3", "Child arrangements order"
    SPECIAL_GUARDIANSHIP = "RC4", "Special guardianship order"
    TRANSFERRED_OTHER_LA = "RC5", "Transferred to another local authority"
    TRANSFERRED_ADULTS = "RC6", "Transferred to adult social care"
    CEASED = "RC7", "Services ceased for any other reason, including child no longer in need"
    NFA_AFTER_ASSESSMENT = "RC8", "Closed after assessment, no further action"
    EARLY_HELP_AFTER_ASSESSMENT = "RC9", "Closed after assessment, referred to early help"


class CategoryOfAbuse(models.TextChoices):
    NEGLECT = "NEG", "Neglect"
    PHYSICAL = "PHY", "Physical abuse"
    SEXUAL = "SAB", "Sexual abuse"
    EMOTIONAL = "EMO", "Emotional abuse"
    MULTIPLE = "MUL", "Multiple"


class AssessmentFactor(models.TextChoices):
    """Factors identified at the end of assessment (AssessmentFactors; rule 8897Q's list, 18A and 19A retired)."""

    ALCOHOL_CHILD = "1A", "Alcohol misuse: the child"
    ALCOHOL_PARENT = "1B", "Alcohol misuse: a parent or carer"
    ALCOHOL_OTHER = "1C", "Alcohol misuse: another person in the household"
    DRUGS_CHILD = "2A", "Drug misuse: the child"
    DRUGS_PARENT = "2B", "Drug misuse: a parent or carer"
    DRUGS_OTHER = "2C", "Drug misuse: another person in the household"
    DOMESTIC_ABUSE_CHILD = "3A", "Domestic abuse: the child is the subject"
    DOMESTIC_ABUSE_PARENT = "3B", "Domestic abuse: a parent or carer is the subject"
    DOMESTIC_ABUSE_OTHER = "3C", "Domestic abuse: another person in the household is the subject"
    MENTAL_HEALTH_CHILD = "4A", "Mental health: the child"
    MENTAL_HEALTH_PARENT = "4B", "Mental health: a parent or carer"
    MENTAL_HEALTH_OTHER = "4C", "Mental health: another person in the family or household"
    LEARNING_DISABILITY_CHILD = "5A", "Learning disability: the child"
    LEARNING_DISABILITY_PARENT = "5B", "Learning disability: a parent or carer"
    LEARNING_DISABILITY_OTHER = "5C", "Learning disability: another person in the family or household"
    PHYSICAL_DISABILITY_CHILD = "6A", "Physical disability or illness: the child"
    PHYSICAL_DISABILITY_PARENT = "6B", "Physical disability or illness: a parent or carer"
    PHYSICAL_DISABILITY_OTHER = "6C", "Physical disability or illness: another person in the family or household"
    YOUNG_CARER = "7A", "Young carer"
    PRIVATE_FOSTERING_OVERSEAS_RETURN = "8B", "Privately fostered: overseas child who intends to return"
    PRIVATE_FOSTERING_OVERSEAS_STAY = "8C", "Privately fostered: overseas child who intends to stay"
    PRIVATE_FOSTERING_EDUCATION = "8D", "Privately fostered: UK child in an educational placement"
    PRIVATE_FOSTERING_FAMILY = "8E", "Privately fostered: UK child in an alternative family arrangement"
    PRIVATE_FOSTERING_OTHER = "8F", "Privately fostered: other"
    UASC = "9A", "Unaccompanied asylum-seeking child"
    MISSING = "10A", "Going or being missing"
    SEXUAL_EXPLOITATION = "11A", "Child sexual exploitation"
    TRAFFICKING = "12A", "Trafficking"
    GANGS = "13A", "Gangs"
    SOCIALLY_UNACCEPTABLE = "14A", "Socially unacceptable behaviour"
    SELF_HARM = "15A", "Self-harm"
    NEGLECT = "16A", "Neglect"
    EMOTIONAL_ABUSE = "17A", "Emotional abuse"
    PHYSICAL_ABUSE_CHILD_ON_CHILD = "18B", "Physical abuse: child on child"
    PHYSICAL_ABUSE_ADULT_ON_CHILD = "18C", "Physical abuse: adult on child"
    SEXUAL_ABUSE_CHILD_ON_CHILD = "19B", "Sexual abuse: child on child"
    SEXUAL_ABUSE_ADULT_ON_CHILD = "19C", "Sexual abuse: adult on child"
    OTHER = "20", "Other"
    NONE = "21", "No factors identified"
    FGM = "22A", "Female genital mutilation"
    FAITH_OR_BELIEF = "23A", "Abuse linked to faith or belief"
    CRIMINAL_EXPLOITATION = "24A", "Child criminal exploitation"
