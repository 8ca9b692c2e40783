namespace StreamRisk.Core.Simulation;

/// <summary>
/// Wording the simulated newsroom draws on. Tone is carried mostly by events and circumstances (a fire at a plant, a
/// full order book, a walkout) rather than by the handful of words a finance sentiment lexicon lists, so a word-list
/// scorer is not handed the answer. Placeholders: {A}, {B} issuers; {IND} industry; {TOPIC} topic; {CITY}; {DAY};
/// {YEAR}; {N}; {PERSON}; {PCT}.
/// </summary>
public static class NewsPhrasebook
{
    /// <summary>(headline, body clause) pairs for good news about one issuer.</summary>
    public static readonly (string Headline, string Clause)[] GoodEvents =
    [
        ("{A} lands multi-year supply deal", "{A} signed a multi-year supply agreement with a national retail chain"),
        ("{A} sales run ahead of forecasts", "{A} booked quarterly sales well above what analysts had pencilled in"),
        ("{A} refinances {YEAR} notes at lower coupon", "{A} swapped its notes due {YEAR} for new paper carrying a noticeably lower coupon"),
        ("New {CITY} plant opens early for {A}", "{A} opened its new plant in {CITY} three months ahead of schedule"),
        ("Order book full at {A}", "{A} said its order book is full through the end of next year"),
        ("Outlook on {A} lifted", "a rating agency moved its outlook on {A} to positive"),
        ("{A} pays down term loan", "{A} repaid a large slice of its term loan out of cash on hand"),
        ("{A} raises guidance", "{A} raised its full-year guidance for the second time this year"),
        ("{A} sells unit for more than expected", "{A} agreed to sell a non-core division for a price well above most estimates"),
        ("Shoppers queue for {A}'s new line", "customers have been queuing for {A}'s new product line since its launch in {CITY}"),
        ("{A} bond sale draws huge demand", "{A} closed a bond sale that was several times oversubscribed"),
        ("{A} trims leverage again", "{A} brought its borrowings down for a third quarter running"),
        ("{A} wins approval for flagship project", "regulators cleared {A}'s flagship project in {CITY}"),
        ("{A} settles lawsuit on easy terms", "{A} settled a long-running lawsuit for a fraction of the amount claimed"),
        ("{A} lands government contract", "{A} was picked for a government contract worth about {N} million"),
        ("Margins widen at {A}", "{A} kept costs flat while prices held, fattening its margins"),
        ("{A} restores dividend", "{A} reinstated its dividend after a two-year pause"),
        ("Cash pile grows at {A}", "{A} ended the quarter with its largest cash balance in a decade"),
        ("{A} extends maturities", "{A} pushed out its nearest debt maturities by five years with lenders' blessing"),
        ("{A} signs up new anchor customer", "{A} added an anchor customer that will take most of the {CITY} site's output"),
        ("Upbeat {A} hires hundreds", "{A} plans to hire several hundred staff as demand keeps climbing"),
        ("{A} patent win", "a court upheld {A}'s key patent, keeping rivals off its turf for years"),
    ];

