"""The contacts and calls that arrive: who refers, about which children, with what concern."""

from bisect import bisect_right
from datetime import date, datetime, time, timedelta

from frontdoor.contacts.models import (
    Rag,
)
from frontdoor.contacts.seed import data, texts
from frontdoor.contacts.seed.lifecycle import Lifecycle
from frontdoor.contacts.seed.plans import CallPlan, ChildPlan, ContactPlan, Kid, Referrer
from frontdoor.contacts.seed.rates import (
    ABANDONED_SHARE,
    AGE_STEPS,
    BUSIEST_HOUR,
    CALLS_PER_PHONE_CONTACT,
    CHILDS_VIEWS_SHARE,
    PARENT_SHARE,
    PRE_BIRTH_SHARE,
    REPEAT_DAYS,
    SECOND_CATEGORY_SHARE,
    SIBLING_COUNTS,
    SIBLINGS_SHARE,
    UNIDENTIFIED_SHARE,
    WORKING_DAY_HOURS,
    YEAR,
    data_sources,
    outcome_weights,
    pick_awareness,
    pick_rag,
    weighted_once,
)
from frontdoor.contacts.seed.tools import Weighted, poisson
from frontdoor.contacts.seed.words import clean_name, fill, fits, joined_names


class Arrivals(Lifecycle):
    def contact(self, received: datetime, term: bool) -> ContactPlan | None:
        rng = self.rng
        d = received.toordinal()
        out_of_hours = not self.clock.is_open(received)
        source = (data_sources(out_of_hours, term)).pick(rng)
        group = data.SOURCE_GROUPS[source]
        family = -1
        kids: list[Kid] = []
        pre_birth = unidentified = False
        roll = rng.random()
        if roll < PRE_BIRTH_SHARE and (unborn := self.unborn_due(d)) is not None:
            pre_birth = True
            kids = [unborn]
            family = unborn.family
            older = [k for k in self.families[family] if not k.unborn and k.born < d < k.adult and k.created < d]
            if older and rng.random() < 0.4:
                kids += rng.sample(older, min(len(older), rng.choice((1, 1, 2))))
            self.unborn_contacts[unborn.pid] = self.unborn_contacts.get(unborn.pid, 0) + 1
            if group not in ("health", "police"):
                source, group = rng.choice(("3D", "3D", "3D", "3F", "3B")), "health"
        elif roll < PRE_BIRTH_SHARE + UNIDENTIFIED_SHARE:
            # Someone who does not know the child: a school or a GP would know who they are.
            unidentified = True
            if group not in ("individual", "anonymous", "police"):
                source = rng.choice(data.UNIDENTIFIED_SOURCES)
                group = data.SOURCE_GROUPS[source]
        else:
            chosen = self.choose_children(d, rng.random() < SIBLINGS_SHARE)
            if chosen is None:
                return None
            family, kids = chosen
        if family >= 0:
            self.recent.append((d, family))
            while self.recent and self.recent[0][0] < d - REPEAT_DAYS:
                self.recent.popleft()

        ages = [(d - kid.born) / YEAR for kid in kids if not kid.unborn]
        if unidentified:
            stand_in, category, concern = self.unidentified_child()
            tier = rng.choice(("nfa", "nfa", "advice"))
        elif pre_birth:
            category, text = rng.choice(texts.PRE_BIRTH)
            expected = date.fromordinal(kids[0].born)
            weeks = 40 - (kids[0].born - d) // 7
            concern = text.format(weeks=max(12, weeks), due=f"{expected:%B}")
            others = [kid for kid in kids if not kid.unborn]
            if others:
                concern += f" {joined_names(others)} {'live' if len(others) > 1 else 'lives'} with mum."
            tier = outcome_weights(data.PRE_BIRTH_OUTCOMES).pick(rng)
        else:
            category, templates = self.category(source, kids, ages)
            tier = outcome_weights(data.OUTCOMES[category]).pick(rng)
            # Words that fit how serious it turns out to be.
            severity = "high" if tier in ("assessment", "strategy", "marac") else "low"
            fitting = [
                text for tags, text in templates if ("low" if severity == "high" else "high") not in tags.split()
            ]
            concern = fill(rng.choice(fitting or [text for _, text in templates]), kids, rng)
        categories = [category]
        if rng.random() < SECOND_CATEGORY_SHARE:
            second = rng.choice(data.RELATED[category])
            if second not in categories and (len(kids) == 1 or second not in data.ONE_CHILD_ONLY):
                categories.append(second)
        immediate_danger = (tier == "strategy" and rng.random() < 0.5) or (
            tier == "assessment" and rng.random() < 0.025
        )
        rag = Rag.RED if immediate_danger else pick_rag(rng, tier)

        if out_of_hours:
            channels = data.CHANNELS_OUT_OF_HOURS["police" if group == "police" else "other"]
        else:
            channels = data.CHANNELS[group]
        channel = weighted_once(channels).pick(rng)
        referrer = self.referrer(source, kids)
        aware, consent = pick_awareness(rng, tier, group)
        views = ""
        if kids and not pre_birth and ages[0] >= 5 and rng.random() < CHILDS_VIEWS_SHARE:
            views = fill(rng.choice(texts.CHILDS_VIEWS), kids[:1], rng)
        if unidentified:
            children, adults = [stand_in], []
        else:
            children = [ChildPlan(kid.pid) for kid in kids]
            adults = self.adults(kids, category)

        # Recorded: by the emergency duty team out of hours, the access team in office hours.
        if out_of_hours:
            recorder = rng.choice(self.edt)
        else:
            recorder = self.recorders.pick(rng)
        if channel in ("phone", "out_of_hours", "in_person"):
            recorded = received + timedelta(minutes=rng.uniform(5, 25))
        elif channel == "police":
            recorded = received + timedelta(minutes=rng.uniform(10, 150))
        else:
            recorded = received + timedelta(minutes=rng.uniform(15, 200))
        recorded = min(recorded, self.now)
        plan = ContactPlan(
            received=received,
            out_of_hours=out_of_hours,
            source=source,
            channel=channel,
            referrer=referrer,
            concern=concern,
            categories=categories,
            rag=rag,
            immediate_danger=immediate_danger,
            childs_views=views,
            family_aware=aware,
            consent=consent,
            recorded_by=recorder.id,
            recorded=recorded,
            children=children,
            adults=adults,
        )
        self.counts["contacts"] += 1
        self.counts["children"] += len(children)
        self.counts["adults"] += len(adults)
        self.counts["siblings"] += len(children) > 1
        self.counts["unidentified"] += unidentified
        self.counts["unborn"] += pre_birth
        self.counts["out_of_hours"] += out_of_hours
        if out_of_hours:
            self.acknowledge(plan)
        self.decide(plan, tier, category, recorder)
        return plan

    def unborn_due(self, d: int) -> Kid | None:
        """An unborn child whose mother is far enough into the pregnancy for a pre-birth contact."""
        due = [
            kid
            for kid in self.unborn
            if kid.born - 200 <= d < kid.born - 14 and self.unborn_contacts.get(kid.pid, 0) < 2
        ]
        return self.rng.choice(due) if due else None

    def choose_children(self, d: int, siblings: bool) -> tuple[int, list[Kid]] | None:
        rng = self.rng
        for attempt in range(40):
            if self.recent and rng.random() < self.repeat_share:
                family = rng.choice(self.recent)[1]
            else:
                family = self.family_choice.pick(rng)
            # Born, not yet 18, and already on the records.
            kids = [
                kid for kid in self.families[family] if not kid.unborn and kid.born < d < kid.adult and kid.created < d
            ]
            if not kids:
                continue
            if siblings:
                if len(kids) < 2:
                    if attempt < 30:
                        continue
                    return family, [rng.choice(kids)]
                wanted = min(len(kids), SIBLING_COUNTS.pick(rng))
                chosen = rng.sample(kids, wanted)
                chosen.sort(key=lambda kid: kid.born)
                return family, chosen
            return family, [rng.choice(kids)]
        return None

    def category(self, source: str, kids: list[Kid], ages: list[float]) -> tuple[str, list[tuple[str, str]]]:
        """What the source refers about, with the concern templates that fit the source and the children."""
        one = len(kids) == 1
        youngest, oldest = min(ages), max(ages)
        # Only the ages a category or a template asks about matter: children between them are alike.
        key = (source, one, bisect_right(AGE_STEPS, youngest), bisect_right(AGE_STEPS, oldest))
        found = self.category_cache.get(key)
        if found is None:
            group = data.SOURCE_GROUPS[source]
            templates: dict[str, list[tuple[str, str]]] = {}
            weights: list[tuple[str, float]] = []
            for category, weight in data.CATEGORIES[group]:
                if (not one and category in data.ONE_CHILD_ONLY) or youngest < data.MINIMUM_AGE.get(category, 0):
                    continue
                fitting = [
                    (tags, text)
                    for tags, text in texts.CONCERNS[category]
                    if fits(tags, source=source, one=one, youngest=youngest, oldest=oldest)
                ]
                if fitting:
                    templates[category] = fitting
                    weights.append((category, float(weight)))
            if not weights:
                templates["other"] = [(tags, text) for tags, text in texts.CONCERNS["other"] if tags == "low"]
                weights = [("other", 1.0)]
            found = self.category_cache[key] = (Weighted(weights), templates)
        choose, templates = found
        category = choose.pick(self.rng)
        return category, templates[category]

    def unidentified_child(self) -> tuple[ChildPlan, str, str]:
        """A child not yet identified: what the referrer knows, and what will be done to find out who they are."""
        rng = self.rng
        girl = rng.random() < 0.5
        first = rng.choice(data.UNIDENTIFIED_GIRLS if girl else data.UNIDENTIFIED_BOYS)
        words = {
            "sex": "Girl" if girl else "Boy",
            "sex_lower": "girl" if girl else "boy",
            "age": rng.randint(8, 16),
            "first": first,
            "place": rng.choice(texts.UNIDENTIFIED_PLACES),
            "they": "she" if girl else "he",
            "They_cap": "She" if girl else "He",
            "them": "her" if girl else "him",
            "their": "her" if girl else "his",
            "is": "is",
        }
        category, text = rng.choice(texts.UNIDENTIFIED_CONCERNS)
        details = rng.choice(texts.UNIDENTIFIED).format_map(words)
        child = ChildPlan(None, details=details, follow_up=" ".join(rng.sample(texts.FOLLOW_UPS, 2)))
        return child, category, text.format_map(words)

    def adults(self, kids: list[Kid], category: str) -> list[tuple[int, str]]:
        rng = self.rng
        born = [kid for kid in kids if not kid.unborn] or kids
        if not born:
            return []
        first = born[0]
        adults: list[tuple[int, str]] = []
        if category == "domestic_abuse":
            if first.mother:
                adults.append((first.mother, "victim" if rng.random() < 0.6 else "parent"))
            abuser = first.step or first.father
            if abuser and rng.random() < 0.65:
                adults.append((abuser, "alleged_perpetrator"))
        elif category == "physical_abuse" and (first.step or first.father) and rng.random() < 0.3:
            adults.append((first.step or first.father, "alleged_perpetrator"))
            if first.mother:
                adults.append((first.mother, "parent"))
        elif rng.random() < PARENT_SHARE:
            parent = first.mother or first.father
            if parent:
                adults.append((parent, "parent"))
        return adults

    def referrer(self, source: str, kids: list[Kid]) -> Referrer:
        rng = self.rng
        if source == "10":
            return Referrer()
        if source == "9":
            return Referrer(role="Anonymous caller")
        role, title, sex = rng.choice(data.REFERRER_ROLES[source])
        professional_role = data.PROFESSIONAL_FOR_SOURCE.get(source)
        if professional_role:
            # The child's own school, GP, health visitor or midwife, if the records say who that is.
            known = [kid.professionals[professional_role] for kid in kids if professional_role in kid.professionals]
            pool = self.professionals_by_role.get(professional_role, [])
            if known or pool:
                found = self.professionals[known[0] if known else rng.choice(pool)]
                return Referrer(found.name, role, found.organisation, found.phone, found.email)
        names = self.names[sex or rng.choice("FM")]
        first, last = names[rng.randrange(len(names))]
        name = f"{title}{first} {last}"
        if data.SOURCE_GROUPS[source] == "individual":
            phone = f"07700 900{rng.randrange(1000):03d}"
            email = (
                f"{clean_name(first)}.{clean_name(last)}{rng.randint(1, 99)}@example.com" if rng.random() < 0.2 else ""
            )
            return Referrer(name, role, "", phone, email)
        organisation = rng.choice(data.REFERRER_ORGANISATIONS.get(source, ("Northbridge City Council",)))
        domain = data.REFERRER_DOMAINS.get(source, "northbridge.example")
        email = f"{clean_name(first)}.{clean_name(last)}@{domain}"
        return Referrer(name, role, organisation, f"01632 960{rng.randrange(1000):03d}", email)

    def call_for(self, plan: ContactPlan, index: int) -> CallPlan:
        rng = self.rng
        group = data.SOURCE_GROUPS[plan.source]
        queue = "Front door" if group in ("individual", "anonymous") else "Professionals line"
        wait = self.wait(plan.received)
        opens = self.clock.hours(plan.received.toordinal())[0]
        wait = min(wait, max(5.0, (plan.received - opens).total_seconds()))
        transfers = 0
        roll = rng.random()
        if roll < 0.02:
            transfers = 2
        elif roll < 0.1:
            transfers = 1
        agent = self.names_by_id.get(plan.recorded_by, "")
        return CallPlan(
            offered=plan.received - timedelta(seconds=wait),
            answered=plan.received,
            ended=plan.received + timedelta(minutes=rng.uniform(4, 22)),
            queue=queue,
            agent=agent,
            transfers=transfers,
            contact=index,
        )

    def wait(self, moment: datetime) -> float:
        """Seconds to answer: longer at the busiest hours, with a long tail."""
        rng = self.rng
        busy = WORKING_DAY_HOURS[moment.hour] / BUSIEST_HOUR
        seconds = 5 + rng.expovariate(1 / (8 + 30 * busy * busy))
        if rng.random() < 0.03 + 0.05 * busy:
            seconds += rng.uniform(60, 420)
        return seconds

    def other_calls(self, day: date, phone_contacts: int) -> list[CallPlan]:
        """Calls that never became contacts (general enquiries, callers ringing back) and abandoned calls."""
        rng = self.rng
        expected_total = phone_contacts * CALLS_PER_PHONE_CONTACT
        abandoned = poisson(rng, expected_total * ABANDONED_SHARE)
        enquiries = poisson(rng, max(0.0, expected_total - phone_contacts - expected_total * ABANDONED_SHARE))
        opens, closes = self.clock.hours(day.toordinal())
        hours = Weighted([(h, w) for h, w in enumerate(WORKING_DAY_HOURS) if opens.hour <= h < closes.hour + 1])
        agents = [s.name for s in (*self.officers, *self.social_workers)]
        calls = []
        for number in range(abandoned + enquiries):
            offered = datetime.combine(day, time(hours.pick(rng))) + timedelta(seconds=rng.randrange(3600))
            if not opens <= offered < closes or offered >= self.now:
                continue
            queue = "Front door" if rng.random() < 0.55 else "Professionals line"
            if number < abandoned:
                gave_up = offered + timedelta(seconds=10 + rng.expovariate(1 / 70))
                calls.append(CallPlan(offered, None, gave_up, queue, ""))
            else:
                answered = offered + timedelta(seconds=self.wait(offered))
                ended = answered + timedelta(minutes=rng.uniform(1.5, 10))
                transfers = 1 if rng.random() < 0.12 else 0
                calls.append(CallPlan(offered, answered, ended, queue, rng.choice(agents), transfers))
        return calls
