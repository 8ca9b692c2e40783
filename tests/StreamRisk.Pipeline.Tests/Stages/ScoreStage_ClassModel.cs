using Microsoft.Extensions.Time.Testing;
using StreamRisk.Core.Events;
using StreamRisk.Core.Scoring;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Schemas;
using StreamRisk.Pipeline.Stages;
using StreamRisk.RiskModels.Default;

namespace StreamRisk.Pipeline.Tests.Stages;

/// <summary>
/// With a trained class model the score's probabilities, class, model and explanation are the model's, from the
/// statements and disclosures known on the day; a disclosure that arrives late re-scores the days it applies to, and a
/// shadow model's answer travels on the event without deciding the class.
/// </summary>
public class ScoreStage_ClassModel
{
    private static readonly DateOnly Day = new(2024, 5, 6);

    private static DailySentiment Daily(int offset) =>
        new($"ISS1:{Day.AddDays(offset):yyyy-MM-dd}:r0", "ISS1", Day.AddDays(offset), 0, -0.2, 1, null, -0.14, -0.1, ["doc1"]);

    private static string Statement(string periodEnd, string published, double debtToAssets) =>
        $$$"""{"issuer_id":"ISS1","period_end":"{{{periodEnd}}}","published_at":"{{{published}}}T08:00:00Z","indicators":{"debt_to_assets":{{{debtToAssets}}}}}""";

