using System.Diagnostics;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>
/// <c>streamrisk eval</c>: runs the embedded pipeline over a simulation's news, fundamentals and spreads with the
/// simulated issuers, then scores what it produced against the simulation's truth and writes
/// <c>&lt;out&gt;/report.md</c> and <c>&lt;out&gt;/index.svg</c>. The pipeline's topic files go to
/// <c>&lt;out&gt;/topics</c> and its store to <c>&lt;out&gt;/streamrisk.db</c>, which is started afresh each time so
/// that a second evaluation does not judge the first one's de-duplication state.
/// </summary>
public static class SimulationEvaluation
{
    public const string ReportFileName = "report.md";
    public const string ChartFileName = "index.svg";

    private static readonly string[] RequiredFiles =
        ["news.jsonl", "fundamentals.jsonl", "spreads.jsonl", "issuers.csv", "truth/polarity.jsonl", "truth/latent.csv"];

    public static async Task<EvaluationResult> RunAsync(EvaluationOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        Validate(options);
        var stopwatch = Stopwatch.StartNew();
        var sim = options.SimulationDirectory;
        var outDirectory = options.ResolvedOutDirectory;
        var topics = Path.Combine(outDirectory, "topics");
        var database = Path.Combine(outDirectory, "streamrisk.db");
        TopicDump.EnsureWritable(outDirectory);
        foreach (var stale in new[] { database, database + "-wal", database + "-shm", database + "-journal" })
        {
            File.Delete(stale);
        }

        var run = await PipelineRun.RunAsync(new RunOptions
        {
            Inputs = [Path.Combine(sim, "fundamentals.jsonl"), Path.Combine(sim, "spreads.jsonl"), Path.Combine(sim, "news.jsonl")],
            IssuersFile = Path.Combine(sim, "issuers.csv"),
            ReferenceDirectory = options.ReferenceDirectory,
            OutDirectory = topics,
            DatabasePath = database,
            ChunkSize = options.ChunkSize,
            BatchSize = options.BatchSize,
            Models = options.Models,
        }, progress, cancellationToken).ConfigureAwait(false);

        var truth = SimulationTruthFiles.ReadPolarity(Path.Combine(sim, "truth", "polarity.jsonl")).ToList();
        var latent = SimulationTruthFiles.ReadLatent(Path.Combine(sim, "truth", "latent.csv"));
        var outcome = PipelineOutcomeFiles.Read(topics);
        var dailyFile = new FileInfo(Path.Combine(topics, Core.Events.Topics.DailySentiment + ".jsonl"));
        var card = SimulationScoring.Score(truth, outcome, latent, options.HorizonDays, options.NeutralBand, RelatedIssuers(sim)) with
        {
            DailyValuesEmitted = run.TopicCounts.GetValueOrDefault(Core.Events.Topics.DailySentiment),
            DailyTopicBytes = dailyFile.Exists ? dailyFile.Length : 0,
        };

        string? chartPath = null;
        if (IndexChartSvg.MostMovedIssuer(outcome, latent) is { } issuer)
        {
            chartPath = Path.Combine(outDirectory, ChartFileName);
            await File.WriteAllTextAsync(chartPath, IndexChartSvg.Render(issuer, outcome.DailyIndex, latent[issuer]), cancellationToken).ConfigureAwait(false);
        }
        var reportPath = Path.Combine(outDirectory, ReportFileName);
        var markdown = EvaluationReport.ToMarkdown(card, Path.GetFullPath(sim), run.InputRecords, run.Elapsed,
            chartPath is null ? null : ChartFileName, TimeProvider.System.GetUtcNow());
        await File.WriteAllTextAsync(reportPath, markdown, cancellationToken).ConfigureAwait(false);
        return new EvaluationResult(run, card, reportPath, chartPath, stopwatch.Elapsed);
    }

    /// <summary>The issuers named in the simulation's issuer_relations.csv (written with --related-share); null without one.
    /// The pipeline run has already checked the file.</summary>
    private static HashSet<string>? RelatedIssuers(string simulationDirectory)
    {
        var path = Path.Combine(simulationDirectory, Core.Reference.IssuerRelationTable.FileName);
        if (!File.Exists(path)) return null;
        return File.ReadLines(path).Skip(1).Where(l => l.Length > 0).SelectMany(l => l.Split(',').Take(2)).ToHashSet(StringComparer.Ordinal);
    }

    private static void Validate(EvaluationOptions options)
    {
        if (!Directory.Exists(options.SimulationDirectory))
        {
            throw new ConfigurationException($"--sim '{options.SimulationDirectory}' is not a folder (give the --out folder of streamrisk simulate)");
        }
        foreach (var file in RequiredFiles)
        {
            if (!File.Exists(Path.Combine(options.SimulationDirectory, file)))
            {
                throw new ConfigurationException($"--sim '{options.SimulationDirectory}' has no {file}; is it the --out folder of streamrisk simulate?");
            }
        }
        if (options.ChunkSize < 1) throw new ConfigurationException($"--chunk-size must be at least 1 (got {options.ChunkSize})");
        if (options.HorizonDays < 1) throw new ConfigurationException($"--horizon must be at least 1 trading day (got {options.HorizonDays})");
        if (double.IsNaN(options.NeutralBand) || options.NeutralBand is < 0 or >= 1)
        {
            throw new ConfigurationException($"--neutral-band must be in [0, 1) (got {options.NeutralBand})");
        }
    }
}
