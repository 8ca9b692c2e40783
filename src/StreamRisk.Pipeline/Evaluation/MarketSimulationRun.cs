using System.Diagnostics;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Simulation;
using StreamRisk.Infrastructure.RealData;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Infrastructure.Simulation;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>
/// <c>streamrisk simulate</c>: builds a <see cref="MarketSimulator"/> over the reference industries and topics and
/// streams it to files with <see cref="SimulationWriter"/>, reporting progress by simulated day.
/// </summary>
public static class MarketSimulationRun
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<SimulationRunSummary> RunAsync(SimulateOptions options, IProgress<SimulationProgress>? progress,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var simulationOptions = new SimulationOptions(options.Issuers, options.Years, options.Seed, SimulationOptions.DefaultStartDay,
            NewsPerIssuerPerYear: options.NewsPerIssuerPerYear, ExtendedShare: options.ExtendedShare, DefaultedShare: options.DefaultedShare)
        {
            RelatedShare = options.RelatedShare,
        };
        try
        {
            simulationOptions.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException(OptionName(ex.Message));
        }
        TopicDump.EnsureWritable(options.OutDirectory);
        var reference = LoadReference(options.ReferenceDirectory);
        var macro = options.Macro == MacroSource.Real ? LoadMacro(options.RealDataDirectory) : null;
        var simulator = new MarketSimulator(simulationOptions, reference.Industries, reference.Topics, reference.TopicIndustryMatrix, macro);

        var started = time.GetTimestamp();
        var totalDays = simulationOptions.EndDay.DayNumber - simulationOptions.StartDay.DayNumber + 1;
        var latentPath = Path.Combine(options.OutDirectory, "truth", "latent.csv");
        if (options.NewsPerSecond is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ConfigurationException($"--rate must be a positive number of texts per second (got {rate})");
        }
        var writing = Task.Run(() => SimulationWriter.Write(simulator, options.OutDirectory, cancellationToken, options.NewsPerSecond), cancellationToken);
        while (!writing.IsCompleted)
        {
            await Task.WhenAny(writing, Task.Delay(ProgressInterval, time, CancellationToken.None)).ConfigureAwait(false);
            if (progress is not null && LatentFileProgress.LastDay(latentPath) is { } day)
            {
                progress.Report(new SimulationProgress(Math.Clamp(day.DayNumber - simulationOptions.StartDay.DayNumber + 1, 0, totalDays), totalDays));
            }
        }
        var written = await writing.ConfigureAwait(false);
        progress?.Report(new SimulationProgress(totalDays, totalDays));
        return new SimulationRunSummary(written, BytesUnder(options.OutDirectory), time.GetElapsedTime(started), ProcessPeakMemory.Read(),
            Path.GetFullPath(options.OutDirectory));
    }

    private static ReferenceData LoadReference(string? directory)
    {
        try
        {
            return ReferenceDataLoader.Load(ReferenceDataLocation.Resolve(directory));
        }
        catch (ReferenceDataException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }

    private static IReadOnlyList<MacroQuarter> LoadMacro(string? configured)
    {
        var directory = configured ?? FindRealData()
            ?? throw new ConfigurationException("--macro real needs data/real/macrodata.csv, which is not next to the program nor above the working folder; run from the repository or use --macro drawn");
        try
        {
            return MacroDataFile.Load(directory);
        }
        catch (Exception ex) when (ex is RealDataFormatException or FileNotFoundException)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }

    private static string? FindRealData()
    {
        var bundled = Path.Combine(AppContext.BaseDirectory, "data", "real");
        if (File.Exists(Path.Combine(bundled, RealDatasets.MacroData.FileName))) return bundled;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "real");
            if (File.Exists(Path.Combine(candidate, RealDatasets.MacroData.FileName))) return candidate;
        }
        return null;
    }

    // Only what the writer wrote: the folder may also hold an earlier evaluation's output.
    private static long BytesUnder(string directory)
    {
        string[] files = ["news.jsonl", "disclosures.jsonl", "fundamentals.jsonl", "spreads.jsonl", "issuers.csv", "macro.csv", "issuer_relations.csv"];
        var bytes = files.Select(f => new FileInfo(Path.Combine(directory, f))).Where(f => f.Exists).Sum(f => f.Length);
        return bytes + new DirectoryInfo(Path.Combine(directory, "truth")).EnumerateFiles().Sum(f => f.Length);
    }

    // SimulationOptions names its properties; the user typed options, so speak in those.
    private static string OptionName(string message) => message
        .Replace("IssuerCount", "--issuers", StringComparison.Ordinal)
        .Replace("NewsPerIssuerPerYear", "--news-per-issuer-year", StringComparison.Ordinal)
        .Replace("ExtendedShare", "--extended-share", StringComparison.Ordinal)
        .Replace("DefaultedShare", "--defaulted-share", StringComparison.Ordinal)
        .Replace("RelatedShare", "--related-share", StringComparison.Ordinal)
        .Replace("Years", "--years", StringComparison.Ordinal);
}