    private static EnrichedDocument Notice(int offset) => new(
        new NewsDocument("disc-1", DisclosureChapters.DisclosureSource, new DateTimeOffset(Day.AddDays(offset).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
            "Important notice - Issuer One", "Important notice. Issuer One will not publish its periodic report by the statutory deadline.", "en", "h1", 7),
        [new IssuerMention("ISS1", "Issuer One", 19, 29, "exact", 1)]);

    private static async Task<(IReadOnlyList<RiskScore> Scores, PipelineCounters Counters)> RunAsync(bool noticeFirst, bool shadow = false)
    {
        await using var harness = await StageHarness.CreateAsync();
        var days = Enumerable.Range(0, 4).Select(Daily).ToArray();
        await harness.Store.UpsertAsync(new StoreBatch { DailySentiments = days });
        var primary = Slot(new CountingScorer("counting@1", noticeWeight: 0.3));
        var shadowSlot = shadow ? Slot(new CountingScorer("counting@2", noticeWeight: 0.0)) : null;
        var serving = new ClassModelServing(primary, shadowSlot, new LiveDefaultInputs(MacroTable.None, DisclosureChapters.CreateEmbedder()),
            new Dictionary<string, string> { ["ISS1"] = "IND1" });
        await using var score = new ScoreStage(harness.Context, new BaselineRiskScorer(), new HashSet<string> { "ISS1" }, classModel: serving);
        await harness.PublishAsync(Topics.Fundamentals, "ISS1", Statement("2023-12-31", "2024-03-01", 0.6));
        await harness.PublishAsync(Topics.Fundamentals, "ISS1", Statement("2024-03-31", "2024-05-07", 0.7)); // published on day 1
        if (noticeFirst) await harness.PublishAsync(Topics.Mentions, "disc-1", EventJson.Serialize(Notice(2)));
        foreach (var d in days) await harness.PublishAsync(Topics.DailySentiment, "ISS1", EventJson.Serialize(d));
        if (!noticeFirst) await harness.PublishAsync(Topics.Mentions, "disc-1", EventJson.Serialize(Notice(2)));
        while (await score.PumpAsync(100, TimeSpan.Zero, CancellationToken.None) > 0)
        {
        }
        return (await harness.ReadAsync<RiskScore>(Topics.RiskScores), harness.Counters);
    }

    private static SwappableClassModel Slot(IDefaultClassScorer scorer) =>
        new("unused", _ => scorer, new FakeTimeProvider(), TimeSpan.FromDays(1), _ => { });

    private static RiskScore Final(IReadOnlyList<RiskScore> scores, int offset) => scores.Last(s => s.AsOf == Day.AddDays(offset));

    [Fact]
    public async Task TheScore_IsTheModels_FromTheStatementsAndDisclosuresKnownOnTheDay()
    {
        var (scores, _) = await RunAsync(noticeFirst: true);
        Assert.All(scores, s => Assert.Equal("counting@1", s.Model));
        // Day 0: one statement published; day 1 on: two; day 2 on: the notice too.
        Assert.Equal(0.1, Final(scores, 0).PDefaulted, 9);
        Assert.Equal(0.2, Final(scores, 1).PDefaulted, 9);
        Assert.Equal(0.5, Final(scores, 2).PDefaulted, 9);
        Assert.Equal(new DateOnly(2024, 3, 31), Final(scores, 3).ClassExplanation!.StatementDay);
        Assert.Equal(2, Final(scores, 3).ClassExplanation!.Quarters);
        Assert.Equal(RiskClasses.MostProbable(0.5, 0, 0.5), Final(scores, 2).RiskClass);
    }

    [Fact]
    public async Task ANoticeArrivingAfterItsDaysWereScored_ReScoresThem_ToTheScoresOfANoticeArrivingFirst()
    {
        var (late, _) = await RunAsync(noticeFirst: false);
        var (early, _) = await RunAsync(noticeFirst: true);
        for (var d = 0; d < 4; d++)
        {
            Assert.Equal(Final(early, d).PDefaulted, Final(late, d).PDefaulted);
            Assert.Equal(Final(early, d).EventId, Final(late, d).EventId);
        }
    }

    [Fact]
    public async Task AShadowModel_TravelsOnTheEvent_IsCountedWhenItDisagrees_AndNeverDecides()
    {
        var (scores, counters) = await RunAsync(noticeFirst: true, shadow: true);
        var day2 = Final(scores, 2);
        Assert.Equal("counting@1", day2.Model);
        Assert.Equal("counting@2", day2.Shadow!.Model);
        Assert.Equal(0.2, day2.Shadow.PDefaulted, 9);
        Assert.Equal(RiskClass.Performing, day2.Shadow.RiskClass);
        Assert.Equal(RiskClass.Defaulted, day2.RiskClass); // 0.5 vs 0.5: ties go to the more severe class
        Assert.Equal(scores.Count, counters.ShadowScores);
        Assert.Equal(scores.Count(s => s.RiskClass != s.Shadow!.RiskClass), counters.ShadowDisagreements);
        Assert.True(counters.ShadowDisagreements > 0);

        foreach (var s in scores)
        {
            var check = EventSchemas.Default.Check(Topics.RiskScores, EventJson.Serialize(s));
            Assert.True(check.IsValid, check.Describe());
        }
    }

    [Fact]
    public async Task AnIssuerWithNoStatementYet_KeepsTheBaselineScore()
    {
        await using var harness = await StageHarness.CreateAsync();
        await harness.Store.UpsertAsync(new StoreBatch { DailySentiments = [Daily(0)] });
        var serving = new ClassModelServing(Slot(new CountingScorer("counting@1", 0.3)), null,
            new LiveDefaultInputs(MacroTable.None, DisclosureChapters.CreateEmbedder()), new Dictionary<string, string>());
        await using var score = new ScoreStage(harness.Context, new BaselineRiskScorer(), new HashSet<string> { "ISS1" }, classModel: serving);
        await harness.PublishAsync(Topics.DailySentiment, "ISS1", EventJson.Serialize(Daily(0)));
        while (await score.PumpAsync(100, TimeSpan.Zero, CancellationToken.None) > 0)
        {
        }
        var emitted = Assert.Single(await harness.ReadAsync<RiskScore>(Topics.RiskScores));
        Assert.Equal(BaselineRiskScorer.ModelName, emitted.Model);
        Assert.Null(emitted.ClassExplanation);
    }

    /// <summary>P(defaulted) = 0.1 per statement read + <c>noticeWeight</c> when the newest quarter carries a notice.</summary>
    private sealed class CountingScorer(string version, double noticeWeight) : IDefaultClassScorer
    {
        public string Version => version;
        public int Steps => 8;
        public IReadOnlyList<string> MacroNames => [];

        public ClassModelScore Score(DefaultExample example)
        {
            var notice = example.Quarters.Count > 0 && example.Quarters[^1].Chapters[1] is not null;
            var pDefaulted = 0.1 * example.Quarters.Count + (notice ? noticeWeight : 0);
            var statementDay = example.Quarters.Count > 0 ? example.Quarters[^1].PeriodEnd : (DateOnly?)null;
            return new ClassModelScore(1 - pDefaulted, 0, pDefaulted, new RiskClassExplanation(version, statementDay, example.Quarters.Count,
                [new FeatureAttribution("debt_to_assets", statementDay ?? Day, 1)], [1.0], notice ? 0.6 : 1, notice ? 0.4 : 0,
                [new ChapterAttribution(DisclosureChapters.ImportantNotices, notice ? 1 : 0)]));
        }
    }
}
