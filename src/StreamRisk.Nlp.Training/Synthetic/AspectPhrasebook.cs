namespace StreamRisk.Nlp.Training.Synthetic;

/// <summary>
/// Issuer-level sentence parts for the synthetic aspect training data, written for the failure classes a word list gets
/// wrong: negation with a longer reach and in verb form, comparisons and changes of direction, inflections, credit word
/// senses (widening spreads are bad, widening margins good), neutral business boilerplate, clause scope in sentences that
/// do not open with the issuer, and company names that contain sentiment words. Clauses hold {A}; frames {A} and {B}.
/// </summary>
internal static class AspectPhrasebook
{
    public static readonly string[] GoodClauses =
    [
        "{A} is not expected to face any downgrade this year",
        "{A} is unlikely to need fresh funding before {YEAR}",
        "{A} staved off bankruptcy with a last-minute rescue loan",
        "{A} fended off a liquidity squeeze by selling a non-core unit",
        "{A} avoided a covenant breach thanks to stronger cash flow",
        "{A} no longer faces questions about its ability to refinance",
        "{A} did not miss a single coupon payment despite the downturn",
        "{A}'s quarterly loss narrowed to ${N} million from ${M} million",
        "{A}'s deficit shrank to ${N} million from ${M} million a year earlier",
        "{A} swung to a profit from a loss a year earlier",
        "{A} returned to profit in the {Q} quarter",
        "{A}'s sales declined less than analysts had predicted",
        "{A}'s revenue fell only {PCT}%, far less than the market had feared",
        "{A}'s operating margins widened to {PCT}%",
        "{A} reported wider margins on stronger pricing",
        "spreads on {A}'s bonds tightened by {BP} basis points",
        "{A}'s credit spreads narrowed after the results",
        "{A} cut its leverage to the lowest level in a decade",
        "{A} reduced net debt by ${N} million",
        "{A}'s debt load fell sharply as it paid down loans",
        "{A} posted high margins and strong free cash flow",
        "{A} was upgraded to investment grade",
        "S&P upgrades {A} on improved liquidity",
        "analysts raised their price targets on {A}",
        "{A} beat analysts' estimates for the {Q} quarter",
        "{A} beats estimates and raises its full-year guidance",
        "{A} raised its dividend by {PCT}%",
        "{A}'s shares jumped after it won a ${N} million contract",
        "{A} outperformed its rivals as orders recovered",
        "{A} reported record earnings",
        "{A} secured a new ${N} million credit facility on better terms",
        "{A} settled the lawsuit on favourable terms and removed a major overhang",
        "{A} emerged from restructuring with a much stronger balance sheet",
        "{A}'s default risk has eased markedly",
        "{A} was taken off credit watch negative",
    ];

    public static readonly string[] BadClauses =
    [
        "{A} is expected to face a downgrade",
        "{A} failed to stave off bankruptcy",
        "{A} could not avoid a covenant breach",
        "{A} did not make the interest payment due on its notes",
        "{A} missed a coupon payment",
        "{A}'s quarterly loss widened to ${N} million from ${M} million",
        "{A}'s deficit widened to ${N} million from ${M} million a year earlier",
        "{A} swung to a loss from a profit a year earlier",
        "{A} slipped into the red in the {Q} quarter",
        "{A}'s sales declined more than analysts had predicted",
        "{A}'s revenue fell {PCT}%, worse than the market had feared",
        "{A}'s operating margins narrowed to {PCT}%",
        "{A} reported thinner margins as costs rose",
        "spreads on {A}'s bonds widened by {BP} basis points",
        "{A}'s credit spreads widened sharply after the results",
        "{A}'s leverage climbed to the highest level in a decade",
        "{A} is struggling under high leverage",
        "{A}'s net debt rose by ${N} million",
        "{A}'s debt load ballooned after the acquisition",
        "{A} was downgraded to junk",
        "Moody's downgrades {A} on weak liquidity",
        "analysts cut their price targets on {A}",
        "{A} missed analysts' estimates for the {Q} quarter",
        "{A} misses estimates and cuts its full-year guidance",
        "{A} suspended its dividend",
        "{A}'s shares tumbled after it lost a ${N} million contract",
        "{A} underperformed its rivals as orders dried up",
        "{A} reported a record loss",
        "{A} warned that it may breach its loan covenants",
        "{A} filed for Chapter 11 bankruptcy protection",
        "{A} is in talks with creditors to restructure its debt",
        "auditors raised going-concern doubts about {A}",
        "{A} was placed on credit watch negative",
        "{A} wrote down ${N} million of goodwill",
        "{A}'s bonds fell to {PRICE} cents on the dollar",
    ];