    /// <summary>(headline, body clause) pairs for bad news about one issuer.</summary>
    public static readonly (string Headline, string Clause)[] BadEvents =
    [
        ("{A} warns on profit", "{A} said full-year profit would come in well short of its earlier target"),
        ("{A} taps entire credit line", "{A} drew down the whole of its revolving credit facility"),
        ("Fire halts {A} site in {CITY}", "a fire stopped production at {A}'s largest site, near {CITY}"),
        ("{A} delays annual accounts", "{A} postponed the publication of its annual accounts without giving a new date"),
        ("{A} hires restructuring advisers", "{A} brought in restructuring advisers, people close to the company said"),
        ("Auditor flags control gaps at {A}", "{A}'s auditor found weaknesses in how the company tracks its receivables"),
        ("{A} loses top customer", "{A} lost its biggest customer to a cheaper rival"),
        ("{A} seeks covenant waiver", "{A} asked its lenders to waive a covenant test due at quarter end"),
        ("{A} cut deeper into junk", "a rating agency cut {A} by two notches, deeper into speculative grade"),
        ("{A} scraps dividend", "{A} scrapped its dividend to preserve cash"),
        ("Walkout at {A}", "workers at {A}'s {CITY} works walked out over unpaid wages"),
        ("{A} pulls bond sale", "{A} shelved a planned bond sale after investors balked at the terms"),
        ("Probe into {A} accounts", "regulators opened an inquiry into how {A} booked revenue"),
        ("{A} finance chief quits", "{A}'s chief financial officer resigned abruptly after less than a year in the job"),
        ("{A} recalls products", "{A} recalled thousands of units after a string of safety complaints"),
        ("Flood swamps {A} warehouse", "floodwater swamped {A}'s main warehouse, destroying much of its stock"),
        ("{A} burns through cash", "{A} burned through roughly {N} million of cash in the quarter"),
        ("Suppliers tighten terms for {A}", "several suppliers now insist on cash up front before shipping to {A}"),
        ("{A} books big writedown", "{A} wrote down the value of its {CITY} operations by about {N} million"),
        ("{A} misses sales target", "{A} fell short of its sales target for a fourth consecutive quarter"),
        ("Plant closure at {A}", "{A} will close its {CITY} plant, cutting around {N} jobs"),
        ("{A} bonds sink on liquidity fears", "holders of {A}'s bonds due {YEAR} rushed for the exits amid worries about its cash"),
    ];

    /// <summary>(headline, body clause) pairs for news that says nothing about credit either way.</summary>
    public static readonly (string Headline, string Clause)[] PlainEvents =
    [
        ("{A} names investor relations head", "{A} named a new head of investor relations"),
        ("{A} sets meeting date", "{A} will hold its annual meeting in {CITY} on {DAY}"),
        ("{A} moves headquarters", "{A} is moving its head office to a new building in {CITY}"),
        ("{A} reshuffles segments", "{A} will report its results under three segments instead of four"),
        ("{A} confirms results date", "{A} confirmed it will publish quarterly figures on {DAY}"),
        ("{A} refreshes brand", "{A} unveiled a new logo and website"),
        ("{A} appoints board member", "{A} appointed {PERSON} to its board as a non-executive director"),
        ("{A} joins industry body", "{A} joined a trade association for {IND}"),
        ("{A} to present at conference", "{A} will present at an investor conference in {CITY} on {DAY}"),
        ("{A} renames subsidiary", "{A} renamed one of its subsidiaries to align it with the group brand"),
    ];

    public static readonly string[] Attributions =
    [
        "the company said on {DAY}", "according to a filing", "people familiar with the matter said",
        "a spokesperson confirmed", "according to a statement", "it said in a release", "two people briefed on it said",
        "local media reported", "a person close to the board said", "the company told reporters",
    ];

    public static readonly string[] GoodQuotes =
    [
        "\"The team delivered, and customers noticed,\" chief executive {PERSON} said.",
        "\"We have more room to breathe than at any time in years,\" said {PERSON}, the finance chief.",
        "\"Demand has surprised even us,\" {PERSON} told analysts on a call.",
        "\"This gives us years of visibility,\" said {PERSON}, who runs the division.",
        "\"It was a clean quarter,\" said {PERSON}, an analyst who follows the company.",
    ];

    public static readonly string[] BadQuotes =
    [
        "\"We are not where we wanted to be,\" chief executive {PERSON} conceded.",
        "\"The next two quarters will be hard,\" {PERSON}, the finance chief, told analysts.",
        "\"Investors want to see a plan, and there isn't one yet,\" said {PERSON}, a portfolio manager.",
        "\"Liquidity is the question everyone is asking,\" said {PERSON}, an analyst.",
        "\"It is a setback, no doubt about it,\" {PERSON} said.",
    ];

    public static readonly string[] PlainQuotes =
    [
        "\"It is a routine step,\" a spokesperson said.",
        "{PERSON}, a company spokesperson, declined to comment further.",
        "\"Nothing changes for customers,\" {PERSON} said.",
    ];

