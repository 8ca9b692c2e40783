using System.Text;
using System.Text.Json;
using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Evaluation;
using StreamRisk.Pipeline.Running;
using StreamRisk.Tests.Shared;
using StreamRisk.Tests.Shared.Kafka;

using StreamRisk.Cli.Tests.Commands;

namespace StreamRisk.Cli.Tests.Recovery;

/// <summary>
/// The input every recovery test runs on, made once per test run: a seeded simulated market cut to its first months (a
/// few thousand texts over a few dozen issuers), the reference folder a worker needs for those issuers, and the store of
/// an uninterrupted lock-step run (<see cref="PipelineRun"/>, embedded bus) over the same files, which every worker run
/// is compared with.
/// </summary>
public sealed class RecoveryStream : IAsyncLifetime
{
    public const ulong SimulationSeed = 20261126;
    private const int Issuers = 36;
    private const int Months = 4;

    public string Directory { get; } = CliProcess.NewTempDirectory();

    /// <summary>fundamentals, spreads, news: the order <see cref="InputReader.ResolveFiles"/> gives a folder.</summary>
    public IReadOnlyList<string> InputFiles { get; private set; } = [];

    /// <summary>data/reference with the simulated issuers in place of the bundled ones (a worker takes a folder only).</summary>
    public string ReferenceDirectory => Path.Combine(Directory, "reference");

    public IReadOnlyList<string> IssuerIds { get; private set; } = [];
    public int InputRecords { get; private set; }
    public int NewsRecords { get; private set; }
    public StoreSnapshot Reference { get; private set; } = new();
    public TimeSpan ReferenceElapsed { get; private set; }

    public async Task InitializeAsync()
    {
        var sim = Path.Combine(Directory, "sim");
        await MarketSimulationRun.RunAsync(new SimulateOptions
        {
            Issuers = Issuers,
            Years = 1,
            Seed = SimulationSeed,
            OutDirectory = sim,
            NewsPerIssuerPerYear = 160,
            ReferenceDirectory = RepositoryRoot.Of("data", "reference"),
        }, null, TimeProvider.System, CancellationToken.None);

        // The simulator's shortest run is a year; its first months keep the test short and still cover late texts,
        // several quarters of fundamentals and months of daily spreads.
        var input = System.IO.Directory.CreateDirectory(Path.Combine(Directory, "input")).FullName;
        var cutoff = FirstDay(Path.Combine(sim, "spreads.jsonl"), "day").AddMonths(Months);
        InputFiles =
        [
            Cut(Path.Combine(sim, "fundamentals.jsonl"), Path.Combine(input, "fundamentals.jsonl"), "published_at", cutoff),
            Cut(Path.Combine(sim, "spreads.jsonl"), Path.Combine(input, "spreads.jsonl"), "day", cutoff),
            Cut(Path.Combine(sim, "news.jsonl"), Path.Combine(input, "news.jsonl"), "published_at", cutoff),
        ];
        NewsRecords = File.ReadLines(InputFiles[2]).Count();
        InputRecords = InputFiles.Sum(f => File.ReadLines(f).Count());

        System.IO.Directory.CreateDirectory(ReferenceDirectory);
        // The simulated issuers replace the reference ones, so the reference issuers' relations stay behind.
        foreach (var file in System.IO.Directory.EnumerateFiles(RepositoryRoot.Of("data", "reference"), "*.csv")
            .Where(f => Path.GetFileName(f) != "issuer_relations.csv"))
        {
            File.Copy(file, Path.Combine(ReferenceDirectory, Path.GetFileName(file)));
        }
        File.Copy(Path.Combine(sim, "issuers.csv"), Path.Combine(ReferenceDirectory, "issuers.csv"), overwrite: true);
        IssuerIds = ReferenceDataLoader.Load(ReferenceDirectory).Issuers.Select(i => i.IssuerId).ToArray();

        var database = Path.Combine(Directory, "reference.db");
        var run = await PipelineRun.RunAsync(new RunOptions
        {
            Inputs = InputFiles,
            ReferenceDirectory = ReferenceDirectory,
            DatabasePath = database,
            // What the processes under test run with `--firm-model lexicon`: the word-list scorer with its shipped calibration.
            Models = new ModelOptions { FirmModel = ModelOptions.CalibratedLexicon },
        }, null, CancellationToken.None);
        ReferenceElapsed = run.Elapsed;
        await using var store = new SqliteRiskStore(database);
        Reference = await StoreSnapshot.ReadAsync(store, IssuerIds, CancellationToken.None);
    }

    /// <summary>Every input record in the reference run's order (market data first, then news).</summary>
    public IEnumerable<InputRecord> Records() => InputFiles.SelectMany(InputReader.Read);

    /// <summary>
    /// Every alert event on risk.alerts.v1, read by a group of its own. Redelivered: an event published again with the same
    /// id and bytes (an outbox entry published just before a kill and again by the next instance; at-least-once, consumers
    /// drop it by its CloudEvents id). Conflicting: one id carrying two different alerts, which would be an alert raised twice.
    /// </summary>
    public static async Task<(int Events, int Redelivered, int Conflicting)> ReadAlertEventsAsync(MockKafkaCluster cluster)
    {
        await using var bus = cluster.CreateBus();
        await using var consumer = bus.CreateConsumer($"crash-test-alerts-{Guid.NewGuid():N}", [Topics.RiskAlerts]);
        var events = new List<(string Id, string Body)>();
        var quiet = System.Diagnostics.Stopwatch.StartNew();
        var total = System.Diagnostics.Stopwatch.StartNew();
        // No end-of-topic signal through IEventConsumer: read until nothing arrived for 3 s (the group forms in well under that).
        while (quiet.Elapsed < TimeSpan.FromSeconds(3) && total.Elapsed < TimeSpan.FromSeconds(30))
        {
            var batch = await consumer.ConsumeAsync(1000, TimeSpan.FromMilliseconds(200));
            if (batch.Count > 0)
            {
                quiet.Restart();
                // An alert is revised or retracted under the same alert id with the next revision: one event per version.
                events.AddRange(batch.Select(m => (EventJson.Deserialize<RiskAlert>(m.Value).EventId, Convert.ToBase64String(m.Value))));
            }
        }
        var byId = events.GroupBy(e => e.Id, StringComparer.Ordinal).ToList();
        return (events.Count, events.Count - byId.Count, byId.Count(g => g.Select(e => e.Body).Distinct(StringComparer.Ordinal).Count() > 1));
    }

    public Task DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        return Task.CompletedTask;
    }

    private static DateOnly FirstDay(string file, string field) =>
        DateOnly.FromDateTime(File.ReadLines(file).Select(line => Date(line, field)).Min());

    private static DateTime Date(string line, string field)
    {
        using var json = JsonDocument.Parse(line);
        var text = json.RootElement.GetProperty(field).GetString()!;
        return DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
    }

    private static string Cut(string from, string to, string field, DateOnly cutoff)
    {
        var end = cutoff.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        File.WriteAllLines(to, File.ReadLines(from).Where(line => Date(line, field) < end), new UTF8Encoding(false));
        return to;
    }
}
