"""Demo responses: organisations answer the challenges that are in dialogue or solved (and
one open challenge), so that no challenge says "in dialogue" with nobody to talk to.

Each entry: the challenge's slug, the organisation's slug, the member who answers (a key of
the demo users), the answer, the offer, optionally the title of the organisation's
published solution the response points at (solutions/demo_data.py), and the steps that
follow, in order: ("status", who, status, message) for a decision or a withdrawal,
("message", who, text) for a message.
"who" is "owner" (the challenge's contact person) or "member" (the one who answered).
"""

DEMO_RESPONSES = [
    {
        "challenge": "renhold-af-parker-med-mennesker-paa-kanten-af-arbejdsmarkedet",
        "organisation": "groen-genbrug-amager",
        "member": "entrepreneur2",
        "message": (
            "Grøn Genbrug Amager har i fire år haft hold af ledige i gang med reparation og "
            "salg. Vi kan stille med en arbejdsleder og et hold på seks personer til renhold af "
            "Amager Fælled og parkerne på Amager Vest, med oplæring i maskiner og "
            "affaldssortering."
        ),
        "offer": "Arbejdshold med arbejdsleder og oplæring",
        "steps": [
            ("status", "owner", "shortlisted", ""),
            (
                "status",
                "owner",
                "in_dialogue",
                "Tak for jeres svar. Kan I fortælle, hvordan I vil sikre, at deltagerne får "
                "et kursusbevis undervejs?",
            ),
            (
                "message",
                "member",
                "Vi samarbejder med AMU Hovedstaden om kørekort til små maskiner og "
                "certifikat i affaldshåndtering. Det kan ligge i de første seks uger.",
            ),
            ("message", "owner", "Godt. Vi foreslår et møde i næste uge om kontraktens vilkår."),
        ],
    },
    {
        "challenge": "renhold-af-parker-med-mennesker-paa-kanten-af-arbejdsmarkedet",
        "organisation": "brobyggerne",
        "member": "entrepreneur2",
        "message": (
            "Brobyggerne kan stille mentorer til rådighed for de deltagere, der er nytilkomne "
            "flygtninge, så de får sprog og kolleger med fra første dag."
        ),
        "offer": "Mentorforløb for nytilkomne i job",
        "solution": "Mentorforløb fra flygtning til fast job",
        "steps": [("status", "owner", "shortlisted", "")],
    },
    {
        "challenge": "sortering-og-genbrug-af-tekstiler-fra-husholdningerne",
        "organisation": "groen-genbrug-amager",
        "member": "entrepreneur2",
        "message": (
            "Vi sorterer allerede tekstiler fra vores genbrugsbutik og kan tage imod tøj fra "
            "genbrugsstationerne på Amager. Det, der kan sælges, sælges i butikken; resten går "
            "til en partner, der laver det om til isolering."
        ),
        "offer": "Sortering og salg af brugte tekstiler",
        "steps": [
            (
                "status",
                "owner",
                "in_dialogue",
                "Hvor mange tons om året kan I tage imod, og har I plads til en container?",
            ),
            (
                "message",
                "member",
                "Omkring 40 tons om året i første omgang. Vi har plads til to containere i "
                "gården bag værkstedet.",
            ),
        ],
    },
    {
        "challenge": "jobtraening-for-borgere-med-psykisk-sygdom",
        "organisation": "kaffe-kompetencer",
        "member": "entrepreneur",
        "message": (
            "Kaffe & Kompetencer har 14 medarbejdere med psykisk sårbarhed i jobtræning i "
            "caféen og kantinen på Nørrebro. Vi kan tage fem borgere ad gangen i et forløb på "
            "13 uger med en fast mentor og en plan for vejen videre."
        ),
        "offer": "Jobtræning i café og kantine",
        "solution": "Kantine med job til mennesker med psykisk sårbarhed",
        "steps": [
            (
                "status",
                "owner",
                "in_dialogue",
                "Det lyder lovende. Kan forløbet tilpasses borgere, der kun kan arbejde få "
                "timer om ugen i starten?",
            ),
            (
                "message",
                "member",
                "Ja. Vi starter ofte med seks timer om ugen og trapper op i takt med, at "
                "borgeren er klar. Vi sender gerne et eksempel på en plan.",
            ),
        ],
    },
    {
        "challenge": "jobtraening-for-borgere-med-psykisk-sygdom",
        "organisation": "brobyggerne",
        "member": "entrepreneur2",
        "message": (
            "Brobyggerne kan tilbyde mentorstøtte til borgere, der har en flygtningebaggrund, "
            "og som er i jobtræning hos en af jeres andre partnere."
        ),
        "offer": "Mentorstøtte i jobtræning",
        "solution": "Mentorforløb fra flygtning til fast job",
        "steps": [("message", "member", "Vi kan også deltage i et informationsmøde.")],
    },
    {
        "challenge": "fritidsjob-til-unge-i-tingbjerg-og-husum",
        "organisation": "kaffe-kompetencer",
        "member": "entrepreneur",
        "message": (
            "Vi kan ansætte otte unge i fritidsjob i vores café, med en voksen kollega, der "
            "lærer dem op i service og kasse, og med løn efter overenskomst."
        ),
        "offer": "Fritidsjob i café",
        "steps": [
            ("status", "owner", "in_dialogue", "Kan I også tage unge under 15 år?"),
            ("message", "member", "Ja, med de regler, der gælder for unge under 15."),
            ("status", "owner", "accepted", "Vi går videre med jeres tilbud. Tak!"),
            ("message", "member", "Tak! Vi kan tage de første unge fra 1. marts."),
        ],
    },
    {
        "challenge": "sommerferieaktiviteter-for-boern-der-bliver-hjemme",
        "organisation": "brobyggerne",
        "member": "entrepreneur2",
        "message": (
            "Brobyggerne laver hver sommer tre ugers aktiviteter for børnene i de familier, vi "
            "følger, med udflugter og sport. Vi kan åbne dem for flere børn på Nørrebro og i "
            "Bispebjerg."
        ),
        "offer": "Sommeraktiviteter for børn",
        "steps": [
            ("status", "owner", "accepted", "Vi vil gerne have jer med i år."),
            ("message", "owner", "Vi sender en aftale om lokaler og forsikring i næste uge."),
        ],
    },
    {
        "challenge": "socialoekonomisk-drift-af-kantinen-paa-raadhuset",
        "organisation": "kaffe-kompetencer",
        "member": "entrepreneur",
        "message": (
            "Kaffe & Kompetencer driver i dag en kantine for 200 gæster om dagen med "
            "medarbejdere i jobtræning. Vi kan overtage driften af kantinen på Rådhuset med "
            "økologisk mad og ti pladser til jobtræning."
        ),
        "offer": "Kantinedrift med jobtræning",
        "solution": "Kantine med job til mennesker med psykisk sårbarhed",
        "steps": [],
    },
]
