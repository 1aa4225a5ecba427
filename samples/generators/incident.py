"""Responses to incident-report.form.json."""
import datetime as dt
import random

from common import (REFERENCE_DAY, day_between, email_for, money, person, phone, picks,
                    signature, write_csv, yes_no, load_form)

TYPES = ["injury", "near_miss", "property_damage", "environmental", "security", "vehicle"]
TYPE_WEIGHTS = [25, 30, 14, 8, 10, 13]
LOCATIONS = {
    "warehouse": ["Aisle 14, racking bay C", "Goods-in area", "Mezzanine stairs", "Cold store door"],
    "loading_dock": ["Dock leveller 3", "Dock 5 apron", "Yard ramp"],
    "workshop": ["Lathe bench", "Welding booth 2", "Compressor room"],
    "laboratory": ["Fume cupboard B", "Lab 2.14 sink", "Solvent store"],
    "office": ["Kitchen, 3rd floor", "Stairwell B", "Meeting room Ørsted"],
    "car_park": ["Level -1 ramp", "Visitor bays", "Barrier at exit"],
    "off_site": ["Customer site, loading area", "Motorway services", "Client office lobby"],
}
# Where each kind of incident plausibly happens.
PLACES = {
    "injury": ["warehouse", "loading_dock", "workshop", "laboratory", "office", "off_site"],
    "near_miss": ["warehouse", "loading_dock", "workshop", "laboratory", "car_park"],
    "property_damage": ["warehouse", "loading_dock", "workshop", "office", "off_site"],
    "environmental": ["loading_dock", "workshop", "laboratory"],
    "security": ["office", "car_park", "off_site"],
    "vehicle": ["warehouse", "loading_dock", "car_park", "off_site"],
}
OFF_SITE_POSITIONS = ["51.5074,-0.1278", "52.5200,13.4050", "38.7223,-9.1393", "48.8566,2.3522", "59.3293,18.0686"]
WHAT = {
    "injury": ["a colleague slipped on a wet floor while carrying a box", "a colleague cut a hand on the edge of a metal sheet",
               "a colleague strained their back lifting a drum without the hoist", "a colleague was hit by a falling carton"],
    "near_miss": ["a pallet fell from the rack into an empty aisle", "a forklift reversed without the beeper working",
                  "a loose cable lay across the walkway", "a ladder was found with a cracked rung before use"],
    "property_damage": ["a forklift mast struck the sprinkler pipe", "a door closer broke and the door hit the wall",
                        "a delivery van scraped the dock canopy", "water leaked through the roof onto a server rack"],
    "environmental": ["about 20 litres of hydraulic oil leaked onto the yard", "a solvent container split in the store",
                      "diesel overflowed while refuelling the generator"],
    "security": ["an unknown person followed staff through a secure door", "a company laptop was stolen while left unattended",
                 "a visitor became aggressive and shouted at staff"],
    "vehicle": ["two pallet trucks collided at a blind corner", "a car reversed into a bollard in the car park",
                "a van rolled back on the ramp after the handbrake failed"],
}
BODY_PARTS = ["head", "eyes", "back", "torso", "arms", "hands", "legs", "feet"]
NATURES = ["cut", "bruise", "burn", "sprain", "fracture", "other"]
ROOT_CAUSES = ["equipment_failure", "procedure_not_followed", "no_procedure", "training", "housekeeping", "environment", "other"]
FACTORS = ["fatigue", "time_pressure", "ppe_missing", "communication", "lighting", "weather"]
ACTIONS = [
    "Toolbox talk held with the whole shift; procedure re-issued and signed.",
    "Area barriered off; maintenance ticket raised and repair booked.",
    "Anti-slip matting fitted; cleaning rota changed to every two hours.",
    "Rack inspection brought forward; damaged beam replaced.",
    "Refresher training booked for all forklift drivers.",
    "Spill kit restocked and moved next to the refuelling point.",
]
OTHER_CAUSES = ["Supplier delivered damaged pallets", "Contractor ignored the site rules", "Power cut during the task"]


def severity_for(rnd, kind, injured, hospital):
    if kind == "near_miss":
        return rnd.choice(["negligible", "negligible", "minor"])
    if hospital:
        return rnd.choice(["moderate", "major", "major", "severe"])
    if injured:
        return rnd.choice(["minor", "minor", "moderate"])
    return rnd.choice(["negligible", "minor", "minor", "moderate", "major"])


