using System.Globalization;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Scoring;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;
using StreamRisk.Pipeline.Tests.Stages;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>
/// Runs input files through what <c>streamrisk run</c> runs them through: the input reader, then the ingest stage
/// (news) and the score stage (fundamentals, spreads) on the embedded bus and a SQLite store, and says what became of
/// every record: <c>dead:CODE</c>, <c>doc:ID@PUBLISHED_AT</c>, <c>spread:ISSUER@DAY=BPS</c> or
/// <c>fundamentals:ISSUER@PUBLISHED_AT</c>.
/// </summary>
internal static class HostileInputRig
{
    /// <summary>The one issuer the score stage knows.</summary>
    public const string Issuer = "sedio";

    public sealed record Result(IReadOnlyList<string> Outcomes, IReadOnlyList<DeadLetter> Letters, int Records);

    public static async Task<Result> RunAsync(string fileName, byte[] content, int maxRecordBytes = InputLimits.MaxRecordBytes,
        long maxJsonFileBytes = InputLimits.MaxJsonFileBytes)
    {
        var path = Path.Combine(RepositoryPaths.NewTempDirectory(), fileName);
        await File.WriteAllBytesAsync(path, content);
        return await RunAsync([path], maxRecordBytes, maxJsonFileBytes);
    }

    public static async Task<Result> RunAsync(IReadOnlyList<string> files, int maxRecordBytes = InputLimits.MaxRecordBytes,
        long maxJsonFileBytes = InputLimits.MaxJsonFileBytes)
    {
        await using var harness = await StageHarness.CreateAsync();
        await using var ingest = new IngestStage(harness.Context, new IngestOptions(), 1, consultStore: false);
        await using var score = new ScoreStage(harness.Context, new BaselineRiskScorer(), new HashSet<string> { Issuer });
        var records = 0;
        foreach (var file in files)
        {
            foreach (var record in InputReader.Read(file, maxRecordBytes, maxJsonFileBytes))
            {
                records++;
                await harness.PublishAsync(record.Topic, record.Key, record.Value);
            }
        }
        while (await ingest.PumpAsync(100, TimeSpan.Zero, CancellationToken.None) + await score.PumpAsync(100, TimeSpan.Zero, CancellationToken.None) > 0)
        {
        }
        var letters = await harness.ReadAsync<DeadLetter>(Topics.DeadLetters);
        var outcomes = letters.Select(l => "dead:" + l.ReasonCode)
            .Concat((await harness.ReadAsync<NewsDocument>(Topics.Docs)).Select(d => $"doc:{d.DocId}@{d.PublishedAt:O}"))
            .Concat((await harness.Store.GetSpreadsAsync()).Select(s => string.Create(CultureInfo.InvariantCulture, $"spread:{s.IssuerId}@{s.Day:yyyy-MM-dd}={s.SpreadBps}")))
            .Concat((await harness.Store.GetFundamentalsAsync()).Select(f => $"fundamentals:{f.IssuerId}@{f.PublishedAt:O}"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new Result(outcomes, letters, records);
    }
}
