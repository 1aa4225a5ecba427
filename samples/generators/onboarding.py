"""Responses to employee-onboarding.form.json, as JSON Lines (repeat groups are arrays).

This file also shows the JSON encodings: yes/no as true/false, numbers as JSON numbers,
durations as seconds, multiple choice as arrays, signature and multiple text as objects.
"""
import datetime as dt
import json
import random

from common import (age_on, ascii_slug, clock, day_between, email_for, form_columns, load_form, person,
                    phone, picks, FIRST_NAMES)

JOBS = {
    "engineering": ["Backend Engineer", "Site Reliability Engineer", "iOS Engineer", "QA Engineer"],
    "product": ["Product Manager", "Product Designer", "UX Researcher"],
    "sales": ["Account Executive", "Sales Development Rep", "Solutions Consultant"],
    "marketing": ["Content Marketer", "Growth Marketer", "Brand Designer"],
    "finance": ["Financial Analyst", "Accounts Payable Specialist"],
    "people": ["HR Business Partner", "Recruiter"],
    "operations": ["Office Manager", "IT Administrator", "Facilities Coordinator"],
    "support": ["Support Engineer", "Customer Success Manager"],
}
SETUP = {
    "engineering": ["github", "jira", "vpn"], "product": ["jira", "figma"], "sales": ["salesforce"],
    "marketing": ["figma"], "operations": ["jira", "vpn"], "support": ["jira", "salesforce"],
}
CATALOGUE = {"laptop": 1899.0, "monitor": 329.0, "keyboard": 89.0, "mouse": 39.0, "headset": 149.0, "phone": 649.0, "chair": 419.0}
REMOTE_HOMES = ["52.37,4.90", "41.39,2.17", "50.06,19.94", "53.35,-6.26", "45.46,9.19", "60.17,24.94"]
BANK_CODES = ["10070000", "10040000", "12030000", "43060967", "50010517"]
BICS = {"10070000": "DEUTDEBBXXX", "10040000": "COBADEBBXXX", "12030000": "BYLADEM1001", "43060967": "GENODEM1GLS", "50010517": "INGDDEFFXXX"}


def iban(rnd):
    """A German IBAN with valid check digits (ISO 13616 mod-97), for a made-up account."""
    bban = f"{rnd.choice(BANK_CODES)}{rnd.randint(0, 9_999_999_999):010d}"
    check = 98 - int(bban + "131400") % 97  # "DE00" moved to the end, letters as numbers (D=13, E=14)
    return f"DE{check:02d}{bban}"


def dependents(rnd, name, born, start):
    family_name = name.split(" ", 1)[1]
    people = []
    if rnd.random() < 0.7:
        people.append({"dep_name": person(rnd), "dep_relationship": rnd.choice(["spouse", "partner"]),
                       "dep_birth_date": day_between(rnd, dt.date(1965, 1, 1), dt.date(2003, 12, 31)).isoformat()})
    for _ in range(rnd.randint(0 if people else 1, 3)):
        relation = rnd.choice(["child", "child", "child", "stepchild"])
        earliest = max(start - dt.timedelta(days=365 * 24), born + dt.timedelta(days=365 * 18))
        child_born = day_between(rnd, earliest, start - dt.timedelta(days=30))
        people.append({"dep_name": f"{rnd.choice(FIRST_NAMES)} {family_name}",
                       "dep_relationship": relation, "dep_birth_date": child_born.isoformat()})
    return people


def emergency_contacts(rnd):
    contacts = []
    for relation in rnd.sample(["partner", "parent", "sibling", "friend", "child", "other"], rnd.randint(1, 3)):
        name = person(rnd)
        contact = {"ec_name": name, "ec_relationship": relation, "ec_phone": phone(rnd)}
        if rnd.random() < 0.5:
            contact["ec_email"] = email_for(rnd, name)
        contacts.append(contact)
    return contacts


def equipment(rnd, remote):
    extras = ["monitor", "keyboard", "mouse", "headset", "phone"] + (["chair"] if remote else [])
    items = [{"item": "laptop", "laptop_os": rnd.choice(["macos", "macos", "windows", "linux"]), "quantity": 1}]
    for name in rnd.sample(extras, rnd.randint(0, 4)):
        items.append({"item": name, "quantity": 2 if name == "monitor" and rnd.random() < 0.4 else 1})
    for entry in items:
        entry["item_value"] = CATALOGUE[entry["item"]]
        entry["line_value"] = entry["quantity"] * entry["item_value"]
    return items


