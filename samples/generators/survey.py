"""Responses to customer-survey.form.json."""
import datetime as dt
import random

from common import (clock, day_between, email_for, iso_duration, load_form, money, person,
                    phone, picks, write_csv, yes_no)

PRODUCTS = ["cloud", "desktop", "mobile", "api"]
PLANS = ["free", "team", "business", "enterprise"]
MATRIX_ROWS = ["ease_of_use", "reliability", "performance", "support", "value"]
PROBLEMS = ["bugs", "slow", "missing_features", "price", "support", "hard_to_learn"]
FEATURES = ["builder", "rules", "reports", "insights", "sheets", "scheduler"]
PRIORITIES = ["speed", "features", "price", "support", "design"]
COMPANIES = ["Nordlicht GmbH", "Café Ôrla", "Kōbō Design", "Ayşe & Partners", "Brightwater Ltd", "Señor Taco S.L."]
MISSING = [
    "An offline mode for the mobile app.", "Cheaper seats for occasional users.",
    "Better charts in the PDF reports.", "Faster sync with Google Sheets.",
    "Single sign-on with our identity provider.", "Undo in the rule editor.",
]
WORST = [
    "The export crashed twice the night before our board meeting.",
    "Support took four days to answer a billing question.",
    "Our forms got slow after 5,000 responses.",
    "I could not find how to copy a form between workspaces.",
    "The price went up 30 % at renewal without warning.",
]
PRAISE = [
    "Building a form with rules takes minutes, not days.",
    "The reports look great and our managers finally read them.",
    "Rock solid: two years and not a single lost response.",
    "It works over SSH from anywhere — perfect for our field teams.",
    "Support answered within the hour, every time.",
]


def nps_score(rnd):
    group = rnd.choices(["promoter", "passive", "detractor"], [45, 30, 25])[0]
    return {"promoter": rnd.randint(9, 10), "passive": rnd.randint(7, 8), "detractor": rnd.randint(0, 6)}[group]


def group_of(nps):
    return "promoter" if nps >= 9 else "passive" if nps >= 7 else "detractor"


def satisfaction(rnd, nps):
    centre = 1 + nps * 0.4
    rows = [r for r in MATRIX_ROWS if rnd.random() < 0.9]
    return {r: str(max(1, min(5, round(rnd.gauss(centre, 0.8))))) for r in rows}


def detractor_page(rnd, row):
    if rnd.random() < 0.9:
        row["problems"] = picks(rnd, PROBLEMS, 1, 3)
    if rnd.random() < 0.7:
        row["worst_moment"] = rnd.choice(WORST)
    callback = rnd.random() < 0.35
    row["callback"] = yes_no(callback)
    if callback:
        row["callback_phone"] = phone(rnd)
        if rnd.random() < 0.8:
            row["callback_time"] = clock(rnd.randint(8, 17), rnd.choice([0, 15, 30, 45]))
    return callback


def promoter_page(rnd, row, name):
    if rnd.random() < 0.75:
        row["testimonial"] = rnd.choice(PRAISE)
    quote = "testimonial" in row and rnd.random() < 0.5
    row["may_quote"] = yes_no(quote)
    if quote:
        company = rnd.choice(COMPANIES)
        row["display_name"] = f"{name}, {company}"
        if rnd.random() < 0.7:
            row["website"] = "https://www." + "".join(c for c in company.lower() if c.isascii() and c.isalnum())[:14] + ".example"


def details_page(rnd, row, nps):
    row["features_used"] = picks(rnd, FEATURES, 1, 4)
    if rnd.random() < 0.8:
        row["priorities"] = rnd.sample(PRIORITIES, len(PRIORITIES))
    row["overall_rating"] = max(1, min(5, round(nps / 2 + rnd.uniform(-1, 1))))
    row["effort"] = max(1, min(7, round(nps * 0.6 + rnd.uniform(0, 2))))
    contacted = rnd.random() < 0.4
    row["contacted_support"] = yes_no(contacted)
    if contacted:
        row["support_wait"] = iso_duration(rnd.choice([15, 30, 45, 90, 180, 300, 1440, 2880]) * 60)
        row["support_rating"] = rnd.randint(1, 5)
    if rnd.random() < 0.7:
        row["fair_price"] = money(rnd.choice([5, 9, 9.99, 12, 15, 19.99, 25, 29, 39, 49]))
    row["renewal_likelihood"] = max(0, min(100, 5 * round((nps * 9 + rnd.uniform(-15, 15)) / 5)))


def response(rnd):
    name = person(rnd)
    nps = nps_score(rnd)
    row = {
        "campaign": rnd.choice(["spring-2026", "spring-2026", "autumn-2026"]),
        "product": rnd.choice(PRODUCTS),
        "plan": rnd.choice(PLANS) if rnd.random() < 0.9 else None,
        "usage_frequency": rnd.choice(["daily", "weekly", "monthly", "rarely"]),
        "customer_since": day_between(rnd, dt.date(2016, 1, 1), dt.date(2026, 10, 1)).isoformat() if rnd.random() < 0.8 else None,
        "nps": nps,
        "nps_group": group_of(nps),
    }
    if rnd.random() < 0.85:
        row["satisfaction"] = satisfaction(rnd, nps)
    callback = False
    if group_of(nps) == "passive" and rnd.random() < 0.8:
        row["missing"] = rnd.choice(MISSING)
    elif group_of(nps) == "detractor":
        callback = detractor_page(rnd, row)
    elif group_of(nps) == "promoter":
        promoter_page(rnd, row, name)
    details_page(rnd, row, nps)
    follow_up = rnd.choice([True, False, None])
    row["follow_up_ok"] = None if follow_up is None else yes_no(follow_up)
    if follow_up or (callback and rnd.random() < 0.5):
        row["email"] = email_for(rnd, name)
    return row


def write(path, count=300, seed=11):
    rnd = random.Random(seed)
    write_csv(path, load_form("customer-survey.form.json"), [response(rnd) for _ in range(count)])