    public static readonly string[] PlainClauses =
    [
        "{A} appointed {PERSON} as chief financial officer",
        "{A} named {PERSON} to its board of directors",
        "{A} launched a new line of products for small businesses",
        "{A} introduced an updated version of its flagship software",
        "{A} signed an agreement with a logistics provider",
        "{A} entered into a distribution agreement covering {CITY}",
        "{A} will hold its annual meeting in {CITY} on {DAY}",
        "{A} will report {Q}-quarter results on {DAY}",
        "{A} opened a new office in {CITY}",
        "{A} is moving its head office to {CITY}",
        "{A} said its chief executive will speak at an industry conference",
        "{A} priced ${N} million of notes due {YEAR}",
        "{A} completed its previously announced share consolidation",
        "{A} said the transaction is subject to customary closing conditions",
        "{A} declared its regular quarterly dividend",
        "{A} confirmed the date of its investor day",
        "{A} changed its fiscal year end to December",
        "{A} renewed its lease in {CITY}",
        "{A} makes packaging for food companies",
        "{A} employs about {N} people",
        "{A}'s shares were unchanged in early trading",
        "{A} filed its annual report with the regulator",
        "{A} hired an adviser to review options for its European unit",
        "{A} said it would publish its sustainability report next month",
    ];

    /// <summary>Two-issuer frames with each issuer's polarity: scope that a sentence-level reading gets wrong.</summary>
    public static readonly (string Frame, int A, int B)[] PairFrames =
    [
        ("Neither {A} nor {B} expects to breach its covenants this year.", 1, 1),
        ("Neither {A} nor {B} met analysts' expectations.", -1, -1),
        ("Like {A}, {B} reported a sharp rise in profit.", 1, 1),
        ("Like {A}, {B} warned of weaker demand.", -1, -1),
        ("Unlike {A}, {B} managed to raise its forecast.", -1, 1),
        ("Unlike {A}, {B} was downgraded.", 1, -1),
        ("{A} outperformed {B}, whose shares slumped.", 1, -1),
        ("{A} won the contract after {B} was disqualified.", 1, -1),
        ("{A} gained market share at the expense of {B}.", 1, -1),
        ("{A}'s spreads widened while {B}'s tightened.", -1, 1),
        ("{A}'s margins widened while {B}'s leverage rose.", 1, -1),
        ("While {A} struggled with high leverage, {B} posted high margins.", -1, 1),
        ("Investors dumped {A} and bought {B} after the results.", -1, 1),
        ("{A} and {B} both beat estimates.", 1, 1),
        ("{A} and {B} were both placed on review for downgrade.", -1, -1),
        ("{A} and {B} signed a joint marketing agreement.", 0, 0),
        ("{A} appointed a former {B} executive as chairman.", 0, 0),
        ("{A} hired {B} as an adviser on the bond sale.", 0, 0),
        ("{A} swung to a profit, but {B} swung to a loss.", 1, -1),
        ("{A}'s loss narrowed, whereas {B}'s loss widened.", 1, -1),
        ("Rating agencies upgraded {A} and left {B} unchanged.", 1, 0),
        ("{A} cut its dividend; {B} kept its payout unchanged.", -1, 0),
        ("{A} defaulted on its loans, and lenders to {B} were not affected.", -1, 0),
        ("Analysts said {B} is better placed than {A}, which faces a refinancing wall.", -1, 1),
        ("Compared with {A}, {B} has far lower leverage.", -1, 1),
        ("{A} is not expected to default, unlike {B}.", 1, -1),
    ];

    public static readonly string[] Connectors = [" while ", ", whereas ", "; meanwhile, ", ". Separately, ", ", but ", "; by contrast, ", ". In other news, ", " and "];

    /// <summary>Names that contain sentiment words, so the model learns that a name is not evidence.</summary>
    public static readonly string[] LoadedNames =
    [
        "Prosperity Bank", "Progressive", "Triumph Group", "Summit Materials", "Pinnacle Foods", "Fortune Brands", "Liberty Energy",
        "Advance Auto Parts", "Gain Capital", "Bear Creek Mining", "Black Swan Capital", "Storm Harbor Shipping", "Broken Arrow Resources",
        "Bright Horizons", "Strong Tower Holdings", "Victory Capital", "Crash Dynamics", "Failsafe Systems", "Rising Sun Foods",
        "Best Buy", "Paramount Group", "Regal Beloit", "Loss Prevention Corp", "Risk Analytics Inc", "Sunrise Senior Living",
    ];

    public static readonly string[] NameStarts =
    [
        "Acme", "Northwind", "Harbor", "Granite", "Blue Ridge", "Crescent", "Keystone", "Meridian", "Oakmont", "Redwood", "Silverline",
        "Tristar", "Westfield", "Apex", "Beacon", "Cobalt", "Delta", "Evergreen", "Falcon", "Frontier", "Lakeshore", "Maple", "Orion",
        "Pioneer", "Quantum", "Riverside", "Sterling", "Titan", "Union", "Vertex", "Atlas", "Cascade", "Dominion", "Horizon", "Ironwood",
    ];

    public static readonly string[] NameEnds =
    [
        "Corp", "Inc", "Holdings", "Group", "Energy", "Bank", "Industries", "Motors", "Foods", "Steel", "Pharma", "Airlines", "Media",
        "Telecom", "Partners", "Chemicals", "Retail", "Capital", "Logistics", "Mining",
    ];

    public static readonly string[] Persons = ["Maria Lopez", "John Carter", "Wei Zhang", "Anna Schmidt", "David Okafor", "Priya Nair", "Tom Reilly"];
    public static readonly string[] Cities = ["Chicago", "Frankfurt", "Singapore", "Toronto", "Houston", "London", "Madrid", "Sydney"];
    public static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    public static readonly string[] Quarters = ["first", "second", "third", "fourth"];
}
