using System.Diagnostics;
using System.Globalization;
using StreamRisk.RiskModels.Default;

// Cost of building the EMDLOT default-prediction dataset from a simulated market folder (`streamrisk simulate --out DIR`):
// read the files, build every issuer × quarter-end example with its embedded disclosure chapters, split, hash.
// Reference measured in the same run: reading fundamentals.jsonl's lines without parsing them (the largest input).
// Target: well under a minute for 2,000 issuers × 10 years on 2 cores.
// Usage: dotnet run -c Release --project bench/StreamRisk.Bench.DefaultData -- SIM_DIR [TRAIN_TIME VALIDATION_TIME TRAIN_ISSUERS VALIDATION_ISSUERS]
if (args.Length is not (1 or 5))
{
    Console.Error.WriteLine("usage: StreamRisk.Bench.DefaultData SIM_DIR [TRAIN_TIME VALIDATION_TIME TRAIN_ISSUERS VALIDATION_ISSUERS]");
    return 2;
}
var directory = args[0];
var options = args.Length == 1 ? DefaultDatasetOptions.Default : new DefaultDatasetOptions
{
    TrainTimeShare = double.Parse(args[1], CultureInfo.InvariantCulture),
    ValidationTimeShare = double.Parse(args[2], CultureInfo.InvariantCulture),
    TrainIssuerShare = double.Parse(args[3], CultureInfo.InvariantCulture),
    ValidationIssuerShare = double.Parse(args[4], CultureInfo.InvariantCulture),
};

var clock = Stopwatch.StartNew();
long bytes = 0;
foreach (var line in File.ReadLines(Path.Combine(directory, "fundamentals.jsonl"))) bytes += line.Length;
var reference = clock.Elapsed;

clock.Restart();
var market = DefaultMarketFiles.Read(directory);
var read = clock.Elapsed;
clock.Restart();
var dataset = DefaultDataset.Build(market, options);
var build = clock.Elapsed;
clock.Restart();
var sha = dataset.Sha256();
var hashing = clock.Elapsed;

Console.WriteLine($"reference: read fundamentals.jsonl lines ({bytes / 1e6:0.0} M chars): {reference.TotalSeconds:0.00} s");
Console.WriteLine($"read market files: {read.TotalSeconds:0.00} s ({market.Statements.Count} statements, {market.Disclosures.Count} disclosures, {market.ClassChanges.Count} class changes)");
Console.WriteLine($"build examples + split: {build.TotalSeconds:0.00} s");
Console.WriteLine($"sha256: {hashing.TotalSeconds:0.00} s  {sha}");
Console.WriteLine($"total (read + build): {(read + build).TotalSeconds:0.00} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
Console.Write(dataset.Summary());
return 0;
