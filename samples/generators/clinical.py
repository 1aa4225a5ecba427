"""Responses to clinical-intake.form.json."""
import datetime as dt
import random

from common import (REFERENCE_DAY, age_on, clock, day_between, email_for, iso_duration, load_form,
                    person, phone, picks, round_half_up, signature, write_csv, yes_no)

# Ages one birthday away from a rule boundary (12 and 55 for pregnancy, 18 for a guardian) are
# left out, so recomputing age(${dob}) later in the year cannot flip a rule on a sample row.
UNSTABLE_AGES = {11, 17, 55}
REASONS = ["checkup", "new_symptom", "chronic", "injury", "prescription", "vaccination"]
ALLERGIES = ["penicillin", "sulfonamides", "nsaids", "latex", "peanuts", "shellfish", "pollen", "other"]
DRUG_ALLERGIES = {"penicillin", "sulfonamides", "nsaids"}
OTHER_ALLERGIES = ["Kiwi fruit", "Bee stings", "Cat dander", "Iodine contrast", "Nickel"]
CONDITIONS = ["diabetes", "hypertension", "asthma", "copd", "heart_disease", "kidney_disease", "depression"]
MEDICINES = {
    "diabetes": "Metformin 500 mg twice daily", "hypertension": "Ramipril 5 mg once daily",
    "asthma": "Salbutamol inhaler as needed", "copd": "Tiotropium inhaler once daily",
    "heart_disease": "Bisoprolol 2.5 mg once daily", "kidney_disease": "Calcium acetate with meals",
    "depression": "Sertraline 50 mg once daily",
}


def birth_date(rnd, appointment_day):
    while True:
        born = day_between(rnd, dt.date(1932, 1, 1), appointment_day - dt.timedelta(days=200))
        if age_on(born, REFERENCE_DAY) not in UNSTABLE_AGES:
            return born


def body(rnd, age, sex):
    """Height (cm, 0.5 steps) and weight (kg, 0.1 steps) plausible for the age."""
    if age < 2:
        height = rnd.uniform(60, 90)
    elif age < 18:
        height = 85 + age * 5.8 + rnd.gauss(0, 6)
    else:
        height = rnd.gauss(178 if sex == "male" else 165, 7)
    bmi = rnd.gauss(17 if age < 12 else 20 if age < 18 else 26, 4.2)
    height = round(height * 2) / 2
    weight = round(max(4, bmi * (height / 100) ** 2), 1)
    return height, weight


def vitals(rnd, row, age):
    systolic = int(rnd.gauss(105 if age < 18 else 118 + age * 0.3, 14))
    row["systolic"] = max(70, min(230, systolic))
    row["diastolic"] = max(40, min(row["systolic"] - 20, int(rnd.gauss(row["systolic"] * 0.64, 6))))
    if rnd.random() < 0.95:
        row["heart_rate"] = max(38, min(140, int(rnd.gauss(100 if age < 6 else 74, 12))))
    if rnd.random() < 0.9:
        feverish = rnd.random() < 0.1
        row["temperature_c"] = round(rnd.uniform(37.8, 39.6) if feverish else rnd.gauss(36.8, 0.3), 1)
    if rnd.random() < 0.8:
        row["spo2"] = min(100, int(rnd.gauss(97, 1.6)))
    if rnd.random() < 0.85:
        row["pain"] = rnd.choice([0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8])


def pregnancy(rnd, row, age):
    if rnd.random() < 0.9:
        pregnant = 16 <= age <= 45 and rnd.random() < 0.18
        row["pregnant"] = yes_no(pregnant)
        if pregnant and rnd.random() < 0.85:
            row["pregnancy_weeks"] = rnd.randint(5, 39)


def smoking(rnd, row, age, born, appointment_day):
    status = "never" if age < 16 else rnd.choices(["never", "former", "current"], [55, 25, 20])[0]
    row["smoking"] = status
    if status == "current":
        row["packs_per_day"] = rnd.choice([0.3, 0.5, 0.5, 1, 1, 1.5, 2])
    elif status == "former" and rnd.random() < 0.8 and age >= 18:
        quit_from = born + dt.timedelta(days=365 * 16)
        row["quit_date"] = day_between(rnd, quit_from, appointment_day - dt.timedelta(days=10)).isoformat()
    if age >= 18 and rnd.random() < 0.9:
        row["alcohol_units"] = rnd.choice([0, 0, 2, 4, 6, 8, 10, 12, 14, 18, 24, 35])


