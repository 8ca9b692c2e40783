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

    /// <summary>Similarity threshold that places issuers listed without industries (<c>--placement-threshold</c>);
    /// null: STREAMRISK_PLACEMENT_THRESHOLD, else the default.</summary>
    public double? PlacementThreshold { get; init; }
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

    /// <summary>Keep reading the inputs as they grow (see <see cref="InputFollower"/>) until told to stop; null: read
    /// them once.</summary>
    public FollowOptions? Follow { get; init; }

    /// <summary>Sees the run's bus and is called after every step (the live feed's fan-out); null: none.</summary>
    public IRunObserver? Observer { get; init; }

    /// <summary>Counters and stages to expose while the run runs (<c>live</c>'s <c>/metrics</c>); null: the run keeps its own.</summary>
    public Telemetry.RunTelemetry? Telemetry { get; init; }
}

/// <param name="PollInterval">How often the inputs are looked at for new lines and files.</param>
/// <param name="Stop">Ends the following: what arrived is finished, then the run returns its summary.</param>
public sealed record FollowOptions(TimeSpan PollInterval, CancellationToken Stop);

/// <summary>Something that reads the run's events in lock-step with it: attached to the run's bus before the first
/// input, and given a turn after each step, before the bus drops what every reader has committed.</summary>
public interface IRunObserver
{
    Task AttachAsync(StreamRisk.Core.Bus.IEventBus bus, CancellationToken cancellationToken);

    Task AfterStepAsync(CancellationToken cancellationToken);
}

/// <summary>A configuration the run cannot start with: names the option or file and what to do.</summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
