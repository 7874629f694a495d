"""Invented words for the generated data: people, companies, interests, events and notes."""

from __future__ import annotations

from netrhythm.services.demo import words as demo_data

FIRST_NAMES = demo_data.FIRST_NAMES + (  # more names than the demo needs
    "Ana", "Ben", "Clara", "David", "Eva", "Farah", "Goran", "Helena", "Ivan", "Julia",
    "Karim", "Lena", "Max", "Nadia", "Oscar", "Paula", "Rosa", "Sami", "Tara", "Viktor",
)

LAST_NAMES = demo_data.LAST_NAMES + (  # more names than the demo needs
    "Ruiz", "Novak", "Berg", "Kowalski", "O'Brien", "Santos", "Ahmed", "Fischer", "Jensen",
    "Mori", "Popescu", "Quinn", "Rahman", "Stone", "Torres", "Umar", "Varga", "Walsh", "Young",
    "Zimmermann",
)

COMPANY_WORDS = (
    "Northwind", "Blue Fern", "Kestrel", "Lumen", "Tidewater", "Orbital", "Paperkite",
    "Greenhouse", "Harbor", "Quillon", "Mosaic", "Fieldnote", "Brightwave", "Cobalt", "Atlas",
    "Juniper", "Saltmarsh", "Verdant", "Polaris", "Driftwood", "Tessellate", "Redwood",
    "Lattice", "Sunday", "Ember", "Canopy", "Foundry", "Marble", "Granite", "Meridian",
)
COMPANY_KINDS = (
    "Labs", "Studio", "Health", "Energy", "Bank", "Systems", "Analytics", "Robotics", "Media",
    "Security", "Freight", "Learning", "Ventures", "Foods", "Maps", "Games", "Clinic", "Data",
    "Press", "Mobility", "Climate", "Legal", "Software", "Partners",
)

ROLES = (
    "Staff Engineer", "Product Manager", "Designer", "Data Scientist", "CTO", "Founder",
    "Recruiter", "Engineering Manager", "Researcher", "Developer Advocate",
    "Security Engineer", "Head of Product", "UX Researcher", "Investor", "Editor", "",
)

# (tag, the keep-in-touch cadence it gives its contacts, or None)
TAGS = (
    ("mentors", 30), ("close", 14), ("clients", 45), ("alumni", 90), ("python", None),
    ("rust", None), ("design", None), ("climate", None), ("gardening", None), ("running", None),
    ("open-source", None), ("startups", None), ("hiring", None), ("ml", None), ("security", None),
    ("writing", None), ("music", None), ("photography", None), ("chess", None), ("cycling", None),
    ("product", None), ("data", None), ("devops", None), ("healthcare", None), ("fintech", None),
    ("education", None), ("podcasts", None), ("cooking", None), ("board-games", None),
    ("investing", None), ("accessibility", None), ("ux", None), ("mobile", None), ("web", None),
    ("robotics", None), ("space", None), ("public-speaking", None), ("leadership", None),
    ("remote-work", None), ("nonprofit", None),
)

EVENT_KINDS = (
    "Meetup", "Conference", "Summit", "Workshop", "Hack Night", "Breakfast", "Unconference",
    "Demo Day", "Book Club", "Career Fair",
)
CITIES = (
    "Lisbon", "Berlin", "Lagos", "Tokyo", "Toronto", "Nairobi", "Madrid", "Oslo", "Seoul",
    "Mexico City", "Online", "Amsterdam", "Bangalore", "Melbourne", "London",
)

HOW_MET = (
    "former colleague", "intro from a friend", "LinkedIn", "university", "a podcast guest",
    "online community", "neighbour", "client project", "open-source project", "mentoring program",
)

NOTES = {
    "reach-out": ("coffee chat about {topic}", "caught up on {topic}", "quick call",
                  "sent a hello after a long time", "lunch; talked about {topic}"),
    "give-value": ("shared an article on {topic}", "introduced them to someone in {topic}",
                   "reviewed their {topic} talk", "recommended a book on {topic}"),
    "follow-up": ("followed up on our {topic} chat", "sent the notes we discussed",
                  "thanked them for the intro", "checked how the {topic} project went"),
    "attend-event": ("{event}", "went to {event}; good talks on {topic}"),
    "ask-advice": ("asked for advice on {topic}", "asked for feedback on my {topic} idea"),
    "write-post": ("wrote about {topic}", "posted notes on {topic}"),
}

REFLECTIONS = (
    "Learned that short messages get answered faster.",
    "Helped two people with intros; next week: one more event.",
    "Slow week; block an hour on Tuesday for reach-outs.",
    "Good balance of giving and asking this week.",
)