def allergies(rnd, row):
    has = rnd.random() < 0.3
    row["has_allergies"] = yes_no(has)
    if not has:
        return
    chosen = picks(rnd, ALLERGIES, 1, 3)
    row["allergies"] = chosen
    if "other" in chosen:
        row["allergy_other"] = rnd.choice(OTHER_ALLERGIES)
    if DRUG_ALLERGIES & set(chosen) or rnd.random() < 0.6:
        row["allergy_reaction"] = rnd.choices(["rash", "swelling", "breathing", "anaphylaxis"], [50, 25, 15, 10])[0]


def conditions(rnd, row, age):
    chance = 0.15 if age < 40 else 0.5 if age < 65 else 0.8
    chosen = picks(rnd, CONDITIONS, 1, 3) if rnd.random() < chance else []
    row["conditions"] = chosen or ["none"]
    if chosen:
        row["medications"] = "\n".join(MEDICINES[c] for c in chosen)
    elif rnd.random() < 0.15:
        row["medications"] = "Vitamin D 1000 IU daily"


def response(rnd):
    appointment_day = day_between(rnd, dt.date(2026, 6, 1), REFERENCE_DAY - dt.timedelta(days=1))
    hour, minute = rnd.randint(8, 17), rnd.choice([0, 20, 40])
    born = birth_date(rnd, appointment_day)
    age = age_on(born, REFERENCE_DAY)
    sex = rnd.choices(["female", "male", "intersex", "undisclosed"], [50, 46, 1, 3])[0]
    name = person(rnd)
    row = {"patient_name": name, "dob": born.isoformat(), "age": age, "sex": sex, "phone": phone(rnd),
           "appointment": f"{appointment_day.isoformat()}T{clock(hour, minute)}",
           "visit_reason": rnd.choice(REASONS)}
    if rnd.random() < 0.03:
        row["gender_identity"] = rnd.choice(["Non-binary", "Trans woman", "Trans man", "Genderqueer"])
    if age < 18:
        row["guardian_name"] = f"{person(rnd).split()[0]} {name.split(' ', 1)[1]}"
    if rnd.random() < 0.7:
        row["email"] = email_for(rnd, row.get("guardian_name", name))
    if row["visit_reason"] in ("new_symptom", "injury") and rnd.random() < 0.9:
        row["symptom_duration"] = iso_duration(rnd.choice([6, 12, 36, 72, 120, 240, 720]) * 3600)
    if rnd.random() < 0.6:
        row["insurance_card"] = f"/srv/intake/cards/{appointment_day.isoformat()}-{rnd.randint(100, 999)}.jpg"
    row["height_cm"], row["weight_kg"] = body(rnd, age, sex)
    row["bmi"] = round_half_up(row["weight_kg"] / ((row["height_cm"] / 100) * (row["height_cm"] / 100)), 1)
    vitals(rnd, row, age)
    row["measured_at"] = clock(hour if minute else hour - 1, (minute - 10) % 60)
    if sex == "female" and 12 <= age <= 55:
        pregnancy(rnd, row, age)
    smoking(rnd, row, age, born, appointment_day)
    allergies(rnd, row)
    conditions(rnd, row, age)
    if age >= 12 and rnd.random() < 0.8:
        row["mood"] = {"interest": str(rnd.choices("0123", [60, 25, 10, 5])[0]), "down": str(rnd.choices("0123", [60, 25, 10, 5])[0])}
    row["treatment_consent"] = "yes"
    row["signature"] = signature(row.get("guardian_name", name), f"{appointment_day.isoformat()}T{clock(hour if minute else hour - 1, (minute - 15) % 60)}")
    return row


def write(path, count=260, seed=31):
    rnd = random.Random(seed)
    write_csv(path, load_form("clinical-intake.form.json"), [response(rnd) for _ in range(count)])
