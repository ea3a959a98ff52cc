"""Demo challenges (Danish). Loaded by challenges/demo.py."""

DEMO_CHALLENGES = [
    {
        "slug": "genbrug-af-kommunens-brugte-computere",
        "title": "Genbrug af kommunens brugte computere til foreninger og borgere",
        "summary": (
            "Københavns Kommune udskifter hvert år omkring 6.000 bærbare computere. Vi søger en "
            "socialøkonomisk virksomhed, der kan slette data sikkert, sætte maskinerne i stand og "
            "give dem videre til foreninger og borgere, der mangler en computer."
        ),
        "description": (
            "Når kommunens medarbejdere får en ny computer, bliver den gamle i dag destrueret "
            "eller solgt samlet til en opkøber. Mange af maskinerne er kun fire-fem år gamle "
            "og fungerer fint. Samtidig mangler frivillige foreninger, væresteder og familier "
            "med lav indkomst en brugbar computer til skolearbejde, jobsøgning og kontakt med "
            "det offentlige.\n\n"
            "Økonomiforvaltningen vil gerne have en løsning, hvor computerne bliver genbrugt "
            "lokalt i København. Opgaven omfatter afhentning på kommunens arbejdspladser, "
            "certificeret datasletning, istandsættelse, installation af styresystem og "
            "kontorprogrammer samt udlevering til modtagerne. Arbejdet skal skabe praktik- og "
            "jobpladser for mennesker, der i dag står uden for arbejdsmarkedet.\n\n"
            "Et særligt spørgsmål er software. Kommunens licenser følger ikke med maskinerne, "
            "så løsningen skal sikre, at modtagerne får lovlige licenser – fx via "
            "velgørenhedsprogrammer hos softwareleverandørerne eller ved at bruge open "
            "source-programmer. Vi er åbne for forslag til, hvordan det kan gøres enkelt for "
            "foreningerne.\n\n"
            "Opgaven udbydes som en reserveret kontrakt efter udbudslovens § 18. Det betyder, "
            "at kun virksomheder, hvis hovedformål er social og faglig integration af personer "
            "med handicap eller udsatte personer, og hvor mindst 30 procent af de ansatte "
            "tilhører disse grupper, kan byde. Kontrakten løber i to år med mulighed for "
            "forlængelse i yderligere to år.\n\n"
            "Kommunen kan stille lagerplads til rådighed i en kommunal ejendom i Sydhavnen og "
            "deler data om, hvor mange maskiner der udskiftes hvert kvartal. Spørgsmål kan "
            "stilles via portalen frem til svarfristen."
        ),
        "owner": "ØKF",
        "co_owners": ["BIF"],
        "contact": "council_secretary",
        "districts": [],
        "sdgs": [4, 8, 12],
        "target_groups": ["socially_vulnerable", "unemployed", "families"],
        "collaboration": "reserved_contract",
        "budget": "250k_1m",
        "deadline_in_days": 45,
        "status": "published",
    },
    {
        "slug": "socialoekonomisk-drift-af-kantinen-paa-raadhuset",
        "title": "Socialøkonomisk drift af kantinen på Københavns Rådhus",
        "summary": (
            "Kontrakten om kantinen på Rådhuset udløber om et år. Vi søger en operatør, der "
            "serverer sund og klimavenlig frokost og samtidig oplærer mennesker, som har svært ved "
            "at få fodfæste på arbejdsmarkedet."
        ),
        "description": (
            "Kantinen på Københavns Rådhus serverer hver dag frokost for omkring 450 "
            "medarbejdere og politikere og leverer forplejning til udvalgsmøder og "
            "arrangementer. Den nuværende kontrakt udløber om et år, og Økonomiforvaltningen "
            "vil bruge det nye udbud til at skabe arbejdspladser for mennesker på kanten af "
            "arbejdsmarkedet.\n\n"
            "Vi forestiller os en operatør med erfaring i at oplære medarbejdere i køkken, "
            "servering og opvask, og som kan tilbyde forløb, der fører videre til job eller "
            "uddannelse, fx som ernæringsassistent. Maden skal leve op til kommunens mål om "
            "mindst 90 procent økologi og et lavt klimaaftryk, og der skal være et dagligt "
            "vegetarisk hovedmåltid.\n\n"
            "Kontrakten udbydes som reserveret kontrakt efter udbudslovens § 18. Kommunen "
            "stiller køkken, inventar og spisesal til rådighed uden husleje, og operatøren "
            "afregnes pr. kuvert efter en fast pris. Den forventede omsætning er 3-4 mio. kr. "
            "om året.\n\n"
            "Vi holder et dialogmøde i kantinen, hvor I kan se køkkenet og stille spørgsmål "
            "til det kommende udbud. Skriv til kontaktpersonen, hvis I vil deltage."
        ),
        "owner": "ØKF",
        "co_owners": ["BIF"],
        "contact": "council_secretary",
        "districts": ["indre-by"],
        "sdgs": [8, 12],
        "target_groups": ["unemployed", "mental_health"],
        "collaboration": "reserved_contract",
        "budget": "over_1m",
        "deadline_in_days": 60,
        "status": "published",
    },
    {
        "slug": "moedeforplejning-fra-socialoekonomiske-virksomheder",
        "title": "Mødeforplejning fra socialøkonomiske virksomheder til kommunens arrangementer",
        "summary": (
            "Økonomiforvaltningen køber hvert år kaffe, kage og frokost til møder og arrangementer "
            "for omkring 200.000 kr. Vi ville afprøve at lægge en del af købet hos "
            "socialøkonomiske cateringvirksomheder."
        ),
        "description": (
            "Forvaltningen holder hvert år mange møder, workshops og konferencer med eksterne "
            "deltagere. Forplejningen købes i dag via kommunens fælles indkøbsaftale, men de "
            "fleste enkeltkøb ligger langt under udbudsgrænsen og kan derfor også købes "
            "direkte hos mindre leverandører.\n\n"
            "Vi ville afprøve, om socialøkonomiske cateringvirksomheder kan levere til mindre "
            "arrangementer på 10-60 personer, og hvad der skal til, for at det bliver nemt for "
            "både bestiller og leverandør. Det gælder fx bestilling, elektronisk fakturering "
            "og levering inden for Indre By.\n\n"
            "Vi har fået svar fra fem virksomheder og har indgået aftaler med tre af dem. "
            "Udfordringen er derfor lukket for nye svar. Erfaringerne samles i en kort "
            "vejledning til de øvrige forvaltninger om, hvordan man køber ind hos "
            "socialøkonomiske virksomheder under udbudsgrænsen."
        ),
        "owner": "ØKF",
        "co_owners": [],
        "contact": "council_secretary",
        "districts": ["indre-by"],
        "sdgs": [8, 12],
        "target_groups": ["unemployed"],
        "collaboration": "below_threshold",
        "budget": "50k_250k",
        "deadline_in_days": -6,
        "status": "closed",
    },
    {
        "slug": "faelles-maaling-af-social-effekt",
        "title": "Fælles og enkel måling af social effekt på tværs af forvaltningerne",
        "summary": (
            "Forvaltningerne måler social effekt på hver sin måde, og det er tungt for små "
            "virksomheder at rapportere. Vi søger virksomheder, der vil udvikle et fælles og "
            "enkelt sæt indikatorer sammen med os."
        ),
        "description": (
            "Når en socialøkonomisk virksomhed løser en opgave for kommunen, bliver den ofte "
            "bedt om at dokumentere den sociale effekt. I dag stiller de syv forvaltninger "
            "forskellige krav – nogle vil vide, hvor mange der kommer i job, andre vil have "
            "trivselsmålinger eller beregninger af sparede udgifter. For en lille virksomhed "
            "med få ansatte kan rapporteringen tage mere tid end selve opgaven.\n\n"
            "Økonomiforvaltningen vil sammen med virksomhederne, de øvrige forvaltninger og "
            "Socialt Virksomhedsråd udvikle et fælles sæt af 8-12 indikatorer, der kan bruges "
            "i kontrakter, puljeansøgninger og afrapportering. Indikatorerne skal være lette "
            "at opgøre, give mening for virksomhederne og kunne sammenlignes på tværs.\n\n"
            "Vi søger 4-6 virksomheder af forskellig størrelse og fra forskellige brancher, "
            "som vil deltage i tre workshops og afprøve indikatorerne i et halvt år. "
            "Deltagerne får honorar for den tid, de bruger, og adgang til rådgivning om "
            "effektmåling via portalens klippekort.\n\n"
            "Vi deler gerne eksisterende skabeloner og erfaringer fra tidligere kontrakter. "
            "Workshopperne holdes på Rådhuset."
        ),
        "owner": "ØKF",
        "co_owners": ["BIF", "SOF"],
        "contact": "council_secretary",
        "districts": [],
        "sdgs": [8, 16, 17],
        "target_groups": ["all_citizens"],
        "collaboration": "co_creation",
        "budget": "50k_250k",
        "deadline_in_days": 40,
        "status": "published",
    },
    {
        "slug": "flere-med-handicap-i-idraetsforeningerne",
        "title": "Flere mennesker med handicap ind i de almindelige idrætsforeninger",
        "summary": (
            "Kun få af Københavns idrætsforeninger har hold for mennesker med handicap. Vi vil "
            "medfinansiere løsninger, der gør det lettere for foreninger at starte og fastholde "
            "hold inden for handicapidræt."
        ),
        "description": (
            "Mennesker med fysiske og psykiske handicap dyrker markant mindre idræt end resten "
            "af befolkningen. I København findes der tilbud inden for handicapidræt, men de er "
            "samlet i få klubber, og mange oplever lang transport og venteliste. Samtidig "
            "siger mange almindelige foreninger, at de gerne vil åbne op, men at de mangler "
            "trænere med den rette viden og hjælp til det praktiske.\n\n"
            "Kultur- og Fritidsforvaltningen søger løsninger, der kan bygge bro mellem "
            "foreningerne og de mennesker med handicap, der gerne vil være med. Det kan fx "
            "være uddannelse af trænere, en ledsagerordning, hjælp til transport eller et fast "
            "samarbejde med botilbud og specialskoler om hold.\n\n"
            "Vi kan medfinansiere op til halvdelen af udgifterne i to år, dog højst 400.000 "
            "kr. om året. Resten af finansieringen kan fx komme fra fonde, forbund eller "
            "deltagerbetaling. Vi stiller tider i kommunens idrætshaller og svømmehaller til "
            "rådighed uden betaling.\n\n"
            "Socialforvaltningen deltager, fordi mange af de kommende deltagere bor på "
            "kommunens botilbud. Vi forventer at starte med 2-3 idrætsgrene og 5-10 foreninger."
        ),
        "owner": "KFF",
        "co_owners": ["SOF"],
        "contact": "civil_servant_kff",
        "districts": [],
        "sdgs": [3, 10],
        "target_groups": ["disabilities"],
        "collaboration": "co_funding",
        "budget": "250k_1m",
        "deadline_in_days": 75,
        "status": "published",
    },
    {
        "slug": "kajakvaerksted-for-unge-i-sydhavnen",
        "title": "Kajakværksted for unge i Sydhavnen",
        "summary": (
            "Vi stiller et tomt bådeskur ved Sluseholmen til rådighed for et værksted, hvor unge "
            "bygger og reparerer kajakker og lærer at færdes sikkert i havnen."
        ),
        "description": (
            "Sydhavnen har mange unge, som ikke går til noget i fritiden, og havnen ligger "
            "lige uden for døren. Alligevel har mange af de unge aldrig været ude på vandet. "
            "Kultur- og Fritidsforvaltningen har et bådeskur på ca. 120 m² ved Sluseholmen, "
            "som står tomt, efter at en roklub er flyttet.\n\n"
            "Vi søger en social virksomhed eller forening, der vil drive et kajakværksted for "
            "unge mellem 13 og 24 år. Her skal de unge kunne bygge kajakker i træ, reparere "
            "brugte både og lære at padle sikkert. Vi forestiller os, at værkstedet kan "
            "ansætte nogle af de unge i fritidsjob og samarbejde med skolerne i området om "
            "valgfag.\n\n"
            "Kommunen udlåner bådeskuret gratis i tre år, mod at lejeren betaler forbrug og "
            "står for den daglige drift. Bygningen har el, vand og egen bådebro. Vi hjælper "
            "gerne med kontakt til lokale skoler, klubber og Kongens Enghave Lokaludvalg.\n\n"
            "Beskriv i jeres svar, hvordan I vil sikre sikkerheden på vandet, hvor mange unge "
            "I forventer at nå, og hvordan driften skal finansieres på længere sigt."
        ),
        "owner": "KFF",
        "co_owners": ["BUF"],
        "contact": "civil_servant_kff",
        "districts": ["kongens-enghave"],
        "sdgs": [3, 4, 14],
        "target_groups": ["young_people"],
        "collaboration": "premises",
        "budget": "not_set",
        "deadline_in_days": 55,
        "status": "published",
    },
    {
        "slug": "lektiehjaelp-paa-bibliotekerne-i-tingbjerg-og-nordvest",
        "title": "Lektiehjælp på bibliotekerne i Tingbjerg og Nordvest",
        "summary": (
            "Tingbjerg Bibliotek og Bibliotekshuset i Nordvest har ledige lokaler om "
            "eftermiddagen. Vi søger en aktør, der vil tilbyde fast lektiehjælp til skolebørn og "
            "unge fire dage om ugen."
        ),
        "description": (
            "Mange børn og unge i Tingbjerg og Nordvest har ikke nogen derhjemme, der kan "
            "hjælpe med lektierne, fx fordi forældrene ikke taler dansk godt nok eller selv "
            "har en kort uddannelse. Bibliotekerne oplever, at mange unge kommer for at lave "
            "lektier, men personalet har ikke tid til at hjælpe dem fagligt.\n\n"
            "Vi søger en social virksomhed eller forening, der kan stå for lektiehjælp i "
            "bibliotekernes lokaler mandag til torsdag kl. 15-18. Hjælpen skal især dække "
            "dansk, matematik og engelsk i 4.-10. klasse og gerne også give støtte til "
            "gymnasieelever. Lektiehjælperne kan fx være studerende eller unge fra området, "
            "der selv har klaret sig godt i skolen.\n\n"
            "Kommunen stiller lokaler, internet, computere og kaffe til rådighed uden "
            "betaling. Bibliotekerne hjælper med at gøre tilbuddet kendt, og vi søger gerne "
            "lokale puljer sammen med jer. Der er ikke afsat et særskilt budget til løn.\n\n"
            "Svar gerne med en kort beskrivelse af jeres erfaring, hvordan I vil rekruttere og "
            "uddanne lektiehjælpere, og hvordan I vil samarbejde med skolerne i området."
        ),
        "owner": "KFF",
        "co_owners": ["BUF"],
        "contact": "civil_servant_kff",
        "districts": ["broenshoej-husum", "bispebjerg"],
        "sdgs": [4, 10],
        "target_groups": ["children", "young_people"],
        "collaboration": "premises",
        "budget": "not_set",
        "deadline_in_days": 35,
        "status": "published",
    },
    {
        "slug": "sommerferieaktiviteter-for-boern-der-bliver-hjemme",
        "title": "Sommerferieaktiviteter for børn, der ikke kommer på ferie",
        "summary": (
            "Mange børn i byens almene boligområder kommer ikke på ferie i sommerferien. Vi søgte "
            "aktører, der kunne lave gratis aktiviteter hver hverdag i seks uger i Urbanplanen og "
            "Mjølnerparken."
        ),
        "description": (
            "Sommerferien er lang for børn, hvis familie ikke har råd til at rejse eller "
            "betale for aktiviteter. Fritidsinstitutioner og klubber holder delvist lukket i "
            "ferien, og nogle børn går stort set alene rundt i seks uger. Det går ud over både "
            "trivsel og læring, når skolen begynder igen.\n\n"
            "Kultur- og Fritidsforvaltningen ville afprøve et program med gratis aktiviteter "
            "hver hverdag i hele sommerferien for børn på 6-14 år i Urbanplanen på Amager og "
            "Mjølnerparken på Nørrebro, fx kreative værksteder, idræt, ture i byen og fælles "
            "frokost. Aktiviteterne foregik udendørs og i lokaler i boligområderne.\n\n"
            "Tre aktører fik en aftale om piloten. I alt deltog 430 børn mindst én gang, og "
            "omkring 120 kom næsten hver dag. Erfaringerne indgår nu i planlægningen af næste "
            "års sommerferie, og udfordringen er markeret som løst."
        ),
        "owner": "KFF",
        "co_owners": ["BUF"],
        "contact": "civil_servant_kff",
        "districts": ["amager-oest", "noerrebro"],
        "sdgs": [3, 4, 10],
        "target_groups": ["children", "families"],
        "collaboration": "pilot",
        "budget": "250k_1m",
        "deadline_in_days": -20,
        "status": "solved",
    },
    {
        "slug": "digital-hjaelp-til-aeldre-paa-bibliotekerne",
        "title": "Digital hjælp til ældre på bibliotekerne",
        "summary": (
            "Mange ældre har svært ved MitID, Digital Post og sundhedsapps. Vi vil afprøve en fast "
            "ordning med digital hjælp på fem biblioteker, som en social virksomhed står for."
        ),
        "description": (
            "Næsten al kontakt med det offentlige foregår i dag digitalt. Mange ældre borgere "
            "kan ikke selv bruge MitID, læse Digital Post eller bestille tid hos lægen på "
            "nettet og er afhængige af pårørende – eller står helt uden hjælp. Bibliotekerne "
            "får mange spørgsmål, men personalet har svært ved at give den tid, den enkelte "
            "har brug for.\n\n"
            "Vi vil i et år afprøve en ordning, hvor en social virksomhed står for digital "
            "hjælp på fem biblioteker to gange om ugen. Hjælpen skal være tålmodig og foregå "
            "på den ældres egen telefon eller tablet. Vi er særligt interesserede i løsninger, "
            "hvor ældre hjælper ældre, eller hvor unge ledige får erfaring med kundeservice.\n\n"
            "Bibliotekerne stiller lokaler og udstyr til rådighed og står for tidsbestilling. "
            "Piloten har et budget på op til 200.000 kr. Sundheds- og Omsorgsforvaltningen "
            "hjælper med at gøre tilbuddet kendt gennem hjemmeplejen og aktivitetscentrene.\n\n"
            "Hjælperne må aldrig overtage den ældres MitID eller få adgang til koder. Beskriv "
            "derfor, hvordan I sikrer det, og hvordan I uddanner hjælperne."
        ),
        "owner": "KFF",
        "co_owners": ["SUF"],
        "contact": "civil_servant_kff",
        "districts": ["valby", "vanloese", "amager-vest", "oesterbro", "bispebjerg"],
        "sdgs": [4, 10],
        "target_groups": ["elderly"],
        "collaboration": "pilot",
        "budget": "50k_250k",
        "deadline_in_days": 30,
        "status": "published",
    },
    {
        "slug": "fritidsjob-til-unge-i-tingbjerg-og-husum",
        "title": "Fritidsjob til unge i Tingbjerg og Husum",
        "summary": (
            "Et fritidsjob giver selvtillid og gør det lettere at tage en uddannelse senere. Vi "
            "søgte socialøkonomiske virksomheder, der ville ansætte 13-17-årige fra Tingbjerg og "
            "Husum nogle timer om ugen."
        ),
        "description": (
            "Unge med et fritidsjob klarer sig bedre i uddannelsessystemet og på "
            "arbejdsmarkedet senere i livet. I Tingbjerg og Husum har langt færre unge et "
            "fritidsjob end gennemsnittet i København, blandt andet fordi der er få butikker "
            "og virksomheder i nærområdet.\n\n"
            "Børne- og Ungdomsforvaltningen ville finde socialøkonomiske virksomheder, der "
            "kunne ansætte unge i 5-10 timer om ugen, og som havde tid til at være en god "
            "første arbejdsplads. Kommunen tilbød at dække en del af lønnen i de første tre "
            "måneder og stillede en fritidsjobkonsulent til rådighed.\n\n"
            "Syv virksomheder deltog, og 38 unge fik et fritidsjob. Samarbejdet fortsætter som "
            "en fast del af kommunens fritidsjobindsats. Udfordringen er derfor løst, men "
            "virksomheder, der vil være med næste gang, er velkomne til at kontakte os."
        ),
        "owner": "BUF",
        "co_owners": ["BIF"],
        "contact": "civil_servant_buf",
        "districts": ["broenshoej-husum"],
        "sdgs": [4, 8],
        "target_groups": ["young_people"],
        "collaboration": "employment",
        "budget": "250k_1m",
        "deadline_in_days": -14,
        "status": "solved",
    },
    {
        "slug": "stoette-til-ordblinde-elever-i-udskolingen",
        "title": "Støtte til ordblinde elever i udskolingen",
        "summary": (
            "Mange ordblinde elever får ikke brugt deres hjælpemidler i hverdagen. Vi vil købe "
            "kurser, hvor eleverne lærer at bruge oplæsning og ordforslag i alle fag."
        ),
        "description": (
            "Omkring 7 procent af eleverne i en årgang er ordblinde. Københavns skoler tester "
            "eleverne og udleverer programmer til oplæsning og ordforslag, men mange elever i "
            "7.-9. klasse bruger dem ikke, fordi de synes, det er pinligt, eller fordi de "
            "aldrig rigtig har lært at bruge dem. Det kan koste både karakterer og lysten til "
            "at tage en uddannelse.\n\n"
            "Børne- og Ungdomsforvaltningen vil købe korte kursusforløb på fire til seks "
            "gange, hvor ordblinde elever lærer at bruge hjælpemidlerne i alle fag og møder "
            "andre unge, der også er ordblinde. Vi ser gerne, at forløbene er udviklet eller "
            "ledes af voksne, som selv er ordblinde.\n\n"
            "I første omgang vil vi købe forløb til 8-10 skoler. Købet ligger under "
            "udbudsgrænsen, og vi beder derfor om et enkelt tilbud med pris pr. forløb, en "
            "beskrivelse af indholdet og jeres erfaring. Skolerne stiller lokaler og computere "
            "til rådighed, og skolens læsevejleder deltager første og sidste gang."
        ),
        "owner": "BUF",
        "co_owners": [],
        "contact": "civil_servant_buf",
        "districts": [],
        "sdgs": [4, 10],
        "target_groups": ["children", "young_people", "disabilities"],
        "collaboration": "below_threshold",
        "budget": "50k_250k",
        "deadline_in_days": 28,
        "status": "published",
    },
    {
        "slug": "laesevenner-i-skolebiblioteket",
        "title": "Læsevenner i skolebiblioteket efter skoletid",
        "summary": (
            "Vi vil afprøve, om frivillige læsevenner kan styrke læselysten hos børn i 1.-3. "
            "klasse, når de læser sammen i skolebiblioteket efter skoletid."
        ),
        "description": (
            "Læsefærdighederne i indskolingen varierer meget fra skole til skole. På nogle "
            "skoler i Nordvest og på Amager Øst læser mange børn i 3. klasse kun lidt "
            "derhjemme, og en del har næsten ingen bøger. Samtidig står skolebiblioteket – på "
            "mange skoler kaldet det pædagogiske læringscenter – tomt, når undervisningen "
            "slutter.\n\n"
            "Børne- og Ungdomsforvaltningen vil i et skoleår afprøve en ordning, hvor "
            "frivillige læsevenner læser med børnene to eftermiddage om ugen. Vi søger en "
            "organisation, der kan rekruttere, uddanne og koordinere 30-40 frivillige, fx "
            "seniorer og studerende, og som kan indhente børneattester og sikre en fast "
            "kontaktperson på hver skole.\n\n"
            "Vi tilbyder adgang til skolebiblioteket på fire skoler, et budget på 180.000 kr. "
            "til koordinering og uddannelse af frivillige og et samarbejde med skolernes "
            "læsevejledere. Københavns Biblioteker hjælper med bøger og inspiration.\n\n"
            "Effekten måles med de læsetest, skolerne allerede bruger, og med en kort "
            "spørgeskemaundersøgelse blandt børn og forældre."
        ),
        "owner": "BUF",
        "co_owners": ["KFF"],
        "contact": "civil_servant_buf",
        "districts": ["bispebjerg", "amager-oest"],
        "sdgs": [4],
        "target_groups": ["children"],
        "collaboration": "pilot",
        "budget": "50k_250k",
        "deadline_in_days": 50,
        "status": "published",
    },
    {
        "slug": "vej-til-uddannelse-for-unge-uden-job-eller-uddannelse",
        "title": "Vej til uddannelse for unge, der hverken er i job eller uddannelse",
        "summary": (
            "Flere tusinde unge københavnere mellem 15 og 24 år er hverken i job eller uddannelse. "
            "Vi vil udvikle praktiske forløb sammen med socialøkonomiske virksomheder, der kan "
            "hjælpe dem videre."
        ),
        "description": (
            "Mange af de unge har haft en svær skoletid, og flere kæmper med angst, "
            "ordblindhed eller usikkerhed om, hvad de vil. Traditionelle forløb med vejledning "
            "og skoleforberedelse passer ikke til alle. Erfaringen viser, at nogle unge får "
            "mod på uddannelse, når de oplever at kunne noget med hænderne i et rigtigt "
            "arbejdsfællesskab.\n\n"
            "Børne- og Ungdomsforvaltningen og Beskæftigelses- og Integrationsforvaltningen "
            "vil sammen med socialøkonomiske virksomheder inden for fx byggeri, cykler, mad, "
            "tøj og grøn drift udvikle forløb på 3-6 måneder. Her arbejder de unge, får en "
            "mentor og tager samtidig enkelte fag, der gør dem klar til en erhvervsuddannelse.\n\n"
            "Vi vil udvikle modellen med 3-5 virksomheder i løbet af et halvt år og derefter "
            "afprøve den med 40 unge. Kommunen dækker virksomhedernes udgifter til vejledning "
            "og mentorer og stiller en fast kontaktperson fra ungeindsatsen til rådighed.\n\n"
            "Vi deler gerne anonymiserede data om målgruppen, fx alder, bydel og tidligere "
            "forløb, så løsningerne rammer rigtigt."
        ),
        "owner": "BUF",
        "co_owners": ["BIF"],
        "contact": "civil_servant_buf",
        "districts": [],
        "sdgs": [4, 8, 10],
        "target_groups": ["young_people", "unemployed"],
        "collaboration": "co_creation",
        "budget": "250k_1m",
        "deadline_in_days": 60,
        "status": "published",
    },
    {
        "slug": "midlertidige-lokaler-i-tom-skolebygning-paa-amager-oest",
        "title": "Midlertidige lokaler i en tom skolebygning på Amager Øst",
        "summary": (
            "En tidligere skolebygning på Amager Øst står tom, indtil den skal renoveres om cirka "
            "tre år. Vi låner lokalerne ud til sociale virksomheder og foreninger, der arbejder "
            "for børn, unge og familier."
        ),
        "description": (
            "Efter en skolesammenlægning står en af bygningerne på Amager Øst tom. Bygningen "
            "skal renoveres og tages i brug som skole igen, men arbejdet begynder først om "
            "cirka tre år. Indtil da vil Børne- og Ungdomsforvaltningen gerne have, at huset "
            "bliver brugt til noget, der gavner børn, unge og familier i området.\n\n"
            "Der er tolv klasselokaler på 40-60 m², et faglokale med køkken, en lille "
            "gymnastiksal og en skolegård. Lokalerne kan deles mellem flere brugere. Vi "
            "forestiller os fx værksteder, lektiecafé, familieaktiviteter, kreative tilbud "
            "eller kontorpladser for små sociale virksomheder.\n\n"
            "Lokalerne udlånes gratis, men brugerne betaler en andel af el, varme og "
            "rengøring. Det er ikke muligt at bygge om, og lokalerne skal afleveres, når "
            "renoveringen begynder. Københavns Ejendomme & Indkøb står for den tekniske drift.\n\n"
            "Send en kort beskrivelse af jeres aktivitet, hvor meget plads I har brug for, og "
            "hvornår på ugen I vil bruge lokalerne. Vi holder åbent hus, så I kan se "
            "bygningen, før I svarer."
        ),
        "owner": "BUF",
        "co_owners": ["ØKF"],
        "contact": "civil_servant_buf",
        "districts": ["amager-oest"],
        "sdgs": [4, 11],
        "target_groups": ["children", "young_people", "families"],
        "collaboration": "premises",
        "budget": "not_set",
        "deadline_in_days": 40,
        "status": "published",
    },
    {
        "slug": "nye-faellesskaber-for-ensomme-beboere-paa-plejecentre",
        "title": "Nye fællesskaber for ensomme beboere på plejecentre",
        "summary": (
            "Mange beboere på kommunens plejecentre får sjældent besøg og føler sig alene, selv om "
            "de bor tæt på andre. Vi vil udvikle nye måder at skabe fællesskab på sammen med "
            "sociale virksomheder, beboere og pårørende."
        ),
        "description": (
            "Københavns Kommune har omkring 40 plejecentre med tilsammen ca. 3.500 beboere. "
            "Personalet fortæller, at en del beboere er ensomme: De får sjældent eller aldrig "
            "besøg, har mistet ægtefælle og venner og har svært ved at deltage i de fælles "
            "aktiviteter, fordi de er svækkede eller har demens.\n\n"
            "Sundheds- og Omsorgsforvaltningen vil udvikle nye tilbud sammen med sociale "
            "virksomheder. Det kan være faste besøgsvenner, samarbejde med skoler og "
            "børnehaver i nærområdet, små hold med fælles interesser, musik eller ture ud af "
            "huset. Løsningerne skal passe ind i plejecentrets hverdag og må ikke kræve mere "
            "af personalet.\n\n"
            "Vi vil udvikle og afprøve løsningerne på tre plejecentre på Østerbro og Nørrebro "
            "i løbet af et år. Vi tilbyder lokaler, kontakt til beboere og personale, en "
            "projektleder fra forvaltningen og et budget på op til 250.000 kr. "
            "Socialforvaltningen deltager med erfaringer fra arbejdet med udsatte ældre.\n\n"
            "Vi vil gerne følge, om beboerne oplever mere kontakt med andre, med enkle "
            "spørgsmål, som personalet kan stille i hverdagen."
        ),
        "owner": "SUF",
        "co_owners": ["SOF"],
        "contact": "civil_servant_suf",
        "districts": ["oesterbro", "noerrebro"],
        "sdgs": [3, 10],
        "target_groups": ["elderly"],
        "collaboration": "co_creation",
        "budget": "50k_250k",
        "deadline_in_days": 45,
        "status": "published",
    },
    {
        "slug": "vask-af-beboernes-eget-toej-paa-plejecentre",
        "title": "Vask af beboernes eget tøj på plejecentre",
        "summary": (
            "Beboernes eget tøj bliver i dag vasket på plejecentrene, ofte af plejepersonalet. Vi "
            "vil udbyde opgaven som en reserveret kontrakt til et socialøkonomisk vaskeri."
        ),
        "description": (
            "Sengelinned og håndklæder bliver vasket af et industrivaskeri, men beboernes "
            "private tøj vaskes i plejecentrenes egne maskiner, ofte af plejepersonalet mellem "
            "andre opgaver. Det tager tid fra omsorgen, og tøjet bliver ind imellem væk eller "
            "ødelagt. Nogle pårørende vasker selv, men det gælder langt fra alle.\n\n"
            "Sundheds- og Omsorgsforvaltningen vil samle vasken af privat tøj fra ti "
            "plejecentre i Valby, Vanløse og Brønshøj-Husum hos et vaskeri, der henter, "
            "vasker, stryger, mærker og leverer tøjet tilbage inden for tre hverdage. Tøjet "
            "skal behandles skånsomt, og det skal være muligt at finde en bortkommen bluse "
            "igen.\n\n"
            "Opgaven udbydes som reserveret kontrakt efter udbudslovens § 18. Vi anslår, at "
            "der er tale om ca. 60 tons tøj om året og en kontraktsum på 1,5-2 mio. kr. "
            "årligt. Vi stiller data om mængder og tøjtyper til rådighed og holder et "
            "informationsmøde for interesserede.\n\n"
            "Det er en fordel, hvis vaskeriet også kan lave små reparationer, fx sy knapper i "
            "og skifte lynlåse."
        ),
        "owner": "SUF",
        "co_owners": [],
        "contact": "civil_servant_suf",
        "districts": ["valby", "vanloese", "broenshoej-husum"],
        "sdgs": [8, 12],
        "target_groups": ["elderly", "unemployed"],
        "collaboration": "reserved_contract",
        "budget": "over_1m",
        "deadline_in_days": 70,
        "status": "published",
    },
    {
        "slug": "mindre-madspild-i-madservice-til-hjemmeboende-aeldre",
        "title": "Mindre madspild i madservice til hjemmeboende ældre",
        "summary": (
            "Hver dag får omkring 3.000 hjemmeboende ældre leveret mad fra kommunens "
            "produktionskøkken, og en stor del bliver aldrig spist. Vi søger nye løsninger gennem "
            "et innovationsudbud."
        ),
        "description": (
            "Kommunens madservice leverer dagligt hovedretter, biretter og desserter til "
            "ældre, der ikke selv kan lave mad. Målinger fra produktionskøkkenet og "
            "hjemmeplejen tyder på, at op mod en tredjedel af maden ender som madspild – fordi "
            "portionerne er for store, fordi menuen ikke passer til den enkelte, eller fordi "
            "maden står for længe i køleskabet.\n\n"
            "Madspildet er både et klimaproblem og et tegn på, at nogle ældre ikke får nok at "
            "spise. Underernæring er et kendt problem hos svækkede ældre og øger risikoen for "
            "fald og indlæggelser.\n\n"
            "Sundheds- og Omsorgsforvaltningen vil gennemføre et innovationsudbud, hvor vi "
            "efterspørger løsninger, der både mindsker spildet og øger de ældres madglæde. Det "
            "kan fx være mindre og mere fleksible portioner, nye måder at bestille på, "
            "spisevenner eller bedre udnyttelse af overskudsmad i produktionen. Vi beskriver "
            "de funktionskrav, løsningen skal opfylde – ikke hvordan den skal se ud.\n\n"
            "Vi deler data om bestillinger, returmad og ernæringsscreeninger og giver adgang "
            "til produktionskøkkenet og til de ældre, der vil deltage i afprøvningen. "
            "Udviklingsfasen er finansieret med 1,2 mio. kr."
        ),
        "owner": "SUF",
        "co_owners": [],
        "contact": "civil_servant_suf",
        "districts": [],
        "sdgs": [2, 3, 12],
        "target_groups": ["elderly"],
        "collaboration": "innovation_tender",
        "budget": "over_1m",
        "deadline_in_days": 90,
        "status": "published",
    },
    {
        "slug": "hjaelp-til-smaa-praktiske-opgaver-hos-aeldre",
        "title": "Hjælp til små praktiske opgaver i hjemmet hos ældre",
        "summary": (
            "En elpære, der skal skiftes, eller et gardin, der skal hænges op, kan være "
            "uoverkommeligt for ældre, der bor alene. Vi søger en social virksomhed, der kan løse "
            "de små opgaver og samtidig give ledige arbejdserfaring."
        ),
        "description": (
            "Hjemmeplejen møder hver dag ældre, der har brug for hjælp til ting, som ligger "
            "uden for den praktiske hjælp, kommunen kan give: at skifte en pære, sætte en "
            "hylde op, flytte en kommode eller fjerne løse tæpper, der øger risikoen for fald. "
            "Mange har ingen familie i nærheden og beder derfor ikke om hjælp.\n\n"
            "Sundheds- og Omsorgsforvaltningen og Beskæftigelses- og Integrationsforvaltningen "
            "vil sammen etablere en ordning, hvor en social virksomhed med ledige i praktik "
            "eller løntilskud løser små praktiske opgaver til en lav, fast pris. Ordningen "
            "skal være et supplement til den kommunale ældreomsorg – ikke en erstatning for "
            "den.\n\n"
            "Kommunen kan dække udgifter til værktøj, en varebil og en faglig arbejdsleder i "
            "det første år, og jobcentret visiterer 10-15 ledige til forløbet. Hjemmeplejen og "
            "de forebyggende hjemmebesøg henviser de ældre.\n\n"
            "Vi lægger vægt på, at medarbejderne er trygge at lukke ind, at de har en ren "
            "straffeattest, og at de ældre kan ringe og bestille hjælpen uden at bruge "
            "internettet."
        ),
        "owner": "SUF",
        "co_owners": ["BIF"],
        "contact": "civil_servant_suf",
        "districts": ["amager-vest", "amager-oest"],
        "sdgs": [3, 8, 10],
        "target_groups": ["elderly", "unemployed"],
        "collaboration": "employment",
        "budget": "250k_1m",
        "deadline_in_days": 50,
        "status": "published",
    },
    {
        "slug": "aktiviteter-for-hjemmeboende-med-demens-og-paaroerende",
        "title": "Aktiviteter for hjemmeboende borgere med demens og deres pårørende",
        "summary": (
            "Omkring 6.000 københavnere lever med demens, og de fleste bor hjemme. Vi vil udvikle "
            "aktiviteter, som de kan deltage i sammen med deres pårørende."
        ),
        "description": (
            "Når et menneske får demens, bliver hverdagen ofte mindre. Mange holder op med at "
            "gå til de aktiviteter, de plejede, og ægtefællen bliver en vigtig – og ofte meget "
            "presset – omsorgsperson. Pårørende fortæller, at det er svært at finde tilbud, "
            "hvor de kan deltage sammen med deres kære uden at skulle forklare sig.\n\n"
            "Sundheds- og Omsorgsforvaltningen vil udvikle demensvenlige aktiviteter sammen "
            "med sociale virksomheder, foreninger og pårørende. Det kan fx være gåture, "
            "fællesspisning, sang, havearbejde eller museumsbesøg, hvor både personen med "
            "demens og den pårørende får noget ud af at være med.\n\n"
            "Vi inviterer til tre workshops, hvor vi udvikler idéerne sammen med pårørende og "
            "kommunens demenskoordinatorer. De bedste forslag får støtte til at blive afprøvet "
            "i et halvt år. Vi tilbyder lokaler i kommunens aktivitetscentre og hjælp til at "
            "nå målgruppen.\n\n"
            "Forslagene skal tage højde for, at mange med demens hurtigt bliver trætte, og at "
            "transport kan være en barriere."
        ),
        "owner": "SUF",
        "co_owners": [],
        "contact": "civil_servant_suf",
        "districts": [],
        "sdgs": [3, 10],
        "target_groups": ["elderly", "families"],
        "collaboration": "co_creation",
        "budget": "50k_250k",
        "deadline_in_days": 65,
        "status": "published",
    },
    {
        "slug": "bydelsmoedre-til-isolerede-familier",
        "title": "Bydelsmødre, der når isolerede familier i Mjølnerparken og Tingbjerg",
        "summary": (
            "Bydelsmødre når kvinder og familier, som kommunen ellers har svært ved at komme i "
            "kontakt med. Vi vil medfinansiere flere bydelsmødre og et tættere samarbejde med "
            "kommunens rådgivere."
        ),
        "description": (
            "I nogle af byens boligområder bor der kvinder, som har boet i Danmark i mange år, "
            "men som kun taler lidt dansk og har få kontakter uden for familien. De kender "
            "ofte ikke deres rettigheder og muligheder, fx når det gælder børnenes skole, "
            "sundhed eller økonomi. Det kan betyde, at problemer i familien først bliver "
            "opdaget sent.\n\n"
            "Bydelsmødre er frivillige kvinder med minoritetsbaggrund, som er uddannet til at "
            "støtte andre kvinder i deres lokalområde. Socialforvaltningen vil styrke "
            "indsatsen i Mjølnerparken og Tingbjerg og søger en organisation, der kan uddanne "
            "nye bydelsmødre, koordinere deres arbejde og bygge bro til kommunens "
            "familierådgivning, sundhedsplejen og jobcentret.\n\n"
            "Vi kan medfinansiere en koordinatorstilling med op til 350.000 kr. om året i to "
            "år, hvis organisationen selv skaffer resten af finansieringen, fx fra fonde eller "
            "boligorganisationer. Vi hjælper med mødelokaler i samarbejde med de boligsociale "
            "helhedsplaner.\n\n"
            "Børne- og Ungdomsforvaltningen deltager, fordi mange af de kvinder, bydelsmødrene "
            "møder, har børn i kommunens skoler og daginstitutioner."
        ),
        "owner": "SOF",
        "co_owners": ["BUF"],
        "contact": "civil_servant_suf",
        "districts": ["noerrebro", "broenshoej-husum"],
        "sdgs": [5, 10],
        "target_groups": ["families", "refugees_migrants"],
        "collaboration": "co_funding",
        "budget": "250k_1m",
        "deadline_in_days": 80,
        "status": "published",
    },
    {
        "slug": "cykelvaerksted-paa-sundholm",
        "title": "Cykelværksted på Sundholm med efterladte cykler fra byens gader",
        "summary": (
            "Kommunen fjerner hvert år tusindvis af efterladte cykler. Vi stiller et værksted på "
            "Sundholm til rådighed for en social virksomhed, der sætter cyklerne i stand sammen "
            "med hjemløse og andre udsatte."
        ),
        "description": (
            "Teknik- og Miljøforvaltningen fjerner hvert år omkring 15.000 efterladte cykler "
            "fra byens gader og stationer. De fleste bliver skrottet, selv om mange kan køre "
            "igen efter en reparation. På Sundholm på Amager bor og kommer mange mennesker, "
            "der er eller har været hjemløse, og som efterspørger meningsfuldt arbejde i et "
            "tempo, de kan holde til.\n\n"
            "Socialforvaltningen har et tomt værkstedslokale på ca. 200 m² på Sundholm. Vi "
            "søger en social virksomhed, der vil drive et cykelværksted, hvor brugerne af "
            "Sundholm kan arbejde nogle timer om ugen mod et mindre honorar, og hvor de "
            "istandsatte cykler sælges billigt eller gives videre til fx flygtningefamilier og "
            "unge.\n\n"
            "Lokalet udlånes uden husleje i tre år. Teknik- og Miljøforvaltningen leverer de "
            "cykler, der ikke er blevet hentet inden for fristen, og værktøj og startudstyr "
            "kan finansieres med op til 40.000 kr. fra Socialforvaltningens udviklingsmidler.\n\n"
            "Vi lægger vægt på, at værkstedet er fleksibelt, så man kan komme uden at skulle "
            "møde hver dag, og at der er en fast leder med erfaring fra det sociale område."
        ),
        "owner": "SOF",
        "co_owners": ["TMF"],
        "contact": "civil_servant_suf",
        "districts": ["amager-vest"],
        "sdgs": [8, 11, 12],
        "target_groups": ["homeless", "socially_vulnerable"],
        "collaboration": "premises",
        "budget": "under_50k",
        "deadline_in_days": 38,
        "status": "published",
    },
    {
        "slug": "genbrugsmoebler-til-borgere-der-flytter-fra-herberg",
        "title": "Genbrugsmøbler til borgere, der flytter fra herberg til egen bolig",
        "summary": (
            "Når en hjemløs får egen bolig, mangler der ofte alt fra seng til gryder. Vi vil "
            "sammen med sociale virksomheder udvikle en fast ordning med brugte møbler og hjælp "
            "til at flytte ind."
        ),
        "description": (
            "Hvert år flytter flere hundrede mennesker fra herberger og forsorgshjem i "
            "København til egen lejlighed. Mange står med en tom bolig og meget få penge. En "
            "lejlighed uden seng, bord og køkkenting gør det svært at falde til, og nogle "
            "opgiver boligen og vender tilbage til herberget.\n\n"
            "Samtidig bliver der hver dag kasseret brugbare møbler fra kommunens institutioner "
            "og kontorer, og mange møbler bliver afleveret på genbrugsstationerne. "
            "Socialforvaltningen vil udvikle en ordning, hvor brugte møbler og husgeråd bliver "
            "samlet, sat i stand og leveret som en startpakke til den nye bolig.\n\n"
            "Vi søger samarbejdspartnere, der vil være med til at udvikle ordningen, fx en "
            "social virksomhed med lager og varebil, et reparationsværksted og en organisation "
            "med erfaring i bostøtte. Vi regner med et behov for ca. 300 startpakker om året.\n\n"
            "Socialforvaltningen bidrager med viden om målgruppen, kontakt til bostøtten og en "
            "del af finansieringen. Teknik- og Miljøforvaltningen undersøger, om møbler fra "
            "genbrugsstationerne kan stilles til rådighed."
        ),
        "owner": "SOF",
        "co_owners": ["TMF"],
        "contact": "civil_servant_suf",
        "districts": [],
        "sdgs": [1, 11, 12],
        "target_groups": ["homeless", "socially_vulnerable"],
        "collaboration": "co_creation",
        "budget": "250k_1m",
        "deadline_in_days": 55,
        "status": "published",
    },
    {
        "slug": "weekendaktiviteter-for-familier-med-boern-med-handicap",
        "title": "Weekendaktiviteter og aflastning for familier med børn med handicap",
        "summary": (
            "Forældre til børn med store handicap har brug for pauser, og søskende har brug for "
            "fælles oplevelser. Vi vil afprøve weekendaktiviteter for hele familien med aflastning "
            "undervejs."
        ),
        "description": (
            "Familier med et barn med betydeligt fysisk eller psykisk handicap har ofte en "
            "hverdag fuld af træning, aftaler og omsorg. Mange forældre fortæller, at de "
            "sjældent har tid til søskende, til hinanden eller til sig selv, og at de er bange "
            "for at slide sig selv op. Den kommunale aflastning er typisk tilrettelagt for "
            "barnet alene.\n\n"
            "Socialforvaltningen vil afprøve weekendaktiviteter en gang om måneden, hvor hele "
            "familien deltager, og hvor uddannede aflastere tager sig af barnet med handicap "
            "en del af tiden, så forældre og søskende kan lave noget sammen. Aktiviteterne kan "
            "foregå i naturen, i idrætshaller eller på kulturinstitutioner.\n\n"
            "Piloten løber i et år med 20-25 familier. Vi har et budget på op til 400.000 kr. "
            "og kan hjælpe med lokaler, transport og kontakt til familierne via kommunens "
            "handicaprådgivning.\n\n"
            "Piloten evalueres løbende sammen med forældrene, og vi lægger vægt på, hvad "
            "familierne selv oplever som aflastning."
        ),
        "owner": "SOF",
        "co_owners": [],
        "contact": "civil_servant_suf",
        "districts": [],
        "sdgs": [3, 10],
        "target_groups": ["families", "children", "disabilities"],
        "collaboration": "pilot",
        "budget": "250k_1m",
        "deadline_in_days": 42,
        "status": "published",
    },
    {
        "slug": "faellesskaber-efter-endt-misbrugsbehandling",
        "title": "Fællesskaber, der holder efter endt misbrugsbehandling",
        "summary": (
            "Mange får tilbagefald i månederne efter endt behandling, fordi de mangler et nyt "
            "netværk og noget at stå op til. Vi vil udvikle fællesskaber med arbejde, fritid og "
            "støtte sammen med sociale virksomheder."
        ),
        "description": (
            "Hvert år afslutter flere tusinde københavnere en behandling for alkohol- eller "
            "stofmisbrug. For mange er tiden lige efter behandlingen den sværeste: Det gamle "
            "netværk er ofte knyttet til misbruget, og der er langt til job og uddannelse. "
            "Risikoen for tilbagefald er størst i det første halve år.\n\n"
            "Socialforvaltningen vil sammen med sociale virksomheder, tidligere brugere og "
            "behandlingscentrene udvikle tilbud, hvor man kan være del af et fællesskab om "
            "meningsfulde aktiviteter – fx arbejde i et køkken, et værksted eller en byhave – "
            "og samtidig få støtte fra mennesker, der selv har været igennem et misbrug.\n\n"
            "Vi tilbyder et udviklingsforløb over fire måneder med fælles workshops og adgang "
            "til erfaringer fra behandlingscentrene. Herefter kan 2-3 løsninger få støtte til "
            "at blive afprøvet. Socialforvaltningen kan stille lokaler til rådighed på "
            "Nørrebro og i Valby."
        ),
        "owner": "SOF",
        "co_owners": ["BIF"],
        "contact": "civil_servant_suf",
        "districts": ["noerrebro", "valby"],
        "sdgs": [3, 8],
        "target_groups": ["socially_vulnerable", "mental_health"],
        "collaboration": "co_creation",
        "budget": "250k_1m",
        "deadline_in_days": 58,
        "status": "published",
    },
    {
        "slug": "taghaver-paa-kommunale-bygninger",
        "title": "Taghaver på kommunale bygninger på Nørrebro og Østerbro",
        "summary": (
            "Flere af kommunens bygninger har flade tage, der kan bære beplantning. Vi vil "
            "medfinansiere taghaver, der giver mere grønt, biodiversitet og lokale fællesskaber."
        ),
        "description": (
            "Der er mangel på grønne områder i de tættest bebyggede dele af byen, og kommunen "
            "vil give plads til mere bynatur. Samtidig har mange kommunale bygninger – skoler, "
            "biblioteker og administrationsbygninger – store flade tage, der ikke bliver "
            "brugt. Taghaver kan forsinke regnvandet, køle bygningerne om sommeren og give "
            "levesteder for bier og sommerfugle.\n\n"
            "Teknik- og Miljøforvaltningen søger sociale virksomheder og foreninger, der vil "
            "anlægge og drive taghaver på 3-5 kommunale tage på Nørrebro og Østerbro. Haverne "
            "skal være åbne for lokale beboere og gerne bruges af skoler og daginstitutioner. "
            "Vi ser også gerne, at driften skaber arbejde til mennesker, der har brug for en "
            "rolig arbejdsplads.\n\n"
            "Kommunen betaler for statiske beregninger, rækværk og adgangsforhold og "
            "medfinansierer beplantning og drift med op til 50 procent i tre år. Resten af "
            "finansieringen kan fx komme fra fonde, salg af grøntsager eller medlemskaber.\n\n"
            "Vi har en liste over tage, der er vurderet egnede, og arrangerer gerne en "
            "besigtigelse."
        ),
        "owner": "TMF",
        "co_owners": ["BUF"],
        "contact": "civil_servant_tmf",
        "districts": ["noerrebro", "oesterbro"],
        "sdgs": [11, 13, 15],
        "target_groups": ["all_citizens"],
        "collaboration": "co_funding",
        "budget": "over_1m",
        "deadline_in_days": 85,
        "status": "published",
    },
    {
        "slug": "renhold-af-parker-med-mennesker-paa-kanten-af-arbejdsmarkedet",
        "title": "Renhold af parker med mennesker på kanten af arbejdsmarkedet",
        "summary": (
            "Vi vil lægge en del af renholdet i Fælledparken, Nørrebroparken og på Amager Fælled "
            "ud til socialøkonomiske virksomheder, der ansætter borgere, som har svært ved at få "
            "job."
        ),
        "description": (
            "Om sommeren bliver byens parker brugt af rigtig mange mennesker, og "
            "affaldsmængderne er store – især i weekenderne. Kommunens egne medarbejdere når "
            "ikke altid rundt, og affald i parkerne er noget af det, københavnerne klager mest "
            "over.\n\n"
            "Teknik- og Miljøforvaltningen vil udbyde opsamling af affald, tømning af "
            "skraldespande og let renhold i tre store grønne områder som en reserveret "
            "kontrakt efter udbudslovens § 18. Opgaven egner sig godt til mennesker på kanten "
            "af arbejdsmarkedet, fordi den kan tilrettelægges i hold med en fast arbejdsleder "
            "og korte vagter.\n\n"
            "Kontrakten har en værdi på ca. 2,5 mio. kr. om året. Kommunen stiller materiel, "
            "containere og mandskabsvogne til rådighed, og Beskæftigelses- og "
            "Integrationsforvaltningen hjælper med at matche ledige borgere med jobbene.\n\n"
            "Fristen for interessetilkendegivelser er udløbet, og vi er nu i dialog med fire "
            "virksomheder om kontraktens indhold."
        ),
        "owner": "TMF",
        "co_owners": ["BIF"],
        "contact": "civil_servant_tmf",
        "districts": ["oesterbro", "noerrebro", "amager-vest"],
        "sdgs": [8, 11],
        "target_groups": ["unemployed", "socially_vulnerable"],
        "collaboration": "reserved_contract",
        "budget": "over_1m",
        "deadline_in_days": -15,
        "status": "in_dialogue",
    },
    {
        "slug": "genbrug-af-kasserede-moebler-fra-kommunens-institutioner",
        "title": "Genbrug af kasserede møbler fra kommunens skoler, institutioner og kontorer",
        "summary": (
            "Kommunen kasserer hvert år tusindvis af møbler, som kunne bruges igen. Vi søger "
            "løsninger, der samler, reparerer og genbruger møblerne og samtidig skaber lokale "
            "arbejdspladser."
        ),
        "description": (
            "Når en skole bliver renoveret, en daginstitution flytter, eller et kontor bliver "
            "indrettet om, bliver brugbare borde, stole og reoler ofte kørt til forbrænding. "
            "Vi anslår, at der hvert år bliver kasseret 8.000-10.000 møbler fra kommunens egne "
            "ejendomme. Det er spild af ressourcer og giver en stor CO2-udledning, når der "
            "købes nyt i stedet.\n\n"
            "Teknik- og Miljøforvaltningen og Økonomiforvaltningen gennemfører et "
            "innovationspartnerskab, hvor vi sammen med leverandører udvikler en løsning for "
            "hele kæden: registrering af møbler, der bliver ledige, afhentning, lager, "
            "reparation og ompolstring samt levering til nye brugere i kommunen. Løsningen "
            "skal gøre genbrug til det naturlige førstevalg, når en institution har brug for "
            "møbler.\n\n"
            "Vi lægger vægt på, at løsningen skaber job og praktikpladser for ledige, og at "
            "den kan dokumentere den sparede CO2. Kommunen stiller data om møbelindkøb og "
            "planlagte flytninger til rådighed og kan tilbyde lagerplads i en kommunal ejendom.\n\n"
            "Udviklingsfasen har et budget på 1,5 mio. kr. Herefter forventer vi at købe "
            "løsningen på en længere kontrakt."
        ),
        "owner": "TMF",
        "co_owners": ["ØKF"],
        "contact": "civil_servant_tmf",
        "districts": [],
        "sdgs": [9, 11, 12, 13],
        "target_groups": ["unemployed"],
        "collaboration": "innovation_tender",
        "budget": "over_1m",
        "deadline_in_days": 100,
        "status": "published",
    },
    {
        "slug": "sortering-og-genbrug-af-tekstiler-fra-husholdningerne",
        "title": "Sortering og genbrug af tekstiler fra husholdningerne",
        "summary": (
            "Kommunen indsamler tekstiler separat fra husholdningerne. Vi søger en løsning, hvor "
            "tøjet bliver sorteret lokalt, og hvor det, der kan bruges igen, kommer tilbage i "
            "omløb."
        ),
        "description": (
            "Kommunerne skal nu indsamle tekstilaffald for sig. København indsamler i dag "
            "flere hundrede tons om året via genbrugsstationerne og containere i gårdene, og "
            "mængden stiger. En stor del er helt og rent tøj, der kan bruges igen, mens resten "
            "skal genanvendes som materiale.\n\n"
            "Teknik- og Miljøforvaltningen ønsker en løsning, hvor tekstilerne bliver sorteret "
            "i København, så det genbrugelige kan sælges eller gives videre lokalt, og hvor "
            "sorteringen skaber arbejdspladser for mennesker, der har brug for et særligt "
            "tilrettelagt job. Løsningen skal kunne håndtere 500-800 tons om året.\n\n"
            "Vi har gennemført en markedsdialog og er nu i dialog med to konsortier om et "
            "innovationsudbud. Udfordringen er derfor ikke længere åben for nye svar."
        ),
        "owner": "TMF",
        "co_owners": ["BIF"],
        "contact": "civil_servant_tmf",
        "districts": [],
        "sdgs": [8, 12],
        "target_groups": ["unemployed"],
        "collaboration": "innovation_tender",
        "budget": "over_1m",
        "deadline_in_days": -9,
        "status": "in_dialogue",
    },
    {
        "slug": "blomstereng-og-bynatur-i-valbyparken",
        "title": "Blomstereng og bynatur i Valbyparken sammen med lokale borgere",
        "summary": (
            "Vi vil omlægge græsplæner i Valbyparken til blomstereng og søger en aktør, der kan "
            "stå for plejen sammen med lokale frivillige og skoleklasser."
        ),
        "description": (
            "Valbyparken er en af byens største parker, men store dele er klippet græs med få "
            "arter. Kommunen vil omlægge ca. 3 hektar til blomstereng og vildere natur for at "
            "give bedre forhold for insekter, fugle og planter.\n\n"
            "En blomstereng kræver en anden pleje end en græsplæne: slåning en til to gange om "
            "året, fjernelse af det afslåede materiale og bekæmpelse af invasive arter. Vi vil "
            "afprøve, om plejen kan løses af en social virksomhed sammen med lokale frivillige "
            "og skoleklasser, så flere lærer naturen i parken at kende.\n\n"
            "Piloten løber i to sæsoner. Kommunen stiller redskaber og et materielskur i "
            "parken til rådighed og har afsat 150.000 kr. om året. Vi samarbejder med Valby "
            "Lokaludvalg om at finde frivillige.\n\n"
            "Udfordringen er under udarbejdelse og bliver offentliggjort, når plejeplanen er "
            "afklaret med parkens gartnere."
        ),
        "owner": "TMF",
        "co_owners": [],
        "contact": "civil_servant_tmf",
        "districts": ["valby"],
        "sdgs": [11, 15],
        "target_groups": ["all_citizens"],
        "collaboration": "pilot",
        "budget": "250k_1m",
        "deadline_in_days": 90,
        "status": "draft",
    },
    {
        "slug": "flygtningekvinder-i-job-via-socialoekonomiske-virksomheder",
        "title": "Flygtningekvinder i job via socialøkonomiske virksomheder",
        "summary": (
            "Mange flygtningekvinder har været i Danmark i flere år uden at komme i arbejde. Vi "
            "søger virksomheder, der vil ansætte og oplære kvinderne med støtte fra jobcentret."
        ),
        "description": (
            "Andelen i beskæftigelse er markant lavere blandt flygtningekvinder end blandt "
            "flygtningemænd, også efter mange år i Danmark. En del har ingen eller kort "
            "skolegang, og mange har ansvar for flere børn. Samtidig har kvinderne ofte "
            "erfaring med madlavning, syning, rengøring og omsorg, som kan bruges på "
            "arbejdsmarkedet.\n\n"
            "Beskæftigelses- og Integrationsforvaltningen vil indgå partnerskaber med "
            "socialøkonomiske virksomheder om forløb, der begynder med virksomhedspraktik og "
            "fører til ordinære timer eller løntilskud. Vi ser gerne, at danskundervisningen "
            "foregår på arbejdspladsen, og at arbejdstiderne passer med børnenes skole og "
            "institution.\n\n"
            "Jobcentret visiterer kvinderne, dækker udgifter til mentor og danskundervisning "
            "og kan give løntilskud i op til et år. Målet er, at mindst halvdelen af kvinderne "
            "er i ordinær beskæftigelse eller uddannelse et år efter, at forløbet er begyndt.\n\n"
            "Vi søger 5-8 virksomheder, gerne inden for mad, tekstil, rengøring og service. "
            "Indsatsen gælder hele byen, men mange af kvinderne bor på Nørrebro, i Bispebjerg "
            "og på Amager."
        ),
        "owner": "BIF",
        "co_owners": [],
        "contact": "civil_servant_bif",
        "districts": [],
        "sdgs": [5, 8, 10],
        "target_groups": ["refugees_migrants", "unemployed"],
        "collaboration": "employment",
        "budget": "250k_1m",
        "deadline_in_days": 48,
        "status": "published",
    },
    {
        "slug": "skaanejob-til-foertidspensionister",
        "title": "Skånejob og meningsfulde timer for førtidspensionister",
        "summary": (
            "Mange førtidspensionister vil gerne arbejde nogle timer om ugen, men finder ikke et "
            "job, der passer til dem. Vi søger socialøkonomiske virksomheder, der vil oprette "
            "skånejob."
        ),
        "description": (
            "Omkring 20.000 københavnere modtager førtidspension. Mange af dem ønsker at "
            "bidrage og have kolleger, men almindelige arbejdspladser har sjældent job med få "
            "timer og stor fleksibilitet. For den enkelte kan et par timers arbejde om ugen "
            "betyde meget for trivslen og mindske ensomhed.\n\n"
            "Beskæftigelses- og Integrationsforvaltningen søger virksomheder, der vil oprette "
            "skånejob til førtidspensionister på 4-15 timer om ugen. Det kan være job i butik, "
            "køkken, værksted, lager eller kontor. Arbejdet skal kunne tilpasses den enkeltes "
            "helbred fra uge til uge.\n\n"
            "Virksomheden kan få løntilskud fra kommunen, så den kun betaler for den "
            "arbejdsindsats, medarbejderen kan yde. Jobcentret hjælper med at finde kandidater "
            "og har en fast konsulent, som virksomheden kan ringe til. Socialforvaltningen "
            "formidler kontakt til mennesker, der bor på botilbud eller får bostøtte.\n\n"
            "Vi forventer at etablere 40 skånejob i løbet af det første år."
        ),
        "owner": "BIF",
        "co_owners": ["SOF"],
        "contact": "civil_servant_bif",
        "districts": [],
        "sdgs": [3, 8, 10],
        "target_groups": ["disabilities", "mental_health"],
        "collaboration": "employment",
        "budget": "50k_250k",
        "deadline_in_days": 36,
        "status": "published",
    },
    {
        "slug": "jobtraening-for-borgere-med-psykisk-sygdom",
        "title": "Jobtræning for borgere med psykisk sygdom",
        "summary": (
            "Borgere med psykisk sygdom har brug for jobtræning, der tager hensyn til en svingende "
            "dagsform. Vi medfinansierer en model, hvor sociale virksomheder og jobcentret "
            "samarbejder om et trinvist forløb."
        ),
        "description": (
            "Mange ledige med angst, depression, skizofreni eller bipolar lidelse vil gerne "
            "arbejde, men almindelige praktikforløb er ofte for hårde, og mange stopper "
            "tidligt. Erfaringer med IPS-metoden (individuelt planlagt job med støtte) viser, "
            "at det virker at komme hurtigt ud på en rigtig arbejdsplads med tæt støtte "
            "undervejs.\n\n"
            "Beskæftigelses- og Integrationsforvaltningen og Socialforvaltningen vil "
            "medfinansiere en model, hvor sociale virksomheder tilbyder trinvis jobtræning: "
            "fra få timer i trygge rammer til ordinære timer i virksomheden eller hos en "
            "samarbejdspartner. En jobkonsulent og en medarbejder fra socialpsykiatrien følger "
            "hver deltager.\n\n"
            "Kommunen dækker op til 60 procent af udgifterne i tre år. Vi har modtaget syv "
            "forslag og er nu i dialog med tre konsortier om, hvordan modellen skal udformes."
        ),
        "owner": "BIF",
        "co_owners": ["SOF"],
        "contact": "civil_servant_bif",
        "districts": [],
        "sdgs": [3, 8, 10],
        "target_groups": ["mental_health", "unemployed"],
        "collaboration": "co_funding",
        "budget": "over_1m",
        "deadline_in_days": -7,
        "status": "in_dialogue",
    },
    {
        "slug": "praktikpladser-i-groenne-socialoekonomiske-virksomheder",
        "title": "Praktikpladser i grønne socialøkonomiske virksomheder",
        "summary": (
            "Vi vil skabe praktikpladser for ledige i virksomheder, der arbejder med reparation, "
            "genbrugsvarer, cykler og grøn drift af byens arealer."
        ),
        "description": (
            "Den grønne omstilling skaber nye job inden for reparation, genanvendelse og grøn "
            "drift af byens arealer. Mange af jobbene kræver ikke en lang uddannelse, men "
            "praktisk erfaring og kendskab til arbejdslivet.\n\n"
            "Beskæftigelses- og Integrationsforvaltningen vil samarbejde med socialøkonomiske "
            "virksomheder om 50 praktikpladser om året for ledige på kontanthjælp og "
            "ledighedsydelse. Praktikken skal føre til et kursusbevis eller et AMU-kursus, der "
            "gør det lettere at få job bagefter.\n\n"
            "Jobcentret betaler AMU-kurser og mentor og giver virksomhederne en fast "
            "kontaktperson. Vi er ved at afklare, hvordan virksomhederne kan få dækket deres "
            "udgifter til oplæring.\n\n"
            "Udfordringen er et udkast og bliver offentliggjort, når finansieringen er på "
            "plads."
        ),
        "owner": "BIF",
        "co_owners": ["TMF"],
        "contact": "civil_servant_bif",
        "districts": [],
        "sdgs": [8, 12, 13],
        "target_groups": ["unemployed"],
        "collaboration": "employment",
        "budget": "not_set",
        "deadline_in_days": 60,
        "status": "draft",
    },
    {
        "slug": "mentorer-til-langtidsledige",
        "title": "Mentorer med egen erfaring til langtidsledige",
        "summary": (
            "Vi vil købe mentorforløb hos socialøkonomiske virksomheder, hvor mentorerne selv har "
            "været ledige eller haft et misbrug, og som kan hjælpe borgere på kontanthjælp tættere "
            "på et job."
        ),
        "description": (
            "Flere tusinde københavnere har været på kontanthjælp i mere end tre år. Mange har "
            "været igennem et utal af samtaler og forløb og har mistet troen på, at de kan "
            "komme i job. Jobcentrets egne mentorer har mange sager og begrænset tid til den "
            "enkelte.\n\n"
            "Beskæftigelses- og Integrationsforvaltningen vil købe mentorforløb på 6-12 "
            "måneder hos virksomheder, hvor mentorerne har personlig erfaring med ledighed, "
            "misbrug eller psykisk sårbarhed. Mentoren skal hjælpe med det, der fylder i "
            "hverdagen – fx økonomi, bolig og helbred – og følge den ledige ud på en "
            "arbejdsplads.\n\n"
            "I første omgang køber vi 25 forløb. Det samlede køb ligger under udbudsgrænsen, "
            "og vi beder om et tilbud med pris pr. forløb, en beskrivelse af metoden og "
            "mentorernes baggrund. Jobcentret visiterer deltagerne og følger op hver tredje "
            "måned."
        ),
        "owner": "BIF",
        "co_owners": [],
        "contact": "civil_servant_bif",
        "districts": [],
        "sdgs": [1, 8, 10],
        "target_groups": ["unemployed", "socially_vulnerable"],
        "collaboration": "below_threshold",
        "budget": "250k_1m",
        "deadline_in_days": 33,
        "status": "published",
    },
]

