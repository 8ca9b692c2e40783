using System.Text;
using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Schemas;

namespace StreamRisk.Infrastructure.Tests.Schemas;

/// <summary>sentiment.industry.v1's paths are optional (older events stay valid) and, when present, complete.</summary>
public sealed class EventSchemas_IndustryPaths
{
    private static readonly IndustrySentiment Older = new("doc1:airlines", "doc1", "airlines", new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero),
        -0.5, 0.6, [new TopicHit("oil_up", 0.5)], "lexicon-industry/1+hashed-tfidf/1-d4096", 3);

    private static SchemaCheck Check(string json) => EventSchemas.Default.Check(Topics.IndustrySentiment, Encoding.UTF8.GetBytes(json));

    [Fact]
    public void An_event_without_paths_prompt_or_fallback_is_still_valid()
    {
        var json = EventJson.SerializeToString(Older);

        Assert.DoesNotContain("paths", json, StringComparison.Ordinal);
        Assert.True(Check(json).IsValid, Check(json).Describe());
    }

    [Fact]
    public void An_event_with_paths_is_valid_and_a_path_missing_its_contribution_is_not()
    {
        var withPaths = EventJson.SerializeToString(Older with { PromptVersion = "none", Paths = [new TopicPath("oil_up", 0.5, 1, -0.6, -0.3)] });
        Assert.Contains("\"paths\":[{\"topic_id\":\"oil_up\",\"similarity\":0.5,\"sentiment\":1,\"affects_weight\":-0.6,\"contribution\":-0.3}]", withPaths,
            StringComparison.Ordinal);
        Assert.True(Check(withPaths).IsValid, Check(withPaths).Describe());

        var incomplete = withPaths.Replace(",\"contribution\":-0.3", "", StringComparison.Ordinal);
        Assert.False(Check(incomplete).IsValid);
        var outOfRange = withPaths.Replace("\"affects_weight\":-0.6", "\"affects_weight\":-1.6", StringComparison.Ordinal);
        Assert.False(Check(outOfRange).IsValid);
    }
}
