using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Simulation;
using StreamRisk.Infrastructure.Simulation;

namespace StreamRisk.Infrastructure.Tests.Simulation;

public sealed class SimulationWriter_Files : IDisposable
{
    private static readonly string[] Files =
    [
        "news.jsonl", "disclosures.jsonl", "fundamentals.jsonl", "spreads.jsonl", "issuers.csv", "macro.csv",
        "truth/latent.csv", "truth/polarity.jsonl", "truth/outcomes.csv", "truth/outcome_events.csv", "truth/manifest.json",
    ];

    private static readonly IReadOnlyList<Industry> Industries =
        [new("banks", "Banks", "Financials"), new("airlines", "Airlines", "Industrials"), new("retail", "Retailers", "Consumer")];

    private static readonly IReadOnlyList<Topic> Topics =
        [new("rate_hike", "economic policy", "Policy interest rate hike", "Rates up."), new("oil", "world economy", "Oil price spike", "Oil up.")];

    private readonly string _root = Directory.CreateTempSubdirectory("streamrisk-sim-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Same_seed_writes_byte_identical_files_and_another_seed_does_not()
    {
        var first = Write(seed: 7, "a");
        var second = Write(seed: 7, "b");
        var other = Write(seed: 8, "c");
        foreach (var file in Files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }

        Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, "news.jsonl")), File.ReadAllBytes(Path.Combine(other, "news.jsonl")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, "spreads.jsonl")), File.ReadAllBytes(Path.Combine(other, "spreads.jsonl")));
    }

    [Fact]
    public void Files_follow_the_wire_and_reference_formats()
    {
        var directory = Write(seed: 3, "formats");
        var news = File.ReadLines(Path.Combine(directory, "news.jsonl")).Select(l => EventJson.Deserialize<RawNews>(System.Text.Encoding.UTF8.GetBytes(l))).ToList();
        Assert.NotEmpty(news);
        Assert.Equal(news.Count, news.Select(n => n.DocId).Distinct().Count());
        var spreads = File.ReadLines(Path.Combine(directory, "spreads.jsonl")).Select(l => EventJson.Deserialize<SpreadObservation>(System.Text.Encoding.UTF8.GetBytes(l))).ToList();
        Assert.All(spreads, s => Assert.True(s.SpreadBps > 0));
        var statements = File.ReadLines(Path.Combine(directory, "fundamentals.jsonl")).Select(l => EventJson.Deserialize<Fundamentals>(System.Text.Encoding.UTF8.GetBytes(l))).ToList();
        Assert.All(statements, s => Assert.Equal(32, s.Indicators.Count));

        var issuers = File.ReadAllLines(Path.Combine(directory, "issuers.csv"));
        Assert.Equal("issuer_id,legal_name,aliases,tickers,industries", issuers[0]);
        Assert.Equal(41, issuers.Length);
        Assert.All(issuers.Skip(1), row => Assert.Matches("^SIM\\d{5},[^,]+,[^,|]+(\\|[^,|]+)*,[A-Z]*,[a-z_|]+$", row));

        var polarity = File.ReadLines(Path.Combine(directory, "truth", "polarity.jsonl")).Select(l => SimulationTruthJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(l))).ToList();
        var newsIds = news.Select(n => n.DocId).ToHashSet();
        Assert.All(polarity.Where(p => p.Kind is not (TextKind.RiskFactors or TextKind.ImportantNotice)), p => Assert.Contains(p.DocId, newsIds));
        Assert.All(polarity, p => Assert.InRange(p.Polarity, -1, 1));

        var outcomes = File.ReadAllLines(Path.Combine(directory, "truth", "outcomes.csv"));
        Assert.Equal("issuer_id,class,date", outcomes[0]);
        Assert.Equal(40, outcomes.Length - 1);
        Assert.All(outcomes.Skip(1), row => Assert.Matches("^SIM\\d{5},(performing|extended|defaulted),\\d{4}-\\d{2}-\\d{2}$", row));

        var latent = File.ReadLines(Path.Combine(directory, "truth", "latent.csv")).Skip(1).First().Split(',');
        Assert.Equal(3, latent.Length);
        Assert.True(double.TryParse(latent[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    private string Write(ulong seed, string name)
    {
        var directory = Path.Combine(_root, name);
        var options = new SimulationOptions(40, 2, seed, new DateOnly(2005, 1, 1), ExtendedShare: 0.05, DefaultedShare: 0.05);
        var summary = SimulationWriter.Write(new MarketSimulator(options, Industries, Topics), directory);
        Assert.Equal(2, summary.Defaulted);
        Assert.Equal(2, summary.Extended);
        return directory;
    }
}
