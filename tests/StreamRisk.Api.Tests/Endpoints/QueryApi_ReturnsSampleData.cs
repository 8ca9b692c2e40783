using System.Text.Json;

namespace StreamRisk.Api.Tests.Endpoints;

/// <summary>Every operation answers with the sample run's data, equal to what the store holds.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class QueryApi_ReturnsSampleData(SampleApiFixture sample)
{
    [Fact]
    public async Task Industries_and_issuers_come_from_the_reference_data_with_their_industries()
    {
        var industries = await sample.GetJsonAsync("/api/v1/industries");
        Assert.Equal(sample.Reference.Industries.Select(i => i.IndustryId).Order(StringComparer.Ordinal),
            industries.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("industry_id").GetString()));

        var issuer = sample.Reference.Issuers[0];
        var one = await sample.GetJsonAsync($"/api/v1/issuers/{issuer.IssuerId}");
        Assert.Equal(issuer.LegalName, one.GetProperty("legal_name").GetString());
        Assert.Equal(issuer.IndustryIds, one.GetProperty("industries").EnumerateArray().Select(i => i.GetProperty("industry_id").GetString()));
        Assert.Equal(sample.Reference.Industries.Single(i => i.IndustryId == issuer.IndustryIds[0]).Name,
            one.GetProperty("industries")[0].GetProperty("name").GetString());

        var industry = await sample.GetJsonAsync($"/api/v1/industries/{issuer.IndustryIds[0]}");
        Assert.Equal(issuer.IndustryIds[0], industry.GetProperty("industry_id").GetString());
    }

    [Fact]
    public async Task The_daily_index_carries_the_firm_and_industry_parts_the_store_holds()
    {
        var issuerId = await sample.AlertedIssuerAsync();
        var stored = await sample.Store.GetDailySentimentAsync(issuerId);

        var (items, _) = await sample.GetAllPagesAsync($"/api/v1/issuers/{issuerId}/daily-index", 1000);

        Assert.Equal(stored.Count, items.Count);
        Assert.NotEmpty(items);
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Equal(stored[i].Day.ToString("yyyy-MM-dd"), items[i].GetProperty("day").GetString());
            Assert.Equal(stored[i].Smoothed, items[i].GetProperty("smoothed").GetDouble());
            Assert.Equal(stored[i].Composite, items[i].GetProperty("composite").GetDouble());
            Assert.Equal(stored[i].FirmScore, Nullable(items[i].GetProperty("firm_score")));
            Assert.Equal(stored[i].MesoScore, Nullable(items[i].GetProperty("industry_score")));
        }
        Assert.Contains(items, d => d.GetProperty("industry_score").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task Risk_scores_carry_the_class_probabilities()
    {
        var issuerId = await sample.AlertedIssuerAsync();
        var stored = await sample.Store.GetRiskScoresAsync(issuerId);

        var (items, _) = await sample.GetAllPagesAsync($"/api/v1/issuers/{issuerId}/risk-scores", 1000);

        Assert.Equal(stored.Count, items.Count);
        var last = items[^1].GetProperty("probabilities");
        Assert.Equal(stored[^1].PPerforming, last.GetProperty("performing").GetDouble());
        Assert.Equal(stored[^1].PExtended, last.GetProperty("extended").GetDouble());
        Assert.Equal(stored[^1].PDefaulted, last.GetProperty("defaulted").GetDouble());
        Assert.Equal(stored[^1].RiskClass.ToString().ToLowerInvariant(), items[^1].GetProperty("risk_class").GetString());
    }

    [Fact]
    public async Task Alerts_documents_and_dead_letters_are_listed_and_a_document_opens_with_its_scores()
    {
        var active = (await sample.Store.GetAlertsAsync()).Where(a => a.Status == "active").ToList();
        var alerts = await sample.GetJsonAsync("/api/v1/alerts");
        Assert.Equal(active.Count, alerts.GetProperty("items").GetArrayLength());
        Assert.NotEmpty(active);

        var documents = await sample.GetJsonAsync("/api/v1/documents?limit=5");
        Assert.Equal(5, documents.GetProperty("items").GetArrayLength());

        var evidence = active.SelectMany(a => a.EvidenceDocIds).First();
        var document = await sample.GetJsonAsync($"/api/v1/documents/{evidence}");
        Assert.Equal(evidence, document.GetProperty("document").GetProperty("doc_id").GetString());
        Assert.NotEqual(0, document.GetProperty("firm_sentiment").GetArrayLength() + document.GetProperty("industry_sentiment").GetArrayLength());

        var letters = await sample.GetJsonAsync("/api/v1/dead-letters");
        Assert.Equal((await sample.Store.GetDeadLettersAsync()).Count, letters.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Health_and_ready_answer_200()
    {
        Assert.Equal("ok", (await sample.GetJsonAsync("/health")).GetProperty("status").GetString());
        Assert.Equal("ready", (await sample.GetJsonAsync("/ready")).GetProperty("status").GetString());
    }

    private static double? Nullable(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
}