# (query, slug of a challenge it must find) - real Danish search cases for the tests
SEARCH_CASES = [
    ("licens", "genbrug-af-kommunens-brugte-computere"),  # → "licenser"
    ("ældre", "hjaelp-til-smaa-praktiske-opgaver-hos-aeldre"),  # → "ældreomsorg"
    ("ensomhed", "nye-faellesskaber-for-ensomme-beboere-paa-plejecentre"),  # → "ensomme"
    ("cykel", "cykelvaerksted-paa-sundholm"),  # → "cykelværksted"
    ("madspil", "mindre-madspild-i-madservice-til-hjemmeboende-aeldre"),  # → "madspild"
    ("taghave", "taghaver-paa-kommunale-bygninger"),  # → "taghaver"
    ("ordblind", "stoette-til-ordblinde-elever-i-udskolingen"),  # → "ordblinde"
    ("vaskerier", "vask-af-beboernes-eget-toej-paa-plejecentre"),  # → "vaskeri"
    # "flygtninge" must find "flygtningekvinder"
    ("flygtninge", "flygtningekvinder-i-job-via-socialoekonomiske-virksomheder"),
    ("handicap", "flere-med-handicap-i-idraetsforeningerne"),  # → "handicapidræt"
    ("lektie", "lektiehjaelp-paa-bibliotekerne-i-tingbjerg-og-nordvest"),  # → "lektiehjælp"
    ("genbrugt", "genbrug-af-kasserede-moebler-fra-kommunens-institutioner"),  # → "genbrug"
    ("kantine", "socialoekonomisk-drift-af-kantinen-paa-raadhuset"),  # → "kantinen"
    ("bydelsmor", "bydelsmoedre-til-isolerede-familier"),  # → "bydelsmødre"
    ("pensionister", "skaanejob-til-foertidspensionister"),  # → "førtidspensionister"
    ("skolebibliotek", "laesevenner-i-skolebiblioteket"),  # → "skolebiblioteket"
    # "beskæftigelsen" must find "beskæftigelse"
    ("beskæftigelsen", "flygtningekvinder-i-job-via-socialoekonomiske-virksomheder"),
    ("kajak", "kajakvaerksted-for-unge-i-sydhavnen"),  # → "kajakværksted"
    ("ældreomsorgen", "hjaelp-til-smaa-praktiske-opgaver-hos-aeldre"),  # → "ældreomsorg"
]
