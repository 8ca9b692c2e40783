using System.Diagnostics;
using System.Globalization;
using StreamRisk.Core.Events;
using StreamRisk.Core.Simulation;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Training.Training;

// EMDLOT cost on this machine, synthetic random examples of the study's shape: 32 financial + 2 macro indicators,
// 2 chapters embedded at the dataset's chapter dimension (DisclosureChapters.EmbeddingDimension, 64) or at a given
// one (4,096 is the hashed TF-IDF's general default), up to 12 quarters per issuer, 8 read.
// 1) training seconds per epoch (default options) for N training examples, pre-training / warm-up / training epochs
//    timed apart; reference in the same run: the same epochs without text (the numbers-only ablation).
// 2) serving per issuer, p50/p99 (ServingCost): the live assembly of an issuer's quarters from ten years of statements
//    and disclosures (what the score stage redoes on every score), EMDLOT's C# forward pass with its explanation, the
//    text-embedding MLP's (kind default-tabular-mlp) with its explanation; reference in the same run: baseline-v1.
// Usage: dotnet run -c Release --project bench/StreamRisk.Bench.Emdlot -- [train examples] [score calls] [embedding dimension]
//        dotnet run -c Release --project bench/StreamRisk.Bench.Emdlot -- --serving [score calls]
//        (serving only: a 1-epoch EMDLOT on 2,000 examples is enough to time its forward pass)
//        dotnet run -c Release --project bench/StreamRisk.Bench.Emdlot -- --sim DIR [seed]
//        (a full default-options training on the simulated market's default dataset: issue 11's ≤ 15 min target)
if (args.Length > 0 && args[0] == "--sim")
{
    var load = Stopwatch.StartNew();
    var dataset = DefaultDataset.Load(args[1]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dataset loaded in {load.Elapsed.TotalSeconds:0.0} s"));
    Console.Write(dataset.Summary());
    var seed = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 1;
    var dir = Path.Combine(Path.GetTempPath(), "streamrisk-bench-emdlot-sim-" + Guid.NewGuid().ToString("N"));
    var info = new DefaultTrainingData(dataset.Features, DefaultDataset.Chapters, dataset.Sha256(), args[1], "default-emdlot@bench", "bench");
    var clock = Stopwatch.StartNew();
    var lastEpoch = "";
    var trained = DefaultTrainer.Train(dataset.Train, dataset.Validation, info, new EmdlotTrainingOptions(), seed, dir, new SyncProgress(p =>
    {
        if (p.Stage == lastEpoch) return;
        lastEpoch = p.Stage;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:0.0} s  {p.Stage}"));
    }));
    var minutes = clock.Elapsed.TotalMinutes;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"EMDLOT full training (default options, seed {seed}): {minutes:0.00} min for {trained.EpochsRun} epochs, best epoch {trained.BestEpoch}, "
        + $"validation macro-F1 {trained.BestValidationMacroF1:0.000}; target ≤ 15 min on 2 cores: {(minutes <= 15 ? "met" : "NOT met")}"));
    // A first look only (one seed, no calibration); the evaluation report is `streamrisk eval default`.
    var served = DefaultClassModel.Load(dir);
    var p = served.ScoreBatch(dataset.Test);
    var counts = dataset.ClassCounts(SplitPart.Train);
    var majority = Array.IndexOf(counts, counts.Max());
    var prior = new float[dataset.Test.Count * 3];
    for (var i = 0; i < dataset.Test.Count; i++) prior[i * 3 + majority] = 1;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"test macro-F1 (arg-max, {dataset.Test.Count} examples): EMDLOT {DefaultTrainer.MacroF1(p, dataset.Test):0.000}, reference majority class {DefaultTrainer.MacroF1(prior, dataset.Test):0.000}"));
    return;
}
var servingOnly = args.Length > 0 && args[0] == "--serving";
var n = servingOnly ? 2_000 : args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
var dimension = !servingOnly && args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : DisclosureChapters.EmbeddingDimension;
var features = EmdlotIndicators.Names.Concat(["macro_gdp_growth", "macro_policy_rate"]).ToArray();
var chapters = DisclosureChapters.Names.ToArray();

