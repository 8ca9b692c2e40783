using System.Diagnostics;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Simulation;
using StreamRisk.Infrastructure.Simulation;

namespace StreamRisk.Infrastructure.Tests.Simulation;

public sealed class SimulationWriter_RealTimeRate : IDisposable
{
    private static readonly IReadOnlyList<Industry> Industries = [new("banks", "Banks", "Financials"), new("retail", "Retailers", "Consumer")];
    private static readonly IReadOnlyList<Topic> Topics = [new("rate_hike", "economic policy", "Policy interest rate hike", "Rates up.")];
    private readonly string _root = Directory.CreateTempSubdirectory("streamrisk-sim-rate-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static MarketSimulator Simulator() =>
        new(new SimulationOptions(3, 1, 11, new DateOnly(2005, 1, 1), NewsPerIssuerPerYear: 40), Industries, Topics);

    [Fact]
    public void Paced_writing_takes_as_long_as_the_rate_demands_and_writes_the_same_bytes()
    {
        var fast = Path.Combine(_root, "fast");
        var paced = Path.Combine(_root, "paced");
        var unpaced = SimulationWriter.Write(Simulator(), fast);
        const double rate = 400;
        var clock = Stopwatch.StartNew();
        var summary = SimulationWriter.Write(Simulator(), paced, newsPerSecond: rate);
        var elapsed = clock.Elapsed;

        Assert.True(summary.NewsTexts > 20, $"only {summary.NewsTexts} texts");
        // Text n is written no earlier than n / rate seconds after the start.
        Assert.True(elapsed >= TimeSpan.FromSeconds((summary.NewsTexts - 1) / rate), $"{summary.NewsTexts} texts at {rate}/s took only {elapsed}");
        Assert.Equal(unpaced.NewsTexts, summary.NewsTexts);
        Assert.Equal(File.ReadAllBytes(Path.Combine(fast, "news.jsonl")), File.ReadAllBytes(Path.Combine(paced, "news.jsonl")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void A_rate_that_is_not_positive_is_refused(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulationWriter.Write(Simulator(), Path.Combine(_root, "bad"), newsPerSecond: rate));
    }
}
