using System.CommandLine;
using StreamRisk.Core.Graph;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>Options several commands share, so their names and help texts cannot drift apart.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Input() => new("--input", "-i")
    {
        Description = "Input file or folder: JSON lines (.jsonl) or JSON (.json) files of news.raw.v1 records; files named "
            + "fundamentals*.jsonl / spreads*.jsonl feed fundamentals.v1 / spreads.v1. Repeatable.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<string?> Issuers() => new("--issuers")
    {
        Description = "Issuer list (CSV: issuer_id,legal_name,aliases,tickers,industries) to use instead of the reference issuers.csv.",
    };

    public static Option<string?> Reference() => new("--reference")
    {
        Description = "Reference data folder (industries.csv, topics.csv, topic_industry.csv, issuers.csv). Default: the bundled data/reference.",
    };

    public static Option<double?> PlacementThreshold() => new(IssuerPlacementSetting.ThresholdOption)
    {
        Description = "Cosine similarity an industry's definition (industries.csv) needs to the description of an issuer listed without "
            + "industries (issuers.csv description) to place the issuer in it; when none reaches it, the most similar industry. In [0, 1]. "
            + $"Default: ${IssuerPlacementSetting.ThresholdVariable}, else {IssuerPlacementOptions.DefaultThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)} "
            + "for the built-in embedder (measured), "
            + $"{IssuerPlacementOptions.DenseEmbeddingThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)} "
            + "with --embedding-model (placement then embeds with that model; not measured).",
    };

    public static Option<string?> Out() => new("--out", "-o")
    {
        Description = "Folder to write every topic to, as <topic>.jsonl (created if missing).",
    };

    public static Option<string?> Db(string description) => new("--db") { Description = description };

    public static Option<int> BatchSize() => new("--batch-size")
    {
        Description = "Messages a stage takes from the bus at a time.",
        DefaultValueFactory = _ => 512,
    };

    public static Option<int> ChunkSize() => new("--chunk-size")
    {
        Description = "Input records published before every stage catches up: the run's unit of time. 1 mimics a live stream "
            + "record by record; larger is faster. Results are deterministic for a given value.",
        DefaultValueFactory = _ => 64,
    };

    public static Option<string> SqliteSync() => new("--sqlite-sync")
    {
        Description = "normal (default): each step's commit survives the process being killed in any way; a power cut or OS crash "
            + "can lose the last commits, which the next run over the same input does again. full: every commit is synced to disk "
            + "and survives a power cut too, at the cost of a disk flush per stage and step.",
        DefaultValueFactory = _ => "normal",
    };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "No progress bar, summary table or reference-data warnings; errors only (and the warning that goes with exit code 3)." };
}