var random = new Random(1);
// A pool of embeddings shared by the examples: the arithmetic is the same as distinct texts, the memory is not 6 GB.
var pool = Enumerable.Range(0, 512).Select(_ =>
{
    var e = new float[dimension];
    for (var k = 0; k < Math.Min(64, dimension); k++) e[random.Next(dimension)] = (float)random.NextDouble();
    return e;
}).ToArray();
List<DefaultExample> Examples(int count)
{
    var list = new List<DefaultExample>(count);
    for (var i = 0; i < count; i++)
    {
        var label = (RiskClass)(random.NextDouble() switch { < 0.8 => 0, < 0.93 => 1, _ => 2 });
        var quarters = new List<DisclosedQuarter>();
        var end = new DateOnly(2016, 3, 31);
        for (var q = 0; q < random.Next(4, 13); q++)
        {
            var months = q == 0 ? 0 : random.Next(3) == 0 ? 6 : 3;
            end = end.AddMonths(months);
            var fin = Enumerable.Range(0, 32).Select(k => k < 15 ? 1000 * random.NextDouble() : random.NextDouble() - 0.3 + 0.1 * (int)label).ToArray();
            var texts = chapters.Select(_ => random.NextDouble() < 0.2 ? null : pool[random.Next(pool.Length)]).ToArray();
            quarters.Add(new DisclosedQuarter(end, DateTimeOffset.UnixEpoch, months, fin, [random.NextDouble(), random.NextDouble()], texts));
        }
        list.Add(new DefaultExample($"I{i}", "IND", end.AddDays(60), label, quarters));
    }
    return list;
}
var train = Examples(n);
var validation = Examples(Math.Max(200, n / 10));
var data = new DefaultTrainingData(features, chapters, "bench", "synthetic", "default-emdlot@bench", "bench");

(double Pretrain, double Warmup, double Train, string Dir) TimeEpochs(EmdlotTrainingOptions options)
{
    var dir = Path.Combine(Path.GetTempPath(), "streamrisk-bench-emdlot-" + Guid.NewGuid().ToString("N"));
    var marks = new Dictionary<string, (long First, long Last)>();
    var progress = new SyncProgress(p =>
    {
        var now = Stopwatch.GetTimestamp();
        var phase = p.Stage.Split(" epoch")[0];
        marks[phase] = marks.TryGetValue(phase, out var m) ? (m.First, now) : (now, now);
    });
    var clock = Stopwatch.StartNew();
    DefaultTrainer.Train(train, validation, data, options, 1, dir, progress);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  whole run {clock.Elapsed.TotalSeconds:0.0} s (text {options.UseText})"));
    double Seconds(string phase) => marks.TryGetValue(phase, out var m) ? Stopwatch.GetElapsedTime(m.First, m.Last).TotalSeconds : double.NaN;
    return (Seconds("pre-training"), Seconds("cluster warm-up"), Seconds("training"), dir);
}
if (servingOnly)
{
    var quick = TimeEpochs(new EmdlotTrainingOptions { PretrainEpochs = 1, WarmupEpochs = 0, Epochs = 2 });
    ServingCost.Report(DefaultClassModel.Load(quick.Dir), train, Examples(1000), calls, dimension);
    return;
}
// One epoch of each phase (the training phase's figure excludes the validation pass and checkpoint at its end).
var probe = new EmdlotTrainingOptions { PretrainEpochs = 1, WarmupEpochs = 1, Epochs = 3 };
var full = TimeEpochs(probe);
var numbersOnly = TimeEpochs(probe with { UseText = false });
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"EMDLOT epoch, {n:N0} examples × 8 quarters × {features.Length} indicators × {chapters.Length} chapters × {dimension}-d text, 2 threads: "
    + $"pre-training {full.Pretrain:0.0} s, warm-up {full.Warmup:0.0} s, training {full.Train:0.0} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"reference, same epochs without text: pre-training {numbersOnly.Pretrain:0.0} s, warm-up {numbersOnly.Warmup:0.0} s, training {numbersOnly.Train:0.0} s"));
var epochs = new EmdlotTrainingOptions().Epochs;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"default run ({epochs} epochs at most): about {epochs * full.Train / 60:0.0} min with text (target ≤ 15 min on 2 cores)"));

ServingCost.Report(DefaultClassModel.Load(full.Dir), train, Examples(1000), calls, dimension);

internal sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value) => report(value);
}
