using StreamRisk.Core.Events;
using StreamRisk.Core.Text;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// Everything the default-prediction examples are built from, in memory and free of file formats (read from a
/// simulation by <see cref="DefaultMarketFiles"/>, or made by hand in tests). Statements, disclosures and class changes
/// may come in any order; <see cref="DefaultExampleBuilder"/> sorts them per issuer.
/// </summary>
/// <param name="StartDay">First simulated day.</param>
/// <param name="EndDay">Last simulated day: outcomes after it are unknown.</param>
/// <param name="Issuers">Issuer id → industry id (the first industry the issuer is listed under), in dataset order.</param>
/// <param name="Statements">Quarterly statements with the <see cref="StreamRisk.Core.Simulation.EmdlotIndicators"/>.</param>
public sealed record DefaultMarket(
    DateOnly StartDay,
    DateOnly EndDay,
    IReadOnlyList<(string IssuerId, string IndustryId)> Issuers,
    MacroTable Macro,
    IReadOnlyList<Fundamentals> Statements,
    IReadOnlyList<IssuerDisclosure> Disclosures,
    IReadOnlyList<ClassChange> ClassChanges);

/// <summary>An issuer's own disclosure text in one of <see cref="DisclosureChapters.Names"/>, as the live path reads it
/// (<see cref="Of"/>).</summary>
public sealed record IssuerDisclosure(string IssuerId, int Chapter, DateTimeOffset PublishedAt, string Text)
{
    /// <summary>The disclosure a raw filing of <paramref name="issuerId"/> is, or null when its heading names no chapter.
    /// Headline and body are normalised as ingest does, and joined and told apart as the score stage does
    /// (<see cref="EnrichedDocument.TextOf"/>, <see cref="DisclosureChapters.Of"/>), so a text embeds alike offline and live.</summary>
    public static IssuerDisclosure? Of(string issuerId, RawNews filing)
    {
        var body = TextNormalizer.Normalize(filing.Body);
        var headline = filing.Headline is null ? null : TextNormalizer.Normalize(filing.Headline);
        if (headline is { Length: 0 }) headline = null;
        if (DisclosureChapters.Of(headline, body) is not { } chapter) return null;
        var document = new NewsDocument(filing.DocId, filing.Source, filing.PublishedAt.ToUniversalTime(), headline, body, filing.Language, "", 0);
        return new IssuerDisclosure(issuerId, chapter, document.PublishedAt, EnrichedDocument.TextOf(document));
    }
}

/// <summary>The issuer moved into <paramref name="Class"/> on <paramref name="Day"/> (the simulator's classes only worsen).</summary>
public sealed record ClassChange(string IssuerId, RiskClass Class, DateOnly Day);
