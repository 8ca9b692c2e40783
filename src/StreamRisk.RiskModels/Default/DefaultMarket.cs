using StreamRisk.Core.Events;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// Everything the default-prediction examples are built from, in memory and free of file formats (read from a
/// simulation by <see cref="DefaultMarketFiles"/>, or made by hand in tests). Statements, disclosures and class changes
/// may come in any order; <see cref="DefaultExampleBuilder"/> sorts them per issuer.
/// </summary>
/// <param name="StartDay">First simulated day.</param>
/// <param name="EndDay">Last simulated day: outcomes after it are unknown.</param>
/// <param name="Issuers">Issuer id → industry id (the first industry the issuer is listed under), in dataset order.</param>
public sealed record DefaultMarket(
    DateOnly StartDay,
    DateOnly EndDay,
    IReadOnlyList<(string IssuerId, string IndustryId)> Issuers,
    MacroSeries Macro,
    IReadOnlyList<IssuerStatement> Statements,
    IReadOnlyList<IssuerDisclosure> Disclosures,
    IReadOnlyList<ClassChange> ClassChanges);

/// <summary>A quarterly statement: the 32 indicators in <see cref="StreamRisk.Core.Simulation.EmdlotIndicators.Names"/> order.</summary>
public sealed record IssuerStatement(string IssuerId, DateOnly PeriodEnd, DateTimeOffset PublishedAt, double[] Financial);

/// <summary>An issuer's own disclosure text (headline and body) in one of <see cref="DisclosureChapters.Names"/>.</summary>
public sealed record IssuerDisclosure(string IssuerId, int Chapter, DateTimeOffset PublishedAt, string Text);

/// <summary>The issuer moved into <paramref name="Class"/> on <paramref name="Day"/> (the simulator's classes only worsen).</summary>
public sealed record ClassChange(string IssuerId, RiskClass Class, DateOnly Day);

/// <summary>EMDLOT's text modality: the disclosure chapters, in the order of <see cref="DisclosedQuarter.Chapters"/>.</summary>
public static class DisclosureChapters
{
    public const int RiskFactors = 0;
    public const int ImportantNotices = 1;

    public static readonly IReadOnlyList<string> Names = ["risk_factors", "important_notices"];

    /// <summary>The chapter of a simulation truth kind (<c>risk_factors</c>, <c>important_notice</c>), or null for news kinds.</summary>
    public static int? OfKind(string kind) => kind switch
    {
        "risk_factors" => RiskFactors,
        "important_notice" => ImportantNotices,
        _ => null,
    };
}
