using StreamRisk.Core.Events;
using StreamRisk.Core.Storage.Queries;

namespace StreamRisk.Api.Responses;

public sealed record DocumentView(string DocId, string Source, DateTimeOffset PublishedAt, string? Headline, string Body, string? Language)
{
    public static DocumentView From(NewsDocument d) => new(d.DocId, d.Source, d.PublishedAt, d.Headline, d.Body, d.Language);
}

/// <summary>How one text moved one issuer.</summary>
public sealed record FirmSentimentView(string IssuerId, double PNeg, double PNeu, double PPos, double Score, int MentionCount, string Model);

/// <summary>How one issuer-free text moved one industry, through which topics, and who read it: the model, the prompt
/// version (<c>none</c> for the built-in scorer), why the built-in scorer took over from an LLM (null when it did not),
/// and the topic→industry paths with each topic's contribution (null for rows stored before paths existed).</summary>
public sealed record IndustrySentimentView(string IndustryId, double Score, double Weight, IReadOnlyList<TopicMatch> Topics, string Model,
    string? PromptVersion, string? Fallback, IReadOnlyList<TopicPathView>? Paths)
{
    public static IndustrySentimentView From(IndustrySentiment i) => new(i.IndustryId, i.Score, i.Weight,
        i.Topics.Select(t => new TopicMatch(t.TopicId, t.Similarity)).ToArray(), i.Model, i.PromptVersion, i.Fallback,
        i.Paths?.Select(p => new TopicPathView(p.TopicId, p.Similarity, p.Sentiment, p.AffectsWeight, p.Contribution)).ToArray());
}

public sealed record TopicMatch(string TopicId, double Similarity);

/// <summary>topic -[AFFECTS {affects_weight}]-> industry; contribution = similarity × sentiment × affects_weight.</summary>
public sealed record TopicPathView(string TopicId, double Similarity, double Sentiment, double AffectsWeight, double Contribution);

/// <summary>A document with what was scored on it: what a person opens from an alert's evidence.</summary>
public sealed record DocumentDetail(DocumentView Document, IReadOnlyList<FirmSentimentView> FirmSentiment,
    IReadOnlyList<IndustrySentimentView> IndustrySentiment)
{
    public static DocumentDetail From(DocumentScores d) => new(
        DocumentView.From(d.Document),
        d.FirmSentiments.Select(f => new FirmSentimentView(f.IssuerId, f.PNeg, f.PNeu, f.PPos, f.Score, f.MentionCount, f.Model)).ToArray(),
        d.IndustrySentiments.Select(IndustrySentimentView.From).ToArray());
}
