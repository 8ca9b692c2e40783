using StreamRisk.Core.Events;
using StreamRisk.Core.Topics;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// The live inputs of a default-class model, per issuer: statements and disclosure texts as they arrive, in any order.
/// <see cref="ExampleAt"/> assembles them with <see cref="DisclosedQuarters.AsOf"/>, the function the training datasets use.
/// </summary>
public sealed class LiveDefaultInputs(MacroTable macro, ITextEmbedder embedder)
{
    private readonly Dictionary<string, List<Fundamentals>> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ChapterText>> _texts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _textIds = new(StringComparer.Ordinal);

    public void Add(Fundamentals statement)
    {
        if (!_statements.TryGetValue(statement.IssuerId, out var list)) _statements[statement.IssuerId] = list = [];
        list.Add(statement);
    }

    /// <summary>Keeps a document for every issuer it mentions when it is an issuer disclosure of a known chapter.
    /// A document seen again (a redelivery, a restart's restore) is kept once.</summary>
    /// <returns>Whether the document was kept.</returns>
    public bool Add(NewsDocument document, IEnumerable<string> issuerIds)
    {
        if (!string.Equals(document.Source, DisclosureChapters.DisclosureSource, StringComparison.Ordinal)) return false;
        if (DisclosureChapters.Of(document.Headline, document.Body) is not { } chapter) return false;
        if (!_textIds.Add(document.DocId)) return false;
        var text = new ChapterText(document.PublishedAt, chapter, embedder.Embed(EnrichedDocument.TextOf(document)));
        foreach (var issuerId in issuerIds.Distinct(StringComparer.Ordinal))
        {
            if (!_texts.TryGetValue(issuerId, out var list)) _texts[issuerId] = list = [];
            list.Add(text);
        }
        return true;
    }

    /// <summary>The issuer as <paramref name="model"/> reads it on <paramref name="day"/>; the label is not known live (left performing).</summary>
    public DefaultExample ExampleAt(string issuerId, string industryId, DateOnly day, IDefaultClassScorer model) =>
        new(issuerId, industryId, day, RiskClass.Performing, DisclosedQuarters.AsOf(day,
            _statements.GetValueOrDefault(issuerId) ?? [], _texts.GetValueOrDefault(issuerId) ?? [], d => macro.At(d, model.MacroNames),
            DisclosureChapters.Names.Count, model.Steps));
}