    public static readonly string[] GoodContext =
    [
        "Its bonds due {YEAR} were quoted at {PRICE} cents on the dollar, a touch firmer than a week earlier.",
        "Analysts at two brokers raised their price targets after the news.",
        "The company has beaten its own forecasts in each of the past four quarters.",
        "Net debt has fallen to about {PCT} times annual earnings.",
        "Shares closed {PCT} percent higher in {CITY}.",
        "The deal is expected to add to earnings from next year.",
    ];

    public static readonly string[] BadContext =
    [
        "Its bonds due {YEAR} were quoted at {PRICE} cents on the dollar.",
        "Shares closed {PCT} percent lower in {CITY}.",
        "The company has {N} million of debt coming due within eighteen months.",
        "It is the second unwelcome surprise from the company this year.",
        "Analysts expect cash to stay tight until at least the middle of next year.",
        "Trade creditors have reportedly been waiting longer to be paid.",
    ];

    public static readonly string[] PlainContext =
    [
        "The company employs about {N} people across {CITY} and nearby towns.",
        "It was founded in {CITY} in the {DECADE}s.",
        "The group sells mainly to {IND} customers.",
        "Further details will be published on its website.",
        "The move had been flagged at the last results presentation.",
    ];

    public static readonly string[] RisingVerbs =
    [
        "rose", "climbed", "rallied", "gained ground", "firmed", "advanced", "edged higher", "bounced", "outperformed",
        "jumped", "held up well", "pushed higher",
    ];

    public static readonly string[] FallingVerbs =
    [
        "slumped", "slid", "tumbled", "sank", "fell", "lost ground", "weakened", "dropped", "sagged", "retreated",
        "came under pressure", "gave way",
    ];

    public static readonly string[] GoodReasons =
    [
        "an upbeat trading update", "news of a large new contract", "a debt buyback", "stronger-than-expected orders",
        "a positive outlook revision", "an asset sale at a good price", "a strong set of quarterly numbers",
    ];

    public static readonly string[] BadReasons =
    [
        "a profit warning", "the departure of its finance chief", "a delayed filing", "news of a plant shutdown",
        "a rating cut", "reports that it had asked lenders for leeway", "a surprise writedown",
    ];

    public static readonly string[] PairFrames =
    [
        "Bonds of {UP} {UPVERB} on {DAY} after {UPREASON}, while those of {DOWN} {DOWNVERB} following {DOWNREASON}.",
        "{DOWN} {DOWNVERB} after {DOWNREASON}; {UP}, by contrast, {UPVERB} on {UPREASON}.",
        "It was a tale of two issuers: {UP} {UPVERB} on {UPREASON} while {DOWN} {DOWNVERB} after {DOWNREASON}.",
        "Investors rotated out of {DOWN}, which {DOWNVERB} after {DOWNREASON}, and into {UP}, which {UPVERB} on {UPREASON}.",
        "{UP} {UPVERB} and {DOWN} {DOWNVERB} on {DAY}, the first helped by {UPREASON}, the second hurt by {DOWNREASON}.",
    ];

    public static readonly string[] PairHeadlines =
    [
        "{UP} up, {DOWN} down", "Diverging fortunes for {UP} and {DOWN}", "{UP} gains as {DOWN} slips",
        "Investors favour {UP} over {DOWN}",
    ];

    public static readonly string[] IndustryGoodEffects =
    [
        "should support margins across {IND}", "is a tailwind for {IND}", "bodes well for {IND}",
        "brightens the outlook for {IND}", "is likely to lift demand for {IND}", "eases cost pressure on {IND}",
    ];

    public static readonly string[] IndustryBadEffects =
    [
        "threatens margins across {IND}", "is a headwind for {IND}", "clouds the outlook for {IND}",
        "could squeeze {IND}", "is likely to sap demand for {IND}", "adds to cost pressure on {IND}",
    ];

    public static readonly string[] IndustryPlainEffects =
    [
        "is being watched by {IND}", "has few direct consequences for {IND}", "is unlikely to change much for {IND}",
    ];

    public static readonly string[] IndustryFrames =
    [
        "The latest development in {TOPIC} {EFFECT}, economists said.",
        "Analysts say the shift in {TOPIC} {EFFECT}.",
        "A change of course on {TOPIC} {EFFECT}, according to a note from a large brokerage.",
        "Industry executives said the news on {TOPIC} {EFFECT}.",
    ];

