"""Helpers shared by the sample response generators: names, dates, encodings, CSV writing."""
import csv
import datetime as dt
import json
import os
import unicodedata
from decimal import Decimal, ROUND_HALF_UP

# The folder holding the *.form.json files.
FORMS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The day the samples were "collected"; ages and "not in the future" checks use it.
REFERENCE_DAY = dt.date(2026, 11, 26)

FIRST_NAMES = [
    "Ana", "Björn", "Chen", "Dara", "Émile", "Fatima", "Görkem", "Hiroshi", "Ingrid", "João",
    "Katarzyna", "Lars", "Mei", "Nikolaos", "Oluwaseun", "Priya", "Quentin", "Rūta", "Søren",
    "Tomás", "Ugne", "Valentina", "Wojciech", "Xiadani", "Yusuf", "Zoë", "Aleksandr", "Siobhán",
    "Đorđe", "Nguyễn", "Amélie", "Kwame", "Leilani", "Marta", "Noah", "Olga", "Pablo", "Rania",
]
LAST_NAMES = [
    "Souza", "Ek", "Wei", "O'Neil", "Roy", "Zahra", "Aydın", "Sato", "Hansen", "Gonçalves",
    "Kowalska", "Lindqvist", "Tanaka", "Papadopoulos", "Adeyemi", "Raman", "Dubois", "Šimkutė",
    "Jørgensen", "Fernández", "Müller", "Rossi", "Nowak", "Hernández", "Yılmaz", "Brennan",
    "Ivanov", "Ní Bhriain", "Petrović", "Văn An", "Lefèvre", "Mensah", "Kahale", "García",
    "Smith", "Novak", "Ruiz", "Haddad",
]
EMAIL_DOMAINS = ["example.com", "example.org", "mail.example.net", "post.example.de", "example.co.uk"]
PHONE_PREFIXES = ["+44 20 7946 ", "+49 30 901820", "+351 21 340 ", "+33 1 70 36 ", "+1 415 555 ", "+46 8 50 64 "]


# ---- generic helpers -------------------------------------------------------------------------

def load_form(name):
    with open(os.path.join(FORMS_DIR, name), encoding="utf-8") as f:
        return json.load(f)


def answer_keys(fields):
    """Keys of the fields that hold answers, in form order; repeats are nested lists."""
    keys = []
    for field in fields:
        kind = field["type"]
        if kind == "note":
            continue
        if kind == "group":
            keys.extend(answer_keys(field.get("children", [])))
        elif kind == "repeat":
            keys.append((field["key"], answer_keys(field.get("children", []))))
        else:
            keys.append(field["key"])
    return keys


def form_columns(form):
    keys = []
    for page in form["pages"]:
        keys.extend(answer_keys(page["fields"]))
    return keys


def person(rnd):
    return f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}"


def ascii_slug(text):
    """'Görkem Aydın' -> 'gorkem.aydin' for email addresses."""
    plain = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ø", "o").replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in plain if c.isascii() and (c.isalnum() or c == " "))
    return ".".join(plain.lower().split())


def email_for(rnd, name):
    return f"{ascii_slug(name)}@{rnd.choice(EMAIL_DOMAINS)}"


def phone(rnd):
    return rnd.choice(PHONE_PREFIXES) + "".join(str(rnd.randint(0, 9)) for _ in range(4))


def day_between(rnd, first, last):
    return first + dt.timedelta(days=rnd.randint(0, (last - first).days))


def clock(hour, minute):
    return f"{hour:02d}:{minute:02d}"


def iso_duration(seconds):
    """ISO 8601 duration text: P3D, PT2H30M, P1DT6H, PT0S."""
    days, rest = divmod(int(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    time_part = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (secs, "S")) if n)
    if not days and not time_part:
        return "PT0S"
    return "P" + (f"{days}D" if days else "") + (f"T{time_part}" if time_part else "")


def yes_no(flag):
    return "yes" if flag else "no"


def picks(rnd, options, low, high):
    return rnd.sample(options, rnd.randint(low, high))


def money(value):
    return f"{value:.2f}"


def round_half_up(value, digits):
    """round() as the expression language does it: half away from zero."""
    return float(Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def age_on(born, day):
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def signature(name, when):
    return {"name": name, "time": when}


def cell(value):
    """CSV text of one answer: lists ';'-joined, None empty, dicts as JSON."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def write_csv(path, form, rows):
    columns = form_columns(form)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        for row in rows:
            unknown = set(row) - set(columns)
            if unknown:
                raise ValueError(f"{path}: keys not in the form: {sorted(unknown)}")
            writer.writerow([cell(row.get(key)) for key in columns])

