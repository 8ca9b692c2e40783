using System.Diagnostics;
using StreamRisk.Core.Events;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Bench;

/// <summary>
/// Memory of the aggregate stage's daily state: N issuers × D days, fed in event-time order as the stage is, one text
/// per issuer every <c>step</c> days (the state is a daily grid, so its size depends on the days spanned, not on the
/// number of texts). Texts carry the ingest watermark as ingest would stamp them (the day itself, since days arrive in
/// order), and the aggregator keeps the default lateness plus prune margin (3 + 28 days) of full state per issuer.
/// </summary>
public static class DailyStateMemory
{
    public sealed record Result(int Issuers, int Days, long Texts, double RetainedMiB, double PeakWorkingSetMiB, TimeSpan Elapsed);

    public static Result Measure(int issuers, int days, int step)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();
        var aggregator = new DailyAggregator();
        var start = new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, issuers).Select(i => $"ISS{i:D5}").ToArray();
        long texts = 0;
        var batch = new List<FirmSentiment>(issuers);
        for (var day = 0; day < days; day++)
        {
            batch.Clear();
            var watermark = DateOnly.FromDateTime(start.AddDays(day).UtcDateTime);
            for (var i = day % step; i < issuers; i += step)
            {
                texts++;
                var score = Math.Sin(i * 0.37 + day * 0.11) * 0.6;
                batch.Add(new FirmSentiment($"d{day}-{i}:{ids[i]}", $"d{day}-{i}", ids[i], start.AddDays(day), 0.2, 0.5, 0.3, score, 1, "bench", texts, watermark));
            }
            aggregator.Apply(batch);
        }
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(aggregator);
        using var process = Process.GetCurrentProcess();
        return new Result(issuers, days, texts, retained / 1048576.0, process.PeakWorkingSet64 / 1048576.0, stopwatch.Elapsed);
    }
}
