using System.Diagnostics;
using System.Globalization;
using StreamRisk.RiskModels.Default.Classifiers;
using StreamRisk.RiskModels.Training.Default.Classifiers;
using StreamRisk.RiskModels.Training.Default.RealData;

// The tabular baselines of issue 11 and GAN + CNN (seed document 002) on the real credit sets in data/real: seeded stratified 70/30 hold-outs (the sets are
// cross-sectional, so no split by issuer or time exists), PR-AUC, AUC, KS and Brier of P(bad) on the held-out part,
// mean ± sd over the seeds. Prints a Markdown table; progress on stderr.
// Usage: dotnet run -c Release --project bench/StreamRisk.Bench.RealCredit -- [--data DIR] [--seeds N] [--sets a,b] [--out FILE]
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
var data = Option("--data", "data/real");
var seeds = Enumerable.Range(1, int.Parse(Option("--seeds", "5"), CultureInfo.InvariantCulture)).ToArray();
var sets = Option("--sets", string.Join(',', RealCreditSets.Names)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var output = Option("--out", "");

var clock = Stopwatch.StartNew();
var results = sets.Select(name =>
{
    var set = RealCreditSets.Load(data, name);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {set.Labels.Length} rows, {set.FeatureNames.Count} features, bad rate {set.BadRate:0.000}"));
    // The seed systems with no text to read: GAN + CNN (seed 002) on the row as one step; the text-embedding MLP
    // (seed 004) is the MLP + SMOTE row of the baselines here.
    IReadOnlyList<Func<IDefaultClassifier>> models = [.. TabularBaselines.All(classCount: 2), () => new TabularClassifier(new GanCnnRowClassifier(), useSmote: false)];
    return RealCreditEvaluation.Run(set, models, seeds, testFraction: 0.3, progress: Console.Error.WriteLine);
}).ToArray();
var table = RealCreditEvaluation.Markdown(results);
var footer = string.Create(CultureInfo.InvariantCulture,
    $"\nSeeds {string.Join(", ", seeds)}; stratified 30 % hold-out per seed; {Environment.ProcessorCount} cores; {clock.Elapsed.TotalSeconds:0} s; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.\n");
Console.Write(table + footer);
if (output.Length > 0) File.WriteAllText(output, table + footer);
