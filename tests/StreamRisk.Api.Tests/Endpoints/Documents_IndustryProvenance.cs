using System.Text.Json;

namespace StreamRisk.Api.Tests.Endpoints;

/// <summary>An opened document shows, per industry it moved, which model and prompt read it and the topic paths that carried the score.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class Documents_IndustryProvenance(SampleApiFixture sample)
{
    [Fact]
    public async Task Industry_rows_carry_prompt_version_fallback_and_the_paths_as_stored()
    {
        var stored = (await sample.Store.GetIndustrySentimentsAsync()).First(s => s.Paths is { Count: > 0 });

        var document = await sample.GetJsonAsync($"/api/v1/documents/{stored.DocId}");

        var row = document.GetProperty("industry_sentiment").EnumerateArray()
            .Single(i => i.GetProperty("industry_id").GetString() == stored.IndustryId);
        Assert.Equal("none", row.GetProperty("prompt_version").GetString());
        Assert.True(!row.TryGetProperty("fallback", out var fallback) || fallback.ValueKind == JsonValueKind.Null);
        var paths = row.GetProperty("paths").EnumerateArray().ToList();
        Assert.Equal(stored.Paths!.Select(p => p.TopicId), paths.Select(p => p.GetProperty("topic_id").GetString()));
        Assert.Equal(stored.Paths![0].Contribution, paths[0].GetProperty("contribution").GetDouble());
        Assert.Equal(stored.Paths![0].AffectsWeight, paths[0].GetProperty("affects_weight").GetDouble());
        var p0 = stored.Paths![0];
        Assert.Equal(p0.Similarity * p0.Sentiment * p0.AffectsWeight, p0.Contribution, 12);
    }
}