def injury_answers(rnd, row, reporter):
    row["injured_person"] = reporter if rnd.random() < 0.4 else person(rnd)
    row["injured_role"] = rnd.choice(["employee", "employee", "employee", "contractor", "visitor"])
    row["body_parts"] = picks(rnd, BODY_PARTS, 1, 2)
    row["injury_nature"] = rnd.choice(NATURES)
    first_aid = rnd.random() < 0.75
    row["first_aid"] = yes_no(first_aid)
    if first_aid:
        row["first_aider"] = person(rnd)
    hospital = rnd.random() < 0.3
    row["hospital_visit"] = yes_no(hospital)
    row["lost_time_days"] = rnd.randint(1, 30) if hospital else rnd.choice([0, 0, 0, 1])
    return hospital


def analysis_answers(rnd, row, occurred, needs_actions):
    row["root_cause"] = rnd.choice(ROOT_CAUSES)
    if row["root_cause"] == "other":
        row["root_cause_other"] = rnd.choice(OTHER_CAUSES)
    row["contributing_factors"] = picks(rnd, FACTORS, 0, 3)
    if needs_actions or rnd.random() < 0.6:
        row["corrective_actions"] = " ".join(rnd.sample(ACTIONS, rnd.randint(1, 2)))
        row["action_owner"] = person(rnd)
        row["action_due"] = (occurred + dt.timedelta(days=rnd.randint(7, 60))).isoformat()


def authority_answers(rnd, row, number):
    reported = rnd.random() < 0.7
    row["reported_to_authority"] = yes_no(reported)
    if reported and rnd.random() < 0.8:
        row["authority_reference"] = f"{rnd.choice(['HSE', 'EA', 'RIDR'])}-{2026000 + number}"


def response(rnd, number):
    kind = rnd.choices(TYPES, TYPE_WEIGHTS)[0]
    reporter = person(rnd)
    occurred_day = day_between(rnd, dt.date(2026, 1, 2), REFERENCE_DAY - dt.timedelta(days=3))
    occurred = f"{occurred_day.isoformat()}T{rnd.randint(6, 21):02d}:{rnd.randrange(0, 60, 5):02d}"
    location = rnd.choice(PLACES[kind])
    row = {
        "report_channel": rnd.choice(["terminal", "terminal", "terminal", "web", "mobile"]),
        "reporter_name": reporter,
        "reporter_email": email_for(rnd, reporter),
        "reporter_phone": phone(rnd) if rnd.random() < 0.7 else None,
        "incident_type": kind,
        "occurred_at": occurred,
        "location": location,
        "location_detail": rnd.choice(LOCATIONS[location]) if rnd.random() < 0.85 else None,
        "position": rnd.choice(OFF_SITE_POSITIONS) if location == "off_site" else None,
        "description": f"At about {occurred[11:]}, {rnd.choice(WHAT[kind])}. Reported to the shift lead straight away.",
    }
    injured = kind == "injury" or (kind != "near_miss" and rnd.random() < (0.3 if kind == "vehicle" else 0.12))
    row["injured"] = yes_no(injured)
    hospital = injury_answers(rnd, row, reporter) if injured else False
    severity = severity_for(rnd, kind, injured, hospital)
    row["severity"] = severity
    row["priority"] = "urgent" if severity in ("major", "severe") else "normal"
    witnesses = rnd.choice([0, 0, 1, 1, 2, 3, 4])
    row["witness_count"] = witnesses
    if witnesses:
        row["witnesses"] = "\n".join(f"{person(rnd)}, ext. {rnd.randint(2000, 2999)}" for _ in range(witnesses))
    needs_actions = severity in ("moderate", "major", "severe") or hospital
    analysis_answers(rnd, row, occurred_day, needs_actions)
    if kind in ("property_damage", "vehicle") or rnd.random() < 0.15:
        row["estimated_cost"] = money(rnd.uniform(80, 25000))
    if severity in ("major", "severe") or kind == "environmental":
        authority_answers(rnd, row, number)
    if rnd.random() < 0.4:
        row["evidence"] = f"/shared/safety/incidents/2026/INC-{number:04d}/photo-{rnd.randint(1, 4)}.jpg"
    row["consent"] = "yes"
    row["signature"] = signature(reporter, f"{(occurred_day + dt.timedelta(days=rnd.randint(0, 1))).isoformat()}T22:{rnd.randint(10, 59):02d}")
    return row


def write(path, count=240, seed=7):
    rnd = random.Random(seed)
    write_csv(path, load_form("incident-report.form.json"), [response(rnd, i + 1) for i in range(count)])
