using System.Text.Json;
using StreamRisk.Core.Graph;
using StreamRisk.Pipeline.Evaluation;

namespace StreamRisk.Pipeline.Tests.Evaluation;

/// <summary>
/// A simulated market with issuer links (--related-share), evaluated with spill-over on (the default) and off: the links
/// reach the pipeline through issuer_relations.csv next to issuers.csv, and the daily events name the paths.
/// </summary>
public sealed class SimulationEvaluation_Spillover : IAsyncLifetime
{
    private readonly string _directory = RepositoryPaths.NewTempDirectory();
    private EvaluationResult _on = null!;
    private EvaluationResult _off = null!;
    private HashSet<(string, string)> _links = null!;

    public async Task InitializeAsync()
    {
        await MarketSimulationRun.RunAsync(
            new SimulateOptions { Issuers = 30, Years = 1, Seed = 11, OutDirectory = _directory, ReferenceDirectory = RepositoryPaths.Reference, RelatedShare = 0.5 },
            null, TimeProvider.System, CancellationToken.None);
        _links = File.ReadLines(Path.Combine(_directory, "issuer_relations.csv")).Skip(1).Select(l => l.Split(','))
            .SelectMany(f => new[] { (f[0], f[1]), (f[1], f[0]) }).ToHashSet();
        _on = await Evaluate("eval-on", SpilloverOptions.Default);
        _off = await Evaluate("eval-off", new SpilloverOptions(SpilloverOptions.DefaultDecay, 0));
    }

    private Task<EvaluationResult> Evaluate(string name, SpilloverOptions spillover) => SimulationEvaluation.RunAsync(
        new EvaluationOptions
        {
            SimulationDirectory = _directory,
            OutDirectory = Path.Combine(_directory, name),
            ReferenceDirectory = RepositoryPaths.Reference,
            Models = StreamRisk.Pipeline.Running.ModelOptions.BuiltIn with { Spillover = spillover },
        }, null, CancellationToken.None);

    private List<JsonElement> Daily(string name) =>
        File.ReadLines(Path.Combine(_directory, name, "topics", "sentiment.daily.v1.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public void Daily_events_name_the_simulated_links_that_carried_a_spill_over()
    {
        var spilled = Daily("eval-on").Where(e => e.TryGetProperty("spillover", out _)).ToList();

        Assert.NotEmpty(spilled);
        Assert.All(spilled, e =>
        {
            foreach (var contribution in e.GetProperty("spillover").EnumerateArray())
            {
                var path = contribution.GetProperty("path").EnumerateArray().Select(p => p.GetString()!).ToList();
                Assert.Equal(e.GetProperty("issuer_id").GetString(), path[^1]);
                Assert.InRange(path.Count, 2, 1 + SpilloverOptions.DefaultMaxHops);
                Assert.All(path.Zip(path.Skip(1)), hop => Assert.Contains(hop, _links));
            }
        });
        Assert.DoesNotContain(Daily("eval-off"), e => e.TryGetProperty("spillover_score", out _));
    }

    [Fact]
    public void The_report_scores_the_related_issuers_apart_and_counts_the_daily_values()
    {
        Assert.Equal(_links.Select(l => l.Item1).Distinct().Count(), _on.Scorecard.RelatedIssuers);
        Assert.NotNull(_on.Scorecard.RelatedIndex);
        Assert.True(_on.Scorecard.DailyValuesEmitted >= _off.Scorecard.DailyValuesEmitted,
            $"{_on.Scorecard.DailyValuesEmitted} daily values with spill-over, {_off.Scorecard.DailyValuesEmitted} without");
        Assert.Equal(_off.Run.TopicCounts[Core.Events.Topics.DailySentiment], _off.Scorecard.DailyValuesEmitted);
        Assert.Contains("where spill-over can act", File.ReadAllText(_on.ReportPath), StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
