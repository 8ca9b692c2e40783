using StreamRisk.Core.Events;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Tests.Indexing;

[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>DESIGN: daily state for 10,000 issuers × 3 years within 1 GiB, i.e. ≤ 98 bytes per issuer-day.
/// Measured on 200 issuers (the state is per issuer, so it scales linearly).</summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class DailyAggregator_Memory
{
    [Fact]
    public void ThreeYearsOfDailyState_FitTheBudgetPerIssuerDay()
    {
        const int issuers = 200;
        const int days = 3 * 365;
        var ids = Enumerable.Range(0, issuers).Select(i => $"ISS{i:D5}").ToArray();
        var start = new DateTimeOffset(2021, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var batch = new FirmSentiment[issuers];

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var aggregator = new DailyAggregator();
        for (var day = 0; day < days; day++)
        {
            for (var i = 0; i < issuers; i++)
            {
                batch[i] = new FirmSentiment($"e{day}-{i}", $"d{day}-{i}", ids[i], start.AddDays(day), 0, 1, 0, ((day * 31 + i * 17) % 200 - 100) / 100.0, 1, "m", 0);
            }

            aggregator.Apply(batch);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(aggregator);
        var perIssuerDay = (after - before) / (double)(issuers * days);
        Assert.True(perIssuerDay < 98, $"{perIssuerDay:F1} bytes per issuer-day");
    }
}
