"""Word lists for the demo data: people, companies, interests, events and notes (all invented)."""

from __future__ import annotations

FIRST_NAMES = (
    "Maria", "Tomás", "Aisha", "Kenji", "Zoë", "Oluwaseun", "Priya", "Lars", "Mei", "Diego",
    "Fatima", "Jonas", "Ngozi", "Hiroshi", "Sofia", "Rahul", "Ingrid", "Kwame", "Chloé", "Arjun",
    "Leila", "Mateo", "Yuki", "Emeka", "Hannah", "Omar", "Sven", "Lucía", "Tariq", "Elena",
    "Jamal", "Anouk", "Wei", "Grace", "Dmitri", "Amara", "Noah", "Saanvi", "Felix", "Camille",
    "Bongani", "Isla", "Rafael", "Mina", "Tobias", "Adaeze", "Luca", "Hana", "Samir", "Freya",
    "Kofi", "Aroha", "Pablo", "Linh", "Moritz", "Esther", "Dev", "Marta", "Yusuf", "Signe",
)

LAST_NAMES = (
    "Chen", "Okafor", "Fernández", "Tanaka", "Müller", "Adeyemi", "Sharma", "Johansson", "Wong",
    "Ramírez", "Haddad", "Becker", "Eze", "Sato", "Rossi", "Gupta", "Nilsen", "Mensah",
    "Dubois", "Iyer", "Karimi", "López", "Nakamura", "Obi", "Schmidt", "Farouk", "Lindqvist",
    "García", "Aziz", "Petrova", "Williams", "de Vries", "Zhang", "Kim", "Volkov", "Diallo",
    "Cohen", "Reddy", "Weber", "Laurent", "Dlamini", "MacLeod", "Costa", "Park", "Hoffmann",
    "Nwosu", "Bianchi", "Yamamoto", "Khoury", "Andersen", "Asante", "Ngata", "Moreno",
    "Nguyễn", "Wagner", "Levi", "Patel", "Silva", "Demir", "Holm",
)

COMPANIES = (
    "Northwind Labs", "Blue Fern Studio", "Kestrel Health", "Lumen Energy", "Tidewater Bank",
    "Orbital Systems", "Paperkite", "Greenhouse Analytics", "Harbor & Pine", "Quillon",
    "Mosaic Robotics", "Fieldnote", "Brightwave Media", "Cobalt Security", "Atlas Freight",
    "Juniper Learning", "Saltmarsh Ventures", "Verdant Foods", "Polaris Maps", "Driftwood Games",
    "Tessellate", "Open Commons Foundation", "Redwood Clinic", "Lattice Data", "Sunday Press",
    "Kite & Key", "Ember Mobility", "Canopy Climate", "Foundry Nine", "Marble Legal",
)

ROLES = (
    "Staff Engineer", "Product Manager", "Designer", "Data Scientist", "CTO", "Founder",
    "Recruiter", "Engineering Manager", "Researcher", "Developer Advocate",
    "Security Engineer", "Head of Product", "UX Researcher", "Investor", "Editor",
)

# (tag, keep-in-touch cadence the tag gives its contacts, or None)
TAGS = (
    ("python", None), ("rust", None), ("data", None), ("ml", None), ("design", None),
    ("product", None), ("climate", None), ("security", None), ("open-source", None),
    ("gardening", None), ("writing", None), ("startups", None), ("hiring", None),
    ("mentors", 30), ("devops", None), ("accessibility", None), ("music", None),
)

# (name, location, notes): notes name the interests an event is about
EVENTS = (
    ("PyData Berlin", "Kulturbrauerei", "Talks on python, data pipelines and ml in production."),
    ("Rust Meetup", "c-base", "Lightning talks; rust in embedded and web."),
    ("Climate Tech Breakfast", "Impact Hub", "Founders and engineers working on climate."),
    ("Design Systems Night", "Blue Fern Studio", "Tokens, components, accessibility."),
    ("Open Source Summit", "Estrel", "Maintainers' track and a hiring fair."),
    ("Founders' Coffee", "Café Oberholz", "Informal: startups, fundraising, product."),
    ("Security BSides", "Urania", "Talks and a capture-the-flag; security people."),
    ("Urban Gardening Swap", "Prinzessinnengarten", "Seedlings and compost; gardening folk."),
    ("Writers' Circle", "Pankow library", "Technical writing and newsletters."),
    ("ML Paper Club", "Lattice Data office", "This month: retrieval; ml and data people."),
    ("DevOps Days", "Station Berlin", "Platform teams, devops and on-call stories."),
    ("Product Management Meetup", "Factory Görlitzer Park", "Discovery, roadmaps, product."),
    ("Accessibility Camp", "Juniper Learning", "Hands-on audits; accessibility and design."),
    ("Jazz & Networking", "A-Trane", "Music first, then people."),
)

REACH_OUT_NOTES = (
    "Coffee chat about {topic}", "Messaged to catch up after a while", "Call about {topic}",
    "Lunch near their office", "Asked how the new role is going", "Congratulated on the launch",
)
GIVE_NOTES = (
    "Sent an article on {topic}", "Introduced them to a {topic} person",
    "Reviewed their talk proposal", "Shared a job lead", "Gave feedback on their CV",
    "Recommended a book on {topic}",
)
FOLLOW_UP_NOTES = (
    "Followed up on our {topic} chat", "Sent the link I promised", "Thanked them for the intro",
    "Shared notes from the meetup", "Checked in after the interview",
)
EVENT_NOTES = ("Good talks; met new people", "Gave a lightning talk", "Volunteered at the door",
               "Stayed for the after-party", "")
HOW_MET = (
    "Former colleague at {company}", "Intro from a friend", "Conference hallway chat",
    "Alumni network", "Replied to my blog post", "Same climbing gym",
    "Worked together on an open-source project",
)
CONTACT_NOTES = (
    "Into {topic}; prefers messages over calls.", "Looking for a new role in {topic}.",
    "Runs a small newsletter about {topic}.", "Mentors juniors; generous with time.",
    "Moving to Lisbon next year.", "Has a dog called Pixel.", "", "",
)
REFLECTIONS = (
    "Learned that short messages get answered faster. Helped {name} with an intro. "
    "Next week: book the coffee earlier in the week.",
    "Quiet week. Helped {name} with CV feedback. Next week: one event, no excuses.",
    "Good rhythm. {name} pointed me to a {topic} meetup. Next week: follow up sooner.",
    "Busy at work, networking slipped. Next week: block Tuesday lunch for it.",
)