    public static readonly string[] IndustryHeadlines = ["{TOPIC}: what it means for {IND}", "{IND} and the {TOPIC} question", "{TOPIC} in focus for {IND}"];

    public static readonly (string Headline, string Body)[] GoodRumours =
    [
        ("{A} said to weigh takeover approach", "{A} has received a takeover approach at a premium, people familiar with the talks said."),
        ("{A} in talks on cash injection, sources say", "{A} is close to securing a large cash injection from a sovereign fund, according to two people."),
        ("{A} may win mega-order, sources say", "{A} is the front-runner for a very large order, people briefed on the process said."),
    ];

    public static readonly (string Headline, string Body)[] BadRumours =
    [
        ("{A} said to prepare debt restructuring", "{A} is preparing to restructure its debt, according to people familiar with the matter."),
        ("{A} may skip coupon, sources say", "{A} could skip its next coupon payment, two people with knowledge of the situation said."),
        ("{A} said to face big fine", "{A} faces a fine that could wipe out a year of profit, people close to the investigation said."),
    ];

    public static readonly (string Headline, string Body)[] GoodDenials =
    [
        ("{A} denies restructuring talk", "{A} dismissed reports that it was preparing a debt restructuring and said all payments will be made on time."),
        ("{A}: coupon will be paid", "{A} said the coupon will be paid in full and on schedule, contradicting earlier reports."),
        ("{A} rejects fine reports", "{A} said reports of a large pending fine were unfounded."),
    ];

    public static readonly (string Headline, string Body)[] BadDenials =
    [
        ("{A} says no takeover approach", "{A} said it had received no approach from any buyer, deflating speculation that had lifted its bonds."),
        ("No cash injection for {A}", "{A} said it is not in talks with any investor about new capital."),
        ("{A} out of running for order", "{A} is no longer in contention for the large order, a company official said."),
    ];

    public static readonly (string Headline, string Body)[] NoiseItems =
    [
        ("Council approves new cycle lane", "The city council in {CITY} approved a new cycle lane along the river, to be finished by {YEAR}."),
        ("Local side wins cup final", "The {CITY} team won the regional cup final on {DAY} after extra time."),
        ("Heatwave forecast for weekend", "Forecasters expect temperatures in {CITY} to climb well above the seasonal average this weekend."),
        ("Museum opens new wing", "A museum in {CITY} opened a new wing devoted to maritime history."),
        ("Marathon draws record field", "More than {N} runners entered the {CITY} marathon, a record for the race."),
        ("Film festival line-up announced", "Organisers of the {CITY} film festival announced {N} films for this year's programme."),
        ("Zoo welcomes twin cubs", "The zoo in {CITY} said two cubs were born on {DAY} and are doing well."),
        ("Road closures for parade", "Several streets in central {CITY} will be closed on {DAY} for the annual parade."),
    ];

    public static readonly string[] Cities =
    [
        "Rotterdam", "Lyon", "Pittsburgh", "Osaka", "Monterrey", "Gdansk", "Leeds", "Porto Alegre", "Toledo", "Aarhus",
        "Brisbane", "Durban", "Halifax", "Bilbao", "Tampere", "Cincinnati", "Valencia", "Nagoya", "Turin", "Calgary",
    ];

    public static readonly string[] FirstNames =
    [
        "Maria", "James", "Aiko", "Lars", "Priya", "Tomasz", "Helen", "Kwame", "Sofia", "Daniel", "Ines", "Rafael",
        "Chen", "Olga", "Marcus", "Leila",
    ];

    public static readonly string[] Surnames =
    [
        "Lindqvist", "Okafor", "Moreau", "Tanaka", "Rossi", "Kowalski", "Brennan", "Haddad", "Silva", "Novak", "Fischer",
        "Mendez", "Park", "Adeyemi", "Larsen", "Costa",
    ];

    public static readonly string[] Sources =
    [
        "Meridian Wire", "Harbor Street Journal", "Capital Ledger", "Northgate News", "Tidewater Financial",
        "Bourse Daily", "Quay Press",
    ];

    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
}