def job_answers(rnd, row, start):
    department = rnd.choice(list(JOBS))
    kind = rnd.choices(["full_time", "part_time", "fixed_term", "intern"], [60, 15, 15, 10])[0]
    row.update({"start_date": start.isoformat(), "department": department,
                "job_title": rnd.choice(JOBS[department]), "employment_type": kind})
    if kind == "part_time":
        row["weekly_hours"] = rnd.choice([16, 20, 24, 30, 32.5])
    if kind in ("fixed_term", "intern"):
        row["contract_end"] = (start + dt.timedelta(days=rnd.choice([90, 182, 273, 365]))).isoformat()
    if kind != "intern":
        base = rnd.randrange(38000, 98000, 500)
        row["annual_salary"] = round(base * row["weekly_hours"] / 40, 2) if kind == "part_time" else base
    office = rnd.choices(["berlin", "lisbon", "remote"], [45, 30, 25])[0]
    row["office"] = office
    if office == "remote":
        row["home_location"] = rnd.choice(REMOTE_HOMES)
    else:
        row["arrival_time"] = clock(rnd.choice([8, 9, 9, 10]), rnd.choice([0, 15, 30, 45]))
        row["commute"] = rnd.choice([10, 15, 20, 25, 35, 45, 60, 75]) * 60
    return department, office


def family_answers(rnd, row, name, born, start):
    has = rnd.random() < 0.35
    row["has_dependents"] = has
    if has:
        row["dependents"] = dependents(rnd, name, born, start)
        row["dependent_count"] = len(row["dependents"])
    row["emergency_contacts"] = emergency_contacts(rnd)


def equipment_answers(rnd, row, department, office):
    row["equipment"] = equipment(rnd, office == "remote")
    row["equipment_value"] = sum(item["line_value"] for item in row["equipment"])
    setup = sorted(set(SETUP.get(department, [])) | set(picks(rnd, ["vpn", "jira"], 0, 1)))
    if setup:
        row["setup_preferences"] = setup
    row["it_queue"] = "it-engineering" if department == "engineering" or "github" in setup else "it-general"
    if office != "remote" and rnd.random() < 0.7:
        row["locker_pin"] = f"{rnd.randint(0, 9999):04d}"
    row["tshirt_size"] = rnd.choice(["XS", "S", "M", "M", "L", "L", "XL", "XXL"])
    diet = picks(rnd, ["vegetarian", "vegan", "gluten_free", "lactose_free", "halal", "kosher"], 0, 2)
    if diet:
        row["dietary"] = diet
    if rnd.random() < 0.1:
        row["accessibility"] = rnd.choice(["Height-adjustable desk, please.", "I use a screen reader (NVDA).",
                                           "Accessible parking space near the entrance."])


def response(rnd, number):
    name = person(rnd)
    start = dt.date(2026, 1, 5) + dt.timedelta(weeks=rnd.randint(0, 56))
    born = day_between(rnd, dt.date(1962, 1, 1), start - dt.timedelta(days=365 * 19))
    row = {"employee_id": f"E-2026-{number:04d}", "full_name": name}
    if rnd.random() < 0.4:
        row["preferred_name"] = name.split()[0]
    row.update({"date_of_birth": born.isoformat(), "personal_email": email_for(rnd, name), "mobile": phone(rnd)})
    if rnd.random() < 0.4:
        row["linkedin"] = "https://www.linkedin.com/in/" + row["personal_email"].split("@")[0].replace(".", "-")
    department, office = job_answers(rnd, row, start)
    family_answers(rnd, row, name, born, start)
    equipment_answers(rnd, row, department, office)
    account = iban(rnd)
    row["bank_details"] = {"account_holder": name, "iban": account, "bic": BICS[account[4:12]]}
    row.update({
        "id_document": f"/home/{ascii_slug(name).split('.')[0]}/Documents/passport-scan.pdf",
        "photo_consent": rnd.random() < 0.8, "handbook_consent": True, "data_consent": True,
        "signature": {"name": name, "time": f"{(start - dt.timedelta(days=rnd.randint(8, 30))).isoformat()}T{rnd.randint(8, 22):02d}:{rnd.randint(0, 59):02d}"},
    })
    assert age_on(born, start) >= 16
    return row


def ordered(row, columns):
    """The row with keys in form order, so lines read like the form."""
    out = {}
    for column in columns:
        key = column[0] if isinstance(column, tuple) else column
        if key in row:
            out[key] = row[key]
    unknown = set(row) - set(out)
    if unknown:
        raise ValueError(f"keys not in the form: {sorted(unknown)}")
    return out


def write(path, count=220, seed=23):
    rnd = random.Random(seed)
    columns = form_columns(load_form("employee-onboarding.form.json"))
    with open(path, "w", encoding="utf-8") as f:
        for i in range(count):
            f.write(json.dumps(ordered(response(rnd, i + 1), columns), ensure_ascii=False) + "\n")
