namespace StreamRisk.Pipeline.Running;

/// <summary>Everything a run, an ingest-only run or a replay is configured with.</summary>
public sealed record RunOptions
{
    /// <summary>Input files or folders (see <see cref="InputReader"/>).</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Replay the raw inputs stored in this database instead of reading <see cref="Inputs"/>.</summary>
    public string? ReplayFrom { get; init; }

    public string? IssuersFile { get; init; }
    public string? ReferenceDirectory { get; init; }
    public string? OutDirectory { get; init; }
    public string? DatabasePath { get; init; }

    /// <summary>Messages a stage takes per pump.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Input records published before the stages are drained; a fixed value keeps runs deterministic.</summary>
    public int ChunkSize { get; init; } = 64;

    /// <summary>Text models (built-in unless ONNX manifests are named).</summary>
    public ModelOptions Models { get; init; } = ModelOptions.BuiltIn;

    /// <summary>
    /// Sync every SQLite commit to disk (<c>synchronous=FULL</c>): committed work then survives a power cut or an OS
    /// crash too. Off (<c>NORMAL</c>, the default), a committed transaction survives the process being killed in any
    /// way, and a power cut can lose the last commits, which the next run then does again from the input journal.
    /// </summary>
    public bool SyncEachCommit { get; init; }

    /// <summary>Stop after ingest (the <c>ingest</c> command).</summary>
    public bool IngestOnly { get; init; }
}

/// <summary>A configuration the run cannot start with: names the option or file and what to do.</summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
