using StreamRisk.Core.Events;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Infrastructure.Tests.Reference;

public class SampleCorpus_Reuters
{
    private static readonly IReadOnlyList<RawNews> Docs = File.ReadAllLines(RepositoryRoot.Of("data", "samples", "01-reuters.jsonl"))
        .Where(l => l.Length > 0)
        .Select(l => EventJson.Deserialize<RawNews>(System.Text.Encoding.UTF8.GetBytes(l)))
        .ToList();

    [Fact]
    public void Holds_the_50_acq_and_20_crude_articles_as_news_raw_v1()
    {
        Assert.Equal(50, Docs.Count(d => d.DocId.StartsWith("reuters-acq-", StringComparison.Ordinal)));
        Assert.Equal(20, Docs.Count(d => d.DocId.StartsWith("reuters-crude-", StringComparison.Ordinal)));
        Assert.All(Docs, d => Assert.False(string.IsNullOrWhiteSpace(d.Body)));
        Assert.All(Docs, d => Assert.Equal("reuters", d.Source));
    }

    [Fact]
    public void Every_doc_id_is_unique()
    {
        Assert.Equal(Docs.Count, Docs.Select(d => d.DocId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Articles_are_in_publication_order_within_1987()
    {
        Assert.All(Docs, d => Assert.Equal(1987, d.PublishedAt.Year));
        Assert.Equal(Docs.OrderBy(d => d.PublishedAt).Select(d => d.DocId), Docs.Select(d => d.DocId));
    }
}
