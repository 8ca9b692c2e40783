using System.Diagnostics;
using System.Globalization;
using StreamRisk.Core.Events;
using StreamRisk.Core.Scoring;
using StreamRisk.RiskModels.Forecasting;
using StreamRisk.RiskModels.Tests;

// Per-issuer cost of the served spread forecast, as the score stage pays it: build the issuer's window from its live
// inputs (LiveSpreadInputs.SeriesAsOf) and run the C# iTransformer forward pass (SpreadForecastModel.Forecast).
// Reference measured in the same run: baseline-v1's forecast for the same issuer-days. Target: p99 ≤ 5 ms per issuer.
// Usage: dotnet run -c Release --project bench/StreamRisk.Bench.SpreadForecast -- [ARTIFACT] [calls]
var artifact = args.Length > 0 && args[0] != "-" ? args[0] : null;
var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
if (artifact is null)
{
    // The default training size of `streamrisk train spread` (d_model 32, 4 heads, 2 layers, feed-forward 64), random weights.
    artifact = Path.Combine(Path.GetTempPath(), "streamrisk-bench-spread-" + Environment.ProcessId);
    TestNetworks.SaveSpreadArtifact(artifact, dModel: 32, heads: 4, layers: 2, feedForward: 64);
}
var model = SpreadForecastModel.Load(artifact);
const int issuers = 1000, days = 260;
var live = new LiveSpreadInputs(model.Window);
var random = new Random(1);
var start = new DateOnly(2024, 1, 1);
for (var i = 0; i < issuers; i++)
{
    var id = $"ISS{i:0000}";
    for (var d = 0; d < days; d++)
    {
        var day = start.AddDays(d);
        live.Add(new SpreadObservation(id, day, 150 + 50 * random.NextDouble()));
        live.Add(new DailySentiment($"{id}:{day:yyyy-MM-dd}:r0", id, day, 0, random.NextDouble() - 0.5, 1, 0.1, 0.1, random.NextDouble() - 0.5, []));
        if (d % 90 == 0)
        {
            live.Add(new Fundamentals(id, day.AddDays(-30), new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                new Dictionary<string, double> { ["debt_to_assets"] = 0.5, ["interest_coverage"] = 3 }));
        }
    }
}
var baseline = new BaselineRiskScorer();
double Time(Action<int> work, double[] into)
{
    for (var i = 0; i < 2000; i++) work(i); // warm-up (JIT, caches)
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < into.Length; i++)
    {
        var t0 = Stopwatch.GetTimestamp();
        work(i);
        into[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    }
    return clock.Elapsed.TotalMilliseconds;
}
var served = new double[calls];
var reference = new double[calls];
var sink = 0.0;
var totalServed = Time(i =>
{
    var series = live.SeriesAsOf($"ISS{i % issuers:0000}", start.AddDays(20 + i % (days - 20)))!;
    sink += model.Forecast(series).Horizons[0].SpreadBps;
}, served);
var totalReference = Time(i => sink += baseline.Forecast(-0.1 * (i % 7), 150 + i % 50).SpreadChangeBps, reference);
static double Quantile(double[] values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"spread forecast per issuer (window build + C# iTransformer, {model.Manifest.Hyperparameters["d_model"]} d_model, {model.Manifest.Hyperparameters["layers"]} layers): "
    + $"p50 {Quantile(served, 0.5):0.000} ms, p99 {Quantile(served, 0.99):0.000} ms, max {served.Max():0.000} ms, {calls / totalServed * 1000:N0} issuers/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"reference baseline-v1 forecast: p50 {Quantile(reference, 0.5):0.0000} ms, p99 {Quantile(reference, 0.99):0.0000} ms, {calls / totalReference * 1000:N0} issuers/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target p99 <= 5 ms: {(Quantile(served, 0.99) <= 5 ? "met" : "NOT met")} (checksum {sink:0})"));
