"""The census XML, written one child at a time in exactly the element order of cin_census.md section 1.2.

lxml's incremental writer keeps memory flat however many children there are: each child is built as a
small tree, written and dropped.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO

from lxml import etree

from frontdoor.returns.census.periods import CensusYear
from frontdoor.returns.census.records import CensusChild, CensusEpisode

SOFTWARE_CODE = "FrontDoor"


@dataclass(frozen=True)
class Header:
    census: CensusYear
    la_code: str
    serial: int
    release: str
    written_at: datetime


def day(value: date) -> str:
    return value.isoformat()


def flag(value: bool) -> str:
    return "1" if value else "0"


def add(parent: etree._Element, tag: str, text: str | None) -> None:
    """An element with text; nothing at all for an absent optional value."""
    if text:
        etree.SubElement(parent, tag).text = text


def header_element(header: Header) -> etree._Element:
    root = etree.Element("Header")
    details = etree.SubElement(root, "CollectionDetails")
    add(details, "Collection", "CIN")
    add(details, "Year", str(header.census.year))
    add(details, "ReferenceDate", day(header.census.reference_date))
    source = etree.SubElement(root, "Source")
    add(source, "SourceLevel", "L")
    etree.SubElement(source, "LEA").text = header.la_code
    add(source, "SoftwareCode", SOFTWARE_CODE)
    add(source, "Release", header.release)
    add(source, "SerialNo", f"{header.serial:03d}")
    add(source, "DateTime", header.written_at.replace(microsecond=0, tzinfo=None).isoformat())
    return root


def child_element(child: CensusChild) -> etree._Element:
    root = etree.Element("Child")
    ids = etree.SubElement(root, "ChildIdentifiers")
    etree.SubElement(ids, "LAchildID").text = child.la_child_id
    add(ids, "UPN", child.upn)
    add(ids, "FormerUPN", child.former_upn)
    add(ids, "UPNunknown", child.upn_unknown if not child.upn else "")
    add(ids, "PersonBirthDate", day(child.birth_date) if child.birth_date else None)
    add(ids, "ExpectedPersonBirthDate", day(child.expected_birth_date) if child.expected_birth_date else None)
    etree.SubElement(ids, "Sex").text = child.sex
    add(ids, "PersonDeathDate", day(child.death_date) if child.death_date else None)
    characteristics = etree.SubElement(root, "ChildCharacteristics")
    etree.SubElement(characteristics, "Ethnicity").text = child.ethnicity
    if child.disabilities:
        disabilities = etree.SubElement(characteristics, "Disabilities")
        for code in child.disabilities:
            etree.SubElement(disabilities, "Disability").text = code
    for episode in child.episodes:
        root.append(episode_element(episode))
    return root


def episode_element(episode: CensusEpisode) -> etree._Element:
    root = etree.Element("CINdetails")
    etree.SubElement(root, "CINreferralDate").text = day(episode.referral_date)
    etree.SubElement(root, "ReferralSource").text = episode.source
    add(root, "PrimaryNeedCode", episode.primary_need)
    if episode.closed is not None:
        add(root, "CINclosureDate", day(episode.closed))
        add(root, "ReasonForClosure", episode.closure_reason)
    for assessment in episode.assessments:
        element = etree.SubElement(root, "Assessments")
        etree.SubElement(element, "AssessmentActualStartDate").text = day(assessment.started)
        if assessment.authorised is not None:
            etree.SubElement(element, "AssessmentAuthorisationDate").text = day(assessment.authorised)
        if assessment.factors:
            factors = etree.SubElement(element, "FactorsIdentifiedAtAssessment")
            for code in assessment.factors:
                etree.SubElement(factors, "AssessmentFactors").text = code
    for plan in episode.cin_plans:
        element = etree.SubElement(root, "CINPlanDates")
        etree.SubElement(element, "CINPlanStartDate").text = day(plan.start)
        add(element, "CINPlanEndDate", day(plan.end) if plan.end else None)
    for enquiry in episode.section_47s:
        element = etree.SubElement(root, "Section47")
        etree.SubElement(element, "S47ActualStartDate").text = day(enquiry.start)
        add(element, "InitialCPCtarget", day(enquiry.conference_target) if enquiry.conference_target else None)
        add(element, "DateOfInitialCPC", day(enquiry.conference) if enquiry.conference else None)
        etree.SubElement(element, "ICPCnotRequired").text = flag(enquiry.not_required)
    etree.SubElement(root, "ReferralNFA").text = flag(episode.is_nfa)
    for cp_plan in episode.cp_plans:
        element = etree.SubElement(root, "ChildProtectionPlans")
        etree.SubElement(element, "CPPstartDate").text = day(cp_plan.start)
        add(element, "CPPendDate", day(cp_plan.end) if cp_plan.end else None)
        etree.SubElement(element, "InitialCategoryOfAbuse").text = cp_plan.initial_category
        etree.SubElement(element, "LatestCategoryOfAbuse").text = cp_plan.latest_category
        etree.SubElement(element, "NumberOfPreviousCPP").text = str(cp_plan.previous_plans)
        if cp_plan.reviews:
            # One Reviews element holding every date (section 1.2: the XSD allows only one per plan).
            reviews = etree.SubElement(element, "Reviews")
            for held in cp_plan.reviews:
                etree.SubElement(reviews, "CPPreviewDate").text = day(held)
    return root


@contextmanager
def census_writer(out: IO[bytes], header: Header) -> Iterator["ChildWriter"]:
    with etree.xmlfile(out, encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element("Message"):
            xf.write(header_element(header), pretty_print=True)
            with xf.element("Children"):
                yield ChildWriter(xf)


class ChildWriter:
    def __init__(self, xf: "etree._IncrementalFileWriter") -> None:
        self.xf = xf

    def write(self, child: CensusChild) -> None:
        self.xf.write(child_element(child), pretty_print=True)

    def write_all(self, children: Iterable[CensusChild]) -> None:
        for child in children:
            self.write(child)
