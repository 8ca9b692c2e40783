using StreamRisk.Core.Events;
using StreamRisk.Core.Storage.Queries;

namespace StreamRisk.Api.Responses;

public sealed record DocumentView(string DocId, string Source, DateTimeOffset PublishedAt, string? Headline, string Body, string? Language)
{
    public static DocumentView From(NewsDocument d) => new(d.DocId, d.Source, d.PublishedAt, d.Headline, d.Body, d.Language);
}

/// <summary>How one text moved one issuer.</summary>
public sealed record FirmSentimentView(string IssuerId, double PNeg, double PNeu, double PPos, double Score, int MentionCount, string Model);

/// <summary>How one issuer-free text moved one industry, and through which topics.</summary>
public sealed record IndustrySentimentView(string IndustryId, double Score, double Weight, IReadOnlyList<TopicMatch> Topics, string Model);

public sealed record TopicMatch(string TopicId, double Similarity);

/// <summary>A document with what was scored on it: what a person opens from an alert's evidence.</summary>
public sealed record DocumentDetail(DocumentView Document, IReadOnlyList<FirmSentimentView> FirmSentiment,
    IReadOnlyList<IndustrySentimentView> IndustrySentiment)
{
    public static DocumentDetail From(DocumentScores d) => new(
        DocumentView.From(d.Document),
        d.FirmSentiments.Select(f => new FirmSentimentView(f.IssuerId, f.PNeg, f.PNeu, f.PPos, f.Score, f.MentionCount, f.Model)).ToArray(),
        d.IndustrySentiments.Select(i => new IndustrySentimentView(i.IndustryId, i.Score, i.Weight,
            i.Topics.Select(t => new TopicMatch(t.TopicId, t.Similarity)).ToArray(), i.Model)).ToArray());
}
