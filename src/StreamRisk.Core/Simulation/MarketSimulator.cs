using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Simulation;

/// <summary>
/// A seeded simulated bond market with known ground truth. <see cref="Run"/> streams day by day, lazily, so memory
/// holds per-issuer state and pending deliveries only. Each day yields, in order: outcomes reached, filings and
/// disclosures, news arrivals (arrival order), then on trading days latent credit and spreads per live issuer. After the
/// last day it yields every issuer's <see cref="FinalOutcome"/>. The same options give the same sequence every time.
/// </summary>
public sealed class MarketSimulator
{
    private readonly SimulationOptions _options;
    private readonly IReadOnlyList<Industry> _industries;
    private readonly IReadOnlyList<Topic> _topics;
    private readonly IReadOnlyList<TopicIndustryLink> _topicIndustryLinks;

    /// <param name="industries">Industries to place issuers in (e.g. <see cref="ReferenceData.Industries"/>).</param>
    /// <param name="topics">Topics for issuer-free industry texts.</param>
    /// <param name="topicIndustryLinks">Which topics concern which industries; without links a topic is drawn at random.</param>
    /// <param name="macroAnchor">Real quarterly macro data to anchor the economy on (e.g. data/real/macrodata.csv); null: drawn.</param>
    public MarketSimulator(
        SimulationOptions options,
        IReadOnlyList<Industry> industries,
        IReadOnlyList<Topic> topics,
        IReadOnlyList<TopicIndustryLink>? topicIndustryLinks = null,
        IReadOnlyList<MacroQuarter>? macroAnchor = null)
    {
        options.Validate();
        if (industries.Count == 0) throw new ArgumentException("at least one industry is needed", nameof(industries));
        _options = options;
        _industries = industries;
        _topics = topics;
        _topicIndustryLinks = topicIndustryLinks ?? [];
        Profiles = IssuerUniverse.Draw(options, industries);
        var issuers = new Issuer[Profiles.Count];
        for (var i = 0; i < issuers.Length; i++) issuers[i] = Profiles[i].Issuer;
        Issuers = issuers;
        Relations = IssuerLinks.Draw(options, Profiles);
        Macro = new MacroFactorPath(options.StartDay, options.EndDay, macroAnchor, Pcg32.ForStream(options.Seed, "macro"));
        Thresholds = OutcomeThresholds.Calibrate(options, Profiles, industries.Count, Macro, Relations);
    }

    public SimulationOptions Options => _options;

    public IReadOnlyList<IssuerProfile> Profiles { get; }

    /// <summary>The simulated issuers in reference-data form (for issuers.csv).</summary>
    public IReadOnlyList<Issuer> Issuers { get; }

    /// <summary>The issuer-to-issuer links (for issuer_relations.csv); empty unless <see cref="SimulationOptions.RelatedShare"/> &gt; 0.</summary>
    public IReadOnlyList<IssuerRelation> Relations { get; }

    public MacroFactorPath Macro { get; }

    public OutcomeThresholds Thresholds { get; }

    public IEnumerable<SimulationEvent> Run()
    {
        var process = new LatentCreditProcess(_options.Seed, Profiles, _industries.Count, Macro.At(_options.StartDay), Relations);
        var standing = new IssuerStanding(Profiles);
        var industryNames = new string[_industries.Count];
        for (var k = 0; k < industryNames.Length; k++) industryNames[k] = _industries[k].Name;
        var filings = new FilingDesk(_options, Profiles, industryNames, process, standing, Thresholds);
        var newsroom = new Newsroom(_options, Profiles, _industries, _topics, _topicIndustryLinks, process, standing);
        var spreadRandom = Pcg32.ForStream(_options.Seed, "spreads");

        for (var day = _options.StartDay; day <= _options.EndDay; day = day.AddDays(1))
        {
            var trading = TradingCalendar.IsTradingDay(day);
            if (trading)
            {
                process.Step(Macro.At(day));
                for (var i = 0; i < Profiles.Count; i++)
                {
                    if (!standing.IsLive(i, day)) continue;
                    var outcome = Crossing(process.Latent(i), standing.Class(i));
                    if (outcome is not { } reached) continue;
                    standing.Move(i, reached, day);
                    filings.NoticeToday(i, reached == RiskClass.Defaulted ? NoticeReason.Default : NoticeReason.Extension);
                    yield return new OutcomeReached(day, Profiles[i].Issuer.IssuerId, reached);
                }
            }

            foreach (var filed in filings.File(day)) yield return filed;
            foreach (var arrival in newsroom.Write(day)) yield return arrival;
            if (!trading) continue;

            for (var i = 0; i < Profiles.Count; i++)
            {
                if (!standing.IsLive(i, day)) continue;
                var latent = process.Latent(i);
                var id = Profiles[i].Issuer.IssuerId;
                yield return new LatentObserved(day, id, Math.Round(latent, 6, MidpointRounding.AwayFromZero));
                var spread = SpreadModel.SpreadBps(latent, process.Macro, standing.Class(i) == RiskClass.Extended, spreadRandom);
                yield return new SpreadQuoted(day, new SpreadObservation(id, day, spread));
            }
        }

        for (var i = 0; i < Profiles.Count; i++)
        {
            var riskClass = standing.Class(i);
            var since = riskClass == RiskClass.Performing ? _options.EndDay : standing.ClassSince(i);
            yield return new FinalOutcome(since, Profiles[i].Issuer.IssuerId, riskClass);
        }
    }

    /// <summary>The class an issuer moves to today, if its latent credit crossed a threshold it had not crossed before.</summary>
    private RiskClass? Crossing(double latent, RiskClass current)
    {
        if (latent < Thresholds.Default) return RiskClass.Defaulted;
        if (latent < Thresholds.Extension && current == RiskClass.Performing) return RiskClass.Extended;
        return null;
    }
}
