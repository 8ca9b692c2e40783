namespace StreamRisk.Core.Ingest;

/// <summary>Bounds on what is read from outside before any of it is parsed.</summary>
public static class InputLimits
{
    /// <summary>
    /// Largest record (a .jsonl line, a message on an input topic), in bytes: 8 MiB. A body at the 1 MiB limit written
    /// entirely as <c>\uXXXX</c> escapes is 6 MiB, so every acceptable text fits with its headline and fields, while a
    /// line without end (a JSON array saved as .jsonl, a device) is cut off long before it could exhaust memory.
    /// </summary>
    public const int MaxRecordBytes = 8 << 20;

    /// <summary>Largest .json file, in bytes: such a file is parsed whole, so it is bounded like a record (64 MiB).</summary>
    public const int MaxJsonFileBytes = 64 << 20;

    /// <summary>How many leading bytes a dead letter keeps of an input too large to keep whole (or in another encoding).</summary>
    public const int SampleBytes = 4096;
}
